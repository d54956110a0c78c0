"""Start Qt for mapviewer: environment, URL scheme, application object, settings."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QCoreApplication,
    QEventLoop,
    QSettings,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..paths import resource_path
from .web import MapView, register_scheme

log = logging.getLogger(__name__)

ORGANIZATION = "mapviewer"
APPLICATION = "mapviewer"


def prepare_environment(headless: bool) -> None:
    """Settings Qt and Chromium read at start-up; must run before QApplication exists."""
    if headless:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        # No GPU offscreen: Chromium renders in software without first probing for one; and
        # Chromium's own complaints (no D-Bus, no GPU) stay out of a command's output.
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu").split()
        if not any(f.startswith("--log-level") for f in flags):
            flags.append("--log-level=3")
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to start as root with its sandbox on.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.webenginecontext.info=false")


def quiet_qt_messages() -> None:
    """Send Qt's own messages to the log (shown with ``-v``), not to the command's output;
    a critical or fatal one still reaches stderr."""

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            print(f"mapviewer: Qt: {message}", file=sys.stderr)
        else:
            log.debug("Qt: %s", message)

    qInstallMessageHandler(handler)


def has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def start_map_page() -> MapView:
    """The window's map view, made first thing so that Chromium starts and loads the page
    while Python builds the rest of the window (see ``let_the_page_load``)."""
    view = MapView()
    let_the_page_load()
    return view


def let_the_page_load(rounds: int = 50) -> None:
    """Run the events waiting now (Chromium's requests to the app, its next steps), a bounded
    number of rounds: a loading page is served between the steps of building the window."""
    dispatcher = QAbstractEventDispatcher.instance()
    for _ in range(rounds):
        if dispatcher is None or not dispatcher.processEvents(QEventLoop.ProcessEventsFlag.AllEvents):
            break


def create_application(argv: list[str]) -> QApplication:
    register_scheme()
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationDisplayName("mapviewer")
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The window's icon; an installation without it still starts, with Qt's default icon."""
    try:
        return QIcon(str(resource_path("icons", "mapviewer.png")))
    except FileNotFoundError:
        return QIcon()


def app_settings() -> QSettings:
    """The user's settings; a corrupt file reads as empty rather than failing."""
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
    if settings.status() != QSettings.Status.NoError:
        settings.clear()  # unreadable: start from defaults and write a fresh file on exit
    return settings

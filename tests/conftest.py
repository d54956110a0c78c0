"""Shared fixtures: one offscreen QApplication, temporary settings, the real window and page."""

from __future__ import annotations

import json
import os
import time

if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")

import pytest
import shiboken6

from mapviewer.model.index import load_index
from mapviewer.paths import resource_path
from mapviewer.qt.web import register_scheme

register_scheme()  # before pytest-qt creates the QApplication

PAGE_TIMEOUT_MS = 60_000


@pytest.fixture(scope="session", autouse=True)
def _page_cache(tmp_path_factory):
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def _no_echoed_selection(caplog):
    """Every test also proves that no view chose an event while it was being shown one."""
    yield
    echoes = [r.getMessage() for r in caplog.records if r.name == "mapviewer.model.selection"]
    assert echoes == [], f"a view echoed the selection back: {echoes}"


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def carr_index():
    return load_index(os.environ.get("MV_TEST_INDEX") or resource_path("passages", "carr-1979-pp42-46.index.json"))


@pytest.fixture
def js_errors():
    """JavaScript console errors of the page; a test fails on any it did not expect."""
    errors: list[str] = []
    yield errors
    assert errors == [], f"JavaScript errors on the map page: {errors}"


@pytest.fixture
def window(qtbot, carr_index, settings, js_errors):
    from mapviewer.qt.main_window import MainWindow

    win = MainWindow(carr_index, settings)
    win.map_view.page().console_error.connect(js_errors.append)
    drawn = []
    win.map_view.bridge.page_shown.connect(lambda kind, value: drawn.append(kind))
    win.resize(1280, 800)
    win.show()
    # The page comes up first and fetches its borders after: tests start with both.
    qtbot.waitUntil(lambda: win.map_view.is_ready and "borders" in drawn, timeout=PAGE_TIMEOUT_MS)
    yield win
    # Pages must go before QtWebEngine's profile does, so delete the window now.
    win.document.mark_saved()  # a test's edits are not to be saved on closing
    win.close()
    shiboken6.delete(win)


@pytest.fixture
def brisk(window):
    """The window with flights and fades at a tenth of their length: for tests that step through
    every event and look where each one settles (the moves are the same, only shorter)."""
    window.map_view.call("setPace", 0.1)
    return window


def page_state(qtbot, view) -> dict:
    """The map page's own account of what it shows, read back with runJavaScript."""
    with qtbot.waitCallback(timeout=10_000) as callback:
        view.page().runJavaScript("JSON.stringify(mapviewer.state())", 0, callback)
    return json.loads(callback.args[0])


def wait_for_state(qtbot, view, predicate, timeout=10.0) -> dict:
    """Poll the page until its state satisfies ``predicate``; return that state."""
    deadline = time.monotonic() + timeout
    state = page_state(qtbot, view)
    while not predicate(state):
        if time.monotonic() > deadline:
            raise AssertionError(f"the map page never reached the expected state; last: {state}")
        qtbot.wait(50)
        state = page_state(qtbot, view)
    return state


def settled_state(qtbot, view, timeout=10.0) -> dict:
    """The page state once the map has settled, as the page itself reports (fails on timeout)."""
    selection = view.selection
    wanted = (selection.event or "", selection.date.isoformat())
    with qtbot.waitSignal(
        view.bridge.settled, timeout=int(timeout * 1000), check_params_cb=lambda event, date: (event, date) == wanted
    ):
        view.request_settled()
    return page_state(qtbot, view)


def answer_dialog(qtbot, act, timeout_ms=10_000):
    """Run ``act(dialog)`` on the next modal dialog to open (dialogs block in exec())."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_ms / 1000

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            act(dialog)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def answer_file_dialog(qtbot, path) -> None:
    """Answer the next file dialog with ``path``, as a reader typing it and pressing Save/Open."""
    from PySide6.QtWidgets import QFileDialog

    def choose(dialog) -> None:
        assert isinstance(dialog, QFileDialog), f"expected a file dialog, got {dialog!r}"
        dialog.selectFile(str(path))
        dialog.accept()

    answer_dialog(qtbot, choose)

"""Presenting with a laptop and a projector: two virtual screens of Qt's offscreen platform."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

SCREENS = {
    "screens": [
        {
            "name": "laptop",
            "x": 0,
            "y": 0,
            "width": 1366,
            "height": 768,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
        {
            "name": "projector",
            "x": 1366,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
    ]
}

# Runs in its own process: the platform's screens are fixed when the QApplication starts.
SCRIPT = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from mapviewer.cli import load_for_path
    from mapviewer.qt import app as qtapp

    qtapp.prepare_environment(headless=False)
    app = qtapp.create_application(["test"])
    from PySide6.QtGui import QGuiApplication
    from mapviewer.qt.main_window import MainWindow

    settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
    window = MainWindow(load_for_path(None), settings)
    window.show()
    out = {"screens": [s.name() for s in QGuiApplication.screens()], "home": window.screen().name(),
           "size": [window.width(), window.height()]}
    steps = [s.event for s in window.index.tours[0].steps]

    def where(widget):
        return [widget.screen().name(), widget.isFullScreen(), widget.geometry().getRect()]

    def run():
        QTest.qWaitForWindowActive(window)  # keys reach a window's shortcuts once it is active
        QTest.keyClick(window, Qt.Key.Key_F5)
        show = window.presentation
        out["started"] = {"audience": where(window), "presenter": where(show.presenter)}
        QTest.keyClick(show.presenter, Qt.Key.Key_PageDown)  # the presenter's window has the focus
        out["after_presenter_key"] = window.selection.event
        QTest.keyClick(window.map_view.focusProxy() or window.map_view, Qt.Key.Key_PageDown)
        out["after_audience_key"] = window.selection.event
        QTest.keyClick(show.presenter, Qt.Key.Key_F6)
        out["swapped"] = {"audience": where(window), "presenter": where(show.presenter),
                          "remembered": settings.value("present/screen")}
        QTest.keyClick(show.presenter, Qt.Key.Key_Escape)
        out["stopped"] = [show.active, window.isFullScreen()]
        QTest.keyClick(window, Qt.Key.Key_F5)
        out["again"] = {"audience": where(window), "presenter": where(show.presenter)}
        show.stop()
        out["steps"] = steps[:2]
        print(json.dumps(out))
        window.close()
        app.quit()

    if window.map_view.is_ready:  # the page may be up before the window is built
        QTimer.singleShot(0, run)
    else:
        window.map_view.ready.connect(lambda: QTimer.singleShot(0, run))
    app.exec()
    """
)


def test_audience_on_the_projector_presenter_on_the_laptop_and_keys_from_both(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", XDG_CACHE_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["screens"] == ["laptop", "projector"] and out["home"] == "laptop"
    # The first window fits the 1366x768 laptop, slider and status bar included.
    assert out["size"][0] <= 1366 and out["size"][1] <= 768 - 40
    assert out["started"]["audience"] == ["projector", True, [1366, 0, 1920, 1080]]
    assert out["started"]["presenter"][:2] == ["laptop", False]
    first, second = out["steps"]
    assert out["after_presenter_key"] == first and out["after_audience_key"] == second
    assert out["swapped"]["audience"] == ["laptop", True, [0, 0, 1366, 768]]
    assert out["swapped"]["presenter"][0] == "projector" and out["swapped"]["remembered"] == "laptop"
    assert out["stopped"] == [False, False]
    # The lecturer's choice is remembered: the audience goes to the laptop's screen next time.
    assert out["again"]["audience"][:2] == ["laptop", True] and out["again"]["presenter"][0] == "projector"

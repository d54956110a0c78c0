"""Render the window to a PNG without a display: wait for the page, select, grab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

# Long enough for the map's fly-to animation (0.6 s) and the canvas redraw.
SETTLE_MS = 1500
TIMEOUT_MS = 30000


def render_screenshot(window, out: Path, event_id: str | None, size: tuple[int, int],
                      present: bool = False) -> int:
    """Show ``window`` offscreen at ``size``, select ``event_id``, save a PNG; return an exit code."""
    app = QApplication.instance()
    window.resize(*size)
    window.show()
    if present:
        window.presentation.start(window.index.tours[0].id if window.index.tours else "", fullscreen=False)
    result = {"code": 1}

    def grab() -> None:
        image = window.grab()
        if image.save(str(out), "PNG"):
            result["code"] = 0
        else:
            print(f"mapviewer: cannot write {out}", flush=True)
            result["code"] = 2
        app.quit()

    def on_ready() -> None:
        if event_id:
            window.selection.select_event(event_id)
        QTimer.singleShot(SETTLE_MS, grab)

    def on_timeout() -> None:
        print("mapviewer: the map page did not load within 30 s", flush=True)
        app.exit(1)

    if window.map_view.is_ready:
        on_ready()
    else:
        window.map_view.ready.connect(on_ready)
    QTimer.singleShot(TIMEOUT_MS, on_timeout)
    app.exec()
    window.close()
    return result["code"]

"""Render the window to a PNG without a display: wait for the page, select, grab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ..export.render import EventRenderer

# With no event to wait for: long enough for the page to draw its first frames.
SETTLE_MS = 1000


def render_screenshot(window, out: Path, event_id: str | None, size: tuple[int, int],
                      present: bool = False) -> int:
    """Show ``window`` offscreen at ``size``, select ``event_id``, save a PNG; return an exit code."""
    app = QApplication.instance()
    window.resize(*size)
    window.show()
    if present:
        window.presentation.start(window.index.tours[0].id if window.index.tours else "", fullscreen=False)
    result = {"code": 1}

    def save(_event_id, pixmap) -> None:
        if not pixmap.save(str(out), "PNG"):
            raise OSError(f"cannot write {out}")

    def done(ok: bool, message: str) -> None:
        if not ok:
            print(f"mapviewer: {out}: {message}", flush=True)
        result["code"] = 0 if ok else 2
        app.quit()

    if event_id:
        renderer = EventRenderer(window, [event_id], window.grab, save)
        renderer.finished.connect(done)
        renderer.start()
    else:
        def grab() -> None:
            try:
                save(None, window.grab())
                done(True, "")
            except OSError as exc:
                done(False, str(exc))

        window.map_view.ready.connect(lambda: QTimer.singleShot(SETTLE_MS, grab))
    app.exec()
    window.close()
    return result["code"]

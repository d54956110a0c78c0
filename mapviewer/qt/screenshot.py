"""Render the window to a PNG without a display: select, wait for the map to settle, grab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from ..export.slides import png_bytes
from ..model.files import write_atomic
from ..model.lectures import chosen_lecture_id
from .offscreen import OffscreenRenderer


def render_screenshot(window, out: Path, event_id: str | None, size: tuple[int, int], present: bool = False) -> int:
    """Show ``window`` offscreen at ``size``, select ``event_id``, save a PNG; return an exit code."""
    app = QApplication.instance()
    window.resize(*size)
    window.show()
    if present:
        window.presentation.start(chosen_lecture_id(window.index), fullscreen=False, with_presenter=False)
    result = {"code": 1}
    renderer = OffscreenRenderer(window)

    def save(_event_id: str, image) -> None:
        write_atomic(Path(out), png_bytes(image))

    def done(error: str | None) -> None:
        if error:
            print(f"mapviewer: {out}: {error}", flush=True)
        result["code"] = 2 if error else 0
        app.quit()

    if event_id:
        renderer.render([event_id], "window", size, save, done)
    else:
        renderer.render_current(save, done)
    app.exec()
    window.close()
    return result["code"]

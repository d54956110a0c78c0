"""Exports started from the window: a hidden offscreen window renders, a dialog shows progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTemporaryDir, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from ..model.errors import InputError

SLIDE_SIZE = (1920, 1080)


def run_export(window, kind: str, target: str, events: list[str] | None = None):
    """Export the window's index; returns the renderer (None for the instant HTML export)."""
    index = window.index
    if kind == "html":
        from .html import export_html

        try:
            export_html(index, Path(target))
        except (OSError, InputError) as exc:
            _tell(window, getattr(exc, "message", None) or f"{target}: cannot write ({exc})")
        return None

    from ..qt.main_window import MainWindow

    scratch = QTemporaryDir()
    hidden = MainWindow(index, QSettings(scratch.filePath("settings.ini"), QSettings.Format.IniFormat))
    hidden.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    hidden.show()
    if kind in ("slides", "slide"):
        from .slides import render_slides

        renderer = render_slides(hidden, Path(target), events or [e.id for e in index.chronological], SLIDE_SIZE)
    else:
        from .handout import render_handout

        renderer = render_handout(hidden, Path(target))
    progress = QProgressDialog("Rendering the maps\u2026", "Cancel", 0, len(renderer.event_ids), window)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    renderer.progress.connect(lambda done, total: progress.setValue(done))

    def finished(ok: bool, message: str) -> None:
        progress.close()
        hidden.close()
        hidden.deleteLater()
        scratch.remove()
        if not ok:
            _tell(window, f"{target}: {message}")
        else:
            window.statusBar().showMessage(f"Exported to {target}", 8000)

    def cancelled() -> None:
        renderer.event_ids = renderer.event_ids[: renderer._next + 1]

    renderer.finished.connect(finished)
    progress.canceled.connect(cancelled)
    renderer.start()
    window._running_export = (renderer, progress, hidden, scratch)
    return renderer


def _tell(window, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "mapviewer", message, QMessageBox.StandardButton.Ok, window)
    box.setTextFormat(Qt.TextFormat.PlainText)
    window.error_box = box
    box.open()

"""Exports from the File menu: ask where, check the target, render offscreen with a progress dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMenu, QProgressDialog, QWidget

from ..export.protocols import ExportOptions
from ..export.registry import EXPORTERS, Exporter, check_target, exporter, target_path
from ..model.document import Document
from ..model.errors import InputError
from ..model.selection import Selection
from .offscreen import OffscreenRenderer


class ExportRunner(QObject):
    """Runs any export of the registry for the document; one at a time."""

    finished = Signal(bool, str)  # ok, the target or what went wrong

    def __init__(
        self, parent: QWidget, document: Document, selection: Selection, show_error, show_message, make_window
    ) -> None:
        super().__init__(parent)
        self._make_window = make_window  # a hidden main window for the renderer (no import cycle)
        self.parent_widget = parent
        self.document = document
        self.selection = selection
        self._show_error = show_error
        self._show_message = show_message
        self.renderer: OffscreenRenderer | None = None
        self.progress: QProgressDialog | None = None

    def build_menu(self, menu: QMenu) -> None:
        """One entry per export of the registry, and "Current event as a slide"."""
        group = EXPORTERS[0].group
        for item in EXPORTERS:
            if item.group != group:
                menu.addSeparator()
                group = item.group
            menu.addAction(item.menu_text).triggered.connect(lambda _=False, n=item.name: self.ask_and_export(n))
            if item.name == "slides":
                self.current_slide_action = menu.addAction("&Current event as a slide\u2026")
                self.current_slide_action.triggered.connect(self.ask_current_slide)

    @property
    def running(self) -> bool:
        return self.renderer is not None

    def ask_and_export(self, name: str, events: tuple[str, ...] | None = None) -> bool:
        from .dialogs import ask_path  # when first asked for: not at start-up

        item = exporter(name)
        chosen = ask_path(
            self.parent_widget,
            "Folder for the slides" if item.is_folder else "Export",
            save=True,
            folder=item.is_folder,
            file_filter=item.file_filter,
        )
        return bool(chosen) and self.export(name, chosen, events)

    def ask_current_slide(self) -> bool:
        if not self.selection.event:
            self._show_message("Choose an event first.")
            return False
        return self.ask_and_export("slides", (self.selection.event,))

    def export(self, name: str, chosen: str | Path, events: tuple[str, ...] | None = None) -> bool:
        """Export to ``chosen``; False (with a dialog saying why) if it cannot even start."""
        item = exporter(name)
        target = target_path(item, chosen)
        index = self.document.index
        if self.running:
            # Refused before the try: its cleanup would tear down the export that is running.
            self._show_error(InputError(target, "another export is still running", fix="wait for it to finish"))
            return False
        try:
            check_target(item, target)
            if not item.renders_map:
                item.run(index, target, ExportOptions(events=events))
                self._done(target, None)
                return True
            self.renderer = OffscreenRenderer.hidden(index, self._make_window)
            total = item.render(
                index, target, ExportOptions(events=events), self.renderer, lambda error: self._done(target, error)
            )
        except InputError as exc:
            self._cleanup()
            self._show_error(exc)
            return False
        if self.renderer is not None:  # it may have finished at once
            self._show_progress(item, total)
        return True

    def _show_progress(self, item: Exporter, total: int) -> None:
        progress = QProgressDialog(
            f"Rendering the maps for the {item.name}\u2026", "Cancel", 0, total, self.parent_widget
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(self.cancel)
        self.renderer.progress.connect(lambda done, _total: progress.setValue(done))
        self.progress = progress

    def cancel(self) -> None:
        if self.renderer is not None:
            self.renderer.cancel()

    def _done(self, target: Path, error: str | None) -> None:
        self._cleanup()
        if error == "cancelled":
            self._show_message("Export cancelled")
            self.finished.emit(False, error)
        elif error:
            self._show_error(InputError(target, error))
            self.finished.emit(False, error)
        else:
            self._show_message(f"Exported to {target}")
            self.finished.emit(True, str(target))

    def _cleanup(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        renderer, self.renderer = self.renderer, None
        if renderer is not None:
            renderer.close()
            renderer.deleteLater()

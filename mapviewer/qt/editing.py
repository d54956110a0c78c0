"""Opening, editing and saving an index in the window: undo, autosave, suggestions, interchange."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ..model import anchors, edits, ids
from ..model.errors import InputError
from ..model.index import INDEX_SUFFIX, PlaceEventIndex, index_path_for, load_index
from ..model.passage import load_passage

AUTOSAVE_MS = 30_000
RECENT = 8


def open_document(path: str | Path) -> PlaceEventIndex:
    """An index file, a passage with the index beside it, or a passage alone (a new, empty index)."""
    path = Path(path)
    if path.name.endswith(INDEX_SUFFIX) or path.suffix == ".json":
        return load_index(path)
    passage = load_passage(path)
    index_file = index_path_for(path)
    if index_file.exists():
        return load_index(index_file, passage)
    return edits.empty_index(passage, index_file)


class _Change(QUndoCommand):
    def __init__(self, editor: Editor, text: str, before: PlaceEventIndex, after: PlaceEventIndex) -> None:
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after

    def redo(self) -> None:
        self.editor.show_index(self.after)

    def undo(self) -> None:
        self.editor.show_index(self.before)


class Editor(QObject):
    """Owns the document side of the window: which file, what changed, how to undo it."""

    modified_changed = Signal(bool)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.undo = QUndoStack(self)
        self.undo.cleanChanged.connect(lambda clean: self._title())
        self._autosave = QTimer(self)
        self._autosave.timeout.connect(self.write_recovery)
        self._autosave.start(AUTOSAVE_MS)
        self.move_mode = False
        window.map_view.bridge.place_moved.connect(self._on_place_moved)

    # ---- state ---------------------------------------------------------------

    @property
    def index(self) -> PlaceEventIndex:
        return self.window.index

    @property
    def modified(self) -> bool:
        return not self.undo.isClean()

    def _title(self) -> None:
        title = self.index.meta.get("title") or self.index.passage.name
        self.window.setWindowTitle(f"{'*' if self.modified else ''}{title} \u2014 mapviewer")
        self.modified_changed.emit(self.modified)

    def show_index(self, index: PlaceEventIndex) -> None:
        self.window.set_index(index, keep_selection=True)
        self._title()

    def change(self, text: str, change) -> bool:
        """Apply an edit as one undoable step; a bad edit is explained and nothing changes."""
        try:
            after = edits.apply(self.index, change)
        except InputError as exc:
            self.window.show_error(exc)
            return False
        self.undo.push(_Change(self, text, self.index, after))
        return True

    # ---- files ---------------------------------------------------------------

    def open_path(self, path: str | Path) -> bool:
        if not self.confirm_discard():
            return False
        try:
            index = open_document(path)
        except InputError as exc:
            self.window.show_error(exc)
            return False
        index = self._offer_recovery(index)
        self.undo.clear()
        self.window.set_index(index)
        self._remember(index.path)
        self._title()
        return True

    def _offer_recovery(self, index: PlaceEventIndex) -> PlaceEventIndex:
        from ..interchange.save import discard_recovery, find_recovery, load_recovery

        if not index.path or find_recovery(index.path) is None:
            return index
        answer = QMessageBox.question(
            self.window, "mapviewer",
            f"{index.path} has unsaved changes from a session that ended unexpectedly. Restore them?")
        if answer == QMessageBox.StandardButton.Yes:
            try:
                return load_recovery(index.path, index.passage)
            except InputError as exc:
                self.window.show_error(exc)
        discard_recovery(index.path)
        return index

    def save(self) -> bool:
        return self.save_as(self.index.path) if self.index.path else self.save_as(None)

    def save_as(self, path: str | Path | None) -> bool:
        from ..interchange.save import discard_recovery, save_index

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, "Save index", str(index_path_for(
                self.index.passage.path or "passage.txt")), "Index (*.index.json)")
            if not path:
                return False
        try:
            save_index(self.index, path)
        except InputError as exc:
            self.window.show_error(exc)
            return False
        discard_recovery(path)
        if str(path) != self.index.path:
            self.show_index(load_index(path, self.index.passage))
        self.undo.setClean()
        self._remember(str(path))
        self.window.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def write_recovery(self) -> None:
        from ..interchange.save import write_recovery_copy

        if self.modified and self.index.path:
            try:
                write_recovery_copy(self.index, self.index.path)
            except InputError:
                pass  # the next save says what is wrong; an autosave must never interrupt

    def confirm_discard(self) -> bool:
        """True when it is fine to drop the current index (saved, or the reader said so)."""
        if not self.modified:
            return True
        answer = QMessageBox.question(
            self.window, "mapviewer", "Save the changes to the index first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _remember(self, path: str) -> None:
        settings = self.window.settings
        recent = [p for p in (settings.value("recent") or []) if isinstance(p, str) and p != path]
        settings.setValue("recent", [path, *recent][:RECENT])
        self.window.rebuild_recent_menu()

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open a passage or an index", "",
                                              "Passages and indexes (*.txt *.md *.index.json *.json)")
        if path:
            self.open_path(path)

    # ---- edits -----------------------------------------------------------------

    def new_event_from_selection(self) -> None:
        from .dialogs import EventDialog

        span = self.window.passage_view.selected_span()
        if span is None:
            self.window.statusBar().showMessage("Select the words of the event in the text first.", 5000)
            return
        text = self.index.passage.text
        date = self._date_near(span)
        event = {"id": ids.unique_id(text[span[0]:span[1]][:40], set(self.index.events), fallback="event"),
                 "title": text[span[0]:span[1]][:60].strip(), "date": date, "summary": text[span[0]:span[1]][:200],
                 "places": [], "anchor": anchors.quote_for(text, *span).to_json()}
        dialog = EventDialog(self.index, event, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and self.change("New event", edits.put_event(dialog.result_event())):
            self.window.selection.select_event(event["id"])

    def _date_near(self, span: tuple[int, int]) -> str:
        """A first guess at the date: the last date written at or before the words."""
        from ..suggest.dates import find_dates

        found = [d for d in find_dates(self.index.passage.text, 0, span[1]) if d is not None]
        return found[-1].value if found else "1921"

    def _as_written(self, kind: str, item_id: str) -> dict:
        """An event or place as the index file writes it, for a dialog to edit."""
        return next(item for item in self.index.to_json()[kind] if item["id"] == item_id)

    def edit_event(self) -> None:
        from .dialogs import EventDialog

        event_id = self.window.selection.event
        if not event_id:
            return
        dialog = EventDialog(self.index, self._as_written("events", event_id), self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.change("Edit event", edits.put_event(dialog.result_event()))

    def delete_event(self) -> None:
        event_id = self.window.selection.event
        if event_id:
            self.change("Delete event", edits.delete_event(event_id))

    def new_place(self) -> None:
        from .dialogs import PlaceDialog

        dialog = PlaceDialog(self.index, None, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.change("New place", edits.put_place(dialog.result_place()))

    def edit_place(self) -> None:
        from .dialogs import PlaceDialog

        place_id = self.window.selection.place
        if not place_id:
            self.window.statusBar().showMessage("Click a place on the map first.", 5000)
            return
        dialog = PlaceDialog(self.index, self._as_written("places", place_id), self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.change("Edit place", edits.put_place(dialog.result_place()))

    def delete_place(self) -> None:
        place_id = self.window.selection.place
        if place_id:
            self.change("Delete place", edits.delete_place(place_id))

    def set_move_mode(self, on: bool) -> None:
        self.move_mode = on
        self.window.map_view.call("setEditable", on)

    def _on_place_moved(self, place_id: str, lat: float, lon: float) -> None:
        if place_id in self.index.places:
            self.change("Move place", edits.move_place(place_id, lat, lon))

    def suggest(self) -> None:
        from ..suggest.draft import suggest_index
        from .dialogs import SuggestionsDialog

        suggested = suggest_index(self.index.passage)
        if not suggested["events"]:
            self.window.statusBar().showMessage("No dates or places found in the text.", 5000)
            return
        dialog = SuggestionsDialog(suggested, self.window)
        self.suggestions_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            self.change("Accept suggestions", edits.accept_suggestions(suggested, dialog.chosen()))

    def import_csv(self) -> None:
        from ..interchange.csv_import import import_events_csv

        path, _ = QFileDialog.getOpenFileName(self.window, "Import events", "", "CSV (*.csv *.txt)")
        if not path:
            return
        try:
            new, messages = import_events_csv(path, self.index)
        except InputError as exc:
            self.window.show_error(exc)
            return
        before = self.index
        self.undo.push(_Change(self, "Import events", before, new))
        if messages:
            box = QMessageBox(QMessageBox.Icon.Warning, "mapviewer", "\n".join(messages[:30]),
                              QMessageBox.StandardButton.Ok, self.window)
            box.open()

    def export_interchange(self, kind: str) -> None:
        from ..interchange.annotations import write_annotations
        from ..interchange.lpf import write_geojson, write_lpf

        writers = {"lpf": (write_lpf, "Linked Places (*.jsonld *.json)"),
                   "geojson": (write_geojson, "GeoJSON (*.geojson)"),
                   "annotations": (write_annotations, "Web Annotations (*.jsonld *.json)")}
        writer, pattern = writers[kind]
        path, _ = QFileDialog.getSaveFileName(self.window, "Export", "", pattern)
        if path:
            try:
                writer(self.index, path)
            except InputError as exc:
                self.window.show_error(exc)

    # ---- menus -------------------------------------------------------------------

    def build_menus(self, file_menu, edit_menu) -> None:
        w = self.window
        first = file_menu.actions()[0] if file_menu.actions() else None

        def add(menu, text, keys, slot, before=None):
            action = QAction(text, w)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            if before is not None:
                menu.insertAction(before, action)
            else:
                menu.addAction(action)
            w.addAction(action)
            return action

        add(file_menu, "&Open\u2026", [QKeySequence.StandardKey.Open], self.ask_open, first)
        w.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.insertMenu(first, w.recent_menu)
        add(file_menu, "&Save", [QKeySequence.StandardKey.Save], self.save, first)
        add(file_menu, "Save &as\u2026", [QKeySequence.StandardKey.SaveAs], lambda: self.save_as(None), first)
        add(file_menu, "&Import events from CSV\u2026", [], self.import_csv, first)
        file_menu.insertSeparator(first)
        undo = self.undo.createUndoAction(w, "&Undo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo.createRedoAction(w, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            edit_menu.addAction(action)
            w.addAction(action)
        edit_menu.addSeparator()
        add(edit_menu, "&Suggest places and events\u2026", ["Ctrl+Shift+G"], self.suggest)
        edit_menu.addSeparator()
        add(edit_menu, "New &event from the selected words\u2026", ["Ctrl+E"], self.new_event_from_selection)
        add(edit_menu, "Edit the e&vent\u2026", ["Ctrl+Shift+E"], self.edit_event)
        add(edit_menu, "&Delete the event", ["Del"], self.delete_event)
        edit_menu.addSeparator()
        add(edit_menu, "New &place\u2026", ["Ctrl+Shift+P"], self.new_place)
        add(edit_menu, "Edit the pla&ce\u2026", [], self.edit_place)
        add(edit_menu, "Delete the place", [], self.delete_place)
        move = add(edit_menu, "&Move places by dragging", [], lambda: self.set_move_mode(move.isChecked()))
        move.setCheckable(True)

"""The editor in the window: its menus, its dialogs (the ``EditorView`` it asks), autosave and undo keys."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from ..editing.editor import ChangedAnswer, Editor, SaveAnswer
from ..model.document import Document
from ..model.errors import InputError
from ..model.index import PlaceEventIndex
from ..model.selection import Selection

AUTOSAVE_MS = 30_000
RECENT = 8


def recent_paths(settings: QSettings) -> list[str]:
    """The remembered paths, newest first. An INI file gives back a one-item list as a plain
    string, which must not turn into one menu entry per character."""
    value = settings.value("recent")
    if isinstance(value, str):
        value = [value]
    return [p for p in value or [] if isinstance(p, str) and p]


class DialogView(QObject):
    """Answers the editor's questions with dialogs over ``parent``; says what went wrong in a box."""

    def __init__(self, parent: QWidget, settings: QSettings, passage_view, show_message, show_error) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.settings = settings
        self.passage_view = passage_view
        self._show_message = show_message
        self._show_error = show_error
        self.recent_changed = None  # set by the menu builder: rebuild "Open recent"

    # The dialogs' module is imported when a dialog is first asked for, not at start-up (8 ms
    # of it, mostly PySide making Python enums of the widgets' Qt enums).

    def ask_open_path(self) -> str | None:
        from .dialogs import ask_path

        return ask_path(
            self.parent_widget,
            "Open a passage or an index",
            file_filter="Passages and indexes (*.txt *.md *.index.json *.json)",
        )

    def ask_save_path(self, suggested: str) -> str | None:
        from .dialogs import ask_path

        return ask_path(
            self.parent_widget, "Save index", save=True, file_filter="Index (*.index.json)", suggested=suggested
        )

    def ask_csv_path(self) -> str | None:
        from .dialogs import ask_path

        return ask_path(self.parent_widget, "Import events", file_filter="CSV (*.csv *.txt)")

    def ask_save_changes(self) -> SaveAnswer:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.parent_widget,
            "mapviewer",
            "Save the changes to the index first?",
            buttons.Save | buttons.Discard | buttons.Cancel,
        )
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def ask_restore(self, path: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "mapviewer",
            f"{path} has unsaved changes from a session that ended unexpectedly. Restore them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.parent_widget,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path is never markup
        return box.exec() == QMessageBox.StandardButton.Yes

    def ask_changed_on_disk(self, path: str) -> ChangedAnswer:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "mapviewer",
            f"{path} has been changed by another program since it was opened. Replace it with this "
            "version, or save this version as another file?",
            QMessageBox.StandardButton.NoButton,
            self.parent_widget,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        replace = box.addButton("Replace", QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton("Save As\u2026", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "overwrite" if clicked is replace else "save_as" if clicked is save_as else "cancel"

    def edit_event(self, index: PlaceEventIndex, event: dict) -> dict | None:
        from .dialogs import EventDialog

        dialog = EventDialog(index, event, self.parent_widget)
        try:
            return dialog.result_event() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def edit_place(self, index: PlaceEventIndex, place: dict | None) -> dict | None:
        from .dialogs import PlaceDialog

        dialog = PlaceDialog(index, place, self.parent_widget)
        try:
            return dialog.result_place() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def choose_suggestions(self, suggested: dict) -> set[str] | None:
        from .dialogs import SuggestionsDialog

        dialog = SuggestionsDialog(suggested, self.parent_widget, self.passage_view.passage_text)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def selected_span(self) -> tuple[int, int] | None:
        return self.passage_view.selected_span()

    def show_error(self, error: InputError) -> None:
        self._show_error(error)

    def show_warnings(self, lines: list[str]) -> None:
        shown = lines[:30] + ([f"\u2026 and {len(lines) - 30} more"] if len(lines) > 30 else [])
        box = QMessageBox(
            QMessageBox.Icon.Warning, "mapviewer", "\n".join(shown), QMessageBox.StandardButton.Ok, self.parent_widget
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # cells of a CSV file are never markup
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.warning_box = box
        box.open()

    def show_message(self, text: str) -> None:
        self._show_message(text)

    def remember(self, path: str) -> None:
        recent = [p for p in recent_paths(self.settings) if p != path]
        self.settings.setValue("recent", [path, *recent][:RECENT])
        if self.recent_changed:
            self.recent_changed()


class EditorActions(QObject):
    """The editor's menus and keys, the undo and redo actions, autosave and moving places."""

    def __init__(
        self, window, editor: Editor, document: Document, selection: Selection, map_view, settings: QSettings
    ) -> None:
        super().__init__(window)
        self.window = window
        self.editor = editor
        self.document = document
        self.selection = selection
        self.map_view = map_view
        self.settings = settings
        self.move_mode = False
        self.needs_event: list[QAction] = []  # enabled only while an event is chosen
        self.needs_place: list[QAction] = []
        self.needs_words: list[QAction] = []  # while words are selected in the text
        self._autosave = QTimer(self)
        self._autosave.timeout.connect(editor.write_recovery)
        self._autosave.start(AUTOSAVE_MS)
        map_view.bridge.place_moved.connect(editor.move_place)

    def _add(self, menu: QMenu, text: str, keys, slot, before: QAction | None = None) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
        self.window.addAction(action)
        return action

    def build_menus(self, file_menu: QMenu, edit_menu: QMenu) -> None:
        first = file_menu.actions()[0] if file_menu.actions() else None
        add, editor = self._add, self.editor
        add(file_menu, "&Open\u2026", [QKeySequence.StandardKey.Open], editor.ask_open, first)
        self.recent_menu = QMenu("Open &recent", file_menu)
        file_menu.insertMenu(first, self.recent_menu)
        add(file_menu, "&Save", [QKeySequence.StandardKey.Save], editor.save, first)
        add(file_menu, "Save &as\u2026", [QKeySequence.StandardKey.SaveAs], lambda: editor.save_as(None), first)
        add(file_menu, "&Import events from CSV\u2026", [], lambda: editor.import_csv(), first)
        file_menu.insertSeparator(first)
        self.undo_action = add(edit_menu, "&Undo", [QKeySequence.StandardKey.Undo], self.document.undo)
        self.redo_action = add(edit_menu, "&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], self.document.redo)
        self.document.history_changed.connect(self._show_history)
        self._show_history()
        edit_menu.addSeparator()
        add(edit_menu, "&Suggest places and events\u2026", ["Ctrl+Shift+G"], editor.suggest)
        edit_menu.addSeparator()
        self.needs_words = [
            add(edit_menu, "New &event from the selected words\u2026", ["Ctrl+E"], editor.new_event_from_selection)
        ]
        self.needs_event = [
            add(edit_menu, "Edit the e&vent\u2026", ["Ctrl+Shift+E"], editor.edit_event),
            add(edit_menu, "&Delete the event", ["Del"], editor.delete_event),
        ]
        edit_menu.addSeparator()
        add(edit_menu, "New &place\u2026", ["Ctrl+Shift+P"], editor.new_place)
        self.needs_place = [
            add(edit_menu, "Edit the pla&ce\u2026", [], editor.edit_place),
            add(edit_menu, "Delete the place", [], editor.delete_place),
        ]
        self.move_action = add(
            edit_menu, "&Move places by dragging", [], lambda: self.set_move_mode(self.move_action.isChecked())
        )
        self.move_action.setCheckable(True)
        self.rebuild_recent_menu()

    def _show_history(self) -> None:
        doc = self.document
        self.undo_action.setEnabled(doc.can_undo)
        self.redo_action.setEnabled(doc.can_redo)
        self.undo_action.setText(f"&Undo {doc.undo_text}".rstrip())
        self.redo_action.setText(f"&Redo {doc.redo_text}".rstrip())

    def update_enabled(self, words_selected: bool | None = None) -> None:
        """Enable the actions whose object exists: an event, a place, words in the text.
        While presenting every action rests, so nothing is enabled behind the lecture's back."""
        if words_selected is not None:
            self._words_selected = words_selected
        if self.window.presentation.active:
            return
        for actions, on in (
            (self.needs_event, self.selection.event is not None),
            (self.needs_place, self.selection.place is not None),
            (self.needs_words, getattr(self, "_words_selected", False)),
        ):
            for action in actions:
                action.setEnabled(on)

    def rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = recent_paths(self.settings)
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.editor.open_path(p))
        self.recent_menu.setEnabled(bool(recent))

    def set_move_mode(self, on: bool) -> None:
        self.move_mode = on
        self.move_action.setChecked(on)
        self.map_view.call("setEditable", on)

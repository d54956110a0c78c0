"""The lecture builder: a dock listing the chosen lecture's steps, with their notes and saved views.

Every change is a ``Document.change`` with an edit from ``model.lectures``, so it is undoable
and saved with the index. The selected step is the selected event: a click on a step chooses
its event, and choosing an event anywhere shows its step here.
"""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from ..model import lectures
from ..model.document import Document
from ..model.edits import Change
from ..model.errors import InputError
from ..model.index import PlaceEventIndex
from ..model.lectures import StepRow
from ..model.selection import Selection
from .access import describe, readable

STEP_MIME = "application/x-mapviewer-lecture-step"
NOTE_PREVIEW = 90  # characters of the note shown under a step
ALL_EVENTS_LABEL = "All events, in date order"
NOTE_PAUSE_MS = 800  # a note is kept once typing pauses this long (or the box is left)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the StepRow itself, for the delegate


class LectureStepsModel(QAbstractListModel):
    """The chosen lecture's steps as list rows; a drag asks for a move with ``move_requested``."""

    move_requested = Signal(int, int)  # from row, to row (counted from 0, "to" after the move)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StepRow] = []

    def set_rows(self, rows: list[StepRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{row.number}.  {row.date} \u2014 {row.title}"
            extra = _preview(row.note)
            if row.view:
                extra = f"{extra}  [saved view]" if extra else "[saved view]"
            return f"{text}\n      {extra}" if extra else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.note or None
        if role == Qt.ItemDataRole.UserRole:
            return row.event
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between the steps, never on one
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt API)
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt API)
        return [STEP_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 (Qt API)
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime.setData(STEP_MIME, QByteArray(json.dumps(rows).encode("ascii")))
        return mime

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:  # noqa: N802
        """A step dropped before ``row`` (-1: at the end) moves there."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(STEP_MIME):
            return False
        try:
            rows = json.loads(bytes(data.data(STEP_MIME).data()).decode("ascii"))
        except ValueError:
            return False
        if len(rows) != 1 or not isinstance(rows[0], int) or not 0 <= rows[0] < len(self._rows):
            return False
        if parent.isValid():  # dropped onto a step: it goes before that step
            row = parent.row()
        return self.moveRows(QModelIndex(), rows[0], 1, QModelIndex(), len(self._rows) if row < 0 else row)

    def moveRows(self, source_parent, source_row: int, count: int, destination_parent, destination: int) -> bool:  # noqa: N802
        """Qt's move (the list view's own drag ends here): ``destination`` counts rows before the move."""
        if count != 1 or source_parent.isValid() or destination_parent.isValid():
            return False
        if not 0 <= source_row < len(self._rows) or not 0 <= destination <= len(self._rows):
            return False
        to = destination - 1 if destination > source_row else destination
        if to != source_row:
            self.move_requested.emit(source_row, to)
        return True

    def row_of(self, event_id: str | None) -> int:
        return next((n for n, r in enumerate(self._rows) if r.event == event_id), -1)


def _preview(note: str) -> str:
    line = " ".join(note.split())
    return line if len(line) <= NOTE_PREVIEW else line[: NOTE_PREVIEW - 1].rstrip() + "\u2026"


class StepDelegate(QStyledItemDelegate):
    """Draws a step as the lecturer scans it: number and date small, the title, the note in grey."""

    PAD = 5
    NUMBER_WIDTH = 26

    def _fonts(self, option) -> tuple[QFont, QFont, QFont]:
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.85)
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        note = QFont(small)
        note.setItalic(True)
        return small, title, note

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt API)
        small, title, note = self._fonts(option)
        row = index.data(ROW_ROLE)
        lines = QFontMetrics(small).height() + QFontMetrics(title).height()
        if row is not None and row.note:
            lines += QFontMetrics(note).height()
        return QSize(200, lines + 2 * self.PAD + 2)

    def paint(self, painter, option, index) -> None:
        row: StepRow | None = index.data(ROW_ROLE)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        if row is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        quiet = text if selected else option.palette.color(group, QPalette.ColorRole.PlaceholderText)
        small, title, note = self._fonts(option)
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        painter.setFont(title)
        painter.setPen(text)
        tmetrics = QFontMetrics(title)
        number = QRect(rect.left(), rect.top(), self.NUMBER_WIDTH, tmetrics.height())
        painter.drawText(number, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(row.number))
        left = rect.left() + self.NUMBER_WIDTH
        width = rect.right() - left
        painter.setFont(small)
        painter.setPen(quiet)
        smetrics = QFontMetrics(small)
        top = QRect(left, rect.top(), width, smetrics.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, row.date)
        if row.view:
            painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "saved view")
        painter.setFont(title)
        painter.setPen(text)
        middle = QRect(left, top.bottom() + 1, width, tmetrics.height())
        painter.drawText(
            middle,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            tmetrics.elidedText(row.title, Qt.TextElideMode.ElideRight, width),
        )
        if row.note:
            painter.setFont(note)
            painter.setPen(quiet)
            nmetrics = QFontMetrics(note)
            bottom = QRect(left, middle.bottom() + 1, width, nmetrics.height())
            painter.drawText(
                bottom,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                nmetrics.elidedText(" ".join(row.note.split()), Qt.TextElideMode.ElideRight, width),
            )
        painter.restore()


class NoteEditor(QPlainTextEdit):
    """The selected step's note; what was typed is kept when the editor loses focus or on Ctrl+Enter."""

    finished = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().focusOutEvent(event)
        self.finished.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.finished.emit()
            return
        super().keyPressEvent(event)


class LecturePanel(QDockWidget):
    """Build the lecture F5 presents: choose or name it, add, remove and reorder steps, notes, views."""

    def __init__(self, map_view, parent: QWidget | None = None) -> None:
        super().__init__("Lecture", parent)
        self.setObjectName("lecture-panel")
        self.map_view = map_view
        self.document: Document | None = None
        self.selection: Selection | None = None
        self._note_event: str | None = None  # the step whose note the editor holds
        self._hidden_for_audience = False
        self._menu_bar: QWidget | None = None

        body = QWidget()
        self.setWidget(body)
        column = QVBoxLayout(body)

        self.chooser = QComboBox()
        self.chooser.setToolTip("The lecture F5 presents")
        self.new_button = QPushButton("New")
        self.delete_button = QPushButton("Delete")
        self.new_button.setToolTip("Start a new, empty lecture")
        self.delete_button.setToolTip("Delete this lecture (Edit > Undo brings it back)")
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        column.addLayout(top)

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("The lecture's title")
        column.addWidget(self.title_edit)

        self.steps_model = LectureStepsModel(self)
        self.steps_view = QListView()
        self.steps_view.setModel(self.steps_model)
        self.steps_view.setItemDelegate(StepDelegate(self.steps_view))
        self.steps_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps_view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.steps_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.steps_view.setDragDropOverwriteMode(False)
        self.steps_view.setDropIndicatorShown(True)
        self.steps_view.setAlternatingRowColors(True)
        column.addWidget(self.steps_view, 1)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        column.addWidget(self.empty_label)

        self.add_button = QPushButton("Add the selected event")
        self.remove_button = QPushButton("Remove step")
        self.up_button = QPushButton("Up")
        self.down_button = QPushButton("Down")
        self.up_button.setToolTip("Move the step earlier (Alt+Up)")
        self.down_button.setToolTip("Move the step later (Alt+Down)")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        column.addLayout(buttons)

        self.note_label = QLabel("Speaker note")
        self.note_edit = NoteEditor()
        self.note_edit.setPlaceholderText("What to say at this step (kept as you type)")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(110)
        column.addWidget(self.note_label)
        column.addWidget(self.note_edit)

        self.view_label = QLabel()
        self.view_label.setWordWrap(True)
        self.use_view_button = QPushButton("Use the current view")
        self.use_view_button.setToolTip("The step will show the map as it is now, instead of framing its places")
        self.clear_view_button = QPushButton("Frame its places")
        views = QHBoxLayout()
        views.addWidget(self.use_view_button)
        views.addWidget(self.clear_view_button)
        column.addWidget(self.view_label)
        column.addLayout(views)
        self.message = QLabel()  # why the last change could not be made
        self.message.setWordWrap(True)
        self._colour_message()
        column.addWidget(self.message)
        for widget, name, description in (
            (self.chooser, "Lecture", "The lecture F5 presents"),
            (self.new_button, "New lecture", "Start a new, empty lecture"),
            (self.delete_button, "Delete lecture", "Delete this lecture (Edit > Undo brings it back)"),
            (self.title_edit, "Lecture title", "The lecture's title, as its first slide shows it"),
            (self.steps_view, "Steps", "The lecture's events in the order presented; Alt+Up and Alt+Down move one"),
            (self.add_button, "Add the selected event", "Add the event selected in the passage as the next step"),
            (self.remove_button, "Remove step", "Remove the chosen step from the lecture"),
            (self.up_button, "Up", "Move the step earlier (Alt+Up)"),
            (self.down_button, "Down", "Move the step later (Alt+Down)"),
            (self.note_edit, "Speaker note", "What to say at this step, shown in the presenter view"),
            (self.use_view_button, "Use the current view", "The step will show the map as it is now"),
            (self.clear_view_button, "Frame its places", "The step will frame its event's places on the map"),
            (self.message, "Lecture message", "Why the last change to the lecture could not be made"),
        ):
            describe(widget, name, description)

        self.move_up_action = self._key_action("Move the step up", "Alt+Up", lambda: self.move_selected(-1))
        self.move_down_action = self._key_action("Move the step down", "Alt+Down", lambda: self.move_selected(+1))
        toggle = self.toggleViewAction()
        toggle.setText("&Lecture panel")
        toggle.setShortcut(QKeySequence("Ctrl+L"))

        self.chooser.activated.connect(self._on_chosen)
        self.new_button.clicked.connect(self.new_lecture)
        self.delete_button.clicked.connect(self.delete_lecture)
        self.title_edit.editingFinished.connect(self._on_title_edited)
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.note_edit.finished.connect(self.commit_note)
        # Typing is kept when it pauses, so saving or closing never loses a note still in the box.
        self._note_pause = QTimer(self)
        self._note_pause.setSingleShot(True)
        self._note_pause.setInterval(NOTE_PAUSE_MS)
        self._note_pause.timeout.connect(self.commit_note)
        self.note_edit.textChanged.connect(self._on_note_typed)
        self.use_view_button.clicked.connect(self.use_current_view)
        self.clear_view_button.clicked.connect(lambda: self._set_view(None))
        self.steps_model.move_requested.connect(self._move)
        self.steps_view.selectionModel().selectionChanged.connect(self._on_row_chosen)

    def _colour_message(self) -> None:
        """A red that reads on the theme's background, light or dark."""
        palette = self.palette()
        red = readable(
            QColor("#b03020"), palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.WindowText)
        )
        self.message.setStyleSheet(f"color: {red.name()};")

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "message"):
            self._colour_message()

    def _key_action(self, text: str, key: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.widget().addAction(action)
        return action

    # ---- following the document and the selection ------------------------------------

    _stale = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._stale and self.selection is not None:
            self._on_event(self.selection.event)

    def follow(self, document: Document, selection: Selection) -> None:
        self.document = document
        self.selection = selection
        document.index_changed.connect(self._on_index)
        selection.event_changed.connect(self._on_event)
        window = self.parent()
        if isinstance(window, QMainWindow):
            self._menu_bar = window.menuBar()
            self._menu_bar.installEventFilter(self)
        self._on_index(document.index)

    @property
    def index(self) -> PlaceEventIndex:
        assert self.document is not None, "follow() a document first"
        return self.document.index

    @property
    def lecture_id(self) -> str:
        """The lecture being built: the chosen one ("" when every event is presented)."""
        return lectures.chosen_lecture_id(self.index)

    def _on_index(self, index: PlaceEventIndex) -> None:
        tour = lectures.chosen_lecture(index)
        blocked = self.chooser.blockSignals(True)
        self.chooser.clear()
        for t in index.tours:
            self.chooser.addItem(f"{t.title}  ({len(t.steps)} steps)", t.id)
        self.chooser.addItem(ALL_EVENTS_LABEL, lectures.ALL_EVENTS)
        self.chooser.setCurrentIndex(self.chooser.findData(tour.id if tour else lectures.ALL_EVENTS))
        self.chooser.blockSignals(blocked)
        self.title_edit.setText(tour.title if tour else "")
        self.title_edit.setEnabled(tour is not None)
        self.delete_button.setEnabled(tour is not None)
        self.steps_model.set_rows(lectures.step_rows(index))
        if tour is None:
            self.empty_label.setText(
                f"F5 presents all {len(index.events)} events in date order. "
                "Choose an event and press \u201cAdd the selected event\u201d to start a lecture."
            )
        elif not tour.steps:
            self.empty_label.setText("No steps yet: choose an event and press \u201cAdd the selected event\u201d.")
        else:
            self.empty_label.setText(f"F5 presents these {len(tour.steps)} steps.")
        self._on_event(self.selection.event if self.selection else None)

    def _on_event(self, event_id: str | None) -> None:
        if self._note_event is not None and self._note_event != event_id:
            self.commit_note()
        if not self.isVisible():
            # Hidden (as it starts), the panel catches up when it is shown: a selection costs
            # the reader nothing for it.
            self._note_event = None
            self._stale = True
            return
        self._stale = False
        index = self.index
        row = self.steps_model.row_of(event_id)
        selection_model = self.steps_view.selectionModel()
        blocked = selection_model.blockSignals(True)  # showing the selection is not choosing it
        try:
            if row < 0:
                selection_model.clear()
            else:
                selection_model.setCurrentIndex(
                    self.steps_model.index(row), selection_model.SelectionFlag.ClearAndSelect
                )
        finally:
            selection_model.blockSignals(blocked)
        self.steps_view.viewport().update()
        if row >= 0:
            self.steps_view.scrollTo(self.steps_model.index(row))
        on_step = row >= 0
        count = self.steps_model.rowCount()
        self.add_button.setEnabled(lectures.can_add(index, event_id))
        for widget in (self.remove_button, self.note_edit, self.use_view_button):
            widget.setEnabled(on_step)
        self.up_button.setEnabled(on_step and row > 0)
        self.down_button.setEnabled(on_step and row < count - 1)
        self.move_up_action.setEnabled(self.up_button.isEnabled())
        self.move_down_action.setEnabled(self.down_button.isEnabled())
        step = lectures.step_rows(index)[row] if on_step else None
        self.clear_view_button.setEnabled(bool(step and step.view))
        if step is not None:
            self.note_label.setText(f"Speaker note for step {step.number}")
            self.view_label.setText(f"Map at step {step.number}: {lectures.describe_view(step.view)}")
            if self._note_event != step.event or self.note_edit.toPlainText().strip() != step.note:
                self.note_edit.setPlainText(step.note)
            self._note_event = step.event
        else:
            self.note_label.setText("Speaker note (choose a step)")
            self.view_label.setText("")
            self.note_edit.clear()
            self._note_event = None

    def _on_row_chosen(self, *_ranges) -> None:
        rows = self.steps_view.selectionModel().selectedIndexes()
        if rows and self.selection is not None:
            event_id = rows[0].data(Qt.ItemDataRole.UserRole)
            self.selection.select_event(event_id)
            step = lectures.step_rows(self.index)[rows[0].row()]
            if step.view:
                self.map_view.call("setView", step.view)  # as the presentation will show it

    # ---- changes --------------------------------------------------------------------

    def _change(self, text: str, change: Change) -> bool:
        """Apply one undoable change; say in the panel why it was refused."""
        assert self.document is not None
        try:
            self.document.change(text, change)
        except InputError as exc:
            self.message.setText(exc.message)
            return False
        self.message.clear()
        return True

    def _on_chosen(self, row: int) -> None:
        lecture_id = self.chooser.itemData(row)
        if isinstance(lecture_id, str) and lecture_id != self.lecture_id:
            self._change("Choose the lecture", lectures.choose_lecture(lecture_id))

    def new_lecture(self) -> None:
        if self._change("New lecture", lectures.add_lecture("New lecture")):
            self.title_edit.setFocus()
            self.title_edit.selectAll()

    def delete_lecture(self) -> None:
        if lectures.chosen_lecture(self.index) is not None:
            self._change("Delete the lecture", lectures.delete_lecture(self.lecture_id))

    def _on_title_edited(self) -> None:
        tour = lectures.chosen_lecture(self.index)
        title = self.title_edit.text()
        if tour is None or " ".join(title.split()) == tour.title:
            return
        if not title.strip():
            self.title_edit.setText(tour.title)  # an empty title is not a name: keep the old one
            return
        self._change("Rename the lecture", lectures.rename_lecture(tour.id, title))

    def add_selected(self) -> None:
        if self.selection is not None and lectures.can_add(self.index, self.selection.event):
            self._change("Add to the lecture", lectures.add_step(self.selection.event))

    def _selected_row(self) -> int:
        return lectures.step_of(self.index, self.selection.event if self.selection else None)

    def remove_selected(self) -> None:
        row = self._selected_row()
        if row >= 0:
            self._note_event = None  # the step is going, and its half-typed note with it
            self._change("Remove the step", lectures.remove_step(self.lecture_id, row))

    def move_selected(self, delta: int) -> None:
        row = self._selected_row()
        if row >= 0 and 0 <= row + delta < self.steps_model.rowCount():
            self._move(row, row + delta)

    def _move(self, row: int, to: int) -> None:
        self.commit_note()
        self._change("Move the step", lectures.move_step(self.lecture_id, row, to))

    def _on_note_typed(self) -> None:
        if self.note_edit.hasFocus():
            self._note_pause.start()

    def commit_note(self) -> None:
        """Keep what is typed in the note editor as its step's note (one undoable change)."""
        self._note_pause.stop()
        event_id = self._note_event
        if event_id is None or self.document is None:
            return
        row = lectures.step_of(self.index, event_id)
        if row < 0:
            return
        text = self.note_edit.toPlainText()
        if text.strip() != lectures.step_rows(self.index)[row].note:
            self._change("Edit the note", lectures.set_note(self.lecture_id, row, text))

    def use_current_view(self) -> None:
        """Save the map's centre and zoom as the selected step's view (the page answers later)."""
        event_id = self.selection.event if self.selection else None
        if self._selected_row() < 0:
            return

        def answer(result: object) -> None:
            try:
                state = json.loads(result) if isinstance(result, str) else {}
                lat, lon = state["center"]
                view = lectures.map_view(float(lat), float(lon), float(state["zoom"]))
            except (ValueError, KeyError, TypeError):
                self.message.setText("the map did not say where it is \u2014 try again")
                return
            except InputError as exc:
                self.message.setText(exc.message)
                return
            self._set_view(view, event_id)

        self.map_view.page().runJavaScript("JSON.stringify(mapviewer.state())", 0, answer)

    def _set_view(self, view, event_id: str | None = None) -> None:
        if event_id is None and self.selection is not None:
            event_id = self.selection.event
        row = lectures.step_of(self.index, event_id)
        if row >= 0:
            text = "Use the current view" if view else "Frame the step's places"
            self._change(text, lectures.set_view(self.lecture_id, row, view))

    # ---- the audience never sees the builder --------------------------------------------

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        # Presenting (F5, or a rehearsal) hides the window's menus; the builder rests with them
        # and comes back when they do. isHidden() is only true for an explicit hide, not a closing window.
        if obj is self._menu_bar and event.type() in (QEvent.Type.Hide, QEvent.Type.Show):
            if obj.isHidden() and self.isVisible():
                self._hidden_for_audience = True
                self.hide()
            elif not obj.isHidden() and self._hidden_for_audience:
                self._hidden_for_audience = False
                self.show()
        return False

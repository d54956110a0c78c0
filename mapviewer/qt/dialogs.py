"""Dialogs for editing: an event, a place, and the list of suggestions to accept or reject."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..model.anchors import AnchorError, TextQuote, resolve_anchor
from ..model.dates import DateError, HistDate
from ..model.ids import unique_id
from ..model.index import PlaceEventIndex
from .access import describe, describe_buttons, text_on


def _checkable(text: str, data: str, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


class EventDialog(QDialog):
    """Edits one event; the anchor is the words chosen in the text and is shown, not typed."""

    def __init__(self, index: PlaceEventIndex, event: dict, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Event")
        self.event = dict(event)
        self.title = QLineEdit(event.get("title", ""))
        self.date = QLineEdit(event.get("date", ""))
        self.date.setPlaceholderText("1921-03-16, 1920-01, 1920-autumn, 1921-03-08/1921-03-16")
        self.date_note = QLabel()
        self.summary = QLineEdit(event.get("summary", ""))
        self.people = QLineEdit(", ".join(event.get("people", [])))
        self.places = QListWidget()
        chosen = {r["place"]: r["role"] for r in event.get("places", [])}
        self._roles = chosen
        for place in index.places.values():
            self.places.addItem(_checkable(place.label, place.id, place.id in chosen))
        anchor = QLabel(event["anchor"]["exact"])
        anchor.setWordWrap(True)
        anchor.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Date", self.date)
        form.addRow("", self.date_note)
        form.addRow("Summary", self.summary)
        form.addRow("People", self.people)
        form.addRow("Places", self.places)
        form.addRow("Words", anchor)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        describe_buttons(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for field in (self.title, self.date, self.summary):
            field.textChanged.connect(self._check)
        for widget, name, description in (
            (self.title, "Title", "A short title for the event, as the event list shows it"),
            (self.date, "Date", "As 1921-03-16, 1920-01, 1920-autumn or 1921-03-08/1921-03-16"),
            (self.date_note, "Date read as", "The date as the app reads it, or what is wrong with it"),
            (self.summary, "Summary", "One or two sentences on what happened"),
            (self.people, "People", "The people involved, separated by commas"),
            (self.places, "Places", "The event's places: Space ticks or unticks the current one"),
            (anchor, "Words", "The words of the passage the event is anchored to"),
        ):
            describe(widget, name, description)
        self._check()

    def _check(self) -> None:
        ok = bool(self.title.text().strip() and self.summary.text().strip())
        try:
            self.date_note.setText(HistDate.parse(self.date.text().strip()).label())
        except DateError as exc:
            self.date_note.setText(str(exc))
            ok = False
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def result_event(self) -> dict:
        places = []
        for row in range(self.places.count()):
            item = self.places.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                pid = item.data(Qt.ItemDataRole.UserRole)
                places.append({"place": pid, "role": self._roles.get(pid, "involved")})
        event = dict(
            self.event,
            title=self.title.text().strip(),
            date=self.date.text().strip(),
            summary=self.summary.text().strip(),
            places=places,
        )
        source = checked_date_source(self.event, event["date"])
        if source:
            event["date_source"] = source
        else:
            event.pop("date_source", None)
        people = [p.strip() for p in self.people.text().split(",") if p.strip()]
        if people:
            event["people"] = people
        else:
            event.pop("people", None)
        return event


class PlaceDialog(QDialog):
    """Edits one place; 'Look up' fills it from the gazetteer of 1920-22 names."""

    def __init__(self, index: PlaceEventIndex, place: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Place")
        self.index = index
        self.place = dict(place or {"kind": "city", "lat": 50.0, "lon": 15.0})
        self.name = QLineEdit(self.place.get("name", ""))
        self.modern = QLineEdit(self.place.get("modern_name", ""))
        self.kind = QComboBox()
        self.kind.addItems(["city", "country", "region", "site"])
        self.kind.setCurrentText(self.place.get("kind", "city"))
        self.lat = QDoubleSpinBox(decimals=4, minimum=-90, maximum=90)
        self.lon = QDoubleSpinBox(decimals=4, minimum=-180, maximum=180)
        self.lat.setValue(self.place.get("lat", 0.0))
        self.lon.setValue(self.place.get("lon", 0.0))
        self.wikidata = QLineEdit(self.place.get("wikidata", ""))
        self.geonames = QLineEdit(str(self.place.get("geonames", "")))
        lookup = QPushButton("Look up")
        lookup.clicked.connect(self.look_up)
        row = QHBoxLayout()
        row.addWidget(self.name)
        row.addWidget(lookup)
        form = QFormLayout()
        form.addRow("Name then", row)
        form.addRow("Name today", self.modern)
        form.addRow("Kind", self.kind)
        form.addRow("Latitude", self.lat)
        form.addRow("Longitude", self.lon)
        form.addRow("Wikidata", self.wikidata)
        form.addRow("GeoNames", self.geonames)
        self.note = QLabel()
        form.addRow("", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        describe_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        for widget, name, description in (
            (self.name, "Name then", "The place's name in 1920-22"),
            (lookup, "Look up", "Fill the place from the gazetteer of 1920-22 names"),
            (self.modern, "Name today", "The place's name today"),
            (self.kind, "Kind", "City, country, region or site"),
            (self.lat, "Latitude", "Degrees north, to four decimals"),
            (self.lon, "Longitude", "Degrees east, to four decimals"),
            (self.wikidata, "Wikidata", "The Wikidata id, such as Q64"),
            (self.geonames, "GeoNames", "The GeoNames id, a number"),
            (self.note, "Look-up result", "Where the look-up found the place, or that it did not"),
        ):
            describe(widget, name, description)

    def look_up(self) -> None:
        from ..suggest.gazetteer import load_gazetteer

        entry = load_gazetteer().lookup(self.name.text().strip())
        if entry is None:
            self.note.setText("Not in the gazetteer; enter the coordinates and an id.")
            return
        self.modern.setText(entry.modern_name)
        self.kind.setCurrentText(entry.kind)
        self.lat.setValue(entry.lat)
        self.lon.setValue(entry.lon)
        self.wikidata.setText(entry.wikidata or "")
        self.geonames.setText(str(entry.geonames or ""))
        self.note.setText(f"From the gazetteer: {entry.name} ({entry.modern_name})")

    def result_place(self) -> dict:
        place = dict(self.place)
        if "id" not in place:
            place["id"] = unique_id(self.name.text(), set(self.index.places))
        place.update(
            name=self.name.text().strip(),
            modern_name=self.modern.text().strip() or self.name.text().strip(),
            kind=self.kind.currentText(),
            lat=round(self.lat.value(), 4),
            lon=round(self.lon.value(), 4),
        )
        for key, value in (("wikidata", self.wikidata.text().strip()), ("geonames", self.geonames.text().strip())):
            if value:
                place[key] = int(value) if key == "geonames" and value.isdigit() else value
            else:
                place.pop(key, None)
        return place


CHECK_NOTE = re.compile(r";?\s*check it\b")


def checked_date_source(event: dict, new_date: str) -> str:
    """The date's source once the editor has set the date: the "check it" note goes."""
    source = event.get("date_source", "")
    if new_date == event.get("date"):
        return source
    return f"set by the editor (the draft had {event.get('date')}, {CHECK_NOTE.sub('', source)})" if source else ""


class SuggestionsDialog(QDialog):
    """Reviews the drafted events beside the passage: each row's words are shown and marked in
    the text; date and title are edited in the row; Space checks or unchecks, Delete rejects and
    moves on, Ctrl+Return accepts the checked ones. Edits are written into ``suggested``."""

    CHECK, DATE, TITLE, PLACES = range(4)

    def __init__(self, suggested: dict, parent=None, passage_text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Review the suggested events")
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        self.resize(min(1400, room.width() - 40) if room else 1280, min(860, room.height() - 40) if room else 800)
        self.suggested = suggested
        self.passage_text = passage_text
        self._names = {p["id"]: p["name"] for p in suggested["places"]}
        self.table = QTableWidget(len(suggested["events"]), 4)
        self.table.setHorizontalHeaderLabels(["Keep", "Date", "Title", "Places"])
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        for row, event in enumerate(suggested["events"]):
            self._fill(row, event)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.CHECK, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.PLACES, QHeaderView.ResizeMode.Stretch)
        # Rows grow to hold every place: again whenever the columns change width.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.resizeRowsToContents()
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_row(row))

        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit(passage_text)
        self.text.setReadOnly(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.sentence)
        column.addWidget(self.note)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        info = QLabel(
            f"{len(suggested['events'])} events and {len(suggested['places'])} places were found in the text. "
            "Double-click or type to edit a date or title; Space keeps or drops a row, Delete drops it and "
            "moves on, Ctrl+Return accepts the kept rows (one step, undoable)."
        )
        info.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.accept_checked = buttons.addButton("Accept checked", QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_checked.setDefault(True)
        self.accept_all = buttons.addButton("Accept all", QDialogButtonBox.ButtonRole.AcceptRole)
        self.reject_all = buttons.addButton("Reject all", QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_all.clicked.connect(lambda: self._set_all(True))
        for button, description in (
            (self.accept_checked, "Add the kept rows to the index, as one step"),
            (self.accept_all, "Add every row to the index, as one step"),
            (self.reject_all, "Close and add nothing"),
        ):
            button.setAccessibleDescription(description)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.table.installEventFilter(self)
        for widget, name, description in (
            (
                self.table,
                "Suggested events",
                "Keep, date, title and places of each suggested event. Space keeps or drops a row, "
                "Delete drops it and moves on, Ctrl+Return accepts the kept rows.",
            ),
            (self.sentence, "Words", "The words of the passage the current row is anchored to"),
            (self.note, "Date source", "Where the current row's date was read from"),
            (self.text, "Passage", "The passage, with the current row's words marked"),
        ):
            describe(widget, name, description)
        if suggested["events"]:
            self.table.setCurrentCell(0, self.TITLE)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        """The review's keys on the table (unless a cell is being edited)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            editing = self.table.state() == QAbstractItemView.State.EditingState
            key, mods = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods & Qt.KeyboardModifier.ControlModifier:
                self.accept()
                return True
            if not editing and key == Qt.Key.Key_Space:
                self.toggle_current()
                return True
            if not editing and key == Qt.Key.Key_Delete:
                self.drop_current()
                return True
        return super().eventFilter(watched, event)

    def _fill(self, row: int, event: dict) -> None:
        keep = QTableWidgetItem()
        keep.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        keep.setCheckState(Qt.CheckState.Checked)
        keep.setData(Qt.ItemDataRole.UserRole, event["id"])
        self.table.setItem(row, self.CHECK, keep)
        self.table.setItem(row, self.DATE, QTableWidgetItem(event["date"]))
        self.table.setItem(row, self.TITLE, QTableWidgetItem(event["title"]))
        places = ", ".join(self._names.get(r["place"], r["place"]) for r in event["places"])
        item = QTableWidgetItem(places)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setToolTip(places)
        self.table.setItem(row, self.PLACES, item)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        row, event = item.row(), self.suggested["events"][item.row()]
        if item.column() == self.TITLE:
            event["title"] = item.text().strip() or event["title"]
        elif item.column() == self.DATE:
            value = item.text().strip()
            try:
                HistDate.parse(value)
            except DateError as exc:
                self.note.setText(f"Not changed: {exc}")
                self.table.blockSignals(True)
                item.setText(event["date"])
                self.table.blockSignals(False)
                return
            source = checked_date_source(event, value)
            if source:
                event["date_source"] = source
            else:
                event.pop("date_source", None)
            event["date"] = value
        if row == self.table.currentRow():
            self._show_row(row)

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.suggested["events"]):
            return
        event = self.suggested["events"][row]
        self.sentence.setText(f"\u201c{event['anchor']['exact']}\u201d")
        label = HistDate.parse(event["date"]).label()
        self.note.setText(f"{label} \u2014 {event.get('date_source', 'date set by the editor')}")
        span = self._span(event)
        if span is None:
            self.text.setExtraSelections([])
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._utf16(span[0]))
        cursor.setPosition(self._utf16(span[1]), QTextCursor.MoveMode.KeepAnchor)
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        mark.format.setBackground(QColor("#ffe08a"))
        mark.format.setForeground(text_on(QColor("#ffe08a"), self.text.palette().color(QPalette.ColorRole.Text)))
        self.text.setExtraSelections([mark])
        shown = QTextCursor(cursor)
        shown.setPosition(cursor.selectionStart())
        self.text.setTextCursor(shown)
        self.text.centerCursor()

    def _span(self, event: dict) -> tuple[int, int] | None:
        anchor = event["anchor"]
        quote = TextQuote(anchor["exact"], anchor.get("prefix", ""), anchor.get("suffix", ""))
        try:
            return resolve_anchor(self.passage_text, quote)
        except AnchorError:
            return None

    def _utf16(self, offset: int) -> int:
        return len(self.passage_text[:offset].encode("utf-16-le")) // 2

    def marked_text(self) -> str:
        """The words marked in the passage beside the table (what the reader sees highlighted)."""
        marks = self.text.extraSelections()
        return marks[0].cursor.selectedText() if marks else ""

    def toggle_current(self) -> None:
        item = self.table.item(self.table.currentRow(), self.CHECK)
        if item is not None:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def drop_current(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, self.CHECK)
        if item is not None:
            item.setCheckState(Qt.CheckState.Unchecked)
            self.table.setCurrentCell(min(row + 1, self.table.rowCount() - 1), self.table.currentColumn())

    def _set_all(self, checked: bool) -> None:
        for row in range(self.table.rowCount()):
            self.table.item(row, self.CHECK).setCheckState(
                Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            )

    def chosen(self) -> set[str]:
        return {
            self.table.item(r, self.CHECK).data(Qt.ItemDataRole.UserRole)
            for r in range(self.table.rowCount())
            if self.table.item(r, self.CHECK).checkState() == Qt.CheckState.Checked
        }


def ask_path(
    parent, title: str, *, save: bool = False, folder: bool = False, file_filter: str = "", suggested: str = ""
) -> str | None:
    """Ask for a file or folder with Qt's own dialog (the same on every platform, and answerable
    by tests); None when the reader cancels."""
    dialog = QFileDialog(parent, title, suggested, file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if folder:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    elif save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if suggested:
        dialog.selectFile(suggested)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0]

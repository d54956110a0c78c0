"""Dialogs for editing: an event, a place, and the list of suggestions to accept or reject."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ..model.dates import DateError, HistDate
from ..model.ids import unique_id
from ..model.index import PlaceEventIndex


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
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for field in (self.title, self.date, self.summary):
            field.textChanged.connect(self._check)
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
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

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


class SuggestionsDialog(QDialog):
    """Lists the drafted events; the reader keeps the checked ones, or all, or none."""

    def __init__(self, suggested: dict, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Suggested events")
        self.resize(640, 480)
        self.suggested = suggested
        names = {p["id"]: p["name"] for p in suggested["places"]}
        self.list = QListWidget()
        for event in suggested["events"]:
            places = ", ".join(names.get(r["place"], r["place"]) for r in event["places"])
            text = f"{HistDate.parse(event['date']).label()} \u2014 {event['title']}"
            self.list.addItem(_checkable(text + (f"  [{places}]" if places else ""), event["id"], True))
        info = QLabel(
            f"{len(suggested['events'])} events and {len(suggested['places'])} places were found in "
            "the text. Uncheck the ones to reject."
        )
        info.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.accept_checked = buttons.addButton("Accept checked", QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_all = buttons.addButton("Accept all", QDialogButtonBox.ButtonRole.AcceptRole)
        self.reject_all = buttons.addButton("Reject all", QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_all.clicked.connect(lambda: self._set_all(True))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def _set_all(self, checked: bool) -> None:
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen(self) -> set[str]:
        return {
            self.list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
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

"""The chronological event list: a thin Qt table model over the index, and its view."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..model.index import PlaceEventIndex

COLUMNS = ("Date", "Event", "Places")


class EventTableModel(QAbstractTableModel):
    def __init__(self, index: PlaceEventIndex | None = None, parent=None) -> None:
        super().__init__(parent)
        self._index = index
        self._events = index.chronological if index else []

    def set_index(self, index: PlaceEventIndex) -> None:
        self.beginResetModel()
        self._index = index
        self._events = index.chronological
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        event = self._events[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return event.date.label()
            if index.column() == 1:
                return event.title
            return ", ".join(self._index.places[p].name for p in event.place_ids)
        if role == Qt.ItemDataRole.ToolTipRole:
            return event.summary
        if role == Qt.ItemDataRole.UserRole:
            return event.id
        return None

    def row_of(self, event_id: str | None) -> int:
        for row, event in enumerate(self._events):
            if event.id == event_id:
                return row
        return -1


class EventTable(QTableView):
    """Lists the events in date order; choosing a row asks for that event."""

    event_activated = Signal(object)  # event id or None

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table_model = EventTableModel(parent=self)
        self.setModel(self.table_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 170)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Follow the selection, not the current row: focusing the table must not choose an event.
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def set_index(self, index: PlaceEventIndex) -> None:
        self.table_model.set_index(index)

    def show_event(self, event_id: str | None) -> None:
        row = self.table_model.row_of(event_id)
        selection = self.selectionModel()
        if row < 0:
            selection.clear()
            return
        if selection.currentIndex().row() != row:
            index = self.table_model.index(row, 0)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.scrollTo(self.table_model.index(row, 0))

    def selected_event(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def _on_selection_changed(self, *_ranges) -> None:
        event_id = self.selected_event()
        if event_id:
            self.event_activated.emit(event_id)

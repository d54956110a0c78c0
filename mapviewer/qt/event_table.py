"""The chronological event list: a thin Qt table model over the index, and a two-line list view."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate

from ..model.document import Document
from ..model.index import PlaceEventIndex
from ..model.selection import Selection
from .access import describe
from .text import plain_tooltip, shown

COLUMNS = ("Date", "Event", "Places")


class EventTableModel(QAbstractTableModel):
    def __init__(self, index: PlaceEventIndex | None = None, parent=None) -> None:
        super().__init__(parent)
        self._take(index)

    def set_index(self, index: PlaceEventIndex) -> None:
        self.beginResetModel()
        self._take(index)
        self.endResetModel()

    def _take(self, index: PlaceEventIndex | None) -> None:
        self._index = index
        self._events = index.chronological if index else []
        self._rows = {event.id: row for row, event in enumerate(self._events)}

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
                return shown(event.title)
            return shown(", ".join(self._index.places[p].name for p in event.place_ids))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(event.summary)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # The row as a screen reader says it: the list shows only its first column's text.
            places = ", ".join(self._index.places[p].label for p in event.place_ids)
            return shown(f"{event.date.label()}, {event.title}" + (f"; {places}" if places else ""))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return shown(event.summary)
        if role == Qt.ItemDataRole.UserRole:
            return event.id
        return None

    def row_of(self, event_id: str | None) -> int:
        return -1 if event_id is None else self._rows.get(event_id, -1)


class EventDelegate(QStyledItemDelegate):
    """Draws an event as two lines: date and places small above, the title below."""

    PAD = 5

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._made_for: QFont | None = None
        self._made: tuple[QFont, QFont, QFontMetrics, QFontMetrics] | None = None

    def _fonts(self, option) -> tuple[QFont, QFont, QFontMetrics, QFontMetrics]:
        """The two lines' fonts and their metrics, made again only when the view's font changes
        (a book's list repaints its rows on every selection)."""
        if self._made is None or self._made_for != option.font:
            small = QFont(option.font)
            small.setPointSizeF(option.font.pointSizeF() * 0.85)
            title = QFont(option.font)
            title.setWeight(QFont.Weight.DemiBold)
            self._made_for = QFont(option.font)
            self._made = (small, title, QFontMetrics(small), QFontMetrics(title))
        return self._made

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt API)
        _small, _title, metrics, tmetrics = self._fonts(option)
        height = metrics.height() + tmetrics.height() + 2 * self.PAD + 2
        return QSize(200, height)

    def paint(self, painter, option, index) -> None:
        style = option.widget.style() if option.widget else None
        self.initStyleOption(option, index)
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_colour = option.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        small, title, metrics, tmetrics = self._fonts(option)
        rect = option.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        row = index.row()
        model = index.model()
        date = model.index(row, 0).data()
        places = model.index(row, 2).data()
        painter.save()
        painter.setFont(small)
        top = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        painter.setPen(text_colour if selected else option.palette.color(group, QPalette.ColorRole.PlaceholderText))
        date_width = metrics.horizontalAdvance(date) + 12
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, date)
        painter.drawText(
            top.adjusted(date_width, 0, 0, 0),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(places, Qt.TextElideMode.ElideRight, max(0, top.width() - date_width)),
        )
        painter.setFont(title)
        painter.setPen(text_colour)
        bottom = QRect(rect.left(), top.bottom() + 2, rect.width(), tmetrics.height())
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            tmetrics.elidedText(model.index(row, 1).data(), Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()


class EventTable(QListView):
    """Lists the events in date order; choosing a row asks for that event."""

    event_activated = Signal(object)  # event id or None

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table_model = EventTableModel(parent=self)
        self.setModel(self.table_model)
        self.setItemDelegate(EventDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        describe(
            self,
            "Events",
            "Every event in date order, with its date and places. Up and Down choose an event; "
            "the passage and the map show it.",
        )
        # Follow the selection, not the current row: focusing the list must not choose an event.
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def follow(self, document: Document, selection: Selection) -> None:
        """List the document's events; the selected event is the selected row, both ways."""
        self._selection = selection
        document.index_changed.connect(self._on_index)
        selection.event_changed.connect(self.show_event)
        self.event_activated.connect(selection.select_event)
        self._on_index(document.index)

    def _on_index(self, index: PlaceEventIndex) -> None:
        self.set_index(index)
        self.show_event(self._selection.event)

    def set_index(self, index: PlaceEventIndex) -> None:
        self.table_model.set_index(index)

    def show_event(self, event_id: str | None) -> None:
        row = self.table_model.row_of(event_id)
        selection = self.selectionModel()
        # Showing the selection is not choosing it: the row change must not come back as a choice.
        blocked = self.blockSignals(True)
        try:
            if row < 0:
                selection.clear()
                return
            if selection.currentIndex().row() != row or not selection.isSelected(selection.currentIndex()):
                selection.setCurrentIndex(
                    self.table_model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
        finally:
            self.blockSignals(blocked)
        self.scrollTo(self.table_model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def selected_event(self) -> str | None:
        rows = self.selectionModel().selectedIndexes()
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def _on_selection_changed(self, *_ranges) -> None:
        event_id = self.selected_event()
        if event_id:
            self.event_activated.emit(event_id)

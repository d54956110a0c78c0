"""The status bar's line: what is selected, or how to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ..model.document import Document
from ..model.index import PlaceEventIndex
from ..model.selection import Selection
from .text import plain_tooltip


class StatusLine(QLabel):
    """Says what the selection holds: the event's date, title and summary, or a place's count."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # text from files is never markup

    def follow(self, document: Document, selection: Selection) -> None:
        self._selection = selection
        document.index_changed.connect(self._on_index)
        selection.event_changed.connect(self._show)
        selection.place_changed.connect(self._show)
        self._on_index(document.index)

    def _on_index(self, _index: PlaceEventIndex) -> None:
        self._show()

    def _show(self, *_changed: object) -> None:
        selection = self._selection
        index = selection.index
        if selection.place:
            place = index.places[selection.place]
            count = len(index.events_at(selection.place))
            self.setToolTip("")
            self.setText(f"{place.label} \u2014 {count} event{'s' if count != 1 else ''}; choose one on the map")
        elif selection.event:
            event = index.events[selection.event]
            self.setText(f"{event.date.label()} \u2014 {event.title}: {event.summary}")
            self.setToolTip(plain_tooltip(event.summary))  # a long summary is cut by the window's edge
        else:
            self.setToolTip("")
            self.setText(
                f"{len(index.events)} events, {len(index.places)} places \u2014 choose an event, "
                "or press \u2192 to step through them in date order"
            )

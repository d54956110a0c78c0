"""The status bar's line: what is selected, or how to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from ..model.document import Document
from ..model.index import PlaceEventIndex
from ..model.selection import Selection, spoken_selection
from .access import announce
from .text import plain_tooltip


class StatusLine(QLabel):
    """Says what the selection holds: the event's date, title and summary, or a place's count.

    For a screen reader it is the window's spoken status: its description is the selection in
    words (the event, its date and places; or a place and its events), announced as it changes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # text from files is never markup
        self.setAccessibleName("Selection")
        self.spoken = ""
        self.announced = ""
        # One announcement per change the reader made: choosing an event also lets go of the
        # place, and the two signals in a row must not be spoken as two sentences.
        self._announcer = QTimer(self)
        self._announcer.setSingleShot(True)
        self._announcer.setInterval(0)
        self._announcer.timeout.connect(self._announce)

    def follow(self, document: Document, selection: Selection) -> None:
        self._selection = selection
        document.index_changed.connect(self._on_index)
        selection.event_changed.connect(self._show)
        selection.place_changed.connect(self._show)
        self._on_index(document.index)
        self.announced = self.spoken  # the state the window opens with is not news

    def _announce(self) -> None:
        if self.spoken != self.announced:
            self.announced = self.spoken
            announce(self, self.spoken)

    def _on_index(self, _index: PlaceEventIndex) -> None:
        self._show()

    def _show(self, *_changed: object) -> None:
        selection = self._selection
        index = selection.index
        spoken = spoken_selection(index, selection.event, selection.place)
        if spoken != self.spoken:
            self.spoken = spoken
            self.setAccessibleDescription(spoken)
            self._announcer.start()
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

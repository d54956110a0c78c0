"""The one selection every view follows: the current event and the current place."""

from __future__ import annotations

from psygnal import Signal

from .index import PlaceEventIndex


class Selection:
    """Which event and which place the reader has chosen; views listen to its signals.

    Choosing an event clears the chosen place; choosing a place keeps the event.
    """

    event_changed = Signal(object)  # event id or None
    place_changed = Signal(object)  # place id or None

    def __init__(self, index: PlaceEventIndex) -> None:
        self.index = index
        self._event: str | None = None
        self._place: str | None = None

    @property
    def event(self) -> str | None:
        return self._event

    @property
    def place(self) -> str | None:
        return self._place

    def select_event(self, event_id: str | None) -> None:
        if event_id is not None and event_id not in self.index.events:
            raise KeyError(f"no event {event_id!r} in the index")
        self.select_place(None)
        if event_id != self._event:
            self._event = event_id
            self.event_changed.emit(event_id)

    def select_place(self, place_id: str | None) -> None:
        if place_id is not None and place_id not in self.index.places:
            raise KeyError(f"no place {place_id!r} in the index")
        if place_id != self._place:
            self._place = place_id
            self.place_changed.emit(place_id)

    def step(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) event in date order, stopping at the ends."""
        order = [e.id for e in self.index.chronological]
        if not order:
            return
        if self._event is None:
            target = 0 if delta > 0 else len(order) - 1
        else:
            target = max(0, min(len(order) - 1, order.index(self._event) + delta))
        self.select_event(order[target])

    def clear(self) -> None:
        self.select_place(None)
        self.select_event(None)

"""The one selection every view follows: the current event, place and map date."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from psygnal import Signal

from .dates import day_month_year
from .index import Event, PlaceEventIndex

log = logging.getLogger(__name__)

FIRST_MAP_DATE = dt.date(1920, 1, 1)
LAST_MAP_DATE = dt.date(1922, 12, 31)
DEFAULT_MAP_DATE = dt.date(1921, 3, 16)


def map_date_of(event: Event) -> dt.date:
    """The day whose borders the map shows for an event: its first day, kept within 1920-22."""
    return min(max(event.date.start, FIRST_MAP_DATE), LAST_MAP_DATE)


def map_date_note(event: Event) -> str | None:
    """What the map says when it cannot show an event on its own date; None when it can."""
    start = event.date.start
    if FIRST_MAP_DATE <= start <= LAST_MAP_DATE:
        return None
    edge = "begins" if start < FIRST_MAP_DATE else "ends"
    return (
        f"Borders as of {day_month_year(map_date_of(event))} \u2014 the map {edge} then; "
        f"this event dates from {event.date.first.label()}."
    )


@dataclass(frozen=True)
class TimelineMarks:
    """Where an index's events fall on the map's 1920-22 timeline.

    Events outside the map's years are counted apart rather than piled on its first or
    last day, where they would hide the events that really happened then.
    """

    days: tuple[int, ...]  # distinct days after FIRST_MAP_DATE on which events inside the map's years begin
    before: tuple[Event, ...]  # events that begin before FIRST_MAP_DATE, in date order
    after: tuple[Event, ...]  # events that begin after LAST_MAP_DATE, in date order


def timeline_marks(index: PlaceEventIndex) -> TimelineMarks:
    inside = [e for e in index.chronological if FIRST_MAP_DATE <= e.date.start <= LAST_MAP_DATE]
    return TimelineMarks(
        days=tuple(sorted({(e.date.start - FIRST_MAP_DATE).days for e in inside})),
        before=tuple(e for e in index.chronological if e.date.start < FIRST_MAP_DATE),
        after=tuple(e for e in index.chronological if e.date.start > LAST_MAP_DATE),
    )


class Selection:
    """Which event and which place the reader has chosen; views listen to its signals.

    Choosing an event clears the chosen place and moves the map to the event's date;
    choosing a place keeps the event; the date can also be set on its own. One Selection
    lives as long as the window: a new index (a file opened, an edit undone) is given to
    ``set_index``, which keeps whatever still exists in it.
    """

    event_changed = Signal(object)  # event id or None
    place_changed = Signal(object)  # place id or None
    date_changed = Signal(object)  # datetime.date

    def __init__(self, index: PlaceEventIndex) -> None:
        self.index = index
        self._event: str | None = None
        self._place: str | None = None
        self._date = DEFAULT_MAP_DATE
        self._showing: str | None = None  # the event the views are being told about

    def set_index(self, index: PlaceEventIndex) -> None:
        """Follow a new index; an event or place it no longer has is let go."""
        self.index = index
        if self._place is not None and self._place not in index.places:
            self.select_place(None)
        if self._event is not None and self._event not in index.events:
            self._event = None
            self.event_changed.emit(None)

    @property
    def date(self) -> dt.date:
        return self._date

    def set_date(self, date: dt.date) -> None:
        date = min(max(date, FIRST_MAP_DATE), LAST_MAP_DATE)
        if date != self._date:
            self._date = date
            self.date_changed.emit(date)

    @property
    def event(self) -> str | None:
        return self._event

    @property
    def place(self) -> str | None:
        return self._place

    def select_event(self, event_id: str | None) -> None:
        if event_id is not None and event_id not in self.index.events:
            raise KeyError(f"no event {event_id!r} in the index")
        if self._showing is not None:
            # A view that shows a choice must not choose again while it does (an echo).
            log.warning("event %r chosen while the views were showing %r; ignored", event_id, self._showing)
            return
        self.select_place(None)
        if event_id != self._event:
            self._event = event_id
            self._showing = event_id or ""
            try:
                self.event_changed.emit(event_id)
            finally:
                self._showing = None
        # The borders follow after the highlight, so the reader sees the places light up first.
        if event_id is not None:
            self.set_date(map_date_of(self.index.events[event_id]))

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


def spoken_selection(index: PlaceEventIndex, event_id: str | None, place_id: str | None) -> str:
    """What a screen reader says when the selection changes: the chosen place and its events
    (what the map's popup lists), else the chosen event with its date and places."""
    if place_id is not None and place_id in index.places:
        events = index.events_at(place_id)
        count = f"{len(events)} event{'s' if len(events) != 1 else ''}"
        listed = "; ".join(f"{e.date.label()}, {e.title}" for e in events)
        return f"Place {index.places[place_id].label}: {count}" + (f": {listed}." if listed else ".")
    if event_id is not None and event_id in index.events:
        event = index.events[event_id]
        places = ", ".join(index.places[p].label for p in event.place_ids if p in index.places)
        return f"{event.title}, {event.date.label()}." + (f" Places: {places}." if places else " No places.")
    return "No event selected."

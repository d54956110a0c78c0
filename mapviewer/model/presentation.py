"""Presentation stepping, free of Qt: the sequence, the position, the clicker's keys."""

from __future__ import annotations

from dataclasses import dataclass, field

from .index import PlaceEventIndex, TourStep

DATE_ORDER = ""  # the tour id meaning "every event in date order"


@dataclass
class Presentation:
    """Where a lecture is: which sequence, which step, whether the screen is blacked out.

    Keys arrive as names ("next", "prev", "first", "last", "black", a digit, "enter");
    ``press`` returns the event id to select, or None when nothing should change.
    """

    index: PlaceEventIndex
    tour_id: str = DATE_ORDER
    position: int = -1
    black: bool = False
    typed: str = ""
    steps: list[TourStep] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.use_tour(self.tour_id)

    def use_tour(self, tour_id: str) -> None:
        tour = next((t for t in self.index.tours if t.id == tour_id), None)
        if tour is None:
            self.tour_id = DATE_ORDER
            self.steps = [TourStep(e.id) for e in self.index.chronological]
        else:
            self.tour_id = tour.id
            self.steps = list(tour.steps)
        self.position = -1

    @property
    def current(self) -> TourStep | None:
        return self.steps[self.position] if 0 <= self.position < len(self.steps) else None

    @property
    def following(self) -> TourStep | None:
        nxt = self.position + 1
        return self.steps[nxt] if 0 <= nxt < len(self.steps) else None

    def start_at(self, event_id: str | None) -> None:
        """Begin at the step showing ``event_id`` (or before the first step)."""
        ids = [s.event for s in self.steps]
        self.position = ids.index(event_id) if event_id in ids else -1

    def _go(self, position: int) -> str | None:
        if not self.steps:
            return None
        position = max(0, min(len(self.steps) - 1, position))
        if position == self.position:
            return None
        self.position = position
        return self.steps[position].event

    def press(self, key: str) -> str | None:
        if self.black:
            self.black = False  # any key brings the picture back, and does nothing else
            return None
        if key.isdigit():
            self.typed = (self.typed + key)[-4:]
            return None
        typed, self.typed = self.typed, ""
        if key == "enter" and typed:
            return self._go(int(typed) - 1)
        if key == "next":
            return self._go(self.position + 1)
        if key == "prev":
            return self._go(self.position - 1)
        if key == "first":
            return self._go(0)
        if key == "last":
            return self._go(len(self.steps) - 1)
        if key == "black":
            self.black = True
        return None

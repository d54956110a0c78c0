"""Presentation stepping, free of Qt: the lecture's steps and the clicker's keys.

Where the lecture is comes from the selection: the step showing the selected event. It is
never stored apart, so an event chosen any other way (a map popup, the event list) moves
the lecture with it, and the next key goes on from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .index import PlaceEventIndex, TourStep

DATE_ORDER = ""  # the tour id meaning "every event in date order"


def lecture_steps(index: PlaceEventIndex, tour_id: str) -> tuple[str, list[TourStep]]:
    """The steps of tour ``tour_id``, or every event in date order when there is no such tour."""
    tour = next((t for t in index.tours if t.id == tour_id), None)
    if tour is None:
        return DATE_ORDER, [TourStep(e.id) for e in index.chronological]
    return tour.id, list(tour.steps)


@dataclass
class Presentation:
    """A lecture being given: its steps, the black screen and a step number being typed.

    Keys arrive as names ("next", "prev", "first", "last", "black", a digit, "enter");
    ``press(key, selected)`` returns the step to show, or None when nothing should change.
    """

    index: PlaceEventIndex
    tour_id: str = DATE_ORDER
    black: bool = False
    typed: str = ""
    steps: list[TourStep] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tour_id, self.steps = lecture_steps(self.index, self.tour_id)

    def set_index(self, index: PlaceEventIndex) -> None:
        """Follow an edited index: the same tour, with whatever steps it has now."""
        self.index = index
        self.tour_id, self.steps = lecture_steps(index, self.tour_id)

    def position(self, selected: str | None) -> int:
        """The step showing ``selected``: -1 before the first step (nothing selected).

        An event outside the lecture sits between the steps around it in date order, and
        is reported as the last step before it (-1 if none), so "next" goes on from there.
        """
        if selected is None or selected not in self.index.events:
            return -1
        ids = [s.event for s in self.steps]
        if selected in ids:
            return ids.index(selected)
        order = {e.id: n for n, e in enumerate(self.index.chronological)}
        before = [n for n, s in enumerate(self.steps) if order.get(s.event, -1) < order[selected]]
        return before[-1] if before else -1

    def is_on_step(self, selected: str | None) -> bool:
        return selected is not None and any(s.event == selected for s in self.steps)

    def current(self, selected: str | None) -> TourStep | None:
        if not self.is_on_step(selected):
            return None
        return self.steps[self.position(selected)]

    def following(self, selected: str | None) -> TourStep | None:
        nxt = self._next_position(selected)
        return self.steps[nxt] if 0 <= nxt < len(self.steps) else None

    def _next_position(self, selected: str | None) -> int:
        return self.position(selected) + 1

    def _previous_position(self, selected: str | None) -> int:
        position = self.position(selected)
        # Off the lecture, "previous" is the step before the event, which position() already names.
        return position - 1 if self.is_on_step(selected) else position

    def _go(self, position: int, selected: str | None) -> TourStep | None:
        if not self.steps:
            return None
        position = max(0, min(len(self.steps) - 1, position))
        step = self.steps[position]
        return None if step.event == selected and self.is_on_step(selected) else step

    def press(self, key: str, selected: str | None) -> TourStep | None:
        if self.black:
            self.black = False  # any key brings the picture back, and does nothing else
            return None
        if key.isdigit():
            self.typed = (self.typed + key)[-4:]
            return None
        typed, self.typed = self.typed, ""
        if key == "enter" and typed:
            return self._go(int(typed) - 1, selected)
        if key == "next":
            return self._go(self._next_position(selected), selected)
        if key == "prev":
            return self._go(self._previous_position(selected), selected)
        if key == "first":
            return self._go(0, selected)
        if key == "last":
            return self._go(len(self.steps) - 1, selected)
        if key == "black":
            self.black = True
        return None

"""The narrow interfaces exporters depend on: options, and something that renders the map."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from ..model.errors import InputError
from ..model.index import PlaceEventIndex
from ..model.lectures import chosen_lecture

if TYPE_CHECKING:  # the command line lists the exports without loading Qt
    from PySide6.QtGui import QImage

# "slide": the audience's layout (banner, map, sentence); "map": the map alone.
Layout = Literal["slide", "map"]


@dataclass(frozen=True)
class ExportOptions:
    """What to export. By default the steps of the index's chosen lecture (every event in date
    order when it has none); ``lecture`` names another lecture, ``all_events`` takes every
    event, ``events`` exactly these."""

    events: tuple[str, ...] | None = None
    size: tuple[int, int] | None = None  # picture size, for exports that render
    lecture: str | None = None
    all_events: bool = False


@dataclass(frozen=True)
class ExportStep:
    number: int  # as the reader counts: the step of the lecture, or the event in date order
    event: str
    note: str = ""


def export_steps(index: PlaceEventIndex, options: ExportOptions) -> list[ExportStep]:
    """The events an export covers, numbered as the reader will see them; raises InputError
    for a lecture the index does not have."""
    order = {e.id: n for n, e in enumerate(index.chronological, 1)}
    if options.events:
        return [ExportStep(order[e], e) for e in sorted(options.events, key=order.__getitem__)]
    tours = {t.id: t for t in index.tours}
    if options.lecture is not None and options.lecture not in tours:
        known = ", ".join(tours) or "none"
        raise InputError(
            index.path or index.passage.name, f"there is no lecture {options.lecture!r}", fix=f"choose one of: {known}"
        )
    tour = tours[options.lecture] if options.lecture else chosen_lecture(index)
    if tour is None or options.all_events:
        return [ExportStep(n, e.id) for e, n in zip(index.chronological, range(1, len(order) + 1), strict=True)]
    return [ExportStep(n, s.event, s.note) for n, s in enumerate(tour.steps, 1)]


class MapRenderer(Protocol):
    """Shows each event in turn and hands over a picture once the map has settled."""

    def render(
        self,
        event_ids: Sequence[str],
        layout: Layout,
        size: tuple[int, int],
        on_image: Callable[[str, QImage], None],
        on_done: Callable[[str | None], None],
    ) -> None:
        """Asynchronous: ``on_image`` for every event, then ``on_done(None)``, or ``on_done(message)``
        as soon as something fails (an ``InputError`` raised by ``on_image`` included)."""
        ...

    def cancel(self) -> None: ...

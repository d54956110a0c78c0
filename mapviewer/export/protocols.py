"""The narrow interfaces exporters depend on: options, and something that renders the map."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:  # the command line lists the exports without loading Qt
    from PySide6.QtGui import QImage

# "slide": the audience's layout (banner, map, sentence); "map": the map alone.
Layout = Literal["slide", "map"]


@dataclass(frozen=True)
class ExportOptions:
    events: tuple[str, ...] | None = None  # None: every event, in date order
    size: tuple[int, int] | None = None  # picture size, for exports that render


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

"""Each event's sentence as a W3C Web Annotation (TextQuote and TextPosition selectors)."""

from __future__ import annotations

from pathlib import Path

from ..interchange.annotations import write_annotations
from ..model.index import PlaceEventIndex
from .protocols import ExportOptions


def export(index: PlaceEventIndex, out: Path, options: ExportOptions | None = None) -> Path:
    return write_annotations(index, out)

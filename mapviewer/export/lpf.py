"""The places as a Linked Places Format (JSON-LD) collection, for gazetteers and WHG."""

from __future__ import annotations

from pathlib import Path

from ..interchange.lpf import write_lpf
from ..model.index import PlaceEventIndex
from .protocols import ExportOptions


def export(index: PlaceEventIndex, out: Path, options: ExportOptions | None = None) -> Path:
    return write_lpf(index, out)

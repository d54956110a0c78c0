"""The places as GeoJSON points, for any GIS."""

from __future__ import annotations

from pathlib import Path

from ..interchange.lpf import write_geojson
from ..model.index import PlaceEventIndex
from .protocols import ExportOptions


def export(index: PlaceEventIndex, out: Path, options: ExportOptions | None = None) -> Path:
    return write_geojson(index, out)

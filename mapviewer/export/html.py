"""A self-contained web page of the passage's map: Leaflet, the borders, the water and the index inlined."""

from __future__ import annotations

from pathlib import Path

from ..mappage.build import cached_template, fill_page, inline_asset_tags, load_borders, load_water
from ..mappage.encode import encode
from ..mappage.payload import page_payload
from ..model.files import write_atomic
from ..model.index import PlaceEventIndex
from ..model.selection import DEFAULT_MAP_DATE
from .protocols import ExportOptions


def _inline_tags(index: PlaceEventIndex) -> str:
    data = encode(page_payload(index, standalone=True))
    return inline_asset_tags() + f'\n<script type="application/json" id="mapviewer-data">{data}</script>'


def export(index: PlaceEventIndex, out: Path, options: ExportOptions | None = None) -> Path:
    """Write the page; it needs no network and no other file."""
    options = {"date": DEFAULT_MAP_DATE.isoformat(), "borders": load_borders(), "water": load_water()}
    title = index.meta.get("title") or index.passage.name
    html = fill_page(cached_template(), _inline_tags(index), options, title=f"{title} \u2014 map")
    write_atomic(Path(out), html)
    return Path(out)

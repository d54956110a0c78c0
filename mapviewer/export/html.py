"""A self-contained web page of the passage's map: Leaflet, the borders and the index inlined."""

from __future__ import annotations

from pathlib import Path

from ..mappage.build import build_page_html, load_borders, page_assets
from ..mappage.encode import encode
from ..model.index import PlaceEventIndex
from ..model.selection import map_date_of


def standalone_payload(index: PlaceEventIndex) -> dict:
    """What the exported page needs: the places, and each event with its sentence and map date."""
    return {
        "title": index.meta.get("title") or index.passage.name,
        "source": index.meta.get("source") or index.passage.source_line,
        "places": [
            {"id": p.id, "name": p.name, "modern_name": p.modern_name, "kind": p.kind,
             "lat": p.lat, "lon": p.lon, "states": list(p.states)}
            for p in index.places.values()
        ],
        "events": [
            {"id": e.id, "title": e.title, "date_label": e.date.label(), "places": e.place_ids,
             "sentence": e.quote, "map_date": map_date_of(e).isoformat()}
            for e in index.chronological
        ],
    }


def _inline_tags(index: PlaceEventIndex) -> str:
    assets = page_assets()

    def text(name: str) -> str:
        # A literal "</" inside inlined code would end the <script> element early.
        return assets[name].read_text("utf-8").replace("</script", "<\\/script")

    return "\n".join([
        f"<style>{text('leaflet/leaflet.css')}</style>",
        f"<style>{text('mapviewer.css')}</style>",
        f"<script>{text('leaflet/leaflet.js')}</script>",
        f"<script>{text('mapviewer.js')}</script>",
        f'<script type="application/json" id="mapviewer-data">{encode(standalone_payload(index))}</script>',
    ])


def export_html(index: PlaceEventIndex, out: Path) -> Path:
    """Write the page; it needs no network and no other file."""
    html = build_page_html(load_borders(), _inline_tags(index))
    out = Path(out)
    out.write_text(html, "utf-8")
    return out

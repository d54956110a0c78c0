"""What the map page is told about an index: plain data, built once for both page kinds."""

from __future__ import annotations

from ..model.index import JsonObject, PlaceEventIndex
from ..model.selection import map_date_note, map_date_of


def page_payload(index: PlaceEventIndex, standalone: bool = False) -> JsonObject:
    """Places and events as the page draws them; the exported page also carries its text."""
    payload: JsonObject = {
        "places": [
            {
                "id": p.id,
                "name": p.name,
                "modern_name": p.modern_name,
                "kind": p.kind,
                "lat": p.lat,
                "lon": p.lon,
                "states": list(p.states),
            }
            for p in index.places.values()
        ],
        "events": [
            {
                "id": e.id,
                "title": e.title,
                "date_label": e.date.label(),
                "places": e.place_ids,
                "map_date": map_date_of(e).isoformat(),
                "map_note": map_date_note(e),
            }
            for e in index.chronological
        ],
    }
    if standalone:
        payload["title"] = index.meta.get("title") or index.passage.name
        payload["source"] = index.meta.get("source") or index.passage.source_line
        for entry, event in zip(payload["events"], index.chronological, strict=True):
            entry["sentence"] = event.quote
    return payload

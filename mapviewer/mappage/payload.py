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
                # Renamings by date (geodata/README.md, "Names"); ``name`` is shown when none covers the date.
                "names": [n.to_json() for n in p.names],
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
        text = index.passage.text
        payload["title"] = index.meta.get("title") or index.passage.name
        payload["source"] = index.meta.get("source") or index.passage.source_line
        payload["paragraphs"] = [
            {"kind": p.kind, "text": text[p.start : p.end], "start": _utf16(text, p.start)}
            for p in index.passage.paragraphs
            if p.kind != "separator"
        ]
        for entry, event in zip(payload["events"], index.chronological, strict=True):
            entry.update(
                sentence=event.quote,
                map_date=map_date_of(event).isoformat(),
                span=[_utf16(text, event.span[0]), _utf16(text, event.span[1])],
            )
    return payload


def _utf16(text: str, offset: int) -> int:
    """A code-point offset as the page's strings count: in UTF-16 units."""
    return offset + sum(1 for ch in text[:offset] if ch > "\uffff")

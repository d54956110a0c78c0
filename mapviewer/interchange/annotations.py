"""Export an index's anchors as W3C Web Annotations (JSON-LD), one per event."""

from __future__ import annotations

import uuid
from pathlib import Path

from ..model.index import Event, JsonObject, Place, PlaceEventIndex
from .lpf import geonames_uri, wikidata_uri
from .save import write_json_file

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Context kept around each quote, as Hypothesis does, so other tools can re-find it.
QUOTE_CONTEXT_CHARS = 32


def passage_source(index: PlaceEventIndex) -> str:
    """The annotation target: the passage's file name (relative, like the index's own reference)."""
    return Path(index.meta.get("file") or index.passage.name).name


def anchors_to_annotations(
    index: PlaceEventIndex, base_uri: str | None = None, source: str | None = None, include_mentions: bool = False
) -> JsonObject:
    """An AnnotationCollection with one Annotation per event (file order).

    Ids are ``base_uri + "#" + event id`` when a base is given, else stable ``urn:uuid:``
    URNs derived from the passage and the event id. ``include_mentions`` adds one
    annotation per place mention, identifying the place.
    """
    source = source or passage_source(index)
    items = [event_annotation(index, event, source, base_uri) for event in index.events.values()]
    if include_mentions:
        for place_id, spans in index.mention_spans.items():
            place = index.places[place_id]
            items.extend(mention_annotation(index, place, span, source, base_uri) for span in spans)
    return {
        "@context": ANNO_CONTEXT,
        "id": _annotation_id(base_uri, source, "events"),
        "type": "AnnotationCollection",
        "label": index.meta.get("title") or f"Events in {source}",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def event_annotation(index: PlaceEventIndex, event: Event, source: str, base_uri: str | None = None) -> JsonObject:
    """One event as an Annotation: its title, summary and date describe the quoted sentence."""
    body = [
        {
            "type": "TextualBody",
            "purpose": "describing",
            "value": event.title,
            "format": "text/plain",
            "language": "en",
        },
        {
            "type": "TextualBody",
            "purpose": "commenting",
            "value": event.summary,
            "format": "text/plain",
            "language": "en",
        },
        # The date as the index writes it (ISO 8601 or its season/range extension).
        {"type": "TextualBody", "purpose": "tagging", "value": f"date:{event.date.text}", "format": "text/plain"},
    ]
    for place_id in event.place_ids:
        body.append(_place_body(index.places[place_id]))
    return {
        "@context": ANNO_CONTEXT,
        "id": _annotation_id(base_uri, source, f"event-{event.id}"),
        "type": "Annotation",
        "motivation": "describing",
        "body": body,
        "target": _target(index, event.span, source, event.anchor.prefix, event.anchor.suffix),
    }


def mention_annotation(
    index: PlaceEventIndex, place: Place, span: tuple[int, int], source: str, base_uri: str | None = None
) -> JsonObject:
    """A word naming a place, as an Annotation identifying that place."""
    return {
        "@context": ANNO_CONTEXT,
        "id": _annotation_id(base_uri, source, f"place-{place.id}-{span[0]}"),
        "type": "Annotation",
        "motivation": "identifying",
        "body": [_place_body(place)],
        "target": _target(index, span, source),
    }


def _place_body(place: Place) -> JsonObject:
    return {"type": "SpecificResource", "purpose": "identifying", "source": wikidata_uri(place) or geonames_uri(place)}


def _target(
    index: PlaceEventIndex, span: tuple[int, int], source: str, prefix: str = "", suffix: str = ""
) -> JsonObject:
    text = index.passage.text
    start, end = span
    # Keep the anchor's own context when it is longer, so the quote stays as unique as it was.
    before = max(len(prefix), QUOTE_CONTEXT_CHARS)
    after = max(len(suffix), QUOTE_CONTEXT_CHARS)
    quote = {"type": "TextQuoteSelector", "exact": text[start:end]}
    if start:
        quote["prefix"] = text[max(0, start - before) : start]
    if end < len(text):
        quote["suffix"] = text[end : end + after]
    # Offsets count Unicode code points, as Python strings and the Web Annotation model do.
    position = {"type": "TextPositionSelector", "start": start, "end": end}
    return {"type": "SpecificResource", "source": source, "selector": [quote, position]}


def _annotation_id(base_uri: str | None, source: str, name: str) -> str:
    if base_uri:
        return f"{base_uri}#{name}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'mapviewer:{source}#{name}')}"


def write_annotations(
    index: PlaceEventIndex,
    path: str | Path,
    base_uri: str | None = None,
    source: str | None = None,
    include_mentions: bool = False,
) -> Path:
    """Write ``anchors_to_annotations`` (same options) as a JSON-LD file; raise InputError on failure."""
    return write_json_file(anchors_to_annotations(index, base_uri, source, include_mentions), path)

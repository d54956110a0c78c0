"""Export an index's places as Linked Places Format (GeoJSON-LD) and as plain GeoJSON."""

from __future__ import annotations

from pathlib import Path

from ..model.dates import DatePoint, HistDate
from ..model.index import JsonObject, Place, PlaceEventIndex
from ..model.selection import FIRST_MAP_DATE, LAST_MAP_DATE
from .save import write_json_file

LPF_CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
GEONAMES_FEATURE = "https://sws.geonames.org/"

# Place kinds as Getty AAT concepts, from the subset the World Historical Gazetteer uses.
AAT_TYPES = {
    "city": ("aat:300008389", "cities"),
    "country": ("aat:300387506", "countries"),
    "region": ("aat:300182722", "regions (geographic)"),
    "site": ("aat:300000809", "sites (locations)"),
}


def wikidata_uri(place: Place) -> str | None:
    return f"{WIKIDATA_ENTITY}{place.wikidata}" if place.wikidata else None


def geonames_uri(place: Place) -> str | None:
    return f"{GEONAMES_FEATURE}{place.geonames}/" if place.geonames else None


def places_to_lpf(index: PlaceEventIndex, base_uri: str | None = None) -> JsonObject:
    """The places as a Linked Places FeatureCollection, ready for the World Historical Gazetteer.

    Each feature's ``@id`` is ``base_uri + place id`` when a base is given, else the place's
    Wikidata (or GeoNames) URI; a place sharing that URI with an earlier one gets a URN instead.
    """
    used_ids: set[str] = set()
    features = []
    for place in index.places.values():
        feature_id = _feature_id(index, place, base_uri, used_ids)
        used_ids.add(feature_id)
        features.append(_lpf_feature(index, place, feature_id))
    return {"type": "FeatureCollection", "@context": LPF_CONTEXT, "features": features}


def _feature_id(index: PlaceEventIndex, place: Place, base_uri: str | None, used: set[str]) -> str:
    if base_uri:
        return f"{base_uri}{place.id}"
    candidate = wikidata_uri(place) or geonames_uri(place)
    if candidate and candidate not in used:
        return candidate
    stem = Path(index.meta.get("file") or index.passage.name).stem
    return f"urn:mapviewer:{stem}:place:{place.id}"


def _lpf_feature(index: PlaceEventIndex, place: Place, feature_id: str) -> JsonObject:
    citation = {"label": index.meta.get("source") or index.meta.get("title") or index.passage.name}
    names: list[JsonObject] = [{"toponym": place.name, "lang": "en", "citations": [citation]}]
    authority = [
        {"label": label, "@id": uri}
        for label, uri in (("Wikidata", wikidata_uri(place)), ("GeoNames", geonames_uri(place)))
        if uri
    ]
    if place.modern_name == place.name:
        names[0]["citations"].extend(authority)
    else:
        names.append({"toponym": place.modern_name, "lang": "en", "citations": authority})
    identifier, label = AAT_TYPES[place.kind]
    feature = {
        "@id": feature_id,
        "type": "Feature",
        # The index has no country codes, and a 1920 place may lie in several modern states.
        "properties": {"title": place.name, "ccodes": []},
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "when": place_when(index, place),
        "names": names,
        "types": [{"identifier": identifier, "label": label, "sourceLabels": [{"label": place.kind, "lang": "en"}]}],
        "links": [
            {"type": "closeMatch", "identifier": uri} for uri in (wikidata_uri(place), geonames_uri(place)) if uri
        ],
    }
    if place.note:
        feature["descriptions"] = [{"value": place.note, "lang": "en"}]
    return feature


def place_when(index: PlaceEventIndex, place: Place) -> JsonObject:
    """The LPF ``when`` of a place: the dates of its events, else the years the map covers."""
    spans = []
    for event in index.events_at(place.id):
        span = lpf_timespan(event.date)
        if span not in spans:
            spans.append(span)
    if spans:
        return {"timespans": spans, "label": f"dates of the events at {place.name} in the passage"}
    return {
        "timespans": [{"start": {"in": f"{FIRST_MAP_DATE.year:04d}"}, "end": {"in": f"{LAST_MAP_DATE.year:04d}"}}],
        "label": "the period of the passage",
    }


def lpf_timespan(date: HistDate) -> JsonObject:
    """An index date as an LPF timespan of ISO 8601 dates (seasons become their months)."""
    start = _iso_bounds(date.first)[0]
    end = _iso_bounds(date.last or date.first)[1]
    span = {"start": {"in": start}}
    if end != start:
        span["end"] = {"in": end}
    return span


def _iso_bounds(point: DatePoint) -> tuple[str, str]:
    if point.precision == "day":
        return point.start.isoformat(), point.start.isoformat()
    if point.precision == "month":
        return f"{point.start:%Y-%m}", f"{point.start:%Y-%m}"
    if point.precision == "year":
        return f"{point.start.year:04d}", f"{point.start.year:04d}"
    return f"{point.start:%Y-%m}", f"{point.end:%Y-%m}"  # a season: its first and last month


def places_to_geojson(index: PlaceEventIndex) -> JsonObject:
    """The places as plain GeoJSON points, with the ids of their events in date order."""
    features = []
    for place in index.places.values():
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                # Every feature has every property (null when unknown) so GIS tools see one table.
                "properties": {
                    "id": place.id,
                    "name": place.name,
                    "modern_name": place.modern_name,
                    "kind": place.kind,
                    "wikidata": place.wikidata,
                    "geonames": place.geonames,
                    "events": [e.id for e in index.events_at(place.id)],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_lpf(index: PlaceEventIndex, path: str | Path, base_uri: str | None = None) -> Path:
    return write_json_file(places_to_lpf(index, base_uri), path)


def write_geojson(index: PlaceEventIndex, path: str | Path) -> Path:
    return write_json_file(places_to_geojson(index), path)

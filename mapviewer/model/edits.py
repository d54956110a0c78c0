"""Edits to an index as plain functions from one index to the next (undo keeps both)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

from .ids import unique_id
from .index import JsonObject, PlaceEventIndex, index_from_json
from .passage import Passage

# An edit: a function that changes the index's JSON in place (``apply`` checks the result).
Change: TypeAlias = Callable[[JsonObject], None]


def empty_index(passage: Passage, index_path: str | Path) -> PlaceEventIndex:
    """A new index for a passage that has none yet."""
    data: JsonObject = {
        "format": "mapviewer-index",
        "version": 1,
        "passage": {"file": Path(passage.path).name or "passage.txt", "title": Path(passage.path).stem},
        "places": [],
        "events": [],
    }
    return index_from_json(data, passage, str(index_path))


def apply(index: PlaceEventIndex, change: Change) -> PlaceEventIndex:
    """Apply ``change`` (a function mutating the index's JSON) and check the result like a load."""
    data = copy.deepcopy(index.to_json())
    change(data)
    return index_from_json(data, index.passage, index.path)


def _put(kind: str, item: JsonObject) -> Change:
    """Add the item to ``data[kind]``, or replace the one with the same id."""

    def change(data: JsonObject) -> None:
        items = data[kind]
        for i, old in enumerate(items):
            if old["id"] == item["id"]:
                items[i] = item
                return
        items.append(item)

    return change


def put_event(event: JsonObject) -> Change:
    """Add the event, or replace the one with its id."""
    return _put("events", event)


def put_place(place: JsonObject) -> Change:
    """Add the place, or replace the one with its id."""
    return _put("places", place)


def delete_event(event_id: str) -> Change:
    """Remove an event and its steps from every tour."""

    def change(data: JsonObject) -> None:
        data["events"] = [e for e in data["events"] if e["id"] != event_id]
        for tour in data.get("tours", []):
            tour["steps"] = [s for s in tour["steps"] if s["event"] != event_id]

    return change


def move_place(place_id: str, lat: float, lon: float) -> Change:
    """Put a place at new coordinates (rounded to 4 decimals, about 10 m)."""

    def change(data: JsonObject) -> None:
        for place in data["places"]:
            if place["id"] == place_id:
                place["lat"], place["lon"] = round(lat, 4), round(lon, 4)

    return change


def delete_place(place_id: str) -> Change:
    """Remove a place and its links from every event."""

    def change(data: JsonObject) -> None:
        data["places"] = [p for p in data["places"] if p["id"] != place_id]
        for event in data["events"]:
            event["places"] = [r for r in event["places"] if r["place"] != place_id]

    return change


def accept_suggestions(suggested: JsonObject, event_ids: set[str]) -> Change:
    """Take the chosen suggested events, with the places they need, into the index.

    Ids are kept where free and renamed where taken; a suggested place that the index already
    has (same id, or same name) is reused rather than added twice.
    """

    def change(data: JsonObject) -> None:
        by_name = {p["name"].casefold(): p["id"] for p in data["places"]}
        place_ids = {p["id"] for p in data["places"]}
        event_ids_used = {e["id"] for e in data["events"]}
        renamed: dict[str, str] = {}
        chosen = [e for e in suggested["events"] if e["id"] in event_ids]
        needed = {r["place"] for e in chosen for r in e["places"]}
        for place in suggested["places"]:
            if place["id"] not in needed:
                continue
            existing = by_name.get(place["name"].casefold())
            if existing or place["id"] in place_ids:
                renamed[place["id"]] = existing or place["id"]
                continue
            data["places"].append(copy.deepcopy(place))
            place_ids.add(place["id"])
            renamed[place["id"]] = place["id"]
        for event in chosen:
            event = copy.deepcopy(event)
            event["id"] = unique_id(event["id"], event_ids_used, fallback="event")
            event_ids_used.add(event["id"])
            event["places"] = [{**r, "place": renamed.get(r["place"], r["place"])} for r in event["places"]]
            data["events"].append(event)

    return change

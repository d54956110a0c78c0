"""Lectures (an index's tours) and their edits: which one is chosen, its steps, notes and views.

The chosen lecture is stored in the index as ``"lecture": ID`` (``""`` for every event in
date order); a file without the field presents its first tour. Every edit here is a
``Change`` for ``Document.change``, so it is one undoable step saved with the index.
Steps are addressed by position: a lecture may (by hand-editing) name an event twice.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .edits import Change
from .errors import InputError
from .ids import unique_id
from .index import JsonObject, PlaceEventIndex, Tour
from .presentation import DATE_ORDER

ALL_EVENTS = DATE_ORDER  # the choice "every event, in date order"
NEW_LECTURE_TITLE = "Lecture"
MAX_ZOOM = 18


def chosen_lecture(index: PlaceEventIndex) -> Tour | None:
    """The tour F5 presents, or None when it presents every event in date order."""
    if index.lecture is None:
        return index.tours[0] if index.tours else None
    return next((t for t in index.tours if t.id == index.lecture), None)


def chosen_lecture_id(index: PlaceEventIndex) -> str:
    """The id of the chosen tour, or ALL_EVENTS; what ``Presentation(index, tour_id)`` takes."""
    tour = chosen_lecture(index)
    return tour.id if tour else ALL_EVENTS


@dataclass(frozen=True)
class StepRow:
    """One step as the lecture builder lists it: "3  16 Apr 1922  Treaty of Rapallo" and its note."""

    number: int  # from 1
    event: str
    date: str
    title: str
    note: str
    view: JsonObject | None


def step_rows(index: PlaceEventIndex) -> list[StepRow]:
    """The chosen lecture's steps, numbered; empty when every event is presented."""
    tour = chosen_lecture(index)
    if tour is None:
        return []
    rows = []
    for number, step in enumerate(tour.steps, 1):
        event = index.events[step.event]
        rows.append(StepRow(number, step.event, event.date.label(), event.title, step.note, step.view))
    return rows


def step_of(index: PlaceEventIndex, event_id: str | None) -> int:
    """The position of ``event_id`` in the chosen lecture (its first step), or -1."""
    tour = chosen_lecture(index)
    if tour is None or event_id is None:
        return -1
    return next((n for n, s in enumerate(tour.steps) if s.event == event_id), -1)


def can_add(index: PlaceEventIndex, event_id: str | None) -> bool:
    """Whether "add the selected event" would do something: an event that is not yet a step."""
    return event_id is not None and event_id in index.events and step_of(index, event_id) < 0


def map_view(lat: float, lon: float, zoom: float) -> JsonObject:
    """A step's saved view from the map's centre and zoom, kept within what the schema allows.

    The map may report a longitude beyond ±180 after panning round the world; it is wrapped.
    """
    if not all(math.isfinite(v) for v in (lat, lon, zoom)):
        raise _refused("the map did not report a usable view", "try again once the map has stopped")
    lon = (lon + 180.0) % 360.0 - 180.0
    return {
        "lat": round(max(-90.0, min(90.0, lat)), 4),
        "lon": round(lon, 4),
        "zoom": max(0, min(MAX_ZOOM, round(zoom, 2))),
    }


def describe_view(view: JsonObject | None) -> str:
    """A saved view in words: "52.52° N, 13.40° E, zoom 6", or what the map does without one."""
    if not view:
        return "framed to the event's places"
    lat, lon = float(view["lat"]), float(view["lon"])
    return (
        f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.2f}° {'E' if lon >= 0 else 'W'}, zoom {view['zoom']:g}"
    )


# ---- edits -------------------------------------------------------------------------


def _refused(problem: str, fix: str) -> InputError:
    """An edit the lecture cannot take; the message reads "the lecture: PROBLEM — FIX"."""
    return InputError("the lecture", problem, fix=fix)


def _tours(data: JsonObject) -> list[JsonObject]:
    tours: list[JsonObject] = data.setdefault("tours", [])
    return tours


def _chosen(data: JsonObject) -> JsonObject | None:
    """The chosen tour in index JSON (the mutable counterpart of ``chosen_lecture``)."""
    tours = _tours(data)
    lecture = data.get("lecture")
    if lecture is None:
        return tours[0] if tours else None
    return next((t for t in tours if t["id"] == lecture), None)


def _tour(data: JsonObject, lecture_id: str) -> JsonObject:
    for tour in _tours(data):
        if tour["id"] == lecture_id:
            return tour
    raise _refused(f'there is no lecture "{lecture_id}"', "choose a lecture first")


def _steps(data: JsonObject, lecture_id: str) -> list[JsonObject]:
    steps: list[JsonObject] = _tour(data, lecture_id)["steps"]
    return steps


def _step(data: JsonObject, lecture_id: str, position: int) -> JsonObject:
    steps = _steps(data, lecture_id)
    if not 0 <= position < len(steps):
        raise _refused(f"it has no step {position + 1}", "choose a step of the list")
    return steps[position]


def _title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise _refused("a lecture needs a title", "type a title")
    return title


def _new_tour(data: JsonObject, title: str) -> JsonObject:
    title = _title(title)
    tour: JsonObject = {
        "id": unique_id(title, {t["id"] for t in _tours(data)}, fallback="lecture"),
        "title": title,
        "steps": [],
    }
    _tours(data).append(tour)
    data["lecture"] = tour["id"]
    return tour


def add_lecture(title: str = NEW_LECTURE_TITLE) -> Change:
    """A new, empty lecture (its id made from the title), which becomes the chosen one."""

    def change(data: JsonObject) -> None:
        _new_tour(data, title)

    return change


def delete_lecture(lecture_id: str) -> Change:
    """Remove a lecture; if it was chosen, the first remaining one is (or every event, if none is left)."""

    def change(data: JsonObject) -> None:
        chosen = _chosen(data)
        _tour(data, lecture_id)  # refuse an unknown id
        data["tours"] = [t for t in _tours(data) if t["id"] != lecture_id]
        if chosen is not None and chosen["id"] == lecture_id:
            data.pop("lecture", None)  # the first tour, or every event when there is none
        if not data["tours"]:
            del data["tours"]
            data.pop("lecture", None)

    return change


def rename_lecture(lecture_id: str, title: str) -> Change:
    """Give a lecture a new title (its id, which other files may name, stays)."""

    def change(data: JsonObject) -> None:
        _tour(data, lecture_id)["title"] = _title(title)

    return change


def choose_lecture(lecture_id: str) -> Change:
    """Make ``lecture_id`` the lecture F5 presents; ALL_EVENTS presents every event in date order."""

    def change(data: JsonObject) -> None:
        if lecture_id != ALL_EVENTS:
            _tour(data, lecture_id)
        data["lecture"] = lecture_id

    return change


def add_step(event_id: str, position: int | None = None) -> Change:
    """Add an event to the chosen lecture (at the end, or before ``position``).

    With no lecture chosen, a new one is made for it: building a lecture starts with one key.
    An event that is already a step is refused.
    """

    def change(data: JsonObject) -> None:
        if event_id not in {e["id"] for e in data["events"]}:
            raise _refused(f'there is no event "{event_id}"', "choose an event")
        tour = _chosen(data) or _new_tour(data, NEW_LECTURE_TITLE)
        steps: list[JsonObject] = tour["steps"]
        if any(s["event"] == event_id for s in steps):
            raise _refused("this event is already one of its steps", "choose another event")
        steps.insert(len(steps) if position is None else max(0, min(len(steps), position)), {"event": event_id})

    return change


def remove_step(lecture_id: str, position: int) -> Change:
    """Take a step out of a lecture (the event stays in the index)."""

    def change(data: JsonObject) -> None:
        _step(data, lecture_id, position)
        del _steps(data, lecture_id)[position]

    return change


def move_step(lecture_id: str, position: int, to: int) -> Change:
    """Move the step at ``position`` so that it ends up at ``to`` (both counted from 0)."""

    def change(data: JsonObject) -> None:
        steps = _steps(data, lecture_id)
        step = _step(data, lecture_id, position)
        if not 0 <= to < len(steps):
            raise _refused(f"it has no step {to + 1}", "choose a step of the list")
        del steps[position]
        steps.insert(to, step)

    return change


def set_note(lecture_id: str, position: int, note: str) -> Change:
    """Write a step's speaker note; an empty note removes it."""

    def change(data: JsonObject) -> None:
        step = _step(data, lecture_id, position)
        text = note.strip()
        if text:
            step["note"] = text
        else:
            step.pop("note", None)

    return change


def set_view(lecture_id: str, position: int, view: JsonObject | None) -> Change:
    """Save the map view a step flies to (see ``map_view``); None goes back to framing its places."""

    def change(data: JsonObject) -> None:
        step = _step(data, lecture_id, position)
        if view is None:
            step.pop("view", None)
        else:
            step["view"] = {key: _number(view, key) for key in ("lat", "lon", "zoom")}

    return change


def _number(view: JsonObject, key: str) -> Any:
    value = view.get(key)
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise _refused(f"the view's {key} is not a number", "use the current view again")
    return value

"""The map's labels as a reader sees them: none overlapping, none cut, states named inside.

Every box here is measured by the real page (``mapviewer.state().labelBoxes``: the
container rectangle of each label on show), and checked in Python against the map's own
size, its controls, the place dots and the border data.
"""

from __future__ import annotations

import dataclasses
import json
import math

import pytest

from mapviewer.model.index import Place
from mapviewer.paths import geodata_path

from .conftest import settled_state, wait_for_state

SIZES = [(1280, 800), (1920, 1080)]


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(box, width, height) -> bool:
    return 0 <= box[0] and 0 <= box[1] and box[2] <= width and box[3] <= height


def _problems(state) -> list[str]:
    """Every way the labels on show break the rules: overlaps, cuts, covered controls."""
    width, height = state["mapSize"]
    boxes = state["labelBoxes"]
    found = []
    for label in boxes:
        if not _inside(label["box"], width, height):
            found.append(f"{label['text']} is cut by the map's edge: {label['box']} in {width}x{height}")
        for control in state["controlBoxes"]:
            if _overlap(label["box"], control):
                found.append(f"{label['text']} is under a map control {control}")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if _overlap(a["box"], b["box"]):
                found.append(f"{a['text']} {a['box']} overlaps {b['text']} {b['box']}")
    return found


def _resize(window, qtbot, size):
    """Resize the window and wait until the page has the map's new size, then until it settles."""
    window.resize(*size)
    view = window.map_view
    wait_for_state(qtbot, view, lambda s: s["mapSize"] == [view.width(), view.height()])
    return settled_state(qtbot, view)


def _select(window, qtbot, event_id):
    window.selection.select_event(event_id)
    return settled_state(qtbot, window.map_view)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_label_overlaps_or_is_cut_for_any_event(brisk, carr_index, qtbot, size):
    window = brisk
    state = _resize(window, qtbot, size)
    assert _problems(state) == []
    assert state["mapSize"][0] > size[0] // 3  # the map really has the window's size
    for event in carr_index.chronological:
        state = _select(window, qtbot, event.id)
        assert _problems(state) == [], event.id
        shown = {b["id"]: b for b in state["labelBoxes"] if b["kind"] == "place"}
        for place_id in event.place_ids:
            assert place_id in shown, f"{event.id}: the label of {place_id} is hidden"
            assert shown[place_id]["highlighted"], f"{event.id}: {place_id} is not highlighted"
        # Hiding labels would pass the rules above: most places on the map must keep theirs.
        width, height = state["mapSize"]
        on_map = [p for p, (x, y) in state["points"].items() if 0 <= x <= width and 0 <= y <= height]
        assert len(shown) >= 0.7 * len(on_map), f"{event.id}: only {sorted(shown)} of {sorted(on_map)}"


def _dot_radius(state, place_id) -> float:
    return 10 + 1 if place_id in state["highlighted"] else 5 + 1


@pytest.mark.parametrize(
    ("event_id", "pair"),
    [
        ("treaty-of-rapallo", ("genoa", "rapallo")),
        ("soviet-delegation-genoa", ("genoa", "rapallo")),
        ("kronstadt-revolt", ("kronstadt", "petrograd")),
        ("versailles-treaty", ("versailles", "paris")),
        (None, ("versailles", "paris")),
    ],
)
def test_near_places_get_labels_set_off_with_leader_lines(window, qtbot, event_id, pair):
    state = _select(window, qtbot, event_id) if event_id else settled_state(qtbot, window.map_view)
    (wx, wy), (ex, ey) = (state["points"][p] for p in pair)
    rims = math.hypot(ex - wx, ey - wy) - _dot_radius(state, pair[0]) - _dot_radius(state, pair[1])
    assert rims < 8, "the two dots are not near each other in this view"
    shown = {b["id"]: b for b in state["labelBoxes"] if b["kind"] == "place"}
    centres = {}
    for place_id in pair:
        label = shown[place_id]
        assert label["leader"], f"{place_id} has no leader line"
        sx, sy, tx, ty = label["leader"]
        x, y = state["points"][place_id]
        # The line starts at the rim of its own dot and ends on its own label.
        assert math.hypot(sx - x, sy - y) <= _dot_radius(state, place_id) + 1.5, place_id
        left, top, right, bottom = label["box"]
        assert left - 1 <= tx <= right + 1 and top - 1 <= ty <= bottom + 1, place_id
        assert min(abs(tx - left), abs(tx - right), abs(ty - top), abs(ty - bottom)) <= 1.5, place_id
        assert math.hypot(tx - x, ty - y) > _dot_radius(state, place_id) + 8, f"{place_id}: not set off"
        centres[place_id] = ((left + right) / 2, (top + bottom) / 2)
    # Each label stands on its own dot's side of the pair.
    (w_centre, e_centre) = (centres[p] for p in pair)
    dot_axis = (ex - wx, ey - wy)
    label_axis = (e_centre[0] - w_centre[0], e_centre[1] - w_centre[1])
    assert dot_axis[0] * label_axis[0] + dot_axis[1] * label_axis[1] > 0


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _to_lonlat(state, x: float, y: float) -> tuple[float, float]:
    """The place on the earth under a container pixel (Web Mercator, as Leaflet draws)."""
    west, south, east, north = map(float, state["bounds"].split(","))
    width, height = state["mapSize"]
    lon = west + (east - west) * x / width
    top, bottom = _mercator_y(north), _mercator_y(south)
    merc = top + (bottom - top) * y / height
    return lon, math.degrees(2 * math.atan(math.exp(merc)) - math.pi / 2)


def _in_ring(lon: float, lat: float, ring) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _in_state(lon: float, lat: float, features) -> bool:
    for feature in features:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            if _in_ring(lon, lat, polygon[0]) and not any(_in_ring(lon, lat, hole) for hole in polygon[1:]):
                return True
    return False


@pytest.fixture(scope="module")
def borders():
    return json.loads(geodata_path("borders.geojson").read_text("utf-8"))["features"]


def _valid(feature, date: str) -> bool:
    p = feature["properties"]
    return (not p.get("valid_from") or p["valid_from"] <= date) and (not p.get("valid_to") or date <= p["valid_to"])


@pytest.mark.parametrize("event_id", [None, "treaty-of-dorpat", "polish-war", "treaty-of-rapallo", "genoa-conference"])
def test_states_are_named_inside_themselves(window, qtbot, borders, event_id):
    state = _resize(window, qtbot, (1920, 1080))
    if event_id:
        state = _select(window, qtbot, event_id)
    names = [b for b in state["labelBoxes"] if b["kind"] == "state"]
    assert len(names) >= (8 if event_id is None else 3), [b["text"] for b in names]
    for label in names:
        assert label["text"] == state["stateNames"][label["id"]]
        features = [f for f in borders if f["properties"]["state"] == label["id"] and _valid(f, state["date"])]
        left, top, right, bottom = label["box"]
        for x, y in [
            (left, top),
            (right, top),
            (left, bottom),
            (right, bottom),
            ((left + right) / 2, (top + bottom) / 2),
        ]:
            lon, lat = _to_lonlat(state, x, y)
            assert _in_state(lon, lat, features), f"{label['text']}: ({lon:.2f}, {lat:.2f}) lies outside the state"
    assert _problems(state) == []


def test_states_are_named_inside_themselves_when_presenting(window, carr_index, qtbot, borders):
    _resize(window, qtbot, (1920, 1080))
    window.presentation.start(carr_index.tours[0].id, fullscreen=False, with_presenter=False)
    try:
        window.selection.select_event("treaty-of-rapallo")
        state = settled_state(qtbot, window.map_view)
        assert state["presenting"]
        names = [b for b in state["labelBoxes"] if b["kind"] == "state"]
        assert len(names) >= 5
        for label in names:
            features = [f for f in borders if f["properties"]["state"] == label["id"] and _valid(f, state["date"])]
            left, top, right, bottom = label["box"]
            for x, y in [(left, top), (right, bottom), ((left + right) / 2, (top + bottom) / 2)]:
                lon, lat = _to_lonlat(state, x, y)
                assert _in_state(lon, lat, features), f"{label['text']}: ({lon:.2f}, {lat:.2f}) lies outside the state"
        assert _problems(state) == []
    finally:
        window.presentation.stop()


def test_states_no_event_names_are_labelled_too(window, qtbot):
    state = _resize(window, qtbot, (1920, 1080))
    names = {b["text"] for b in state["labelBoxes"] if b["kind"] == "state"}
    # None of these states is a place of the Carr index.
    assert {"France", "Spain", "Sweden", "Finland", "Romania", "Turkey"} <= names
    places = {b["text"] for b in state["labelBoxes"] if b["kind"] == "place"}
    # A state an index place already names is not named twice...
    assert "Poland" in places and "Poland" not in names
    # ...but a state whose period name differs from the place's is, where there is room.
    state = _select(window, qtbot, "radek-in-berlin")
    assert "Germany" in {b["text"] for b in state["labelBoxes"] if b["kind"] == "place"}
    assert "German Reich" in {b["text"] for b in state["labelBoxes"] if b["kind"] == "state"}


def test_state_names_are_short_forms_of_the_period_names(window, qtbot, borders):
    state = settled_state(qtbot, window.map_view)
    names = state["stateNames"]
    assert names["german-reich"] == "German Reich"
    assert names["soviet-russia"] == "Soviet Russia"
    assert names["kingdom-scs"] == "Kingdom SCS"
    assert names["poland"] == "Poland"
    assert names["united-kingdom"] == "United Kingdom"
    assert names["switzerland"] == "Switzerland"
    assert names["free-city-of-danzig"] == "Danzig"
    states_on_date = {f["properties"]["state"] for f in borders if _valid(f, state["date"])}
    assert set(names) == states_on_date
    for name in names.values():
        assert name and "(" not in name, name
    window.selection.set_date(window.selection.date.replace(year=1922, month=12, day=31))
    names = settled_state(qtbot, window.map_view)["stateNames"]
    assert names["soviet-russia"] == "USSR"
    assert names["irish-free-state"] == "Irish Free State"


def test_labels_are_placed_again_when_the_reader_zooms(window, qtbot):
    before = settled_state(qtbot, window.map_view)
    window.map_view.page().runJavaScript("document.querySelector('.leaflet-control-zoom-in').click()")
    qtbot.waitUntil(lambda: settled_state(qtbot, window.map_view)["zoom"] > before["zoom"], timeout=10_000)
    after = settled_state(qtbot, window.map_view)
    assert _problems(after) == []
    assert len([b for b in after["labelBoxes"] if b["kind"] == "state"]) >= 3


# ---- before 1920 ------------------------------------------------------------------


def test_an_event_before_1920_says_the_map_begins_later(window, carr_index, qtbot):
    state = _select(window, qtbot, "brest-litovsk-treaty")
    assert state["date"] == "1920-01-01"
    assert state["dateNotice"] == (
        "Borders as of 1 January 1920 \u2014 the map begins then; this event dates from 3 March 1918."
    )
    # The notice is part of the date control, which labels keep clear of.
    width, height = state["mapSize"]
    assert any(box[2] > width * 0.6 and box[1] < height * 0.2 and box[3] - box[1] > 40 for box in state["controlBoxes"])
    assert _problems(state) == []
    state = _select(window, qtbot, "litvinov-copenhagen-prisoners")
    assert state["dateNotice"].endswith("this event dates from November 1919.")
    state = _select(window, qtbot, "treaty-of-dorpat")
    assert state["dateNotice"] == ""


def test_an_event_after_1922_says_the_map_ends_earlier(window, qtbot):
    state = _select(window, qtbot, "tanks-and-gas-warfare")
    assert state["date"] == "1922-12-31"
    assert state["dateNotice"] == (
        "Borders as of 31 December 1922 \u2014 the map ends then; this event dates from 1926."
    )


def test_the_notice_goes_when_the_reader_moves_the_date(window, qtbot):
    _select(window, qtbot, "versailles-treaty")
    window.timeline.slider.setValue(200)
    state = settled_state(qtbot, window.map_view)
    assert state["event"] == "versailles-treaty" and state["date"] != "1920-01-01"
    assert state["dateNotice"] == ""
    window.timeline.slider.setValue(0)
    assert settled_state(qtbot, window.map_view)["dateNotice"].startswith("Borders as of 1 January 1920")


def test_a_book_with_many_places_labels_its_highlighted_places_only(window, carr_index, qtbot):
    # Past the page's limit of permanent labels (a book's thousand places), only the
    # highlighted places keep their label; they are placed by the same rules.
    extra = {
        f"extra-{i}": Place(f"extra-{i}", f"Extra {i}", "", "city", 40 + (i % 12) * 2.1, -5 + (i // 12) * 3.3)
        for i in range(160)
    }
    window.document.open(dataclasses.replace(carr_index, places={**carr_index.places, **extra}))
    for event_id in ["treaty-of-rapallo", "kronstadt-revolt", "versailles-treaty", "march-action"]:
        state = _select(window, qtbot, event_id)
        places = [b for b in state["labelBoxes"] if b["kind"] == "place"]
        assert sorted(b["id"] for b in places) == sorted(carr_index.events[event_id].place_ids)
        assert all(b["highlighted"] for b in places)
        assert _problems(state) == []

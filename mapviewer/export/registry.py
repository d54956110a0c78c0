"""Every export in one list: the File menu and ``mapviewer export`` are both built from it.

A new format is a module with an ``export`` function plus one line here. Exports that
render the map get a ``MapRenderer`` and a ``done`` callback; the others write at once.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from ..model.errors import InputError
from ..model.files import write_error
from ..model.index import PlaceEventIndex
from .protocols import ExportOptions, MapRenderer


@dataclass(frozen=True)
class Exporter:
    name: str  # the command-line name
    menu_text: str
    help: str
    suffix: str  # the file's suffix, or "" when the export is a folder of files
    file_filter: str  # for the save dialog
    renders_map: bool
    module: str  # imported only when used, so start-up pays for none of them
    group: str = "lecture"  # the menu separates exports for a lecture from data for other tools

    @property
    def is_folder(self) -> bool:
        return not self.suffix

    def run(self, index: PlaceEventIndex, target: Path, options: ExportOptions) -> Path:
        """Write an export that does not render the map; raise InputError on failure."""
        assert not self.renders_map, f"{self.name} renders the map: use render()"
        return Path(self._module().export(index, target, options))

    def render(
        self,
        index: PlaceEventIndex,
        target: Path,
        options: ExportOptions,
        renderer: MapRenderer,
        done: Callable[[str | None], None],
    ) -> int:
        """Start an export that renders the map; returns how many pictures it will take."""
        assert self.renders_map, f"{self.name} does not render the map: use run()"
        return int(self._module().export(index, target, options, renderer, done))

    def _module(self) -> ModuleType:
        return importlib.import_module(self.module, __package__)


EXPORTERS: tuple[Exporter, ...] = (
    Exporter(
        "slides",
        "&Slides (PNG, 1920\u00d71080)\u2026",
        "every event as a PNG slide, in a folder",
        "",
        "",
        True,
        ".slides",
    ),
    Exporter(
        "html",
        "&Web page for students (HTML)\u2026",
        "one self-contained web page: map, borders, events",
        ".html",
        "Web page (*.html)",
        False,
        ".html",
    ),
    Exporter(
        "pdf",
        "&Handout (PDF)\u2026",
        "the passage with its events marked, each event with a map",
        ".pdf",
        "PDF (*.pdf)",
        True,
        ".handout",
    ),
    Exporter(
        "lpf",
        "Places as &Linked Places (JSON-LD)\u2026",
        "the places as a Linked Places Format collection",
        ".jsonld",
        "Linked Places (*.jsonld *.json)",
        False,
        ".lpf",
        "data",
    ),
    Exporter(
        "geojson",
        "Places as &GeoJSON\u2026",
        "the places as GeoJSON points",
        ".geojson",
        "GeoJSON (*.geojson)",
        False,
        ".geojson",
        "data",
    ),
    Exporter(
        "annotations",
        "Anchors as &Web Annotations\u2026",
        "each event's sentence as a W3C Web Annotation",
        ".jsonld",
        "Web Annotations (*.jsonld *.json)",
        False,
        ".annotations",
        "data",
    ),
)


def exporter(name: str) -> Exporter:
    for item in EXPORTERS:
        if item.name == name:
            return item
    raise KeyError(name)


def target_path(item: Exporter, chosen: str | Path) -> Path:
    """Where the export goes: the chosen path, with the format's suffix added if it has none."""
    path = Path(chosen)
    if item.suffix and path.suffix.lower() not in {item.suffix, *_other_suffixes(item)}:
        path = path.with_name(path.name + item.suffix)
    return path


def _other_suffixes(item: Exporter) -> set[str]:
    # The filter names every suffix the format may carry (".json" for JSON-LD, say).
    return {part.strip("*()") for part in item.file_filter.split() if part.startswith("(*") or part.startswith("*")}


# NAME_MAX (255) less what the atomic writer adds for its temporary file: ".NAME.1234abcd.tmp".
MAX_NAME_BYTES = 255 - len("..1234abcd.tmp")


def check_target(item: Exporter, path: Path) -> None:
    """Refuse, before any work is done, a target that cannot be written."""
    try:
        _check_target(item, path)
    except OSError as exc:  # a name too long, a loop of links: the path cannot even be looked at
        raise write_error(path, exc, "choose another name") from None
    if len(path.name.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
        # Checked before anything renders: the atomic writer's temporary file is named after the target.
        raise InputError(path, "the file name is too long", fix="choose a shorter name")


def _check_target(item: Exporter, path: Path) -> None:
    if item.is_folder:
        if path.exists() and not path.is_dir():
            raise InputError(path, "this is a file, and the slides need a folder", fix="choose a folder")
        parent = next((p for p in [path, *path.parents] if p.exists()), None)
        if parent is not None and not parent.is_dir():
            raise InputError(path, f"{parent} is a file, not a folder", fix="choose a folder")
        return
    if path.is_dir():
        raise InputError(path, "this is a folder, not a file", fix=f"choose a file name ending in {item.suffix}")
    if not path.parent.is_dir():
        raise InputError(path, f"the folder {path.parent} does not exist", fix="choose an existing folder")

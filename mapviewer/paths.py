"""Where the shipped data lives: the default passage, the schema, the map assets, the geodata."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

DEFAULT_PASSAGE = "carr-1979-pp42-46.txt"


def resource_path(*parts: str) -> Path:
    """Return the path of a file shipped in ``resources/``; raise FileNotFoundError if absent."""
    return _checked(files("mapviewer.resources").joinpath(*parts))


def geodata_path(*parts: str) -> Path:
    """Return the path of a file shipped in ``geodata/``; raise FileNotFoundError if absent."""
    return _checked(files("mapviewer.geodata").joinpath(*parts))


def default_passage_path() -> Path:
    return resource_path("passages", DEFAULT_PASSAGE)


def _checked(traversable) -> Path:
    # The package is installed from a wheel or a source tree, never a zip, so as_file
    # hands back the real path without copying.
    with as_file(traversable) as path:
        path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing from the installation; reinstall mapviewer")
    return path

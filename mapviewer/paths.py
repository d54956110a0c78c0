"""Where files live: the shipped data (default passage, schema, map assets, geodata) and the user's cache."""

from __future__ import annotations

import os
import sys
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

APP_FOLDER = "mapviewer"

DEFAULT_PASSAGE = "carr-1979-pp42-46.txt"


def resource_path(*parts: str) -> Path:
    """Return the path of a file shipped in ``resources/``; raise FileNotFoundError if absent."""
    return _checked(files("mapviewer.resources").joinpath(*parts))


def geodata_path(*parts: str) -> Path:
    """Return the path of a file shipped in ``geodata/``; raise FileNotFoundError if absent."""
    return _checked(files("mapviewer.geodata").joinpath(*parts))


def default_passage_path() -> Path:
    """The passage the app opens when it is given none."""
    return resource_path("passages", DEFAULT_PASSAGE)


def cache_dir() -> Path:
    """The user's cache folder for mapviewer (it may not exist yet).

    ``$XDG_CACHE_HOME/mapviewer`` when that variable holds an absolute path (on any system,
    so tests and portable setups can move it); otherwise ``~/.cache/mapviewer`` on Linux and
    other Unix systems, ``~/Library/Caches/mapviewer`` on macOS and
    ``%LOCALAPPDATA%\\mapviewer\\cache`` on Windows.
    """
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG specification says to ignore a relative path.
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / APP_FOLDER
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA", "")
        base = Path(local) if local and os.path.isabs(local) else Path.home() / "AppData" / "Local"
        return base / APP_FOLDER / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_FOLDER
    return Path.home() / ".cache" / APP_FOLDER


def _checked(traversable: Traversable) -> Path:
    # The package is installed from a wheel or a source tree, never a zip, so as_file
    # hands back the real path without copying.
    with as_file(traversable) as path:
        path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing from the installation; reinstall mapviewer")
    return path

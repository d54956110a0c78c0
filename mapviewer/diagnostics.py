"""What a bug report needs: the versions mapviewer runs on, and where its data comes from.

One place for both Help > About and ``mapviewer --version --verbose``. Qt is imported only
inside ``versions()``, so ``mapviewer --version`` alone stays fast.
"""

from __future__ import annotations

import platform
import sys
from typing import NamedTuple

from . import __version__

NOT_FOUND = "not found"


class DataSource(NamedTuple):
    """One thing mapviewer shows or ships that others made (or that it made itself), and its licence."""

    what: str
    source: str
    licence: str


DATA_SOURCES = (
    DataSource("mapviewer", "the mapviewer authors", "MIT"),
    DataSource(
        "State borders of 1920\u201322",
        "Natural Earth 1:10m admin units, with the project's own hand-drawn lines (geodata/README.md)",
        "public domain; the hand-drawn lines MIT",
    ),
    DataSource(
        "Lakes and rivers",
        "GSHHG 2.3.6 shorelines and WDB II rivers, P. Wessel and W. H. F. Smith",
        "LGPL-3.0-or-later",
    ),
    DataSource("Place coordinates", "GeoNames and Wikidata, cited per place in the index", "CC BY 4.0 and CC0"),
    DataSource("Map", "Leaflet 1.9.3 (xstatic-leaflet) through folium; no network is used", "BSD-2-Clause and MIT"),
    DataSource("Qt, PySide6 and QtWebEngine (Chromium)", "The Qt Company and the Chromium authors", "LGPL-3.0"),
)


def versions() -> list[tuple[str, str]]:
    """(name, version) for mapviewer, Python, the system, Qt, PySide6 and Chromium.

    Never raises: a part that cannot be found (QtWebEngine missing from a broken install)
    reads "not found", which is what a bug report needs to say.
    """
    rows = [
        ("mapviewer", __version__),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()}, {_bits()})"),
        ("System", f"{platform.system()} {platform.release()} ({platform.machine()})"),
    ]
    try:
        import PySide6
        from PySide6 import QtCore

        rows += [("Qt", QtCore.qVersion()), ("PySide6", PySide6.__version__)]
    except ImportError:
        rows += [("Qt", NOT_FOUND), ("PySide6", NOT_FOUND)]
    rows.append(("Chromium", _chromium()))
    rows.append(("Bundled", "yes (PyInstaller)" if getattr(sys, "frozen", False) else "no"))
    return rows


def _bits() -> str:
    return "64-bit" if sys.maxsize > 2**32 else "32-bit"


def _chromium() -> str:
    try:
        from PySide6 import QtWebEngineCore

        # Typed as bytes-like in PySide6's stubs; a str at run time.
        chromium = _text(QtWebEngineCore.qWebEngineChromiumVersion())
        patch = _text(QtWebEngineCore.qWebEngineChromiumSecurityPatchVersion())
    except (ImportError, AttributeError):
        return NOT_FOUND
    return f"{chromium} (security patches {patch})" if patch else chromium


def _text(value: object) -> str:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("ascii", "replace")
    return str(value)


def report() -> str:
    """The versions and the data sources as plain text, one item a line."""
    rows = versions()
    width = max(len(name) for name, _ in rows)
    lines = [f"{name + ':':<{width + 1}} {value}" for name, value in rows]
    lines += ["", "Data and licences:"]
    lines += [f"  {item.what}: {item.source} \u2014 {item.licence}" for item in DATA_SOURCES]
    return "\n".join(lines)

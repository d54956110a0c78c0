"""The Natural Earth input and tool versions that the committed geodata/borders.geojson was built with."""

from __future__ import annotations

import hashlib
import subprocess

GPKG = "/usr/share/qgis/resources/data/world_map.gpkg"
LAYER = "states_provinces"
PACKAGE = "qgis-common"
PACKAGE_VERSION = "3.22.16+dfsg-1"  # Debian 12 (bookworm)
GPKG_SHA256 = "ff5cceefc4b27abea094fa82459d8aef9417023236c326a666978b62ffe85db2"

# Geometry comes out of GEOS, so another GEOS may move vertices even with the same input.
TOOLS = {
    "python": "3.11.7",
    "shapely": "2.2.0",
    "GEOS": "3.14.1",
    "geopandas": "1.2.0",
    "pyogrio": "0.13.0",
    "GDAL": "3.12.4",
    "numpy": "2.4.6",
}


def sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def installed_package_version() -> str | None:
    """The installed version of the Debian package, or None (not installed, or not Debian)."""
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", PACKAGE], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return (out.stdout.strip() or None) if out.returncode == 0 else None


def tool_versions() -> dict[str, str]:
    """The versions of the same tools in this interpreter."""
    import platform

    import geopandas
    import numpy
    import pyogrio
    import shapely

    return {
        "python": platform.python_version(),
        "shapely": shapely.__version__,
        "GEOS": shapely.geos_version_string,
        "geopandas": geopandas.__version__,
        "pyogrio": pyogrio.__version__,
        "GDAL": pyogrio.__gdal_version_string__,
        "numpy": numpy.__version__,
    }


def input_problem(path: str) -> str | None:
    """Why a build from ``path`` need not reproduce the committed file, or None when it is the recorded input."""
    recorded = f"{PACKAGE} {PACKAGE_VERSION}, sha256 {GPKG_SHA256}"
    try:
        found = sha256_of(path)
    except FileNotFoundError:
        if path != GPKG:
            return f"{path} is missing (the recorded input is {GPKG} from {recorded})"
        return (
            f"{path} is missing: install the Debian package {PACKAGE} "
            f"(`apt-get install {PACKAGE}`; recorded: {recorded})"
        )
    if found == GPKG_SHA256:
        return None
    installed = installed_package_version() if path == GPKG else None
    where = f" (installed: {PACKAGE} {installed})" if installed else ""
    return f"{path} has sha256 {found}{where}, but the recorded input is {recorded}"

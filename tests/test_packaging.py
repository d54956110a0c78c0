"""The wheel carries everything the app needs: passage, index, schema, page assets, borders."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_the_data_files(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("mapviewer-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in [
        "mapviewer/resources/passages/carr-1979-pp42-46.txt",
        "mapviewer/resources/passages/carr-1979-pp42-46.index.json",
        "mapviewer/resources/schema/place-event-index.schema.json",
        "mapviewer/resources/map/mapviewer.js",
        "mapviewer/resources/map/mapviewer.css",
        "mapviewer/geodata/borders.geojson",
        "mapviewer/qt/main_window.py",
    ]:
        assert needed in names, needed
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    entries = zipfile.ZipFile(wheel).read(entry_points).decode()
    # A console script: check, export and suggest print on every platform.
    assert "[console_scripts]\nmapviewer = mapviewer.__main__:main" in entries


def test_the_tests_exercise_this_checkout():
    # An installed copy elsewhere (an old wheel, another clone) would make every test prove
    # nothing about the code beside them.
    import mapviewer
    from mapviewer.paths import geodata_path, resource_path

    checkout = ROOT
    assert Path(mapviewer.__file__).resolve().is_relative_to(checkout / "mapviewer")
    assert resource_path("passages", "carr-1979-pp42-46.txt").resolve().is_relative_to(checkout / "resources")
    assert geodata_path("borders.geojson").resolve().is_relative_to(checkout / "geodata")

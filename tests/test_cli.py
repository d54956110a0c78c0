"""The command line: check, screenshot and bad input, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from mapviewer.paths import resource_path


def run(*args, cwd=None, timeout=120):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "mapviewer", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout
    )


def test_check_accepts_the_shipped_index():
    result = run("check", str(resource_path("passages", "carr-1979-pp42-46.index.json")))
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout and "events" in result.stdout


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (
            '{"format": "mapviewer-index", "version": 1, "passage": {"file": "carr-1979-pp42-46.txt"}, "places": [',
            "ends too early",
        ),
        ("not json at all", "malformed at line 1"),
    ],
)
def test_check_reports_bad_json_in_one_line(tmp_path, content, words):
    bad = tmp_path / "bad.index.json"
    bad.write_text(content)
    result = run("check", str(bad))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and words in lines[0]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["events"][0].update(date="1921-02-30"), "has no day 30"),
        (
            lambda d: d["events"][0]["places"].append({"place": "atlantis", "role": "venue"}),
            '"atlantis", which is not in the places list',
        ),
        (lambda d: d["events"][0]["anchor"].update(exact="Lenin went to the moon."), "is not in the passage"),
    ],
)
def test_check_names_the_bad_item(tmp_path, change, words):
    data = json.loads(resource_path("passages", "carr-1979-pp42-46.index.json").read_text("utf-8"))
    change(data)
    (tmp_path / "carr-1979-pp42-46.txt").write_bytes(resource_path("passages", "carr-1979-pp42-46.txt").read_bytes())
    bad = tmp_path / "carr-1979-pp42-46.index.json"
    bad.write_text(json.dumps(data))
    result = run("check", str(bad))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    line = result.stderr.strip()
    assert str(bad) in line and f'event "{data["events"][0]["id"]}"' in line and words in line


def test_screenshot_renders_the_window_with_the_event(tmp_path):
    out = tmp_path / "shot.png"
    result = run("--screenshot", str(out), "--event", "treaty-of-rapallo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    # The highlight orange of the selected places is on the map half of the window.
    orange = sum(1 for x in range(640, 1280, 4) for y in range(0, 800, 4) if image.pixelColor(x, y).name() == "#d35400")
    assert orange > 20


def test_screenshot_with_unknown_event_fails_cleanly(tmp_path):
    result = run("--screenshot", str(tmp_path / "x.png"), "--event", "no-such-event")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no-such-event" in result.stderr

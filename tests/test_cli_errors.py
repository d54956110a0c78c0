"""Every command-line failure is one line on stderr and exit code 2 (issue 13): each subcommand
with bad arguments and hostile files, run in-process so a traceback shows as the exception."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from mapviewer import cli
from mapviewer.paths import resource_path

CARR = "carr-1979-pp42-46"
LONG = "a" * 300  # longer than NAME_MAX (255)


@pytest.fixture
def folder(tmp_path) -> Path:
    for name in (f"{CARR}.txt", f"{CARR}.index.json"):
        shutil.copy(resource_path("passages", name), tmp_path / name)
    data = json.loads((tmp_path / f"{CARR}.index.json").read_text("utf-8"))

    def variant(name: str, text: str) -> None:
        (tmp_path / name).write_text(text, "utf-8")

    variant("nan.index.json", json.dumps(data).replace('"lat": 5', '"lat": NaN', 1))
    big = json.dumps(data).replace('"geonames": ', '"geonames": ' + "9" * 5000 + ', "x": ', 1)
    variant("bigint.index.json", big)
    surrogate = dict(data, events=[dict(data["events"][0], summary="x")] + data["events"][1:])
    variant("surrogate.index.json", json.dumps(surrogate).replace('"summary": "x"', '"summary": "\\ud800"', 1))
    variant("outside.index.json", json.dumps(dict(data, passage=dict(data["passage"], file="../x.txt"))))
    os.mkfifo(tmp_path / "fifo.index.json")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "zero.index.json").symlink_to("/dev/zero")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "sub").mkdir()
    for name in ("dir.html", "dir.jsonld", "dir.pdf", "dir.geojson"):
        (tmp_path / name).mkdir()
    (tmp_path / "loop.html").symlink_to(tmp_path / "loop.html")
    (tmp_path / "plain.txt").write_text("Lenin went to Genoa in April 1922.\n", "utf-8")
    return tmp_path


INDEX = f"{CARR}.index.json"
CASES = [
    # bad arguments
    ["--no-such-option"],
    ["check"],
    ["check", "a", "b"],
    ["export"],
    ["export", "nope", "x"],
    ["export", "html"],
    ["export", "slides", "{d}/out", "--size", "9x9", "--passage", "{d}/" + INDEX],
    ["export", "slides", "{d}/out", "--event", "no-such-event", "--passage", "{d}/" + INDEX],
    ["export", "pdf", "{d}/out.pdf", "--lecture", "no-such-lecture", "--passage", "{d}/" + INDEX],
    ["open", "--size", "huge", "--screenshot", "{d}/s.png"],
    ["open", "{d}/" + INDEX, "--screenshot", "{d}/s.png", "--event", "no-such-event"],
    ["suggest"],
    ["suggest", "{d}/plain.txt", "--context-dates", "never"],
    # hostile files for check
    ["check", "{d}/nan.index.json"],
    ["check", "{d}/bigint.index.json"],
    ["check", "{d}/surrogate.index.json"],
    ["check", "{d}/outside.index.json"],
    ["check", "{d}/fifo.index.json"],
    ["check", "{d}/zero.index.json"],
    ["check", "{d}/fifo.txt"],
    ["check", "{d}/sub"],
    ["check", "{d}/loop"],
    ["check", "{d}/" + LONG + ".index.json"],
    ["check", "{d}/" + LONG + ".txt"],
    ["check", "{d}/missing.index.json"],
    # hostile files and targets for the screenshot and exports
    ["open", "{d}/bigint.index.json", "--screenshot", "{d}/s.png"],
    ["open", "{d}/zero.index.json", "--screenshot", "{d}/s.png"],
    ["export", "html", "{d}/" + LONG + ".html", "--passage", "{d}/" + INDEX],
    ["export", "html", "{d}/dir.html", "--passage", "{d}/" + INDEX],
    ["export", "html", "{d}/missing/x.html", "--passage", "{d}/" + INDEX],
    ["export", "html", "{d}/loop.html", "--passage", "{d}/" + INDEX],
    ["export", "geojson", "{d}/" + LONG, "--passage", "{d}/" + INDEX],
    ["export", "lpf", "{d}/dir.jsonld", "--passage", "{d}/" + INDEX],
    ["export", "geojson", "{d}/dir.geojson", "--passage", "{d}/" + INDEX],
    ["export", "annotations", "{d}/missing/x.jsonld", "--passage", "{d}/" + INDEX],
    ["export", "annotations", "{d}/x.jsonld", "--passage", "{d}/surrogate.index.json"],
    ["export", "pdf", "{d}/dir.pdf", "--passage", "{d}/" + INDEX],
    ["export", "pdf", "{d}/missing/x.pdf", "--passage", "{d}/" + INDEX],
    ["export", "pdf", "{d}/" + LONG + ".pdf", "--passage", "{d}/" + INDEX],
    ["export", "slides", "{d}/plain.txt", "--passage", "{d}/" + INDEX],
    ["export", "slides", "{d}/" + LONG, "--passage", "{d}/" + INDEX],
    ["export", "slides", "{d}/plain.txt/deeper", "--passage", "{d}/" + INDEX],
    ["export", "html", "{d}/x.html", "--passage", "{d}/fifo.txt"],
    # suggest on hostile passages and targets
    ["suggest", "{d}/fifo.txt"],
    ["suggest", "{d}/zero.txt"],
    ["suggest", "{d}/binary.txt"],
    ["suggest", "{d}/sub"],
    ["suggest", "{d}/" + LONG + ".txt"],
    ["suggest", "{d}/plain.txt", "--out", "{d}/loop"],
    ["suggest", "{d}/plain.txt", "--out", "{d}/" + LONG + ".index.json"],
    ["suggest", "{d}/plain.txt", "--out", "{d}/missing/x.index.json"],
    ["suggest", "{d}/plain.txt", "--out", "{d}/sub"],
    ["suggest", "{d}/plain.txt", "--out", "{d}/plain.txt/x.index.json"],
]


@pytest.mark.parametrize("args", CASES, ids=lambda a: " ".join(a).replace("{d}/", "").replace(LONG, "LONG")[:70])
def test_every_command_line_failure_is_one_line_and_exit_2(folder, capsys, args):
    argv = [a.replace("{d}", str(folder)) for a in args]
    before = sorted(p.name for p in folder.iterdir())
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert code == 2, f"exit {code}; stderr: {err!r}"
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mapviewer: "), f"not one line: {err!r}"
    assert "Traceback" not in err and "wrote" not in out.lower()
    # A failed command writes nothing (the hidden window of a map export is never started).
    assert sorted(p.name for p in folder.iterdir()) == before

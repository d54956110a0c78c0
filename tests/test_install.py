"""What an installed copy meets on a lecturer's laptop: file names with spaces and letters
beyond ASCII, consoles that are not UTF-8, and the version a bug report asks for."""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys

import pytest

from mapviewer import __version__
from mapviewer.editing.editor import open_document
from mapviewer.interchange.save import save_index
from mapviewer.model.index import load_index
from mapviewer.model.passage import load_passage
from mapviewer.paths import resource_path

FOLDER = "Vorlesung Sommer 1921 \u2013 Brze\u015b\u0107 und Rapallo"
PASSAGE = "\u00dcber die Grenzen 1921.txt"
INDEX = "\u00dcber die Grenzen 1921.index.json"


def run(*args, encoding="utf-8"):
    # PYTHONIOENCODING=cp1252 is what a pipe gives on a Western-European Windows.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING=encoding)
    return subprocess.run(
        [sys.executable, "-m", "mapviewer", *args], capture_output=True, env=env, timeout=120, check=False
    )


@pytest.fixture
def lecture_folder(tmp_path):
    folder = tmp_path / FOLDER
    folder.mkdir()
    shutil.copyfile(resource_path("passages", "carr-1979-pp42-46.txt"), folder / PASSAGE)
    return folder


def test_a_passage_named_with_spaces_and_umlauts_opens_and_saves(lecture_folder):
    passage = lecture_folder / PASSAGE
    # Opened alone, it gets a new empty index beside it, under its own name.
    empty = open_document(passage)
    assert len(empty.events) == 0
    saved = save_index(empty, lecture_folder / INDEX)
    assert saved.name == INDEX
    assert json.loads(saved.read_text("utf-8"))["passage"]["file"] == PASSAGE

    # Saved with events (the Carr index on this passage), it opens again whole.
    carr = load_index(resource_path("passages", "carr-1979-pp42-46.index.json"), load_passage(passage))
    save_index(carr, lecture_folder / INDEX)
    assert (lecture_folder / (INDEX + ".bak")).is_file()  # the empty one, kept as the backup
    reopened = open_document(passage)
    assert list(reopened.events) == list(carr.events)
    assert reopened.passage.text == carr.passage.text
    assert json.loads((lecture_folder / INDEX).read_text("utf-8"))["passage"]["file"] == PASSAGE


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_check_prints_such_a_path_on_any_console(lecture_folder, encoding):
    carr = load_index(resource_path("passages", "carr-1979-pp42-46.index.json"), load_passage(lecture_folder / PASSAGE))
    save_index(carr, lecture_folder / INDEX)
    result = run("check", str(lecture_folder / PASSAGE), encoding=encoding)
    assert result.returncode == 0, result.stderr.decode(encoding, "replace")
    out = result.stdout.decode(encoding)
    assert "OK" in out and "44 events" in out
    # cp1252 has "Ü" but no "ś" or "ć": those come out escaped instead of crashing the command.
    expected = INDEX if encoding == "utf-8" else "Brze\\u015b\\u0107"
    assert expected in out


def test_version_alone_prints_one_line_without_loading_qt():
    code = (
        "import sys; from mapviewer.__main__ import main; main(['--version']); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.splitlines() == [f"mapviewer {__version__}", "[]"]


def test_version_verbose_prints_what_a_bug_report_needs():
    import PySide6
    from PySide6 import QtCore, QtWebEngineCore

    result = run("--version", "--verbose")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    for name, value in [
        ("mapviewer", __version__),
        ("Python", platform.python_version()),
        ("Qt", QtCore.qVersion()),
        ("PySide6", PySide6.__version__),
        ("Chromium", QtWebEngineCore.qWebEngineChromiumVersion()),
    ]:
        assert any(line.startswith(f"{name}:") and value in line for line in out.splitlines()), (name, out)
    for source in ("Natural Earth", "GSHHG", "GeoNames", "Leaflet", "LGPL-3.0", "MIT"):
        assert source in out


def test_verbose_without_version_is_refused_in_one_line():
    result = run("--verbose")
    assert result.returncode == 2
    assert result.stderr.decode().strip().count("\n") == 0 and "--version --verbose" in result.stderr.decode()


def test_about_shows_the_same_versions_and_sources(window, qtbot):
    from mapviewer.diagnostics import DATA_SOURCES, versions

    window.show_about()
    box = window.about_box
    qtbot.waitUntil(box.isVisible)
    text = box.text()
    for name, value in versions():
        assert f"{name}&nbsp;" in text and value.replace("&", "&amp;") in text, name
    for item in DATA_SOURCES[1:]:
        assert item.licence in text
    assert "Carr" in text  # the passage's own source
    box.close()

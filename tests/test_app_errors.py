"""Bad input inside the app: one dialog naming the file and the fix; the window stays usable."""

from __future__ import annotations

import pytest
import shiboken6

from mapviewer.__main__ import open_main_window
from mapviewer.qt.web import scheme_handler

from .conftest import PAGE_TIMEOUT_MS


@pytest.fixture
def opened(qtbot, settings):
    windows = []

    def open_(path):
        win = open_main_window(path, settings)
        windows.append(win)
        return win

    yield open_
    for win in windows:
        win.close()
        shiboken6.delete(win)


def test_bad_index_opens_the_default_passage_with_a_dialog(opened, tmp_path, qtbot):
    bad = tmp_path / "mine.index.json"
    bad.write_text('{"format": "mapviewer-index", "version": 1, "passage": {"file": "mine.txt"}, "places": [')
    win = opened(str(bad))
    assert win.error_box.isVisible()
    text = win.error_box.text()
    assert str(bad) in text and "ends too early" in text and "restore a backup" in text
    assert win.index.passage.name == "carr-1979-pp42-46.txt"  # the last good state: the default
    win.selection.select_event("treaty-of-rapallo")
    assert "Rapallo" in win.passage_view.highlighted_event_text()


def test_passage_without_index_is_named(opened, tmp_path):
    passage = tmp_path / "notes.txt"
    passage.write_text("Lenin went to Genoa.\n")
    win = opened(str(passage))
    assert "notes.index.json" in win.error_box.text() and "no index found" in win.error_box.text()


def test_missing_geodata_keeps_the_text_usable(opened, monkeypatch, qtbot):
    monkeypatch.setattr(scheme_handler(), "_page", None)
    monkeypatch.setattr("mapviewer.mappage.build.BORDERS_FILE", "missing.geojson")
    monkeypatch.setenv("XDG_CACHE_HOME", "/nonexistent-cache")
    win = opened(None)
    qtbot.waitUntil(lambda: getattr(win, "error_box", None) is not None, timeout=PAGE_TIMEOUT_MS)
    assert "geodata/missing.geojson" in win.error_box.text() and "reinstall" in win.error_box.text()
    win.selection.select_event("treaty-of-rapallo")
    assert "Rapallo" in win.passage_view.highlighted_event_text()

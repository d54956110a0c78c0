"""Bad input inside the app: one dialog naming the file and the fix; the window stays usable."""

from __future__ import annotations

import pytest
import shiboken6

from mapviewer.cli import open_main_window
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


def test_passage_without_index_opens_with_an_empty_index(opened, tmp_path):
    passage = tmp_path / "notes.txt"
    passage.write_text("Lenin went to Genoa in April 1922.\n")
    win = opened(str(passage))
    assert win.error_box is None
    assert win.index.passage.text.startswith("Lenin went to Genoa") and win.index.events == {}
    assert win.index.path == str(tmp_path / "notes.index.json")


def test_dropping_a_passage_on_the_window_opens_it(opened, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    passage = tmp_path / "dropped.txt"
    passage.write_text("Riga, March 18, 1921.\n")
    win = opened(None)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(passage))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    win.dropEvent(event)
    assert win.index.passage.name == "dropped.txt"
    # Its index does not exist until it is saved, so the passage is what "Open recent" offers.
    assert win.settings.value("recent")[0] == str(passage)


def test_missing_geodata_keeps_the_text_usable(opened, monkeypatch, qtbot):
    monkeypatch.setattr(scheme_handler(), "_page", None)
    monkeypatch.setattr("mapviewer.mappage.build.BORDERS_FILE", "missing.geojson")
    monkeypatch.setenv("XDG_CACHE_HOME", "/nonexistent-cache")
    win = opened(None)
    qtbot.waitUntil(lambda: getattr(win, "error_box", None) is not None, timeout=PAGE_TIMEOUT_MS)
    assert "geodata/missing.geojson" in win.error_box.text() and "reinstall" in win.error_box.text()
    win.selection.select_event("treaty-of-rapallo")
    assert "Rapallo" in win.passage_view.highlighted_event_text()

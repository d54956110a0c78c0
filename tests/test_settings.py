"""Remembered state: the last passage and event, the layout and type sizes; bad settings are ignored."""

from __future__ import annotations

import shutil

import shiboken6
from PySide6.QtCore import QSettings

from mapviewer.cli import open_main_window
from mapviewer.paths import resource_path


def _close(win):
    win.close()
    shiboken6.delete(win)


def test_last_passage_event_and_sizes_come_back(qtbot, tmp_path):
    for name in ("carr-1979-pp42-46.txt", "carr-1979-pp42-46.index.json"):
        shutil.copy(resource_path("passages", name), tmp_path / name)
    index_path = str(tmp_path / "carr-1979-pp42-46.index.json")
    ini = str(tmp_path / "settings.ini")
    first = open_main_window(index_path, QSettings(ini, QSettings.Format.IniFormat))
    first.selection.select_event("treaty-of-rapallo")
    first.passage_view.set_font_size(16)
    first.presentation.set_points(34)
    first.splitter.setSizes([400, 880])
    _close(first)

    again = open_main_window(None, QSettings(ini, QSettings.Format.IniFormat))
    try:
        assert again.index.path == index_path
        assert again.selection.event == "treaty-of-rapallo"
        assert again.passage_view.font_size == 16
        assert again.presentation.points == 34
        left, right = again.splitter.sizes()
        assert abs(left / (left + right) - 400 / 1280) < 0.03  # the screen may be smaller here
    finally:
        _close(again)


def test_corrupt_settings_file_is_ignored(qtbot, tmp_path):
    ini = tmp_path / "settings.ini"
    ini.write_bytes(b"\x00\xff[window]\ngeometry=@ByteArray(\x01\x02)\ntext/size=huge\n[session]\nevent=nope\n")
    win = open_main_window(None, QSettings(str(ini), QSettings.Format.IniFormat))
    try:
        assert win.index.passage.name == "carr-1979-pp42-46.txt"
        assert win.selection.event is None
        assert win.passage_view.font_size == 12.0
        assert win.error_box is None
    finally:
        _close(win)


def test_missing_last_passage_falls_back_to_the_default(qtbot, tmp_path):
    ini = str(tmp_path / "settings.ini")
    settings = QSettings(ini, QSettings.Format.IniFormat)
    settings.setValue("session/index", str(tmp_path / "gone.index.json"))
    win = open_main_window(None, settings)
    try:
        assert win.index.passage.name == "carr-1979-pp42-46.txt" and win.error_box is None
    finally:
        _close(win)

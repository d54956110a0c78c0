"""A second passage, opened, indexed from suggestions, edited and saved entirely in the window."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from mapviewer.model.index import load_index

from .conftest import answer_dialog, answer_file_dialog, wait_for_state
from .places import RIGA_PLACE

RIGA = Path(__file__).parent / "data" / "riga-1921.txt"


def refocus(window, qtbot):
    """After a dialog closes, the offscreen platform does not give the window focus back."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


@pytest.fixture
def riga(tmp_path):
    target = tmp_path / "riga-1921.txt"
    shutil.copy(RIGA, target)
    return target


def test_second_passage_suggested_edited_and_saved_through_the_window(window, riga, qtbot, tmp_path):
    editor = window.editor
    assert editor.open_path(riga)
    assert window.index.passage.name == "riga-1921.txt" and window.index.events == {}
    assert window.event_table.model().rowCount() == 0

    # Suggestions: accept them all.
    answer_dialog(qtbot, lambda d: (d.accept_all.click(), d.accept()))
    editor.suggest()
    index = window.index
    assert len(index.events) >= 4
    names = {p.modern_name for p in index.places.values()}
    assert {"Riga", "Minsk", "Warsaw", "Kaunas"} <= names
    treaty = next(e for e in index.events.values() if e.date.text == "1921-03-18")
    assert "Treaty of Riga" in treaty.anchor.exact
    assert window.event_table.model().rowCount() == len(index.events)

    # Edit the treaty's title in its dialog, then undo and redo.
    window.selection.select_event(treaty.id)

    def retitle(dialog: QDialog) -> None:
        dialog.title.setText("Peace of Riga signed")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    answer_dialog(qtbot, retitle)
    editor.edit_event()
    assert window.index.events[treaty.id].title == "Peace of Riga signed"
    assert window.windowTitle().startswith("*")
    refocus(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.index.events[treaty.id].title == treaty.title
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.index.events[treaty.id].title == "Peace of Riga signed"
    assert window.selection.event == treaty.id  # undo and redo keep the reader's place

    # A new event anchored by selecting its words in the text.
    text = window.index.passage.text
    words = "Lithuania, whose government sat at Kaunas, refused to recognise the annexation."
    start = text.index(words)
    window.passage_view.select_span((start, start + len(words)))

    def describe(dialog: QDialog) -> None:
        dialog.title.setText("Lithuania refuses to recognise the annexation")
        for row in range(dialog.places.count()):
            if "Kaunas" in dialog.places.item(row).text():
                dialog.places.item(row).setCheckState(Qt.CheckState.Checked)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    answer_dialog(qtbot, describe)
    refocus(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    new = window.selection.event
    assert window.index.events[new].anchor.exact == words
    assert window.index.events[new].date.text.startswith("1922")  # guessed from "Early in 1922"
    # The words name Lithuania and Kaunas: both are offered ticked, and both come into the index.
    named = [window.index.places[p].modern_name for p in window.index.events[new].place_ids]
    assert named == ["Lithuania", "Kaunas"]
    state = wait_for_state(qtbot, window.map_view, lambda s: s["event"] == new)
    assert sorted(state["highlighted"]) == sorted(window.index.events[new].place_ids)

    # Move Minsk by dragging its marker (the page reports the drop over the bridge).
    minsk = next(p.id for p in window.index.places.values() if p.modern_name == "Minsk")
    window.editor_actions.set_move_mode(True)
    wait_for_state(qtbot, window.map_view, lambda s: s["editable"])
    window.map_view.bridge.placeMoved(minsk, 53.91, 27.56)
    assert (window.index.places[minsk].lat, window.index.places[minsk].lon) == (53.91, 27.56)

    # Save with Ctrl+S beside the passage, and read it back.
    refocus(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = tmp_path / "riga-1921.index.json"
    assert saved.exists() and not window.windowTitle().startswith("*")
    again = load_index(saved)
    assert again.to_json() == window.index.to_json()
    assert json.loads(saved.read_text("utf-8"))["events"][0]["id"]


def test_opening_a_passage_with_its_index_and_a_bad_one(window, tmp_path, qtbot):
    bad = tmp_path / "broken.index.json"
    bad.write_text("{")
    assert not window.editor.open_path(bad)
    assert "broken.index.json" in window.error_box.text()
    assert window.index.passage.name == "carr-1979-pp42-46.txt"  # the last good state stays
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert not window.editor.open_path(binary)
    assert "binary" in window.error_box.text()


def test_save_to_a_read_only_place_keeps_the_work(window, riga, tmp_path, qtbot):
    assert window.editor.open_path(riga)
    answer_file_dialog(qtbot, tmp_path / "riga-1921.txt" / "inside-a-file.index.json")
    window.editor.change(
        "Add place",
        lambda d: d["places"].append(dict(RIGA_PLACE)),
    )
    assert not window.editor.save_as(None)
    assert "inside-a-file.index.json" in window.error_box.text()
    assert "riga" in window.index.places and window.editor.modified  # nothing lost


def test_place_dialog_looks_up_period_names(window, qtbot):
    from mapviewer.qt.dialogs import PlaceDialog

    dialog = PlaceDialog(window.index, None, window)
    dialog.name.setText("Reval")
    dialog.look_up()
    place = dialog.result_place()
    assert place["modern_name"] == "Tallinn" and abs(place["lat"] - 59.44) < 0.1 and abs(place["lon"] - 24.75) < 0.1
    assert place["id"] == "reval" and (place.get("geonames") or place.get("wikidata"))
    window.editor.change("New place", lambda d: d["places"].append(place))
    assert window.index.places["reval"].label == "Reval (Tallinn)"
    window.document.undo()
    assert "reval" not in window.index.places
    dialog.deleteLater()

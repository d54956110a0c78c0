"""The review of suggested events: a large table beside the passage, rows edited in place, keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from mapviewer.model.passage import load_passage
from mapviewer.qt.dialogs import SuggestionsDialog
from mapviewer.suggest.draft import suggest_index

from .test_suggest_eval import DATA


def review(qtbot, name: str = "polish-soviet-war-1920.txt") -> tuple[SuggestionsDialog, dict, str]:
    passage = load_passage(DATA / name)
    suggested = suggest_index(passage)
    dialog = SuggestionsDialog(suggested, None, passage.text)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, suggested, passage.text


def test_the_review_is_large_and_shows_every_place_of_every_row_whole(qtbot):
    dialog, suggested, _ = review(qtbot)
    room = dialog.screen().availableGeometry()  # large: nearly the whole screen, up to 1400 x 860
    assert dialog.width() >= min(1400, room.width() - 40) and dialog.height() >= min(860, room.height() - 40)
    table = dialog.table
    metrics = QFontMetrics(table.font())
    for row, event in enumerate(suggested["events"]):
        item = table.item(row, dialog.PLACES)
        names = {p["id"]: p["name"] for p in suggested["places"]}
        assert item.text() == ", ".join(names[r["place"]] for r in event["places"])
        rect = table.visualItemRect(item).adjusted(4, 0, -4, 0)
        needed = metrics.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), item.text())
        assert needed.height() <= rect.height() and needed.width() <= rect.width(), (row, item.text())


def test_choosing_a_row_shows_its_words_and_marks_them_in_the_passage(qtbot):
    dialog, suggested, text = review(qtbot)
    row = next(i for i, e in enumerate(suggested["events"]) if "Grodno" in e["anchor"]["exact"])
    dialog.table.setCurrentCell(row, dialog.TITLE)
    exact = suggested["events"][row]["anchor"]["exact"]
    assert exact in dialog.sentence.text()
    assert dialog.marked_text() == exact and exact in text


def test_editing_a_date_drops_the_check_it_note_and_a_bad_date_is_refused(qtbot):
    dialog, suggested, _ = review(qtbot, "baltic-peace-1920.txt")
    row = next(i for i, e in enumerate(suggested["events"]) if "check it" in e.get("date_source", ""))
    before = suggested["events"][row]["date"]
    dialog.table.setCurrentCell(row, dialog.DATE)
    dialog.table.item(row, dialog.DATE).setText("1921-12")
    event = suggested["events"][row]
    assert event["date"] == "1921-12" and "check it" not in event["date_source"]
    assert before in event["date_source"]  # what the draft had is still told
    assert "December 1921" in dialog.note.text()
    dialog.table.item(row, dialog.DATE).setText("1921-13")
    assert event["date"] == "1921-12" and dialog.table.item(row, dialog.DATE).text() == "1921-12"
    assert dialog.note.text().startswith("Not changed:")


def test_titles_are_edited_in_the_row_and_keys_keep_or_drop_rows(qtbot):
    dialog, suggested, _ = review(qtbot)
    dialog.table.item(1, dialog.TITLE).setText("Poles take Kiev")
    assert suggested["events"][1]["title"] == "Poles take Kiev"
    dialog.table.setCurrentCell(0, dialog.TITLE)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.table.currentRow() == 1
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    ids = [e["id"] for e in suggested["events"]]
    assert dialog.chosen() == set(ids[1:])
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

"""State that always agrees: after the slider, F5, opening another passage and undo, the banner,
the text, the list, the map's date and its layers show the same thing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from mapviewer.model import edits
from mapviewer.model.selection import map_date_of

from .conftest import settled_state

RIGA = Path(__file__).parent / "data" / "riga-1921.txt"


def _agree(window, qtbot, event_id):
    state = settled_state(qtbot, window.map_view)
    index = window.index
    assert state["event"] == event_id
    if event_id:
        event = index.events[event_id]
        assert window.passage_view.highlighted_event_text() == event.anchor.exact
        assert window.event_table.selected_event() == event_id
        assert state["highlighted"] == sorted(p for p in event.place_ids if p in index.places)
    else:
        assert window.passage_view.highlighted_event_text() == ""
        assert window.event_table.selected_event() is None
        assert state["highlighted"] == [] and state["links"] == 0
    assert state["date"] == window.selection.date.isoformat() == window.timeline.date.isoformat()
    return state


def test_f5_after_the_slider_shows_the_events_own_borders(window, carr_index, qtbot):
    event = carr_index.events["treaty-of-rapallo"]
    window.selection.select_event(event.id)
    window.timeline.date_chosen.emit(dt.date(1920, 3, 1))  # the reader drags the slider
    assert window.selection.date == dt.date(1920, 3, 1)
    window.presentation.start("lecture", fullscreen=False, with_presenter=False)
    assert window.presentation.banner.text().endswith(event.title)
    state = _agree(window, qtbot, event.id)
    assert state["date"] == map_date_of(event).isoformat()
    window.presentation.stop()


def test_opening_another_passage_clears_every_layer_of_the_previous_one(window, carr_index, qtbot, tmp_path):
    window.selection.select_event("treaty-of-rapallo")  # four places joined by lines
    assert _agree(window, qtbot, "treaty-of-rapallo")["links"] == 4
    riga = tmp_path / "riga-1921.txt"
    shutil.copy(RIGA, riga)
    assert window.editor.open_path(riga)
    state = _agree(window, qtbot, None)
    assert state["labels"] == [] and state["popupText"] is None
    assert window.status_label.text().startswith("0 events, 0 places")


def test_undo_and_redo_keep_text_list_and_map_together(window, carr_index, qtbot):
    first, second = carr_index.chronological[3].id, carr_index.chronological[4].id
    window.selection.select_event(second)
    written = next(e for e in carr_index.to_json()["events"] if e["id"] == second)
    window.editor.change("Retitle", edits.put_event({**written, "title": "Retitled"}))
    _agree(window, qtbot, second)
    window.editor.change("Delete", edits.delete_event(second))
    assert window.selection.event is None  # the event is gone: nothing may still show it
    _agree(window, qtbot, None)
    window.document.undo()
    window.selection.select_event(first)
    _agree(window, qtbot, first)
    window.document.undo()
    assert window.index.events[second].title == carr_index.events[second].title
    _agree(window, qtbot, first)
    window.document.redo()
    assert window.index.events[second].title == "Retitled"
    _agree(window, qtbot, first)

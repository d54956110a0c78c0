"""The reading room as a reader uses it: the real window, the real map page, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from mapviewer.model.dates import day_month_year
from mapviewer.qt.web import blocked_requests

from .conftest import page_state, settled_state, wait_for_state


def test_window_shows_passage_events_and_map(window, carr_index, qtbot):
    # The reader starts at the top of the passage, with the editor's introduction.
    assert window.passage_view.verticalScrollBar().value() == 0
    assert window.passage_view.is_visible_span((0, 10))
    text = window.passage_view.toPlainText()
    assert "Editor\u2019s introduction" in text
    assert "In this short excerpt Carr describes" in text
    assert "The strengthening of party and Soviet organization" in text
    assert "Source; E.H. Carr - The Russian Revolution" in text
    assert "==========" not in text  # the rule becomes a heading, not a row of signs
    model = window.event_table.model()
    assert model.rowCount() == len(carr_index.events)
    first = carr_index.chronological[0]
    assert model.index(0, 0).data() == first.date.label()
    assert model.index(0, 1).data() == first.title
    state = page_state(qtbot, window.map_view)
    assert state["ready"] and state["event"] is None
    assert state["labels"] == [carr_index.places[p].name for p in sorted(carr_index.places)]
    assert "German Reich" in state["borders"]
    assert blocked_requests() == []


def test_selecting_each_event_highlights_exactly_its_places_and_sentence(window, carr_index, qtbot):
    for event in carr_index.chronological:
        window.selection.select_event(event.id)
        expected = sorted(event.place_ids)
        state = wait_for_state(qtbot, window.map_view, lambda s, event=event: s["event"] == event.id)
        assert state["highlighted"] == expected, event.id
        assert state["highlightedLabels"] == sorted(carr_index.places[p].name for p in expected)
        assert state["links"] == (len(expected) if len(expected) > 1 else 0)
        territories = sorted({s for p in expected for s in carr_index.places[p].states})
        assert state["highlightedStates"] == territories, event.id
        assert window.passage_view.highlighted_event_text() == event.anchor.exact
        assert window.event_table.selected_event() == event.id
        assert event.date.label() in window.status_label.text()
        assert event.summary in window.status_label.text()
    assert blocked_requests() == []


def _inside(state, places):
    west, south, east, north = map(float, state["bounds"].split(","))
    return all(south <= p.lat <= north and west <= p.lon <= east for p in places)


def test_map_flies_to_fit_the_places_of_the_event(window, carr_index, qtbot):
    event = carr_index.events["treaty-of-rapallo"]
    places = [carr_index.places[p] for p in event.place_ids]
    window.selection.select_event(event.id)
    wait_for_state(qtbot, window.map_view, lambda s: s["event"] == event.id and _inside(s, places))


def test_map_flies_in_to_a_single_place(window, carr_index, qtbot):
    genoa = carr_index.places["genoa"]
    start = page_state(qtbot, window.map_view)
    window.selection.select_event("genoa-conference")
    state = wait_for_state(qtbot, window.map_view, lambda s: s["zoom"] >= 5 and _inside(s, [genoa]))
    assert state["zoom"] > start["zoom"]
    assert abs(state["center"][0] - genoa.lat) < 1 and abs(state["center"][1] - genoa.lon) < 1


def test_selected_sentence_is_scrolled_into_view(window, carr_index, qtbot):
    last = carr_index.chronological[-1]
    window.selection.select_event(last.id)
    assert window.passage_view.is_visible_span(last.span)
    first = carr_index.chronological[0]
    window.selection.select_event(first.id)
    assert window.passage_view.is_visible_span(first.span)


def test_arrow_keys_step_through_events_in_date_order(window, carr_index, qtbot):
    window.event_table.setFocus()
    seen = []
    for _ in carr_index.chronological:
        QTest.keyClick(window.event_table, Qt.Key.Key_Right)
        seen.append(window.selection.event)
    assert seen == [e.id for e in carr_index.chronological]
    QTest.keyClick(window.passage_view, Qt.Key.Key_Left)
    assert window.selection.event == carr_index.chronological[-2].id
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.selection.event is None
    state = wait_for_state(qtbot, window.map_view, lambda s: s["event"] is None)
    assert state["highlighted"] == []
    assert window.passage_view.highlighted_event_text() == ""


def test_clicking_a_sentence_selects_its_event(window, carr_index, qtbot):
    event = carr_index.events["anglo-soviet-trade-agreement"]
    view = window.passage_view
    view.show_event(event.id)  # scroll it into view first
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.doc_position(event.span[0] + 5))
    point = view.cursorRect(cursor).center()
    window.selection.select_event(None)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert window.selection.event == event.id


def test_clicking_a_place_on_the_map_offers_its_events(window, carr_index, qtbot):
    place = "berlin"
    expected = [e.id for e in carr_index.events_at(place)]
    assert len(expected) >= 2
    state = settled_state(qtbot, window.map_view)
    x, y = state["points"][place]
    target = window.map_view.focusProxy() or window.map_view
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y))
    qtbot.waitUntil(lambda: window.selection.place == place, timeout=5000)
    state = wait_for_state(qtbot, window.map_view, lambda s: s["popupEvents"] == expected)
    assert state["popupText"].startswith("Berlin")
    assert all(carr_index.events[e].title in state["popupText"] for e in expected)
    assert window.passage_view.marked_mentions() and set(window.passage_view.marked_mentions()) <= set(
        carr_index.places[place].mentions
    )
    chosen = expected[-1]
    window.map_view.page().runJavaScript(
        f"document.querySelector('button.event-link[data-event=\"{chosen}\"]').click()"
    )
    qtbot.waitUntil(lambda: window.selection.event == chosen, timeout=5000)
    state = wait_for_state(qtbot, window.map_view, lambda s: s["event"] == chosen)
    assert state["popupText"] is None
    assert window.passage_view.highlighted_event_text() == carr_index.events[chosen].anchor.exact


@pytest.mark.parametrize("place", ["moscow", "lipetsk"])
def test_a_lit_event_lets_the_mouse_through_to_the_places(window, carr_index, qtbot, place):
    """The selection's states and dots are drawn on a canvas over the map's: a click on a
    highlighted place (Moscow) or on another place inside a lit state (Lipetsk) still reaches it."""
    window.selection.select_event("polish-war")
    state = settled_state(qtbot, window.map_view)
    assert "soviet-russia" in state["highlightedStates"] and (place in state["highlighted"]) == (place == "moscow")
    x, y = state["points"][place]
    target = window.map_view.focusProxy() or window.map_view
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y))
    qtbot.waitUntil(lambda: window.selection.place == place, timeout=5000)
    state = wait_for_state(qtbot, window.map_view, lambda s: s["popupText"] is not None)
    assert state["popupText"].startswith(carr_index.places[place].name)


def test_place_selection_from_list_marks_mentions(window, carr_index, qtbot):
    window.selection.select_place("berlin")
    marks = window.passage_view.marked_mentions()
    assert marks and all(m == "Berlin" for m in marks)
    assert len(marks) == carr_index.passage.text.count("Berlin")
    state = wait_for_state(qtbot, window.map_view, lambda s: s["place"] == "berlin")
    assert state["highlighted"] == ["berlin"]


@pytest.mark.parametrize("event_id", ["treaty-of-dorpat", "treaty-of-rapallo"])
def test_borders_follow_the_event_date(window, carr_index, qtbot, event_id):
    event = carr_index.events[event_id]
    window.selection.select_event(event_id)
    state = wait_for_state(qtbot, window.map_view, lambda s: s["event"] == event_id)
    assert state["date"] == event.date.start.isoformat()
    assert state["dateLabel"] == "Borders of " + day_month_year(event.date.start)


def test_timeline_moves_the_borders_without_changing_the_event(window, carr_index, qtbot):
    window.selection.select_event("treaty-of-rapallo")
    wait_for_state(qtbot, window.map_view, lambda s: s["date"] == "1922-04-16")
    window.timeline.slider.setValue(0)
    state = wait_for_state(qtbot, window.map_view, lambda s: s["date"] == "1920-01-01" and not s["transitioning"])
    assert state["dateLabel"] == "Borders of 1 January 1920"
    assert window.timeline.label.text() == "Map of 1 Jan 1920"
    assert window.selection.event == "treaty-of-rapallo"
    assert state["highlighted"] == sorted(carr_index.events["treaty-of-rapallo"].place_ids)


def test_places_show_period_and_modern_names(window, qtbot):
    state = page_state(qtbot, window.map_view)
    assert state["modernLabels"]["petrograd"] == "Saint Petersburg"
    assert state["labels"][sorted(window.index.places).index("petrograd")] == "Petrograd"
    assert state["modernLabels"]["berlin"] is None  # same name then and now

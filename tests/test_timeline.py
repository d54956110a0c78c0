"""Events outside the map's years: counted at the slider's ends, and named on the map's date."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mapviewer.model.document import Document
from mapviewer.model.selection import (
    FIRST_MAP_DATE,
    LAST_MAP_DATE,
    Selection,
    map_date_note,
    timeline_marks,
)
from mapviewer.qt.timeline import TimelineSlider


def _only(index, *event_ids):
    return dataclasses.replace(index, events={e: index.events[e] for e in event_ids})


def test_notes_say_when_the_map_shows_another_day_than_the_event(carr_index):
    assert map_date_note(carr_index.events["brest-litovsk-treaty"]) == (
        "Borders as of 1 January 1920 \u2014 the map begins then; this event dates from 3 March 1918."
    )
    assert map_date_note(carr_index.events["radek-in-berlin"]) == (
        "Borders as of 1 January 1920 \u2014 the map begins then; this event dates from 12 February 1919."
    )
    assert map_date_note(carr_index.events["german-officers-train-red-army"]) == (
        "Borders as of 31 December 1922 \u2014 the map ends then; this event dates from 1925."
    )
    inside = [e for e in carr_index.events.values() if FIRST_MAP_DATE <= e.date.start <= LAST_MAP_DATE]
    assert inside and all(map_date_note(e) is None for e in inside)


def test_timeline_marks_keep_events_outside_the_years_apart(carr_index):
    marks = timeline_marks(carr_index)
    before = [e.id for e in carr_index.chronological if e.date.start.year < 1920]
    after = [e.id for e in carr_index.chronological if e.date.start.year > 1922]
    assert len(before) == 8 and len(after) == 2
    assert [e.id for e in marks.before] == before
    assert [e.id for e in marks.after] == after
    inside_days = {(e.date.start - FIRST_MAP_DATE).days for e in carr_index.events.values()} - {
        (e.date.start - FIRST_MAP_DATE).days for e in marks.before + marks.after
    }
    assert list(marks.days) == sorted(inside_days)
    assert all(0 <= d <= (LAST_MAP_DATE - FIRST_MAP_DATE).days for d in marks.days)


@pytest.fixture
def timeline(qtbot, carr_index):
    document = Document(carr_index)
    selection = Selection(carr_index)
    widget = TimelineSlider()
    qtbot.addWidget(widget)
    widget.follow(document, selection)
    widget.resize(900, 40)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, document, selection


def test_ticks_do_not_pile_up_at_the_ends(timeline, carr_index):
    widget, _document, _selection = timeline
    slider = widget.slider
    ticks = slider.tick_positions()
    first, last = slider.x_of(0), slider.x_of(slider.maximum())
    # One tick per day on which an event of 1920-22 begins, left to right.
    days = sorted(
        {
            (e.date.start - FIRST_MAP_DATE).days
            for e in carr_index.events.values()
            if FIRST_MAP_DATE <= e.date.start <= LAST_MAP_DATE
        }
    )
    assert ticks == [slider.x_of(d) for d in days]
    assert ticks == sorted(ticks) and all(first <= x <= last for x in ticks)
    # Only the one event of January 1920 sits at the left end; nothing sits at the right end.
    assert ticks.count(first) == 1 and ticks.count(last) == 0
    assert widget.before_marker.isVisible() and widget.before_marker.text() == "\u25c2 8 earlier"
    assert widget.after_marker.isVisible() and widget.after_marker.text() == "2 later \u25b8"
    tip = widget.before_marker.toolTip()
    assert tip.startswith("8 events before the map's years, drawn on the borders of 1 January 1920:")
    assert "3 March 1918 \u2014 " + carr_index.events["brest-litovsk-treaty"].title in tip
    # The markers stand outside the slider, at its two ends.
    assert widget.before_marker.geometry().right() < slider.geometry().left()
    assert widget.after_marker.geometry().left() > slider.geometry().right()


def test_an_index_with_no_event_in_january_1920_has_no_tick_at_the_left_end(timeline, carr_index):
    widget, document, _selection = timeline
    document.open(_only(carr_index, "brest-litovsk-treaty", "versailles-treaty", "treaty-of-rapallo"))
    slider = widget.slider
    assert slider.tick_positions() == [slider.x_of((dt.date(1922, 4, 16) - FIRST_MAP_DATE).days)]
    assert widget.before_marker.text() == "\u25c2 2 earlier"
    assert not widget.after_marker.isVisible()


def test_the_marker_of_a_chosen_event_before_1920_stands_out(timeline):
    widget, _document, selection = timeline
    assert widget.before_marker.property("current") is False
    selection.select_event("versailles-treaty")
    assert widget.before_marker.property("current") is True
    assert widget.after_marker.property("current") is False
    assert widget.date == FIRST_MAP_DATE
    selection.select_event("tanks-and-gas-warfare")
    assert widget.before_marker.property("current") is False
    assert widget.after_marker.property("current") is True
    selection.select_event("treaty-of-rapallo")
    assert widget.after_marker.property("current") is False

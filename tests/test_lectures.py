"""Lecture edits as plain functions (no Qt): through the Document with undo and redo, and saved."""

from __future__ import annotations

import json

import pytest

from mapviewer.interchange.save import save_index
from mapviewer.model import edits, lectures
from mapviewer.model.document import Document
from mapviewer.model.errors import InputError
from mapviewer.model.index import index_from_json, load_index
from mapviewer.model.presentation import Presentation


@pytest.fixture
def bare(carr_index):
    """The Carr index with no lecture at all: a lecturer starting from nothing."""
    data = carr_index.to_json()
    del data["tours"]
    return index_from_json(data, carr_index.passage, carr_index.path)


def dated(index, n):
    """The id of the n-th event in date order."""
    return index.chronological[n].id


def steps(index):
    return [(r.number, r.event, r.note) for r in lectures.step_rows(index)]


def test_a_file_without_the_field_presents_its_first_tour(carr_index):
    assert carr_index.lecture is None
    assert lectures.chosen_lecture_id(carr_index) == "lecture"
    assert len(lectures.step_rows(carr_index)) == 12
    assert "lecture" not in carr_index.to_json()


def test_no_lecture_means_every_event(bare):
    assert lectures.chosen_lecture(bare) is None
    assert lectures.chosen_lecture_id(bare) == lectures.ALL_EVENTS
    assert lectures.step_rows(bare) == []
    assert len(Presentation(bare, lectures.chosen_lecture_id(bare)).steps) == len(bare.events)


def test_build_a_lecture_from_nothing_with_undo_and_redo(bare):
    doc = Document(bare)
    first, second, third = dated(bare, 0), dated(bare, 1), dated(bare, 2)
    # The first added event makes a lecture and chooses it, in one step.
    after = doc.change("Add step", lectures.add_step(second))
    assert [t.id for t in after.tours] == ["lecture"] and after.lecture == "lecture"
    assert doc.undo_text == "Add step"
    doc.change("Add step", lectures.add_step(third))
    doc.change("Add step", lectures.add_step(first))
    assert [e for _, e, _ in steps(doc.index)] == [second, third, first]
    doc.change("Move step", lectures.move_step("lecture", 2, 0))
    assert [e for _, e, _ in steps(doc.index)] == [first, second, third]
    doc.change("Note", lectures.set_note("lecture", 1, "  Ask the room why.  "))
    assert steps(doc.index)[1] == (2, second, "Ask the room why.")
    doc.change("View", lectures.set_view("lecture", 1, lectures.map_view(52.52, 13.4, 6)))
    assert lectures.step_rows(doc.index)[1].view == {"lat": 52.52, "lon": 13.4, "zoom": 6}
    doc.change("Rename", lectures.rename_lecture("lecture", "  From  Paris\nto Rapallo "))
    assert doc.index.tours[0].title == "From Paris to Rapallo" and doc.index.tours[0].id == "lecture"
    doc.change("Remove step", lectures.remove_step("lecture", 0))
    assert [e for _, e, _ in steps(doc.index)] == [second, third]
    assert doc.index.events.keys() == bare.events.keys()  # removing a step keeps the event

    for _ in range(8):
        doc.undo()
    assert not doc.can_undo and doc.index.tours == () and not doc.modified
    for _ in range(8):
        doc.redo()
    assert [(n, e) for n, e, _ in steps(doc.index)] == [(1, second), (2, third)]
    assert steps(doc.index)[0][2] == "Ask the room why."


def test_several_lectures_one_chosen(carr_index):
    doc = Document(carr_index)
    after = doc.change("New lecture", lectures.add_lecture("Short version"))
    assert [t.id for t in after.tours] == ["lecture", "short-version"]
    assert lectures.chosen_lecture_id(after) == "short-version" and lectures.step_rows(after) == []
    # Adding goes to the chosen lecture only.
    doc.change("Add step", lectures.add_step("treaty-of-rapallo"))
    assert [r.event for r in lectures.step_rows(doc.index)] == ["treaty-of-rapallo"]
    assert len(doc.index.tours[0].steps) == 12
    # A second lecture with the same title gets its own id.
    assert doc.change("New", lectures.add_lecture("Short version")).lecture == "short-version-2"
    doc.change("Choose", lectures.choose_lecture("lecture"))
    assert len(lectures.step_rows(doc.index)) == 12
    doc.change("Choose", lectures.choose_lecture(lectures.ALL_EVENTS))
    assert lectures.chosen_lecture(doc.index) is None and doc.index.lecture == ""
    doc.undo()
    assert lectures.chosen_lecture_id(doc.index) == "lecture"


def test_deleting_the_chosen_lecture_chooses_the_first(carr_index):
    doc = Document(carr_index)
    doc.change("New", lectures.add_lecture("Other"))
    after = doc.change("Delete", lectures.delete_lecture("other"))
    assert lectures.chosen_lecture_id(after) == "lecture" and after.lecture is None
    after = doc.change("Delete", lectures.delete_lecture("lecture"))
    assert after.tours == () and lectures.chosen_lecture_id(after) == lectures.ALL_EVENTS
    assert "tours" not in after.to_json() and "lecture" not in after.to_json()
    doc.undo()
    doc.undo()
    assert [t.id for t in doc.index.tours] == ["lecture", "other"] and doc.index.lecture == "other"


def test_deleting_another_lecture_keeps_the_choice(carr_index):
    index = edits.apply(carr_index, lectures.add_lecture("Other"))
    index = edits.apply(index, lectures.choose_lecture(lectures.ALL_EVENTS))
    index = edits.apply(index, lectures.delete_lecture("other"))
    assert index.lecture == "" and lectures.chosen_lecture(index) is None


def test_deleting_an_event_takes_it_out_of_every_lecture(carr_index):
    doc = Document(carr_index)
    event = carr_index.tours[0].steps[3].event
    doc.change("Delete event", edits.delete_event(event))
    assert len(lectures.step_rows(doc.index)) == 11 and lectures.step_of(doc.index, event) == -1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lectures.add_step("treaty-of-rapallo"), "the lecture: this event is already one of its steps"),
        (lectures.add_step("no-such-event"), 'there is no event "no-such-event"'),
        (lectures.move_step("lecture", 0, 12), "it has no step 13"),
        (lectures.remove_step("lecture", 12), "it has no step 13"),
        (lectures.set_note("lecture", -1, "x"), "it has no step 0"),
        (lectures.rename_lecture("lecture", " \n "), "a lecture needs a title"),
        (lectures.choose_lecture("nope"), 'there is no lecture "nope"'),
        (lectures.delete_lecture("nope"), 'there is no lecture "nope"'),
        (lectures.set_view("lecture", 0, {"lat": "52", "lon": 13, "zoom": 5}), "the view's lat is not a number"),
    ],
)
def test_a_bad_lecture_edit_changes_nothing(carr_index, change, message):
    doc = Document(carr_index)
    with pytest.raises(InputError, match=message):
        doc.change("Bad", change)
    assert doc.index is carr_index and not doc.can_undo


def test_add_step_at_a_position_and_can_add(carr_index):
    assert not lectures.can_add(carr_index, "treaty-of-rapallo")
    assert not lectures.can_add(carr_index, None)
    outside = next(e for e in carr_index.events if lectures.step_of(carr_index, e) < 0)
    assert lectures.can_add(carr_index, outside)
    index = edits.apply(carr_index, lectures.add_step(outside, 1))
    assert lectures.step_of(index, outside) == 1 and len(lectures.step_rows(index)) == 13


def test_map_view_is_kept_within_the_schema():
    assert lectures.map_view(52.123456, 373.5, 5.123) == {"lat": 52.1235, "lon": 13.5, "zoom": 5.12}
    assert lectures.map_view(95, -190, 30) == {"lat": 90, "lon": 170, "zoom": 18}
    with pytest.raises(InputError, match="usable view"):
        lectures.map_view(float("nan"), 0, 5)


def test_a_chosen_lecture_that_is_not_a_tour_is_a_load_error(carr_index):
    data = carr_index.to_json()
    data["lecture"] = "missing"
    with pytest.raises(InputError, match='chooses the lecture "missing", which is not in the tours'):
        index_from_json(data, carr_index.passage, "x.index.json")
    data["lecture"] = "Not An Id"
    with pytest.raises(InputError, match="lecture"):
        index_from_json(data, carr_index.passage, "x.index.json")


def test_lectures_survive_save_and_load(bare, tmp_path):
    doc = Document(bare)
    doc.change("Add", lectures.add_step(dated(bare, 4)))
    doc.change("Add", lectures.add_step(dated(bare, 0)))
    doc.change("Note", lectures.set_note("lecture", 0, "Start here \u2014 Riga."))
    doc.change("View", lectures.set_view("lecture", 1, lectures.map_view(50.0, 20.0, 5)))
    doc.change("New", lectures.add_lecture("Seminar"))
    doc.change("Add", lectures.add_step(dated(bare, 7)))
    doc.change("Choose", lectures.choose_lecture("lecture"))
    path = save_index(doc.index, tmp_path / "carr.index.json")
    data = json.loads(path.read_text("utf-8"))
    assert list(data)[-2:] == ["lecture", "tours"] and data["lecture"] == "lecture"
    assert data["tours"][0]["steps"] == [
        {"event": dated(bare, 4), "note": "Start here \u2014 Riga."},
        {"event": dated(bare, 0), "view": {"lat": 50.0, "lon": 20.0, "zoom": 5}},
    ]
    loaded = load_index(path, bare.passage)
    assert loaded.tours == doc.index.tours and loaded.lecture == "lecture"
    assert steps(loaded) == steps(doc.index)


def test_a_saved_view_in_words():
    assert lectures.describe_view(None) == "framed to the event's places"
    assert lectures.describe_view({"lat": 52.52, "lon": -3.1, "zoom": 6}) == "52.52\u00b0 N, 3.10\u00b0 W, zoom 6"

"""The plain-Python model: dates, anchors, passages and index loading, without Qt."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from mapviewer.model.anchors import AnchorError, TextQuote, resolve_anchor
from mapviewer.model.dates import DateError, HistDate
from mapviewer.model.errors import InputError
from mapviewer.model.index import index_from_json, load_index
from mapviewer.model.passage import Passage, load_passage, split_paragraphs
from mapviewer.model.selection import Selection


@pytest.mark.parametrize(
    ("text", "precision", "start", "end", "label"),
    [
        ("1920-02-02", "day", "1920-02-02", "1920-02-02", "2 February 1920"),
        ("1920-01", "month", "1920-01-01", "1920-01-31", "January 1920"),
        ("1921", "year", "1921-01-01", "1921-12-31", "1921"),
        ("1920-autumn", "season", "1920-09-01", "1920-11-30", "autumn 1920"),
        ("1920-winter", "season", "1920-12-01", "1921-02-28", "winter 1920\u201321"),
        ("1921-03-08/1921-03-16", "range", "1921-03-08", "1921-03-16", "8\u201316 March 1921"),
        ("1920-04/1920-10", "range", "1920-04-01", "1920-10-31", "April\u2013October 1920"),
        ("1924-02-29", "day", "1924-02-29", "1924-02-29", "29 February 1924"),
    ],
)
def test_dates_carry_their_precision_and_span(text, precision, start, end, label):
    date = HistDate.parse(text)
    assert date.precision == precision
    assert (date.start.isoformat(), date.end.isoformat()) == (start, end)
    assert date.label() == label


@pytest.mark.parametrize(
    "text",
    ["1921-02-30", "1921-02-29", "1920-13", "1920-00", "20", "1922/1921", "1920-fall", "", "1920-1-1", None, 1921],
)
def test_impossible_dates_are_refused(text):
    with pytest.raises(DateError):
        HistDate.parse(text)


TEXT = "Genoa met. Then Rapallo. Then Genoa again. Then Rapallo."


def test_anchor_resolves_to_its_offsets():
    assert resolve_anchor(TEXT, TextQuote("Genoa met.")) == (0, 10)


def test_anchor_prefix_and_suffix_disambiguate():
    start, end = resolve_anchor(TEXT, TextQuote("Rapallo", prefix="again. Then "))
    assert TEXT[start:end] == "Rapallo" and start == TEXT.rindex("Rapallo")
    start, _ = resolve_anchor(TEXT, TextQuote("Then", suffix=" Genoa"))
    assert start == TEXT.index("Then Genoa")


@pytest.mark.parametrize(
    ("quote", "words"),
    [
        (TextQuote("Rapallo"), "occurs 2 times"),
        (TextQuote("Berlin"), "is not in the passage"),
        (TextQuote("Rapallo", prefix="nowhere "), "is not in the passage"),
    ],
)
def test_anchor_that_is_missing_or_ambiguous_is_an_error(quote, words):
    with pytest.raises(AnchorError, match=words):
        resolve_anchor(TEXT, quote)


def test_passage_sets_introduction_and_source_apart(carr_index):
    passage = carr_index.passage
    kinds = [p.kind for p in passage.paragraphs]
    assert kinds[:3] == ["intro"] * 3 and kinds[3] == "separator"
    assert kinds.count("body") == 6
    assert passage.source_line.startswith("Source; E.H. Carr - The Russian Revolution")
    first_body = next(p for p in passage.paragraphs if p.kind == "body")
    assert passage.text[first_body.start : first_body.end].startswith("The strengthening of party")


def test_passage_without_separator_is_all_body():
    kinds = {p.kind for p in split_paragraphs("One.\n\nTwo.\n")}
    assert kinds == {"body"}


def test_shipped_passage_is_the_seed_unchanged(carr_index):
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / "carr-1979-pp42-46.txt"
    if not seed.exists():
        pytest.skip("the shared seed folder is not beside this checkout")
    assert carr_index.passage.text == seed.read_text("utf-8")


def test_every_anchor_resolves_to_exactly_one_span(carr_index):
    text = carr_index.passage.text
    for event in carr_index.events.values():
        start, end = event.span
        assert text[start:end] == event.anchor.exact
        assert resolve_anchor(text, event.anchor) == (start, end)


def test_index_names_the_required_places(carr_index):
    names = " ".join(f"{p.name} {p.modern_name}" for p in carr_index.places.values())
    for required in [
        "Berlin",
        "London",
        "Copenhagen",
        "Genoa",
        "Rapallo",
        "Moscow",
        "Paris",
        "Estonia",
        "Tartu",
        "Scandinavia",
        "Poland",
        "Kronstadt",
        "Brest",
        "Versailles",
    ]:
        assert required in names, required
    for place in carr_index.places.values():
        assert place.wikidata or place.geonames, place.id


def test_every_event_has_places_and_a_date_in_order(carr_index):
    starts = [e.date.start for e in carr_index.chronological]
    assert starts == sorted(starts)
    for event in carr_index.events.values():
        assert event.places, event.id
    assert len(carr_index.events) >= 20


def test_selection_steps_in_date_order(carr_index):
    selection = Selection(carr_index)
    seen = []
    selection.event_changed.connect(seen.append)
    for _ in range(len(carr_index.events) + 2):
        selection.step(+1)
    assert seen == [e.id for e in carr_index.chronological]
    selection.step(-1)
    assert selection.event == carr_index.chronological[-2].id
    selection.select_place("berlin")
    selection.clear()
    assert (selection.event, selection.place) == (None, None)


def test_a_view_cannot_echo_the_selection_back(carr_index, caplog):
    selection = Selection(carr_index)
    first, second = carr_index.chronological[0].id, carr_index.chronological[1].id
    # A careless view that "shows" an event by choosing another one.
    selection.event_changed.connect(lambda event_id: selection.select_event(second))
    selection.select_event(first)
    assert selection.event == first
    assert [r.getMessage() for r in caplog.records] == [
        f"event {second!r} chosen while the views were showing {first!r}; ignored"
    ]
    caplog.clear()  # this test's echo is on purpose


def test_choosing_an_event_clears_the_place(carr_index):
    selection = Selection(carr_index)
    selection.select_place("berlin")
    selection.select_event(carr_index.chronological[0].id)
    assert selection.place is None


# ---- malformed indexes: one message naming the file, the item and the fix ----


@pytest.fixture
def good_json():
    return {
        "format": "mapviewer-index",
        "version": 1,
        "passage": {"file": "p.txt"},
        "places": [
            {
                "id": "genoa",
                "name": "Genoa",
                "modern_name": "Genova",
                "kind": "city",
                "lat": 44.4,
                "lon": 8.93,
                "geonames": 3176219,
            }
        ],
        "events": [
            {
                "id": "met",
                "title": "Met",
                "date": "1922-04-10",
                "places": [{"place": "genoa", "role": "venue"}],
                "anchor": {"type": "TextQuoteSelector", "exact": "Genoa met."},
                "summary": "s",
            }
        ],
    }


PASSAGE = Passage(TEXT, "p.txt")


def test_good_index_loads(good_json):
    index = index_from_json(good_json, PASSAGE, "x.index.json")
    assert index.events["met"].span == (0, 10)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["events"][0].update(date="1921-02-30"), r'event "met", field date: .*February 1921 has no day 30'),
        (
            lambda d: d["events"][0]["places"][0].update(place="rome"),
            r'event "met": .*"rome", which is not in the places list',
        ),
        (lambda d: d["events"][0]["anchor"].update(exact="Berlin"), r'event "met", field anchor: .*not in the passage'),
        (lambda d: d["events"][0]["anchor"].update(exact="Rapallo"), r'event "met", field anchor: .*occurs 2 times'),
        (lambda d: d["places"][0].update(lat=123), r'place "genoa", field lat: 123 is greater than'),
        (lambda d: d["events"].append(dict(d["events"][0])), r'event "met": this event id is used twice'),
        (lambda d: d["places"][0].pop("name"), r"place \"genoa\": 'name' is a required property"),
        (lambda d: d["events"][0].update(title=5), r'event "met", field title: 5 is not of type'),
    ],
)
def test_bad_index_names_file_item_and_problem(good_json, change, words):
    change(good_json)
    with pytest.raises(InputError, match=words) as info:
        index_from_json(good_json, PASSAGE, "x.index.json")
    assert info.value.message.startswith("x.index.json: ")
    assert info.value.fix


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"format": "mapviewer-index", "version": 1, "places": [', "ends too early"),
        (b'{"format": "mapviewer-index",, }', "malformed at line 1, column 30"),
        (b"\xff\xfe\x00\x00binary", "binary file"),
        ('{"x": "caf\u00e9"}'.encode("latin-1"), "not UTF-8"),
        (b"[1, 2, 3]", "is not of type 'object'"),
    ],
)
def test_unreadable_index_files_are_named(tmp_path, content, words):
    path = tmp_path / "bad.index.json"
    path.write_bytes(content)
    with pytest.raises(InputError, match=words) as info:
        load_index(path)
    assert str(path) in info.value.message


def test_missing_and_oversized_passages(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_passage(tmp_path / "nope.txt")
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match="50 MB"):
        load_passage(big)


def test_index_naming_a_missing_passage(tmp_path, good_json):
    good_json["passage"]["file"] = "gone.txt"
    path = tmp_path / "x.index.json"
    path.write_text(json.dumps(good_json))
    with pytest.raises(InputError, match="gone.txt: the passage file does not exist"):
        load_index(path)


def test_model_never_imports_qt():
    import subprocess

    code = (
        "import sys, mapviewer.model.index, mapviewer.model.selection, mapviewer.mappage.build;"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]; print(bad); sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_dates_are_real_dates():
    assert HistDate.parse("1922-04-16").start == dt.date(1922, 4, 16)


def test_place_territories_exist_in_the_border_data(carr_index):
    from mapviewer.mappage.build import load_borders

    states = {f["properties"]["state"] for f in load_borders()["features"]}
    named = {s for p in carr_index.places.values() for s in p.states}
    assert named and named <= states
    assert carr_index.places["germany"].states == ("german-reich",)


def test_presentation_steps_like_a_clicker(carr_index):
    from mapviewer.model.presentation import Presentation

    order = [e.id for e in carr_index.chronological]
    show = Presentation(carr_index)
    selected = None

    def press(key):
        nonlocal selected
        step = show.press(key, selected)
        if step is not None:
            selected = step.event
        return step and step.event

    assert press("next") == order[0]
    assert press("next") == order[1]
    assert press("prev") == order[0]
    assert press("prev") is None  # already at the first
    assert press("last") == order[-1]
    assert press("first") == order[0]
    for key in "12":
        assert press(key) is None
    assert press("enter") == order[11]
    assert press("black") is None and show.black
    assert press("next") is None and not show.black  # any key only lifts the black
    assert press("next") == order[12]
    assert show.following(selected).event == order[13]


def test_the_lecture_goes_on_from_an_event_chosen_elsewhere(carr_index):
    from mapviewer.model.presentation import Presentation

    show = Presentation(carr_index, "lecture")
    steps = [s.event for s in show.steps]
    assert show.press("next", steps[1]).event == steps[2]
    assert show.press("prev", steps[5]).event == steps[4]
    # An event outside the lecture sits after the last step that comes before it in date
    # order: "next" goes on to the step after that one.
    order = [e.id for e in carr_index.chronological]
    assert [order.index(s) for s in steps[:4]] == [8, 7, 10, 15]  # the tour is not in date order
    outside = order[12]
    assert outside not in steps
    assert show.position(outside) == 2 and show.current(outside) is None
    assert show.press("next", outside).event == steps[3]
    assert show.press("prev", outside).event == steps[2]
    assert show.following(outside).event == steps[3]


def test_selection_follows_a_new_index_and_keeps_what_it_still_has(carr_index):
    from mapviewer.model import edits

    selection = Selection(carr_index)
    events, places = [], []
    selection.event_changed.connect(events.append)
    selection.place_changed.connect(places.append)
    first, second = carr_index.chronological[0].id, carr_index.chronological[1].id
    selection.select_event(first)
    selection.select_place("berlin")
    retitled = edits.apply(carr_index, edits.put_event({**_as_written(carr_index, second), "title": "T"}))
    selection.set_index(retitled)
    assert (selection.event, selection.place, selection.index) == (first, "berlin", retitled)
    without = edits.apply(retitled, edits.delete_event(first))
    selection.set_index(without)
    assert selection.event is None and events == [first, None]
    assert places == ["berlin"]


def _as_written(index, event_id):
    return next(e for e in index.to_json()["events"] if e["id"] == event_id)


def test_document_undo_redo_and_saved_state(carr_index):
    from mapviewer.model import edits
    from mapviewer.model.document import Document

    doc = Document(carr_index)
    shown, modified = [], []
    doc.index_changed.connect(shown.append)
    doc.modified_changed.connect(modified.append)
    first = carr_index.chronological[0].id
    assert not doc.modified and not doc.can_undo
    after = doc.change("Edit event", edits.put_event({**_as_written(carr_index, first), "title": "New"}))
    assert doc.index is after and doc.modified and doc.undo_text == "Edit event"
    doc.undo()
    assert doc.index is carr_index and not doc.modified and doc.redo_text == "Edit event"
    doc.redo()
    doc.mark_saved()
    assert not doc.modified
    doc.undo()
    assert doc.modified
    # A new change after an undo drops the redo step, and with it the saved state.
    doc.change("Delete", edits.delete_event(first))
    assert not doc.can_redo and doc.modified
    doc.undo()
    assert doc.modified  # the saved state is gone for good
    assert shown[-1] is carr_index and modified == [True, False, True, False, True]
    doc.mark_saved("/elsewhere/x.index.json")
    doc.redo()
    assert doc.path == "/elsewhere/x.index.json"  # every state belongs to the new file

"""Index edits as plain functions: each result is checked like a loaded index."""

from __future__ import annotations

import pytest

from mapviewer.model import edits
from mapviewer.model.anchors import quote_for
from mapviewer.model.errors import InputError
from mapviewer.model.passage import Passage

TEXT = "Lenin went to Genoa in April 1922. Then Rapallo. Then Genoa again.\n"


@pytest.fixture
def blank():
    return edits.empty_index(Passage(TEXT, "/tmp/p.txt"), "/tmp/p.index.json")


def quote_at(start, end):
    return quote_for(TEXT, start, end).to_json()


def _event(anchor, places=(), date="1922-04"):
    return {
        "id": "went",
        "title": "Went",
        "date": date,
        "summary": "s",
        "places": [{"place": p, "role": "venue"} for p in places],
        "anchor": anchor,
    }


def test_add_edit_move_and_delete(blank):
    genoa = {
        "id": "genoa",
        "name": "Genoa",
        "modern_name": "Genova",
        "kind": "city",
        "lat": 44.4,
        "lon": 8.9,
        "geonames": 3176219,
    }
    index = edits.apply(blank, edits.put_place(genoa))
    index = edits.apply(index, edits.put_event(_event(quote_at(0, 33), ["genoa"])))
    assert index.events["went"].span == (0, 33)
    index = edits.apply(index, edits.move_place("genoa", 44.41, 8.95))
    assert (index.places["genoa"].lat, index.places["genoa"].lon) == (44.41, 8.95)
    index = edits.apply(index, edits.delete_place("genoa"))
    assert index.events["went"].places == ()
    index = edits.apply(index, edits.delete_event("went"))
    assert index.events == {}


def test_bad_edit_is_refused_with_the_loader_message(blank):
    with pytest.raises(InputError, match="February 1922 has no day 30"):
        edits.apply(blank, edits.put_event(_event(quote_at(0, 5), date="1922-02-30")))


def test_accepting_suggestions_reuses_places_and_renames_clashing_ids(blank):
    genoa = {
        "id": "genoa",
        "name": "Genoa",
        "modern_name": "Genova",
        "kind": "city",
        "lat": 44.4,
        "lon": 8.9,
        "geonames": 3176219,
    }
    index = edits.apply(blank, edits.put_place(genoa))
    index = edits.apply(index, edits.put_event(_event(quote_at(0, 5))))
    suggested = {
        "places": [
            dict(genoa, id="genova"),
            {
                "id": "rapallo",
                "name": "Rapallo",
                "modern_name": "Rapallo",
                "kind": "city",
                "lat": 44.35,
                "lon": 9.23,
                "geonames": 3169602,
            },
        ],
        "events": [_event(quote_at(34, 47), ["rapallo"]), dict(_event(quote_at(14, 19), ["genova"]), id="skip")],
    }
    index = edits.apply(index, edits.accept_suggestions(suggested, {"went"}))
    assert set(index.events) == {"went", "went-2"}
    assert index.events["went-2"].place_ids == ["rapallo"] and "rapallo" in index.places
    index = edits.apply(index, edits.accept_suggestions(suggested, {"skip"}))
    assert index.events["skip"].place_ids == ["genoa"]  # the same name: the existing place
    assert "genova" not in index.places

"""Ids for places and events: one slug rule, unique and valid for the index schema."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapviewer.model.ids import MAX_ID_LENGTH, SLUG_LENGTH, is_valid_id, slug, unique_id
from mapviewer.model.index import check_schema


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Treaty of Rapallo", "treaty-of-rapallo"),
        ("  Trade agreement, signed \u2014 caf\u00e9 talk!  ", "trade-agreement-signed-cafe-talk"),
        ("\u0141\u00f3d\u017a, 1920", "lodz-1920"),
        ("Bia\u0142ystok", "bialystok"),
        ("Stra\u00dfe", "strasse"),
        ("Lenin's \u2018New\u2019 Policy", "lenins-new-policy"),
        ("\uff2e\uff25\uff30", "nep"),  # full-width letters fold to ASCII too
        ("\u0414\u043e\u0433\u043e\u0432\u043e\u0440", "item"),  # nothing survives: the fallback
        ("--- \U0001f600 ---", "item"),
    ],
)
def test_slug_examples(text, expected):
    assert slug(text) == expected


def test_slug_fallback_is_the_callers_and_must_be_a_valid_id():
    assert slug("\u0414\u043e\u0433\u043e\u0432\u043e\u0440", fallback="event") == "event"
    with pytest.raises(ValueError, match="not a valid id"):
        slug("x", fallback="Not An Id")


def test_long_text_is_cut_at_the_slug_length_without_a_trailing_hyphen():
    cut = slug("word " * 40)
    assert len(cut) <= SLUG_LENGTH and not cut.endswith("-")
    assert cut == ("word-" * 12)[:SLUG_LENGTH].rstrip("-")


def test_unique_id_numbers_a_taken_id():
    used = {"treaty-of-rapallo", "treaty-of-rapallo-2"}
    assert unique_id("Treaty of Rapallo", used) == "treaty-of-rapallo-3"
    assert unique_id("Treaty of Rapallo", set()) == "treaty-of-rapallo"
    assert unique_id("\u0414\u043e\u0433\u043e\u0432\u043e\u0440", {"event"}, fallback="event") == "event-2"


def test_a_numbered_long_id_stays_within_the_schema():
    base = slug("x" * 100)
    used = {base, *(f"{base}-{n}" for n in range(2, 1001))}
    found = unique_id("x" * 100, used)
    assert found == f"{base}-1001" and is_valid_id(found) and len(found) <= MAX_ID_LENGTH


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=120), st.sets(st.text(max_size=10), max_size=5))
def test_any_text_gives_a_schema_valid_new_id_and_slugging_twice_changes_nothing(text, noise):
    first = unique_id(text, noise)
    used = {first, *noise}
    second = unique_id(text, used)
    assert second not in used and first not in noise
    assert slug(slug(text)) == slug(text)
    for made in (first, second):
        assert is_valid_id(made)
        check_schema(
            {
                "format": "mapviewer-index",
                "version": 1,
                "passage": {"file": "p.txt"},
                "places": [],
                "events": [],
                "tours": [{"id": made, "title": "t", "steps": []}],
            }
        )

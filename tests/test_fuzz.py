"""Property-based tests: the loaders raise only their own error type, and round trips hold."""

from __future__ import annotations

import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapviewer.model.anchors import AnchorError, TextQuote, resolve_anchor
from mapviewer.model.dates import DateError, HistDate
from mapviewer.model.errors import InputError
from mapviewer.model.index import index_from_json, parse_index_bytes
from mapviewer.model.passage import Passage

MANY = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)

date_like = st.one_of(
    st.text(max_size=30),
    st.from_regex(
        r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?|-(spring|summer|autumn|winter))?"
        r"(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?\Z"
    ),
)


@MANY
@given(date_like)
def test_date_parser_raises_only_date_error(text):
    try:
        date = HistDate.parse(text)
    except DateError:
        return
    assert date.start <= date.end
    assert HistDate.parse(date.text) == date
    assert date.label()


@MANY
@given(st.text(max_size=200), st.text(min_size=0, max_size=8), st.text(max_size=4), st.text(max_size=4))
def test_anchor_resolver_raises_only_anchor_error(text, exact, prefix, suffix):
    quote = TextQuote(exact, prefix, suffix)
    try:
        start, end = resolve_anchor(text, quote)
    except AnchorError:
        return
    assert text[start:end] == exact
    assert text[:start].endswith(prefix) and text[end:].startswith(suffix)


@MANY
@given(st.binary(max_size=300))
def test_index_bytes_raise_only_input_error(raw):
    try:
        parse_index_bytes(raw, "fuzz.index.json")
    except InputError as exc:
        assert exc.message.startswith("fuzz.index.json: ")


PASSAGE_TEXT = (
    "Genoa met in April. Rapallo followed on the 16th. Berlin talked; London traded.\nMoscow waited. Genoa met again."
)
PASSAGE = Passage(PASSAGE_TEXT, "p.txt")
BASE = {
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
            "anchor": {"type": "TextQuoteSelector", "exact": "Rapallo followed"},
            "summary": "s",
        }
    ],
}


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paths(child, (*prefix, i))


ALL_PATHS = list(_paths(BASE))[1:]


@MANY
@given(st.sampled_from(ALL_PATHS), json_values)
def test_index_loader_raises_only_input_error_on_mutations(path, replacement):
    data = copy.deepcopy(BASE)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = replacement
    try:
        index_from_json(data, PASSAGE, "fuzz.index.json")
    except InputError as exc:
        assert exc.message.startswith("fuzz.index.json")


@MANY
@given(json_values)
def test_index_loader_raises_only_input_error_on_any_json(data):
    try:
        index_from_json(data, PASSAGE, "fuzz.index.json")
    except InputError:
        pass


ids = st.from_regex(r"\A[a-z][a-z0-9-]{0,10}\Z")
texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
points = st.sampled_from(["1920", "1921-03", "1921-03-16", "1920-autumn", "1920-winter"])
ANCHORS = ["Genoa met in April.", "Rapallo followed", "Berlin talked", "London traded.", "Moscow waited."]


@st.composite
def indexes(draw):
    place_ids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    places = [
        {
            "id": pid,
            "name": draw(texts),
            "modern_name": draw(texts),
            "kind": draw(st.sampled_from(["city", "country", "region", "site"])),
            "lat": draw(st.floats(-90, 90)),
            "lon": draw(st.floats(-180, 180)),
            **draw(
                st.sampled_from([{"wikidata": "Q64"}, {"geonames": 2950159}, {"wikidata": "Q90", "geonames": 2988507}])
            ),
            **({"mentions": draw(st.lists(texts, max_size=2))} if draw(st.booleans()) else {}),
        }
        for pid in place_ids
    ]
    event_ids = draw(st.lists(ids, max_size=len(ANCHORS), unique=True))
    anchors = draw(st.permutations(ANCHORS))
    events = []
    for eid, exact in zip(event_ids, anchors, strict=False):
        date = draw(points)
        if draw(st.booleans()):
            date = f"{date}/1922-12-31"
        event = {
            "id": eid,
            "title": draw(texts),
            "date": date,
            "places": [
                {"place": p, "role": draw(texts)} for p in draw(st.lists(st.sampled_from(place_ids), max_size=3))
            ],
            "anchor": {"type": "TextQuoteSelector", "exact": exact},
            "summary": draw(texts),
        }
        if draw(st.booleans()):
            event["people"] = draw(st.lists(texts, max_size=3))
        events.append(event)
    return {"format": "mapviewer-index", "version": 1, "passage": {"file": "p.txt"}, "places": places, "events": events}


@MANY
@given(indexes())
def test_save_then_load_gives_back_the_same_index(data):
    index = index_from_json(data, PASSAGE, "a.index.json")
    saved = json.loads(json.dumps(index.to_json()))
    again = index_from_json(saved, PASSAGE, "a.index.json")
    assert again.to_json() == index.to_json() == saved
    assert again.events == index.events and again.places == index.places

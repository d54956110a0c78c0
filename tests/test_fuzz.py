"""Property-based tests: the loaders raise only their own error type, and round trips hold."""

from __future__ import annotations

import copy
import json
import string

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


# Built from parts rather than drawn with st.from_regex, which took half of these tests' time:
# the same strings, YYYY[-MM[-DD] | -season][/YYYY[-MM[-DD]]].
def _digits(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=string.digits, min_size=n, max_size=n)


def _joined(*parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(*parts).map("".join)


_optional = st.just("")
_month_day = _joined(st.just("-"), _digits(2), _optional | _joined(st.just("-"), _digits(2)))
_seasons = st.sampled_from(["-spring", "-summer", "-autumn", "-winter"])
date_like = st.one_of(
    st.text(max_size=30),
    _joined(
        _digits(4),
        _optional | _month_day | _seasons,
        _optional | _joined(st.just("/"), _digits(4), _optional | _month_day),
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


ids = _joined(
    st.sampled_from(string.ascii_lowercase), st.text(string.ascii_lowercase + string.digits + "-", max_size=10)
)
texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
points = st.sampled_from(["1920", "1921-03", "1921-03-16", "1920-autumn", "1920-winter"])
ANCHORS = ["Genoa met in April.", "Rapallo followed", "Berlin talked", "London traded.", "Moscow waited."]


# The strategies a draw uses, made once (made inside it, each is validated anew every time).
_kinds = st.sampled_from(["city", "country", "region", "site"])
_lats, _lons = st.floats(-90, 90), st.floats(-180, 180)
_authorities = st.sampled_from([{"wikidata": "Q64"}, {"geonames": 2950159}, {"wikidata": "Q90", "geonames": 2988507}])
_mentions, _people = st.lists(texts, max_size=2), st.lists(texts, max_size=3)
_place_ids = st.lists(ids, min_size=1, max_size=5, unique=True)
_event_ids = st.lists(ids, max_size=len(ANCHORS), unique=True)
_anchor_orders = st.permutations(ANCHORS)


@st.composite
def indexes(draw):
    place_ids = draw(_place_ids)
    places = [
        {
            "id": pid,
            "name": draw(texts),
            "modern_name": draw(texts),
            "kind": draw(_kinds),
            "lat": draw(_lats),
            "lon": draw(_lons),
            **draw(_authorities),
            **({"mentions": draw(_mentions)} if draw(st.booleans()) else {}),
        }
        for pid in place_ids
    ]
    event_ids = draw(_event_ids)
    anchors = draw(_anchor_orders)
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
            event["people"] = draw(_people)
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


# ---- hostile values (issue 13): NaN and Infinity, lone surrogates, huge integers, BOM-like ------
# characters, long names and big inputs, into the loader, `check`, save, CSV import and the
# exports, each example under a deadline so a quadratic path fails. Outcomes are counted for the
# figures table in docs/security.md (MAPVIEWER_FUZZ_FIGURES=path writes them as JSON).

import os  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from datetime import timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from mapviewer import cli  # noqa: E402
from mapviewer.interchange import save as saving  # noqa: E402
from mapviewer.interchange.annotations import write_annotations  # noqa: E402
from mapviewer.interchange.csv_import import import_events_csv  # noqa: E402
from mapviewer.interchange.lpf import write_geojson, write_lpf  # noqa: E402
from mapviewer.model.index import check_schema  # noqa: E402

HOSTILE = settings(
    max_examples=int(os.environ.get("MAPVIEWER_FUZZ_EXAMPLES", "300")),
    deadline=timedelta(seconds=3),  # a quadratic path on the big inputs takes far longer
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
FIGURES: Counter = Counter()
BOM_LIKE = "\ufeff\ufffe\u200b\u2028\u2029\u202e\u0000"

hostile_text = st.one_of(
    st.text(max_size=30),  # lone surrogates included: hypothesis draws category Cs too
    st.text(st.sampled_from(BOM_LIKE + "aG "), max_size=30),
    st.builds(lambda c, n: c * n, st.sampled_from("a\ufeff\ud800 x"), st.integers(1900, 2100)),  # about the limit
    st.builds(lambda n: "Genoa " * n, st.integers(0, 20_000)),  # big
)
hostile_numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
    st.integers(min_value=10**20, max_value=10**300),
    st.just(float("nan")),
    st.just(float("inf")),
)
hostile_values = st.recursive(
    st.none() | st.booleans() | hostile_numbers | hostile_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(hostile_text, children, max_size=4),
    max_leaves=12,
)


@pytest.fixture(scope="module", autouse=True)
def _figures():
    yield
    target = os.environ.get("MAPVIEWER_FUZZ_FIGURES")
    if target:
        Path(target).write_text(json.dumps(dict(sorted(FIGURES.items())), indent=2) + "\n", "utf-8")


def _count(kind: str, outcome: str) -> None:
    FIGURES[f"{kind}: tried"] += 1
    FIGURES[f"{kind}: {outcome}"] += 1


def _hostile_file_text(data: object, huge_digits: int) -> str:
    # allow_nan: the attacker's file may hold NaN; a huge integer is spliced in as text
    # (Python will not even print one of more than 4300 digits).
    text = json.dumps(data, allow_nan=True)
    if huge_digits:
        text = text.replace('"geonames": 3176219', '"geonames": ' + "7" * huge_digits, 1)
    return text


@HOSTILE
@given(st.sampled_from(ALL_PATHS), hostile_values, st.sampled_from([0, 0, 30, 4301, 6000]))
def test_hostile_values_reach_the_loader_and_leave_only_input_errors(path, replacement, huge_digits):
    data = copy.deepcopy(BASE)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = replacement
    raw = _hostile_file_text(data, huge_digits).encode("utf-8", "surrogatepass")
    try:
        index_from_json(check_schema(parse_index_bytes(raw, "fuzz.index.json"), "fuzz.index.json"), PASSAGE, "f")
    except InputError as exc:
        assert exc.message.startswith("fuzz.index.json") or exc.message.startswith("f:")
        _count("loader", "clean error")
        return
    _count("loader", "loaded")


@settings(HOSTILE, max_examples=max(20, HOSTILE.max_examples // 5))
@given(st.sampled_from(ALL_PATHS), hostile_values, st.sampled_from([0, 5000]))
def test_check_on_hostile_files_is_ok_or_one_line_and_exit_2(tmp_path_factory, capsys, path, replacement, digits):
    folder = tmp_path_factory.mktemp("check")
    (folder / "p.txt").write_text(PASSAGE_TEXT, "utf-8")
    data = copy.deepcopy(BASE)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = replacement
    index = folder / "p.index.json"
    index.write_bytes(_hostile_file_text(data, digits).encode("utf-8", "surrogatepass"))
    code = cli.main(["check", str(index)])
    out, err = capsys.readouterr()
    if code == 0:
        assert "OK" in out and err == ""
        _count("check (command line)", "OK")
    else:
        assert code == 2 and len(err.splitlines()) == 1 and err.startswith("mapviewer: "), err
        _count("check (command line)", "clean error")


# Made once: strategies built inside a draw are described (their lambdas parsed) and validated anew each time.
_hostile_field = hostile_text.filter(lambda t: 0 < len(t) <= 2000)
_text_or_hostile = st.one_of(texts, _hostile_field)


@st.composite
def hostile_indexes(draw):
    data = draw(indexes())
    for place in data["places"]:
        place["name"] = draw(_text_or_hostile)
        place["note"] = draw(_hostile_field)
    for event in data["events"]:
        event["summary"] = draw(_text_or_hostile)
    return data


@HOSTILE
@given(hostile_indexes())
def test_saving_and_exporting_hostile_text_is_whole_or_a_clean_error(tmp_path_factory, data):
    """Whatever text an index holds, save and each export write a file that parses (no NaN, no
    lone surrogate) and loads back the same, or refuse with an InputError and write nothing."""
    folder = tmp_path_factory.mktemp("save")
    (folder / "p.txt").write_text(PASSAGE_TEXT, "utf-8")
    try:
        index = index_from_json(data, Passage(PASSAGE_TEXT, str(folder / "p.txt")), str(folder / "a.index.json"))
    except InputError:
        _count("save and exports", "clean error")
        return
    for kind, write, name in [
        ("save", saving.save_index, "a.index.json"),
        ("Linked Places export", write_lpf, "a.jsonld"),
        ("GeoJSON export", write_geojson, "a.geojson"),
        ("Web Annotations export", write_annotations, "a.annotations.jsonld"),
    ]:
        target = folder / name
        try:
            write(index, target)
        except InputError as exc:
            assert "surrogate" in exc.message, exc.message
            assert not target.exists()
            _count(kind, "clean error")
            continue
        written = json.loads(target.read_bytes().decode("utf-8"), parse_constant=pytest.fail)
        if kind == "save":
            assert index_from_json(written, index.passage, str(target)).to_json() == index.to_json()
        _count(kind, "written and read back")
    assert not list(folder.glob(".*.tmp"))


csv_cells = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["1922-04-10", "16 March 1921", "13/32/1921", "Genoa", "genoa: venue", "Rapallo followed"]),
    st.text(st.sampled_from(BOM_LIKE + '"\n,;\t\r G'), max_size=40),
    st.builds(lambda n: "Genoa met " * n, st.integers(0, 3000)),
)


@HOSTILE
@given(
    st.lists(st.lists(csv_cells, min_size=0, max_size=6), max_size=30),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_csv_import_of_hostile_cells_gives_events_or_clean_messages(tmp_path_factory, rows, delimiter, encoding):
    import csv
    import io

    folder = tmp_path_factory.mktemp("csv")
    index = index_from_json(
        copy.deepcopy(BASE), Passage(PASSAGE_TEXT, str(folder / "p.txt")), str(folder / "p.index.json")
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["date", "title", "places", "quote"])
    writer.writerows(rows)
    raw = (
        buffer.getvalue().encode(encoding, "replace")
        if encoding != "utf-8"
        else buffer.getvalue().encode("utf-8", "surrogatepass")
    )
    (folder / "in.csv").write_bytes(raw)
    started = time.perf_counter()
    try:
        new, messages = import_events_csv(folder / "in.csv", index)
    except InputError:
        _count("CSV import", "clean error")
        return
    assert time.perf_counter() - started < 3
    assert all(isinstance(m, str) and "\n" not in m.strip() or m.startswith("row") for m in messages)
    _count("CSV import", f"imported ({'with' if messages else 'no'} row messages)")
    assert len(new.events) >= len(index.events)

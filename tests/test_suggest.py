"""The suggest engine: gazetteer, dates, drafts and `mapviewer suggest`, measured on the Carr passage."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapviewer.model.dates import HistDate
from mapviewer.model.index import PlaceEventIndex, check_schema, index_from_json, load_index
from mapviewer.model.passage import Passage
from mapviewer.paths import geodata_path, resource_path
from mapviewer.suggest.cli import main as suggest_main
from mapviewer.suggest.dates import find_dates
from mapviewer.suggest.draft import draft_index, suggest_index
from mapviewer.suggest.gazetteer import load_gazetteer

CARR_INDEX = resource_path("passages", "carr-1979-pp42-46.index.json")
PLACE_RECALL_FLOOR = 0.80
# 75% before issue 14, when every clause with a date was drafted; Carr's index also indexes comment and dates from
# outside the text, which the engine no longer drafts. It is at 66% after round 4 (docs/suggest.md).
DATE_RECALL_FLOOR = 0.65
SAME_PLACE_KM = 25.0


@pytest.fixture(scope="module")
def carr() -> PlaceEventIndex:
    return load_index(CARR_INDEX)


@pytest.fixture(scope="module")
def carr_draft(carr):
    # The passage alone: the hand-made index is only the yardstick.
    return draft_index(Passage(carr.passage.text, carr.passage.path))


# --- the gazetteer -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "period_name, modern_name, lat, lon",
    [
        ("Reval", "Tallinn", 59.437, 24.754),
        ("Kristiania", "Oslo", 59.913, 10.746),
        ("Danzig", "Gdańsk", 54.352, 18.646),
        ("Lemberg", "Lviv", 49.838, 24.023),
        ("Tiflis", "Tbilisi", 41.694, 44.834),
        ("Petrograd", "Saint Petersburg", 59.939, 30.314),
        ("Dorpat", "Tartu", 58.381, 26.725),
        ("Königsberg", "Kaliningrad", 54.707, 20.511),
        ("Pressburg", "Bratislava", 48.148, 17.107),
        ("Agram", "Zagreb", 45.814, 15.978),
        ("Laibach", "Ljubljana", 46.051, 14.505),
        ("Fiume", "Rijeka", 45.327, 14.442),
        ("Constantinople", "Istanbul", 41.014, 28.950),
        ("Smyrna", "İzmir", 38.412, 27.138),
        ("Helsingfors", "Helsinki", 60.170, 24.935),
        ("Abo", "Turku", 60.452, 22.269),
        ("Tsaritsyn", "Volgograd", 48.714, 44.498),
        ("Memel", "Klaipėda", 55.707, 21.139),
        ("Wilno", "Vilnius", 54.689, 25.280),
        ("Kovno", "Kaunas", 54.902, 23.909),
        ("Breslau", "Wrocław", 51.103, 17.030),
        ("Ödenburg", "Sopron", 47.685, 16.590),
        ("Carlsbad", "Karlovy Vary", 50.233, 12.871),
    ],
)
def test_gazetteer_resolves_period_names(period_name, modern_name, lat, lon):
    place = load_gazetteer().lookup(period_name)
    assert place is not None, period_name
    assert place.modern_name == modern_name
    assert abs(place.lat - lat) <= 0.1 and abs(place.lon - lon) <= 0.1, (place.lat, place.lon)


def test_gazetteer_names_states_and_regions_of_the_period():
    gazetteer = load_gazetteer()
    for name, kind in [
        ("Soviet Russia", "country"),
        ("Germany", "country"),
        ("Britain", "country"),
        ("England", "country"),
        ("Scandinavia", "region"),
        ("the Baltic", "region"),
        ("Bessarabia", "region"),
        ("the Ruhr", "region"),
        ("East Prussia", "region"),
        ("the Caucasus", "region"),
        ("Silesia", "region"),
        ("Ukraine", "country"),
    ]:
        place = gazetteer.lookup(name)
        assert place is not None and place.kind == kind, name
    assert gazetteer.lookup("Britain") is gazetteer.lookup("Great Britain")


def test_gazetteer_is_small_and_every_place_is_a_valid_index_place():
    path = geodata_path("gazetteer.json")
    assert path.stat().st_size < 1_000_000
    gazetteer = load_gazetteer()
    assert len(gazetteer.places) > 500
    ids = [p.id for p in gazetteer.places.values()]
    assert len(ids) == len(set(ids))
    data = {
        "format": "mapviewer-index",
        "version": 1,
        "passage": {"file": "x.txt"},
        "places": [p.index_place([p.name]) for p in gazetteer.places.values()],
        "events": [],
    }
    check_schema(data, "gazetteer")
    borders = json.loads(geodata_path("borders.geojson").read_text("utf-8"))
    states = {f["properties"]["state"] for f in borders["features"]}
    for place in gazetteer.places.values():
        assert set(place.states) <= states, place.id


def test_gazetteer_finds_names_in_running_text():
    gazetteer = load_gazetteer()
    text = (
        "Nice weather. Litvinov went to Nice and then to Great Britain; the Brest-Litovsk treaty "
        "and Poland's neighbours. Vladimir Lenin read an Anglo-Soviet note from Reval."
    )
    found = [(m.text, m.place.id, m.by_adjective) for m in gazetteer.find(text)]
    assert ("Nice", "nice", False) in found and found.count(("Nice", "nice", False)) == 1
    assert ("Great Britain", "great-britain", False) in found
    assert ("Brest-Litovsk", "brzesc-litewski", False) in found
    assert ("Poland", "poland", False) in found
    assert ("Anglo", "great-britain", True) in found and ("Soviet", "soviet-russia", True) in found
    assert ("Reval", "tallinn", False) in found
    assert not any(t == "Vladimir" for t, _, _ in found)


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words, value",
    [
        ("signed in London on March 16, 1921.", "on March 16, 1921", "1921-03-16"),
        ("signed on 16 March 1921 in London", "on 16 March 1921", "1921-03-16"),
        ("A treaty was signed on February 2, 1920; and", "on February 2, 1920", "1920-02-02"),
        ("In January 1920 representatives met", "In January 1920", "1920-01"),
        ("in the autumn of 1920 they met", "in the autumn of 1920", "1920-autumn"),
        ("But by the autumn of 1920 peace was restored.", "by the autumn of 1920", "1920-autumn"),
        ("Early in 1922 both governments were invited", "Early in 1922", "1922-01/1922-04"),
        ("the summer of 1920 was hot", "the summer of 1920", "1920-summer"),
        ("murdered in Moscow in 1918.", "in 1918", "1918"),
        ("a public speech in November 1920 noted", "in November 1920", "1920-11"),
        ("In April 1921 Kopp returned", "In April 1921", "1921-04"),
        ("talks held 8\u201316 March 1921", "8\u201316 March 1921", "1921-03-08/1921-03-16"),
        ("from 1918 to 1920 the war", "from 1918 to 1920", "1918/1920"),
        ("spent most of 1919 in prison", "most of 1919", "1919"),
        ("late in the summer of 1921", "late in the summer of 1921", "1921-08"),
        ("at the end of March 1921", "at the end of March 1921", "1921-03-21/1921-03-31"),
    ],
)
def test_dates_stated_in_full(text, words, value):
    (found,) = find_dates(text)
    assert (found.text, found.value) == (words, value)
    assert text[found.start : found.end] == words
    HistDate.parse(found.value)


@pytest.mark.parametrize(
    "text, words, value",
    [
        ("In April 1921 Kopp came. A delegation visited Moscow during the summer.", "during the summer", "1921-summer"),
        ("In March 1920 Lenin spoke. A few days later Krasin set out.", "A few days later", "1920-03-03/1920-04-06"),
        ("The congress met on March 8, 1921. A week after that, Krasin left.", "A week after", "1921-03-15"),
        (
            "Just a week after Lenin had introduced NEP, a treaty was signed on March 16, 1921.",
            "Just a week after",
            "1921-03-09",
        ),
        (
            "But by the autumn of 1920 peace was restored. Krasin spent most of the winter in London.",
            "most of the winter",
            "1920-winter",
        ),
        ("In January 1920 talks began, and in May Krasin was received.", "in May", "1920-05"),
        ("In September 1921 they agreed, and in February the talks resumed.", "in February", "1922-02"),
        ("Genoa opened early in 1922 and met on April 10.", "on April 10", "1922-04-10"),
        ("On March 17, 1921, the rising began. The following year it was forgotten.", "The following year", "1922"),
    ],
)
def test_dates_resolved_against_the_text_before_them(text, words, value):
    found = {f.text: f.value for f in find_dates(text)}
    assert found.get(words) == value, found
    for v in found.values():
        HistDate.parse(v)


@pytest.mark.parametrize(
    "text",
    [
        'known in party history as the "March action".',
        "They may march to the front in spring.",
        "a force of 1500 men",
        "Source: pp. 42-46 and pp. 1919-1920.",
        "During the summer they rested.",  # nothing to resolve "the summer" against
    ],
)
def test_non_dates_are_not_dates(text):
    assert find_dates(text) == []


def test_context_carries_over_from_an_earlier_paragraph():
    (found,) = find_dates("In May Krasin left.", context="1920-01")
    assert found.value == "1920-05"


# --- drafts ------------------------------------------------------------------------------


def test_the_draft_for_carr_validates_and_loads(carr, carr_draft):
    index = index_from_json(carr_draft.data, carr.passage, "draft.index.json")
    body = [p for p in carr.passage.paragraphs if p.kind == "body"]
    assert index.events and index.places
    for event in index.events.values():
        assert any(p.start <= event.span[0] and event.span[1] <= p.end for p in body), event.id
        assert event.people == ()
        assert "\n" not in event.summary and len(event.title) <= 80
    for place in index.places.values():
        for mention in place.mentions:
            assert re.search(rf"(?<!\w){re.escape(mention)}(?!\w)", carr.passage.text), mention
    # Krasin's sentence has places but no date: it is dated from context, and says so.
    (krasin,) = [e for e in index.events.values() if e.anchor.exact.startswith("A Russian trading company")]
    assert "(date from context)" in krasin.summary
    assert krasin.date.start == HistDate.parse("1920-autumn").start


def test_the_draft_skips_introduction_and_source_and_makes_repeated_anchors_unique():
    text = (
        "An editor's note on Berlin in 1918.\n==========\n"
        "Peace was signed at Riga on October 12, 1920. Talks resumed in Moscow.\n"
        "Peace was signed at Riga on October 12, 1920.\n"
        "Source: a book printed in Paris in 1979.\n"
    )
    passage = Passage(text, "/tmp/riga.txt")
    data = suggest_index(passage)
    index = index_from_json(data, passage, "riga.index.json")
    assert {p.id for p in index.places.values()} == {"riga", "moscow"}
    assert [e.date.text for e in index.events.values()] == ["1920-10-12", "1920-10-12", "1920-10-12"]
    assert len({e.span for e in index.events.values()}) == 3
    assert data["passage"] == {"file": "riga.txt", "title": "riga", "source": "a book printed in Paris in 1979."}


def test_a_passage_with_places_and_no_dates_lists_places_without_events():
    passage = Passage("Krasin travelled between London and Stockholm.\n", "p.txt")
    data = suggest_index(passage)
    index = index_from_json(data, passage, "p.index.json")
    assert set(index.places) == {"london", "stockholm"} and not index.events


_PIECES = [
    "In",
    "on",
    "in",
    "by",
    "the",
    "winter",
    "summer of",
    "May",
    "March",
    "April 10,",
    "16",
    "1920",
    "1921",
    "a few days later",
    "a week after",
    "early in",
    "Reval",
    "Danzig",
    "Nice",
    "Great Britain",
    "Soviet",
    "German",
    "Anglo-Soviet",
    "treaty",
    "was signed",
    ",",
    ";",
    ".",
    ". ",
    "\n",
    '"',
    "–",
    "E. H.",
    "St.",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join))
def test_any_text_gives_a_draft_that_validates(body):
    passage = Passage(body, "fuzz.txt")
    index = index_from_json(suggest_index(passage), passage, "fuzz.index.json")
    for event in index.events.values():
        assert event.span[0] < event.span[1]


# --- measured on the Carr passage --------------------------------------------------------


def _km(a, b) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def same_place(a, b) -> bool:
    """A shared name (name, today's name or a mention, ignoring case), or the same kind within 25 km."""
    names = lambda p: {n.casefold() for n in (p.name, p.modern_name, *p.mentions)}  # noqa: E731
    return bool(names(a) & names(b)) or (a.kind == b.kind and _km(a, b) <= SAME_PLACE_KM)


def _spans_overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _dates_overlap(a: HistDate, b: HistDate) -> bool:
    return a.start <= b.end and b.start <= a.end


def measure(suggested: PlaceEventIndex, reference: PlaceEventIndex, found_dates) -> dict:
    """Recall and precision of places and dates, as defined in docs/suggest.md."""
    named = [r for r in reference.places.values() if r.mentions]
    place_recall = sum(any(same_place(s, r) for s in suggested.places.values()) for r in named) / len(named)
    place_precision = sum(
        any(same_place(s, r) for r in reference.places.values()) for s in suggested.places.values()
    ) / len(suggested.places)

    def dated_right(span, date) -> bool:
        return any(_spans_overlap(span, r.span) and _dates_overlap(date, r.date) for r in reference.events.values())

    found_events = [
        r
        for r in reference.events.values()
        if any(_spans_overlap(s.span, r.span) and _dates_overlap(s.date, r.date) for s in suggested.events.values())
    ]
    return {
        "place_recall": place_recall,
        "place_precision": place_precision,
        "date_recall": len(found_events) / len(reference.events),
        "date_precision": sum(dated_right(s.span, s.date) for s in suggested.events.values()) / len(suggested.events),
        "expression_precision": sum(dated_right((f.start, f.end), f.date) for f in found_dates) / len(found_dates),
        "missed_events": [r.id for r in reference.events.values() if r not in found_events],
    }


def test_places_and_dates_measured_against_the_hand_made_index(carr, carr_draft):
    suggested = index_from_json(carr_draft.data, carr.passage, "draft.index.json")
    scores = measure(suggested, carr, carr_draft.dates)
    print(
        "\nCarr, pp. 42-46: "
        + ", ".join(f"{k} {v:.0%}" for k, v in scores.items() if k != "missed_events")
        + f"; {len(suggested.places)} places, {len(carr_draft.dates)} dates, {len(suggested.events)} events"
        + f"; missed: {', '.join(scores['missed_events'])}"
    )
    assert scores["place_recall"] >= PLACE_RECALL_FLOOR, scores
    assert scores["date_recall"] >= DATE_RECALL_FLOOR, scores


# --- the command line --------------------------------------------------------------------


@pytest.fixture
def passage_file(tmp_path, carr) -> Path:
    path = tmp_path / "carr.txt"
    path.write_text(carr.passage.text, encoding="utf-8")
    return path


def test_suggest_writes_a_valid_index_beside_the_passage(passage_file, capsys):
    assert suggest_main([str(passage_file)]) == 0
    written = passage_file.with_name("carr.index.json")
    index = load_index(written)
    out = capsys.readouterr().out
    assert f"places  {len(index.places):3d}" in out and f"events  {len(index.events):3d}" in out
    assert "dates " in out and str(written) in out


def test_suggest_refuses_to_overwrite_an_index_unless_forced(passage_file, capsys):
    written = passage_file.with_name("carr.index.json")
    written.write_text("{}", encoding="utf-8")
    assert suggest_main([str(passage_file)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("mapviewer: ") and "--force" in err
    assert written.read_text(encoding="utf-8") == "{}"
    assert suggest_main([str(passage_file), "--force"]) == 0
    load_index(written)


def test_suggest_writes_where_out_says(passage_file, tmp_path, capsys):
    out = tmp_path / "draft.index.json"
    assert suggest_main([str(passage_file), "--out", str(out)]) == 0
    assert load_index(out).passage.text == passage_file.read_text(encoding="utf-8")
    # An index the app would refuse to open (its passage outside its folder) is not written.
    elsewhere = tmp_path / "elsewhere" / "draft.index.json"
    elsewhere.parent.mkdir()
    capsys.readouterr()
    assert suggest_main([str(passage_file), "--out", str(elsewhere)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not in this folder" in err and not elsewhere.exists()


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda d: d / "missing.txt", "does not exist"),
        (lambda d: d, "folder"),
        (lambda d: (d / "bin.txt", (d / "bin.txt").write_bytes(b"PK\x03\x04\x00\x00binary"))[0], "binary"),
        (lambda d: (d / "latin1.txt", (d / "latin1.txt").write_bytes("Lw\u00f3w".encode("latin-1")))[0], "UTF-8"),
        (lambda d: (d / "x.index.json", (d / "x.index.json").write_text("{}"))[0], "an index"),
    ],
)
def test_suggest_reports_bad_input_in_one_line(tmp_path, capsys, make, words):
    assert suggest_main([str(make(tmp_path))]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("mapviewer: ") and words in captured.err


def test_suggest_usage_errors_are_one_line(capsys):
    assert suggest_main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "usage: mapviewer suggest" in err


def test_mapviewer_suggest_runs_from_the_command_line_without_qt(passage_file):
    code = (
        "import sys, runpy; sys.argv = ['mapviewer', 'suggest', sys.argv[1]]\n"
        "from mapviewer.__main__ import main\n"
        "rc = main(sys.argv[1:])\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shapely', 'geopandas'))]\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(passage_file)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Wrote" in result.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "mapviewer", "suggest", str(passage_file.with_name("no.txt"))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1


def _drafted(text: str) -> list[tuple[str, str, str, list[str]]]:
    passage = Passage(text + "\n", "p.txt")
    data = suggest_index(passage)
    return [(e["anchor"]["exact"], e["title"], e["date"], [p["place"] for p in e["places"]]) for e in data["events"]]


def test_a_when_clause_without_its_own_date_times_the_action_beside_it():
    events = _drafted("The revolt collapsed in Lisbon on 13 February 1919, when republican troops retook Porto.")
    assert len(events) == 1 and events[0][2] == "1919-02-13" and "oporto" in events[0][3]
    # With a date of its own, a "when" clause is an event.
    events = _drafted("In 1919, when Kun turned on the Romanians on 20 July, his army broke within ten days.")
    assert [e[2] for e in events][:1] == ["1919-07-20"] and len(events) == 2


def test_a_who_clause_with_its_own_date_is_an_event_of_its_own():
    events = _drafted(
        "Sidónio Pais, who had made himself president by a coup in December 1917, "
        "was shot dead in Lisbon on 14 December 1918."
    )
    assert sorted(e[2] for e in events) == ["1917-12", "1918-12-14"]


def test_a_regular_past_tense_outside_the_list_is_an_action_only_with_its_own_date():
    events = _drafted("On 29 March 1920 King Christian X dismissed him in Copenhagen.")
    assert len(events) == 1 and events[0][1].startswith("King Christian X dismisses") and events[0][2] == "1920-03-29"
    assert _drafted("Crowds gathered in Copenhagen in 1920. The unions threatened a general strike.")[1:] == []


def test_a_date_range_is_not_cut_at_its_and_and_an_aside_lends_no_date():
    events = _drafted("In 1920 the Whites fled. Between 14 and 16 November the fleet carried them to Constantinople.")
    assert [e[2] for e in events][-1] == "1920-11-14/1920-11-16"
    events = _drafted(
        "The Treaty of Versailles gave the people of Schleswig, taken from Denmark by Prussia in 1864, "
        "a vote. On 10 February 1920 the northern zone voted for Denmark."
    )
    assert [e[2] for e in events] == ["1920-02-10"]


def test_a_government_or_parliament_acts_at_its_seat():
    # A parliament that names its state, in a paragraph whose story is elsewhere.
    events = _drafted(
        "The treaty was signed in London on 6 December 1921. The Dáil approved it on 7 January 1922 by 64 votes to 57."
    )
    assert "dublin" in events[-1][3] and "london" not in events[-1][3]
    # "the Polish government": the adjective names the state.
    events = _drafted("Fighting went on near Vilna in May 1920. On 2 June the Polish government resigned.")
    assert events[-1][3][:1] == ["warsaw"]
    # The League's council sits where it meets, not at a capital; a clause that names its place keeps it.
    events = _drafted("Fighting went on near Vilna in May 1920. On 2 June the League's council protested.")
    assert "warsaw" not in events[-1][3]
    events = _drafted("On 2 June 1920 the Polish government met in Lublin.")
    assert "lublin" in events[-1][3] and "warsaw" not in events[-1][3]
    # A king travels: "King Christian X rode across the frontier" is not at Copenhagen.
    events = _drafted("Flensburg voted on 14 March 1920. On 10 July King Christian X rode across the old frontier.")
    assert "copenhagen" not in events[-1][3]


def test_a_new_subject_with_a_passive_after_and_is_an_event_of_its_own():
    events = _drafted("Trotsky arrived in Petrograd on 17 October 1919, and the city was fortified street by street.")
    assert [e[0] for e in events] == [
        "Trotsky arrived in Petrograd on 17 October 1919",
        "the city was fortified street by street",
    ]
    # Without a subject of its own the participle still joins the action before it.
    events = _drafted("Trotsky arrived in Petrograd on 17 October 1919 and was greeted by crowds.")
    assert len(events) == 1


def test_a_clause_that_names_no_place_is_also_at_the_place_its_paragraph_is_about():
    text = (
        "Luxembourg, occupied by the Germans throughout the war, had its own crisis. On 10 May 1919 the talks in "
        "Paris on an economic union with France failed. On 28 September 1919 a referendum kept Charlotte on the throne."
    )
    events = _drafted(text)
    assert events[-1][0].startswith("On 28 September 1919 a referendum")
    assert events[-1][3][0] == "luxembourg" and "paris" in events[-1][3]  # added, not put instead
    places = suggest_index(Passage(text + "\n", "p.txt"))["events"][-1]["places"]
    assert places[0] == {"place": "luxembourg", "role": "what the paragraph is about"}
    # A clause that names its own place is where it says.
    assert "luxembourg" not in events[-2][3]
    # A paragraph whose head names no place: the place the passage names most often (three times here).
    events = _drafted(
        "Upper Silesia was to vote under the treaty. The vote in Upper Silesia was held on 20 March 1921, and "
        "Upper Silesia stayed divided. Poland protested on 25 March.\n\n"
        "The result angered the miners. A rising began in the night of 2 May 1921."
    )
    assert events[-1][3][:2] == ["upper-silesia", "poland"]


def test_a_date_before_or_after_a_named_event_counts_from_that_event():
    # "the day before the vote" is the day before the vote, not before "a week earlier", the date said last.
    found = find_dates(
        "The vote was held on 11 July 1920. A week earlier the Soviet army had crossed the border, and the day "
        "before the vote the Polish prime minister appealed to the Allies."
    )
    assert [(f.text, f.value) for f in found][-1] == ("the day before", "1920-07-10")
    found = find_dates(
        "The armistice came on 11 November 1918. Riots broke out on 9 November. A week after the armistice"
    )
    assert [(f.text, f.value) for f in found][-1] == ("A week after", "1918-11-18")
    # A noun that is not an event, or one the text has not dated, leaves the date said last.
    found = find_dates("The army crossed on 4 July 1920. The day after the crossing they rested.")
    assert [(f.text, f.value) for f in found][-1] == ("The day after", "1920-07-05")


def test_a_regular_past_tense_followed_by_a_date_is_an_action():
    # "declined" with no object but a date after it: the Court's refusal is an event of its own, not part of the
    # undated refusal before it.
    events = _drafted(
        "Finland took the case to the League in 1923. Soviet Russia refused to take part, and the Court declined "
        "on 23 July 1923 to give an opinion without it."
    )
    assert events[-1][0].startswith("the Court declined on 23 July 1923") and events[-1][2] == "1923-07-23"
    # Without a date after it, it is still no verb of its own: "the talks declined" joins nothing new.
    assert len(_drafted("On 2 May 1923 the talks opened, and interest declined.")) == 1

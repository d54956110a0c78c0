"""The passages written for measuring the suggest engine, their gold events, and the measures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapviewer.model.dates import HistDate
from mapviewer.suggest.dates import find_dates
from mapviewer.suggest.evaluate import Found, GoldEvent, date_matches, event_matches, one_to_one, score
from mapviewer.suggest.gazetteer import load_gazetteer

DATA = Path(__file__).parent / "data" / "suggest"
GOLD = sorted(DATA.glob("*.gold.json"))


def test_there_are_at_least_three_passages_and_one_is_held_out():
    golds = [json.loads(p.read_text("utf-8")) for p in GOLD]
    assert len(golds) >= 3 and any(g["held_out"] for g in golds) and not all(g["held_out"] for g in golds)


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_gold_events_quote_their_passage_and_name_known_places(path):
    gold = json.loads(path.read_text("utf-8"))
    text = (DATA / gold["passage"]).read_text("utf-8")
    assert 300 <= len(text.split()) <= 600
    places = load_gazetteer().places
    assert set(gold["places"]) <= set(places)
    for event in gold["events"]:
        assert text.count(event["words"]) == 1, event["words"]
        HistDate.parse(event["date"])
        assert set(event["places"]) <= set(gold["places"]), event


def test_a_date_matches_only_inside_the_gold_interval():
    gold = HistDate.parse("1920-09-21/1920-09-30")
    assert date_matches(HistDate.parse("1920-09-25"), gold)
    assert not date_matches(HistDate.parse("1920-09"), gold)  # vaguer than the text
    assert not date_matches(HistDate.parse("1921-09-25"), gold)  # the wrong year


def test_events_are_matched_one_to_one_by_words_date_and_place():
    gold = [
        GoldEvent("a", 0, 10, HistDate.parse("1920-10-12"), frozenset({"riga"})),
        GoldEvent("b", 0, 10, HistDate.parse("1920-10-12"), frozenset({"riga"})),
    ]
    one = Found("t", 5, 20, HistDate.parse("1920-10-12"), frozenset({"riga", "poland"}))
    assert len(one_to_one([one], gold, event_matches)) == 1  # one suggestion cannot answer two events
    elsewhere = Found("t", 30, 40, HistDate.parse("1920-10-12"), frozenset({"riga"}))
    wrong_place = Found("t", 0, 10, HistDate.parse("1920-10-12"), frozenset({"minsk"}))
    assert not event_matches(elsewhere, gold[0]) and not event_matches(wrong_place, gold[0])


@pytest.mark.parametrize(
    "text, words, value",
    [
        ("The battle was fought between 12 and 25 August 1920.", "between 12 and 25 August 1920",
         "1920-08-12/1920-08-25"),
        ("At Kars, between 26 September and 13 October 1921, they met.", "between 26 September and 13 October 1921",
         "1921-09-26/1921-10-13"),
        ("It lasted from 23 August to 13 September 1921.", "from 23 August to 13 September 1921",
         "1921-08-23/1921-09-13"),
        ("In 1921 the congress sat from 8 to 16 March.", "from 8 to 16 March", "1921-03-08/1921-03-16"),
        ("In July 1920 they met; in late September they fought.", "in late September", "1920-09-21/1920-09-30"),
        ("In 1920. By the first days of August they stood there.", "By the first days of August",
         "1920-08-01/1920-08-07"),
        ("It was agreed in the last days of February 1921.", "in the last days of February 1921",
         "1921-02-22/1921-02-28"),
        ("In 1922. In the second half of September they turned.", "In the second half of September",
         "1922-09-16/1922-09-30"),
        ("Four days after Christmas 1922, they signed.", "Four days after Christmas 1922", "1922-12-29"),
        ("In December 1920. The day after Christmas they left.", "The day after Christmas", "1920-12-26"),
        ("On 13 October 1923 it met, and on the 29th it proclaimed a republic.", "on the 29th", "1923-10-29"),
        ("They talked in June 1920, broke off in July and resumed in the autumn.", "in the autumn", "1920-autumn"),
    ],
)  # fmt: skip
def test_dates_a_historian_writes(text, words, value):
    found = {f.text: f.value for f in find_dates(text)}
    assert found.get(words) == value, found


def test_the_day_after_an_event_is_one_day_after_the_date_before():
    # This crashed (KeyError) until a held-out passage said "a year to the day after the treaty".
    found = find_dates("The treaty was signed on 6 December 1921. It came into being the day after the treaty.")
    assert [(f.text, f.value) for f in found][-1] == ("the day after", "1921-12-07")


def test_a_relative_date_said_beside_a_stated_one_is_not_a_second_date():
    found = find_dates("The fortress fell on 17 March 1921, the day after the British agreement, and a week later")
    assert [(f.text, f.value) for f in found] == [("on 17 March 1921", "1921-03-17"), ("a week later", "1921-03-24")]


# The targets of issue 14 hold over all the passages the engine was tuned on together, and the floors are raised
# to what they reach after round 4 (92% recall, 88% precision, 98% dates); each one keeps a floor below that (Ireland
# 1921-23 reaches 79% event recall: the Dail and the Free State are dated right but a lecturer ticks Dublin, which
# those sentences do not name; Belgium 69% precision). The held-out floors keep what the last fresh passages (the
# eleventh set) reached when they were first measured (docs/suggest.md): 52% recall, 55% precision, 79% dates.
# Round 5 raised the tuned-on precision target to 88% (89% reached). The twelfth set, held out in round 5, keeps
# its own floors at what its passages reached when first measured (the East Prussian plebiscites 50% recall, 36%
# precision and 60% dates; Karelia 52% precision); the eleventh set keeps the floors above. Round 6 raised the
# tuned-on targets to 93% recall and 89% precision (94% and 90% reached); the thirteenth set, held out in round 6,
# keeps its own floors at what its passages reached when first measured (the Kaiser in Holland 50% recall and 53%
# precision; Iceland, Spitsbergen and Greenland 53% precision and 75% dates).
TUNED_TOTAL = {"event_recall": 0.93, "event_precision": 0.89, "place_recall": 0.99, "date_recall": 0.97}
TUNED_FLOORS = {"event_recall": 0.75, "event_precision": 0.68, "place_recall": 0.99, "date_recall": 0.88}
HELD_OUT_FLOORS = {"event_recall": 0.50, "event_precision": 0.55, "place_recall": 0.95, "date_recall": 0.75}
SET_12_FLOORS = {"event_recall": 0.50, "event_precision": 0.35, "place_recall": 0.95, "date_recall": 0.60}
SET_13_FLOORS = {"event_recall": 0.50, "event_precision": 0.50, "place_recall": 0.95, "date_recall": 0.75}
HELD_OUT_SET_FLOORS = {12: SET_12_FLOORS, 13: SET_13_FLOORS}


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_the_measures_hold_their_floors(path):
    scores = score(path)
    floors = HELD_OUT_SET_FLOORS.get(scores.set_number or 0, HELD_OUT_FLOORS) if scores.held_out else TUNED_FLOORS
    for measure, floor in floors.items():
        hits, total = getattr(scores, measure)
        assert hits / total >= floor, (measure, hits, total, scores.missed, scores.unmatched)


def test_the_targets_hold_over_the_tuned_on_passages():
    tuned = [s for s in (score(p) for p in GOLD) if not s.held_out]
    for measure, target in TUNED_TOTAL.items():
        hits = sum(getattr(s, measure)[0] for s in tuned)
        total = sum(getattr(s, measure)[1] for s in tuned)
        assert hits / total >= target, (measure, hits, total)

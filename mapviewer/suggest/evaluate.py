"""Measure a draft index against gold events written by hand: events, places and dates."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ..model.anchors import AnchorError, TextQuote, resolve_anchor
from ..model.dates import HistDate
from ..model.index import JsonObject
from ..model.passage import load_passage
from .draft import draft_index
from .learned import EventModel

# A suggested date matches a gold date when it lies inside the gold interval widened by this
# many days at each end: "a month later" from 18 March is 18 April, inside "April 1921".
DATE_SLACK_DAYS = 3
GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True)
class GoldEvent:
    """An event as a reader marks it: the words that tell it, its date, the places it is at."""

    words: str
    start: int
    end: int
    date: HistDate
    places: frozenset[str]


@dataclass(frozen=True)
class Found:
    """A suggested event reduced to what is measured: its span, date and places."""

    title: str
    start: int
    end: int
    date: HistDate
    places: frozenset[str]


@dataclass(frozen=True)
class Scores:
    """The measures for one passage, as counts (numerator, denominator)."""

    name: str
    held_out: bool
    words: int
    event_recall: tuple[int, int]
    event_precision: tuple[int, int]
    place_recall: tuple[int, int]
    date_recall: tuple[int, int]
    missed: tuple[str, ...]
    unmatched: tuple[str, ...]
    missing_places: tuple[str, ...]
    set_number: int | None = None  # the set of fresh passages it was written in (gold "set"), if recorded


def date_matches(found: HistDate, gold: HistDate) -> bool:
    """The suggested date lies within the gold one (give or take a few days): as precise or more."""
    slack = dt.timedelta(days=DATE_SLACK_DAYS)
    return gold.start - slack <= found.start and found.end <= gold.end + slack


def event_matches(found: Found, gold: GoldEvent) -> bool:
    """Same words (the spans overlap), a date inside the gold date, and a gold place among its places."""
    overlaps = found.start < gold.end and gold.start < found.end
    places = not gold.places or bool(found.places & gold.places)
    return overlaps and places and date_matches(found.date, gold.date)


def one_to_one(found: list[Found], gold: list[GoldEvent], match: Callable[[Found, GoldEvent], bool]) -> dict[int, int]:
    """The largest set of pairs (gold index -> found index) with each event used once (Kuhn's algorithm)."""
    edges = [[j for j, f in enumerate(found) if match(f, g)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def found_events(text: str, draft: JsonObject) -> list[Found]:
    out = []
    for event in cast(list[JsonObject], draft["events"]):
        anchor = event["anchor"]
        try:
            start, end = resolve_anchor(
                text, TextQuote(anchor["exact"], anchor.get("prefix", ""), anchor.get("suffix", ""))
            )
        except AnchorError:
            continue
        places = frozenset(r["place"] for r in event["places"])
        out.append(Found(event["title"], start, end, HistDate.parse(event["date"]), places))
    return out


def gold_events(text: str, gold: JsonObject) -> list[GoldEvent]:
    out = []
    for raw in cast(list[JsonObject], gold["events"]):
        start = text.index(raw["words"])
        out.append(
            GoldEvent(
                raw["words"], start, start + len(raw["words"]), HistDate.parse(raw["date"]), frozenset(raw["places"])
            )
        )
    return out


def score(gold_path: Path, model: EventModel | None = None) -> Scores:
    """Draft an index for the passage beside ``gold_path`` and measure it against the gold file."""
    gold = cast(JsonObject, json.loads(gold_path.read_text("utf-8")))
    passage = load_passage(gold_path.with_name(gold["passage"]))
    draft = draft_index(passage, model=model).data
    text = passage.text
    found = found_events(text, draft)
    wanted = gold_events(text, gold)
    pairs = one_to_one(found, wanted, event_matches)
    dated = sum(
        any(f.start < g.end and g.start < f.end and date_matches(f.date, g.date) for f in found) for g in wanted
    )
    suggested_places = {p["id"] for p in cast(list[JsonObject], draft["places"])}
    gold_places = cast(list[str], gold["places"])
    matched_found = set(pairs.values())
    return Scores(
        name=gold_path.name.removesuffix(GOLD_SUFFIX),
        held_out=bool(gold.get("held_out")),
        words=len(text.split()),
        event_recall=(len(pairs), len(wanted)),
        event_precision=(len(pairs), len(found)),
        place_recall=(sum(p in suggested_places for p in gold_places), len(gold_places)),
        date_recall=(dated, len(wanted)),
        missed=tuple(g.words for i, g in enumerate(wanted) if i not in pairs),
        unmatched=tuple(f"{f.title} ({f.date})" for j, f in enumerate(found) if j not in matched_found),
        missing_places=tuple(p for p in gold_places if p not in suggested_places),
        set_number=cast(int | None, gold.get("set")),
    )


def percent(counts: tuple[int, int]) -> str:
    hits, total = counts
    return f"{100 * hits / total:.0f}% ({hits}/{total})" if total else "\u2014"


def table(scores: list[Scores]) -> str:
    """The measures as a Markdown table, one row per passage and a total for the held-out ones."""
    lines = [
        "| passage | words | event recall | event precision | place recall | date recall |",
        "|---|---|---|---|---|---|",
    ]

    def row(label: str, words: str, rows: list[Scores]) -> str:
        def total(get: Callable[[Scores], tuple[int, int]]) -> tuple[int, int]:
            return sum(get(s)[0] for s in rows), sum(get(s)[1] for s in rows)

        cells = [
            percent(total(lambda s: s.event_recall)),
            percent(total(lambda s: s.event_precision)),
            percent(total(lambda s: s.place_recall)),
            percent(total(lambda s: s.date_recall)),
        ]
        return f"| {label} | {words} | " + " | ".join(cells) + " |"

    for s in scores:
        label = f"`{s.name}`" + (" **(held out)**" if s.held_out else " (tuned on)")
        lines.append(row(label, str(s.words), [s]))
    held = [s for s in scores if s.held_out]
    if held:
        lines.append(row("**all held-out passages**", str(sum(s.words for s in held)), held))
    # A set written together keeps its own total, held out or (later) tuned on, so its figure can be followed.
    for number in sorted({s.set_number for s in scores if s.set_number is not None}):
        members = [s for s in scores if s.set_number == number]
        how = "held out" if all(s.held_out for s in members) else "tuned on"
        lines.append(row(f"set {number} ({how})", str(sum(s.words for s in members)), members))
    tuned = [s for s in scores if not s.held_out]
    if tuned:
        lines.append(row("all tuned-on passages", str(sum(s.words for s in tuned)), tuned))
    return "\n".join(lines)

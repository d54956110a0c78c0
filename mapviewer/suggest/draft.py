"""Draft a place-event index for a passage: its places, its dates and an event per clause."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import cast

from ..model.anchors import UnquotableSpanError, quote_for
from ..model.errors import InputError
from ..model.ids import slug, unique_id
from ..model.index import JsonObject
from ..model.passage import Passage
from .dates import FoundDate, find_dates
from .gazetteer import Gazetteer, PlaceMatch, load_gazetteer

# How a clause without a date of its own is dated (docs/suggest.md): "between" runs from
# the most recent date before it to the next date after it, when the text moves forward;
# "previous" takes the most recent date before it as it is.
CONTEXT_MODES = ("between", "previous")

# Drafting matches every clause against the dates and places of its paragraph, which grows with
# the square of a paragraph's length; longer passages are drafted a chapter at a time.
MAX_SUGGEST_CHARS = 50_000
TITLE_WORDS = 8
ID_WORDS = 6
SUMMARY_CHARS = 280
CONTEXT_MARK = "(date from context)"

_ABBREVIATIONS = set(
    "st mr mrs dr gen col lt capt prof sen rev no nos pp p vol cf ed eds viz"
    " ca jan feb mar apr jun jul aug sep sept oct nov dec fig ch art e.g i.e".split()
)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:and|but|or|yet|so|then|while|whereas)\s+|(?:Finally|Meanwhile|However|Moreover|Thus|"
    r"Nevertheless|Nonetheless|Indeed|Later|Then|But|And|Yet|So)\b,?\s*)+"
)
_TRAILING = " \t,;:.\u2014-"


@dataclass(frozen=True)
class Unit:
    """A sentence or clause that may become an event: its span and what it carries."""

    start: int
    end: int
    dates: tuple[FoundDate, ...] = ()
    places: tuple[PlaceMatch, ...] = ()

    @property
    def names_places(self) -> bool:
        return any(not p.by_adjective for p in self.places)


@dataclass
class Draft:
    """A suggested index (``data``, in the file format) and what it was made from."""

    data: JsonObject
    dates: list[FoundDate] = field(default_factory=list)
    context_dated: int = 0

    @property
    def events(self) -> list[JsonObject]:
        return cast(list[JsonObject], self.data["events"])

    @property
    def places(self) -> list[JsonObject]:
        return cast(list[JsonObject], self.data["places"])


def suggest_index(passage: Passage, gazetteer: Gazetteer | None = None, context: str = "between") -> JsonObject:
    """A draft index for the passage that validates against the schema (see docs/suggest.md)."""
    return draft_index(passage, gazetteer, context).data


def draft_index(passage: Passage, gazetteer: Gazetteer | None = None, context: str = "between") -> Draft:
    """Find places and dates in the body of the passage and draft an event for each clause."""
    if context not in CONTEXT_MODES:
        raise ValueError(f"context must be one of {CONTEXT_MODES}, not {context!r}")
    if len(passage.text) > MAX_SUGGEST_CHARS:
        raise InputError(
            passage.path or passage.name,
            f"the passage is {len(passage.text):,} characters long; suggestions are drafted for up to "
            f"{MAX_SUGGEST_CHARS:,} at a time",
            fix="split it into chapters and draft each one",
        )
    gazetteer = gazetteer or load_gazetteer()
    text = passage.text
    body = [p for p in passage.paragraphs if p.kind == "body"]

    dates: list[FoundDate] = []
    matches: list[PlaceMatch] = []
    units: list[Unit] = []
    for paragraph in body:
        found = find_dates(text, paragraph.start, paragraph.end, context=dates[-1].date if dates else None)
        dates.extend(found)
        places = gazetteer.find(text, paragraph.start, paragraph.end)
        matches.extend(places)
        for start, end in split_clauses(text, paragraph.start, paragraph.end, found, places):
            units.extend(
                split_at_dates(
                    text,
                    Unit(
                        start,
                        end,
                        tuple(d for d in found if start <= d.start < end),
                        tuple(p for p in places if start <= p.start < end),
                    ),
                )
            )

    events: list[JsonObject] = []
    used_places: dict[str, list[str]] = {}
    event_ids: set[str] = set()
    context_dated = 0
    for unit in units:
        if not unit.dates and not unit.names_places:
            continue
        exact_start, exact_end = _trimmed_span(text, unit.start, unit.end)
        if exact_end <= exact_start:
            continue
        try:
            anchor = quote_for(text, exact_start, exact_end, passage.words)
        except UnquotableSpanError:
            continue  # a clause too long to quote, or repeated word for word with its surroundings
        if unit.dates:
            first = unit.dates[0]
            date, from_context = first.value, False
            date_source = f"suggested from the words '{first.text}'" + (
                "" if first.stated else f" ({first.how}); check it"
            )
        else:
            around = _context_date(dates, unit, context)
            if around is None:
                continue
            date, from_context = around, True
            context_dated += 1
            date_source = "suggested from the dates around this clause; check it"
        for match in unit.places:
            used_places.setdefault(match.place.id, [])
        title = _title(text, exact_start, exact_end, unit.dates)
        events.append(
            {
                "id": _event_id(title, event_ids),
                "title": title,
                "date": date,
                "places": _roles(unit.places),
                "anchor": anchor.to_json(),
                "summary": _summary(text[exact_start:exact_end], CONTEXT_MARK if from_context else ""),
                "people": [],
                "date_source": date_source,
            }
        )

    # A place the text names is proposed even when no event could be dated.
    for match in matches:
        if not match.by_adjective:
            mentions = used_places.setdefault(match.place.id, [])
            if match.text not in mentions:
                mentions.append(match.text)
    index_places = [gazetteer.places[pid].index_place(mentions) for pid, mentions in used_places.items()]
    data = {
        "format": "mapviewer-index",
        "version": 1,
        "passage": _passage_meta(passage),
        "places": index_places,
        "events": events,
    }
    return Draft(data, dates, context_dated)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``; initials and abbreviations ("E. H.", "St.") do not end one."""
    spans = []
    sentence_start = start
    for m in _SENTENCE_END.finditer(text, start, end):
        # The word before the stop (a bounded look back: one long "word" must not make this quadratic).
        word = re.search(r"([\w.]+)\.?$", text[max(sentence_start, m.start() - 63) : m.start() + 1])
        before = word.group(1).rstrip(".").lower() if word else ""
        if text[m.start()] == "." and (before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha())):
            continue
        spans.append((sentence_start, m.end()))
        sentence_start = m.end()
        while sentence_start < end and text[sentence_start].isspace():
            sentence_start += 1
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


def split_clauses(
    text: str, start: int, end: int, dates: list[FoundDate], places: list[PlaceMatch]
) -> list[tuple[int, int]]:
    """Sentences, split at semicolons where each side carries a date or a named place.

    A clause that carries neither stays with its neighbour, so that "...in September 1921;
    it seems to have been at this moment that..." remains one event.
    """

    def carries(a: int, b: int) -> bool:
        return any(a <= d.start < b for d in dates) or any(a <= p.start < b and not p.by_adjective for p in places)

    out: list[tuple[int, int]] = []
    for s_start, s_end in split_sentences(text, start, end):
        pieces = []
        piece_start = s_start
        for m in re.finditer(r";\s*", text[s_start:s_end]):
            pieces.append((piece_start, s_start + m.start()))
            piece_start = s_start + m.end()
        pieces.append((piece_start, s_end))
        merged: list[list[int]] = []
        for a, b in pieces:
            if merged and (not carries(a, b) or not carries(*merged[-1])):
                merged[-1][1] = b
            else:
                merged.append([a, b])
        out.extend((a, b) for a, b in merged)
    return out


def split_at_dates(text: str, unit: Unit) -> list[Unit]:
    """Split a clause that carries several different dates before each further date.

    The cut is the last comma (else the last " and ") between one date and the next:
    "...an international conference, which met at Genoa on April 10" gives two events.
    """
    distinct: list[FoundDate] = []
    for d in unit.dates:
        if not distinct or d.value != distinct[-1].value:
            distinct.append(d)
    if len(distinct) < 2:
        return [unit]
    cuts = []
    for before, after in pairwise(distinct):
        between = text[before.end : after.start]
        comma = between.rfind(",")
        conj = between.rfind(" and ")
        cut = comma if comma >= 0 else conj
        if cut >= 0:
            cuts.append(before.end + cut + 1)
    bounds = [unit.start, *cuts, unit.end]
    return [
        Unit(a, b, tuple(d for d in unit.dates if a <= d.start < b), tuple(p for p in unit.places if a <= p.start < b))
        for a, b in pairwise(bounds)
        if text[a:b].strip()
    ]


def _roles(matches: tuple[PlaceMatch, ...]) -> list[dict[str, str]]:
    """Each place once, in text order: "named" if the clause names it anywhere, else implied."""
    roles: dict[str, str] = {}
    for match in matches:
        if not match.by_adjective:
            roles[match.place.id] = "named"
        else:
            roles.setdefault(match.place.id, f"implied by '{match.text}'")
    return [{"place": place, "role": role} for place, role in roles.items()]


def _trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause without surrounding spaces, its final stop, and a leading "and"/"but"."""
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    lead = re.match(r"(?:and|but|or)\s+", text[start:end])
    if lead:
        start += lead.end()
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _context_date(dates: list[FoundDate], unit: Unit, mode: str) -> str | None:
    before = [d for d in dates if d.end <= unit.start]
    after = [d for d in dates if d.start >= unit.end]
    if not before:
        return after[0].value if after else None
    previous = before[-1]
    if mode == "previous" or not after:
        return previous.value
    following = after[0]
    if following.date.start <= previous.date.start:
        return previous.value
    return f"{previous.date.first.text}/{following.date.first.text}"


def _title(text: str, start: int, end: int, dates: tuple[FoundDate, ...]) -> str:
    """A short title: the clause cut to a few words, without a date that opens or closes it.

    A date inside the clause stays ("Radek, who spent most of 1919 in prison"): taking it
    out would leave a sentence with a hole in it.
    """
    clause = text[start:end]
    lead = _LEADING_CONNECTIVE.match(clause)
    cursor = lead.end() if lead else 0
    for d in dates:
        if d.start - start == cursor:
            cursor = d.end - start
    tail = len(clause)
    for d in reversed(dates):
        if clause[d.end - start : tail].strip(_TRAILING) == "" and d.start - start >= cursor:
            tail = d.start - start
    words = " ".join(clause[cursor:tail].split())
    words = _LEADING_CONNECTIVE.sub("", words).strip(_TRAILING + " ")
    parts = words.split()
    title = " ".join(parts[:TITLE_WORDS]).rstrip(_TRAILING + "\"'\u201c(")
    if len(parts) > TITLE_WORDS:
        title += "\u2026"
    if not title:
        title = " ".join(clause.split()[:TITLE_WORDS])
    return title[:1].upper() + title[1:]


def _summary(clause: str, mark: str) -> str:
    line = " ".join(clause.split())
    limit = SUMMARY_CHARS - (len(mark) + 1 if mark else 0)
    if len(line) > limit:
        line = line[:limit].rsplit(" ", 1)[0].rstrip(_TRAILING) + "\u2026"
    return f"{line} {mark}" if mark else line


def _event_id(title: str, used: set[str]) -> str:
    """A new id for a drafted event: the first words of its title, numbered if taken."""
    first_words = "-".join(slug(title, fallback="event").split("-")[:ID_WORDS])
    event_id = unique_id(first_words, used, fallback="event")
    used.add(event_id)
    return event_id


def _passage_meta(passage: Passage) -> JsonObject:
    name = Path(passage.path).name if passage.path else "passage.txt"
    meta = {"file": name, "title": Path(name).stem.replace("-", " ").replace("_", " ")}
    source = re.sub(r"^\s*Source\s*[;:,.]\s*", "", passage.source_line, flags=re.IGNORECASE).strip()
    if source:
        meta["source"] = source
    return meta

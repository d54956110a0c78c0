"""Draft a place-event index for a passage: its places, its dates and an event per clause."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from ..model.anchors import UnquotableSpanError, quote_for
from ..model.errors import InputError
from ..model.ids import slug, unique_id
from ..model.index import JsonObject
from ..model.passage import Paragraph, Passage
from .clauses import (
    PARTICIPLE_ASIDE,
    Clause,
    antecedent,
    continues_subject,
    is_comment,
    split_events,
    subject_of,
    title,
    title_cut,
)
from .dates import FoundDate, find_dates, looks_back
from .gazetteer import Gazetteer, PlaceMatch, load_gazetteer
from .learned import Candidate, EventModel, Signals, clause_features
from .references import find_references, seat_of_government

# How a clause without a date of its own is dated (docs/suggest.md): "between" runs from
# the most recent date before it to the next date after it, when the text moves forward;
# "previous" takes the most recent date before it as it is.
CONTEXT_MODES = ("between", "previous")

# Drafting matches every clause against the dates and places of its paragraph, which grows with
# the square of a paragraph's length; longer passages are drafted a chapter at a time.
MAX_SUGGEST_CHARS = 50_000
ID_WORDS = 6
TOPIC_WORDS = 6
TOPIC_WORDS_DETAILED = 14
COARSE_DAYS = 62
DETAIL_CHARS = 200  # how far after a paragraph's opening sentence a finer date shows it announces the paragraph
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


@dataclass
class Draft:
    """A suggested index (``data``, in the file format) and what it was made from."""

    data: JsonObject
    dates: list[FoundDate] = field(default_factory=list)
    context_dated: int = 0
    candidates: list[Candidate] = field(default_factory=list)  # every dated clause, kept or not

    @property
    def events(self) -> list[JsonObject]:
        return cast(list[JsonObject], self.data["events"])

    @property
    def places(self) -> list[JsonObject]:
        return cast(list[JsonObject], self.data["places"])


def suggest_index(passage: Passage, gazetteer: Gazetteer | None = None, context: str = "between") -> JsonObject:
    """A draft index for the passage that validates against the schema (see docs/suggest.md)."""
    return draft_index(passage, gazetteer, context).data


def draft_index(
    passage: Passage, gazetteer: Gazetteer | None = None, context: str = "between", model: EventModel | None = None
) -> Draft:
    """Find places and dates in the body of the passage and draft an event for each action.

    Which dated clauses become events is decided by the rules (``model`` None), or by a learned
    model over the rules' signals (docs/suggest.md, "A learned decision").
    """
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
    sentences: list[list[Clause]] = []
    first_sentences: dict[int, tuple[int, int]] = {}  # each paragraph's, by the paragraph's start
    for paragraph in body:
        found = find_dates(text, paragraph.start, paragraph.end, context=dates[-1].date if dates else None)
        dates.extend(found)
        named = [_about(text, m) for m in gazetteer.find(text, paragraph.start, paragraph.end)]
        references = find_references(gazetteer, text, paragraph.start, paragraph.end, [*matches, *named])
        places = sorted([*named, *references], key=lambda m: m.start)
        matches.extend(places)
        spans = split_sentences(text, paragraph.start, paragraph.end)
        if spans:
            first_sentences[paragraph.start] = spans[0]
        for s_start, s_end in spans:
            sentences.append(split_events(text, s_start, s_end, found, places))

    paragraph_topics, passage_topic = _topics(text, first_sentences, matches)
    event_dates = [d for d in dates if d.how != "relative to a later date"]
    paragraph_starts = {p.start for p in body}
    events: list[JsonObject] = []
    used_places: dict[str, list[str]] = {}
    event_ids: set[str] = set()
    context_dated = 0
    candidates: list[Candidate] = []
    last_event: tuple[Clause, str, tuple[PlaceMatch, ...]] | None = None  # clause, subject, places
    last_guessed = False  # whether the last event's places were guessed from the paragraph or the story
    titles: dict[int, str] = {}  # by clause, for the echoes of its action
    for k, clauses in enumerate(sentences):
        sentence_date: FoundDate | None = None
        subject_clause: tuple[str, tuple[PlaceMatch, ...]] | None = None
        sentence_places: tuple[PlaceMatch, ...] = ()
        following = sentences[k + 1] if k + 1 < len(sentences) else []
        topic = _topic_sentence(text, clauses, paragraph_starts, following, dates)
        drafted: list[tuple[JsonObject, tuple[PlaceMatch, ...]]] = []  # this sentence's events
        for position, clause in enumerate(clauses):
            exact_start, exact_end = _trimmed_span(text, clause.start, clause.end)
            if exact_end <= exact_start:
                continue
            try:
                anchor = quote_for(text, exact_start, exact_end, passage.words)
            except UnquotableSpanError:
                continue  # a clause too long to quote, or repeated word for word with its surroundings
            from_context = False
            chosen: FoundDate | None = None
            own_dates = _own_dates(text, clause)
            if own_dates:
                # "a year later, on 24 March 1922": the date the words state outright wins.
                # The most precise date the words state: "The republic was settled in the summer of 1919: the
                # new constitution was confirmed on 17 July" is 17 July.
                first = chosen = min(own_dates, key=lambda d: (_precision(d), not d.stated, d.start))
                sentence_date = first
                date = first.value
                date_source = f"suggested from the words '{first.text}'" + (
                    "" if first.stated else f" ({first.how}); check it"
                )
            elif sentence_date is not None:
                date = sentence_date.value
                date_source = f"suggested from the words '{sentence_date.text}' earlier in the sentence"
            else:
                # "Romanian troops had already crossed into Transylvania": by the date before, not after it.
                looking_back = (
                    clause.action is not None
                    and text.startswith("had ", clause.action.start)
                    and not _SUBORDINATE.search(text, clause.start, clause.action.start)  # "a week after X had ..."
                )
                around = _context_date(
                    text, event_dates, clause.start, clause.end, "previous" if looking_back else context
                )
                if around is None:
                    continue
                date, from_context = around, True
                date_source = "suggested from the dates around this clause; check it"

            # Whose action it is: "..., broke off in July" and "it broke off" continue the subject before.
            continues = continues_subject(text, clause)
            own_subject = subject_of(text, clause)
            inherited = subject_clause or (last_event[1:] if last_event else None)
            subject = inherited[0] if continues and inherited else own_subject
            title_subject = subject
            if continues and re.match(
                r"(?i)\W*it\b", text[clause.start : clause.action.start if clause.action else clause.start]
            ):
                # "It opened on 10 April" after "an economic conference at Genoa": the conference opens.
                title_subject = antecedent(text, clause.start) or subject
            comment = is_comment(text, clause, subject)
            event_places = tuple(p for p in clause.places if not p.about)
            guessed = False  # places from the paragraph or the story, which a later clause of the sentence overrides
            from_story = False  # places from another sentence
            if continues and inherited and not clause.names_place:
                event_places = event_places + tuple(p for p in inherited[1] if p.names)
            elif not clause.names_place and sentence_places:
                # A clause that names no place happens where its sentence does.
                event_places = event_places + tuple(p for p in sentence_places if p.names)
            elif not clause.names_place and last_event and _same_paragraph(body, last_event[0].start, clause.start):
                # ... or where the event before it in the paragraph did ("Four days later fire broke out").
                event_places, guessed = event_places + tuple(p for p in last_event[2] if p.names), last_guessed
                from_story = True
            elif not clause.names_place and (named_before := _named_before(body, matches, clause.start)):
                # ... or at the place the paragraph last named ("left the fate of Upper Silesia to a plebiscite.
                # The Polish miners ... rose").
                event_places, guessed, from_story = event_places + (named_before,), True, True
            elif not clause.names_place and last_event:
                # ... or where the story was at the end of the paragraph before.
                event_places, guessed, from_story = (
                    event_places + tuple(p for p in last_event[2] if p.names),
                    True,
                    True,
                )
            if (
                not continues
                and not clause.names_place
                and (topic_place := _topic_place(body, paragraph_topics, passage_topic, clause.start)) is not None
                and topic_place.place.id not in {p.place.id for p in event_places}
            ):
                # "Luxembourg, occupied by the Germans throughout the war, had its own crisis. ... On 28 September
                # 1919 a referendum kept Charlotte on the throne": a clause that names no place may be about the
                # place its paragraph is about, whatever the sentences around it name. Added, not put instead.
                event_places = (topic_place, *event_places)
            if not continues and not clause.names_place and (from_story or not any(p.names for p in event_places)):
                # "The Dáil approved it": a government or a parliament acts at its seat, not where the story was.
                # Only places from the subject or from the text before ("declared the country part of the German
                # Republic": the adjective after the action is not whose assembly it is).
                before_action = clause.action.start if clause.action else clause.start
                earlier = [
                    p for p in event_places if not clause.start <= p.start < clause.end or p.start < before_action
                ]
                seat = seat_of_government(gazetteer, own_subject, clause.start, earlier)
                if seat is not None:
                    event_places = (seat, *(p for p in clause.places if not p.about and p.place.id != seat.place.id))
                    guessed = False
            signals = Signals(
                topic=topic,
                comment=comment,
                own_date=chosen,
                sentence_dated=chosen is None and not from_context,
                from_context=from_context,
                continues=continues,
                subject=subject,
                guessed_place=guessed,
                position=position,
                clauses=len(clauses),
                paragraph_start=clause.start in paragraph_starts,
            )
            rules_keep = not topic and not comment
            keep = rules_keep if model is None else model.keeps(clause_features(text, clause, event_places, signals))
            candidates.append(
                Candidate((exact_start, exact_end), date, event_places, rules_keep, keep, text, clause, signals)
            )
            if not keep:
                continue
            context_dated += from_context
            if not continues:
                subject_clause = (own_subject, event_places)
            if any(p.names for p in event_places):
                sentence_places = event_places
            for match in event_places:
                used_places.setdefault(match.place.id, [])
            names = _reference_names(event_places)
            event_title = title(text, clause, title_subject, names)
            main = titles.get(id(clause.echo_of)) if clause.echo_of is not None else None
            if main is not None:
                event_title = _echo_title(text, clause, main, subject)
            titles[id(clause)] = event_title
            last_event, last_guessed = (clause, subject, event_places), guessed
            events.append(
                {
                    "id": _event_id(event_title, event_ids),
                    "title": event_title,
                    "date": date,
                    "places": _roles(event_places),
                    "anchor": anchor.to_json(),
                    "summary": _summary(text[exact_start:exact_end], CONTEXT_MARK if from_context else ""),
                    "people": [],
                    "date_source": date_source,
                }
            )
            drafted.append((events[-1], () if guessed else event_places))
        _places_from_later_clauses(drafted, used_places)

    # A place the text names is proposed even when no event could be dated.
    for match in matches:
        if (match.names or match.about) and not match.by_reference:
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
    return Draft(data, dates, context_dated, candidates)


_ABOUT = re.compile(r"\s+(?:question|issue|dispute|problem|affair|crisis)\b")


def _about(text: str, match: PlaceMatch) -> PlaceMatch:
    """ "the Mosul question": a place the words are about, not the place of the event."""
    if not match.by_adjective and _ABOUT.match(text, match.end):
        return dataclasses.replace(match, about=True)
    return match


_PLACE_WORDS = re.compile(r"(?i)there$|the\s+(?:\w+\s+)?(?:city|town|port|fortress|capital|region|province)$")


def _reference_names(places: tuple[PlaceMatch, ...]) -> dict[str, str]:
    """What a title says for the words that refer to a place: "there" is "at Lausanne", "the city" is
    "Smyrna"; "the conference" stays (it is a meeting, not a place)."""
    out = {}
    for p in places:
        if not p.by_reference or not _PLACE_WORDS.match(p.text):
            continue  # "the conference", "the Four Courts" stay as written
        out[p.text] = f"at {p.place.name}" if p.text.lower() == "there" else p.place.name
    return out


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``; initials and abbreviations ("E. H.", "St.") do not end one."""
    spans = []
    sentence_start = start
    for m in _SENTENCE_END.finditer(text, start, end):
        # The word before the stop (a bounded look back: one long "word" must not make this quadratic).
        word = re.search(r"([\w.'\u2019]+)\.?$", text[max(sentence_start, m.start() - 63) : m.start() + 1])
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


def _roles(matches: tuple[PlaceMatch, ...]) -> list[dict[str, str]]:
    """Each place once, in text order: "named" if the clause names it anywhere, else implied."""
    roles: dict[str, str] = {}
    for match in matches:
        if match.by_reference:
            if roles.get(match.place.id) != "named":
                # "what the paragraph is about" (no words of the clause stand for it), else the words that do
                about = match.text.startswith("what the ")
                roles[match.place.id] = match.text if about else f"referred to as '{match.text}'"
        elif match.names:
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


def _topic_sentence(
    text: str, clauses: list[Clause], paragraph_starts: set[int], following: list[Clause], dates: list[FoundDate]
) -> bool:
    """A paragraph's short opening sentence ("Finland took longer.") announces; it tells no event.

    Only when it gives no day or month: "Minsk fell on 11 July." opens a paragraph and is one.
    A longer one ("The Greeks advanced twice towards the plateau in 1921.") announces when the
    next sentence of the paragraph goes on with a finer date ("In January, ...").
    """
    if len(clauses) != 1 or clauses[0].start not in paragraph_starts:
        return False
    clause = clauses[0]
    if not all(_coarse(d) for d in clause.dates):
        return False
    words = len(text[clause.start : clause.end].split())
    if words <= TOPIC_WORDS:
        return True
    same_paragraph = [c for c in following if c.start not in paragraph_starts]
    detailed = any(not _coarse(d) for c in same_paragraph[:1] for d in c.dates) or any(
        not _coarse(d) and clause.end < d.start < clause.end + DETAIL_CHARS for d in dates
    )
    # "The war ..., which had smouldered since early 1919, became a war of movement in the spring of 1920.":
    # a state of things (a weak action) dated by its season, before a paragraph of days and months.
    weak = clause.action is not None and clause.action.weak
    # "By the summer of 1921 the war had reached a stalemate.": where things stood by then.
    standing = any(d.start == clause.start and d.text.lower().startswith("by ") for d in clause.dates)
    return detailed and (words <= TOPIC_WORDS_DETAILED or weak or standing)


def _echo_title(text: str, clause: Clause, main: str, subject: str) -> str:
    """The same action at another date: "New state recognised by France" after "... by Britain";
    "Ismet Pasha's troops stop them at Inonu again" for "and again at the end of March"."""
    words = text[clause.start : clause.end]
    for d in sorted(clause.dates, key=lambda d: -d.start):
        words = words[: d.start - clause.start] + " " + words[d.end - clause.start :]
    words = " ".join(re.sub(r"^\W*(?:and\s+)?(?:again\b)?", "", words).split()).strip(" ,;:.")
    action = clause.action
    if not words or action is None or action.start > clause.start:
        return _clip(f"{main} again")
    verb = action.written if action.passive else main.removeprefix(subject).split()[0] if subject else ""
    head = re.sub(r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is)\s+", "", subject)
    actor = re.match(r"([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)\s+(.+)", words)
    if actor and not action.passive:
        head, words = actor.group(1), actor.group(2)  # "Bulgaria at Neuilly": "Bulgaria signs at Neuilly"
    out = " ".join(w for w in (head, verb, words) if w)
    return _clip(out[:1].upper() + out[1:])


def _clip(words: str) -> str:
    return title_cut(words)


def _places_from_later_clauses(
    drafted: list[tuple[JsonObject, tuple[PlaceMatch, ...]]], used_places: dict[str, list[str]]
) -> None:
    """A clause that names no place happens where a later clause of its sentence does: "Its first
    elections went to the autonomists, but in March local Fascists drove his government out of the city"."""
    for i, (event, places) in enumerate(drafted):
        if any(p.names for p in places):
            continue  # it names its own
        later = next((q for _, q in drafted[i + 1 :] if any(p.names for p in q)), None)
        if later is None:
            continue
        named = tuple(p for p in later if p.names)
        implied = [r for r in cast(list[JsonObject], event["places"]) if not r["role"] == "named"]
        event["places"] = [*_roles(named), *(r for r in implied if r["place"] not in {p.place.id for p in named})]
        for match in named:
            used_places.setdefault(match.place.id, [])


def _named_before(body: list[Paragraph], matches: list[PlaceMatch], at: int) -> PlaceMatch | None:
    """The last place the paragraph names before ``at`` (by its name, not an adjective)."""
    paragraph = next((p for p in body if p.start <= at < p.end), None)
    if paragraph is None:
        return None
    named = [m for m in matches if paragraph.start <= m.start < at and m.names and not m.by_reference]
    return named[-1] if named else None


_TOPIC_HEAD = 60  # characters: "Luxembourg, occupied by ...", "East Karelia, the forest country ..."
_IN_A_NAME = re.compile(r"(?i)\b(?:treaty|peace|conference|congress)\s+of\s+$")


def _topics(
    text: str, first_sentences: dict[int, tuple[int, int]], matches: list[PlaceMatch]
) -> tuple[dict[int, PlaceMatch], PlaceMatch | None]:
    """What each paragraph is about (the place named at the head of its first sentence, not in a treaty's
    name), and what the passage is about (the place it names most often, at least three times; of two
    named as often, the one named first)."""
    paragraph_topics: dict[int, PlaceMatch] = {}
    for paragraph_start, (s_start, s_end) in first_sentences.items():
        head_end = min(s_end, s_start + _TOPIC_HEAD)
        head = [
            m
            for m in matches
            if s_start <= m.start < head_end
            and m.names
            and not m.by_reference
            and not _IN_A_NAME.search(text, max(0, m.start - 30), m.start)
        ]
        if head:
            paragraph_topics[paragraph_start] = dataclasses.replace(
                head[0], by_reference=True, text="what the paragraph is about"
            )
    named: dict[str, list[PlaceMatch]] = {}
    for m in matches:
        if m.names:
            named.setdefault(m.place.id, []).append(m)
    ranked = sorted(named.values(), key=lambda ms: (-len(ms), ms[0].start))
    if not ranked or len(ranked[0]) < 3:
        return paragraph_topics, None
    return paragraph_topics, dataclasses.replace(ranked[0][0], by_reference=True, text="what the passage is about")


def _topic_place(
    body: list[Paragraph], paragraph_topics: dict[int, PlaceMatch], passage_topic: PlaceMatch | None, at: int
) -> PlaceMatch | None:
    """The place a clause at ``at`` is about when it names none: its paragraph's, else the passage's."""
    paragraph = next((p for p in body if p.start <= at < p.end), None)
    return (paragraph_topics.get(paragraph.start) if paragraph else None) or passage_topic


def _same_paragraph(body: list[Paragraph], a: int, b: int) -> bool:
    return any(p.start <= a < p.end and p.start <= b < p.end for p in body)


_SUBORDINATE = re.compile(r"(?i)\b(?:after|before|since|until|when|once)\b")
_RELATIVE_PRONOUN = re.compile(r"\b(?:which|who|whose|where)\b")


def _own_dates(text: str, clause: Clause) -> tuple[FoundDate, ...]:
    """The clause's dates, without those of a relative clause after its action ("were invited to a
    conference which met at Genoa on April 10" is dated by the invitation, not the meeting)."""
    action = clause.action
    if action is None:
        return clause.dates
    # "when Kun turned on the Romanians on 20 July, his army broke within ten days": the date of the "when"
    # clause before the action gives way to the action's own.
    when = re.search(r"(?i)\b(?:when|as|because|after|once)\b[^,;:]*,", text[clause.start : action.start])
    if when:
        lead_start, lead_end = clause.start + when.start(), clause.start + when.end()
        rest = tuple(d for d in clause.dates if not lead_start <= d.start < lead_end)
        if rest and len(rest) < len(clause.dates):
            clause = Clause(clause.start, clause.end, action, rest, clause.places, clause.echo_of)
    # "gave the people of Schleswig, taken from Denmark in 1864, the chance": the date of a participle in an
    # aside is not the clause's.
    asides = [m.span() for m in PARTICIPLE_ASIDE.finditer(text, action.end, clause.end)]
    rest = tuple(d for d in clause.dates if not any(a <= d.start < b for a, b in asides))
    if asides and rest:
        clause = Clause(clause.start, clause.end, action, rest, clause.places, clause.echo_of)
    relative = _RELATIVE_PRONOUN.search(text, action.end, clause.end)
    if relative is None:
        return clause.dates
    # "It turned to Serbia, whose government had agreed ... in July 1917": dated from the text around it.
    return tuple(d for d in clause.dates if d.start < relative.start())


def _precision(found: FoundDate) -> int:
    """0 a day, 1 a few days, 2 a month, 3 a season, 4 more."""
    days = (found.date.end - found.date.start).days
    return next((rank for rank, limit in enumerate((0, 10, 31, 100)) if days <= limit), 4)


def _coarse(found: FoundDate) -> bool:
    """A year or a season, not a month or a day."""
    return (found.date.end - found.date.start).days > COARSE_DAYS


def _context_date(text: str, dates: list[FoundDate], start: int, end: int, mode: str) -> str | None:
    before = [d for d in dates if d.end <= start]
    after = [d for d in dates if d.start >= end]
    if not before:
        return after[0].value if after else None
    previous = before[-1]
    if len(before) > 1 and previous.date.start < before[-2].date.start and looks_back(text, previous.start):
        # Not a look back ("Orel fell on 13 October. Makhno had broken out on 26 September ... The Red Army
        # counter-attacked"): the date the story had reached.
        previous = before[-2]
    if mode == "previous" or not after:
        return previous.value
    following = after[0]
    if following.date.start <= previous.date.start:
        return previous.value
    # It happened after the one and before the other begins: "in 1921" after 10 August 1920 ends the
    # interval on 1 January 1921, not at the end of 1921.
    return f"{previous.date.first.text}/{following.date.start.isoformat()}"


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


@dataclass(frozen=True)
class Proposal:
    """What the selected words say for a new event: a title, their own date, their places."""

    title: str
    date: str | None
    date_source: str
    places: tuple[PlaceMatch, ...]


def propose_event(passage: Passage, start: int, end: int, gazetteer: Gazetteer | None = None) -> Proposal:
    """Read the words ``text[start:end]`` for an event of their own: the date they give (resolved
    against the text before them: "in late September" in a paragraph about 1920 is 1920), the
    places they name or refer to, and a title made from their action.

    The date is None when the words give none; the caller takes the date written before them.
    """
    gazetteer = gazetteer or load_gazetteer()
    text = passage.text
    before = find_dates(text, 0, start)
    own = find_dates(text, start, end, context=before[-1].date if before else None)
    named_before = gazetteer.find(text, 0, start, adjectives=False)
    named = gazetteer.find(text, start, end)
    places = sorted(
        [*named, *find_references(gazetteer, text, start, end, [*named_before, *named])], key=lambda m: m.start
    )
    dated = next((d for d in own if d.stated), own[0] if own else None)
    clauses = split_events(text, start, end, own, places)
    clause = next((c for c in clauses if c.action is not None), None)
    words_title = title(text, clause, "", _reference_names(tuple(places))) if clause else ""
    source = ""
    if dated is not None:
        source = f"suggested from the words '{dated.text}'" + ("" if dated.stated else f" ({dated.how}); check it")
    return Proposal(words_title, dated.value if dated else None, source, tuple(p for p in places if p.names))


def place_roles(matches: tuple[PlaceMatch, ...]) -> list[dict[str, str]]:
    """Each place once, in text order, with how the words tie it to the event."""
    return _roles(matches)

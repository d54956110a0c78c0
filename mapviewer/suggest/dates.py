"""Find the dates in running text and resolve them to the index's date grammar."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from ..model.dates import SEASONS, DateError, HistDate

# English month names written out: calendar.month_name follows the locale, which Qt may set.
_MONTH_NAMES = tuple("January February March April May June July August September October November December".split())
MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, start=1)}
MONTHS.update(
    {
        "Jan.": 1,
        "Feb.": 2,
        "Mar.": 3,
        "Apr.": 4,
        "Jun.": 6,
        "Jul.": 7,
        "Aug.": 8,
        "Sep.": 9,
        "Sept.": 9,
        "Oct.": 10,
        "Nov.": 11,
        "Dec.": 12,
    }
)

# Parts of a year, as historians use them (documented in docs/suggest.md): "early in 1922"
# is its first four months, "mid-1922" the middle four, "late in 1922" the last four.
YEAR_PARTS = {
    "early": (1, 4),
    "mid": (5, 8),
    "middle": (5, 8),
    "late": (9, 12),
    "beginning": (1, 2),
    "start": (1, 2),
    "end": (11, 12),
    "first half": (1, 6),
    "second half": (7, 12),
}
# Parts of a month: "early March" is days 1-10, "mid-March" 11-20, "late March" 21-end;
# "the first days of August" 1-7, "the last days of February" its last seven days, the halves 1-15 and 16-end.
MONTH_PARTS = {
    "early": (1, 10),
    "beginning": (1, 10),
    "start": (1, 10),
    "mid": (11, 20),
    "middle": (11, 20),
    "late": (21, 31),
    "end": (21, 31),
    "first days": (1, 7),
    "first week": (1, 7),
    "second week": (8, 14),
    "third week": (15, 21),
    "fourth week": (22, 28),
    "last days": (-7, 31),
    "last week": (-7, 31),
    "first half": (1, 15),
    "second half": (16, 31),
}
_MONTH_PART = (
    r"(?i:early|mid|middle|late|beginning|start|end|first\s+days|(?:first|second|third|fourth)\s+week|last\s+days"
    r"|last\s+week"
    r"|first\s+half|second\s+half)"
)
# Feasts a historian dates by, as (month, day).
HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "boxing day": (12, 26),
    "orthodox christmas": (1, 7),  # the Julian Christmas, 7 January in the Gregorian calendar (1900-2099)
    "easter": (4, 1),  # a movable feast: _easter() gives its day; April stands for it when looking for its year
    "easter sunday": (4, 1),
}
_HOLIDAY = (
    r"(?:Orthodox\s+Christmas|Christmas(?:\s+Day|\s+Eve)?|New\s+Year['\u2019]s\s+(?:Day|Eve)|Boxing\s+Day"
    r"|Easter(?:\s+Sunday)?)"
)

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a couple of": 2,
}
# Vague counts as (fewest, most).
VAGUE_COUNTS = {"a few": (2, 6), "few": (2, 6), "several": (3, 9), "some": (2, 9)}
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}


def _ci(word: str) -> str:
    """A word that may open a sentence: "in" matches "in" and "In"."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
# A year standing alone ("in 1918") is taken only from 1700 on: "of 1500 men" is a count.
_BARE_YEAR = r"(?:1[7-9]\d\d|20\d\d)"
_PREP_WORDS = (
    "on in by during until till from since after before throughout through of at around about between and or to"
).split()
_PREP = "(?:" + "|".join(_ci(w) for w in _PREP_WORDS) + r")\s+"
_SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
_COUNT = r"(?i:a couple of|a few|few|several|some|an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
_UNIT = r"(?:day|week|fortnight|month|year)s?"

_DASH = r"\s*[-\u2013\u2014]\s*"
_OPT_PREP = f"(?:{_PREP})?"

# Each pattern: its name and its regex. A leading preposition is part of the expression
# ("on February 2, 1920"), so that a title made from the clause can drop the whole phrase.
_PATTERNS = [
    # "between 12 and 25 August", "from 8 to 16 March 1921": a range of days in one month.
    (
        "day_range",
        rf"(?:{_ci('between')}|{_ci('from')})\s+(?:the\s+)?(?P<d1>{_DAY})\s+(?:and|to|until|till)\s+(?:the\s+)?"
        rf"(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b(?!\s*,?\s*\d)",
    ),
    (
        "day_range",
        rf"{_OPT_PREP}(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b(?![,.]?\s*\d)",
    ),
    # "the day after Christmas", "four days after Christmas 1922", "on Christmas Day".
    (
        "holiday",
        rf"(?:(?:[Oo]n\s+)?(?:[Tt]he\s+day|(?P<n>{_COUNT})\s+(?P<u>days?|weeks?))\s+(?P<dir>after|before)\s+|{_OPT_PREP})"
        rf"(?P<h>{_HOLIDAY})(?:,?\s+(?P<y>{_YEAR}))?\b",
    ),
    # "on the 29th": a day of the month the text is in.
    ("day_of_month", rf"[Oo]n\s+the\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b(?!\s+(?:of\s+)?{_MONTH})"),
    ("day_range", rf"{_OPT_PREP}(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b"),
    ("day_range", rf"{_OPT_PREP}(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY}),?\s+(?P<y>{_YEAR})\b"),
    ("day", rf"{_OPT_PREP}(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b"),
    ("day", rf"{_OPT_PREP}(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b"),
    ("day_no_year", rf"{_OPT_PREP}(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?![,.]?\s*\d|:)"),
    ("day_no_year", rf"{_OPT_PREP}(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?!\s*,?\s*\d)"),
    (
        "month_range",
        rf"(?:{_ci('between')}\s+|{_ci('from')}\s+)?(?P<m1>{_MONTH})"
        rf"(?:{_DASH}|\s+(?:to|and|until|till)\s+)(?P<m2>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b",
    ),
    (
        "month",
        rf"{_OPT_PREP}(?:(?:the\s+)?(?P<part>{_MONTH_PART})"
        rf"(?:-|\s+of\s+|\s+in\s+|\s+))?(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b",
    ),
    (
        "month_no_year",
        rf"{_OPT_PREP}(?:the\s+)?(?P<part>{_MONTH_PART})(?:-|\s+of\s+|\s+in\s+|\s+)(?P<m>{_MONTH})\b(?!,?\s*\d)",
    ),
    (
        "month_no_year",
        rf"(?:(?:{_ci('early')}|{_ci('late')})\s+in\s+|{_ci('at')}\s+the\s+(?:beginning|end)\s+of\s+"
        rf"|{_PREP})(?P<m>{_MONTH})\b(?!\s*\d)",
    ),
    (
        "season",
        rf"{_OPT_PREP}(?:(?:the|that)\s+)?(?:(?P<part>(?i:early|late|mid))(?:-|\s+in\s+the\s+|\s+))?"
        rf"(?P<s>{_SEASON})\s+(?:of\s+)?(?P<y>{_YEAR})(?:\s*[-\u2013/]\s*(?P<y2>\d{{2}}|{_YEAR}))?\b",
    ),
    (
        "season_no_year",
        rf"(?:{_PREP}|{_ci('most')}\s+of\s+)?(?:[Tt]he|[Tt]hat|[Tt]his)\s+"
        rf"(?:(?P<rel>following|next|same|previous|preceding)\s+)?(?:(?P<part>early|late)\s+)?"
        rf"(?P<s>spring|summer|autumn|fall|winter)\b(?!\s+(?:of\s+)?\d)",
    ),
    ("year_part", rf"(?P<part>[Ee]arly|[Ll]ate)\s+in\s+(?P<y>{_YEAR})\b"),
    ("year_part", rf"{_OPT_PREP}(?P<part>[Ee]arly|[Ll]ate|[Mm]id)(?:-|\s+)(?P<y>{_YEAR})\b"),
    (
        "year_part",
        rf"{_OPT_PREP}[Tt]he\s+(?P<part>beginning|start|end|middle|first half|second half)\s+of\s+"
        rf"(?P<y>{_YEAR})\b",
    ),
    (
        "year_range",
        rf"(?:{_ci('from')}|{_ci('between')})\s+(?P<y>{_YEAR})\s+(?:to|and|until|till)\s+"
        rf"(?P<y2>{_YEAR})\b",
    ),
    # "1920-22", but not the page range "pp. 1919-1920".
    (
        "year_range",
        rf"(?<!pp\.\s)(?<!p\.\s){_OPT_PREP}(?:the\s+years\s+)?(?P<y>{_YEAR})\s*[-\u2013\u2014/]\s*"
        rf"(?P<y2>{_YEAR}|\d{{2}})\b(?![-\u2013/]\d)",
    ),
    ("decade", rf"{_OPT_PREP}[Tt]he\s+(?:(?P<part>early|mid|late)(?:-|\s+))?(?P<y>1[0-9]\d0|20\d0)s\b"),
    (
        "year",
        rf"(?:(?:{_ci('most')}|{_ci('much')}|{_ci('part')}|{_ci('all')})\s+of\s+|{_PREP})"
        rf"(?P<y>{_BARE_YEAR})\b(?![-\u2013\u2014/]\d)",
    ),
    ("year", rf"\((?P<y>{_BARE_YEAR})\)"),
    (
        "offset",
        rf"(?:(?i:only|just|some|about|barely|nearly)\s+)?(?P<n>{_COUNT})\s+(?P<u>{_UNIT})\s+"
        rf"(?P<dir>later|afterwards|after|before|earlier|previously)\b",
    ),
    ("offset", rf"(?:[Ww]ithin|[Aa]fter)\s+(?P<n>{_COUNT})\s+(?P<u>{_UNIT})\b"),
    ("offset", r"(?:[Oo]n\s+)?[Tt]he\s+(?P<u>day)\s+(?P<dir>after|before)\b"),
    (
        "next",
        r"(?:[Oo]n\s+|[Ii]n\s+)?(?:[Tt]he\s+)?(?P<dir>next|following|previous|preceding)\s+"
        r"(?P<u>day|week|month|year|morning|evening|night)\b",
    ),
    # "on the last day of the year": the end (or start) of the year or month of the date before.
    (
        "period_day",
        r"(?:[Oo]n\s+|[Bb]y\s+)?[Tt]he\s+(?P<which>last|first)\s+day\s+of\s+(?:the|that)\s+(?P<u>year|month)\b",
    ),
    # "on the last day of the conference": the end (or start) of the span the text gave just before.
    (
        "span_day",
        r"(?:[Oo]n\s+|[Bb]y\s+)?[Tt]he\s+(?P<which>last|final|closing|first|opening)\s+day\s+of\s+the\s+"
        r"(?:conference|congress|talks|negotiations|meeting|session|battle|siege|offensive)\b",
    ),
    ("same", r"(?:(?:[Ll]ater|[Ee]arlier)\s+)?(?:[Ii]n\s+|[Oo]n\s+)?(?:that|[Tt]he\s+same)\s+(?P<u>day|month|year)\b"),
]
_COMPILED = [(kind, re.compile(rx)) for kind, rx in _PATTERNS]
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")


@dataclass(frozen=True)
class FoundDate:
    """A date expression in the text: its span, its words, and its value in the index grammar."""

    start: int
    end: int
    text: str
    value: str
    how: str  # "stated", "year from context", "from context", "relative"

    @cached_property
    def date(self) -> HistDate:
        return HistDate.parse(self.value)

    @property
    def stated(self) -> bool:
        """Whether the words give the date in full, without the text around them."""
        return self.how == "stated"


def find_dates(
    text: str, start: int = 0, end: int | None = None, context: HistDate | str | None = None
) -> list[FoundDate]:
    """Every date expression in ``text[start:end]``, resolved in reading order.

    Expressions that need a reference ("in May", "the winter", "a few days later") use
    the date found before them, or ``context`` (e.g. the last date of the previous
    paragraph); those without any reference are left out.
    """
    end = len(text) if end is None else end
    candidates = []
    for order, (kind, regex) in enumerate(_COMPILED):
        for m in regex.finditer(text, start, end):
            if m.end() > m.start():
                candidates.append((m.start(), -(m.end() - m.start()), order, kind, m))
    candidates.sort()
    chosen = []
    last_end = -1
    for m_start, _, _, kind, m in candidates:
        if m_start >= last_end:
            chosen.append((kind, m))
            last_end = m.end()

    previous = HistDate.parse(context) if isinstance(context, str) else context
    # The last date to the day: "the same day" after "The autumn ..." is the day before the autumn.
    last_day = previous if previous is not None and previous.start == previous.end else None
    found: list[FoundDate | None] = []
    pending_after: list[tuple[int, re.Match[str], int]] = []  # "a week after X" waits for the sentence's date
    bound: tuple[re.Match[str], int, str] | None = None  # "two days after the armistice of 11 November"
    story = previous  # the latest date the story has reached
    flashback = False  # whether the date before is a look back from it
    for position, (kind, m) in enumerate(chosen):
        words = _trim(m.group())
        span_start = m.start() + m.group().index(words)
        last = next((f for f in reversed(found) if f is not None), None)
        if kind in _RELATIVE_KINDS and last is not None and _APPOSITION.fullmatch(text, last.end, span_start):
            # "on 17 March, the day after the British agreement": the same day said again, not a new one.
            continue
        after_clause = kind == "offset" and m.groupdict().get("dir") in ("after", "before")
        if after_clause and _CONJUNCTION_BEFORE.match(text, m.end()):
            continue  # "it was two years before it had settled borders": a length of time, not a date
        if (
            after_clause
            and position + 1 < len(chosen)
            and _BOUND.fullmatch(text, m.end(), chosen[position + 1][1].start())
        ):
            bound = (m, span_start, words)  # the date that follows tells what it is after
            continue
        if flashback and story is not None and not looks_back(text, m.start()) and kind not in _RELATIVE_KINDS:
            previous, flashback = story, False
        reference = previous or _range_end_year(text, chosen, position)
        day_unit = (m.groupdict().get("u") or "").startswith(("day", "morning", "evening", "night"))
        if kind in ("same", "next", "offset") and day_unit and last_day:
            if reference is not None and (reference.end - reference.start).days > MONTH_DAYS:
                reference = last_day  # "The autumn brought ...; Bavaria declared ... the same day"
        if after_clause and (named := _date_of_named_event(text, m, found)) is not None:
            reference = named  # "the day before the vote": the vote's date, not the date said last
        value, how = _resolve(kind, m, reference)
        resolved = _parsed(value)
        if after_clause:
            pending_after.append((len(found), m, span_start))
        if value is None or resolved is None:
            bound = None
            if after_clause:
                found.append(None)  # may still be resolved by a later date in its sentence
            continue
        found.append(FoundDate(span_start, span_start + len(words), words, value, how))
        # "It had fought a short war with Georgia in December 1918": a look back. Dates go on from it while
        # the text looks back; the next sentence in the simple past returns to where the story was.
        if story is None or resolved.start >= story.start:
            story = resolved
        elif looks_back(text, span_start):
            flashback = True
        previous = resolved
        if bound is not None:
            b_match, b_start, b_words = bound
            bound = None
            shifted = _offset(resolved, b_match.group("n"), b_match.group("u"), b_match.group("dir"))
            if shifted and _parsed(shifted):
                found.insert(len(found) - 1, FoundDate(b_start, b_start + len(b_words), b_words, shifted, "relative"))
                previous = HistDate.parse(shifted)
        if (previous.end - previous.start).days == 0:
            last_day = previous
    _anchor_to_later_dates(text, found, pending_after)
    return _join_ranges(text, [f for f in found if f is not None])


_RELATIVE_KINDS = {"offset", "next", "same", "holiday"}
_FLASHBACK = re.compile(r"\bhad\s+(?:already\s+|also\s+)?[a-z]+(?:ed|en|ught|ung|ook|ade|ent|ost|eld|ought)\b")
_CONJUNCTION_BEFORE = re.compile(r"\s+(?:it|they|he|she|we|you|I)\s")


def looks_back(text: str, at: int) -> bool:
    """Whether the sentence is in the pluperfect up to ``at``: "Makhno had broken out ... on 26 September"."""
    return _FLASHBACK.search(_sentence_before(text, at)) is not None


def _sentence_before(text: str, at: int) -> str:
    """The words of the sentence before ``at`` (a bounded look back)."""
    window = text[max(0, at - 200) : at]
    return re.split(r"[.!?]\s", window)[-1]


_BOUND = re.compile(r"[^,.;:()\u2014]{0,40}")
MONTH_DAYS = 31
# A month named without a year may look back this many months within the year of the date before it
# ("On 26 May ... a dollar bought 18,000 marks in January"); further back, it is the next year's.
LOOK_BACK_MONTHS = 4
_NAMED_EVENT = re.compile(r"\s+the\s+([a-z]{4,})\b")
_EVENT_NOUNS = (
    "vote", "armistice", "treaty", "plebiscite", "election", "referendum", "coup", "putsch", "rising",
    "uprising", "landing", "murder", "assassination", "conference", "agreement", "surrender", "invasion",
)  # fmt: skip


def _date_of_named_event(text: str, m: re.Match[str], found: list[FoundDate | None]) -> HistDate | None:
    """ "the day before the vote": the date of the sentence before that last spoke of a vote (or of voting),
    the date in it nearest to the word; None if the text names no such event with a date."""
    noun = _NAMED_EVENT.match(text, m.end())
    if noun is None or noun.group(1) not in _EVENT_NOUNS:
        return None
    word = noun.group(1)
    stem = word if len(word) <= 5 else word[:-2]  # "vote" and "voted", "election" and "elections"
    mentions = [x.start() for x in re.compile(rf"(?i)\b{stem}\w*").finditer(text, 0, m.start())]
    for at in reversed(mentions):
        sentence_start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
        stop = text.find(". ", at)
        sentence_end = stop if stop != -1 else len(text)
        dated = [f for f in found if f is not None and sentence_start <= f.start < sentence_end and f.end <= m.start()]
        if dated:
            nearest = min(dated, key=lambda f: abs(f.start - at))
            return HistDate.parse(nearest.value)
    return None


_APPOSITION = re.compile(r"\s*,\s*")
_RANGE_OPEN = re.compile(r"(?i)(?:between|from)\b")
_RANGE_JOIN = re.compile(r"\s+(?:and|to|until|till|through)\s+")
_RANGE_JOIN_WORD = re.compile(r"(?:and|to|until|till|through)\s")


def _joined(text: str, end: int, start: int) -> bool:
    """Whether the words between two dates join them as a range ("and", "to"; the next date may hold the word)."""
    if _RANGE_JOIN.fullmatch(text, end, start):
        return True
    return text[end:start].strip() == "" and _RANGE_JOIN_WORD.match(text, start) is not None


def _range_end_year(text: str, chosen: list[tuple[str, re.Match[str]]], position: int) -> HistDate | None:
    """For "between 26 September and 13 October 1921" with no date before it: the year the range's end states."""
    if position + 1 >= len(chosen):
        return None
    m, (next_kind, following) = chosen[position][1], chosen[position + 1]
    if not _RANGE_OPEN.match(_trim(m.group())) or not _joined(text, m.end(), following.start()):
        return None
    value, how = _resolve(next_kind, following, None)
    end = _parsed(value) if how == "stated" else None
    return HistDate.parse(str(end.start.year)) if end else None


def _join_ranges(text: str, found: list[FoundDate]) -> list[FoundDate]:
    """ "between 26 September and 13 October 1921", "from 12 July to 11 August": one date, a range.

    The first end takes its year from the second when only the second states one.
    """
    out: list[FoundDate] = []
    for f in found:
        first = out[-1] if out else None
        paired_months = (
            first is not None
            and first.date.precision == f.date.precision == "month"
            and re.match(r"(?i)in\s", first.text) is not None
            and re.fullmatch(r"\s+and\s+", text[first.end : f.start]) is not None
        )  # "in November and December"
        if (
            first is None
            or not (_RANGE_OPEN.match(first.text) or paired_months)
            or not _joined(text, first.end, f.start)
        ):
            out.append(f)
            continue
        start_point, end_point = first.value.split("/")[0], f.value.split("/")[-1]
        if first.how != "stated" and f.stated:
            a, b = HistDate.parse(start_point), HistDate.parse(end_point)
            year = b.start.year - (1 if (a.start.month, a.start.day) > (b.start.month, b.start.day) else 0)
            start_point = f"{year}{start_point[4:]}"
        value = f"{start_point}/{end_point}"
        if _parsed(value) is None or start_point == end_point:
            out.append(f)
            continue
        out[-1] = FoundDate(first.start, f.end, text[first.start : f.end], value, f.how)
    return out


def _parsed(value: str | None) -> HistDate | None:
    try:
        return HistDate.parse(value) if value else None
    except DateError:
        return None


def _trim(words: str) -> str:
    # "and late in April": the joint belongs to the sentence, not to the date.
    return re.sub(r"^(?:and|or)\s+", "", words.strip().rstrip(","))


def _resolve(kind: str, m: re.Match[str], previous: HistDate | None) -> tuple[str | None, str]:
    g = m.groupdict()
    if kind == "day":
        return _day(int(g["y"]), MONTHS[g["m"]], _day_number(g["d"])), "stated"
    if kind == "day_range" and g.get("y"):
        y, month = int(g["y"]), MONTHS[g["m"]]
        return f"{_day(y, month, _day_number(g['d1']))}/{_day(y, month, _day_number(g['d2']))}", "stated"
    if kind == "holiday" and g.get("y"):
        return _holiday(int(g["y"]), g), "stated"
    if kind == "month":
        y, month = int(g["y"]), MONTHS[g["m"]]
        return _month_part(y, month, _lower(g.get("part"))), "stated"
    if kind == "month_range":
        y = int(g["y"])
        return f"{y}-{MONTHS[g['m1']]:02d}/{y}-{MONTHS[g['m2']]:02d}", "stated"
    if kind == "season":
        return _season(int(g["y"]), g["s"].lower(), _lower(g.get("part"))), "stated"
    if kind == "year_part":
        first, last = YEAR_PARTS[g["part"].lower()]
        y = int(g["y"])
        return f"{y}-{first:02d}/{y}-{last:02d}", "stated"
    if kind == "year_range":
        y1, y2 = int(g["y"]), _full_year(g["y2"], int(g["y"]))
        return (f"{y1}/{y2}" if y2 > y1 else None), "stated"
    if kind == "decade":
        decade = int(g["y"])
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(g.get("part") or "", (0, 9))
        return f"{decade + first}/{decade + last}", "stated"
    if kind == "year":
        return g["y"], "stated"
    if previous is None:
        return None, ""
    if kind == "day_range":
        month = MONTHS[g["m"]]
        y = _year_on_or_after(previous, month)
        return f"{_day(y, month, _day_number(g['d1']))}/{_day(y, month, _day_number(g['d2']))}", "year from context"
    if kind == "holiday":
        month, _ = HOLIDAYS[_holiday_name(g["h"])]
        return _holiday(_year_on_or_after(previous, month), g), "year from context"
    if kind == "day_of_month":
        day = _day_number(g["d"])
        year, month = previous.start.year, previous.start.month
        if day < previous.start.day:
            year, month = divmod(year * 12 + month, 12)  # the next month
            month += 1
        if day > calendar.monthrange(year, month)[1]:
            return None, ""
        return _day(year, month, day), "month from context"
    if kind == "day_no_year":
        month, day = MONTHS[g["m"]], _day_number(g["d"])
        return _day(_year_on_or_after(previous, month), month, day), "year from context"
    if kind == "month_no_year":
        month = MONTHS[g["m"]]
        return _month_part(_year_on_or_after(previous, month), month, _lower(g.get("part"))), "year from context"
    if kind == "season_no_year":
        return _season_in_context(previous, g["s"].lower(), g.get("rel"), _lower(g.get("part"))), "from context"
    if kind == "offset":
        if m.group().lower().startswith("within"):
            # "within two weeks": any day from the date before to two weeks after it.
            reach = _parsed(_offset(previous, g["n"], g["u"], "later"))
            return (_span_value(previous.start, reach.end) if reach else None), "relative"
        # "the day after the treaty" has no count: it is one day.
        return _offset(previous, g.get("n") or "one", g["u"], g.get("dir") or "later"), "relative"
    if kind == "next":
        unit = "day" if g["u"] in ("morning", "evening", "night") else g["u"]  # "the next morning"
        return _step(previous, unit, 1 if g["dir"] in ("next", "following") else -1), "relative"
    if kind == "same":
        return _same(previous, g["u"]), "from context"
    if kind == "period_day":
        y, mo = previous.start.year, previous.start.month
        if g["u"] == "year":
            return (f"{y}-12-31" if g["which"] == "last" else f"{y}-01-01"), "relative"
        last_day = calendar.monthrange(y, mo)[1]
        return _day(y, mo, last_day if g["which"] == "last" else 1), "relative"
    if kind == "span_day":
        edge = previous.end if g["which"] in ("last", "final", "closing") else previous.start
        return edge.isoformat(), "relative"
    return None, ""


def _lower(text: str | None) -> str | None:
    return text.lower() if text else None


def _day_number(text: str) -> int:
    return int(re.sub(r"\D.*", "", text))  # "16th" is 16


def _day(year: int, month: int, day: int) -> str:
    return f"{year}-{month:02d}-{day:02d}"


def _full_year(text: str, first: int) -> int:
    """A two-digit year after ``first``: "22" after 1920 is 1922; "1922" is itself."""
    if len(text) == 4:
        return int(text)
    century = first // 100 * 100
    return century + int(text) if century + int(text) >= first else century + 100 + int(text)


def _month_part(year: int, month: int, part: str | None) -> str:
    if not part:
        return f"{year}-{month:02d}"
    first, last = MONTH_PARTS[" ".join(part.split())]
    month_end = calendar.monthrange(year, month)[1]
    last = min(last, month_end)
    first = month_end + first + 1 if first < 0 else first  # "the last days": counted from the end
    return f"{_day(year, month, first)}/{_day(year, month, last)}"


def _holiday_name(words: str) -> str:
    return " ".join(words.lower().replace("\u2019", "'").split())


def _holiday(year: int, g: dict[str, str]) -> str:
    """The feast's day in ``year``, moved by "the day after" or "four days before"."""
    name = _holiday_name(g["h"])
    feast = _easter(year) if name.startswith("easter") else dt.date(year, *HOLIDAYS[name])
    if not g.get("dir"):
        return feast.isoformat()
    low, high = _count_range(g["n"]) if g.get("n") else (1, 1)
    days = 7 if (g.get("u") or "day").startswith("week") else 1
    sign = 1 if g["dir"] == "after" else -1
    first = feast + dt.timedelta(days=sign * (low if sign > 0 else high) * days)
    last = feast + dt.timedelta(days=sign * (high if sign > 0 else low) * days)
    return _span_value(first, last)


def _easter(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the Meeus/Jones/Butcher algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    shift = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * shift + 114, 31)
    return dt.date(year, month, day + 1)


def _season(year: int, season: str, part: str | None) -> str:
    season = "autumn" if season == "fall" else season
    if not part:
        return f"{year}-{season}"
    first_month, _, _ = SEASONS[season]
    month_index = {"early": 0, "mid": 1, "late": 2}[part]
    month = (first_month - 1 + month_index) % 12 + 1
    return f"{year + (1 if season == 'winter' and month < 12 else 0)}-{month:02d}"


def _year_on_or_after(previous: HistDate, month: int) -> int:
    """The year of the first such month on or after the previous date (narrative moves forward)."""
    year = previous.start.year
    if month >= previous.start.month or previous.start.month - month <= LOOK_BACK_MONTHS:
        return year
    return year + 1


def _season_in_context(previous: HistDate, season: str, rel: str | None, part: str | None) -> str:
    """The season that contains the previous date or follows it; "next" and "previous" step."""
    season = "autumn" if season == "fall" else season
    year = previous.start.year
    spans = []
    for y in (year - 1, year, year + 1):
        value = f"{y}-{season}"
        spans.append((HistDate.parse(value), y))
    if rel in ("previous", "preceding"):
        before = [y for d, y in spans if d.end < previous.start]
        chosen = before[-1] if before else year - 1
    elif rel in ("next", "following"):
        chosen = next((y for d, y in spans if d.start > previous.end), year + 1)
    else:
        chosen = next((y for d, y in spans if d.end >= previous.start), year)
    return _season(chosen, season, part)


def _count_range(n: str) -> tuple[int, int]:
    n = n.lower()
    if n in VAGUE_COUNTS:
        return VAGUE_COUNTS[n]
    if n.isdigit():
        return int(n), int(n)
    return NUMBERS.get(n, 1), NUMBERS.get(n, 1)


def _offset(previous: HistDate, n: str, unit: str, direction: str) -> str | None:
    """Shift the previous date by a number of days, weeks, months or years."""
    unit = unit.rstrip("s")
    low, high = _count_range(n)
    forward = direction in ("later", "afterwards", "after")
    if unit in ("month", "year"):
        months = 12 if unit == "year" else 1
        sign = 1 if forward else -1
        first = _add_months(previous.start, sign * (low if forward else high) * months)
        last = _add_months(previous.end, sign * (high if forward else low) * months)
        if unit == "year" and previous.precision == "year":
            return f"{first.year}" if first.year == last.year else f"{first.year}/{last.year}"
        return _span_value(first, last)
    days = UNIT_DAYS[unit]
    if forward:
        first = previous.start + dt.timedelta(days=low * days)
        last = previous.end + dt.timedelta(days=high * days)
    else:
        first = previous.start - dt.timedelta(days=high * days)
        last = previous.end - dt.timedelta(days=low * days)
    return _span_value(first, last)


def _step(previous: HistDate, unit: str, sign: int) -> str | None:
    """The date one unit on: "the following year" is the next calendar year, "the next month" the next month."""
    if unit == "year":
        return str(previous.start.year + sign)
    if unit == "month":
        first = _add_months(previous.start.replace(day=1), sign)
        return f"{first.year}-{first.month:02d}"
    return _offset(previous, "one", unit, "later" if sign > 0 else "before")


def _same(previous: HistDate, unit: str) -> str:
    if unit == "year":
        return str(previous.start.year)
    if unit == "month":
        return f"{previous.start.year}-{previous.start.month:02d}"
    return _span_value(previous.start, previous.start)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _span_value(first: dt.date, last: dt.date) -> str:
    """The index grammar for a span of days, as coarse as the span is: day, month or year."""
    if first == last:
        return first.isoformat()
    month_end = calendar.monthrange(last.year, last.month)[1]
    if first.day == 1 and last.day == month_end:
        if (first.month, last.month) == (1, 12):
            return str(first.year) if first.year == last.year else f"{first.year}/{last.year}"
        a, b = f"{first.year}-{first.month:02d}", f"{last.year}-{last.month:02d}"
        return a if a == b else f"{a}/{b}"
    if (last - first).days > 62:
        a, b = f"{first.year}-{first.month:02d}", f"{last.year}-{last.month:02d}"
        return a if a == b else f"{a}/{b}"
    return f"{first.isoformat()}/{last.isoformat()}"


def _anchor_to_later_dates(
    text: str, found: list[FoundDate | None], pending: list[tuple[int, re.Match[str], int]]
) -> None:
    """Resolve "a week after X, Y happened on D": X is a week before D, when D is in the sentence."""
    for index, m, span_start in pending:
        words = _trim(m.group())
        later = next((f for f in found[index + 1 :] if f is not None and f.stated), None)
        if later is None or _SENTENCE_END.search(text, span_start + len(words), later.start):
            continue
        reverse = {"after": "before", "before": "after"}[m.group("dir")]
        value = _offset(later.date, m.group("n"), m.group("u"), reverse)
        if value:
            found[index] = FoundDate(span_start, span_start + len(words), words, value, "relative to a later date")

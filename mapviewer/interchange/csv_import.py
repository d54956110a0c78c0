"""Import events from a spreadsheet's CSV: date, title, places, quote (summary, people optional)."""

from __future__ import annotations

import bisect
import codecs
import csv
import functools
import io
import re
import unicodedata
from pathlib import Path

from ..model.anchors import TextQuote, TextWords, UnquotableSpanError, find_quote, quote_for
from ..model.dates import DateError, HistDate
from ..model.errors import InputError
from ..model.files import read_user_file
from ..model.ids import unique_id
from ..model.index import MAX_EVENTS, JsonObject, PlaceEventIndex, check_schema, index_from_json

MAX_CSV_BYTES = 10 * 1024 * 1024
REQUIRED_COLUMNS = ("date", "title", "places", "quote")
OPTIONAL_COLUMNS = ("summary", "people", "prefix", "suffix")
# Headings people actually type for the same columns.
COLUMN_ALIASES = {
    "place": "places",
    "sentence": "quote",
    "text": "quote",
    "description": "summary",
    "person": "people",
    "persons": "people",
}
DEFAULT_ROLE = "involved"
HEADER_FIX = "the first row must name the columns date, title, places and quote (summary, people optional)"

# English names on purpose: calendar.month_name follows the locale, which Qt sets.
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            (),
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
SEASON_WORDS = {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter"}

_GRAMMAR_LIKE = re.compile(r"^\d{4}(-[0-9a-z]+)*(/\d{4}(-[0-9a-z]+)*)?$")
_ISO_LOOSE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_SPREADSHEET_TIME = re.compile(r"[ T]00:00(:00(\.0+)?)?$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_NUMERIC_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.](\d{4})$")
_RANGE = re.compile(r"\s+(?:to|until|-|\u2013|\u2014)\s+|\s*[\u2013\u2014]\s*")


class RowError(ValueError):
    """One row that cannot be imported; the message says which column and why."""


def import_events_csv(path: str | Path, index: PlaceEventIndex) -> tuple[PlaceEventIndex, list[str]]:
    """Add the events of a CSV file to a copy of ``index``.

    Returns the new index and a list of messages: "row 4: ..." for each row left out, and
    "note: ..." for things worth knowing (another encoding, ignored columns). A file that is
    not a usable CSV at all raises InputError.
    """
    path = Path(path)
    text, messages = decode_csv_bytes(
        read_user_file(path, MAX_CSV_BYTES, "CSV", "split it into smaller files"), str(path)
    )
    rows = _records(text, path)
    header_row = next(((n, cells) for n, cells in rows if any(c.strip() for c in cells)), None)
    if header_row is None:
        raise InputError(path, "the file is empty", fix=HEADER_FIX)
    rows_left = sum(1 for n, cells in rows if n > header_row[0] and any(c.strip() for c in cells))
    if rows_left + len(index.events) > MAX_EVENTS:
        raise InputError(
            path,
            f"the file has {rows_left:,} rows and the index {len(index.events):,} events; an index holds "
            f"at most {MAX_EVENTS:,} events",
            fix="split the file, or import into several indexes",
        )
    columns, notes = _columns(header_row[1], path)
    messages.extend(notes)
    width = len(header_row[1])
    matcher = PlaceMatcher(index)
    used_ids = set(index.events)
    seen = {(e.title.casefold(), e.date.text, e.span) for e in index.events.values()}
    new_events = []
    for number, cells in rows:
        if number <= header_row[0] or not any(c.strip() for c in cells):
            continue
        try:
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                raise RowError(
                    f"{len(cells)} cells but the header has {width} columns \u2014 "
                    "put quotes around text that contains the delimiter"
                )
            record = {name: (cells[i].strip() if i < len(cells) else "") for name, i in columns.items()}
            event, key = _event_from_record(record, index, matcher, used_ids)
            if key in seen:
                raise RowError(f'the index already has this event ("{event["title"]}") \u2014 left out')
        except RowError as exc:
            messages.append(f"row {number}: {exc}")
            continue
        seen.add(key)
        used_ids.add(event["id"])
        new_events.append(event)
    data = index.to_json()
    data["events"].extend(new_events)
    return index_from_json(data, index.passage, index.path), messages


def decode_csv_bytes(raw: bytes, name: str) -> tuple[str, list[str]]:
    """Decode CSV bytes as spreadsheets write them; return the text and any note about it."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode Text" export: UTF-16 with a byte order mark.
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            raise InputError(name, "the UTF-16 text is damaged", fix="save it again as CSV UTF-8") from None
    if b"\x00" in raw[:65536]:
        raise InputError(
            name,
            "this is a binary file, not CSV text",
            fix="save the sheet as CSV UTF-8 (comma delimited) and import that",
        )
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = raw.decode("cp1252"), "Windows-1252 (Western European)"
    except UnicodeDecodeError:
        text, encoding = raw.decode("latin-1"), "Latin-1"
    return text, [
        f"note: the file is not UTF-8, so it was read as {encoding}; check accented "
        'letters, or save it as "CSV UTF-8" in your spreadsheet'
    ]


def _records(text: str, path: Path) -> list[tuple[int, list[str]]]:
    """The CSV records numbered as a spreadsheet numbers its rows (the header is row 1)."""
    lines = text.split("\n", 1)
    delimiter = None
    excel_hint = re.match(r"^sep=(.)\r?$", lines[0])
    if excel_hint:
        # Excel's "sep=;" first line names the delimiter and is not shown as a row.
        delimiter = excel_hint[1]
        text = lines[1] if len(lines) > 1 else ""
    delimiter = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)
    try:
        return list(enumerate(reader, start=1))
    except csv.Error as exc:
        raise InputError(path, f"the CSV is malformed ({exc})", fix="save it again from the spreadsheet") from None


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever splits the header into the most known column names."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    known = set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS) | set(COLUMN_ALIASES)

    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        return sum(_column_name(c) in known for c in cells), len(cells)

    return max((",", ";", "\t"), key=score)


def _column_name(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").split()).casefold()


def _columns(header: list[str], path: Path) -> tuple[dict[str, int], list[str]]:
    columns: dict[str, int] = {}
    notes = []
    for i, cell in enumerate(header):
        name = _column_name(cell)
        name = COLUMN_ALIASES.get(name, name)
        if not name:
            continue
        if name in columns:
            raise InputError(path, f"the header names the column {name!r} twice", fix=HEADER_FIX)
        if name in REQUIRED_COLUMNS or name in OPTIONAL_COLUMNS:
            columns[name] = i
        else:
            notes.append(f"note: the column {cell.strip()!r} is not imported")
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        listed = ", ".join(repr(c) for c in missing)
        raise InputError(path, f"the header row has no column {listed}", fix=HEADER_FIX)
    return columns, notes


def _event_from_record(
    record: dict[str, str], index: PlaceEventIndex, matcher: PlaceMatcher, used_ids: set[str]
) -> tuple[JsonObject, tuple[str, str, tuple[int, int]]]:
    title = record["title"]
    if not title:
        raise RowError("the title is empty")
    if not record["date"]:
        raise RowError("the date is empty")
    date = spreadsheet_date(record["date"])
    roles = matcher.roles(record["places"])
    if not record["quote"]:
        raise RowError("the quote is empty \u2014 copy the sentence from the passage")
    span = quoted_span(
        index.passage.text, record["quote"], record.get("prefix", ""), record.get("suffix", ""), index.passage.words
    )
    try:
        anchor = quote_for(index.passage.text, *span, index.passage.words)
    except UnquotableSpanError as exc:
        raise RowError(f"quote: {exc}") from None
    event = {
        "id": unique_id(title, used_ids, fallback="event"),
        "title": title,
        "date": date,
        "places": [{"place": p, "role": r} for p, r in roles],
        "anchor": anchor.to_json(),
        "summary": record.get("summary") or title,
    }
    people = [p.strip() for p in record.get("people", "").split(";") if p.strip()]
    if people:
        event["people"] = people
    try:
        # Check the row on its own, so one bad row cannot stop the others.
        check_schema(
            {"format": "mapviewer-index", "version": 1, "passage": {"file": "-"}, "places": [], "events": [event]}
        )
    except InputError as exc:
        field = exc.item.split("field ", 1)[1] if "field " in exc.item else "the row"
        raise RowError(f"{field}: {exc.problem}") from None
    return event, (title.casefold(), date, span)


def spreadsheet_date(text: str) -> str:
    """A date as people type it, in the index's grammar; raise RowError saying what is wrong."""
    original = text
    text = _SPREADSHEET_TIME.sub("", " ".join(text.split())).casefold()
    if "/" in text and _GRAMMAR_LIKE.match(text.split("/")[0]):
        parts = text.split("/", 1)  # START/END in the index grammar
    else:
        parts = [p for p in _RANGE.split(text) if p] if _RANGE.search(text) else [text]
        if len(parts) != 2:
            parts = [text]
    converted = "/".join(_date_point(p, original) for p in parts)
    try:
        HistDate.parse(converted)
    except DateError as exc:
        reason = str(exc)
        # DateError starts with the text it parsed; show the user's own text instead.
        prefix = repr(converted)
        reason = reason[len(prefix) :] if reason.startswith(prefix) else f": {reason}"
        raise RowError(f"date {original!r}{reason}") from None
    return converted


def _date_point(text: str, original: str) -> str:
    if _GRAMMAR_LIKE.match(text) and not _ISO_LOOSE.match(text):
        return text  # the index grammar already (a year, a season); HistDate checks it
    if m := _ISO_LOOSE.match(text):
        year, month, day = m[1], int(m[2]), m[3]
        return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    if m := _DAY_MONTH_YEAR.match(text):
        return _ymd(m[3], _month(m[2], original), m[1])
    if m := _MONTH_DAY_YEAR.match(text):
        return _ymd(m[3], _month(m[1], original), m[2])
    if m := _MONTH_YEAR.match(text):
        if m[1] in SEASON_WORDS:
            return f"{m[2]}-{SEASON_WORDS[m[1]]}"
        return f"{m[2]}-{_month(m[1], original):02d}"
    if m := _NUMERIC.match(text):
        day, month = int(m[1]), int(m[2])
        if month > 12 and day <= 12:
            raise RowError(
                f"date {original!r}: there is no month {month}; write the day first ({month:02d}/{day:02d}/{m[3]})"
            )
        return _ymd(m[3], month, day)
    if m := _NUMERIC_MONTH_YEAR.match(text):
        return f"{m[2]}-{int(m[1]):02d}"
    raise RowError(
        f"date {original!r} is not a date I can read; write 1921-03-16, 16 March 1921, March 16, 1921 or 16/03/1921"
    )


def _month(word: str, original: str) -> int:
    if word not in MONTHS:
        raise RowError(f"date {original!r}: {word!r} is not a month")
    return MONTHS[word]


def _ymd(year: str, month: int, day: str | int) -> str:
    if not 1 <= month <= 12:
        return f"{year}-{month:02d}"  # let HistDate name the impossible month
    return f"{year}-{month:02d}-{int(day):02d}"


def _normal(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


class PlaceMatcher:
    """Finds index places by id, name, modern name, label or mention, ignoring case."""

    def __init__(self, index: PlaceEventIndex) -> None:
        self.names: dict[str, set[str]] = {}
        for place in index.places.values():
            for name in (place.id, place.name, place.modern_name, place.label, *place.mentions):
                self.names.setdefault(_normal(name), set()).add(place.id)

    def find(self, name: str) -> str:
        ids = self.names.get(_normal(name), set())
        if not ids:
            raise RowError(
                f"place {name!r} is not in the index \u2014 add it to the places first, "
                "or use the name the index gives it"
            )
        if len(ids) > 1:
            listed = ", ".join(sorted(ids))
            raise RowError(f"place {name!r} could be any of {listed} \u2014 write the place id instead")
        return next(iter(ids))

    def roles(self, cell: str) -> list[tuple[str, str]]:
        """Parse "Rapallo: signed at; Germany" into (place id, role) pairs."""
        roles: dict[str, str] = {}
        for item in cell.split(";"):
            if not item.strip():
                continue
            name, _, role = item.partition(":")
            # "Name: role" only when the whole item is not itself a place name with a colon.
            if role and _normal(item) in self.names:
                name, role = item, ""
            roles.setdefault(self.find(name), " ".join(role.split()) or DEFAULT_ROLE)
        if not roles:
            raise RowError("no places \u2014 name at least one place of the index, separated by ';'")
        return list(roles.items())


def quoted_span(
    text: str, quote: str, prefix: str = "", suffix: str = "", words: TextWords | None = None
) -> tuple[int, int]:
    """Where a quoted sentence is in the passage; tolerates other spaces, line breaks and curly quotes.

    Raises RowError unless the quote (with the prefix and suffix the row gives) is there exactly once.
    """
    hits = [(start, start + len(quote)) for start in find_quote(text, TextQuote(quote, prefix, suffix), words)]
    if not hits:
        # A spreadsheet cell loses the passage's line breaks and may curl the quotes; find the
        # passage's own words so the anchor is still an exact copy.
        hits = [
            (start, end)
            for start, end in _tolerant_text(text).find(quote)
            if text.endswith(prefix, 0, start) and text.startswith(suffix, end)
        ]
    shown = quote if len(quote) <= 60 else quote[:57] + "..."
    if not hits:
        raise RowError(f"quote {shown!r} is not in the passage \u2014 copy it exactly from the passage")
    if len(hits) > 1:
        raise RowError(
            f"quote {shown!r} occurs {len(hits)} times in the passage \u2014 quote more of "
            "the sentence (or fill the prefix or suffix column) so it occurs once"
        )
    return hits[0]


# Characters a spreadsheet may have curled or dashed: each stands for the others.
_LOOK_ALIKE = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
_SPACES = re.compile(r"\s+")


class _TolerantText:
    """The passage with look-alike characters made one and each run of spaces one space, and
    the way back to the passage's own offsets: a quote is then found by one string search (a
    pattern with a \\s+ between 2,000 words backtracks at every word of the passage)."""

    def __init__(self, text: str) -> None:
        plain = text.translate(_LOOK_ALIKE)  # one character for one: offsets unchanged
        pieces = []
        self.starts: list[int] = []  # where each piece of the folded text starts, there and here
        self.origins: list[int] = []
        folded = 0
        last = 0
        for m in _SPACES.finditer(plain):
            for a, b in ((last, m.start()), (m.start(), m.end())):
                if a == b:
                    continue
                self.starts.append(folded)
                self.origins.append(a)
                piece = plain[a:b] if a == last else " "
                pieces.append(piece)
                folded += len(piece)
            last = m.end()
        if last < len(plain):
            self.starts.append(folded)
            self.origins.append(last)
            pieces.append(plain[last:])
        self.text = "".join(pieces)
        self.spaces = {s for s, p in zip(self.starts, pieces, strict=True) if p == " "}
        self.length = len(text)

    def _original(self, folded: int, end: bool) -> int:
        i = bisect.bisect_right(self.starts, folded) - 1
        start = self.starts[i]
        if start in self.spaces:  # inside a folded run of spaces: its start or end there
            return self.origins[i + 1] if end and i + 1 < len(self.origins) else self.origins[i]
        return self.origins[i] + (folded - start)

    def find(self, quote: str) -> list[tuple[int, int]]:
        needle = " ".join(quote.translate(_LOOK_ALIKE).split())
        if not needle:
            return []
        hits = []
        at = self.text.find(needle)
        while at != -1:
            start = self._original(at, end=False)
            last = self._original(at + len(needle) - 1, end=False)
            hits.append((start, last + 1))
            at = self.text.find(needle, at + 1)
        return hits


@functools.lru_cache(maxsize=2)
def _tolerant_text(text: str) -> _TolerantText:
    return _TolerantText(text)

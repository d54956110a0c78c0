"""The place-event index: places, events, dates and anchors, loaded and checked."""

from __future__ import annotations

import datetime as dt
import errno
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, cast

import fastjsonschema

from ..paths import resource_path
from .anchors import AnchorError, TextQuote, TextWords, resolve_anchor
from .dates import DateError, HistDate
from .errors import InputError
from .files import path_error, read_user_file
from .passage import Passage, load_passage
from .schema_check import compiled_check

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

MAX_INDEX_BYTES = 20 * 1024 * 1024
# The schema's limits (maxItems), named here for the importers that add to an index.
MAX_EVENTS = 5000
MAX_PLACES = 5000
INDEX_SUFFIX = ".index.json"

# A JSON object as json.loads gives it: the index file and each item in it.
JsonObject: TypeAlias = dict[str, Any]


@dataclass(frozen=True)
class DatedName:
    """A name a place went by from ``start`` to ``end`` (both inclusive; ``None`` is open-ended)."""

    name: str
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    def to_json(self) -> JsonObject:
        out: JsonObject = {"name": self.name}
        if self.start:
            out["from"] = self.start.isoformat()
        if self.end:
            out["to"] = self.end.isoformat()
        return out


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    modern_name: str
    kind: str
    lat: float
    lon: float
    wikidata: str | None = None
    geonames: int | None = None
    mentions: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    note: str = ""
    names: tuple[DatedName, ...] = ()  # renamings by date; ``name`` is the default

    def name_on(self, date: dt.date) -> str:
        """The name the place went by on ``date`` (geodata/README.md, "Names"): Ekaterinodar, then Krasnodar."""
        return next((n.name for n in self.names if n.covers(date)), self.name)

    @property
    def label(self) -> str:
        """ "Reval (Tallinn)" when the period name differs from today's, else the name."""
        if self.modern_name and self.modern_name != self.name:
            return f"{self.name} ({self.modern_name})"
        return self.name


@dataclass(frozen=True)
class PlaceRole:
    place: str
    role: str


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    date: HistDate
    places: tuple[PlaceRole, ...]
    anchor: TextQuote
    summary: str
    span: tuple[int, int]
    people: tuple[str, ...] = ()
    date_source: str = ""

    @property
    def place_ids(self) -> list[str]:
        return list(dict.fromkeys(p.place for p in self.places))

    @property
    def quote(self) -> str:
        """The anchored words as a quotation, with ellipses where they cut a sentence."""
        text = self.anchor.exact.strip()
        if text[:1].islower():
            text = "\u2026 " + text
        if text[-1:].isalnum():
            text += " \u2026"
        return text


@dataclass(frozen=True)
class TourStep:
    event: str
    note: str = ""
    view: JsonObject | None = None


@dataclass(frozen=True)
class Tour:
    id: str
    title: str
    steps: tuple[TourStep, ...]


@dataclass(frozen=True)
class PlaceEventIndex:
    """A passage with its places and events; events keep file order, ``chronological`` sorts."""

    passage: Passage
    places: dict[str, Place]
    events: dict[str, Event]
    meta: JsonObject = field(default_factory=dict)
    tours: tuple[Tour, ...] = ()
    path: str = ""
    # The tour F5 presents: None when the file does not say (then the first tour), "" for every event.
    lecture: str | None = None

    @cached_property
    def chronological(self) -> list[Event]:
        return sorted(self.events.values(), key=lambda e: (e.date.start, e.date.end, e.span[0]))

    def events_at(self, place_id: str) -> list[Event]:
        return [e for e in self.chronological if place_id in e.place_ids]

    def event_at_offset(self, offset: int) -> Event | None:
        """The event whose anchor covers this character; the shortest anchor wins."""
        covering = [e for e in self.events.values() if e.span[0] <= offset < e.span[1]]
        return min(covering, key=lambda e: e.span[1] - e.span[0], default=None)

    @cached_property
    def mention_spans(self) -> dict[str, list[tuple[int, int]]]:
        """Where each place is named in the passage (whole words only)."""
        words = self.passage.words
        spans: dict[str, list[tuple[int, int]]] = {}  # places often share a mention
        for place in self.places.values():
            for mention in place.mentions:
                if mention not in spans:
                    spans[mention] = words.word_spans(mention)
        return {
            pid: sorted({span for mention in p.mentions for span in spans[mention]}) for pid, p in self.places.items()
        }

    def to_json(self) -> JsonObject:
        """The index as the file format holds it (the inverse of ``index_from_json``)."""
        out: JsonObject = {"format": "mapviewer-index", "version": 1, "passage": dict(self.meta)}
        out["places"] = [_place_json(p) for p in self.places.values()]
        out["events"] = [_event_json(e) for e in self.events.values()]
        if self.lecture is not None:
            out["lecture"] = self.lecture
        if self.tours:
            out["tours"] = [
                {"id": t.id, "title": t.title, "steps": [_step_json(s) for s in t.steps]} for t in self.tours
            ]
        return out


def find_mentions(text: str, words: tuple[str, ...], finder: TextWords | None = None) -> list[tuple[int, int]]:
    """Where any of ``words`` stands in ``text`` as a whole word (no letter or digit either side)."""
    finder = finder or TextWords(text)
    return sorted({span for word in words for span in finder.word_spans(word)})


def _place_json(p: Place) -> JsonObject:
    out: JsonObject = {
        "id": p.id,
        "name": p.name,
        "modern_name": p.modern_name,
        "kind": p.kind,
        "lat": p.lat,
        "lon": p.lon,
    }
    if p.wikidata:
        out["wikidata"] = p.wikidata
    if p.geonames:
        out["geonames"] = p.geonames
    if p.mentions:
        out["mentions"] = list(p.mentions)
    if p.states:
        out["states"] = list(p.states)
    if p.note:
        out["note"] = p.note
    if p.names:
        out["names"] = [n.to_json() for n in p.names]
    return out


def _event_json(e: Event) -> JsonObject:
    out: JsonObject = {
        "id": e.id,
        "title": e.title,
        "date": e.date.text,
        "places": [{"place": r.place, "role": r.role} for r in e.places],
        "anchor": e.anchor.to_json(),
        "summary": e.summary,
    }
    if e.people:
        out["people"] = list(e.people)
    if e.date_source:
        out["date_source"] = e.date_source
    return out


def _step_json(s: TourStep) -> JsonObject:
    out: JsonObject = {"event": s.event}
    if s.note:
        out["note"] = s.note
    if s.view:
        out["view"] = dict(s.view)
    return out


@dataclass
class _Schema:
    schema: JsonObject | None = None
    fast: Callable[[object], object] | None = None  # fastjsonschema's compiled check: quick, but terse when it fails
    full: Validator | None = None  # jsonschema's validator, imported only to explain a failure well


_SCHEMA = _Schema()


def _schemas() -> tuple[JsonObject, Callable[[object], object]]:
    """The index schema and its compiled check, loaded once."""
    if _SCHEMA.schema is None or _SCHEMA.fast is None:
        text = resource_path("schema", "place-event-index.schema.json").read_text("utf-8")
        _SCHEMA.schema = json.loads(text)
        _SCHEMA.fast = compiled_check(_SCHEMA.schema, text)
    return _SCHEMA.schema, _SCHEMA.fast


def item_name(data: object, path: Iterable[str | int]) -> str:
    """Name the item at ``path`` in index JSON: 'event "rapallo", field date' rather than 'events.3.date'."""
    parts = list(path)
    if len(parts) >= 2 and parts[0] in ("events", "places", "tours") and isinstance(parts[1], int):
        kind = parts[0][:-1]
        try:
            item_id = cast(JsonObject, data)[parts[0]][parts[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            item_id = None
        name = f'{kind} "{item_id}"' if isinstance(item_id, str) else f"{kind} #{parts[1] + 1}"
        rest = ".".join(str(p) for p in parts[2:])
        return f"{name}, field {rest}" if rest else name
    return ".".join(str(p) for p in parts) or "the top level"


def check_schema(data: object, file: str = "") -> JsonObject:
    """Return ``data`` as the index object it is; raise InputError for the first place it breaks the schema."""
    schema, fast = _schemas()
    try:
        fast(data)
        return cast(JsonObject, data)
    except fastjsonschema.JsonSchemaException:
        pass  # find and word the problem with the thorough validator
    except RecursionError:
        raise InputError(file, "the JSON nests too deeply", fix="this is not an index file") from None
    if _SCHEMA.full is None:
        import jsonschema

        _SCHEMA.full = jsonschema.Draft202012Validator(schema)
    errors = sorted(
        # Any: jsonschema types its argument as a JSON value, and ``data`` is whatever json.loads gave.
        _SCHEMA.full.iter_errors(cast(Any, data)),
        key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))),
    )
    if errors:
        err = errors[0]
        message = err.message
        if err.validator in ("maxItems", "maxLength") and hasattr(err.instance, "__len__"):
            # jsonschema would quote the whole list or text, which may be megabytes long.
            unit = "items" if err.validator == "maxItems" else "characters"
            message = f"it has {len(err.instance)} {unit}; mapviewer takes at most {err.validator_value}"
        raise InputError(
            file,
            message if len(message) < 300 else message[:297] + "...",
            item=item_name(data, err.absolute_path),
            fix="see docs/index-format.md for the format",
        )
    return cast(JsonObject, data)  # fastjsonschema and jsonschema disagreed; trust the thorough one


def index_from_json(data: object, passage: Passage, file: str = "", *, schema_checked: bool = False) -> PlaceEventIndex:
    """Check a parsed index against the schema and the passage; raise InputError on the first problem.

    ``schema_checked`` says the caller has just passed ``data`` through ``check_schema``.
    """
    data = cast(JsonObject, data) if schema_checked else check_schema(data, file)
    places: dict[str, Place] = {}
    for raw in data["places"]:
        if raw["id"] in places:
            raise InputError(
                file, "this place id is used twice", item=f'place "{raw["id"]}"', fix="give each place its own id"
            )
        places[raw["id"]] = Place(
            raw["id"],
            raw["name"],
            raw["modern_name"],
            raw["kind"],
            float(raw["lat"]),
            float(raw["lon"]),
            raw.get("wikidata"),
            raw.get("geonames"),
            tuple(raw.get("mentions", ())),
            tuple(raw.get("states", ())),
            raw.get("note", ""),
            dated_names_from_json(raw, file),
        )
    events: dict[str, Event] = {}
    passage.words.prefetch(
        a.get("prefix", "") + a["exact"] + a.get("suffix", "") for a in (raw["anchor"] for raw in data["events"])
    )
    for raw in data["events"]:
        item = f'event "{raw["id"]}"'
        if raw["id"] in events:
            raise InputError(file, "this event id is used twice", item=item, fix="give each event its own id")
        try:
            date = HistDate.parse(raw["date"])
        except DateError as exc:
            raise InputError(file, str(exc), item=f"{item}, field date", fix="correct the date") from None
        for role in raw["places"]:
            if role["place"] not in places:
                raise InputError(
                    file,
                    f'it names the place "{role["place"]}", which is not in the places list',
                    item=item,
                    fix="add the place or correct the id",
                )
        anchor = raw["anchor"]
        quote = TextQuote(anchor["exact"], anchor.get("prefix", ""), anchor.get("suffix", ""))
        try:
            span = resolve_anchor(passage.text, quote, passage.words)
        except AnchorError as exc:
            raise InputError(
                file, str(exc), item=f"{item}, field anchor", fix="copy the words exactly from the passage"
            ) from None
        events[raw["id"]] = Event(
            raw["id"],
            raw["title"],
            date,
            tuple(PlaceRole(r["place"], r["role"]) for r in raw["places"]),
            quote,
            raw["summary"],
            span,
            tuple(raw.get("people", ())),
            raw.get("date_source", ""),
        )
    tours = []
    for raw in data.get("tours", ()):
        for step in raw["steps"]:
            if step["event"] not in events:
                raise InputError(
                    file,
                    f'step names the event "{step["event"]}", which is not in the index',
                    item=f'tour "{raw["id"]}"',
                    fix="correct the event id",
                )
        tours.append(
            Tour(
                raw["id"],
                raw["title"],
                tuple(TourStep(s["event"], s.get("note", ""), s.get("view")) for s in raw["steps"]),
            )
        )
    lecture = data.get("lecture")
    if lecture and not any(t.id == lecture for t in tours):
        raise InputError(
            file,
            f'it chooses the lecture "{lecture}", which is not in the tours',
            item="lecture",
            fix="name one of the tours, or leave the field out",
        )
    return PlaceEventIndex(passage, places, events, dict(data["passage"]), tuple(tours), file, lecture)


def dated_names_from_json(raw: JsonObject, file: str = "") -> tuple[DatedName, ...]:
    """A place's ``names``: real days, each period in order, none overlapping the next."""
    item = f'place "{raw["id"]}", field names'
    out: list[DatedName] = []
    for entry in raw.get("names", ()):
        try:
            start = dt.date.fromisoformat(entry["from"]) if "from" in entry else None
            end = dt.date.fromisoformat(entry["to"]) if "to" in entry else None
        except ValueError as exc:
            raise InputError(file, f"{entry['name']!r}: {exc}", item=item, fix="write the day as YYYY-MM-DD") from None
        if start and end and end < start:
            raise InputError(file, f"{entry['name']!r} ends before it starts", item=item, fix="swap from and to")
        if out and (out[-1].end is None or start is None or start <= out[-1].end):
            raise InputError(
                file,
                f"{entry['name']!r} does not start after {out[-1].name!r} ends",
                item=item,
                fix="list the names in date order, each ending before the next begins",
            )
        out.append(DatedName(entry["name"], start, end))
    return tuple(out)


def parse_index_bytes(raw: bytes, file: str) -> object:
    """Decode and parse index JSON, turning every failure into an InputError."""
    if b"\x00" in raw[:4096]:
        raise InputError(file, "this is a binary file, not an index", fix="choose a .index.json file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(file, f"the file is not UTF-8 (byte {exc.start})", fix="save it as UTF-8") from None
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except _NonFiniteError as exc:
        line, column = _where_constant(text, exc.constant)
        raise InputError(
            file,
            f"line {line}, column {column}: {exc.constant} is not a number an index may hold",
            fix="write a finite number (JSON has no NaN or Infinity)",
        ) from None
    except json.JSONDecodeError as exc:
        problem = f"the JSON is malformed at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        if exc.pos >= len(text.rstrip()):
            problem = f"the file ends too early (line {exc.lineno}): it may have been cut short"
        raise InputError(file, problem, fix="repair it in a text editor or restore a backup") from None
    except ValueError as exc:
        # Python refuses integers of more than 4300 digits (sys.get_int_max_str_digits) as a DoS guard.
        raise InputError(
            file,
            f"it holds a number of more than {sys.get_int_max_str_digits()} digits, too long to read"
            if "digits" in str(exc)
            else f"the JSON cannot be read ({exc})",
            fix="write the number in full with fewer digits (no index needs such a number)",
        ) from None
    except RecursionError:
        raise InputError(file, "the JSON nests too deeply", fix="this is not an index file") from None
    bad = _lone_surrogate(data, [])
    if bad is not None:
        path, position = bad
        raise InputError(
            file,
            f"the text has a lone surrogate (\\u{position[1]:04x}) at character {position[0] + 1}, "
            "which no file can hold",
            item=item_name(data, path),
            fix="remove the \\ud8xx escape from the file",
        )
    return data


class _NonFiniteError(ValueError):
    def __init__(self, constant: str) -> None:
        super().__init__(constant)
        self.constant = constant


def _refuse_constant(constant: str) -> object:
    raise _NonFiniteError(constant)


def _where_constant(text: str, constant: str) -> tuple[int, int]:
    """Line and column of the first ``constant`` standing as a value (after ``:``, ``,`` or ``[``)."""
    match = re.search(r"[:,\[]\s*(" + re.escape(constant) + r")\b", text)
    start = match.start(1) if match else 0
    line = text.count("\n", 0, start) + 1
    return line, start - (text.rfind("\n", 0, start) + 1) + 1


def _lone_surrogate(value: object, path: list[str | int]) -> tuple[list[str | int], tuple[int, int]] | None:
    """The path of the first string holding a lone surrogate, with its position and code."""
    if isinstance(value, str):
        for i, ch in enumerate(value):
            if "\ud800" <= ch <= "\udfff":
                return path, (i, ord(ch))
        return None
    items: Iterable[tuple[str | int, object]] = ()
    if isinstance(value, dict):
        items = ((k, v) for k, v in value.items())
    elif isinstance(value, list):
        items = enumerate(value)
    for key, item in items:
        found = _lone_surrogate(item, [*path, key])
        if found is not None:
            return found
    return None


def passage_path_of(index_path: str | Path, reference: str) -> Path:
    """The passage an index names, which must lie in the index's folder or below it: an index
    from elsewhere must not make the app read /etc/passwd or a file three folders up."""
    folder = Path(index_path).absolute().parent
    target = folder / reference
    try:
        target.resolve().relative_to(folder.resolve())
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop of symbolic links (Python 3.11)
        error = exc if isinstance(exc, OSError) else OSError(errno.ELOOP, str(exc))
        raise path_error(target, error) from None
    except ValueError:
        raise InputError(
            index_path,
            f"the passage {reference!r} is outside the index's folder",
            item="passage.file",
            fix="keep the passage beside its index (or in a folder below it) and name it relative to the index",
        ) from None
    return target


def index_path_for(passage_path: str | Path) -> Path:
    """The index that sits beside a passage: carr.txt -> carr.index.json."""
    p = Path(passage_path)
    return p.with_name(p.stem + INDEX_SUFFIX)


def load_index(path: str | Path, passage: Passage | None = None) -> PlaceEventIndex:
    """Load an index file and its passage (named in the index, relative to it)."""
    path = Path(path)
    raw = read_user_file(path, MAX_INDEX_BYTES, "index", "this is not an index mapviewer can open")
    data = check_schema(parse_index_bytes(raw, str(path)), str(path))
    if passage is None:
        passage = load_passage(passage_path_of(path, data["passage"]["file"]))
    return index_from_json(data, passage, str(path), schema_checked=True)

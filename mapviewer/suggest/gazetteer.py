"""The gazetteer of 1920-22 place names: load it, look names up, find its places in text."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TypeAlias

from ..model.index import JsonObject
from ..paths import geodata_path

# A word of the text: its start, its end and the word itself.
_Word: TypeAlias = tuple[int, int, str]

GAZETTEER_FILE = "gazetteer.json"

# A name of several words is found across these separators only ("Brest-Litovsk",
# "St. Petersburg", "Great Britain"); a line break or a comma ends a name.
_NAME_GAP = re.compile(r"[ \-\u2010\u2011'\u2019.]{1,3}")
_WORD = re.compile(r"[^\W\d_]+")
_COMMA_GAP = re.compile(r",\s{1,2}")
COMMA_NAME_WORDS = 5

# Words after which a guarded name ("Nice", "Split", "Vladimir") is taken as a place.
_LOCATIVES = {
    "in",
    "at",
    "to",
    "from",
    "near",
    "into",
    "towards",
    "toward",
    "via",
    "outside",
    "around",
    "through",
    "of",
    "reached",
    "entered",
    "left",
    "occupied",
    "took",
    "captured",
    "on",
    "seized",
    "stormed",
    "besieged",
    "attacked",
    "bombarded",
    "evacuated",
    "abandoned",
}


@dataclass(frozen=True)
class GazetteerPlace:
    """One place of the gazetteer, with the names it goes by then and now."""

    id: str
    name: str
    modern_name: str
    kind: str
    lat: float
    lon: float
    variants: tuple[str, ...] = ()
    geonames: int | None = None
    wikidata: str | None = None
    adjectives: tuple[str, ...] = ()
    combining: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    note: str = ""
    source: str = ""
    unmatched_name: bool = False
    # Renamings by date, as the index format holds them ({"name", "from", "to"}); see
    # geodata/README.md, "Names". The names are also variants, so text finds them.
    dated_names: tuple[JsonObject, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the place is found by in text: its own and its variants."""
        own = () if self.unmatched_name else (self.name,)
        return own + self.variants

    def index_place(self, mentions: list[str] | tuple[str, ...] = ()) -> JsonObject:
        """The place as an index file holds it (docs/index-format.md)."""
        out: JsonObject = {
            "id": self.id,
            "name": self.name,
            "modern_name": self.modern_name,
            "kind": self.kind,
            "lat": self.lat,
            "lon": self.lon,
        }
        if self.wikidata:
            out["wikidata"] = self.wikidata
        if self.geonames:
            out["geonames"] = self.geonames
        if mentions:
            out["mentions"] = list(mentions)
        if self.states:
            out["states"] = list(self.states)
        if self.note:
            out["note"] = self.note
        if self.dated_names:
            out["names"] = [dict(n) for n in self.dated_names]
        return out


@dataclass(frozen=True)
class PlaceMatch:
    """Where the text names a place, or ties a sentence to it by an adjective ("German")."""

    place: GazetteerPlace
    start: int
    end: int
    text: str
    by_adjective: bool = False
    # Set for "there", "the city", "the Soviet capital": the words stand for a place named before them.
    by_reference: bool = False
    # Set for "the Mosul question": the place is what the words are about, not where anything happens.
    about: bool = False

    @property
    def names(self) -> bool:
        """Whether the text names the place here (by its name, or by words that stand for it)."""
        return not self.by_adjective and not self.about


@dataclass
class Gazetteer:
    """Places by id, with a word-sequence index for finding their names in running text."""

    places: dict[str, GazetteerPlace]
    guarded_names: frozenset[str] = frozenset()
    _names: dict[tuple[str, ...], GazetteerPlace] = field(default_factory=dict, repr=False)
    _adjectives: dict[str, GazetteerPlace] = field(default_factory=dict, repr=False)
    _combining: dict[str, GazetteerPlace] = field(default_factory=dict, repr=False)
    _folded: dict[str, GazetteerPlace] = field(default_factory=dict, repr=False)
    _longest: int = 1

    def __post_init__(self) -> None:
        for place in self.places.values():
            for name in place.names:
                key = tuple(_WORD.findall(name))
                if key:
                    # The build gives each name to one place; the first claim wins if two
                    # spellings reduce to the same words ("St. Petersburg", "St Petersburg").
                    self._names.setdefault(key, place)
                    self._longest = max(self._longest, len(key))
                self._folded.setdefault(_fold(name), place)
            for word in place.adjectives:
                self._adjectives.setdefault(word, place)
            for word in place.combining:
                self._combining.setdefault(word, place)

    def by_adjective(self, word: str) -> GazetteerPlace | None:
        """The place an adjective stands for: "Polish" is Poland."""
        return self._adjectives.get(word)

    def lookup(self, name: str) -> GazetteerPlace | None:
        """The place a name stands for: exact words first, then ignoring case and accents."""
        name = name.strip()
        whole = self._names.get(tuple(_WORD.findall(name)))  # "The Hague" keeps its article
        name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        key = tuple(_WORD.findall(name))
        return whole or self._names.get(key) or self._folded.get(_fold(name)) or self.places.get(name)

    def find(self, text: str, start: int = 0, end: int | None = None, adjectives: bool = True) -> list[PlaceMatch]:
        """Every place named in ``text[start:end]``, longest name first, in text order.

        With ``adjectives``, words such as "German" or "Anglo-" give matches too, marked
        ``by_adjective``: they tie a sentence to a place without naming it.
        """
        end = len(text) if end is None else end
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
        found: list[PlaceMatch] = []
        i = 0
        while i < len(words):
            match = self._name_at(text, words, i)
            if match:
                found.append(match[0])
                i += match[1]
                continue
            if adjectives:
                w_start, w_end, word = words[i]
                place = self._adjectives.get(word)
                if place is None and text.startswith("-", w_end):
                    place = self._combining.get(word)
                if place is not None:
                    found.append(PlaceMatch(place, w_start, w_end, word, by_adjective=True))
            i += 1
        return found

    def _name_at(self, text: str, words: list[_Word], i: int) -> tuple[PlaceMatch, int] | None:
        for length in range(min(self._longest, len(words) - i), 0, -1):
            run = words[i : i + length]
            if any(not _gap_in_name(text[a[1] : b[0]], length) for a, b in pairwise(run)):
                continue
            place = self._names.get(tuple(w[2] for w in run))
            if place is None:
                continue
            matched = text[run[0][0] : run[-1][1]]
            if matched in self.guarded_names and not _after_locative(text, words, i):
                return None
            return PlaceMatch(place, run[0][0], run[-1][1], matched), length
        return None


def _gap_in_name(gap: str, length: int) -> bool:
    """Words of one name are joined by a space, hyphen, apostrophe or stop; a long official name may hold
    commas too ("the Kingdom of the Serbs, Croats and Slovenes")."""
    return bool(_NAME_GAP.fullmatch(gap) or (length >= COMMA_NAME_WORDS and _COMMA_GAP.fullmatch(gap)))


def _after_locative(text: str, words: list[_Word], i: int) -> bool:
    if i == 0:
        return False
    prev_start, prev_end, prev = words[i - 1]
    return prev.lower() in _LOCATIVES and text[prev_end : words[i][0]].strip() == ""


def _fold(text: str) -> str:
    text = text.replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_WORD.findall(plain.casefold()))


def gazetteer_from_json(data: JsonObject) -> Gazetteer:
    places = {}
    for raw in data["places"]:
        places[raw["id"]] = GazetteerPlace(
            id=raw["id"],
            name=raw["name"],
            modern_name=raw["modern_name"],
            kind=raw["kind"],
            lat=float(raw["lat"]),
            lon=float(raw["lon"]),
            variants=tuple(raw.get("variants", ())),
            geonames=raw.get("geonames"),
            wikidata=raw.get("wikidata"),
            adjectives=tuple(raw.get("adjectives", ())),
            combining=tuple(raw.get("combining", ())),
            states=tuple(raw.get("states", ())),
            note=raw.get("note", ""),
            source=raw.get("source", ""),
            unmatched_name=bool(raw.get("unmatched_name", False)),
            dated_names=tuple(raw.get("names", ())),
        )
    return Gazetteer(places, frozenset(data.get("guarded_names", ())))


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer at ``path``, or the one shipped in geodata/ (read once per process)."""
    if path is None:
        return _shipped_gazetteer()
    return gazetteer_from_json(json.loads(Path(path).read_text("utf-8")))


@lru_cache(maxsize=1)
def _shipped_gazetteer() -> Gazetteer:
    return gazetteer_from_json(json.loads(geodata_path(GAZETTEER_FILE).read_text("utf-8")))

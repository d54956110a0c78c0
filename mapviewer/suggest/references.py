"""Places the text names without their names: "there", "the city", "the Soviet capital", "the Poles"."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .gazetteer import Gazetteer, PlaceMatch

# The seats of government of 1920-23 by the gazetteer's state ids: "the Polish capital" is Warsaw.
# Lithuania's is Kaunas (Vilna was held by Poland); Turkey's is the Kemalist Angora.
CAPITALS = {
    "soviet-russia": "moscow",
    "poland": "warsaw",
    "lithuania": "kaunas",
    "latvia": "riga",
    "estonia": "tallinn",
    "finland": "helsingfors",
    "ukraine": "kiev",
    "belorussia": "minsk",
    "germany": "berlin",
    "france": "paris",
    "great-britain": "london",
    "italy": "rome",
    "turkey": "angora",
    "greece": "athens",
    "austria": "vienna",
    "hungary": "budapest",
    "czechoslovakia": "prague",
    "romania": "bucharest",
    "bulgaria": "sofia",
    "kingdom-of-the-serbs-croats-and-slovenes": "belgrade",
    "georgia": "tiflis",
    "armenia": "erivan",
    "azerbaijan": "baku",
    "denmark": "copenhagen",
    "sweden": "stockholm",
    "ireland": "dublin",
    "norway": "kristiania",
    "belgium": "brussels",
}
# Peoples and parties that stand for a state as actors: "the Poles took Kiev" happens in Poland's war.
DEMONYMS = {
    "Poles": "poland",
    "Lithuanians": "lithuania",
    "Latvians": "latvia",
    "Letts": "latvia",
    "Estonians": "estonia",
    "Finns": "finland",
    "Germans": "germany",
    "French": "france",
    "British": "great-britain",
    "Italians": "italy",
    "Turks": "turkey",
    "Kemalist": "turkey",
    "Kemalists": "turkey",
    "Greeks": "greece",
    "Bolsheviks": "soviet-russia",
    "Bolshevik": "soviet-russia",
    "Soviets": "soviet-russia",
    "Romanians": "romania",
    "Czechs": "czechoslovakia",
    "Hungarians": "hungary",
    "Ukrainians": "ukraine",
    "Georgians": "georgia",
    "Armenians": "armenia",
}
# A government or a parliament acts at its seat: "the Dáil approved it" happened in Dublin. Not a king or a
# minister, who travel ("Christian X rode across the old frontier").
_BODY = re.compile(
    r"\b(?:(?i:government|cabinet|parliament|national\s+assembly|constituent\s+assembly|diet|senate|ministry"
    r")|Sejm|D[áa]il|Reichstag|Storting|Riksdag|Sobranie|Politburo|Sovnarkom"
    r"|Eduskunta|Saeima|Seimas|Skup[šs]tina)\b"
)
# Bodies that name their state: "the Sejm" is Poland's.
_BODY_STATES = {
    "sejm": "poland", "dáil": "ireland", "dail": "ireland", "reichstag": "germany", "storting": "norway",
    "riksdag": "sweden", "sobranie": "bulgaria", "politburo": "soviet-russia", "sovnarkom": "soviet-russia",
    "eduskunta": "finland", "saeima": "latvia", "seimas": "lithuania",
    "skupština": "kingdom-of-the-serbs-croats-and-slovenes",
    "skupstina": "kingdom-of-the-serbs-croats-and-slovenes",
}  # fmt: skip
# Bodies of the League or the Allies sit where their meetings are, not at a state's capital.
_NOT_A_STATE_BODY = re.compile(r"(?i)\b(?:league|allied|allies|inter-allied|conference|commission|council)\b")


def seat_of_government(gazetteer: Gazetteer, subject: str, at: int, places: Sequence[PlaceMatch]) -> PlaceMatch | None:
    """The capital a government or parliament of the subject acts at: "the Polish government"
    is at Warsaw, "the Sejm" at Warsaw, "the government of Wilhelm Cuno" at the capital of the one state among
    the event's places (an adjective such as "German", or the state the story is in)."""
    body = _BODY.search(subject)
    if body is None or _NOT_A_STATE_BODY.search(subject):
        return None
    state = _BODY_STATES.get(body.group().lower())
    if state is None:
        adjective = re.search(r"\b([A-Z][a-z]+)\s+(?:\w+\s+)?$", subject[: body.start()])
        by_word = gazetteer.by_adjective(adjective.group(1)) if adjective else None
        named = by_word.id if by_word else (DEMONYMS.get(adjective.group(1)) if adjective else None)
        states = {p.place.id for p in places if p.place.id in CAPITALS}
        state = named or (states.pop() if len(states) == 1 else None)
    capital = CAPITALS.get(state or "")
    if capital is None or capital not in gazetteer.places:
        return None
    return PlaceMatch(gazetteer.places[capital], at, at + len(body.group()), body.group(), by_reference=True)


# "the conference" is where the last conference named met: "an economic conference at Genoa".
MEETINGS = ("conference", "congress")
_MEETING = re.compile(r"\b(?i:the)\s+(?:peace\s+)?(?:conference|congress)\b")
_MEETING_AT = re.compile(r"(?i)\b(?:conference|congress)\b[^.;,]{0,30}\b(?:at|in)\s+$")
CITY_NOUNS = ("city", "town", "port", "fortress")
_REFERENCE = re.compile(
    r"\b(?:(?P<there>there)\b(?!\s+(?:was|were|is|are|had|has|have|seemed|seems|came|followed)\b)"
    r"|(?i:the)\s+(?:(?P<adjective>[A-Z][a-z]+)\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?"
    r"(?P<noun>city|town|port|fortress|capital|region|province|territory|zone|districts?)\b)"
)
_DEMONYM = re.compile(r"\b(?:" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\b")


def find_references(
    gazetteer: Gazetteer, text: str, start: int, end: int, before: Sequence[PlaceMatch]
) -> list[PlaceMatch]:
    """Places that ``text[start:end]`` refers to, each resolved to the last place of its kind
    named before it (``before``: the name matches so far, in text order); and peoples ("the
    Poles") as the state they stand for, like an adjective."""
    found: list[PlaceMatch] = []
    # "the Treaty of Versailles": a place in a treaty's name is not one the story is at.
    named = [
        m
        for m in before
        if m.names
        and not m.by_reference
        and not _IN_TITLE.search(text, max(0, m.start - 20), m.start)
        # "Schleswig, taken from Denmark by Prussia in 1864,": a place in a participle aside is not referred to.
        and not _PARTICIPLE_ASIDE_BEFORE.search(text, max(0, m.start - 80), m.start)
    ]
    for m in _REFERENCE.finditer(text, start, end):
        earlier = [n for n in named if n.end <= m.start()]
        place_id = _resolve(gazetteer, m, earlier, text, start)
        if place_id and place_id in gazetteer.places:
            found.append(PlaceMatch(gazetteer.places[place_id], m.start(), m.end(), m.group(), by_reference=True))
    found.extend(_landmarks(gazetteer, text, start, end, named))
    for m in _MEETING.finditer(text, start, end):
        met = next((n for n in reversed(named) if n.end <= m.start() and _met_at(text, n)), None)
        if met is not None:
            found.append(PlaceMatch(met.place, m.start(), m.end(), m.group(), by_reference=True))
    for m in _DEMONYM.finditer(text, start, end):
        found.append(
            PlaceMatch(gazetteer.places[DEMONYMS[m.group()]], m.start(), m.end(), m.group(), by_adjective=True)
        )
    return found


def _resolve(
    gazetteer: Gazetteer, m: re.Match[str], earlier: list[PlaceMatch], text: str, paragraph_start: int
) -> str | None:
    if m.group("there"):
        # "signed there": a town, as a rule; a country only when no town was named. A town of the sentence or
        # the one before that something happened in ("met in Riga ... the treaty with Moscow was signed there").
        cities = [n for n in earlier if n.place.kind == "city"]
        recent = _sentence_start(text, _sentence_start(text, m.start()) - 1)
        located = [n for n in cities if n.start >= recent and _LOCATED.search(text, max(0, n.start - 12), n.start)]
        chosen = located or cities or earlier
        return chosen[-1].place.id if chosen else None
    noun, adjective = m.group("noun"), m.group("adjective")
    if noun == "capital":
        if adjective:
            state = gazetteer.by_adjective(adjective) or gazetteer.lookup(adjective)
            return CAPITALS.get(state.id) if state else None
        capitals = set(CAPITALS.values())
        for n in reversed(earlier):
            if n.place.id in capitals:
                return n.place.id
            if n.place.id in CAPITALS:
                return CAPITALS[n.place.id]
        return None
    if adjective:
        return None  # "the Arctic port", "the Baltic region": a description, not a reference
    if noun == "territory":
        # "transferred sovereignty over the territory": the last place named that is not a state.
        lands = [n for n in earlier if n.place.kind != "country"]
        return lands[-1].place.id if lands else None
    if noun in ("zone", "district", "districts"):
        # "the northern zone voted", "the districts became Belgian": the last region named, else the last land.
        lands = [n for n in earlier if n.place.kind == "region"] or [n for n in earlier if n.place.kind != "country"]
        return lands[-1].place.id if lands else None
    if noun in ("region", "province"):
        # "the Vilna region ... the region": the place last named with the word "region".
        regional = [n for n in earlier if re.match(r"\s+region\b", text[n.end : n.end + 8])]
        kinds = [n for n in earlier if n.place.kind == "region"]
        chosen = regional or kinds
        return chosen[-1].place.id if chosen else None
    cities = [n for n in earlier if n.place.kind == "city"]
    if not cities:
        return None
    # The towns of the last sentence that names one; of two or more ("made Fiume a free state, gave Zara to
    # Italy ... attacked the city"), the one the text has named most often, the latest of those.
    last = cities[-1]
    sentence_start = max(paragraph_start, _sentence_start(text, last.start))
    here = [n for n in cities if n.start >= sentence_start and not _ASIDE.search(text, max(0, n.start - 40), n.start)]
    here = here or [last]
    count = Counter(n.place.id for n in cities)
    return max(reversed(here), key=lambda n: count[n.place.id]).place.id


_PARTICIPLE_ASIDE_BEFORE = re.compile(
    r",\s*(?:[a-z]+ed|taken|given|won|lost|held|built|beaten|driven|torn)\s+(?:from|by|in)\b[^,;:.]*$"
)
_IN_TITLE = re.compile(r"\b(?:Treaty|Peace|Convention|Protocol|Conference|Pact|Agreement)\s+of\s+$")
_LOCATED = re.compile(r"\b(?:in|at|to|into|near|reached|entered|occupied|took|captured)\s+$")
# "Its treaty, signed in Moscow on 12 July, recognised Vilna ... entered the city": Moscow is in an aside.
_ASIDE = re.compile(r",\s*[a-z]+ed\s+(?:in|at)\s+$")


def _sentence_start(text: str, at: int) -> int:
    ends = list(re.finditer(r"[.!?]\s", text[max(0, at - 400) : at]))
    return max(0, at - 400) + ends[-1].end() if ends else max(0, at - 400)


# "the Four Courts in Dublin", "the Hall of Mirrors at Versailles": a named building in a named town.
_LANDMARK = re.compile(
    r"\b[Tt]he\s+(?P<name>[A-Z][\w'\u2019-]+(?:\s+(?:of\s+)?[A-Z][\w'\u2019-]+){0,3})\s+(?:in|at)\s+$"
)
MAX_LANDMARKS = 50


def _landmarks(gazetteer: Gazetteer, text: str, start: int, end: int, named: list[PlaceMatch]) -> list[PlaceMatch]:
    """Later mentions of a building the text placed in a town ("shelled the Four Courts" after "the Four
    Courts in Dublin"), as that town."""
    where: dict[str, PlaceMatch] = {}
    for n in named:
        if n.place.kind != "city":
            continue
        m = _LANDMARK.search(text, max(0, n.start - 60), n.start)
        if m and gazetteer.lookup(m.group("name")) is None:
            where[m.group("name")] = n
    if not where:
        return []
    names = sorted(list(where)[-MAX_LANDMARKS:], key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in names) + r")\b")
    out = []
    for m in pattern.finditer(text, start, end):
        town = where[m.group()]
        if re.match(r"\s+(?:in|at)\s+" + re.escape(town.text), text[m.end() : m.end() + 40]):
            continue  # the words that placed it
        out.append(PlaceMatch(town.place, m.start(), m.end(), m.group(), by_reference=True))
    return out


def _met_at(text: str, name: PlaceMatch) -> bool:
    """ "a conference at Genoa", "the congress in Moscow", "the Genoa conference"."""
    before = text[max(0, name.start - 60) : name.start]
    sentence = re.split(r"[.!?]\s", text[max(0, name.start - 200) : name.start])[-1]
    if re.search(r"(?i)\b(?:talks|negotiations)\b", sentence):
        return True  # "Peace talks with Germany opened at Brest-Litovsk ... told the conference"
    return bool(
        _MEETING_AT.search(before) or re.match(r"\s+(?:[Cc]onference|[Cc]ongress)\b", text[name.end : name.end + 12])
    )

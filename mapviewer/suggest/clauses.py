"""Events in a sentence: the clauses that carry an action, their dates and places, and a short title.

An event is a clause with an action ("signed", "broke off", "entered", "handed it over");
a piece of a sentence that only carries a date or a place belongs to the action beside it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import FoundDate
from .gazetteer import PlaceMatch
from .references import DEMONYMS

# Past tenses and participles of actions, by their present form. "Weak" actions (a treaty
# "gave", "left", "fixed") describe terms or states; they make an event only when their
# clause states its own date ("the battle lasted from 23 August to 13 September").
_STRONG = {
    "signed": "sign", "concluded": "conclude", "met": "meet", "entered": "enter", "took": "take",
    "taken": "take", "seized": "seize", "captured": "capture", "recaptured": "recapture", "occupied": "occupy",
    "fell": "fall", "launched": "launch", "opened": "open", "struck": "strike", "rode": "ride",
    "attacked": "attack", "crossed": "cross", "abandoned": "abandon", "evacuated": "evacuate",
    "withdrew": "withdraw", "withdrawn": "withdraw", "retreated": "retreat", "advanced": "advance",
    "reached": "reach", "stormed": "storm", "ratified": "ratify", "declared": "declare",
    "proclaimed": "proclaim", "annexed": "annex", "voted": "vote", "agreed": "agree", "accepted": "accept",
    "rejected": "reject", "refused": "refuse", "resumed": "resume", "collapsed": "collapse", "burned": "burn",
    "burnt": "burn", "invaded": "invade", "defeated": "defeat", "inflicted": "inflict", "stopped": "stop",
    "drove": "drive", "driven": "drive", "pushed": "push", "arrived": "arrive", "came": "come", "come": "come",
    "rose": "rise", "risen": "rise", "mutinied": "mutiny", "surrendered": "surrender",
    "assassinated": "assassinate", "murdered": "murder", "elected": "elect", "formed": "form",
    "founded": "found", "invited": "invite", "approved": "approve", "announced": "announce",
    "proposed": "propose", "begged": "beg", "appealed": "appeal", "landed": "land", "began": "begin",
    "begun": "begin", "started": "start", "fought": "fight", "won": "win", "turned": "turn",
    "imposed": "impose", "sat": "sit", "put": "put", "broke": "break", "broken": "break", "handed": "hand",
    "dissolved": "dissolve", "adjourned": "adjourn", "convened": "convene", "arrested": "arrest",
    "executed": "execute", "expelled": "expel", "demanded": "demand", "protested": "protest", "sent": "send",
    "offered": "offer", "liberated": "liberate", "besieged": "besiege", "bombarded": "bombard",
    "repulsed": "repulse", "routed": "rout", "marched": "march", "established": "establish",
    "created": "create", "ceded": "cede", "renounced": "renounce", "confirmed": "confirm",
    "recognised": "recognise", "recognized": "recognize", "gave": "give", "given": "give", "made": "make",
    "left": "leave", "fixed": "fix", "returned": "return", "replaced": "replace", "restored": "restore",
    "cancelled": "cancel", "lasted": "last", "held": "hold", "stood": "stand", "ended": "end",
    "answered": "answer", "followed": "follow", "moved": "move", "registered": "register", "spent": "spend",
    "introduced": "introduce", "denounced": "denounce", "annulled": "annul", "received": "receive",
    "visited": "visit", "exchanged": "exchange", "negotiated": "negotiate", "greeted": "greet", "led": "lead",
    "failed": "fail", "suppressed": "suppress", "crushed": "crush", "closed": "close", "reopened": "reopen",
    "spoke": "speak", "noted": "note", "said": "say", "wrote": "write", "explained": "explain", "warned": "warn",
    "brought": "bring", "discussed": "discuss", "decided": "decide", "resolved": "resolve", "cut": "cut",
    "contrived": "contrive", "commented": "comment", "severed": "sever", "informed": "inform",
    "clinched": "clinch", "divulged": "divulge", "trained": "train", "conducted": "conduct",
    "discussing": "discuss", "negotiating": "negotiate", "fighting": "fight", "advancing": "advance",
    "retreating": "retreat", "marching": "march", "talking": "talk", "besieging": "besiege",
    "fired": "fire", "shot": "shoot", "sentenced": "sentence", "burst": "burst", "dispersed": "disperse",
    "shelled": "shell", "told": "tell", "walked": "walk", "added": "add", "deported": "deport",
    "released": "release", "kidnapped": "kidnap", "raided": "raid", "blockaded": "blockade",
    "mobilised": "mobilise", "mobilized": "mobilize", "demobilised": "demobilise", "ordered": "order",
    "overthrew": "overthrow", "overthrown": "overthrow", "deposed": "depose", "resigned": "resign",
    "abdicated": "abdicate", "fled": "flee", "escaped": "escape", "killed": "kill", "massacred": "massacre",
    "went": "go", "called": "call", "lost": "lose", "protected": "protect", "disarmed": "disarm",
    "became": "become", "become": "become", "talked": "talk", "beaten": "beat", "settled": "settle",
    "adopted": "adopt", "scuttled": "scuttle", "died": "die", "sank": "sink", "sunk": "sink",
    "dropped": "drop", "passed": "pass", "set": "set", "asked": "ask", "transferred": "transfer", "issued": "issue",
    "succeeded": "succeed",
    "overran": "overrun", "overrun": "overrun", "joined": "join", "counter-attacked": "counter-attack",
    "retook": "retake", "retaken": "retake", "crowned": "crown", "bound": "bind", "rebelled": "rebel",
    "kept": "keep",
    # Irregular past tenses of actions, which the rule for regular ones below cannot find. Not those that
    # mostly describe ("built a system", "flew over the works", "rumours spread", "the dollar bought").
    "laid": "lay", "swore": "swear", "sworn": "swear", "overcame": "overcome", "overtook": "overtake",
    "undertook": "undertake", "slew": "slay", "slain": "slay", "threw": "throw", "tore": "tear",
}  # fmt: skip
# A regular past tense that the list above lacks ("dismissed", "destroyed") is an action too when its place in
# the sentence says it is a verb: after an auxiliary ("was destroyed at Annual"), or after a subject and before
# an object ("King Christian X dismissed him"). Like a weak action it makes an event only with a date of its own:
# on Carr's prose, taken as strong, it drafted 16 more rows for 4 more of the hand-made events. Verbs of state,
# thought and wish tell no event; words in -ed that are mostly adjectives are never verbs here.
_NOT_ACTIONS = {
    "seemed", "appeared", "remained", "belonged", "included", "contained", "numbered", "lived", "hoped",
    "wished", "intended", "tried", "planned", "expected", "feared", "believed", "considered", "wanted",
    "needed", "used", "supposed", "based", "united", "armed", "limited", "mixed", "interested", "concerned",
    "claimed", "preferred", "regarded", "counted", "deserved", "lacked", "owned", "possessed", "suited",
    "mattered", "depended", "consisted", "existed", "related", "tended", "continued", "liked", "loved",
    "hated", "doubted", "assumed", "suspected", "worried", "so-called", "named", "called", "described",
    "known", "tired", "aged", "talented", "wounded", "embittered", "disappointed", "determined", "isolated",
    "exhausted", "divided", "scattered", "organised", "organized", "unarmed", "reduced", "hundred",
    "reported", "studied", "learned", "learnt", "recalled", "remembered", "imagined", "mocked", "praised",
}  # fmt: skip
_OBJECT_AFTER = re.compile(
    r"\s+(?:a|an|the|him|her|them|it|his|its|their|our|this|that|these|those|[A-Z][\w'\u2019-]*)\b"
)
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_AFTER = re.compile(rf"\s+(?:on|in)\s+(?:\d{{1,2}}\s+(?:{_MONTHS})\b|(?:{_MONTHS})\b|1[89]\d\d\b)")
_SILENT_E = (
    "at", "iz", "is", "us", "ac", "ic", "uc", "ud", "iv", "av", "ev", "ov", "ng", "rg", "dg", "lv", "rv",
    "rc", "nc", "ir", "ur", "bl", "pl", "tl", "gl", "cl", "dl", "as", "os", "rs", "ps", "ag", "ok", "ut", "ar",
)  # fmt: skip


def _regular_base(word: str) -> str:
    """The present form of a regular past tense: "dismissed" dismiss, "occupied" occupy, "negotiated" negotiate."""
    stem = word[:-2]
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]  # "stopped", "admitted"
    return stem + "e" if stem.endswith(_SILENT_E) else stem


def _regular_action(text: str, words: list[tuple[int, int, str]], i: int, start: int) -> bool:
    """Whether the word at ``i``, a regular past tense not in the list, is used as a verb here."""
    w_start, w_end, word = words[i]
    if not (word.islower() and word.endswith("ed") and len(word) >= 6 and word not in _NOT_ACTIONS):
        return False
    if "-" in word or "'" in word:
        return False  # "short-lived", "well-armed": adjectives
    if i == 0 or text[words[i - 1][1] : w_start].strip() not in ("",):
        return False  # a comma or a bracket before it: an aside, not a verb after its subject
    before = words[i - 1][2]
    if before.lower() in _DETERMINERS or before.lower() in _PREPOSITIONS or before.lower() in ("and", "or", "but"):
        return False  # "the wounded", "of armed bands", "and exhausted"
    if _AUXILIARY.search(text, max(start, w_start - 24), w_start):
        return True  # "was destroyed at Annual", "had disbanded"
    # "the Court declined on 23 July 1923": a date straight after it, as after a verb.
    return bool(_OBJECT_AFTER.match(text, w_end) or _DATE_AFTER.match(text, w_end))


# "-ing" forms are actions only after "was", "were", "had been": "had been discussing the terms".
_PROGRESSIVE = {w for w in _STRONG if w.endswith("ing")}
_PROGRESSIVE_AUX = re.compile(r"(?:was|were|is|are|had\s+been|have\s+been|has\s+been)\s+(?:\w+ly\s+)?$")
_WEAK = {
    "recognised", "recognized", "gave", "given", "made", "left", "fixed", "returned", "replaced", "restored",
    "cancelled", "lasted", "held", "stood", "ended", "answered", "followed", "confirmed", "spent", "added",
    "went", "led", "protected", "became", "become", "settled", "bound", "set", "asked", "kept",
    "said", "explained", "commented", "noted", "contrived",
}  # fmt: skip
# Particles that make one action of two words, even with the object between ("handed it over").
_PARTICLES = ("off", "up", "over", "out", "through", "back", "down", "into force")
# "had been", "was politely": the auxiliary, and one adverb, before the action.
# One adverb between the auxiliary and the action: "was politely received", "was once more received".
_ADVERB = r"(?:(?:\w+ly|once more|once again|again|also|already|then|first|soon|later|finally|not|never|at last)\s+)?"
_AUXILIARY = re.compile(r"(?:(?:had|has|have)\s+(?:been\s+)?|(?:was|were|is|are)\s+(?:being\s+)?)" + _ADVERB + "$")
_OWN_SUBJECT_PASSIVE = re.compile(r"(?:,|;)\s+(?:and\s+)?(?:the|its|their)\s+[a-z]+(?:\s+[a-z]+)?\s+$")
_PASSIVE = re.compile(r"(?:was|were|is|are|been|being)\s+" + _ADVERB + "$")
_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
_PRONOUNS = {"it", "they", "he", "she", "this", "these", "which", "who"}
_REDUCED_RELATIVE = re.compile(r"\b(?:the|a|an)\s+[a-z]+\s+(?:the\s+\w+|they|he|she|we|it)\s+$")
# "whose government sat", "by which the League raised", "as the monarchy fell apart", "because German troops
# had entered", "the day after the Emperor gave up": an action that is not the clause's own.
_RELATIVE_OPENING = re.compile(
    r"\s*(?:(?:and|but|or|yet)\s+)?(?:(?:by|in|under|through|with|of|for)\s+)?(?:who|whom|whose|which|where|when|as|because|although|though)\b"
    r"|\s*(?:the\s+(?:day|week|month|year)|(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:days?|weeks?|months?|years?))\s+(?:after|before)\s+(?:the|his|her|its|their)\b"
)
_DATE_WORD = re.compile(
    r"\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer"
    r"|autumn|winter|Christmas|Easter|(?:next|following|same|previous)\s+(?:day|week|month|year|morning|evening))\b"
)
# "the man who had signed", "a general strike that stopped the country".
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|whose|which|that|what)\s+(?:[\w'\u2019-]+\s+){0,2}$")
_ABSOLUTE = re.compile(
    r"\bwith\s+(?:its|their|his|her)\s+[\w-]+\s+[a-z]+ed\s+and\s+(?:its|their|his|her)\s+[\w-]+"
    r"(?:\s+(?:\w+ly|only|partly|not))*\s+$"
)
_NEGATED = re.compile(r"\b(?:not|never|n't)\s+(?:been\s+|be\s+)?$")
_PARTICIPLES = {w for w in _STRONG if w.endswith(("ed", "en")) or w in ("cut", "put", "left", "held", "led")}
_ASIDE_AFTER = re.compile(r"(?:\s+(?:off|out|up|down))?\s+(?:from|by|with|in|at|on|to)\s[^,;]*,")
_PARTICIPLE_AFTER = re.compile(r"\s+(?:on|in|at|by)\s")
_STRANDED = re.compile(r"\s*(?:from|with|to|for|on|in|at|of|by|about)?\s*[.!?]?\s*$")
_DURATION = re.compile(r"(?i)(?:until|till|since|throughout|through)\b")
_CUT = re.compile(r";\s*|:\s+|,?\s+(?:and|but|while|whereas)(?:,\s*|\s+)(?=\S)|,\s+then\s+|,\s+(?=\S)")
_LEADING = re.compile(
    r"^(?:(?:and|but|or|yet|so|then|while|whereas|again|also|meanwhile|however|finally|thus|later|when)\b,?\s*)+",
    re.IGNORECASE,
)
_STOP_TAIL = {
    "a", "an", "the", "of", "to", "in", "at", "on", "and", "or", "by", "for", "with", "from", "into", "its",
    "their", "his", "her", "that", "which", "towards", "over", "between", "near", "south", "north", "east",
    "west", "beyond", "across", "after", "before",
}  # fmt: skip
_PREPOSITIONS = {"to", "at", "in", "of", "from", "into", "with", "for", "on", "towards", "over", "between", "by"}
_DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "this", "that", "these", "those"}
# "the armies were in flight": a movement told as a state.
_STATE_VERBS = {"flight": "flee", "retreat": "retreat", "revolt": "revolt", "full retreat": "retreat"}
_STATE_OF_ACTION = re.compile(r"\b(?:was|were)\s+in\s+(?P<state>full retreat|flight|retreat|revolt)\b")
_PLURAL_NOUNS = {
    "talks", "negotiations", "troops", "forces", "armies", "delegates", "delegations", "representatives",
    "envoys", "sailors", "workers", "peasants", "soldiers", "allies", "powers", "governments", "leaders",
    "ministers", "men", "victors", "volunteers", "legionaries", "separatists", "communists",
}  # fmt: skip
TITLE_CHARS = 60
SUBJECT_WORDS = 5


@dataclass(frozen=True)
class Action:
    """An action in the text: its words (with "had", "was" before them), its present form, its kind."""

    start: int
    end: int
    base: str
    passive: bool
    weak: bool
    written: str  # the participle as written, for a passive title ("signed")
    relative: bool = False  # in a clause "whose government sat at Kaunas": not the sentence's action


@dataclass(frozen=True)
class Clause:
    """A piece of a sentence: its span, its action (if any), and the dates and places in it."""

    start: int
    end: int
    action: Action | None
    dates: tuple[FoundDate, ...]
    places: tuple[PlaceMatch, ...]
    echo_of: Clause | None = None  # the same action again at another date: "and again at the end of March"

    @property
    def names_place(self) -> bool:
        return any(p.names for p in self.places)


def is_listed_action(word: str) -> bool:
    """Whether the word is in the closed list of actions (not found by its form alone)."""
    return word.lower() in _STRONG


def find_actions(text: str, start: int, end: int) -> list[Action]:
    """The actions in ``text[start:end]``, in text order; "to storm" (an infinitive) is not one."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    out: list[Action] = []
    for i, (w_start, w_end, word) in enumerate(words):
        lower = word.lower()
        regular = lower not in _STRONG and _regular_action(text, words, i, start)
        if (lower not in _STRONG and not regular) or (
            word[0].isupper() and i > 0 and text[words[i - 1][1] : w_start].strip() == ""
        ):
            continue  # "Soviet Left", a name in a title
        if i > 0 and words[i - 1][2].lower() == "to" and lower in ("put", "come", "meet", "set"):
            continue
        if i > 0 and words[i - 1][2].lower() in _DETERMINERS:
            continue  # "a signed agreement", "the proposed line": an adjective
        if _ABSOLUTE.search(text, max(start, w_start - 90), w_start):
            continue  # "with its neutrality abolished and its claims only partly met": no verb, a description
        if _NEGATED.search(text, max(start, w_start - 24), w_start):
            continue  # "The Germans were not invited": nothing happened
        if lower in _PROGRESSIVE and not _PROGRESSIVE_AUX.search(text, max(start, w_start - 24), w_start):
            continue  # "fighting", "talking" as nouns or participles
        before = text[max(start, w_start - 20) : w_start]
        aux = _AUXILIARY.search(before)
        a_start = w_start - len(aux.group()) if aux else w_start
        base, a_end = (_regular_base(lower) if regular else _STRONG[lower]), w_end
        progressive = lower in _PROGRESSIVE
        particle = _particle(text, words, i)
        if particle:
            base, a_end = f"{base} {particle[0]}", particle[1] if particle[2] else a_end
        aside = re.split(r"[,;:(\u2014]", text[start:w_start])[-1]
        # "Lithuania, whose government sat at Kaunas, refused": the action of a relative clause; so is one
        # after "where" ("In Weimar, where the Assembly sat, ...") or a condition ("to sign if the articles
        # were struck out").
        opening = _RELATIVE_OPENING.match(aside)
        if opening and re.match(r"\s*(?:(?:and|but|or|yet)\s+)?(?:when|who)\b", aside):
            # "when republican troops retook Porto" times the action beside it; but "when Kun turned on the
            # Romanians on 20 July" has a date of its own, and is an event.
            stretch = re.split(r"[,;:]", text[w_start:end], maxsplit=1)[0]
            opening = None if _DATE_WORD.search(stretch) else opening
            dated_aside = opening is None
        else:
            dated_aside = False
        relative = bool(opening or (_RELATIVE_BEFORE.search(aside) and not dated_aside)) or bool(
            re.search(
                r"\b(?:if|unless|whether)\s+(?:[\w'\u2019-]+\s+){0,10}$", text[max(start, w_start - 90) : a_start]
            )
        )
        # "east of the line the Allies had proposed", "the line they had started from": a relative
        # clause without "that", its action the last word of the sentence.
        relative = relative or bool(
            _REDUCED_RELATIVE.search(text, max(start, a_start - 60), a_start) and _STRANDED.match(text, a_end, end)
        )
        passive = bool(_PASSIVE.search(before)) and not progressive
        # "The armistice of Mudania, signed on 11 October 1922, ...": a participle in an aside.
        passive = passive or bool(
            lower.endswith("ed")
            and re.search(r",\s*$", before)
            and _PARTICIPLE_AFTER.match(text, w_end, end)
            and not re.search(r",\s*[a-z]+(?:ed|en)\b[^,;]*,\s*$", text[start:w_start])  # after an aside: the verb
        )
        # "Romania, cut off from its allies, signed": a participle in an aside after a name.
        relative = (
            relative
            or bool(
                (re.search(r"[A-Za-z],\s*$", before) or text[start:a_start].strip() == "")  # "Beaten in 1916, it ..."
                and lower in _PARTICIPLES
                and not _AUXILIARY.search(before)
                and _ASIDE_AFTER.match(text, a_end, end)
                and not any(w.lower() in _STRONG for _, _, w in words[max(0, i - 12) : i] if w[0].islower())
                # "Marie-Adelaide, accused of favouring the Germans, abdicated on 14 January": after an aside, the verb
                and not re.search(r",\s*[a-z]+(?:ed|en)\b[^,;]*,\s*$", text[start:w_start])
            )
        )
        weak = (lower in _WEAK or regular) and not (
            particle and particle[0] in ("up", "out", "off")
        )  # "gave up", "called off"
        if regular and passive and _OWN_SUBJECT_PASSIVE.search(text, max(start, a_start - 60), a_start):
            weak = False  # ", and the city was fortified street by street": a new subject, a deed done to it
        out.append(Action(a_start, a_end, base, passive, weak, word, relative))
    # "Petliura's army had briefly shared Kiev": a verb found by its form gives way to a listed one in its stretch.
    out = [
        a
        for a in out
        if a.written.lower() in _STRONG
        or not any(
            b is not a
            and b.written.lower() in _STRONG
            and not re.search(r"[,;:]", text[min(a.end, b.end) : max(a.start, b.start)])
            for b in out
        )
    ]
    for m in _STATE_OF_ACTION.finditer(text, start, end):
        out.append(Action(m.start(), m.end(), _STATE_VERBS[m.group("state")], False, False, m.group("state")))
    return sorted(out, key=lambda a: a.start)


def _particle(text: str, words: list[tuple[int, int, str]], i: int) -> tuple[str, int, bool] | None:
    """ "broke off", "came into force", "handed it over" (up to two words between)."""
    for gap in range(0, 3):
        j = i + 1 + gap
        if j >= len(words):
            return None
        word = words[j][2].lower()
        if word == "into" and j + 1 < len(words) and words[j + 1][2].lower() == "force":
            return "into force", words[j + 1][1], gap == 0
        if word in _PARTICLES and (gap == 0 or not re.search(r"[,;.]", text[words[i][1] : words[j][0]])):
            if word in ("over", "through", "back") and gap > 0:
                return None  # "handed it over" is one action; "took the city back" is "take" alone
            return word, words[j][1], gap == 0
        if gap > 0 and word in _PREPOSITIONS:
            return None
    return None


def split_events(text: str, start: int, end: int, dates: list[FoundDate], places: list[PlaceMatch]) -> list[Clause]:
    """The clauses of one sentence that are events, each with an action.

    The sentence is cut at semicolons, colons, "and", "but", "while" and commas; a piece
    without an action (or with a weak one and no date of its own) joins the action before
    it in the sentence, or the one after it when it comes first. After a colon that
    elaborates an undated action ("the Latvians made peace: the treaty was signed on 11
    August") the two are one. One action with two dates ("In January, and again at the end of
    March, the Turks stopped them"; "recognised by Britain early in 1924, and by France later
    that year") is two events, the second an echo of the first. Actions of one subject joined
    by "and" or "then" without a date of their own ("came back in force and took Eskisehir,
    then pushed east") are one event.
    """
    every_action = find_actions(text, start, end)
    # A sentence whose only actions are in relative clauses tells them ("The treaty that the Allies imposed at
    # Sevres on 10 August 1920 was dead almost from the day it was signed").
    # "gave the people of Schleswig, taken from Denmark in 1864, the chance": neither the aside's participle nor
    # its date is the clause's. Only after the action it qualifies: "The battle on the Sakarya, west of Angora,
    # lasted from ..." is the verb.
    asides = [
        m.span()
        for m in PARTICIPLE_ASIDE.finditer(text, start, end)
        if any(a.start < m.start() and not a.relative for a in every_action)
    ]
    every_action = [a for a in every_action if not any(x < a.start < y for x, y in asides)]
    actions = [a for a in every_action if not a.relative] or every_action[:1]
    own_dates = [
        d
        for d in dates
        if start <= d.start < end
        and d.how != "relative to a later date"
        and not any(a <= d.start < b for a, b in asides)
    ]

    def _dated(action: Action) -> bool:
        # "An armistice followed on 1 February, the Assembly met in Riga on 1 May": a weak action with its date.
        following = _CUT.search(text, action.end, end)
        stop = following.start() if following else end
        return any(action.end <= d.start < stop for d in own_dates)

    cuts = [start]
    ends: list[int] = []
    kinds = []
    for m in _CUT.finditer(text, start, end):
        after = m.end()
        if any(d.start < m.start() < d.end for d in dates):
            continue  # "between 14 and 16 November", "between 1910 and 1926": one date, not two clauses
        joint = m.group().strip(", ")
        if joint == "":
            # A bare comma cuts only before an action or a date: ", agreed an armistice", ", two days later".
            # Or between two actions each with its subject: "When the villages rose, volunteers crossed".
            if (
                not any(a.start == after or _starts_with_verb(text, a, after) for a in actions)
                and not any(d.start == after for d in own_dates)
                and not (
                    any(cuts[-1] <= a.start < m.start() and (not a.weak or _dated(a)) for a in actions)
                    and any(_subject_then_verb(text, a, after) for a in actions)
                )
                and not _elliptical(text, actions, own_dates, cuts[-1], m.start(), after, end)
                and not _earlier_action(text, actions, cuts[-1], m.start(), after, end)
            ):
                continue
        elif joint == m.group().strip() == "and" and _compound_subject(
            text, actions, own_dates, cuts[-1], m.start(), after
        ):
            continue  # "Chicherin and Rathenau signed": one subject of two names
        elif joint == m.group().strip() == "and" and _list_of_names(text, actions, own_dates, after, end):
            continue  # "in the Armenian and Greek quarters": two words of one noun
        cuts.append(after)
        ends.append(m.start())  # the piece before ends before ", and": its words, not the joint
        kinds.append(m.group().strip().rstrip(",") or " ")  # "and," as "and"
    ends.append(end)
    pieces = [(a, b) for a, b in zip(cuts, ends, strict=False) if b > a]
    joins = ["", *kinds][: len(pieces)]

    def undated(d: FoundDate) -> bool:
        return bool(_DURATION.match(d.text))

    # Each piece's action: a strong one, or a weak one whose words up to the next action state a date.
    piece_actions: list[Action | None] = []
    reaches: list[int] = []  # where each piece's words run to: up to the next piece with an action
    for i, (a, b) in enumerate(pieces):
        inside = [x for x in actions if a <= x.start < b]
        strong = [x for x in inside if not x.weak]
        reach, back = b, a
        for k, (c, d) in enumerate(pieces[i + 1 :], start=i + 1):
            # "In Carinthia the Yugoslav army held the south; in the plebiscite of 10 October ...": not its date.
            if any(c <= x.start < d for x in actions) or joins[k] in (";", ":"):
                break
            reach = d
        reaches.append(reach)
        if strong:
            piece_actions.append(strong[0])
            continue
        for c, d in reversed(pieces[:i]):
            if any(c <= x.start < d for x in actions):
                break
            back = c  # "On 10 March, ... the government left": the date before it in the sentence
        dated = any(back <= d.start < reach and not undated(d) for d in own_dates)
        piece_actions.append(inside[0] if inside and dated else None)

    groups: list[_Group] = []
    pending: list[int] = []  # pieces without an action before the first action
    for i, ((a, b), join) in enumerate(zip(pieces, joins, strict=False)):
        act = piece_actions[i]
        last = groups[-1] if groups else None
        if last and join == ":" and act and not any(last.start <= d.start < last.end for d in own_dates):
            last.end = b  # "X made peace: the treaty was signed on D" is one event, dated D
            continue
        if act is None:
            piece_dates = [d for d in own_dates if a <= d.start < b and not undated(d)]
            following = piece_actions[i + 1] if i + 1 < len(pieces) else None
            leads = following is not None and _no_subject(text, pieces[i + 1][0], following)
            if last is None or (piece_dates and leads):
                # "..., and on 9 January the Commission, with the British voting against, declared it in
                # default": the date and the subject of the action after it.
                pending.append(i)
            elif (
                ("and" in join.split() or (join == " " and _elliptical(text, actions, own_dates, last.start, a, a, b)))
                and piece_dates
                and any(last.start <= d.start < last.end for d in own_dates)
            ):
                # "..., and by France later that year": the same action again, at another date.
                main_index = last.echo_of if last.echo_of is not None else len(groups) - 1
                groups.append(_Group(a, b, last.action, join, echo_of=main_index))
            else:
                last.end = b
            continue
        if (
            last is not None
            and last.echo_of is None
            and join.strip(", ") in ("and", "then")
            and _no_subject(text, a, act)
            and (
                not any(a <= d.start < reaches[i] for d in own_dates)
                # "it marched on the capital and took Helsingfors on 12-13 April": the undated one leads.
                or not any(last.start <= d.start < last.end for d in own_dates)
            )
        ):
            last.end = b  # "came back in force and took Eskisehir": one subject, one event
            continue
        group_start = pieces[pending[0]][0] if pending else a
        group = _Group(group_start, b, act, join)
        groups.append(group)
        # "In January, and again at the end of March, X stopped them": the later date is an echo.
        leading = [d for d in own_dates if group_start <= d.start < act.start and not undated(d)]
        if pending and len(leading) >= 2:
            for again in leading[1:]:
                piece = next((p for p in pieces if p[0] <= again.start < p[1]), None)
                if piece is None or "and" not in joins[pieces.index(piece)].split():
                    continue
                group.excluded.add(again.start)
                groups.append(_Group(piece[0], again.end, act, "and", echo_of=groups.index(group)))
        pending = []

    out: list[Clause] = []
    for g in groups:
        clause_dates = tuple(d for d in own_dates if g.start <= d.start < g.end and d.start not in g.excluded)
        main = out[g.echo_of] if g.echo_of is not None else None
        out.append(
            Clause(g.start, g.end, g.action, clause_dates, tuple(p for p in places if g.start <= p.start < g.end), main)
        )
    return sorted(out, key=lambda c: c.start)


@dataclass
class _Group:
    """A clause being built: its span, its action, the joint before it, and dates given to its echoes."""

    start: int
    end: int
    action: Action | None
    join: str
    echo_of: int | None = None
    excluded: set[int] = field(default_factory=set)


def _compound_subject(
    text: str, actions: list[Action], dates: list[FoundDate], piece_start: int, at: int, after: int
) -> bool:
    """ "Chicherin and Rathenau signed": the words before "and" have no action and end in a short
    name, and the words after it are a short subject straight before an action."""
    if any(piece_start <= a.start < at for a in actions) or any(d.start == after for d in dates):
        return False
    tail_start = piece_start + len(text[piece_start:at]) - len(re.split(r"[,;:(\u2014]", text[piece_start:at])[-1])
    tail = text[tail_start:at]
    for d in sorted(dates, key=lambda d: -d.start):
        if tail_start <= d.start and d.end <= at:  # "On 10 March Lenin and the government left": the date is no name
            tail = tail[: d.start - tail_start] + " " + tail[d.end - tail_start :]
    # "on the night of 19 October 1921 mutinous sailors and soldiers murdered": what is left of the date's phrase
    tail = re.sub(
        r"(?i)^\s*(?:(?:early|late)\s+)?(?:on|in|at|during|by)\s+the\s+(?:night|morning|evening|afternoon|eve)(?:\s+of)?\s+",
        "",
        tail,
    )
    if not 0 < len(tail.split()) <= SUBJECT_WORDS - 1:
        return False
    return any(_subject_then_verb(text, a, after) for a in actions if a.start > after)


def _list_of_names(text: str, actions: list[Action], dates: list[FoundDate], after: int, end: int) -> bool:
    """The words after a plain "and" up to the next joint hold no action and no date."""
    following = _CUT.search(text, after, end)
    stop = following.start() if following else end
    return not any(after <= a.start < stop for a in actions) and not any(after <= d.start < stop for d in dates)


def _elliptical(
    text: str, actions: list[Action], dates: list[FoundDate], before: int, at: int, after: int, end: int
) -> bool:
    """ "Austria signed at Saint-Germain on 10 September 1919, Bulgaria at Neuilly on 27 November": after a
    comma, words with a date of their own and no action repeat the action before them, which has its date."""
    following = re.search(r"[,;]", text[after:end])
    stop = after + following.start() if following else end
    told = any(before <= a.start < at for a in actions) and any(before <= d.start < at for d in dates)
    return (
        told
        and any(after < d.start < stop for d in dates)
        and not any(after <= a.start < stop for a in actions)
        # a new actor: "Bulgaria at Neuilly ...", "one with Czechoslovakia on 23 April"
        and re.match(r"\s*(?:[A-Z]|one\b|another\b|the\s+other\b)", text[after:stop]) is not None
    )


def _earlier_action(text: str, actions: list[Action], before: int, at: int, after: int, end: int) -> bool:
    """ "abdicated on 14 January, after a brief attempt to proclaim a republic had failed": after the action of
    the sentence, a clause in the pluperfect with a subject of its own is an earlier event."""
    following = re.search(r"[,;]", text[after:end])
    stop = after + following.start() if following else end
    return (
        any(before <= a.start < at and not a.weak for a in actions)
        and re.match(r"(?:after|before|once)\s", text[after:stop]) is not None
        and any(after < a.start < stop and text[a.start : a.end].startswith("had ") for a in actions)
    )


def _no_subject(text: str, start: int, action: Action) -> bool:
    """The piece goes straight to its action ("and took Eskisehir", ", then pushed east")."""
    head = _LEADING.sub("", text[start : action.start].strip(" ,;:"))
    return not _WORD.search(head)


def _subject_then_verb(text: str, action: Action, at: int) -> bool:
    between = text[at : action.start] if action.start >= at else ","
    return not action.weak and "," not in between and 0 < len(between.split()) <= SUBJECT_WORDS


def _starts_with_verb(text: str, action: Action, at: int) -> bool:
    return action.start >= at and text[at : action.start].strip().lower() in ("", "then", "and", "had", "and then")


def continues_subject(text: str, clause: Clause) -> bool:
    """Whether the clause has no subject of its own ("..., broke off in July"), or a pronoun for one."""
    if clause.action is None:
        return False
    head = _LEADING.sub("", text[clause.start : clause.action.start].strip(" ,;:"))
    for d in clause.dates:
        head = head.replace(text[d.start : d.end], " ")
    words = _WORD.findall(head)
    return not words or (len(words) == 1 and words[0].lower() in _PRONOUNS)


def subject_of(text: str, clause: Clause) -> str:
    """The words before the action, without dates, connectives and asides: "the Red Army"."""
    if clause.action is None:
        return ""
    head = text[clause.start : clause.action.start]
    for d in sorted(clause.dates, key=lambda d: -d.start):
        if d.end <= clause.action.start:
            head = head[: d.start - clause.start] + " " + head[d.end - clause.start :]
    head = head.replace("\u2014", ",")
    parts = [p.strip(" ;:") for p in head.split(",")]
    # The subject is the last piece that holds a word, unless that is an aside ("signed in Moscow ...").
    words = [p for p in parts if _WORD.search(p)]
    subject = words[-1] if words else ""
    if len(words) > 1 and re.match(
        r"(?i)(?:at|in|on|near|west|east|north|south|meeting|which|who|whose|where|with|beside|under|after|before"
        r"|(?:\w+ed|led|cut|held)\s+(?:by|at|in|from|with|off|out|of|for|as)\b)\b",
        subject,
    ):
        subject = words[0]
    subject = _LEADING.sub("", subject).strip()
    subject = re.sub(r"(?i)^(?:after|before|once|until)\s+", "", subject)  # "after a brief attempt ... had failed"
    subject = re.sub(r"^(?:[Aa]t|[Ii]n|[Oo]n|[Bb]y)\s+\S+(?:\s+\S+)?\s+(?=[A-Z])", "", subject)
    subject = re.sub(
        r"(?i)^(?:(?:early|late)\s+)?(?:on|in|at|during|by)\s+the\s+(?:night|morning|evening|afternoon|eve)(?:\s+of)?\s+",
        "",
        subject,
    )
    return " ".join(subject.split())


def title(text: str, clause: Clause, inherited_subject: str = "", references: dict[str, str] | None = None) -> str:
    """A title a lecturer keeps: the actor, the action in the present tense, and what or where
    ("Red Army enters Vilna", "Treaty of Riga signed"), at most 60 characters, no ellipsis."""
    action = clause.action
    if action is None:
        return title_cut(" ".join(text[clause.start : clause.end].split()))
    subject = subject_of(text, clause)
    if not subject or subject.lower() in _PRONOUNS:
        subject = inherited_subject
    subject = re.sub(r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is)\s+", "", subject)
    rest = _rest(text, clause, references or {})
    if action.passive:
        verb = action.written if " " not in action.base else f"{action.written} {action.base.split(' ', 1)[1]}"
    else:
        verb = _present(action.base, _plural(subject))
    words = " ".join(w for w in (subject, verb, rest) if w)
    return title_cut(words[:1].upper() + words[1:])


def _rest(text: str, clause: Clause, references: dict[str, str]) -> str:
    """What follows the action, up to the next aside: without its dates, references named."""
    assert clause.action is not None
    a, b = clause.action.end, clause.end
    spans = sorted([(d.start, d.end, "") for d in clause.dates if d.start >= a], key=lambda s: s[0])
    words = ""
    cursor = a
    for s, e, replacement in spans:
        if s < cursor:
            continue
        words += text[cursor:s] + replacement
        cursor = e
    words += text[cursor:b]
    for ref, name in references.items():
        if name.removeprefix("at ") not in words:  # "made Angora the capital": Angora is named already
            words = words.replace(ref, name)
    words = re.split(r"[,;:(\u2014]|\s(?:which|who|that|where|and|but|while|so)\s", words, maxsplit=1)[0]
    if clause.action.base.endswith(("over", "down", "up", "off", "out")) and " " in clause.action.base:
        particle = clause.action.base.split(" ", 1)[1]
        words = re.sub(rf"\s{particle}\b", "", words, count=1)  # "handed it over to X": "hands over to X"
    words = re.sub(r"^\s*(?:it|them|him|her)\b", "", words)
    # "rose at the Orthodox Christmas" without its date: not "rose at the".
    kept = re.match(r"\s*(?:on|off|up|out|down|back|over)\b", words)  # "goes on": the particle stays
    keep = kept.end() if kept else 0
    words = words[:keep] + re.sub(r"(?:\s+(?:at|on|in|by|of|from|to|during|the|a|an))+[\s.]*$", "", words[keep:])
    return " ".join(words.split()).strip(" .")


def _plural(subject: str) -> bool:
    words = _WORD.findall(subject)
    if not words:
        return False
    if " and " in f" {subject} ":
        return True
    head = words[-1]
    for i, w in enumerate(words):
        if w.lower() in ("of", "with", "under", "from", "in") and i > 0:
            head = words[i - 1]
            break
    if head.lower() in _PLURAL_NOUNS:
        return True  # "Talks opened at Dorpat"
    if head[0].isupper() and head.endswith(("ists", "ites")):
        return True  # "Fascists", "Communists"
    if head[0].isupper():
        return head in DEMONYMS or head in ("Allies", "Powers")  # "the Poles", but not "Kars" or "Paris"
    return head.lower().endswith("s") and not head.lower().endswith(("ss", "us", "is"))


def _present(base: str, plural: bool) -> str:
    verb, _, particle = base.partition(" ")
    if not plural:
        if verb.endswith(("s", "sh", "ch", "x", "z", "go")):  # "goes"
            verb += "es"
        elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
            verb = verb[:-1] + "ies"
        else:
            verb += "s"
    return f"{verb} {particle}".strip()


def title_cut(words: str) -> str:
    """At most TITLE_CHARS characters, cut before a dangling preposition or article, no ellipsis."""
    words = words.strip(" ,;:.")
    if len(words) <= TITLE_CHARS:
        return words
    parts = words[: TITLE_CHARS + 1].rsplit(" ", 1)[0].split()
    for i in range(len(parts) - 1, 2, -1):
        if parts[i].lower() in _PREPOSITIONS:
            parts = parts[:i]
            break
    while len(parts) > 2 and parts[-1].lower().strip(",") in _STOP_TAIL:
        parts.pop()
    return " ".join(parts).strip(" ,;:")


# Documents that "gave", "handed" or "left" something tell their terms, not an event.
_DOCUMENT = re.compile(r"(?i)\b(?:treaty|agreement|armistice|peace|convention|pact|settlement|protocol|it)\b")
_TERMS = {"hand", "give", "cede", "leave", "return", "grant", "award", "transfer", "assign", "hand over", "promise"}
# "A year passed before the Turks struck back": time is the subject, the sentence is comment.
_TIME_PASSED = re.compile(
    r"(?i)(?:a|an|one|two|three|four|five|six|some|several|many|a few|another)\s+(?:\w+\s+)?"
    r"(?:years?|months?|weeks?|days?)\s+(?:passed|elapsed|went\s+by)\b"
)
_TERMS_SENTENCE = re.compile(r"(?:By|Under)\s+(?:its|the|their|these|those)\s+(?:terms|treaty|agreement|clauses)\b")
# ", taken from Denmark by Prussia in 1864,": a participle in an aside, with its own date and places.
PARTICIPLE_ASIDE = re.compile(
    r",\s*(?:[a-z]+ed|taken|given|won|lost|held|built|beaten|driven|torn)\s+(?:from|by|in)\b[^,;:]*,"
)
# A clause dated only by a span of more than four years surveys a period; it is not one event.
_SURVEY_SPAN = dt.timedelta(days=4 * 366)
_SUMMING_UP = re.compile(r"(?:These|Those|Such|Both|All these|All those)\s")


def is_comment(text: str, clause: Clause, subject: str) -> bool:
    """A clause with an action that a lecturer would not index: a date as the subject ("The
    spring of 1921 brought ..."), time passing ("A year passed before ..."), a sentence summing
    up ("These treaties were concluded against ..."), or a treaty's terms ("It handed Smyrna to
    ...") without a date of their own."""
    action = clause.action
    if action is None:
        return False
    words = text[clause.start : clause.end]
    if _TIME_PASSED.match(_LEADING.sub("", words.strip(" ,;:"))):
        return True
    if _TERMS_SENTENCE.match(text, clause.start) or _TERMS_SENTENCE.match(words.strip()):
        return True  # "By its terms Moscow recognised ... and gave up every claim": the treaty's content
    head = text[clause.start : action.start].strip(" ,;:")
    head = re.sub(r"^(?:The|That|This)\s+", "", head)
    if any(
        head == d.text and not re.match(r"(?i)(?:in|on|at|by|during|from|between|early|late)\b", d.text)
        for d in clause.dates
    ):
        return True  # "The spring of 1921 brought ...": a date does nothing
    if clause.dates and all(d.date.end - d.date.start > _SURVEY_SPAN for d in clause.dates):
        return True  # "Governments rose and fell, some forty-five of them between 1910 and 1926": a survey
    if clause.dates:
        return False
    if _SUMMING_UP.match(head) and not clause.places:
        # "These treaties were concluded against ...", but not "These overtures were cut short by the Polish war".
        return True
    return action.base in _TERMS and bool(_DOCUMENT.search(subject or head))


# What "it" stands for in a title: the last meeting, document or fight the text named before it.
_THING = re.compile(
    r"(?i)\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?P<noun>conference|congress|treaty|agreement|armistice|offensive|"
    r"assembly|talks|battle|rising|revolt|siege|council|government|army|convention)\b"
)
PRONOUN_LOOKBACK = 300


def antecedent(text: str, at: int) -> str:
    """The noun "it" most likely stands for: the last conference, treaty, battle ... named before ``at``."""
    last = None
    for m in _THING.finditer(text, max(0, at - PRONOUN_LOOKBACK), at):
        last = m
    return last.group("noun").lower() if last else ""

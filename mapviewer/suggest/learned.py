"""A learned "is this clause an event" decision: features of a dated clause and a logistic model over them.

The features are the signals the rules already read (an action and its kind, a date of the clause's own,
a place named, a comment or heading sentence) and the clause's words; the weights are fitted by
``scripts/suggest_train.py`` on the gold events of the tuned-on passages and kept as a small JSON file.
docs/suggest.md ("A learned decision") says what it was measured to do.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from importlib.resources import files
from typing import cast

from .clauses import Clause, is_listed_action
from .dates import FoundDate
from .gazetteer import PlaceMatch

MODEL_FILE = "event_model.json"
MODEL_FORMAT = "mapviewer-suggest-event-model"
_WORD = re.compile(r"[a-z]+(?:['\u2019-][a-z]+)*")
_MODAL = re.compile(r"(?i)\b(?:could|would|might|must|should|may|can|cannot)\s+(?:not\s+)?(?:have\s+)?(?:\w+ly\s+)?$")
_LENGTHS = (4, 8, 15, 25)


@dataclass(frozen=True)
class Signals:
    """What the drafting rules found about a clause, beside the clause itself."""

    topic: bool  # its sentence opens a paragraph and announces it
    comment: bool  # the rules read it as comment (a date as subject, time passing, a treaty's terms)
    own_date: FoundDate | None  # the date its own words give, if any
    sentence_dated: bool  # dated by an earlier clause of its sentence
    from_context: bool  # dated from the dates around it
    continues: bool  # no subject of its own ("..., broke off in July")
    subject: str
    guessed_place: bool  # its place comes from the paragraph or the story, not its sentence
    position: int  # which clause of its sentence
    clauses: int  # how many clauses its sentence has
    paragraph_start: bool


@dataclass(frozen=True)
class Candidate:
    """A dated clause the drafting considered: what it would be as an event, and what was decided."""

    span: tuple[int, int]
    date: str
    places: tuple[PlaceMatch, ...]
    rules_keep: bool
    keep: bool
    text: str = field(repr=False)
    clause: Clause = field(repr=False)
    signals: Signals = field(repr=False)

    @property
    def features(self) -> dict[str, float]:
        """Worked out when asked (by a model, or the training script), not for every draft."""
        return clause_features(self.text, self.clause, self.places, self.signals)


def clause_features(text: str, clause: Clause, places: tuple[PlaceMatch, ...], s: Signals) -> dict[str, float]:
    """The features of one dated clause, as name -> value (most are 1.0 when present)."""
    f: dict[str, float] = {"bias": 1.0}

    def on(name: str, value: bool = True) -> None:
        if value:
            f[name] = 1.0

    on("rules", not s.topic and not s.comment)
    on("topic", s.topic)
    on("comment", s.comment)
    action = clause.action
    if action is None:
        on("no-action")
    else:
        on("weak", action.weak)
        on("passive", action.passive)
        on("relative", action.relative)
        on("pluperfect", text.startswith("had ", action.start))
        on("by-form", not is_listed_action(action.written))
        on("modal", bool(_MODAL.search(text, max(clause.start, action.start - 40), action.start)))
        on(f"verb={action.base}")
        head = text[clause.start : action.start].strip()
        on("verb-first", not _WORD.search(head.lower()))
    subject = s.subject.strip()
    on("continues", s.continues)
    on("subject-none", not subject)
    on(
        "subject-name",
        bool(subject) and subject[:1].isupper() and not re.match(r"(?:The|A|An|It|They|He|She)\b", subject),
    )
    on("subject-long", len(subject.split()) > 5)
    if s.own_date is not None:
        on("date-own")
        on("date-relative", not s.own_date.stated)
        days = (s.own_date.date.end - s.own_date.date.start).days
        on(f"precision={next((r for r, lim in enumerate((0, 10, 31, 100, 400)) if days <= lim), 5)}")
        on("date-opens", s.own_date.start <= clause.start + 3)
        on("date-by", s.own_date.text.lower().startswith(("by ", "until ", "since ")))
    on("date-sentence", s.sentence_dated)
    on("date-context", s.from_context)
    on("names-place", clause.names_place)
    on("no-place", not places)
    on("implied-only", bool(places) and not any(p.names for p in places))
    on("place-guessed", s.guessed_place)
    on("first-clause", s.position == 0)
    on("later-clause", s.position > 0)
    on(f"clauses={min(s.clauses, 4)}")
    on("paragraph-start", s.paragraph_start)
    words = _WORD.findall(text[clause.start : clause.end].lower())
    on(f"length={next((i for i, lim in enumerate(_LENGTHS) if len(words) <= lim), len(_LENGTHS))}")
    if words:
        on(f"first={words[0]}")
    for w in set(words):
        on(f"w={w}")
    return f


@dataclass(frozen=True)
class EventModel:
    """Logistic weights over clause features and the probability above which a clause is an event."""

    weights: dict[str, float]
    threshold: float = 0.5
    veto_only: bool = False  # the model may only drop what the rules keep, not keep what they drop

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keeps(self, features: dict[str, float]) -> bool:
        if self.veto_only and not features.get("rules"):
            return False
        return self.probability(features) >= self.threshold

    def to_json(self, note: str = "") -> dict[str, object]:
        return {
            "format": MODEL_FORMAT,
            "note": note,
            "threshold": self.threshold,
            "veto_only": self.veto_only,
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4},
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> EventModel:
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a {MODEL_FORMAT} file")
        weights = cast(dict[str, float], data["weights"])
        return cls(weights, float(cast(float, data["threshold"])), bool(data.get("veto_only", False)))


def load_model() -> EventModel:
    """The weights that ship with the package (written by scripts/suggest_train.py)."""
    return EventModel.from_json(json.loads(files(__package__).joinpath(MODEL_FILE).read_text("utf-8")))

"""The learned "is this clause an event" decision: its features, its weights file, and drafting with it."""

from __future__ import annotations

from mapviewer.model.passage import Passage
from mapviewer.suggest.draft import draft_index
from mapviewer.suggest.learned import EventModel, load_model

TEXT = (
    "The spring of 1921 brought new troubles. On 18 March 1921 the treaty was signed at Riga, "
    "and the Polish army withdrew from Minsk two days later."
)


def _passage(text: str = TEXT) -> Passage:
    return Passage(text, "t.txt")


def test_every_dated_clause_is_a_candidate_with_the_rules_decision():
    draft = draft_index(_passage())
    kept = [c for c in draft.candidates if c.keep]
    assert len(kept) == len(draft.events)
    assert all(c.keep == c.rules_keep for c in draft.candidates)
    comment = next(c for c in draft.candidates if "comment" in c.features)
    assert not comment.keep  # "The spring of 1921 brought ...": a date as subject
    signed = next(c for c in draft.candidates if c.features.get("verb=sign"))
    assert signed.keep and "names-place" in signed.features and "precision=0" in signed.features


def test_a_model_decides_which_candidates_are_events():
    everything = EventModel({"bias": 5.0})
    nothing = EventModel({"bias": -5.0})
    assert len(draft_index(_passage(), model=everything).events) == len(draft_index(_passage()).candidates)
    assert draft_index(_passage(), model=nothing).events == []


def test_the_shipped_weights_load_and_round_trip():
    model = load_model()
    assert 0 < model.threshold < 1 and "comment" in model.weights and model.weights["comment"] < 0
    again = EventModel.from_json(model.to_json())
    assert again.threshold == model.threshold and again.weights.keys() == model.weights.keys()
    features = {"bias": 1.0, "comment": 1.0, "topic": 1.0}
    assert model.probability(features) < model.threshold  # comment in a heading sentence is no event

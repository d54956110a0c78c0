"""Fit the learned "is this clause an event" decision of the suggest engine (mapviewer/suggest/learned.py).

Every dated clause the drafting considers on a tuned-on passage is an example: positive when, drafted as an
event, it would match one of the passage's gold events (docs/suggest.md). A logistic regression (L2, plain
Python, no dependency) is fitted over the clause's features. ``--cv`` measures it leave-one-set-out: each set
of tuned-on passages (those added in one commit) is drafted with a model fitted on the others, and the event
recall and precision are compared with the rules'. Held-out passages are never read.

    python scripts/suggest_train.py --cv            # cross-validate the settings below
    python scripts/suggest_train.py --write         # fit on all tuned-on passages, write event_model.json
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from mapviewer.model.dates import HistDate
from mapviewer.model.passage import load_passage
from mapviewer.suggest.draft import draft_index
from mapviewer.suggest.evaluate import GOLD_SUFFIX, Found, event_matches, gold_events, score
from mapviewer.suggest.learned import MODEL_FILE, EventModel

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "suggest"
OUT = ROOT / "mapviewer" / "suggest" / MODEL_FILE

Example = tuple[dict[str, float], int]


def tuned_on() -> list[Path]:
    return [p for p in sorted(DATA.glob("*" + GOLD_SUFFIX)) if not json.loads(p.read_text("utf-8")).get("held_out")]


def set_of(path: Path) -> str:
    """The set a passage was written in: the commit that added it (a gold "set" number wins)."""
    gold = json.loads(path.read_text("utf-8"))
    if gold.get("set") is not None:
        return f"set {gold['set']}"
    out = subprocess.run(
        ["git", "log", "--diff-filter=A", "--format=%h", "--", str(path)], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    return out[-1] if out else path.name


def examples(path: Path) -> list[Example]:
    """The dated clauses of one passage as the rules draft it, each labelled by whether it matches a gold event."""
    gold = json.loads(path.read_text("utf-8"))
    passage = load_passage(path.with_name(gold["passage"]))
    wanted = gold_events(passage.text, gold)
    out = []
    for c in draft_index(passage).candidates:
        found = Found("", c.span[0], c.span[1], HistDate.parse(c.date), frozenset(p.place.id for p in c.places))
        out.append((c.features, int(any(event_matches(found, g) for g in wanted))))
    return out


def fit(data: list[Example], l2: float, epochs: int = 40, rate: float = 0.3, seed: int = 1) -> dict[str, float]:
    """Logistic regression by AdaGrad over the examples, with an L2 penalty (not on the bias)."""
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(lambda: 1e-8)
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            features, label = data[i]
            z = sum(weights[k] * v for k, v in features.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for k, v in features.items():
                g = (p - label) * v + (l2 * weights[k] if k != "bias" else 0.0)
                squares[k] += g * g
                weights[k] -= rate * g / math.sqrt(squares[k])
    return dict(weights)


def restrict(data: list[Example], kind: str) -> list[Example]:
    """Only the hand features ("hand"), or the hand features and the clause's words ("words")."""
    if kind == "words":
        return data
    return [({k: v for k, v in f.items() if not k.startswith(("w=", "first=", "verb="))}, y) for f, y in data]


def cross_validate(paths: list[Path], settings: list[tuple[str, float, float, bool]]) -> None:
    by_set: dict[str, list[Path]] = defaultdict(list)
    for p in paths:
        by_set[set_of(p)].append(p)
    data = {p: examples(p) for p in paths}
    print(f"{len(paths)} tuned-on passages in {len(by_set)} sets; {sum(len(d) for d in data.values())} dated clauses")
    rules = [score(p) for p in paths]
    base = sum(s.event_recall[0] for s in rules), sum(s.event_recall[1] for s in rules)
    found = sum(s.event_precision[1] for s in rules)
    print(f"rules: recall {base[0]}/{base[1]} {base[0] / base[1]:.1%}  precision {base[0] / found:.1%}")
    for kind, l2, threshold, veto in settings:
        hits = total = drafted = 0
        for members in by_set.values():
            train = [e for p in paths if p not in members for e in restrict(data[p], kind)]
            model = EventModel(fit(train, l2), threshold, veto)  # features it was not fitted on weigh nothing
            for p in members:
                s = score(p, model)
                hits, total, drafted = (
                    hits + s.event_recall[0],
                    total + s.event_recall[1],
                    drafted + s.event_precision[1],
                )
        print(
            f"{kind:5} l2={l2:<6} t={threshold:<4} {'veto' if veto else 'free'}  "
            f"recall {hits}/{total} {hits / total:.1%}  precision {hits}/{drafted} {hits / max(drafted, 1):.1%}"
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", action="store_true", help="leave-one-set-out cross-validation of the settings")
    parser.add_argument("--write", action="store_true", help=f"fit on every tuned-on passage and write {MODEL_FILE}")
    parser.add_argument("--kind", default="words", choices=("hand", "words"))
    parser.add_argument("--l2", type=float, default=0.01)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--veto-only", action="store_true", help="the model may only drop what the rules keep")
    args = parser.parse_args(argv)
    paths = tuned_on()
    if args.cv:
        settings = [
            (kind, l2, t, veto)
            for kind in ("hand", "words")
            for l2 in (0.01, 0.1)
            for t in (0.3, 0.5)
            for veto in (False, True)
        ]
        cross_validate(paths, settings)
    if args.write:
        data = restrict([e for p in paths for e in examples(p)], args.kind)
        model = EventModel(fit(data, args.l2), args.threshold, args.veto_only)
        note = (
            f"Fitted by scripts/suggest_train.py on the {len(paths)} tuned-on passages ({len(data)} dated clauses), "
            f"features '{args.kind}', l2 {args.l2}; never on the held-out sets."
        )
        OUT.write_text(json.dumps(model.to_json(note), indent=1, sort_keys=False) + "\n", "utf-8")
        print(f"Wrote {OUT.relative_to(ROOT)} ({len(model.weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

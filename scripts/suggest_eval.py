"""`make suggest-eval`: measure the suggest engine on the passages in tests/data/suggest and
write the table into docs/suggest.md (between its suggest-eval markers); print the misses."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from mapviewer.suggest.evaluate import GOLD_SUFFIX, score, table

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "suggest"
DOC = ROOT / "docs" / "suggest.md"
START, END = "<!-- suggest-eval:start -->", "<!-- suggest-eval:end -->"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true", help="print the table; leave docs/suggest.md alone")
    parser.add_argument(
        "--details", action="store_true", help="list missed gold events and unmatched suggestions (tuned-on passages)"
    )
    parser.add_argument(
        "--held-out-details", action="store_true", help="the same for the held-out passages (spoils them for tuning)"
    )
    args = parser.parse_args(argv)
    scores = [score(path) for path in sorted(DATA.glob("*" + GOLD_SUFFIX))]
    result = table(scores)
    print(result)
    for s in scores:
        if (args.details and not s.held_out) or (args.held_out_details and s.held_out):
            print(f"\n{s.name}:")
            for words in s.missed:
                print(f"  missed     {words}")
            for title in s.unmatched:
                print(f"  unmatched  {title}")
            for place in s.missing_places:
                print(f"  no place   {place}")
    if not args.no_write:
        doc = DOC.read_text("utf-8")
        block = f"{START}\n{result}\n{END}"
        if START not in doc:
            print(f"{DOC}: no {START} marker to write the table at", file=sys.stderr)
            return 1
        DOC.write_text(re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, doc, flags=re.S), "utf-8")
        print(f"Wrote the table into {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

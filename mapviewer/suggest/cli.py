"""`mapviewer suggest PASSAGE.txt`: draft an index for a passage and write it beside it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

from ..model.errors import InputError
from ..model.files import exists, json_text, write_atomic
from ..model.index import INDEX_SUFFIX, index_from_json, index_path_for
from ..model.passage import load_passage
from .draft import CONTEXT_MODES, draft_index

EXIT_OK = 0
EXIT_BAD_INPUT = 2
USAGE = "mapviewer suggest PASSAGE.txt [--out PATH] [--force]"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    # argparse prints usage and error on two lines; the command line promises one.
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mapviewer suggest",
        description="Draft a place-event index for a passage that has none: the places and dates "
        "the text names, and an event for each clause that carries them.",
        epilog="The draft is a starting point: check every date, place and title (docs/suggest.md).",
    )
    parser.add_argument("passage", help="a UTF-8 text passage (.txt or .md)")
    parser.add_argument(
        "--out", metavar="PATH", help="where to write the index (default: beside the passage, PASSAGE.index.json)"
    )
    parser.add_argument("--force", action="store_true", help="replace an index that is already there")
    parser.add_argument(
        "--context-dates",
        choices=CONTEXT_MODES,
        default="between",
        help="how a clause without a date of its own is dated (default: between)",
    )
    return parser


def fail(message: str) -> int:
    print(f"mapviewer: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_BAD_INPUT


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        return fail(f"suggest: {exc} (usage: {USAGE})")
    except SystemExit as exc:  # --help
        return int(exc.code or 0)

    passage_path = Path(args.passage)
    if passage_path.name.endswith(INDEX_SUFFIX):
        return fail(f"{passage_path}: this is an index, not a passage \u2014 give the passage's .txt file")
    out = Path(args.out) if args.out else index_path_for(passage_path)
    try:
        passage = load_passage(passage_path)
    except InputError as exc:
        return fail(exc.message)
    try:
        same = out.resolve() == passage_path.resolve()
        there = exists(out)
    except (InputError, RuntimeError) as exc:  # RuntimeError: a loop of symbolic links
        return fail(exc.message if isinstance(exc, InputError) else f"{out}: the path is a loop of symbolic links")
    if same:
        return fail(f"{out}: this is the passage itself \u2014 choose another --out")
    if there and not args.force:
        return fail(f"{out}: an index already exists \u2014 pass --force to replace it, or --out to write elsewhere")

    reference = Path(os.path.relpath(passage_path.resolve(), out.resolve().parent)).as_posix()
    if reference.startswith("../") or Path(reference).is_absolute():
        # The app refuses a passage outside its index's folder: do not write what it cannot open.
        return fail(
            f"{out}: the passage {passage_path.name} is not in this folder or below it, so mapviewer "
            f"could not open the index \u2014 choose an --out in {passage_path.resolve().parent} or a folder above it"
        )
    try:
        draft = draft_index(passage, context=args.context_dates)
    except InputError as exc:
        return fail(exc.message)
    data = draft.data
    data["passage"]["file"] = reference
    try:
        # The draft must load as an index; anything else is a bug here, reported plainly.
        index_from_json(data, passage, str(out))
    except InputError as exc:
        return fail(f"the draft index does not validate ({exc.message}); please report this")
    try:
        write_atomic(out, json_text(data), fix="choose another --out")
    except InputError as exc:
        return fail(exc.message)

    names = ", ".join(p["name"] for p in draft.places[:8]) + (", \u2026" if len(draft.places) > 8 else "")
    print(f"Suggested an index for {passage_path.name}:")
    print(f"  places  {len(draft.places):3d}" + (f"  ({names})" if names else ""))
    print(f"  dates   {len(draft.dates):3d}")
    print(
        f"  events  {len(draft.events):3d}"
        + (f"  ({draft.context_dated} dated from context)" if draft.context_dated else "")
    )
    print(f"Wrote {out}")
    print("This is a draft: check every date, place and title before you rely on it.")
    return EXIT_OK

"""Command line: open the app, check an index, or render a screenshot without a display."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

EXIT_BAD_INPUT = 2

log = logging.getLogger("mapviewer")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mapviewer",
        description="Read a history passage beside a map of Europe as it was in 1920-22.",
        epilog="Also: 'mapviewer check INDEX' validates an index without opening a window; "
               "'mapviewer suggest PASSAGE.txt' drafts an index for a passage.",
    )
    parser.add_argument("path", nargs="?", help="a passage (.txt) or its index (.index.json); "
                        "default: E. H. Carr on Soviet diplomacy 1920-22")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    parser.add_argument("--event", metavar="ID", help="with --screenshot: the event to select")
    parser.add_argument("--size", metavar="WxH", default="1280x800", help="with --screenshot: window size")
    parser.add_argument("--present", action="store_true", help="with --screenshot: the presentation layout")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser


def fail(message: str) -> int:
    print(f"mapviewer: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def load_for_path(path: str | None):
    """Load the index for a passage or index path (the shipped Carr passage by default)."""
    from .model.index import INDEX_SUFFIX, index_path_for, load_index
    from .paths import default_passage_path

    target = Path(path) if path else default_passage_path()
    if target.name.endswith(INDEX_SUFFIX):
        return load_index(target)
    index_file = index_path_for(target)
    if not index_file.exists():
        from .model.errors import InputError

        raise InputError(index_file, "no index found beside the passage",
                         fix=f"create {index_file.name} (see docs/index-format.md)")
    from .model.passage import load_passage

    return load_index(index_file, load_passage(target))


def check(argv: list[str]) -> int:
    from .model.errors import InputError

    if len(argv) != 1:
        return fail("usage: mapviewer check INDEX_OR_PASSAGE")
    try:
        index = load_for_path(argv[0])
    except InputError as exc:
        return fail(exc.message)
    print(f"{index.path}: OK \u2014 {len(index.events)} events, {len(index.places)} places, "
          "every anchor found once")
    return 0


def _parse_size(text: str) -> tuple[int, int] | None:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        return None
    return (w, h) if 200 <= w <= 8000 and 200 <= h <= 8000 else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    if argv[:1] == ["check"]:
        return check(argv[1:])
    if argv[:1] == ["export"]:
        from .export.cli import main as export_main

        return export_main(argv[1:])
    if argv[:1] == ["suggest"]:
        from .suggest.cli import main as suggest_main

        return suggest_main(argv[1:])
    args = _parser().parse_args(argv)
    if args.version:
        from . import __version__

        print(f"mapviewer {__version__}")
        return 0
    size = _parse_size(args.size)
    if size is None:
        return fail(f"--size {args.size!r}: write WIDTHxHEIGHT, e.g. 1920x1080")

    from .model.errors import InputError
    from .qt import app as qtapp

    qtapp.prepare_environment(headless=bool(args.screenshot))
    if not qtapp.has_display():
        return fail("no display found; run it on a desktop, or use --screenshot OUT.png to render without one")
    if args.screenshot:
        try:
            index = load_for_path(args.path)
        except InputError as exc:
            return fail(exc.message)
        if args.event and args.event not in index.events:
            return fail(f"--event {args.event!r}: no such event in {index.path}; "
                        f"the events are: {', '.join(e.id for e in index.chronological)}")
        qtapp.create_application([sys.argv[0]])
        from .qt.main_window import MainWindow
        from .qt.screenshot import render_screenshot

        from PySide6.QtCore import QSettings, QTemporaryDir

        # A fresh, throwaway settings file: a picture must not depend on the last session.
        scratch = QTemporaryDir()
        window = MainWindow(index, QSettings(scratch.filePath("settings.ini"), QSettings.Format.IniFormat))
        code = render_screenshot(window, Path(args.screenshot), args.event, size, present=args.present)
        _release(window)
        return code

    application = qtapp.create_application([sys.argv[0]])
    window = open_main_window(args.path, qtapp.app_settings())
    code = application.exec()
    _release(window)
    return code


def open_main_window(path: str | None, settings):
    """Show the window on ``path`` (an index, a passage with or without one); if it cannot be
    opened, on the default passage with a dialog saying why."""
    from .model.errors import InputError
    from .qt.editing import open_document
    from .qt.main_window import MainWindow

    last = settings.value("session/index")
    if path is None and isinstance(last, str) and Path(last).is_file():
        try:
            return _show(MainWindow(open_document(last), settings), None)
        except InputError:
            pass  # the last passage has gone bad since: start on the default quietly
    try:
        index, error = (open_document(path) if path else load_for_path(None)), None
    except InputError as exc:
        index, error = load_for_path(None), exc
    return _show(MainWindow(index, settings), error)


def _show(window, error):
    window.show()
    if error:
        window.show_error(error)
    return window


def _release(window) -> None:
    """Delete the window (and its web page) before Qt tears down QtWebEngine's profile."""
    import shiboken6

    shiboken6.delete(window)


if __name__ == "__main__":
    sys.exit(main())

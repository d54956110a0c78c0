"""The command line: ``open`` (the default), ``check``, ``export`` (one subcommand per export), ``suggest``."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .model.index import PlaceEventIndex

EXIT_BAD_INPUT = 2
COMMANDS = ("open", "check", "export", "suggest")

log = logging.getLogger("mapviewer")


class UsageError(Exception):
    """A command line argparse cannot take; reported on one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    # argparse prints usage and the error on two lines; the command line promises one.
    def error(self, message: str):
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def parse_size(text: str) -> tuple[int, int] | None:
    """WIDTHxHEIGHT within 200..8000 each, or None."""
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        return None
    return (w, h) if 200 <= w <= 8000 and 200 <= h <= 8000 else None


def build_parser() -> argparse.ArgumentParser:
    from .export.registry import EXPORTERS

    parser = _Parser(
        prog="mapviewer",
        description="Read a history passage beside a map of Europe as it was in 1920-22.",
        epilog="With no command, 'mapviewer [PATH] [options]' is 'mapviewer open'.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--verbose", action="store_true", help="with --version: every version and data source, for a bug report"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    opener = commands.add_parser(
        "open",
        help="open the app on a passage (the default command)",
        description="Open the app; or, with --screenshot, render the window to a PNG.",
    )
    opener.add_argument(
        "path",
        nargs="?",
        help="a passage (.txt) or its index (.index.json); default: E. H. Carr on Soviet diplomacy 1920-22",
    )
    opener.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    opener.add_argument("--event", metavar="ID", help="with --screenshot: the event to select")
    opener.add_argument("--size", metavar="WxH", default="1280x800", help="with --screenshot: window size")
    opener.add_argument("--present", action="store_true", help="with --screenshot: the presentation layout")

    checker = commands.add_parser(
        "check",
        help="validate an index (or a passage's index) without a window",
        description="Validate an index; exit 2 with one line naming the file, the item and the fix.",
    )
    checker.add_argument("path", help="an index (.index.json) or a passage with its index beside it")

    exporter = commands.add_parser(
        "export",
        help="export slides, a web page, a handout or data, headless",
        description="Export without a display. Formats: " + ", ".join(e.name for e in EXPORTERS) + ".",
    )
    formats = exporter.add_subparsers(dest="format", metavar="FORMAT", required=True, parser_class=_Parser)
    for item in EXPORTERS:
        one = formats.add_parser(item.name, help=item.help, description=item.help)
        one.add_argument("out", help="a folder" if item.is_folder else f"a file ({item.suffix} is added if missing)")
        one.add_argument("--passage", metavar="PATH", help="a passage or index (default: the Carr passage)")
        if item.renders_map:
            which = one.add_mutually_exclusive_group()
            which.add_argument("--lecture", metavar="ID", help="the steps of this lecture (default: the index's first)")
            which.add_argument("--all", action="store_true", help="every event in date order, not the lecture's steps")
            which.add_argument("--event", metavar="ID", action="append", help="only these events (repeatable)")
            one.add_argument("--size", metavar="WxH", help="picture size")

    suggest = commands.add_parser(
        "suggest",
        help="draft an index for a new passage",
        description="Draft a place-event index for a passage (see 'mapviewer suggest --help').",
        add_help=False,
    )
    suggest.add_argument("args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def fail(message: str) -> int:
    print(f"mapviewer: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_BAD_INPUT


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version", "--verbose")):
        argv = ["open", *argv]
    if argv[0] == "suggest":  # its own parser words its own help and errors
        from .suggest.cli import main as suggest_main

        return suggest_main(argv[1:])
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        return fail(str(exc).removeprefix("mapviewer: "))
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    if args.version:
        if args.verbose:
            from .diagnostics import report

            print(report())
        else:
            print(f"mapviewer {__version__}")
        return 0
    if args.verbose:
        return fail("--verbose goes with --version: 'mapviewer --version --verbose'")
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    """Run the chosen command; whatever escapes it is still one line and exit code 2."""
    from .model.errors import InputError

    try:
        if args.command == "check":
            return check(args.path)
        if args.command == "export":
            return export(args)
        return open_app(args)
    except InputError as exc:
        return fail(exc.message)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return fail(f"{where}{exc.strerror or exc}")
    except Exception as exc:  # a bug: still one line, and the details in the log
        log.debug("unexpected error", exc_info=True)
        return fail(f"unexpected error ({type(exc).__name__}: {exc}); please report this")


def load_for_path(path: str | None):
    """Load the index for a passage or index path (the shipped Carr passage by default)."""
    from .model.errors import InputError
    from .model.files import exists
    from .model.index import INDEX_SUFFIX, index_path_for, load_index
    from .model.passage import load_passage
    from .paths import default_passage_path

    target = Path(path) if path else default_passage_path()
    if target.name.endswith(INDEX_SUFFIX):
        return load_index(target)
    index_file = index_path_for(target)
    if not exists(target):
        load_passage(target)  # says what is wrong with the passage itself
    if not exists(index_file):
        raise InputError(
            index_file, "no index found beside the passage", fix=f"create {index_file.name} (see docs/index-format.md)"
        )
    return load_index(index_file, load_passage(target))


def check(path: str) -> int:
    from .model.errors import InputError

    try:
        index = load_for_path(path)
    except InputError as exc:
        return fail(exc.message)
    print(f"{index.path}: OK \u2014 {len(index.events)} events, {len(index.places)} places, every anchor found once")
    return 0


def export(args: argparse.Namespace) -> int:
    """Run one export of the registry; map exports render in a hidden window."""
    from .export.protocols import ExportOptions, export_steps
    from .export.registry import check_target, exporter, target_path
    from .model.errors import InputError

    item = exporter(args.format)
    size = None
    if item.renders_map and args.size:
        size = parse_size(args.size)
        if size is None:
            return fail(f"--size {args.size!r}: write WIDTHxHEIGHT, e.g. 1920x1080")
    try:
        index = load_for_path(args.passage)
    except InputError as exc:
        return fail(exc.message)
    events = tuple(getattr(args, "event", None) or ()) or None
    unknown = [e for e in events or () if e not in index.events]
    if unknown:
        return fail(f"--event {unknown[0]!r}: no such event in {index.path}")
    out = target_path(item, args.out)
    options = ExportOptions(
        events=events, size=size, lecture=getattr(args, "lecture", None), all_events=getattr(args, "all", False)
    )
    try:
        check_target(item, out)
        if item.renders_map:
            export_steps(index, options)  # an unknown lecture is refused before anything renders
        if not item.renders_map:
            item.run(index, out, options)
            print(f"wrote {out}")
            return 0
    except InputError as exc:
        return fail(exc.message)
    return _render_export(item, index, out, options)


def _render_export(item, index, out: Path, options) -> int:
    from .model.errors import InputError
    from .qt import app as qtapp

    qtapp.prepare_environment(headless=True)
    qtapp.quiet_qt_messages()
    app = qtapp.create_application([sys.argv[0]])
    from .qt.main_window import MainWindow
    from .qt.offscreen import OffscreenRenderer

    renderer = OffscreenRenderer.hidden(index, MainWindow)
    result: dict[str, str | None] = {"error": None}
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        # One line that counts up on a terminal; whole lines in a log.
        print(
            f"\r{done}/{total}" if interactive else f"{done}/{total}",
            end="" if interactive else "\n",
            file=sys.stderr,
            flush=True,
        )

    def done(error: str | None) -> None:
        result["error"] = error
        app.quit()

    renderer.progress.connect(progress)
    try:
        item.render(index, out, options, renderer, done)
    except InputError as exc:
        renderer.close()
        return fail(exc.message)
    app.exec()
    if interactive:
        print(file=sys.stderr)
    _release(renderer.window)
    if result["error"]:
        return fail(f"{out}: {result['error']}")
    print(f"wrote {out}")
    return 0


def open_app(args: argparse.Namespace) -> int:
    from .model.errors import InputError
    from .qt import app as qtapp

    size = parse_size(args.size)
    if size is None:
        return fail(f"--size {args.size!r}: write WIDTHxHEIGHT, e.g. 1920x1080")
    qtapp.prepare_environment(headless=bool(args.screenshot))
    if not qtapp.has_display():
        return fail("no display found; run it on a desktop, or use --screenshot OUT.png to render without one")
    if args.screenshot:
        try:
            index = load_for_path(args.path)
        except InputError as exc:
            return fail(exc.message)
        if args.event and args.event not in index.events:
            return fail(
                f"--event {args.event!r}: no such event in {index.path}; "
                f"the events are: {', '.join(e.id for e in index.chronological)}"
            )
        qtapp.quiet_qt_messages()
        qtapp.create_application([sys.argv[0]])
        from .qt.main_window import MainWindow
        from .qt.screenshot import render_screenshot

        window = MainWindow(index, None)  # throwaway settings: a picture must not depend on the last session
        code = render_screenshot(window, Path(args.screenshot), args.event, size, present=args.present)
        _release(window)
        return code

    application = qtapp.create_application([sys.argv[0]])
    window = open_main_window(args.path, qtapp.app_settings(), qtapp.start_map_page())
    code = application.exec()
    _release(window)
    return code


def open_main_window(path: str | None, settings, map_view=None):
    """Show the window on ``path`` (an index, a passage with or without one); if it cannot be
    opened, on the default passage with a dialog saying why.

    ``map_view`` is one made at start (``start_map_page``), its page loading meanwhile: between
    the steps here the event loop runs, so Chromium is served what it asks for at once.
    """
    from .editing.editor import open_document
    from .model.errors import InputError
    from .qt.app import let_the_page_load

    let_the_page_load()
    index: PlaceEventIndex | None = None
    error: InputError | None = None
    last = settings.value("session/index")
    if path is None and isinstance(last, str) and Path(last).is_file():
        try:
            index = open_document(last)
        except InputError:
            pass  # the last passage has gone bad since: start on the default quietly
    if index is None:
        try:
            index = open_document(path) if path else load_for_path(None)
        except InputError as exc:
            index, error = load_for_path(None), exc
    let_the_page_load()
    # The window's modules, a few at a time: importing them is CPU work (PySide makes Python enums
    # of the Qt enums they touch), and Chromium's requests are answered in between.
    for module in ("passage_view", "event_table", "timeline", "lecture_panel", "presentation", "editing", "exporting"):
        importlib.import_module(f"mapviewer.qt.{module}")
        let_the_page_load()
    from .qt.main_window import MainWindow

    let_the_page_load()
    return _show(MainWindow(index, settings, map_view), error)


def _show(window, error):
    window.show()
    if error:
        window.show_error(error)
    else:
        window.editor.offer_recovery()  # after a crash the work comes back however the file was opened
    return window


def _release(window) -> None:
    """Delete the window (and its web page) before Qt tears down QtWebEngine's profile."""
    import shiboken6

    shiboken6.delete(window)

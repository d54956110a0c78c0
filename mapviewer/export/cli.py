"""`mapviewer export slides|html|pdf OUT`: exports from the command line, with no display."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mapviewer export", description="Export slides, a web page or a handout.")
    parser.add_argument("kind", choices=["slides", "html", "pdf"])
    parser.add_argument("out", help="a folder for slides, a file for html and pdf")
    parser.add_argument("--passage", metavar="PATH", help="a passage or index (default: the Carr passage)")
    parser.add_argument("--event", metavar="ID", action="append", help="slides: only these events (repeatable)")
    parser.add_argument("--size", metavar="WxH", default="1920x1080", help="slides: picture size")
    return parser


def main(argv: list[str]) -> int:
    from ..__main__ import _parse_size, fail, load_for_path
    from ..model.errors import InputError

    args = _parser().parse_args(argv)
    size = _parse_size(args.size)
    if size is None:
        return fail(f"--size {args.size!r}: write WIDTHxHEIGHT, e.g. 1920x1080")
    try:
        index = load_for_path(args.passage)
    except InputError as exc:
        return fail(exc.message)
    unknown = [e for e in args.event or [] if e not in index.events]
    if unknown:
        return fail(f"--event {unknown[0]!r}: no such event in {index.path}")
    out = Path(args.out)
    if args.kind == "html":
        from .html import export_html

        try:
            export_html(index, out)
        except (OSError, InputError) as exc:
            return fail(getattr(exc, "message", None) or f"{out}: cannot write ({exc})")
        print(f"wrote {out}")
        return 0

    from ..qt import app as qtapp

    qtapp.prepare_environment(headless=True)
    app = qtapp.create_application([sys.argv[0]])
    from PySide6.QtCore import QSettings, QTemporaryDir

    from ..qt.main_window import MainWindow

    scratch = QTemporaryDir()
    window = MainWindow(index, QSettings(scratch.filePath("settings.ini"), QSettings.Format.IniFormat))
    window.show()
    if args.kind == "slides":
        from .slides import render_slides

        renderer = render_slides(window, out, args.event or [e.id for e in index.chronological], size)
    else:
        from .handout import render_handout

        renderer = render_handout(window, out)
    result = {"ok": False, "message": ""}

    def done(ok: bool, message: str) -> None:
        result.update(ok=ok, message=message)
        app.quit()

    renderer.finished.connect(done)
    renderer.progress.connect(lambda n, total: print(f"\r{n}/{total}", end="", flush=True))
    renderer.start()
    app.exec()
    print()
    window.close()
    import shiboken6

    shiboken6.delete(window)
    if not result["ok"]:
        return fail(f"{out}: {result['message']}")
    print(f"wrote {out}")
    return 0

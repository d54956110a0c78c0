"""``python -m mapviewer`` and the ``mapviewer`` command: hand the arguments to the command line."""

from __future__ import annotations

import sys

from .cli import main as cli_main


def main(argv: list[str] | None = None) -> int:
    """Run the command line with output that cannot fail on a console that is not UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        # On Windows a pipe or an old console encodes in the ANSI code page (cp1252...), which
        # has no "ś" for Brześć or "→" for a hint: print those as \u escapes rather than
        # crash with UnicodeEncodeError. A UTF-8 stream is left alone.
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())

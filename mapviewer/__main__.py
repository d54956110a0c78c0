"""``python -m mapviewer`` and the ``mapviewer`` command: hand the arguments to the command line."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())

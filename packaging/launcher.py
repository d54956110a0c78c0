"""The bundle's entry point: the same as the ``mapviewer`` command of an installed copy."""

import sys

from mapviewer.cli import main

if __name__ == "__main__":
    sys.exit(main())

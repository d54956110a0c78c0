"""The map of an event as readers with each kind of colour blindness see it, as PNGs for docs/accessibility.md.

Renders the window with `mapviewer --screenshot`, keeps the map, and simulates deuteranopia,
protanopia and tritanopia on it (tests/cvd.py: Machado 2009 at full severity).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.cvd import VISIONS, simulate  # noqa: E402 (the checkout's tests, found from here)

MAP_LEFT = 562  # the map's left edge in a 1280x800 window


def main(argv: list[str]) -> int:
    event = argv[0] if argv else "treaty-of-rapallo"
    folder = Path(argv[1]) if len(argv) > 1 else ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        shot = Path(tmp) / "window.png"
        subprocess.run(
            [sys.executable, "-m", "mapviewer", "--screenshot", str(shot), "--event", event], check=True, cwd=tmp
        )
        image = QImage(str(shot)).convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    pixels = rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3)[:, MAP_LEFT:]
    for vision in VISIONS:
        seen = np.ascontiguousarray(simulate(pixels, vision))
        out = folder / f"a11y-{vision}.png"
        QImage(seen.data, seen.shape[1], seen.shape[0], seen.shape[1] * 3, QImage.Format.Format_RGB888).save(str(out))
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

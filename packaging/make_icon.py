"""Draw mapviewer's icon with QPainter and write it as PNG, ICO (Windows) and ICNS (macOS).

Run once when the design changes (``python packaging/make_icon.py``); the results are kept in
``resources/icons/``. The picture: a sea-blue tile, two lands parted by a dashed border of
1920, and a red place marker, the app in one glance. ICO and ICNS are written by hand
(both simply hold PNG images) so that no image library beyond Qt is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS types that hold PNG data, by pixel size.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def draw(size: int) -> QImage:
    """The icon at ``size`` pixels, drawn on a 100-unit canvas."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100, size / 100)

    tile = QPainterPath()
    tile.addRoundedRect(QRectF(4, 4, 92, 92), 18, 18)
    p.fillPath(tile, QColor("#2f6f9f"))
    p.setClipPath(tile)

    west = QPainterPath(QPointF(4, 30))
    for x, y in ((22, 22), (38, 28), (48, 20), (54, 34), (50, 52), (58, 70), (50, 96), (4, 96)):
        west.lineTo(x, y)
    west.closeSubpath()
    east = QPainterPath(QPointF(48, 20))
    for x, y in ((66, 12), (96, 14), (96, 96), (50, 96), (58, 70), (50, 52), (54, 34)):
        east.lineTo(x, y)
    east.closeSubpath()
    p.fillPath(west, QColor("#efe3c2"))
    p.fillPath(east, QColor("#d9c79b"))
    coast = QPen(QColor("#5b4a2f"), 1.6)
    p.strokePath(west, coast)
    p.strokePath(east, coast)

    # The border of 1920 between them, dashed like a line that is about to move.
    border = QPainterPath(QPointF(48, 20))
    for x, y in ((54, 34), (50, 52), (58, 70), (50, 96)):
        border.lineTo(x, y)
    dashed = QPen(QColor("#8c1d18"), 3.2, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap)
    p.strokePath(border, dashed)
    p.setClipping(False)

    # A place marker on the eastern land.
    marker = QPainterPath()
    marker.moveTo(72, 66)
    marker.cubicTo(60, 50, 60, 38, 72, 36)
    marker.cubicTo(84, 38, 84, 50, 72, 66)
    p.setPen(QPen(QColor("#ffffff"), 2.4))
    p.setBrush(QBrush(QColor("#c62828")))
    p.drawPath(marker)
    p.setBrush(QBrush(QColor("#ffffff")))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QPointF(72, 46.5), 4.2, 4.2)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon file whose entries are PNG images (Windows Vista and later read them)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + entries + blobs


def icns(images: dict[bytes, bytes]) -> bytes:
    """A macOS icon file: typed chunks of PNG data."""
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in images.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "mapviewer.png").write_bytes(png_bytes(draw(256)))
    (OUT / "mapviewer.ico").write_bytes(ico({s: png_bytes(draw(s)) for s in ICO_SIZES}))
    (OUT / "mapviewer.icns").write_bytes(icns({kind: png_bytes(draw(s)) for kind, s in ICNS_TYPES}))
    for name in ("mapviewer.png", "mapviewer.ico", "mapviewer.icns"):
        print(f"wrote {OUT / name} ({(OUT / name).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

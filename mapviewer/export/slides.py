"""Slides: every event (or some) as a PNG with its title, date, sentence and map."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage

from ..model.errors import InputError
from ..model.files import write_atomic
from ..model.index import PlaceEventIndex
from .protocols import ExportOptions, MapRenderer, export_steps

SLIDE_SIZE = (1920, 1080)


def slide_name(number: int, event_id: str) -> str:
    return f"{number:02d}-{event_id}.png"


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def export(
    index: PlaceEventIndex,
    out_dir: Path,
    options: ExportOptions,
    renderer: MapRenderer,
    done: Callable[[str | None], None],
) -> int:
    """One PNG per step in ``out_dir``, in the audience's layout; returns the number of slides."""
    steps = export_steps(index, options)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(out_dir, f"cannot make the folder ({exc.strerror})", fix="choose another folder") from None
    numbers = {s.event: s.number for s in reversed(steps)}  # an event twice in a lecture: its first step

    def save(event_id: str, image: QImage) -> None:
        write_atomic(out_dir / slide_name(numbers[event_id], event_id), png_bytes(image))

    renderer.render([s.event for s in steps], "slide", options.size or SLIDE_SIZE, save, done)
    return len(steps)

"""Slides: every event (or some) as a PNG with its title, date, sentence and map."""

from __future__ import annotations

from pathlib import Path

from .render import EventRenderer


def slide_name(number: int, event_id: str) -> str:
    return f"{number:02d}-{event_id}.png"


def render_slides(window, out_dir: Path, event_ids: list[str], size: tuple[int, int]) -> EventRenderer:
    """Put ``window`` in the presentation layout at ``size`` and write one PNG per event."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    order = [e.id for e in window.index.chronological]
    window.presentation.start(tour_id="", fullscreen=False)
    window.resize(*size)

    def save(event_id: str, image) -> None:
        path = out_dir / slide_name(order.index(event_id) + 1, event_id)
        if not image.save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")

    renderer = EventRenderer(window, event_ids, window.grab, lambda e, img: save(e, img.toImage()))
    renderer.finished.connect(lambda ok, message: window.presentation.stop())
    return renderer

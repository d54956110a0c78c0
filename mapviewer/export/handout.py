"""A PDF handout: the passage with its events marked, then each event with a small map."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ..model.errors import InputError
from ..model.files import write_atomic
from ..model.index import PlaceEventIndex
from .protocols import ExportOptions, MapRenderer

MAP_SIZE = (1100, 640)


def handout_html(index: PlaceEventIndex, has_map: set[str]) -> str:
    """The handout as HTML for QTextDocument; every piece of text is escaped."""
    esc = html.escape
    order = {e.id: n for n, e in enumerate(index.chronological, 1)}
    title = index.meta.get("title") or index.passage.name
    source = index.meta.get("source") or index.passage.source_line
    text = index.passage.text
    marks = sorted((e.span[0], e.span[1], order[e.id]) for e in index.events.values())
    parts, pos = [], 0
    body = [p for p in index.passage.paragraphs if p.kind == "body"]
    for para in body:
        chunk, pos = [], para.start
        for start, end, number in marks:
            if start < para.start or start >= para.end or start < pos:
                continue  # nested or overlapping anchors keep the outer mark only
            end = min(end, para.end)
            chunk.append(esc(text[pos:start]))
            chunk.append(f'<span style="background:#ffe2c2">{esc(text[start:end])}</span><sup><b>[{number}]</b></sup>')
            pos = end
        chunk.append(esc(text[pos : para.end]))
        parts.append("<p>" + "".join(chunk) + "</p>")
    events = []
    for event in index.chronological:
        places = ", ".join(esc(index.places[p].label) for p in event.place_ids)
        block = [
            f"<h3>[{order[event.id]}] {esc(event.title)}</h3>",
            f"<p><b>{esc(event.date.label())}</b> \u2014 {places}</p>",
            f"<p>{esc(event.summary)}</p>",
            f'<p style="color:#555555"><i>\u201c{esc(event.anchor.exact)}\u201d</i></p>',
        ]
        if event.id in has_map:
            block.append(f'<p><img src="map-{esc(event.id)}.png" width="420"></p>')
        events.append("".join(block))
    return (
        f"<h1>{esc(title)}</h1><p style='color:#555555'>{esc(source)}</p>"
        + "".join(parts)
        + "<h2 style='page-break-before: always'>The events</h2>"
        + "<hr>".join(events)
    )


def write_pdf(index: PlaceEventIndex, maps: dict, out: Path) -> Path:
    """Lay out the handout and write it in one step; raise InputError if it cannot be written."""
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Serif", 11))
    doc.setDefaultStyleSheet("p { line-height: 130%; } h3 { margin-top: 14px; }")
    for event_id, image in maps.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"map-{event_id}.png"), image)
    doc.setHtml(handout_html(index, set(maps)))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(index.meta.get("title") or index.passage.name)
    writer.setCreator("mapviewer")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(150)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
    del writer  # the PDF is finished when its writer goes
    write_atomic(Path(out), bytes(buffer.data().data()))
    return Path(out)


def export(
    index: PlaceEventIndex, out: Path, options: ExportOptions, renderer: MapRenderer, done: Callable[[str | None], None]
) -> int:
    """Capture a small map for every event, then write the PDF; returns the number of maps."""
    maps: dict = {}
    events = list(options.events or [e.id for e in index.chronological])

    def finished(error: str | None) -> None:
        if error is None:
            try:
                write_pdf(index, maps, out)
            except InputError as exc:
                error = exc.message
        done(error)

    renderer.render(events, "map", options.size or MAP_SIZE, maps.__setitem__, finished)
    return len(events)

"""A PDF handout: the passage with its steps numbered, then each step with its sentence, note and map."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextCursor, QTextDocument, QTextFormat

from ..model.errors import InputError
from ..model.files import write_atomic
from ..model.index import PlaceEventIndex
from .protocols import ExportOptions, ExportStep, MapRenderer, export_steps

# Captured at this size and printed across the text column, the page's labels (drawn in the
# presentation style) come out at about 8 pt, the highlighted ones at about 12 pt.
MAP_SIZE = (960, 560)
HIGHLIGHT = "#ffe2c2"


def handout_html(index: PlaceEventIndex, steps: list[ExportStep], has_map: set[str], map_width: int) -> str:
    """The handout as HTML for QTextDocument; every piece of text is escaped.

    The passage carries a step's number after each of the steps' sentences (nothing is
    painted over the text); each step then has its sentence highlighted, its note and its map.
    """
    esc = html.escape
    title = index.meta.get("title") or index.passage.name
    source = index.meta.get("source") or index.passage.source_line
    text = index.passage.text
    numbers: dict[str, list[int]] = {}
    for step in steps:
        numbers.setdefault(step.event, []).append(step.number)
    marks = sorted((index.events[e].span[1], nums) for e, nums in numbers.items())
    parts = []
    for para in (p for p in index.passage.paragraphs if p.kind == "body"):
        chunk, pos = [], para.start
        for end, nums in marks:
            if para.start < end <= para.end:
                chunk.append(esc(text[pos:end]))
                chunk.append(f"<sup><b>[{', '.join(map(str, nums))}]</b></sup>")
                pos = end
        chunk.append(esc(text[pos : para.end]))
        parts.append("<p>" + "".join(chunk) + "</p>")
    blocks = []
    for step in steps:
        event = index.events[step.event]
        places = ", ".join(esc(index.places[p].label) for p in event.place_ids)
        block = [
            f"<h3>[{step.number}] {esc(event.title)}</h3>",
            f"<p><b>{esc(event.date.label())}</b> \u2014 {places}</p>",
            f"<p>{esc(event.summary)}</p>",
            f'<p><span style="background:{HIGHLIGHT}">\u201c{esc(event.anchor.exact)}\u201d</span></p>',
        ]
        if step.note:
            block.append(f'<p style="color:#1f4e79"><b>Note:</b> {esc(step.note)}</p>')
        if event.id in has_map:
            # Not the text's 130 % line height: on a picture it left a band of white under it.
            block.append(f'<p style="line-height: 100%"><img src="map-{esc(event.id)}.png" width="{map_width}"></p>')
        blocks.append("".join(block))
    heading = "The lecture" if any(s.note for s in steps) or index.tours else "The events"
    return (
        f"<h1>{esc(title)}</h1><p style='color:#555555'>{esc(source)}</p>"
        + "".join(parts)
        + f"<h2 style='page-break-before: always'>{heading}</h2>"
        + "<hr>".join(blocks)
    )


def write_pdf(index: PlaceEventIndex, steps: list[ExportStep], maps: dict, out: Path) -> Path:
    """Lay out the handout and write it in one step; raise InputError if it cannot be written."""
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Serif", 11))
    doc.setDefaultStyleSheet("p { line-height: 130%; } h3 { margin-top: 14px; }")
    for event_id, image in maps.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"map-{event_id}.png"), image)
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
    column = int(writer.width() - 2 * doc.documentMargin())  # the map spans the text column
    doc.setHtml(handout_html(index, steps, set(maps), column))
    keep_steps_whole(doc)
    doc.print_(writer)
    del writer  # the PDF is finished when its writer goes
    write_atomic(Path(out), bytes(buffer.data().data()))
    return Path(out)


def keep_steps_whole(doc: QTextDocument) -> None:
    """Start a step on a new page where it would run over one, so that its heading, its text
    and its map are read together (a step longer than a page runs over as it must)."""
    page = doc.pageSize().height()
    layout = doc.documentLayout()
    starts = [b for b in _blocks(doc) if b.blockFormat().headingLevel() == 3]  # the steps' <h3>
    for start, following in zip(starts, [*starts[1:], None], strict=True):
        top = layout.blockBoundingRect(start).top()
        last = following.previous() if following is not None else doc.lastBlock()
        bottom = layout.blockBoundingRect(last).bottom()
        if int(top // page) != int((bottom - 1) // page) and bottom - top < page:
            form = start.blockFormat()
            form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(start).setBlockFormat(form)
            # Laid out again from the top: the layout takes in a new break only as far as it is
            # asked, so the next step's place (and the printed page count) would be stale.
            doc.markContentsDirty(0, doc.characterCount())


def _blocks(doc: QTextDocument):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def export(
    index: PlaceEventIndex,
    out: Path,
    options: ExportOptions,
    renderer: MapRenderer,
    done: Callable[[str | None], None],
) -> int:
    """Capture a map for every step, then write the PDF; returns the number of maps."""
    steps = export_steps(index, options)
    maps: dict = {}

    def finished(error: str | None) -> None:
        if error is None:
            try:
                write_pdf(index, steps, maps, out)
            except InputError as exc:
                error = exc.message
        done(error)

    renderer.render(
        list(dict.fromkeys(s.event for s in steps)), "map", options.size or MAP_SIZE, maps.__setitem__, finished
    )
    return len(steps)

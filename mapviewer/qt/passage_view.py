"""The passage as readable paragraphs, with the selected event's sentence highlighted."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from ..model.document import Document
from ..model.index import PlaceEventIndex
from ..model.selection import Selection
from .text import shown

EVENT_BACKGROUND = QColor("#ffd9a8")
ANCHOR_UNDERLINE = QColor("#c8a27a")
MENTION_BACKGROUND = QColor("#cfe3f7")
MENTION_UNDERLINE = QColor("#1f4e79")
MAX_MARKED_MENTIONS = 500  # marks of one place in the text at a time (docs/security.md)


class PassageView(QTextBrowser):
    """Shows the passage; a click on an event's sentence asks for that event."""

    event_clicked = Signal(object)  # event id or None

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self._index: PlaceEventIndex | None = None
        self._raw_starts: list[int] = []
        self._doc_starts: list[int] = []
        self._astral: list[int] = []
        self._astral_utf16: list[int] = []
        self._event: str | None = None
        self._place: str | None = None
        self._font_size = 12.0

    def follow(self, document: Document, selection: Selection) -> None:
        """Show the document's passage and the selection's event and place; clicks choose."""
        self._chosen = selection
        document.index_changed.connect(self._on_index)
        selection.event_changed.connect(self.show_event)
        selection.place_changed.connect(self.show_place)
        self.event_clicked.connect(selection.select_event)
        self._on_index(document.index)

    def _on_index(self, index: PlaceEventIndex) -> None:
        top = self.verticalScrollBar().value()
        same_text = self._index is not None and self._index.passage is index.passage
        self.set_index(index)
        self._event, self._place = self._chosen.event, self._chosen.place
        self._apply_highlights()
        if same_text:
            self.verticalScrollBar().setValue(top)  # an edit must not send the reader to the top

    # ---- content -----------------------------------------------------------

    @property
    def passage_text(self) -> str:
        """The text of the passage shown ("" before one is)."""
        return self._index.passage.text if self._index is not None else ""

    def set_index(self, index: PlaceEventIndex) -> None:
        self._index = index
        self._event = self._place = None
        self._render()

    def set_font_size(self, points: float) -> None:
        self._font_size = max(7.0, min(48.0, points))
        if self._index:
            self._render()

    @property
    def font_size(self) -> float:
        return self._font_size

    def _render(self) -> None:
        doc = self.document()
        doc.clear()
        doc.setDocumentMargin(18)
        cursor = QTextCursor(doc)
        self._raw_starts, self._doc_starts = [], []
        text = self._index.passage.text
        self._astral = [i for i, ch in enumerate(text) if ch > "\uffff"]
        self._astral_utf16 = [a + j for j, a in enumerate(self._astral)]
        title = self._index.meta.get("title") or self._index.passage.name
        previous_kind = None
        first = True

        def block(kind: str) -> tuple[QTextBlockFormat, QTextCharFormat]:
            fmt, char = QTextBlockFormat(), QTextCharFormat()
            char.setFontPointSize(self._font_size)
            fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            fmt.setBottomMargin(self._font_size * 0.7)
            if kind == "intro":
                char.setFontItalic(True)
                char.setForeground(QColor("#555555"))
                char.setFontPointSize(self._font_size * 0.9)
                fmt.setLeftMargin(14)
                fmt.setBackground(QColor("#f1efe9"))
            elif kind == "source":
                char.setForeground(QColor("#666666"))
                char.setFontPointSize(self._font_size * 0.85)
            elif kind == "heading":
                char.setFontWeight(QFont.Weight.Bold)
                char.setFontCapitalization(QFont.Capitalization.SmallCaps)
                char.setForeground(QColor("#444444"))
                char.setFontPointSize(self._font_size * 0.9)
                fmt.setTopMargin(self._font_size * 0.6)
                fmt.setBottomMargin(self._font_size * 0.3)
            return fmt, char

        def add(kind: str, content: str, raw_start: int | None = None) -> None:
            nonlocal first
            fmt, char = block(kind)
            if first:
                cursor.setBlockFormat(fmt)
                cursor.setBlockCharFormat(char)
                first = False
            else:
                cursor.insertBlock(fmt, char)
            if raw_start is not None:
                self._raw_starts.append(raw_start)
                self._doc_starts.append(cursor.position())
            cursor.insertText(shown(content), char)

        for para in self._index.passage.paragraphs:
            if para.kind == "separator":
                continue
            if para.kind != previous_kind:
                heading = {"intro": "Editor\u2019s introduction", "body": title, "source": "Source"}[para.kind]
                add("heading", heading)
            add(para.kind, text[para.start : para.end], para.start)
            previous_kind = para.kind
        self._mark_anchors()
        self._apply_highlights()
        # The view's own cursor was carried to the end by the insertions; left there, Qt
        # scrolls to it as soon as the view is shown, and the reader starts at the last line.
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    # ---- offsets -------------------------------------------------------------

    # Python counts code points, QTextDocument counts UTF-16 units: characters beyond
    # U+FFFF (emoji, some scripts) take two units, so offsets are converted both ways.

    def _utf16(self, raw: int) -> int:
        return raw + bisect_left(self._astral, raw)

    def _from_utf16(self, units: int) -> int:
        return units - bisect_left(self._astral_utf16, units)

    def doc_position(self, raw: int) -> int:
        """Where a character of the passage sits in the displayed document."""
        i = max(0, bisect_right(self._raw_starts, raw) - 1)
        return self._doc_starts[i] + self._utf16(raw) - self._utf16(self._raw_starts[i])

    def raw_offset(self, doc_pos: int) -> int | None:
        """The passage character shown at a document position (None for headings)."""
        i = bisect_right(self._doc_starts, doc_pos) - 1
        if i < 0:
            return None
        block = self.document().findBlock(doc_pos)
        if block.position() + block.length() - 1 < self._doc_starts[i]:
            return None  # a heading between paragraphs
        return self._from_utf16(self._utf16(self._raw_starts[i]) + doc_pos - self._doc_starts[i])

    # ---- highlights ----------------------------------------------------------

    def _selection(self, span: tuple[int, int], fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.doc_position(span[0]))
        cursor.setPosition(self.doc_position(span[1]), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _mark_anchors(self) -> None:
        """Dotted underlines under every event's words, in the document itself: set once,
        they cost nothing when the selection changes (a book has thousands)."""
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(ANCHOR_UNDERLINE)
        cursor = QTextCursor(self.document())
        for event in self._index.events.values():
            cursor.setPosition(self.doc_position(event.span[0]))
            cursor.setPosition(self.doc_position(event.span[1]), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    def _apply_highlights(self) -> None:
        if not self._index:
            return
        selections = []
        if self._event:
            fmt = QTextCharFormat()
            fmt.setBackground(EVENT_BACKGROUND)
            selections.append(self._selection(self._index.events[self._event].span, fmt))
        if self._place:
            fmt = QTextCharFormat()
            fmt.setBackground(MENTION_BACKGROUND)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(MENTION_UNDERLINE)
            fmt.setFontWeight(QFont.Weight.Bold)
            # A place named thousands of times (a book, or a hostile file) would cost seconds a
            # click: the first MAX_MARKED_MENTIONS are marked, enough for any reader to see.
            for span in self._index.mention_spans.get(self._place, [])[:MAX_MARKED_MENTIONS]:
                selections.append(self._selection(span, fmt))
        self.setExtraSelections(selections)

    def show_event(self, event_id: str | None) -> None:
        self._event = event_id
        self._apply_highlights()
        if event_id:
            self._scroll_to(self._index.events[event_id].span)

    def show_place(self, place_id: str | None) -> None:
        self._place = place_id
        self._apply_highlights()
        spans = self._index.mention_spans.get(place_id, []) if place_id else []
        if spans and not self._event:
            self._scroll_to(spans[0])

    def _scroll_to(self, span: tuple[int, int]) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.doc_position(span[0]))
        top = self.cursorRect(cursor).top()
        cursor.setPosition(self.doc_position(span[1]))
        bottom = self.cursorRect(cursor).bottom()
        view = self.viewport().height()
        if top >= 0 and bottom <= view:
            return
        bar = self.verticalScrollBar()
        middle = (top + bottom) // 2 if bottom - top < view else top + view // 3
        bar.setValue(bar.value() + middle - view // 2)

    # ---- what the reader sees (used by the window's status and by tests) -----

    def highlighted_event_text(self) -> str:
        return "".join(
            s.cursor.selectedText() for s in self.extraSelections() if s.format.background().color() == EVENT_BACKGROUND
        ).replace("\u2029", "\n")

    def marked_mentions(self) -> list[str]:
        return [
            s.cursor.selectedText()
            for s in self.extraSelections()
            if s.format.background().color() == MENTION_BACKGROUND
        ]

    def is_visible_span(self, span: tuple[int, int]) -> bool:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.doc_position(span[0]))
        rect = self.cursorRect(cursor)
        return 0 <= rect.top() and rect.bottom() <= self.viewport().height()

    def selected_span(self) -> tuple[int, int] | None:
        """The passage characters the reader has selected, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.raw_offset(cursor.selectionStart()), self.raw_offset(cursor.selectionEnd())
        if start is None or end is None or end <= start:
            return None
        return start, end

    def select_span(self, span: tuple[int, int]) -> None:
        """Select passage characters as if the reader had dragged over them."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.doc_position(span[0]))
        cursor.setPosition(self.doc_position(span[1]), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def event(self, event) -> bool:
        # A read-only text still claims Ctrl+Z and Ctrl+Shift+Z; leave them to the index's undo.
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()
            return False
        return super().event(event)

    # ---- clicks --------------------------------------------------------------

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or not self._index:
            return
        if self.textCursor().hasSelection():
            return  # the reader is selecting words, not choosing an event
        raw = self.raw_offset(self.cursorForPosition(event.position().toPoint()).position())
        hit = self._index.event_at_offset(raw) if raw is not None else None
        if hit:
            self.event_clicked.emit(hit.id)

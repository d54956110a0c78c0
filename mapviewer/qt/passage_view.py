"""The passage as readable paragraphs, with the selected event's sentence highlighted."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from ..model.document import Document
from ..model.index import PlaceEventIndex
from ..model.selection import Selection
from .access import blend, describe, is_dark, readable, text_on
from .text import shown

# The highlights are tints of these hues over the palette's base colour: on a light theme the
# event's words lie on #ffd9aa and a place's names on #cee1f7, on a dark one on deep amber and blue.
EVENT_HUE = QColor("#ff9a1f")
MENTION_HUE = QColor("#4a90e0")
ANCHOR_UNDERLINE = QColor("#c8a27a")
MAX_MARKED_MENTIONS = 500  # marks of one place in the text at a time (docs/security.md)
MARK_KIND = QTextFormat.Property.UserProperty.value + 1  # "event" or "mention" on a highlight


class PassageView(QTextBrowser):
    """Shows the passage; a click on an event's sentence asks for that event."""

    event_clicked = Signal(object)  # event id or None

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        # The caret moves with the keys too: Shift+arrows and Ctrl+Shift+arrows select words.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        describe(
            self,
            "Passage",
            "The text of the passage; the selected event's words are highlighted. Right and Left step "
            "through the events; Ctrl+arrows move the caret by words, Shift or Ctrl+Shift with the "
            "arrows select, and Ctrl+E makes an event of the selected words.",
        )
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
        palette = self.palette()
        base, text_colour = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        # Notes and headings a little quieter than the text, but never below a readable contrast.
        quiet = readable(blend(text_colour, base, 0.35), base, text_colour)
        intro_background = blend(base, text_colour, 0.06)
        intro_text = readable(blend(text_colour, intro_background, 0.3), intro_background, text_colour)

        def block(kind: str) -> tuple[QTextBlockFormat, QTextCharFormat]:
            fmt, char = QTextBlockFormat(), QTextCharFormat()
            char.setFontPointSize(self._font_size)
            fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            fmt.setBottomMargin(self._font_size * 0.7)
            if kind == "intro":
                char.setFontItalic(True)
                char.setForeground(intro_text)
                char.setFontPointSize(self._font_size * 0.9)
                fmt.setLeftMargin(14)
                fmt.setBackground(intro_background)
            elif kind == "source":
                char.setForeground(quiet)
                char.setFontPointSize(self._font_size * 0.85)
            elif kind == "heading":
                char.setFontWeight(QFont.Weight.Bold)
                char.setFontCapitalization(QFont.Capitalization.SmallCaps)
                char.setForeground(quiet)
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

    def highlight_colours(self, kind: str) -> tuple[QColor, QColor]:
        """(background, text) of the event's words ("event") or a place's names ("mention"),
        tinted over the palette's base colour so that a dark or high-contrast theme keeps them readable."""
        palette = self.palette()
        base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        hue = EVENT_HUE if kind == "event" else MENTION_HUE
        strength = 0.38 if kind == "event" else (0.32 if is_dark(palette) else 0.27)
        background = blend(base, hue, strength)
        return background, text_on(background, text)

    def _apply_highlights(self) -> None:
        if not self._index:
            return
        selections = []
        if self._event:
            fmt = QTextCharFormat()
            background, text = self.highlight_colours("event")
            fmt.setBackground(background)
            fmt.setForeground(text)
            fmt.setProperty(MARK_KIND, "event")
            selections.append(self._selection(self._index.events[self._event].span, fmt))
        if self._place:
            fmt = QTextCharFormat()
            background, text = self.highlight_colours("mention")
            fmt.setBackground(background)
            fmt.setForeground(text)
            fmt.setProperty(MARK_KIND, "mention")
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(text)
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
            # The caret goes to the event's first word, where Ctrl+Shift+Right starts selecting.
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.doc_position(self._index.events[event_id].span[0]))
            self.setTextCursor(cursor)
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
            s.cursor.selectedText() for s in self.extraSelections() if s.format.property(MARK_KIND) == "event"
        ).replace("\u2029", "\n")

    def marked_mentions(self) -> list[str]:
        return [s.cursor.selectedText() for s in self.extraSelections() if s.format.property(MARK_KIND) == "mention"]

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
        # Right and Left alone stay the window's keys for the next and previous event; with
        # Ctrl, Shift or both they move the caret and select, as in any text.
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or (
                event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            )
        ):
            event.ignore()
            return False
        return super().event(event)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._index is not None:
            # A dark or high-contrast theme switched on: the text's own colours follow it.
            top = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(top)

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

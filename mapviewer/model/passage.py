"""A passage of history text: its raw characters and the paragraphs a reader sees."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .anchors import TextWords
from .errors import InputError
from .files import read_user_file

MAX_PASSAGE_BYTES = 10 * 1024 * 1024
_SEPARATOR = re.compile(r"^\s*(=|-|\*){5,}\s*$")
_SOURCE = re.compile(r"^\s*Source\s*[;:,.]", re.IGNORECASE)


@dataclass(frozen=True)
class Paragraph:
    """One line of the passage: its kind and its character span in the raw text."""

    kind: str  # "intro" | "separator" | "body" | "source"
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """The text exactly as the file holds it, split into paragraphs for display.

    Anchors and highlights use offsets into ``text``; the views map them to what they show.
    """

    text: str
    path: str = ""

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return split_paragraphs(self.text)

    @cached_property
    def words(self) -> TextWords:
        """Look-ups of anchors and mentions in the text, shared by every index of this passage."""
        return TextWords(self.text)

    @property
    def source_line(self) -> str:
        return " ".join(self.text[p.start : p.end] for p in self.paragraphs if p.kind == "source")

    @property
    def name(self) -> str:
        return Path(self.path).name if self.path else "untitled"


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split text into paragraphs: editor's introduction above a rule, body, source line.

    A line of five or more '=' (or '-', '*') separates an introduction from the text;
    lines from the last line starting "Source;" onwards are the source.
    """
    spans = []
    start = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if stripped.strip():
            spans.append((start, start + len(stripped)))
        start += len(line)
    lines = [text[a:b] for a, b in spans]
    separator = next((i for i, line in enumerate(lines) if _SEPARATOR.match(line)), None)
    source = next((i for i in range(len(lines) - 1, -1, -1) if _SOURCE.match(lines[i])), None)
    if source is not None and separator is not None and source < separator:
        source = None
    paragraphs = []
    for i, (a, b) in enumerate(spans):
        if separator is not None and i < separator:
            kind = "intro"
        elif i == separator:
            kind = "separator"
        elif source is not None and i >= source:
            kind = "source"
        else:
            kind = "body"
        paragraphs.append(Paragraph(kind, a, b))
    return paragraphs


def load_passage(path: str | Path) -> Passage:
    """Read a UTF-8 passage; raise InputError naming the file and the fix."""
    data = read_user_file(path, MAX_PASSAGE_BYTES, "passage", "split it into chapters and open one at a time")
    return passage_from_bytes(data, str(path))


def passage_from_bytes(data: bytes, name: str) -> Passage:
    """Decode passage bytes, rejecting binary files and text that is not UTF-8."""
    if b"\x00" in data[:65536]:
        raise InputError(
            name, "this looks like a binary file, not a text passage", fix="open a plain-text .txt or .md file"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            name,
            f"the text is not UTF-8 (byte {exc.start}, line {line})",
            fix="save it as UTF-8 in your editor and open it again",
        ) from None
    long_word = _LONG_WORD.search(text)
    if long_word is not None:
        # Qt lays out a word in time that grows with the square of its length (a 200,000-character
        # word takes 9 s, a 1 MB one minutes): prose has no such words, so say so at once.
        line = text.count("\n", 0, long_word.start()) + 1
        raise InputError(
            name,
            f"line {line} has a word of more than {MAX_WORD_CHARS:,} characters without a space; "
            "this is not prose mapviewer can show",
            fix="open the passage as plain text with spaces between its words",
        )
    return Passage(text, name)


MAX_WORD_CHARS = 10_000
_LONG_WORD = re.compile(r"\S{" + str(MAX_WORD_CHARS + 1) + "}")

"""Text anchors: resolve a W3C TextQuoteSelector to offsets, and write one that resolves back.

Offsets count code points of the passage text (Python string indices); the Qt view maps them
to the UTF-16 units it counts itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# The index schema's limits on a TextQuoteSelector.
MAX_EXACT_LENGTH = 5000
MAX_CONTEXT_LENGTH = 500
# How much further a minimal prefix or suffix is grown to reach a space, so it reads as words.
WORD_SLACK = 24


class AnchorError(ValueError):
    """An anchor that matches nowhere, or more than once."""


class UnquotableSpanError(AnchorError):
    """A span no anchor within the schema's limits can select exactly once."""


@dataclass(frozen=True)
class TextQuote:
    """A TextQuoteSelector: the exact text, with optional prefix and suffix for uniqueness."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_json(self) -> dict[str, str]:
        """The selector as the index file holds it (empty prefix and suffix left out)."""
        out = {"type": "TextQuoteSelector", "exact": self.exact}
        if self.prefix:
            out["prefix"] = self.prefix
        if self.suffix:
            out["suffix"] = self.suffix
        return out


def find_quote(text: str, quote: TextQuote) -> list[int]:
    """Return the start offsets of every occurrence of the quote in its context."""
    if not quote.exact:
        return []
    return [
        start
        for start in _occurrences(text, quote.exact)
        # endswith with bounds compares in place; slicing text[:start] would copy the passage per hit.
        if text.startswith(quote.suffix, start + len(quote.exact)) and text.endswith(quote.prefix, 0, start)
    ]


def resolve_anchor(text: str, quote: TextQuote) -> tuple[int, int]:
    """Return the (start, end) span the quote selects; raise AnchorError unless exactly one."""
    hits = find_quote(text, quote)
    shown = _shown(quote.exact)
    if not hits:
        raise AnchorError(f"the quoted text {shown!r} is not in the passage")
    if len(hits) > 1:
        raise AnchorError(
            f"the quoted text {shown!r} occurs {len(hits)} times in the passage; add a prefix or suffix to say which"
        )
    return hits[0], hits[0] + len(quote.exact)


def quote_for(text: str, start: int, end: int) -> TextQuote:
    """The anchor for ``text[start:end]``: ``resolve_anchor(text, quote_for(text, start, end)) == (start, end)``.

    Words that occur once get no context. Otherwise the shortest prefix and suffix that rule
    out every other occurrence are chosen, then grown to the nearest space so they read as
    words. Raises UnquotableSpanError for an empty span, a span longer than the schema allows,
    or words whose other occurrences share all the context the schema allows.
    """
    if not 0 <= start < end <= len(text):
        raise UnquotableSpanError(f"the span {start}-{end} selects no text of a passage {len(text)} characters long")
    exact = text[start:end]
    if len(exact) > MAX_EXACT_LENGTH:
        raise UnquotableSpanError(
            f"the selection is {len(exact)} characters long; an anchor quotes at most {MAX_EXACT_LENGTH}"
        )
    others = [p for p in _occurrences(text, exact) if p != start]
    if not others:
        return TextQuote(exact)
    room_before = min(start, MAX_CONTEXT_LENGTH)
    room_after = min(len(text) - end, MAX_CONTEXT_LENGTH)
    # For each other occurrence: how many characters before and after it agree with the span's.
    # A prefix longer than the agreement before it (or a suffix longer than the one after) rules it out.
    agreements = sorted(
        (
            (_agree_before(text, p, start, room_before), _agree_after(text, p + len(exact), end, room_after))
            for p in others
        ),
        reverse=True,
    )
    best: tuple[int, int] | None = None
    # Try each prefix length that rules out one more occurrence; the suffix must rule out the rest.
    suffix_needed = 0
    for i in range(len(agreements) + 1):
        prefix_len = agreements[i][0] + 1 if i < len(agreements) else 0
        if i:
            suffix_needed = max(suffix_needed, agreements[i - 1][1] + 1)
        if prefix_len > room_before or suffix_needed > room_after:
            continue
        if best is None or prefix_len + suffix_needed < sum(best):
            best = (prefix_len, suffix_needed)
    if best is None:
        raise UnquotableSpanError(
            f"the words {_shown(exact)!r} occur again with the same {MAX_CONTEXT_LENGTH} characters "
            "before and after them; select more of the text"
        )
    prefix_len = _to_space_before(text, start, best[0], room_before)
    suffix_len = _to_space_after(text, end, best[1], room_after)
    return TextQuote(exact, text[start - prefix_len : start], text[end : end + suffix_len])


def _occurrences(text: str, exact: str) -> list[int]:
    """Every start of ``exact`` in ``text``, overlapping ones included."""
    hits = []
    start = text.find(exact)
    while start != -1:
        hits.append(start)
        start = text.find(exact, start + 1)
    return hits


def _agree_before(text: str, other: int, start: int, limit: int) -> int:
    """How many characters before ``other`` equal those before ``start`` (at most ``limit``)."""
    return _longest(min(limit, other), lambda n: text[other - n : other] == text[start - n : start])


def _agree_after(text: str, other: int, end: int, limit: int) -> int:
    """How many characters from ``other`` on equal those from ``end`` (at most ``limit``)."""
    return _longest(min(limit, len(text) - other), lambda n: text[other : other + n] == text[end : end + n])


def _longest(limit: int, agrees: Callable[[int], bool]) -> int:
    """The largest n <= limit for which ``agrees(n)``, which holds for every n below one that holds."""
    # A binary search of slice comparisons: a word repeated thousands of times with the same
    # 500 characters around it would take millions of steps compared one character at a time.
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if agrees(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _to_space_before(text: str, start: int, length: int, room: int) -> int:
    """Grow a prefix to begin just after a space (or the text's start), if one is near."""
    if length == 0:
        return 0
    for grown in range(length, min(room, length + WORD_SLACK) + 1):
        if grown == start or text[start - grown - 1].isspace():
            return grown
    return length


def _to_space_after(text: str, end: int, length: int, room: int) -> int:
    """Grow a suffix to end just before a space (or the text's end), if one is near."""
    if length == 0:
        return 0
    for grown in range(length, min(room, length + WORD_SLACK) + 1):
        if end + grown == len(text) or text[end + grown].isspace():
            return grown
    return length


def _shown(exact: str) -> str:
    return exact if len(exact) <= 60 else exact[:57] + "..."

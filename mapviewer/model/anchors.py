"""Text anchors: resolve a W3C TextQuoteSelector to offsets, and write one that resolves back.

Offsets count code points of the passage text (Python string indices); the Qt view maps them
to the UTF-16 units it counts itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import ahocorasick

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


def find_quote(text: str, quote: TextQuote, words: TextWords | None = None) -> list[int]:
    """Return the start offsets of every occurrence of the quote in its context.

    ``words`` (the text's ``TextWords``) makes many look-ups in one text cheap.
    """
    if not quote.exact:
        return []
    words = words or TextWords(text)
    return [p + len(quote.prefix) for p in words.occurrences(quote.prefix + quote.exact + quote.suffix)]


def resolve_anchor(text: str, quote: TextQuote, words: TextWords | None = None) -> tuple[int, int]:
    """Return the (start, end) span the quote selects; raise AnchorError unless exactly one."""
    if not quote.exact:
        hits: list[int] = []
    else:
        words = words or TextWords(text)
        # Two hits are enough to know the quote is ambiguous; count them all only to say so.
        hits = [p + len(quote.prefix) for p in words.occurrences(quote.prefix + quote.exact + quote.suffix, limit=2)]
    shown = _shown(quote.exact)
    if not hits:
        raise AnchorError(f"the quoted text {shown!r} is not in the passage")
    if len(hits) > 1:
        count = len(find_quote(text, quote, words))
        raise AnchorError(
            f"the quoted text {shown!r} occurs {count} times in the passage; add a prefix or suffix to say which"
        )
    return hits[0], hits[0] + len(quote.exact)


# A word, for the look-ups: a run of letters and digits (``str.isalnum``, which ``[^\W_]`` matches).
_WORD = re.compile(r"[^\W_]+")


def _inside(word: re.Match[str], needle: str) -> bool:
    """Whether ``word`` of ``needle`` touches neither end: a whole word wherever the needle matches."""
    return 0 < word.start() and word.end() < len(needle)


def _inner_words(needle: str) -> bool:
    return any(_inside(m, needle) for m in _WORD.finditer(needle))


# Scanning the text is cheaper than indexing its words until it has been scanned this often.
_SCANS_BEFORE_INDEXING = 16


@dataclass
class TextWords:
    """Finds strings in one text, many times, in time near-linear in the text and the hits.

    A scan of the whole text per look-up makes an index of many anchors (or places of many
    mentions) cost anchors x text length. After a few scans this indexes where each word of
    the text starts; a string with a whole word inside it is then looked up by its rarest
    such word, and only those places are compared. Strings with no whole word inside (a part
    of a word, or two parts either side of a space) are found all at once by ``prefetch``, in
    one pass of an Aho-Corasick automaton over the text.
    """

    text: str
    _starts: dict[str, list[int]] | None = field(default=None, repr=False)
    _scans: int = field(default=0, repr=False)
    _found: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def prefetch(self, needles: Iterable[str]) -> None:
        """Find, in one pass over the text, every needle that no inner whole word can look up.

        Many such look-ups would otherwise cost a scan of the text each (needles x text).
        """
        wanted = {n for n in needles if n and n not in self._found and not _inner_words(n)}
        if len(wanted) < _SCANS_BEFORE_INDEXING:
            return  # a few scans are cheaper than building the automaton
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for needle in wanted:
            automaton.add_word(needle, needle)
            self._found[needle] = []
        automaton.make_automaton()
        found = self._found
        for end, needle in automaton.iter(self.text):
            found[needle].append(end - len(needle) + 1)

    def _word_starts(self) -> dict[str, list[int]] | None:
        if self._starts is None and self._scans >= _SCANS_BEFORE_INDEXING:
            starts: dict[str, list[int]] = {}
            for m in _WORD.finditer(self.text):
                starts.setdefault(m.group(), []).append(m.start())
            self._starts = starts
        return self._starts

    def _candidates(self, needle: str, whole: Callable[[re.Match[str]], bool]) -> list[int] | None:
        """Where ``needle`` may start, from its rarest word that ``whole`` says is a whole word of
        the text wherever the needle matches; None when there is none (or no index yet)."""
        starts = self._word_starts()
        if starts is None:
            return None
        best: tuple[int, list[int]] | None = None
        for m in _WORD.finditer(needle):
            if not whole(m):
                continue
            found = starts.get(m.group(), [])
            if best is None or len(found) < len(best[1]):
                best = (m.start(), found)
                if not found:
                    break
        if best is None:
            return None
        offset, found = best
        return [q - offset for q in found if q >= offset]

    def _scan(self, needle: str, limit: int | None) -> list[int]:
        self._scans += 1
        hits: list[int] = []
        start = self.text.find(needle)
        while start != -1 and (limit is None or len(hits) < limit):
            hits.append(start)
            start = self.text.find(needle, start + 1)
        return hits

    def occurrences(self, needle: str, limit: int | None = None) -> list[int]:
        """Every start of ``needle`` in the text, overlapping ones included (the first ``limit``)."""
        if not needle:
            return []
        if needle in self._found:
            hits = self._found[needle]
            return list(hits) if limit is None else hits[:limit]
        # A word inside the needle (not at either end) is a whole word of the text wherever it matches.
        candidates = self._candidates(needle, lambda m: _inside(m, needle))
        if candidates is None:
            return self._scan(needle, limit)
        hits = []
        for p in candidates:
            if self.text.startswith(needle, p):
                hits.append(p)
                if limit is not None and len(hits) >= limit:
                    break
        return hits

    def word_spans(self, word: str) -> list[tuple[int, int]]:
        """Every occurrence of ``word`` standing as a whole word: no letter or digit either side."""
        text = self.text

        def standing(start: int) -> bool:
            end = start + len(word)
            return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())

        if not word:
            return []
        # Standing alone, each word of ``word`` is a whole word of the text too.
        candidates = self._candidates(word, lambda m: True)
        if candidates is None:
            return [(p, p + len(word)) for p in self._scan(word, None) if standing(p)]
        return [(p, p + len(word)) for p in candidates if text.startswith(word, p) and standing(p)]


def quote_for(text: str, start: int, end: int, words: TextWords | None = None) -> TextQuote:
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
    words = words or TextWords(text)
    if (
        len(words.occurrences(exact, _MANY_OTHERS)) >= _MANY_OTHERS
        and len(words.occurrences(_widest(text, start, end), 2)) > 1
    ):
        # Repeated hundreds of times: first check that the widest context tells this one apart,
        # or every span of a text repeated k times costs k comparisons, k*k in all.
        raise UnquotableSpanError(
            f"the words {_shown(exact)!r} occur again with the same {MAX_CONTEXT_LENGTH} characters "
            "before and after them; select more of the text"
        )
    others = [p for p in words.occurrences(exact) if p != start]
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


_MANY_OTHERS = 200


def _widest(text: str, start: int, end: int) -> str:
    """The span with all the context an anchor may quote around it."""
    return text[max(0, start - MAX_CONTEXT_LENGTH) : end + MAX_CONTEXT_LENGTH]


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

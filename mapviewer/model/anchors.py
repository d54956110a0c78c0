"""Resolve W3C Web Annotation TextQuoteSelectors to character offsets in a passage."""

from __future__ import annotations

from dataclasses import dataclass


class AnchorError(ValueError):
    """An anchor that matches nowhere, or more than once."""


@dataclass(frozen=True)
class TextQuote:
    """A TextQuoteSelector: the exact text, with optional prefix and suffix for uniqueness."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_json(self) -> dict:
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
    hits = []
    start = text.find(quote.exact)
    while start != -1:
        end = start + len(quote.exact)
        if text.startswith(quote.suffix, end) and text[:start].endswith(quote.prefix):
            hits.append(start)
        start = text.find(quote.exact, start + 1)
    return hits


def resolve_anchor(text: str, quote: TextQuote) -> tuple[int, int]:
    """Return the (start, end) span the quote selects; raise AnchorError unless exactly one."""
    hits = find_quote(text, quote)
    shown = quote.exact if len(quote.exact) <= 60 else quote.exact[:57] + "..."
    if not hits:
        raise AnchorError(f"the quoted text {shown!r} is not in the passage")
    if len(hits) > 1:
        raise AnchorError(
            f"the quoted text {shown!r} occurs {len(hits)} times in the passage; "
            "add a prefix or suffix to say which"
        )
    return hits[0], hits[0] + len(quote.exact)

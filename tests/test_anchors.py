"""Writing anchors: quote_for gives a TextQuoteSelector that resolves to exactly the span it was made for."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mapviewer.model.anchors import (
    MAX_CONTEXT_LENGTH,
    MAX_EXACT_LENGTH,
    AnchorError,
    TextQuote,
    UnquotableSpanError,
    find_quote,
    quote_for,
    resolve_anchor,
)
from mapviewer.model.index import check_schema

TEXT = "Lenin went to Genoa in April 1922. Then Rapallo. Then Genoa again.\n"

# Pieces that make texts repeat themselves and mix the characters offsets get wrong: combining
# accents, astral characters (two UTF-16 units, one code point), lone surrogates of either half.
PIECES = [
    "a",
    "b",
    " ",
    "ab",
    "Genoa",
    "the ",
    "\n",
    "e\u0301",
    "\u0301",
    "\U0001f600",
    "\U00010348",
    "\ud83d",
    "\ude00",
    "\ud800",
    "\udfff",
    "\u00e9",
    "\ufeff",
]


@st.composite
def texts_and_spans(draw):
    pieces = draw(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), min_size=1, max_size=30))
    text = "".join(pieces)
    repeats = draw(st.sampled_from([1, 1, 2, 3, 50, 300]))  # whole-text repeats, some past the context limit
    text = text * repeats
    if not text:
        text = "x"
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 40)))
    return text, start, end


def quotable(text: str, start: int, end: int) -> bool:
    """Whether any anchor within the schema's limits selects the span once (the most context does, if any)."""
    widest = TextQuote(
        text[start:end], text[max(0, start - MAX_CONTEXT_LENGTH) : start], text[end : end + MAX_CONTEXT_LENGTH]
    )
    return end - start <= MAX_EXACT_LENGTH and find_quote(text, widest) == [start]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts_and_spans())
@example(("aaaa", 1, 3))
@example(("abab" * 400, 800, 802))  # the same 500 characters on both sides: impossible
@example(("x" + "ab" * 400, 1, 3))  # the first one: "x" before it tells it apart
@example(("\U0001f600\U0001f600", 1, 2))
@example(("\ud83d\ude00\ud83d\ude00", 2, 3))
def test_quote_for_selects_exactly_its_span_or_says_it_cannot(case):
    text, start, end = case
    if not quotable(text, start, end):
        with pytest.raises(UnquotableSpanError):
            quote_for(text, start, end)
        return
    quote = quote_for(text, start, end)
    assert resolve_anchor(text, quote) == (start, end)
    assert quote.exact == text[start:end]
    assert len(quote.prefix) <= MAX_CONTEXT_LENGTH and len(quote.suffix) <= MAX_CONTEXT_LENGTH
    if find_quote(text, TextQuote(quote.exact)) == [start]:
        assert quote == TextQuote(quote.exact)  # words that occur once need no context


def test_words_that_occur_once_have_no_context():
    assert quote_for(TEXT, 0, 5) == TextQuote("Lenin")
    assert quote_for(TEXT, 0, 5).to_json() == {"type": "TextQuoteSelector", "exact": "Lenin"}


def test_repeated_words_get_the_context_that_tells_them_apart_in_whole_words():
    second = TEXT.rindex("Genoa")
    quote = quote_for(TEXT, second, second + 5)
    # One character ("n" of "Then" against "o" of "to") would do; the prefix is grown to the word.
    assert quote == TextQuote("Genoa", prefix="Then ")
    first = TEXT.index("Genoa")
    assert quote_for(TEXT, first, first + 5) == TextQuote("Genoa", prefix="to ")


def test_suffix_is_used_when_the_words_before_are_the_same():
    text = "Then Genoa met. Then Genoa fell."
    second = text.rindex("Genoa")
    assert quote_for(text, second, second + 5) == TextQuote("Genoa", suffix=" fell.")


def test_the_anchor_passes_the_index_schema():
    second = TEXT.rindex("Genoa")
    event = {
        "id": "e",
        "title": "t",
        "date": "1922",
        "summary": "s",
        "places": [],
        "anchor": quote_for(TEXT, second, second + 5).to_json(),
    }
    check_schema(
        {"format": "mapviewer-index", "version": 1, "passage": {"file": "p.txt"}, "places": [], "events": [event]}
    )


@pytest.mark.parametrize(
    ("text", "start", "end", "words"),
    [
        (TEXT, 3, 3, "selects no text"),
        (TEXT, 5, 2, "selects no text"),
        (TEXT, 0, len(TEXT) + 1, "selects no text"),
        ("a" * (MAX_EXACT_LENGTH + 1), 0, MAX_EXACT_LENGTH + 1, "at most 5000"),
        ("ab" * 1000, 1000, 1002, "same 500 characters"),
    ],
)
def test_spans_no_anchor_can_select_raise_a_clear_error(text, start, end, words):
    with pytest.raises(UnquotableSpanError, match=words) as caught:
        quote_for(text, start, end)
    assert isinstance(caught.value, AnchorError)  # callers that catch AnchorError catch this too


def test_a_word_repeated_twenty_thousand_times_in_the_same_words_is_quoted():
    text = "the word " * 20_000 + "the end"
    start = text.rindex("the")
    assert resolve_anchor(text, quote_for(text, start, start + 3)) == (start, start + 3)

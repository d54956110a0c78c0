"""Crafted but valid inputs finish in near-linear time, or are refused at once (issue 13).

Each test gives an operation a time limit generous for a loaded 2-core machine; the quadratic
paths these inputs used to take (an anchor repeated thousands of times, thousands of mentions,
a 2,000-word CSV quote, 50,000 CSV rows, a passage of one repeated sentence) take far longer.
"""

from __future__ import annotations

import csv
import io
import time

import pytest

from mapviewer.interchange.csv_import import import_events_csv
from mapviewer.model import edits
from mapviewer.model.anchors import quote_for
from mapviewer.model.errors import InputError
from mapviewer.model.index import MAX_EVENTS, index_from_json
from mapviewer.model.passage import Passage


def within(seconds: float, operation):
    """Run ``operation``; fail unless it finishes in ``seconds``. Returns its result."""
    started = time.perf_counter()
    result = operation()
    took = time.perf_counter() - started
    assert took < seconds, f"took {took:.1f} s (limit {seconds} s): a quadratic path?"
    return result


def _index_data(events, places=()):
    return {
        "format": "mapviewer-index",
        "version": 1,
        "passage": {"file": "p.txt"},
        "places": list(places),
        "events": events,
    }


def _event(i, anchor):
    return {"id": f"e{i}", "title": "t", "date": "1921", "places": [], "anchor": anchor, "summary": "s"}


GENOA = {
    "id": "genoa",
    "name": "Genoa",
    "modern_name": "Genova",
    "kind": "city",
    "lat": 44.4,
    "lon": 8.93,
    "geonames": 1,
}


def test_an_anchor_repeated_thousands_of_times_loads_in_linear_time():
    text = "".join(f"In {i} Genoa met. " for i in range(MAX_EVENTS))
    anchors = [{"type": "TextQuoteSelector", "exact": "Genoa", "prefix": f"In {i} "} for i in range(MAX_EVENTS)]
    index = within(
        5, lambda: index_from_json(_index_data([_event(i, a) for i, a in enumerate(anchors)]), Passage(text))
    )
    assert index.events["e4999"].span[0] == text.index("In 4999 Genoa") + len("In 4999 ")


def test_anchors_quoting_parts_of_words_in_a_long_passage_load_in_linear_time():
    # No whole word inside these quotes, so no word of the text can point to them: each used to
    # cost a scan of the whole passage (5,000 x 4 MB here, about 20 s).
    filler = "The delegates met again at Genoa and talked of credits. " * 40_000
    text = filler + "".join(f"Xq{i:04d}zw. " for i in range(MAX_EVENTS))
    anchors = [{"type": "TextQuoteSelector", "exact": f"q{i:04d}z"} for i in range(MAX_EVENTS)]
    index = within(
        5, lambda: index_from_json(_index_data([_event(i, a) for i, a in enumerate(anchors)]), Passage(text))
    )
    assert index.events["e4321"].span[0] == text.index("Xq4321zw") + 1
    assert len(index.events) == MAX_EVENTS


def test_many_mentions_in_a_long_passage_are_found_in_linear_time():
    text = "Genoa " * 200_000
    places = [
        dict(GENOA, id=f"p{i}", mentions=[f"Nowhere{i}-{j}" for j in range(8)] + [f"Genoa x{i}", f"x{i}y"])
        for i in range(2000)
    ]
    places.append(dict(GENOA, mentions=["Genoa"]))
    index = index_from_json(_index_data([], places), Passage(text))
    spans = within(10, lambda: index.mention_spans)
    assert len(spans["genoa"]) == 200_000 and spans["p0"] == spans["p1999"] == []


def test_a_word_repeated_200000_times_is_refused_quickly_as_an_anchor():
    from mapviewer.model.anchors import UnquotableSpanError

    text = "word " * 200_000

    def every_tenth_word() -> int:
        refused = 0
        for p in range(5000, 1_000_000, 10_000):
            with pytest.raises(UnquotableSpanError):
                quote_for(text, p, p + 4)
            refused += 1
        return refused

    assert within(5, every_tenth_word) == 100


def test_csv_with_50000_rows_is_refused_at_once(tmp_path):
    text = "".join(f"Sentence {i} tells of Genoa. " for i in range(1000))
    index = edits.apply(
        edits.empty_index(Passage(text, str(tmp_path / "p.txt")), tmp_path / "p.index.json"), edits.put_place(GENOA)
    )
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["date", "title", "places", "quote"])
    writer.writerows(["1922-04-10", f"T{i}", "Genoa", f"Sentence {i % 1000} tells"] for i in range(50_000))
    (tmp_path / "big.csv").write_text(rows.getvalue(), "utf-8")
    with pytest.raises(InputError, match="at most 5,000 events"):
        within(5, lambda: import_events_csv(tmp_path / "big.csv", index))


def test_a_long_csv_quote_against_a_long_passage_is_quick(tmp_path):
    text = "word " * 400_000 + "\nThe delegates met at\nGenoa \u2014 \u201cfinally\u201d.\n"
    index = edits.apply(
        edits.empty_index(Passage(text, str(tmp_path / "p.txt")), tmp_path / "p.index.json"), edits.put_place(GENOA)
    )
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["date", "title", "places", "quote"])
    writer.writerows(["1922-04-10", f"T{i}", "Genoa", " ".join(["word"] * 2000) + f" nomatch{i}"] for i in range(20))
    writer.writerow(["1922-04-10", "Met", "Genoa", 'The delegates met at Genoa - "finally".'])
    (tmp_path / "q.csv").write_text(rows.getvalue(), "utf-8")
    new, messages = within(10, lambda: import_events_csv(tmp_path / "q.csv", index))
    assert len(messages) == 20 and all("not in the passage" in m for m in messages)
    [met] = [e for e in new.events.values() if e.title == "Met"]
    assert text[met.span[0] : met.span[1]] == "The delegates met at\nGenoa \u2014 \u201cfinally\u201d."


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("In April 1922 the delegates met at Genoa and talked. " * 940, id="one sentence repeated"),
        pytest.param("a" * 49_000 + ". Then Genoa in 1922.", id="one long word"),
        pytest.param("x." * 24_000 + " Genoa 1922.", id="dots"),
    ],
)
def test_suggest_on_crafted_passages_is_quick_up_to_its_limit(text):
    from mapviewer.suggest.draft import MAX_SUGGEST_CHARS, draft_index

    assert len(text) <= MAX_SUGGEST_CHARS
    within(20, lambda: draft_index(Passage(text, "p.txt")))
    with pytest.raises(InputError, match="drafted for up to"):
        within(1, lambda: draft_index(Passage(text * 3, "p.txt")))


def test_long_names_and_titles_are_refused_with_their_length(tmp_path):
    from mapviewer.model.index import check_schema

    data = _index_data([], [dict(GENOA, name="G" * 1_000_000)])
    with pytest.raises(InputError, match="1000000 characters; mapviewer takes at most 2000"):
        within(2, lambda: check_schema(data, "x"))
    data = dict(_index_data([], []), passage={"file": "p.txt", "title": "T" * 10_000_000})
    with pytest.raises(InputError, match="at most 2000"):
        within(2, lambda: check_schema(data, "x"))
    many = _index_data([_event(i, {"type": "TextQuoteSelector", "exact": "x"}) for i in range(MAX_EVENTS + 1)])
    with pytest.raises(InputError, match=f"{MAX_EVENTS + 1} items; mapviewer takes at most {MAX_EVENTS}"):
        within(5, lambda: check_schema(many, "x"))

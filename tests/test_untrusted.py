"""Untrusted text stays text: names, titles and passages with markup never run as code."""

from __future__ import annotations

import json

import pytest
import shiboken6

from mapviewer.model.index import load_index
from mapviewer.qt.web import blocked_requests

from .conftest import PAGE_TIMEOUT_MS, page_state, settled_state, wait_for_state

PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=2</script>",
    "\"'\\ ${window.__pwned=3} `${window.__pwned=3}`",
    "javascript:window.__pwned=4",
    "<svg onload=window.__pwned=5>",
    "{{7*7}} %s %(x)s",
    "\u202eevil\u202c \u0627\u0644\u0642\u0627\u0647\u0631\u0629 e\u0301\u0301 \U0001f5fa\ufe0f",
    "W" * 1500,
]


@pytest.fixture
def hostile_index(tmp_path):
    sentences = [f"Sentence {i}: {p}." for i, p in enumerate(PAYLOADS)]
    (tmp_path / "hostile.txt").write_text(
        "<b>Intro</b> <script>window.__pwned=9</script>\n=====\n" + "\n".join(sentences) + "\n", "utf-8"
    )
    places = [
        {
            "id": f"p{i}",
            "name": p,
            "modern_name": p[::-1],
            "kind": "city",
            "lat": 40 + i,
            "lon": 5 + 2 * i,
            "wikidata": "Q64",
            "mentions": [p],
        }
        for i, p in enumerate(PAYLOADS)
    ]
    events = [
        {
            "id": f"e{i}",
            "title": p,
            "date": f"1921-0{1 + i % 9}",
            "places": [{"place": f"p{i}", "role": p}, {"place": f"p{(i + 1) % len(PAYLOADS)}", "role": "x"}],
            "anchor": {"type": "TextQuoteSelector", "exact": s},
            "summary": p,
            "people": [p],
        }
        for i, (p, s) in enumerate(zip(PAYLOADS, sentences, strict=False))
    ]
    index = {
        "format": "mapviewer-index",
        "version": 1,
        "passage": {"file": "hostile.txt", "title": PAYLOADS[0], "source": PAYLOADS[1]},
        "places": places,
        "events": events,
    }
    path = tmp_path / "hostile.index.json"
    path.write_text(json.dumps(index), "utf-8")
    return load_index(path)


def test_hostile_text_is_shown_as_text_and_never_runs(qtbot, hostile_index, settings, js_errors):
    from mapviewer.qt.main_window import MainWindow

    win = MainWindow(hostile_index, settings)
    win.map_view.page().console_error.connect(js_errors.append)
    win.show()
    qtbot.waitUntil(lambda: win.map_view.is_ready, timeout=PAGE_TIMEOUT_MS)
    try:
        state = page_state(qtbot, win.map_view)
        assert state["labels"] == [hostile_index.places[p].name for p in sorted(hostile_index.places)]
        for event in hostile_index.chronological:
            win.selection.select_event(event.id)
            wait_for_state(qtbot, win.map_view, lambda s, event=event: s["event"] == event.id)
            assert event.title in win.status_label.text()
            assert win.passage_view.highlighted_event_text() == event.anchor.exact
        for pid, place in hostile_index.places.items():
            win.selection.select_place(pid)
            state = wait_for_state(qtbot, win.map_view, lambda s, pid=pid: s["place"] == pid and s["popupText"])
            assert place.name in state["popupText"]
        table = win.event_table.model()
        assert {table.index(r, 1).data() for r in range(table.rowCount())} == set(PAYLOADS)
        assert "<script>window.__pwned=9</script>" in win.passage_view.toPlainText()
        settled_state(qtbot, win.map_view)  # the page has run its frames: any injected handler had its chance
        with qtbot.waitCallback() as callback:
            win.map_view.page().runJavaScript(
                "String(typeof window.__pwned) + '|' + document.querySelectorAll('img, svg').length + '|' +"
                " Array.from(document.scripts).filter((s) => s.textContent.includes('__pwned')).length + '|' +"
                " document.querySelectorAll('script:not([src])').length",
                0,
                callback,
            )
        pwned, pictures, payload_scripts, inline_scripts = callback.args[0].split("|")
        assert pwned == "undefined"
        assert blocked_requests() == []
        # No <img>/<svg> and no script from the data: the inline scripts are the page's own, folium's
        # three and the three written into it (Leaflet, the channel, the controller).
        assert pictures == "0" and payload_scripts == "0"
        assert int(inline_scripts) <= 6
    finally:
        win.close()
        shiboken6.delete(win)


def test_map_page_cannot_reach_the_network_or_navigate_away(window, qtbot):
    from PySide6.QtCore import QUrl

    page = window.map_view.page()
    page.runJavaScript(
        "window.__net = [];"
        "fetch('https://example.com/x.json').then(function () { __net.push('fetched'); },"
        " function () { __net.push('fetch refused'); });"
        "var i = new Image(); i.onload = function () { __net.push('loaded'); };"
        "i.onerror = function () { __net.push('image refused'); }; i.src = 'https://tiles.example.org/1.png';"
    )
    results = []

    def read():
        page.runJavaScript("JSON.stringify(window.__net.slice().sort())", 0, results.append)
        return bool(results) and results[-1] == '["fetch refused","image refused"]'

    qtbot.waitUntil(read, timeout=5000)
    with qtbot.waitSignal(page.navigation_refused, timeout=10_000) as refused:
        page.runJavaScript("window.location.href = 'https://example.com/';")
    assert refused.args == [QUrl("https://example.com/")]
    assert page.url() == QUrl("mapviewer://app/map.html")
    assert page_state(qtbot, window.map_view)["ready"]


def test_interceptor_blocks_requests_from_any_origin(qtbot):
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEnginePage

    from mapviewer.qt import web

    page = QWebEnginePage(web.offline_profile())
    before = len(blocked_requests())
    try:
        with qtbot.waitSignal(page.loadFinished, timeout=20_000):
            page.setHtml(
                '<img src="https://example.com/a.png"><script>fetch("https://example.com/b.json")'
                ".catch(function () {})</script>",
                QUrl("about:blank"),
            )
        qtbot.waitUntil(lambda: len(blocked_requests()) >= before + 2, timeout=5000)
        assert set(blocked_requests()[before:]) == {"https://example.com/a.png", "https://example.com/b.json"}
    finally:
        shiboken6.delete(page)
        # These were the test's own probes; later tests expect a clean record.
        del web._PROFILE_SETUP["interceptor"].blocked[before:]

"""Exports: the self-contained web page works offline; slides and handouts have what they should."""

from __future__ import annotations

import json

import pytest
import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineUrlRequestInterceptor
from PySide6.QtWebEngineWidgets import QWebEngineView

from mapviewer.export.html import export_html


class OnlyThisFile(QWebEngineUrlRequestInterceptor):
    """Lets the exported file itself load and records (and blocks) every other request."""

    def __init__(self, allowed: QUrl) -> None:
        super().__init__()
        self.allowed = allowed
        self.others: list[str] = []

    def interceptRequest(self, info) -> None:  # noqa: N802 (Qt API)
        url = info.requestUrl()
        if url == self.allowed or url.scheme() in ("data", "blob"):
            return
        self.others.append(url.toString())
        info.block(True)


@pytest.fixture
def exported_view(qtbot, carr_index, tmp_path):
    out = export_html(carr_index, tmp_path / "carr.html")
    url = QUrl.fromLocalFile(str(out))
    profile = QWebEngineProfile()  # off the record, apart from the app's own profile
    interceptor = OnlyThisFile(url)
    profile.setUrlRequestInterceptor(interceptor)
    page = QWebEnginePage(profile)
    errors = []
    page.javaScriptConsoleMessage = lambda level, message, line, source: (
        errors.append(message) if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel else None)
    view = QWebEngineView()
    view.setPage(page)
    view.resize(1280, 800)
    view.show()
    with qtbot.waitSignal(view.loadFinished, timeout=60_000) as blocker:
        view.load(url)
    assert blocker.args == [True]
    yield view, interceptor, errors
    view.close()
    shiboken6.delete(view)
    shiboken6.delete(page)
    shiboken6.delete(profile)


def _state(qtbot, view) -> dict:
    with qtbot.waitCallback(timeout=10_000) as callback:
        view.page().runJavaScript("JSON.stringify(mapviewer.state())", 0, callback)
    return json.loads(callback.args[0])


def test_exported_page_highlights_an_event_offline(exported_view, carr_index, qtbot):
    view, interceptor, errors = exported_view
    state = _state(qtbot, view)
    assert state["ready"] and len(state["labels"]) == len(carr_index.places)
    event = carr_index.events["treaty-of-rapallo"]
    view.page().runJavaScript(
        "document.querySelector('.standalone-events button[data-event=\"treaty-of-rapallo\"]').click()")
    qtbot.waitUntil(lambda: _state(qtbot, view)["event"] == event.id, timeout=10_000)
    state = _state(qtbot, view)
    assert state["highlighted"] == sorted(event.place_ids)
    assert state["sentence"] == event.anchor.exact
    assert state["date"] == "1922-04-16" and "German Reich" in state["borders"]
    assert interceptor.others == []
    assert errors == []


def test_exported_page_place_click_lists_its_events(exported_view, carr_index, qtbot):
    view, interceptor, errors = exported_view
    view.page().runJavaScript("mapviewer.dispatch(JSON.stringify({fn: 'selectPlace', args: ['berlin']}))")
    qtbot.waitUntil(lambda: _state(qtbot, view)["popupEvents"] == [e.id for e in carr_index.events_at("berlin")],
                    timeout=10_000)
    assert interceptor.others == [] and errors == []

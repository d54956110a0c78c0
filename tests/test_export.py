"""Exports: the self-contained web page works offline; slides and handouts have what they should."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineUrlRequestInterceptor
from PySide6.QtWebEngineWidgets import QWebEngineView

from mapviewer.export.protocols import ExportOptions
from mapviewer.export.registry import exporter
from mapviewer.export.slides import slide_name
from mapviewer.mappage.encode import encode


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
    out = exporter("html").run(carr_index, tmp_path / "carr.html", ExportOptions())
    url = QUrl.fromLocalFile(str(out))
    profile = QWebEngineProfile()  # off the record, apart from the app's own profile
    interceptor = OnlyThisFile(url)
    profile.setUrlRequestInterceptor(interceptor)
    page = QWebEnginePage(profile)
    errors = []
    page.javaScriptConsoleMessage = lambda level, message, line, source: (
        errors.append(message) if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel else None
    )
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
        "document.querySelector('.standalone-events button[data-event=\"treaty-of-rapallo\"]').click()"
    )
    qtbot.waitUntil(lambda: _state(qtbot, view)["event"] == event.id, timeout=10_000)
    state = _state(qtbot, view)
    assert state["highlighted"] == sorted(event.place_ids)
    assert state["sentence"] == event.quote and event.anchor.exact in state["sentence"]
    assert state["date"] == "1922-04-16" and "German Reich" in state["borders"]
    # The app in a browser: the passage with the sentence marked, the slider at the event's date,
    # the chosen row and sentence scrolled into the panel, the map beside the panel, not under it.
    assert state["passageHighlight"] == event.anchor.exact
    assert state["sliderDate"] == "1922-04-16"
    assert state["chosenVisible"] == [True, True]
    assert state["mapLeft"] >= 380
    assert interceptor.others == []
    assert errors == []


def test_exported_page_slider_moves_the_borders(exported_view, qtbot):
    view, interceptor, errors = exported_view
    view.page().runJavaScript(
        "var s = document.querySelector('.standalone-slider input'); s.value = '0';s.dispatchEvent(new Event('input'));"
    )
    qtbot.waitUntil(
        lambda: _state(qtbot, view)["settled"] and _state(qtbot, view)["date"] == "1920-01-01", timeout=10_000
    )
    state = _state(qtbot, view)
    # Denikin's forces still hold the south on 1 January 1920; Danzig is a Free City only from 15 November.
    assert "Armed Forces of South Russia (Denikin)" in state["borders"]
    assert "Free City of Danzig" not in state["borders"]
    assert interceptor.others == [] and errors == []


def test_exported_page_place_click_lists_its_events(exported_view, carr_index, qtbot):
    view, interceptor, errors = exported_view
    view.page().runJavaScript("mapviewer.dispatch(JSON.stringify({fn: 'selectPlace', args: ['berlin']}))")
    qtbot.waitUntil(
        lambda: _state(qtbot, view)["popupEvents"] == [e.id for e in carr_index.events_at("berlin")], timeout=10_000
    )
    assert interceptor.others == [] and errors == []


def test_exported_page_events_are_chosen_with_the_keyboard(exported_view, carr_index, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    view, interceptor, errors = exported_view
    order = [e.id for e in carr_index.chronological]
    view.setFocus()
    keys = view.focusProxy() or view
    view.page().runJavaScript("document.querySelector('.standalone-events button').focus()")
    qtbot.waitUntil(lambda: _state(qtbot, view)["focus"] == f"event:{order[0]}")
    # Down and End move along the list; Enter chooses; Tab goes on to the passage, which scrolls.
    QTest.keyClick(keys, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: _state(qtbot, view)["focus"] == f"event:{order[1]}")
    QTest.keyClick(keys, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: _state(qtbot, view)["focus"] == f"event:{order[-1]}")
    QTest.keyClick(keys, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _state(qtbot, view)["event"] == order[-1])
    QTest.keyClick(keys, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _state(qtbot, view)["focus"] == "div")
    with qtbot.waitCallback(timeout=10_000) as callback:
        view.page().runJavaScript("document.activeElement.getAttribute('aria-label')", 0, callback)
    assert callback.args[0] == "The passage"
    assert interceptor.others == [] and errors == []


def _run(*args, cwd):
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "mapviewer", "export", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
    )


def test_slides_from_the_command_line_have_the_requested_size(tmp_path):
    from PySide6.QtGui import QImage

    result = _run(
        "slides",
        str(tmp_path / "slides"),
        "--event",
        "treaty-of-rapallo",
        "--event",
        "treaty-of-dorpat",
        "--size",
        "1600x900",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    # One progress line per slide and nothing of Qt's or Chromium's own chatter.
    assert result.stderr.splitlines() == ["1/2", "2/2"]
    assert result.stdout.strip() == f"wrote {tmp_path / 'slides'}"
    files = sorted(p.name for p in (tmp_path / "slides").glob("*.png"))
    assert files == ["11-treaty-of-dorpat.png", "41-treaty-of-rapallo.png"]
    image = QImage(str(tmp_path / "slides" / files[1]))
    assert (image.width(), image.height()) == (1600, 900)
    # The banner across the top is the presentation layout's dark blue.
    assert image.pixelColor(800, 10).name() == "#1f2a36"


def test_handout_pdf_follows_the_lecture(tmp_path, carr_index):
    from pypdf import PdfReader

    out = tmp_path / "handout"  # no suffix: ".pdf" is added
    result = _run("pdf", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = out.with_name("handout.pdf")
    assert result.stdout.strip() == f"wrote {out}"
    reader = PdfReader(str(out))
    # A title of its own, for the reader's window and for screen readers, not the file's name.
    assert reader.metadata.title == (carr_index.meta.get("title") or carr_index.passage.name)
    assert reader.metadata.creator == "mapviewer"
    # The text is text (searchable, copyable, read aloud), not pictures of it.
    # NFKC folds the typesetter's ligatures ("ﬀ") back into letters.
    text = unicodedata.normalize("NFKC", " ".join(" ".join(page.extract_text() for page in reader.pages).split()))
    assert "The strengthening of party and Soviet organization" in text
    assert "The lecture" in text
    steps = carr_index.tours[0].steps
    for number, step in enumerate(steps, 1):
        event = carr_index.events[step.event]
        assert f"[{number}] " + " ".join(event.title.split()[:3]) in text
        if step.note:
            assert " ".join(step.note.split()[:4]) in text
    assert sum(len(page.images) for page in reader.pages) == len(steps)
    # A step is read whole: its heading and its map on one page (a map used to fall onto the next).
    first = next(n for n, page in enumerate(reader.pages) if "The\tlecture" in page.extract_text())
    for number, page in enumerate(reader.pages[first:], first + 1):  # the passage's own marks are "[1]" too
        headings = re.findall(r"^\[\d+\]\s", page.extract_text(), flags=re.M)
        assert len(page.images) == len(headings), f"page {number}: {len(headings)} steps, {len(page.images)} maps"
    # Each map spans the text column (A4 less 18 mm margins: 17.4 cm): measured on the rendered page.
    assert _widest_map_cm(out, len(reader.pages) - 1) > 16


def _widest_map_cm(pdf, page_number) -> float:
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf))
    image = document.render(page_number, QSize(827, 1170))  # A4 at 100 dpi
    longest = 0  # the longest unbroken run of colour in a row: a picture; text has gaps between words
    for y in range(0, image.height(), 5):
        run = 0
        for x in range(image.width()):
            run = run + 1 if image.pixelColor(x, y).name() != "#ffffff" else 0
            longest = max(longest, run)
    document.close()
    return longest / 827 * 21.0


def test_html_export_from_the_command_line(tmp_path, carr_index):
    import html

    out = tmp_path / "page.html"
    result = _run("html", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = out.read_text("utf-8")
    assert "mapviewer-data" in text and "<script src=" not in text and "<link" not in text
    # A title and a language, and a page the reader may zoom (folium's template forbids it).
    title = carr_index.meta.get("title") or carr_index.passage.name
    assert f"<title>{html.escape(title)} \u2014 map</title>" in text and '<html lang="en">' in text
    assert text.count('name="viewport"') == 1 and "user-scalable" not in text and "maximum-scale" not in text


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("lpf", lambda data: data["type"] == "FeatureCollection" and len(data["features"]) == 24),
        (
            "geojson",
            lambda data: (
                data["type"] == "FeatureCollection" and {f["geometry"]["type"] for f in data["features"]} == {"Point"}
            ),
        ),
        ("annotations", lambda data: len(data["items"] if "items" in data else data["first"]["items"]) == 44),
    ],
)
def test_interchange_exports_from_the_command_line(tmp_path, name, check):
    # Registered once in mapviewer/export/registry.py, so the command line has them too.
    result = _run(name, str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = next(tmp_path.glob("out.*"))
    assert result.stdout.strip() == f"wrote {written}"
    assert check(json.loads(written.read_text("utf-8")))


def test_export_into_a_missing_folder_fails_at_once_and_says_where(tmp_path):
    import time

    started = time.monotonic()
    result = _run("pdf", "/nonexistent-dir/x.pdf", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "/nonexistent-dir" in result.stderr and "does not exist" in result.stderr
    assert not result.stdout  # nothing claims to have been written
    assert time.monotonic() - started < 30  # refused before any map is rendered


def test_slides_into_a_file_fail_cleanly(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = _run("slides", str(blocker / "slides"), cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(blocker) in result.stderr and "not a folder" in result.stderr


def test_export_help_lists_every_registered_format(tmp_path):
    from mapviewer.export.registry import EXPORTERS

    result = _run("--help", cwd=tmp_path)
    assert result.returncode == 0
    for item in EXPORTERS:
        assert item.name in result.stdout and item.help.split(",")[0] in " ".join(result.stdout.split())


def test_slides_default_to_one_per_lecture_step(tmp_path, carr_index):
    result = _run("slides", str(tmp_path / "lecture"), "--size", "800x450", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    steps = carr_index.tours[0].steps
    assert sorted(p.name for p in (tmp_path / "lecture").glob("*.png")) == [
        slide_name(n, s.event) for n, s in enumerate(steps, 1)
    ]
    unknown = _run("slides", str(tmp_path / "other"), "--lecture", "no-such-lecture", cwd=tmp_path)
    assert unknown.returncode == 2 and "no-such-lecture" in unknown.stderr and "Traceback" not in unknown.stderr
    assert not (tmp_path / "other").exists()


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe_violations(qtbot, view) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations on the page as it is now."""
    view.page().runJavaScript(AXE.read_text("utf-8"))
    view.page().runJavaScript(
        "window.axeDone = null; axe.run(document, {runOnly: {type: 'tag', values: " + encode(WCAG_21_AA) + "}})"
        ".then(r => { window.axeDone = JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,"
        " help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}))); })"
        ".catch(e => { window.axeDone = JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}]); });"
    )
    found: list[str] = []

    def poll() -> bool:
        with qtbot.waitCallback(timeout=10_000) as callback:
            view.page().runJavaScript("window.axeDone", 0, callback)
        if callback.args[0]:
            found.append(callback.args[0])
        return bool(found)

    qtbot.waitUntil(poll, timeout=60_000)
    return json.loads(found[0])


@pytest.mark.skipif(
    not AXE.exists() and not os.environ.get("MAPVIEWER_REQUIRE_AXE"),
    reason="axe-core is not installed: run `npm ci` (make test does)",
)
def test_exported_page_passes_axe_wcag_21_a_and_aa(exported_view, carr_index, qtbot):
    assert AXE.exists(), "make test installs axe-core with npm ci; it is missing"
    view, interceptor, errors = exported_view
    found = {"as opened": _axe_violations(qtbot, view)}
    # With an event chosen (the passage marked, the map flown), then a place's popup open.
    view.page().runJavaScript(
        "document.querySelector('.standalone-events button[data-event=\"treaty-of-rapallo\"]').click()"
    )
    qtbot.waitUntil(lambda: _state(qtbot, view)["event"] == "treaty-of-rapallo" and _state(qtbot, view)["settled"])
    found["with an event chosen"] = _axe_violations(qtbot, view)
    view.page().runJavaScript(
        "document.querySelector('.place-key[data-place=\"berlin\"]').dispatchEvent("
        "new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))"
    )
    qtbot.waitUntil(lambda: _state(qtbot, view)["popupEvents"] != [])
    found["with a popup open"] = _axe_violations(qtbot, view)
    for when, violations in found.items():
        for v in violations:
            print(f"{when}: {v['id']} ({v['impact']}): {v['help']}")
            for node in v["nodes"]:
                print("   ", node.replace("\n", " "))
    assert all(v == [] for v in found.values()), "axe-core found WCAG 2.1 A/AA violations (printed above)"
    assert interceptor.others == [] and errors == []

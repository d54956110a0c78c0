"""Hostile files and real faults (issue 13): each defect's reproduction, as a test."""

from __future__ import annotations

import json
import os
import shutil
import threading

import pytest
import shiboken6

from mapviewer.model.errors import InputError
from mapviewer.model.index import load_index
from mapviewer.model.passage import load_passage
from mapviewer.paths import resource_path

CARR = "carr-1979-pp42-46"


@pytest.fixture
def carr_copy(tmp_path):
    for name in (f"{CARR}.txt", f"{CARR}.index.json"):
        shutil.copy(resource_path("passages", name), tmp_path / name)
    return tmp_path / f"{CARR}.index.json"


def _rewrite(path, change):
    data = json.loads(path.read_text("utf-8"))
    change(data)
    # allow_nan: the attacker's file, written the way a careless tool would.
    path.write_text(json.dumps(data, allow_nan=True), "utf-8")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_numbers_are_refused_when_the_file_is_read(carr_copy, value):
    _rewrite(carr_copy, lambda d: d["places"][0].update(lat=value))
    with pytest.raises(InputError) as caught:
        load_index(carr_copy)
    message = caught.value.message
    assert str(carr_copy) in message and "line" in message
    assert ("NaN" if value != value else "Infinity") in message and "number" in message


def test_a_non_finite_zoom_in_a_lecture_is_refused(carr_copy):
    _rewrite(carr_copy, lambda d: d["tours"][0]["steps"][0].update(view={"lat": 50, "lon": 10, "zoom": float("nan")}))
    with pytest.raises(InputError, match="NaN"):
        load_index(carr_copy)


def test_a_lone_surrogate_in_a_summary_is_refused_with_its_item(carr_copy):
    data = json.loads(carr_copy.read_text("utf-8"))
    first = data["events"][0]["id"]
    data["events"][0]["summary"] = "x"
    # A JSON escape is the only way a lone surrogate gets into a UTF-8 file.
    carr_copy.write_text(json.dumps(data).replace('"summary": "x"', '"summary": "bad \\ud800 text"', 1), "utf-8")
    with pytest.raises(InputError) as caught:
        load_index(carr_copy)
    assert f'event "{first}"' in caught.value.message and "surrogate" in caught.value.message


def test_special_files_are_not_read(tmp_path):
    fifo = tmp_path / "pipe.index.json"
    os.mkfifo(fifo)
    result: dict = {}

    def load():
        try:
            load_index(fifo)
        except InputError as exc:
            result["message"] = exc.message

    reader = threading.Thread(target=load, daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert "not a regular file" in result["message"]
    with pytest.raises(InputError, match="not a regular file"):
        load_index("/dev/zero")


def test_a_passage_that_is_a_device_or_outside_the_folder_is_refused(carr_copy, tmp_path):
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    _rewrite(carr_copy, lambda d: d["passage"].update(file="zero.txt"))
    with pytest.raises(InputError, match="outside the index's folder"):  # the link leads out of the folder
        load_index(carr_copy)
    with pytest.raises(InputError, match="not a regular file"):  # and opened directly, it is a device
        load_passage(zero)
    for outside in ("/etc/passwd", "../../etc/passwd", "../" + CARR + ".txt"):
        _rewrite(carr_copy, lambda d, outside=outside: d["passage"].update(file=outside))
        with pytest.raises(InputError) as caught:
            load_index(carr_copy)
        assert "outside the index's folder" in caught.value.message


def test_the_size_limit_holds_while_reading(tmp_path, monkeypatch):
    # A file that grows while it is read (or lies about its size) is cut off at the limit.
    from mapviewer.model import files

    big = tmp_path / "big.index.json"
    big.write_bytes(b" " * 4096)
    with pytest.raises(InputError, match="up to"):
        files.read_user_file(big, 1024, "index", "fix")


HOSTILE_SUMMARY = '<h1 style="color:red">Big</h1><img src="/usr/share/pixmaps/debian-logo.png"> & <b>bold</b>'


def _shown_as(tooltip: str) -> tuple[str, int]:
    """What Qt shows for a tooltip string, and how many images it would load."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(tooltip) if tooltip.startswith("<") else document.setPlainText(tooltip)
    images = document.toHtml().count("<img")
    return document.toPlainText(), images


def test_text_from_files_is_never_rendered_as_markup(qtbot, tmp_path, settings):
    from PySide6.QtCore import Qt

    from mapviewer.model import edits
    from mapviewer.qt.main_window import MainWindow

    (tmp_path / "p.txt").write_text("Lenin went to Genoa in April 1922.\n", "utf-8")
    index = edits.empty_index(load_passage(tmp_path / "p.txt"), tmp_path / "p.index.json")
    index = edits.apply(
        index,
        edits.put_place(
            {
                "id": "genoa",
                "name": "Genoa",
                "modern_name": "Genova",
                "kind": "city",
                "lat": 44.4,
                "lon": 8.93,
                "geonames": 3176219,
            }
        ),
    )
    index = edits.apply(
        index,
        edits.put_event(
            {
                "id": "genoa",
                "title": "<i>Genoa</i>",
                "date": "1922-04-10",
                "summary": HOSTILE_SUMMARY,
                "places": [{"place": "genoa", "role": "venue"}],
                "anchor": {"type": "TextQuoteSelector", "exact": "Genoa"},
            }
        ),
    )
    window = MainWindow(index, settings)
    window.selection.select_event("genoa")
    for tooltip in (
        window.status_label.toolTip(),
        window.event_table.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole),
    ):
        assert _shown_as(tooltip) == (HOSTILE_SUMMARY, 0)
    window.close()
    shiboken6.delete(window)  # its page must go before QtWebEngine's profile


@pytest.mark.parametrize("mark", ["\ufeff", "\ufffe"])
def test_bom_like_characters_inside_a_passage_stay_in_place(qtbot, tmp_path, mark):
    from mapviewer.qt.passage_view import PassageView

    text = f"Intro line.\n\n{mark}Lenin went to Genoa in April 1922.\n"
    (tmp_path / "p.txt").write_text(text, "utf-8")
    passage = load_passage(tmp_path / "p.txt")
    assert passage.text.count(mark) == 1  # the passage is the user's: kept as it is
    from mapviewer.model import edits

    index = edits.empty_index(passage, tmp_path / "p.index.json")
    view = PassageView()
    qtbot.addWidget(view)
    view.set_index(index)
    assert "Lenin went to Genoa in April 1922." in view.toPlainText()
    start = passage.text.index("Genoa")
    view.show_event(None)
    view.select_span((start, start + 5))
    assert view.textCursor().selectedText() == "Genoa"

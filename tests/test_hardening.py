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

from .places import RIGA_PLACE

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


# ---- copies keep the original's mode; stale temporary files; the page cache -------------------


def _mode(path) -> int:
    return os.stat(path).st_mode & 0o777


def test_backup_and_recovery_copies_keep_the_index_files_mode(carr_copy):
    from mapviewer.interchange import save as saving
    from mapviewer.model import files

    carr_copy.chmod(0o600)
    index = load_index(carr_copy)
    saving.save_index(index, carr_copy)
    carr_copy.write_text(carr_copy.read_text("utf-8") + " ", "utf-8")  # so the next save keeps a backup
    saving.save_index(index, carr_copy)
    assert files.backup_path(carr_copy).exists()
    assert _mode(carr_copy) == 0o600
    assert _mode(files.backup_path(carr_copy)) == 0o600, "the backup is readable by others"
    written = saving.write_recovery_copy(index, carr_copy)
    assert _mode(written) == 0o600, "the recovery copy is readable by others"


def _stale_temps(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_temporary_files_left_by_a_killed_save_are_cleaned_on_the_next_save_and_open(carr_copy):
    from mapviewer.editing.editor import open_document
    from mapviewer.interchange import save as saving

    folder = carr_copy.parent
    name = carr_copy.name
    # What a save killed half-way leaves: temporary files for the index, its backup and its recovery copy.
    left = [f".{name}.0123abcd.tmp", f".{name}.89abcdef.tmp", f"..{name}.recovery.0a0b0c0d.tmp"]
    for stale in left:
        (folder / stale).write_text("{half", "utf-8")
    (folder / "other.9999ffff.tmp").write_text("not ours", "utf-8")  # another program's: left alone
    saving.save_index(load_index(carr_copy), carr_copy)
    assert _stale_temps(folder) == ["other.9999ffff.tmp"]
    for stale in left:
        (folder / stale).write_text("{half", "utf-8")
    open_document(carr_copy)
    assert _stale_temps(folder) == ["other.9999ffff.tmp"]


def test_a_temporary_file_still_being_written_is_not_cleaned(carr_copy):
    """Another process's save in progress holds a lock on its temporary file: it must survive."""
    import fcntl

    from mapviewer.interchange import save as saving

    live = carr_copy.parent / f".{carr_copy.name}.00ff00ff.tmp"
    fd = os.open(live, os.O_WRONLY | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        saving.save_index(load_index(carr_copy), carr_copy)
        assert live.exists()
    finally:
        os.close(fd)


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage"])
def test_a_damaged_page_cache_is_rebuilt(tmp_path, monkeypatch, damage):
    from mapviewer.mappage import build

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    good = build.cached_template().encode()
    [cached] = list((tmp_path / "cache").rglob("map-*.html"))
    broken = {"empty": b"", "truncated": good[: len(good) // 2], "garbage": b"\x00" * 100}[damage]
    cached.write_bytes(broken)
    page = build.cached_page()  # folium names its elements anew on each build: not byte-equal
    assert page.rstrip().endswith(b"</html>") and b"mapviewer.init(" in page and b"bordersUrl" in page
    again = build.cached_template().encode()
    assert len(again) > len(good) * 0.9
    assert build.checked_page(cached.read_bytes()) == again, "the damaged cache was not repaired"


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "sealed-garbage"])
def test_a_damaged_schema_check_cache_is_rebuilt_and_still_checks(tmp_path, monkeypatch, damage):
    import json as _json

    from mapviewer.model import schema_check
    from mapviewer.model.files import sealed
    from mapviewer.paths import resource_path

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    text = resource_path("schema", "place-event-index.schema.json").read_text("utf-8")
    schema = _json.loads(text)
    good_index = _json.loads(resource_path("passages", "carr-1979-pp42-46.index.json").read_text("utf-8"))
    schema_check.compiled_check(schema, text)(good_index)
    [cached] = list((tmp_path / "cache").rglob("schema-check-*.bin"))
    good = cached.read_bytes()
    junk = b"\x00garbage"
    broken = {
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "garbage": b"\x00" * 100,
        # Whole by its seal, but not code Python can load: made again all the same.
        "sealed-garbage": sealed(junk),
    }[damage]
    cached.write_bytes(broken)
    check = schema_check.compiled_check(schema, text)
    check(good_index)
    with pytest.raises(schema_check.fastjsonschema.JsonSchemaException):
        check({**good_index, "events": "not a list"})
    assert cached.read_bytes() == good, "the damaged cache was not made again"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="files have no owner and mode bits here")
def test_a_schema_check_cache_others_may_write_is_not_run(tmp_path, monkeypatch):
    import json as _json

    from mapviewer.model import schema_check
    from mapviewer.paths import resource_path

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    text = resource_path("schema", "place-event-index.schema.json").read_text("utf-8")
    schema = _json.loads(text)
    schema_check.compiled_check(schema, text)
    [cached] = list((tmp_path / "cache").rglob("schema-check-*.bin"))
    # Sealed, but planted: code that would say so if it ran.
    planted = marshal_sealed(schema_check, "def validate(data):\n    raise SystemExit('planted code ran')\n")
    cached.write_bytes(planted)
    os.chmod(cached, 0o644)
    with pytest.raises(SystemExit, match="planted code ran"):  # the user's own file: it is the cache
        schema_check.compiled_check(schema, text)({})
    os.chmod(cached, 0o666)  # the same file, writable by others: compiled afresh, not run
    check = schema_check.compiled_check(schema, text)
    with pytest.raises(schema_check.fastjsonschema.JsonSchemaException):
        check({"events": "not a list"})
    assert b"planted" not in cached.read_bytes(), "the planted file was left in the cache"
    assert not cached.stat().st_mode & 0o022, "the new cache file is writable by others"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("special", ["fifo", "link", "folder"])
def test_a_special_file_in_place_of_the_schema_check_cache_is_not_waited_on(tmp_path, monkeypatch, special):
    import json as _json
    import subprocess
    import sys

    from mapviewer.model import schema_check
    from mapviewer.paths import resource_path

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    text = resource_path("schema", "place-event-index.schema.json").read_text("utf-8")
    schema_check.compiled_check(_json.loads(text), text)
    [cached] = list((tmp_path / "cache").rglob("schema-check-*.bin"))
    cached.unlink()
    victim = tmp_path / "someone-elses.txt"
    victim.write_text("not the cache's", "utf-8")
    {"fifo": lambda: os.mkfifo(cached), "link": lambda: cached.symlink_to(victim), "folder": cached.mkdir}[special]()
    # In a process of its own: a start that waited on the pipe would hang the test run, not fail it.
    code = (
        "import json, sys; from mapviewer.model import schema_check as s; from mapviewer.paths import resource_path;"
        "t = resource_path('schema', 'place-event-index.schema.json').read_text('utf-8');"
        "c = s.compiled_check(json.loads(t), t);"
        "c({'format': 'mapviewer-index', 'version': 1, 'passage': {'file': 'p.txt'}, 'places': [], 'events': []});"
        "print('checked')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "checked", done.stderr
    assert victim.read_text("utf-8") == "not the cache's", "the cache wrote through a planted link"


def marshal_sealed(schema_check, source: str) -> bytes:
    import marshal

    from mapviewer.model.files import sealed

    return sealed(marshal.dumps(compile(source, "<planted>", "exec")))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("special", ["fifo", "link"])
def test_a_special_file_in_place_of_the_page_cache_is_not_waited_on_or_followed(tmp_path, monkeypatch, special):
    import subprocess
    import sys

    from mapviewer.mappage import build

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    build.cached_template()
    [cached] = list((tmp_path / "cache").rglob("map-*.html"))
    cached.unlink()
    victim = tmp_path / "someone-elses.txt"
    victim.write_text("not the cache's", "utf-8")
    {"fifo": lambda: os.mkfifo(cached), "link": lambda: cached.symlink_to(victim)}[special]()
    # In a process of its own: a start that waited on the pipe would hang the test run, not fail it.
    code = (
        "from mapviewer.mappage import build; print('built' if 'mapviewer.init(' in build.cached_template() else '?')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "built", done.stderr
    assert victim.read_text("utf-8") == "not the cache's", "the cache wrote through a planted link"
    assert cached.is_file() and not cached.is_symlink() and build.checked_page(cached.read_bytes()) is not None


def test_a_write_onto_a_pipe_or_a_link_to_one_is_refused_and_leaves_it(tmp_path):
    import stat

    from mapviewer.model.files import write_atomic

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    link = tmp_path / "out.html"
    link.symlink_to(pipe)
    for target in (pipe, link):
        with pytest.raises(InputError, match="not a regular file"):
            write_atomic(target, b"data")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode), "the pipe was replaced by a file"


UNKNOWN_URLS = [
    "mapviewer://app/no-such-file.js",
    "mapviewer://app/",
    "mapviewer://app/leaflet/images/",
    "mapviewer://app/leaflet",
    "mapviewer://app/%2e%2e/%2e%2e/etc/passwd",
    "mapviewer://app/..%2f..%2fetc%2fpasswd",
    "mapviewer://app/map.html/../../../etc/passwd",
    "mapviewer://app/" + "a" * 5000,
    "mapviewer://app/%00",
    "mapviewer://app/%C3%A9%F0%9F%98%80",
    "mapviewer://other-host/map.html",
    "mapviewer://app/mapviewer.js/x",
]


def test_unknown_urls_of_the_apps_scheme_fail_at_once(window, qtbot):
    import json as _json
    import time

    page = window.map_view.page()
    script = (
        "window.__answers = {}; " + _json.dumps(UNKNOWN_URLS) + ".forEach(function (url) {"
        " fetch(url).then(function (r) { window.__answers[url] = 'status ' + r.status; },"
        " function () { window.__answers[url] = 'refused'; }); });"
    )
    page.runJavaScript(script)
    answers: list = []
    started = time.monotonic()

    def all_answered() -> bool:
        page.runJavaScript("JSON.stringify(window.__answers)", 0, answers.append)
        return bool(answers) and len(_json.loads(answers[-1] or "{}")) == len(UNKNOWN_URLS)

    qtbot.waitUntil(all_answered, timeout=5000)
    assert time.monotonic() - started < 5
    got = _json.loads(answers[-1])
    # Not found, at once: a refused fetch or a 404, never a pending request or another host served.
    assert all(answer in ("refused", "status 404") for answer in got.values()), got


# ---- a failed open leaves the window, and the session, on the previous document ---------------


def _hostile_files(folder):
    """Files File > Open must refuse, each named for what is wrong with it."""
    good = json.loads(resource_path("passages", f"{CARR}.index.json").read_text("utf-8"))
    shutil.copy(resource_path("passages", f"{CARR}.txt"), folder / f"{CARR}.txt")
    made = {}

    def index_file(name, text):
        (folder / name).write_text(text, "utf-8")
        made[name] = folder / name

    index_file("nan.index.json", json.dumps(good).replace('"lat": 5', '"lat": NaN', 1))
    first_summary = good["events"][0]["summary"]
    index_file("surrogate.index.json", json.dumps(good).replace(json.dumps(first_summary), '"bad \\ud800"', 1))
    index_file("outside.index.json", json.dumps(dict(good, passage=dict(good["passage"], file=f"../{CARR}.txt"))))
    index_file(
        "bignumber.index.json", json.dumps(good).replace('"geonames": ', '"geonames": ' + "9" * 5000 + ', "x": ', 1)
    )
    os.mkfifo(folder / "fifo.index.json")
    made["fifo.index.json"] = folder / "fifo.index.json"
    os.mkfifo(folder / "fifo.txt")
    made["fifo.txt"] = folder / "fifo.txt"
    (folder / "zero.index.json").symlink_to("/dev/zero")
    made["zero.index.json"] = folder / "zero.index.json"
    return made


def test_every_failed_open_leaves_the_window_and_the_session_on_the_previous_document(
    window, qtbot, tmp_path, settings
):
    from mapviewer.cli import open_main_window

    from .conftest import PAGE_TIMEOUT_MS, answer_file_dialog, page_state, settled_state

    good_folder = tmp_path / "good"
    good_folder.mkdir()
    for name in (f"{CARR}.txt", f"{CARR}.index.json"):
        shutil.copy(resource_path("passages", name), good_folder / name)
    good = good_folder / f"{CARR}.index.json"
    data = json.loads(good.read_text("utf-8"))
    data["events"] = data["events"][:5]  # a document that differs from the one the window started on
    data.pop("tours", None)
    data.pop("lecture", None)
    good.write_text(json.dumps(data), "utf-8")
    assert window.editor.open_path(good)
    chosen = data["events"][2]["id"]
    window.selection.select_event(chosen)
    bad_folder = tmp_path / "bad"
    bad_folder.mkdir()
    hostile = _hostile_files(bad_folder)

    def shown() -> dict:
        table = window.event_table.model()
        state = page_state(qtbot, window.map_view)
        return {
            "path": window.index.path,
            "text": window.passage_view.toPlainText(),
            "list": [table.data(table.index(row, 1)) for row in range(table.rowCount())],
            "event": window.selection.event,
            "map": {key: state[key] for key in ("labels", "event", "highlighted", "date")},
            "title": window.windowTitle(),
        }

    qtbot.waitUntil(lambda: page_state(qtbot, window.map_view)["event"] == chosen, timeout=PAGE_TIMEOUT_MS)
    before = shown()
    assert len(before["list"]) == 5
    for name, path in hostile.items():
        answer_file_dialog(qtbot, path)
        assert window.editor.ask_open() is False, name
        qtbot.waitUntil(lambda: window.error_box is not None and window.error_box.isVisible())
        assert str(path) in window.error_box.text() or path.name in window.error_box.text(), name
        window.error_box.done(0)
        window.error_box = None
        settled_state(qtbot, window.map_view)  # the page has run every command it was sent
        assert shown() == before, f"File > Open of {name} changed the window"
    window.close()
    restarted = open_main_window(None, settings)
    try:
        assert restarted.index.path == str(good), "the session remembers a file that failed to open"
        assert len(restarted.index.events) == 5
    finally:
        restarted.close()
        shiboken6.delete(restarted)


def test_a_place_named_a_hundred_thousand_times_marks_a_bounded_number(qtbot, tmp_path):
    # Marking every mention of a place named 20,000 times took seconds a click (issue 13, item 8).
    from mapviewer.model import edits
    from mapviewer.qt.passage_view import MAX_MARKED_MENTIONS, PassageView

    (tmp_path / "p.txt").write_text("Riga and Riga. " * 20_000 + "\n", "utf-8")
    index = edits.empty_index(load_passage(tmp_path / "p.txt"), tmp_path / "p.index.json")
    index = edits.apply(
        index,
        edits.put_place({**RIGA_PLACE, "mentions": ["Riga"]}),
    )
    assert len(index.mention_spans["riga"]) == 40_000
    view = PassageView()
    qtbot.addWidget(view)
    view.set_index(index)
    view.show_place("riga")
    assert len(view.marked_mentions()) == MAX_MARKED_MENTIONS


def test_a_word_of_a_million_characters_is_refused_at_once(tmp_path):
    # Qt's text layout takes minutes for it (issue 13, item 8): the passage is refused with its line.
    import time

    (tmp_path / "w.txt").write_text("Riga, 1921.\n\n" + "x" * 1_000_000 + " end.\n", "utf-8")
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        load_passage(tmp_path / "w.txt")
    assert time.monotonic() - started < 5
    assert "line 3" in caught.value.message and "without a space" in caught.value.message
    (tmp_path / "ok.txt").write_text("A long compound: " + "x" * 5_000 + " is still prose here.\n", "utf-8")
    assert load_passage(tmp_path / "ok.txt").text.startswith("A long compound")

"""Files through the window, as a reader meets them: the recovery offer, "save the changes first?",
the autosave, CSV import, Save As, the recent files, and every export of the File menu."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from mapviewer.export.registry import EXPORTERS
from mapviewer.export.slides import slide_name
from mapviewer.interchange import save as saving
from mapviewer.model import edits
from mapviewer.model.index import load_index
from mapviewer.paths import resource_path
from mapviewer.qt.editing import AUTOSAVE_MS

from .conftest import answer_dialog, answer_file_dialog
from .places import RIGA_PLACE

DATA = Path(__file__).parent / "data"
CARR_INDEX = "carr-1979-pp42-46.index.json"
CARR_TEXT = "carr-1979-pp42-46.txt"
# The highlight on the map page: the places' dots (#d35400) and the edge of the states they light up (#3b1d08).
HIGHLIGHT = [(0xD3, 0x54, 0x00), (0x3B, 0x1D, 0x08)]
FREE_SENTENCE = (
    "The strengthening of party and Soviet organization was matched by a consolidation "
    "of Soviet relations with the outside world."
)
Button = QMessageBox.StandardButton
EXPORT_MS = 60_000
HANDOUT_MS = 120_000  # the handout renders a map for every step of the lecture


@pytest.fixture
def carr_copy(tmp_path) -> Path:
    """The Carr passage and index in a folder of the test's own (the shipped files are never written)."""
    folder = tmp_path / "carr"
    folder.mkdir()
    for name in (CARR_INDEX, CARR_TEXT):
        shutil.copy(resource_path("passages", name), folder / name)
    return folder / CARR_INDEX


@pytest.fixture
def riga(tmp_path) -> Path:
    folder = tmp_path / "riga"
    folder.mkdir()
    shutil.copy(DATA / "riga-1921.txt", folder / "riga-1921.txt")
    return folder / "riga-1921.txt"


@pytest.fixture(autouse=True)
def no_window_left_behind(window, qtbot):
    """Every export renders in a hidden window of its own; none may outlive the export."""
    yield
    from mapviewer.qt.main_window import MainWindow

    def hidden_windows() -> list:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w is not window]

    qtbot.waitUntil(lambda: hidden_windows() == [], timeout=10_000)


def menu_action(window, *path: str):
    """The action a reader reaches through the menus, e.g. ("File", "Export", "Handout (PDF)…")."""
    actions = window.menuBar().actions()
    for depth, text in enumerate(path):
        found = next((a for a in actions if a.text().replace("&", "") == text), None)
        assert found is not None, f"no {text!r} in {[a.text() for a in actions]}"
        if depth < len(path) - 1:
            actions = found.menu().actions()
    return found


def press_on_next_box(qtbot, button, seen: list) -> None:
    """Press ``button`` on the next message box, recording its text and text format first.

    Any other dialog is rejected (and recorded), so a wrong turn fails the test instead of hanging it.
    """

    def act(dialog) -> None:
        if not isinstance(dialog, QMessageBox) or dialog.button(button) is None:
            seen.append((type(dialog).__name__, getattr(dialog, "text", lambda: "")()))
            dialog.reject()
            return
        seen.append((dialog.text(), dialog.textFormat()))
        dialog.button(button).click()

    answer_dialog(qtbot, act)


def then(qtbot, first, after) -> None:
    """Answer the next dialog with ``first`` and the dialog it leads to with ``after``."""

    def act(dialog) -> None:
        first(dialog)
        after()

    answer_dialog(qtbot, act)


def choose_file(path):
    def act(dialog) -> None:
        if not isinstance(dialog, QFileDialog):
            dialog.reject()  # fail the test, do not hang it
            raise AssertionError(f"expected a file dialog, got {dialog!r}")
        dialog.selectFile(str(path))
        dialog.accept()

    return act


def shown_titles(window) -> list[str]:
    """The event titles the event list shows."""
    model = window.event_table.model()
    return [model.data(model.index(row, 1)) for row in range(model.rowCount())]


def close_error_box(window) -> str:
    box = window.error_box
    assert box is not None and box.isVisible(), "no error box is shown"
    assert box.textFormat() == Qt.TextFormat.PlainText
    text = box.text()
    box.done(0)
    return text


def retitled(index_file: Path, event_id: str, title: str):
    """The index of ``index_file`` with one event retitled, as an unsaved edit leaves it."""
    return edits.apply(
        load_index(index_file), lambda data: next(e for e in data["events"] if e["id"] == event_id).update(title=title)
    )


def saved_title(index_file: Path, event_id: str) -> str:
    return next(e["title"] for e in json.loads(index_file.read_text("utf-8"))["events"] if e["id"] == event_id)


# ---- the recovery offer ------------------------------------------------------------------------


@pytest.mark.parametrize("restore", [True, False], ids=["yes", "no"])
def test_opening_a_file_with_a_recovery_copy_offers_it(window, carr_copy, qtbot, restore):
    saved = saved_title(carr_copy, "treaty-of-rapallo")
    # What a session that ended unexpectedly left behind.
    saving.write_recovery_copy(retitled(carr_copy, "treaty-of-rapallo", "Rapallo <b>recovered</b>"), carr_copy)
    seen: list = []
    press_on_next_box(qtbot, Button.Yes if restore else Button.No, seen)
    assert window.editor.open_path(carr_copy)
    [(text, text_format)] = seen
    assert str(carr_copy) in text and "ended unexpectedly" in text
    assert text_format == Qt.TextFormat.PlainText
    if restore:
        assert "Rapallo <b>recovered</b>" in shown_titles(window)
        assert window.windowTitle().startswith("*")  # restored work is not saved yet
        assert saving.find_recovery(carr_copy) is not None
    else:
        assert saved in shown_titles(window) and "Rapallo <b>recovered</b>" not in shown_titles(window)
        assert not window.windowTitle().startswith("*")
        assert saving.find_recovery(carr_copy) is None
    assert saved_title(carr_copy, "treaty-of-rapallo") == saved


# ---- "Save the changes first?" --------------------------------------------------------------------


@pytest.mark.parametrize("button", [Button.Save, Button.Discard, Button.Cancel], ids=["save", "discard", "cancel"])
def test_opening_another_file_with_unsaved_changes_asks_first(window, carr_copy, riga, qtbot, button):
    assert window.editor.open_path(carr_copy)
    saved = saved_title(carr_copy, "treaty-of-rapallo")
    window.editor.change(
        "Edit event",
        lambda data: next(e for e in data["events"] if e["id"] == "treaty-of-rapallo").update(title="Rapallo, edited"),
    )
    assert window.windowTitle().startswith("*")
    seen: list = []
    # File > Open…, choose the Riga passage, then answer the question about the changes.
    then(qtbot, choose_file(riga), lambda: press_on_next_box(qtbot, button, seen))
    menu_action(window, "File", "Open…").trigger()
    [(text, _)] = seen
    assert text == "Save the changes to the index first?"
    if button == Button.Cancel:
        assert window.index.path == str(carr_copy) and "Rapallo, edited" in shown_titles(window)
        assert window.windowTitle().startswith("*")
        assert saved_title(carr_copy, "treaty-of-rapallo") == saved
        return
    assert window.index.passage.name == "riga-1921.txt" and shown_titles(window) == []
    assert not window.windowTitle().startswith("*")
    expected = "Rapallo, edited" if button == Button.Save else saved
    assert saved_title(carr_copy, "treaty-of-rapallo") == expected


def test_closing_the_window_with_unsaved_changes_can_be_cancelled(window, carr_copy, qtbot):
    assert window.editor.open_path(carr_copy)
    window.editor.change("Move place", lambda data: data["places"][0].update(lat=55.0))
    seen: list = []
    press_on_next_box(qtbot, Button.Cancel, seen)
    assert not window.close()
    assert window.isVisible() and window.windowTitle().startswith("*") and len(seen) == 1


# ---- the autosave ------------------------------------------------------------------------------------


def test_autosave_keeps_a_recovery_copy_of_unsaved_work(window, carr_copy, qtbot):
    timer = window.editor_actions._autosave
    assert timer.isActive() and timer.interval() == AUTOSAVE_MS == 30_000
    assert window.editor.open_path(carr_copy)
    copy = saving.autosave_path(carr_copy)
    timer.setInterval(20)  # the reader waits 30 s; the test does not
    try:
        with qtbot.waitSignal(timer.timeout, timeout=5000):
            pass
        assert not copy.exists()  # nothing unsaved: nothing to keep
        window.editor.change(
            "Edit event",
            lambda data: next(e for e in data["events"] if e["id"] == "treaty-of-rapallo").update(
                title="Rapallo, autosaved"
            ),
        )
        qtbot.waitUntil(copy.exists, timeout=5000)
    finally:
        timer.setInterval(AUTOSAVE_MS)
    recovered = saving.load_recovery(carr_copy)
    assert recovered.events["treaty-of-rapallo"].title == "Rapallo, autosaved"
    assert saved_title(carr_copy, "treaty-of-rapallo") != "Rapallo, autosaved"  # the file itself waits for Save
    # Saving makes the copy unnecessary.
    menu_action(window, "File", "Save").trigger()
    assert not copy.exists() and saved_title(carr_copy, "treaty-of-rapallo") == "Rapallo, autosaved"


# ---- CSV import, Save As and the recent files ----------------------------------------------------------


def test_csv_import_from_the_file_menu_lists_the_rows_left_out(window, carr_copy, tmp_path, qtbot):
    assert window.editor.open_path(carr_copy)
    sheet = tmp_path / "events.csv"
    sheet.write_text(
        "date,title,places,quote\n"
        f'1920,Consolidation,Moscow,"{FREE_SENTENCE}"\n'
        '1921,Lost,<b>Atlantis</b>,"Even in the days of war communism"\n',
        "utf-8",
    )
    answer_file_dialog(qtbot, sheet)
    menu_action(window, "File", "Import events from CSV…").trigger()
    assert "Consolidation" in shown_titles(window) and window.windowTitle().startswith("*")
    box = window.dialogs.warning_box
    qtbot.waitUntil(box.isVisible, timeout=5000)
    assert box.textFormat() == Qt.TextFormat.PlainText  # a cell's "<b>" is shown, not obeyed
    assert box.text() == (
        "row 3: place '<b>Atlantis</b>' is not in the index \u2014 add it to the places first, "
        "or use the name the index gives it"
    )
    box.done(0)
    assert menu_action(window, "Edit", "Undo Import events").isEnabled()


def test_a_long_list_of_csv_warnings_is_cut_short(window, carr_copy, tmp_path, qtbot):
    assert window.editor.open_path(carr_copy)
    sheet = tmp_path / "many.csv"
    sheet.write_text("date,title,places,quote\n" + "".join(f"1921,Row {n},Atlantis,words\n" for n in range(40)))
    window.editor.import_csv(sheet)
    box = window.dialogs.warning_box
    lines = box.text().splitlines()
    assert len(lines) == 31 and lines[0].startswith("row 2: ") and lines[-1] == "\u2026 and 10 more"
    box.done(0)


def test_save_as_through_the_file_dialog(window, riga, tmp_path, qtbot):
    assert window.editor.open_path(riga)
    window.editor.change(
        "New place",
        lambda data: data["places"].append(dict(RIGA_PLACE)),
    )
    suggested: list = []
    target = tmp_path / "riga.index.json"  # the folder above the passage's

    def answer(dialog) -> None:
        suggested.append((dialog.windowTitle(), dialog.selectedFiles(), dialog.acceptMode()))
        choose_file(target)(dialog)

    answer_dialog(qtbot, answer)
    menu_action(window, "File", "Save as…").trigger()
    [(title, files, mode)] = suggested
    assert title == "Save index" and mode == QFileDialog.AcceptMode.AcceptSave
    assert files == [str(riga.with_name("riga-1921.index.json"))]  # beside the passage, by default
    assert not window.windowTitle().startswith("*") and window.index.path == str(target)
    assert list(load_index(target).places) == ["riga"]
    assert window.statusBar().currentMessage() == f"Saved {target}"
    assert menu_action(window, "File", "Open recent", str(target)) is not None


def test_save_as_cancelled_saves_nothing(window, riga, qtbot):
    assert window.editor.open_path(riga)
    window.editor.change(
        "New place",
        lambda data: data["places"].append(dict(RIGA_PLACE)),
    )
    answer_dialog(qtbot, lambda dialog: dialog.reject())
    menu_action(window, "File", "Save as…").trigger()
    assert window.windowTitle().startswith("*") and list(riga.parent.iterdir()) == [riga]


def test_recent_files_menu_reopens_what_was_opened(window, carr_copy, riga, settings, qtbot):
    recent = window.editor_actions.recent_menu
    assert not recent.isEnabled()  # a first start: nothing opened yet
    assert window.editor.open_path(carr_copy)
    assert window.editor.open_path(riga)
    assert [a.text() for a in recent.actions()] == [str(riga), str(carr_copy)]
    assert recent.isEnabled() and settings.value("recent") == [str(riga), str(carr_copy)]
    menu_action(window, "File", "Open recent", str(carr_copy)).trigger()
    assert window.index.path == str(carr_copy) and len(shown_titles(window)) == 44
    assert [a.text() for a in recent.actions()] == [str(carr_copy), str(riga)]  # most recent first
    menu_action(window, "File", "Open recent", str(riga)).trigger()
    assert window.index.passage.name == "riga-1921.txt" and window.error_box is None


def test_recent_files_keep_the_last_eight(window, tmp_path, qtbot):
    passages = []
    for n in range(10):
        passage = tmp_path / f"passage-{n}.txt"
        passage.write_text(f"Passage {n} about Riga in 1921.\n", "utf-8")
        passages.append(passage)
        assert window.editor.open_path(passage)
    assert [a.text() for a in window.editor_actions.recent_menu.actions()] == [str(p) for p in passages[:1:-1]]


# ---- every export through the window -----------------------------------------------------------------


def test_the_export_menu_lists_every_export(window):
    texts = [a.text() for a in menu_action(window, "File", "Export").menu().actions() if not a.isSeparator()]
    assert texts == [
        EXPORTERS[0].menu_text,
        "&Current event as a slide\u2026",
        *[item.menu_text for item in EXPORTERS[1:]],
    ]


def export_through_dialog(window, qtbot, name: str, answer, timeout: int = EXPORT_MS, events=None) -> list:
    """Run an export as the File menu does, answering its file dialog with ``answer``; the finished signal's args."""
    answer_file_dialog(qtbot, answer)
    with qtbot.waitSignal(window.exports.finished, timeout=timeout) as finished:
        assert window.exports.ask_and_export(name, events)
    return finished.args


def highlighted_pixels(image: QImage, top: float = 0.1, bottom: float = 0.9) -> int:
    """How many pixels of the highlight colours lie between ``top`` and ``bottom`` (fractions of the height)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    pixels = rows[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3)
    band = pixels[int(rgb.height() * top) : int(rgb.height() * bottom)]
    return sum(int(np.all(band == colour, axis=-1).sum()) for colour in HIGHLIGHT)


def test_slides_export_through_the_window(window, carr_index, tmp_path, qtbot):
    folder = tmp_path / "slides"
    folder.mkdir()
    events = ("treaty-of-dorpat", "treaty-of-rapallo")
    assert export_through_dialog(window, qtbot, "slides", folder, events=events) == [True, str(folder)]
    order = [e.id for e in carr_index.chronological]
    expected = sorted(slide_name(order.index(e) + 1, e) for e in events)
    assert sorted(p.name for p in folder.iterdir()) == expected
    for name in expected:
        image = QImage(str(folder / name))
        assert (image.width(), image.height()) == (1920, 1080)
        assert highlighted_pixels(image) > 1000, f"{name}: no highlighted place on the map"
    assert window.statusBar().currentMessage() == f"Exported to {folder}"
    assert not window.exports.running and window.exports.progress is None


def test_current_event_as_a_slide(window, carr_index, tmp_path, qtbot):
    entry = menu_action(window, "File", "Export", "Current event as a slide…")
    window.selection.clear()
    assert not entry.isEnabled()  # nothing to export without an event
    window.exports.ask_current_slide()  # and if asked anyway, it says why
    assert window.statusBar().currentMessage() == "Choose an event first."
    window.selection.select_event("treaty-of-rapallo")
    assert entry.isEnabled()
    folder = tmp_path / "one"
    folder.mkdir()
    answer_file_dialog(qtbot, folder)
    with qtbot.waitSignal(window.exports.finished, timeout=EXPORT_MS) as finished:
        entry.trigger()
    assert finished.args == [True, str(folder)]
    [slide] = folder.iterdir()
    order = [e.id for e in carr_index.chronological]
    assert slide.name == slide_name(order.index("treaty-of-rapallo") + 1, "treaty-of-rapallo")
    image = QImage(str(slide))
    assert (image.width(), image.height()) == (1920, 1080) and highlighted_pixels(image) > 1000
    assert window.selection.event == "treaty-of-rapallo"  # the window itself did not move


def test_handout_export_through_the_window_adds_pdf(window, carr_index, tmp_path, qtbot):
    from pypdf import PdfReader

    chosen = tmp_path / "handout"  # typed without ".pdf"
    target = tmp_path / "handout.pdf"
    assert export_through_dialog(window, qtbot, "pdf", chosen, timeout=HANDOUT_MS) == [True, str(target)]
    assert not chosen.exists()
    reader = PdfReader(str(target))
    # NFKC folds the typesetter's ligatures back into letters.
    text = unicodedata.normalize("NFKC", " ".join(" ".join(page.extract_text() for page in reader.pages).split()))
    # By default the handout follows the lecture: each step's event with its map.
    covered = [step.event for step in carr_index.tours[0].steps]
    missing = [e for e in covered if " ".join(carr_index.events[e].title.split()) not in text]
    assert missing == [], f"events of the lecture not in the handout: {missing}"
    assert sum(len(page.images) for page in reader.pages) == len(covered)


def test_web_page_export_through_the_window(window, carr_index, tmp_path, qtbot):
    target = tmp_path / "students.html"
    assert export_through_dialog(window, qtbot, "html", target) == [True, str(target)]
    page = target.read_text("utf-8")
    start = page.index('<script type="application/json" id="mapviewer-data">')
    data = json.loads(page[page.index(">", start) + 1 : page.index("</script>", start)])
    assert sorted(e["title"] for e in data["events"]) == sorted(e.title for e in carr_index.events.values())
    assert "<script src=" not in page and "<link" not in page  # nothing to fetch
    assert window.statusBar().currentMessage() == f"Exported to {target}"


def names_in(name: str, data: dict) -> list[str]:
    """What another tool reading the export lists: place names, or the events' descriptions."""
    if name == "lpf":
        return [f["properties"]["title"] for f in data["features"]]
    if name == "geojson":
        return [f["properties"]["name"] for f in data["features"]]
    assert data["type"] == "AnnotationCollection" and data["total"] == len(data["first"]["items"])
    return [b["value"] for item in data["first"]["items"] for b in item["body"] if b["purpose"] == "describing"]


@pytest.mark.parametrize("name, suffix", [("lpf", ".jsonld"), ("geojson", ".geojson"), ("annotations", ".jsonld")])
def test_data_exports_through_the_window(window, carr_index, tmp_path, qtbot, name, suffix):
    chosen = tmp_path / f"carr-{name}"  # typed without a suffix: the format's own is added
    target = chosen.with_name(chosen.name + suffix)
    assert export_through_dialog(window, qtbot, name, chosen) == [True, str(target)]
    data = json.loads(target.read_text("utf-8"))
    if name == "annotations":
        expected = [e.title for e in carr_index.events.values()]
    else:
        expected = [p.name for p in carr_index.places.values()]
    assert sorted(names_in(name, data)) == sorted(expected)
    assert window.statusBar().currentMessage() == f"Exported to {target}"


@pytest.mark.parametrize("name", ["html", "pdf"])
def test_export_into_a_missing_folder_fails_at_once(window, tmp_path, qtbot, name):
    target = tmp_path / "no-such-folder" / f"out.{name}"
    with qtbot.assertNotEmitted(window.exports.finished):
        answer_file_dialog(qtbot, target)
        assert not window.exports.ask_and_export(name)
        # Said before any map is drawn: no renderer, no progress dialog.
        assert window.exports.renderer is None and window.exports.progress is None
        text = close_error_box(window)
    assert str(target) in text and "does not exist" in text
    assert not target.parent.exists()


def test_cancelling_the_progress_dialog_stops_the_export(window, carr_index, tmp_path, qtbot):
    folder = tmp_path / "all-slides"
    folder.mkdir()
    answer_file_dialog(qtbot, folder)
    assert window.exports.ask_and_export("slides")  # the whole lecture: long enough to cancel
    progress = window.exports.progress
    qtbot.waitUntil(lambda: progress.isVisible() and any(folder.glob("*.png")), timeout=EXPORT_MS)  # under way
    # One export at a time.
    assert not window.exports.export("html", tmp_path / "meanwhile.html")
    assert "another export is still running" in close_error_box(window)
    with qtbot.waitSignal(window.exports.finished, timeout=EXPORT_MS) as finished:
        progress.findChild(QPushButton).click()  # its Cancel button
    assert finished.args == [False, "cancelled"]
    assert 0 < len(list(folder.glob("*.png"))) < len(carr_index.tours[0].steps)
    assert window.statusBar().currentMessage() == "Export cancelled"
    assert not window.exports.running and window.exports.progress is None
    assert not window.error_box.isVisible()  # cancelling is not an error
    # The next export runs as usual.
    target = tmp_path / "after.geojson"
    with qtbot.waitSignal(window.exports.finished, timeout=EXPORT_MS) as finished:
        assert window.exports.export("geojson", target)
    assert finished.args == [True, str(target)]


def test_a_slide_that_cannot_be_written_stops_the_export_and_says_which(window, carr_index, tmp_path, qtbot):
    folder = tmp_path / "slides"
    order = [e.id for e in carr_index.chronological]
    blocked = folder / slide_name(order.index("treaty-of-dorpat") + 1, "treaty-of-dorpat")
    blocked.mkdir(parents=True)  # a folder where the slide should go
    args = export_through_dialog(window, qtbot, "slides", folder, events=("treaty-of-dorpat", "treaty-of-rapallo"))
    assert args[0] is False and str(blocked) in close_error_box(window)
    assert not (folder / slide_name(order.index("treaty-of-rapallo") + 1, "treaty-of-rapallo")).exists()
    assert not window.exports.running


# ---- the renderer behind the exports and --screenshot ----------------------------------------------


def test_a_picture_of_the_window_as_it_stands(window, qtbot):
    from mapviewer.qt.offscreen import OffscreenRenderer

    window.selection.select_event("treaty-of-rapallo")
    renderer = OffscreenRenderer(window)
    pictures: list = []
    with qtbot.waitCallback(timeout=EXPORT_MS) as done:
        renderer.render_current(lambda event_id, image: pictures.append((event_id, image)), done)
    assert done.args == [None]
    [(event_id, image)] = pictures
    assert event_id == "treaty-of-rapallo"
    assert (image.width(), image.height()) == (window.width(), window.height())
    assert highlighted_pixels(image, 0.0, 1.0) > 500
    renderer.close()  # not its window: the reader's window stays open
    assert window.isVisible()
    renderer.deleteLater()


def test_a_map_that_never_settles_ends_the_render_with_a_message(window, qtbot, monkeypatch):
    from mapviewer.qt import offscreen

    monkeypatch.setattr(offscreen, "SETTLE_TIMEOUT_MS", 1000)
    renderer = offscreen.OffscreenRenderer(window)
    # A page that never reports: it also settles on its own (after a flight, a fade, labels), so
    # its messages are cut off altogether rather than only the requests for them.
    window.map_view.bridge.blockSignals(True)
    pictures: list = []
    with qtbot.waitCallback(timeout=10_000) as done:
        renderer.render(["treaty-of-rapallo"], "window", (1280, 800), lambda *picture: pictures.append(picture), done)
    window.map_view.bridge.blockSignals(False)
    assert done.args == ["the map did not settle within 1 s"] and pictures == []
    assert window.selection.event == "treaty-of-rapallo"
    renderer.deleteLater()


def test_new_place_through_its_dialog_with_the_gazetteer(window, riga, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    assert window.editor.open_path(riga)

    def look_up_reval(dialog) -> None:
        dialog.name.setText("Reval")
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "Look up").click()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    answer_dialog(qtbot, look_up_reval)
    menu_action(window, "Edit", "New place…").trigger()
    assert window.index.places["reval"].label == "Reval (Tallinn)"
    assert window.windowTitle().startswith("*") and menu_action(window, "Edit", "Undo New place").isEnabled()


def test_actions_that_need_a_selection_are_disabled_without_one(window, carr_index, qtbot):
    actions = window.editor_actions
    event_actions = actions.needs_event
    assert window.exports.current_slide_action in event_actions
    assert not any(a.isEnabled() for a in event_actions + actions.needs_place + actions.needs_words)
    window.selection.select_event("treaty-of-rapallo")
    assert all(a.isEnabled() for a in event_actions)
    window.selection.select_place("berlin")
    assert all(a.isEnabled() for a in actions.needs_place)
    window.passage_view.select_span((0, 5))
    assert all(a.isEnabled() for a in actions.needs_words)
    # Presenting rests every action; stopping gives back exactly what the selection allows.
    window.presentation.start("lecture", fullscreen=False, with_presenter=False)
    window.selection.select_event("treaty-of-dorpat")
    keyed = [a for a in event_actions if a in window.actions()]  # the ones a key could trigger
    assert keyed and not any(a.isEnabled() for a in keyed)
    window.presentation.stop()
    assert all(a.isEnabled() for a in event_actions)
    window.selection.clear()
    assert not any(a.isEnabled() for a in event_actions + actions.needs_place)


def test_open_recent_lists_one_saved_path_whole(qtbot, tmp_path):
    import shiboken6
    from PySide6.QtCore import QSettings

    from mapviewer.qt.main_window import MainWindow

    ini = str(tmp_path / "settings.ini")
    first = QSettings(ini, QSettings.Format.IniFormat)
    first.setValue("recent", ["/some/where/notes.index.json"])
    first.sync()
    window = MainWindow(
        load_index(resource_path("passages", "carr-1979-pp42-46.index.json")),
        QSettings(ini, QSettings.Format.IniFormat),
    )
    try:
        entries = [a.text() for a in window.editor_actions.recent_menu.actions()]
        assert entries == ["/some/where/notes.index.json"]
    finally:
        window.close()
        shiboken6.delete(window)

"""The window for screen readers, keyboards and the reader's own theme and type size."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QWidget

from mapviewer.qt.access import contrast_ratio

from .conftest import answer_dialog

RIGA = Path(__file__).parent / "data" / "riga-1921.txt"
CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def refocus(window, qtbot):
    """After a dialog closes, the offscreen platform does not give the window focus back."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def accessible_text(widget: QWidget, kind: QAccessible.Text) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, f"{widget!r} has no accessible interface"
    return interface.text(kind)


def focusable(root: QWidget) -> list[QWidget]:
    """The widgets a reader can Tab to under ``root`` (the map page's own widget counts as the map)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
            continue
        if not widget.isVisibleTo(root):
            continue  # a combo box's closed list
        parent = widget.parentWidget()
        if parent is not None and parent.focusProxy() is widget and not isinstance(parent, QDialogButtonBox):
            widget = parent  # the map's Chromium widget stands for the map view
        if widget not in found:
            found.append(widget)
    return found


# ---- screen readers ----------------------------------------------------------------


def test_every_control_of_the_window_and_its_dialogs_has_a_name_and_a_description(window, qtbot):
    from mapviewer.qt.dialogs import EventDialog, PlaceDialog, SuggestionsDialog

    window.lecture_panel.show()
    controls = focusable(window)
    views = {window.passage_view, window.event_table, window.map_view, window.timeline.slider}
    assert views <= set(controls)
    index = window.index
    event = next(iter(index.to_json()["events"]))
    dialogs = [
        EventDialog(index, event, window),
        PlaceDialog(index, None, window),
        SuggestionsDialog({"events": [event], "places": index.to_json()["places"]}, window, index.passage.text),
    ]
    for dialog in dialogs:
        controls += [w for w in focusable(dialog) if not isinstance(w.parent(), QFileDialog)]
    controls.append(window.status_label)
    unnamed = [
        (type(w).__name__, w.objectName(), accessible_text(w, QAccessible.Text.Name))
        for w in controls
        if not accessible_text(w, QAccessible.Text.Name).strip()
        or not accessible_text(w, QAccessible.Text.Description).strip()
    ]
    assert unnamed == [], unnamed
    names = {accessible_text(w, QAccessible.Text.Name) for w in views}
    assert names == {"Passage", "Events", "Map", "Map date"}
    for dialog in dialogs:
        dialog.deleteLater()


def test_menu_items_are_read_with_their_shortcuts(window):
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    assert [m.title().replace("&", "") for m in menus] == ["File", "Edit", "View", "Places", "Help"]
    file_menu = QAccessible.queryAccessibleInterface(menus[0])
    items = {
        file_menu.child(i).text(QAccessible.Text.Name): file_menu.child(i).text(QAccessible.Text.Accelerator)
        for i in range(file_menu.childCount())
    }
    assert items["Open\u2026"] == "Ctrl+O" and items["Save"] == "Ctrl+S"


def test_event_rows_are_read_with_their_date_title_and_places(window, carr_index):
    model = window.event_table.model()
    event = carr_index.chronological[0]
    spoken = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith(f"{event.date.label()}, {event.title}")
    assert all(carr_index.places[p].label in spoken for p in event.place_ids)


@pytest.fixture
def announcements(monkeypatch):
    """What the window asks a screen reader to say, in order."""
    said: list[str] = []
    original = QAccessible.updateAccessibility

    def record(event) -> None:
        if event.type() == QAccessible.Event.Announcement:
            said.append(event.message())
        original(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    return said


def test_the_selected_event_its_date_and_places_are_announced(window, carr_index, qtbot, announcements):
    window.event_table.setFocus()
    QTest.keyClick(window.event_table, Qt.Key.Key_Right)
    first = carr_index.chronological[0]
    places = ", ".join(carr_index.places[p].label for p in first.place_ids)
    expected = f"{first.title}, {first.date.label()}. Places: {places}."
    qtbot.waitUntil(lambda: announcements == [expected], timeout=2000)
    assert accessible_text(window.status_label, QAccessible.Text.Description) == expected

    QTest.keyClick(window.event_table, Qt.Key.Key_Right)
    second = carr_index.chronological[1]
    qtbot.waitUntil(lambda: len(announcements) == 2, timeout=2000)
    assert announcements[1].startswith(f"{second.title}, {second.date.label()}.")

    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(announcements) == 3, timeout=2000)
    assert announcements[2] == "No event selected."
    assert accessible_text(window.status_label, QAccessible.Text.Description) == "No event selected."


# Menus on the offscreen platform: it cannot raise a popup or grab the keyboard for it, and says so.
OFFSCREEN_MENUS = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")


def open_menu(window, qtbot, key: Qt.Key):
    QTest.keyClick(window, key, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    return QApplication.activePopupWidget()


@OFFSCREEN_MENUS
def test_a_place_and_its_events_are_read_from_the_places_menu(window, carr_index, qtbot, announcements):
    """What the map's popup shows for a place, reached with keys only and said as text."""
    window.selection.select_event("treaty-of-rapallo")
    refocus(window, qtbot)
    menu = open_menu(window, qtbot, Qt.Key.Key_P)
    rapallo = carr_index.events["treaty-of-rapallo"]
    texts = [a.text() for a in menu.actions()]
    # The selected event's places come first, then every place.
    assert texts[0] == f"Places of {rapallo.title}"
    first_places = [t.split(" \u2014 ")[0].lstrip("&") for t in texts[1 : 1 + len(rapallo.place_ids)]]
    assert first_places == [carr_index.places[p].label for p in rapallo.place_ids]
    # Typing a place's first letter goes to it; Right opens its submenu; Return on the first
    # entry shows it on the map.
    QTest.keyClick(menu, Qt.Key.Key_B)  # Berlin, the first of the places beginning with B
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not menu, timeout=2000)
    submenu = QApplication.activePopupWidget()
    berlin_events = carr_index.events_at("berlin")
    assert [a.text() for a in submenu.actions() if not a.isSeparator()][1:] == [
        f"{e.date.label()} \u2014 {e.title}" for e in berlin_events
    ]
    QTest.keyClick(submenu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.selection.place == "berlin", timeout=2000)
    qtbot.waitUntil(lambda: bool(announcements), timeout=2000)
    assert announcements[-1].startswith(f"Place Berlin: {len(berlin_events)} events: ")
    assert all(e.title in announcements[-1] for e in berlin_events)

    # And an event of the place is chosen from the same submenu.
    refocus(window, qtbot)
    menu = open_menu(window, qtbot, Qt.Key.Key_P)
    QTest.keyClick(menu, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not menu, timeout=2000)
    submenu = QApplication.activePopupWidget()
    for _ in berlin_events:  # past "Show Berlin on the map" to the last event
        QTest.keyClick(submenu, Qt.Key.Key_Down)
    QTest.keyClick(submenu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.selection.event == berlin_events[-1].id, timeout=2000)


# ---- keyboard ------------------------------------------------------------------------


def test_tab_goes_through_the_views_in_the_order_they_are_laid_out(window, qtbot):
    window.lecture_panel.show()
    panel = window.lecture_panel
    expected = [
        window.passage_view,
        window.event_table,
        window.map_view,
        window.timeline.slider,
        panel.chooser,
        panel.new_button,
        panel.delete_button,
        panel.title_edit,
        panel.steps_view,
    ]
    order = []
    widget = window.passage_view
    for _ in range(200):
        if widget in expected and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is window.passage_view:
            break
    assert order == expected


def ring_colour(window) -> QColor:
    return window.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)


def has_ring(window, widget: QWidget) -> bool:
    """Whether the widget's edge, on the screen, is drawn in the focus ring's colour."""
    image = window.grab().toImage()
    top_left = widget.mapTo(window, widget.rect().topLeft())
    rect = QRect(top_left, widget.size())
    wanted = ring_colour(window)
    edge = [image.pixelColor(rect.left() + 1, y) for y in range(rect.top() + 10, rect.bottom() - 10, 7)] + [
        image.pixelColor(x, rect.top() + 1) for x in range(rect.left() + 10, rect.right() - 10, 7)
    ]
    return sum(c == wanted for c in edge) > 0.9 * len(edge)


def test_the_view_with_the_keyboard_focus_is_ringed(window, qtbot):
    refocus(window, qtbot)
    window.passage_view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: has_ring(window, window.passage_view), timeout=2000)
    assert not has_ring(window, window.event_table)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.event_table
    qtbot.waitUntil(lambda: has_ring(window, window.event_table), timeout=2000)
    assert not has_ring(window, window.passage_view)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.map_view.isAncestorOf(QApplication.focusWidget()), timeout=2000)
    qtbot.waitUntil(lambda: has_ring(window, window.map_view), timeout=2000)


def test_shift_and_ctrl_shift_arrows_select_words_in_the_passage(window, carr_index, qtbot):
    view = window.passage_view
    refocus(window, qtbot)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right)  # Right alone still chooses the next event
    first = carr_index.chronological[0]
    assert window.selection.event == first.id
    words = first.anchor.exact.split(" ")
    for _ in range(3):
        QTest.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
    QTest.keyClick(view, Qt.Key.Key_Left, SHIFT)  # the space after the third word
    assert view.textCursor().selectedText() == " ".join(words[:3])
    start = first.span[0]
    assert view.selected_span() == (start, start + len(" ".join(words[:3])))
    assert window.editor_actions.needs_words[0].isEnabled()  # Ctrl+E can make an event of them
    assert window.selection.event == first.id  # selecting words chose nothing


def answer_by_keys(qtbot, keys) -> None:
    """Answer the next dialog with ``keys(dialog)`` once it has the keyboard (typed before, a file
    dialog's path loses its folders: the dialog writes the file it finds over it). A dialog
    whose answer fails is closed, so the test fails instead of waiting for it."""

    def act(dialog) -> None:
        try:
            qtbot.waitUntil(lambda: (f := QApplication.focusWidget()) is not None and f.window() is dialog)
            keys(dialog)
        except BaseException:
            dialog.reject()
            raise

    answer_dialog(qtbot, act)


@OFFSCREEN_MENUS
def test_keyboard_only_from_opening_a_passage_to_saving_an_event_made_of_its_words(window, qtbot, tmp_path):
    passage = tmp_path / "riga-1921.txt"
    shutil.copy(RIGA, passage)
    saved = tmp_path / "riga-1921.index.json"

    def type_path(path: Path):
        def answer(dialog) -> None:
            assert isinstance(dialog, QFileDialog), f"expected a file dialog, got {dialog!r}"
            field = QApplication.focusWidget()
            QTest.keyClick(field, Qt.Key.Key_A, CTRL)
            QTest.keyClicks(field, str(path))
            QTest.keyClick(field, Qt.Key.Key_Return)

        return answer

    # File > Open with Alt+F, O; the path typed into the file dialog.
    refocus(window, qtbot)
    menu = open_menu(window, qtbot, Qt.Key.Key_F)
    answer_by_keys(qtbot, type_path(passage))
    QTest.keyClick(menu, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: window.index.passage.name == "riga-1921.txt", timeout=10_000)

    # Tab to the passage, Down to its first line, Ctrl+Right to "The Treaty of Riga".
    refocus(window, qtbot)
    view = window.passage_view
    for _ in range(10):
        if QApplication.focusWidget() is view:
            break
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view
    text = window.index.passage.text
    words = "Treaty of Riga"
    target = view.doc_position(text.index(words))
    QTest.keyClick(view, Qt.Key.Key_Down)
    for _ in range(60):
        if view.textCursor().position() >= target:
            break
        QTest.keyClick(view, Qt.Key.Key_Right, CTRL)
    assert view.textCursor().position() == target
    for _ in range(3):
        QTest.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
    QTest.keyClick(view, Qt.Key.Key_Left, SHIFT)
    assert view.textCursor().selectedText() == words

    # Ctrl+E: the event's dialog, filled with keys and accepted with Return.
    def fill(dialog) -> None:
        field = QApplication.focusWidget()
        assert field is dialog.title
        QTest.keyClick(field, Qt.Key.Key_A, CTRL)
        QTest.keyClicks(field, "Treaty of Riga signed")
        QTest.keyClick(field, Qt.Key.Key_Tab)
        date = QApplication.focusWidget()
        assert date is dialog.date
        QTest.keyClick(date, Qt.Key.Key_A, CTRL)
        QTest.keyClicks(date, "1921-03-18")
        QTest.keyClick(date, Qt.Key.Key_Return)

    answer_by_keys(qtbot, fill)
    QTest.keyClick(view, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: len(window.index.events) == 1, timeout=10_000)

    # Ctrl+S writes the index beside the passage.
    refocus(window, qtbot)
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(saved.exists, timeout=10_000)
    events = json.loads(saved.read_text("utf-8"))["events"]
    assert [(e["title"], e["date"], e["anchor"]["exact"]) for e in events] == [
        ("Treaty of Riga signed", "1921-03-18", words)
    ]


# ---- the reader's theme and type size ------------------------------------------------


DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#333333",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.Highlight: "#4d8fe0",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    QPalette.ColorRole.ToolTipBase: "#333333",
    QPalette.ColorRole.ToolTipText: "#e8e8e8",
    QPalette.ColorRole.Mid: "#444444",
    QPalette.ColorRole.Dark: "#151515",
    QPalette.ColorRole.Light: "#505050",
}
# Windows' "High Contrast Black": white on black, cyan selection.
HIGH_CONTRAST = {
    **DARK,
    QPalette.ColorRole.Window: "#000000",
    QPalette.ColorRole.WindowText: "#ffffff",
    QPalette.ColorRole.Base: "#000000",
    QPalette.ColorRole.AlternateBase: "#000000",
    QPalette.ColorRole.Text: "#ffffff",
    QPalette.ColorRole.Button: "#000000",
    QPalette.ColorRole.ButtonText: "#ffffff",
    QPalette.ColorRole.Highlight: "#1aebff",
    QPalette.ColorRole.HighlightedText: "#000000",
}


def dark_palette(colours: dict = DARK) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture(params=[DARK, HIGH_CONTRAST], ids=["dark", "high contrast"])
def dark_theme(qapp, request):
    """The system's dark or high-contrast theme, as Qt hands it to the application (its
    background colour given to the test); the light one comes back after."""
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette(request.param))
    qapp.processEvents()  # the widgets hear of a new palette from the event loop
    yield QColor(request.param[QPalette.ColorRole.Base])
    qapp.setPalette(before)
    qapp.processEvents()


def measured_contrast(image: QImage, rect: QRect) -> float:
    """Contrast of the text drawn in ``rect`` against its background, from the pixels: the most
    common colour is the background, the colour farthest from it the text."""
    colours = Counter(
        image.pixel(x, y)
        for x in range(max(0, rect.left()), min(image.width(), rect.right()))
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom()))
    )
    background = QColor.fromRgb(colours.most_common(1)[0][0])
    return max(contrast_ratio(QColor.fromRgb(c), background) for c in colours)


def line_rect(view, doc_start: int, characters: int) -> QRect:
    """The strip of the viewport that shows ``characters`` from ``doc_start`` (on one line), less
    a pixel at each end where the next character or the caret may begin."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(doc_start)
    first = view.cursorRect(cursor)
    cursor.setPosition(doc_start + characters)
    last = view.cursorRect(cursor)
    assert first.top() == last.top(), "the strip measured must lie on one line"
    return QRect(first.left() + 2, first.top() + 1, last.left() - first.left() - 3, first.height() - 2)


def test_the_passage_follows_a_dark_theme_and_stays_readable(window, carr_index, qtbot, dark_theme):
    view = window.passage_view
    background = dark_theme
    qtbot.waitUntil(lambda: view.palette().color(QPalette.ColorRole.Base) == background)
    view.verticalScrollBar().setValue(0)
    image = view.viewport().grab().toImage()
    # The background is the theme's, not the light page it was.
    assert QColor(image.pixel(4, 4)) == background
    measured = {"heading": measured_contrast(image, line_rect(view, 0, 8))}
    for paragraph in carr_index.passage.paragraphs:
        strip = line_rect(view, view.doc_position(paragraph.start), 8)
        if (
            paragraph.kind in ("intro", "body", "source")
            and paragraph.kind not in measured
            and 0 <= strip.top()
            and strip.bottom() < view.viewport().height()
        ):
            measured[paragraph.kind] = measured_contrast(image, strip)
    event = carr_index.events["treaty-of-rapallo"]
    window.selection.select_event(event.id)
    strip = line_rect(view, view.doc_position(event.span[0]) + 1, 8)  # inside the highlight, past the caret
    image = view.viewport().grab().toImage()
    measured["event's words"] = measured_contrast(image, strip)
    highlight = QColor(image.pixel(strip.left() + 1, strip.top() + 1))
    window.selection.select_place("berlin")
    mention = carr_index.mention_spans["berlin"][0]
    view._scroll_to(mention)
    strip = line_rect(view, view.doc_position(mention[0]) + 1, 4)
    measured["place's name"] = measured_contrast(view.viewport().grab().toImage(), strip)
    assert {"heading", "intro", "body"} <= set(measured)
    assert min(measured.values()) >= 4.5, measured
    # The highlight is still a highlight: its background is not the page's.
    assert contrast_ratio(highlight, background) > 1.5


def test_the_event_highlight_is_readable_on_light_and_dark_themes(window, carr_index, qtbot, qapp):
    view = window.passage_view
    event = carr_index.events["treaty-of-rapallo"]
    window.selection.select_event(event.id)
    before = QPalette(qapp.palette())
    results = {}
    try:
        for name in ("light", "dark"):
            if name == "dark":
                qapp.setPalette(dark_palette())
                qtbot.waitUntil(lambda: view.palette().color(QPalette.ColorRole.Base) == QColor("#1e1e1e"))
            image = view.viewport().grab().toImage()
            results[name] = measured_contrast(image, line_rect(view, view.doc_position(event.span[0]) + 1, 8))
    finally:
        qapp.setPalette(before)
        qapp.processEvents()  # the widgets hear of a new palette from the event loop
    assert min(results.values()) >= 4.5, results


def test_the_type_size_chosen_with_ctrl_plus_comes_back_after_a_restart(qtbot, carr_index, tmp_path):
    from mapviewer.qt.main_window import MainWindow

    ini = str(tmp_path / "settings.ini")
    first = MainWindow(carr_index, QSettings(ini, QSettings.Format.IniFormat))
    first.show()
    refocus(first, qtbot)
    size = first.passage_view.font_size
    for _ in range(3):
        QTest.keyClick(first, Qt.Key.Key_Plus, CTRL)
    larger = first.passage_view.font_size
    assert larger == size + 3
    list_points = first.event_table.font().pointSizeF()
    first.close()
    shiboken6.delete(first)

    again = MainWindow(carr_index, QSettings(ini, QSettings.Format.IniFormat))
    try:
        assert again.passage_view.font_size == larger
        assert again.event_table.font().pointSizeF() == pytest.approx(list_points)
    finally:
        again.close()
        shiboken6.delete(again)

"""Presentation mode driven with real key events, as a lecturer's clicker sends them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from .conftest import wait_for_state


def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier, text=""):
    # Keys go to whatever has focus during a talk; the map is the usual culprit.
    target = window.map_view.focusProxy() or window.map_view
    QTest.keyClick(target, key, modifiers)


def test_f5_starts_the_audience_layout_and_esc_leaves(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert window.presentation.active
    qtbot.waitUntil(window.isFullScreen)
    assert not window.menuBar().isVisible() and not window.left.isVisible()
    assert window.presentation.banner.isVisible() and window.presentation.sentence.isVisible()
    wait_for_state(qtbot, window.map_view, lambda s: s["presenting"])
    press(window, Qt.Key.Key_Escape)
    assert not window.presentation.active
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.menuBar().isVisible() and window.left.isVisible()
    wait_for_state(qtbot, window.map_view, lambda s: not s["presenting"])


def test_clicker_follows_the_lecture_sequence(window, carr_index, qtbot):
    steps = [s.event for s in carr_index.tours[0].steps]
    window.toggle_presentation()
    seen = []
    for key in [Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space]:
        press(window, key)
        seen.append(window.selection.event)
    assert seen == steps[:4]
    event = carr_index.events[steps[3]]
    assert window.presentation.banner.text() == f"{event.date.label()} \u2014 {event.title}"
    assert window.presentation.sentence.text() == event.quote and event.anchor.exact in event.quote
    press(window, Qt.Key.Key_PageUp)
    assert window.selection.event == steps[2]
    press(window, Qt.Key.Key_Left)
    press(window, Qt.Key.Key_Up)
    assert window.selection.event == steps[0]
    press(window, Qt.Key.Key_End)
    assert window.selection.event == steps[-1]
    press(window, Qt.Key.Key_Home)
    assert window.selection.event == steps[0]
    press(window, Qt.Key.Key_1)
    press(window, Qt.Key.Key_1)
    press(window, Qt.Key.Key_Return)
    assert window.selection.event == steps[10]
    state = wait_for_state(qtbot, window.map_view, lambda s: s["event"] == steps[10])
    assert state["highlighted"] == sorted(carr_index.events[steps[10]].place_ids)
    window.presentation.stop()


def test_black_screen_and_any_key_returns(window, carr_index, qtbot):
    window.toggle_presentation()
    press(window, Qt.Key.Key_PageDown)
    first = window.selection.event
    press(window, Qt.Key.Key_B)
    assert window.presentation.black_screen.isVisible()
    assert window.presentation.black_screen.geometry() == window.rect()
    press(window, Qt.Key.Key_PageDown)  # only lifts the black
    assert not window.presentation.black_screen.isVisible()
    assert window.selection.event == first
    press(window, Qt.Key.Key_Period)
    assert window.presentation.black_screen.isVisible()
    press(window, Qt.Key.Key_A)
    assert not window.presentation.black_screen.isVisible()
    window.presentation.stop()


def test_type_size_grows_and_shrinks(window, qtbot):
    window.toggle_presentation()
    size = window.presentation.banner.font().pointSizeF()
    press(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    press(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.presentation.banner.font().pointSizeF() == size + 4
    assert window.presentation.sentence.font().pointSizeF() > size * 0.85
    press(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.presentation.banner.font().pointSizeF() == size + 2
    window.presentation.stop()


def test_date_order_without_a_lecture_sequence(window, carr_index):
    window.presentation.start(tour_id="")
    press(window, Qt.Key.Key_PageDown)
    press(window, Qt.Key.Key_PageDown)
    assert window.selection.event == carr_index.chronological[1].id
    window.presentation.stop()


def test_presenter_view_shows_now_next_and_the_note(window, carr_index, qtbot):
    steps = carr_index.tours[0].steps
    window.presentation.start(tour_id="lecture", with_presenter=True)
    presenter = window.presentation.presenter
    assert presenter.position.text() == f"Before the first step ({len(steps)} in all)"
    press(window, Qt.Key.Key_PageDown)
    assert presenter.position.text() == f"Step 1 of {len(steps)}"
    assert carr_index.events[steps[0].event].title in presenter.current.text()
    following = carr_index.events[steps[1].event]
    assert following.title in presenter.following.text() and following.date.label() in presenter.following.text()
    assert all(carr_index.places[p].label in presenter.following_places.text() for p in following.place_ids)
    assert presenter.note.text() == steps[0].note
    # The note follows the type size.
    before = presenter.note.font().pointSizeF()
    press(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert presenter.note.font().pointSizeF() == before + 2
    qtbot.waitUntil(lambda: presenter.elapsed.text() == "0:01", timeout=3000)
    presenter.pause_button.click()
    assert presenter.paused and presenter.pause_button.text() == "Resume timer"
    presenter.reset_button.click()
    assert presenter.elapsed.text() == "0:00"
    # Keys work from the presenter's window too.
    QTest.keyClick(presenter, Qt.Key.Key_PageDown)
    assert window.selection.event == steps[1].event
    QTest.keyClick(presenter, Qt.Key.Key_Escape)
    assert not window.presentation.active and window.presentation.presenter is None


def test_rehearsal_opens_the_presenter_view_with_one_screen(window, carr_index, qtbot):
    QTest.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert window.presentation.active and window.presentation.presenter is not None
    assert not window.isFullScreen()
    window.presentation.stop()


def test_an_event_chosen_any_way_moves_banner_presenter_and_clicker_together(window, carr_index, qtbot):
    steps = [s.event for s in carr_index.tours[0].steps]
    window.presentation.start(tour_id="lecture", with_presenter=True)
    presenter = window.presentation.presenter
    press(window, Qt.Key.Key_PageDown)
    press(window, Qt.Key.Key_PageDown)
    assert window.selection.event == steps[1]

    def agree(event_id, following):
        event = carr_index.events[event_id]
        assert window.presentation.banner.text() == f"{event.date.label()} \u2014 {event.title}"
        assert event.title in presenter.current.text()
        assert carr_index.events[following].title in presenter.following.text()

    # From a place's popup on the map (the page calls the bridge).
    window.map_view.bridge.eventChosen(steps[5])
    assert window.selection.event == steps[5]
    agree(steps[5], steps[6])
    press(window, Qt.Key.Key_PageDown)  # the clicker goes on from there, not from step 2
    assert window.selection.event == steps[6]
    agree(steps[6], steps[7])

    # An event that is not a step of the lecture, from the event list.
    order = [e.id for e in carr_index.chronological]
    outside = order[12]
    assert outside not in steps
    window.event_table.event_activated.emit(outside)
    assert window.selection.event == outside
    agree(outside, steps[3])
    assert "not a step of the lecture" in presenter.current.text()
    press(window, Qt.Key.Key_PageDown)
    assert window.selection.event == steps[3]
    state = wait_for_state(qtbot, window.map_view, lambda s: s["event"] == steps[3])
    assert state["highlighted"] == sorted(carr_index.events[steps[3]].place_ids)
    window.presentation.stop()

"""The lecture builder in the window: a lecture built, reordered, annotated, saved and presented."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mapviewer.model.index import load_index
from mapviewer.model.lectures import step_rows

from .conftest import page_state, settled_state


def shown_steps(panel) -> list[str]:
    """The step list as the lecturer reads it, one line per step (the note line left out)."""
    model = panel.steps_view.model()
    return [model.index(row).data().split("\n")[0] for row in range(model.rowCount())]


def step_line(index, number, event_id) -> str:
    event = index.events[event_id]
    return f"{number}.  {event.date.label()} \u2014 {event.title}"


def open_panel(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.lecture_panel.isVisible, timeout=5000)
    return window.lecture_panel


def click(qtbot, widget):
    assert widget.isEnabled(), f"{widget.text() if hasattr(widget, 'text') else widget} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_step(qtbot, panel, row):
    view = panel.steps_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(row)).center())


def drag_step(panel, row, before_row):
    """Drop step ``row`` above step ``before_row`` as the list view receives a drag."""
    view = panel.steps_view
    model = view.model()
    mime: QMimeData = model.mimeData([model.index(row)])
    target = view.visualRect(model.index(before_row)).topLeft() + QPoint(10, 1)
    viewport = view.viewport()
    args = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(target, *args)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted(), "the step list refused the drag"
    move = QDragMoveEvent(target, *args)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted(), "the step list refused the drop position"
    drop = QDropEvent(target.toPointF(), *args)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()


def test_build_a_lecture_from_nothing_reorder_annotate_undo_save_and_reload(window, carr_index, qtbot, tmp_path):
    assert not window.lecture_panel.isVisible()  # hidden until asked for
    panel = open_panel(window, qtbot)
    assert len(shown_steps(panel)) == 12
    click(qtbot, panel.delete_button)  # start from nothing: the Carr lecture goes (undoably)
    assert shown_steps(panel) == [] and window.index.tours == ()
    assert f"all {len(carr_index.events)} events in date order" in panel.empty_label.text()
    assert not panel.add_button.isEnabled()  # nothing selected

    order = [e.id for e in carr_index.chronological]
    first, second, third, fourth = order[2], order[9], order[20], order[30]
    for event_id in (first, second, third, fourth):
        window.selection.select_event(event_id)
        click(qtbot, panel.add_button)
        assert not panel.add_button.isEnabled()  # it is a step now
    index = window.index
    assert shown_steps(panel) == [step_line(index, n, e) for n, e in enumerate((first, second, third, fourth), 1)]
    assert panel.chooser.currentText() == "Lecture  (4 steps)" and panel.title_edit.text() == "Lecture"
    assert window.windowTitle().startswith("*")

    # Alt+Up moves the selected step (the last added) up twice; Alt+Down once.
    panel.steps_view.setFocus()
    QTest.keyClick(panel.steps_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(panel.steps_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [r.event for r in step_rows(window.index)] == [first, fourth, second, third]
    QTest.keyClick(panel.steps_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [r.event for r in step_rows(window.index)] == [first, second, fourth, third]
    assert window.selection.event == fourth and panel.steps_view.currentIndex().row() == 2
    assert not panel.down_button.isEnabled() or panel.steps_view.currentIndex().row() < 3

    # Drag the first step and drop it above the last.
    drag_step(panel, 0, 3)
    assert [r.event for r in step_rows(window.index)] == [second, fourth, first, third]
    assert shown_steps(panel)[2] == step_line(window.index, 3, first)

    # A click on a step chooses its event; the note typed there is kept when the list is clicked again.
    click_step(qtbot, panel, 1)
    assert window.selection.event == fourth
    assert panel.note_label.text() == "Speaker note for step 2"
    panel.note_edit.setFocus()
    QTest.keyClicks(panel.note_edit, "Ask the room: why here?")
    click_step(qtbot, panel, 0)
    assert window.selection.event == second
    assert step_rows(window.index)[1].note == "Ask the room: why here?"
    assert panel.steps_view.model().index(1).data().endswith("\n      Ask the room: why here?")
    assert panel.note_edit.toPlainText() == ""  # step 1's note, which is empty

    # "Use the current view": the step keeps where the map is now.
    window.map_view.call("setView", {"lat": 54.0, "lon": 24.0, "zoom": 6})
    state = settled_state(qtbot, window.map_view)
    assert state["zoom"] == 6
    click(qtbot, panel.use_view_button)
    qtbot.waitUntil(lambda: step_rows(window.index)[0].view is not None, timeout=10_000)
    view = step_rows(window.index)[0].view
    assert (view["lat"], view["lon"], view["zoom"]) == (
        round(state["center"][0], 4),
        round(state["center"][1], 4),
        6,
    )
    assert panel.view_label.text().startswith("Map at step 1: 5") and "zoom 6" in panel.view_label.text()
    assert "[saved view]" in panel.steps_view.model().index(0).data()
    # Editing the lecture leaves the map where the lecturer put it (no flight back to the places).
    after = settled_state(qtbot, window.map_view)
    assert (after["center"], after["zoom"]) == (state["center"], state["zoom"])

    # Undo (Ctrl+Z) takes back the view, then the note; redo brings both back.
    panel.steps_view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert step_rows(window.index)[0].view is None
    assert "[saved view]" not in panel.steps_view.model().index(0).data()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert step_rows(window.index)[1].note == ""
    QTest.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert step_rows(window.index)[1].note == "Ask the room: why here?" and step_rows(window.index)[0].view == view

    # Name the lecture, save, and open the saved file again.
    panel.title_edit.setFocus()
    panel.title_edit.selectAll()
    QTest.keyClicks(panel.title_edit, "Riga and after")
    QTest.keyClick(panel.title_edit, Qt.Key.Key_Return)
    assert panel.chooser.currentText() == "Riga and after  (4 steps)"
    built = [(r.event, r.note, r.view) for r in step_rows(window.index)]
    saved = tmp_path / "carr.index.json"
    assert window.editor.save_as(saved)
    assert not window.windowTitle().startswith("*")
    assert window.editor.open_path(saved)
    assert [(r.event, r.note, r.view) for r in step_rows(window.index)] == built
    assert panel.chooser.currentText() == "Riga and after  (4 steps)"
    assert shown_steps(panel)[0] == step_line(window.index, 1, second)
    assert load_index(saved).tours[0].title == "Riga and after"


def test_f5_presents_the_chosen_lecture_from_the_current_selection(window, carr_index, qtbot):
    panel = open_panel(window, qtbot)
    click(qtbot, panel.new_button)
    assert panel.title_edit.hasFocus() and panel.title_edit.selectedText() == "New lecture"
    QTest.keyClicks(panel.title_edit, "Short")
    QTest.keyClick(panel.title_edit, Qt.Key.Key_Return)
    order = [e.id for e in carr_index.chronological]
    chosen = [order[40], order[5], order[22], order[11]]
    for event_id in chosen:
        window.selection.select_event(event_id)
        click(qtbot, panel.add_button)
    assert [panel.chooser.itemText(i) for i in range(panel.chooser.count())] == [
        "From Paris to Rapallo: a twelve-step lecture  (12 steps)",
        "Short  (4 steps)",
        "All events, in date order",
    ]
    assert panel.chooser.currentText() == "Short  (4 steps)"

    # Start from step 2 of the chosen lecture: PageDown goes to step 3, not to the first step.
    click_step(qtbot, panel, 1)
    assert window.selection.event == chosen[1]
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert window.presentation.active and not panel.isVisible()  # the audience never sees the builder
    clicker = window.map_view.focusProxy()
    QTest.keyClick(clicker, Qt.Key.Key_PageDown)
    assert window.selection.event == chosen[2]
    QTest.keyClick(clicker, Qt.Key.Key_PageDown)
    assert window.selection.event == chosen[3]
    QTest.keyClick(clicker, Qt.Key.Key_PageDown)  # the end of "Short": no more steps
    assert window.selection.event == chosen[3]
    QTest.keyClick(clicker, Qt.Key.Key_Home)
    assert window.selection.event == chosen[0]
    QTest.keyClick(clicker, Qt.Key.Key_Escape)
    assert not window.presentation.active
    qtbot.waitUntil(panel.isVisible, timeout=5000)
    # A rehearsal (one screen, presenter view beside) hides the builder too.
    QTest.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert window.presentation.active and not panel.isVisible()
    QTest.keyClick(window.map_view.focusProxy(), Qt.Key.Key_Escape)
    qtbot.waitUntil(panel.isVisible, timeout=5000)

    # Choose the Carr lecture with the keyboard on the chooser; F5 now presents its 12 steps.
    carr = [s.event for s in carr_index.tours[0].steps]
    panel.chooser.setFocus()
    QTest.keyClick(panel.chooser, Qt.Key.Key_Up)
    assert window.index.lecture == "lecture" and len(shown_steps(panel)) == 12
    window.selection.select_event(carr[6])
    QTest.keyClick(window, Qt.Key.Key_F5)
    QTest.keyClick(window.map_view.focusProxy(), Qt.Key.Key_PageDown)
    assert window.selection.event == carr[7]
    QTest.keyClick(window.map_view.focusProxy(), Qt.Key.Key_Escape)

    # "All events": F5 steps through every event in date order.
    panel.chooser.setFocus()
    QTest.keyClick(panel.chooser, Qt.Key.Key_End)
    assert window.index.lecture == "" and shown_steps(panel) == []
    window.selection.select_event(order[17])
    QTest.keyClick(window, Qt.Key.Key_F5)
    QTest.keyClick(window.map_view.focusProxy(), Qt.Key.Key_PageDown)
    assert window.selection.event == order[18]
    QTest.keyClick(window.map_view.focusProxy(), Qt.Key.Key_Escape)

    # Each choice was one undoable step: undo twice and "Short" is chosen again.
    window.document.undo()
    window.document.undo()
    assert panel.chooser.currentText() == "Short  (4 steps)" and len(shown_steps(panel)) == 4


def test_a_step_with_a_saved_view_flies_there_when_presented(window, carr_index, qtbot):
    panel = open_panel(window, qtbot)
    steps = [s.event for s in carr_index.tours[0].steps]
    window.selection.select_event(steps[2])
    window.map_view.call("setView", {"lat": 48.0, "lon": 10.0, "zoom": 7})
    settled_state(qtbot, window.map_view)
    click(qtbot, panel.use_view_button)
    qtbot.waitUntil(lambda: step_rows(window.index)[2].view is not None, timeout=10_000)
    window.selection.select_event(steps[1])
    settled_state(qtbot, window.map_view)
    assert page_state(qtbot, window.map_view)["zoom"] != 7
    QTest.keyClick(window, Qt.Key.Key_F5)
    QTest.keyClick(window.map_view.focusProxy(), Qt.Key.Key_PageDown)
    assert window.selection.event == steps[2]
    state = settled_state(qtbot, window.map_view)
    assert state["zoom"] == 7 and abs(state["center"][0] - 48.0) < 0.01 and abs(state["center"][1] - 10.0) < 0.01
    QTest.keyClick(window.map_view.focusProxy(), Qt.Key.Key_Escape)
    # Back in the builder, "Frame its places" forgets the view.
    window.selection.select_event(steps[2])
    click(qtbot, panel.clear_view_button)
    assert step_rows(window.index)[2].view is None
    assert panel.view_label.text() == "Map at step 3: framed to the event's places"


def test_a_note_is_kept_while_typing_so_saving_never_loses_it(window, qtbot, tmp_path):
    panel = open_panel(window, qtbot)
    first = window.index.tours[0].steps[0].event
    window.selection.select_event(first)
    panel.note_edit.setFocus()
    panel.note_edit.selectAll()
    QTest.keyClicks(panel.note_edit, "Paris first.")
    qtbot.waitUntil(lambda: step_rows(window.index)[0].note == "Paris first.", timeout=5000)
    assert panel.note_edit.hasFocus() and window.windowTitle().startswith("*")
    assert window.editor.save_as(tmp_path / "carr.index.json")
    assert load_index(tmp_path / "carr.index.json").tours[0].steps[0].note == "Paris first."
    # The clicker moving on while the box still has focus keeps the note with its own step.
    QTest.keyClicks(panel.note_edit, " Then Copenhagen.")
    window.selection.step(+1)
    assert step_rows(window.index)[0].note == "Paris first. Then Copenhagen."

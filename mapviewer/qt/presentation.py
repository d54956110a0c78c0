"""Presentation mode: the audience layout, clicker keys, black screen and the presenter's view."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ..model.document import Document
from ..model.index import PlaceEventIndex
from ..model.presentation import Presentation
from ..model.selection import Selection

# Clicker keys (PageDown/PageUp) and the keyboard's equivalents.
KEYS = {
    Qt.Key.Key_PageDown: "next",
    Qt.Key.Key_Right: "next",
    Qt.Key.Key_Down: "next",
    Qt.Key.Key_Space: "next",
    Qt.Key.Key_PageUp: "prev",
    Qt.Key.Key_Left: "prev",
    Qt.Key.Key_Up: "prev",
    Qt.Key.Key_Home: "first",
    Qt.Key.Key_End: "last",
    Qt.Key.Key_B: "black",
    Qt.Key.Key_Period: "black",
    Qt.Key.Key_Return: "enter",
    Qt.Key.Key_Enter: "enter",
}
DEFAULT_POINTS = 26.0
BANNER_STYLE = "background: #1f2a36; color: #ffffff; padding: 10px 18px;"
SENTENCE_STYLE = "background: #fdf6ec; color: #111111; padding: 12px 18px; border-top: 4px solid #d35400;"


class PresenterView(QWidget):
    """The lecturer's own screen: the current and next step, the speaker note, the time."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("mapviewer \u2014 presenter")
        self.current = QLabel()
        self.following = QLabel()
        self.note = QLabel()
        self.clock = QLabel("0:00")
        for label in (self.current, self.following, self.note):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        big = QFont()
        big.setPointSize(22)
        big.setBold(True)
        self.current.setFont(big)
        self.clock.setFont(big)
        grid = QGridLayout(self)
        grid.addWidget(QLabel("Now"), 0, 0)
        grid.addWidget(self.current, 1, 0)
        grid.addWidget(self.clock, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(QLabel("Speaker note"), 2, 0)
        grid.addWidget(self.note, 3, 0, 1, 2)
        grid.addWidget(QLabel("Next"), 4, 0)
        grid.addWidget(self.following, 5, 0, 1, 2)
        grid.setRowStretch(3, 1)
        self._elapsed = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._elapsed.start()
        self._timer.start(1000)

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        seconds = self._elapsed.elapsed() // 1000
        self.clock.setText(f"{seconds // 60}:{seconds % 60:02d}")

    def show_steps(self, show: Presentation, selected: str | None) -> None:
        index = show.index
        current, following = show.current(selected), show.following(selected)
        if current:
            self.current.setText(_step_title(index, current))
        elif selected:
            self.current.setText(_event_title(index, selected) + "  (not a step of the lecture)")
        else:
            self.current.setText("(before the first event)")
        self.following.setText(_step_title(index, following) if following else "(the end)")
        self.note.setText(current.note if current and current.note else "")


def _step_title(index: PlaceEventIndex, step) -> str:
    return _event_title(index, step.event)


def _event_title(index: PlaceEventIndex, event_id: str) -> str:
    event = index.events[event_id]
    return f"{event.date.label()} \u2014 {event.title}"


class PresentationMode(QObject):
    """Turns the main window into the audience's view and back; owns the clicker keys.

    The lecture's position is the selection's: a key chooses the next step's event, and
    whatever chooses an event (a key, the map, the list) moves banner and presenter view.
    """

    def __init__(self, window, document: Document, selection: Selection, map_view, resting_widgets) -> None:
        super().__init__(window)
        self.window = window
        self.selection = selection
        self.map_view = map_view
        self._resting_widgets = resting_widgets  # hidden while presenting: the text, the list, the slider
        self.talk: Presentation | None = None
        self.points = DEFAULT_POINTS
        self.presenter: PresenterView | None = None
        self._saved: dict = {}
        self._resting: list = []
        self.banner = QLabel()
        self.banner.setStyleSheet(BANNER_STYLE)
        self.sentence = QLabel()
        self.sentence.setStyleSheet(SENTENCE_STYLE)
        for label in (self.banner, self.sentence):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.hide()
        self.black_screen = QWidget(window)
        self.black_screen.setStyleSheet("background: #000000;")
        self.black_screen.setAutoFillBackground(True)
        self.black_screen.hide()
        document.index_changed.connect(self._on_index)
        selection.event_changed.connect(self._on_event)

    def _on_index(self, index: PlaceEventIndex) -> None:
        if self.talk:
            self.talk.set_index(index)
            self.refresh()

    def _on_event(self, _event_id: str | None) -> None:
        if self.talk:
            self.refresh()

    @property
    def active(self) -> bool:
        return self.talk is not None

    def layout_into(self, column: QVBoxLayout) -> None:
        """Put the banner above and the sentence below the map."""
        column.insertWidget(0, self.banner)
        column.insertWidget(2, self.sentence)

    # ---- entering and leaving ------------------------------------------------

    def start(self, tour_id: str = "", with_presenter: bool | None = None, fullscreen: bool = True) -> None:
        w = self.window
        if self.active:
            return
        self.talk = Presentation(self.selection.index, tour_id)
        # The clicker keys are ours while presenting; the window's own shortcuts rest.
        self._resting = [a for a in w.actions() if a.isEnabled() and a is not w.present_action]
        for action in self._resting:
            action.setEnabled(False)
        self._saved = {"geometry": w.saveGeometry(), "maximized": w.isMaximized()}
        w.menuBar().hide()
        w.statusBar().hide()
        for widget in self._resting_widgets:
            widget.hide()
        self.banner.show()
        self.sentence.show()
        self.set_points(self.points)
        self.map_view.call("setPresentation", True)
        if fullscreen:
            w.showFullScreen()
        # Filter the keys of the widgets a talk can focus; an application-wide Python event
        # filter crashes QtWebEngine (seen with PySide6 6.11).
        for widget in self._key_widgets():
            widget.installEventFilter(self)
        w.setFocus()
        screens = QGuiApplication.screens()
        if with_presenter or (with_presenter is None and len(screens) > 1):
            self.presenter = PresenterView()
            if len(screens) > 1:
                other = next(s for s in screens if s is not w.screen())
                self.presenter.setGeometry(other.availableGeometry())
            self.presenter.show()
            self.presenter.start()
        self.refresh()

    def stop(self) -> None:
        w = self.window
        if not self.active:
            return
        for widget in self._key_widgets():
            widget.removeEventFilter(self)
        self.talk = None
        self.black_screen.hide()
        self.banner.hide()
        self.sentence.hide()
        if self.presenter:
            self.presenter.stop()
            self.presenter.close()
            self.presenter.deleteLater()
            self.presenter = None
        self.map_view.call("setPresentation", False)
        w.showNormal()
        if self._saved.get("maximized"):
            w.showMaximized()
        w.restoreGeometry(self._saved["geometry"])
        for action in self._resting:
            action.setEnabled(True)
        w.menuBar().show()
        w.statusBar().show()
        for widget in self._resting_widgets:
            widget.show()

    def _key_widgets(self) -> list[QWidget]:
        w = self.window
        return [
            x
            for x in (w, self.map_view, self.map_view.focusProxy(), self.banner, self.sentence, self.black_screen)
            if x is not None
        ]

    # ---- what the audience sees ------------------------------------------------

    def set_points(self, points: float) -> None:
        self.points = max(12.0, min(72.0, points))
        banner_font = QFont()
        banner_font.setPointSizeF(self.points)
        banner_font.setBold(True)
        self.banner.setFont(banner_font)
        sentence_font = QFont()
        sentence_font.setPointSizeF(self.points * 0.85)
        self.sentence.setFont(sentence_font)

    def refresh(self) -> None:
        index = self.selection.index
        event_id = self.selection.event
        if event_id:
            event = index.events[event_id]
            self.banner.setText(f"{event.date.label()} \u2014 {event.title}")
            self.sentence.setText(event.quote)
        else:
            self.banner.setText(index.meta.get("title") or index.passage.name)
            self.sentence.setText("Press \u2192 or PageDown to begin.")
        if self.presenter and self.talk:
            self.presenter.show_steps(self.talk, event_id)

    def _set_black(self, black: bool) -> None:
        if black:
            self.black_screen.setGeometry(self.window.rect())
            self.black_screen.raise_()
            self.black_screen.show()
        else:
            self.black_screen.hide()

    # ---- keys -----------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.KeyPress or not self.active:
            return False
        key = event.key()
        mods = event.modifiers()
        if self.talk.black:
            self.talk.press("any", self.selection.event)
            self._set_black(False)
            return True
        if key == Qt.Key.Key_Escape:
            self.stop()
            return True
        if mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_points(self.points + 2)
            return True
        if mods & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_Minus:
            self.set_points(self.points - 2)
            return True
        name = KEYS.get(key)
        if name is None and Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            name = chr(key)
        if name is None:
            return False
        step = self.talk.press(name, self.selection.event)
        if self.talk.black:
            self._set_black(True)
        if step:
            self.selection.select_event(step.event)  # the banner and presenter view follow it
            if step.view:
                self.map_view.call("setView", step.view)
        return True

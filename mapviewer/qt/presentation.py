"""Presentation mode: the audience layout, clicker keys, black screen and the presenter's view."""

from __future__ import annotations

import logging

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSettings, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QScreen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..model.document import Document
from ..model.index import PlaceEventIndex
from ..model.presentation import Presentation
from ..model.selection import Selection, map_date_of
from .text import shown

log = logging.getLogger(__name__)

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
# For Help > Keyboard shortcuts: the keys that work while presenting.
CLICKER_KEYS = [
    ("PageDown, \u2192, \u2193, Space", "presenting: next step"),
    ("PageUp, \u2190, \u2191", "presenting: previous step"),
    ("Home / End", "presenting: first / last step"),
    ("a number, then Enter", "presenting: go to that step"),
    ("B or .", "presenting: black screen (any key brings the picture back)"),
    ("Ctrl++ / Ctrl+-", "presenting: larger / smaller type"),
    ("F6", "presenting: swap the audience and presenter screens"),
    ("Esc", "presenting: stop"),
]
DEFAULT_POINTS = 26.0
BANNER_STYLE = "background: #1f2a36; color: #ffffff; padding: 10px 18px;"
SENTENCE_STYLE = "background: #fdf6ec; color: #111111; padding: 12px 18px; border-top: 4px solid #d35400;"


class PresenterView(QWidget):
    """The lecturer's own screen: where the lecture is, the speaker note in large type, the
    next step with its date and places, the time of day and an elapsed timer."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("mapviewer \u2014 presenter")
        self.setStyleSheet(
            "PresenterView { background: #20262e; } QLabel { color: #f2f2f2; }"
            " QLabel#heading { color: #9fb3c8; font-weight: bold; }"
            " QPushButton { padding: 4px 12px; }"
        )
        self.setAutoFillBackground(True)
        self.position = QLabel()
        self.current = QLabel()
        self.note = QLabel()
        self.following = QLabel()
        self.following_places = QLabel()
        self.clock = QLabel()
        self.elapsed = QLabel("0:00")
        for label in (self.current, self.note, self.following, self.following_places):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # titles and notes from files are never markup
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pause_button = QPushButton("Pause timer")
        self.reset_button = QPushButton("Reset timer")
        self.pause_button.clicked.connect(self.toggle_timer)
        self.reset_button.clicked.connect(self.reset_timer)
        for button in (self.pause_button, self.reset_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the clicker's keys stay with the lecture

        def heading(text: str) -> QLabel:
            label = QLabel(text)
            label.setObjectName("heading")
            return label

        top = QHBoxLayout()
        top.addWidget(self.position, 1)
        top.addWidget(self.clock)
        top.addSpacing(24)
        top.addWidget(self.elapsed)
        top.addWidget(self.pause_button)
        top.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addLayout(top)
        layout.addWidget(heading("Now"))
        layout.addWidget(self.current)
        layout.addWidget(heading("Speaker note"))
        layout.addWidget(self.note, 1)
        layout.addWidget(heading("Next"))
        layout.addWidget(self.following)
        layout.addWidget(self.following_places)
        self._elapsed_ms = 0
        self._running = QElapsedTimer()
        self._paused = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.set_points(DEFAULT_POINTS)

    def set_points(self, points: float) -> None:
        """The note follows the audience's type size; titles a little smaller, times larger."""
        note = QFont()
        note.setPointSizeF(points)
        self.note.setFont(note)
        title = QFont()
        title.setPointSizeF(max(12.0, points * 0.8))
        title.setBold(True)
        self.current.setFont(title)
        self.position.setFont(title)
        small = QFont()
        small.setPointSizeF(max(11.0, points * 0.6))
        self.following.setFont(small)
        self.following_places.setFont(small)
        clock = QFont()
        clock.setPointSizeF(max(14.0, points * 0.9))
        clock.setBold(True)
        self.clock.setFont(clock)
        self.elapsed.setFont(clock)

    def start(self) -> None:
        self.reset_timer()
        self._timer.start(1000)

    def stop(self) -> None:
        self._timer.stop()

    @property
    def paused(self) -> bool:
        return self._paused

    def toggle_timer(self) -> None:
        if self._paused:
            self._running.start()
        else:
            self._elapsed_ms += self._running.elapsed()
        self._paused = not self._paused
        self.pause_button.setText("Resume timer" if self._paused else "Pause timer")
        self._tick()

    def reset_timer(self) -> None:
        self._elapsed_ms = 0
        self._running.start()
        self._tick()

    def elapsed_seconds(self) -> int:
        running = 0 if self._paused else self._running.elapsed()
        return (self._elapsed_ms + running) // 1000

    def _tick(self) -> None:
        seconds = self.elapsed_seconds()
        self.elapsed.setText(f"{seconds // 60}:{seconds % 60:02d}")
        self.clock.setText(QTime.currentTime().toString("HH:mm"))

    def show_steps(self, show: Presentation, selected: str | None) -> None:
        index = show.index
        current, following = show.current(selected), show.following(selected)
        total = len(show.steps)
        if current:
            self.position.setText(f"Step {show.position(selected) + 1} of {total}")
            self.current.setText(shown(_step_title(index, current)))
        elif selected:
            self.position.setText(f"Between steps ({total} in all)")
            self.current.setText(shown(_event_title(index, selected)) + "  (not a step of the lecture)")
        else:
            self.position.setText(f"Before the first step ({total} in all)")
            self.current.setText(shown(index.meta.get("title") or index.passage.name))
        self.note.setText(shown(current.note) if current and current.note else "")
        if following:
            event = index.events[following.event]
            self.following.setText(shown(_step_title(index, following)))
            places = ", ".join(index.places[p].label for p in event.place_ids)
            self.following_places.setText(shown(f"Map: {places}") if places else "")
        else:
            self.following.setText("(the end)")
            self.following_places.setText("")


def _step_title(index: PlaceEventIndex, step) -> str:
    return _event_title(index, step.event)


def _event_title(index: PlaceEventIndex, event_id: str) -> str:
    event = index.events[event_id]
    return f"{event.date.label()} \u2014 {event.title}"


class PresentationMode(QObject):
    """Turns the main window into the audience's view and back; owns the clicker keys.

    ``active_changed`` says when a presentation starts or stops.

    The lecture's position is the selection's: a key chooses the next step's event, and
    whatever chooses an event (a key, the map, the list) moves banner and presenter view.
    """

    active_changed = Signal(bool)

    def __init__(
        self, window, document: Document, selection: Selection, map_view, resting_widgets, settings: QSettings
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
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
        """Present ``tour_id`` (every event in date order when there is no such lecture).

        With two screens the audience layout goes full-screen on the screen that does not hold
        the window (or the one chosen last time) and the presenter view opens on another;
        ``with_presenter=True`` opens the presenter view with one screen too (a rehearsal).
        """
        w = self.window
        if self.active:
            return
        self.talk = Presentation(self.selection.index, tour_id)
        if self.selection.event:
            # The slider may have wandered: the audience sees the borders of the event shown.
            self.selection.set_date(map_date_of(self.selection.index.events[self.selection.event]))
        # The clicker keys are ours while presenting; the window's own shortcuts rest.
        keep = {w.present_action, getattr(w, "swap_action", None)}
        self._resting = [a for a in w.actions() if a.isEnabled() and a not in keep]
        for action in self._resting:
            action.setEnabled(False)
        self._saved = {"geometry": w.saveGeometry(), "maximized": w.isMaximized()}
        home = w.screen()
        w.menuBar().hide()
        w.statusBar().hide()
        for widget in self._resting_widgets:
            widget.hide()
        self.banner.show()
        self.sentence.show()
        self.set_points(self.points)
        self.map_view.call("setPresentation", True)
        audience = self._audience_screen(home) if fullscreen else home
        if fullscreen:
            self._show_on(w, audience, fullscreen=True)
        # Filter the keys of the widgets a talk can focus; an application-wide Python event
        # filter crashes QtWebEngine (seen with PySide6 6.11).
        for widget in self._key_widgets():
            widget.installEventFilter(self)
        screens = QGuiApplication.screens()
        if with_presenter or (with_presenter is None and fullscreen and len(screens) > 1):
            self._open_presenter(next((x for x in [home, *screens] if x is not audience), None))
        w.activateWindow()
        w.setFocus()
        self.refresh()
        self.active_changed.emit(True)

    def _audience_screen(self, home: QScreen) -> QScreen:
        """The screen the lecturer chose last time, else one that does not hold the window."""
        screens = QGuiApplication.screens()
        chosen = self.settings.value("present/screen")
        for screen in screens:
            if screen.name() == chosen:
                return screen
        return next((x for x in screens if x is not home), home)

    @staticmethod
    def _show_on(widget: QWidget, screen: QScreen, fullscreen: bool) -> None:
        if widget.isFullScreen():
            widget.showNormal()
        area = screen.availableGeometry()
        widget.move(area.topLeft())
        handle = widget.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        if fullscreen:
            widget.setGeometry(screen.geometry())
            widget.showFullScreen()
        else:
            widget.setGeometry(area)
            widget.show()

    def _open_presenter(self, screen: QScreen | None) -> None:
        presenter = PresenterView()
        presenter.set_points(self.points)
        presenter.installEventFilter(self)
        if screen is not None:
            self._show_on(presenter, screen, fullscreen=False)
        else:
            presenter.resize(900, 640)
            presenter.show()
        presenter.start()
        self.presenter = presenter

    def swap_screens(self) -> None:
        """Put the audience layout on the presenter's screen and the presenter view on the other."""
        if not self.active or not self.window.isFullScreen():
            return
        screens = QGuiApplication.screens()
        audience = self.window.screen()
        other = next((x for x in screens if x is not audience), None)
        if other is None:
            return
        self.settings.setValue("present/screen", other.name())
        self._show_on(self.window, other, fullscreen=True)
        if self.presenter is not None:
            self._show_on(self.presenter, audience, fullscreen=False)
        self.window.activateWindow()

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
            self.presenter.removeEventFilter(self)
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
        self.active_changed.emit(False)

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
        if self.presenter is not None:
            self.presenter.set_points(self.points)
        banner_font = QFont()
        banner_font.setPointSizeF(self.points)
        banner_font.setBold(True)
        self.banner.setFont(banner_font)
        sentence_font = QFont()
        sentence_font.setPointSizeF(self.points * 0.85)
        self.sentence.setFont(sentence_font)

    def _scale_all(self, points: float) -> None:
        """The banner by ``points``, and the rest of the window's type in the same proportion."""
        old = self.points
        self.set_points(old + points)
        scale = getattr(self.window, "scale_text_by", None)
        if scale is not None:
            scale(self.points / old)

    def refresh(self) -> None:
        index = self.selection.index
        event_id = self.selection.event
        if event_id:
            event = index.events[event_id]
            self.banner.setText(shown(f"{event.date.label()} \u2014 {event.title}"))
            self.sentence.setText(shown(event.quote))
        else:
            self.banner.setText(shown(index.meta.get("title") or index.passage.name))
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
        try:
            return self._key(event)
        except Exception:
            # An exception escaping an event filter takes the whole app down, in front of a room.
            log.exception("the key %s failed during the presentation", event.key())
            return True

    def _key(self, event) -> bool:
        key = event.key()
        mods = event.modifiers()
        if self.talk.black:
            self.talk.press("any", self.selection.event)
            self._set_black(False)
            return True
        if key == Qt.Key.Key_Escape:
            self.stop()
            return True
        if key == Qt.Key.Key_F6:
            self.swap_screens()
            return True
        if mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self._scale_all(+2)
            return True
        if mods & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_Minus:
            self._scale_all(-2)
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

"""Accessibility in the window: names for screen readers, spoken announcements, the keyboard
focus ring, and colours taken from the reader's palette (dark and high-contrast themes)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QColor, QPainter, QPalette, QPen, QRegion
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

log = logging.getLogger(__name__)

READABLE = 4.5  # WCAG 2.1 AA contrast for body text


def describe(widget: QWidget, name: str, description: str) -> None:
    """The name a screen reader gives ``widget`` and the sentence it reads after it."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


def describe_buttons(box: QDialogButtonBox) -> None:
    """Say what a dialog's OK and Cancel do (their text alone names them)."""
    for which, description in (
        (QDialogButtonBox.StandardButton.Ok, "Keep what is entered and close"),
        (QDialogButtonBox.StandardButton.Cancel, "Close and change nothing"),
    ):
        button = box.button(which)
        if button is not None:
            button.setAccessibleDescription(description)


def announce(widget: QWidget, text: str) -> None:
    """Ask a screen reader to say ``text`` now, without moving the reader's focus."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


# ---- colours ---------------------------------------------------------------------


def _luminance(colour: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2.1 contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(a: QColor, b: QColor, share_of_b: float) -> QColor:
    t = share_of_b
    return QColor.fromRgbF(
        a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t, a.blueF() * (1 - t) + b.blueF() * t
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def readable(colour: QColor, background: QColor, text: QColor) -> QColor:
    """``colour`` for text on ``background``, moved towards the palette's ``text`` colour as far as
    it must go to be readable: an accent chosen for a light theme stays legible on a dark one."""
    for step in range(11):
        candidate = blend(colour, text, step / 10)
        if contrast_ratio(candidate, background) >= READABLE:
            return candidate
    return QColor(text)


def text_on(background: QColor, text: QColor) -> QColor:
    """The palette's text colour on ``background`` if readable there, else black or white."""
    if contrast_ratio(text, background) >= READABLE:
        return QColor(text)
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if contrast_ratio(black, background) >= contrast_ratio(white, background) else white


# ---- the focus ring ----------------------------------------------------------------


class FocusRing(QWidget):
    """A ring in the palette's highlight colour inside the edge of whichever of ``targets`` holds
    the keyboard focus (or holds the widget that does: the map's page). The passage, the lists,
    the map and the slider draw no focus frame of their own, or one too faint to find.

    The ring is a child of its target, masked to the ring itself and transparent to the mouse,
    so it follows the target wherever the splitters put it and never takes a click. Between
    targets it waits, hidden, in ``home`` (the window), and goes when the window goes."""

    WIDTH = 3

    def __init__(self, home: QWidget, targets: list[QWidget]) -> None:
        super().__init__(home)
        self.home = home
        self.targets = list(targets)
        self.target: QWidget | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        try:
            target = None
            if new is not None:
                target = next((t for t in self.targets if t is new or t.isAncestorOf(new)), None)
            self.show_on(target)
        except RuntimeError:
            pass  # the window is being taken down, its views first

    def show_on(self, target: QWidget | None) -> None:
        if target is self.target:
            return
        if self.target is not None:
            self.target.removeEventFilter(self)
        self.target = target
        if target is None:
            self.hide()
            self.setParent(self.home)
            return
        self.setParent(target)
        target.installEventFilter(self)
        self._fit()
        self.show()
        self.raise_()

    def _fit(self) -> None:
        if self.target is None:
            return
        rect = self.target.rect()
        self.setGeometry(rect)
        inner = QRect(0, 0, rect.width(), rect.height()).adjusted(self.WIDTH, self.WIDTH, -self.WIDTH, -self.WIDTH)
        self.setMask(QRegion(0, 0, rect.width(), rect.height()).subtracted(QRegion(inner)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # An exception escaping an event filter would take the app down: log it instead.
        try:
            if watched is self.target and event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded):
                self._fit()
                self.raise_()
        except Exception:
            log.exception("the focus ring could not follow its widget")
        return False

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight), self.WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = self.WIDTH / 2
        painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))
        painter.end()

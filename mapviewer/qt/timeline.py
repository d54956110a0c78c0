"""The date control under the map: a slider over 1920-22 with the events as ticks.

Events outside the map's years get no tick (they would all pile up on its first or last
day); a marker at each end counts them instead.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QStyle, QStyleOptionSlider, QWidget

from ..model.dates import MONTHS, day_month_year
from ..model.document import Document
from ..model.index import Event, PlaceEventIndex
from ..model.selection import FIRST_MAP_DATE, LAST_MAP_DATE, Selection, timeline_marks
from .access import describe, readable

TICK = QColor("#d35400")
# The markers' orange is made lighter on a dark theme until it reads (see access.readable).
MARKER_STYLE = "QLabel {{ color: {accent}; padding: 1px 4px; border-radius: 3px; }}"
CURRENT_MARKER_STYLE = "QLabel { color: #ffffff; background: #d35400; padding: 1px 4px; border-radius: 3px; }"


class _TickedSlider(QSlider):
    """A horizontal slider that marks the days events happen on, and the years."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.days: list[int] = []
        self.setMinimumHeight(34)

    def _groove(self) -> QRect:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        return groove.adjusted(handle.width() // 2, 0, -(handle.width() // 2), 0)

    def x_of(self, day: int, groove: QRect | None = None) -> int:
        groove = groove or self._groove()
        span = max(1, self.maximum() - self.minimum())
        return groove.left() + round((day - self.minimum()) * groove.width() / span)

    def tick_positions(self) -> list[int]:
        """The x of every event tick drawn, left to right (the groove asked of the style once,
        not for each of a book's thousands of ticks on every repaint)."""
        groove = self._groove()
        return [self.x_of(day, groove) for day in self.days]

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setPen(QPen(TICK, 2))
        bottom = self.height() - 2
        for x in self.tick_positions():
            painter.drawLine(x, bottom - 7, x, bottom)
        painter.setPen(QPen(QColor("#888888"), 1))
        for year in (1921, 1922):
            x = self.x_of((dt.date(year, 1, 1) - FIRST_MAP_DATE).days)
            painter.drawLine(x, 2, x, 9)
        painter.end()
        super().paintEvent(event)


class TimelineSlider(QWidget):
    """Lets the reader move the map's date freely; shows the date the map is drawn for."""

    date_chosen = Signal(object)  # datetime.date

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.slider = _TickedSlider()
        self.slider.setRange(0, (LAST_MAP_DATE - FIRST_MAP_DATE).days)
        self.slider.setPageStep(30)
        self.slider.setToolTip("Borders on a date: drag, or use Up/Down and PageUp/PageDown while focused")
        self.label = QLabel()
        self.label.setMinimumWidth(140)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Events before 1920 and after 1922: counted at the ends, not piled on the first or last day.
        self.before_marker = QLabel()
        self.after_marker = QLabel()
        self._before: tuple[Event, ...] = ()
        self._after: tuple[Event, ...] = ()
        self._event: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.before_marker)
        layout.addWidget(QLabel("1920"))
        layout.addWidget(self.slider, 1)
        layout.addWidget(QLabel("1922"))
        layout.addWidget(self.after_marker)
        layout.addWidget(self.label)
        self.slider.valueChanged.connect(self._on_value)
        self._quiet = False

    def follow(self, document: Document, selection: Selection) -> None:
        """Show the selection's date and the document's events as ticks; dragging sets the date."""
        document.index_changed.connect(self.set_index)
        selection.date_changed.connect(self.set_date)
        selection.event_changed.connect(self._on_event)
        self.date_chosen.connect(selection.set_date)
        self.set_index(document.index)
        self.set_date(selection.date)
        self._on_event(selection.event)

    def set_index(self, index: PlaceEventIndex) -> None:
        marks = timeline_marks(index)
        self.slider.days = list(marks.days)
        self.slider.update()
        self._before, self._after = marks.before, marks.after
        self._show_marker(self.before_marker, marks.before, f"\u25c2 {len(marks.before)} earlier", "before")
        self._show_marker(self.after_marker, marks.after, f"{len(marks.after)} later \u25b8", "after")
        self._on_event(self._event)

    def _show_marker(self, marker: QLabel, events: tuple[Event, ...], text: str, side: str) -> None:
        marker.setVisible(bool(events))
        marker.setText(text)
        edge = FIRST_MAP_DATE if side == "before" else LAST_MAP_DATE
        lines = [
            f"{len(events)} event{'s' if len(events) != 1 else ''} {side} the map's years, "
            f"drawn on the borders of {day_month_year(edge)}:"
        ]
        lines += [f"{e.date.label()} \u2014 {e.title}" for e in events]
        marker.setToolTip("\n".join(lines))

    def _on_event(self, event_id: str | None) -> None:
        """The marker of the chosen event stands out when that event lies outside the map's years."""
        self._event = event_id
        for marker, events in ((self.before_marker, self._before), (self.after_marker, self._after)):
            current = any(e.id == event_id for e in events)
            marker.setProperty("current", current)
            palette = self.palette()
            accent = readable(
                TICK, palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.WindowText)
            )
            style = CURRENT_MARKER_STYLE if current else MARKER_STYLE.format(accent=accent.name())
            if marker.styleSheet() != style:  # restyling costs a few ms a selection
                marker.setStyleSheet(style)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_event"):
            self._on_event(self._event)

    def set_date(self, date: dt.date) -> None:
        self._quiet = True
        self.slider.setValue((date - FIRST_MAP_DATE).days)
        self._quiet = False
        self._show(date)

    @property
    def date(self) -> dt.date:
        return FIRST_MAP_DATE + dt.timedelta(days=self.slider.value())

    def _show(self, date: dt.date) -> None:
        self.label.setText(f"Map of {date.day} {MONTHS[date.month - 1][:3]} {date.year}")
        # A screen reader would read the slider's value as a count of days: it says the date.
        describe(
            self.slider,
            "Map date",
            f"Borders of {day_month_year(date)}. Up and Down move a day, PageUp and PageDown a month.",
        )

    def _on_value(self, _value: int) -> None:
        self._show(self.date)
        if not self._quiet:
            self.date_chosen.emit(self.date)

"""The main window: passage, event list and map, all following one Selection."""

from __future__ import annotations

import html

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..mappage.payload import page_payload
from ..model.errors import InputError
from ..model.index import PlaceEventIndex
from ..model.selection import Selection
from .editing import Editor
from .event_table import EventTable
from .passage_view import PassageView
from .presentation import PresentationMode
from .timeline import TimelineSlider
from .web import MapView, scheme_handler

class MainWindow(QMainWindow):
    """Pairs the passage with its map; every view follows ``self.selection``."""

    index_changed = Signal()

    def __init__(self, index: PlaceEventIndex, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.passage_view = PassageView()
        self.event_table = EventTable()
        self.map_view = MapView()
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.status_label, 1)

        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(self.passage_view)
        self.left.addWidget(self.event_table)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 2)
        self.timeline = TimelineSlider()
        map_column = QWidget()
        column = QVBoxLayout(map_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.map_view, 1)
        column.addWidget(self.timeline)
        self.presentation = PresentationMode(self)
        self.presentation.layout_into(column)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(map_column)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.resize(1280, 800)
        self.splitter.setSizes([560, 720])
        self.left.setSizes([470, 300])

        self.selection: Selection | None = None
        self.index: PlaceEventIndex | None = None
        self.error_box: QMessageBox | None = None
        self._build_actions()
        self.passage_view.event_clicked.connect(self._on_event_requested)
        self.event_table.event_activated.connect(self._on_event_requested)
        self.map_view.bridge.place_clicked.connect(self._on_place_requested)
        self.map_view.bridge.event_chosen.connect(self._on_event_requested)
        self.map_view.bridge.place_closed.connect(self._on_place_closed)
        self.timeline.date_chosen.connect(lambda date: self.selection.set_date(date))
        scheme_handler().failed.connect(self.show_error)
        self.set_index(index)
        self.editor = Editor(self)
        self.editor.build_menus(self.file_menu, self.edit_menu)
        self.rebuild_recent_menu()
        self.setAcceptDrops(True)
        self._restore_state()

    # ---- the index and the selection ---------------------------------------

    def set_index(self, index: PlaceEventIndex, keep_selection: bool = False) -> None:
        previous = (self.selection.event, self.selection.place, self.selection.date) if self.selection else None
        if self.selection is not None:
            self.selection.event_changed.disconnect(self._on_event_changed)
            self.selection.place_changed.disconnect(self._on_place_changed)
            self.selection.date_changed.disconnect(self._on_date_changed)
        self.index = index
        self.selection = Selection(index)
        self.selection.event_changed.connect(self._on_event_changed)
        self.selection.place_changed.connect(self._on_place_changed)
        self.selection.date_changed.connect(self._on_date_changed)
        self.passage_view.set_index(index)
        self.event_table.set_index(index)
        self.timeline.set_index(index)
        self.timeline.set_date(self.selection.date)
        self.map_view.call("setIndex", page_payload(index))
        self.map_view.call("showDate", self.selection.date.isoformat())
        title = index.meta.get("title") or index.passage.name
        self.setWindowTitle(f"{title} \u2014 mapviewer")
        self._show_status(None)
        if keep_selection and previous:
            event_id, place_id, date = previous
            self.selection.set_date(date)
            if event_id in index.events:
                self.selection.select_event(event_id)
            if place_id in index.places:
                self.selection.select_place(place_id)
        self.index_changed.emit()

    def _on_event_requested(self, event_id: str | None) -> None:
        self.selection.select_event(event_id)

    def _on_place_requested(self, place_id: str) -> None:
        if place_id in self.index.places:
            self.selection.select_place(place_id)

    def _on_place_closed(self, place_id: str) -> None:
        if self.selection.place == place_id:
            self.selection.select_place(None)

    def _on_event_changed(self, event_id: str | None) -> None:
        self.passage_view.show_event(event_id)
        self.event_table.show_event(event_id)
        if self.presentation.active:
            self.presentation.refresh()
        self.map_view.call("selectEvent", event_id)
        self._show_status(event_id)

    def _on_date_changed(self, date) -> None:
        self.timeline.set_date(date)
        self.map_view.call("showDate", date.isoformat())

    def _on_place_changed(self, place_id: str | None) -> None:
        self.passage_view.show_place(place_id)
        self.map_view.call("selectPlace", place_id)
        if place_id:
            place = self.index.places[place_id]
            count = len(self.index.events_at(place_id))
            self.status_label.setText(
                f"{place.label} \u2014 {count} event{'s' if count != 1 else ''}; choose one on the map"
            )
        else:
            self._show_status(self.selection.event)

    def _show_status(self, event_id: str | None) -> None:
        if not event_id:
            self.status_label.setToolTip("")
            count = len(self.index.events)
            self.status_label.setText(
                f"{count} events, {len(self.index.places)} places \u2014 choose an event, "
                "or press \u2192 to step through them in date order"
            )
            return
        event = self.index.events[event_id]
        self.status_label.setText(f"{event.date.label()} \u2014 {event.title}: {event.summary}")
        self.status_label.setToolTip(event.summary)  # a long summary is cut by the window's edge

    # ---- actions -------------------------------------------------------------

    def _action(self, menu, text: str, shortcuts, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.file_menu = file_menu
        export_menu = file_menu.addMenu("&Export")
        self._action(export_menu, "&Slides (PNG, 1920×1080)…", [], lambda: self.export("slides"))
        self._action(export_menu, "&Current event as a slide…", [], lambda: self.export("slide"))
        self._action(export_menu, "&Web page for students (HTML)…", [], lambda: self.export("html"))
        self._action(export_menu, "&Handout (PDF)…", [], lambda: self.export("pdf"))
        export_menu.addSeparator()
        self._action(export_menu, "Places as &Linked Places (JSON-LD)…", [],
                     lambda: self.editor.export_interchange("lpf"))
        self._action(export_menu, "Places as &GeoJSON…", [], lambda: self.editor.export_interchange("geojson"))
        self._action(export_menu, "Anchors as &Web Annotations…", [],
                     lambda: self.editor.export_interchange("annotations"))
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", [QKeySequence.StandardKey.Quit, "Ctrl+Q"], self.close)
        self.edit_menu = bar.addMenu("&Edit")
        view = bar.addMenu("&View")
        self.next_action = self._action(view, "&Next event", ["Right"], lambda: self.selection.step(+1))
        self.prev_action = self._action(view, "&Previous event", ["Left"], lambda: self.selection.step(-1))
        self.clear_action = self._action(view, "&Clear selection", ["Esc"], lambda: self.selection.clear())
        view.addSeparator()
        self.present_action = self._action(view, "&Present", ["F5"], self.toggle_presentation)
        view.addSeparator()
        self._action(view, "&Larger text", [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
                     lambda: self.passage_view.set_font_size(self.passage_view.font_size + 1))
        self._action(view, "&Smaller text", [QKeySequence.StandardKey.ZoomOut],
                     lambda: self.passage_view.set_font_size(self.passage_view.font_size - 1))
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&About mapviewer", [], self.show_about)

    def toggle_presentation(self) -> None:
        if self.presentation.active:
            self.presentation.stop()
        else:
            tour = self.index.tours[0].id if self.index.tours else ""
            self.presentation.start(tour)

    def export(self, kind: str) -> None:
        """Ask where, then export; slides and handouts render in a hidden window with progress."""
        from PySide6.QtWidgets import QFileDialog

        from ..export.run import run_export

        if kind in ("slides", "slide"):
            target = QFileDialog.getExistingDirectory(self, "Folder for the slides")
        else:
            suffix = {"html": "Web page (*.html)", "pdf": "PDF (*.pdf)"}[kind]
            target, _ = QFileDialog.getSaveFileName(self, "Export", "", suffix)
        if target:
            events = [self.selection.event] if kind == "slide" and self.selection.event else None
            run_export(self, kind, target, events)

    def show_about(self) -> None:
        source = self.index.meta.get("source") or self.index.passage.source_line or "unknown"
        box = QMessageBox(self)
        box.setWindowTitle("About mapviewer")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            f"<h3>mapviewer {__version__}</h3>"
            "<p>Read a history passage beside a map of Europe as it was in 1920\u201322.</p>"
            f"<p><b>Text:</b> {html.escape(source)}</p>"
            "<p><b>Borders:</b> drawn for this project from Natural Earth 1:10m admin units "
            "(public domain) and its own hand-drawn lines; see geodata/README.md.</p>"
            "<p><b>Places:</b> coordinates from GeoNames and Wikidata, cited per place in the index.</p>"
            "<p><b>Map:</b> Leaflet 1.9.3 (BSD-2-Clause) through folium; no network is used.</p>"
        )
        box.exec()

    def show_error(self, error: InputError) -> None:
        """Say what went wrong in a dialog; the window keeps what it was showing."""
        box = QMessageBox(QMessageBox.Icon.Critical, "mapviewer", error.message,
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # file text must never render as markup
        self.error_box = box
        box.open()

    # ---- remembered state --------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for key, splitter in (("window/splitter", self.splitter), ("window/left", self.left)):
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        try:
            size = float(self.settings.value("text/size", self.passage_view.font_size))
        except (TypeError, ValueError):
            size = self.passage_view.font_size
        if size != self.passage_view.font_size:
            self.passage_view.set_font_size(size)
        try:
            self.presentation.set_points(float(self.settings.value("present/size", self.presentation.points)))
        except (TypeError, ValueError):
            pass
        last_event = self.settings.value("session/event")
        if isinstance(last_event, str) and last_event in self.index.events:
            self.selection.select_event(last_event)

    def rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in (self.settings.value("recent") or []) if isinstance(p, str)]
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.editor.open_path(p))
        self.recent_menu.setEnabled(bool(recent))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt API)
        urls = event.mimeData().urls()
        if urls:
            event.acceptProposedAction()
            self.editor.open_path(urls[0].toLocalFile())

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if not self.editor.confirm_discard():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/left", self.left.saveState())
        self.settings.setValue("text/size", self.passage_view.font_size)
        self.settings.setValue("present/size", self.presentation.points)
        self.settings.setValue("session/index", self.index.path)
        self.settings.setValue("session/event", self.selection.event or "")
        self.settings.sync()
        super().closeEvent(event)

"""The main window: composes the views around one Document and one Selection."""

from __future__ import annotations

import html

from PySide6.QtCore import QByteArray, QSettings, Qt, QTemporaryDir
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from .. import __version__
from ..editing.editor import Editor
from ..model.document import Document
from ..model.errors import InputError
from ..model.index import PlaceEventIndex
from ..model.lectures import chosen_lecture_id
from ..model.selection import Selection
from .access import FocusRing
from .app import let_the_page_load
from .editing import DialogView, EditorActions
from .event_table import EventTable
from .exporting import ExportRunner
from .lecture_panel import LecturePanel
from .passage_view import PassageView
from .places_menu import PlacesMenu
from .presentation import CLICKER_KEYS, PresentationMode
from .status_line import StatusLine
from .timeline import TimelineSlider
from .web import MapView, scheme_handler

BASE_TEXT_POINTS = 12.0  # the passage's type size at which everything else is at its own size


class MainWindow(QMainWindow):
    """Pairs the passage with its map. Every view follows ``document`` and ``selection`` itself;
    the window only lays them out, owns the menus and remembers its state.

    ``settings=None`` gives a window with throwaway settings (exports, screenshots).
    """

    def __init__(
        self, index: PlaceEventIndex, settings: QSettings | None = None, map_view: MapView | None = None
    ) -> None:
        super().__init__()
        if settings is None:
            self._scratch = QTemporaryDir()
            settings = QSettings(self._scratch.filePath("settings.ini"), QSettings.Format.IniFormat)
        self.settings = settings
        self.document = Document(index)
        self.selection = Selection(index)
        # First in line: by the time a view hears of a new index, the selection already follows it.
        self.document.index_changed.connect(self.selection.set_index)

        # The map first: its page gets to work on the index, and later on each selection, while
        # the rest of the window is built and the other views show it. Between the steps of the
        # building, Chromium's requests (the handshake, the index drawn) are answered.
        self.map_view = map_view or MapView()  # one made early has its page loading already
        self.map_view.follow(self.document, self.selection)
        let_the_page_load()
        self.passage_view = PassageView()
        self.event_table = EventTable()
        self.timeline = TimelineSlider()
        self.status_label = StatusLine()
        self.statusBar().addWidget(self.status_label, 1)
        for view in (self.passage_view, self.event_table, self.timeline, self.status_label):
            view.follow(self.document, self.selection)
        let_the_page_load()
        self.lecture_panel = LecturePanel(self.map_view, self)  # a dock, hidden until View > Lecture panel
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.lecture_panel)
        self.lecture_panel.hide()
        self.lecture_panel.follow(self.document, self.selection)

        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(self.passage_view)
        self.left.addWidget(self.event_table)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 2)
        map_column = QWidget()
        column = QVBoxLayout(map_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.map_view, 1)
        column.addWidget(self.timeline)
        self.presentation = PresentationMode(
            self, self.document, self.selection, self.map_view, [self.left, self.timeline], settings
        )
        self.presentation.layout_into(column)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(map_column)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self._fit_to_screen()
        self.left.setSizes([470, 300])
        let_the_page_load()

        self.error_box: QMessageBox | None = None
        self.dialogs = DialogView(self, settings, self.passage_view, self.show_message, self.show_error)
        self.editor = Editor(self.document, self.selection, self.dialogs)
        self.editor_actions = EditorActions(self, self.editor, self.document, self.selection, self.map_view, settings)
        self.exports = ExportRunner(
            self, self.document, self.selection, self.show_error, self.show_message, make_window=MainWindow
        )
        self._build_actions()
        self._keyboard_order()
        self.editor_actions.needs_event.append(self.exports.current_slide_action)
        self.selection.event_changed.connect(self._on_chosen)
        self.selection.place_changed.connect(self._on_chosen)
        self.passage_view.copyAvailable.connect(self.editor_actions.update_enabled)
        self.presentation.active_changed.connect(self._on_presenting)
        self.editor_actions.update_enabled(False)
        self.dialogs.recent_changed = self.editor_actions.rebuild_recent_menu
        self.document.index_changed.connect(self._show_title)
        self.document.modified_changed.connect(self._show_title)
        self._show_title()
        scheme_handler().failed.connect(self._page_failed)
        if scheme_handler().failure is not None:  # while the window was being built, or before
            self._page_failed(scheme_handler().failure)
        self.setAcceptDrops(True)
        self._restore_state()

    def _page_failed(self, error: InputError) -> None:
        scheme_handler().failure = None  # shown now
        self.show_error(error)

    def _on_chosen(self, _changed: object) -> None:
        self.editor_actions.update_enabled()

    def _on_presenting(self, active: bool) -> None:
        if not active:
            self.editor_actions.update_enabled()

    @property
    def index(self) -> PlaceEventIndex:
        return self.document.index

    def _show_title(self, *_changed: object) -> None:
        self.setWindowTitle(f"{'*' if self.document.modified else ''}{self.document.title} \u2014 mapviewer")

    # ---- actions -------------------------------------------------------------

    def _fit_to_screen(self) -> None:
        """1280x800, or less on a smaller screen (a 1366x768 laptop): slider and status bar stay visible."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        width = min(1280, area.width() - 40) if area else 1280
        height = min(800, area.height() - 60) if area else 800
        self.resize(width, height)
        if area is not None:
            self.move(area.left() + (area.width() - width) // 2, area.top() + max(0, (area.height() - height) // 3))
        self.splitter.setSizes([width * 7 // 16, width - width * 7 // 16])

    def _action(self, menu, text: str, shortcuts, slot) -> QAction:
        action = QAction(text, self)
        keys: list[QKeySequence] = []
        for shortcut in shortcuts:
            for key in (
                QKeySequence.keyBindings(shortcut)
                if isinstance(shortcut, QKeySequence.StandardKey)
                else [QKeySequence(shortcut)]
            ):
                if key not in keys:  # the same key twice makes Qt call the shortcut ambiguous
                    keys.append(key)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.exports.build_menu(file_menu.addMenu("&Export"))
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", ["Ctrl+Q", QKeySequence.StandardKey.Quit], self.close)
        edit_menu = bar.addMenu("&Edit")
        self.editor_actions.build_menus(file_menu, edit_menu)
        view = bar.addMenu("&View")
        selection = self.selection
        self.next_action = self._action(view, "&Next event", ["Right"], lambda: selection.step(+1))
        self.prev_action = self._action(view, "&Previous event", ["Left"], lambda: selection.step(-1))
        self.clear_action = self._action(view, "&Clear selection", ["Esc"], selection.clear)
        view.addSeparator()
        self.present_action = self._action(view, "&Present", ["F5"], self.toggle_presentation)
        self._action(view, "&Rehearse with the presenter view", ["Shift+F5"], self.rehearse)
        self.swap_action = self._action(view, "S&wap presentation screens", ["F6"], self.presentation.swap_screens)
        view.addAction(self.lecture_panel.toggleViewAction())  # Ctrl+L
        self.addAction(self.lecture_panel.toggleViewAction())
        view.addSeparator()
        self._action(
            view,
            "&Larger text",
            [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
            lambda: self.scale_text(+1),
        )
        self._action(
            view,
            "&Smaller text",
            [QKeySequence.StandardKey.ZoomOut],
            lambda: self.scale_text(-1),
        )
        self.places_menu = PlacesMenu(self)
        self.places_menu.follow(self.document, self.selection)
        bar.addMenu(self.places_menu)
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", ["F1"], self.show_shortcuts)
        self._action(help_menu, "&About mapviewer", [], self.show_about)

    def _keyboard_order(self) -> None:
        """Tab goes through the views as they are laid out: the passage, the event list, the map,
        its date slider, then the lecture panel; a ring marks whichever holds the focus."""
        panel = self.lecture_panel
        order = [
            self.passage_view,
            self.event_table,
            self.map_view,
            self.timeline.slider,
            panel.chooser,
            panel.new_button,
            panel.delete_button,
            panel.title_edit,
            panel.steps_view,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.focus_ring = FocusRing(
            self, [self.passage_view, self.event_table, self.map_view, self.timeline.slider, panel.steps_view]
        )

    def scale_text(self, step: int) -> None:
        """Larger or smaller type everywhere at once: the passage, the event list, the map's
        labels, the banner and the presenter view (Ctrl+plus / Ctrl+minus, presenting or not)."""
        old = self.passage_view.font_size
        self.passage_view.set_font_size(old + step)
        ratio = self.passage_view.font_size / old
        self.presentation.set_points(self.presentation.points * ratio)
        self._apply_text_size()
        # Kept at once, not only on closing: a size the reader chose survives a crash too.
        self.settings.setValue("text/size", self.passage_view.font_size)
        self.settings.setValue("present/size", self.presentation.points)

    def scale_text_by(self, ratio: float) -> None:
        """Everything but the banner (already scaled) in proportion ``ratio``."""
        self.passage_view.set_font_size(self.passage_view.font_size * ratio)
        self._apply_text_size()

    def _apply_text_size(self) -> None:
        scale = self.passage_view.font_size / BASE_TEXT_POINTS
        font = QFont(QApplication.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
            self.event_table.setFont(font)
        self.map_view.call("setTextScale", round(scale, 3))

    def toggle_presentation(self) -> None:
        if self.presentation.active:
            self.presentation.stop()
        else:
            self.presentation.start(self._lecture_id())

    def rehearse(self) -> None:
        """Present in this window with the presenter view beside it: for one screen."""
        if not self.presentation.active:
            self.presentation.start(self._lecture_id(), with_presenter=True, fullscreen=False)

    def _lecture_id(self) -> str:
        return chosen_lecture_id(self.index)

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every action of the window, and the clicker's keys."""
        rows = []
        for action in self.actions():
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            if keys:
                rows.append((keys, action.text().replace("&", "").rstrip("\u2026")))
        rows += [(keys, does) for keys, does in CLICKER_KEYS]
        return rows

    def show_shortcuts(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("Keyboard shortcuts")
        box.setTextFormat(Qt.TextFormat.RichText)
        rows = "".join(
            f"<tr><td><b>{html.escape(keys)}</b>&nbsp;&nbsp;</td><td>{html.escape(does)}</td></tr>"
            for keys, does in self.shortcut_list()
        )
        box.setText(f"<table>{rows}</table>")
        self.shortcuts_box = box
        box.open()

    def show_map_only(self) -> None:
        """The map alone fills the window (the handout's pictures)."""
        self.left.hide()
        self.timeline.hide()

    def show_about(self) -> None:
        """The versions a bug report needs and where the text and the map come from."""
        from ..diagnostics import DATA_SOURCES, versions

        source = self.index.meta.get("source") or self.index.passage.source_line or "unknown"
        version_rows = "".join(
            f"<tr><td>{html.escape(name)}&nbsp;&nbsp;</td><td>{html.escape(value)}</td></tr>"
            for name, value in versions()
        )
        data_rows = "".join(
            f"<li><b>{html.escape(item.what)}:</b> {html.escape(item.source)} ({html.escape(item.licence)})</li>"
            for item in DATA_SOURCES[1:]
        )
        box = QMessageBox(self)
        box.setWindowTitle("About mapviewer")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            f"<h3>mapviewer {__version__}</h3>"
            "<p>Read a history passage beside a map of Europe as it was in 1920\u201322. MIT licence.</p>"
            f"<p><b>Text:</b> {html.escape(source)}</p>"
            f"<ul>{data_rows}</ul>"
            f"<table>{version_rows}</table>"
            "<p>For a bug report: <code>mapviewer --version --verbose</code></p>"
        )
        self.about_box = box
        box.open()

    def show_error(self, error: InputError) -> None:
        """Say what went wrong in a dialog; the window keeps what it was showing."""
        box = QMessageBox(QMessageBox.Icon.Critical, "mapviewer", error.message, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # file text must never render as markup
        self.error_box = box
        box.open()

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

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
        self._apply_text_size()
        try:
            self.presentation.set_points(float(self.settings.value("present/size", self.presentation.points)))
        except (TypeError, ValueError):
            pass
        last_event = self.settings.value("session/event")
        if isinstance(last_event, str) and last_event in self.index.events:
            self.selection.select_event(last_event)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt API)
        urls = event.mimeData().urls()
        if urls:
            event.acceptProposedAction()
            self.editor.open_path(urls[0].toLocalFile())

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.exports.running:
            self.exports.cancel()
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

"""Pictures of the map for exports and screenshots: a window steps through events and is
grabbed each time the page reports that the map has settled (never after a fixed time)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from ..model.errors import InputError

SETTLE_TIMEOUT_MS = 30_000


class OffscreenRenderer(QObject):
    """A ``MapRenderer`` (see ``mapviewer.export.protocols``) over a window that may stay hidden.

    Layouts: "slide" grabs the audience's layout, "map" the map alone, "window" the window as it is.
    """

    progress = Signal(int, int)  # done, total

    def __init__(self, window, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self._ids: list[str] = []
        self._done = 0
        self._waiting: tuple[str, str] | None = None
        self._last_image: QImage | None = None
        self._on_image: Callable[[str, QImage], None] | None = None
        self._on_done: Callable[[str | None], None] | None = None
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.timeout.connect(
            lambda: self._finish(f"the map did not settle within {SETTLE_TIMEOUT_MS // 1000} s")
        )
        self._layout = "window"
        window.map_view.bridge.settled.connect(self._on_settled)

    @classmethod
    def hidden(cls, index, make_window: Callable[..., QWidget], parent: QObject | None = None) -> OffscreenRenderer:
        """A renderer with a window of its own (``make_window(index, None)``: a main window with
        throwaway settings), never shown on screen."""
        window = make_window(index, None)
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.show()
        renderer = cls(window, parent)
        renderer._owns_window = True
        return renderer

    def render(
        self,
        event_ids: Sequence[str],
        layout: str,
        size: tuple[int, int],
        on_image: Callable[[str, QImage], None],
        on_done: Callable[[str | None], None],
    ) -> None:
        self._ids, self._done = list(event_ids), 0
        self._on_image, self._on_done = on_image, on_done
        self._layout = layout
        w = self.window
        if layout == "slide":
            w.presentation.start(tour_id="", fullscreen=False, with_presenter=False)
        elif layout == "map":
            w.show_map_only()
            # A printed map wants the room's larger labels, and no zoom buttons nobody can press.
            w.map_view.call("setPresentation", True)
        w.resize(*size)
        # A picture wants the map where it ends, not its flight there: no flights, no fades.
        w.map_view.call("setStill", True)
        self._timeout.start(SETTLE_TIMEOUT_MS)
        if w.map_view.is_ready:
            QTimer.singleShot(0, self._step)
        else:
            w.map_view.ready.connect(self._step, Qt.ConnectionType.SingleShotConnection)

    def render_current(self, on_image: Callable[[str, QImage], None], on_done: Callable[[str | None], None]) -> None:
        """One picture of the window as it stands, once the map has settled."""
        self._ids, self._done = [], 0
        self._on_image, self._on_done = on_image, on_done
        self._timeout.start(SETTLE_TIMEOUT_MS)
        self._expect()

    def cancel(self) -> None:
        if self._on_done is not None:
            self._finish("cancelled")

    def _step(self) -> None:
        if self._on_done is None:
            return
        if self._done >= len(self._ids):
            self._finish(None)
            return
        self.window.selection.select_event(self._ids[self._done])
        self._expect()

    def _expect(self) -> None:
        selection = self.window.selection
        self._waiting = (selection.event or "", selection.date.isoformat())
        self._timeout.start(SETTLE_TIMEOUT_MS)
        self.window.map_view.request_settled()

    def _on_settled(self, event_id: str, date: str) -> None:
        if self._waiting != (event_id, date):
            return
        view = self.window.map_view
        if view.zoomFactor() == 1 and view.bridge.settled_size != (view.width(), view.height()):
            # The page settled before Chromium had the view's new size (the window was just
            # resized, or laid out for the room): it will move again, so wait for that.
            view.request_settled()
            return
        target = self.window.map_view if self._layout == "map" else self.window
        image = target.grab().toImage()
        # The page has drawn its last frame, but the widget may not show it yet: the picture is
        # taken when two grabs, a page round trip (two frames) apart, agree.
        if image != self._last_image:
            self._last_image = image
            self.window.map_view.request_settled()
            return
        self._waiting = None
        self._last_image = None
        try:
            self._on_image(event_id, image)
        except InputError as exc:
            self._finish(exc.message)
            return
        if not self._ids:
            self._finish(None)
            return
        self._done += 1
        self.progress.emit(self._done, len(self._ids))
        QTimer.singleShot(0, self._step)  # not from inside the bridge's signal

    def _finish(self, error: str | None) -> None:
        self._timeout.stop()
        self._waiting = None
        done, self._on_done = self._on_done, None
        if self._layout == "slide" and self.window.presentation.active:
            self.window.presentation.stop()
        if not getattr(self, "_owns_window", False):
            self.window.map_view.call("setStill", False)
        if done is not None:
            done(error)

    def close(self) -> None:
        """Let go of the window if it is the renderer's own."""
        if getattr(self, "_owns_window", False):
            # Later, not now: this may run inside a signal of the window's own page.
            self.window.close()
            self.window.deleteLater()

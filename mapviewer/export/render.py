"""Drive a window through events offscreen and capture each once the map has settled."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

# The map has landed when its view reads the same twice, POLL_MS apart, after MIN_MS.
POLL_MS = 250
MIN_MS = 700
TIMEOUT_MS = 30_000


class EventRenderer(QObject):
    """Selects each event in turn and hands ``capture()``'s picture to ``on_image``.

    Asynchronous: call ``start()`` and wait for ``finished`` (ok: bool, message: str).
    """

    progress = Signal(int, int)  # done, total
    finished = Signal(bool, str)

    def __init__(self, window, event_ids: list[str], capture: Callable[[], QImage],
                 on_image: Callable[[str, QImage], None]) -> None:
        super().__init__(window)
        self.window = window
        self.event_ids = list(event_ids)
        self.capture = capture
        self.on_image = on_image
        self._next = 0
        self._waiting: str | None = None
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.timeout.connect(lambda: self._finish(False, "the map page did not respond in 30 s"))
        self._last_view = None
        window.map_view.bridge.page_shown.connect(self._on_shown)

    def start(self) -> None:
        if self.window.map_view.is_ready:
            self._step()
        else:
            self.window.map_view.ready.connect(self._step)
        self._timeout.start(TIMEOUT_MS)

    def _step(self) -> None:
        if self._next >= len(self.event_ids):
            self._finish(True, "")
            return
        event_id = self.event_ids[self._next]
        self._waiting = event_id
        self.window.selection.select_event(None)
        self.window.selection.select_event(event_id)
        self._timeout.start(TIMEOUT_MS)

    def _on_shown(self, kind: str, value: str) -> None:
        if kind == "event" and value and value == self._waiting:
            self._waiting = None
            self._last_view = None
            QTimer.singleShot(MIN_MS, self._poll)

    def _poll(self) -> None:
        self.window.map_view.page().runJavaScript("mapviewer.view()", 0, self._on_view)

    def _on_view(self, view) -> None:
        if view is not None and view == self._last_view:
            self._grab()
        else:
            self._last_view = view
            QTimer.singleShot(POLL_MS, self._poll)

    def _grab(self) -> None:
        event_id = self.event_ids[self._next]
        try:
            self.on_image(event_id, self.capture())
        except OSError as exc:
            self._finish(False, str(exc))
            return
        self._next += 1
        self.progress.emit(self._next, len(self.event_ids))
        self._step()

    def _finish(self, ok: bool, message: str) -> None:
        self._timeout.stop()
        try:
            self.window.map_view.bridge.page_shown.disconnect(self._on_shown)
        except RuntimeError:
            pass
        self.finished.emit(ok, message)

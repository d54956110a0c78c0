"""The map view: a locked-down QWebEngineView, its local URL scheme and its bridge object."""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections import deque

from PySide6.QtCore import QBuffer, QByteArray, QFile, QIODevice, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from ..mappage.build import (
    BORDERS_FILE,
    PAGE_URL_BASE,
    WATER_FILE,
    cached_page,
    load_borders_bytes,
    load_water_bytes,
    page_assets,
)
from ..mappage.encode import command
from ..mappage.payload import page_payload
from ..model.document import Document
from ..model.errors import InputError
from ..model.index import PlaceEventIndex
from ..model.selection import Selection

log = logging.getLogger(__name__)

SCHEME = b"mapviewer"
PAGE_URL = QUrl(PAGE_URL_BASE + "map.html")
APP_HOST = PAGE_URL.host()  # "app": the only host the scheme serves
# Schemes the page may load from: its own, and data/blob URLs Leaflet makes itself.
ALLOWED_SCHEMES = {"mapviewer", "data", "blob"}
MIME = {
    "html": b"text/html",
    "js": b"text/javascript",
    "css": b"text/css",
    "png": b"image/png",
    "geojson": b"application/json",
}


def register_scheme() -> None:
    """Declare the app's URL scheme; must run before the QApplication is created."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.FetchApiAllowed  # the page fetches its borders
    )
    QWebEngineUrlScheme.registerScheme(scheme)


def error_page(message: str) -> bytes:
    """A plain page saying why the map is missing; the rest of the window still works."""
    return (
        "<!DOCTYPE html><meta charset='utf-8'><body style='font:15px sans-serif;padding:2em;background:#eee'>"
        f"<h3>The map cannot be drawn</h3><p>{html.escape(message)}</p></body>"
    ).encode()


def channel_js() -> str:
    """Qt's qwebchannel.js (the page's end of the bridge), from Qt's own resources."""
    qfile = QFile(":/qtwebchannel/qwebchannel.js")
    if not qfile.open(QIODevice.OpenModeFlag.ReadOnly):
        raise InputError("qwebchannel.js", "Qt's web channel script is missing", fix="reinstall PySide6")
    return bytes(qfile.readAll().data()).decode("utf-8")


class AppSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves the map page and its assets from the installed package, nothing else."""

    failed = Signal(object)  # InputError: the page could not be built

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._assets = None
        self._page: bytes | None = None
        # The last failure no window has shown yet: the page is asked for while the window is
        # still being built, before the window can hear of it.
        self.failure: InputError | None = None

    def _fail(self, exc: InputError) -> None:
        self.failure = exc
        self.failed.emit(exc)

    def _content(self, path: str) -> bytes | None:
        if path == "map.html":
            if self._page is None:
                try:
                    self._page = cached_page(channel_js())
                except InputError as exc:
                    self._fail(exc)
                    return error_page(exc.message)
                self.failure = None
            return self._page
        if path == BORDERS_FILE:
            return self._borders()
        if path == WATER_FILE:
            return self._water()
        if self._assets is None:
            self._assets = page_assets()
        file = self._assets.get(path)
        return file.read_bytes() if file else None

    def _borders(self) -> bytes | None:
        try:
            return load_borders_bytes()
        except InputError as exc:
            self._fail(exc)
            return None

    def _water(self) -> bytes | None:
        try:
            return load_water_bytes()
        except InputError as exc:
            self._fail(exc)
            return None

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt API)
        url = job.requestUrl()
        path = url.path().lstrip("/")
        if url.host() != APP_HOST:
            # One origin only: another host of the scheme is answered, at once, as not found.
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        try:
            data = self._content(path)
        except OSError as exc:
            log.error("cannot read page asset %s: %s", path, exc)
            data = None
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(parent=job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(MIME.get(path.rsplit(".", 1)[-1], b"application/octet-stream"), buffer)


class OfflineInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks, and records, every request that would leave the app's own resources."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info) -> None:  # noqa: N802 (Qt API)
        url = info.requestUrl()
        if url.scheme() not in ALLOWED_SCHEMES:
            info.block(True)
            self.blocked.append(url.toString())
            log.warning("blocked a request to %s", url.toString())


_PROFILE_SETUP: dict[str, QObject] = {}


def offline_profile() -> QWebEngineProfile:
    """The default (off-the-record) profile, set up once with our scheme and interceptor."""
    profile = QWebEngineProfile.defaultProfile()
    if not _PROFILE_SETUP:
        handler = AppSchemeHandler(profile)
        interceptor = OfflineInterceptor(profile)
        profile.installUrlSchemeHandler(SCHEME, handler)
        profile.setUrlRequestInterceptor(interceptor)
        _PROFILE_SETUP.update(handler=handler, interceptor=interceptor)
    return profile


def scheme_handler() -> AppSchemeHandler:
    offline_profile()
    return _PROFILE_SETUP["handler"]


def blocked_requests() -> list[str]:
    interceptor = _PROFILE_SETUP.get("interceptor")
    return list(interceptor.blocked) if interceptor else []


class MapPage(QWebEnginePage):
    """Stays on the map page: every other navigation is refused.

    The page shows no links (all text from files is inert), and Chromium cannot tell a
    script's navigation from a reader's click, so nothing is handed to a browser either.
    """

    console_error = Signal(str)
    navigation_refused = Signal(QUrl)

    def acceptNavigationRequest(self, url: QUrl, nav_type, is_main_frame: bool) -> bool:  # noqa: N802
        if url == PAGE_URL and nav_type != QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            return True
        log.info("refused navigation to %s", url.toString())
        self.navigation_refused.emit(url)
        return False

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: N802
        text = f"map page: {message} ({source}:{line})"
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            log.error(text)
            self.console_error.emit(message)
        else:
            log.info(text)


class Bridge(QObject):
    """The one object the page sees: commands go in as JSON, reader actions come out."""

    command = Signal(str)
    ready = Signal()
    place_clicked = Signal(str)
    place_closed = Signal(str)
    event_chosen = Signal(str)
    page_shown = Signal(str, str)
    settled = Signal(str, str)  # event id ("" for none), ISO date
    place_moved = Signal(str, float, float)
    settled_size: tuple[int, int] = (0, 0)  # the page's size (CSS px) at its last settled report

    @Slot()
    def pageReady(self) -> None:  # noqa: N802 (called from JavaScript)
        self.ready.emit()

    @Slot(str)
    def placeClicked(self, place_id: str) -> None:  # noqa: N802
        self.place_clicked.emit(place_id)

    @Slot(str)
    def placeClosed(self, place_id: str) -> None:  # noqa: N802
        self.place_closed.emit(place_id)

    @Slot(str)
    def eventChosen(self, event_id: str) -> None:  # noqa: N802
        self.event_chosen.emit(event_id)

    @Slot(str, float, float)
    def placeMoved(self, place_id: str, lat: float, lon: float) -> None:  # noqa: N802
        self.place_moved.emit(place_id, lat, lon)

    @Slot(str, str)
    def shown(self, kind: str, value: str) -> None:
        """The page has drawn a selection ("event", id) or a date ("date", ISO date)."""
        self.page_shown.emit(kind, value)

    @Slot(str, str, int, int)
    def pageSettled(self, event_id: str, date: str, width: int, height: int) -> None:  # noqa: N802
        """The map has stopped: no flight, no border fade, borders drawn; at this size of page."""
        self.settled_size = (width, height)
        self.settled.emit(event_id, date)


class MapView(QWebEngineView):
    """Shows the map page; ``call`` runs a named page function once the page is ready.

    ``follow`` ties it to a document and a selection: the page shows what they hold, and
    what the reader does on the map goes back to the selection.
    """

    ready = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bridge = Bridge(self)
        self._queue: deque[str] = deque()
        self._ready = False
        self._payload: dict | None = None  # what the page was last told of the index
        page = MapPage(offline_profile(), self)
        self._channel = QWebChannel(page)
        self._channel.registerObject("bridge", self.bridge)
        page.setWebChannel(self._channel)
        self.setPage(page)
        self.bridge.ready.connect(self._on_page_ready)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAccessibleName("Map")
        self.setAccessibleDescription(
            "Map of Europe on the selected date, with the selected event's places highlighted. "
            "The Places menu (Alt+P) lists every place and its events as text."
        )
        self.load(PAGE_URL)

    @property
    def is_ready(self) -> bool:
        return self._ready

    def follow(self, document: Document, selection: Selection) -> None:
        self.selection = selection
        document.index_changed.connect(self._on_index)
        selection.event_changed.connect(self._on_event)
        selection.place_changed.connect(self._on_place)
        selection.date_changed.connect(self._on_date)
        self.bridge.place_clicked.connect(self._on_place_clicked)
        self.bridge.place_closed.connect(self._on_place_closed)
        self.bridge.event_chosen.connect(self._on_event_chosen)
        self._on_index(document.index)

    def request_settled(self) -> None:
        """Ask the page to report ``bridge.settled`` once the map has stopped moving."""
        self.call("reportSettled")

    def _on_index(self, index: PlaceEventIndex) -> None:
        payload = page_payload(index)
        if payload == self._payload:
            return  # an edit the map does not show (a lecture's step, say): the map stays where it is
        self._payload = payload
        # The page starts the new index with nothing chosen: give it the selection again.
        self.call("setIndex", payload)
        selection = self.selection
        if selection.event:
            self.call("selectEvent", selection.event)
        if selection.place:
            self.call("selectPlace", selection.place)
        self.call("showDate", selection.date.isoformat())

    def _on_event(self, event_id: str | None) -> None:
        self.call("selectEvent", event_id)

    def _on_place(self, place_id: str | None) -> None:
        self.call("selectPlace", place_id)

    def _on_date(self, date: dt.date) -> None:
        self.call("showDate", date.isoformat())

    def _on_place_clicked(self, place_id: str) -> None:
        if place_id in self.selection.index.places:
            self.selection.select_place(place_id)

    def _on_place_closed(self, place_id: str) -> None:
        if self.selection.place == place_id:
            self.selection.select_place(None)

    def _on_event_chosen(self, event_id: str) -> None:
        if event_id in self.selection.index.events:
            self.selection.select_event(event_id)

    def call(self, fn: str, *args: object) -> None:
        """Run the page function ``fn`` with JSON-encoded arguments (queued until ready)."""
        message = command(fn, *args)
        if self._ready:
            self.bridge.command.emit(message)
        else:
            self._queue.append(message)

    def _on_page_ready(self) -> None:
        self._ready = True
        while self._queue:
            self.bridge.command.emit(self._queue.popleft())
        self.ready.emit()

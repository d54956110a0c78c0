"""One measured scenario per process, run by bench/run.py; prints one JSON line of results."""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


def _emit(result: dict) -> None:
    print(json.dumps(result), flush=True)


def _wait(app, predicate, timeout=60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("timed out")
        app.processEvents()
        time.sleep(0.0005)


def _percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def startup_floor() -> None:
    """The platform's floor: a bare QWebEngineView showing a one-line page."""
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    view = QWebEngineView()
    loaded = []
    view.loadFinished.connect(loaded.append)
    view.setHtml("<p>floor</p>")
    view.show()
    _wait(app, lambda: loaded)
    _emit({"ready": time.time()})


def startup_app() -> None:
    """The app on the Carr passage: window shown, map page ready, an event selectable."""
    from PySide6.QtCore import QSettings

    from mapviewer.cli import open_main_window
    from mapviewer.qt.app import create_application, start_map_page

    app = create_application([sys.argv[0]])
    # As `mapviewer` starts: the map page first, loading while the rest of the window is built.
    map_view = start_map_page()
    shown = {}
    map_view.bridge.page_shown.connect(lambda kind, value: shown.setdefault(kind, time.time()))
    open_main_window(None, QSettings(os.environ["BENCH_SETTINGS"], QSettings.Format.IniFormat), map_view)
    _wait(app, lambda: "index" in shown and "borders" in shown and "water" in shown)
    _emit({"ready": shown["index"], "borders": shown["borders"], "water": shown["water"]})


def _interactive(index_path: str | None, rounds: int) -> dict:
    from PySide6.QtCore import QSettings

    from mapviewer.cli import load_for_path
    from mapviewer.qt.app import create_application
    from mapviewer.qt.main_window import MainWindow

    app = create_application([sys.argv[0]])
    started = time.perf_counter()
    index = load_for_path(index_path)
    parsed = time.perf_counter()
    shown: list[tuple[str, str]] = []
    window = MainWindow(index, QSettings(os.environ["BENCH_SETTINGS"], QSettings.Format.IniFormat))
    window.map_view.bridge.page_shown.connect(lambda kind, value: shown.append((kind, value)))
    window.show()
    _wait(app, lambda: any(k == "index" for k, _ in shown), timeout=120)
    loaded = time.perf_counter()
    _wait(app, lambda: any(k == "borders" for k, _ in shown), timeout=120)
    events = [e.id for e in index.chronological]
    sample = int(os.environ.get("BENCH_SAMPLE", "0"))
    if sample and len(events) > sample:
        events = events[:: len(events) // sample][:sample]  # evenly spread over the book
    latencies = []
    pace = float(os.environ.get("BENCH_PACE", "0"))  # seconds between selections; 0: back to back
    for _ in range(rounds):
        for event_id in events:
            resume = time.monotonic() + pace
            while time.monotonic() < resume:  # a reader's pause: flights and fades run on meanwhile
                app.processEvents()
                time.sleep(0.001)
            mark = len(shown)
            t0 = time.perf_counter()
            window.selection.select_event(event_id)
            _wait(app, lambda event_id=event_id, mark=mark: ("event", event_id) in shown[mark:])
            assert window.passage_view.highlighted_event_text() == index.events[event_id].anchor.exact
            latencies.append((time.perf_counter() - t0) * 1000)
    switches = []
    dates = ["1920-01-10", "1920-11-15", "1921-03-18", "1922-06-20", "1922-12-06", "1920-07-28"]
    for i in range(rounds * 6):
        date = dates[i % len(dates)]
        mark = len(shown)
        t0 = time.perf_counter()
        window.map_view.call("showDate", date)
        _wait(app, lambda date=date, mark=mark: ("date", date) in shown[mark:])
        switches.append((time.perf_counter() - t0) * 1000)
        time.sleep(0.4)  # let the fade finish before the next switch
        app.processEvents()
    return {
        "parse_s": parsed - started,
        "load_s": loaded - started,
        "select_p50_ms": _percentile(latencies, 0.5),
        "select_p95_ms": _percentile(latencies, 0.95),
        "select_n": len(latencies),
        "switch_ms": switches,
    }


def interactive() -> None:
    _emit(
        _interactive(
            sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else None, int(os.environ.get("BENCH_ROUNDS", "3"))
        )
    )


_FLOOR_PAGE = """<!doctype html><html><head><script src="qrc:///qtwebchannel/qwebchannel.js"></script></head>
<body><div id="mark">-</div><script>
new QWebChannel(qt.webChannelTransport, function (channel) {
  const bridge = channel.objects.bridge, mark = document.getElementById("mark");
  bridge.command.connect(function (id) {
    mark.textContent = id;
    mark.style.background = Number(id) % 2 ? "#d9661f" : "#ffffff";
    requestAnimationFrame(function () { bridge.shown(id); });
  });
  bridge.ready();
});
</script></body></html>"""


def selection_floor() -> None:
    """The floor of selection latency: a bare page, on the same bridge, changes one element and
    confirms at its next frame, as the map page confirms a highlight (the same measure)."""
    from PySide6.QtCore import QObject, QUrl, Signal, Slot
    from PySide6.QtWebChannel import QWebChannel
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    class Bridge(QObject):
        command = Signal(str)

        def __init__(self) -> None:
            super().__init__()
            self.is_ready = False
            self.seen: list[tuple[str, float]] = []

        @Slot()
        def ready(self) -> None:
            self.is_ready = True

        @Slot(str)
        def shown(self, value: str) -> None:
            self.seen.append((value, time.perf_counter()))

    app = QApplication([])
    view = QWebEngineView()
    view.resize(1280, 800)
    bridge = Bridge()
    channel = QWebChannel(view.page())
    channel.registerObject("bridge", bridge)
    view.page().setWebChannel(channel)
    view.setHtml(_FLOOR_PAGE, QUrl("qrc:///"))
    view.show()
    _wait(app, lambda: bridge.is_ready)
    latencies = []
    for i in range(44 * int(os.environ.get("BENCH_ROUNDS", "3"))):
        t0 = time.perf_counter()
        bridge.command.emit(str(i))
        _wait(app, lambda i=i: any(v == str(i) for v, _ in bridge.seen[-3:]))
        latencies.append((bridge.seen[-1][1] - t0) * 1000)
    _emit({"select_p50_ms": _percentile(latencies, 0.5), "select_p95_ms": _percentile(latencies, 0.95)})


def regenerate() -> None:
    """The common folium-in-Qt approach: rebuild the whole page and reload it per selection."""
    import folium
    import xstatic.pkg.leaflet as xleaflet
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    from mapviewer.cli import load_for_path
    from mapviewer.mappage.build import load_borders_bytes

    app = QApplication([])
    index = load_for_path(None)
    borders = json.loads(load_borders_bytes())
    leaflet = xleaflet.BASE_DIR
    view = QWebEngineView()
    view.resize(1280, 800)
    view.show()
    loaded = []
    view.loadFinished.connect(loaded.append)
    out = os.path.join(os.environ["BENCH_TMP"], "regenerated.html")
    times = []
    for event in index.chronological[: int(os.environ.get("BENCH_REGEN", "8"))]:
        t0 = time.perf_counter()
        fmap = folium.Map(location=[52, 20], zoom_start=4, tiles=None)
        fmap.default_js = [("leaflet", f"file://{leaflet}/leaflet.js")]
        fmap.default_css = [("leaflet_css", f"file://{leaflet}/leaflet.css")]
        folium.GeoJson(borders).add_to(fmap)
        for place in index.places.values():
            on = place.id in event.place_ids
            folium.CircleMarker(
                [place.lat, place.lon], radius=10 if on else 5, color="#d35400" if on else "#1f4e79", tooltip=place.name
            ).add_to(fmap)
        fmap.save(out)
        loaded.clear()
        view.load(QUrl.fromLocalFile(out))
        _wait(app, lambda: loaded)
        times.append((time.perf_counter() - t0) * 1000)
    _emit({"regenerate_ms": times})


if __name__ == "__main__":
    {
        "startup-floor": startup_floor,
        "startup-app": startup_app,
        "interactive": interactive,
        "selection-floor": selection_floor,
        "regenerate": regenerate,
    }[sys.argv[1]]()

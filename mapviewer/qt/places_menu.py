"""The Places menu: every place and its events as text, for the keyboard and for screen readers
(what a click on the map's marker shows in its popup)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from ..model.document import Document
from ..model.index import PlaceEventIndex
from ..model.selection import Selection
from .text import shown


def _menu_text(text: str) -> str:
    """``text`` as a menu shows it: an ampersand in a name is not a shortcut."""
    return shown(text).replace("&", "&&")


class PlacesMenu(QMenu):
    """One submenu per place, named with its number of events: "Show … on the map" selects the
    place (the map opens its popup), and each event under it selects that event. The selected
    event's places come first. Built each time it opens, from the index and selection of the moment."""

    def __init__(self, parent=None) -> None:
        super().__init__("&Places", parent)
        self._selection: Selection | None = None
        self._submenus: list[QMenu] = []
        self.aboutToShow.connect(self._build)

    def follow(self, document: Document, selection: Selection) -> None:
        self._selection = selection

    def _build(self) -> None:
        for submenu in self._submenus:
            submenu.deleteLater()
        self._submenus = []
        self.clear()
        if self._selection is None:
            return
        index = self._selection.index
        if not index.places:
            self.addAction("No places in this index").setEnabled(False)
            return
        event = index.events.get(self._selection.event) if self._selection.event else None
        if event is not None and event.place_ids:
            self.addSection(_menu_text(f"Places of {event.title}"))
            for place_id in event.place_ids:
                self._add_place(index, place_id)
            self.addSection("All places")
        for place in sorted(index.places.values(), key=lambda p: p.label.casefold()):
            self._add_place(index, place.id)

    def _add_place(self, index: PlaceEventIndex, place_id: str) -> None:
        place = index.places.get(place_id)
        if place is None:
            return
        events = index.events_at(place_id)
        count = f"{len(events)} event{'s' if len(events) != 1 else ''}"
        # The first letter is the mnemonic: typing it in the open menu goes from place to place.
        submenu = QMenu(f"&{_menu_text(place.label)} \u2014 {count}", self)
        self._submenus.append(submenu)
        selection = self._selection
        show = submenu.addAction(f"Show {_menu_text(place.label)} on the map")
        show.triggered.connect(lambda _=False, p=place_id: selection.select_place(p) if selection else None)
        if events:
            submenu.addSeparator()
        for event in events:
            action = submenu.addAction(_menu_text(f"{event.date.label()} \u2014 {event.title}"))
            action.triggered.connect(lambda _=False, e=event.id: selection.select_event(e) if selection else None)
        self.addMenu(submenu)

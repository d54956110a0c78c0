"""What the editor does — open, save, recover, edit, suggest, import — with every question
to the reader asked through an ``EditorView``, so it runs (and is tested) without dialogs."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal, Protocol

from ..interchange import save as saving
from ..model import anchors, edits, ids
from ..model.document import Document
from ..model.edits import Change
from ..model.errors import InputError
from ..model.files import exists
from ..model.index import INDEX_SUFFIX, JsonObject, PlaceEventIndex, index_from_json, index_path_for, load_index
from ..model.passage import load_passage
from ..model.selection import Selection

SaveAnswer = Literal["save", "discard", "cancel"]
ChangedAnswer = Literal["overwrite", "save_as", "cancel"]


def disk_digest(path: str | Path) -> str | None:
    """What a file holds now, as a hash; None when there is no such file (or it cannot be read)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def open_document(path: str | Path) -> PlaceEventIndex:
    """An index file, a passage with the index beside it, or a passage alone (a new, empty index)."""
    path = Path(path)
    if path.name.endswith(INDEX_SUFFIX) or path.suffix == ".json":
        index = load_index(path)
    else:
        passage = load_passage(path)
        index_file = index_path_for(path)
        index = load_index(index_file, passage) if exists(index_file) else edits.empty_index(passage, index_file)
    # A save killed half-way left temporary files beside it: the file itself is whole, they can go.
    saving.clean_after_crash(index.path)
    return index


class EditorView(Protocol):
    """The questions and messages the editor needs; the window answers with dialogs."""

    def ask_open_path(self) -> str | None: ...
    def ask_save_path(self, suggested: str) -> str | None: ...
    def ask_csv_path(self) -> str | None: ...
    def ask_save_changes(self) -> SaveAnswer: ...
    def ask_restore(self, path: str) -> bool: ...
    def ask_changed_on_disk(self, path: str) -> ChangedAnswer: ...
    def edit_event(self, index: PlaceEventIndex, event: JsonObject) -> JsonObject | None: ...
    def edit_place(self, index: PlaceEventIndex, place: JsonObject | None) -> JsonObject | None: ...
    # The ids of the events to keep; the view may correct their titles and dates in ``suggested``.
    def choose_suggestions(self, suggested: JsonObject) -> set[str] | None: ...
    def selected_span(self) -> tuple[int, int] | None: ...
    def show_error(self, error: InputError) -> None: ...
    def show_warnings(self, lines: list[str]) -> None: ...
    def show_message(self, text: str) -> None: ...
    def remember(self, path: str) -> None: ...


class Editor:
    """Opens, changes and saves the document; asks the reader only through ``view``."""

    def __init__(self, document: Document, selection: Selection, view: EditorView) -> None:
        self.document = document
        self.selection = selection
        self.view = view
        self._read = self._on_disk()  # the file as this document last read or wrote it

    def _on_disk(self) -> tuple[str, str | None]:
        path = self.index.path
        return path, disk_digest(path) if path else None

    @property
    def index(self) -> PlaceEventIndex:
        return self.document.index

    @property
    def modified(self) -> bool:
        return self.document.modified

    # ---- files -------------------------------------------------------------------

    def open_path(self, path: str | Path) -> bool:
        """Open a passage or index in place of the current one; False if it was not opened."""
        if not self.confirm_discard():
            return False
        try:
            index = open_document(path)
        except InputError as exc:
            self.view.show_error(exc)
            return False
        index, restored = self._offer_recovery(index)
        self.document.open(index, modified=restored)
        self._read = self._on_disk()
        # "Open recent" offers the index once it is on disk; until then the passage that was opened.
        self.view.remember(index.path if index.path and Path(index.path).exists() else str(path))
        return True

    def ask_open(self) -> bool:
        path = self.view.ask_open_path()
        return self.open_path(path) if path else False

    def offer_recovery(self) -> bool:
        """For the document the app started with: offer its recovery copy, as opening it from
        the menu would; True if the reader took it."""
        if self.modified:
            return False
        index, restored = self._offer_recovery(self.index)
        if restored:
            self.document.open(index, modified=True)
        return restored

    def _offer_recovery(self, index: PlaceEventIndex) -> tuple[PlaceEventIndex, bool]:
        """The recovery copy left by a session that ended unexpectedly, if the reader wants it."""
        if not index.path or saving.find_recovery(index.path) is None:
            return index, False
        if self.view.ask_restore(index.path):
            try:
                return saving.load_recovery(index.path, index.passage), True
            except InputError as exc:
                self.view.show_error(exc)
                return index, False  # keep the copy: it may be readable another day
        saving.discard_recovery(index.path)
        return index, False

    def save(self) -> bool:
        return self.save_as(self.index.path or None)

    def save_as(self, path: str | Path | None) -> bool:
        """Save to ``path`` (asked for when None); on failure nothing is lost and the reader is told."""
        if path is None:
            path = self.view.ask_save_path(str(index_path_for(self.index.passage.path or "passage.txt")))
            if not path:
                return False
        if str(path) == self._read[0] and disk_digest(path) != self._read[1]:
            # Another program has written the file since it was read: ask before replacing its work.
            answer = self.view.ask_changed_on_disk(str(path))
            if answer == "save_as":
                return self.save_as(None)
            if answer != "overwrite":
                return False
        try:
            written = saving.save_index(self.index, path)
        except InputError as exc:
            self.view.show_error(exc)
            return False
        saving.discard_recovery(written)
        if self.index.path and str(written) != self.index.path:
            saving.discard_recovery(self.index.path)
        self.document.mark_saved(str(path))
        self._read = self._on_disk()
        self.view.remember(str(path))
        self.view.show_message(f"Saved {path}")
        return True

    def write_recovery(self) -> bool:
        """The autosave: a recovery copy of unsaved work; never interrupts the reader."""
        if not (self.modified and self.index.path):
            return False
        try:
            saving.write_recovery_copy(self.index, self.index.path)
        except InputError:
            return False  # the next save says what is wrong
        return True

    def confirm_discard(self) -> bool:
        """True when it is fine to drop the current index (saved, or the reader said so)."""
        if not self.modified:
            return True
        answer = self.view.ask_save_changes()
        if answer == "save":
            return self.save()
        if answer == "discard":
            # Dropped on purpose: the autosave's copy must not come back as "a session that ended unexpectedly".
            if self.index.path:
                saving.discard_recovery(self.index.path)
            return True
        return False

    # ---- edits -------------------------------------------------------------------

    def change(self, text: str, change: Change) -> bool:
        """Apply an edit as one undoable step; a bad edit is explained and nothing changes."""
        try:
            self.document.change(text, change)
        except InputError as exc:
            self.view.show_error(exc)
            return False
        return True

    def new_event_from_selection(self) -> bool:
        span = self.view.selected_span()
        if span is None:
            self.view.show_message("Select the words of the event in the text first.")
            return False
        text = self.index.passage.text
        words = text[span[0] : span[1]]
        try:
            anchor = anchors.quote_for(text, *span).to_json()
        except anchors.AnchorError as exc:
            self.view.show_message(f"These words cannot anchor an event: {exc}")
            return False
        from ..suggest.draft import place_roles, propose_event

        # The words are read for their own date, places and action ("a second defeat near Grodno
        # in late September"); the date written before them is the fallback.
        proposal = propose_event(self.index.passage, *span)
        new_places = [m.place.index_place([m.text]) for m in proposal.places if m.place.id not in self.index.places]
        event: JsonObject = {
            "id": ids.unique_id(proposal.title or words[:40], set(self.index.events), fallback="event"),
            "title": proposal.title or words[:60].strip(),
            "date": proposal.date or self._date_near(span),
            "summary": words[:200],
            "places": place_roles(proposal.places),
            "anchor": anchor,
        }
        if proposal.date_source:
            event["date_source"] = proposal.date_source
        shown = self.index
        if new_places:  # the dialog offers the places the words name, ticked, before they are in the index
            data = shown.to_json()
            for place in new_places:
                edits.put_place(place)(data)
            shown = index_from_json(data, self.index.passage, self.index.path, schema_checked=False)
        result = self.view.edit_event(shown, event)
        if result is None:
            return False
        used = {r["place"] for r in result.get("places", [])}
        needed = [edits.put_place(p) for p in new_places if p["id"] in used]

        def add(data: JsonObject) -> None:
            for change in needed:
                change(data)
            edits.put_event(result)(data)

        if not self.change("New event", add):
            return False
        self.selection.select_event(result["id"])
        return True

    def _date_near(self, span: tuple[int, int]) -> str:
        """When the words give no date: the last date written before them (or in them)."""
        from ..suggest.dates import find_dates

        found = find_dates(self.index.passage.text, 0, span[1])
        return found[-1].value if found else "1921"

    def _as_written(self, kind: str, item_id: str) -> JsonObject:
        """An event or place as the index file writes it, for a dialog to edit."""
        items: list[JsonObject] = self.index.to_json()[kind]
        return next(item for item in items if item["id"] == item_id)

    def edit_event(self) -> bool:
        event_id = self.selection.event
        if not event_id:
            self.view.show_message("Choose an event first.")
            return False
        result = self.view.edit_event(self.index, self._as_written("events", event_id))
        return result is not None and self.change("Edit event", edits.put_event(result))

    def delete_event(self) -> bool:
        event_id = self.selection.event
        return event_id is not None and self.change("Delete event", edits.delete_event(event_id))

    def new_place(self) -> bool:
        result = self.view.edit_place(self.index, None)
        return result is not None and self.change("New place", edits.put_place(result))

    def edit_place(self) -> bool:
        place_id = self.selection.place
        if not place_id:
            self.view.show_message("Click a place on the map first.")
            return False
        result = self.view.edit_place(self.index, self._as_written("places", place_id))
        return result is not None and self.change("Edit place", edits.put_place(result))

    def delete_place(self) -> bool:
        place_id = self.selection.place
        return place_id is not None and self.change("Delete place", edits.delete_place(place_id))

    def move_place(self, place_id: str, lat: float, lon: float) -> bool:
        return place_id in self.index.places and self.change("Move place", edits.move_place(place_id, lat, lon))

    def suggest(self) -> bool:
        from ..suggest.draft import suggest_index

        try:
            suggested = suggest_index(self.index.passage)
        except InputError as exc:
            self.view.show_error(exc)
            return False
        if not suggested["events"]:
            self.view.show_message("No dates or places found in the text.")
            return False
        chosen = self.view.choose_suggestions(suggested)
        if not chosen:
            return False
        return self.change("Accept suggestions", edits.accept_suggestions(suggested, chosen))

    def import_csv(self, path: str | Path | None = None) -> bool:
        from ..interchange.csv_import import import_events_csv

        path = path or self.view.ask_csv_path()
        if not path:
            return False
        try:
            new, messages = import_events_csv(path, self.index)
        except InputError as exc:
            self.view.show_error(exc)
            return False
        self.document.push("Import events", new)
        if messages:
            self.view.show_warnings(messages)
        return True

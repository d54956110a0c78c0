"""The open document: one index, its undo history, its file and whether it is saved."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from psygnal import Signal

from . import edits
from .edits import Change
from .index import PlaceEventIndex


@dataclasses.dataclass(frozen=True)
class _State:
    text: str  # what the step that led here did, e.g. "Edit event"
    index: PlaceEventIndex


class Document:
    """Lives as long as the window: loading, editing, undoing and saving change its index.

    Every state is an immutable index, so undo and redo only move along a list; the saved
    state is a position in that list, so "modified" is derived, never set by hand.
    """

    index_changed = Signal(object)  # the new PlaceEventIndex
    modified_changed = Signal(bool)
    history_changed = Signal()  # what undo and redo would do has changed

    def __init__(self, index: PlaceEventIndex) -> None:
        self._history = [_State("", index)]
        self._position = 0
        self._saved_at: int | None = 0

    # ---- state -------------------------------------------------------------------

    @property
    def index(self) -> PlaceEventIndex:
        return self._history[self._position].index

    @property
    def path(self) -> str:
        return self.index.path

    @property
    def title(self) -> str:
        return self.index.meta.get("title") or self.index.passage.name

    @property
    def modified(self) -> bool:
        return self._position != self._saved_at

    @property
    def can_undo(self) -> bool:
        return self._position > 0

    @property
    def can_redo(self) -> bool:
        return self._position < len(self._history) - 1

    @property
    def undo_text(self) -> str:
        return self._history[self._position].text if self.can_undo else ""

    @property
    def redo_text(self) -> str:
        return self._history[self._position + 1].text if self.can_redo else ""

    # ---- changes -----------------------------------------------------------------

    def open(self, index: PlaceEventIndex, *, modified: bool = False) -> None:
        """Show another index (a file just opened); the history starts again.

        ``modified`` marks it as not yet saved (a recovered copy, say).
        """
        was = self.modified
        self._history = [_State("", index)]
        self._position = 0
        self._saved_at = None if modified else 0
        self._changed(was)

    def change(self, text: str, change: Change) -> PlaceEventIndex:
        """Apply an edit as one undoable step; raise InputError (and change nothing) if it is bad."""
        after = edits.apply(self.index, change)
        self.push(text, after)
        return after

    def push(self, text: str, index: PlaceEventIndex) -> None:
        """Make ``index`` the next state; whatever could be redone is dropped."""
        was = self.modified
        del self._history[self._position + 1 :]
        if self._saved_at is not None and self._saved_at > self._position:
            self._saved_at = None  # the saved state can no longer be reached by undo or redo
        self._history.append(_State(text, index))
        self._position += 1
        self._changed(was)

    def undo(self) -> None:
        if self.can_undo:
            was = self.modified
            self._position -= 1
            self._changed(was)

    def redo(self) -> None:
        if self.can_redo:
            was = self.modified
            self._position += 1
            self._changed(was)

    def mark_saved(self, path: str | Path | None = None) -> None:
        """The current state is what the file holds; ``path`` when it was saved somewhere new."""
        was = self.modified
        moved = path is not None and str(path) != self.path
        if moved:
            # Every state now belongs to the new file, so undo never sends a save back to the old one.
            self._history = [
                dataclasses.replace(s, index=dataclasses.replace(s.index, path=str(path))) for s in self._history
            ]
        self._saved_at = self._position
        if moved:
            self.index_changed.emit(self.index)
        if was != self.modified:
            self.modified_changed.emit(self.modified)

    def _changed(self, was_modified: bool) -> None:
        self.index_changed.emit(self.index)
        if was_modified != self.modified:
            self.modified_changed.emit(self.modified)
        self.history_changed.emit()

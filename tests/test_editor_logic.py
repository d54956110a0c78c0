"""The editor's logic with a scripted view instead of dialogs: no QApplication, no PySide6.

Each test plays a reader answering the editor's questions; the files are real ones in a
temporary folder, so what is saved, recovered and discarded is checked on disk.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mapviewer.editing.editor import Editor, open_document
from mapviewer.interchange import save as saving
from mapviewer.model.document import Document
from mapviewer.model.errors import InputError
from mapviewer.model.index import load_index
from mapviewer.model.selection import Selection
from mapviewer.paths import resource_path

from .places import RIGA_PLACE

DATA = Path(__file__).parent / "data"
CARR_INDEX = "carr-1979-pp42-46.index.json"
CARR_TEXT = "carr-1979-pp42-46.txt"
# A sentence of Carr's passage that no event of the shipped index quotes.
FREE_SENTENCE = (
    "The strengthening of party and Soviet organization was matched by a consolidation "
    "of Soviet relations with the outside world."
)


UNSET = object()


class FakeView:
    """An ``EditorView`` that answers from a script and records every question and message.

    ``answers`` maps a question (``ask_save_changes``, ``edit_event``, ...) to its answer, or
    to a function of the question's arguments. A question without a scripted answer fails the
    test: the editor asked something the reader was not expecting.
    """

    def __init__(self, **answers) -> None:
        self.answers = answers
        self.calls: list[tuple[str, tuple]] = []
        self.errors: list[InputError] = []
        self.warnings: list[list[str]] = []
        self.messages: list[str] = []
        self.remembered: list[str] = []

    def asked(self, question: str) -> list[tuple]:
        return [args for name, args in self.calls if name == question]

    def _answer(self, question: str, *args):
        self.calls.append((question, args))
        answer = self.answers.get(question, UNSET)
        if answer is UNSET:
            raise AssertionError(f"the editor asked {question}{args!r}, which this test did not expect")
        return answer(*args) if callable(answer) else answer

    # Questions.
    def ask_open_path(self) -> str | None:
        return self._answer("ask_open_path")

    def ask_save_path(self, suggested: str) -> str | None:
        return self._answer("ask_save_path", suggested)

    def ask_csv_path(self) -> str | None:
        return self._answer("ask_csv_path")

    def ask_save_changes(self) -> str:
        return self._answer("ask_save_changes")

    def ask_restore(self, path: str) -> bool:
        return self._answer("ask_restore", path)

    def ask_changed_on_disk(self, path: str) -> str:
        return self._answer("ask_changed_on_disk", path)

    def edit_event(self, index, event: dict) -> dict | None:
        return self._answer("edit_event", index, event)

    def edit_place(self, index, place: dict | None) -> dict | None:
        return self._answer("edit_place", index, place)

    def choose_suggestions(self, suggested: dict) -> set[str] | None:
        return self._answer("choose_suggestions", suggested)

    def selected_span(self) -> tuple[int, int] | None:
        return self._answer("selected_span")

    # Things the editor says.
    def show_error(self, error: InputError) -> None:
        self.calls.append(("show_error", (error,)))
        self.errors.append(error)

    def show_warnings(self, lines: list[str]) -> None:
        self.calls.append(("show_warnings", (lines,)))
        self.warnings.append(lines)

    def show_message(self, text: str) -> None:
        self.calls.append(("show_message", (text,)))
        self.messages.append(text)

    def remember(self, path: str) -> None:
        self.calls.append(("remember", (path,)))
        self.remembered.append(path)


class Session:
    """The editor composed as the window composes it, around a scripted view."""

    def __init__(self, path: Path, view: FakeView | None = None) -> None:
        index = open_document(path)
        self.document = Document(index)
        self.selection = Selection(index)
        self.document.index_changed.connect(self.selection.set_index)
        self.view = view or FakeView()
        self.editor = Editor(self.document, self.selection, self.view)

    @property
    def index(self):
        return self.document.index


@pytest.fixture
def carr(tmp_path) -> Path:
    """A copy of the shipped Carr passage and index; returns the index file."""
    folder = tmp_path / "carr"
    folder.mkdir()
    for name in (CARR_INDEX, CARR_TEXT):
        shutil.copy(resource_path("passages", name), folder / name)
    return folder / CARR_INDEX


@pytest.fixture
def riga(tmp_path) -> Path:
    """A passage with no index yet."""
    folder = tmp_path / "riga"
    folder.mkdir()
    shutil.copy(DATA / "riga-1921.txt", folder / "riga-1921.txt")
    return folder / "riga-1921.txt"


def retitle(session: Session, event_id: str, title: str) -> None:
    """An unsaved change, as a reader retitling an event makes one."""
    assert session.editor.change(
        "Edit event", lambda data: next(e for e in data["events"] if e["id"] == event_id).update(title=title)
    )


def saved_title(index_file: Path, event_id: str) -> str:
    data = json.loads(index_file.read_text("utf-8"))
    return next(e["title"] for e in data["events"] if e["id"] == event_id)


# ---- opening ------------------------------------------------------------------------


def test_opening_an_index_shows_it_unmodified_and_remembers_it(riga, carr):
    session = Session(riga)
    assert session.editor.open_path(carr)
    assert session.index.path == str(carr) and len(session.index.events) == 44
    assert not session.editor.modified and not session.document.can_undo
    assert session.view.remembered == [str(carr)]
    assert session.view.errors == [] and session.view.asked("ask_restore") == []


def test_opening_a_passage_alone_starts_an_empty_index_beside_it(carr, riga):
    session = Session(carr)
    assert session.editor.open_path(riga)
    assert session.index.events == {} and session.index.places == {}
    assert session.index.path == str(riga.with_name("riga-1921.index.json"))
    # "Open recent" must offer what exists: the passage, until an index is saved beside it.
    assert session.view.remembered == [str(riga)]


def test_opening_a_passage_finds_the_index_beside_it(carr, riga):
    session = Session(riga)
    assert session.editor.open_path(carr.with_name(CARR_TEXT))
    assert session.index.path == str(carr) and len(session.index.events) == 44
    assert session.view.remembered == [str(carr)]


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("broken.index.json", b"{", "ends too early"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        ("missing.index.json", None, "missing.index.json"),
    ],
)
def test_a_file_that_cannot_be_opened_is_explained_and_nothing_changes(carr, tmp_path, name, content, problem):
    session = Session(carr)
    retitle(session, "treaty-of-rapallo", "Rapallo")
    before = session.index
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    session.view.answers["ask_save_changes"] = "discard"
    assert not session.editor.open_path(bad)
    [error] = session.view.errors
    assert name in error.message and problem in error.message
    assert session.index is before and session.document.undo_text == "Edit event"
    assert session.view.remembered == []


def test_open_asks_for_a_file_and_a_cancelled_question_opens_nothing(carr, riga):
    session = Session(carr, FakeView(ask_open_path=None))
    assert not session.editor.ask_open()
    assert session.index.path == str(carr)
    session.view.answers["ask_open_path"] = str(riga)
    assert session.editor.ask_open()
    assert session.index.passage.name == "riga-1921.txt"


# ---- recovery copies ------------------------------------------------------------------


def crashed_session(index_file: Path) -> None:
    """A session that changed the index, autosaved, and then ended without saving."""
    session = Session(index_file)
    retitle(session, "treaty-of-rapallo", "Rapallo, recovered")
    assert session.editor.write_recovery()
    assert saving.autosave_path(index_file).exists()


def test_restoring_the_recovery_copy_brings_back_the_unsaved_work(carr, riga):
    saved = saved_title(carr, "treaty-of-rapallo")
    crashed_session(carr)
    session = Session(riga, FakeView(ask_restore=True))
    assert session.editor.open_path(carr)
    assert session.view.asked("ask_restore") == [(str(carr),)]
    assert session.index.events["treaty-of-rapallo"].title == "Rapallo, recovered"
    assert session.index.path == str(carr)  # saving goes to the file, not the copy
    assert session.editor.modified  # restored work is not yet saved
    assert saved_title(carr, "treaty-of-rapallo") == saved  # the file is untouched until saved
    # The copy stays until the work is saved; saving then removes it.
    assert saving.autosave_path(carr).exists()
    assert session.editor.save()
    assert saved_title(carr, "treaty-of-rapallo") == "Rapallo, recovered"
    assert not saving.autosave_path(carr).exists() and saving.find_recovery(carr) is None


def test_declining_the_recovery_copy_opens_the_saved_file_and_removes_the_copy(carr, riga):
    saved = saved_title(carr, "treaty-of-rapallo")
    crashed_session(carr)
    session = Session(riga, FakeView(ask_restore=False))
    assert session.editor.open_path(carr)
    assert session.index.events["treaty-of-rapallo"].title == saved
    assert not session.editor.modified
    assert saving.find_recovery(carr) is None and not saving.autosave_path(carr).exists()
    # Asked once: opening again does not ask again.
    assert session.editor.open_path(carr)
    assert len(session.view.asked("ask_restore")) == 1


def test_a_damaged_recovery_copy_is_explained_and_kept(carr, riga):
    saved = saved_title(carr, "treaty-of-rapallo")
    crashed_session(carr)
    copy = saving.autosave_path(carr)
    copy.write_text('{"format": "mapviewer-index", "events": [', "utf-8")
    session = Session(riga, FakeView(ask_restore=True))
    assert session.editor.open_path(carr)
    [error] = session.view.errors
    assert copy.name in error.message
    assert session.index.events["treaty-of-rapallo"].title == saved and not session.editor.modified
    assert copy.exists()  # it may be readable another day


def test_a_passage_never_saved_recovers_its_autosaved_index(riga, carr):
    session = Session(riga)
    assert session.editor.change("Add place", lambda d: d["places"].append(dict(RIGA_PLACE)))
    assert session.editor.write_recovery()
    later = Session(carr, FakeView(ask_restore=True))
    assert later.editor.open_path(riga)
    assert list(later.index.places) == ["riga"] and later.editor.modified
    assert later.index.passage.name == "riga-1921.txt"


# ---- the autosave ------------------------------------------------------------------------


def test_autosave_writes_only_unsaved_work(carr):
    session = Session(carr)
    assert not session.editor.write_recovery()  # nothing to recover
    assert not saving.autosave_path(carr).exists()
    retitle(session, "treaty-of-rapallo", "Rapallo")
    assert session.editor.write_recovery()
    copy = json.loads(saving.autosave_path(carr).read_text("utf-8"))
    assert next(e for e in copy["events"] if e["id"] == "treaty-of-rapallo")["title"] == "Rapallo"
    assert copy["passage"]["file"] == CARR_TEXT  # found again from the index's own folder
    assert session.view.calls == []  # the autosave never interrupts the reader


def test_autosave_needs_a_file_to_recover_to(carr):
    import dataclasses

    session = Session(carr)
    session.document.open(dataclasses.replace(session.index, path=""), modified=True)
    assert not session.editor.write_recovery()
    assert sorted(p.name for p in carr.parent.iterdir()) == [CARR_INDEX, CARR_TEXT]


def test_autosave_that_cannot_write_anywhere_stays_silent(carr, tmp_path, monkeypatch):
    session = Session(carr)
    retitle(session, "treaty-of-rapallo", "Rapallo")
    shutil.rmtree(carr.parent)  # the folder went away (a USB stick pulled out) ...
    blocked = tmp_path / "cache-is-a-file"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # ... and the cache cannot be written either
    assert not session.editor.write_recovery()
    assert session.view.calls == [] and session.editor.modified


def test_autosave_falls_back_to_the_cache_when_the_folder_is_gone(carr, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    session = Session(carr)
    retitle(session, "treaty-of-rapallo", "Rapallo")
    shutil.rmtree(carr.parent)
    assert session.editor.write_recovery()
    assert saving.cache_recovery_path(carr).exists()


# ---- confirm before discarding -------------------------------------------------------------


def test_nothing_to_confirm_when_the_work_is_saved(carr):
    session = Session(carr)
    assert session.editor.confirm_discard()
    assert session.view.calls == []


def test_answering_save_saves_then_opens_the_other_file(carr, riga):
    session = Session(carr, FakeView(ask_save_changes="save"))
    retitle(session, "treaty-of-rapallo", "Rapallo, saved first")
    assert session.editor.open_path(riga)
    assert saved_title(carr, "treaty-of-rapallo") == "Rapallo, saved first"
    assert session.index.passage.name == "riga-1921.txt" and not session.editor.modified
    assert session.view.messages == [f"Saved {carr}"]


def test_answering_discard_drops_the_changes_and_opens_the_other_file(carr, riga):
    saved = saved_title(carr, "treaty-of-rapallo")
    session = Session(carr, FakeView(ask_save_changes="discard"))
    retitle(session, "treaty-of-rapallo", "Rapallo, dropped")
    assert session.editor.open_path(riga)
    assert saved_title(carr, "treaty-of-rapallo") == saved
    assert session.index.passage.name == "riga-1921.txt" and not session.editor.modified


def test_changes_discarded_on_purpose_are_not_offered_for_recovery(carr, riga):
    saved = saved_title(carr, "treaty-of-rapallo")
    session = Session(carr, FakeView(ask_save_changes="discard"))
    retitle(session, "treaty-of-rapallo", "Rapallo, dropped")
    assert session.editor.write_recovery()  # the autosave ran before the reader chose Discard
    assert session.editor.open_path(riga)
    assert saving.find_recovery(carr) is None
    assert session.editor.open_path(carr)  # no "session that ended unexpectedly" question
    assert session.view.asked("ask_restore") == []
    assert session.index.events["treaty-of-rapallo"].title == saved


def test_answering_cancel_keeps_the_changes_and_the_file(carr, riga):
    saved = saved_title(carr, "treaty-of-rapallo")
    session = Session(carr, FakeView(ask_save_changes="cancel"))
    retitle(session, "treaty-of-rapallo", "Rapallo, kept")
    assert not session.editor.open_path(riga)
    assert session.index.events["treaty-of-rapallo"].title == "Rapallo, kept" and session.editor.modified
    assert saved_title(carr, "treaty-of-rapallo") == saved
    assert session.view.remembered == []
    assert session.editor.write_recovery()
    assert not session.editor.confirm_discard()
    assert saving.find_recovery(carr) is not None  # the autosave still guards the kept work


def test_a_save_that_fails_while_confirming_keeps_everything(riga, carr):
    session = Session(riga, FakeView(ask_save_changes="save"))
    assert session.editor.change("Add place", lambda d: d["places"].append(dict(RIGA_PLACE)))
    shutil.rmtree(riga.parent)  # the passage's folder is gone: nowhere to save
    assert not session.editor.open_path(carr)
    [error] = session.view.errors
    assert "riga-1921.index.json" in error.message and "does not exist" in error.message
    assert "riga" in session.index.places and session.editor.modified
    assert session.index.passage.name == "riga-1921.txt"


# ---- saving ------------------------------------------------------------------------------


def test_save_writes_the_file_and_removes_the_recovery_copy(carr):
    session = Session(carr)
    retitle(session, "treaty-of-rapallo", "Rapallo")
    assert session.editor.write_recovery()
    assert session.editor.save()
    assert load_index(carr).events["treaty-of-rapallo"].title == "Rapallo"
    assert not session.editor.modified and saving.find_recovery(carr) is None
    assert not saving.autosave_path(carr).exists()
    assert carr.with_name(CARR_INDEX + ".bak").exists()  # the previous version is kept
    assert session.view.remembered == [str(carr)] and session.view.messages == [f"Saved {carr}"]


def test_save_as_asks_where_suggesting_beside_the_passage(riga):
    session = Session(riga, FakeView(ask_save_path=None))
    assert session.editor.change("Add place", lambda d: d["places"].append(dict(RIGA_PLACE)))
    assert not session.editor.save_as(None)  # the reader cancelled
    assert session.view.asked("ask_save_path") == [(str(riga.with_name("riga-1921.index.json")),)]
    assert session.editor.modified and list(riga.parent.iterdir()) == [riga]
    target = riga.parent.parent / "riga.index.json"  # the folder above: the passage is in a folder below it
    session.view.answers["ask_save_path"] = str(target)
    assert session.editor.save_as(None)
    assert session.document.path == str(target) and not session.editor.modified
    again = load_index(target)  # the passage is found from the new folder
    assert again.passage.text == session.index.passage.text and list(again.places) == ["riga"]
    assert session.view.remembered == [str(target)]


def test_save_as_elsewhere_removes_the_old_files_recovery_copy(carr, tmp_path):
    session = Session(carr)
    retitle(session, "treaty-of-rapallo", "Rapallo")
    assert session.editor.write_recovery()
    target = tmp_path / "moved.index.json"
    assert session.editor.save_as(target)
    assert saving.find_recovery(carr) is None and not saving.autosave_path(carr).exists()
    assert load_index(target).events["treaty-of-rapallo"].title == "Rapallo"
    # Later saves go to the new file; the old one stays as it was.
    retitle(session, "treaty-of-rapallo", "Rapallo again")
    assert session.editor.save()
    assert load_index(target).events["treaty-of-rapallo"].title == "Rapallo again"
    assert load_index(carr).events["treaty-of-rapallo"].title != "Rapallo again"


def test_a_failed_save_is_explained_and_keeps_the_work(carr, tmp_path):
    session = Session(carr)
    retitle(session, "treaty-of-rapallo", "Rapallo")
    target = tmp_path / "no-such-folder" / "carr.index.json"
    assert not session.editor.save_as(target)
    [error] = session.view.errors
    assert str(target) in error.message
    assert session.editor.modified and session.document.path == str(carr)
    assert session.view.remembered == [] and session.view.messages == []


# ---- edits ------------------------------------------------------------------------------------


def test_a_bad_edit_is_explained_and_changes_nothing(carr):
    session = Session(carr)
    before = session.index
    assert not session.editor.change("Edit event", lambda data: data["events"][0].update(date="1921-13-45"))
    [error] = session.view.errors
    assert "1921-13-45" in error.message
    assert session.index is before and not session.document.can_undo and not session.editor.modified


def test_new_event_needs_selected_words(riga):
    session = Session(riga, FakeView(selected_span=None))
    assert not session.editor.new_event_from_selection()
    assert session.view.messages == ["Select the words of the event in the text first."]
    assert session.view.asked("edit_event") == [] and not session.document.can_undo


def test_new_event_from_words_that_cannot_anchor_it(tmp_path):
    # A passage that says the same thing over and over: the words have the same 500 characters around them.
    sentence = "The delegates met again at Riga and nothing was decided. "
    passage = tmp_path / "repeated.txt"
    passage.write_text(sentence * 40, "utf-8")
    start = 20 * len(sentence) + sentence.index("nothing was decided")
    session = Session(passage, FakeView(selected_span=(start, start + len("nothing was decided"))))
    assert not session.editor.new_event_from_selection()
    [message] = session.view.messages
    assert message.startswith("These words cannot anchor an event:") and "select more of the text" in message
    assert session.view.asked("edit_event") == []


def test_new_event_from_the_selected_words(riga):
    text = riga.read_text("utf-8")
    words = "Lithuania, whose government sat at Kaunas, refused to recognise the annexation."
    start = text.index(words)

    def describe(index, event):
        assert index.passage.text[start : start + len(words)] == words
        return dict(event, title="Lithuania refuses to recognise the annexation")

    session = Session(riga, FakeView(selected_span=(start, start + len(words)), edit_event=describe))
    assert session.editor.new_event_from_selection()
    [(_, proposed)] = session.view.asked("edit_event")
    assert proposed["anchor"] == {"type": "TextQuoteSelector", "exact": words}
    assert proposed["date"] == "1922-01/1922-04"  # the last date written before the words: "Early in 1922"
    assert proposed["title"] == "Lithuania refuses to recognise the annexation" and proposed["summary"] == words
    assert proposed["places"] == [{"place": "lithuania", "role": "named"}, {"place": "kaunas", "role": "named"}]
    event = session.index.events[session.selection.event]
    assert event.title == "Lithuania refuses to recognise the annexation" and event.anchor.exact == words
    assert session.document.undo_text == "New event" and session.editor.modified


def test_new_event_reads_the_selected_words_for_their_own_date_and_places(tmp_path):
    # The case: the words give "late September" (of the paragraph's 1920) and Grodno,
    # which the proposal must not replace with the last full date before them.
    passage = tmp_path / "war.txt"
    shutil.copy(DATA / "suggest" / "polish-soviet-war-1920.txt", passage)
    text = passage.read_text("utf-8")
    words = "In late September the Poles inflicted a second defeat on Tukhachevsky near Grodno"
    start = text.index(words)
    session = Session(passage, FakeView(selected_span=(start, start + len(words)), edit_event=lambda i, e: e))
    assert session.editor.new_event_from_selection()
    [(shown, proposed)] = session.view.asked("edit_event")
    assert proposed["date"] == "1920-09-21/1920-09-30"
    assert {"place": "grodno", "role": "named"} in proposed["places"] and "grodno" in shown.places
    assert proposed["title"] == "Poles inflict a second defeat on Tukhachevsky near Grodno"
    event = session.index.events[session.selection.event]
    assert "grodno" in session.index.places and [r.place for r in event.places if r.place == "grodno"]
    assert session.document.undo_text == "New event"


def test_new_event_without_a_date_before_it_guesses_1921(tmp_path):
    passage = tmp_path / "undated.txt"
    passage.write_text("The delegates met at Riga and signed a treaty.\n", "utf-8")
    session = Session(passage, FakeView(selected_span=(0, 28), edit_event=lambda index, event: event))
    assert session.editor.new_event_from_selection()
    assert session.index.events[session.selection.event].date.text == "1921"


def test_new_event_cancelled_or_refused_adds_nothing(riga):
    session = Session(riga, FakeView(selected_span=(0, 40), edit_event=None))
    assert not session.editor.new_event_from_selection()
    assert session.index.events == {} and not session.document.can_undo
    session.view.answers["edit_event"] = lambda index, event: dict(event, date="not a date")
    assert not session.editor.new_event_from_selection()
    [error] = session.view.errors
    assert "not a date" in error.message
    assert session.index.events == {} and session.selection.event is None


def test_edit_event_needs_a_chosen_event(carr):
    session = Session(carr)
    assert not session.editor.edit_event()
    assert session.view.messages == ["Choose an event first."]


def test_edit_event_gives_the_dialog_the_event_as_the_file_writes_it(carr):
    def rename(index, event):
        assert event == next(e for e in json.loads(carr.read_text("utf-8"))["events"] if e["id"] == "treaty-of-dorpat")
        return dict(event, title="Peace of Dorpat")

    session = Session(carr, FakeView(edit_event=rename))
    session.selection.select_event("treaty-of-dorpat")
    assert session.editor.edit_event()
    assert session.index.events["treaty-of-dorpat"].title == "Peace of Dorpat"
    assert session.document.undo_text == "Edit event"
    session.view.answers["edit_event"] = None  # Cancel in the dialog
    assert not session.editor.edit_event()
    assert session.document.undo_text == "Edit event" and len(session.view.asked("edit_event")) == 2


def test_delete_event_removes_it_from_the_tour_and_the_selection(carr):
    session = Session(carr)
    assert not session.editor.delete_event()  # nothing chosen: nothing to delete
    assert not session.document.can_undo
    session.selection.select_event("cooperatives-talks-paris")
    assert session.editor.delete_event()
    assert "cooperatives-talks-paris" not in session.index.events
    assert all(s.event != "cooperatives-talks-paris" for t in session.index.tours for s in t.steps)
    assert session.selection.event is None
    session.document.undo()
    assert "cooperatives-talks-paris" in session.index.events
    assert session.index.tours[0].steps[0].event == "cooperatives-talks-paris"


def test_new_place_from_the_dialog(riga):
    place = dict(RIGA_PLACE)
    session = Session(riga, FakeView(edit_place=None))
    assert not session.editor.new_place()
    assert session.view.asked("edit_place") == [(session.index, None)]  # a new place: nothing to show
    session.view.answers["edit_place"] = place
    assert session.editor.new_place()
    assert session.index.places["riga"].label == "Riga" and session.document.undo_text == "New place"
    session.view.answers["edit_place"] = dict(place, id="nowhere", lat=200.0)
    assert not session.editor.new_place()
    [error] = session.view.errors
    assert "nowhere" in error.message or "200" in error.message
    assert "nowhere" not in session.index.places


def test_edit_place_needs_a_chosen_place_then_edits_it(carr):
    as_written = next(p for p in json.loads(carr.read_text("utf-8"))["places"] if p["id"] == "tartu")
    # The reader gives the town the German name English writers of the time used.
    session = Session(carr, FakeView(edit_place=lambda index, place: dict(place, name="Dorpat")))
    assert not session.editor.edit_place()
    assert session.view.messages == ["Click a place on the map first."]
    session.selection.select_place("tartu")
    assert session.editor.edit_place()
    [(_, shown)] = session.view.asked("edit_place")
    assert shown == as_written  # everything the file holds, so nothing is lost by editing
    tartu = session.index.places["tartu"]
    assert tartu.name == "Dorpat" and tartu.modern_name == as_written["modern_name"]
    assert tartu.geonames == as_written["geonames"] and tartu.note == as_written["note"]
    assert session.document.undo_text == "Edit place"


def test_delete_place_unlinks_it_from_its_events(carr):
    session = Session(carr)
    assert not session.editor.delete_place()
    linked = [e.id for e in session.index.events.values() if "tartu" in e.place_ids]
    assert linked
    session.selection.select_place("tartu")
    assert session.editor.delete_place()
    assert "tartu" not in session.index.places and session.selection.place is None
    assert all("tartu" not in session.index.events[e].place_ids for e in linked)


def test_moving_a_place_rounds_to_about_ten_metres_and_ignores_unknown_places(carr):
    session = Session(carr)
    assert not session.editor.move_place("atlantis", 10.0, 10.0)
    assert not session.document.can_undo and session.view.errors == []
    assert session.editor.move_place("tartu", 58.380_612_3, 26.722_38)
    tartu = session.index.places["tartu"]
    assert (tartu.lat, tartu.lon) == (58.3806, 26.7224) and session.document.undo_text == "Move place"


# ---- suggestions ---------------------------------------------------------------------------------


def test_suggest_with_nothing_to_find(tmp_path):
    passage = tmp_path / "plain.txt"
    passage.write_text("Nothing happened here, to nobody, at no time at all.\n", "utf-8")
    session = Session(passage)
    assert not session.editor.suggest()
    assert session.view.messages == ["No dates or places found in the text."]
    assert session.view.asked("choose_suggestions") == []


def test_suggest_accept_all(riga):
    session = Session(riga, FakeView(choose_suggestions=lambda s: {e["id"] for e in s["events"]}))
    assert session.editor.suggest()
    [(suggested,)] = session.view.asked("choose_suggestions")
    assert len(session.index.events) == len(suggested["events"]) >= 4
    assert {"Riga", "Minsk", "Warsaw", "Kaunas"} <= {p.modern_name for p in session.index.places.values()}
    assert session.document.undo_text == "Accept suggestions"


def test_suggest_accept_some_takes_only_their_places(riga):
    def the_treaty(suggested):
        return {next(e["id"] for e in suggested["events"] if e["date"] == "1921-03-18")}

    session = Session(riga, FakeView(choose_suggestions=the_treaty))
    assert session.editor.suggest()
    [event] = session.index.events.values()
    assert "Treaty of Riga" in event.anchor.exact
    assert set(session.index.places) == set(event.place_ids)


@pytest.mark.parametrize("answer", [None, set()], ids=["cancelled", "reject-all"])
def test_suggest_none_chosen_changes_nothing(riga, answer):
    session = Session(riga, FakeView(choose_suggestions=answer))
    assert not session.editor.suggest()
    assert session.index.events == {} and not session.document.can_undo


# ---- CSV import ------------------------------------------------------------------------------------


def test_csv_import_adds_the_good_rows_and_lists_the_rest(carr, tmp_path):
    sheet = tmp_path / "events.csv"
    sheet.write_text(
        "date,title,places,quote\n"
        f'1920,Consolidation,Moscow,"{FREE_SENTENCE}"\n'
        '1921,Lost,<b>Atlantis</b>,"Even in the days of war communism"\n',
        "utf-8",
    )
    session = Session(carr, FakeView(ask_csv_path=str(sheet)))
    assert session.editor.import_csv()
    added = [e for e in session.index.events.values() if e.title == "Consolidation"]
    assert len(added) == 1 and added[0].anchor.exact == FREE_SENTENCE and list(added[0].place_ids) == ["moscow"]
    assert session.view.warnings == [
        [
            "row 3: place '<b>Atlantis</b>' is not in the index \u2014 add it to the places first, "
            "or use the name the index gives it"
        ]
    ]
    assert session.document.undo_text == "Import events" and session.editor.modified
    session.document.undo()
    assert len(session.index.events) == 44


def test_csv_import_without_problems_says_nothing(carr, tmp_path):
    sheet = tmp_path / "events.csv"
    sheet.write_text(f'date,title,places,quote\n1920-05,Consolidation,Moscow,"{FREE_SENTENCE}"\n', "utf-8")
    session = Session(carr)
    assert session.editor.import_csv(sheet)
    assert len(session.index.events) == 45 and session.view.calls == []


def test_csv_import_cancelled_or_of_a_bad_file(carr, tmp_path):
    session = Session(carr, FakeView(ask_csv_path=None))
    assert not session.editor.import_csv()
    sheet = tmp_path / "photo.csv"
    sheet.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert not session.editor.import_csv(sheet)
    [error] = session.view.errors
    assert "photo.csv" in error.message and "binary" in error.message
    assert not session.document.can_undo and len(session.index.events) == 44


# ---- undo and redo ----------------------------------------------------------------------------------


def test_undo_back_to_the_saved_state_is_not_modified(carr):
    session = Session(carr)
    retitle(session, "treaty-of-rapallo", "One")
    retitle(session, "treaty-of-rapallo", "Two")
    assert session.document.undo_text == "Edit event" and not session.document.can_redo
    session.document.undo()
    assert session.index.events["treaty-of-rapallo"].title == "One" and session.editor.modified
    session.document.undo()
    assert not session.editor.modified and not session.document.can_undo
    session.document.redo()
    session.document.redo()
    assert session.index.events["treaty-of-rapallo"].title == "Two" and not session.document.can_redo
    # A save in the middle of the history makes that state the unmodified one.
    session.document.undo()
    assert session.editor.save()
    session.document.redo()
    assert session.editor.modified
    session.document.undo()
    assert not session.editor.modified


def test_the_editor_runs_without_qt(tmp_path):
    """The editor is plain Python: a whole session in a fresh interpreter never imports PySide6."""
    shutil.copy(DATA / "riga-1921.txt", tmp_path / "riga-1921.txt")
    script = f"""
import sys
from pathlib import Path
from tests.test_editor_logic import FakeView, Session
passage = Path({str(tmp_path / "riga-1921.txt")!r})
view = FakeView(choose_suggestions=lambda s: {{e["id"] for e in s["events"]}}, ask_save_changes="save")
session = Session(passage, view)
assert session.editor.suggest() and session.editor.write_recovery() and session.editor.save()
sheet = passage.with_name("events.csv")
sheet.write_text('date,title,places,quote\\n1921-04-15,Ratified,Warsaw,"The Sejm in Warsaw ratified the treaty"\\n')
assert session.editor.import_csv(sheet) and view.warnings == []
print(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=Path(__file__).parent.parent
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# ---- issue 13: recovery on every way of opening; changes made on disk by another program ----


def test_recovery_is_offered_for_the_document_the_app_starts_with(carr):
    # A session edits and autosaves, then dies (kill -9): its recovery copy stays on disk.
    crashed = Session(carr)
    event = crashed.index.chronological[0].id
    retitle(crashed, event, "Unsaved work")
    assert crashed.editor.write_recovery()
    # The next start opens the same file as its first document (mapviewer PATH, or the last session).
    restart = Session(carr, FakeView(ask_restore=True))
    assert restart.editor.offer_recovery()
    assert restart.view.asked("ask_restore") == [(str(carr),)]
    assert restart.index.events[event].title == "Unsaved work" and restart.editor.modified
    # Saving writes the recovered work, and only then is the copy gone.
    assert restart.editor.save()
    assert saved_title(carr, event) == "Unsaved work"
    assert saving.find_recovery(carr) is None


def test_declining_the_recovery_at_start_keeps_the_saved_file(carr):
    crashed = Session(carr)
    event = crashed.index.chronological[0].id
    retitle(crashed, event, "Unsaved work")
    crashed.editor.write_recovery()
    restart = Session(carr, FakeView(ask_restore=False))
    assert not restart.editor.offer_recovery()
    assert restart.index.events[event].title != "Unsaved work" and not restart.editor.modified
    assert Session(carr).editor.offer_recovery() is False  # nothing left to offer


def test_a_change_on_disk_by_another_program_is_not_overwritten_silently(carr):
    session = Session(carr, FakeView(ask_changed_on_disk="cancel"))
    event = session.index.chronological[0].id
    retitle(session, event, "Mine")
    other = json.loads(carr.read_text("utf-8"))
    other["events"][1]["title"] = "Theirs"
    carr.write_text(json.dumps(other), "utf-8")  # another program saves the file meanwhile
    assert not session.editor.save()
    assert session.view.asked("ask_changed_on_disk") == [(str(carr),)]
    assert json.loads(carr.read_text("utf-8"))["events"][1]["title"] == "Theirs"  # kept
    assert session.editor.modified  # and nothing of ours is lost
    session.view.answers["ask_changed_on_disk"] = "overwrite"
    assert session.editor.save()
    assert saved_title(carr, event) == "Mine"
    # Saved again with no one else writing: no question.
    retitle(session, event, "Mine again")
    assert session.editor.save() and len(session.view.asked("ask_changed_on_disk")) == 2

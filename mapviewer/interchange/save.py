"""Save an index without ever losing the previous file: atomic write, backup, recovery copy."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from ..model.errors import InputError
from ..model.files import clean_stale_temps, json_text, remove_quietly, write_atomic, write_target
from ..model.index import JsonObject, PlaceEventIndex, check_schema, index_from_json, item_name, parse_index_bytes
from ..model.passage import Passage, load_passage
from ..paths import cache_dir

RECOVERY_SUFFIX = ".recovery"
SAVE_AS_FIX = "choose another folder with File > Save As"


def index_json_text(index: PlaceEventIndex, index_path: str | Path | None = None) -> str:
    """The index as a diff-friendly file: schema key order, 2-space indent, real UTF-8, final newline.

    With ``index_path`` the passage reference is made relative to that file's folder, so an
    index saved into another folder still finds its passage.
    """
    return json_text(_index_data(index, index_path))


def _index_data(index: PlaceEventIndex, index_path: str | Path | None) -> JsonObject:
    data = index.to_json()
    if index_path is not None:
        data["passage"]["file"] = passage_reference(index, Path(index_path))
    return data


def passage_reference(index: PlaceEventIndex, index_path: Path) -> str:
    """How an index at ``index_path`` names its passage: a path relative to the index's folder."""
    current: str = index.meta.get("file", "")
    if not index.passage.path:
        return current or index.passage.name
    passage_file = Path(index.passage.path).absolute()
    folder = index_path.absolute().parent
    if current and (folder / current).absolute() == passage_file:
        return current  # keep what the author wrote when it still points at the passage
    try:
        reference = Path(os.path.relpath(passage_file, folder)).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        reference = str(passage_file)
    # (Into a folder that cannot be written, the writer's own message says what is wrong.)
    if folder.is_dir() and (reference.startswith("../") or Path(reference).is_absolute()):
        # load_index refuses a passage outside the index's folder: do not write what cannot be reopened.
        raise InputError(
            index_path,
            f"the passage {passage_file.name} is not in this folder or below it, so mapviewer could not open it again",
            fix=f"save the index in {passage_file.parent} (or a folder above it)",
        )
    return reference


def save_index(index: PlaceEventIndex, path: str | Path) -> Path:
    """Write the index to ``path`` atomically, keeping the previous version as NAME.bak.

    Raises InputError naming the file and the fix; the previous file is then untouched.
    Returns the path written (a symbolic link is followed, so the link stays a link).
    """
    path = write_target(path)
    data = _index_data(index, path)
    # Never write a file that would not load again: check it as load_index would.
    index_from_json(json.loads(json_text(data)), index.passage, str(path))
    write_atomic(path, _json_bytes(data, path), keep_backup=True, fix=SAVE_AS_FIX)
    # The saved file now holds everything; an older recovery copy would only confuse.
    discard_recovery(path)
    clean_after_crash(path)
    return path


def clean_after_crash(path: str | Path) -> None:
    """Remove what killed writes of this index left: temporary files of the index, its backup
    and its recovery copy (never one another process is still writing)."""
    if not str(path):
        return
    for target in (write_target(path), autosave_path(path)):
        clean_stale_temps(target)


def write_json_file(data: object, path: str | Path) -> Path:
    """Write any JSON export atomically (no backup); raise InputError on failure."""
    return write_atomic(path, _json_bytes(data, path), fix=SAVE_AS_FIX)


def _json_bytes(data: object, path: str | Path) -> bytes:
    """The file's bytes; a string holding a lone surrogate is an InputError naming its item."""
    text = json_text(data)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        where, position, char = _lone_surrogate(data) or ((), exc.start, text[exc.start])
        raise InputError(
            path,
            f"character {position + 1} is a lone surrogate U+{ord(char):04X} (half of a UTF-16 pair), "
            "which UTF-8 cannot store; nothing was written",
            item=item_name(data, where),
            fix="retype that text without the character",
        ) from None


def _lone_surrogate(value: object, where: tuple[str | int, ...] = ()) -> tuple[tuple[str | int, ...], int, str] | None:
    """The first string (or key) in JSON data holding a lone surrogate: its path, position and character."""
    if isinstance(value, str):
        for position, char in enumerate(value):
            if "\ud800" <= char <= "\udfff":
                return where, position, char
        return None
    children: list[tuple[str | int, object]] = []
    if isinstance(value, dict):
        for key, child in value.items():
            if isinstance(key, str) and (found := _lone_surrogate(key, where)):
                return found
            children.append((key, child))
    elif isinstance(value, list | tuple):
        children = list(enumerate(value))
    for key, child in children:
        if found := _lone_surrogate(child, (*where, key)):
            return found
    return None


# -- recovery copies --------------------------------------------------------------


def autosave_path(path: str | Path) -> Path:
    """Where the recovery copy of an index goes first: a hidden file beside it."""
    path = Path(path)
    return path.with_name(f".{path.name}{RECOVERY_SUFFIX}")


def cache_recovery_path(path: str | Path) -> Path:
    """Where the recovery copy goes when the index's folder is read-only: the user's cache."""
    path = Path(path).absolute()
    # The hash keeps apart two files with the same name in different folders.
    digest = hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir() / "recovery" / f"{digest}-{path.name}{RECOVERY_SUFFIX}"


def write_recovery_copy(index: PlaceEventIndex, path: str | Path) -> Path:
    """Write the unsaved index where a restart can find it; return where it went.

    Tries beside the index first, then the cache folder; raises InputError if neither works.
    """
    path = Path(path)
    # The passage reference stays relative to the index file, wherever the copy lives.
    data = _index_data(index, path)
    beside = autosave_path(path)
    try:
        return write_atomic(beside, _json_bytes(data, beside), fix=SAVE_AS_FIX, like=path)
    except InputError:
        cached = cache_recovery_path(path)
        write_atomic(cached, _json_bytes(data, cached), create_folder=True, fix=SAVE_AS_FIX, like=path)
        # An older copy beside the file must not win over this one in find_recovery.
        remove_quietly(beside)
        return cached


def find_recovery(path: str | Path) -> Path | None:
    """The recovery copy to offer after a crash, or None.

    Offered only when it is at least as new as the saved file and holds something different.
    """
    path = Path(path)
    candidates = []
    for candidate in (autosave_path(path), cache_recovery_path(path)):
        with contextlib.suppress(OSError):
            candidates.append((candidate.stat().st_mtime_ns, candidate))
    if not candidates:
        return None
    mtime, newest = max(candidates)
    try:
        saved = path.stat().st_mtime_ns
        if mtime < saved or newest.read_bytes() == path.read_bytes():
            return None
    except FileNotFoundError:
        pass  # the index was never saved: the copy is all there is
    except OSError:
        return None
    return newest


def load_recovery(path: str | Path, passage: Passage | None = None) -> PlaceEventIndex:
    """Load the recovery copy of ``path`` as the index of ``path`` (saving goes to ``path``)."""
    path = Path(path)
    copy = find_recovery(path)
    if copy is None:
        raise InputError(path, "there is no recovery copy of this index", fix="open the saved file")
    try:
        raw = copy.read_bytes()
    except OSError as exc:
        raise InputError(copy, f"cannot read the recovery copy ({exc.strerror})", fix="open the saved file") from None
    data = check_schema(parse_index_bytes(raw, str(copy)), str(copy))
    if passage is None:
        passage = load_passage(path.parent / data["passage"]["file"])
    return index_from_json(data, passage, str(path), schema_checked=True)


def discard_recovery(path: str | Path) -> None:
    """Remove any recovery copy of ``path`` (after a save, or when the user declines it)."""
    for candidate in (autosave_path(path), cache_recovery_path(path)):
        remove_quietly(candidate)

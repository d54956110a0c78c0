"""Save an index without ever losing the previous file: atomic write, backup, recovery copy."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import secrets
import sys
from pathlib import Path

from ..model.errors import InputError
from ..model.index import PlaceEventIndex, index_from_json, parse_index_bytes
from ..model.passage import Passage, load_passage

BACKUP_SUFFIX = ".bak"
RECOVERY_SUFFIX = ".recovery"
SAVE_AS_FIX = "choose another folder with File > Save As"

# Write in pieces so a full disk fails part-way like it does in real life, and so a
# test can interrupt the write half-way.
_CHUNK = 64 * 1024


def index_json_text(index: PlaceEventIndex, index_path: str | Path | None = None) -> str:
    """The index as a diff-friendly file: schema key order, 2-space indent, real UTF-8, final newline.

    With ``index_path`` the passage reference is made relative to that file's folder, so an
    index saved into another folder still finds its passage.
    """
    data = index.to_json()
    if index_path is not None:
        data["passage"]["file"] = passage_reference(index, Path(index_path))
    return json_text(data)


def json_text(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def passage_reference(index: PlaceEventIndex, index_path: Path) -> str:
    """How an index at ``index_path`` names its passage: a path relative to the index's folder."""
    current = index.meta.get("file", "")
    if not index.passage.path:
        return current or index.passage.name
    passage_file = Path(index.passage.path).absolute()
    folder = index_path.absolute().parent
    if current and (folder / current).absolute() == passage_file:
        return current  # keep what the author wrote when it still points at the passage
    try:
        return Path(os.path.relpath(passage_file, folder)).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return str(passage_file)


def save_index(index: PlaceEventIndex, path: str | Path) -> Path:
    """Write the index to ``path`` atomically, keeping the previous version as NAME.bak.

    Raises InputError naming the file and the fix; the previous file is then untouched.
    Returns the path written (a symbolic link is followed, so the link stays a link).
    """
    path = _real_target(Path(path))
    text = index_json_text(index, path)
    # Never write a file that would not load again: check it as load_index would.
    index_from_json(json.loads(text), index.passage, str(path))
    write_atomically(path, text.encode("utf-8"), keep_backup=True)
    # The saved file now holds everything; an older recovery copy would only confuse.
    discard_recovery(path)
    return path


def backup_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_json_file(data: object, path: str | Path) -> Path:
    """Write any JSON export atomically (no backup); raise InputError on failure."""
    path = _real_target(Path(path))
    write_atomically(path, json_text(data).encode("utf-8"), keep_backup=False)
    return path


def write_atomically(path: Path, data: bytes, *, keep_backup: bool) -> None:
    """Replace ``path`` with ``data`` in one step; on any failure the old file stays as it was."""
    if path.is_dir():
        raise InputError(path, "this is a folder, not a file", fix="choose a file name, or " + SAVE_AS_FIX)
    try:
        previous = path.read_bytes() if keep_backup and path.exists() else None
        _replace(path, data, previous, keep_backup)
    except OSError as exc:
        raise _save_error(path, exc) from None


def _replace(path: Path, data: bytes, previous: bytes | None, keep_backup: bool) -> None:
    temp = _write_temp(path, data)
    try:
        with contextlib.suppress(OSError):
            # A new temporary file is private; give it the permissions the old file had.
            os.chmod(temp, path.stat().st_mode & 0o7777)
        if keep_backup and previous is not None and previous != data:
            # Saving unchanged data must not overwrite the backup with a copy of itself.
            backup_temp = _write_temp(path, previous)
            try:
                os.replace(backup_temp, backup_path(path))
            except BaseException:
                _remove(backup_temp)
                raise
        os.replace(temp, path)
    except BaseException:
        _remove(temp)
        raise
    _sync_folder(path.parent)


def _write_temp(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new hidden file beside ``path``, flushed to disk; return its path."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            # Mode 0o666 lets the umask decide, as for any new file the user saves.
            fd = os.open(temp, flags, 0o666)
            break
        except FileExistsError:
            continue
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view[:_CHUNK])
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        _remove(temp)
        raise
    os.close(fd)
    return temp


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry so the rename survives a power cut (POSIX only)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _real_target(path: Path) -> Path:
    # Replacing a symbolic link would turn it into a plain file; write where it points.
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _save_error(path: Path, exc: OSError) -> InputError:
    code = exc.errno
    folder = path.parent
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return InputError(path, "the disk is full; nothing was changed",
                          fix="free some space, or " + SAVE_AS_FIX)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return InputError(path, f"the folder {folder} is read-only for you; nothing was changed",
                          fix=SAVE_AS_FIX)
    if code == errno.ENOENT:
        return InputError(path, f"the folder {folder} does not exist", fix=SAVE_AS_FIX)
    if code == errno.ENOTDIR:
        return InputError(path, "part of this path is a file, not a folder", fix=SAVE_AS_FIX)
    if code == errno.EISDIR:
        return InputError(path, "this is a folder, not a file", fix=SAVE_AS_FIX)
    if code == errno.ENAMETOOLONG:
        return InputError(path, "the file name is too long", fix="choose a shorter name with File > Save As")
    reason = exc.strerror or exc.__class__.__name__
    return InputError(path, f"cannot write the file ({reason}); nothing was changed", fix=SAVE_AS_FIX)


# -- recovery copies --------------------------------------------------------------


def autosave_path(path: str | Path) -> Path:
    """Where the recovery copy of an index goes first: a hidden file beside it."""
    path = Path(path)
    return path.with_name(f".{path.name}{RECOVERY_SUFFIX}")


def cache_recovery_path(path: str | Path) -> Path:
    """Where the recovery copy goes when the index's folder is read-only: the user's cache."""
    path = Path(path).absolute()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    # The hash keeps apart two files with the same name in different folders.
    digest = hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(base) / "mapviewer" / "recovery" / f"{digest}-{path.name}{RECOVERY_SUFFIX}"


def write_recovery_copy(index: PlaceEventIndex, path: str | Path) -> Path:
    """Write the unsaved index where a restart can find it; return where it went.

    Tries beside the index first, then the cache folder; raises InputError if neither works.
    """
    path = Path(path)
    # The passage reference stays relative to the index file, wherever the copy lives.
    data = index_json_text(index, path).encode("utf-8")
    beside = autosave_path(path)
    try:
        write_atomically(beside, data, keep_backup=False)
        return beside
    except InputError:
        cached = cache_recovery_path(path)
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _save_error(cached, exc) from None
        write_atomically(cached, data, keep_backup=False)
        # An older copy beside the file must not win over this one in find_recovery.
        _remove(beside)
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
        raise InputError(copy, f"cannot read the recovery copy ({exc.strerror})",
                         fix="open the saved file") from None
    data = parse_index_bytes(raw, str(copy))
    if passage is None:
        try:
            passage = load_passage(path.parent / data["passage"]["file"])
        except (KeyError, TypeError):
            raise InputError(copy, "the recovery copy names no passage", fix="open the saved file") from None
    return index_from_json(data, passage, str(path))


def discard_recovery(path: str | Path) -> None:
    """Remove any recovery copy of ``path`` (after a save, or when the user declines it)."""
    for candidate in (autosave_path(path), cache_recovery_path(path)):
        _remove(candidate)

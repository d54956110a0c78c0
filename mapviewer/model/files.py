"""Reading the user's files and writing every file the app writes: whole, or not at all."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import secrets
import stat
import sys
from pathlib import Path

from .errors import InputError

if sys.platform != "win32":
    import fcntl  # Windows has no advisory locks: there a file held open cannot be deleted

BACKUP_SUFFIX = ".bak"
# What a failed write tells the user to do, unless the caller knows better (the app says File > Save As).
ELSEWHERE_FIX = "write it to another folder"

# Write in pieces so a full disk fails part-way like it does in real life, and so a
# test can interrupt the write half-way.
_CHUNK = 64 * 1024


def read_user_file(path: str | Path, limit: int, what: str, fix_size: str) -> bytes:
    """Read a file the user chose, turning every failure into an InputError with its fix.

    Only a regular file is read (a FIFO would block for ever, /dev/zero never ends), and the
    size limit holds while reading, whatever the file said its size was.
    """
    path = Path(path)

    def too_big(size: int | None) -> InputError:
        told = f"{size / 2**20:.0f} MB" if size is not None else "larger than that"
        return InputError(
            path, f"the {what} is {told}; mapviewer opens {what}s up to {limit // 2**20} MB", fix=fix_size
        )

    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError
        if not stat.S_ISREG(mode):
            raise InputError(
                path, "this is not a regular file (a device, a pipe or a socket)", fix=f"choose a {what} file"
            )
        # O_NONBLOCK: if it was swapped for a pipe since the check, opening must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise InputError(
                    path, "this is not a regular file (a device, a pipe or a socket)", fix=f"choose a {what} file"
                )
            size = os.fstat(file.fileno()).st_size
            if size > limit:
                raise too_big(size)
            data = file.read(limit + 1)
        if len(data) > limit:
            raise too_big(None)  # it grew while it was read
        return data
    except FileNotFoundError:
        raise InputError(path, f"the {what} file does not exist", fix="check the path") from None
    except IsADirectoryError:
        raise InputError(path, "this is a folder, not a file", fix=f"choose a {what} file") from None
    except OSError as exc:
        raise path_error(path, exc, what) from None


# ---- cache files ----------------------------------------------------------------------
# What the app keeps in the user's cache folder (the map page, the schema's compiled check)
# ends with its own SHA-256, so a file cut short by a crash or a full disk reads as missing.
_SEAL = b"\n<!-- mapviewer cache sha256 "


def sealed(data: bytes) -> bytes:
    """``data`` with its seal after it, as a cache file holds it."""
    return data + _SEAL + hashlib.sha256(data).hexdigest().encode() + b" -->\n"


def unsealed(cached: bytes) -> bytes | None:
    """What a cache file holds before its seal, or None unless it ends with its own hash."""
    data, seal, _ = cached.rpartition(_SEAL)
    return data if seal and cached == sealed(data) else None


def read_cache(path: Path, limit: int) -> bytes | None:
    """A cache file's content, or None: missing, not a regular file (a pipe in its place is not
    waited on), larger than ``limit``, not whole, or not private. Only a file the user owns and
    nobody else may write is read (as ssh treats its keys): the schema's check is code, and the
    page runs its scripts, so a cache folder shared with others is used for nothing."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as file:
            status = os.fstat(file.fileno())
            if not stat.S_ISREG(status.st_mode) or status.st_size > limit or not _private(status):
                return None
            return unsealed(file.read(limit + 1))
    except OSError:
        return None


def _private(status: os.stat_result) -> bool:
    """Whether a file is the user's own and writable by nobody else (always so where files have no owners)."""
    owner = getattr(os, "getuid", None)
    return owner is None or (status.st_uid == owner() and not status.st_mode & 0o022)


def write_cache(path: Path, data: bytes) -> None:
    """Keep ``data`` (sealed) at ``path`` in the cache folder, readable and writable by the user
    only; a cache that cannot be written only costs time the next time."""
    try:
        # A new file, not through whatever is there: a link planted in the folder is not followed,
        # and a bad file's mode is not kept.
        path.unlink(missing_ok=True)
        os.chmod(write_atomic(path, sealed(data), create_folder=True), 0o600)
    except (OSError, InputError):
        pass


def path_error(path: str | Path, exc: OSError, what: str = "") -> InputError:
    """An InputError for an OSError met while looking at or reading a path the user gave."""
    if exc.errno == errno.ENAMETOOLONG:
        return InputError(path, "the file name is too long", fix="rename the file or choose a shorter name")
    if exc.errno == errno.ELOOP:
        return InputError(path, "the path is a loop of symbolic links", fix="fix the link, or choose the file itself")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError(path, "you may not read this file", fix="check its permissions")
    if exc.errno == errno.ENOTDIR:
        return InputError(path, "part of this path is a file, not a folder", fix="check the path")
    reason = exc.strerror or exc.__class__.__name__
    return InputError(path, f"cannot read the file ({reason})", fix=f"choose another {what} file".replace("  ", " "))


def exists(path: str | Path) -> bool:
    """Whether something is at ``path``; a path that cannot even be looked at is an InputError."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise path_error(path, exc) from None
    return True


def json_text(data: object) -> str:
    """JSON as mapviewer writes it: 2-space indent, real UTF-8 rather than escapes, final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def backup_path(path: str | Path) -> Path:
    """Where ``write_atomic(..., keep_backup=True)`` keeps the previous version: NAME.bak."""
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_atomic(
    path: str | Path,
    data: bytes | str,
    *,
    keep_backup: bool = False,
    create_folder: bool = False,
    fix: str = ELSEWHERE_FIX,
    like: str | Path | None = None,
) -> Path:
    """Replace the file at ``path`` with ``data`` in one step; return the path written.

    A string is written as UTF-8. The data goes to a temporary file beside the target, which
    is flushed to disk and renamed over it, and the folder is flushed so the rename survives a
    power cut. On any failure the old file stays as it was and InputError says why and what
    to do. ``keep_backup`` keeps the previous version as NAME.bak (unless it is unchanged);
    ``create_folder`` makes missing folders first; ``fix`` is how the user can write it
    elsewhere; ``like`` names the file whose permissions a new file takes (by default the file
    it replaces; a recovery copy takes its index's). A symbolic link stays a link: the file it
    points to is replaced. Temporary files that earlier, killed writes left beside it go.
    """
    path = write_target(path)
    if isinstance(data, str):
        data = _utf8(data, path)
    try:
        if path.is_dir():
            raise InputError(path, "this is a folder, not a file", fix="choose a file name, or " + fix)
        if path.exists() and not path.is_file():
            # Renaming over a device or a pipe (or a link to one) would replace it with a file.
            raise InputError(
                path,
                "this is not a regular file (a device, a pipe or a socket); nothing was written",
                fix="choose a file name, or " + fix,
            )
        if create_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
        previous = path.read_bytes() if keep_backup and path.exists() else None
        _replace(path, data, previous, Path(like) if like is not None else None)
    except OSError as exc:
        raise write_error(path, exc, fix) from None
    return path


def _utf8(text: str, path: Path) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        # Only a lone surrogate (half of a UTF-16 pair, e.g. from a "\ud800" JSON escape) gets here.
        line = text.count("\n", 0, exc.start) + 1
        column = exc.start - (text.rfind("\n", 0, exc.start) + 1) + 1
        raise InputError(
            path,
            f"the text holds a lone surrogate U+{ord(text[exc.start]):04X} at line {line}, column {column} "
            "(half of a UTF-16 pair), which UTF-8 cannot store; nothing was written",
            fix="remove that character from the text that contains it and try again",
        ) from None


def _replace(path: Path, data: bytes, previous: bytes | None, like: Path | None) -> None:
    clean_stale_temps(path)
    # A new file is private to the writer; give the copies the permissions of the file they copy.
    mode = _mode_of(like or path)
    temp, fd = _write_temp(path, data, mode)
    try:
        if previous is not None and previous != data:
            # Saving unchanged data must not overwrite the backup with a copy of itself.
            backup_temp, backup_fd = _write_temp(path, previous, _mode_of(path))
            try:
                os.replace(backup_temp, backup_path(path))
            except BaseException:
                _remove(backup_temp)
                raise
            finally:
                os.close(backup_fd)
        os.replace(temp, path)
    except BaseException:
        _remove(temp)
        raise
    finally:
        os.close(fd)  # only now: the lock on it told other processes this file was still wanted
    _sync_folder(path.parent)


def _mode_of(path: Path) -> int | None:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return None


_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{8}\.tmp\Z", re.DOTALL)


def _write_temp(path: Path, data: bytes, mode: int | None) -> tuple[Path, int]:
    """Write ``data`` to a new hidden file beside ``path``, flushed to disk; return its path and
    its descriptor, locked until the caller closes it (``clean_stale_temps`` leaves it alone)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            # Mode 0o666 lets the umask decide, as for any new file the user saves.
            fd = os.open(temp, flags, 0o666)
        except FileExistsError:
            continue
        _lock(fd)
        try:
            if os.stat(temp).st_ino == os.fstat(fd).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(fd)  # a cleaner took it for stale between the open and the lock: start again
    try:
        if mode is not None:
            with contextlib.suppress(OSError):  # a folder without permissions (FAT, some shares)
                os.chmod(temp, mode)
        view = memoryview(data)
        while view:
            written = os.write(fd, view[:_CHUNK])
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        _remove(temp)
        raise
    return temp, fd


def _lock(fd: int) -> bool:
    """Take an exclusive lock on an open file without waiting; False if another process holds one."""
    if sys.platform == "win32":
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def clean_stale_temps(path: str | Path) -> list[Path]:
    """Remove the temporary files of writes to ``path`` that never finished (the writer was
    killed, or the power failed); return them. A temporary file whose writer is still at work
    is locked (on Windows: held open) and stays."""
    path = Path(path)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if not match or match["name"] not in (path.name, path.name + BACKUP_SUFFIX):
            continue
        candidate = Path(entry.path)
        if sys.platform == "win32":
            # Windows refuses to delete a file that a process holds open (Python opens files
            # without FILE_SHARE_DELETE): a writer still at work keeps its file; a dead one's goes.
            try:
                os.unlink(candidate)
            except OSError:
                continue
            removed.append(candidate)
            continue
        try:
            fd = os.open(candidate, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            continue
        try:
            if stat.S_ISREG(os.fstat(fd).st_mode) and _lock(fd):
                _remove(candidate)
                removed.append(candidate)
        finally:
            os.close(fd)
    return removed


def remove_quietly(path: str | Path) -> None:
    """Delete a file if it is there; a file that cannot be deleted is left alone."""
    _remove(Path(path))


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


def write_target(path: str | Path) -> Path:
    """The file a write to ``path`` replaces: the target of a symbolic link, else ``path`` itself."""
    path = Path(path)
    try:
        if not path.is_symlink():
            return path
        # Replacing a symbolic link would turn it into a plain file; write where it points.
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(path))  # a link to a file not yet there: create it
    except OSError as exc:  # a loop of links, a name too long
        raise write_error(path, exc, ELSEWHERE_FIX) from None


def write_error(path: Path, exc: OSError, fix: str) -> InputError:
    code = exc.errno
    folder = path.parent
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return InputError(path, "the disk is full; nothing was changed", fix="free some space, or " + fix)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return InputError(path, f"the folder {folder} is read-only for you; nothing was changed", fix=fix)
    if code == errno.ENOENT:
        return InputError(path, f"the folder {folder} does not exist", fix=fix)
    if code in (errno.ENOTDIR, errno.EEXIST):  # EEXIST: making a folder where a file is
        return InputError(path, "part of this path is a file, not a folder", fix=fix)
    if code == errno.EISDIR:
        return InputError(path, "this is a folder, not a file", fix=fix)
    if code == errno.ENAMETOOLONG:
        return InputError(path, "the file name is too long", fix="choose a shorter name, or " + fix)
    if code == errno.ELOOP:
        return InputError(path, "the path is a loop of symbolic links", fix="choose another name, or " + fix)
    reason = exc.strerror or exc.__class__.__name__
    return InputError(path, f"cannot write the file ({reason}); nothing was changed", fix=fix)

"""Reading the user's files and writing every file the app writes: whole, or not at all."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import stat
import sys
from pathlib import Path

from .errors import InputError

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
        raise InputError(path, f"cannot read the file ({exc.strerror})", fix="check its permissions") from None


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
) -> Path:
    """Replace the file at ``path`` with ``data`` in one step; return the path written.

    A string is written as UTF-8. The data goes to a temporary file beside the target, which
    is flushed to disk and renamed over it, and the folder is flushed so the rename survives a
    power cut. On any failure the old file stays as it was and InputError says why and what
    to do. ``keep_backup`` keeps the previous version as NAME.bak (unless it is unchanged);
    ``create_folder`` makes missing folders first; ``fix`` is how the user can write it
    elsewhere. A symbolic link stays a link: the file it points to is replaced.
    """
    path = write_target(path)
    if isinstance(data, str):
        data = _utf8(data, path)
    if path.is_dir():
        raise InputError(path, "this is a folder, not a file", fix="choose a file name, or " + fix)
    try:
        if create_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
        previous = path.read_bytes() if keep_backup and path.exists() else None
        _replace(path, data, previous)
    except OSError as exc:
        raise _write_error(path, exc, fix) from None
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


def _replace(path: Path, data: bytes, previous: bytes | None) -> None:
    temp = _write_temp(path, data)
    try:
        with contextlib.suppress(OSError):
            # A new temporary file is private; give it the permissions the old file had.
            os.chmod(temp, path.stat().st_mode & 0o7777)
        if previous is not None and previous != data:
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
    # Replacing a symbolic link would turn it into a plain file; write where it points.
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _write_error(path: Path, exc: OSError, fix: str) -> InputError:
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
    reason = exc.strerror or exc.__class__.__name__
    return InputError(path, f"cannot write the file ({reason}); nothing was changed", fix=fix)

"""The index schema's compiled check, kept in the user's cache between runs.

fastjsonschema turns the schema into Python source (about 120 KB) that Python then compiles:
some 40 ms of every start-up. The compiled code goes to the cache folder (as Python keeps a
module's bytecode, marshalled, for this Python and this library only), so later starts load
it in a fraction of a millisecond. A cache file that is missing, damaged or made for another
schema, library or Python is made again; a cache that cannot be written only costs the 40 ms.

Code is only run from a file the user owns and nobody else may write (as ssh treats its keys), and
whose content ends with its own hash: a cache folder shared with others (``XDG_CACHE_HOME`` set to
a common folder) is used for nothing but a fresh compile.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from types import CodeType
from typing import Any

import fastjsonschema

from ..paths import cache_dir
from .errors import InputError
from .files import write_atomic

_SEAL = b"mapviewer schema check sha256 "
_LIMIT = 16 * 2**20  # the check is about 100 KB


def compiled_check(schema: dict[str, Any], schema_text: str) -> Callable[[object], object]:
    """fastjsonschema's check of ``schema`` (whose file reads ``schema_text``), from the cache when it is sound."""
    inputs = "\n".join([schema_text, fastjsonschema.VERSION, sys.version])
    path = cache_dir() / f"schema-check-{hashlib.sha256(inputs.encode()).hexdigest()[:16]}.bin"
    check = _load(path)
    if check is None:
        code = compile(fastjsonschema.compile_to_code(schema), "<index schema check>", "exec")
        check = _check_of(code)
        data = marshal.dumps(code)
        try:
            path.unlink(missing_ok=True)  # a new file, not one that keeps a bad file's mode
            write_atomic(path, data + _seal(data), create_folder=True)
        except (OSError, InputError):
            pass  # a read-only cache only costs start-up time
    return check


def _seal(data: bytes) -> bytes:
    return _SEAL + hashlib.sha256(data).hexdigest().encode()


def _load(path: Path) -> Callable[[object], object] | None:
    """The check the cache file at ``path`` holds, or None unless the file is whole (it ends with its own hash)."""
    try:
        # O_NONBLOCK: a pipe put in its place must not hold up the start waiting for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as file:
            status = os.fstat(file.fileno())
            if not stat.S_ISREG(status.st_mode) or status.st_size > _LIMIT or not _private(status):
                return None
            cached = file.read(_LIMIT + 1)
    except OSError:
        return None
    data, seal, _ = cached.rpartition(_SEAL)
    if not seal or cached[len(data) :] != _seal(data):
        return None
    try:
        return _check_of(marshal.loads(data))
    except Exception:
        return None


def _private(status: os.stat_result) -> bool:
    """Whether a file is the user's own and writable by nobody else (always so where there are no owners)."""
    owner = getattr(os, "getuid", None)
    return owner is None or (status.st_uid == owner() and not status.st_mode & 0o022)


def _check_of(code: CodeType) -> Callable[[object], object]:
    # The generated code's first function checks the whole document; the others check its parts.
    names: dict[str, object] = {}
    exec(code, names)
    return next(value for name, value in names.items() if name.startswith("validate"))  # type: ignore[return-value]

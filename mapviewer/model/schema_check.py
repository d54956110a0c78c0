"""The index schema's compiled check, kept in the user's cache between runs.

fastjsonschema turns the schema into Python source (about 120 KB) that Python then compiles:
some 40 ms of every start-up. The compiled code goes to the cache folder (as Python keeps a
module's bytecode, marshalled, for this Python and this library only), so later starts load
it in a fraction of a millisecond. A cache file that is missing, damaged, not private or made
for another schema, library or Python is made again (``files.read_cache`` says which files are
read); a cache that cannot be written only costs the 40 ms.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Callable
from types import CodeType
from typing import Any

import fastjsonschema

from ..paths import cache_dir
from .files import read_cache, write_cache

_LIMIT = 16 * 2**20  # the check is about 100 KB


def compiled_check(schema: dict[str, Any], schema_text: str) -> Callable[[object], object]:
    """fastjsonschema's check of ``schema`` (whose file reads ``schema_text``), from the cache when it is sound."""
    inputs = "\n".join([schema_text, fastjsonschema.VERSION, sys.version])
    path = cache_dir() / f"schema-check-{hashlib.sha256(inputs.encode()).hexdigest()[:16]}.bin"
    cached = read_cache(path, _LIMIT)
    if cached is not None:
        try:
            return _check_of(marshal.loads(cached))
        except Exception:
            pass
    code = compile(fastjsonschema.compile_to_code(schema), "<index schema check>", "exec")
    write_cache(path, marshal.dumps(code))
    return _check_of(code)


def _check_of(code: CodeType) -> Callable[[object], object]:
    # The generated code's first function checks the whole document; the others check its parts.
    names: dict[str, object] = {}
    exec(code, names)
    return next(value for name, value in names.items() if name.startswith("validate"))  # type: ignore[return-value]

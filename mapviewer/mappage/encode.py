"""The one encoder for every value that crosses from Python into the map page."""

from __future__ import annotations

import json

# Escaped so that encoded text is also safe inside an HTML <script> element.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def encode(value: object) -> str:
    """Encode a JSON value as ASCII-only JSON text that no HTML parser can break out of."""
    text = json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    return text.translate(_HTML_SAFE)


def command(fn: str, *args: object) -> str:
    """A page command: the name of a page function and its arguments, as one JSON message."""
    return encode({"fn": fn, "args": list(args)})

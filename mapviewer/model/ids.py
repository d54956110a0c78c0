"""Ids for places and events: one slug rule, and the way a taken id is made unique."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

# The index schema's id: "^[a-z0-9][a-z0-9-]{0,63}$", so at most this many characters.
MAX_ID_LENGTH = 64
# A slug is cut here, leaving room for a "-2" ... "-9999999" suffix within MAX_ID_LENGTH.
SLUG_LENGTH = 56

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Apostrophes join a word rather than split it: "Lenin's" gives "lenins", not "lenin-s".
_APOSTROPHES = dict.fromkeys(map(ord, "'\u2018\u2019\u02bc"), None)
# Letters of European names that NFKD does not take apart into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "ŀ": "l"}
)


def slug(text: str, *, fallback: str = "item") -> str:
    """A kebab-case id from any text: "Łódź, 1920" -> "lodz-1920"; ``fallback`` when no letter survives.

    Accents are folded to ASCII (NFKD), case is folded, every run of other characters becomes
    one "-", and the result is cut to SLUG_LENGTH characters. Applying it twice changes nothing.
    """
    if not is_valid_id(fallback) or len(fallback) > SLUG_LENGTH:
        raise ValueError(f"the fallback {fallback!r} is not a valid id")
    folded = text.casefold().translate(_APOSTROPHES).translate(_UNDECOMPOSED)
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    words = _NOT_ALNUM.sub("-", ascii_text.lower()).strip("-")
    return words[:SLUG_LENGTH].rstrip("-") or fallback


def unique_id(text: str, used: Container[str], *, fallback: str = "item") -> str:
    """``slug(text)``, or the first of "slug-2", "slug-3", ... that is not in ``used``.

    The result is always a valid index id: a long slug is shortened to make room for the number.
    """
    base = slug(text, fallback=fallback)
    candidate, n = base, 2
    while candidate in used:
        suffix = f"-{n}"
        candidate = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        n += 1
    return candidate


def is_valid_id(text: str) -> bool:
    """Whether ``text`` is an id the index schema accepts."""
    return _ID.fullmatch(text) is not None

"""Text from files on its way into Qt widgets: never markup, never mistaken for a byte-order mark."""

from __future__ import annotations

import html

# Converting a Python string for Qt reads U+FEFF or U+FFFE at its start as a byte-order mark:
# the first is dropped (every later offset shifts by one), the second byte-swaps the rest into
# CJK. Each is shown as a look-alike of the same UTF-16 length, so offsets stay as they are.
_BOM_LIKE = str.maketrans({"\ufeff": "\u2060", "\ufffe": "\ufffd"})


def shown(text: str) -> str:
    """``text`` as a widget may show it, character for character."""
    return text.translate(_BOM_LIKE)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally: Qt renders a tooltip that looks like HTML as HTML
    (and loads its images), so the text goes in escaped, inside rich text of our own."""
    if not text:
        return ""
    return "<qt>" + html.escape(shown(text)).replace("\n", "<br>") + "</qt>"

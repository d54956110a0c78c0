"""Legible from the back row: one key scales all the type, and the projector's labels are large."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from .conftest import settled_state

SIZES = (
    "JSON.stringify({"
    "highlighted: Array.from(document.querySelectorAll('.place-tooltip.highlighted .place-name'))"
    ".map(n => parseFloat(getComputedStyle(n).fontSize)),"
    "others: Array.from(document.querySelectorAll('.place-tooltip:not(.highlighted) .place-name'))"
    ".map(n => parseFloat(getComputedStyle(n).fontSize))})"
)


def label_sizes(qtbot, view) -> dict:
    import json

    with qtbot.waitCallback(timeout=10_000) as callback:
        view.page().runJavaScript(SIZES, 0, callback)
    return json.loads(callback.args[0])


def test_one_key_scales_the_passage_the_list_and_the_map_labels(window, qtbot):
    window.selection.select_event("treaty-of-rapallo")
    settled_state(qtbot, window.map_view)
    before = (
        window.passage_view.font_size,
        window.event_table.font().pointSizeF(),
        label_sizes(qtbot, window.map_view),
    )
    for _ in range(3):
        QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    settled_state(qtbot, window.map_view)
    after = (window.passage_view.font_size, window.event_table.font().pointSizeF(), label_sizes(qtbot, window.map_view))
    assert after[0] == before[0] + 3
    assert after[1] > before[1] * 1.2
    assert min(after[2]["others"]) > min(before[2]["others"]) * 1.2
    assert min(after[2]["highlighted"]) > min(before[2]["highlighted"]) * 1.2


def test_the_projectors_labels_are_large_enough_and_grow_with_the_banner(window, carr_index, qtbot):
    window.resize(1920, 1080)
    window.presentation.start("lecture", fullscreen=False, with_presenter=False)
    window.selection.select_event("treaty-of-rapallo")
    settled_state(qtbot, window.map_view)
    sizes = label_sizes(qtbot, window.map_view)
    assert sizes["highlighted"] and min(sizes["highlighted"]) >= 24
    assert sizes["others"] and min(sizes["others"]) >= 16
    banner = window.presentation.banner.font().pointSizeF()
    passage = window.passage_view.font_size
    QTest.keyClick(
        window.map_view.focusProxy() or window.map_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier
    )
    assert window.presentation.banner.font().pointSizeF() == banner + 2
    assert window.passage_view.font_size > passage  # the same key scales the rest in proportion
    settled_state(qtbot, window.map_view)
    assert min(label_sizes(qtbot, window.map_view)["highlighted"]) > min(sizes["highlighted"])
    window.presentation.stop()

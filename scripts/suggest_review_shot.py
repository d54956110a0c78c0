"""Draw the review of suggested events for one of the measured passages into a PNG (offscreen)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mapviewer.model.passage import load_passage
from mapviewer.qt.dialogs import SuggestionsDialog
from mapviewer.suggest.draft import suggest_index

PASSAGE = Path(__file__).resolve().parent.parent / "tests" / "data" / "suggest" / "polish-soviet-war-1920.txt"


def main(argv: list[str]) -> int:
    target = Path(argv[0] if argv else "docs/suggest-review.png")
    app = QApplication.instance() or QApplication(["mapviewer"])
    passage = load_passage(PASSAGE)
    dialog = SuggestionsDialog(suggest_index(passage), None, passage.text)
    dialog.resize(1400, 860)
    dialog.show()
    row = next(i for i, e in enumerate(dialog.suggested["events"]) if "Grodno" in e["anchor"]["exact"])
    dialog.table.setCurrentCell(row, dialog.TITLE)
    # No row needs dropping any more (docs/suggest.md, "22 user actions"); show how a dropped row looks
    # with one a lecturer might not want beside the battle of Warsaw.
    dropped = next(i for i, e in enumerate(dialog.suggested["events"]) if e["title"].startswith("Government in Warsaw"))
    dialog.table.item(dropped, dialog.CHECK).setCheckState(Qt.CheckState.Unchecked)
    app.processEvents()
    dialog.table.resizeRowsToContents()
    app.processEvents()
    if not dialog.grab().save(str(target)):
        print(f"could not write {target}", file=sys.stderr)
        return 1
    print(f"Wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

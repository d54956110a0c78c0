"""The one error type every loader raises for bad input: file, item, problem and fix."""

from __future__ import annotations

from os import PathLike


class InputError(Exception):
    """A file the user gave us is unusable; the message says where and what to do."""

    def __init__(self, file: str | PathLike[str], problem: str, *, item: str = "", fix: str = "") -> None:
        self.file = str(file)
        self.item = item
        self.problem = problem
        self.fix = fix
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f"{self.file}: {self.item}" if self.item else self.file
        text = f"{where}: {self.problem}"
        if self.fix:
            text += f" \u2014 {self.fix}"
        return text

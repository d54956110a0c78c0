"""The one error type every loader raises for bad input: file, item, problem and fix."""

from __future__ import annotations


class InputError(Exception):
    """A file the user gave us is unusable; the message says where and what to do."""

    def __init__(self, file: str, problem: str, *, item: str = "", fix: str = "") -> None:
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


def read_user_file(path, limit: int, what: str, fix_size: str) -> bytes:
    """Read a file the user chose, turning every failure into an InputError with its fix."""
    from pathlib import Path

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(path, f"the {what} is {size / 2**20:.0f} MB; mapviewer opens {what}s up to "
                             f"{limit // 2**20} MB", fix=fix_size)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, f"the {what} file does not exist", fix="check the path") from None
    except IsADirectoryError:
        raise InputError(path, "this is a folder, not a file", fix=f"choose a {what} file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror})", fix="check its permissions") from None

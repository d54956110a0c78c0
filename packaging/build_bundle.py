"""Build the desktop bundle: a one-folder mapviewer that runs with no Python installed.

``make bundle`` runs this, and so does CI on Linux, Windows and macOS (``python
packaging/build_bundle.py``). It keeps a build environment of its own (``.venv-bundle``)
holding only what the app needs at run time, installs this checkout into it from a wheel
(so the bundle carries exactly the files a ``pip install`` does), and runs PyInstaller on
``packaging/mapviewer.spec``. The result is ``dist/mapviewer/`` (and on macOS also
``dist/mapviewer.app``); its executable is printed last.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYINSTALLER = "pyinstaller>=6.10,<7"


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def bundle_executable(dist: Path) -> Path:
    """The console executable inside the one-folder bundle."""
    return dist / "mapviewer" / ("mapviewer.exe" if sys.platform == "win32" else "mapviewer")


def run(*command: str | Path) -> None:
    print("+", " ".join(str(c) for c in command), flush=True)
    subprocess.run([str(c) for c in command], check=True, cwd=ROOT)


def build(venv: Path, dist: Path, work: Path, python: str) -> Path:
    py = venv_python(venv)
    if not py.exists():
        run(python, "-m", "venv", venv)
        run(py, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    # The app's run-time dependencies and PyInstaller, then this checkout itself, reinstalled
    # every time so that the bundle never carries a stale copy.
    run(py, "-m", "pip", "install", "--quiet", ".", PYINSTALLER)
    run(py, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", ".")
    # -P: the checkout's own mapviewer/ (no data beside it) must not shadow the installed one.
    run(
        py,
        "-P",
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        dist,
        "--workpath",
        work,
        ROOT / "packaging" / "mapviewer.spec",
    )
    if sys.platform.startswith("linux"):
        add_desktop_entry(dist / "mapviewer")
    return bundle_executable(dist)


def add_desktop_entry(folder: Path) -> None:
    """The .desktop file, its icon and the script that adds them to the user's menu, beside the executable."""
    for source in (
        ROOT / "packaging" / "mapviewer.desktop",
        ROOT / "packaging" / "install-desktop-entry.sh",
        ROOT / "resources" / "icons" / "mapviewer.png",
    ):
        target = folder / source.name
        shutil.copyfile(source, target)
        shutil.copymode(source, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", default=str(ROOT / ".venv-bundle"), help="the build environment (made if missing)")
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="where the bundle goes")
    parser.add_argument("--work", default=str(ROOT / "build" / "pyinstaller"), help="PyInstaller's scratch folder")
    parser.add_argument("--python", default=sys.executable, help="the Python that makes the build environment")
    args = parser.parse_args(argv)
    started = time.monotonic()
    exe = build(Path(args.venv), Path(args.dist), Path(args.work), args.python)
    if not exe.is_file():
        print(f"build_bundle: {exe} was not made", file=sys.stderr)
        return 1
    print(f"built {exe} in {time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())

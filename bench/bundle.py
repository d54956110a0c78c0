"""Measure the desktop bundle beside an installed copy: size on disk, download, start-up.

Run with `make bench-bundle` after `make bundle`. Writes its table to bench/bundle.md, which
`make bench` appends to docs/benchmarks.md, and puts it in docs/benchmarks.md now.
The installed copy is the bundle's build environment (.venv-bundle: mapviewer from a
wheel with its run-time dependencies only, as pipx installs it).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SECTION = "## The desktop bundle beside an installed copy"
LIST_DEPENDENCIES = """
import json, re
from importlib.metadata import distribution
seen, todo, files = set(), ["mapviewer"], []
while todo:
    name = re.split(r"[ ;<>=!~\\[]", todo.pop())[0].lower().replace("_", "-")
    if name in seen:
        continue
    seen.add(name)
    dist = distribution(name)
    files += [str(dist.locate_file(f)) for f in dist.files or ()]
    todo += [r for r in dist.requires or () if "extra ==" not in r]
print(json.dumps({"names": sorted(seen), "files": files}))
"""


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def installed_size(python: Path) -> tuple[int, int]:
    """Bytes of mapviewer and its run-time dependencies in an environment, and how many packages."""
    import json

    out = subprocess.run([str(python), "-c", LIST_DEPENDENCIES], capture_output=True, text=True, check=True).stdout
    found = json.loads(out)
    total = sum(os.path.getsize(f) for f in set(found["files"]) if os.path.isfile(f))
    return total, len(found["names"])


def download_size(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "bundle.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
            tar.add(folder, arcname=folder.name)
        return archive.stat().st_size


def timed(command: list[str], env: dict[str, str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
        times.append(time.perf_counter() - started)
    return times


def spread(values: list[float]) -> tuple[str, str]:
    return f"{statistics.median(values):.2f} s", f"{min(values):.2f}–{max(values):.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "mapviewer"))
    parser.add_argument("--venv", default=str(ROOT / ".venv-bundle"))
    args = parser.parse_args(argv)
    folder = Path(args.bundle)
    exe = folder / ("mapviewer.exe" if sys.platform == "win32" else "mapviewer")
    venv = Path(args.venv)
    scripts = venv / ("Scripts" if sys.platform == "win32" else "bin")
    venv_exe = scripts / ("mapviewer.exe" if sys.platform == "win32" else "mapviewer")
    python = scripts / ("python.exe" if sys.platform == "win32" else "python")
    if not exe.is_file() or not venv_exe.is_file():
        print("bench/bundle.py: run `make bundle` first", file=sys.stderr)
        return 1

    rows: list[tuple[str, str, str, str]] = []
    bundle_bytes = folder_size(folder)
    venv_bytes, packages = installed_size(python)
    mb = f"{bundle_bytes / 2**20:.0f} MB", f"{venv_bytes / 2**20:.0f} MB"
    rows.append(("Size on disk", *mb, f"{packages} packages"))
    rows.append(("Download (.tar.gz of the folder)", f"{download_size(folder) / 2**20:.0f} MB", "", ""))

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "empty").mkdir()
        base = {"HOME": str(tmp), "PATH": str(tmp / "empty"), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
        if sys.platform == "win32":
            base.update({k: os.environ[k] for k in ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR") if k in os.environ})
        bundle_env = dict(base, XDG_CACHE_HOME=str(tmp / "bundle-cache"))
        venv_env = dict(base, XDG_CACHE_HOME=str(tmp / "venv-cache"))
        shot = str(tmp / "shot.png")
        index = str(ROOT / "resources" / "passages" / "carr-1979-pp42-46.index.json")
        commands = [
            ("`mapviewer --version`", ["--version"], args.runs),
            ("`mapviewer check` (the Carr index)", ["check", index], args.runs),
            ("`mapviewer --screenshot`, first run (builds and caches the map page)", ["--screenshot", shot], 1),
            ("`mapviewer --screenshot` (page cached): start to the window saved", ["--screenshot", shot], args.runs),
        ]
        for label, extra, runs in commands:
            ours = timed([str(exe), *extra], bundle_env, runs)
            theirs = timed([str(venv_exe), *extra], venv_env, runs)
            (b_med, b_rng), (v_med, v_rng) = spread(ours), spread(theirs)
            note = f"spread {b_rng} / {v_rng}" if runs > 1 else "1 run"
            rows.append((label, b_med, v_med, note))

    lines = [
        SECTION,
        "",
        f"Measured {time.strftime('%Y-%m-%d', time.gmtime())} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} cores, with `make bench-bundle` (bench/bundle.py). The bundle is `make bundle`'s "
        "one-folder PyInstaller build, run with an empty PATH; the installed copy is mapviewer from a wheel "
        "with only its run-time dependencies (what `pipx install` makes), run through its `mapviewer` "
        f"command. Times are wall-clock from process start to exit, medians of {args.runs} runs, offscreen.",
        "",
        "| measure | bundle | installed copy | note |",
        "|---|---|---|---|",
        *[f"| {' | '.join(row)} |" for row in rows],
        "",
        "The bundle is the smaller of the two although it also carries the Python interpreter, its "
        "standard library and the system libraries Qt links to (GLib, GTK 3's theme plugin, NSS): it "
        "leaves out the Qt modules a widgets application never loads (QML plugins, Qt 3D, multimedia, "
        "all kept by an installed PySide6), and the installed copy's figure does not count the Python "
        "it runs on. QtWebEngine itself (Chromium, about 200 MB) is most of both. Every command of the "
        "bundle starts about 0.3 s later (its loader unpacks the Python archive and runs PyInstaller's "
        "start-up hooks for Qt); the window, whose time is QtWebEngine's, is ready as soon.",
        "",
    ]
    text = "\n".join(lines)
    (HERE / "bundle.md").write_text(text, "utf-8")
    splice(ROOT / "docs" / "benchmarks.md", text)
    print(text)
    return 0


def splice(document: Path, section: str) -> None:
    """Put ``section`` in place of the old one (up to the next '## ' heading), or at the end."""
    old = document.read_text("utf-8") if document.exists() else ""
    start = old.find(SECTION)
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + section
    else:
        end = old.find("\n## ", start + len(SECTION))
        new = old[:start] + section + ("\n" + old[end + 1 :] if end >= 0 else "")
    document.write_text(new, "utf-8")


if __name__ == "__main__":
    sys.exit(main())

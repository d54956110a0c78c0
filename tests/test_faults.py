"""Faults that really happen (issue 13): saves killed with SIGKILL at random moments, two
processes saving one file, a full disk, and the app killed with unsaved work.

Killed savers are forked from a forkserver (a clean, single-threaded process started once), so
50 kills take seconds, not the minutes 50 fresh interpreters would.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from mapviewer.interchange import save as saving
from mapviewer.model import edits
from mapviewer.model.errors import InputError
from mapviewer.model.files import backup_path
from mapviewer.model.index import index_from_json, load_index
from mapviewer.paths import resource_path

CARR = "carr-1979-pp42-46"
KILLS = 50


def _carr_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in (f"{CARR}.txt", f"{CARR}.index.json"):
        shutil.copy(resource_path("passages", name), folder / name)
    return folder / f"{CARR}.index.json"


def _large(index, label: str, places: int = 1500):
    """The Carr index with many more places (about 1 MB saved), marked ``label``."""
    data = index.to_json()
    data["places"] += [
        {
            "id": f"extra-{i}",
            "name": f"Place {i}",
            "modern_name": f"Place {i} today",
            "kind": "site",
            "lat": 50.0 + i / 1000,
            "lon": 20.0,
            "geonames": 1 + i,
            "note": f"{label} " + "a note to make the file large " * 16,
        }
        for i in range(places)
    ]
    return index_from_json(data, index.passage, index.path)


def _save_forever(index_a, index_b, path: str, ready, writing) -> None:
    """Save A and B in turn until killed (runs in a forked child); ``writing`` is set when the
    first file is being written, so a kill can be aimed at the moments that matter."""
    from mapviewer.model import files

    write_temp = files._write_temp

    def announced(*args):
        writing.set()
        return write_temp(*args)

    files._write_temp = announced
    ready.set()
    while True:
        saving.save_index(index_a, path)
        saving.save_index(index_b, path)


def _save_times(index, path: str, times: int) -> None:
    for _ in range(times):
        saving.save_index(index, path)


@pytest.fixture(scope="module")
def forkserver():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["mapviewer.interchange.save", "tests.test_faults"])
    return context


@pytest.fixture
def two_versions(tmp_path):
    """A large index in two versions, and the exact bytes each saves as."""
    path = _carr_folder(tmp_path / "carr")
    base = load_index(path)
    index_a, index_b = _large(base, "version A"), _large(base, "version B")
    saving.save_index(index_a, path)
    bytes_a = path.read_bytes()
    saving.save_index(index_b, path)
    bytes_b = path.read_bytes()
    assert bytes_a != bytes_b and len(bytes_a) > 1_000_000
    return index_a, index_b, bytes_a, bytes_b


def _temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_save_killed_at_random_moments_leaves_the_old_or_the_new_file(forkserver, two_versions, tmp_path):
    index_a, index_b, bytes_a, bytes_b = two_versions
    path = tmp_path / "carr" / f"{CARR}.index.json"
    path.write_bytes(bytes_a)
    started = time.perf_counter()
    saving.save_index(index_b, path)
    one_save = time.perf_counter() - started
    rng = random.Random(13)
    seen = {"A": 0, "B": 0, "temporary files left by the kill": 0}
    for kill in range(KILLS):
        ready, writing = forkserver.Event(), forkserver.Event()
        saver = forkserver.Process(target=_save_forever, args=(index_a, index_b, str(path), ready, writing))
        saver.start()
        assert ready.wait(30), "the saver did not start"
        if kill % 2:
            time.sleep(rng.uniform(0, 2.5 * one_save))  # anywhere in the first two saves or so
        else:
            # Aimed: while the temporary file, the backup or the rename are under way.
            assert writing.wait(30)
            time.sleep(rng.uniform(0, 0.004))
        os.kill(saver.pid, signal.SIGKILL)
        saver.join(30)
        assert saver.exitcode == -signal.SIGKILL
        on_disk = path.read_bytes()
        assert on_disk in (bytes_a, bytes_b), f"kill {kill}: the index is neither version ({len(on_disk)} bytes)"
        seen["A" if on_disk == bytes_a else "B"] += 1
        json.loads(on_disk)  # and it parses (both versions load: two_versions saved them)
        if backup_path(path).exists():
            assert backup_path(path).read_bytes() in (bytes_a, bytes_b), f"kill {kill}: the backup is damaged"
        seen["temporary files left by the kill"] += bool(_temporary_files(path.parent))
        # The next save (or open) clears what the killed one left.
        saving.save_index(index_a if kill % 2 else index_b, path)
        assert _temporary_files(path.parent) == [], f"kill {kill}: temporary files left after the next save"
    print(f"\n{KILLS} kills: {seen}; one save {one_save * 1000:.0f} ms")
    assert seen["temporary files left by the kill"] > 0, "no kill landed inside a save: the test proves nothing"


def test_two_processes_saving_one_file_leave_one_complete_version(forkserver, two_versions, tmp_path):
    index_a, index_b, bytes_a, bytes_b = two_versions
    path = tmp_path / "carr" / f"{CARR}.index.json"
    path.write_bytes(bytes_a)
    savers = [
        forkserver.Process(target=_save_times, args=(index, str(path), 8)) for index in (index_a, index_b, index_a)
    ]
    for saver in savers:
        saver.start()
    for saver in savers:
        saver.join(120)
        assert saver.exitcode == 0, "a save failed while another process saved the same file"
    assert path.read_bytes() in (bytes_a, bytes_b)
    assert backup_path(path).read_bytes() in (bytes_a, bytes_b)
    assert _temporary_files(path.parent) == []


@pytest.fixture
def small_disk(tmp_path):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_fails_the_save_clearly_and_keeps_the_old_file(small_disk):
    path = _carr_folder(small_disk)
    old = path.read_bytes()
    index = load_index(path)
    filler = small_disk / "filler"
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    filler.write_bytes(b"x" * max(0, free - len(old) // 2))  # less room left than one more copy
    bigger = edits.apply(index, edits.put_place(dict(_large(index, "x", 1).to_json()["places"][-1])))
    with pytest.raises(InputError) as caught:
        saving.save_index(bigger, path)
    assert "the disk is full" in caught.value.message and "nothing was changed" in caught.value.message
    assert path.read_bytes() == old
    assert _temporary_files(small_disk) == []
    # The recovery copy meets the same full disk and goes to the cache folder instead.
    copy = saving.write_recovery_copy(bigger, path)
    assert small_disk not in copy.parents and saving.find_recovery(path) == copy
    assert path.read_bytes() == old and _temporary_files(small_disk) == []


APP = textwrap.dedent(
    """
    import sys
    from mapviewer.qt import app as qtapp

    qtapp.prepare_environment(headless=True)
    from mapviewer.qt.web import register_scheme
    register_scheme()
    application = qtapp.create_application([sys.argv[0]])
    from PySide6.QtCore import QSettings
    from mapviewer.cli import open_main_window
    from mapviewer.model import edits

    settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
    window = open_main_window(sys.argv[1], settings)
    event = sorted(window.index.events)[0]
    window.editor.change("Delete event", edits.delete_event(event))
    assert window.editor.write_recovery()  # what the autosave timer does
    print("autosaved", event, flush=True)
    application.exec()
    """
)


def test_the_app_killed_with_unsaved_work_offers_it_back_on_restart(qtbot, tmp_path, settings):
    from PySide6.QtWidgets import QMessageBox

    from mapviewer.cli import open_main_window

    from .conftest import answer_dialog

    path = _carr_folder(tmp_path / "carr")
    saved = path.read_bytes()
    settings.setValue("session/index", str(path))  # the last session ended on this file
    settings.sync()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    app = subprocess.Popen(
        [sys.executable, "-c", APP, str(path), settings.fileName()], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        line = app.stdout.readline()  # blocks until the edit is autosaved (or the app died)
        assert line.startswith("autosaved"), f"the app did not autosave: {line!r}"
        deleted = line.split()[1]
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait(30)
        app.stdout.close()
    assert path.read_bytes() == saved  # the kill saved nothing; the work is in the recovery copy only
    asked = []

    def restore(box) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    answer_dialog(qtbot, restore)
    window = open_main_window(None, settings)
    try:
        qtbot.waitUntil(lambda: window.map_view.is_ready, timeout=60_000)
        assert asked and "ended unexpectedly" in asked[0] and str(path) in asked[0]
        assert deleted not in window.index.events and window.document.modified
        assert window.index.path == str(path)
    finally:
        window.document.mark_saved()
        window.close()
        import shiboken6

        shiboken6.delete(window)

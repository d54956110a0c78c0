"""Every file the plain-Python packages write goes through one atomic writer; the cache folder is found once."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from mapviewer import paths
from mapviewer.interchange import annotations, lpf, save
from mapviewer.mappage import build
from mapviewer.model import files
from mapviewer.model.errors import InputError
from mapviewer.model.index import index_from_json, load_index
from mapviewer.paths import resource_path
from mapviewer.suggest.cli import main as suggest_main

CARR_INDEX = "carr-1979-pp42-46.index.json"
CARR_TEXT = "carr-1979-pp42-46.txt"
OLD = b"the previous contents\n"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch) -> Path:
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


@pytest.fixture
def carr_file(tmp_path) -> Path:
    """A private copy of the shipped passage and index; returns the index path."""
    for name in (CARR_INDEX, CARR_TEXT):
        shutil.copyfile(resource_path("passages", name), tmp_path / name)
    return tmp_path / CARR_INDEX


@pytest.fixture
def carr(carr_file):
    return load_index(carr_file)


def retitled(index, title="Retitled by the test"):
    data = index.to_json()
    data["events"][0]["title"] = title
    return index_from_json(data, index.passage, index.path)


def leftovers(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*.tmp")]


# Each writer of the non-Qt packages: (name, the file it writes, how to call it).
def _save(carr, carr_file):
    return carr_file, lambda: save.save_index(retitled(carr), carr_file)


def _recovery(carr, carr_file):
    return save.autosave_path(carr_file), lambda: save.write_recovery_copy(retitled(carr), carr_file)


def _lpf(carr, carr_file):
    target = carr_file.with_name("places.lpf.json")
    return target, lambda: lpf.write_lpf(carr, target)


def _geojson(carr, carr_file):
    target = carr_file.with_name("places.geojson")
    return target, lambda: lpf.write_geojson(carr, target)


def _annotations(carr, carr_file):
    target = carr_file.with_name("anno.jsonld")
    return target, lambda: annotations.write_annotations(carr, target)


def _suggest(carr, carr_file):
    target = carr_file.with_name("draft.index.json")

    def run():
        if suggest_main([str(carr_file.with_name(CARR_TEXT)), "--out", str(target), "--force"]) != 0:
            raise InputError(target, "suggest failed")

    return target, run


WRITERS = {
    "save": _save,
    "recovery copy": _recovery,
    "lpf": _lpf,
    "geojson": _geojson,
    "annotations": _annotations,
    "suggest": _suggest,
}


@pytest.mark.parametrize("writer", WRITERS)
def test_a_failed_rename_leaves_the_old_file_as_it_was(writer, carr, carr_file, private_cache, monkeypatch, capsys):
    target, write = WRITERS[writer](carr, carr_file)
    target.write_bytes(OLD)

    def failing_replace(src, dst):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(InputError):
        write()
    assert target.read_bytes() == OLD
    assert leftovers(carr_file.parent, private_cache) == []
    if writer == "suggest":
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "cannot write the file (Input/output error)" in err


@pytest.mark.parametrize("writer", WRITERS)
def test_each_writer_flushes_the_file_and_then_its_folder(writer, carr, carr_file, monkeypatch):
    target, write = WRITERS[writer](carr, carr_file)
    synced = []
    real_fsync = os.fsync

    def recording_fsync(fd):
        info = os.fstat(fd)
        synced.append((stat.S_ISDIR(info.st_mode), info.st_ino))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    write()
    file_sync = (False, target.stat().st_ino)  # the renamed temporary file is the target now
    folder_sync = (True, target.parent.stat().st_ino)
    assert file_sync in synced and folder_sync in synced
    assert synced.index(file_sync) < synced.index(folder_sync)


def test_the_page_cache_is_written_whole_or_not_at_all(private_cache, monkeypatch):
    template = f"<html>{build._ASSETS_MARK}map{build._OPTIONS_MARK}</html>"
    monkeypatch.setattr(build, "build_template", lambda: template)
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (_ for _ in ()).throw(OSError(errno.EIO, "I/O")))
    page = build.cached_page()  # a cache that cannot be written costs only time
    assert page.startswith(b"<html><style>") and b"map{" in page and b"bordersUrl" in page
    folder = private_cache / "mapviewer"
    assert list(folder.iterdir()) == []  # no half-written page, no temporary file
    monkeypatch.setattr(os, "replace", real_replace)
    assert build.cached_page() == page
    (cached,) = folder.iterdir()
    assert cached.name.startswith("map-") and build.checked_page(cached.read_bytes()) == template.encode()


def test_a_path_whose_folder_is_a_file_is_an_input_error_even_for_root(tmp_path):
    (tmp_path / "plain-file").write_bytes(OLD)
    target = tmp_path / "plain-file" / "x.json"
    with pytest.raises(InputError, match="part of this path is a file") as caught:
        files.write_atomic(target, b"{}")
    assert caught.value.file == str(target)
    with pytest.raises(InputError, match="part of this path is a file"):
        files.write_atomic(target, b"{}", create_folder=True)
    assert (tmp_path / "plain-file").read_bytes() == OLD


def test_text_is_written_as_utf8_and_bytes_as_they_are(tmp_path):
    target = tmp_path / "out.txt"
    assert files.write_atomic(target, "Łódź \U0001f600\n") == target
    assert target.read_bytes() == "Łódź \U0001f600\n".encode()
    files.write_atomic(target, b"\xff\x00raw")
    assert target.read_bytes() == b"\xff\x00raw"


def test_a_lone_surrogate_is_an_input_error_saying_where(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(OLD)
    with pytest.raises(InputError) as caught:
        files.write_atomic(target, "first line\nab\ud800c\n")
    assert caught.value.file == str(target)
    assert "lone surrogate U+D800 at line 2, column 3" in caught.value.problem
    assert target.read_bytes() == OLD and leftovers(tmp_path) == []


def test_saving_an_index_with_a_lone_surrogate_names_the_event_and_field(carr, carr_file):
    # json.loads turns "\ud800" into a lone surrogate, so an index file can bring one in.
    damaged = retitled(carr, "Treaty \ud800 of Riga")
    event_id = next(iter(damaged.events))
    before = carr_file.read_bytes()
    for write in (lambda: save.save_index(damaged, carr_file), lambda: save.write_recovery_copy(damaged, carr_file)):
        with pytest.raises(InputError) as caught:
            write()
        assert caught.value.item == f'event "{event_id}", field title'
        assert caught.value.problem.startswith("character 8 is a lone surrogate U+D800")
    assert carr_file.read_bytes() == before


def test_a_backup_keeps_the_previous_version_and_a_link_stays_a_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_bytes(OLD)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert files.write_atomic(link, b"new\n", keep_backup=True) == real
    assert link.is_symlink() and link.read_bytes() == b"new\n"
    assert files.backup_path(real).read_bytes() == OLD
    files.write_atomic(link, b"new\n", keep_backup=True)  # unchanged data: the backup stays the older one
    assert files.backup_path(real).read_bytes() == OLD


def test_the_new_file_keeps_the_permissions_of_the_old(tmp_path):
    target = tmp_path / "shared.json"
    target.write_bytes(OLD)
    target.chmod(0o640)
    files.write_atomic(target, b"{}")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_json_text_is_the_project_layout():
    assert files.json_text({"b": ["\u2013"], "a": 1}) == '{\n  "b": [\n    "\u2013"\n  ],\n  "a": 1\n}\n'


def test_read_user_file_names_the_problem(tmp_path):
    with pytest.raises(InputError, match="the CSV file does not exist"):
        files.read_user_file(tmp_path / "none.csv", 2**20, "CSV", "split it")
    with pytest.raises(InputError, match="this is a folder"):
        files.read_user_file(tmp_path, 2**20, "CSV", "split it")
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (3 * 2**20))
    with pytest.raises(InputError, match="mapviewer opens CSVs up to 2 MB") as caught:
        files.read_user_file(big, 2 * 2**20, "CSV", "split it")
    assert caught.value.fix == "split it"
    assert files.read_user_file(big, 4 * 2**20, "CSV", "split it") == b"x" * (3 * 2**20)


# -- the cache folder ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", ".cache/mapviewer"),
        ("freebsd14", ".cache/mapviewer"),
        ("darwin", "Library/Caches/mapviewer"),
        ("win32", "AppData/Local/mapviewer/cache"),
    ],
)
def test_cache_dir_without_settings_is_the_systems_usual_place(platform, expected, tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", platform)
    assert paths.cache_dir() == tmp_path / expected


def test_cache_dir_follows_xdg_cache_home_and_localappdata(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert paths.cache_dir() == tmp_path / "xdg" / "mapviewer"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # the XDG specification: ignore it
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.cache_dir() == tmp_path / ".cache" / "mapviewer"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert paths.cache_dir() == tmp_path / "Local" / "mapviewer" / "cache"


def test_the_page_cache_and_recovery_copies_share_the_cache_folder(private_cache, tmp_path, monkeypatch):
    monkeypatch.setattr(build, "build_template", lambda: f"<html>{build._ASSETS_MARK}{build._OPTIONS_MARK}</html>")
    build.cached_page()
    assert [p.parent for p in (private_cache / "mapviewer").glob("map-*.html")] == [paths.cache_dir()]
    assert save.cache_recovery_path(tmp_path / "x.index.json").parent == paths.cache_dir() / "recovery"


def test_a_saved_export_is_the_json_it_describes(carr, tmp_path):
    written = lpf.write_geojson(carr, tmp_path / "places.geojson")
    assert json.loads(written.read_text("utf-8")) == lpf.places_to_geojson(carr)

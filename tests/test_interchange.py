"""Saving safely and exchanging the index: atomic save, backup, recovery, LPF, Web Annotations, CSV."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from mapviewer.interchange import annotations, csv_import, lpf, save
from mapviewer.model import files
from mapviewer.model.anchors import TextQuote, resolve_anchor
from mapviewer.model.dates import HistDate
from mapviewer.model.errors import InputError
from mapviewer.model.index import index_from_json, load_index
from mapviewer.paths import resource_path

CARR_INDEX = "carr-1979-pp42-46.index.json"
CARR_TEXT = "carr-1979-pp42-46.txt"


@pytest.fixture
def carr_file(tmp_path) -> Path:
    """A private copy of the shipped passage and index; returns the index path."""
    for name in (CARR_INDEX, CARR_TEXT):
        shutil.copyfile(resource_path("passages", name), tmp_path / name)
    return tmp_path / CARR_INDEX


@pytest.fixture
def carr(carr_file):
    return load_index(carr_file)


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch) -> Path:
    # Recovery copies may fall back to the cache folder: give each test its own, outside
    # the folder the index is in (which some tests make read-only).
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


def edited(index):
    """The index with its first event retitled (removing one could break a tour)."""
    data = index.to_json()
    data["events"][0]["title"] = "Retitled by the test"
    return index_from_json(data, index.passage, index.path)


def first_title(index) -> str:
    return next(iter(index.events.values())).title


def folder_listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# -- saving -------------------------------------------------------------------------


def test_save_then_load_leaves_the_index_unchanged(carr, carr_file):
    before = carr.to_json()
    assert save.save_index(carr, carr_file) == carr_file
    assert load_index(carr_file).to_json() == before


def test_saved_file_is_diff_friendly_and_matches_the_shipped_layout(carr, tmp_path):
    target = tmp_path / "copy.index.json"
    save.save_index(carr, target)
    text = target.read_bytes().decode("utf-8")
    # The shipped file was written the same way, so saving it unchanged changes no byte.
    assert text == resource_path("passages", CARR_INDEX).read_text("utf-8")
    assert text.endswith("}\n") and "\r" not in text
    assert "1920\u20131922" in text and "\\u2013" not in text  # real UTF-8, not escapes
    assert '\n  "events": [\n    {\n      "id": ' in text  # 2-space indent, one event per block
    assert list(json.loads(text))[:5] == ["format", "version", "passage", "places", "events"]


def test_save_as_into_another_folder_is_refused_before_anything_is_written(carr, tmp_path):
    # An index may only name a passage in its own folder or below (issue 13): saved elsewhere it
    # could not be opened again, so saving says so instead of writing it.
    target = tmp_path / "elsewhere" / "deeper" / "mine.index.json"
    target.parent.mkdir(parents=True)
    with pytest.raises(InputError) as caught:
        save.save_index(carr, target)
    assert "could not open it again" in caught.value.message and CARR_TEXT in caught.value.message
    assert not target.exists()


def test_save_as_in_a_parent_folder_names_the_passage_below_it(carr, carr_file, tmp_path):
    target = carr_file.parent.parent / "mine.index.json"
    save.save_index(carr, target)
    assert json.loads(target.read_text("utf-8"))["passage"]["file"] == f"{carr_file.parent.name}/{CARR_TEXT}"
    assert load_index(target).passage.text == carr.passage.text


def test_backup_holds_the_previous_version(carr, carr_file):
    original = carr_file.read_bytes()
    changed = edited(carr)
    save.save_index(changed, carr_file)
    backup = files.backup_path(carr_file)
    assert backup.name == f"{CARR_INDEX}.bak"
    assert backup.read_bytes() == original
    assert first_title(load_index(carr_file)) == "Retitled by the test"
    # Saving the same data again must not overwrite the backup with a copy of the file.
    save.save_index(changed, carr_file)
    assert backup.read_bytes() == original
    # A real change does replace it, with the version just before.
    second = carr_file.read_bytes()
    save.save_index(carr, carr_file)
    assert backup.read_bytes() == second


def test_disk_full_half_way_leaves_the_previous_file_intact(carr, carr_file, monkeypatch):
    changed = edited(carr)
    before = folder_listing(carr_file.parent)
    real_write = os.write
    calls = []

    def write_half_then_fail(fd, data):
        if calls:
            raise OSError(errno.ENOSPC, "No space left on device")
        calls.append(len(data))
        return real_write(fd, bytes(data[: len(data) // 2]))

    with monkeypatch.context() as patch, pytest.raises(InputError) as caught:
        patch.setattr(os, "write", write_half_then_fail)
        save.save_index(changed, carr_file)
    assert calls, "the save never started writing"
    assert folder_listing(carr_file.parent) == before  # same bytes, no temporary file, no backup
    assert caught.value.file == str(carr_file)
    assert "disk is full" in caught.value.message and "File > Save As" in caught.value.message


def test_crash_before_the_rename_leaves_the_previous_file_intact(carr, carr_file, monkeypatch):
    class SimulatedCrash(BaseException):
        pass

    original = carr_file.read_bytes()
    real_replace = os.replace

    def crash_on_the_index(src, dst):
        if Path(dst) == carr_file:
            raise SimulatedCrash
        return real_replace(src, dst)

    with monkeypatch.context() as patch, pytest.raises(SimulatedCrash):
        patch.setattr(os, "replace", crash_on_the_index)
        save.save_index(edited(carr), carr_file)
    assert carr_file.read_bytes() == original
    assert not list(carr_file.parent.glob("*.tmp")) and not list(carr_file.parent.glob(".*.tmp"))


def make_read_only(folder: Path, monkeypatch) -> None:
    folder.chmod(0o500)
    probe = folder / "probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return  # an ordinary user: the permissions alone refuse the write
    probe.unlink()
    # Root writes anywhere, so refuse new files in this folder the way the kernel would.
    real_open = os.open

    def refusing_open(file, flags, *args, **kwargs):
        if Path(file).parent == folder and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)


def test_read_only_folder_gives_an_input_error(carr, carr_file, monkeypatch):
    original = carr_file.read_bytes()
    make_read_only(carr_file.parent, monkeypatch)
    try:
        with pytest.raises(InputError) as caught:
            save.save_index(edited(carr), carr_file)
    finally:
        carr_file.parent.chmod(0o700)
    assert carr_file.read_bytes() == original
    assert caught.value.file == str(carr_file)
    assert "read-only" in caught.value.problem
    assert caught.value.fix == "choose another folder with File > Save As"


@pytest.mark.parametrize("where", ["parent is a file", "path is a folder", "folder is missing"])
def test_unwritable_paths_give_input_errors(carr, tmp_path, where):
    if where == "parent is a file":
        (tmp_path / "plain-file").write_text("x")
        target = tmp_path / "plain-file" / "carr.index.json"
    elif where == "path is a folder":
        target = tmp_path / "folder.index.json"
        target.mkdir()
    else:
        target = tmp_path / "missing" / "carr.index.json"
    with pytest.raises(InputError) as caught:
        save.save_index(carr, target)
    assert caught.value.file == str(target)
    assert "File > Save As" in caught.value.fix


def test_recovery_copy_is_offered_then_discarded_by_a_save(carr, carr_file):
    assert save.find_recovery(carr_file) is None
    changed = edited(carr)
    copy = save.write_recovery_copy(changed, carr_file)
    assert copy == save.autosave_path(carr_file) == carr_file.with_name(f".{CARR_INDEX}.recovery")
    assert save.find_recovery(carr_file) == copy
    recovered = save.load_recovery(carr_file)
    assert recovered.to_json() == changed.to_json()
    assert recovered.path == str(carr_file)  # saving the recovered index goes to the real file
    save.save_index(recovered, carr_file)
    assert not copy.exists() and save.find_recovery(carr_file) is None


def test_recovery_copy_goes_to_the_cache_when_the_folder_is_read_only(carr, carr_file, private_cache, monkeypatch):
    make_read_only(carr_file.parent, monkeypatch)
    try:
        copy = save.write_recovery_copy(edited(carr), carr_file)
    finally:
        carr_file.parent.chmod(0o700)
    assert copy.is_relative_to(private_cache / "mapviewer" / "recovery")
    assert save.find_recovery(carr_file) == copy
    # The copy's passage reference is relative to the index, so it loads from the cache too.
    assert first_title(save.load_recovery(carr_file)) == "Retitled by the test"
    save.discard_recovery(carr_file)
    assert not copy.exists()


def test_recovery_copy_equal_to_the_saved_file_is_not_offered(carr, carr_file):
    save.write_recovery_copy(carr, carr_file)
    assert save.find_recovery(carr_file) is None


# -- Linked Places Format and GeoJSON -----------------------------------------------

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
TIMESPAN = {
    "type": "object",
    "required": ["start"],
    "properties": {
        "start": {"type": "object", "required": ["in"], "properties": {"in": {"type": "string", "pattern": ISO_DATE}}},
        "end": {"type": "object", "required": ["in"], "properties": {"in": {"type": "string", "pattern": ISO_DATE}}},
    },
}
# The elements the LPF specification calls required, and the shapes it gives them.
LPF_REQUIRED = {
    "type": "object",
    "required": ["type", "@context", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "@context": {"const": lpf.LPF_CONTEXT},
        "features": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["@id", "type", "properties", "geometry", "when", "names"],
                "properties": {
                    "@id": {"type": "string", "pattern": "^(https?|urn):"},
                    "type": {"const": "Feature"},
                    "properties": {
                        "type": "object",
                        "required": ["title"],
                        "properties": {"title": {"type": "string", "minLength": 1}, "ccodes": {"type": "array"}},
                    },
                    "geometry": {
                        "type": "object",
                        "required": ["type", "coordinates"],
                        "properties": {
                            "type": {"const": "Point"},
                            "coordinates": {"type": "array", "minItems": 2, "maxItems": 2},
                        },
                    },
                    "when": {
                        "type": "object",
                        "required": ["timespans"],
                        "properties": {"timespans": {"type": "array", "minItems": 1, "items": TIMESPAN}},
                    },
                    "names": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["toponym"],
                            "properties": {
                                "toponym": {"type": "string", "minLength": 1},
                                "citations": {"type": "array"},
                            },
                        },
                    },
                    "links": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["type", "identifier"],
                            "properties": {
                                "type": {"enum": ["closeMatch", "exactMatch", "primaryTopicOf", "subjectOf", "seeAlso"]}
                            },
                        },
                    },
                },
            },
        },
    },
}


def test_lpf_export_has_every_required_element(carr):
    collection = lpf.places_to_lpf(carr)
    jsonschema.validate(collection, LPF_REQUIRED)
    features = collection["features"]
    assert len(features) == len(carr.places)
    assert len({f["@id"] for f in features}) == len(features)
    for feature, place in zip(features, carr.places.values(), strict=True):
        assert feature["geometry"]["coordinates"] == [place.lon, place.lat]
        toponyms = [n["toponym"] for n in feature["names"]]
        assert place.name in toponyms and place.modern_name in toponyms
        assert any(n.get("citations") for n in feature["names"])  # LPF: at least one cited name
        expected_links = [
            f"http://www.wikidata.org/entity/{place.wikidata}" if place.wikidata else None,
            f"https://sws.geonames.org/{place.geonames}/" if place.geonames else None,
        ]
        assert feature["links"] == [{"type": "closeMatch", "identifier": uri} for uri in expected_links if uri]
    brest = next(f for f in features if f["properties"]["title"] == "Brześć Litewski")
    assert [n["toponym"] for n in brest["names"]] == ["Brześć Litewski", "Brest"]
    assert {"start": {"in": "1918-03-03"}} in brest["when"]["timespans"]
    json.dumps(collection)  # plain JSON all the way down


def test_place_without_events_is_dated_by_the_passage_period(carr):
    data = carr.to_json()
    data["places"].append(
        {
            "id": "warsaw",
            "name": "Warsaw",
            "modern_name": "Warsaw",
            "kind": "city",
            "lat": 52.23,
            "lon": 21.01,
            "geonames": 756135,
        }
    )
    index = index_from_json(data, carr.passage, carr.path)
    warsaw = lpf.places_to_lpf(index)["features"][-1]
    assert warsaw["@id"] == "https://sws.geonames.org/756135/"
    assert warsaw["when"]["timespans"] == [{"start": {"in": "1920"}, "end": {"in": "1922"}}]
    assert warsaw["links"] == [{"type": "closeMatch", "identifier": "https://sws.geonames.org/756135/"}]


@pytest.mark.parametrize(
    ("date", "timespan"),
    [
        ("1921-03-16", {"start": {"in": "1921-03-16"}}),
        ("1920-01", {"start": {"in": "1920-01"}}),
        ("1921", {"start": {"in": "1921"}}),
        ("1920-winter", {"start": {"in": "1920-12"}, "end": {"in": "1921-02"}}),
        ("1919-11/1920-02-12", {"start": {"in": "1919-11"}, "end": {"in": "1920-02-12"}}),
    ],
)
def test_index_dates_become_iso_timespans(date, timespan):
    assert lpf.lpf_timespan(HistDate.parse(date)) == timespan


def test_geojson_export_lists_places_with_their_events(carr, tmp_path):
    written = lpf.write_geojson(carr, tmp_path / "places.geojson")
    collection = json.loads(written.read_text("utf-8"))
    assert collection["type"] == "FeatureCollection"
    by_id = {f["properties"]["id"]: f for f in collection["features"]}
    assert set(by_id) == set(carr.places)
    rapallo = by_id["rapallo"]
    assert rapallo["geometry"] == {
        "type": "Point",
        "coordinates": [carr.places["rapallo"].lon, carr.places["rapallo"].lat],
    }
    assert set(rapallo["properties"]) == {"id", "name", "modern_name", "kind", "wikidata", "geonames", "events"}
    assert rapallo["properties"]["events"] == [e.id for e in carr.events_at("rapallo")]
    assert by_id["scandinavia"]["properties"]["geonames"] is None  # unknown stays a column


# -- Web Annotations ----------------------------------------------------------------


def selectors(annotation) -> tuple[dict, dict]:
    by_type = {s["type"]: s for s in annotation["target"]["selector"]}
    return by_type["TextQuoteSelector"], by_type["TextPositionSelector"]


def test_every_event_becomes_an_annotation_whose_quote_sits_at_its_offsets(carr):
    collection = annotations.anchors_to_annotations(carr)
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    assert len(items) == collection["total"] == len(carr.events)
    assert len({a["id"] for a in items}) == len(items)
    text = carr.passage.text
    for annotation, event in zip(items, carr.events.values(), strict=True):
        assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert annotation["type"] == "Annotation"
        assert annotation["target"]["source"] == CARR_TEXT
        quote, position = selectors(annotation)
        assert quote["exact"] == event.anchor.exact
        assert text[position["start"] : position["end"]] == quote["exact"]
        # The quote on its own, with its context, still finds exactly that place.
        found = resolve_anchor(text, TextQuote(quote["exact"], quote.get("prefix", ""), quote.get("suffix", "")))
        assert found == (position["start"], position["end"])
        bodies = annotation["body"]
        assert {
            "type": "TextualBody",
            "purpose": "describing",
            "value": event.title,
            "format": "text/plain",
            "language": "en",
        } in bodies
        places = [b["source"] for b in bodies if b["type"] == "SpecificResource"]
        assert places == [lpf.wikidata_uri(carr.places[p]) or lpf.geonames_uri(carr.places[p]) for p in event.place_ids]


def test_annotation_ids_are_stable_and_can_use_a_base(carr):
    first = annotations.anchors_to_annotations(carr)
    assert first == annotations.anchors_to_annotations(carr)
    based = annotations.anchors_to_annotations(carr, base_uri="https://example.org/carr")
    event_id = next(iter(carr.events))
    assert based["first"]["items"][0]["id"] == f"https://example.org/carr#event-{event_id}"


def test_place_mentions_can_be_exported_as_identifying_annotations(carr, tmp_path):
    written = annotations.write_annotations(carr, tmp_path / "anno.jsonld", include_mentions=True)
    items = json.loads(written.read_text("utf-8"))["first"]["items"]
    mentions = [a for a in items if a["motivation"] == "identifying"]
    assert len(mentions) == sum(len(spans) for spans in carr.mention_spans.values())
    for annotation in mentions:
        quote, position = selectors(annotation)
        assert carr.passage.text[position["start"] : position["end"]] == quote["exact"]


# -- CSV import ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "grammar"),
    [
        ("1921-03-16", "1921-03-16"),
        ("1921-3-16", "1921-03-16"),
        ("16 March 1921", "1921-03-16"),
        ("16th Mar. 1921", "1921-03-16"),
        ("March 16, 1921", "1921-03-16"),
        ("16/03/1921", "1921-03-16"),
        ("16.3.1921", "1921-03-16"),
        ("1921-03-16 00:00:00", "1921-03-16"),
        ("March 1921", "1921-03"),
        ("Autumn 1920", "1920-autumn"),
        ("1920-winter", "1920-winter"),
        ("1921", "1921"),
        ("8 March 1921 to 16 March 1921", "1921-03-08/1921-03-16"),
        ("1921-03-08/1921-03-16", "1921-03-08/1921-03-16"),
    ],
)
def test_spreadsheet_dates_become_the_index_grammar(typed, grammar):
    assert csv_import.spreadsheet_date(typed) == grammar


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1921-02-30", "date '1921-02-30': February 1921 has no day 30"),
        ("30 February 1921", "date '30 February 1921': February 1921 has no day 30"),
        ("03/16/1921", "date '03/16/1921': there is no month 16; write the day first (16/03/1921)"),
        ("Smarch 1921", "date 'Smarch 1921': 'smarch' is not a month"),
        ("soon", "date 'soon' is not a date I can read"),
    ],
)
def test_impossible_spreadsheet_dates_say_why(typed, message):
    with pytest.raises(csv_import.RowError) as caught:
        csv_import.spreadsheet_date(typed)
    assert str(caught.value).startswith(message)


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8-sig") -> Path:
    def cell(value: str) -> str:
        if any(ch in value for ch in f'{delimiter}"\n'):
            return '"' + value.replace('"', '""') + '"'
        return value

    path.write_bytes("\r\n".join(delimiter.join(cell(v) for v in row) for row in rows).encode(encoding))
    return path


ARCOS = "A Russian trading company was registered in London under the name Arcos"


def test_csv_rows_are_imported_and_bad_rows_reported(carr, tmp_path):
    rows = [
        ["Date", "Title", "Places", "Quote", "Summary", "People"],
        [
            "16 March 1921",
            "Arcos registered in London",
            "london: registered in; Soviet Russia",
            ARCOS,
            "The Soviet trading company Arcos opened in London.",
            "Krasin",
        ],
        ["1921-02-30", "Impossible day", "London", ARCOS, "", ""],
        [],
        ["1920-02", "Peace signed at Tartu", "Tartu; ESTONIA", "A treaty of peace with Estonia", "", ""],
        ["1921", "Somewhere unknown", "Atlantis", ARCOS, "", ""],
        ["1921", "Everywhere at once", "Moscow", "Soviet Russia", "", ""],
        ["1921", "Never said", "Moscow", "Trotsky flew to the moon", "", ""],
        ["1921", "No place at all", "", ARCOS, "", ""],
        ["May 1920", "Arcos registered in London", "London", "Krasin, the one leading Bolshevik", "", ""],
    ]
    path = write_csv(tmp_path / "events.csv", rows, delimiter=";")
    new_index, messages = csv_import.import_events_csv(path, carr)
    assert messages[0] == "row 3: date '1921-02-30': February 1921 has no day 30"
    assert messages[1].startswith("row 6: place 'Atlantis' is not in the index")
    assert re.match(r"row 7: quote 'Soviet Russia' occurs \d+ times in the passage", messages[2])
    assert messages[3].startswith("row 8: quote 'Trotsky flew to the moon' is not in the passage")
    assert messages[4].startswith("row 9: no places")
    assert len(messages) == 5
    added = [e for e in new_index.events.values() if e.id not in carr.events]
    assert [e.id for e in added] == [
        "arcos-registered-in-london",
        "peace-signed-at-tartu",
        "arcos-registered-in-london-2",
    ]
    arcos = added[0]
    assert arcos.date.text == "1921-03-16"
    assert [(r.place, r.role) for r in arcos.places] == [
        ("london", "registered in"),
        ("soviet-russia", csv_import.DEFAULT_ROLE),
    ]
    assert arcos.people == ("Krasin",)
    assert new_index.passage.text[arcos.span[0] : arcos.span[1]] == ARCOS
    assert added[1].place_ids == ["tartu", "estonia"]  # modern name and upper case both match
    assert added[1].summary == "Peace signed at Tartu"  # no summary: the title stands in
    assert new_index.path == carr.path and len(carr.events) + 3 == len(new_index.events)


def test_csv_with_commas_quotes_and_windows_1252(carr, tmp_path):
    rows = [
        ["date", "title", "places", "quote", "notes"],
        [
            "March 16, 1921",
            "Trade agreement, signed — café talk",
            "London; Great Britain",
            "an Anglo-Soviet trade agreement was signed in London on March 16, 1921",
            "",
            "x",
        ],
    ]
    path = write_csv(tmp_path / "legacy.csv", rows, encoding="cp1252")
    new_index, messages = csv_import.import_events_csv(path, carr)
    assert messages[0].startswith("note: the file is not UTF-8, so it was read as Windows-1252")
    assert messages[1] == "note: the column 'notes' is not imported"
    assert messages[2].startswith("row 2: 6 cells but the header has 5 columns")
    assert len(new_index.events) == len(carr.events)
    rows[1].pop()
    new_index, messages = csv_import.import_events_csv(write_csv(path, rows, encoding="cp1252"), carr)
    assert len(messages) == 2
    (added,) = [e for e in new_index.events.values() if e.id not in carr.events]
    assert added.title == "Trade agreement, signed — café talk"
    assert added.id == "trade-agreement-signed-cafe-talk"


def test_csv_quote_tolerates_other_spaces_and_curly_apostrophes(carr, tmp_path):
    quote = "the policies of the People\u2019s  Commissariat\nof Foreign Affairs"
    path = write_csv(
        tmp_path / "e.csv",
        [["date", "title", "places", "quote"], ["1921", "Narkomindel and Comintern", "Moscow", quote]],
    )
    new_index, messages = csv_import.import_events_csv(path, carr)
    assert messages == []
    event = new_index.events["narkomindel-and-comintern"]
    assert event.anchor.exact == "the policies of the People's Commissariat of Foreign Affairs"


def test_importing_the_same_csv_twice_adds_nothing_the_second_time(carr, tmp_path):
    path = write_csv(
        tmp_path / "e.csv", [["date", "title", "places", "quote"], ["16 March 1921", "Arcos", "London", ARCOS]]
    )
    once, _ = csv_import.import_events_csv(path, carr)
    twice, messages = csv_import.import_events_csv(path, once)
    assert len(twice.events) == len(once.events) == len(carr.events) + 1
    assert messages == ['row 2: the index already has this event ("Arcos") \u2014 left out']


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"date,title,quote\n1921,x,y\n", "the header row has no column 'places'"),
        (b"", "the file is empty"),
        (b"\x00\x01binary", "binary file"),
    ],
)
def test_unusable_csv_files_raise_input_errors(carr, tmp_path, content, problem):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        csv_import.import_events_csv(path, carr)
    assert caught.value.file == str(path)
    assert problem in caught.value.problem


def test_excel_separator_line_and_tab_delimiter_are_understood(carr, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text(f"sep=;\ndate;title;places;quote\n1921;Arcos;London;{ARCOS}\n", "utf-8")
    new_index, messages = csv_import.import_events_csv(path, carr)
    assert messages == [] and "arcos" in new_index.events
    path.write_text(f"date\ttitle\tplaces\tquote\n1921\tArcos\tLondon\t{ARCOS}\n", "utf-8")
    new_index, messages = csv_import.import_events_csv(path, carr)
    assert messages == [] and "arcos" in new_index.events


def test_interchange_never_imports_qt():
    code = (
        "import sys, mapviewer.interchange; sys.exit(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0

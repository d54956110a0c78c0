"""Save an index safely and exchange it with other tools: LPF, GeoJSON, Web Annotations, CSV."""

from .annotations import anchors_to_annotations, write_annotations
from .csv_import import import_events_csv
from .lpf import places_to_geojson, places_to_lpf, write_geojson, write_lpf
from .save import (
    autosave_path,
    discard_recovery,
    find_recovery,
    load_recovery,
    save_index,
    write_recovery_copy,
)

__all__ = [
    "anchors_to_annotations",
    "autosave_path",
    "discard_recovery",
    "find_recovery",
    "import_events_csv",
    "load_recovery",
    "places_to_geojson",
    "places_to_lpf",
    "save_index",
    "write_annotations",
    "write_geojson",
    "write_lpf",
    "write_recovery_copy",
]

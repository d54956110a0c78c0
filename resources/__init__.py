"""Data shipped with mapviewer: the passages, the index schema and the map page assets."""

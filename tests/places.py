"""Places the tests add to an index (plain data, no Qt: a subprocess may import it)."""

# A place the Riga passage names and the tests add to its index.
RIGA_PLACE = {
    "id": "riga",
    "name": "Riga",
    "modern_name": "Riga",
    "kind": "city",
    "lat": 56.95,
    "lon": 24.11,
    "geonames": 456172,
}

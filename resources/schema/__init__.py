"""The JSON Schema of the place-event index format."""

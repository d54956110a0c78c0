"""Suggest an index for a passage that has none: places, dates and draft events (no Qt)."""

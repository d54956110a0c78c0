"""mapviewer: read a history passage beside a map of Europe as it was in 1920-22."""

__version__ = "0.1.0"

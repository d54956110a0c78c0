"""Exports for lectures and students: a self-contained web page, PNG slides, a PDF handout."""

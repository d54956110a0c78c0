"""Editing an index, free of Qt: the editor's logic talks to the window through a small view API."""

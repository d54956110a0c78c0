"""The plain-Python model: passage, dates, anchors, ids, the place-event index, selection, files.

Nothing in this package imports Qt; it is tested without a QApplication.
"""

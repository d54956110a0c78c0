"""The plain-Python model: passage, dates, anchors, the place-event index, selection.

Nothing in this package imports Qt; it is tested without a QApplication.
"""

"""Exports for lectures, students and other tools, all listed in ``registry``; none imports ``mapviewer.qt``."""

"""The Qt views: main window, passage view, event table, map view and the page bridge."""

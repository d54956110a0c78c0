"""mapviewer's icon: PNG for the window, ICO and ICNS for the Windows and macOS bundles (packaging/make_icon.py)."""

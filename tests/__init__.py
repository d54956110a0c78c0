"""mapviewer tests."""

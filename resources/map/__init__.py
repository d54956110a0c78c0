"""Map page assets: the controller script and style sheet of the map page."""

"""The map page: built once with folium, cached, and driven by named commands."""

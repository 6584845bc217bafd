"""Helpers shared by every exporter (CSV, Excel); plain Python, importable from any part."""

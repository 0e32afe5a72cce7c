"""The bottom layer: where things live (settings). Imports nothing of the project."""

"""简报 Briefing export: the briefing of a scope and year as one HTML file or a PDF.

build_briefing (generate.py) turns query results into sections declared in registry.py;
output.render turns them into a file. Nothing here imports streamlit.
"""

"""Meetings: projector mode and before/after views (year change, growth playback, scenarios).

Pure builders only: nothing here queries the database or imports streamlit.
"""

"""The data page: import (check, preview, confirm, undo), data quality, export, templates.

builders.py: pure display tables; panels.py: the read-only sections; writes.py: every action
that changes the database (confirm an import, undo it), in one function to gate by role.
"""

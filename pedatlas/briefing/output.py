"""Render a built briefing to HTML or PDF bytes and write files atomically."""

import os
from pathlib import Path

from pedatlas.briefing.html import render_html
from pedatlas.briefing.model import Briefing
from pedatlas.briefing.pdf import html_to_pdf

FORMATS = ("html", "pdf")


def render(briefing: Briefing, file_format: str) -> bytes:
    """The briefing as the bytes of an HTML or PDF file."""
    if file_format == "pdf":
        return html_to_pdf(render_html(briefing, for_print=True))
    return render_html(briefing).encode("utf-8")


def write_atomically(target: Path, content: bytes) -> None:
    """Write content to target so a reader never sees half a file."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(content)
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()

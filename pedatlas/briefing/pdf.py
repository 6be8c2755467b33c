"""PDF on the server: Debian's chromium prints the print variant of the HTML briefing.

Chromium lays out Chinese text with the system's Noto CJK fonts and runs plotly.js exactly as a
browser does, so the PDF shows the same map (South China Sea islands included) as the HTML file.
Every host name is mapped to nothing while it prints: no request can leave the machine.
"""

import subprocess
import tempfile
from pathlib import Path

from pedatlas import chromium

CHROMIUM_FLAGS = (
    *chromium.HEADLESS_FLAGS,
    "--no-default-browser-check",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--no-pdf-header-footer",
    # Virtual time lets plotly's promise-based drawing finish before the page is printed.
    "--virtual-time-budget=20000",
)
TIMEOUT_SECONDS = 120


class RendererError(RuntimeError):
    """The PDF could not be printed (no chromium, or it failed)."""


def chromium_path() -> str:
    """The chromium executable ($PEDATLAS_CHROMIUM, else the first on PATH)."""
    found = chromium.executable()
    if found is None:
        raise RendererError("chromium not found")
    return found


def html_to_pdf(document: str) -> bytes:
    """The PDF bytes of an HTML document printed by headless chromium on A4."""
    executable = chromium_path()
    with tempfile.TemporaryDirectory(prefix="pedatlas-pdf-") as folder:
        page = Path(folder) / "briefing.html"
        page.write_text(document, encoding="utf-8")
        output = Path(folder) / "briefing.pdf"
        command = [
            executable,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={folder}/profile",
            f"--print-to-pdf={output}",
            page.as_uri(),
        ]
        try:
            finished = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise RendererError(str(error)) from error
        if not output.exists() or output.stat().st_size == 0:
            lines = (finished.stderr or "").strip().splitlines()
            raise RendererError(lines[-1] if lines else f"chromium exited {finished.returncode}")
        return output.read_bytes()

"""Headless Debian chromium: where it is and the flags every headless use shares.

The PDF renderer prints briefings with it; the browser tests and benchmarks drive it through
Playwright with the same flags, so what they measure is the browser the renderer runs.
"""

import os
import shutil

NAMES = ("chromium", "chromium-browser", "google-chrome")
DEBIAN_PATH = "/usr/bin/chromium"
# No background traffic, no first-run screens, no GPU: it runs on servers without a display
# and must not reach the network on its own.
HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def executable() -> str | None:
    """The chromium executable: $PEDATLAS_CHROMIUM, else the first on PATH; None if none."""
    configured = os.environ.get("PEDATLAS_CHROMIUM")
    if configured:
        return configured
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None

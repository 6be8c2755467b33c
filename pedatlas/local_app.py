"""The app on a loopback port, started the way scripts/run.sh starts it (pedatlas.auth.launch):
for the browser tests, the page benchmark and the load test."""

import socket
import subprocess
import time
import urllib.request
from typing import IO

from pedatlas.auth import launch
from pedatlas.paths import PROJECT_ROOT


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(port: int, env: dict, output: IO | int = subprocess.DEVNULL, args=()) -> subprocess.Popen:
    """The app serving http://127.0.0.1:port (not yet healthy: see wait_healthy)."""
    options = ["--server.port", str(port), "--server.headless", "true", *args]
    command, _ = launch.command(options, [], trusted=False)
    return subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
    )


def wait_healthy(url: str, seconds: float = 60) -> None:
    """Until Streamlit's health endpoint at url answers 200; RuntimeError after seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not become healthy at {url}")

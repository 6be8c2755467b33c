"""Helpers of the deployment tests: app servers with their own state, users, and a browser."""

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from test_browser import CHROMIUM, CHROMIUM_ARGS, Visit, free_port, wait_healthy

from pedatlas.auth import users
from pedatlas.paths import DB_ENV_VAR, PROJECT_ROOT

__all__ = ["Visit", "chromium", "free_port", "wait_healthy"]


def chromium():
    """Headless Debian chromium (a generator for a module fixture)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


PASSWORD = "pedatlas-test-pw"
ROLE_USERS = {  # name -> (role, scope)
    "viewer1": ("viewer", "national"),
    "analyst1": ("analyst", "national"),
    "admin1": ("admin", "national"),
    "jiangxi": ("analyst", "province:360000"),
}


def make_users(state: Path) -> Path:
    path = state / "users.json"
    for name, (role, scope) in ROLE_USERS.items():
        users.add(path, name, PASSWORD, role, scope)
    return path


def app_env(db: Path, state: Path, **extra) -> dict:
    return {
        **os.environ,
        DB_ENV_VAR: str(db),
        "PEDATLAS_STATE_DIR": str(state),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        **extra,
    }


@contextmanager
def app_server(env: dict, log: Path, port: int | None = None, args=()):
    """streamlit run app.py on 127.0.0.1:port, stopped on exit; yields (url, process)."""
    port = port or free_port()
    handle = open(log, "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            *args,
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, 120)
        yield url, server
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=30)
        handle.close()


def sign_in(visit: Visit, url: str, name: str, password: str = PASSWORD) -> None:
    """Open url, fill the sign-in form and wait for the app."""
    # A fresh server's very first deep link shows a "Page not found" dialog: open the root first.
    visit.open("/".join(url.split("/", 3)[:3]) + "/")
    visit.open(url)
    page = visit.page
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    visit.wait_idle(2)

"""Helpers of the deployment tests: app servers with their own state, users, and a browser."""

import http.client
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from test_browser import CHROMIUM, CHROMIUM_ARGS, Visit, free_port, wait_healthy

from pedatlas.auth import launch, users
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
def app_server(env: dict, log: Path, port: int | None = None, args=(), launcher: bool = False):
    """streamlit run app.py on 127.0.0.1:port, stopped on exit; yields (url, process).

    launcher=True starts it the way scripts/run.sh and serve.sh do (pedatlas.auth.launch)."""
    port = port or free_port()
    options = ["--server.port", str(port), "--server.headless", "true", *args]
    if launcher:
        command, _ = launch.command(options, [], trusted=False)
    else:
        command = [
            sys.executable,
            "-m",
            "pedatlas.serve",
            "run",
            "app.py",
            "--server.address",
            "127.0.0.1",
            *options,
        ]
    handle = open(log, "w")  # noqa: SIM115
    server = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT
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
    visit.open_root(url)
    visit.open(url)
    page = visit.page
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    visit.wait_idle(2)


UPLOAD_PATH = "/_stcore/upload_file/"  # PUT <UPLOAD_PATH><session id>/<file id>, one per file


def record_uploads(visit: Visit) -> list:
    """The upload requests the page sends from now on (Playwright requests)."""
    seen: list = []

    def keep(request) -> None:
        if request.method == "PUT" and UPLOAD_PATH in request.url:
            seen.append(request)

    visit.page.on("request", keep)
    return seen


def replay_upload(
    visit: Visit, request, size: int, send_body: bool = True, file_id: str = "", **cookies
) -> tuple:
    """Send an upload like the browser's (its session, XSRF token and cookies, with cookies
    overriding some; file_id instead of the browser's) whose whole body is size bytes; only the
    headers when not send_body. Returns (HTTP status, response text)."""
    host, port = request.url.split("://", 1)[1].split("/", 1)[0].split(":")
    path = "/" + request.url.split("://", 1)[1].split("/", 1)[1]
    if file_id:
        path = path.rsplit("/", 1)[0] + "/" + file_id
    jar = {cookie["name"]: cookie["value"] for cookie in visit.context.cookies()} | cookies
    boundary = "pedatlas-test-boundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"'
        "\r\nContent-Type: text/csv\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    headers = {
        "X-Xsrftoken": request.headers.get("x-xsrftoken", ""),
        "Cookie": "; ".join(f"{name}={value}" for name, value in jar.items()),
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Content-Length": str(size),
    }
    connection = http.client.HTTPConnection(host, int(port), timeout=300)
    try:
        connection.putrequest("PUT", path, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        if send_body:
            connection.send(head)
            remaining, chunk = size - len(head) - len(tail), b"7" * 2**20
            while remaining > 0:
                connection.send(chunk[: min(remaining, len(chunk))])
                remaining -= len(chunk)
            connection.send(tail)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()

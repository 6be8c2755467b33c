"""Load test: N concurrent sessions speaking Streamlit's websocket protocol, clicking through pages.

Usage:
    PEDATLAS_DB=/work/national.duckdb python benchmarks/load_test.py --users 50 --minutes 3
        [--replicas 2 | --url http://127.0.0.1:8500] [--think 1,3] [--seed 1] [--json out.json]

Each user opens one websocket to /_stcore/stream (as the browser does: BackMsg/ForwardMsg protobufs,
streamlit.proto) and then, until the time is up, asks for a view (a rerun_script with the page's
URL path and link parameters, as following a link in the app does), waits for script_finished,
thinks 1-3 s, and goes on. The client only parses protobufs, so it costs the server's machine little
CPU (its own CPU time is printed). On one view in three that offers table downloads it also asks for
an XLSX (the deferred-file request a click sends) and fetches it over HTTP: it must not 404.

Without --url it starts the app itself: --replicas N app processes on free loopback ports, and
with N > 1 the deploy helper's nginx front (scripts/serve.sh) when it exists, else the client
spreads the users over the replicas by hand (sticky: a user keeps its replica, as with nginx).

Reported: views done, errors (exceptions or error boxes on the page, timeouts, closed sockets,
download failures), page time p50/p95/max (request sent -> script_finished, i.e. the server's
queueing plus run plus sending), connection time, and the servers' summed RSS (peak, and after the
users left and --idle seconds, 30 by default).
"""

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.typing import Subprotocol

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pedatlas import local_app, navigation, state  # noqa: E402
from pedatlas.i18n import translate  # noqa: E402

# The Excel buttons as the app labels them (the test used to look for "XLSX" in the label,
# which the app never writes: no download was ever asked for).
XLSX_LABELS = {translate("download_xlsx", lang) for lang in state.LANGUAGES}

STREAMLIT_PROTOCOL = Subprotocol("streamlit")

# What users click through: (page key, query string). Mixed national / province / city / alliance.
VIEWS = (
    ("overview", ""),
    ("overview", "region=360000"),
    ("resource_map", ""),
    ("resource_map", "level=county"),
    ("resource_map", "region=360000"),
    ("resource_map", "region=360100&hospitals=1"),
    ("alliances", ""),
    ("alliances", "alliance=HH"),
    ("alliances", "alliance=JX"),
    ("referrals", ""),
    ("referrals", "region=360000"),
    ("referrals", "flow_level=city"),
    ("transport", ""),
    ("transport", "region=360000"),
    ("equity", ""),
    ("equity", "section=access"),
    ("equity", "section=shortage"),
    ("planning", "region=360000"),
    ("data", "tab=quality"),
)
TIMEOUT_S = 120


@dataclass
class Tally:
    """Everything the users measured."""

    page_s: list = field(default_factory=list)
    connect_s: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    downloads: int = 0
    views: int = 0


def back_rerun(page: str, query: str, url: str, cached: set) -> bytes:
    message = BackMsg()
    state = message.rerun_script
    state.query_string = query
    state.page_name = "" if page == navigation.DEFAULT_PAGE else navigation.spec(page).url_path
    state.widget_states.SetInParent()
    state.cached_message_hashes.extend(sorted(cached))
    info = state.context_info
    info.timezone, info.timezone_offset, info.locale = "Asia/Shanghai", -480, "zh-CN"
    info.url, info.is_embedded, info.color_scheme = url, False, "light"
    return message.SerializeToString()


def back_deferred(file_id: str, request_id: str, session_id: str) -> bytes:
    """A click on a download button whose file is made when asked: the server answers only
    requests that name the session (a browser takes it from the new_session message)."""
    message = BackMsg()
    message.backend_operation_request.request_id = request_id
    message.backend_operation_request.session_id = session_id
    message.backend_operation_request.deferred_file.file_id = file_id
    return message.SerializeToString()


def problems_in(delta) -> list[str]:
    """Error boxes and exceptions a delta draws."""
    if delta.WhichOneof("type") != "new_element":
        return []
    element = delta.new_element
    kind = element.WhichOneof("type")
    if kind == "exception":
        return [f"exception: {element.exception.message[:120]}"]
    if kind == "alert" and element.alert.format == element.alert.ERROR:
        return [f"error box: {element.alert.body[:120]}"]
    return []


class User:
    """One browser session."""

    def __init__(
        self,
        number: int,
        base: str,
        tally: Tally,
        rng: random.Random,
        think: tuple,
        download_share: float = 1 / 3,
    ):
        self.number, self.base, self.tally, self.rng, self.think = number, base, tally, rng, think
        self.download_share = download_share
        self.cached: set[str] = set()
        self.session_id = ""  # from the server's new_session message
        self.cookie = ""  # the proxy's route cookie: a browser sends it with every request

    @contextlib.asynccontextmanager
    async def session(self):
        """The websocket of a browser tab that opened the app."""
        # The page shell, as a browser loads it; behind nginx its answer sets the route cookie
        # that keeps this user's websocket and downloads on one replica.
        _, _, self.cookie = await asyncio.to_thread(_fetch, self.base + "/", "")
        # No websocket-level pings, like the browser: under load a late pong would end the
        # session on the client's side and count as the server's error.
        async with websockets.connect(
            self.base.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=[STREAMLIT_PROTOCOL],
            max_size=None,
            open_timeout=TIMEOUT_S,
            ping_interval=None,
            additional_headers={"Cookie": self.cookie} if self.cookie else None,
        ) as socket:
            yield socket

    async def run(self, deadline: float) -> None:
        started = time.monotonic()
        try:
            async with self.session() as socket:
                self.tally.connect_s.append(time.monotonic() - started)
                while time.monotonic() < deadline:
                    page, query = self.rng.choice(VIEWS)
                    await self.view(socket, page, query)
                    await asyncio.sleep(self.rng.uniform(*self.think))
        except (OSError, websockets.WebSocketException, TimeoutError) as error:
            self.tally.errors.append(f"user {self.number}: {type(error).__name__}: {error}")

    async def view(self, socket, page: str, query: str) -> None:
        url = f"{self.base}/{'' if page == navigation.DEFAULT_PAGE else navigation.spec(page).url_path}"
        started = time.monotonic()
        await socket.send(back_rerun(page, query, url, self.cached))
        downloads, problems = [], []
        while True:
            message = await self.receive(socket, started)
            kind = message.WhichOneof("type")
            if kind == "delta":
                problems += problems_in(message.delta)
                element = message.delta.new_element
                if (
                    element.WhichOneof("type") == "download_button"
                    and element.download_button.deferred_file_id
                ):
                    downloads.append(element.download_button)
            elif kind == "script_finished":
                if message.script_finished == message.FINISHED_EARLY_FOR_RERUN:
                    continue  # the page asked for a rerun (st.rerun): wait for that one
                if message.script_finished != message.FINISHED_SUCCESSFULLY:
                    problems.append(f"script_finished status {message.script_finished}")
                break
        self.tally.page_s.append(time.monotonic() - started)
        self.tally.views += 1
        self.tally.errors += [f"{page}?{query}: {p}" for p in problems]
        xlsx = [d for d in downloads if d.label in XLSX_LABELS]
        if xlsx and self.rng.random() < self.download_share:
            await self.download(socket, self.rng.choice(xlsx).deferred_file_id, page)

    async def receive(self, socket, started: float) -> ForwardMsg:
        remaining = TIMEOUT_S - (time.monotonic() - started)
        raw = await asyncio.wait_for(socket.recv(), timeout=max(remaining, 0.1))
        message = ForwardMsg()
        message.ParseFromString(raw)
        if message.WhichOneof("type") == "new_session":
            self.session_id = message.new_session.initialize.session_id
        if message.metadata.cacheable and message.hash:
            self.cached.add(message.hash)
        return message

    async def download(self, socket, file_id: str, page: str) -> None:
        request_id = f"u{self.number}-{time.monotonic_ns()}"
        started = time.monotonic()
        await socket.send(back_deferred(file_id, request_id, self.session_id))
        while True:
            message = await self.receive(socket, started)
            if message.WhichOneof("type") != "backend_operation_response":
                continue
            response = message.backend_operation_response
            if response.request_id != request_id:
                continue
            if response.error_msg or not response.deferred_file.url:
                self.tally.errors.append(f"{page}: xlsx request failed: {response.error_msg}")
                return
            url = self.base + response.deferred_file.url
            status, body, _ = await asyncio.to_thread(_fetch, url, self.cookie)
            if status != 200 or not body.startswith(b"PK"):
                self.tally.errors.append(f"{page}: xlsx GET {status}")
            else:
                self.tally.downloads += 1
            return


def _fetch(url: str, cookie: str) -> tuple[int, bytes, str]:
    """(status, body, the cookie to send from now on) of a GET sending cookie, as a browser
    would: the proxy's route cookie, once set, goes with every request."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            set_cookie = response.headers.get("Set-Cookie", "")
            return response.status, response.read(), set_cookie.split(";")[0] or cookie
    except urllib.error.HTTPError as error:
        return error.code, b"", cookie
    except OSError:  # refused, reset: no answer at all
        return 0, b"", cookie


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except OSError:  # refused, reset: no answer at all
        return 0, b""


# ---------------------------------------------------------------------------------------------
# Servers


def start_replicas(count: int) -> tuple[list[subprocess.Popen], list[str]]:
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    servers, urls = [], []
    for _ in range(count):
        port = local_app.free_port()
        servers.append(local_app.start(port, env))
        urls.append(f"http://127.0.0.1:{port}")
    for url in urls:
        deadline = time.monotonic() + 90
        while _get(url + "/_stcore/health")[0] != 200:
            if time.monotonic() > deadline:
                raise RuntimeError(f"no app at {url}")
            time.sleep(0.5)
    return servers, urls


def start_proxy(replicas: int, run_dir: Path) -> tuple[subprocess.Popen, str, list[str]]:
    """scripts/serve.sh: replicas app processes behind nginx (sticky sessions); returns it, its
    URL and the replicas' own URLs (to warm each one: through nginx a client reaches one)."""
    listen, first = local_app.free_port(), local_app.free_port()
    server = subprocess.Popen(
        [
            "bash",
            "scripts/serve.sh",
            "--replicas",
            str(replicas),
            "--listen",
            f"127.0.0.1:{listen}",
            "--first-port",
            str(first),
            "--run-dir",
            str(run_dir),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    server.own_group = True  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{listen}"
    deadline = time.monotonic() + 180
    while _get(url + "/_stcore/health")[0] != 200:
        if time.monotonic() > deadline or server.poll() is not None:
            raise RuntimeError(f"scripts/serve.sh did not come up (see {run_dir})")
        time.sleep(1)
    return server, url, [f"http://127.0.0.1:{first + i}" for i in range(replicas)]


def tree_rss_mb(pids: list[int]) -> float:
    """Resident memory of these processes and all their descendants, MB."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, list(pids)
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


async def sample_rss(pids: list[int], samples: list, stop: asyncio.Event) -> None:
    while not stop.is_set():
        samples.append(tree_rss_mb(pids))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=1)


async def warm_up(url: str) -> None:
    """Open every view once (fills the server's caches, as earlier users would have)."""
    tally = Tally()
    user = User(-1, url, tally, random.Random(0), (0, 0))
    async with user.session() as socket:
        for page, query in VIEWS:
            await user.view(socket, page, query)
    print(
        f"warm-up {url}: {len(VIEWS)} views in {sum(tally.page_s):.0f} s, errors {tally.errors}",
        flush=True,
    )


async def load(urls: list[str], pids: list[int], args) -> dict:
    samples: list[float] = []
    tally, stop = Tally(), asyncio.Event()
    rng = random.Random(args.seed)
    think = tuple(float(x) for x in args.think.split(","))
    deadline = time.monotonic() + args.minutes * 60
    sampler = asyncio.create_task(sample_rss(pids, samples, stop))
    before = tree_rss_mb(pids)
    cpu = time.process_time()
    users = [
        User(n, urls[n % len(urls)], tally, random.Random(rng.random()), think, args.downloads)
        for n in range(args.users)
    ]
    tasks = []
    for user in users:  # users arrive over the first 10 s, not all in one millisecond
        tasks.append(asyncio.create_task(user.run(deadline)))
        await asyncio.sleep(10 / max(args.users, 1))
    await asyncio.gather(*tasks)
    client_cpu = time.process_time() - cpu
    await asyncio.sleep(args.idle)
    stop.set()
    await sampler
    pages = sorted(tally.page_s)

    def pct(share: float) -> float:
        return (
            pages[min(len(pages) - 1, round(share * (len(pages) - 1)))] if pages else float("nan")
        )

    return {
        "users": args.users,
        "minutes": args.minutes,
        "servers": len(urls),
        "views": tally.views,
        "errors": len(tally.errors),
        "error_examples": tally.errors[:10],
        "xlsx_downloads_ok": tally.downloads,
        "page_p50_s": statistics.median(pages) if pages else float("nan"),
        "page_p95_s": pct(0.95),
        "page_max_s": pages[-1] if pages else float("nan"),
        "connect_p50_s": statistics.median(tally.connect_s) if tally.connect_s else float("nan"),
        "connect_max_s": max(tally.connect_s, default=float("nan")),
        "rss_start_mb": before,
        "rss_peak_mb": max(samples, default=before),
        "rss_idle_mb": samples[-1] if samples else before,
        "client_cpu_s": client_cpu,
        "throughput_views_per_s": tally.views / (args.minutes * 60),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--think", default="1,3", help="think time range between views, seconds")
    parser.add_argument(
        "--downloads",
        type=float,
        default=1 / 3,
        help="share of views with tables that ask for an XLSX",
    )
    parser.add_argument(
        "--idle", type=float, default=30, help="seconds after the users left before the idle RSS"
    )
    parser.add_argument("--replicas", type=int, default=1, help="app processes started directly")
    parser.add_argument(
        "--serve", type=int, default=0, help="this many replicas behind nginx (scripts/serve.sh)"
    )
    parser.add_argument(
        "--url", action="append", default=[], help="an app (or proxy) already running"
    )
    parser.add_argument(
        "--pid", type=int, action="append", default=[], help="its server pids (for RSS)"
    )
    parser.add_argument("--warm", action="store_true", help="open every view once before measuring")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    servers, urls, pids = [], list(args.url), list(args.pid)
    warm = list(urls)
    if not urls and args.serve:
        run_dir = Path(tempfile.mkdtemp(prefix="pedatlas-serve-"))
        proxy, url, warm = start_proxy(args.serve, run_dir)
        servers, urls, pids = [proxy], [url], [proxy.pid]
    elif not urls:
        servers, urls = start_replicas(args.replicas)
        pids, warm = [s.pid for s in servers], urls
    try:
        if args.warm:
            for url in warm:
                asyncio.run(warm_up(url))
        report = asyncio.run(load(urls, pids, args))
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a server stuck in a page run
                server.kill()
            if getattr(server, "own_group", False):  # serve.sh: its replicas and nginx too
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(server.pid, signal.SIGKILL)
    report["load_average"] = os.getloadavg()[0]
    print(json.dumps(report, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

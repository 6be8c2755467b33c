"""Two replicas behind nginx (the config shipped in deploy/nginx/), all on loopback: sessions run
through the proxy's websocket, an upload and import through one replica is seen by a session on
the other without a restart, new sessions keep working after one replica stops, and the same
upload sent to the other replica (no session affinity) is refused."""

import shutil
import signal
import subprocess
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

import pytest
from deploy_helpers import (
    Visit,
    app_env,
    app_server,
    chromium,
    free_port,
    record_uploads,
    replay_upload,
)

from pedatlas.auth import proxy
from pedatlas.i18n import translate

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HEADER = "医院编号,名称,类别,级别,等次,所在区县代码,经度,纬度,儿科医师数,儿科护士数,儿科床位数,NICU床位数,PICU床位数\n"
ROWS = (
    "HPROXY1,代理测试儿童医院,儿童医院,三级,甲等,360102,115.9140,28.7170,50,80,120,10,5\n"
    "HPROXY2,代理测试妇幼保健院,妇幼保健院,二级,,360102,115.9150,28.7180,10,20,30,0,0\n"
)


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.fixture(scope="module")
def cluster(demo_db, tmp_path_factory):
    """Replicas A and B on loopback and nginx in front; yields (proxy url, {port: process})."""
    folder = tmp_path_factory.mktemp("replicas")
    db = folder / "atlas.duckdb"
    shutil.copyfile(demo_db, db)  # the import changes it
    env = app_env(db, folder / "state", STREAMLIT_SERVER_COOKIE_SECRET="shared-" + "0" * 40)
    ports = [free_port(), free_port()]
    with ExitStack() as stack:
        processes = {}
        for port in ports:
            _, process = stack.enter_context(app_server(env, folder / f"app-{port}.log", port))
            processes[port] = process
        listen = f"127.0.0.1:{free_port()}"
        conf = proxy.render(ports, listen, folder / "nginx")
        nginx = subprocess.Popen(
            [
                NGINX,
                "-c",
                str(conf),
                "-p",
                str(folder / "nginx"),
                "-e",
                str(folder / "nginx" / "error.log"),
            ]
        )
        url = f"http://{listen}"
        wait_for(lambda: replica_of(url, "probe") is not None)
        try:
            yield url, processes, db
        finally:
            nginx.send_signal(signal.SIGTERM)  # fast stop: websockets would hold a graceful one
            nginx.wait(timeout=20)


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError("condition not met in time")


def replica_of(url: str, route: str) -> int | None:
    """The replica port nginx sends a browser with this route cookie to."""
    request = urllib.request.Request(
        f"{url}/_stcore/health", headers={"Cookie": f"pedatlas_route={route}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.headers["X-PedAtlas-Replica"].rsplit(":", 1)[1])
    except OSError:
        return None


def routes_by_replica(url: str, ports) -> dict[int, str]:
    """One route cookie value per replica."""
    found: dict[int, str] = {}
    for number in range(200):
        replica = replica_of(url, f"r{number}")
        if replica is not None:
            found.setdefault(replica, f"r{number}")
        if set(ports) <= set(found):
            return found
    raise AssertionError(f"no route reaches every replica: {found}")


def session_on(browser, url: str, route: str) -> Visit:
    visit = Visit(browser)
    host = url.split("://", 1)[1].split(":")[0]
    visit.context.add_cookies(
        [{"name": "pedatlas_route", "value": route, "domain": host, "path": "/"}]
    )
    visit.open_root(url)
    return visit


def total_rows(visit: Visit, url: str) -> int:
    visit.open(f"{url}/manage?tab=quality", settle=2)
    label = translate("data_quality_metric_rows", "zh")
    metric = visit.page.locator('[data-testid="stMetric"]', has_text=label).first
    value = metric.locator('[data-testid="stMetricValue"]').inner_text()
    return int(value.replace(",", "").strip())


def test_sticky_sessions_import_through_one_replica_seen_by_the_other_then_failover(
    browser, cluster, tmp_path
):
    url, processes, db = cluster
    routes = routes_by_replica(url, processes)
    first, second = list(processes)
    # every request of a session goes to the same replica
    assert {replica_of(url, routes[first]) for _ in range(10)} == {first}

    before = session_on(browser, url, routes[second])
    rows_before = total_rows(before, url)
    before.assert_clean()

    # upload and import on the first replica, through the proxy (the upload is a PUT to the
    # replica holding the session: it only works with affinity)
    upload = tmp_path / "proxy_hospitals.csv"
    upload.write_text(HEADER + ROWS, "utf-8")
    importer = session_on(browser, url, routes[first])
    importer.open(f"{url}/manage", settle=2)
    uploads = record_uploads(importer)
    importer.page.locator('input[type="file"]').set_input_files(str(upload))
    confirm = translate("data_confirm", "zh", rows="2")
    importer.page.get_by_role("button", name=confirm).click(timeout=60_000)
    importer.page.wait_for_selector(
        f"text={translate('importer_applied', 'zh', rows='2')}", timeout=60_000
    )
    importer.assert_clean()
    importer.screenshot("deploy_import_through_proxy")
    # Without affinity the same upload fails: sent through the proxy to the other replica (what
    # a round-robin proxy does with every other request) it names a session that replica does
    # not hold. With the session's own route it is taken.
    assert len(uploads) == 1 and uploads[0].response().status == 204
    status, text = replay_upload(
        importer, uploads[0], 4096, file_id="elsewhere", pedatlas_route=routes[second]
    )
    assert status == 400 and "sticky sessions" in text, (status, text)
    status, _ = replay_upload(importer, uploads[0], 4096, file_id="same-replica")
    assert status == 204
    importer.close()

    # the session on the second replica sees the new file on its next run, no restart
    # two hospitals and, for each, its figures as a hospital_resources row of the current year
    assert total_rows(before, url) == rows_before + 4
    before.close()

    # stop the first replica: a new session with its route cookie still gets the app
    processes[first].terminate()
    processes[first].wait(timeout=30)
    after = session_on(browser, url, routes[first])
    after.open(f"{url}/", settle=2)
    after.assert_clean()
    assert "儿科资源总览" in after.page.inner_text("body")
    assert replica_of(url, routes[first]) == second
    after.screenshot("deploy_failover_new_session")
    after.close()
    assert Path(db).exists()

"""Sign-in through Streamlit's st.login against a real OpenID provider started on loopback
(oidc-provider-mock), with the role and data scope taken from the provider's claims."""

import json
import subprocess
import sys
import time
import urllib.request

import pytest
from deploy_helpers import Visit, app_env, app_server, chromium, free_port

from pedatlas.auth import audit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

CLAIMS = [
    {
        "sub": "ana",
        "preferred_username": "ana",
        "pedatlas_role": "analyst",
        "pedatlas_scope": "province:360000",
    },
    {"sub": "odd", "preferred_username": "odd", "pedatlas_role": "superuser"},
]


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    port = free_port()
    args = [sys.executable, "-m", "oidc_provider_mock", "--port", str(port), "--host", "127.0.0.1"]
    for claims in CLAIMS:
        args += ["--user-claims", json.dumps(claims)]
    log = open(tmp_path_factory.mktemp("oidc") / "provider.log", "w")  # noqa: SIM115
    process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/.well-known/openid-configuration", timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    yield url
    process.terminate()
    process.wait(timeout=20)
    log.close()


@pytest.fixture(scope="module")
def oidc_app(provider, demo_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("oidc_app")
    state = folder / "state"
    port = free_port()
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-cookie-secret-of-enough-length-0123456789"\n'
        'client_id = "pedatlas"\n'
        'client_secret = "pedatlas-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        "utf-8",
    )
    env = app_env(demo_db, state)
    with app_server(env, folder / "app.log", port, ["--secrets.files", str(secrets)]) as (url, _):
        yield url, state


def oidc_sign_in(visit: Visit, url: str, subject: str) -> None:
    visit.open(url)
    visit.page.get_by_role("button", name="通过单位统一身份认证登录").click()
    visit.page.wait_for_selector("text=Authorize Client", timeout=30_000)
    visit.page.locator(f'button[name="sub"][value="{subject}"]').click()
    visit.page.wait_for_url(f"{url}/**", timeout=30_000)
    # The test provider's own page links a stylesheet on a CDN (blocked here); only the app's
    # requests must stay on this machine.
    assert all("pico" in request for request in visit.outside), visit.outside
    visit.outside.clear()
    visit.wait_idle(2)


def test_oidc_sign_in_takes_role_and_scope_from_claims(browser, oidc_app):
    url, state = oidc_app
    visit = Visit(browser)
    try:
        oidc_sign_in(visit, url, "ana")
        body = visit.page.inner_text("body")
        assert "已登录：ana（分析员，江西省）" in body
        assert "您的数据范围：江西省" in body
        assert "儿科资源总览" in body  # the overview, not the sign-in page
        visit.assert_clean()
        visit.screenshot("deploy_oidc_signed_in")
        visit.page.get_by_role("button", name="退出登录").click()
        # st.logout ends the session at the provider too (RP-initiated logout), then comes back
        visit.page.get_by_role("button", name="End session").click()
        visit.page.wait_for_selector("text=通过单位统一身份认证登录", timeout=30_000)
    finally:
        visit.close()
    log = audit.events(state / "audit.sqlite3").iloc[::-1]
    assert list(log["event"]) == ["sign_in", "sign_out"]
    assert set(log["who"]) == {"ana"}
    assert json.loads(log["detail"].iloc[0]) == {"role": "analyst", "scope": "province:360000"}


def test_oidc_claims_with_an_unknown_role_get_no_access(browser, oidc_app):
    url, _ = oidc_app
    visit = Visit(browser)
    try:
        oidc_sign_in(visit, url, "odd")
        body = visit.page.inner_text("body")
        assert "身份提供方给出的角色或数据范围无效" in body and "superuser" in body
        assert "儿科资源总览" not in body
    finally:
        visit.close()

"""Shared fixtures: one freshly built demo database per test run (shared by xdist workers)."""

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from pedatlas.build.pipeline import DEFAULT_SEED, build_database
from pedatlas.i18n import STRICT_ENV_VAR

# An unknown string key raises in every test (AppTest runs and the browser tests' server inherit
# this), instead of quietly showing the raw key as it does for users.
os.environ[STRICT_ENV_VAR] = "1"


@contextmanager
def exclusive_lock(path: Path):
    """Hold an exclusive file lock (workers wait for the one building)."""
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_scratch_dir(tmp_path_factory, worker_id: str) -> Path:
    """A folder fresh for this run and shared by all of its xdist workers."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, worker_id) -> Path:
    """The demo database, built once per test run with the default seed.

    PEDATLAS_TEST_DB (developers only, never set in CI) points at an already built demo file
    to skip the 40 s build while iterating on one test module.
    """
    prebuilt = os.environ.get("PEDATLAS_TEST_DB")
    if prebuilt:
        return Path(prebuilt)
    shared = run_scratch_dir(tmp_path_factory, worker_id)
    path = shared / "demo.duckdb"
    with exclusive_lock(shared / "demo.lock"):
        if not path.exists():
            build_database(path, seed=DEFAULT_SEED)
    return path


@pytest.fixture(scope="session")
def demo(demo_db):
    """A read-only DuckDB connection to the demo database."""
    connection = duckdb.connect(str(demo_db), read_only=True)
    yield connection
    connection.close()


def pytest_collection_modifyitems(config, items):
    """PEDATLAS_SKIP_BROWSER=1 (developers only; CI never sets it) leaves the browser tests out."""
    if os.environ.get("PEDATLAS_SKIP_BROWSER") != "1":
        return
    kept = [item for item in items if "browser" not in item.keywords]
    config.hook.pytest_deselected(items=[item for item in items if "browser" in item.keywords])
    items[:] = kept


@pytest.fixture(autouse=True)
def isolated_state_dir(tmp_path_factory, monkeypatch):
    """Users file and audit log in a fresh folder: a developer's state/ never turns sign-in on."""
    monkeypatch.setenv("PEDATLAS_STATE_DIR", str(tmp_path_factory.mktemp("state")))

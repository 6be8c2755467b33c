"""The build is deterministic, atomic and fails without touching the previous database."""

import hashlib

import duckdb
import pytest

from pedatlas.build import pipeline

TABLES = [
    "regions",
    "region_shapes",
    "hospitals",
    "hospital_resources",
    "alliances",
    "alliance_members",
    "referrals",
    "transfers",
    "outreach",
    "targets",
]


def table_digest(path, table: str) -> str:
    """A hash of the whole table's content in a fixed order."""
    with duckdb.connect(str(path), read_only=True) as connection:
        text = connection.execute(f"SELECT * FROM {table} ORDER BY ALL").df().to_csv(index=False)
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.xdist_group("build")
def test_build_same_seed_gives_identical_tables(demo_db, tmp_path):
    again = tmp_path / "again.duckdb"
    pipeline.build_database(again, seed=pipeline.DEFAULT_SEED)
    for table in TABLES:
        assert table_digest(again, table) == table_digest(demo_db, table), table


def file_digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_failed_build_leaves_previous_database_untouched(demo_db, tmp_path, monkeypatch):
    target = tmp_path / "pedatlas.duckdb"
    target.write_bytes(demo_db.read_bytes())
    before = file_digest(target)
    tiny = {
        "targets": duckdb.connect(str(demo_db), read_only=True)
        .execute("SELECT * FROM targets")
        .df()
    }
    monkeypatch.setattr(
        pipeline, "build_tables", lambda *a, **k: (tiny, pipeline.BuildReport(target))
    )

    def fail_on_insert(connection, table, frame):
        raise RuntimeError("disk full while writing " + table)

    monkeypatch.setattr(pipeline, "_insert", fail_on_insert)
    with pytest.raises(RuntimeError, match="disk full"):
        pipeline.build_database(target)
    assert file_digest(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pedatlas.duckdb"]


def test_build_reports_progress_to_completion(tmp_path, monkeypatch, demo_db):
    tiny = {
        "targets": duckdb.connect(str(demo_db), read_only=True)
        .execute("SELECT * FROM targets")
        .df()
    }
    monkeypatch.setattr(
        pipeline, "build_tables", lambda *a, **k: (tiny, pipeline.BuildReport(tmp_path))
    )
    seen = []
    pipeline.build_database(tmp_path / "x.duckdb", progress=lambda f, m: seen.append(f))
    assert seen[-1] == 1.0 and seen == sorted(seen)

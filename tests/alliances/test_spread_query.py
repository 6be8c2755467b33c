"""The growth playback's query against the tiny literal database of tests/fixtures_alliances.py."""

import pandas as pd
import pytest

from pedatlas import db
from tests.alliances.test_alliances_queries import rows as plain_rows
from tests.fixtures_alliances import build_alliance_db


def rows(connection, name: str, **params) -> list[tuple]:
    """Rows as plain values; a missing date (NaT) as None."""
    return [
        tuple(None if v is pd.NaT else v for v in row)
        for row in plain_rows(connection, name, **params)
    ]


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory):
    path = build_alliance_db(tmp_path_factory.mktemp("spread") / "alliances.duckdb")
    connection = db.open_read_only(path)
    yield connection
    connection.close()


def test_alliance_spread_lists_every_membership_with_its_place(fixture_db):
    assert rows(fixture_db, "alliances/spread", scope="", alliance="") == [
        ("C", "H8", "420102", 114.30, 30.60, "2016-01-01", None),
        ("B", "H5", "340102", 117.29, 31.89, "2018-01-01", None),
        ("A", "H1", "360102", 115.90, 28.70, "2019-01-01", None),
        ("B", "H6", "340102", 117.35, 31.95, "2019-05-01", None),
        ("A", "H2", "360103", 115.88, 28.66, "2020-03-01", None),
        ("A", "H3", "360202", 117.20, 29.30, "2021-06-01", "2023-06-30"),
        ("A", "H4", "340102", 117.31, 31.91, "2022-01-01", None),
        ("B", "H2", "360103", 115.88, 28.66, "2023-01-01", None),
    ]


@pytest.mark.parametrize(
    ("scope", "alliance", "expected"),
    [
        ("360000", "", [("A", "H1"), ("A", "H2"), ("A", "H3"), ("B", "H2")]),
        ("360100", "A", [("A", "H1"), ("A", "H2")]),
        ("", "B", [("B", "H5"), ("B", "H6"), ("B", "H2")]),
        ("340000", "C", []),
    ],
)
def test_alliance_spread_keeps_the_scope_and_the_alliance(fixture_db, scope, alliance, expected):
    found = rows(fixture_db, "alliances/spread", scope=scope, alliance=alliance)
    assert [row[:2] for row in found] == expected


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (
            "360000",
            [
                ("360102", "东湖区", 1000),
                ("360103", "西湖区", 2000),
                ("360104", "青云谱区", 500),
                ("360202", "昌江区", 3000),
            ],
        ),
        ("420100", [("420102", "江岸区", 100)]),
    ],
)
def test_scope_counties_lists_each_county_with_its_children(fixture_db, scope, expected):
    assert rows(fixture_db, "alliances/scope_counties", scope=scope) == expected


def test_scope_counties_nationally_has_every_county(fixture_db):
    assert len(rows(fixture_db, "alliances/scope_counties", scope="")) == 6

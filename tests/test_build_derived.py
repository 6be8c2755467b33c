"""Derived rollup tables: exact rows on a hand-made database, and agreement with the raw queries."""

from collections.abc import Iterator
from datetime import date

import duckdb
import geopandas as gpd
import pandas as pd
import pytest
import shapely

from pedatlas import db
from pedatlas.build import derived
from pedatlas.paths import SCHEMA_SQL

# Two counties of one city (110101, 110102) and one of another province (120101).
REGIONS = [
    ("110101", "东城区", "county", "110100", "110000", "110100"),
    ("110102", "西城区", "county", "110100", "110000", "110100"),
    ("120101", "和平区", "county", "120100", "120000", "120100"),
]
HOSPITALS = [
    ("A", "110101", 10, 20, 1, 2),
    ("B", "110102", 30, 40, 3, 0),
    ("C", "120101", 5, 6, 0, 0),
]
# Alliance X: A from 2023-01-01, B from 2024-07-01 (so A<->B share it from 2024-07-01).
MEMBERS = [
    ("X", "A", "2023-01-01", None),
    ("X", "B", "2024-07-01", None),
    ("Y", "C", "2023-01-01", "2024-06-30"),
]
REFERRALS = [
    ("2024-03-05", "B", "A", "up"),  # before B joined X: not same-alliance
    ("2024-08-01", "B", "A", "up"),  # same alliance
    ("2024-08-02", "B", "A", "up"),  # same alliance
    ("2024-08-03", "A", "B", "down"),  # same alliance; patient home = B's county 110102
    ("2024-08-04", "C", "A", "up"),
    ("2023-12-31", "B", "A", "up"),
]
TRANSFERS = [
    ("2024-01-02 10:00", "B", "A", "newborn", True, 12.5),
    ("2024-01-20 10:00", "B", "A", "newborn", True, 7.5),
    ("2024-02-01 10:00", "C", "A", "child", False, 130.0),
]


@pytest.fixture
def tiny() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    connection.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    for adcode, name, level, parent, province, city in REGIONS:
        connection.execute(
            "INSERT INTO regions VALUES (?, ?, ?, ?, ?, ?, 116.4, 39.9, 10, 1000, 200, 800, 'test')",
            [adcode, name, level, parent, province, city],
        )
    for hospital, county, physicians, beds, nicu, picu in HOSPITALS:
        connection.execute(
            "INSERT INTO hospitals (hospital_id, name, kind, tier, county_adcode, lon, lat,"
            " ped_physicians, ped_nurses, ped_beds, nicu_beds, picu_beds, is_synthetic, source)"
            " VALUES (?, ?, '综合医院', '三级', ?, 116.4, 39.9, ?, 0, ?, ?, ?, true, 'test')",
            [hospital, f"医院{hospital}", county, physicians, beds, nicu, picu],
        )
        for year in (2023, 2024):
            connection.execute(
                "INSERT INTO hospital_resources VALUES (?, ?, ?, 0, ?, ?, ?, true)",
                [hospital, year, physicians + year - 2023, beds, nicu, picu],
            )
    for alliance, hospital, joined, left in MEMBERS:
        connection.execute(
            "INSERT INTO alliance_members VALUES (?, ?, 'member', '普通成员', ?, ?, false, true)",
            [alliance, hospital, joined, left],
        )
    for number, (day, sender, receiver, direction) in enumerate(REFERRALS):
        connection.execute(
            "INSERT INTO referrals VALUES (?, ?, ?, ?, ?, '内科', 'infant', 1.0, true)",
            [number, day, sender, receiver, direction],
        )
    for number, (at, sender, receiver, patient, critical, km) in enumerate(TRANSFERS):
        connection.execute(
            "INSERT INTO transfers VALUES (?, ?, ?, ?, ?, ?, ?, ?, 60, 'admitted', true)",
            [number, at, at, sender, receiver, patient, critical, km],
        )
    yield connection
    connection.close()


def test_an_import_keeps_slow_rollups_whose_inputs_it_did_not_write(tiny):
    derived.refresh(tiny)
    marker = "INSERT INTO derived_detour_fits VALUES ('marker', 1, 1.3, 0.0, 0.0, false)"
    tiny.execute(marker)
    counts = derived.refresh(tiny, changed={"referrals"})
    assert counts["derived_detour_fits"] == 1  # kept: the fits read transfers and hospitals
    assert counts["derived_referral_months"] == 5  # the referral rollups are recomputed
    derived.refresh(tiny, changed={"transfers"})
    assert rows(tiny, "derived_detour_fits") == []  # recomputed from the transfers


def rows(connection, table: str) -> list[tuple]:
    return connection.execute(f"SELECT * FROM {table}").fetchall()


def test_refresh_counts_every_registered_table(tiny):
    counts = derived.refresh(tiny)
    assert counts == {
        "derived_alliance_pair_windows": 2,
        "derived_referral_pairs": 4,
        "derived_referral_months": 5,
        "derived_county_flows": 3,
        "derived_county_resources": 6,
        "derived_transfer_months": 2,
        "derived_county_neighbours": 0,  # the tiny database has no boundaries
        "derived_county_clusters": 0,  # ... so no contiguity to cluster on
        "derived_detour_fits": 0,  # its hospitals have no points: no straight-line distance
    }
    assert tuple(counts) == derived.names()


def test_alliance_pair_windows_run_from_the_later_join_to_the_earlier_leave(tiny):
    derived.refresh(tiny)
    # C is alone in Y: no pair; A and B share X from B's joining day while both stay
    both = (date(2024, 7, 1), date(9999, 12, 31))
    assert rows(tiny, "derived_alliance_pair_windows") == [("A", "B", *both), ("B", "A", *both)]


def test_alliance_pair_windows_grow_with_referral_pairs_not_with_the_square_of_members(tiny):
    # 2,000 more members of X and not one referral between them: no new pair (all pairs of
    # members would be 4 million rows)
    tiny.execute(
        "INSERT INTO hospitals (hospital_id, name, kind, tier, county_adcode, lon, lat,"
        " ped_physicians, ped_nurses, ped_beds, nicu_beds, picu_beds, is_synthetic, source)"
        " SELECT 'M' || i, '成员' || i, '乡镇卫生院', '一级', '110101', 116.4, 39.9, 1, 0, 0, 0, 0,"
        " true, 'test' FROM range(2000) AS r(i)"
    )
    tiny.execute(
        "INSERT INTO alliance_members SELECT 'X', 'M' || i, 'member', '普通成员',"
        " DATE '2024-01-01', NULL, false, true FROM range(2000) AS r(i)"
    )
    derived.refresh(tiny)
    assert len(rows(tiny, "derived_alliance_pair_windows")) == 2


def test_referral_pairs_count_same_alliance_inside_the_shared_window(tiny):
    derived.refresh(tiny)
    assert rows(tiny, "derived_referral_pairs") == [
        (2023, "B", "A", "up", 1, 0),
        (2024, "A", "B", "down", 1, 1),
        (2024, "B", "A", "up", 3, 2),
        (2024, "C", "A", "up", 1, 0),
    ]


def test_referral_months_count_the_patients_home_county(tiny):
    derived.refresh(tiny)
    assert rows(tiny, "derived_referral_months") == [
        (2023, 12, "up", "110102", 1),
        (2024, 3, "up", "110102", 1),
        (2024, 8, "down", "110102", 1),  # down: the receiving hospital B's county
        (2024, 8, "up", "110102", 2),
        (2024, 8, "up", "120101", 1),
    ]


def test_county_flows_keep_upward_referrals_only(tiny):
    derived.refresh(tiny)
    assert rows(tiny, "derived_county_flows") == [
        (2023, "110102", "110101", "110100", 1),
        (2024, "110102", "110101", "110100", 3),
        (2024, "120101", "110101", "110100", 1),
    ]


def test_county_resources_cover_every_county_and_year_end_members(tiny):
    derived.refresh(tiny)
    assert rows(tiny, "derived_county_resources") == [
        (2023, "110101", 1, 10, 20, 3, 1),
        (2023, "110102", 1, 30, 40, 3, 0),  # B joins X in 2024
        (2023, "120101", 1, 5, 6, 0, 1),
        (2024, "110101", 1, 11, 20, 3, 1),
        (2024, "110102", 1, 31, 40, 3, 1),
        (2024, "120101", 1, 6, 6, 0, 0),  # C left Y on 2024-06-30
    ]


def test_transfer_months_sum_trips_and_km(tiny):
    derived.refresh(tiny)
    assert rows(tiny, "derived_transfer_months") == [
        (2024, 1, "110102", "A", "newborn", True, 2, 20.0),
        (2024, 2, "120101", "A", "child", False, 1, 130.0),
    ]


def test_refresh_replaces_rows_after_a_change(tiny):
    derived.refresh(tiny)
    tiny.execute("DELETE FROM referrals WHERE from_hospital_id = 'C'")
    derived.refresh(tiny)
    assert ("C", "A") not in {(f, t) for _, f, t, *_ in rows(tiny, "derived_referral_pairs")}


def test_refresh_in_an_attached_catalog_leaves_the_default_catalog_alone(tiny, tmp_path):
    path = tmp_path / "copy.duckdb"
    tiny.execute(f"ATTACH '{path}' AS atlas")
    tiny.execute("COPY FROM DATABASE memory TO atlas")
    derived.refresh(tiny, "atlas")
    assert tiny.execute("SELECT current_database()").fetchone()[0] == "memory"
    assert tiny.execute("SELECT count(*) FROM atlas.derived_referral_pairs").fetchone()[0] == 4
    tiny.execute("DETACH atlas")


def test_rollups_agree_with_the_raw_queries_on_the_demo_database(demo_db, tmp_path):
    connection = duckdb.connect()
    connection.execute(f"ATTACH '{demo_db}' AS atlas (READ_ONLY)")
    connection.execute("USE memory")
    tables = ("hospitals", "referrals", "regions", "alliance_members", "transfers")
    for name in (*tables, "hospital_resources", "region_shapes"):
        connection.execute(f"CREATE VIEW {name} AS SELECT * FROM atlas.{name}")
    derived.refresh(connection)
    raw = db.run_query(connection, "referrals/county_flows", year=2024)
    rolled = connection.execute(
        "SELECT origin_county, dest_county, dest_city, referrals FROM derived_county_flows"
        " WHERE year = 2024 ORDER BY origin_county, dest_county"
    ).df()
    pd.testing.assert_frame_equal(raw, rolled, check_dtype=False)


def test_county_neighbours_pair_real_borders_and_join_the_islands(demo):
    islands = demo.execute(
        "SELECT DISTINCT adcode FROM derived_county_neighbours WHERE island ORDER BY adcode"
    ).fetchall()
    # 长海县, 岱山县, 金门县, 南澳县 and 三沙市's districts share no border with any county
    assert {"210224", "330921", "350527", "440523", "460301", "460302"} <= {c for (c,) in islands}
    # 南昌市东湖区 borders 西湖区 (both ways)
    pairs = demo.execute(
        "SELECT count(*) FROM derived_county_neighbours WHERE (adcode, neighbour) IN "
        "(('360102', '360103'), ('360103', '360102'))"
    ).fetchone()[0]
    assert pairs == 2


@pytest.fixture(scope="module")
def atlas(demo_db):
    """The demo database as the app opens it (named queries and their rules)."""
    connection = db.open_read_only(demo_db)
    yield connection
    connection.close()


def test_stored_national_hot_spots_equal_a_fresh_lisa(atlas):
    """What the equity page reads for China is what clusters.lisa gives on the same inputs."""
    demo = atlas
    from pedatlas.equity import builders as ev
    from pedatlas.equity import hotspots
    from pedatlas.metrics import clusters

    stored = db.run_query(demo, "equity/county_clusters", year=2024, measure="physicians")
    counties = ev.year_rows(db.run_query(demo, "equity/county_resources", scope=""), 2024)
    values = hotspots.physician_values(counties)
    full = clusters.weights_from_pairs(db.run_query(demo, "equity/county_neighbours"))
    shapes = db.run_query(demo, "common/shapes", layer="county", scope="")
    frame = gpd.GeoDataFrame(
        geometry=shapely.from_wkb([bytes(b) for b in shapes["geom_wkb"]]),
        index=shapes["adcode"].to_numpy(),
        crs=4326,
    )
    fresh = hotspots.county_lisa(values, frame, full)
    kept = clusters.result_from_rows(stored)
    assert len(stored) == len(fresh.counties) > 2800
    assert kept.moran_i == pytest.approx(fresh.moran_i)
    assert kept.moran_p == fresh.moran_p and kept.islands == fresh.islands
    pd.testing.assert_frame_equal(
        kept.counties.set_index("adcode").sort_index(),
        fresh.counties.set_index("adcode").sort_index(),
        check_dtype=False,
    )
    measures = db.run_sql(demo, "SELECT DISTINCT measure FROM derived_county_clusters ORDER BY 1")
    assert measures["measure"].tolist() == ["access", "physicians", "shortage"]


def test_stored_detour_fits_equal_a_fresh_fit(atlas):
    demo = atlas
    from pedatlas.equity import time_to_care

    stored = db.run_query(demo, "equity/detour_fits")
    routes = db.run_query(demo, "equity/transfer_routes")
    fits, pooled = time_to_care.split_fits(stored)
    fresh = time_to_care.detour_fits(routes)
    pd.testing.assert_frame_equal(fits, fresh, check_dtype=False)
    assert pooled["factor"] == pytest.approx(time_to_care.pooled_fit(routes)["factor"])
    assert stored["group"].iloc[-1] == "all" and pooled["trips"] == len(routes)

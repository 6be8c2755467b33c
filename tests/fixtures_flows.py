"""A tiny literal database for the referral and transport queries (expected rows are hand-computed).

Two provinces: Jiangxi (南昌 360100 with 东湖区/南昌县, 赣州 360700 with 章贡区/赣县区) and Beijing
(西城区 110102). Care levels of the hospitals (referral_tiers): H1 provincial, H2 county, H3 primary,
H4 city, H5 county, H6 national, H7 city (its name carries a prefecture after the province), H8
primary.
"""

from datetime import datetime, timedelta
from pathlib import Path

import duckdb

from pedatlas.build import derived
from pedatlas.paths import SCHEMA_SQL

# adcode, name, level, parent, province, city, lon, lat, area_km2, pop_total, pop_0_14, urban, source
# fmt: off
REGIONS = [
    ("360000", "江西省", "province", None, "360000", None, 115.86, 28.68, 166900.0, 45188635, 9000000, 27000000, "sum"),
    ("360100", "南昌市", "city", "360000", "360000", "360100", 115.86, 28.68, 7195.0, 6255007, 1100000, 4900000, "sum"),
    ("360700", "赣州市", "city", "360000", "360000", "360700", 114.93, 25.83, 39379.0, 8970014, 2300000, 4800000, "sum"),
    ("360102", "东湖区", "county", "360100", "360000", "360100", 115.90, 28.68, 55.0, 421690, 59392, 398395, "census2020"),
    ("360121", "南昌县", "county", "360100", "360000", "360100", 115.94, 28.55, 1810.0, 1300000, 260000, 700000, "census2020"),
    ("360702", "章贡区", "county", "360700", "360000", "360700", 114.93, 25.83, 478.0, 700000, 120000, 650000, "census2020"),
    ("360721", "赣县区", "county", "360700", "360000", "360700", 115.01, 25.86, 2993.0, 560000, 130000, 200000, "census2020"),
    ("110000", "北京市", "province", None, "110000", None, 116.40, 39.90, 16410.0, 21893095, 2600000, 19000000, "sum"),
    ("110100", "北京市", "city", "110000", "110000", "110100", 116.40, 39.90, 16410.0, 21893095, 2600000, 19000000, "sum"),
    ("110102", "西城区", "county", "110100", "110000", "110100", 116.37, 39.91, 50.0, 1106214, 157912, 1106214, "census2020"),
]
# fmt: on
HOSPITAL_COLUMNS = (
    "hospital_id",
    "name",
    "kind",
    "tier",
    "county_adcode",
    "lon",
    "lat",
    "is_transport_centre",
    "national_centre",
)
# fmt: off
HOSPITALS = [
    ("H1", "江西省儿童医院", "儿童医院", "三级", "360102", 115.90, 28.68, True, False),
    ("H2", "南昌县人民医院", "综合医院", "二级", "360121", 115.94, 28.55, False, False),
    ("H3", "南昌县幽兰镇卫生院", "乡镇卫生院", "一级", "360121", 116.00, 28.40, False, False),
    ("H4", "赣州市人民医院", "综合医院", "三级", "360702", 114.93, 25.83, False, False),
    ("H5", "赣县区人民医院", "综合医院", "二级", "360721", 115.01, 25.86, False, False),
    ("H6", "北京儿童医院", "儿童医院", "三级", "110102", 116.36, 39.90, True, True),
    ("H7", "江西省赣州市妇幼保健院", "妇幼保健院", "三级", "360702", 114.95, 25.85, False, False),
    ("H8", "西城区社区卫生服务中心", "社区卫生服务中心", "一级", "110102", 116.37, 39.92, False, False),
]
# fmt: on
ALLIANCES = [
    (
        "JXT",
        "江西测试联盟",
        "Jiangxi test alliance",
        "H1",
        "2016-01-15",
        "省内",
        "专科联盟",
        "360000",
        3,
        "test",
        True,
    ),
    (
        "BJX",
        "北京测试集团",
        None,
        "H6",
        "2013-05-25",
        "跨省",
        "医院集团",
        "110000",
        1,
        "test",
        True,
    ),
]
# alliance, hospital, role, cooperation, joined_on, left_on
MEMBERS = [
    ("JXT", "H1", "core", "核心", "2016-01-15", None),
    ("JXT", "H2", "member", "普通成员", "2023-01-01", None),
    ("JXT", "H3", "member", "普通成员", "2020-01-01", "2024-03-01"),
    ("JXT", "H5", "member", "托管", "2024-07-01", None),
    ("BJX", "H6", "core", "核心", "2013-05-25", None),
    ("BJX", "H4", "member", "合作办院", "2022-01-01", None),
]
# id, date, from, to, direction (consistent with the tiers)
REFERRALS = [
    (1, "2024-01-10", "H3", "H2", "up"),
    (2, "2024-04-10", "H3", "H2", "up"),
    (3, "2024-02-01", "H2", "H1", "up"),
    (4, "2024-02-20", "H1", "H2", "down"),
    (5, "2024-03-05", "H5", "H4", "up"),
    (6, "2024-08-05", "H5", "H1", "up"),
    (7, "2024-05-01", "H5", "H6", "up"),
    (8, "2024-06-01", "H6", "H5", "down"),
    (9, "2024-09-09", "H2", "H5", "lateral"),
    (10, "2024-10-10", "H4", "H6", "lateral"),
    (11, "2023-05-05", "H2", "H1", "up"),
    (12, "2024-11-11", "H7", "H1", "lateral"),
    (13, "2024-12-01", "H6", "H8", "down"),
    (14, "2024-12-02", "H8", "H1", "up"),
]
# id, dispatched_at, from, to, patient, critical, km, minutes, outcome
TRANSFERS = [
    (1, "2024-01-05 08:00:00", "H2", "H1", "newborn", True, 30.0, 60, "admitted"),
    (2, "2024-02-10 10:00:00", "H5", "H1", "newborn", True, 400.0, 500, "admitted"),
    (3, "2024-02-20 12:00:00", "H3", "H1", "child", True, 35.0, 70, "admitted"),
    (4, "2024-03-15 09:30:00", "H5", "H1", "newborn", False, 410.0, 520, "admitted"),
    (5, "2024-05-01 06:00:00", "H4", "H6", "child", True, 1500.0, 1300, "transferred_on"),
    (6, "2023-06-01 07:00:00", "H2", "H1", "newborn", True, 31.0, 62, "admitted"),
    (7, "2024-07-07 23:00:00", "H2", "H1", "newborn", True, 5.0, 90, "admitted"),
]


def build_flows_db(path: Path) -> Path:
    """Create the flows fixture database at path from schema.sql; returns path."""
    connection = duckdb.connect(str(path))
    try:
        connection.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        insert(connection, "regions", REGIONS)
        hospitals = [(*row, 10, 10, 20, 0, 0, True, "test") for row in HOSPITALS]
        columns = (
            *HOSPITAL_COLUMNS,
            "ped_physicians",
            "ped_nurses",
            "ped_beds",
            "nicu_beds",
            "picu_beds",
            "is_synthetic",
            "source",
        )
        insert(connection, "hospitals", hospitals, columns)
        insert(connection, "alliances", ALLIANCES)
        insert(connection, "alliance_members", [(*row, False, True) for row in MEMBERS])
        insert(
            connection, "referrals", [(*row, "呼吸内科", "infant", 10.0, True) for row in REFERRALS]
        )
        insert(connection, "transfers", [transfer_row(row) for row in TRANSFERS])
        derived.refresh(connection)  # the rollups page queries read, as the build writes them
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    return path


def transfer_row(row: tuple) -> tuple:
    """A transfers row: arrival = dispatch + minutes."""
    number, dispatched, origin, centre, patient, critical, km, minutes, outcome = row
    arrived = datetime.fromisoformat(dispatched) + timedelta(minutes=minutes)
    return (
        number,
        dispatched,
        arrived,
        origin,
        centre,
        patient,
        critical,
        km,
        minutes,
        outcome,
        True,
    )


def insert(
    connection, table: str, rows: list[tuple], columns: tuple[str, ...] | None = None
) -> None:
    """Insert literal rows into table (optionally naming the columns)."""
    marks = ", ".join("?" for _ in rows[0])
    names = f" ({', '.join(columns)})" if columns else ""
    connection.executemany(f"INSERT INTO {table}{names} VALUES ({marks})", rows)

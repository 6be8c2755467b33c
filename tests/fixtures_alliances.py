"""A tiny literal database for the alliances page's queries (hand-checkable, built from schema.sql).

Three alliances: A (reported, cross-province, home = city 360100), B (synthetic, within province
340000, shares hospital H2 with A), C (synthetic, a core and nothing else). Member H3 leaves A in
mid-2023; the expected values of every query are worked out in tests/test_queries_alliances.py.
"""

from pathlib import Path

import duckdb

from pedatlas.build import derived
from pedatlas.paths import SCHEMA_SQL

# adcode, name, level, parent, province, city, lon, lat, area_km2, pop_total, pop_0_14, urban
# fmt: off
REGIONS = [
    ("360000", "江西省", "province", None, "360000", None, 115.9, 28.7, 355.0, 60000, 6500, 30000),
    ("360100", "南昌市", "city", "360000", "360000", "360100", 115.9, 28.7, 55.0, 25000, 3500, 20000),
    ("360102", "东湖区", "county", "360100", "360000", "360100", 115.90, 28.70, 10.0, 8000, 1000, 8000),
    ("360103", "西湖区", "county", "360100", "360000", "360100", 115.88, 28.66, 40.0, 12000, 2000, 9000),
    ("360104", "青云谱区", "county", "360100", "360000", "360100", 115.92, 28.62, 5.0, 5000, 500, 3000),
    ("360200", "景德镇市", "city", "360000", "360000", "360200", 117.2, 29.3, 300.0, 35000, 3000, 10000),
    ("360202", "昌江区", "county", "360200", "360000", "360200", 117.20, 29.30, 300.0, 35000, 3000, 10000),
    ("340000", "安徽省", "province", None, "340000", None, 117.3, 31.9, 100.0, 30000, 4000, 20000),
    ("340100", "合肥市", "city", "340000", "340000", "340100", 117.3, 31.9, 100.0, 30000, 4000, 20000),
    ("340102", "瑶海区", "county", "340100", "340000", "340100", 117.30, 31.90, 100.0, 30000, 4000, 20000),
    ("420000", "湖北省", "province", None, "420000", None, 114.3, 30.6, 1.0, 900, 100, 900),
    ("420100", "武汉市", "city", "420000", "420000", "420100", 114.3, 30.6, 1.0, 900, 100, 900),
    ("420102", "江岸区", "county", "420100", "420000", "420100", 114.30, 30.60, 1.0, 900, 100, 900),
]
HOSPITAL_COLUMNS = ("hospital_id", "name", "kind", "tier", "county_adcode", "lon", "lat",
                    "ped_physicians", "ped_nurses", "ped_beds", "nicu_beds", "picu_beds",
                    "is_transport_centre", "is_synthetic", "source")
HOSPITALS = [
    ("H1", "甲儿童医院", "儿童医院", "三级", "360102", 115.90, 28.70, 100, 150, 300, 40, 20, True, False, "named"),
    ("H2", "乙人民医院", "综合医院", "二级", "360103", 115.88, 28.66, 10, 15, 30, 0, 0, False, True, "syn"),
    ("H3", "丙社区卫生服务中心", "社区卫生服务中心", "一级", "360202", 117.20, 29.30, 1, 2, 0, 0, 0, False, True, "syn"),
    ("H4", "丁妇幼保健院", "妇幼保健院", "二级", "340102", 117.31, 31.91, 8, 12, 20, 1, 0, False, True, "syn"),
    ("H5", "戊儿童医院", "儿童医院", "三级", "340102", 117.29, 31.89, 90, 140, 280, 35, 18, True, True, "syn"),
    ("H6", "己卫生院", "乡镇卫生院", "一级", "340102", 117.35, 31.95, 1, 1, 5, 0, 0, False, True, "syn"),
    ("H7", "庚社区卫生服务中心", "社区卫生服务中心", "一级", "360104", 115.92, 28.62, 1, 1, 0, 0, 0, False, True, "syn"),
    ("H8", "辛儿童医院", "儿童医院", "三级", "420102", 114.30, 30.60, 50, 80, 150, 20, 10, True, True, "syn"),
]
ALLIANCES = [
    ("A", "甲联盟", "Alliance A", "H1", "2019-01-01", "跨省", "专科联盟", "360100", 10, "news", False),
    ("B", "乙联盟（合成）", None, "H5", "2018-01-01", "省内", "医联体", "340000", None, "synthetic", True),
    ("C", "丙联盟（合成）", "Alliance C", "H8", "2016-01-01", "市内", "医联体", "420100", 5, "synthetic", True),
]
MEMBERS = [
    ("A", "H1", "core", "核心", "2019-01-01", None, True, False),
    ("A", "H2", "member", "托管", "2020-03-01", None, True, False),
    ("A", "H3", "member", "普通成员", "2021-06-01", "2023-06-30", False, True),
    ("A", "H4", "协作医院", "科室共建", "2022-01-01", None, False, True),
    ("B", "H5", "core", "核心", "2018-01-01", None, False, True),
    ("B", "H6", "member", "普通成员", "2019-05-01", None, False, True),
    ("B", "H2", "member", "联合门诊", "2023-01-01", None, False, True),
    ("C", "H8", "core", "核心", "2016-01-01", None, False, True),
]
# id, date, from, to, direction
REFERRALS = [
    (1, "2023-02-01", "H7", "H1", "up"),
    (2, "2023-03-01", "H2", "H1", "up"),
    (3, "2023-03-20", "H1", "H2", "down"),
    (4, "2023-05-01", "H3", "H2", "up"),
    (5, "2023-08-01", "H3", "H1", "up"),
    (6, "2023-04-01", "H6", "H5", "up"),
    (7, "2023-04-10", "H5", "H6", "down"),
    (8, "2023-09-01", "H5", "H4", "down"),
    (9, "2022-12-31", "H2", "H1", "up"),
    (10, "2024-01-01", "H2", "H1", "up"),
    (11, "2023-06-01", "H7", "H3", "lateral"),
]
# id, dispatched, from, to, km
TRANSFERS = [
    (1, "2023-03-01 08:00:00", "H2", "H1", 50.5),
    (2, "2023-12-31 23:30:00", "H4", "H1", 120.0),
    (3, "2024-01-01 00:10:00", "H2", "H1", 40.0),
    (4, "2023-07-01 10:00:00", "H6", "H5", 30.0),
    (5, "2022-12-31 23:59:00", "H6", "H5", 25.0),
]
OUTREACH = [
    ("A", "H2", "expert_clinic", "2020-04-01", 3),
    ("A", "H2", "expert_clinic", "2020-07-01", 2),
    ("A", "H2", "lecture", "2021-01-01", 1),
    ("A", "H3", "trainee", "2021-10-01", 4),
    ("B", "H6", "technique", "2020-01-01", 5),
]
# fmt: on
RESOURCE_YEARS = (2023, 2024)


def build_alliance_db(path: Path) -> Path:
    """Write the fixture database at path; returns path."""
    connection = duckdb.connect(str(path))
    try:
        connection.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        _insert(connection, "regions", [(*row, "fixture") for row in REGIONS])
        _insert(connection, "hospitals", HOSPITALS, HOSPITAL_COLUMNS)
        resources = [(h[0], year, *h[7:12], True) for h in HOSPITALS for year in RESOURCE_YEARS]
        _insert(connection, "hospital_resources", resources)
        _insert(connection, "alliances", ALLIANCES)
        _insert(connection, "alliance_members", MEMBERS)
        _insert(connection, "referrals", [(*r, "儿内科", "infant", 10.0, True) for r in REFERRALS])
        transfers = [
            (i, at, at, src, dst, "newborn", True, km, 60, "admitted", True)
            for i, at, src, dst, km in TRANSFERS
        ]
        _insert(connection, "transfers", transfers)
        _insert(connection, "outreach", [(*row, True) for row in OUTREACH])
        derived.refresh(connection)  # the rollups page queries read, as the build writes them
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    return path


def _insert(connection, table: str, rows: list[tuple], columns: tuple[str, ...] | None = None):
    marks = ", ".join("?" for _ in rows[0])
    names = f" ({', '.join(columns)})" if columns else ""
    connection.executemany(f"INSERT INTO {table}{names} VALUES ({marks})", rows)

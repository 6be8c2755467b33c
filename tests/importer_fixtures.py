"""A tiny literal PedAtlas database built from schema.sql, for the importer tests and benchmark."""

import atexit
import functools
import hashlib
import math
import shutil
import tempfile
from pathlib import Path

import duckdb
import shapely

from pedatlas.build import derived
from pedatlas.db import open_read_only
from pedatlas.paths import SCHEMA_SQL

# adcode, name, level, parent, province, city, lon, lat, area_km2, pop_total, pop_0_14, urban
# fmt: off
REGIONS = [
    ("440000", "广东省", "province", None, "440000", None, 113.27, 23.13, 179800.0, 126012510,
      23560000, 93430000),
    ("440100", "广州市", "city", "440000", "440000", "440100", 113.26, 23.13, 7434.0, 18676605,
      2640000, 16000000),
    ("440103", "荔湾区", "county", "440100", "440000", "440100", 113.24, 23.12, 59.1, 1238438,
      170000, 1238438),
    ("440104", "越秀区", "county", "440100", "440000", "440100", 113.29, 23.13, 33.8, 1038863,
      130000, 1038863),
    ("440106", "天河区", "county", "440100", "440000", "440100", 113.36, 23.14, 137.4, 2241826,
      330000, 2241826),
    ("450000", "广西壮族自治区", "province", None, "450000", None, 108.32, 22.82, 237600.0,
      50126804, 11200000, 27000000),
    ("450100", "南宁市", "city", "450000", "450000", "450100", 108.37, 22.82, 22112.0, 8741584,
      1900000, 5900000),
    ("450102", "兴宁区", "county", "450100", "450000", "450100", 108.38, 22.86, 756.0, None, None,
      None),
]
# fmt: on
# county polygons (lon_min, lat_min, lon_max, lat_max): simple boxes around the fixture points
COUNTY_BOXES = {
    "440103": (113.20, 23.05, 113.27, 23.15),
    "440104": (113.27, 23.10, 113.32, 23.16),
    "440106": (113.32, 23.10, 113.44, 23.25),
    "450102": (108.30, 22.80, 108.45, 22.95),
}
# fmt: off
HOSPITAL_COLUMNS = (
    "hospital_id", "name", "kind", "tier", "grade", "county_adcode", "lon", "lat",
    "ped_physicians", "ped_nurses", "ped_beds", "nicu_beds", "picu_beds", "is_transport_centre",
    "is_synthetic", "source",
)
# fmt: on
# fmt: off
HOSPITALS = [
    ("H001", "广州市妇女儿童医疗中心", "儿童医院", "三级", "甲等", "440104", 113.29, 23.13, 320,
      600, 1200, 80, 60, True, False, "公开名录"),
    ("H002", "荔湾区人民医院", "综合医院", "二级", "甲等", "440103", 113.24, 23.12, 25, 60, 80, 6,
      0, False, True, "合成"),
    ("H003", "荔湾区西村社区卫生服务中心", "社区卫生服务中心", "一级", None, "440103", 113.23,
      23.08, 3, 5, 0, 0, 0, False, True, "合成"),
    ("H004", "天河区妇幼保健院", "妇幼保健院", "二级", "乙等", "440106", 113.36, 23.14, 40, 90,
      120, 10, 4, False, True, "合成"),
    ("H005", "南宁市妇幼保健院", "妇幼保健院", "三级", "甲等", "450102", 108.38, 22.86, 150, 300,
      500, 40, 20, True, False, "公开名录"),
    ("H006", "兴宁区五塘镇卫生院", "乡镇卫生院", "未定级", None, "450102", 108.42, 22.93, 0, 0, 10,
      0, 0, False, True, "合成"),
]
# fmt: on
RESOURCE_YEARS = (2022, 2023)  # 2023 matches the hospitals table
# fmt: off
ALLIANCES = [
    ("A01", "广东省儿科专科联盟", "Guangdong Paediatric Alliance", "H001", "2019-06-01", "省内",
      "专科联盟", "440000", 30, "公开报道", False),
    ("A02", "南宁市儿科医联体", None, "H005", "2020-09-15", "市内", "医联体", "450100", None,
      "合成", True),
]
# fmt: on
# fmt: off
MEMBERS = [
    ("A01", "H001", "core", "核心", "2019-06-01", None, True, False),
    ("A01", "H002", "member", "托管", "2019-08-01", None, True, False),
    ("A01", "H003", "协作医院", "科室共建", "2020-01-10", "2023-06-30", False, True),
    ("A01", "H004", "member", "联合门诊", "2021-03-01", None, False, True),
    ("A02", "H005", "core", "核心", "2020-09-15", None, True, True),
    ("A02", "H006", "member", "半托管", "2021-05-20", None, False, True),
]
# fmt: on
# id, date, from, to, direction, department, age group
# fmt: off
REFERRALS = [
    (1, "2023-01-05", "H003", "H001", "up", "儿内科", "infant"),
    (2, "2023-02-10", "H002", "H001", "up", "新生儿科", "newborn"),
    (3, "2023-03-15", "H001", "H002", "down", "儿内科", "school"),
    (4, "2023-04-20", "H002", "H004", "lateral", "儿外科", "preschool"),
    (5, "2023-05-25", "H006", "H005", "up", "儿内科", "infant"),
    (6, "2023-06-30", "H005", "H006", "down", "儿保科", "preschool"),
    (7, "2024-01-12", "H004", "H001", "up", "儿内科", "newborn"),
    (8, "2024-02-14", "H003", "H002", "up", "儿内科", "school"),
]
# fmt: on
# id, dispatched, arrived, from, to, patient, critical, duration, outcome
# fmt: off
TRANSFERS = [
    (1, "2023-03-01 08:00:00", "2023-03-01 08:45:00", "H002", "H001", "newborn", True, 45,
      "admitted"),
    (2, "2023-05-10 22:10:00", "2023-05-10 23:05:00", "H004", "H001", "child", False, 55,
      "admitted"),
    (3, "2023-07-02 03:20:00", "2023-07-02 04:40:00", "H006", "H005", "newborn", True, 80,
      "admitted"),
    (4, "2024-01-20 14:00:00", "2024-01-20 14:50:00", "H003", "H001", "child", True, 50,
      "transferred_on"),
]
# fmt: on
# fmt: off
OUTREACH = [
    ("A01", "H002", "expert_clinic", "2023-03-01", 4, False),
    ("A01", "H003", "lecture", "2023-04-12", 2, True),
    ("A01", "H004", "trainee", "2023-05-20", 1, True),
    ("A02", "H006", "technique", "2023-06-18", 3, True),
]
# fmt: on
# fmt: off
TARGETS = [
    ("ped_physicians_per_1000_children", 2025, 0.87, "人/千儿童",
      "每千名儿童儿科执业（助理）医师数", "Paediatricians per 1,000 children",
      "健康儿童行动提升计划"),
    ("ped_beds_per_1000_children", 2025, 2.2, "张/千儿童", "每千名儿童儿科床位数",
      "Paediatric beds per 1,000 children", "健康儿童行动提升计划"),
    ("ped_physicians_per_1000_children", 2030, 1.12, "人/千儿童",
      "每千名儿童儿科执业（助理）医师数", "Paediatricians per 1,000 children", "示例目标"),
]
# fmt: on
ROUTE_FACTOR = 1.35  # fixture transport routes are this much longer than the great circle


def great_circle(a: str, b: str) -> float:
    """Haversine km between two fixture hospitals (written out here, not the importer's)."""
    place = {row[0]: (row[6], row[7]) for row in HOSPITALS}
    (lon1, lat1), (lon2, lat2) = place[a], place[b]
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def build_fixture_db(path: Path) -> Path:
    """Create the fixture database at path from schema.sql; returns path."""
    connection = duckdb.connect(str(path))
    try:
        connection.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        _insert(connection, "regions", [(*row, "2020 census") for row in REGIONS])
        _insert(connection, "region_shapes", shape_rows())
        _insert(connection, "hospitals", HOSPITALS, HOSPITAL_COLUMNS)
        connection.execute("UPDATE hospitals SET national_centre = true WHERE hospital_id = 'H001'")
        _insert(connection, "hospital_resources", resource_rows())
        _insert(connection, "alliances", ALLIANCES)
        _insert(connection, "alliance_members", MEMBERS)
        referrals = [(*row, round(great_circle(row[2], row[3]), 2), True) for row in REFERRALS]
        _insert(connection, "referrals", referrals)
        _insert(connection, "transfers", transfer_rows())
        _insert(connection, "outreach", OUTREACH)
        _insert(connection, "targets", TARGETS)
        _insert(connection, "build_info", [("built_at", "2024-05-01T00:00:00"), ("schema", "1")])
        derived.refresh(connection)  # the rollups page queries read, as the build writes them
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    return path


def shape_rows() -> list[tuple]:
    """region_shapes rows: each fixture county as a box in layers county and county_fine."""
    rows = []
    for adcode, box in COUNTY_BOXES.items():
        name = next(row[1] for row in REGIONS if row[0] == adcode)
        wkb = shapely.box(*box).wkb
        for layer in ("county", "county_fine"):
            rows.append((adcode, layer, "county", adcode[:2] + "0000", name, wkb))
    return rows


def resource_rows() -> list[tuple]:
    """hospital_resources: 2022 at 90% of 2023, 2023 equal to hospitals; all figures synthetic."""
    rows = []
    for hospital in HOSPITALS:
        figures = hospital[8:13]
        rows.append((hospital[0], 2022, *(int(value * 0.9) for value in figures), True))
        rows.append((hospital[0], 2023, *figures, True))
    return rows


def transfer_rows() -> list[tuple]:
    """transfers with route lengths ROUTE_FACTOR times the great circle."""
    return [
        (
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            round(great_circle(row[3], row[4]) * ROUTE_FACTOR, 1),
            row[7],
            row[8],
            True,
        )
        for row in TRANSFERS
    ]


def _insert(
    connection: duckdb.DuckDBPyConnection,
    table: str,
    rows: list[tuple],
    columns: tuple[str, ...] | None = None,
) -> None:
    marks = ", ".join("?" for _ in rows[0])
    names = f" ({', '.join(columns)})" if columns else ""
    connection.executemany(f"INSERT INTO {table}{names} VALUES ({marks})", rows)


def sha256(path: Path) -> str:
    """The sha256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def table_rows(path: Path, table: str) -> list[tuple]:
    """All rows of a table, sorted (None sorts first), for comparing database contents."""
    connection = open_read_only(path)
    try:
        rows = connection.execute(f"SELECT * FROM atlas.{table}").fetchall()
    finally:
        connection.close()
    return sorted(rows, key=lambda row: tuple((value is not None, str(value)) for value in row))


def row_count(path: Path, table: str) -> int:
    """Rows of a table in the database at path."""
    connection = open_read_only(path)
    try:
        return int(connection.execute(f"SELECT count(*) FROM atlas.{table}").fetchall()[0][0])
    finally:
        connection.close()


@functools.cache
def _template() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="pedatlas-fixture-"))
    atexit.register(shutil.rmtree, folder, True)
    return build_fixture_db(folder / "pedatlas.duckdb")


def fixture_copy(tmp_path: Path) -> Path:
    """A private copy of the fixture database (built once per process) under tmp_path/data."""
    target = tmp_path / "data" / "pedatlas.duckdb"
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(_template(), target)
    return target

"""A tiny literal database (two provinces, four counties, five hospitals) for exact query tests."""

from pathlib import Path

import duckdb
import shapely

from pedatlas.build import derived
from pedatlas.paths import SCHEMA_SQL


def square(x: float, y: float) -> bytes:
    """A 1°-square polygon (clockwise) as WKB."""
    return shapely.to_wkb(
        shapely.orient_polygons(shapely.box(x, y, x + 1, y + 1), exterior_cw=True)
    )


REGIONS = [
    # adcode, name, level, parent, province, city, lon, lat, area, pop_total, pop_0_14, urban, source
    (
        "360000",
        "江西省",
        "province",
        None,
        "360000",
        None,
        115.5,
        28.5,
        300.0,
        6000,
        1200,
        3000,
        "sum",
    ),
    (
        "140000",
        "山西省",
        "province",
        None,
        "140000",
        None,
        112.5,
        37.5,
        100.0,
        2000,
        300,
        1000,
        "sum",
    ),
    (
        "360100",
        "南昌市",
        "city",
        "360000",
        "360000",
        "360100",
        115.5,
        28.5,
        200.0,
        5000,
        1000,
        2800,
        "sum",
    ),
    (
        "360400",
        "九江市",
        "city",
        "360000",
        "360000",
        "360400",
        116.5,
        29.5,
        100.0,
        1000,
        200,
        200,
        "sum",
    ),
    (
        "140100",
        "太原市",
        "city",
        "140000",
        "140000",
        "140100",
        112.5,
        37.5,
        100.0,
        2000,
        300,
        1000,
        "sum",
    ),
    (
        "360102",
        "东湖区",
        "county",
        "360100",
        "360000",
        "360100",
        115.5,
        28.5,
        100.0,
        3000,
        600,
        2000,
        "census2020",
    ),
    (
        "360103",
        "西湖区",
        "county",
        "360100",
        "360000",
        "360100",
        114.5,
        28.5,
        100.0,
        2000,
        400,
        800,
        "census2020",
    ),
    (
        "360402",
        "濂溪区",
        "county",
        "360400",
        "360000",
        "360400",
        116.5,
        29.5,
        100.0,
        1000,
        200,
        200,
        "census2020",
    ),
    (
        "140105",
        "小店区",
        "county",
        "140100",
        "140000",
        "140100",
        112.5,
        37.5,
        100.0,
        2000,
        300,
        1000,
        "census2020",
    ),
]
SHAPES = [
    ("360000", "province", "province", "360000", "江西省", square(114, 28)),
    ("140000", "province", "province", "140000", "山西省", square(112, 37)),
    ("360100", "city", "city", "360000", "南昌市", square(114, 28)),
    ("360400", "city", "city", "360000", "九江市", square(116, 29)),
    ("140100", "city", "city", "140000", "太原市", square(112, 37)),
    ("360102", "county_fine", "county", "360000", "东湖区", square(115, 28)),
    ("360103", "county_fine", "county", "360000", "西湖区", square(114, 28)),
    ("360402", "county_fine", "county", "360000", "濂溪区", square(116, 29)),
    ("140105", "county_fine", "county", "140000", "小店区", square(112, 37)),
]
HOSPITALS = [
    # id, name, kind, tier, county, lon, lat
    ("H1", "江西省儿童医院", "儿童医院", "三级", "360102", 115.5, 28.5),
    ("H2", "西湖区人民医院", "综合医院", "二级", "360103", 114.5, 28.5),
    ("H3", "濂溪区卫生院", "乡镇卫生院", "一级", "360402", 116.5, 29.5),
    ("H4", "小店区人民医院", "综合医院", "二级", "140105", 112.5, 37.5),
    ("H5", "东湖区社区中心", "社区卫生服务中心", "一级", "360102", 115.6, 28.6),
]
RESOURCES = {
    # id: (2023: physicians, beds, nicu, picu), (2024: ...)
    "H1": ((100, 300, 20, 10), (110, 330, 24, 12)),
    "H2": ((10, 30, 0, 0), (12, 36, 0, 0)),
    "H3": ((1, 4, 0, 0), (2, 4, 0, 0)),
    "H4": ((20, 60, 2, 0), (21, 60, 2, 0)),
    "H5": ((1, 0, 0, 0), (1, 0, 0, 0)),
}
MEMBERS = [
    # alliance, hospital, role, cooperation, joined
    ("JX", "H1", "core", "核心", "2016-01-15"),
    ("JX", "H2", "member", "科室共建", "2016-01-15"),
    ("JX", "H3", "member", "普通成员", "2024-03-01"),
]
REFERRALS = [
    # id, date, from, to, direction, km
    (1, "2024-01-05", "H2", "H1", "up", 100.0),
    (2, "2024-02-05", "H3", "H1", "up", 150.0),
    (3, "2024-02-20", "H1", "H3", "down", 150.0),
    (4, "2024-03-01", "H5", "H1", "up", 14.0),
    (5, "2023-03-01", "H2", "H1", "up", 100.0),
    (6, "2024-04-01", "H4", "H1", "up", 1000.0),
]
TRANSFERS = [
    # id, dispatched, from, to, patient, critical, km, minutes
    (1, "2024-05-01 10:00:00", "H3", "H1", "newborn", True, 180.0, 300),
    (2, "2024-06-01 08:00:00", "H2", "H1", "child", False, 120.0, 200),
    (3, "2023-06-01 08:00:00", "H2", "H1", "newborn", True, 120.0, 210),
]


def build_core_fixture(path: Path) -> Path:
    """Write the tiny database at path and return path."""
    with duckdb.connect(str(path)) as connection:
        connection.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        connection.executemany(
            "INSERT INTO regions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", REGIONS
        )
        connection.executemany("INSERT INTO region_shapes VALUES (?, ?, ?, ?, ?, ?)", SHAPES)
        for hospital_id, name, kind, tier, county, lon, lat in HOSPITALS:
            latest = RESOURCES[hospital_id][1]
            connection.execute(
                "INSERT INTO hospitals VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, false, false, true, 'fixture')",
                [
                    hospital_id,
                    name,
                    kind,
                    tier,
                    county,
                    lon,
                    lat,
                    latest[0],
                    latest[0],
                    latest[1],
                    latest[2],
                    latest[3],
                ],
            )
            for year, (physicians, beds, nicu, picu) in zip(
                (2023, 2024), RESOURCES[hospital_id], strict=True
            ):
                connection.execute(
                    "INSERT INTO hospital_resources VALUES (?, ?, ?, ?, ?, ?, ?, true)",
                    [hospital_id, year, physicians, physicians, beds, nicu, picu],
                )
        connection.execute(
            "INSERT INTO alliances VALUES ('JX', '江西省儿童医疗联盟', 'Jiangxi', 'H1', DATE '2016-01-15', '省内', '专科联盟', '360000', 109, 'fixture', false)"
        )
        connection.executemany(
            "INSERT INTO alliance_members VALUES (?, ?, ?, ?, CAST(? AS DATE), NULL, true, false)",
            MEMBERS,
        )
        connection.executemany(
            "INSERT INTO referrals VALUES (?, CAST(? AS DATE), ?, ?, ?, '呼吸内科', 'infant', ?, true)",
            REFERRALS,
        )
        connection.executemany(
            """INSERT INTO transfers VALUES (?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP) + to_minutes(?::INT),
               ?, ?, ?, ?, ?, ?, 'admitted', true)""",
            [
                (i, at, at, minutes, src, dst, patient, critical, km, minutes)
                for i, at, src, dst, patient, critical, km, minutes in TRANSFERS
            ],
        )
        connection.execute(
            "INSERT INTO targets VALUES ('ped_physicians_per_1000', 2025, 0.87, 'per 1000 children', '每千', 'per 1,000', 'plan')"
        )
        derived.refresh(connection)  # the rollups page queries read, as the build writes them
    return path

"""Every published figure of DOMAIN.md, as an exact SQL check over a freshly built database."""

from itertools import pairwise

import pytest

from tests.helpers import rows, scalar

MEMBERS = "SELECT count(*) FROM alliance_members WHERE alliance_id = ? AND role <> 'core'"


@pytest.mark.parametrize(
    ("alliance_id", "members"),
    [
        ("JX", 109),
        ("SX", 246),
        ("BD", 133),
        ("HH", 103),
        ("BCH", 20),
        ("TJ", 7),
        ("UR", 7),
        ("SER", 11),
        ("XH", 36),
        ("FZ", 20),
        ("HN", 55),
    ],
)
def test_alliance_member_count_matches_report(demo, alliance_id, members):
    assert scalar(demo, MEMBERS, [alliance_id]) == members


def test_jiangxi_2024_transports_match_report(demo):
    trips, newborn, km, origins = rows(
        demo,
        """SELECT count(*), count(*) FILTER (WHERE patient = 'newborn' AND critical),
                  sum(distance_km), count(DISTINCT from_hospital_id)
           FROM transfers t JOIN alliances a ON a.core_hospital_id = t.to_hospital_id
           WHERE a.alliance_id = 'JX' AND year(t.dispatched_at) = 2024""",
    )[0]
    assert (trips, newborn) == (468, 407)
    assert km > 100_000
    assert 70 <= origins <= 79  # "70余家医疗机构": seventy-odd, not a hundred


def test_jiangxi_transports_grow_smoothly_into_the_published_2024(demo):
    by_year = rows(
        demo,
        """SELECT year(t.dispatched_at) AS y, count(*)
           FROM transfers t JOIN alliances a ON a.core_hospital_id = t.to_hospital_id
           WHERE a.alliance_id = 'JX' GROUP BY y ORDER BY y""",
    )
    counts = [count for _, count in by_year]
    assert [year for year, _ in by_year] == list(range(2019, 2025))
    # back-cast at 12 % a year: every step an increase of at most a third, never a 4x jump
    assert all(1.0 < later / earlier < 1.35 for earlier, later in pairwise(counts))


def test_no_centre_jumps_fourfold_between_years(demo):
    jumps = rows(
        demo,
        """WITH yearly AS (
             SELECT to_hospital_id AS centre, year(dispatched_at) AS y, count(*) AS n
             FROM transfers GROUP BY ALL)
           SELECT count(*) FROM yearly a JOIN yearly b
             ON a.centre = b.centre AND b.y = a.y + 1
           WHERE a.n >= 30 AND (b.n > 2 * a.n OR b.n < a.n / 2)""",
    )
    assert jumps == [(0,)]


def test_provincial_physician_rates_spread_about_threefold(demo):
    rate = """SELECT r.adcode, sum(y.ped_physicians) * 1000.0 / any_value(r.pop_0_14) AS rate
        FROM hospital_resources y JOIN hospitals h USING (hospital_id)
        JOIN regions r ON r.adcode = left(h.county_adcode, 2) || '0000'
        WHERE y.year = 2024 AND r.pop_0_14 > 0 GROUP BY r.adcode"""
    low, high = rows(demo, f"SELECT min(rate), max(rate) FROM ({rate})")[0]
    assert high / low < 3.5
    assert 1.2 < high < 2.0  # no province at 2.5-3.1 per 1,000 children as before


def test_jiangxi_core_and_2024_close_partners(demo):
    assert (
        scalar(
            demo,
            "SELECT h.name FROM alliances a JOIN hospitals h ON h.hospital_id = a.core_hospital_id WHERE alliance_id = 'JX'",
        )
        == "江西省儿童医院"
    )
    partners = rows(
        demo,
        """SELECT h.name, m.cooperation, year(m.joined_on) FROM alliance_members m
           JOIN hospitals h USING (hospital_id) WHERE alliance_id = 'JX' AND m.is_named ORDER BY 1""",
    )
    assert partners == [
        ("乐平市人民医院", "科室共建", 2024),
        ("九江市妇幼保健院", "科室共建", 2024),
        ("抚州市妇幼保健院", "科室共建", 2024),
        ("江西省儿童医院", "核心", 2016),
    ]


def test_jiangxi_trained_about_2000_visiting_staff(demo):
    assert (
        scalar(
            demo,
            "SELECT sum(count) FROM outreach WHERE alliance_id = 'JX' AND activity = 'trainee'",
        )
        == 2000
    )


SHANXI_NAMED = {
    "陵川县人民医院": "陵川县",
    "高平市人民医院": "高平市",
    "晋煤集团总医院": "城区",
    "盐湖区人民医院": "盐湖区",
    "永济市人民医院": "永济市",
    "芮城县人民医院": "芮城县",
    "平陆县人民医院": "平陆县",
    "夏县人民医院": "夏县",
    "山西省汾阳医院": "汾阳市",
    "汾阳人民医院": "汾阳市",
    "孝义市人民医院": "孝义市",
    "山西省儿童医院孝义分院": "孝义市",
}


def test_shanxi_named_members_sit_in_their_counties(demo):
    found = dict(
        rows(
            demo,
            """SELECT h.name, r.name FROM alliance_members m JOIN hospitals h USING (hospital_id)
               JOIN regions r ON r.adcode = h.county_adcode
               WHERE m.alliance_id = 'SX' AND m.is_named AND m.role <> 'core'""",
        )
    )
    assert found == SHANXI_NAMED


def test_baoding_outreach_and_named_cooperation(demo):
    totals = dict(
        rows(
            demo,
            "SELECT activity, sum(count) FROM outreach WHERE alliance_id = 'BD' AND happened_on >= DATE '2015-01-01' GROUP BY 1",
        )
    )
    assert (
        totals["expert_clinic"] >= 1200 and totals["lecture"] >= 180 and totals["technique"] >= 30
    )
    named = rows(
        demo,
        """SELECT h.name, m.cooperation, h.kind, h.tier FROM alliance_members m JOIN hospitals h USING (hospital_id)
           WHERE alliance_id = 'BD' AND m.is_named AND m.role <> 'core' ORDER BY 1""",
    )
    assert named == [
        ("白沟新城康乐医院", "联合门诊", "民营医院", "一级"),
        ("顺平县医院", "科室共建", "综合医院", "二级"),
    ]


def test_huaihai_reaches_4_provinces_11_cities_52_counties(demo):
    reach = rows(
        demo,
        """SELECT count(DISTINCT r.province_adcode), count(DISTINCT r.city_adcode), count(DISTINCT r.adcode)
           FROM alliance_members m JOIN hospitals h USING (hospital_id) JOIN regions r ON r.adcode = h.county_adcode
           WHERE m.alliance_id = 'HH' AND m.role <> 'core'""",
    )
    assert reach == [(4, 11, 52)]


def test_beijing_group_founders_and_urumqi_as_twentieth(demo):
    ordered = rows(
        demo,
        """SELECT h.name, m.joined_on FROM alliance_members m JOIN hospitals h USING (hospital_id)
           WHERE alliance_id = 'BCH' AND role <> 'core' ORDER BY m.joined_on, h.name""",
    )
    founders = {name for name, joined in ordered if str(joined) == "2013-05-25"}
    assert founders == {
        "郑州市儿童医院",
        "安徽省立儿童医院",
        "河北省儿童医院",
        "南京市儿童医院",
        "青海省妇女儿童医院",
        "武汉市儿童医院",
        "西安市儿童医院",
        "山东省聊城市儿童医院",
    }
    assert len(ordered) == 20
    assert ordered[19][0] == "乌鲁木齐儿童医院" and str(ordered[19][1]).startswith("2016-06")


def test_hunan_56_institutions_by_role(demo):
    roles = dict(
        rows(
            demo, "SELECT role, count(*) FROM alliance_members WHERE alliance_id = 'HN' GROUP BY 1"
        )
    )
    assert roles == {"core": 1, "协作医院": 12, "指导医院": 41, "协作科室": 2}
    provinces = rows(
        demo,
        """SELECT DISTINCT left(h.county_adcode, 2) FROM alliance_members m JOIN hospitals h USING (hospital_id)
           WHERE alliance_id = 'HN' AND role = '协作医院' ORDER BY 1""",
    )
    assert provinces == [("36",), ("43",), ("53",)]


@pytest.mark.parametrize(
    ("alliance_id", "named"),
    [("TJ", 7), ("UR", 7), ("SER", 11)],
)
def test_named_member_lists_are_complete(demo, alliance_id, named):
    count = scalar(
        demo,
        "SELECT count(*) FROM alliance_members WHERE alliance_id = ? AND is_named AND role <> 'core'",
        [alliance_id],
    )
    assert count == named


def test_xinhua_13_hospitals_and_23_community_centres_in_its_districts(demo):
    kinds = rows(
        demo,
        """SELECT h.kind = '社区卫生服务中心', count(*), count(DISTINCT r.name) FILTER (WHERE r.name NOT IN ('杨浦区','虹口区','宝山区','崇明区'))
           FROM alliance_members m JOIN hospitals h USING (hospital_id) JOIN regions r ON r.adcode = h.county_adcode
           WHERE alliance_id = 'XH' AND role <> 'core' GROUP BY 1 ORDER BY 1""",
    )
    assert kinds == [(False, 13, 0), (True, 23, 0)]


def test_qinghai_alliance_covers_every_county_of_the_province(demo):
    uncovered = scalar(
        demo,
        """SELECT count(*) FROM regions r WHERE r.level = 'county' AND r.province_adcode = '630000'
           AND r.adcode NOT IN (SELECT h.county_adcode FROM alliance_members m JOIN hospitals h USING (hospital_id)
                                WHERE m.alliance_id = 'QH')""",
    )
    assert uncovered == 0


def test_every_domain_alliance_has_its_real_core_and_founding_date(demo):
    found = dict(
        (
            (a, (h, str(d)))
            for a, h, d in rows(
                demo,
                "SELECT alliance_id, h.name, founded_on FROM alliances a JOIN hospitals h ON h.hospital_id = a.core_hospital_id",
            )
        )
    )
    assert found["SX"] == ("山西省儿童医院", "2017-08-18")
    assert found["BCH"] == ("北京儿童医院", "2013-05-25")
    assert found["SER"] == ("首都儿科研究所", "2014-05-20")
    assert found["XH"] == ("上海交通大学医学院附属新华医院", "2016-07-01")
    assert found["HH"][0] == "徐州市儿童医院" and found["UR"][0] == "乌鲁木齐儿童医院"

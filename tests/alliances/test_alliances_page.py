"""The alliances page: its pure builders by hand, then links, widgets and numbers against the demo."""

import json

import numpy as np
import pandas as pd
import pytest

from pedatlas.alliances import builders as av
from tests.apptest_helpers import errors, open_page, texts
from tests.helpers import rows, scalar

PAGE = "pages/alliances.py"
REPORTED = ["SX", "BD", "JX", "HH", "QH", "HN", "XH", "BCH", "FZ", "SER", "TJ", "UR"]

# --- pure builders -------------------------------------------------------------------------

ALLIANCES = pd.DataFrame(
    {
        "alliance_id": ["A", "B", "P1", "P2"],
        "name": ["甲", "乙", "丙（合成）", "丁（合成）"],
        "name_en": ["Alpha", None, "Gamma", "Delta"],
        "is_synthetic": [False, False, True, True],
    }
)


def test_default_alliance_is_the_first_reported_one():
    assert av.default_alliance(ALLIANCES) == "A"
    assert av.default_alliance(ALLIANCES.iloc[2:]) == "P1"
    assert av.alliance_options(ALLIANCES) == ["A", "B", "P1", "P2"]
    assert av.reported_ids(ALLIANCES) == ["A", "B"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (["A", "B"], True)),
        ("-", ([], True)),
        ("P2,A", (["P2", "A"], True)),
        ("A,A,B", (["A", "B"], True)),
        ("A,ZZ", (["A", "B"], False)),
    ],
)
def test_compare_choice_reads_the_parameter(text, expected):
    assert av.compare_choice(text, ["A", "B", "P1", "P2"], ["A", "B"]) == expected


@pytest.mark.parametrize(
    ("chosen", "expected"), [(["A", "B"], ""), ([], "-"), (["B", "A"], "B,A"), (["P1"], "P1")]
)
def test_compare_value_writes_the_parameter(chosen, expected):
    assert av.compare_value(chosen, ["A", "B"]) == expected


MEMBERS = pd.DataFrame(
    {
        "hospital_id": ["H1", "H2", "H3", "H4", "H5"],
        "role": ["core", "member", "member", "member", "协作科室"],
        "cooperation": ["核心", "合作办院", "普通成员", "普通成员", "科室共建"],
        "kind": ["儿童医院", "民营医院", "综合医院", "综合医院", "妇幼保健院"],
        "tier": ["三级", "一级", "二级", "三级", "二级"],
        "lon": [100.0, 101.0, 102.0, 103.0, 104.0],
        "lat": [30.0, 31.0, 32.0, 33.0, 34.0],
    }
)


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("cooperation", [("普通成员", 2), ("科室共建", 1), ("合作办院", 1)]),
        ("tier", [("三级", 1), ("二级", 2), ("一级", 1)]),
        ("kind", [("妇幼保健院", 1), ("综合医院", 2), ("民营医院", 1)]),
    ],
)
def test_member_breakdown_excludes_the_core_in_natural_order(column, expected):
    frame = av.member_breakdown(MEMBERS, column)
    assert list(zip(frame[column], frame["members"], strict=True)) == expected


def test_link_lines_join_the_core_to_each_member():
    lon, lat = av.link_lines(MEMBERS)
    assert lon == [100.0, 101.0, None, 100.0, 102.0, None, 100.0, 103.0, None, 100.0, 104.0, None]
    assert lat[:3] == [30.0, 31.0, None]
    assert av.link_lines(MEMBERS.iloc[1:]) == ([], [])


COUNTIES = pd.DataFrame(
    {
        "adcode": ["100001", "100002", "100003", "100004", "200001"],
        "name": ["一", "二", "三", "四", "五"],
        "province_adcode": ["100000"] * 4 + ["200000"],
        "city_adcode": ["100100"] * 3 + ["100200", "200100"],
        "city_name": ["甲市"] * 3 + ["乙市", "丙市"],
        "children": [1000, 3000, 3000, None, 9000],
        "children_per_km2": [10.0, 30.0, 60.0, None, 5.0],
        "members": [2, 0, 0, 0, 0],
        "in_home": [True, True, True, True, False],
    }
)


def test_recruitment_gap_lists_home_counties_without_members_most_children_first():
    gap = av.recruitment_gap(COUNTIES)
    assert list(gap["adcode"]) == ["100002", "100003", "100004"]  # ties by code, missing last
    assert av.region_coverage(COUNTIES) == {
        "counties": 4,
        "covered": 1,
        "gap": 3,
        "gap_children": 6000,
    }


@pytest.mark.parametrize(
    ("home", "expected"),
    [
        ("100000", ("county", ["100000", "200000"])),
        ("200000", ("county", ["100000", "200000"])),
    ],
)
def test_map_scopes_across_provinces_use_coarse_counties(home, expected):
    assert av.map_scopes(COUNTIES, home) == expected


def test_map_scopes_inside_the_home_region_use_fine_counties():
    inside = COUNTIES.iloc[:3]
    assert av.map_scopes(inside, "100100") == ("county_fine", ["100100"])
    assert av.map_scopes(COUNTIES.iloc[:4], "100100") == ("county_fine", ["100000"])


def test_merge_features_keeps_only_the_wanted_ids():
    one = {"features": [{"id": "a"}, {"id": "b"}]}
    two = {"features": [{"id": "c"}]}
    assert av.merge_features([one, two], ["a", "c"])["features"] == [{"id": "a"}, {"id": "c"}]
    assert len(av.merge_features([one, two])["features"]) == 3


@pytest.mark.parametrize(
    ("sent", "children", "expected"), [(30, 20000, 1.5), (0, 500, 0.0), (5, 0, None)]
)
def test_referrals_per_1000_children(sent, children, expected):
    value = av.referrals_per_1000(sent, children)
    assert np.isnan(value) if expected is None else value == pytest.approx(expected)


@pytest.mark.parametrize(("up", "down", "expected"), [(90, 10, 0.1), (0, 4, 1.0), (0, 0, None)])
def test_downward_share(up, down, expected):
    value = av.downward_share(up, down)
    assert np.isnan(value) if expected is None else value == pytest.approx(expected)


def test_compare_table_in_the_order_chosen_with_measures():
    reach = pd.DataFrame(
        {
            "alliance_id": ["A", "B"],
            "members": [3, 1],
            "named_members": [1, 0],
            "provinces": [1, 1],
            "cities": [1, 1],
            "counties": [2, 1],
            "children": [20000, 0],
        }
    )
    activity = pd.DataFrame(
        {
            "alliance_id": ["A", "B"],
            "referrals_sent": [30, 2],
            "up": [90, 0],
            "down": [10, 0],
            "transports": [4, 0],
            "transport_km": [123.44, 0.0],
        }
    )
    table = av.compare_table(ALLIANCES, reach, activity, ["B", "A"], "en")
    assert list(table["alliance_id"]) == ["B", "A"]
    assert list(table["name"]) == ["乙", "Alpha"]  # no English name: the Chinese one
    row = table.iloc[1]
    # raw values: the grid formats them (COMPARE_SHOWN), downloads keep them
    assert (row["referrals_per_1000"], row["downward_share"], row["transport_km"]) == (
        1.5,
        0.1,
        123.44,
    )
    shown = [column.key for column in av.COMPARE_SHOWN]
    assert shown[:2] == ["name", "members"] and set(shown) == set(table.columns)
    assert np.isnan(table.iloc[0]["referrals_per_1000"]) and np.isnan(
        table.iloc[0]["downward_share"]
    )


def test_outreach_totals_set_the_data_against_the_published_figures():
    outreach = pd.DataFrame(
        {
            "year": [2016, 2017, 2017],
            "activity": ["expert_clinic", "expert_clinic", "lecture"],
            "events": [700, 501, 100],
        }
    )
    totals = av.outreach_totals(outreach, "BD").set_index("activity")
    assert totals.loc["expert_clinic", ["total", "published", "met"]].tolist() == [1201, 1200, True]
    assert totals.loc["lecture", ["total", "published", "met"]].tolist() == [100, 180, False]
    assert totals.loc["trainee", "total"] == 0 and pd.isna(totals.loc["trainee", "published"])
    assert av.outreach_totals(outreach, "XX")["published"].isna().all()


@pytest.mark.parametrize(
    ("total", "figure", "kind", "met"),
    [
        (1200, 1200, "at_least", True),
        (1199, 1200, "at_least", False),
        (1800, 2000, "about", True),
        (2201, 2000, "about", False),
    ],
)
def test_published_met(total, figure, kind, met):
    assert av.published_met(total, figure, kind) is met


def test_outreach_wide_fills_missing_activities_with_zero():
    outreach = pd.DataFrame(
        {"year": [2020, 2021], "activity": ["lecture", "trainee"], "events": [3, 4]}
    )
    wide = av.outreach_wide(outreach)
    assert list(wide.columns) == ["year", *av.ACTIVITIES]
    assert wide.loc[0, ["lecture", "trainee", "expert_clinic"]].tolist() == [3, 0, 0]


@pytest.mark.parametrize(("value", "text"), [(7.56, "7.6"), (184.44, "184"), (float("nan"), "—")])
def test_density_text(value, text):
    assert av.density_text(value) == text


def test_alliance_map_layers():
    features = {"type": "FeatureCollection", "features": []}
    labels = {
        k: k
        for k in (
            "density",
            "footprint",
            "gap",
            "links",
            "core",
            "children",
            "no_data",
            "joined",
            "hover_gap",
            "hover_no_member",
        )
    } | {"hover_members": str, "kind": str, "tier": str, "cooperation": str}
    labels |= {"colon": "：", "paren": lambda text: f"（{text}）"}
    members = MEMBERS.assign(
        name="x", county_name="c", city_name="m", joined_on=pd.Timestamp("2020-01-01")
    )
    counties = COUNTIES.astype({"children": "Int64"})  # a county without census population: <NA>
    figure = av.alliance_map(features, counties, members, labels, "zh")
    names = [trace.name for trace in figure.data]
    assert "footprint（1）" in names and "gap（3）" in names and "core" in names
    gap = next(t for t in figure.data if t.type == "choropleth" and t.legendgroup == "gap（3）")
    assert list(gap.locations) == ["100002", "100003", "100004"]
    markers = [
        t
        for t in figure.data
        if t.type == "scattergeo" and t.mode == "markers" and t.customdata is not None
    ]
    assert sum(len(t.lon) for t in markers) == 5
    density = next(
        t for t in figure.data if t.type == "choropleth" and t.z is not None and len(t.z) == 5
    )
    assert "—" in density.hovertext[3]


# --- the page against the demo database ----------------------------------------------------


def metric(app, start: str) -> str:
    return next(m.value for m in app.metric if m.label.startswith(start))


def table_with(app, column: str) -> pd.DataFrame:
    return next(d.value for d in app.dataframe if column in d.value.columns)


def chart_data(app, trace_type: str) -> list[dict]:
    for chart in app.get("plotly_chart"):
        data = json.loads(chart.proto.spec)["data"]
        if any(trace["type"] == trace_type for trace in data):
            return data
    return []


def test_default_opens_on_the_largest_reported_alliance(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, PAGE)
    assert errors(app) == []
    assert app.selectbox(key="w_alliance").value == "SX"
    assert app.multiselect(key="w_compare").value == REPORTED
    assert metric(app, "成员数") == "246"
    assert "公布成员数：246 家" in texts(app) and "公开报道的联盟" in texts(app)
    assert dict(app.query_params) == {}
    compare = table_with(app, "编号")
    assert list(compare["编号"]) == REPORTED


def test_huaihai_profile_reaches_4_provinces_11_cities_52_counties(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, PAGE, alliance="HH")
    assert errors(app) == []
    assert metric(app, "覆盖") == "4 / 11 / 52"
    assert metric(app, "成员数") == "103"
    assert "公布成员数：103 家" in texts(app)
    children = scalar(
        demo,
        """SELECT sum(pop_0_14) FROM regions WHERE adcode IN (SELECT DISTINCT h.county_adcode
        FROM alliance_members m JOIN hospitals h USING (hospital_id) WHERE m.alliance_id = 'HH')""",
    )
    assert metric(app, "有成员区县的儿童") == f"{children / 1e4:,.1f}万"


def test_huaihai_gap_table_and_map(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, PAGE, alliance="HH")
    # The gap is measured over the footprint: 徐州 and every city holding an active member.
    expected = rows(
        demo,
        """WITH active AS (SELECT h.county_adcode, r.city_adcode FROM alliance_members m
               JOIN hospitals h USING (hospital_id) JOIN regions r ON r.adcode = h.county_adcode
               WHERE m.alliance_id = 'HH' AND m.joined_on <= DATE '2024-12-31'
                 AND (m.left_on IS NULL OR m.left_on > DATE '2024-12-31'))
        SELECT r.adcode, r.pop_0_14 FROM regions r WHERE r.level = 'county'
          AND (r.city_adcode = '320300' OR r.city_adcode IN (SELECT city_adcode FROM active))
          AND r.adcode NOT IN (SELECT county_adcode FROM active)
        ORDER BY r.pop_0_14 DESC, r.adcode""",
    )
    assert len({code[:4] for code, _ in expected}) >= 10  # not 徐州 alone
    assert "联盟覆盖范围（徐州市及有成员的全部 11 个地市，涉及 4 个省）" in texts(app)
    gap = table_with(app, "每平方公里儿童")
    assert list(zip(gap["区县代码"], gap["0–14 岁儿童"], strict=True)) == expected
    data = chart_data(app, "choropleth")
    drawn = {loc for t in data if t["type"] == "choropleth" for loc in t.get("locations", [])}
    provinces = {"320000", "370000", "410000", "340000"}  # outlined: the alliance crosses provinces
    counties = scalar(
        demo,
        "SELECT count(*) FROM regions WHERE level = 'county' AND province_adcode IN "
        "('320000', '370000', '410000', '340000')",
    )
    assert provinces <= drawn and len(drawn - provinces) == counties
    outlined = next(
        t
        for t in data
        if t["type"] == "choropleth" and t.get("legendgroup", "").startswith("招募空白")
    )
    assert sorted(outlined["locations"]) == sorted(code for code, _ in expected)
    markers = [t for t in data if t["type"] == "scattergeo" and t.get("customdata")]
    assert sum(len(t["customdata"]) for t in markers) == 104  # 103 members and the core


def test_baoding_outreach_totals_next_to_published_figures(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, PAGE, alliance="BD")
    assert errors(app) == []
    totals = table_with(app, "数据合计").set_index("帮扶活动")
    assert list(totals.columns[:1]) == ["数据合计"]  # the activity pinned (the index), total next
    for activity, label, published in (
        ("expert_clinic", "下派专家出诊", 1200),
        ("lecture", "培训讲座", 180),
        ("technique", "推广适宜技术", 30),
    ):
        total = scalar(
            demo,
            "SELECT sum(count) FROM outreach WHERE alliance_id = 'BD' AND activity = ?",
            [activity],
        )
        assert totals.loc[label, "数据合计"] == total
        assert (
            totals.loc[label, "公开报道"] == published and totals.loc[label, "报道口径"] == "不少于"
        )
        assert totals.loc[label, "核对"] == "✓ 相符"
    assert list(totals.loc[["下派专家出诊", "培训讲座", "推广适宜技术"], "数据合计"]) == [
        1237,
        186,
        31,
    ]
    assert any("1,200 余次" in c.value for c in app.caption)


def test_link_reproduces_alliance_and_comparison(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, PAGE, alliance="HH", compare="JX,BD")
    assert errors(app) == []
    assert app.selectbox(key="w_alliance").value == "HH"
    assert app.multiselect(key="w_compare").value == ["JX", "BD"]
    assert app.query_params["alliance"] == "HH" and app.query_params["compare"] == "JX,BD"
    shown = table_with(app, "编号")
    assert list(shown.columns[:2]) == ["联盟", "成员数"]  # the alliance pinned, members next
    compare = shown.set_index("编号")
    assert list(compare.index) == ["JX", "BD"]
    for alliance in ("JX", "BD"):
        assert compare.loc[alliance, "成员数"] == scalar(
            demo,
            "SELECT count(*) FROM alliance_members WHERE alliance_id = ? AND role <> 'core'",
            [alliance],
        )
    transports, km = rows(
        demo,
        """SELECT count(*), sum(distance_km) FROM transfers t JOIN alliances a
        ON a.core_hospital_id = t.to_hospital_id WHERE a.alliance_id = 'JX' AND year(t.dispatched_at) = 2024""",
    )[0]
    assert compare.loc["JX", "核心接收转运"] == transports == 468
    assert compare.loc["JX", "转运总里程（km）"] == pytest.approx(km)  # raw; the grid rounds


def test_comparison_measures_match_sql_for_the_chosen_year(monkeypatch, demo_db, demo):
    app = open_page(
        monkeypatch, demo_db, PAGE, lang="en", year=2022, alliance="JX", compare="SX,TJ"
    )
    assert errors(app) == []
    assert app.selectbox(key="w_alliance").value == "JX"
    compare = table_with(app, "Id").set_index("Id")
    active = "m.joined_on <= r.referred_on AND (m.left_on IS NULL OR m.left_on > r.referred_on)"
    for alliance in ("SX", "TJ"):
        sent = scalar(
            demo,
            f"""SELECT count(*) FROM referrals r JOIN alliance_members m ON m.hospital_id =
            r.from_hospital_id WHERE m.alliance_id = ? AND year(r.referred_on) = 2022 AND {active}""",
            [alliance],
        )
        children = scalar(
            demo,
            """SELECT sum(pop_0_14) FROM regions WHERE adcode IN (SELECT h.county_adcode
            FROM alliance_members m JOIN hospitals h USING (hospital_id) WHERE m.alliance_id = ?
            AND m.joined_on <= DATE '2022-12-31')""",
            [alliance],
        )
        up, down = rows(
            demo,
            f"""SELECT count(*) FILTER (WHERE direction = 'up'), count(*) FILTER (WHERE direction = 'down')
            FROM referrals r WHERE year(r.referred_on) = 2022 AND EXISTS (SELECT 1 FROM alliance_members m
            WHERE m.alliance_id = ? AND m.hospital_id IN (r.from_hospital_id, r.to_hospital_id) AND {active})""",
            [alliance],
        )[0]
        assert compare.loc[alliance, "Referrals sent by members"] == sent
        assert compare.loc[alliance, "Children in covered counties"] == children
        assert compare.loc[alliance, "Referrals per 1,000 children"] == pytest.approx(
            1000 * sent / children
        )
        assert compare.loc[alliance, "Downward share"] == pytest.approx(down / (up + down))
    members_2022 = scalar(
        demo,
        """SELECT count(*) FROM alliance_members WHERE alliance_id = 'JX'
        AND role <> 'core' AND joined_on <= DATE '2022-12-31'""",
    )
    assert metric(app, "Members (end of 2022)") == f"{members_2022:,}"


def test_synthetic_alliance_says_so(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, PAGE, alliance="P51")
    assert errors(app) == []
    assert "合成联盟（演示用）" in texts(app) and "生成目标：82 家（非报道数字）" in texts(app)


@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({"alliance": "ZZ"}, "alliance=ZZ"),
        ({"alliance": "hh"}, "alliance=hh"),
        ({"compare": "JX,NOPE"}, "compare=JX,NOPE"),
        ({"alliance": "'; DROP TABLE x"}, "alliance='; DROP TABLE x"),
    ],
)
def test_unknown_ids_fall_back_to_the_default_with_a_notice(monkeypatch, demo_db, params, bad):
    app = open_page(monkeypatch, demo_db, PAGE, **params)
    assert errors(app) == []
    assert any(bad in str(w.value) for w in app.warning), [w.value for w in app.warning]
    assert app.selectbox(key="w_alliance").value == "SX"
    assert app.multiselect(key="w_compare").value == REPORTED


def test_empty_comparison_is_explained_and_kept_in_the_link(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, PAGE, compare="-")
    assert errors(app) == []
    assert app.multiselect(key="w_compare").value == []
    assert any("至少选择一个联盟" in str(i.value) for i in app.info)
    assert app.query_params["compare"] == "-"


def test_widget_choices_go_into_the_url(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, PAGE)
    app.selectbox(key="w_alliance").set_value("BD").run()
    app.multiselect(key="w_compare").set_value(["HH", "SX"]).run()
    assert app.query_params["alliance"] == "BD" and app.query_params["compare"] == "HH,SX"
    assert metric(app, "成员数") == "133"
    app.selectbox(key="w_alliance").set_value("SX").run()
    assert "alliance" not in app.query_params


@pytest.mark.parametrize("alliance", [*REPORTED, "P51", "SH-C"])
def test_every_alliance_opens_with_its_reach_from_the_data(monkeypatch, demo_db, demo, alliance):
    app = open_page(monkeypatch, demo_db, PAGE, alliance=alliance, lang="en")
    assert errors(app) == []
    reach = rows(
        demo,
        """SELECT count(DISTINCT r.province_adcode), count(DISTINCT r.city_adcode), count(DISTINCT r.adcode)
        FROM alliance_members m JOIN hospitals h USING (hospital_id) JOIN regions r ON r.adcode = h.county_adcode
        WHERE m.alliance_id = ?""",
        [alliance],
    )[0]
    assert metric(app, "Provinces / cities / counties") == " / ".join(str(n) for n in reach)
    assert chart_data(app, "choropleth")

"""简报 Briefing: content built from the demo database, checked against hand-written SQL.

Each expected value below is computed here from the raw tables, not through the query files the
briefing uses, so a wrong query or a wrong formula shows up as a different number.
"""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from pedatlas import db, fmt
from pedatlas.briefing import rules
from pedatlas.briefing.generate import BriefingError, build_briefing, file_name, frame_runner
from pedatlas.briefing.html import render_html
from pedatlas.briefing.model import Bullets, Chart, Headline, Request, Scope, Section, Table
from pedatlas.briefing.registry import SECTIONS, SectionSpec
from pedatlas.briefing.sections import highlights, worst_served
from tests.helpers import rows, scalar
from tests.present.test_present_charts import sizes

TODAY = date(2026, 12, 1)
SCOPES = {"": "全国", "360000": "江西省", "360700": "赣州市"}


@pytest.fixture(scope="module")
def run(demo_db):
    connection = db.open_read_only(demo_db)
    yield frame_runner(connection)
    connection.close()


@pytest.fixture(scope="module")
def briefings(run):
    """The briefing of the nation, a province and a city in both languages (built once)."""
    return {
        (region, lang): build_briefing(run, Request(region, 2024, lang), TODAY)
        for region in SCOPES
        for lang in ("zh", "en")
    }


def section(briefing, key: str) -> Section:
    return next(s for s in briefing.sections if s.key == key)


def headline(briefing, title_zh: str) -> Headline:
    blocks = section(briefing, "headline").blocks
    return next(b for b in blocks if isinstance(b, Headline) and b.meta.title == title_zh)


def county_filter(region: str) -> str:
    if not region:
        return "TRUE"
    return f"(r.province_adcode = '{region}' OR r.city_adcode = '{region}')"


def physicians_per_1000(demo, region: str, year: int) -> float:
    where = county_filter(region)
    children = scalar(
        demo, f"SELECT sum(pop_0_14) FROM regions r WHERE level = 'county' AND {where}"
    )
    physicians = scalar(
        demo,
        f"""SELECT sum(x.ped_physicians) FROM hospital_resources x
            JOIN hospitals h USING (hospital_id) JOIN regions r ON r.adcode = h.county_adcode
            WHERE x.year = ? AND {where}""",
        [year],
    )
    return physicians * 1000 / children


def test_scopes_resolve_to_names_levels_and_comparison_years(briefings):
    for (region, lang), briefing in briefings.items():
        scope = briefing.scope
        assert (scope.level, scope.previous_year, scope.base_year) == (
            {"": "national", "360000": "province", "360700": "city"}[region],
            2023,
            2019,
        )
        expected = SCOPES[region] if region or lang == "zh" else "All China"
        assert scope.name == expected
        assert expected in briefing.title


@pytest.mark.parametrize("region", list(SCOPES))
def test_headline_rate_and_its_changes_equal_the_raw_tables(briefings, demo, region):
    now, before, base = (physicians_per_1000(demo, region, y) for y in (2024, 2023, 2019))
    figure = headline(briefings[(region, "zh")], "每千儿童儿科医师")
    assert figure.value == f"{now:.2f}"
    assert figure.change_previous == f"{(now - before) / before * 100:+.1f}%"
    assert figure.change_base == f"{(now - base) / base * 100:+.1f}%"
    assert (figure.meta.scope, figure.meta.year, figure.meta.unit) == (
        SCOPES[region],
        2024,
        "每千名 0–14 岁儿童",
    )


def test_children_headline_is_the_census_count_without_changes(briefings, demo):
    children = scalar(
        demo,
        "SELECT sum(pop_0_14) FROM regions WHERE province_adcode = '360000' AND level = 'county'",
    )
    figure = headline(briefings[("360000", "zh")], "0–14 岁儿童")
    assert figure.value == fmt.big_number(children, "zh") == "992.2万"
    assert figure.change_previous is None and figure.change_base is None
    assert "普查" in figure.meta.source


def test_base_year_briefing_has_no_changes(run):
    briefing = build_briefing(run, Request("360000", 2019, "zh"), TODAY)
    assert briefing.scope.previous_year is None and briefing.scope.base_year == 2019
    figures = [b for b in section(briefing, "headline").blocks]
    assert all(f.change_previous is None and f.change_base is None for f in figures)
    page = render_html(briefing)
    assert "较 " not in page and "较基期" not in page


def test_every_figure_carries_title_scope_year_unit_and_source(briefings):
    for briefing in briefings.values():
        labelled = [
            block
            for s in briefing.sections
            for block in s.blocks
            if isinstance(block, Headline | Chart | Table)
            or (isinstance(block, Bullets) and block.meta)
        ]
        assert len(labelled) >= 14
        for block in labelled:
            meta = block.meta
            assert meta.title and meta.unit and meta.source, block
            assert (meta.scope, meta.year) == (briefing.scope.name, 2024)


def test_sections_follow_the_registry_in_order(briefings):
    for briefing in briefings.values():
        assert [s.key for s in briefing.sections] == [spec.key for spec in SECTIONS]


def test_english_briefing_has_no_untranslated_keys(briefings):
    for lang in ("zh", "en"):
        page = render_html(briefings[("360700", lang)])
        assert "brief_" not in page.replace("pedatlas-resource-map-units", "")
    assert "Pediatricians per 1,000 children" in render_html(briefings[("", "en")])


def test_worst_served_national_list_equals_hand_ranking(briefings, demo):
    expected = rows(
        demo,
        """WITH c AS (
             SELECT r.adcode, r.name, r.pop_0_14 AS children,
                    coalesce(sum(x.ped_physicians), 0) AS physicians
             FROM regions r LEFT JOIN hospitals h ON h.county_adcode = r.adcode
             LEFT JOIN hospital_resources x ON x.hospital_id = h.hospital_id AND x.year = 2024
             WHERE r.level = 'county' GROUP BY ALL)
           SELECT name, physicians * 1000.0 / children FROM c WHERE children >= 10000
           ORDER BY physicians * 1000.0 / children, children DESC, adcode LIMIT 10""",
    )
    table = next(
        b for b in section(briefings[("", "zh")], "worst_served").blocks if isinstance(b, Table)
    )
    assert [(row[0], row[3]) for row in table.rows] == [
        (name, f"{rate:.2f}") for name, rate in expected
    ]


def test_worst_served_leaves_out_and_names_counties_with_few_children(briefings, demo):
    small = scalar(
        demo,
        "SELECT count(*) FROM regions WHERE level = 'county' AND pop_0_14 > 0 AND pop_0_14 < 10000",
    )
    blocks = section(briefings[("", "zh")], "worst_served").blocks
    note = next(b for b in blocks if isinstance(b, Bullets)).items[-1]
    assert f"（{small} 个：西沙区、南沙区" in note and "未列入" in note
    table = next(b for b in blocks if isinstance(b, Table))
    assert "西沙区" not in [row[0] for row in table.rows]


def test_counties_without_any_pediatrician_are_counted(briefings, demo):
    empty = rows(
        demo,
        """SELECT count(*), sum(children) FROM (
             SELECT r.pop_0_14 AS children, coalesce(sum(x.ped_physicians), 0) AS physicians
             FROM regions r LEFT JOIN hospitals h ON h.county_adcode = r.adcode
             LEFT JOIN hospital_resources x ON x.hospital_id = h.hospital_id AND x.year = 2024
             WHERE r.level = 'county' GROUP BY r.adcode, r.pop_0_14)
           WHERE physicians = 0 AND children >= 10000""",
    )[0]
    blocks = section(briefings[("", "zh")], "worst_served").blocks
    first = next(b for b in blocks if isinstance(b, Bullets)).items[0]
    assert first == (
        f"{empty[0]} 个区县（儿童均不少于1万人）没有一名儿科医师，共有儿童 {fmt.big_number(empty[1], 'zh')}。"
    )


def test_worst_served_builder_skips_a_tiny_county_with_no_doctor():
    counties = pd.DataFrame(
        {
            "adcode": ["100001", "100002", "100003"],
            "name": ["甲县", "乙县", "丙县"],
            "children": [500, 20_000, 40_000],
            "physicians": [0, 10, 12],
            "beds": [0, 30, 60],
            "member_hospitals": [0, 1, 0],
        }
    )
    worst, small = worst_served.ranked_counties(counties, 5)
    assert list(worst["name"]) == ["丙县", "乙县"]  # 0.30 then 0.50 per 1,000
    assert list(small["name"]) == ["甲县"]
    assert worst["physicians_per_1000"].round(4).tolist() == [0.3, 0.5]


def test_alliances_that_apply_to_a_scope(briefings):
    frame = pd.DataFrame(
        {
            "alliance_id": ["JX", "SX", "BD", "P36C"],
            "home_adcode": ["360000", "140000", "130600", "360700"],
            "members": [109, 246, 133, 5],
        }
    )

    def based(region, level):
        scope = Scope(region, "x", level, 2024, 2023, 2019, "zh")
        return list(highlights.alliances_based_in(frame, scope)["alliance_id"])

    assert based("360000", "province") == ["JX", "P36C"]
    assert based("360700", "city") == ["JX", "P36C"]
    assert based("130600", "city") == ["BD"]
    assert based("", "national") == ["SX", "BD", "JX", "P36C"]


def test_province_highlights_state_the_scope_figures(briefings, demo):
    briefing = briefings[("360000", "zh")]
    alliance_rows = next(
        b for b in section(briefing, "alliances").blocks if isinstance(b, Table)
    ).rows
    assert [row[0] for row in alliance_rows] == ["江西省儿童医疗联盟"]
    trips = scalar(
        demo,
        """SELECT count(*) FROM transfers t JOIN hospitals h ON h.hospital_id = t.from_hospital_id
           WHERE year(t.dispatched_at) = 2024 AND h.county_adcode LIKE '36%'""",
    )
    transport = section(briefing, "transport").blocks[0].items[0]
    assert transport.startswith(f"{trips:,} 次危重转运")


def test_equity_gini_equals_the_metric_on_raw_counties(briefings, demo):
    from pedatlas.metrics.equity import gini_coefficient

    counties = rows(
        demo,
        """SELECT r.pop_0_14, coalesce(sum(x.ped_physicians), 0) FROM regions r
           LEFT JOIN hospitals h ON h.county_adcode = r.adcode
           LEFT JOIN hospital_resources x ON x.hospital_id = h.hospital_id AND x.year = 2024
           WHERE r.level = 'county' AND r.province_adcode = '360000' GROUP BY r.adcode, r.pop_0_14""",
    )
    gini = gini_coefficient([c[1] for c in counties], [c[0] for c in counties])
    text = section(briefings[("360000", "zh")], "equity").blocks[0].items[0]
    assert f"基尼系数 {gini:.3f}" in text
    assert text.endswith(
        (
            "2019–2024 年医师分布差距在缩小。",
            "2019–2024 年医师分布差距在扩大。",
            "2019–2024 年医师分布差距基本不变。",
        )
    )


def test_national_map_shows_the_whole_territory_with_the_sea_line(briefings):
    chart = section(briefings[("", "zh")], "resource_map").blocks[0]
    geo = chart.figure["layout"]["geo"]
    assert geo["fitbounds"] is False
    assert (
        geo["lataxis"]["range"][0] <= 3.9 and geo["lataxis"]["range"][1] >= 53.6
    )  # 曾母暗沙 .. 漠河
    names = [trace.get("name") for trace in chart.figure["data"]]
    assert "南海诸岛" in names
    lats = [sizes(t["lat"]) for t in chart.figure["data"] if t.get("name") == "南海诸岛"]
    assert np.nanmin(np.concatenate(lats)) < 5  # the line's coordinates are a typed array
    units = chart.geo_assets["pedatlas-resource-map-units"]["features"]
    assert len(units) == 31 and "460000" in {f["id"] for f in units}
    context = next(
        t for t in chart.figure["data"] if t["type"] == "choropleth" and "不在统计" in t["name"]
    )
    assert sorted(context["locations"]) == ["710000", "810000", "820000"]


def test_city_map_draws_its_counties_only(briefings, demo):
    chart = section(briefings[("360700", "zh")], "resource_map").blocks[0]
    expected = [
        r[0]
        for r in rows(
            demo,
            "SELECT adcode FROM regions WHERE city_adcode = '360700' AND level = 'county' ORDER BY 1",
        )
    ]
    trace = chart.figure["data"][0]
    assert trace["locations"] == expected
    assert trace["geojson"] == "pedatlas-resource-map-units"
    assert (
        sorted(f["id"] for f in chart.geo_assets["pedatlas-resource-map-units"]["features"])
        == expected
    )


def test_unknown_region_and_year_are_refused_with_a_message(run):
    with pytest.raises(BriefingError, match="没有代码为 999999 的省或地市"):
        build_briefing(run, Request("999999", 2024, "zh"), TODAY)
    with pytest.raises(
        BriefingError, match="No data for 1999; years available: 2019, 2020, 2021, 2022, 2023, 2024"
    ):
        build_briefing(run, Request("360000", 1999, "en"), TODAY)


def test_file_names_say_scope_year_and_date(briefings):
    assert (
        file_name(briefings[("360000", "zh")].scope, TODAY, "pdf")
        == "简报_江西省_2024_20261201.pdf"
    )
    assert (
        file_name(briefings[("", "en")].scope, TODAY, "html")
        == "briefing_All-China_2024_20261201.html"
    )


def test_a_section_is_added_by_one_registry_entry(run):
    def year_note(scope, data):
        rate = data["summaries"][scope.year]["physicians"]
        return Section("year_note", "Year note", (Bullets((f"physicians {int(rate)}",)),))

    extra = SectionSpec("year_note", "brief_section_headline", ("summaries",), year_note)
    briefing = build_briefing(
        run, Request("360700", 2024, "zh"), TODAY, sections=[*SECTIONS[:1], extra]
    )
    assert [s.key for s in briefing.sections] == ["headline", "year_note"]
    assert 'id="year_note"' in render_html(briefing)


def test_progress_is_reported_for_every_section(run):
    seen = []
    build_briefing(
        run, Request("360700", 2024, "zh"), TODAY, progress=lambda f, m: seen.append((f, m))
    )
    assert len(seen) == len(SECTIONS) + 1
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)
    assert seen[2][1] == "生成：资源地图"


def test_rules_compare_with_previous_and_first_year():
    assert rules.previous_year(2024, (2019, 2023, 2024)) == 2023
    assert rules.previous_year(2019, (2019, 2020)) is None
    assert rules.base_year((2021, 2019, 2024)) == 2019


def test_an_equal_geojson_layer_is_written_once_and_aliased():
    from pedatlas.briefing.html import shared_assets_script
    from pedatlas.briefing.model import Meta

    layer = {"type": "FeatureCollection", "features": [{"id": "360102", "geometry": None}]}
    other = {"type": "FeatureCollection", "features": []}
    label = Meta("t", "南昌市", 2024, "u", "s")
    charts = [
        Chart(label, {}, geo_assets={"units": layer, "outline": other}),
        Chart(label, {}, geo_assets={"counties": dict(layer)}),
    ]
    script = shared_assets_script(charts)
    assert script.count('"360102"') == 1
    assert 'window.PlotlyGeoAssets["counties"] = window.PlotlyGeoAssets["units"];' in script
    assert (
        'window.PlotlyGeoAssets["outline"] = {"type":"FeatureCollection","features":[]};' in script
    )

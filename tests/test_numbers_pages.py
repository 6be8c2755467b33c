"""Numbers that mislead, as displayed: each class of fault checked on the page an official reads.

Expected values come from independent SQL over the demo database (children and pediatricians per
county), not from the page's own builders.
"""

import json
import re

from pedatlas.metrics.equity import gini_coefficient, theil_index
from tests.apptest_helpers import errors, open_page, texts

MAP = "pages/resource_map.py"
OVERVIEW = "pages/overview.py"

COUNTY_RATES = """
    SELECT r.adcode, r.name, r.city_adcode, r.province_adcode, r.pop_0_14 AS children,
           coalesce(sum(x.ped_physicians), 0) AS physicians,
           1000.0 * coalesce(sum(x.ped_physicians), 0) / r.pop_0_14 AS rate
    FROM regions AS r
    LEFT JOIN hospitals AS h ON h.county_adcode = r.adcode
    LEFT JOIN hospital_resources AS x ON x.hospital_id = h.hospital_id AND x.year = ?
    WHERE r.level = 'county' AND r.pop_0_14 > 0
    GROUP BY r.adcode, r.name, r.city_adcode, r.province_adcode, r.pop_0_14
"""
LEGEND = re.compile(r"^(?P<low>[\d,.]+%?)(?: – (?P<high>[\d,.]+%?))?（(?P<count>\d+)）$")


def county_rates(demo, year=2024):
    return demo.execute(COUNTY_RATES, [year]).df()


def figure(app, index=0) -> dict:
    return json.loads(app.get("plotly_chart")[index].proto.spec)


def legend_names(spec: dict) -> list[str]:
    return [t["name"] for t in spec["data"] if t.get("showlegend") and t.get("name")]


def number(text: str) -> float:
    return float(text.replace(",", "").rstrip("%"))


def class_ranges(names: list[str]) -> list[tuple[float, float, int]]:
    """(low, high, count) of every legend entry that is a class of values."""
    ranges = []
    for name in names:
        match = LEGEND.match(name)
        if match:
            low = number(match["low"])
            high = number(match["high"]) if match["high"] else low
            ranges.append((low, high, int(match["count"])))
    return ranges


def link_labels(app) -> list[str]:
    return [link.proto.label for link in app.get("page_link")]


# --- small denominators ---------------------------------------------------------------------


def test_national_county_map_flags_small_populations_instead_of_stretching_classes(
    monkeypatch, demo_db, demo
):
    app = open_page(monkeypatch, demo_db, MAP, level="county")
    assert errors(app) == []
    spec = figure(app)
    names = legend_names(spec)
    rates = county_rates(demo)
    small = rates[rates["children"] < 10_000]
    large = rates[rates["children"] >= 10_000]
    assert f"儿童少于1万，比率不稳定（{len(small)}）" in names
    ranges = class_ranges(names)
    # The top class ends at the largest rate over at least 10,000 children (渝中区), not 833.33.
    assert ranges[-1][1] == round(large["rate"].max(), 2)
    assert sum(count for *_, count in ranges) == len(large)
    # 西沙区 is drawn, with its raw rate and the flag in the hover text.
    trace = next(
        t for t in spec["data"] if t["type"] == "choropleth" and "460301" in t["locations"]
    )
    hover = trace["hovertext"][trace["locations"].index("460301")]
    xisha = rates.set_index("adcode").loc["460301", "rate"]
    assert xisha > 100 and f"{xisha:.2f}" in hover and "不参与分级与排名" in hover
    assert "灰蓝色单独标出" in texts(app)
    table = app.dataframe[0].value
    flagged = table.loc[
        table["备注"] != "", "区划代码" if "区划代码" in table else table.columns[1]
    ]
    assert len(flagged) == len(small)


def test_overview_lists_leave_small_populations_out_with_a_note(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, OVERVIEW, level="county")
    assert errors(app) == []
    large = county_rates(demo).query("children >= 10000")
    best = large.sort_values(["rate", "adcode"], ascending=[False, True]).head(5)
    labels = link_labels(app)
    assert [label.split("（")[0] for label in labels[:5]] == list(best["name"])
    assert not any("西沙区" in label for label in labels)
    assert "个儿童少于1万的地区未参与排名" in texts(app) and "西沙区" in texts(app)


def test_overview_offers_the_weakest_counties_of_a_province(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, OVERVIEW, region="360000", level="county")
    assert errors(app) == []
    assert app.radio(key="w_level").value == "county"
    jiangxi = county_rates(demo).query("province_adcode == '360000' and children >= 10000")
    worst = jiangxi.sort_values(["rate", "adcode"], ascending=[True, False]).head(5)
    names = [label.split(" · ")[0] for label in link_labels(app)[5:]]
    assert [name.split("（")[0] for name in names] == list(worst["name"])
    # Counties carry their city (names repeat across China) and link to the county on the map.
    assert all("市）" in name or "州）" in name or "盟）" in name for name in names)
    link = str(app.get("page_link")[5].proto)
    assert f"county={worst['adcode'].iloc[0]}" in link


# --- municipalities -------------------------------------------------------------------------


def test_one_level_below_beijing_is_its_sixteen_districts(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, MAP, region="110000")
    assert errors(app) == []
    assert app.selectbox(key="w_level").options == ["区县"]
    ranges = class_ranges(legend_names(figure(app)))
    assert sum(count for *_, count in ranges) == 16 and len(ranges) >= 3
    overview = open_page(monkeypatch, demo_db, OVERVIEW, region="110000")
    labels = link_labels(overview)
    assert len(labels) == 10 and not any(label.startswith("北京市") for label in labels)


# --- legends -------------------------------------------------------------------------------


def test_legends_never_show_empty_inverted_or_single_value_classes(monkeypatch, demo_db):
    views = [
        {"region": "360000", "metric": "target_share", "scheme": "target"},
        {"region": "360000", "metric": "members_per_county", "scheme": "quantiles"},
        {
            "region": "540000",
            "level": "county",
            "metric": "physicians_per_1000",
            "scheme": "natural_breaks",
        },
        {"level": "county", "metric": "children_per_physician", "scheme": "quantiles"},
    ]
    for params in views:
        app = open_page(monkeypatch, demo_db, MAP, **params)
        assert errors(app) == []
        names = legend_names(figure(app))
        ranges = class_ranges(names)
        assert ranges, (params, names)
        for low, high, count in ranges:
            assert count > 0 and low < high, (params, names)
        assert all(a[1] <= b[0] for a, b in zip(ranges, ranges[1:], strict=False)), (params, names)


def test_target_scheme_says_why_when_it_does_not_apply(monkeypatch, demo_db):
    app = open_page(
        monkeypatch, demo_db, MAP, region="360000", metric="beds_per_1000", scheme="target"
    )
    assert "本指标已改用分位数分级" in texts(app)


# --- trends and change labels ------------------------------------------------------------------


def test_equity_row_sentence_and_deltas_use_one_unit_and_name_their_base(
    monkeypatch, demo_db, demo
):
    app = open_page(monkeypatch, demo_db, "pages/equity.py")
    assert errors(app) == []
    series = []
    for year in range(2019, 2025):
        provinces = demo.execute(PROVINCE_TOTALS, [year]).df()
        series.append(
            (
                gini_coefficient(provinces["physicians"], provinces["children"]),
                theil_index(provinces["physicians"], provinces["children"]),
            )
        )
    gini = [g for g, _ in series]
    theil = [t for _, t in series]
    cells = {m.label: m for m in app.metric}
    assert cells["Gini 系数（省，2024）"].value == f"{gini[-1]:.3f}"
    assert cells["Theil T（省，2024）"].value == f"{theil[-1]:.4f}"
    assert cells["Gini 系数（省，2024）"].delta == f"{gini[-1] - gini[0]:+.3f}（与 2019 年相比）"
    sentence = next(
        m.value for m in app.markdown if "Gini 系数" in m.value and "Theil T" in m.value
    )
    assert f"{gini[0]:.3f}" in sentence and f"{theil[-1]:.4f}" in sentence
    # The word follows the documented rule: >= 5% change, or monotone >= 1%, for both measures.
    words = {"closing": "差距在缩小", "widening": "差距在扩大", "flat": "差距基本不变"}
    expected = [hand_direction(gini), hand_direction(theil)]
    word = expected[0] if expected[0] == expected[1] else "flat"
    assert sentence.startswith(words[word])


def hand_direction(values: list[float]) -> str:
    change = (values[-1] - values[0]) / values[0]
    steps = [b - a for a, b in zip(values, values[1:], strict=False)]
    monotone = all(s > 0 for s in steps) or all(s < 0 for s in steps)
    if abs(change) >= 0.05 or (monotone and abs(change) >= 0.01):
        return "closing" if change < 0 else "widening"
    return "flat"


PROVINCE_TOTALS = """
    SELECT r.province_adcode, sum(r.pop_0_14) AS children, sum(coalesce(s.physicians, 0)) AS physicians
    FROM regions AS r
    LEFT JOIN (SELECT h.county_adcode, sum(x.ped_physicians) AS physicians
               FROM hospitals h JOIN hospital_resources x USING (hospital_id)
               WHERE x.year = ? GROUP BY h.county_adcode) AS s ON s.county_adcode = r.adcode
    WHERE r.level = 'county' AND r.pop_0_14 > 0
    GROUP BY r.province_adcode
"""


def test_overview_and_planning_deltas_name_their_base(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, OVERVIEW)
    deltas = [m.delta for m in app.metric if m.delta]
    assert deltas and all(d.endswith("（较上年）") for d in deltas)
    planning = open_page(monkeypatch, demo_db, "pages/planning.py", region="630000", lang="en")
    labelled = [m for m in planning.metric if m.delta]
    assert labelled and all(m.delta.endswith(" (vs current sites)") for m in labelled)
    # Planning's figure is a supply per child, named so; the equity page's index keeps its name.
    assert "Member pediatricians in reach per 1,000 children (optimized)" in {
        m.label for m in planning.metric
    }


# --- flow maps zoom to the footprint -----------------------------------------------------------


def geo_ranges(app) -> list[tuple[list, list]]:
    ranges = []
    for chart in app.get("plotly_chart"):
        geo = json.loads(chart.proto.spec).get("layout", {}).get("geo", {})
        if geo.get("fitbounds") is False:
            ranges.append((geo["lonaxis"]["range"], geo["lataxis"]["range"]))
    return ranges


def test_an_alliance_flow_map_zooms_to_its_corridors(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, "pages/referrals.py", alliance="HH")
    assert errors(app) == []
    (lon, lat), *_ = geo_ranges(app)
    # 淮海: members around 114-120 °E, 33-36 °N (corridors may reach Beijing), not all of China.
    points = demo.execute(
        """SELECT min(h.lon), max(h.lon), min(h.lat), max(h.lat) FROM alliance_members m
           JOIN hospitals h USING (hospital_id) WHERE m.alliance_id = 'HH'"""
    ).fetchone()
    assert lon[0] <= points[0] and lon[1] >= points[1] and lon[1] - lon[0] < 15
    assert lat[0] <= points[2] and lat[1] >= points[3] and lat[1] - lat[0] < 15


def test_a_transport_centre_map_zooms_to_its_routes(monkeypatch, demo_db, demo):
    centre = demo.execute(
        "SELECT hospital_id FROM hospitals WHERE name = '江西省儿童医院'"
    ).fetchone()[0]
    app = open_page(monkeypatch, demo_db, "pages/transport.py", centre=centre)
    assert errors(app) == []
    (lon, lat), *_ = geo_ranges(app)
    extent = demo.execute(
        """SELECT min(h.lon), max(h.lon), min(h.lat), max(h.lat) FROM transfers t
           JOIN hospitals h ON h.hospital_id = t.from_hospital_id
           WHERE t.to_hospital_id = ? AND year(t.dispatched_at) = 2024""",
        [centre],
    ).fetchone()
    assert lon[0] <= extent[0] and lon[1] >= extent[1] and lon[1] - lon[0] < 15
    assert lat[0] <= extent[2] and lat[1] >= extent[3]


def test_equity_compares_a_municipality_by_its_districts(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/equity.py", region="310000")
    assert errors(app) == []
    assert app.selectbox(key="w_unit").options == ["区县"]
    assert [m.label for m in app.metric] == ["Gini 系数（区县，2024）", "Theil T（区县，2024）"]

"""The referral page: links reproduce the view, numbers shown equal SQL, bad links fall back."""

import json

import numpy as np
import pandas as pd
import pytest

from pedatlas.referrals import builders as referrals
from tests.apptest_helpers import errors, open_page
from tests.helpers import rows, scalar

PAGE = "pages/referrals.py"
# Independent of the page's query files: the home side of a referral is the sending hospital's
# county for up/lateral referrals and the receiving hospital's county for down referrals.
COUNT_SQL = """
SELECT count(*) FILTER (WHERE r.direction = 'up'), count(*) FILTER (WHERE r.direction = 'down'),
       count(*) FILTER (WHERE r.direction = 'lateral')
FROM referrals r
JOIN hospitals f ON f.hospital_id = r.from_hospital_id
JOIN hospitals t ON t.hospital_id = r.to_hospital_id
WHERE year(r.referred_on) = ?
  AND (? = '' OR left(CASE WHEN r.direction = 'down' THEN t.county_adcode ELSE f.county_adcode END, 2) = left(?, 2))
  AND (? = '' OR ? IN (r.from_hospital_id, r.to_hospital_id))
  AND (? = '' OR EXISTS (SELECT 1 FROM alliance_members m WHERE m.alliance_id = ?
                         AND m.hospital_id IN (r.from_hospital_id, r.to_hospital_id)
                         AND m.joined_on <= r.referred_on AND (m.left_on IS NULL OR m.left_on > r.referred_on)))
"""


def metric(app, label: str) -> str:
    return next(m.value for m in app.metric if m.label == label)


def counts(demo, year=2024, region="", alliance="", hospital="") -> tuple:
    return rows(demo, COUNT_SQL, [year, region, region, hospital, hospital, alliance, alliance])[0]


def test_default_view_shows_national_counts_from_the_data(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, PAGE)
    assert errors(app) == []
    up, down, lateral = counts(demo)
    assert (metric(app, "上转"), metric(app, "下转"), metric(app, "平转")) == (
        f"{up:,}",
        f"{down:,}",
        f"{lateral:,}",
    )
    assert metric(app, "下转/上转比") == f"{down / up:.2f}"
    assert dict(app.query_params) == {}


def monthly_axis(app) -> dict:
    specs = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    return next(s["layout"]["yaxis"] for s in specs if s["layout"].get("barmode") == "stack")


def test_monthly_chart_counts_in_wan_in_chinese(monkeypatch, demo_db, demo):
    """The national monthly bars pass 10,000: their axis reads 1万, not plotly's 10k."""
    app = open_page(monkeypatch, demo_db, PAGE)
    busiest = scalar(
        demo,
        "SELECT max(n) FROM (SELECT count(*) AS n FROM referrals "
        "WHERE year(referred_on) = 2024 GROUP BY month(referred_on))",
    )
    assert busiest >= 10_000
    axis = monthly_axis(app)
    assert "1万" in axis["ticktext"] and axis["tickvals"][-1] >= busiest
    assert not any(text.endswith("k") for text in axis["ticktext"])
    app.query_params["lang"] = "en"
    app.run()
    assert "ticktext" not in monthly_axis(app)


@pytest.mark.parametrize(
    "params",
    [
        {"region": "360000", "alliance": "JX"},
        {"hospital": "H000001", "year": "2023"},
        {"region": "140000", "alliance": "SX", "hospital": "H000002"},
    ],
)
def test_link_sets_the_pickers_and_the_counts(monkeypatch, demo_db, demo, params):
    app = open_page(monkeypatch, demo_db, PAGE, **params)
    assert errors(app) == []
    assert app.selectbox(key="w_alliance").value == params.get("alliance", "")
    assert app.selectbox(key="w_hospital").value == params.get("hospital", "")
    up, down, _ = counts(
        demo,
        int(params.get("year", 2024)),
        params.get("region", ""),
        params.get("alliance", ""),
        params.get("hospital", ""),
    )
    assert (metric(app, "上转"), metric(app, "下转")) == (f"{up:,}", f"{down:,}")
    assert dict(app.query_params) == params


def test_flow_controls_come_from_the_link(monkeypatch, demo_db, demo):
    app = open_page(
        monkeypatch,
        demo_db,
        PAGE,
        lang="en",
        flow_level="city",
        top="10",
        min="50",
        compare="alliance",
    )
    assert errors(app) == []
    assert app.radio(key="w_flow_level").value == "city"
    assert app.selectbox(key="w_top").value == 10
    assert app.select_slider(key="w_min").value == 50
    assert app.radio(key="w_compare").value == "alliance"
    corridors = next(d.value for d in app.dataframe if "Kind" in d.value.columns)
    assert len(corridors) == 10 and corridors["Referrals"].min() >= 50
    busiest = scalar(
        demo,
        """
        SELECT count(*) AS n FROM referrals r JOIN hospitals f ON f.hospital_id = r.from_hospital_id
        JOIN hospitals t ON t.hospital_id = r.to_hospital_id JOIN regions a ON a.adcode = f.county_adcode
        JOIN regions b ON b.adcode = t.county_adcode
        WHERE year(r.referred_on) = 2024 AND a.city_adcode <> b.city_adcode
        GROUP BY a.city_adcode, b.city_adcode ORDER BY n DESC LIMIT 1""",
    )
    assert corridors["Referrals"].iloc[0] == busiest


def test_service_areas_follow_the_plurality_of_upward_referrals(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, PAGE)
    table = next(d.value for d in app.dataframe if "本地化指数" in d.value.columns)
    areas = scalar(
        demo,
        """
        WITH n AS (SELECT f.county_adcode AS c, d.city_adcode AS city, count(*) AS k FROM referrals r
                   JOIN hospitals f ON f.hospital_id = r.from_hospital_id JOIN hospitals t ON t.hospital_id = r.to_hospital_id
                   JOIN regions d ON d.adcode = t.county_adcode
                   WHERE r.direction = 'up' AND year(r.referred_on) = 2024 GROUP BY ALL)
        SELECT count(DISTINCT city) FROM (SELECT city, row_number() OVER (PARTITION BY c ORDER BY k DESC, city) AS rank FROM n)
        WHERE rank = 1""",
    )
    assert len(table) == areas
    assert table["本地化指数"].between(0, 1).all()  # a raw share: the grid shows it as %
    assert any("LI(A_d)" in str(e.value) for e in app.markdown)


@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({"alliance": "NOPE"}, "alliance=NOPE"),
        ({"hospital": "H9999999"}, "hospital=H9999999"),
        ({"flow_level": "county"}, "flow_level=county"),
        ({"top": "7"}, "top=7"),
        ({"min": "abc"}, "min=abc"),
        ({"compare": "x"}, "compare=x"),
    ],
)
def test_bad_link_values_fall_back_with_a_notice(monkeypatch, demo_db, params, bad):
    app = open_page(monkeypatch, demo_db, PAGE, region="360100", **params)
    assert errors(app) == []
    assert any(bad in str(w.value) for w in app.warning), [w.value for w in app.warning]
    assert app.selectbox(key="w_alliance").value == ""
    assert app.selectbox(key="w_hospital").value == ""
    assert app.radio(key="w_flow_level").value == "province"
    assert (app.selectbox(key="w_top").value, app.select_slider(key="w_min").value) == (30, 0)
    assert dict(app.query_params) == {"region": "360100"}


# ---------------------------------------------------------------- pure builders of the page


def test_monthly_directions_fill_every_month_and_give_the_ratio():
    monthly = pd.DataFrame(
        {
            "month": [1, 1, 3, 3],
            "direction": ["up", "down", "up", "lateral"],
            "referrals": [10, 2, 4, 1],
        }
    )
    table = referrals.monthly_directions(monthly)
    assert table["month"].tolist() == list(range(1, 13))
    assert table.loc[0, ["up", "down", "lateral"]].tolist() == [10, 2, 0]
    assert table.loc[0, "down_up_ratio"] == 0.2 and table.loc[2, "down_up_ratio"] == 0.0
    assert pd.isna(table.loc[1, "down_up_ratio"])
    assert referrals.direction_totals(monthly) == {
        "up": 14,
        "down": 2,
        "lateral": 1,
        "all": 17,
        "down_up_ratio": 2 / 14,
    }


def test_share_table_adds_a_total_row_with_raw_shares():
    shares = pd.DataFrame(
        [("down", 3, 1, 1, 2), ("up", 7, 3, 2, 5)],
        columns=["direction", "referrals", "same_alliance", "same_county", "same_province"],
    )
    table = referrals.share_table(shares, lambda key: key)
    assert table["referrals"].tolist() == [7, 3, 0, 10]
    assert table.iloc[3, 2:].tolist() == [0.4, 0.3, 0.7]  # the grid shows them as %
    assert referrals.share_totals(shares) == {
        "same_alliance": 0.4,
        "same_county": 0.3,
        "same_province": 0.7,
    }


@pytest.mark.parametrize(
    ("origin", "destination", "kind"),
    [
        ("360000", "360000", "within"),
        ("360000", "110000", "beijing"),
        ("320000", "310000", "shanghai"),
        ("110000", "360000", "cross"),
    ],
)
def test_corridor_kind(origin, destination, kind):
    assert referrals.corridor_kind(origin, destination) == kind


def test_net_flow_classes_split_at_the_median_absolute_flow():
    classes, ranges = referrals.net_flow_classes(pd.Series([-10, -2, 0, 3, 8, float("nan")]))
    assert classes.tolist() == [0, 1, 2, 3, 4, -1]
    assert ranges == [(-10.0, -5.5), (-5.5, 0.0), (0.0, 0.0), (0.0, 5.5), (5.5, 8.0)]


def test_sankey_nodes_are_stacked_in_proportion():
    centres, pad = referrals.node_layout([pd.Series([1, 1])], 100, slot=0, gap=0)
    assert centres == [[0.25, 0.75]] and pad == 0
    centres, pad = referrals.node_layout([pd.Series([3, 1])], 100, slot=0, gap=4)
    assert centres == [[0.36, 0.88]] and pad == 4


def test_sankey_small_nodes_keep_room_for_their_labels():
    # two tiny levels under a large one: each still gets slot pixels, so labels do not meet
    height, slot, gap = 380, 12, 14
    centres, pad = referrals.node_layout(
        [pd.Series([5000, 40, 20, 3]), pd.Series([10, 4000, 1000, 53])], height, slot, gap
    )
    for column in centres:
        pixels = np.array(column) * height
        assert (np.diff(pixels) >= slot + gap - 0.01).all()
        assert pixels[-1] <= height
    # plotly's node scale with that pad, (height - 3 pads) / the larger total, is the one used
    scale = (height - 3 * pad) / 5063
    assert abs(max(5000 * scale, slot) / 2 - centres[0][0] * height) < 0.5


def test_sankey_draws_from_left_levels_to_right_levels():
    tiers = pd.DataFrame(
        [("county", "city", "up", 5), ("city", "county", "down", 2)],
        columns=["from_level", "to_level", "direction", "referrals"],
    )
    sankey = referrals.sankey_figure(tiers, lambda key: key).data[0]
    assert list(sankey.node.label) == ["referrals_level_county", "referrals_level_city"] * 2
    assert (list(sankey.link.source), list(sankey.link.target), list(sankey.link.value)) == (
        [1, 0],
        [2, 3],
        [2, 5],
    )

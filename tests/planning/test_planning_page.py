"""The planning page: the MCLP scenario of a link, its numbers against the pure functions."""

import pytest

from pedatlas import db, fmt
from pedatlas.planning import builders as pv
from tests.apptest_helpers import errors, open_page, texts

PLANNING = "pages/planning.py"

# PuLP 3.3 flags its own v4 migration when spopt builds the model; the solver still runs.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Constructing LpVariable:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:PULP_CBC_CMD is deprecated:DeprecationWarning"),
]


def scenario(demo_db, year: int, region: str, add: str, k: int, radius_km: int):
    """plan_scenario on the same query results the page reads."""
    connection = db.open_read_only(demo_db)
    try:
        counties = db.run_query(connection, "equity/county_resources", scope="")
        hospitals = db.run_query(connection, "equity/hospitals", year=year)
        candidates = db.run_query(
            connection, "planning/candidates", year=year, scope=region, add=add
        )
    finally:
        connection.close()
    counties = counties[counties["year"] == year].reset_index(drop=True)
    return pv.plan_scenario(counties, hospitals, candidates, region, add, k, radius_km)


def metric(app, label: str) -> str:
    return next(m.value for m in app.metric if m.label == label)


def chosen_ids(app, plan_label: str) -> list[str]:
    sites = app.dataframe[1].value
    return sorted(sites.loc[sites["方案"] == plan_label, "医院编号"])


def test_national_scope_asks_for_a_province(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, PLANNING)
    assert errors(app) == []
    assert any("请在左侧选择一个省份" in str(info.value) for info in app.info)
    assert len(app.dataframe) == 0


def test_qinghai_members_link_beats_the_naive_pick_and_shows_the_pure_results(monkeypatch, demo_db):
    app = open_page(
        monkeypatch, demo_db, PLANNING, region="630000", add="members", k=3, radius_km=50
    )
    assert errors(app) == []
    inputs, plan, measures = scenario(demo_db, 2024, "630000", "members", 3, 50)
    optimized = sorted(inputs.columns.iloc[plan.optimized]["hospital_id"])
    naive = sorted(inputs.columns.iloc[plan.naive]["hospital_id"])
    assert chosen_ids(app, "优化选址") == optimized and len(optimized) == 3
    assert chosen_ids(app, "按规模挑选") == naive
    assert plan.covered_optimized >= plan.covered_naive
    new = plan.covered_optimized - plan.covered_before
    assert metric(app, "新增覆盖儿童（优化）") == fmt.integer(new)
    assert metric(app, "新增覆盖（按规模挑选）") == fmt.integer(
        plan.covered_naive - plan.covered_before
    )
    assert metric(app, "覆盖率（优化后）") == fmt.percent(
        measures.loc["optimized", "coverage_share"]
    )
    # Named for what it is (supply per child), unlike the equity page's index (1.0 = national mean).
    assert metric(app, "每千儿童可达成员医院儿科医师（优化后）") == fmt.rate(
        measures.loc["optimized", "access_per_1000"], 3
    )
    summary = app.dataframe[0].value
    assert list(summary.columns[:2]) == ["方案", "半径内儿童数"]  # the plan pinned, children next
    gini = summary.set_index("方案")["Gini（区县间可达资源）"]
    assert gini["现状"] == pytest.approx(measures.loc["before", "gini"])
    assert gini["优化选址"] == pytest.approx(measures.loc["optimized", "gini"])
    assert gini["按规模挑选"] == pytest.approx(measures.loc["naive", "gini"])


def test_link_reproduces_the_widgets(monkeypatch, demo_db):
    app = open_page(
        monkeypatch,
        demo_db,
        PLANNING,
        region="630000",
        add="nicu",
        k=5,
        radius_km=100,
        lang="en",
        year=2023,
    )
    assert errors(app) == []
    assert app.radio(key="w_add").value == "nicu"
    assert app.select_slider(key="w_k").value == 5
    assert app.select_slider(key="w_radius_km").value == 100
    sites = app.dataframe[1].value
    assert (sites["Plan"] == "Optimized").sum() == 5
    assert "hospitals with NICU beds that year" in texts(app)


def test_more_sites_than_candidates_are_capped_with_a_warning(monkeypatch, demo_db):
    inputs, _, _ = scenario(demo_db, 2024, "360100", "members", 20, 50)
    app = open_page(monkeypatch, demo_db, PLANNING, region="360100", k=20)
    assert errors(app) == []
    count = len(inputs.candidates)
    assert any(f"只有 {count} 家" in str(w.value) for w in app.warning)
    assert (app.dataframe[1].value["方案"] == "优化选址").sum() == count


@pytest.mark.parametrize(
    ("name", "value", "widget", "default"),
    [
        ("add", "beds", "w_add", "members"),
        ("k", "0", "w_k", 3),
        ("k", "many", "w_k", 3),
        ("radius_km", "55", "w_radius_km", 50),
        ("radius_km", "500", "w_radius_km", 50),
    ],
)
def test_bad_values_fall_back_with_a_notice(monkeypatch, demo_db, name, value, widget, default):
    app = open_page(monkeypatch, demo_db, PLANNING, region="630000", **{name: value})
    assert app.exception == []
    assert any(f"{name}={value}" in str(w.value) for w in app.warning)
    control = app.radio(key=widget) if widget == "w_add" else app.select_slider(key=widget)
    assert control.value == default


def test_choices_go_into_the_link(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, PLANNING, region="630000")
    app.radio(key="w_add").set_value("nicu").run()
    app.select_slider(key="w_k").set_value(4).run()
    assert app.query_params["add"] == "nicu" and app.query_params["k"] == "4"
    assert "radius_km" not in app.query_params


def test_choosing_a_province_at_national_scope_opens_its_scenario(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, PLANNING)
    app.selectbox(key="planning_province").set_value("630000").run()
    assert errors(app) == []
    assert app.query_params["region"] == "630000"
    assert app.selectbox(key="w_province").value == "630000"
    assert (app.dataframe[1].value["方案"] == "优化选址").sum() == 3


def test_nicu_scenario_reports_the_change_in_children_within_60_minutes(monkeypatch, demo_db):
    app = open_page(
        monkeypatch, demo_db, "pages/planning.py", region="360000", add="nicu", k=3, radius_km=50
    )
    assert errors(app) == []
    label = "60 分钟车程内可到达 NICU 的儿童占比"
    summary = next(frame.value for frame in app.dataframe if label in frame.value.columns)
    before, optimized = summary.set_index("方案")[label][["现状", "优化选址"]]
    assert 0 <= before <= optimized <= 1  # new NICU sites can only bring children closer

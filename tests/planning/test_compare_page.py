"""Planning scenarios side by side through links: each column equals the scenario run alone."""

import pytest

from tests.apptest_helpers import errors, open_page
from tests.planning.test_planning_page import scenario

PLANNING = "pages/planning.py"
pytestmark = [
    pytest.mark.filterwarnings("ignore:Constructing LpVariable:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:PULP_CBC_CMD is deprecated:DeprecationWarning"),
]
LINKED = "members-3-50,members-5-50,nicu-2-50"


def comparison(app):
    return next(d.value for d in app.dataframe if "新覆盖儿童" in d.value.columns)


def test_three_linked_scenarios_side_by_side_match_each_run_alone(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, PLANNING, region="630000", scenarios=LINKED)
    assert errors(app) == []
    assert app.multiselect(key="w_scenarios").value == LINKED.split(",")
    assert app.query_params["scenarios"] == LINKED
    table = comparison(app)
    assert list(table.columns[:2]) == ["方案", "新覆盖儿童"]  # the scenario pinned, children next
    table = table.set_index("方案")
    headings = ["新增 3 个成员 · 50 km", "新增 5 个成员 · 50 km", "新增 2 个 NICU 点 · 50 km"]
    assert list(table.index) == headings
    for heading, (add, k) in zip(
        headings, [("members", 3), ("members", 5), ("nicu", 2)], strict=True
    ):
        _, plan, measures = scenario(demo_db, 2024, "630000", add, k, 50)
        new = plan.covered_optimized - plan.covered_before
        assert table.at[heading, "新覆盖儿童"] == new  # raw: the grid writes the thousands
        after = measures.loc["optimized"]
        assert table.at[heading, "覆盖比例（方案后）"] == pytest.approx(after["coverage_share"])
        assert table.at[heading, "Gini（方案后）"] == pytest.approx(after["gini"])
        before = measures.loc["before", "access_per_1000"]
        change = (after["access_per_1000"] - before) / before
        assert table.at[heading, "可达性变化"] == pytest.approx(change)


def test_no_scenario_chosen_offers_the_current_one(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, PLANNING, region="630000", add="nicu", k=2, lang="en")
    assert errors(app) == []
    assert app.multiselect(key="w_scenarios").options == ["+2 NICU sites · 50 km"]
    assert any("No scenario chosen" in str(i.value) for i in app.info)


@pytest.mark.parametrize("bad", ["members-3-55", "beds-1-50", LINKED + ",members-1-10"])
def test_a_bad_scenario_link_says_so_and_compares_nothing(monkeypatch, demo_db, bad):
    app = open_page(monkeypatch, demo_db, PLANNING, region="630000", scenarios=bad)
    assert app.exception == []
    assert any("scenarios" in str(w.value) for w in app.warning)
    assert app.multiselect(key="w_scenarios").value == []

"""Planning scenarios side by side: the link text and the comparison, by hand."""

import pandas as pd
import pytest

from pedatlas.planning import scenarios


def test_scenarios_parse_from_and_write_back_to_the_link():
    parsed = scenarios.parse_scenarios("members-3-50, members-5-50,nicu-2-100,members-3-50")
    assert parsed == (
        scenarios.Scenario("members", 3, 50),
        scenarios.Scenario("members", 5, 50),
        scenarios.Scenario("nicu", 2, 100),
    )
    assert scenarios.scenarios_text(parsed) == "members-3-50,members-5-50,nicu-2-100"
    assert scenarios.parse_scenarios("") == ()


@pytest.mark.parametrize(
    "text",
    [
        "beds-3-50",
        "members-0-50",
        "members-3-55",
        "members-3",
        "members-x-50",
        "members-1-50,members-2-50,members-3-50,members-4-50",
    ],
)
def test_bad_scenarios_are_refused(text):
    with pytest.raises(ValueError):
        scenarios.parse_scenarios(text)


def measures(before, after):
    rows = {
        "before": {
            "sites_added": 0,
            "children_covered": before[0],
            "coverage_share": before[1],
            "gini": before[2],
            "theil": before[3],
            "access_per_1000": before[4],
        },
        "optimized": {
            "sites_added": after[0],
            "children_covered": after[1],
            "coverage_share": after[2],
            "gini": after[3],
            "theil": after[4],
            "access_per_1000": after[5],
        },
    }
    return pd.DataFrame.from_dict(rows, orient="index")


def test_compare_scenarios_lines_up_before_after_and_change():
    a = scenarios.Scenario("members", 3, 50)
    b = scenarios.Scenario("nicu", 2, 50)
    table = scenarios.compare_scenarios(
        [
            (a, measures((600, 0.6, 0.30, 0.10, 0.50), (3, 800, 0.8, 0.25, 0.08, 0.60))),
            (b, measures((400, 0.4, 0.40, 0.20, 0.20), (2, 500, 0.5, 0.40, 0.21, 0.25))),
        ]
    )
    assert table["scenario"].tolist() == ["members-3-50", "nicu-2-50"]
    assert table["children_new"].tolist() == [200, 100]
    assert table["coverage_change"].tolist() == pytest.approx([0.2, 0.1])
    assert table["gini_change"].tolist() == pytest.approx([-0.05, 0.0])
    assert table["theil_change"].tolist() == pytest.approx([-0.02, 0.01])
    assert table["access_change"].tolist() == pytest.approx([0.2, 0.25])
    assert table["sites_added"].tolist() == [3, 2]
    assert scenarios.best_scenario(table) == "members-3-50"
    assert scenarios.best_scenario(table.iloc[0:0]) is None

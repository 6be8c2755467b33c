"""The growth playback builders (coverage by year, summary, frames), by hand."""

import json

import pandas as pd
import pytest

from pedatlas.alliances import growth


def members():
    return pd.DataFrame(
        {
            "alliance_id": ["a", "a", "a", "b", "b"],
            "hospital_id": ["h1", "h2", "h3", "h1", "h4"],
            "county_adcode": ["c1", "c1", "c2", "c1", "c3"],
            "lon": [1.0, 1.1, 2.0, 1.0, 3.0],
            "lat": [1.0, 1.1, 2.0, 1.0, 3.0],
            "joined_on": pd.to_datetime(
                ["2018-03-01", "2019-12-31", "2019-06-01", "2020-01-01", "2018-05-01"]
            ),
            "left_on": pd.to_datetime([None, None, "2020-12-31", None, "2019-01-01"]),
        }
    )


def counties():
    return pd.DataFrame(
        {
            "adcode": ["c1", "c2", "c3", "c4"],
            "name": ["一", "二", "三", "四"],
            "children": [100, 50, 30, 20],
        }
    )


def test_active_at_year_end_counts_the_last_day_and_drops_leavers():
    active = growth.active_at_year_end(members(), 2019)
    # h2 joined on 31 Dec 2019 (active), h3 active, h4 left in Jan 2019, h1 in b joins 2020
    assert active.tolist() == [True, True, True, False, False]
    # left on 31 Dec 2020 is not active at the end of 2020
    assert growth.active_at_year_end(members(), 2020).tolist() == [True, True, False, True, False]


def test_county_coverage_by_year_with_first_year_covered():
    coverage = growth.county_coverage(members(), [2018, 2019, 2020])
    rows = [tuple(r) for r in coverage[["year", "adcode", "hospitals", "first_year"]].values]
    assert rows == [
        (2018, "c1", 1, 2018),
        (2018, "c3", 1, 2018),
        (2019, "c1", 2, 2018),
        (2019, "c2", 1, 2019),
        (2020, "c1", 2, 2020 - 2),
    ]


def test_growth_summary_per_year():
    summary = growth.growth_summary(members(), counties(), [2018, 2019, 2020])
    assert summary["alliances"].tolist() == [2, 1, 2]
    assert summary["hospitals"].tolist() == [2, 3, 2]  # h1 counts once in two alliances
    assert summary["joined"].tolist() == [2, 2, 1]
    assert summary["counties_covered"].tolist() == [2, 2, 1]
    assert summary["children_covered"].tolist() == [130.0, 150.0, 100.0]
    assert summary["coverage_share"].tolist() == pytest.approx([0.65, 0.75, 0.5])


def test_growth_animation_has_one_frame_per_year_with_new_counties_highlighted():
    labels = {
        "hospitals": "H",
        "new": "new",
        "earlier": "earlier",
        "play": "▶",
        "pause": "❚❚",
        "year": "Y",
        "colon": ": ",
    }
    figure = growth.growth_animation(
        {"type": "FeatureCollection", "features": []},
        counties(),
        members(),
        [2018, 2019, 2020],
        labels,
        lambda row: f"{row['year']}: {row['counties_covered']}",
    )
    assert [f.name for f in figure.frames] == ["2018", "2019", "2020"]
    second = figure.frames[1]
    assert second.layout.title.text == "2019: 2"
    covered = second.data[0]
    assert list(covered.locations) == ["c1", "c2"] and list(covered.z) == [0, 1]
    assert len(second.data[1].lon) == 3
    assert second.data[0].geojson is None  # the boundary layer is sent once, not per frame
    assert figure.layout.title.text == "2018: 2"
    assert [s["label"] for s in figure.layout.sliders[0].steps] == ["2018", "2019", "2020"]
    json.loads(figure.to_json())  # serialisable for the browser

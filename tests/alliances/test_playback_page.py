"""The alliances page's growth playback through links: one frame per year, figures by hand."""

import json

import pandas as pd

from pedatlas import db
from pedatlas.alliances import growth
from tests.apptest_helpers import errors, open_page

ALLIANCES = "pages/alliances.py"


def playback(app) -> dict | None:
    charts = [json.loads(c.proto.spec) for c in app.get("plotly_chart")]
    return next((c for c in charts if c.get("frames")), None)


def query(demo_db, name: str, **params) -> pd.DataFrame:
    connection = db.open_read_only(demo_db)
    try:
        return db.run_query(connection, name, **params)
    finally:
        connection.close()


def test_jiangxi_playback_has_a_frame_per_year_with_the_summary_of_each(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, ALLIANCES, region="360000", playback="all")
    assert errors(app) == []
    assert app.radio(key="w_playback").value == "all"
    spec = playback(app)
    members = query(demo_db, "alliances/spread", scope="360000", alliance="")
    counties = query(demo_db, "alliances/scope_counties", scope="360000")
    first = int(pd.to_datetime(members["joined_on"]).dt.year.min())
    years = list(range(first, 2025))
    assert [f["name"] for f in spec["frames"]] == [str(y) for y in years]
    summary = growth.growth_summary(members, counties, years).set_index("year")
    last = spec["frames"][-1]
    assert f"{summary.at[2024, 'hospitals']:,} 家医院" in last["layout"]["title"]["text"]
    assert f"覆盖 {summary.at[2024, 'counties_covered']} 个区县" in last["layout"]["title"]["text"]
    assert len(last["data"][0]["locations"]) == summary.at[2024, "counties_covered"]
    # the boundary layer travels once, with the base traces, not with every frame
    assert all("geojson" not in frame["data"][0] for frame in spec["frames"])
    assert [s["label"] for s in spec["layout"]["sliders"][0]["steps"]] == [str(y) for y in years]


def test_one_alliance_playback_in_english(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, ALLIANCES, alliance="JX", playback="alliance", lang="en")
    assert errors(app) == []
    spec = playback(app)
    members = query(demo_db, "alliances/spread", scope="360000", alliance="JX")
    assert len(spec["frames"]) == 2024 - int(pd.to_datetime(members["joined_on"]).dt.year.min()) + 1
    assert "Alliances spreading year by year: 江西省" in [str(s.value) for s in app.subheader]
    hospitals = members.drop_duplicates("hospital_id")
    assert spec["frames"][-1]["layout"]["title"]["text"].startswith(
        "2024: alliances 1 · hospitals "
    )
    assert len(hospitals) >= 109


def test_playback_is_off_unless_asked(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, ALLIANCES)
    assert errors(app) == []
    assert playback(app) is None
    assert "playback" not in app.query_params

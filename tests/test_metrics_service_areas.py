"""Plurality-rule service areas and the localization index against a hand-computed example."""

import json

import pandas as pd
import pytest
import shapely

from pedatlas import geometry
from pedatlas.metrics.service_areas import (
    county_localization,
    localization_index,
    plurality_areas,
)
from pedatlas.referrals import builders as referrals

# Five counties in three prefectures: 100101/100102 in 100100, 200101/200102 in 200100,
# 300101 in 300100. Hospitals receiving referrals sit in 100101, 200101 and 300101.
# fmt: off
FLOWS = pd.DataFrame(
    [("100101", "100101", "100100", 10), ("100101", "200101", "200100", 2),
     ("100102", "100101", "100100", 5), ("100102", "200101", "200100", 5),   # tie -> 100100
     ("200101", "200101", "200100", 7), ("200101", "300101", "300100", 3),
     ("300101", "300101", "300100", 4), ("300101", "200101", "200100", 1),
     ("300101", "100101", "100100", 1),
     ("200102", "200101", "200100", 2), ("200102", "300101", "300100", 2)],  # tie -> 200100
    columns=["origin_county", "dest_county", "dest_city", "referrals"],
)
# fmt: on


def test_plurality_assigns_each_county_to_its_top_receiving_prefecture():
    areas = plurality_areas(FLOWS)
    assert list(areas.itertuples(index=False, name=None)) == [
        ("100101", "100100", 10, 12, 10 / 12),
        ("100102", "100100", 5, 10, 0.5),
        ("200101", "200100", 7, 10, 0.7),
        ("200102", "200100", 2, 4, 0.5),
        ("300101", "300100", 4, 6, 4 / 6),
    ]


def test_plurality_tie_goes_to_the_lower_adcode_whatever_the_row_order():
    shuffled = FLOWS.iloc[::-1].reset_index(drop=True)
    areas = plurality_areas(shuffled).set_index("county")["area"]
    assert areas["100102"] == "100100" and areas["200102"] == "200100"


def test_plurality_sums_counties_of_one_prefecture_before_comparing():
    flows = pd.DataFrame(
        [("1", "a1", "A", 3), ("1", "a2", "A", 3), ("1", "b1", "B", 5)],
        columns=["origin_county", "dest_county", "dest_city", "referrals"],
    )
    assert plurality_areas(flows)["area"].tolist() == ["A"]


def test_county_without_referrals_belongs_to_no_area():
    flows = pd.concat(
        [FLOWS, pd.DataFrame([("300102", "300101", "300100", 0)], columns=FLOWS.columns)]
    )
    assert "300102" not in set(plurality_areas(flows)["county"])


def test_localization_index_per_area_is_the_share_kept_inside():
    areas = plurality_areas(FLOWS)
    index = localization_index(FLOWS, areas)
    # 100100 = {100101, 100102}: 22 referrals, kept 10 + 5; 200100 = {200101, 200102}: 14, kept
    # 7 + 2; 300100 = {300101}: 6, kept 4.
    assert list(index.itertuples(index=False, name=None)) == [
        ("100100", 2, 22, 15, 15 / 22),
        ("200100", 2, 14, 9, 9 / 14),
        ("300100", 1, 6, 4, 4 / 6),
    ]


def test_county_localization_index():
    result = county_localization(FLOWS, plurality_areas(FLOWS))
    assert dict(zip(result["county"], result["localization_index"], strict=True)) == pytest.approx(
        {"100101": 10 / 12, "100102": 0.5, "200101": 0.7, "200102": 0.5, "300101": 4 / 6}
    )


def test_referrals_into_an_unassigned_county_of_another_city_are_not_kept():
    flows = pd.DataFrame(
        [("1", "1", "A", 6), ("1", "9", "Z", 4)],
        columns=["origin_county", "dest_county", "dest_city", "referrals"],
    )
    index = localization_index(flows, plurality_areas(flows))
    assert index["localization_index"].tolist() == [0.6]


def test_empty_flows_give_empty_tables():
    empty = FLOWS.iloc[0:0]
    areas = plurality_areas(empty)
    assert areas.empty and list(areas.columns)[:2] == ["county", "area"]
    assert localization_index(empty, areas).empty


def test_hospital_city_counts_inside_its_area_even_when_its_districts_go_elsewhere():
    # b1 (in city B) sends most to A, so it joins area A; b2 still goes to B's hospitals in b1.
    flows = pd.DataFrame(
        [
            ("a1", "a1", "A", 3),
            ("b1", "a1", "A", 6),
            ("b1", "b1", "B", 4),
            ("b2", "b1", "B", 5),
            ("b2", "a1", "A", 1),
        ],
        columns=["origin_county", "dest_county", "dest_city", "referrals"],
    )
    areas = plurality_areas(flows)
    assert dict(zip(areas["county"], areas["area"], strict=True)) == {
        "a1": "A",
        "b1": "A",
        "b2": "B",
    }
    index = localization_index(flows, areas)
    assert list(index.itertuples(index=False, name=None)) == [
        ("A", 2, 13, 13, 1.0),
        ("B", 1, 6, 5, 5 / 6),
    ]


def test_area_colours_differ_between_neighbouring_areas():
    # a 4 x 4 grid of counties in four 2 x 2 blocks: every block touches two or three others
    counties = pd.DataFrame(
        [(f"{x}{y}", float(x), float(y), f"A{x // 2}{y // 2}") for x in range(4) for y in range(4)],
        columns=["adcode", "lon", "lat", "area"],
    )
    colour = dict(zip(counties["area"], referrals.area_colours(counties, "area"), strict=True))
    assert colour["A00"] != colour["A01"] and colour["A00"] != colour["A10"]
    assert colour["A11"] != colour["A01"] and colour["A11"] != colour["A10"]


def test_dissolved_features_merge_each_group_into_one_shape():
    shapes = pd.DataFrame(
        {
            "adcode": ["1", "2", "3"],
            "geom_wkb": [
                shapely.box(0, 0, 1, 1).wkb,
                shapely.box(1, 0, 2, 1).wkb,
                shapely.box(2, 0, 3, 1).wkb,
            ],
        }
    )
    merged = geometry.dissolved_features(shapes, {"1": "A", "2": "A"}, tolerance=0.0)
    assert [feature["id"] for feature in merged["features"]] == ["", "A"]
    area = shapely.from_geojson(json.dumps(merged["features"][1]["geometry"])).area
    assert area == pytest.approx(2.0)

"""Real geography and census in the built database: totals, coverage, shapes and points."""

import pandas as pd
import pytest
import shapely

from pedatlas.build.census import read_census
from pedatlas.build.regions import CENSUS_CSV
from tests.helpers import rows, scalar

NATIONAL_CHILDREN = 253_383_938


def test_regions_cover_mainland_levels(demo):
    counts = dict(rows(demo, "SELECT level, count(*) FROM regions GROUP BY 1"))
    assert counts["province"] == 31
    assert 2_840 <= counts["county"] <= 2_860
    assert 330 <= counts["city"] <= 340
    assert (
        scalar(demo, "SELECT count(*) FROM regions WHERE left(adcode, 2) IN ('71', '81', '82')")
        == 0
    )


def test_national_children_within_half_percent_of_census(demo):
    total = scalar(demo, "SELECT sum(pop_0_14) FROM regions WHERE level = 'county'")
    assert abs(total / NATIONAL_CHILDREN - 1) < 0.005


def test_each_province_within_one_percent_of_census(demo):
    census = read_census(CENSUS_CSV)
    published = census[census["level"] == "province"].set_index("census_code")["pop_0_14"]
    built = pd.Series(
        dict(
            rows(
                demo,
                "SELECT province_adcode, sum(pop_0_14) FROM regions WHERE level = 'county' GROUP BY 1",
            )
        )
    )
    ratio = built.reindex(published.index).astype(float) / published
    assert ((ratio - 1).abs() < 0.01).all(), ratio[(ratio - 1).abs() >= 0.01]


def test_only_kinmen_lacks_population_and_says_why(demo):
    missing = rows(
        demo, "SELECT adcode, pop_source FROM regions WHERE level = 'county' AND pop_0_14 IS NULL"
    )
    assert missing == [("350527", "none: not enumerated by the 2020 census")]


def test_every_county_has_shapes_and_a_point_inside(demo):
    counties = demo.execute(
        "SELECT r.adcode, r.lon, r.lat, s.geom_wkb FROM regions r JOIN region_shapes s ON s.adcode = r.adcode AND s.layer = 'county_fine' WHERE r.level = 'county'"
    ).df()
    assert len(counties) == scalar(demo, "SELECT count(*) FROM regions WHERE level = 'county'")
    shapes = shapely.from_wkb(counties["geom_wkb"].map(bytes).to_numpy())
    inside = shapely.contains_xy(shapes, counties["lon"], counties["lat"])
    assert inside.all(), counties.loc[~inside, "adcode"].tolist()


@pytest.mark.parametrize("layer", ["province", "city", "county", "county_fine", "context"])
def test_every_shape_is_valid_and_clockwise(demo, layer):
    wkb = [
        bytes(r[0])
        for r in rows(demo, "SELECT geom_wkb FROM region_shapes WHERE layer = ?", [layer])
    ]
    shapes = shapely.from_wkb(wkb)
    assert shapely.is_valid(shapes).all()
    oriented = shapely.orient_polygons(shapes, exterior_cw=True)
    assert shapely.equals_exact(shapes, oriented, tolerance=0).all()


def test_national_layers_include_context_and_sea_line(demo):
    context = {r[0] for r in rows(demo, "SELECT adcode FROM region_shapes WHERE layer = 'context'")}
    assert context == {"710000", "810000", "820000"}
    line = shapely.from_wkb(
        bytes(scalar(demo, "SELECT geom_wkb FROM region_shapes WHERE layer = 'sea_line'"))
    )
    assert line.geom_type == "MultiLineString" and len(line.geoms) == 10


def test_city_layer_is_every_prefecture_unit(demo):
    expected = scalar(
        demo, "SELECT count(DISTINCT city_adcode) FROM regions WHERE level = 'county'"
    )
    assert scalar(demo, "SELECT count(*) FROM region_shapes WHERE layer = 'city'") == expected


def test_every_hospital_lies_in_its_county_polygon(demo):
    hospitals = demo.execute(
        "SELECT h.hospital_id, h.lon, h.lat, s.geom_wkb FROM hospitals h JOIN region_shapes s ON s.adcode = h.county_adcode AND s.layer = 'county_fine'"
    ).df()
    assert len(hospitals) == scalar(demo, "SELECT count(*) FROM hospitals")
    shapes = shapely.from_wkb(hospitals["geom_wkb"].map(bytes).to_numpy())
    inside = shapely.contains_xy(shapes, hospitals["lon"], hospitals["lat"])
    assert inside.all(), hospitals.loc[~inside, "hospital_id"].head().tolist()


def test_national_resource_rates_match_published_levels(demo):
    physicians, beds = rows(
        demo,
        """SELECT sum(ped_physicians) * 1000.0 / (SELECT sum(pop_0_14) FROM regions WHERE level = 'county'),
                  sum(ped_beds) * 1000.0 / (SELECT sum(pop_0_14) FROM regions WHERE level = 'county')
           FROM hospital_resources WHERE year = 2024""",
    )[0]
    assert 0.6 <= physicians <= 0.9
    assert 2.3 <= beds <= 2.8


def test_some_counties_have_no_pediatrics(demo):
    empty = scalar(
        demo,
        """SELECT count(*) FROM (SELECT county_adcode FROM hospitals GROUP BY 1 HAVING sum(ped_physicians) = 0)""",
    )
    assert 50 <= empty <= 200


def test_referral_direction_follows_tiers_and_flows_mostly_up(demo):
    wrong = scalar(
        demo,
        """SELECT count(*) FROM referrals r JOIN hospitals f ON f.hospital_id = r.from_hospital_id
           JOIN hospitals t ON t.hospital_id = r.to_hospital_id
           WHERE r.direction <> CASE WHEN t.tier = f.tier THEN 'lateral'
             WHEN list_position(['未定级','一级','二级','三级'], t.tier) > list_position(['未定级','一级','二级','三级'], f.tier) THEN 'up' ELSE 'down' END""",
    )
    assert wrong == 0
    counts = dict(rows(demo, "SELECT direction, count(*) FROM referrals GROUP BY 1"))
    assert sum(counts.values()) >= 300_000
    assert counts["down"] < 0.3 * counts["up"]


def test_some_referrals_cross_province_lines_into_national_centres(demo):
    share = scalar(
        demo,
        """SELECT avg((left(f.county_adcode, 2) <> left(t.county_adcode, 2))::INT) FROM referrals r
           JOIN hospitals f ON f.hospital_id = r.from_hospital_id JOIN hospitals t ON t.hospital_id = r.to_hospital_id
           WHERE r.direction = 'up'""",
    )
    assert 0.02 < share < 0.15


def test_transfer_route_is_never_shorter_than_the_straight_line(demo):
    shorter = scalar(
        demo,
        """SELECT count(*) FROM transfers t JOIN hospitals f ON f.hospital_id = t.from_hospital_id
           JOIN hospitals c ON c.hospital_id = t.to_hospital_id
           WHERE t.distance_km < 0.99 * 2 * 6371.0088 * asin(sqrt(
             pow(sin(radians(c.lat - f.lat) / 2), 2) + cos(radians(f.lat)) * cos(radians(c.lat)) * pow(sin(radians(c.lon - f.lon) / 2), 2)))""",
    )
    assert shorter == 0
    assert scalar(demo, "SELECT count(*) FROM transfers WHERE arrived_at < dispatched_at") == 0

"""The briefing's change map: the base year to the briefing's year, checked against raw SQL."""

from datetime import date

import pytest

from pedatlas import db
from pedatlas.briefing.generate import build_briefing, frame_runner
from pedatlas.briefing.model import Chart, Request, Table
from tests.helpers import rows

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def run(demo_db):
    connection = db.open_read_only(demo_db)
    yield frame_runner(connection)
    connection.close()


def city_rates(demo, province: str, year: int) -> dict[str, float]:
    """Pediatricians per 1,000 children of each city of a province, straight from the tables."""
    found = rows(
        demo,
        """SELECT c.name, sum(x.ped_physicians) * 1000.0 / max(k.children)
           FROM regions c
           JOIN (SELECT city_adcode, sum(pop_0_14) AS children FROM regions
                 WHERE level = 'county' GROUP BY city_adcode) k ON k.city_adcode = c.adcode
           JOIN regions r ON r.city_adcode = c.adcode AND r.level = 'county'
           JOIN hospitals h ON h.county_adcode = r.adcode
           JOIN hospital_resources x ON x.hospital_id = h.hospital_id AND x.year = ?
           WHERE c.level = 'city' AND c.parent_adcode = ?
           GROUP BY c.name""",
        [year, province],
    )
    return dict(found)


def change_section(run, region: str, lang: str):
    briefing = build_briefing(run, Request(region, 2024, lang), TODAY)
    keys = [section.key for section in briefing.sections]
    assert keys.index("year_change") == keys.index("resource_map") + 1
    return next(s for s in briefing.sections if s.key == "year_change")


def test_jiangxi_change_map_and_moves_equal_the_raw_tables(run, demo):
    section = change_section(run, "360000", "zh")
    chart, moves = section.blocks
    assert isinstance(chart, Chart) and isinstance(moves, Table)
    assert chart.meta.title == "各地市每千儿童儿科医师：2019 → 2024 年变化"
    assert (chart.meta.scope, chart.meta.year) == ("江西省", 2024)
    before, after = city_rates(demo, "360000", 2019), city_rates(demo, "360000", 2024)
    changes = {name: after[name] - before[name] for name in after}
    biggest = sorted(changes, key=lambda name: -abs(changes[name]))[:5]
    assert moves.columns == ("地区", "2019", "2024", "变化")
    assert moves.rows == tuple(
        (n, f"{before[n]:.2f}", f"{after[n]:.2f}", f"{changes[n]:+.2f}") for n in biggest
    )
    regions = next(t for t in chart.figure["data"] if t["type"] == "choropleth")
    assert len(regions["locations"]) == 11
    legend = [t["name"] for t in chart.figure["data"] if t.get("showlegend")]
    assert len(legend) == 7 and legend[3].startswith("基本不变")


def test_national_change_map_keeps_the_official_base_map(run):
    section = change_section(run, "", "en")
    chart = section.blocks[0]
    assert chart.meta.title == "Pediatricians per 1,000 children by province: change 2019 → 2024"
    names = [t.get("name") for t in chart.figure["data"]]
    assert "South China Sea islands" in names  # the sea line is drawn
    geo = chart.figure["layout"]["geo"]
    assert geo["lataxis"]["range"][0] <= 4  # the southernmost islands are not cropped
    assert section.blocks[1].rows and len(section.blocks[1].rows) == 5


def test_no_change_map_in_the_base_year(run):
    briefing = build_briefing(run, Request("360000", 2019, "zh"), TODAY)
    assert "year_change" not in [section.key for section in briefing.sections]

"""The overview shows the scope's figures from the data, with changes and rankings."""

from tests.apptest_helpers import errors, open_page
from tests.helpers import scalar


def metric(app, label: str):
    return next(m for m in app.metric if m.label == label)


def test_overview_national_children_and_physician_rate(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db)
    assert errors(app) == []
    assert metric(app, "0–14 岁儿童").value == "2.5亿"
    physicians = scalar(
        demo, "SELECT sum(ped_physicians) FROM hospital_resources WHERE year = 2024"
    )
    children = scalar(demo, "SELECT sum(pop_0_14) FROM regions WHERE level = 'county'")
    assert metric(app, "每千儿童儿科医师").value == f"{physicians * 1000 / children:.2f}"


def test_overview_jiangxi_2024_transports_from_the_data(monkeypatch, demo_db, demo):
    app = open_page(monkeypatch, demo_db, region="360000")
    expected = scalar(
        demo,
        """SELECT count(*) FROM transfers t JOIN hospitals h ON h.hospital_id = t.from_hospital_id
           WHERE left(h.county_adcode, 2) = '36' AND year(t.dispatched_at) = 2024""",
    )
    assert metric(app, "危重转运").value == f"{expected:,}"


def test_overview_rankings_link_to_the_map(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, lang="en")
    links = app.get("page_link")
    assert len(links) == 10
    assert all("region=" in str(link.proto) and "lang" in str(link.proto) for link in links)

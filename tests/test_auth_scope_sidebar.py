"""The sidebar's region picker offers a scoped user only their scope: no "全国" for a province,
city or alliance scope (an alliance's whole reach is named after the alliance)."""

import pytest

from tests.apptest_helpers import errors, open_signed_in

MAP = "pages/resource_map.py"


def picker(app, key: str) -> list[str]:
    """The labels a sidebar selectbox offers ([] when it is not drawn)."""
    boxes = [box for box in app.sidebar.selectbox if box.key == key]
    return list(boxes[0].options) if boxes else []


def test_national_user_is_offered_all_china(monkeypatch, demo_db, tmp_path):
    app = open_signed_in(monkeypatch, demo_db, tmp_path / "state", "boss", "viewer", "national")
    assert errors(app) == []
    provinces = picker(app, "w_province")
    assert provinces[0] == "全国" and "江西省" in provinces and "北京市" in provinces


def test_province_scope_gets_its_province_and_cities_only(monkeypatch, demo_db, tmp_path):
    app = open_signed_in(
        monkeypatch, demo_db, tmp_path / "state", "jx", "viewer", "province:360000", MAP
    )
    assert errors(app) == []
    assert picker(app, "w_province") == ["江西省"]
    cities = picker(app, "w_city")
    assert cities[:2] == ["全省", "南昌市"] and len(cities) == 12  # Jiangxi's 11 cities
    assert app.selectbox(key="w_province").value == "360000"
    # the link cannot bring the whole country back either: region=100000 is all China
    app.query_params["region"] = "100000"
    app.run()
    assert picker(app, "w_province") == ["江西省"]
    assert app.selectbox(key="w_province").value == "360000"
    assert not any("全国" in label for label in picker(app, "w_province") + picker(app, "w_city"))


def test_city_scope_gets_its_city_only(monkeypatch, demo_db, tmp_path):
    app = open_signed_in(monkeypatch, demo_db, tmp_path / "state", "nc", "viewer", "city:360100")
    assert errors(app) == []
    assert picker(app, "w_province") == []  # no province to choose, and so no "全国"
    assert picker(app, "w_city") == ["南昌市"]
    assert app.query_params.get("region") == "360100"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_alliance_scope_names_its_whole_reach_after_the_alliance(
    monkeypatch, demo_db, tmp_path, lang
):
    app = open_signed_in(
        monkeypatch, demo_db, tmp_path / "state", "hh", "viewer", "alliance:HH", lang=lang
    )
    assert errors(app) == []
    provinces = picker(app, "w_province")
    assert provinces[0] == {"zh": "联盟 HH", "en": "alliance HH"}[lang]
    assert "全国" not in provinces and "All China" not in provinces
    assert "江苏省" in provinces and "北京市" not in provinces


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/referrals.py", "pages/equity.py"])
def test_an_alliance_users_pages_name_the_alliance_not_all_china(
    monkeypatch, demo_db, tmp_path, page
):
    app = open_signed_in(
        monkeypatch, demo_db, tmp_path / "state", "hh", "viewer", "alliance:HH", page
    )
    assert errors(app) == []
    scope_line = app.caption[0].value
    assert "联盟 HH" in scope_line and "全国" not in scope_line, scope_line

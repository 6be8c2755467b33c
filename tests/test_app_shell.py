"""The shell: every page opens, links reproduce the view, bad links fall back with a notice."""

import pytest

from pedatlas import navigation
from tests.apptest_helpers import errors, open_page, texts

PAGES = [page.script for page in navigation.available()]


@pytest.mark.parametrize("script", PAGES)
def test_page_opens_without_error(monkeypatch, demo_db, script):
    app = open_page(monkeypatch, demo_db, script)
    assert errors(app) == []


@pytest.mark.parametrize("script", PAGES)
def test_page_opens_in_english_for_a_province(monkeypatch, demo_db, script):
    app = open_page(monkeypatch, demo_db, script, lang="en", year=2023, region="360000")
    assert errors(app) == []
    assert app.radio(key="w_lang").value == "en"
    assert app.selectbox(key="w_year").value == 2023
    assert app.selectbox(key="w_province").value == "360000"


def test_link_with_city_scope_sets_province_and_city(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, region="360100")
    assert (app.selectbox(key="w_province").value, app.selectbox(key="w_city").value) == (
        "360000",
        "360100",
    )
    assert "南昌市" in texts(app)


@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({"year": "abc"}, "year=abc"),
        ({"year": "1999"}, "year=1999"),
        ({"region": "999999"}, "region=999999"),
        ({"lang": "fr"}, "lang=fr"),
        ({"region": "36'; DROP"}, "region=36'; DROP"),
        ({"nonsense": "1"}, "nonsense=1"),
    ],
)
def test_bad_link_falls_back_to_default_with_notice(monkeypatch, demo_db, params, bad):
    app = open_page(monkeypatch, demo_db, **params)
    assert app.exception == []
    assert any(bad in str(w.value) for w in app.warning), [w.value for w in app.warning]
    assert app.selectbox(key="w_year").value == 2024
    assert app.radio(key="w_lang").value == "zh"


def test_defaults_stay_out_of_the_url(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db)
    assert dict(app.query_params) == {}


def test_choices_go_into_the_url(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db)
    app.selectbox(key="w_year").set_value(2022).run()
    app.selectbox(key="w_province").set_value("140000").run()
    assert app.query_params["year"] == "2022" and app.query_params["region"] == "140000"


def test_missing_database_is_built_on_first_start_with_progress(monkeypatch, demo_db, tmp_path):
    import shutil

    from pedatlas import shell

    target = tmp_path / "fresh" / "pedatlas.duckdb"
    steps = []

    def fake_build(path, progress):
        progress(0.5, "生成医院 generating hospitals")
        steps.append(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(demo_db, path)

    monkeypatch.setattr(shell, "build_database", fake_build)
    app = open_page(monkeypatch, target)
    assert steps == [target] and target.exists()
    assert errors(app) == []
    assert len(app.metric) >= 10  # the overview renders on the freshly built database

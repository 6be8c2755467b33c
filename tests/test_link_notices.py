"""Link notices name the default in words and echo the link's value safely (short, no bidi)."""

from pedatlas import link_notices, state
from pedatlas.i18n import translate
from tests.apptest_helpers import open_page


def zh(key, **values):
    return translate(key, "zh", **values)


def en(key, **values):
    return translate(key, "en", **values)


def test_defaults_are_words_not_codes():
    words = link_notices.default_words
    assert words("resource_map", "metric", "physicians_per_1000", zh) == "每千儿童儿科医师数"
    assert words("resource_map", "hospitals", False, zh) == "关闭"
    assert words("resource_map", "hospitals", False, en) == "off"
    assert words("resource_map", "level", "", en) == "one level below the scope"
    assert words("resource_map", "region", "", zh) == "全国"
    assert words("alliances", "alliance", "", zh) == "已报道的最大医联体"
    assert words("referrals", "alliance", "", en) == "all alliances"
    assert words("referrals", "compare", "admin", zh) == "行政区划（地市）"
    assert words("equity", "catchment", 100, zh) == "100 km"
    assert words("referrals", "top", 30, zh) == "30"
    assert words("overview", "lang", "zh", en) == "中文 (Chinese)"


def test_shown_value_is_capped_and_has_no_direction_controls():
    hostile = "\u202eabc\u2066" + "x" * 5000 + "\u200f"
    shown = link_notices.clean_shown(hostile)
    assert len(shown) == link_notices.SHOWN_VALUE_MAX and shown.endswith("…")
    assert shown.startswith("abcxxx")
    assert all(char not in shown for char in "\u202e\u2066\u200f")


def test_shown_value_cannot_become_markdown():
    assert link_notices.shown("[x](http://e.com)") == r"\[x\](http\://e.com)"
    assert link_notices.shown("radius_km") == "radius_km"
    assert link_notices.shown(":red[boom]") == r"\:red\[boom\]"
    assert link_notices.shown("**b**") == r"\*\*b\*\*"


def warnings(app) -> list[str]:
    return [str(w.value) for w in app.warning]


def test_page_notices_say_the_default_in_words(monkeypatch, demo_db):
    app = open_page(
        monkeypatch,
        demo_db,
        "pages/resource_map.py",
        metric="nonsense",
        hospitals="maybe",
        level="planet",
        scheme="\u202e" + "z" * 5000,
    )
    shown = "\n".join(warnings(app))
    assert "每千儿童儿科医师数" in shown and "关闭" in shown and "范围的下一级" in shown
    assert "physicians_per_1000" not in shown and "False" not in shown and "（）" not in shown
    assert "\u202e" not in shown and len(shown) < 1000
    assert "分位数（各级数量相同）" in shown


def test_values_the_page_does_not_use_get_a_notice_and_leave_the_link(monkeypatch, demo_db):
    app = open_page(
        monkeypatch,
        demo_db,
        "pages/resource_map.py",
        region="360000",
        level="province",
        county="110101",
    )
    shown = "\n".join(warnings(app))
    assert "level=province" in shown and "在当前范围内不可选" in shown
    assert "110101" in shown and "不在当前范围内或不存在" in shown
    assert "level" not in app.query_params and "county" not in app.query_params
    assert app.query_params["region"] == "360000"


def test_unknown_county_gets_a_notice(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/resource_map.py", county="999999")
    assert any("999999" in text for text in warnings(app))
    assert "county" not in app.query_params


def test_county_table_shows_words_not_column_ids(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/resource_map.py", region="360100", county="360121")
    headers = [list(frame.value.columns) for frame in app.dataframe]
    county_table = next(h for h in headers if "医院编号" in h)
    assert county_table[:2] == ["名称", "儿科医师"]
    assert not any(h in county_table for h in ("hospital_id", "ped_physicians", "is_synthetic"))
    regions = headers[-1]
    assert regions[0] == "地区" and regions[1].startswith("每千儿童儿科医师数")
    # In one city's scope the parent city and the county count (1) are constant: left out.
    assert "所属地市" not in regions and "区县数" not in regions


def test_repeated_list_items_are_kept_once_with_a_notice():
    params = state.params_for("alliances")
    allowed = {"compare": ("", "-", "JX", "BD", "HH")}
    parsed, notices = state.parse_params({"compare": "JX,JX,BD,JX,BD"}, params, allowed)
    assert parsed["compare"] == "JX,BD"
    assert notices == [state.Notice("compare", "JX,BD", "JX,BD", "notice_duplicates")]
    parsed, notices = state.parse_params({"compare": "HH,JX"}, params, allowed)
    assert parsed["compare"] == "HH,JX" and notices == []


def test_repeated_alliances_in_compare_get_a_notice_and_a_clean_link(monkeypatch, demo_db):
    app = open_page(monkeypatch, demo_db, "pages/alliances.py", compare="JX,JX,BD")
    assert app.exception == []
    shown = warnings(app)
    assert shown == [zh("notice_duplicates", name="compare", value="JX")], shown
    assert app.multiselect(key="w_compare").value == ["JX", "BD"]
    assert app.query_params["compare"] == "JX,BD"  # the link written back is cleaned
    # the same in English; and repeats of the reported default leave the link without compare
    reported = "SX,BD,JX,HH,QH,HN,XH,BCH,FZ,SER,TJ,UR"
    app = open_page(monkeypatch, demo_db, "pages/alliances.py", lang="en", compare=reported + ",SX")
    assert warnings(app) == [en("notice_duplicates", name="compare", value="SX")]
    assert "compare" not in app.query_params

"""Every table of the app goes one way (ui.data_table): the name pinned first, the measure next,
numbers formatted by the grid, and CSV/XLSX downloads with the raw typed values and a note sheet.

One case per page view: the tables it shows, each by its first and second column headers.
"""

import io
import json
from dataclasses import dataclass, field

import openpyxl
import pandas as pd
import pytest

from pedatlas import ui
from tests.apptest_helpers import deferred_downloads, errors, open_page

pytestmark = [  # the planning page solves its scenarios with PuLP
    pytest.mark.filterwarnings("ignore:Constructing LpVariable:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:PULP_CBC_CMD is deprecated:DeprecationWarning"),
]


@dataclass(frozen=True)
class Case:
    page: str
    tables: tuple[tuple[str, str], ...]  # (first header, second header) of each table
    params: dict = field(default_factory=dict)


CASES = {
    "referrals": Case(
        "pages/referrals.py",
        (
            ("方向", "转诊人次"),
            ("转诊走廊", "转诊人次"),
            ("地区", "净流入"),
            ("转出层级 \\ 转入层级", "基层（社区/乡镇）"),
            ("服务区（地市）", "本地化指数"),
        ),
    ),
    "referrals_en": Case(  # headers in the reader's language, on screen and in the files
        "pages/referrals.py",
        (
            ("Direction", "Referrals"),
            ("Corridor", "Referrals"),
            ("Region", "Net inflow"),
            ("Service area (prefecture)", "Localization index"),
        ),
        {"lang": "en"},
    ),
    "equity_inequality": Case("pages/equity.py", (("年份", "Gini"),), {"region": "360000"}),
    "equity_access": Case(
        "pages/equity.py", (("区县", "可达性指数"),), {"section": "access", "region": "360000"}
    ),
    "equity_coverage": Case(
        "pages/equity.py",
        (("站点类型", "50 km 内儿童占比"),),
        {"section": "coverage", "region": "630000"},
    ),
    "equity_hotspots": Case(
        "pages/equity.py", (("区县", "聚类"),), {"section": "hotspots", "region": "360000"}
    ),
    "equity_time": Case(
        "pages/equity.py", (("地区", "超过 60 分钟"),), {"section": "time", "care": "nicu"}
    ),
    "equity_service_areas": Case(
        "pages/equity.py",
        (("划分方式", "平均 LI"), ("单位", "LI"), ("医联体", "重合度")),
        {"section": "service_areas"},
    ),
    "alliances_gap": Case(
        "pages/alliances.py",
        (("医院", "合作方式"), ("区县", "0–14 岁儿童"), ("联盟", "成员数")),
        {"alliance": "HH"},
    ),
    "alliances_outreach": Case(
        "pages/alliances.py",
        (("帮扶活动", "数据合计"), ("年份", "年底成员数"), ("年份", "下派专家出诊")),
        {"alliance": "BD"},
    ),
    "resource_map_change": Case(
        "pages/resource_map.py", (("地区", "变化"),), {"region": "360000", "since": 2019}
    ),
    "transport": Case(
        "pages/transport.py",
        (
            ("距离圈", "0–14 岁儿童"),
            ("区县", "直线距离 km"),
            ("转出医院", "每公里分钟"),
        ),
        {"region": "360000"},
    ),
    "data_quality": Case("pages/data.py", (("表", "合计"), ("表", "行数")), {"tab": "quality"}),
    "planning": Case(
        "pages/planning.py",
        (
            ("方案", "半径内儿童数"),
            ("医院", "可覆盖的原未覆盖儿童（站点间可能重叠）"),
            ("项目", "设置"),
            ("方案", "新覆盖儿童"),
        ),
        {"region": "630000", "scenarios": "members-3-50,nicu-2-50"},
    ),
}


def test_there_is_one_table_path():
    assert not hasattr(ui, "table_downloads")  # every table goes through ui.data_table


def grid(frame) -> dict:
    """The grid's settings of a shown table, by column header."""
    return {k: v for k, v in json.loads(frame.proto.columns).items() if k != "_index"}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_tables_pin_the_name_put_the_measure_next_and_download_raw_values(
    monkeypatch, demo_db, case
):
    files = deferred_downloads(monkeypatch)
    app = open_page(monkeypatch, demo_db, case.page, **case.params)
    files.clear()  # only the downloads of the view asked for (not those of the runs before)
    app.run()
    assert errors(app) == []
    shown = {tuple(frame.value.columns[:2]): frame for frame in app.dataframe}
    for first, second in case.tables:
        frame = shown.get((first, second))
        assert frame is not None, (first, second, list(shown))
        settings = grid(frame)
        assert settings[first]["pinned"] is True
        assert not any(s.get("pinned") for name, s in settings.items() if name != first)
        name = next(
            n for n in files if n.endswith(".csv") and csv_header(files[n]) == [first, second]
        )
        check_downloads(frame.value, settings, files[name](), files[name[:-4] + ".xlsx"]())


def csv_header(make) -> list[str]:
    return pd.read_csv(io.BytesIO(make()), encoding="utf-8-sig", nrows=0).columns[:2].tolist()


def check_downloads(table: pd.DataFrame, settings: dict, csv: bytes, xlsx: bytes) -> None:
    """The CSV and the XLSX hold the table shown, raw: counts whole, shares 0-1, a note sheet."""
    text = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(text.columns) == list(table.columns) and len(text) == len(table)
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    assert len(book.sheetnames) == 2  # the data, named for its content, and the note
    data, note = (book[name] for name in book.sheetnames)
    assert [cell.value for cell in data[1]] == list(table.columns)
    assert note.max_row == 6 and all(row[1].value for row in note.iter_rows(min_row=2))
    for position, (header, setting) in enumerate(settings.items()):
        kind = setting["type_config"].get("format")
        values = table[header].dropna()
        if kind == "%,d":  # a count: 59392 in both files, never 59392.0
            assert not text[header].str.contains(r"\.", regex=True).any(), header
            cells = [row[position].value for row in data.iter_rows(min_row=2)]
            assert all(isinstance(c, int) for c in cells if c is not None), header
        elif kind == "percent" and len(values):  # a share: 0.425, not 42.5 or "42.5%"
            raw = pd.to_numeric(text[header].replace("", None))
            assert raw.dropna().tolist() == pytest.approx(values.tolist()), header
            assert values.abs().median() <= 1.5, header

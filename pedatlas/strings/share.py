"""Strings of the share control (copy link, QR code) and of link notices."""

STRINGS = {
    "share_qr": ("二维码", "QR code"),
    "share_qr_caption": ("手机扫码打开当前视图", "Scan with a phone to open this view"),
    "share_copied": ("已复制", "Copied"),
    "share_copy_manually": (
        "浏览器不允许自动复制：链接已选中，请按 Ctrl+C 复制。",
        "The browser does not allow copying here: the link is selected, press Ctrl+C.",
    ),
    "value_on": ("开启", "on"),
    "value_off": ("关闭", "off"),
    "default_level_below": ("范围的下一级", "one level below the scope"),
    "default_no_county": ("不选区县", "no county"),
    "default_largest_alliance": ("已报道的最大医联体", "the largest reported alliance"),
    "default_reported_alliances": ("已报道的医联体", "the reported alliances"),
    "default_all_alliances": ("全部医联体", "all alliances"),
    "default_all_hospitals": ("全部医院", "all hospitals"),
    "table_note_note": ("说明", "Notes"),
    "table_note_field": ("项目", "Item"),
    "table_note_value": ("内容", "Value"),
    "table_note_title": ("表格", "Table"),
    "table_note_scope": ("范围", "Scope"),
    "table_note_year": ("年份", "Year"),
    "table_note_measure": ("指标", "Measure"),
    "table_note_source": ("来源", "Source"),
    "table_source_default": (
        "PedAtlas 数据库：2020 年人口普查儿童人口（真实）；医院、人员、床位与流动为合成数据（is_synthetic）",
        "PedAtlas database: 2020 census child population (real); hospitals, staff, beds and flows are "
        "synthetic (is_synthetic)",
    ),
    "notice_not_offered": (
        "链接参数 {name}={value} 在当前范围内不可选，已改用{default}。",
        "Link parameter {name}={value} is not available in this scope; showing {default} instead.",
    ),
    "notice_county_outside": (
        "链接中的区县 {value} 不在当前范围内或不存在，已不显示区县详情（{default}）。",
        "The county {value} in the link is outside this scope or does not exist; no county "
        "details are shown ({default}).",
    ),
    "notice_duplicates": (
        "链接参数 {name} 中重复的 {value} 只保留一次。",
        "Repeated {value} in link parameter {name} kept once.",
    ),
    "chart_source_short": (
        "PedAtlas（人口为 2020 年普查；资源为合成数据）",
        "PedAtlas (2020 census children; synthetic resources)",
    ),
    "title_with_level": ("{measure}（{level}）", "{measure} ({level})"),
}

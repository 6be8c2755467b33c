"""Strings of the app shell: navigation, sidebar, notices, shared controls."""

STRINGS = {
    "group_dashboard": ("总览与地图", "Overview and map"),
    "group_alliances": ("医联体与流动", "Alliances and flows"),
    "group_analysis": ("均衡与规划", "Equity and planning"),
    "group_data": ("数据", "Data"),
    "page_overview": ("总览", "Overview"),
    "page_resource_map": ("资源地图", "Resource map"),
    "sidebar_language": ("语言 / Language", "语言 / Language"),
    "sidebar_year": ("年份", "Year"),
    "sidebar_province": ("省份", "Province"),
    "sidebar_city": ("地市", "City"),
    "scope_national": ("全国", "All China"),
    "scope_whole_province": ("全省", "Whole province"),
    "lang_zh": ("中文", "中文 (Chinese)"),
    "lang_en": ("English", "English"),
    "copy_link": ("复制链接", "Copy link"),
    "copy_link_help": (
        "此链接可重现当前视图（语言、年份、范围、层级、指标与所选地区），可粘贴到会议群聊中。",
        "This link reproduces the current view (language, year, scope, level, measure and selected "
        "region); paste it into the meeting chat.",
    ),
    "notice_bad_param": (
        "链接参数 {name}={value} 无法识别，已改用默认值（{default}）。",
        "Link parameter {name}={value} is not valid; the default ({default}) is shown instead.",
    ),
    "notice_unknown_param": (
        "链接参数 {name}={value} 本页不使用，已忽略。",
        "Link parameter {name}={value} is not used on this page and was ignored.",
    ),
    "default_word": ("默认", "default"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_xlsx": ("下载 Excel", "Download Excel"),
    "error_generic": (
        "出现问题，本部分暂时无法显示。其他部分不受影响。（{detail}）",
        "Something went wrong and this part cannot be shown right now; the rest of the page is "
        "unaffected. ({detail})",
    ),
    "building_db": (
        "首次启动：正在生成演示数据库（约 1 分钟）…",
        "First start: building the demo database (about a minute)…",
    ),
    "building_db_done": ("演示数据库已生成。", "Demo database built."),
    "data_note_title": ("数据说明", "About the data"),
    "children_year_note": (
        "儿童人口（0–14 岁）为 2020 年第七次全国人口普查数据，各年份均使用该数。",
        "Children (aged 0–14) are from the 2020 census and used for every year.",
    ),
    "context_regions": (
        "台湾省、香港、澳门：地图绘制，不参与统计",
        "Taiwan, Hong Kong, Macau: drawn, not in the statistics",
    ),
    "sea_line": ("南海诸岛", "South China Sea islands"),
    "no_data": ("无数据", "No data"),
}

STRINGS.update(
    {
        "page_alliances": ("医联体", "Alliances"),
        "page_referrals": ("双向转诊", "Referrals"),
        "page_transport": ("危重转运", "Critical transport"),
        "page_equity": ("均衡分析", "Equity"),
        "page_planning": ("规划模拟", "Planning"),
        "page_data": ("数据管理", "Data"),
    }
)

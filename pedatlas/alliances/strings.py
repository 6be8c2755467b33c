"""Strings of the alliances (医联体) page."""

STRINGS = {
    "alliances_title": ("医联体与专科联盟", "Pediatric alliances"),
    "alliances_intro": (
        "选择一个联盟，查看其成员、覆盖的区县、尚无成员的区县、历年发展与帮扶，并与其他联盟比较。"
        "成员与覆盖均按 {year} 年底在册成员计算。",
        "Pick an alliance to see its members, the counties it reaches, the counties it has not "
        "reached yet, its growth and outreach, and how it compares. Members and reach count "
        "members active at the end of {year}.",
    ),
    "alliances_pick": ("联盟", "Alliance"),
    "alliances_pick_help": (
        "先列公开报道的联盟（按成员数从多到少），再列合成联盟。",
        "Reported alliances first (largest first), then synthetic ones.",
    ),
    "alliances_synthetic_tag": ("合成", "synthetic"),
    "alliances_none": ("数据库中没有联盟。", "There are no alliances in the database."),
    # profile
    "alliances_badge_reported": ("公开报道的联盟", "Reported alliance"),
    "alliances_badge_synthetic": ("合成联盟（演示用）", "Synthetic alliance (demo)"),
    "alliances_reported_note": (
        "来源：{source}。{named} 家成员为报道点名，其余成员按公布规模由生成器补足（合成）。",
        "Source: {source}. {named:member is|members are} named in the reports; the rest were added by the "
        "generator to reach the published size (synthetic).",
    ),
    "alliances_reported_note_unnamed": (
        "来源：{source}。报道给出了联盟规模，但未点名成员；成员名单按公布规模由生成器补足（合成）。",
        "Source: {source}. The reports give the alliance's size but name no members; the member "
        "list was generated to the published size (synthetic).",
    ),
    "alliances_synthetic_note": (
        "来源：{source}。该联盟或其成员名单是虚构的，仅用于演示。",
        "Source: {source}. This alliance or its member list is invented, for demonstration only.",
    ),
    "alliances_facts": (
        "核心医院：**{core}** · 成立：{founded} · 范围：{scope} · 类型：{kind} · 所在地区：{home}",
        "Core hospital: **{core}** · founded {founded} · scope: {scope} · type: {kind} · "
        "home region: {home}",
    ),
    "alliances_metric_members": ("成员数（{year} 年底）", "Members (end of {year})"),
    "alliances_metric_members_help": (
        "在册的成员单位数，不含核心医院（与公布成员数口径相同）。",
        "Active member institutions, core hospital excluded (as in the published counts).",
    ),
    "alliances_growth_chart_title": ("成员加入（按年）", "Members joining by year"),
    "alliances_published": ("公布成员数：{n} 家", "Published: {n:member|members}"),
    "alliances_published_target": (
        "生成目标：{n} 家（非报道数字）",
        "Generator target: {n} (not a reported figure)",
    ),
    "alliances_published_none": ("报道未给出成员数", "No member count was published"),
    "alliances_metric_reach": ("覆盖 省 / 市 / 区县", "Provinces / cities / counties"),
    "alliances_metric_children": ("有成员区县的儿童", "Children in member counties"),
    "alliances_metric_named": ("报道点名成员", "Members named in reports"),
    "alliances_not_founded": (
        "{year} 年底该联盟尚无在册成员（成立于 {founded}）。请在侧栏选择更晚的年份。",
        "At the end of {year} this alliance had no active members (founded {founded}). Pick a "
        "later year in the sidebar.",
    ),
    "alliances_by_kind": ("按机构类别", "By kind"),
    "alliances_by_tier": ("按医院级别", "By tier"),
    "alliances_by_cooperation": ("按合作深度", "By cooperation depth"),
    "alliances_depth_caption": (
        "合作深度由浅到深：普通成员 → 科室共建 / 联合门诊 → 半托管 → 托管 → 合作办院。",
        "Cooperation depth, shallow to deep: ordinary member → department co-building / joint "
        "clinic → semi-trusteeship → trusteeship → co-founded hospital.",
    ),
    "alliances_members_expander": (
        "成员名单（{n} 家，含核心医院）",
        "Member list ({n}, core included)",
    ),
    # map
    "alliances_map_title": ("成员分布与招募空白", "Where the members are, and the recruitment gap"),
    "alliances_map_caption": (
        "底色：{region}各区县每平方公里 0–14 岁儿童数（五分位）。蓝色边框：有成员的区县（覆盖范围）；"
        "红色粗边框：招募空白统计范围——{home}——内尚无成员的区县。连线：核心医院到各成员。",
        "Background: children aged 0–14 per km² in the counties of {region} (quintiles). Blue "
        "outline: counties with a member (footprint); thick red outline: counties with no member in the "
        "region the recruitment gap is measured over, {home}. Lines join the core hospital to each member.",
    ),
    "alliances_map_region_cross": ("所到各省", "every province reached"),
    "alliances_density": ("每平方公里儿童数", "Children per km²"),
    "alliances_footprint": ("有成员的区县", "Counties with a member"),
    "alliances_gap": (
        "招募空白（统计范围内无成员）",
        "Recruitment gap (no member in the measured region)",
    ),
    "alliances_gap_footprint": (
        "联盟覆盖范围（{home}及有成员的全部 {cities} 个地市，涉及 {provinces} 个省）",
        "the alliance's footprint ({home} and all {cities:city|cities} with a member, in {provinces:province|provinces})",
    ),
    "alliances_links": ("核心—成员连线", "Core–member links"),
    "alliances_core": ("核心医院", "Core hospital"),
    "alliances_hover_members": ("成员医院：{n} 家", "Member hospitals: {n}"),
    "alliances_hover_gap": ("招募空白：尚无成员", "Recruitment gap: no member yet"),
    "alliances_hover_no_member": ("无成员", "No member"),
    "alliances_joined_on": ("加入", "joined"),
    "alliances_coverage": (
        "{home}共 {counties} 个区县，{covered} 个有成员；{gap} 个区县尚无成员，其中有儿童 {children}。",
        "{home} has {counties:county|counties}; {covered:has|have} a member and {gap:has|have} none, "
        "home to {children:child|children}.",
    ),
    "alliances_gap_title": (
        "招募空白区县（按儿童数排序）",
        "Counties without a member (most children first)",
    ),
    "alliances_gap_empty": (
        "招募空白统计范围（{home}）的每个区县都已有成员，没有招募空白。",
        "Every county of the measured region ({home}) has a member: there is no recruitment gap.",
    ),
    # growth and outreach
    "alliances_growth_title": ("历年发展", "Growth over time"),
    "alliances_joined": ("当年新加入", "Joined that year"),
    "alliances_members_year_end": ("年底成员数", "Members at year end"),
    "alliances_year": ("年份", "Year"),
    "alliances_events": ("次数（进修为人数）", "Events (trainees: persons)"),
    "alliances_outreach_title": ("下沉帮扶（按年）", "Outreach by year"),
    "alliances_outreach_empty": ("该联盟没有帮扶记录。", "This alliance has no outreach records."),
    "alliances_growth_empty": (
        "该联盟没有成员加入记录。",
        "This alliance has no membership records.",
    ),
    "alliances_totals_title": (
        "帮扶累计（自成立以来）与公开报道",
        "Outreach since founding, against the reports",
    ),
    "alliances_totals_caption": (
        "“数据合计”为数据库中自成立以来的全部帮扶；“公开报道”为新闻报道中的数字。",
        "“In the data” sums all outreach in the database since founding; “Published” is the figure "
        "in the news reports.",
    ),
    "alliances_published_BD": (
        "保定：北京儿童医院 2015 年托管以来，下派专家出诊 1,200 余次、培训讲座 180 余场、推广适宜技术 30 余项。",
        "Baoding: since the 2015 trusteeship by Beijing Children's Hospital, over 1,200 expert "
        "clinic visits, over 180 lectures and over 30 appropriate techniques.",
    ),
    "alliances_published_JX": (
        "江西：联盟累计培训进修人员约 2,000 名。",
        "Jiangxi: about 2,000 visiting staff trained.",
    ),
    "alliances_at_least": ("不少于", "at least"),
    "alliances_about": ("约", "about"),
    "alliances_col_stated": ("报道口径", "Stated as"),
    "alliances_members_title": ("联盟成员", "Alliance members"),
    "alliances_met_yes": ("✓ 相符", "✓ matches"),
    "alliances_met_no": ("✗ 不符", "✗ does not match"),
    "alliances_tables_expander": ("按年数据表", "Yearly tables"),
    # comparison
    "alliances_compare_title": ("联盟比较（{year} 年）", "Alliances side by side ({year})"),
    "alliances_compare_pick": ("比较的联盟", "Alliances to compare"),
    "alliances_compare_empty": (
        "请至少选择一个联盟进行比较。",
        "Choose at least one alliance to compare.",
    ),
    "alliances_compare_caption": (
        "成员数、区县与儿童按 {year} 年底在册成员（区县含核心医院所在县）；每千儿童转诊 = 成员医院（含核心）"
        "当年转出的转诊 / 有成员区县的儿童 × 1000；下转比例 = 下转 / (上转 + 下转)，统计转出或转入医院为成员的转诊；"
        "转运 = 核心医院当年接收的危重转运及其总里程。",
        "Members, counties and children count members active at the end of {year} (counties include "
        "the core's); referrals per 1,000 children = referrals sent that year by member hospitals "
        "(core included) / children in counties with a member × 1,000; downward share = down / "
        "(up + down) among referrals sent or received by members; transports = critical transports "
        "received by the core hospital that year, with their total route km.",
    ),
    "alliances_col_id": ("编号", "Id"),
    "alliances_col_alliance": ("联盟", "Alliance"),
    "alliances_col_members": ("成员数", "Members"),
    "alliances_col_counties": ("有成员区县", "Counties covered"),
    "alliances_col_children": ("覆盖区县儿童", "Children in covered counties"),
    "alliances_col_referrals": ("成员转出转诊", "Referrals sent by members"),
    "alliances_col_per_1000": ("每千儿童转诊", "Referrals per 1,000 children"),
    "alliances_col_down_share": ("下转比例", "Downward share"),
    "alliances_col_transports": ("核心接收转运", "Transports to the core"),
    "alliances_col_km": ("转运总里程（km）", "Transport km"),
    "alliances_col_hospital_id": ("医院编号", "Hospital id"),
    "alliances_col_hospital": ("医院", "Hospital"),
    "alliances_col_kind": ("类别", "Kind"),
    "alliances_col_tier": ("级别", "Tier"),
    "alliances_col_role": ("角色", "Role"),
    "alliances_col_cooperation": ("合作方式", "Cooperation"),
    "alliances_col_joined": ("加入日期", "Joined"),
    "alliances_col_named": ("报道点名", "Named in reports"),
    "alliances_col_province": ("省", "Province"),
    "alliances_col_city": ("地市", "City"),
    "alliances_col_county": ("区县", "County"),
    "alliances_col_adcode": ("区县代码", "County code"),
    "alliances_col_children_county": ("0–14 岁儿童", "Children 0–14"),
    "alliances_col_density": ("每平方公里儿童", "Children per km²"),
    "alliances_col_activity": ("帮扶活动", "Activity"),
    "alliances_col_total": ("数据合计", "In the data"),
    "alliances_col_published": ("公开报道", "Published"),
    "alliances_col_check": ("核对", "Check"),
    "alliances_col_count": ("成员数", "Members"),
    "alliances_col_departed": ("当年退出", "Left that year"),
    # values
    "alliances_scope_省内": ("省内", "within a province"),
    "alliances_scope_跨省": ("跨省", "cross-province"),
    "alliances_scope_市内": ("市内", "within a city"),
    "alliances_kind_医联体": ("医联体", "medical alliance"),
    "alliances_kind_专科联盟": ("专科联盟", "specialist alliance"),
    "alliances_kind_医院集团": ("医院集团", "hospital group"),
    "alliances_kind_托管": ("托管", "trusteeship"),
    "alliances_coop_核心": ("核心医院", "core hospital"),
    "alliances_coop_普通成员": ("普通成员", "ordinary member"),
    "alliances_coop_科室共建": ("科室共建", "department co-building"),
    "alliances_coop_联合门诊": ("联合门诊", "joint clinic"),
    "alliances_coop_半托管": ("半托管", "semi-trusteeship"),
    "alliances_coop_托管": ("托管", "trusteeship"),
    "alliances_coop_合作办院": ("合作办院", "co-founded hospital"),
    "alliances_role_core": ("核心", "core"),
    "alliances_role_member": ("成员单位", "member"),
    "alliances_role_协作医院": ("协作医院", "cooperating hospital"),
    "alliances_role_指导医院": ("指导医院", "guidance hospital"),
    "alliances_role_协作科室": ("协作科室", "cooperating department"),
    "alliances_activity_expert_clinic": ("下派专家出诊", "Expert clinic visits"),
    "alliances_activity_lecture": ("培训讲座", "Training lectures"),
    "alliances_activity_trainee": ("进修人员", "Visiting trainees"),
    "alliances_activity_technique": ("推广适宜技术", "Appropriate techniques"),
    "alliances_activity_remote_consult": ("远程会诊", "Remote consultations"),
    "alliances_yes": ("是", "yes"),
    "alliances_no": ("否", "no"),
    # growth playback (meetings helper)
    "growth_mode": ("成长回放", "Growth playback"),
    "growth_mode_help": (
        "逐年播放医联体医院加入、覆盖区县的扩展过程，适合会议开场；按 ▶ 播放。",
        "Plays, year by year, hospitals joining the alliances and the counties covered: an opening "
        "for a meeting. Press ▶ to play.",
    ),
    "growth_mode_off": ("不显示", "Off"),
    "growth_mode_all": ("{scope}全部医联体", "All alliances: {scope}"),
    "growth_mode_alliance": ("当前医联体", "This alliance"),
    "growth_title": ("医联体逐年扩展：{scope}", "Alliances spreading year by year: {scope}"),
    "growth_frame_title": (
        "{year} 年：{alliances} 个医联体 · {hospitals} 家医院 · 覆盖 {counties} 个区县 · 儿童 {children}（{share}）",
        "{year}: alliances {alliances} · hospitals {hospitals} · counties covered {counties} · "
        "children {children} ({share})",
    ),
    "growth_hospitals": ("医联体医院", "Alliance hospitals"),
    "growth_new": ("当年新覆盖区县", "Counties newly covered that year"),
    "growth_earlier": ("此前已覆盖区县", "Counties covered before"),
    "growth_play": ("▶ 播放", "▶ Play"),
    "growth_pause": ("❚❚ 暂停", "❚❚ Pause"),
    "growth_year": ("年份", "Year"),
    "growth_caption": (
        "医院按年末在盟计（含核心医院，一家医院加入多个医联体只计一次）；区县内有在盟医院即为覆盖；"
        "儿童为 2020 年人口普查 0–14 岁人口。",
        "Hospitals count when their membership is active at the year's end (cores included; a "
        "hospital in several alliances counts once); a county is covered when one lies in it; "
        "children are the 2020 census population aged 0–14.",
    ),
    "growth_empty": ("该范围内没有医联体医院。", "No alliance hospitals in this scope."),
}

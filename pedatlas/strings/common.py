"""Strings shared by every page."""

STRINGS = {
    "app_title": ("儿科资源均衡图谱", "PedAtlas"),
    "synthetic_note": (
        "演示数据：人口与边界为真实数据；医院、人员床位、转诊与转运为按公开数字校准的合成数据。",
        "Demo data: population and boundaries are real; hospitals, staff, beds, referrals and "
        "transports are synthetic, calibrated to published figures.",
    ),
    # Punctuation that joins text (i18n.colon / bracketed / listed): full-width only in Chinese.
    "punct_colon": ("：", ": "),
    "punct_paren": ("（{text}）", " ({text})"),
    "punct_list": ("、", ", "),
    "punct_semicolon": ("；", "; "),
}

STRINGS.update(
    {
        "kind_儿童医院": ("儿童医院", "Children's hospital"),
        "kind_妇幼保健院": ("妇幼保健院", "Maternal and child health hospital"),
        "kind_综合医院": ("综合医院", "General hospital"),
        "kind_专科医院": ("专科医院", "Specialist hospital"),
        "kind_社区卫生服务中心": ("社区卫生服务中心", "Community health centre"),
        "kind_乡镇卫生院": ("乡镇卫生院", "Township health centre"),
        "kind_民营医院": ("民营医院", "Private hospital"),
        "tier_三级": ("三级", "Tertiary"),
        "tier_二级": ("二级", "Secondary"),
        "tier_一级": ("一级", "Primary"),
        "tier_未定级": ("未定级", "Unrated"),
    }
)

"""Strings shared by every page."""

STRINGS = {
    "app_title": ("儿科资源均衡图谱", "PedAtlas"),
    "synthetic_note": (
        "演示数据：人口与边界为真实数据；医院、人员床位、转诊与转运为按公开数字校准的合成数据。",
        "Demo data: population and boundaries are real; hospitals, staff, beds, referrals and "
        "transports are synthetic, calibrated to published figures.",
    ),
}

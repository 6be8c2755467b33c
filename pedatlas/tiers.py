"""Hospital tiers and the referral direction they imply (one rule for build, importer and queries)."""

TIER_RANK = {"未定级": 0, "一级": 1, "二级": 2, "三级": 3}
TIERS = tuple(TIER_RANK)
KINDS = (
    "儿童医院",
    "妇幼保健院",
    "综合医院",
    "专科医院",
    "社区卫生服务中心",
    "乡镇卫生院",
    "民营医院",
)
COOPERATION_DEPTH = {
    "核心": 5,
    "普通成员": 0,
    "科室共建": 1,
    "联合门诊": 1,
    "半托管": 2,
    "托管": 3,
    "合作办院": 4,
}
ROLES = ("core", "member", "协作医院", "指导医院", "协作科室")
DIRECTIONS = ("up", "down", "lateral")


def referral_direction(from_tier: str, to_tier: str) -> str:
    """'up' to a higher tier, 'down' to a lower one, 'lateral' between equal tiers."""
    delta = TIER_RANK[to_tier] - TIER_RANK[from_tier]
    if delta > 0:
        return "up"
    return "down" if delta < 0 else "lateral"

"""数据来源与说明: where each kind of figure comes from and what is synthetic."""

from collections.abc import Mapping

from pedatlas import fmt
from pedatlas.briefing.labels import text
from pedatlas.briefing.model import Bullets, Scope, Section
from pedatlas.metrics import small_population


def target_notes(scope: Scope, targets) -> list[str]:
    label_column = "label_en" if scope.lang == "en" else "label_zh"
    return [
        text(
            scope,
            "brief_note_target",
            label=row[label_column],
            value=fmt.rate(row["value"]),
            year=int(row["year"]),
            source=row["source"],
        )
        for _, row in targets.iterrows()
    ]


def build(scope: Scope, data: Mapping) -> Section:
    info = data["build_info"]
    items = [
        text(scope, "brief_note_census"),
        text(scope, "brief_note_boundaries"),
        text(
            scope, "brief_note_synthetic", seed=info.get("seed", "?"), scale=info.get("scale", "?")
        ),
        text(scope, "brief_note_small", minimum=small_population.threshold_text(scope.lang)),
        *target_notes(scope, data["targets"]),
    ]
    return Section("sources", text(scope, "brief_section_sources"), (Bullets(tuple(items)),))

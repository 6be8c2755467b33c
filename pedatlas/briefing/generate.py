"""Resolve a request against the database, load what the sections need, build them in order."""

from collections.abc import Callable
from datetime import date

import pandas as pd

from pedatlas.briefing import loaders, rules
from pedatlas.briefing.labels import text
from pedatlas.briefing.model import Briefing, Request, Scope
from pedatlas.briefing.registry import SECTIONS, SectionSpec
from pedatlas.i18n import LANGUAGES, translate

Progress = Callable[[float, str], object]  # what it returns is ignored (st.progress's element)


class BriefingError(ValueError):
    """A request the briefing cannot serve; the message is meant for the user as it is."""


def _no_progress(fraction: float, message: str) -> None:
    return None


def resolve_scope(run: loaders.QueryRunner, request: Request) -> Scope:
    """The scope's name, level and comparison years; BriefingError on an unknown region or year."""
    if request.lang not in LANGUAGES:
        raise BriefingError(translate("brief_error_lang", "zh", language=request.lang))
    years = tuple(sorted(int(y) for y in loaders.run_named(run, "resource_years")["year"]))
    if request.year not in years:
        shown = ", ".join(str(y) for y in years)
        raise BriefingError(
            translate("brief_error_year", request.lang, year=request.year, years=shown)
        )
    name, level = region_name_and_level(run, request)
    return Scope(
        region=request.region,
        name=name,
        level=level,
        year=request.year,
        previous_year=rules.previous_year(request.year, years),
        base_year=rules.base_year(years),
        lang=request.lang,
        years=years,
    )


def region_name_and_level(run: loaders.QueryRunner, request: Request) -> tuple[str, str]:
    if not request.region:
        return translate("brief_scope_national", request.lang), "national"
    regions = loaders.run_named(run, "region_list")
    match = regions[regions["adcode"] == request.region]
    if match.empty:
        raise BriefingError(translate("brief_error_region", request.lang, region=request.region))
    level = "province" if match["level"].iloc[0] == "province" else "city"
    return str(match["name"].iloc[0]), level


def build_briefing(
    run: loaders.QueryRunner,
    request: Request,
    today: date,
    progress: Progress = _no_progress,
    sections: list[SectionSpec] | None = None,
) -> Briefing:
    """The whole briefing; progress(fraction, message) is called before each section."""
    scope = resolve_scope(run, request)
    progress(0.0, text(scope, "brief_progress_scope", scope=scope.name, year=scope.year))
    specs = SECTIONS if sections is None else sections
    loaded: dict[str, object] = {}
    built = []
    for index, spec in enumerate(specs):
        title = text(scope, spec.title_key)
        progress(
            (index + 1) / (len(specs) + 1), text(scope, "brief_progress_section", section=title)
        )
        for need in spec.needs:
            if need not in loaded:
                loaded[need] = loaders.LOADERS[need](run, scope)
        section = spec.build(scope, loaded)
        if section is not None:
            built.append(section)
    return Briefing(
        scope=scope,
        title=text(scope, "brief_title", scope=scope.name),
        subtitle=text(scope, "brief_subtitle", year=scope.year, date=today.isoformat()),
        generated_on=today,
        sections=tuple(built),
    )


def file_name(scope: Scope, today: date, extension: str) -> str:
    """简报_江西省_2024_20261201.pdf: scope, year and date in the name."""
    stem = text(scope, "brief_file_stem")
    name = scope.name.replace(" ", "-").replace("/", "-")
    return f"{stem}_{name}_{scope.year}_{today:%Y%m%d}.{extension}"


def frame_runner(connection) -> loaders.QueryRunner:
    """A query runner bound to one read-only connection (CLI, tests)."""
    from pedatlas import db

    def run(name: str, **params) -> pd.DataFrame:
        return db.run_query(connection, name, **params)

    return run

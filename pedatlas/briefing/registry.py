"""The briefing's sections, in order: one entry each (key, title key, data needed, builder).

To add a section (a year-change map, hot-spot clusters, time-to-care bands ...): write a pure
builder (scope, data) -> Section | None, add a loader to loaders.LOADERS for any data it needs that
is not there yet, and add one SectionSpec below. Renderers and the CLI pick it up unchanged.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pedatlas.briefing.model import Scope, Section
from pedatlas.briefing.sections import (
    analysis,
    headline,
    highlights,
    resource_map,
    sources,
    worst_served,
    year_change,
)

Builder = Callable[[Scope, Mapping[str, Any]], Section | None]


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title_key: str  # i18n key of the section title (progress messages, table of contents)
    needs: tuple[str, ...]  # keys of loaders.LOADERS
    build: Builder


SECTIONS: list[SectionSpec] = [
    SectionSpec("headline", "brief_section_headline", ("summaries", "targets"), headline.build),
    SectionSpec(
        "resource_map", "brief_section_map", ("map_units", "map_shapes"), resource_map.build
    ),
    SectionSpec(
        "year_change",
        "brief_section_change",
        ("map_units", "base_units", "map_shapes"),
        year_change.build,
    ),
    SectionSpec(
        "alliances",
        "brief_section_alliances",
        ("summaries", "alliances"),
        highlights.alliance_section,
    ),
    SectionSpec(
        "referrals", "brief_section_referrals", ("referral_shares",), highlights.referral_section
    ),
    SectionSpec(
        "transport",
        "brief_section_transport",
        ("transport_summary",),
        highlights.transport_section,
    ),
    SectionSpec(
        "equity", "brief_section_equity", ("county_years", "targets"), highlights.equity_section
    ),
    SectionSpec(
        "time_to_care",
        "equity_section_time",
        ("county_years", "equity_hospitals", "detour_fits"),
        analysis.time_section,
    ),
    SectionSpec(
        "hotspots",
        "equity_section_hotspots",
        (
            "county_years",
            "equity_hospitals",
            "county_shapes",
            "county_features",
            "county_neighbours",
            "national_clusters",
            "map_shapes",
        ),
        analysis.hotspot_section,
    ),
    SectionSpec("worst_served", "brief_section_worst", ("counties", "regions"), worst_served.build),
    SectionSpec("sources", "brief_section_sources", ("build_info", "targets"), sources.build),
]

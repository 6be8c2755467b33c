"""The app's pages: one registry, so navigation, links and URL parameters agree."""

from dataclasses import dataclass

from pedatlas.paths import PROJECT_ROOT
from pedatlas.state import (
    CLASS_SCHEMES,
    LEVELS,
    MAP_METRICS,
    Known,
    Param,
    parse_adcode,
    parse_bool,
    parse_int,
    parse_list,
    parse_scenarios_text,
)


@dataclass(frozen=True)
class PageSpec:
    """A page: its key, script, title, navigation group, URL path and URL parameters.

    URL paths differ from the script names on purpose: Streamlit hashes both the same way, and a
    page whose path equals its file name under pages/ can be run without app.py around it.
    """

    key: str
    script: str
    title_key: str
    icon: str
    group_key: str
    url_path: str
    params: tuple[Param, ...] = ()  # its own URL parameters (state.GLOBAL_PARAMS are shared)


ALLIANCE_IDS = Known("alliances/list", "alliance_id")
PAGES = (
    PageSpec(
        "overview",
        "pages/overview.py",
        "page_overview",
        ":material/dashboard:",
        "group_dashboard",
        "home",
        params=(
            # '' = one level below the scope (ranking lists)
            Param("level", "", choices=("",) + LEVELS),
        ),
    ),
    PageSpec(
        "resource_map",
        "pages/resource_map.py",
        "page_resource_map",
        ":material/map:",
        "group_dashboard",
        "map",
        params=(
            Param("level", "", choices=("",) + LEVELS),  # '' = one level below the scope
            Param("metric", "physicians_per_1000", choices=MAP_METRICS),
            Param("scheme", "quantiles", choices=CLASS_SCHEMES),
            Param("hospitals", False, parse_bool),
            Param("county", "", parse_adcode),
            # year compared with the sidebar's year (0 = no comparison); allowed years from the database
            Param("since", 0, parse_int, known=Known("common/resource_years", "year", extra=(0,))),
        ),
    ),
    PageSpec(
        "alliances",
        "pages/alliances.py",
        "page_alliances",
        ":material/hub:",
        "group_alliances",
        "alliance",
        params=(
            Param("alliance", "", str.strip, known=ALLIANCE_IDS),  # '' = the largest reported one
            # comma-separated alliance ids; '' = the reported alliances, '-' = none chosen
            Param(
                "compare",
                "",
                parse_list,
                known=Known("alliances/list", "alliance_id", ("", "-")),
                many=True,
            ),
            # growth playback: '' off, 'all' every alliance in the scope, 'alliance' the chosen one
            Param("playback", "", choices=("", "all", "alliance")),
        ),
    ),
    PageSpec(
        "referrals",
        "pages/referrals.py",
        "page_referrals",
        ":material/swap_vert:",
        "group_alliances",
        "referral",
        params=(
            # '' = every alliance / hospital
            Param("alliance", "", str.strip, known=ALLIANCE_IDS),
            Param("hospital", "", str.strip, known=Known("common/hospital_ids", "hospital_id")),
            Param("flow_level", "province", choices=("province", "city", "hospital")),
            Param("top", 30, parse_int, choices=(10, 20, 30, 50, 100, 200)),
            Param("min", 0, parse_int, choices=(0, 10, 50, 100, 500, 1000, 5000)),
            Param("compare", "admin", choices=("admin", "alliance")),
        ),
    ),
    PageSpec(
        "transport",
        "pages/transport.py",
        "page_transport",
        ":material/ambulance:",
        "group_alliances",
        "transfer",
        params=(
            # '' = every centre, else a transport centre's hospital_id
            Param("centre", "", str.strip, known=Known("transport/centre_points", "hospital_id")),
        ),
    ),
    PageSpec(
        "equity",
        "pages/equity.py",
        "page_equity",
        ":material/balance:",
        "group_analysis",
        "balance",
        params=(
            Param(
                "section",
                "inequality",
                choices=(
                    "inequality",
                    "access",
                    "coverage",
                    "shortage",
                    "hotspots",
                    "time",
                    "service_areas",
                ),
            ),
            Param(
                "resource", "physicians", choices=("physicians", "beds", "nicu_beds", "picu_beds")
            ),
            Param("unit", "", choices=("",) + LEVELS),  # '' = one below the scope; page checks it
            Param("method", "e2sfca_step", choices=("e2sfca_step", "e2sfca_gauss", "2sfca")),
            Param("catchment", 100, parse_int, choices=tuple(range(30, 201, 10))),  # km
            Param("top", 20, parse_int, choices=(10, 20, 50, 100)),  # counties in the shortage list
            # hot spots: what is clustered; time to care: which level; service areas: which units
            Param("measure", "shortage", choices=("shortage", "access", "physicians")),
            Param("care", "beds", choices=("beds", "nicu", "picu")),
            Param("areas", "service_area", choices=("service_area", "city", "alliance")),
        ),
    ),
    PageSpec(
        "planning",
        "pages/planning.py",
        "page_planning",
        ":material/add_location_alt:",
        "group_analysis",
        "plan",
        params=(
            Param(
                "add", "members", choices=("members", "nicu")
            ),  # new alliance members or NICU sites
            Param("k", 3, parse_int, choices=tuple(range(1, 21))),  # how many new sites
            Param("radius_km", 50, parse_int, choices=tuple(range(10, 201, 10))),  # service radius
            # up to three scenarios compared side by side: 'members-3-50,nicu-2-50'
            Param("scenarios", "", parse_scenarios_text),
        ),
    ),
    PageSpec(
        "briefing",
        "pages/briefing.py",
        "page_briefing",
        ":material/summarize:",
        "group_analysis",
        "brief",  # not "briefing": a path equal to the script name confuses Streamlit
        # The briefing's language ('' = the interface language) and file format.
        params=(
            Param("brief_lang", "", choices=("", "zh", "en")),
            Param("format", "pdf", choices=("pdf", "html")),
        ),
    ),
    PageSpec(
        "data",
        "pages/data.py",
        "page_data",
        ":material/database:",
        "group_data",
        "manage",
        params=(
            # the section shown; uploads and their check are never part of a link
            Param(
                "tab", "import", choices=("import", "quality", "export", "templates", "dictionary")
            ),
        ),
    ),
)
DEFAULT_PAGE = "overview"


def available() -> tuple[PageSpec, ...]:
    """Pages whose script exists (a page lands in the navigation with its script)."""
    return tuple(page for page in PAGES if (PROJECT_ROOT / page.script).exists())


def spec(key: str) -> PageSpec:
    """The page with this key."""
    return next(page for page in PAGES if page.key == key)


def key_for_path(url_path: str) -> str:
    """Registry key of the page served at url_path ('' = the default page)."""
    return next((page.key for page in PAGES if page.url_path == url_path), DEFAULT_PAGE)


def groups() -> dict[str, list[PageSpec]]:
    """Pages by navigation group, in registry order."""
    grouped: dict[str, list[PageSpec]] = {}
    for page in available():
        grouped.setdefault(page.group_key, []).append(page)
    return grouped

"""The app's pages: one registry, so navigation, links and URL parameters agree."""

from dataclasses import dataclass

from pedatlas import state
from pedatlas.paths import PROJECT_ROOT


@dataclass(frozen=True)
class PageSpec:
    """A page: its key (its parameter set in state.PAGE_PARAMS), script and URL path.

    URL paths differ from the script names on purpose: Streamlit hashes both the same way, and a
    page whose path equals its file name under pages/ can be run without app.py around it.
    """

    key: str
    script: str
    title_key: str
    icon: str
    group_key: str
    url_path: str

    @property
    def params(self) -> tuple[state.Param, ...]:
        """The page's own URL parameters (declared in state.PAGE_PARAMS under the page's key)."""
        return state.PAGE_PARAMS[self.key]


PAGES = (
    PageSpec(
        "overview",
        "pages/overview.py",
        "page_overview",
        ":material/dashboard:",
        "group_dashboard",
        "home",
    ),
    PageSpec(
        "resource_map",
        "pages/resource_map.py",
        "page_resource_map",
        ":material/map:",
        "group_dashboard",
        "map",
    ),
    PageSpec(
        "alliances",
        "pages/alliances.py",
        "page_alliances",
        ":material/hub:",
        "group_alliances",
        "alliance",
    ),
    PageSpec(
        "referrals",
        "pages/referrals.py",
        "page_referrals",
        ":material/swap_vert:",
        "group_alliances",
        "referral",
    ),
    PageSpec(
        "transport",
        "pages/transport.py",
        "page_transport",
        ":material/ambulance:",
        "group_alliances",
        "transfer",
    ),
    PageSpec(
        "equity",
        "pages/equity.py",
        "page_equity",
        ":material/balance:",
        "group_analysis",
        "balance",
    ),
    PageSpec(
        "planning",
        "pages/planning.py",
        "page_planning",
        ":material/add_location_alt:",
        "group_analysis",
        "plan",
    ),
    PageSpec(
        "briefing",
        "pages/briefing.py",
        "page_briefing",
        ":material/summarize:",
        "group_analysis",
        "brief",  # not "briefing": a path equal to the script name confuses Streamlit
    ),
    PageSpec("data", "pages/data.py", "page_data", ":material/database:", "group_data", "manage"),
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

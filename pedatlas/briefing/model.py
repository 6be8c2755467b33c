"""What a briefing is made of: sections of blocks, each figure labelled with its provenance.

Renderers (HTML, PDF) only read these; builders only make them. Every block that shows a number
carries a Meta so that a page torn out of the briefing still says what, where, when, in which unit
and from which source.
"""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Meta:
    """The label every figure carries: title, scope, year, unit and source."""

    title: str
    scope: str
    year: int
    unit: str
    source: str


@dataclass(frozen=True)
class Headline:
    """One headline figure with its change against the previous year and the base year."""

    meta: Meta
    value: str
    change_previous: str | None = None
    change_base: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Chart:
    """A plotly figure (as its JSON dict) with its label.

    Big GeoJSON layers travel beside the figure in geo_assets (name -> FeatureCollection) and the
    traces name them: copying a 0.8 MB layer through plotly's validation took seconds.
    """

    meta: Meta
    figure: dict
    caption: str = ""
    geo_assets: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Table:
    """Rows of already formatted cells with their label."""

    meta: Meta
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Bullets:
    """Plain statements (highlights, notes); each one may carry its own label."""

    items: tuple[str, ...]
    meta: Meta | None = None


Block = Headline | Chart | Table | Bullets


@dataclass(frozen=True)
class Section:
    """One titled part of the briefing."""

    key: str
    title: str
    blocks: tuple[Block, ...]
    intro: str = ""


@dataclass(frozen=True)
class Request:
    """What the user asked for: a scope ('' = all China), a year and a language."""

    region: str
    year: int
    lang: str


@dataclass(frozen=True)
class Scope:
    """The request resolved against the database: names, level and the years to compare."""

    region: str
    name: str
    level: str  # national / province / city
    year: int
    previous_year: int | None
    base_year: int
    lang: str
    years: tuple[int, ...] = field(default=())


@dataclass(frozen=True)
class Briefing:
    """The finished content, ready to render."""

    scope: Scope
    title: str
    subtitle: str
    generated_on: date
    sections: tuple[Section, ...]

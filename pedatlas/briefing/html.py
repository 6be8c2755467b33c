"""One self-contained HTML file: text, tables and interactive plotly charts, no request at all.

plotly.js is embedded from the installed plotly package; the world topojson plotly's geo module
asks for (even with every base layer hidden) is preloaded as the empty stub the app serves, so
the file opens on an office computer without the app or the internet.
"""

import html
import json
from functools import cache
from itertools import count

import plotly.offline

from pedatlas import i18n
from pedatlas.briefing.labels import text
from pedatlas.briefing.model import Briefing, Bullets, Chart, Headline, Meta, Scope, Section, Table
from pedatlas.paths import PROJECT_ROOT

TOPOJSON_STUB = PROJECT_ROOT / "static" / "world_110m.json"
# Printable width of an A4 page with 12 mm margins at 96 px per inch, minus a little slack.
PRINT_WIDTH_PX = 700
PLOT_CONFIG = {"displaylogo": False, "responsive": True, "scrollZoom": False}
PRINT_CONFIG = {"displaylogo": False, "staticPlot": True}

STYLE = """
:root { --ink:#1f2937; --muted:#6b7280; --line:#e5e7eb; --accent:#0868ac; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.5; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { margin: 2px 0; color: var(--muted); }
nav ol { columns: 2; color: var(--muted); }
section { border-top: 2px solid var(--accent); margin-top: 22px; padding-top: 6px; }
h2 { font-size: 20px; margin: 6px 0 10px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; }
.kpi { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; break-inside: avoid; }
.kpi .label { font-size: 13px; color: var(--muted); }
.kpi .value { font-size: 24px; font-weight: 700; }
.kpi .change { font-size: 12px; }
.meta { font-size: 11px; color: var(--muted); margin: 4px 0 0; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 13px; break-inside: avoid; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; }
td.num, th.num { text-align: right; }
ul { margin: 4px 0; padding-left: 20px; }
.caption { font-size: 12px; color: var(--muted); }
@page { size: A4; margin: 12mm; }
@media print { body { max-width: none; padding: 0; } nav { display: none; }
  section { break-inside: auto; } h2 { break-after: avoid; } }
"""


@cache
def plotly_js() -> str:
    """The plotly.js bundle of the installed plotly package."""
    return plotly.offline.get_plotlyjs()


@cache
def geo_assets_script() -> str:
    stub = TOPOJSON_STUB.read_text(encoding="utf-8")
    assets = {"topojson": {"world_110m": "STUB", "world_50m": "STUB"}}
    return "window.PlotlyGeoAssets = " + json.dumps(assets).replace('"STUB"', stub) + ";"


def shared_assets_script(charts: list[Chart]) -> str:
    """Each GeoJSON layer the charts name, written once however many charts draw it; a layer
    equal to one already written (a city's counties are both its resource-map units and its
    hot-spot counties) becomes an alias of it instead of a second copy."""
    layers = {name: layer for chart in charts for name, layer in chart.geo_assets.items()}
    written: dict[str, str] = {}
    scripts = []
    for name, layer in layers.items():
        body = _script_json(layer)
        first = written.setdefault(body, name)
        value = body if first == name else f"window.PlotlyGeoAssets[{_script_json(first)}]"
        scripts.append(f"<script>window.PlotlyGeoAssets[{_script_json(name)}] = {value};</script>")
    return "".join(scripts)


def _e(value) -> str:
    return html.escape(str(value))


def _script_json(value) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def meta_line(scope: Scope, meta: Meta) -> str:
    colon = i18n.colon(scope.lang)
    parts = (
        f"{text(scope, 'brief_label_scope')}{colon}{meta.scope}",
        f"{text(scope, 'brief_label_year')}{colon}{meta.year}",
        f"{text(scope, 'brief_label_unit')}{colon}{meta.unit}",
        f"{text(scope, 'brief_label_source')}{colon}{meta.source}",
    )
    return f'<p class="meta">{_e(" · ".join(parts))}</p>'


def headline_html(scope: Scope, figure: Headline) -> str:
    changes = []
    if scope.previous_year is not None and figure.change_previous:
        changes.append(
            f"{text(scope, 'brief_vs_previous', year=scope.previous_year)} {figure.change_previous}"
        )
    if scope.base_year != scope.year and figure.change_base:
        changes.append(f"{text(scope, 'brief_vs_base', year=scope.base_year)} {figure.change_base}")
    change = " · ".join(changes)
    note = f'<div class="change">{_e(figure.note)}</div>' if figure.note else ""
    return (
        f'<div class="kpi"><div class="label">{_e(figure.meta.title)}</div>'
        f'<div class="value">{_e(figure.value)}</div><div class="change">{_e(change)}</div>'
        f"{note}{meta_line(scope, figure.meta)}</div>"
    )


def chart_html(scope: Scope, chart: Chart, plot_id: str, for_print: bool) -> str:
    layout = dict(chart.figure.get("layout", {}))
    if for_print:
        layout["width"] = PRINT_WIDTH_PX
    config = PRINT_CONFIG if for_print else PLOT_CONFIG
    caption = f'<p class="caption">{_e(chart.caption)}</p>' if chart.caption else ""
    return (
        f"<figure><figcaption>{_e(chart.meta.title)}</figcaption>"
        f'<div class="plot" id="{plot_id}"></div>{caption}{meta_line(scope, chart.meta)}</figure>'
        f"<script>Plotly.newPlot({_script_json(plot_id)}, {_script_json(chart.figure.get('data', []))}, "
        f"{_script_json(layout)}, {_script_json(config)});</script>"
    )


def table_html(scope: Scope, table: Table) -> str:
    head = "".join(f"<th>{_e(column)}</th>" for column in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in table.rows
    )
    caption = f'<p class="caption">{_e(table.caption)}</p>' if table.caption else ""
    return (
        f"<figure><figcaption>{_e(table.meta.title)}</figcaption>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f"{caption}{meta_line(scope, table.meta)}</figure>"
    )


def bullets_html(scope: Scope, bullets: Bullets) -> str:
    items = "".join(f"<li>{_e(item)}</li>" for item in bullets.items)
    label = meta_line(scope, bullets.meta) if bullets.meta else ""
    return f"<ul>{items}</ul>{label}"


def section_html(scope: Scope, section: Section, plot_ids, for_print: bool) -> str:
    parts = [f'<section id="{_e(section.key)}"><h2>{_e(section.title)}</h2>']
    if section.intro:
        parts.append(f"<p>{_e(section.intro)}</p>")
    headlines = [b for b in section.blocks if isinstance(b, Headline)]
    if headlines:
        parts.append(
            '<div class="kpis">' + "".join(headline_html(scope, h) for h in headlines) + "</div>"
        )
    for block in section.blocks:
        if isinstance(block, Chart):
            parts.append(chart_html(scope, block, f"plot-{next(plot_ids)}", for_print))
        elif isinstance(block, Table):
            parts.append(table_html(scope, block))
        elif isinstance(block, Bullets):
            parts.append(bullets_html(scope, block))
    parts.append("</section>")
    return "".join(parts)


def render_html(briefing: Briefing, for_print: bool = False) -> str:
    """The briefing as one HTML document (for_print: static charts sized for an A4 page)."""
    scope = briefing.scope
    plot_ids = count(1)
    charts = [b for s in briefing.sections for b in s.blocks if isinstance(b, Chart)]
    scripts = (
        f"<script>{geo_assets_script()}</script><script>{plotly_js()}</script>"
        + shared_assets_script(charts)
        if charts
        else ""
    )
    toc = "".join(f'<li><a href="#{_e(s.key)}">{_e(s.title)}</a></li>' for s in briefing.sections)
    body = "".join(section_html(scope, s, plot_ids, for_print) for s in briefing.sections)
    lang = "en" if scope.lang == "en" else "zh-CN"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(briefing.title)} {scope.year}</title><style>{STYLE}</style>{scripts}</head>"
        f"<body><header><h1>{_e(briefing.title)}</h1><p>{_e(briefing.subtitle)}</p>"
        f"{'' if for_print else '<p>' + _e(text(scope, 'brief_print_note')) + '</p>'}</header>"
        f"<nav><strong>{_e(text(scope, 'brief_toc'))}</strong><ol>{toc}</ol></nav>{body}</body></html>"
    )

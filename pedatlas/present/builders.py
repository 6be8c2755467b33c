"""Projector mode (`_present=1`): big type, no sidebar, one idea per screen, keys to move on.

The page order is the navigation registry's; the keys a presenter's clicker sends (PageDown /
PageUp, arrows) press the next / previous links drawn by the page, so moving on is an ordinary
in-app link that keeps scope, year and language. Pure: CSS, script and figure tweaks as values.
"""

import plotly.graph_objects as go

from pedatlas import chart_export, figure_layout

NEXT_KEYS = ("ArrowRight", "PageDown", "ArrowDown", " ")
PREVIOUS_KEYS = ("ArrowLeft", "PageUp", "ArrowUp")
EXIT_KEYS = ("Escape",)
NEXT_BOX, PREVIOUS_BOX, EXIT_BOX = "present_next", "present_previous", "present_exit"
END_BOX = "present_end"  # "last page" in the bar of the deck's last page
FLASH = "present-flash"  # the class Next puts on it there: the note lights up, the page stays
BAR_BOX = "present_bar"
HIDDEN_BOX = "present_hide"
SCREEN_HEIGHT = 540  # a figure that fits under a title at 1280x720
# where a new idea starts on a page: a heading or a figure
IDEAS = '[data-testid="stHeading"], [data-testid="stPlotlyChart"], [data-testid="stMetric"]'
SKIPPED_PAGES = ("data", "briefing")  # data management and the export: nothing to show a room
FIGURE_SCALE = 1.6
FONT_SIZE = 18  # plotly text at 1280x720 seen from the back of a room

CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], header[data-testid="stHeader"],
[data-testid="stDataFrame"], [data-testid="stDownloadButton"], [data-testid="stExpander"],
[data-testid="stPopover"], [data-testid="stCaptionContainer"], [data-testid="stToolbar"],
[data-testid="stMainBlockContainer"] :is([data-testid="stSelectbox"], [data-testid="stRadio"],
  [data-testid="stCheckbox"], [data-testid="stMultiSelect"], [data-testid="stSlider"],
  [data-testid="stButton"], [data-testid="stTextInput"], [data-testid="stNumberInput"]),
.st-key-present_hide { display: none !important; }
.st-key-present_bar [data-testid="stButton"] { display: block !important; }
/* and the empty boxes around what is hidden: each kept a gap of the page's column (1rem = 21px),
   which pushed a figure under its title below the bottom of a 720-pixel screen */
[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]:not(.st-key-present_bar *):has(
  :is([data-testid="stDataFrame"], [data-testid="stDownloadButton"], [data-testid="stCaptionContainer"],
  [data-testid="stSelectbox"], [data-testid="stRadio"], [data-testid="stCheckbox"],
  [data-testid="stMultiSelect"], [data-testid="stSlider"], [data-testid="stButton"],
  [data-testid="stTextInput"], [data-testid="stNumberInput"])),
[data-testid="stLayoutWrapper"]:has(> :is([data-testid="stExpander"], [data-testid="stPopover"],
  .st-key-present_hide)),
[data-testid="stLayoutWrapper"]:has(> [data-testid="stHorizontalBlock"] :is([data-testid="stSelectbox"],
  [data-testid="stRadio"], [data-testid="stCheckbox"], [data-testid="stSlider"],
  [data-testid="stMultiSelect"])):not(:has(> [data-testid="stHorizontalBlock"] :is(
  [data-testid="stMetric"], [data-testid="stPlotlyChart"], [data-testid="stHeading"],
  [data-testid="stMarkdownContainer"] strong))) { display: none !important; }
/* a heading (or a bold line) right above a table: the table is hidden, so is its title */
[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]:has(:is(
  [data-testid="stHeading"], [data-testid="stMarkdownContainer"] strong)):has(
  + [data-testid="stElementContainer"] [data-testid="stDataFrame"]) { display: none !important; }
html { font-size: 21px; }
/* the page starts under the deck bar: the bar is an opaque band across the top, so what scrolls
   up runs behind it (not through its links) and a title never sits under the links */
/* and it ends with a screen's room, so that the last step can bring the page's last idea up under
   the bar (without it the page's end stopped the scroll and cut what sat at the bar's edge) */
.block-container, [data-testid="stMainBlockContainer"] {
  padding-top: 3.6rem !important; padding-bottom: calc(100vh - 3rem) !important;
  max-width: 100% !important; padding-left: 1.6rem !important; padding-right: 1.6rem !important;
}
h1 { font-size: 2.1rem !important; padding-top: 0 !important; }
h2, h3 { font-size: 1.5rem !important; }
[data-testid="stMetricValue"] { font-size: 2.6rem !important; }
[data-testid="stMetricLabel"] p { font-size: 1.1rem !important; }
.js-plotly-plot .legendtext { font-size: 18px !important; }
[data-testid="stHorizontalBlock"]:has(:is([data-testid="stSelectbox"], [data-testid="stRadio"],
  [data-testid="stCheckbox"], [data-testid="stSlider"], [data-testid="stMultiSelect"])):not(:has(
  :is([data-testid="stMetric"], [data-testid="stPlotlyChart"], [data-testid="stHeading"],
  [data-testid="stMarkdownContainer"] strong))) { display: none !important; }
.st-key-present_bar { position: fixed; left: 0; right: 0; top: 0; height: 3.2rem; z-index: 1000;
  width: auto !important; justify-content: flex-end !important; align-items: center !important;
  background: rgb(255,255,255); border-bottom: 1px solid rgba(49,51,63,0.1); padding: 0 1rem; }
.st-key-present_bar p { font-size: 0.8rem; }
.st-key-present_end { padding: 0.2rem 0.6rem; border-radius: 0.5rem; color: rgba(49,51,63,0.7); }
.st-key-present_end.present-flash { animation: present-flash 1.6s ease-out; }
@keyframes present-flash { 0%, 50% { background: rgb(255,224,138); color: rgb(49,51,63); } }
</style>
"""

# On every page, projector or not: the box holding the styles takes no room, and a metric's label
# wraps (Streamlit cuts it with an ellipsis: "Pediatricians per 1k chil…" in English at 1280x720).
BASE_CSS = """
<style>
.st-key-present_hide, [data-testid="stLayoutWrapper"]:has(> .st-key-present_hide) {
  display: none !important; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  height: auto !important; }
</style>
"""


def deck(page_keys, current: str) -> tuple[str | None, str | None]:
    """(previous, next) page of current in the presentation order; None at either end."""
    order = [key for key in page_keys if key not in SKIPPED_PAGES]
    if current not in order:
        return None, (order[0] if order else None)
    at = order.index(current)
    previous = order[at - 1] if at > 0 else None
    following = order[at + 1] if at + 1 < len(order) else None
    return previous, following


def _key_list(keys) -> str:
    return "[" + ",".join(f'"{key}"' for key in keys) + "]"


def key_script() -> str:
    """JavaScript (once per browser tab) for the clicker keys.

    Next scrolls the page to the next idea below the screen's top (a heading, a figure, a row of
    figures); at the bottom it presses the next page's link, and on the deck's last page, which
    has none, it stays and lights up the bar's "last page" note. Previous does the same upwards
    (on the first page, at the top, it does nothing).
    """
    return f"""<script>
if (!window.pedatlasPresentKeys) {{
  window.pedatlasPresentKeys = true;
  const press = (box) => {{
    const target = document.querySelector(".st-key-" + box + " a, .st-key-" + box + " button");
    if (target) {{ target.click(); return true; }}
    return false;
  }};
  const scroller = () => {{
    let el = document.querySelector('[data-testid="stMainBlockContainer"]');
    while (el && !(el.scrollHeight > el.clientHeight + 4 && /(auto|scroll)/.test(getComputedStyle(el).overflowY))) el = el.parentElement;
    return el || document.scrollingElement;
  }};
  const ideas = (box) => {{
    const top = box.getBoundingClientRect().top;
    const page = document.querySelector('[data-testid="stMainBlockContainer"]');
    // where the page's content ends: above the room left at the bottom (see the CSS)
    const contentEnd = box.scrollHeight - (page ? parseFloat(getComputedStyle(page).paddingBottom) : 0);
    const seen = [];
    document.querySelectorAll('{IDEAS}').forEach((el) => {{
      if (!el.offsetParent || el.closest(".st-key-{BAR_BOX}")) return;
      const rect = el.getBoundingClientRect();
      const at = Math.round(rect.top - top + box.scrollTop);
      const end = Math.round(rect.bottom - top + box.scrollTop);
      const same = seen.find((idea) => Math.abs(idea.top - at) < 40);
      if (same) same.bottom = Math.max(same.bottom, end);
      else seen.push({{top: at, bottom: end, heading: el.matches('[data-testid="stHeading"]')}});
    }});
    seen.sort((a, b) => a.top - b.top);
    // an idea runs on to where the next one starts (the ranking under a heading, a caption)
    seen.forEach((idea, at) => {{
      const end = at + 1 < seen.length ? seen[at + 1].top - 1 : contentEnd;
      idea.bottom = Math.max(idea.bottom, end);
    }});
    return seen;
  }};
  // Next: the first idea not yet wholly on screen (ideas already seen whole are not shown again),
  // with the heading just above it when that heading would otherwise scroll away.
  const nextTop = (list, now, screen, offset) => {{
    const below = (idea) => idea.top > now + offset + 20;
    const at = list.findIndex((idea) => below(idea) && idea.bottom > now + screen + 4);
    if (at < 0) return undefined;
    const before = list[at - 1];
    const top = before && before.heading && below(before) ? before.top : list[at].top;
    return Math.max(0, top - offset);
  }};
  const step = (forward) => {{
    const box = scroller();
    const now = box.scrollTop;
    const last = box.scrollHeight - box.clientHeight;
    const list = ideas(box);
    // an idea comes to rest under the deck bar (fixed at the top right), not behind it
    const bar = document.querySelector(".st-key-{BAR_BOX}");
    const offset = (bar ? bar.getBoundingClientRect().bottom - Math.max(0, box.getBoundingClientRect().top) : 0) + 8;
    const goal = forward ? (now < last - 4 ? nextTop(list, now, box.clientHeight, offset) : undefined)
                         : list.map((idea) => Math.max(0, idea.top - offset)).reverse().find((y) => y < now - 20);
    if (goal !== undefined) {{ box.scrollTo({{top: Math.min(goal, last)}}); return true; }}
    if (!forward && now > 4) {{ box.scrollTo({{top: 0}}); return true; }}
    return press(forward ? "{NEXT_BOX}" : "{PREVIOUS_BOX}") || (forward && flashEnd());
  }};
  const flashEnd = () => {{
    const note = document.querySelector(".st-key-{END_BOX}");
    if (!note) return false;
    note.classList.remove("{FLASH}");
    void note.offsetWidth;  // restarts the animation on every press
    note.classList.add("{FLASH}");
    return true;
  }};
  // A page of the deck starts at its top, whether reached by a key or the bar's links: the room
  // at every page's end (see the CSS) kept the scroll where the last page had left it.
  document.addEventListener("click", (event) => {{
    const link = event.target.closest && event.target.closest(".st-key-{NEXT_BOX} a, .st-key-{PREVIOUS_BOX} a");
    if (link) scroller().scrollTo({{top: 0}});
  }}, true);
  document.addEventListener("keydown", (event) => {{
    const field = event.target.closest && event.target.closest("input, textarea, select, [contenteditable], [role=slider], [role=combobox]");
    if (field || event.altKey || event.ctrlKey || event.metaKey) return;
    if (!document.querySelector(".st-key-{BAR_BOX}")) return;
    let handled = false;
    if ({_key_list(NEXT_KEYS)}.includes(event.key)) handled = step(true);
    else if ({_key_list(PREVIOUS_KEYS)}.includes(event.key)) handled = step(false);
    else if ({_key_list(EXIT_KEYS)}.includes(event.key)) handled = press("{EXIT_BOX}");
    if (handled) event.preventDefault();
  }}, true);
}}
</script>"""


def _scaled(size, scale: float):
    if size is None:
        return None
    if isinstance(size, int | float):
        return size * scale
    return [value * scale if value is not None else None for value in size]


def enlarge_figure(
    figure: go.Figure, scale: float = FIGURE_SCALE, height: int | None = None
) -> go.Figure:
    """Bigger markers, lines and text, and no taller than a screen (the figure is changed)."""
    for trace in figure.data:
        marker = getattr(trace, "marker", None)
        if (
            trace.type in ("scatter", "scattergeo")
            and marker is not None
            and marker.size is not None
        ):
            trace.marker.size = _scaled(marker.size, scale)
        line = getattr(trace, "line", None)
        if trace.type in ("scatter", "scattergeo") and line is not None and line.width:
            trace.line.width = line.width * scale
    for frame in figure.frames or ():
        for trace in frame.data:
            if trace.type == "scattergeo" and trace.marker.size is not None:
                trace.marker.size = _scaled(trace.marker.size, scale)
    title = figure.layout.title  # a stamped title has sizes of its own (pedatlas.chart_export)
    for part in (title, title.subtitle):
        if part.font.size:
            part.font.size = part.font.size * scale
    if title.subtitle.text and figure.layout.margin.t:
        # the title block under the toolbar's row grows with its text
        block = figure.layout.margin.t - chart_export.TOOLBAR_ROW
        figure.layout.margin.t = chart_export.TOOLBAR_ROW + round(block * scale)
    figure_layout.update_layout(
        figure,
        font={"size": FONT_SIZE},
        legend={"font": {"size": FONT_SIZE}},
        hoverlabel={"font": {"size": FONT_SIZE}},
    )
    tallest = min(height or SCREEN_HEIGHT, SCREEN_HEIGHT)
    if figure.layout.height is None or figure.layout.height > tallest:
        figure_layout.update_layout(figure, height=tallest)
    return figure

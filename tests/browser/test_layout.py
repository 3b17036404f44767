"""Every page at a projector's, a laptop's and a phone's size, measured in real Chromium.

For each page (a busy view of it: four candidacies on /compare, 13 on the 2016 straw polls, a
country panel on /map) at 1920×1080, 1280×720 and 390×844:
- every static table's cells and every interactive table lie within the page; at 1280 px and
  wider an interactive table shows all its columns (no column scrolled out of sight);
- no control (button, picker, link, slider) overlaps a chart, and every chart lies within the page;
- a screenshot of the whole page, once complete (nothing running or loading, the height the same
  at two checks; none of the main area left out), goes to
  test-artifacts/layout/<page>-<width>x<height>.png (git-ignored), for people to look at.
Charts render lazily when they come into view, so each one is scrolled into view first.
"""

from __future__ import annotations

import re

import pytest

from components.registry import DEFAULT_URL_PATH, url_paths
from tests.browser.conftest import ARTIFACTS, open_app

pytestmark = pytest.mark.browser

SIZES = [(1920, 1080), (1280, 720), (390, 844)]
COMPARE_2016 = (
    "/compare?cycle=2016&candidate=antonio-guterres&candidate=irina-bokova"
    "&candidate=vuk-jeremic&candidate=danilo-turk"
)
# A busy view of each page (the default view of the others).
VIEWS = {
    "compare": COMPARE_2016,
    "priorities": "/priorities?priority=p1&cycle=2016",
    "map": "/map?indicator=sc-vetoes-cast&cycle=2026&country=CHL",
    "straw-polls": "/straw-polls?cycle=2016",
}
SHOTS = ARTIFACTS / "layout"
CHARTS = '[data-testid="stPlotlyChart"], [data-testid="stDeckGlJsonChart"]'
CONTROLS = ", ".join(
    f'[data-testid="stMain"] [data-testid="{kind}"]'
    for kind in (
        "stButton", "stDownloadButton", "stSelectbox", "stMultiSelect", "stPopover",
        "stPageLink", "stSlider", "stRadio", "stSegmentedControl", "stTextInput",
    )
)  # fmt: skip


# How much of the main area the viewport does not show (it scrolls on its own: `stMain`).
LEFT_OUT = """() => { const m = document.querySelector('[data-testid="stMain"]');
  return Math.max(0, m.scrollHeight - m.clientHeight); }"""


def view_of(url_path: str) -> str:
    """The URL (path and query) measured for a page."""
    return VIEWS.get(url_path, "/" if url_path == DEFAULT_URL_PATH else f"/{url_path}")


# Boxes of what the test checks, in page coordinates (the main area scrolls on its own, so the
# boxes are measured after each chart was brought into view; x does not change with scrolling).
MEASURE = """(selectors) => {
  const vw = document.documentElement.clientWidth;
  const box = (e) => { const r = e.getBoundingClientRect();
                       return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                               width: r.width, height: r.height}; };
  const visible = (e) => { const r = e.getBoundingClientRect();
                           return r.width > 0 && r.height > 0 && e.offsetParent !== null; };
  const name = (e) => (e.closest('[class*="st-key-"]') || e).className.toString()
                        .split(' ').find(c => c.startsWith('st-key-'))
                      || e.getAttribute('data-testid');
  const all = (selector) => [...document.querySelectorAll(selector)].filter(visible);
  const tables = all('[data-testid="stTable"]').map(t => {
    const cells = [...t.querySelectorAll('th, td')].map(box);
    const table = t.querySelector('table');
    return {name: name(t), right: Math.max(...cells.map(c => c.right)),
            left: Math.min(...cells.map(c => c.left)),
            overflow: table ? table.scrollWidth - t.clientWidth : 0,
            columns: t.querySelectorAll('thead th').length};
  });
  const frames = [...document.querySelectorAll('[data-testid="stDataFrame"]')].filter(visible)
    .map(f => { const s = f.querySelector('.dvn-scroller');
                return {name: name(f), ...box(f),
                        hidden: s ? s.scrollWidth - s.clientWidth : 0}; });
  const charts = [...document.querySelectorAll(selectors.charts)].filter(visible)
    .map(c => ({name: name(c), ...box(c)}));
  const controls = [...document.querySelectorAll(selectors.controls)].filter(visible)
    .map(c => ({name: name(c), ...box(c)}));
  return {vw, tables, frames, charts, controls};
}"""


def overlap(a: dict, b: dict) -> float:
    """Area (px²) two boxes share."""
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(width, 0) * max(height, 0)


def bring_charts_into_view(page) -> None:
    """Scroll to every chart so that each renders (they render when they come into view)."""
    charts = page.locator(CHARTS)
    for i in range(charts.count()):
        if charts.nth(i).is_visible():  # not one in a closed expander or another tab
            # scrollIntoView without Playwright's wait for a still element (a map redraws).
            charts.nth(i).evaluate("e => e.scrollIntoView({block: 'center'})")
            page.wait_for_timeout(300)
    page.locator("h1").first.scroll_into_view_if_needed()


# The content's height, once nothing is running or loading (else null).
CONTENT_HEIGHT = """() => {
  const busy = document.querySelector('[data-testid="stStatusWidgetRunningIcon"], '
    + '[data-testid="stSkeletonElement"], [data-testid="stSkeleton"], [data-stale="true"]');
  const app = document.querySelector('[data-testid="stApp"]');
  if (busy || app.getAttribute('data-test-script-state') !== 'notRunning') return null;
  return Math.max(...[...document.querySelectorAll(
    '[data-testid="stMain"], [data-testid="stMainBlockContainer"]')].map(e => e.scrollHeight));
}"""
MAX_SHOT_HEIGHT = 16_000  # px: Chromium's screenshots stay reliable below this


def settled_height(page, quiet_ms: int = 500, timeout_ms: int = 30_000) -> int:
    """The content's height once the page is complete: nothing running or loading, and the same
    height at two checks `quiet_ms` apart (lower sections draw after the script has finished)."""
    last, waited = None, 0
    while waited < timeout_ms:
        height = page.evaluate(CONTENT_HEIGHT)
        if height is not None and height == last:
            return int(height)
        last = height
        page.wait_for_timeout(quiet_ms)
        waited += quiet_ms
    raise AssertionError(f"the page did not settle in {timeout_ms} ms (last height {last})")


def fit_viewport_to_content(page, width: int) -> None:
    """Make the viewport as tall as the complete page (up to MAX_SHOT_HEIGHT), with every chart
    drawn: a taller viewport draws more (charts render when in view), so measure again until the
    content fits."""
    for _ in range(4):
        height = min(settled_height(page) + 40, MAX_SHOT_HEIGHT)
        page.set_viewport_size({"width": width, "height": height})
        bring_charts_into_view(page)
        settled_height(page)  # what the taller viewport drew
        if page.evaluate(LEFT_OUT) <= 1 or height == MAX_SHOT_HEIGHT:
            return


def measure(page) -> dict:
    """Tables, charts and controls of the page, each measured while it is in view."""
    seen: dict = {"tables": [], "frames": [], "charts": [], "controls": [], "vw": 0}
    selectors = {"charts": CHARTS, "controls": CONTROLS}
    # Charts and the controls around them are compared in one position of the scroll, per chart.
    charts = page.locator(CHARTS)
    for i in range(max(charts.count(), 1)):
        if charts.count() and charts.nth(i).is_visible():
            charts.nth(i).evaluate("e => e.scrollIntoView({block: 'center'})")
            page.wait_for_timeout(200)
        box = page.evaluate(MEASURE, selectors)
        seen["vw"] = box["vw"]
        for chart in box["charts"]:
            for control in box["controls"]:
                if overlap(chart, control) > 4:
                    seen.setdefault("overlaps", []).append((chart["name"], control["name"]))
        seen["charts"] += box["charts"]
        seen["tables"] += box["tables"]
        seen["frames"] += box["frames"]
    return seen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("url_path", url_paths())
def test_tables_fit_and_no_control_covers_a_chart(page, app_url, url_path, size):
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, app_url, view_of(url_path))
    bring_charts_into_view(page)
    seen = measure(page)
    vw = seen["vw"]

    cut = [t for t in seen["tables"] if t["right"] > vw + 1 or t["left"] < -1 or t["overflow"] > 1]
    assert not cut, f"static tables run past the page ({vw} px): {cut}"
    outside = [f for f in seen["frames"] if f["right"] > vw + 1 or f["left"] < -1]
    assert not outside, f"interactive tables run past the page ({vw} px): {outside}"
    if width >= 1280:
        hidden = [f for f in seen["frames"] if f["hidden"] > 1]
        assert not hidden, f"interactive tables with columns scrolled out of sight: {hidden}"
    wide = [c for c in seen["charts"] if c["right"] > vw + 1 or c["left"] < -1]
    assert not wide, f"charts run past the page ({vw} px): {wide}"
    assert not seen.get("overlaps"), f"controls on top of charts: {seen['overlaps']}"

    # The whole page, for people to look at: a viewport as tall as the content.
    fit_viewport_to_content(page, width)
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^a-z0-9-]+", "-", url_path)
    page.screenshot(path=str(SHOTS / f"{name}-{width}x{height}.png"))
    left = page.evaluate(LEFT_OUT)
    capped = page.viewport_size["height"] >= MAX_SHOT_HEIGHT
    assert left <= 1 or capped, f"the screenshot of {url_path} at {width}×{height}: {left} px cut"


# --- chart text that must not collide or be cut ---------------------------------------------------

# The panel titles of a small-multiples chart, as boxes (Plotly draws them as annotations).
PANEL_TITLES = """(key) => [...document.querySelectorAll(`.st-key-${key} g.annotation`)]
  .map(a => { const r = a.getBoundingClientRect();
              return {text: a.textContent, left: r.left, right: r.right, top: r.top,
                      bottom: r.bottom}; })
  .filter(a => a.text.length > 0 && a.right > a.left)"""

# The priorities grid's overall column: each cell's label and the width of the column.
OVERALL_CELLS = """() => {
  const gd = document.querySelector('.st-key-grid_chart .js-plotly-plot');
  const axis = gd._fullLayout.xaxis2;
  const column = axis._length - (gd._fullData[1].xgap || 0);
  return [...gd.querySelectorAll('.subplot.x2y2 .heatmap-label')]
    .map(t => ({text: t.textContent, width: t.getBoundingClientRect().width, column}))
    .filter(t => t.width > 0);
}"""


@pytest.mark.parametrize("size", [(1280, 720), (390, 844)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_poll_panel_titles_do_not_run_into_each_other(page, app_url, size):
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, app_url, VIEWS["straw-polls"])
    chart = page.locator(".st-key-votes_chart")
    chart.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.locator(".st-key-votes_chart g.annotation").first.wait_for(state="attached")
    titles = page.evaluate(PANEL_TITLES, "votes_chart")
    assert len([t for t in titles if t["text"].startswith("Poll")]) >= 6, titles
    touching = [
        (a["text"], b["text"])
        for i, a in enumerate(titles)
        for b in titles[i + 1 :]
        if overlap(a, b) > 1
    ]
    assert not touching, f"panel titles overlap at {width}×{height}: {touching}"


@pytest.mark.parametrize("size", [(1280, 720), (390, 844)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_priority_grid_overall_column_shows_its_words_whole(page, app_url, size):
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, app_url, VIEWS["priorities"])
    page.locator(".st-key-grid_chart").evaluate("e => e.scrollIntoView({block: 'center'})")
    page.locator(".st-key-grid_chart .heatmap-label").first.wait_for(state="attached")
    cells = page.evaluate(OVERALL_CELLS)
    assert cells, "no labels in the overall column"
    cut = [c for c in cells if c["width"] > c["column"] + 0.5]
    assert not cut, f"overall cells wider than their column at {width}×{height}: {cut}"


# The priorities grid's ask cells: each mark's box against its cell's box (Plotly draws a heatmap
# as one image, so a cell's box comes from the axes: the category's centre ± half a step, less
# the gap), and the chart's box against the page.
ASK_MARKS = """() => {
  const gd = document.querySelector('.st-key-grid_chart .js-plotly-plot');
  const {xaxis: xa, yaxis: ya} = gd._fullLayout;
  const trace = gd._fullData[0];
  const svg = gd.querySelector('.main-svg').getBoundingClientRect();
  const half = (axis, n, gap) => axis._length / n / 2 - (gap || 0) / 2;
  const hx = half(xa, trace.x.length, trace.xgap), hy = half(ya, trace.y.length, trace.ygap);
  const cells = [];
  trace.y.forEach((_, row) => trace.x.forEach((_, col) => {
    const cx = svg.left + xa._offset + xa.l2p(col), cy = svg.top + ya._offset + ya.l2p(row);
    cells.push({left: cx - hx, right: cx + hx, top: cy - hy, bottom: cy + hy});
  }));
  const inside = (b) => cells.find(c => b.left + b.width / 2 >= c.left
    && b.left + b.width / 2 <= c.right && b.top + b.height / 2 >= c.top
    && b.top + b.height / 2 <= c.bottom);
  const marks = [...gd.querySelectorAll('.subplot.xy .heatmap-label')]
    .map(t => [t.textContent, t.getBoundingClientRect()]).filter(([, b]) => b.width > 0)
    .map(([text, b]) => ({text, left: b.left, right: b.right, top: b.top, bottom: b.bottom,
                          cell: inside(b) || null}));
  const box = gd.getBoundingClientRect();
  return {marks, cellWidth: 2 * hx, chart: {left: box.left, right: box.right},
          vw: document.documentElement.clientWidth};
}"""


@pytest.mark.parametrize("size", [(1280, 720), (390, 844)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_priority_grid_marks_stay_inside_their_cells(page, app_url, size):
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, app_url, VIEWS["priorities"])  # p1: nine asks, the narrowest cells
    page.locator(".st-key-grid_chart").evaluate("e => e.scrollIntoView({block: 'center'})")
    page.locator(".st-key-grid_chart .subplot.xy .heatmap-label").first.wait_for(state="attached")
    grid = page.evaluate(ASK_MARKS)
    assert len(grid["marks"]) >= 9, grid["marks"]
    assert grid["chart"]["left"] >= -1 and grid["chart"]["right"] <= grid["vw"] + 1, grid["chart"]
    out = [
        (m["text"], round(m["left"]), round(m["right"]), m["cell"])
        for m in grid["marks"]
        if m["cell"] is None
        or m["left"] < m["cell"]["left"] - 0.5
        or m["right"] > m["cell"]["right"] + 0.5
        or m["top"] < m["cell"]["top"] - 0.5
        or m["bottom"] > m["cell"]["bottom"] + 0.5
    ]
    cell = f"{grid['cellWidth']:.1f} px"
    assert not out, f"marks outside their {cell} cells at {width}×{height}: {out}"


# Texts cut by their box (Streamlit draws page links and metric values on one line, with an
# ellipsis, by default): a box that clips its overflow and holds more than it shows.
CUT = """(selector) => [...document.querySelectorAll(selector)]
  .filter(a => [a, ...a.querySelectorAll('*')].some(e => {
    const s = getComputedStyle(e);
    return s.overflow !== 'visible' && e.scrollWidth > e.clientWidth + 1; }))
  .map(a => a.innerText.trim())"""
# (what, URL, its selector, a text it must show): the 2016 overview's "Appointed" figure is a
# name, in a quarter of the page's width.
WHOLE_TEXTS = [
    ("page links", "/", '[data-testid="stMain"] [data-testid="stPageLink"] a', None),
    ("metric values", "/?cycle=2016", '[data-testid="stMetricValue"]', "António Guterres"),
]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("what, url, selector, shown", WHOLE_TEXTS, ids=[c[0] for c in WHOLE_TEXTS])
def test_link_labels_and_metric_values_are_never_cut(
    page, app_url, what, url, selector, shown, size
):
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, app_url, url)
    texts = page.locator(selector)
    texts.nth(2).wait_for()  # the overview has at least three of each
    if shown:
        assert shown in texts.all_inner_texts()
    cut = page.evaluate(CUT, selector)
    assert not cut, f"{what} cut at {width}×{height}: {cut}"


# Milestone labels drawn on more than one line (a label is a few words: it must not be broken).
BROKEN_MILESTONES = """() => [...document.querySelectorAll('.st-key-milestones strong')]
  .filter(b => b.getClientRects().length > 1).map(b => b.innerText)"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_overview_milestone_labels_stay_on_one_line_inside_the_page(page, app_url, size):
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, app_url, "/")
    labels = page.locator(".st-key-milestones strong")
    labels.nth(6).wait_for()
    assert len(labels.all_inner_texts()) == 7
    assert not page.evaluate(BROKEN_MILESTONES), f"labels broken at {width}×{height}"
    box = page.locator(".st-key-milestones").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width


# The compare radar: the circle's diameter against the chart's width, and spoke labels cut.
RADAR = """() => {
  const c = document.querySelector('.st-key-compare_radar');
  const gd = c.querySelector('.js-plotly-plot');
  const r = c.getBoundingClientRect();
  const cut = [...c.querySelectorAll('g.angularaxistick text')]
    .map(t => [t, t.getBoundingClientRect()])
    .filter(([, b]) => b.left < r.left - 1 || b.right > r.right + 1 || b.top < r.top - 1)
    .map(([t]) => t.textContent);
  return {share: 2 * gd._fullLayout.polar._subplot.radius / r.width, cut};
}"""


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_four_candidate_radar_is_large_on_a_phone_and_its_labels_whole(page, app_url, lang):
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, app_url, f"{COMPARE_2016}&lang={lang}")
    page.locator(".st-key-compare_radar").evaluate("e => e.scrollIntoView({block: 'center'})")
    page.locator(".st-key-compare_radar g.angularaxistick text").first.wait_for(state="attached")
    radar = page.evaluate(RADAR)
    assert radar["share"] >= 0.58, f"the radar circle spans {radar['share']:.0%} of the chart"
    assert not radar["cut"], f"spoke labels cut: {radar['cut']}"

"""The map page in real Chromium: the choropleth draws from the local topojson (no CDN), the
missions map uses the local blank style, and a click on a country opens its panel."""

from __future__ import annotations

import polars as pl
import pytest

from tests.browser.conftest import open_app, wait_for_rerun
from views import map as view
from views.map_figure import GEO_RESOLUTION, topojson_ids

pytestmark = pytest.mark.browser

DRAWN = "document.querySelectorAll('path.choroplethlocation').length"


def wait_for_map(page, minimum: int = 150) -> int:
    """Wait until the choropleth has drawn at least `minimum` country shapes; return the count."""
    page.wait_for_function(f"{DRAWN} > {minimum}", timeout=60_000, polling=200)
    return page.evaluate(DRAWN)


def _drawn(package, indicator_id: str) -> tuple[int, int]:
    """(country shapes the map should draw, colours they should have), from the package: every
    UN member and territory with a value that has a shape at the map's resolution."""
    indicator = view.indicator_row(package["indicators"], indicator_id)
    classes = view.indicator_classes(indicator, package["indicator_values"], "no data")
    frame = view.map_frame(package.tables, indicator, None, classes)
    shaped = frame.filter(pl.col("iso3").is_in(list(topojson_ids(GEO_RESOLUTION))))
    return shaped.height, shaped["color"].n_unique()


def test_choropleth_renders_offline(page, app_url: str, package) -> None:
    open_app(page, app_url, "/map?indicator=death-penalty-status")
    shapes, colours = _drawn(package, "death-penalty-status")
    # none is missing (Chromium showed one path more than the shapes counted here, 198 vs 197)
    assert wait_for_map(page, minimum=shapes - 1) >= shapes
    filled = page.evaluate(
        """() => new Set([...document.querySelectorAll('path.choroplethlocation')]
              .map(p => getComputedStyle(p).fill)).size"""
    )
    assert filled == colours  # every class has its colour: not a blank map
    legend = page.evaluate("() => document.querySelector('g.legend').textContent")
    assert "Retentionist" in legend and "No data" in legend
    # the missions map (deck.gl) draws on its canvas with the local style only
    page.locator(
        '[data-testid="stDeckGlJsonChart"] canvas, .stDeckGlJsonChart canvas'
    ).first.wait_for(timeout=60_000)
    # the `page` fixture fails the test on any request to another host or any console error


def test_clicking_a_country_opens_its_panel(page, app_url: str) -> None:
    open_app(page, app_url, "/map")
    wait_for_map(page)
    x, y = page.evaluate(
        """() => {
          const p = [...document.querySelectorAll('path.choroplethlocation')]
            .find(el => el.__data__ && el.__data__.loc === 'BRA');
          const r = p.getBoundingClientRect();
          return [r.x + r.width / 2, r.y + r.height / 2];
        }"""
    )
    page.mouse.click(x, y)
    page.wait_for_url("**country=BRA**", timeout=30_000)
    wait_for_rerun(page)
    page.get_by_role("heading", name="Brazil (BRA)").wait_for(timeout=30_000)

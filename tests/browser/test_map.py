"""The map page in real Chromium: the choropleth draws from the local topojson (no CDN), the
missions map uses the local blank style, and a click on a country opens its panel."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_app, wait_for_rerun

pytestmark = pytest.mark.browser

DRAWN = "document.querySelectorAll('path.choroplethlocation').length"


def wait_for_map(page, minimum: int = 150) -> int:
    """Wait until the choropleth has drawn at least `minimum` country shapes; return the count."""
    page.wait_for_function(f"{DRAWN} > {minimum}", timeout=60_000, polling=200)
    return page.evaluate(DRAWN)


def test_choropleth_renders_offline(page, app_url: str) -> None:
    open_app(page, app_url, "/map?indicator=death-penalty-status")
    # every UN member with a shape at 1:50m (all but Tuvalu) plus territories with a value
    assert wait_for_map(page) >= 190
    filled = page.evaluate(
        """() => new Set([...document.querySelectorAll('path.choroplethlocation')]
              .map(p => getComputedStyle(p).fill)).size"""
    )
    assert filled >= 4  # the four death-penalty classes: not a blank map
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

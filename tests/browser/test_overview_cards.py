"""The overview's candidacy cards, measured in Chromium: they share each line as the width allows
(a projector fits more to a line than a laptop, a phone one), read in order (left to right, then
the next line; on a phone top to bottom) and stay within the page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_app

pytestmark = pytest.mark.browser

CARDS = """() => [...document.querySelectorAll(
    '.st-key-candidacy_cards > [data-testid="stLayoutWrapper"]')].map(e => {
  const r = e.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, name: e.querySelector('h1, h2, h3, strong')
          ?.textContent ?? ''}; })"""
PAGE_WIDTH = "() => document.documentElement.clientWidth"


@pytest.mark.parametrize(
    ("width", "height", "at_least", "at_most"),
    [(1920, 1080, 4, 6), (1280, 720, 3, 3), (390, 844, 1, 1)],
)
def test_cards_share_lines_in_reading_order_within_the_page(
    page, app_url: str, width: int, height: int, at_least: int, at_most: int
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, app_url, "/?cycle=2016")
    cards = page.evaluate(CARDS)
    assert len(cards) >= 10, "the 2016 cycle has more than ten candidacies"
    lines: list[list[dict]] = []
    for card in cards:  # in the page's (reading) order
        if lines and abs(card["top"] - lines[-1][0]["top"]) < 2:
            lines[-1].append(card)
        else:
            lines.append([card])
    assert at_least <= len(lines[0]) <= at_most, [len(line) for line in lines]
    for line in lines:
        lefts = [c["left"] for c in line]
        assert lefts == sorted(lefts), "a line reads left to right"
    tops = [line[0]["top"] for line in lines]
    assert tops == sorted(tops), "each line is below the one before"
    page_width = page.evaluate(PAGE_WIDTH)
    assert all(c["left"] >= 0 and c["right"] <= page_width + 0.5 for c in cards), cards

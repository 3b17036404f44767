"""Presentation mode, the copy-link round trip and a language switch, in real Chromium against the
real server (offline and console-clean: the `page` fixture checks both)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.browser.conftest import open_app, wait_for_rerun

pytestmark = pytest.mark.browser

DECK = json.loads(
    (Path(__file__).resolve().parents[2] / "data" / "decks" / "race-2026.json").read_text()
)
N = len(DECK["slides"])


def slide_view(n: int) -> str:
    """The view link of slide n (1-based), as views.decks.slide_link builds it."""
    from views.decks import Slide, slide_link

    raw = DECK["slides"][n - 1]
    params = {k: v if isinstance(v, list) else [v] for k, v in raw.get("params", {}).items()}
    return slide_link(Slide(raw["page"], params, raw["title"]))


def counter(page):
    return page.locator(".st-key-present_counter")


def frame_src(page) -> str:
    frame = page.locator(".st-key-present_frame iframe")
    frame.wait_for()
    return frame.get_attribute("src") or ""


def assert_slide(page, app_url: str, n: int) -> None:
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel)?.innerText.trim() === text",
        arg=[".st-key-present_counter", f"{n} / {N}"],
    )
    assert (
        frame_src(page)
        == app_url + slide_view(n) + ("&" if "?" in slide_view(n) else "?") + "embed=true"
    )


def test_present_steps_by_button_and_by_keyboard(page, app_url: str) -> None:
    open_app(page, app_url, "/present?deck=race-2026")
    page.locator('[data-testid="stSidebar"]').wait_for(state="hidden")  # full screen
    assert_slide(page, app_url, 1)
    page.locator(".st-key-present_next button").click()
    wait_for_rerun(page)
    assert_slide(page, app_url, 2)
    page.wait_for_url(re.compile(r"[?&]slide=2(&|$)"))
    page.locator("h1").first.click()  # focus on the presenter's page, not inside the slide
    page.keyboard.press("ArrowRight")
    wait_for_rerun(page)
    assert_slide(page, app_url, 3)
    page.keyboard.press("ArrowLeft")
    wait_for_rerun(page)
    assert_slide(page, app_url, 2)


def test_slide_link_opens_that_slide(page, app_url: str) -> None:
    open_app(page, app_url, f"/present?deck=race-2026&slide={N}")
    assert_slide(page, app_url, N)
    assert page.locator(".st-key-present_next button").is_disabled()


def test_copy_link_round_trip(page, app_url: str, browser) -> None:
    path = "/compare?cycle=2016&candidate=antonio-guterres&candidate=helen-clark"
    open_app(page, app_url, path)
    page.locator('[data-testid="stPopover"] button').first.click()
    code = page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"] code').first
    code.wait_for()
    link = code.inner_text().strip()
    assert link == app_url + path
    other = page.context.new_page()
    open_app(other, "", link)
    chips = other.locator(".st-key-candidate [data-tag]")
    chips.first.wait_for()
    assert [c.get_attribute("aria-label") for c in chips.all()] == [
        "António Guterres",
        "Helen Clark",
    ]
    other.close()


def test_language_switch_shows_the_french_title(page, app_url: str) -> None:
    open_app(page, app_url, "/?lang=fr")
    title = page.locator('[data-testid="stMainBlockContainer"] h1').first
    title.wait_for()
    from components.i18n import translate

    assert title.inner_text().strip() == translate("fr", "overview.title")
    assert translate("fr", "overview.title") != translate("en", "overview.title")

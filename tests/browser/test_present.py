"""Presentation mode, the copy-link round trip and a language switch, in real Chromium against the
real server (offline and console-clean: the `page` fixture checks both).

The layout tests measure bounding boxes at projector sizes (1920×1080, 1280×720): the slide fits the
screen, no control overlaps it, and inside the frame the figure and its source line fit too. They
save screenshots to `test-artifacts/` (git-ignored)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, open_app, wait_for_rerun

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


def frame(page, n: int):
    """The frame of slide n (loaded when n is the current slide or near it)."""
    return page.locator(f".st-key-slide_frame_{n} iframe")


def current_slide(page) -> int:
    return int(counter(page).inner_text().split("/")[0])


def frame_src(page) -> str:
    shown = frame(page, current_slide(page))
    shown.wait_for()
    assert shown.evaluate("f => getComputedStyle(f).visibility") == "visible"
    return shown.evaluate("f => f.src")  # the address the browser loads (relative ones resolved)


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
    page.locator(".st-key-present_stage h2").click()  # focus on the presenter's page, not the slide
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


SCREENS = [(1920, 1080), (1280, 720)]
FIGURE = {
    "compare": ".st-key-compare_radar .js-plotly-plot",
    "map": ".st-key-map_chart .js-plotly-plot",
}


def slide_on(page_name: str) -> int:
    """The number (1-based) of the deck's first slide on that page."""
    return next(i for i, s in enumerate(DECK["slides"], 1) if s["page"] == page_name)


def box(locator) -> dict:
    b = locator.bounding_box()
    assert b is not None, f"{locator} is not drawn"
    return b


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def inside(a: dict, width: float, height: float, slack: float = 1) -> bool:
    return (
        a["x"] >= -slack
        and a["y"] >= -slack
        and a["x"] + a["width"] <= width + slack
        and a["y"] + a["height"] <= height + slack
    )


def check_layout(page, n: int, width: int, height: int, figure: str) -> None:
    """The slide (title, sentence, frame) and the bar are on screen and apart; inside the frame
    the figure and the two lines under it (caption, source) fit the frame."""
    slide_parts = {
        "title": box(page.locator(".st-key-present_stage h2")),
        "sentence": box(page.locator(".st-key-present_note")),
        "frame": box(frame(page, n)),
    }
    controls = [
        c
        for c in page.locator(
            ".st-key-present_bar :is(button, input, a, [data-baseweb='select'])"
        ).all()
        if c.is_visible()
    ]
    assert len(controls) >= 8  # file, deck, slide, previous, next, full view, copy link, exit
    for name, part in slide_parts.items():
        assert inside(part, width, height), (name, part)
    for control in controls:
        where = box(control)
        assert inside(where, width, height), (control, where)
        for name, part in slide_parts.items():
            assert not overlaps(where, part), (control, name, where, part)
    assert slide_parts["frame"]["height"] >= 0.6 * height  # the figure gets most of the screen
    inner = frame(page, n).element_handle().content_frame()
    inner.locator(figure).wait_for()
    # The figure and every caption shown (its caption and source line) end inside the frame's own
    # viewport; the figure is resized once drawn, so give the layout a moment to settle first.
    # (A caption is measured by its text: its box carries an empty bottom margin.)
    fits = """([figure]) => {
      const text = e => { const r = document.createRange(); r.selectNodeContents(e);
                          return r.getBoundingClientRect(); };
      const parts = [document.querySelector(figure).getBoundingClientRect(),
        ...[...document.querySelectorAll('[data-testid=stCaptionContainer]')]
          .filter(e => e.getClientRects().length).map(text)];
      return parts.every(
        r => r.top >= 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1);
    }"""
    try:
        inner.wait_for_function(fits, arg=[figure], timeout=30_000)
    except Exception:  # say what does not fit
        boxes = inner.evaluate(
            """() => [innerHeight,
              ...[...document.querySelectorAll('[data-testid=stCaptionContainer]')]
                .filter(e => e.getClientRects().length)
                .map(e => { const r = document.createRange(); r.selectNodeContents(e);
                  return [e.innerText.slice(0, 40), r.getBoundingClientRect().bottom]; })]"""
        )
        raise AssertionError(f"slide {n} overflows its frame: {boxes}") from None
    assert "source:" in inner.locator("body").inner_text().lower()  # the source line is shown


@pytest.mark.parametrize(("width", "height"), SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
def test_slide_fits_the_screen_and_no_control_covers_it(page, app_url, width, height) -> None:
    page.set_viewport_size({"width": width, "height": height})
    compare, world = slide_on("compare"), slide_on("map")
    open_app(page, app_url, f"/present?deck=race-2026&slide={compare}")
    check_layout(page, compare, width, height, FIGURE["compare"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"present-compare-{width}x{height}.png"))
    # Full screen (what F11 does; Playwright runs the request as a user gesture).
    page.evaluate("() => document.documentElement.requestFullscreen()")
    page.wait_for_function("() => document.fullscreenElement !== null")
    page.locator(".st-key-present_next button").click()
    wait_for_rerun(page)
    assert_slide(page, app_url, compare + 1)
    open_app(page, app_url, f"/present?deck=race-2026&slide={world}")
    check_layout(page, world, width, height, FIGURE["map"])
    page.screenshot(path=str(ARTIFACTS / f"present-map-{width}x{height}.png"))


def test_stepping_shows_a_frame_that_was_already_loaded(page, app_url) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, app_url, "/present?deck=race-2026")
    nxt = page.frame_locator(".st-key-slide_frame_2 iframe")
    # Drawn while slide 1 is on screen (the frame is hidden, its figure laid out all the same).
    nxt.locator(FIGURE["compare"] + " .main-svg").first.wait_for(state="attached")
    assert frame(page, 2).evaluate("f => getComputedStyle(f).visibility") == "hidden"
    frame(page, 2).evaluate("f => { f.contentWindow.__kept = true; }")
    page.locator(".st-key-present_next button").click()
    wait_for_rerun(page)
    assert_slide(page, app_url, 2)
    # The same document, not a reload: the marker set before the step is still there.
    assert frame(page, 2).evaluate("f => f.contentWindow.__kept === true")
    assert frame(page, 1).evaluate("f => getComputedStyle(f).visibility") == "hidden"

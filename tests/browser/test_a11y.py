"""Accessibility gate: axe-core (WCAG 2 A and AA rules) finds no violation on any registered page or
README example link, at desktop (1280×720) and phone (390×844) sizes; the compare page and the
presentation can be used with the keyboard alone, with a visible focus.

axe-core is the npm package pinned in `package.json` (`npm ci` installs it; `.ci/run` does). It is
injected into the page from `node_modules/axe-core/axe.min.js`, so nothing is fetched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from components.registry import url_paths
from tests.browser.conftest import open_app, wait_for_rerun
from tests.pages.test_readme_links import example_links

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SIZES = {"desktop": (1280, 720), "phone": (390, 844)}
LINKS = sorted({f"/{p}" if p != "overview" else "/" for p in url_paths()} | set(example_links()))


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        message = f"{AXE} missing: run `npm ci` in the repository root"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, source: str) -> list[str]:
    """axe-core's WCAG 2 A/AA violations on the page, one line per rule with its first targets."""
    page.add_script_tag(content=source)
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => [v.id, v.impact, v.help,
              v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' +
                (n.failureSummary || '').split('\\n').slice(1, 2).join(''))]);
        }""",
        TAGS,
    )
    return [f"{rule} ({impact}): {help_} → {targets}" for rule, impact, help_, targets in result]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("link", LINKS)
def test_no_wcag_violation(page, app_url: str, axe_source: str, link: str, size: str) -> None:
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, app_url, link)
    violations = axe_violations(page, axe_source)
    assert not violations, f"{link} at {width}×{height}:\n" + "\n".join(violations)


# --- keyboard only ----------------------------------------------------------------------------

FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
    || (s.boxShadow && s.boxShadow !== 'none');
  // Streamlit draws some focus rings on the widget's wrapper: look one or two levels up too.
  const up = [e.parentElement, e.parentElement?.parentElement].filter(Boolean).some(p => {
    const ps = getComputedStyle(p);
    return (ps.outlineStyle !== 'none' && parseFloat(ps.outlineWidth) > 0)
      || (ps.boxShadow && ps.boxShadow !== 'none');
  });
  const key = e.closest('[class*="st-key-"]');
  const label = e.getAttribute('aria-label') || e.innerText || e.getAttribute('title') || '';
  return {tag: e.tagName, label: label.trim().slice(0, 60), visible: ring || up,
          key: key ? [...key.classList].find(c => c.startsWith('st-key-')) : null,
          focusVisible: e.matches(':focus-visible')};
}"""


def tab_walk(page, steps: int) -> list[dict]:
    """Press Tab `steps` times from the top of the page; what had the focus after each press."""
    page.locator("body").press("Home")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    seen = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS)
        if focused is not None:
            seen.append(focused)
    return seen


def assert_focus_visible(seen: list[dict]) -> None:
    hidden = [f for f in seen if not f["visible"]]
    assert not hidden, f"focus not visible on: {hidden}"


def test_keyboard_walk_through_compare(page, app_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, app_url, "/compare?cycle=2016")
    seen = tab_walk(page, 40)
    keys = {f["key"] for f in seen}
    # The filters, the copy-link control and the charts' downloads are reached by Tab alone.
    assert {"st-key-cycle", "st-key-candidate"} <= keys, keys
    assert any("Copy link" in f["label"] for f in seen), [f["label"] for f in seen]
    assert_focus_visible(seen)
    # Choosing a candidate with the keyboard: focus the picker, type, Enter.
    page.locator(".st-key-candidate input").focus()
    page.keyboard.type("Helen")
    page.keyboard.press("Enter")
    wait_for_rerun(page)
    page.wait_for_url("**candidate=helen-clark**")


def test_keyboard_walk_through_the_presentation(page, app_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, app_url, "/present?deck=race-2026")
    seen = tab_walk(page, 25)
    keys = {f["key"] for f in seen}
    assert {
        "st-key-deck",
        "st-key-slide",
        "st-key-present_next",
    } <= keys, keys
    assert_focus_visible(seen)
    # Next, with the keyboard: focus the button by Tab and press Enter.
    for _ in range(40):
        if (page.evaluate(FOCUS) or {}).get("key") == "st-key-present_next":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    wait_for_rerun(page)
    page.wait_for_function(
        "() => document.querySelector('.st-key-present_counter')?.innerText.trim().startsWith('2')"
    )

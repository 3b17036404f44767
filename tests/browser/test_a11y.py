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
from tests.browser.conftest import has_app_style, open_app, wait_for_rerun
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


# Streamlit fades elements in and greys out stale ones: colours measured mid-transition are neither
# the old nor the new one. The audit page draws without transitions or animations.
STILL = "*, *::before, *::after {transition: none !important; animation: none !important;}"
SETTLED = """() => !document.querySelector('[data-stale="true"]')
  && !document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')
  && !document.querySelector('[data-testid="stSkeletonElement"]')"""


def settle(page) -> None:
    """Wait until the run has finished and nothing is stale or moving."""
    page.add_style_tag(content=STILL)
    wait_for_rerun(page)
    page.wait_for_function(SETTLED, polling=100)
    page.wait_for_timeout(300)  # one more frame of quiet after the last change
    wait_for_rerun(page)


def axe_violations(page, source: str) -> list[str]:
    """axe-core's WCAG 2 A/AA violations on the page, one line per rule with its first targets."""
    settle(page)
    # `open_app` waited for the app's own style; it never leaves the page after (test_style.py).
    assert has_app_style(page), "the app's own style (components/style.py) is not on the page"
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
    if violations:
        # A real violation stays; one measured while a late element (a slide's frame, a chart)
        # was still drawing on a loaded machine does not: audit the settled page once more.
        page.wait_for_timeout(2_000)
        violations = axe_violations(page, axe_source)
    assert not violations, f"{link} at {width}×{height}:\n" + "\n".join(violations)


# --- keyboard only ----------------------------------------------------------------------------

# What has the focus, and whether a ring is drawn round it: an outline of 2 px or more on the
# element or on the widget box round it (up to three levels up), and the element itself showing
# (not transparent, not zero-sized).
FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const ringed = (n) => { const s = getComputedStyle(n);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
      && s.outlineColor !== 'transparent' && !s.outlineColor.endsWith(', 0)'); };
  let ring = false;
  for (let n = e, i = 0; n && i < 4; n = n.parentElement, i++) ring = ring || ringed(n);
  let opacity = 1;
  for (let n = e; n; n = n.parentElement) opacity *= parseFloat(getComputedStyle(n).opacity);
  const r = e.getBoundingClientRect();
  const key = e.closest('[class*="st-key-"]');
  const label = e.getAttribute('aria-label') || e.innerText || e.getAttribute('title') || '';
  return {tag: e.tagName, label: label.trim().replace(/\\s+/g, ' ').slice(0, 60),
          visible: ring && opacity > 0.5 && r.width > 0 && r.height > 0,
          key: key ? [...key.classList].find(c => c.startsWith('st-key-')) : null,
          frame: e.tagName === 'IFRAME'};
}"""


def tab_walk(page, steps: int) -> list[dict]:
    """Press Tab `steps` times from the top of the page; what had the focus after each press."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    seen = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS)
        if focused is not None:
            seen.append(focused)
    return seen


def first_index(seen: list[dict], match) -> int:
    """Position of the first focus stop that `match` accepts (fails if none does)."""
    found = [i for i, f in enumerate(seen) if match(f)]
    assert found, f"never reached by Tab: {[(f['key'], f['label']) for f in seen]}"
    return found[0]


def assert_focus_visible(seen: list[dict]) -> None:
    hidden = [f for f in seen if not f["visible"]]
    assert not hidden, f"focus not visible on: {hidden}"


def open_for_keyboard(page, app_url: str, link: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, app_url, link)
    settle(page)


def test_keyboard_walk_through_compare(page, app_url: str) -> None:
    open_for_keyboard(page, app_url, "/compare?cycle=2016")
    seen = tab_walk(page, 45)
    assert_focus_visible(seen)
    # In reading order: the language, the filters, the copy-link control, the radar's own
    # controls, then the download of the data behind it.
    order = [
        first_index(seen, lambda f: f["key"] == "st-key-lang"),
        first_index(seen, lambda f: f["key"] == "st-key-cycle"),
        first_index(seen, lambda f: f["key"] == "st-key-candidate"),
        first_index(seen, lambda f: "Copy link" in f["label"]),
        first_index(seen, lambda f: f["key"] == "st-key-compare_radar"),
        first_index(seen, lambda f: f["key"] == "st-key-compare_radar_csv"),
    ]
    assert order == sorted(order), [(seen[i]["key"], seen[i]["label"]) for i in order]
    # Choosing a candidate with the keyboard: focus the picker, type, Enter.
    page.locator(".st-key-candidate input").focus()
    page.keyboard.type("Helen")
    page.keyboard.press("Enter")
    wait_for_rerun(page)
    page.wait_for_url("**candidate=helen-clark**")


def test_keyboard_walk_through_the_presentation(page, app_url: str) -> None:
    open_for_keyboard(page, app_url, "/present?deck=race-2026&slide=2")
    seen = tab_walk(page, 30)
    assert_focus_visible(seen)
    # The slide frames are out of the Tab order: focus never enters a slide's page, and the walk
    # comes round to the controls again (at slide 2 all are enabled, Previous too).
    assert not any(f["frame"] for f in seen), seen
    bar = [
        first_index(seen, lambda f: f["key"] == "st-key-deck"),
        first_index(seen, lambda f: f["key"] == "st-key-slide"),
        first_index(seen, lambda f: f["key"] == "st-key-present_prev"),
        first_index(seen, lambda f: f["key"] == "st-key-present_next"),
        first_index(seen, lambda f: "Full view" in f["label"]),
        first_index(seen, lambda f: "Copy link" in f["label"]),
        first_index(seen, lambda f: "Exit presentation" in f["label"]),
    ]
    assert bar == sorted(bar), [(seen[i]["key"], seen[i]["label"]) for i in bar]
    lap = bar[-1] - first_index(seen, lambda f: "Skip to main content" in f["label"]) + 1
    assert [f["label"] for f in seen[lap : 2 * lap]] == [f["label"] for f in seen[:lap]], seen
    # Next, with the keyboard: Tab to the button, Enter.
    for _ in range(40):
        if (page.evaluate(FOCUS) or {}).get("key") == "st-key-present_next":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    wait_for_rerun(page)
    page.wait_for_function(
        "() => document.querySelector('.st-key-present_counter')?.innerText.trim().startsWith('3')"
    )

"""The app's own style (components/style.py), once on the page, stays there: through the reruns a
widget causes and across pages reached through the navigation. Without it a caption (and its
links) shows at Streamlit's 60 % opacity, below WCAG AA contrast."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import APP_STYLE_MARKER, open_app, wait_for_rerun
from tests.browser.test_pages import choose_cycle

pytestmark = pytest.mark.browser

# Installed before the page's own scripts. From the moment the app's style first arrives, at every
# change of the page (a MutationObserver) and at every frame the browser draws: whether a caption
# is in the page while the app's style is not, or a caption is drawn translucent. Each such moment
# is kept, with the script's state at the time.
WATCH = """(marker) => {
  const log = {arrived: false, checks: 0, running: 0, gaps: []};
  window.__styleWatch = log;
  const check = (how) => {
    const styled = [...document.querySelectorAll('style')]
      .some(s => s.textContent.includes(marker));
    log.arrived = log.arrived || styled;
    const captions = document.querySelectorAll('[data-testid="stCaptionContainer"]');
    if (!log.arrived || !captions.length) return;
    log.checks++;
    const state = document.querySelector('[data-testid="stApp"]')
      ?.getAttribute('data-test-script-state');
    if (state === 'running') log.running++;
    const faint = [...captions].filter(c => parseFloat(getComputedStyle(c).opacity) < 1).length;
    if ((!styled || faint) && log.gaps.length < 20)
      log.gaps.push({how, state, styled, faint, at: Math.round(performance.now())});
  };
  const frame = () => { check('frame'); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  const start = () => new MutationObserver(() => check('change')).observe(
    document.documentElement, {subtree: true, childList: true, attributes: true,
                               characterData: true});
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
}"""


def test_the_app_style_stays_through_reruns_and_page_changes(page, app_url: str) -> None:
    page.add_init_script(f"({WATCH})({json.dumps(APP_STYLE_MARKER)})")
    open_app(page, app_url, "/priorities?priority=p1&cycle=2016")
    choose_cycle(page, "2026")  # a widget change: the page reruns
    page.wait_for_url("**/priorities?priority=p1")
    choose_cycle(page, "2016")
    page.wait_for_url("**cycle=2016**")
    page.locator('[data-testid="stSidebarNav"] a[href*="/compare"]').click()  # another page
    page.wait_for_url("**/compare**")
    wait_for_rerun(page)
    page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.wait_for()
    log = page.evaluate("() => window.__styleWatch")
    # The watch saw captions during the reruns themselves, not only between them.
    assert log["checks"] > 20 and log["running"] > 0, log
    assert not log["gaps"], f"captions shown without the app's style: {log['gaps']}"

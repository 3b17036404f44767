"""Presentation stepping: how long from pressing Next to the next slide drawn, on a warm server.

`python -m benchmarks.present [--rounds N] [--size 1920x1080] [--pause S]` starts the real server,
opens the shipped deck in Debian's Chromium, waits until every frame the page keeps loaded has
drawn its page, then until the browser's main thread has had no long task for 3 s (the frames
go on drawing their charts for some seconds), and S seconds more (a presenter opens the deck
before speaking), then steps through
every slide N times (forward, then back to the start), one step right after the other, and reports,
per step, the time until the counter shows the new number and the new slide's frame is visible with
its content drawn. Writes `benchmarks/out/present.md` (git-ignored). Not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, serve_app

OUT = Path(__file__).resolve().parent / "out"
DECK = Path(__file__).resolve().parents[1] / "data" / "decks" / "race-2026.json"

# The new slide is on screen: counter updated, its frame visible and its page drawn inside.
SHOWN = """([n]) => {
  const counter = document.querySelector('.st-key-present_counter');
  if (!counter || !counter.innerText.trim().startsWith(n + ' /')) return false;
  const f = document.querySelector('.st-key-slide_frame_' + n + ' iframe');
  if (!f || getComputedStyle(f).visibility !== 'visible') return false;
  const doc = f.contentDocument;
  const app = doc && doc.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  return [...doc.querySelectorAll('[data-testid="stElementContainer"]')]
    .some(e => e.getBoundingClientRect().height > 40);
}"""


# Every frame the page holds has drawn its page (the deck is warm: a presenter opens it early).
ALL_DRAWN = """() => {
  const frames = [...document.querySelectorAll('[class*="st-key-slide_frame_"] iframe')];
  return frames.length > 0 && frames.every(f => {
    const doc = f.contentDocument;
    const app = doc && doc.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') === 'notRunning'
      && [...doc.querySelectorAll('[data-testid="stElementContainer"]')]
           .some(e => e.getBoundingClientRect().height > 40);
  });
}"""


# Long tasks on the browser's main thread (the frames are same-origin: they share it), from now on.
WATCH_LONG_TASKS = """() => { window.__longTasks = [];
  new PerformanceObserver(l => l.getEntries()
    .forEach(e => window.__longTasks.push(e.startTime + e.duration)))
    .observe({entryTypes: ['longtask']}); }"""
# Seconds since the last long task ended (or since watching began).
QUIET_FOR = """() => (performance.now()
  - Math.max(window.__longTaskSince, ...window.__longTasks)) / 1000"""
QUIET_SECONDS = 3.0  # no long task for this long: the frames have finished their own drawing


def wait_until_quiet(page, limit: float = 120.0) -> float:
    """Until the main thread has had no long task for QUIET_SECONDS (the frames keep drawing
    charts for a few seconds after their pages arrived; a step then waits behind them); the
    seconds since the last one."""
    page.evaluate("() => { window.__longTaskSince = performance.now(); }")
    deadline = time.monotonic() + limit
    while (quiet := page.evaluate(QUIET_FOR)) < QUIET_SECONDS:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page was still busy after {limit:.0f} s")
        page.wait_for_timeout(250)
    return quiet


FRAME_STATES = """() => [...document.querySelectorAll('[class*="st-key-slide_frame_"] iframe')]
  .map(f => { const app = f.contentDocument?.querySelector('[data-testid="stApp"]');
              return [f.title, app ? app.getAttribute('data-test-script-state') : null]; })"""


def step(page, button: str, n: int) -> float:
    """Press Next or Previous; seconds until slide n is shown."""
    start = time.perf_counter()
    page.locator(f".st-key-{button} button").click()
    page.wait_for_function(SHOWN, arg=[n], timeout=60_000, polling=20)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--pause", type=float, default=2, help="seconds after warm-up")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    total = len(json.loads(DECK.read_text(encoding="utf-8"))["slides"])
    times: list[tuple[int, float]] = []
    with serve_app("streamlit-bench-present.log") as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(url + "/present?deck=race-2026")
        page.wait_for_function(SHOWN, arg=[1], timeout=120_000)
        started = time.perf_counter()
        page.evaluate(WATCH_LONG_TASKS)
        try:
            page.wait_for_function(ALL_DRAWN, timeout=300_000, polling=200)
        except Exception:
            print("not all frames drew:", page.evaluate(FRAME_STATES))
            raise
        drawn = time.perf_counter() - started
        quiet = wait_until_quiet(page)
        warm_up = time.perf_counter() - started - quiet
        page.wait_for_timeout(args.pause * 1000)  # the presenter opens the deck before speaking
        try:
            for _ in range(args.rounds):
                for n in range(2, total + 1):
                    times.append((n, step(page, "present_next", n)))
                for n in range(total - 1, 0, -1):
                    times.append((n, step(page, "present_prev", n)))
        except Exception:
            OUT.mkdir(exist_ok=True)
            page.screenshot(path=str(OUT / "present-failure.png"))
            print(f"failed after {times}; screenshot in {OUT / 'present-failure.png'}")
            raise
        browser.close()
    values = [t for _, t in times]
    lines = [
        f"# Presentation stepping ({width}×{height}, {len(values)} steps, warm server)",
        "",
        f"- median {statistics.median(values):.2f} s, p90 "
        f"{statistics.quantiles(values, n=10)[-1]:.2f} s, max {max(values):.2f} s",
        f"- steps under 1 s: {sum(v < 1 for v in values)} of {len(values)}",
        f"- warm-up: every loaded frame drawn {drawn:.1f} s after slide 1 showed; its last "
        f"long task {warm_up:.1f} s after; steps began after {QUIET_SECONDS:.0f} s without one "
        f"and a {args.pause:.0f} s pause",
        "",
        "| to slide | seconds |",
        "|---|---|",
        *[f"| {n} | {t:.2f} |" for n, t in times],
    ]
    OUT.mkdir(exist_ok=True)
    (OUT / "present.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:5]))


if __name__ == "__main__":
    main()

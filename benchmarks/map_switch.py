"""Map page: rerun time after the indicator changes, with the per-indicator cache warm.

Moved out of the test suite (a timing is a measurement, not a test):

    python -m benchmarks.map_switch [--reruns 12]

Prints the median and p95 in ms; exits 1 when the median is over `--limit` ms (default 1500, a
generous bound for a loaded 2-core machine) or a run raised.
"""

from __future__ import annotations

import argparse
import statistics
import time

from streamlit.testing.v1 import AppTest

from benchmarks.pages import ENTRY
from views.registry import page_file

CHOICES = ["refugees-hosted", "death-penalty-status", "women-in-parliament", "rome-statute"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=12)
    parser.add_argument("--limit", type=float, default=1500.0, help="median limit, ms")
    args = parser.parse_args(argv)
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.switch_page(page_file("map"))
    at.run()
    for choice in CHOICES:  # warm the per-indicator cache
        at.selectbox(key="indicator").set_value(choice).run()
    times = []
    for i in range(args.reruns):
        start = time.perf_counter()
        at.selectbox(key="indicator").set_value(CHOICES[i % len(CHOICES)]).run()
        times.append((time.perf_counter() - start) * 1000)
    errors = [str(e.value)[:200] for e in at.exception]
    median = statistics.median(times)
    p95 = sorted(times)[int(0.95 * (len(times) - 1))]
    print(f"map rerun after indicator change: median {median:.0f} ms, p95 {p95:.0f} ms")
    for error in errors:
        print(f"error: {error}")
    return 1 if errors or median > args.limit else 0


if __name__ == "__main__":
    raise SystemExit(main())

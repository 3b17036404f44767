"""Page builds take turns: at most PAGE_BUILDS script runs at once in one server process.

Every session's script runs in its own thread, and Python runs one thread at a time. When a
shared link brings 100 sessions at once, 100 runs share the interpreter in 5-ms slices: each run
takes as long as all of them, nobody's page is complete until nearly everyone's is, and the
event loop, which sends the pages out, gets one slice in a hundred. Taking turns, the first
readers get their page in a fraction of that time, the last no later than before, and the
process does less work per page (benchmarks/scale_out.py; docs/PERFORMANCE.md, "Page builds
take turns"). A run waits at most MAX_WAIT_S for its turn, then goes ahead, so a run that is
slow for any reason cannot hold up the others for longer than that.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["MAX_WAIT_S", "PAGE_BUILDS", "PAGE_BUILDS_ENV", "page_build_turn", "page_builds"]

log = logging.getLogger(__name__)

PAGE_BUILDS_ENV = "TRACKER_PAGE_BUILDS"  # how many runs at once; 0: no limit
DEFAULT_PAGE_BUILDS = 1


def page_builds(value: str | None) -> int:
    """The number of runs at once that `value` (the environment's) asks for; the default, with a
    warning, when it is not a whole number ≥ 0."""
    if value is None or not value.strip():
        return DEFAULT_PAGE_BUILDS
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        log.warning("%s=%r is not a whole number ≥ 0; using %d", PAGE_BUILDS_ENV, value,
                    DEFAULT_PAGE_BUILDS)  # fmt: skip
        return DEFAULT_PAGE_BUILDS
    return n


PAGE_BUILDS = page_builds(os.environ.get(PAGE_BUILDS_ENV))
MAX_WAIT_S = 15.0  # longer than a burst of 100 first loads takes on one process here

_turns = threading.BoundedSemaphore(PAGE_BUILDS) if PAGE_BUILDS else None


@contextmanager
def page_build_turn(
    turns: threading.Semaphore | None = _turns, wait: float = MAX_WAIT_S
) -> Iterator[bool]:
    """Hold a turn for the script run inside; yields whether it got one (False: it waited
    `wait` seconds and goes ahead without, or there is no limit)."""
    if turns is None:
        yield False
        return
    got = turns.acquire(timeout=wait)
    if not got:
        log.warning("a page build waited %.0f s for its turn and goes ahead without one", wait)
    try:
        yield got
    finally:
        if got:
            turns.release()

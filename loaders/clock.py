"""Today's date, from one place: `$TRACKER_TODAY` (`YYYY-MM-DD`) when set, else the system clock.

Every page asks `today()` instead of the clock, so a test (or a rehearsal of a talk) can freeze the
date that staleness notices, default periods and generated-on lines are computed from.
"""

from __future__ import annotations

import os
from datetime import date

__all__ = ["TODAY_ENV", "today"]

TODAY_ENV = "TRACKER_TODAY"


def today() -> date:
    """`$TRACKER_TODAY` when set, else the system's date; a malformed value is a clear error."""
    value = os.environ.get(TODAY_ENV, "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{TODAY_ENV}={value!r} is not a date (YYYY-MM-DD)") from None

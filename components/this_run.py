"""Values fixed for one script run (its language, its package), kept on the run's context.

A session-state read costs tens of microseconds and a page asks for its language ~50 times a
run; these look-ups are plain dict reads. Streamlit gives every run (and every fragment run) a new
`cursors` dict on the same context, which is what tells one run from the next.
"""

from __future__ import annotations

from streamlit.runtime.scriptrunner import get_script_run_ctx

_ATTR = "_tracker_this_run"


def this_run() -> dict:
    """A dict that lives as long as the current script run ({} and forgotten outside a run)."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return {}
    marker, memo = getattr(ctx, _ATTR, (None, None))
    if marker is not ctx.cursors:
        memo = {}
        setattr(ctx, _ATTR, (ctx.cursors, memo))
    return memo

"""Drop widget state that no widget of this app could have sent.

A browser sends the state of every widget with each rerun, keyed by element ids that Streamlit
generated (`$$ID-…`). A client can also send state under any other id (say `authentication_status`);
Streamlit 1.67 keeps it without the metadata to read it, and the next widget created then fails
with a KeyError while it lists the session's state — an exception box on every page. Called at the
top of every run, before any widget. Reaches into Streamlit's session state: the browser test
`tests/browser/test_login.py::test_injected_widget_state_is_a_logged_out_visitor` fails if a new
Streamlit version changes what this relies on.
"""

from __future__ import annotations

from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.state.common import is_element_id

__all__ = ["discard_forged_widget_state"]


def discard_forged_widget_state() -> None:
    """Forget widget states whose id is not an element id (they can only be forged)."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return
    widget_states = ctx.session_state._state._new_widget_state.states
    for widget_id in [k for k in widget_states if not is_element_id(k)]:
        del widget_states[widget_id]

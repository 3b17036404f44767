"""A link over Streamlit's query-string limits, opened in Chromium: default view, with a notice.

Streamlit drops such a query string before the app sees it; only the browser still has it. This
checks the browser-side guard of components/url_state.py really brings it back as ?link=too-long.
"""

from __future__ import annotations

from streamlit.runtime.state.query_params import CLIENT_STATE_QUERY_STRING_MAX_FIELDS

from tests.browser.conftest import open_app, wait_for_rerun


def test_a_link_with_too_many_parameters_shows_the_default_view_with_a_notice(page, app_url):
    query = "&".join(["priority=p3"] * (CLIENT_STATE_QUERY_STRING_MAX_FIELDS + 1))
    open_app(page, app_url, f"/priorities?{query}")
    notice = page.get_by_text("longer than this server accepts", exact=False)
    notice.first.wait_for(state="visible")
    wait_for_rerun(page)
    assert "priority=p3" not in page.url  # the oversized query is gone from the address bar
    assert "link=too-long" not in page.url  # and so is the marker, once the notice is shown
    assert "/priorities" in page.url

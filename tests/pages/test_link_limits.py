"""Links at Streamlit's edges (too long, repeated values) and the problems page a visitor sees."""

from __future__ import annotations

import pytest
from streamlit.runtime.state.query_params import CLIENT_STATE_QUERY_STRING_MAX_FIELDS

from components.url_state import TOO_LONG, link_guard_script
from tests.conftest import set_cell
from tests.pages.apptest import notices, open_page

TOO_LONG_TEXT = "longer than this server accepts"
REPEATED_TEXT = "each value counts once"


def html_bodies(at) -> list[str]:
    return [el.proto.body for el in at.get("html")]


def test_a_link_over_streamlits_field_limit_gets_the_browser_guard():
    """Streamlit drops the whole query string: the script sees the default view and no parameter,
    so the page carries the check that lets the browser come back as ?link=too-long."""
    at = open_page("priorities", priority=["p3"] * (CLIENT_STATE_QUERY_STRING_MAX_FIELDS + 1))
    assert at.selectbox(key="priority").value == "p1"  # the default view
    assert link_guard_script() in html_bodies(at)
    assert f"{CLIENT_STATE_QUERY_STRING_MAX_FIELDS}" in link_guard_script()


def test_the_guard_is_not_sent_when_the_link_arrived():
    at = open_page("priorities", priority="p3")
    assert link_guard_script() not in html_bodies(at)


def test_a_link_that_was_too_long_shows_the_default_view_with_a_notice():
    key, value = TOO_LONG
    at = open_page("priorities", **{key: value})
    assert at.selectbox(key="priority").value == "p1"
    assert TOO_LONG_TEXT in notices(at)
    assert key not in at.query_params  # the marker does not stay in the shared link
    assert "do not use" not in notices(at)  # not reported as an unknown parameter either


@pytest.mark.parametrize(
    ("page", "params", "key", "expected"),
    [
        ("priorities", {"priority": ["p3"] * 50}, "priority", "p3"),
        ("record", {"person": "antonio-guterres", "priority": ["p2"] * 50}, "priority", ["p2"]),
        (
            "compare",
            {"cycle": "2016", "candidate": ["antonio-guterres"] * 50 + ["irina-bokova"]},
            "candidate",
            ["antonio-guterres", "irina-bokova"],
        ),
    ],
)
def test_a_value_repeated_in_the_link_counts_once_with_a_notice(page, params, key, expected):
    at = open_page(page, **params)
    widget = at.selectbox(key=key) if isinstance(expected, str) else at.multiselect(key=key)
    assert widget.value == expected
    assert REPEATED_TEXT in notices(at)
    assert "does not have" not in notices(at)
    in_link = at.query_params[key]  # the link now holds each value once
    assert (in_link if isinstance(in_link, list) else [in_link]) == (
        expected if isinstance(expected, list) else [expected]
    )


def test_the_problems_page_does_not_show_the_servers_folder(data_copy, monkeypatch):
    set_cell(data_copy, "statements", 0, "priority_id", "p99")
    (data_copy / "asks.csv").write_bytes("ask_id,text\np1.a,caf\xe9\n".encode("latin-1"))
    monkeypatch.setenv("TRACKER_DATA_DIR", str(data_copy))
    at = open_page()
    shown = [
        str(el.value) for kind in ("title", "error", "caption", "markdown") for el in at.get(kind)
    ]
    cells = [str(v) for df in at.dataframe for v in df.value.astype(str).to_numpy().ravel()]
    assert any("problem" in s for s in shown), shown  # it is the problems page
    assert any("p99" in c for c in cells)  # with the problem listed
    for text in shown + cells:
        assert str(data_copy) not in text and str(data_copy.parent) not in text, text

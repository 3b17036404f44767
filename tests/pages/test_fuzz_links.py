"""Fuzzed links: any query string on any page gives a view and a notice, never an exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.registry import url_paths
from tests.pages.apptest import open_page

KNOWN_KEYS = [
    "cycle",
    "candidate",
    "person",
    "priority",
    "assessment",
    "indicator",
    "year",
    "country",
    "from",
    "to",
    "deck",
    "slide",
    "layer",
    "lang",
]
HOSTILE = [
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "9" * 400,
    "p9",
    "1800",
    "",
    "💥",
    "' OR 1=1 --",
    "%00",
    "../../etc/passwd",
    "NaN",
    "-1",
    "2016.5",
]


bad_value = st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=80)).map(
    lambda v: "~" + v  # a leading "~" makes sure no generated value is accidentally valid
)
params = st.dictionaries(
    st.one_of(st.sampled_from(KNOWN_KEYS), st.text(min_size=1, max_size=20)),
    st.lists(bad_value, min_size=1, max_size=3),
    min_size=1,
    max_size=4,
)


@pytest.mark.parametrize("page", url_paths())
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=params)
def test_any_link_renders_with_a_notice(page, query):
    at = open_page(page, **query)  # open_page asserts there is no exception
    if page in ("curate",):
        return  # the curators' page may show only its login form
    notices = " ".join(str(i.value) for i in at.info)
    assert notices, f"no notice for {query}"

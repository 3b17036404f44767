"""One URL rule (loaders/urls.py) for the validator, the store and every page that links."""

import polars as pl
import pytest

from loaders import load_package
from loaders.urls import http_links, http_only, is_http_url
from tests.conftest import set_cell

GOOD = [
    "https://www.un.org/sg/en/content/selection-and-appointment-of-ant%C3%B3nio-guterres",
    "http://en.milligazete.com.tr/antónio_guterres_named_as_the_next_un_secretary_general/186",
    "https://exchangemonitor.com/figueres-drops/?printmode=1&x=2#top",
    "HTTPS://EXAMPLE.ORG",
    "https://www.rnz.co.nz/news/national/301526/helen-clark's-toughest-job-interview",
]
BAD = [
    "https://example.org/a)[more](https://other.example)",  # ends the Markdown link target
    "https://example.org/a(b",
    "https://example.org/<img>",
    'https://example.org/"onmouseover=x',
    "https://example.org/a`b",
    "https://example.org/a b",
    "https://example.org/a;b",  # the package's list separator
    "https://",
    "https://@example.org",
    "javascript:alert(1)",
    "data:text/html,x",
    "//example.org/a",
    "ftp://example.org/a",
]


@pytest.mark.parametrize("url", GOOD + BAD)
def test_python_and_polars_apply_the_same_rule(url):
    expected = url in GOOD
    assert is_http_url(url) is expected
    assert http_links([url]) == ([url] if expected else [])
    kept = pl.DataFrame({"u": [[url]]}).select(http_only("u")).item().to_list()
    assert kept == ([url] if expected else [])


def test_the_validator_refuses_a_url_that_would_hijack_the_source_link(data_copy):
    line = set_cell(data_copy, "candidacies", 0, "source_url", BAD[0])
    problems = [p for p in load_package(data_copy).problems if p.rule == "url"]
    assert [(p.resource, p.line, p.column) for p in problems] == [
        ("candidacies", line, "source_url")
    ]
    assert "other.example" in problems[0].message

"""Every example link in the README's URL table opens its view: no exception, no notice."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from components.registry import url_paths
from components.url_state import NOTICE_ICON
from tests.pages.apptest import open_page

README = Path(__file__).resolve().parents[2] / "README.md"


def example_links() -> list[str]:
    """The links (`/path?query`, one or more, comma-separated) in the URL table's third column."""
    links = []
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) >= 5 and re.fullmatch(r"`/[^`]*`(, `/[^`]*`)*", cells[3]):
            links += re.findall(r"`(/[^`]*)`", cells[3])
    return links


def test_the_readme_has_example_links():
    assert len(example_links()) >= 8


@pytest.mark.parametrize("link", example_links())
def test_example_link_opens_without_notice(link):
    parts = urlparse(link)
    page = parts.path.strip("/") or None
    assert page is None or page in url_paths(), f"{link}: no such page"
    params = {k: v if len(v) > 1 else v[0] for k, v in parse_qs(parts.query).items()}
    at = open_page(page, **params)
    notices = [i.value for i in at.info if i.icon == NOTICE_ICON]  # not the login prompt
    assert not notices, f"{link}: {notices}"

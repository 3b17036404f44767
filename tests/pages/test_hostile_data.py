"""Hostile curated text (HTML, script tags, javascript: links, images, huge strings) stays inert.

The statement below is a SYNTHETIC test fixture written into a temporary copy of the package.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import read_rows, write_rows
from tests.pages.apptest import open_page

HOSTILE = (
    "<script>alert('x')</script><img src=x onerror=alert(1)> "
    "![tracker](http://evil.example/pixel.png) [click](javascript:alert(1)) "
    ":red[coloured] $x^2$ " + "very long " * 400
)
UNSAFE = [
    re.compile(r"(?<!\\)<script", re.I),  # an HTML tag that was not escaped
    re.compile(r"(?<!\\)<img", re.I),
    re.compile(r"(?<!\\)!\[(?!\\)"),  # a Markdown image that was not escaped
    re.compile(r"\]\(javascript:", re.I),
]


@pytest.fixture
def hostile_package(data_copy, monkeypatch):
    header, rows = read_rows(data_copy, "statements")
    row = dict(rows[0])
    row.update(
        statement_id="s9999",
        cycle="2016",
        person_id="antonio-guterres",
        priority_id="p8",
        ask_id="",
        paraphrase=HOSTILE,
        quote="<b>bold</b> [x](javascript:alert(1))",
        source_url="https://example.org/synthetic-fixture",
    )
    rows.append(row)
    write_rows(data_copy, "statements", header, rows)
    monkeypatch.setenv("TRACKER_DATA_DIR", str(data_copy))
    return data_copy


def markdown_bodies(at) -> list[str]:
    return [
        str(el.value) for kind in ("markdown", "caption", "info", "warning") for el in at.get(kind)
    ]


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("compare", {"cycle": "2016", "candidate": ["antonio-guterres", "irina-bokova"]}),
        ("candidate", {"cycle": "2016", "candidate": "antonio-guterres"}),
        ("priorities", {"priority": "p8", "cycle": "2016"}),
    ],
)
def test_hostile_statement_renders_as_inert_text(hostile_package, page, params):
    at = open_page(page, **params)
    bodies = markdown_bodies(at)
    for body in bodies:
        for pattern in UNSAFE:
            assert not pattern.search(body), f"{pattern.pattern} unescaped in: {body[:200]}"

"""A SYNTHETIC hostile data package: every free-text cell of every table holds Markdown and HTML
that would fetch, link or run something if a page rendered it as markup.

Used by the AppTest sweep (tests/pages/test_hostile_data.py) and the Chromium sweep
(tests/browser/test_hostile.py). The columns are found by walking the descriptor, not listed here.
"""

from __future__ import annotations

import re
from pathlib import Path

from components.registry import PAGES
from loaders.schema import Field, Resource, read_descriptor
from tests.conftest import read_rows, write_rows

__all__ = [
    "hostile_text",
    "HOSTILE_URL",
    "free_text_fields",
    "write_hostile_package",
    "unsafe",
    "page_views",
]

# Passes the URL rule, yet full of characters Markdown would like to read as syntax.
HOSTILE_URL = "https://example.org/hostile_*x*_~!$&+=:@-.%41"


# Extra links per page that show more data than the default view (a page not listed here is still
# opened at its default view: every registered page is covered).
VIEWS = {
    "overview": [{"cycle": "2016"}],
    "compare": [{"cycle": "2016", "candidate": ["antonio-guterres", "irina-bokova"]}],
    "candidate": [{"cycle": "2016", "candidate": "antonio-guterres"}],
    "priorities": [{"priority": "p8", "cycle": "2016"}, {"priority": "p3"}],
    "record": [{"person": "antonio-guterres"}],
    "map": [
        {"indicator": "death-penalty-status", "cycle": "2016", "country": "PRT"},
        {"indicator": "peacekeeping-missions", "country": "COD"},
        {"indicator": "cat", "year": "![](http://127.0.0.1:9/p.png)"},  # a hostile link, too
    ],
    "straw-polls": [{"cycle": "2016"}],
}


def page_views() -> list[tuple[str, dict]]:
    """(url_path, query parameters): every registered page at its default view, then VIEWS."""
    return [(p.url_path, {}) for p in PAGES] + [
        (page, params) for page, views in VIEWS.items() for params in views
    ]


def hostile_text(pixel_host: str, tag: str, max_length: int | None = None) -> str:
    """Markup that, left unescaped, fetches from `pixel_host`, links elsewhere or styles text:
    as many of the fragments below as fit in `max_length` (the image always does)."""
    fragments = [
        f"![i](http://{pixel_host}/pixel.png)",
        "[more](https://other.example/x)",
        f'<img src="http://{pixel_host}/tag.png">',
        "<b>bold</b> <!-- c -->",
        "https://other.example/bare www.other.example",
        ":red[red] $x^2$ **b**",
    ]
    text = tag
    for fragment in fragments:
        if max_length is None or len(text) + 1 + len(fragment) <= max_length:
            text += " " + fragment
    return text


def free_text_fields(resource: Resource) -> list[Field]:
    """The resource's string columns a curator types freely: no enum, pattern, URL or key role."""
    keys = set(resource.primary_key) | {f for fk in resource.foreign_keys for f in fk.fields}
    return [
        f
        for f in resource.fields
        if f.type == "string"
        and f.enum is None
        and not f.pattern
        and not f.is_url
        and f.name not in keys
    ]


def write_hostile_package(data_dir: Path, pixel_host: str = "127.0.0.1:9") -> dict[str, list[str]]:
    """Fill every non-empty free-text cell (each list item) and every URL of `data_dir` with
    hostile values; return {table: [columns made hostile]} so a test can say what it covered."""
    covered: dict[str, list[str]] = {}
    for resource in read_descriptor(data_dir).resources:
        text_fields = free_text_fields(resource)
        url_fields = [f for f in resource.fields if f.is_url]
        if not text_fields and not url_fields:
            continue
        header, rows = read_rows(data_dir, resource.path.removesuffix(".csv"))
        for i, row in enumerate(rows):
            for k, fld in enumerate(text_fields + url_fields):
                cell = row.get(fld.name) or ""
                if not cell:
                    continue
                items = cell.split(fld.separator.strip()) if fld.separator else [cell]
                new = [
                    HOSTILE_URL
                    if fld.is_url
                    else hostile_text(pixel_host, f"{k}.{i}.{n}", fld.max_length)
                    for n in range(len(items))
                ]
                row[fld.name] = (fld.separator or "").join(new)
        write_rows(data_dir, resource.path.removesuffix(".csv"), header, rows)
        covered[resource.name] = [f.name for f in text_fields]
    return covered


# Each of these in rendered Markdown means data text became markup.
_UNSAFE = {
    "image": re.compile(r"(?<!\\)!\[(?!\\)"),
    "HTML": re.compile(r"(?<!\\)<(?:img|b>|!--)", re.I),
    "link or bare URL": re.compile(r"other\.example|127\.0\.0\.1:"),  # escaped, these have a \
    "colour": re.compile(r"(?<!\\):red(?<!\\)\["),
    "math": re.compile(r"(?<!\\)\$x\^2"),
}


def unsafe(markdown: str) -> list[str]:
    """The kinds of live markup found in `markdown` (empty when it is all inert text)."""
    return [kind for kind, pattern in _UNSAFE.items() if pattern.search(markdown)]

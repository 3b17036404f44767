"""Hostile curated text stays inert on every registered page.

Every free-text cell of every table (found by walking the descriptor) and every source address of
a SYNTHETIC copy of the package is replaced by Markdown/HTML that would fetch an image, add a link,
style text or open a comment if it were rendered as markup (tests/hostile.py). Each page of the
registry is opened, and every string Streamlit renders as Markdown — bodies of markdown, captions,
notices, headings, HTML; labels and help of widgets, page links, expanders, tabs, metrics; radio
options — must be escaped text, and every string of a Plotly figure (which reads a small HTML
subset in labels and hover text) must hold no tag that came from the data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

import polars as pl
import pytest
from google.protobuf.message import Message

from loaders import load_package
from loaders.schema import read_descriptor
from tests.hostile import free_text_fields, page_views, unsafe, write_hostile_package
from tests.pages.apptest import open_page

_BODY_OF = {"Markdown", "Alert", "Heading", "Html"}  # messages whose `body` is Markdown or HTML


def _markdown_strings(message: Message) -> list[tuple[str, str]]:
    """(where, text) of every field of a proto message that Streamlit renders as Markdown."""
    found = []
    kind = type(message).__name__
    for desc, value in message.ListFields():
        name = desc.name
        items = (
            list(value)
            if isinstance(value, Iterable) and not isinstance(value, (str, bytes))
            else [value]
        )
        for item in items:
            if isinstance(item, Message):
                found += _markdown_strings(item)
            elif isinstance(item, str) and (
                name in ("label", "help", "content")
                or (name == "body" and kind in _BODY_OF)
                or (name in ("options", "captions") and kind == "Radio")
            ):
                found.append((f"{kind}.{name}", item))
    return found


def rendered_markdown(at) -> list[tuple[str, str]]:
    """Every Markdown-rendered string on the page, walking the whole element tree."""
    found, stack = [], [at._tree]
    while stack:
        node = stack.pop()
        proto = getattr(node, "proto", None)
        if proto is not None:
            found += _markdown_strings(proto)
        stack += list(getattr(node, "children", {}).values())
    return found


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    """The real package with every free-text cell and URL made hostile (still a valid package)."""
    import shutil

    from tests.conftest import DATA

    target = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(DATA, target)
    write_hostile_package(target)
    return target


@pytest.fixture
def hostile_package(hostile_dir, monkeypatch):
    monkeypatch.setenv("TRACKER_DATA_DIR", str(hostile_dir))
    return hostile_dir


def test_hostile_package_is_valid_and_covers_every_free_text_column(hostile_dir):
    """The pages show the hostile data (not the problems page), in every free-text column."""
    pkg = load_package(hostile_dir)
    assert pkg.ok, "\n".join(str(p) for p in pkg.problems[:5])
    for resource in read_descriptor(hostile_dir).resources:
        frame = pkg.tables[resource.name]
        for fld in free_text_fields(resource):
            column = frame[fld.name]
            if isinstance(column.dtype, pl.List):
                column = column.list.join(" ")
            assert column.drop_nulls().str.contains("![i](http://", literal=True).all(), (
                f"{resource.name}.{fld.name} is not hostile"
            )


CASES = page_views()


@pytest.mark.parametrize(
    ("page", "params"), CASES, ids=[f"{p}-{i}" for i, (p, _) in enumerate(CASES)]
)
def test_hostile_text_renders_as_inert_text_on_every_page(hostile_package, page, params):
    at = open_page(page, **params)
    strings = rendered_markdown(at)
    assert strings, "nothing rendered"
    live = [(where, kinds, text[:160]) for where, text in strings if (kinds := unsafe(text))]
    assert not live, "data text rendered as markup:\n" + "\n".join(map(str, live))


# Tags only the hostile data brings (the charts' own templates use <b> and <br> around values).
_DATA_TAG = re.compile(r"<b>bold</b>|<img|<!--")


def _chart_strings(value, path: str = "") -> list[tuple[str, str]]:
    """(path, text) of every string of a Plotly figure dict, except `meta` (never drawn)."""
    if isinstance(value, dict):
        return [
            found
            for key, sub in value.items()
            if key != "meta"
            for found in _chart_strings(sub, f"{path}.{key}")
        ]
    if isinstance(value, list):
        return [found for sub in value for found in _chart_strings(sub, path)]
    return [(path, value)] if isinstance(value, str) else []


@pytest.mark.parametrize(
    ("page", "params"), CASES, ids=[f"{p}-{i}" for i, (p, _) in enumerate(CASES)]
)
def test_hostile_text_in_charts_stays_text_on_every_page(hostile_package, page, params):
    at = open_page(page, **params)
    strings = [
        s for el in at.get("plotly_chart") for s in _chart_strings(json.loads(el.proto.spec))
    ]
    live = [(where, text[:160]) for where, text in strings if _DATA_TAG.search(text)]
    assert not live, "data text rendered as chart markup:\n" + "\n".join(map(str, live))

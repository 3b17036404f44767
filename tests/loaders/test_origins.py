"""Each table says where its data came from (`origins` in the descriptor), in a checked shape."""

from __future__ import annotations

import copy
import json

import pytest

from loaders.schema import NOT_RECORDED, ORIGIN_KEYS, parse_descriptor
from tests.conftest import DATA

RAW = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def test_every_shipped_table_has_origins_covering_its_sources():
    descriptor, problems = parse_descriptor(RAW)
    assert problems == []
    for resource in descriptor.resources:
        assert resource.origins, resource.name
        origin_urls = {o["url_main"] for o in resource.origins}
        assert {s["path"] for s in resource.sources} <= origin_urls, resource.name
        for origin in resource.origins:
            assert {k for k, needed in ORIGIN_KEYS.items() if needed} <= set(origin)


def _with_origin(**change) -> list[str]:
    raw = copy.deepcopy(RAW)
    origin = raw["resources"][0]["origins"][0]
    for key, value in change.items():
        if value is None:
            origin.pop(key)
        else:
            origin[key] = value
    return parse_descriptor(raw)[1]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"producer": None}, "'producer' is missing"),
        ({"url_main": "www.example.org/page"}, "'url_main' must be an http(s) address"),
        ({"date_accessed": "2026-13-01"}, "'date_accessed' must be a day"),
        ({"date_accessed": "last year"}, "'date_accessed' must be a day"),
        ({"license": "CC-BY-4.0"}, "'license' must be"),
        ({"license": {"name": "MIT", "url": "not a url"}}, "'license' must be"),
        ({"licence": {"name": "MIT"}}, "unknown key 'licence'"),
        ({"title": ""}, "'title' must be text"),
    ],
)
def test_a_malformed_origin_is_a_problem_naming_the_table(change, said):
    where = "resources[0] (priorities): origins[0]:"
    assert any(p.startswith(where) and said in p for p in _with_origin(**change))


def test_not_recorded_is_accepted_where_a_value_is_unknown():
    unknown = {"url_main": NOT_RECORDED, "date_accessed": NOT_RECORDED}
    assert _with_origin(**unknown, license={"name": NOT_RECORDED}) == []


def test_origins_must_be_a_non_empty_list():
    raw = copy.deepcopy(RAW)
    raw["resources"][0]["origins"] = []
    assert any("'origins' must be a non-empty list" in p for p in parse_descriptor(raw)[1])

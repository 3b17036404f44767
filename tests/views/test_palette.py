"""One home for the vocabularies and their colours: every value the data may hold has a style, and
the shipped descriptor names exactly the values the dashboard draws."""

from __future__ import annotations

import json
from pathlib import Path

from loaders.schema import ASSESSMENTS, LEVELS, SEARCHED_GAPS, parse_descriptor
from views.commitments import GAP_STATUSES, STATUS_ORDER
from views.palette import ASSESSMENT_STYLE, LEVEL_COLORS, STATUS_STYLE

DESCRIPTOR = Path(__file__).resolve().parents[2] / "data" / "datapackage.json"


def test_every_status_and_assessment_has_a_colour_symbol_and_marker():
    assert set(STATUS_STYLE) == set(STATUS_ORDER) == {*LEVELS, *GAP_STATUSES}
    assert set(ASSESSMENT_STYLE) == set(ASSESSMENTS)
    for style in (*STATUS_STYLE.values(), *ASSESSMENT_STYLE.values()):
        assert style["color"].startswith("#") and style["symbol"] and style["marker"]
    assert [LEVEL_COLORS[n] for n in range(4)] == [STATUS_STYLE[s]["color"] for s in LEVELS]


def test_the_shipped_descriptor_names_the_drawn_vocabularies():
    raw = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    descriptor, problems = parse_descriptor(raw)
    assert problems == []
    level = descriptor.resource("assessments").field("level")
    assert set(level.enum) == {*LEVELS, *SEARCHED_GAPS}
    assert set(descriptor.resource("record_entries").field("assessment").enum) == set(ASSESSMENTS)


def test_a_descriptor_with_another_assessment_is_a_problem():
    raw = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    table = next(r for r in raw["resources"] if r["name"] == "record_entries")
    field = next(f for f in table["schema"]["fields"] if f["name"] == "assessment")
    field["constraints"]["enum"] = ["advances", "mixed", "regresses"]
    _, problems = parse_descriptor(raw)
    assert any("record_entries.assessment" in p and "falls-short" in p for p in problems)

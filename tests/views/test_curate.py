"""The editor's form is generated from the schema; widget values round-trip to CSV text cells."""

import datetime as dt

from views import curate as view


def test_statement_form_follows_the_schema(package):
    resource = package.descriptor.resource("statements")
    specs = {s.name: s for s in view.field_specs(resource, view.lookup_values(package.tables))}
    assert list(specs) == [f.name for f in resource.fields]
    assert specs["venue"].kind == "select" and "interview" in specs["venue"].options
    assert specs["commitment_level"].options == ("0", "1", "2", "3")
    assert specs["date"].kind == "date" and specs["second_hand"].kind == "bool"
    assert "antonio-guterres" in specs["person_id"].options
    assert specs["statement_id"].key_field and not specs["ask_id"].required


def test_assessment_review_fields_are_set_by_the_system(package):
    specs = view.field_specs(package.descriptor.resource("assessments"))
    assert {s.name for s in specs if s.system} == {"curator", "status", "reviewer", "reviewed_on"}


def test_cells_round_trip_and_blank_is_missing(package):
    specs = view.field_specs(package.descriptor.resource("statements"))
    row = {
        "statement_id": "s0001",
        "date": "2016-04-12",
        "second_hand": "false",
        "commitment_level": "2",
        "quote": None,
    }
    widgets = view.widgets_from_cells(specs, row)
    assert widgets["date"] == dt.date(2016, 4, 12) and widgets["second_hand"] is False
    cells = view.cells_from_widgets(specs, widgets)
    assert {k: cells[k] for k in row} == row
    assert cells["paraphrase"] is None  # not typed in = missing, never ""


def test_next_id_follows_the_key_pattern():
    assert view.next_id(["s0001", "s0052"], r"^s\d{4}$") == "s0053"
    assert view.next_id([], r"^a\d{4}$") == "a0001"
    assert view.next_id(["q0001", "q9999"], r"^q\d{4,}$") == "q10000"  # ids outgrow four digits
    assert view.next_id(["x"], "^[a-z]+$") == ""


def test_audit_frame_lists_only_changed_fields():
    rows = [
        {
            "at": "2026-01-01T00:00:00Z",
            "user": "alice",
            "table": "statements",
            "key": "s0001",
            "action": "update",
            "old_value": {"commitment_level": "2", "venue": "other"},
            "new_value": {"commitment_level": "3", "venue": "other"},
            "reason": "r",
            "evidence_url": None,
        }
    ]
    assert view.audit_frame(rows)["changes"].to_list() == ["commitment_level: 2 → 3"]

"""The editor's form is generated from the schema; widget values round-trip to CSV text cells."""

import dataclasses
import datetime as dt

import polars as pl

from loaders import Resource
from loaders.schema import Field
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


# --- The editor's model on SYNTHETIC rows (invented ids, people and counts; example.org) ---


def synthetic_resource(name: str = "notes", *, system: bool = False) -> Resource:
    """SYNTHETIC: a table keyed `note_id` (pattern n0001), with a required enum, an optional enum
    and a date; as `assessments` it also has the fields the store sets itself."""
    fields = [
        Field(name="note_id", required=True, pattern=r"^n\d{4}$"),
        Field(name="kind", required=True, enum=("a", "b")),
        Field(name="tone", enum=("calm", "loud")),
        Field(name="day", type="date"),
    ]
    if system:
        fields += [Field(name=n) for n in ("curator", "status", "reviewer", "reviewed_on")]
    return Resource(
        name=name, path=f"{name}.csv", title=name, description="", fields=tuple(fields),
        primary_key=("note_id",), foreign_keys=(), date_order=(), sources=(), licenses=(),
        as_of=None, gaps="",
    )  # fmt: skip


SYN_ROWS = [
    {"note_id": "n0007", "kind": "a", "tone": None, "day": "2030-01-02", "row_version": 3},
    {"note_id": "n0002", "kind": "b", "tone": "loud", "day": None, "row_version": 1},
]


def test_editor_model_of_a_new_row_takes_the_next_free_id_and_blank_choices():
    model = view.editor_model({}, synthetic_resource(), SYN_ROWS, view.NEW)
    numbers = [int(r["note_id"][1:]) for r in SYN_ROWS]
    assert model.form["note_id"] == f"n{max(numbers) + 1:04d}"
    assert model.current is None and model.version is None
    assert model.form["kind"] is None  # a required choice starts unset
    assert model.form["tone"] == ""  # an optional one starts on its empty option
    assert model.system_values is None


def test_editor_model_of_a_stored_row_loads_its_cells_and_version():
    row = SYN_ROWS[0]
    model = view.editor_model({}, synthetic_resource(), SYN_ROWS, row["note_id"])
    assert model.current == row and model.version == row["row_version"]
    assert model.form["day"] == dt.date.fromisoformat(row["day"])
    assert model.form["tone"] == ""  # empty optional choice
    assert view.item_keys(SYN_ROWS, synthetic_resource()) == [r["note_id"] for r in SYN_ROWS]


def test_editor_model_of_an_assessment_names_the_fields_the_store_sets():
    rows = [{**SYN_ROWS[0], "curator": "ana", "status": "provisional", "reviewer": None,
             "reviewed_on": None}]  # fmt: skip
    model = view.editor_model({}, synthetic_resource("assessments", system=True), rows, "n0007")
    assert model.system_values == (
        "curator = ana, status = provisional, reviewer = —, reviewed_on = —"
    )
    assert {s.name for s in model.specs if s.system} == set(view.SYSTEM_FIELDS["assessments"])


def test_review_lists_only_someone_elses_provisional_assessments():
    rows = [
        {"assessment_id": "a1", "status": "provisional", "curator": "ana"},
        {"assessment_id": "a2", "status": "provisional", "curator": "ben"},
        {"assessment_id": "a3", "status": "reviewed", "curator": "ben"},
    ]
    assert [r["assessment_id"] for r in view.awaiting_review(rows, "ana")] == ["a2"]


def test_poll_form_lists_who_is_in_the_race_that_day_and_numbers_the_poll():
    """SYNTHETIC: Ada nominated 1 Jan, Bo 1 Mar (after the poll), Cy withdrew 10 Feb 2030."""
    tables = {
        "people": pl.DataFrame({"person_id": ["ada", "bo", "cy"], "name": ["Ada", "Bo", "Cy"]}),
        "candidacies": pl.DataFrame(
            {
                "cycle": [2030] * 3,
                "person_id": ["ada", "bo", "cy"],
                "nomination_date": [dt.date(2030, 1, 1), dt.date(2030, 3, 1), dt.date(2030, 1, 5)],
                "withdrawal_date": [None, None, dt.date(2030, 2, 10)],
                "outcome": ["unknown", "unknown", "withdrew"],
            }
        ),
    }
    stored = [{"cycle": "2030", "poll_number": "1"}, {"cycle": "2031", "poll_number": "4"}]
    form = view.poll_form(tables, stored, 2030, dt.date(2030, 2, 1))
    assert form.number == 2
    assert form.people == (("ada", "Ada"),)


def test_field_values_frame_shows_a_row_as_field_and_value():
    frame = view.field_values_frame(["note_id", "tone"], SYN_ROWS[1], "Field", "Value")
    assert frame.rows() == [("note_id", "n0002"), ("tone", "loud")]


def test_an_optional_boolean_can_stay_empty_and_a_required_one_is_a_checkbox():
    """SYNTHETIC fields: saving a row through the form must not turn "not known" into "false"."""
    base = synthetic_resource()
    extra = (Field(name="flag", type="boolean"), Field(name="must", type="boolean", required=True))
    resource = dataclasses.replace(base, fields=(*base.fields, *extra))
    specs = {s.name: s for s in view.field_specs(resource)}
    assert specs["must"].kind == "bool"
    assert specs["flag"].kind == "select" and specs["flag"].options == ("true", "false")
    row = {**SYN_ROWS[0], "flag": None, "must": "true"}
    model = view.editor_model({}, resource, [row], row["note_id"])
    assert model.form["flag"] == ""  # the empty option
    cells = view.cells_from_widgets(list(model.specs), model.form)
    assert cells["flag"] is None and cells["must"] == "true"
    assert view.cells_from_widgets(list(model.specs), {**model.form, "flag": "false"})["flag"] == (
        "false"
    )

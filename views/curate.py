"""The curators' editor as data: form fields from the schema, cell conversions, audit tables.

No Streamlit here. The form is generated from the table schema (enums become choices, dates date
inputs, small integer ranges a choice of levels, required booleans a checkbox, optional ones a
choice that can stay empty); cells are text exactly as in the CSV, so what the form returns goes
through the one validation path unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import polars as pl

from loaders import Problem, Resource
from loaders.schema import key_text
from views.common import changed_fields, cycles_desc, person_names

__all__ = [
    "NEW",
    "POLL_COUNTS",
    "EditorModel",
    "FieldSpec",
    "PollForm",
    "audit_frame",
    "awaiting_review",
    "editor_model",
    "field_values_frame",
    "item_keys",
    "poll_cycles",
    "poll_form",
    "cells_from_widgets",
    "field_specs",
    "editor_tables",
    "in_race",
    "next_id",
    "next_poll_number",
    "poll_rows",
    "problems_frame",
    "widgets_from_cells",
]

# Menu order of the editable tables (most often edited first); any other editable table follows.
MENU_ORDER = (
    "statements",
    "straw_polls",
    "candidacies",
    "nominations",
    "selection_events",
    "cycles",
    "assessments",
    "record_entries",
    "people",
    "searches",
)
NEW = "new"  # the `item` of a row not stored yet
POLL_COUNTS = ("encourage", "discourage", "no_opinion")
LONG_TEXT = ("paraphrase", "quote", "summary", "rationale", "searched", "title")
# Columns the store sets itself (two-person rule): shown, never typed in.
SYSTEM_FIELDS = {"assessments": ("curator", "status", "reviewer", "reviewed_on")}
# Single columns whose values come from another table: (table, column).
LOOKUPS = {
    "person_id": ("people", "person_id"),
    "priority_id": ("priorities", "priority_id"),
    "ask_id": ("asks", "ask_id"),
    "cycle": ("cycles", "cycle"),
}


@dataclass(frozen=True)
class FieldSpec:
    """One form field: which widget, its choices, and whether the user may type in it."""

    name: str
    kind: str  # select | date | bool | text | textarea
    required: bool
    options: tuple[str, ...] = ()
    help: str = ""
    key_field: bool = False
    system: bool = False


def field_specs(resource: Resource, lookups: dict[str, list[str]] | None = None) -> list[FieldSpec]:
    """The form of `resource`, one FieldSpec per schema field, in schema order.

    `lookups` maps a column name to its allowed values (from the package), which makes it a choice.
    """
    lookups = lookups or {}
    system = SYSTEM_FIELDS.get(resource.name, ())
    specs = []
    for f in resource.fields:
        common = dict(
            name=f.name,
            required=f.required,
            help=f.description,
            key_field=f.name in resource.primary_key,
            system=f.name in system,
        )
        small_range = (
            f.type == "integer"
            and f.minimum is not None
            and f.maximum is not None
            and f.maximum - f.minimum <= 10
        )
        if f.enum is not None:
            specs.append(FieldSpec(kind="select", options=tuple(f.enum), **common))
        elif small_range:
            levels = tuple(str(v) for v in range(int(f.minimum), int(f.maximum) + 1))
            specs.append(FieldSpec(kind="select", options=levels, **common))
        elif f.type == "date":
            specs.append(FieldSpec(kind="date", **common))
        elif f.type == "boolean" and f.required:
            specs.append(FieldSpec(kind="bool", **common))
        elif f.type == "boolean":  # a checkbox cannot stay empty: "not known" is not "false"
            specs.append(FieldSpec(kind="select", options=("true", "false"), **common))
        elif f.name in lookups and not f.separator:
            specs.append(FieldSpec(kind="select", options=tuple(lookups[f.name]), **common))
        elif f.name in LONG_TEXT:
            specs.append(FieldSpec(kind="textarea", **common))
        else:
            specs.append(FieldSpec(kind="text", **common))
    return specs


def lookup_values(tables: dict[str, pl.DataFrame]) -> dict[str, list[str]]:
    """Allowed values of the LOOKUPS columns, as text, from the typed package tables."""
    out = {}
    for column, (table, source) in LOOKUPS.items():
        if table in tables:
            values = tables[table].get_column(source).cast(pl.String).unique().sort().to_list()
            out[column] = [v for v in values if v is not None]
    return out


def editor_tables(editable: tuple[str, ...] | list[str]) -> list[str]:
    """The store's editable tables in menu order."""
    rank = {name: i for i, name in enumerate(MENU_ORDER)}
    return sorted(editable, key=lambda name: (rank.get(name, len(rank)), name))


def in_race(candidacies: pl.DataFrame, cycle: int, day: dt.date) -> pl.DataFrame:
    """The candidacies of `cycle` still in the race on `day` (nominated by then, not withdrawn
    before), in nomination order: the rows of a straw poll held that day."""
    return candidacies.filter(
        (pl.col("cycle") == cycle)
        & (pl.col("nomination_date").is_null() | (pl.col("nomination_date") <= day))
        & (pl.col("withdrawal_date").is_null() | (pl.col("withdrawal_date") > day))
        & (pl.col("outcome") != "withdrew")
    ).sort("nomination_date", "person_id", nulls_last=True)


def next_poll_number(stored: list[dict], cycle: int) -> int:
    """The number of a new straw poll of `cycle` (one more than the highest stored, retired too)."""
    numbers = [int(r["poll_number"]) for r in stored if r["cycle"] == str(cycle)]
    return max(numbers, default=0) + 1


def poll_rows(
    cycle: int,
    number: int,
    day: dt.date,
    counts: dict[str, dict[str, str]],
    source_url: str,
    note: str = "",
    number_reported: bool | None = None,
) -> list[dict[str, str | None]]:
    """Straw-poll rows (text cells) from the form: `counts` is {person_id: {column: typed text}};
    a blank count is "not reported" (empty, never 0); a row's own `source_url` beats the poll's;
    `note` (e.g. "reported as a ranking only") goes on every row; `number_reported` False says no
    source gives the Council's number of the poll (None leaves the cell out: older packages)."""
    rows = []
    for person_id, typed in counts.items():
        row = {
            "cycle": str(cycle),
            "poll_number": str(number),
            "date": day.isoformat(),
            "person_id": person_id,
            "p5_discourage": None,
            "source_url": (typed.get("source_url") or "").strip() or source_url.strip() or None,
            "note": note.strip() or None,
        }
        if number_reported is not None:
            row["number_reported"] = "true" if number_reported else "false"
        for column in POLL_COUNTS:
            row[column] = (typed.get(column) or "").strip() or None
        rows.append(row)
    return rows


def next_id(existing: list[str], pattern: str | None) -> str:
    """The next free id for a `^x\\d{4,}$`-style key (e.g. 's0054'), or '' for other keys."""
    match = re.fullmatch(r"\^?([a-z]+)\\d\{(\d+),?\}\$?", pattern or "")
    if not match:
        return ""
    prefix, width = match.group(1), int(match.group(2))
    numbers = [int(v[len(prefix) :]) for v in existing if re.fullmatch(rf"{prefix}\d+", v or "")]
    return f"{prefix}{max(numbers, default=0) + 1:0{width}d}"


def widgets_from_cells(specs: list[FieldSpec], row: dict | None) -> dict[str, object]:
    """Widget values for a stored row (text cells), or the blank form when `row` is None."""
    row = row or {}
    out: dict[str, object] = {}
    for spec in specs:
        cell = row.get(spec.name)
        if spec.kind == "date":
            try:
                out[spec.name] = dt.date.fromisoformat(cell) if cell else None
            except ValueError:
                out[spec.name] = None
        elif spec.kind == "bool":
            out[spec.name] = cell == "true"
        elif spec.kind == "select":
            out[spec.name] = cell if cell in spec.options else None
        else:
            out[spec.name] = cell or ""
    return out


def cells_from_widgets(specs: list[FieldSpec], values: dict[str, object]) -> dict[str, str | None]:
    """Text cells (as in the CSV; None = empty) from widget values."""
    out: dict[str, str | None] = {}
    for spec in specs:
        value = values.get(spec.name)
        if value is None or value == "":
            out[spec.name] = None
        elif spec.kind == "bool":
            out[spec.name] = "true" if value else "false"
        elif isinstance(value, dt.date):
            out[spec.name] = value.isoformat()
        else:
            out[spec.name] = str(value)
    return out


def _short(value, limit: int = 60) -> str:
    text = "∅" if value is None else str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def audit_frame(rows: list[dict]) -> pl.DataFrame:
    """Audit rows as a table for people: when, who, what, which fields changed, why, evidence."""
    return pl.DataFrame(
        {
            "at": [r["at"] for r in rows],
            "user": [r["user"] for r in rows],
            "table": [r["table"] for r in rows],
            "key": [r["key"] for r in rows],
            "action": [r["action"] for r in rows],
            "changes": [
                "; ".join(
                    f"{name}: {_short(old)} → {_short(new)}"
                    for name, old, new in changed_fields(r["old_value"], r["new_value"])
                )
                for r in rows
            ],
            "reason": [r["reason"] for r in rows],
            "evidence_url": [r["evidence_url"] for r in rows],
        },
        schema=dict.fromkeys(
            ("at", "user", "table", "key", "action", "changes", "reason", "evidence_url"),
            pl.String,
        ),
    )


def problems_frame(problems: list[Problem] | tuple[Problem, ...]) -> pl.DataFrame:
    """Problems as a table: table, line, column, rule, problem."""
    return pl.DataFrame(
        {
            "table": [p.resource for p in problems],
            "line": [p.line for p in problems],
            "column": [p.column or "" for p in problems],
            "rule": [p.rule for p in problems],
            "problem": [p.message for p in problems],
        },
        schema={
            "table": pl.String,
            "line": pl.Int64,
            "column": pl.String,
            "rule": pl.String,
            "problem": pl.String,
        },
    )


def item_keys(rows: list[dict], resource: Resource) -> list[str]:
    """The `item` of every stored row of `resource` ('s0001', '2016/antonio-guterres'), in order."""
    return [key_text(r, resource.primary_key) for r in rows]


@dataclass(frozen=True)
class EditorModel:
    """The edit form of one item: its fields, the stored row (None for a new one), the widget
    values a fresh form starts from (a new row gets the next free id), its row version, and the
    fields the store sets itself (assessments: who assessed and reviewed), as one line."""

    table: str
    item: str
    specs: tuple[FieldSpec, ...]
    current: dict | None
    form: dict[str, object]
    version: int | None
    system_values: str | None


def editor_model(
    tables: dict[str, pl.DataFrame], resource: Resource, rows: list[dict], item: str
) -> EditorModel:
    """The form for `item` (a key from `item_keys`, or NEW) of `resource`, whose stored rows
    (text cells, with row_version) are `rows`."""
    specs = tuple(field_specs(resource, lookup_values(tables)))
    pk = resource.primary_key
    current = next((r for r in rows if key_text(r, pk) == item), None)
    form = widgets_from_cells(list(specs), current)
    if current is None and len(pk) == 1:
        form[pk[0]] = next_id([r[pk[0]] for r in rows], resource.field(pk[0]).pattern)
    for spec in specs:  # an optional choice left empty is the "" option, not None
        if spec.kind == "select" and not spec.required and form[spec.name] is None:
            form[spec.name] = ""
    system = SYSTEM_FIELDS.get(resource.name, ())
    return EditorModel(
        table=resource.name,
        item=item,
        specs=specs,
        current=current,
        form=form,
        version=current["row_version"] if current else None,
        system_values=(
            ", ".join(f"{n} = {current[n] or '—'}" for n in system) if current and system else None
        ),
    )


def field_values_frame(
    names: list[str], row: dict, field_label: str, value_label: str
) -> pl.DataFrame:
    """A row shown as two columns: each field's name and its value (text cells)."""
    return pl.DataFrame(
        {field_label: names, value_label: [row.get(n) for n in names]},
        schema={field_label: pl.String, value_label: pl.String},
    )


def awaiting_review(assessments: list[dict], user: str) -> list[dict]:
    """Provisional assessments someone other than `user` made (the two-person rule)."""
    return [r for r in assessments if r["status"] == "provisional" and r["curator"] != user]


@dataclass(frozen=True)
class PollForm:
    """A new straw poll's form: its number and the candidacies still in the race that day."""

    number: int
    people: tuple[tuple[str, str], ...]  # (person_id, name), in nomination order


def poll_cycles(tables: dict[str, pl.DataFrame]) -> list[str]:
    """The cycles a poll can be entered for, newest first, as text."""
    return [str(c) for c in cycles_desc(tables["cycles"])]


def poll_form(
    tables: dict[str, pl.DataFrame], stored_polls: list[dict], cycle: int, day: dt.date
) -> PollForm:
    """The form of a new straw poll of `cycle` held on `day`."""
    names = person_names(tables["people"])
    running = in_race(tables["candidacies"], cycle, day)["person_id"].to_list()
    return PollForm(
        number=next_poll_number(stored_polls, cycle),
        people=tuple((pid, names.get(pid, pid)) for pid in running),
    )

"""A broken descriptor or CSV gives a list of problems (CLI and app), never a traceback."""

from __future__ import annotations

import json

import pytest

from loaders import load_package
from loaders.__main__ import main
from tests.conftest import read_rows, set_cell, write_rows


def edit_descriptor(data_dir, change) -> None:
    path = data_dir / "datapackage.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(change(raw)), encoding="utf-8")


def without(name):
    def change(raw):
        raw["resources"] = [r for r in raw["resources"] if r["name"] != name]
        return raw

    return change


def strip_key(resource, key):
    def change(raw):
        del next(r for r in raw["resources"] if r["name"] == resource)[key]
        return raw

    return change


def resources_as_strings(raw):
    raw["resources"] = [r["name"] for r in raw["resources"]]
    return raw


def first_field_unnamed(raw):
    del next(r for r in raw["resources"] if r["name"] == "searches")["schema"]["fields"][0]["name"]
    return raw


MALFORMED = {
    "a list": (lambda _raw: [], "must be a JSON object"),
    "resources as strings": (resources_as_strings, "a resource must be an object"),
    "countries removed": (without("countries"), "no resource 'countries'"),
    "a resource without a path": (strip_key("statements", "path"), "'path' must be text"),
    "a resource without a schema": (strip_key("people", "schema"), "'schema' must be an object"),
    "a field without a name": (first_field_unnamed, "'name' must be text"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_descriptor_is_listed_by_the_check_without_a_traceback(
    data_copy, case, capsys
):
    change, message = MALFORMED[case]
    edit_descriptor(data_copy, change)
    assert main(["check", str(data_copy)]) == 1  # `python -m loaders check`, in this process
    out = capsys.readouterr().out
    assert message in out, out


def test_a_foreign_key_into_a_removed_resource_is_a_problem(data_copy):
    edit_descriptor(data_copy, without("countries"))
    messages = [p.message for p in load_package(data_copy).problems]
    assert any("candidacies: foreign key nominating_states_iso3" in m for m in messages), messages


@pytest.mark.parametrize("case", ["a list", "resources as strings", "countries removed"])
def test_the_app_shows_its_problems_page_for_a_malformed_descriptor(data_copy, monkeypatch, case):
    from tests.pages.apptest import open_page, texts

    edit_descriptor(data_copy, MALFORMED[case][0])
    monkeypatch.setenv("TRACKER_DATA_DIR", str(data_copy))
    monkeypatch.setenv("TRACKER_DB_URL", "off")
    at = open_page()  # asserts no exception box
    assert "problem" in texts(at).lower()
    assert at.dataframe, "the problems are listed in a table"


def test_a_table_with_a_missing_column_still_has_its_foreign_keys_checked(data_copy):
    # countries loses a column it needs, and a statement points at a person who is not there:
    # the broken countries table must not hide the candidacies that point at an unknown country.
    header, rows = read_rows(data_copy, "countries")
    write_rows(
        data_copy,
        "countries",
        [h for h in header if h != "name"],
        [{k: v for k, v in r.items() if k != "name"} for r in rows],
    )
    line = set_cell(data_copy, "candidacies", 0, "nominating_states_iso3", "XXX")
    problems = load_package(data_copy).problems
    assert any(p.rule == "column" and p.resource == "countries" for p in problems)
    fk = [p for p in problems if p.rule == "foreign-key" and p.resource == "candidacies"]
    assert [(p.line, p.message) for p in fk] == [(line, "'XXX' is not in countries.iso3")]


def test_a_foreign_key_into_an_unreadable_table_says_it_cannot_be_checked(data_copy):
    (data_copy / "countries.csv").unlink()
    problems = load_package(data_copy).problems
    cannot = [p for p in problems if p.rule == "foreign-key" and "cannot be checked" in p.message]
    assert {p.resource for p in cannot} >= {"candidacies", "people", "indicator_values"}


def test_an_unclosed_quote_names_its_line(data_copy):
    path = data_copy / "statements.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].rstrip("\n") + ',"never closed\n'
    path.write_text("".join(lines), encoding="utf-8")
    problem = next(p for p in load_package(data_copy).problems if p.resource == "statements")
    assert problem.line == 4 and "quote" in problem.message


def test_a_quote_left_open_at_the_end_names_the_line_it_starts_on(data_copy):
    path = data_copy / "cycles.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '2031,"open\n', encoding="utf-8")
    line = text.count("\n") + 1
    problem = next(p for p in load_package(data_copy).problems if p.resource == "cycles")
    assert problem.line == line and "never closed" in problem.message


def test_latin1_text_names_its_line(data_copy, capsys):
    path = data_copy / "people.csv"
    lines = path.read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b",", "é,".encode("latin-1"), 1)
    path.write_bytes(b"\n".join(lines))
    problem = next(p for p in load_package(data_copy).problems if p.resource == "people")
    assert problem.line == 6 and "UTF-8" in problem.message
    assert main(["check", str(data_copy)]) == 1
    assert "line 6" in capsys.readouterr().out


def test_a_row_with_too_many_cells_names_its_line(data_copy):
    path = data_copy / "cycles.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].rstrip("\n") + ",extra\n"
    path.write_text("".join(lines), encoding="utf-8")
    problem = next(p for p in load_package(data_copy).problems if p.resource == "cycles")
    assert problem.line == 3 and "cells" in problem.message


def test_a_field_the_dashboard_reads_cannot_be_dropped_from_schema_and_file(data_copy):
    # Dropped from both the schema and the CSV, the package is consistent in itself, but every
    # page that shows a person's name would fail: the check says so instead.
    def drop_name(raw):
        people = next(r for r in raw["resources"] if r["name"] == "people")
        people["schema"]["fields"] = [f for f in people["schema"]["fields"] if f["name"] != "name"]
        return raw

    edit_descriptor(data_copy, drop_name)
    header, rows = read_rows(data_copy, "people")
    write_rows(
        data_copy,
        "people",
        [h for h in header if h != "name"],
        [{k: v for k, v in r.items() if k != "name"} for r in rows],
    )
    messages = [p.message for p in load_package(data_copy).problems]
    assert messages == ["people: field 'name' is missing (the dashboard reads it)"]

"""Each validation rule, triggered by corrupting one cell of a copy of the real package."""

from __future__ import annotations

import subprocess
import sys

import pytest

from loaders import load_package
from loaders.__main__ import main
from tests.conftest import REPO, read_rows, set_cell, write_rows


def problems_of(data_dir):
    pkg = load_package(data_dir)
    assert not pkg.ok
    return pkg.problems


def only(problems, rule):
    found = [p for p in problems if p.rule == rule]
    assert found, f"no {rule} problem in {[str(p) for p in problems]}"
    return found


def test_real_package_is_valid(package):
    assert package.ok
    assert set(package.tables) == {r.name for r in package.descriptor.resources}


@pytest.mark.parametrize(
    ("resource", "column", "value", "rule", "message"),
    [
        ("statements", "person_id", "nobody-at-all", "foreign-key", "not in candidacies"),
        ("statements", "priority_id", "p9", "pattern", "'p9'"),
        ("statements", "source_url", "", "required", "a value is required"),
        ("statements", "source_url", "ftp://example.org/x", "url", "not an http(s) address"),
        ("statements", "date", "2026-02-30", "type", "not a real date"),
        ("statements", "commitment_level", "high", "type", "not a whole number"),
        ("statements", "commitment_level", "7", "range", "outside"),
        ("statements", "venue", "tweet", "enum", "is not one of"),
        ("statements", "second_hand", "maybe", "type", "not true or false"),
        (
            "candidacies",
            "nominating_states_iso3",
            "CHL;XXX",
            "foreign-key",
            "'XXX' is not in countries",
        ),
        ("record_entries", "priority_id", "p0", "pattern", "'p0'"),
        ("indicator_values", "iso3", "XYZ", "foreign-key", "not in countries"),
    ],
)
def test_each_rule_names_resource_line_and_column(
    data_copy, resource, column, value, rule, message
):
    line = set_cell(data_copy, resource, 0, column, value)
    problem = only(problems_of(data_copy), rule)[0]
    assert problem.resource == resource
    assert column in (problem.column or "")
    assert problem.line == line
    assert message in problem.message


def test_duplicate_primary_key(data_copy):
    header, rows = read_rows(data_copy, "statements")
    rows.append(dict(rows[0]))
    write_rows(data_copy, "statements", header, rows)
    problems = only(problems_of(data_copy), "primary-key")
    assert {p.line for p in problems} == {2, len(rows) + 1}
    assert all(p.resource == "statements" and p.column == "statement_id" for p in problems)


def test_withdrawal_before_nomination(data_copy):
    header, rows = read_rows(data_copy, "candidacies")
    index = next(i for i, r in enumerate(rows) if r["withdrawal_date"])
    rows[index]["withdrawal_date"] = "1999-01-01"
    write_rows(data_copy, "candidacies", header, rows)
    problem = only(problems_of(data_copy), "date-order")[0]
    assert problem.resource == "candidacies" and problem.column == "withdrawal_date"
    assert problem.line == index + 2


def test_ask_must_belong_to_its_priority(data_copy):
    header, rows = read_rows(data_copy, "statements")
    rows[0]["priority_id"], rows[0]["ask_id"] = "p8", "p6.a"
    write_rows(data_copy, "statements", header, rows)
    problem = only(problems_of(data_copy), "foreign-key")[0]
    assert problem.column == "priority_id,ask_id"


def test_every_problem_is_reported_at_once(data_copy):
    set_cell(data_copy, "statements", 0, "source_url", "")
    set_cell(data_copy, "record_entries", 0, "assessment", "great")
    set_cell(data_copy, "countries", 0, "un_member", "yes")
    rules = {(p.resource, p.rule) for p in problems_of(data_copy)}
    assert {("statements", "required"), ("record_entries", "enum"), ("countries", "type")} <= rules


def test_missing_column_and_unreadable_descriptor(data_copy):
    header, rows = read_rows(data_copy, "people")
    write_rows(
        data_copy,
        "people",
        [h for h in header if h != "name"],
        [{k: v for k, v in r.items() if k != "name"} for r in rows],
    )
    assert only(problems_of(data_copy), "column")[0].column == "name"
    (data_copy / "datapackage.json").write_text("{not json", encoding="utf-8")
    assert only(problems_of(data_copy), "descriptor")


def test_category_must_be_in_indicator_scale(data_copy):
    header, rows = read_rows(data_copy, "indicator_values")
    index = next(i for i, r in enumerate(rows) if r["indicator_id"] == "death-penalty-status")
    rows[index]["category"] = "sometimes"
    write_rows(data_copy, "indicator_values", header, rows)
    problem = only(problems_of(data_copy), "enum")[0]
    assert problem.resource == "indicator_values" and "death-penalty-status" in problem.message


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "loaders", "check", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow  # the real entry point, in a process of its own
def test_cli_reports_counts_on_the_real_package():
    result = run_cli("data")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "priorities" in result.stdout and "UN members: 193" in result.stdout


def test_cli_lists_all_problems_and_fails(data_copy, capsys):
    set_cell(data_copy, "statements", 0, "person_id", "nobody-at-all")
    set_cell(data_copy, "countries", 1, "iso3", "zz")
    assert main(["check", str(data_copy)]) == 1  # `python -m loaders check`, in this process
    out = capsys.readouterr().out
    assert "statements line 2 column cycle,person_id: [foreign-key]" in out
    assert "countries line 3 column iso3: [pattern]" in out


@pytest.mark.parametrize("column", ["source_url", "searched_on"])
def test_a_search_needs_a_source_and_a_date(data_copy, column):
    line = set_cell(data_copy, "searches", 0, column, "")
    problem = only(problems_of(data_copy), "required")[0]
    assert (problem.resource, problem.column, problem.line) == ("searches", column, line)


def test_a_statement_needs_a_date(data_copy):
    line = set_cell(data_copy, "statements", 0, "date", "")
    problem = only(problems_of(data_copy), "required")[0]
    assert (problem.resource, problem.column, problem.line) == ("statements", "date", line)


@pytest.mark.parametrize("resource", ["statements", "record_entries"])
@pytest.mark.parametrize(
    ("precision", "date", "valid"),
    [
        ("month", "2016-07-01", True),
        ("month", "2016-07-15", False),
        ("year", "2016-01-01", True),
        ("year", "2016-07-01", False),
        ("week", "2016-07-01", False),
    ],
)
def test_a_date_that_is_not_to_the_day_starts_its_period(
    data_copy, resource, precision, date, valid
):
    set_cell(data_copy, resource, 0, "date", date)
    line = set_cell(data_copy, resource, 0, "date_precision", precision)
    pkg = load_package(data_copy)
    assert pkg.ok is valid
    if not valid:
        (problem,) = pkg.problems
        assert (problem.resource, problem.line) == (resource, line)
        assert problem.rule in {"date-precision", "enum"}

"""Coverage grid: every candidacy × priority cell is accounted for, and edits move cells. The
not-assessed cell is SYNTHETIC (the real data may have none): one cell's evidence removed."""

import polars as pl

from tests.conftest import without_evidence
from tests.views.synthetic import PEOPLE, synthetic_tables
from views.coverage import coverage_grid, coverage_totals

PRIORITIES = [f"p{i}" for i in range(1, 9)]


def test_grid_has_every_candidacy_and_priority(package):
    grid = coverage_grid(package.tables)
    assert grid.height == package["candidacies"].height
    assert grid.columns[3:] == PRIORITIES
    totals = coverage_totals(grid)
    assert totals["cells"] == grid.height * 8
    assert totals["evidence"] + totals["searched"] + totals["not-assessed"] == totals["cells"]


def test_a_cell_without_evidence_or_search_is_not_assessed(package):
    real = coverage_grid(package.tables)
    cycle, person, priority, _ = (
        real.unpivot(index=["cycle", "person_id"], on=PRIORITIES)
        .filter(pl.col("value") == "evidence")
        .row(0)
    )
    grid = coverage_grid(without_evidence(package.tables, cycle, person, priority))
    cell = grid.filter((pl.col("cycle") == cycle) & (pl.col("person_id") == person))[priority]
    assert cell.to_list() == ["not-assessed"]
    before, after = coverage_totals(real), coverage_totals(grid)
    assert after["not-assessed"] == before["not-assessed"] + 1
    assert after["evidence"] == before["evidence"] - 1


def test_a_search_turns_not_assessed_into_searched(package):
    cycle, person = package["candidacies"].select("cycle", "person_id").row(0)
    tables = without_evidence(package.tables, cycle, person, "p1")
    before = coverage_totals(coverage_grid(tables))
    assert before["not-assessed"] >= 1
    search = (
        package["searches"]
        .head(1)
        .with_columns(
            pl.lit(cycle, dtype=pl.Int64).alias("cycle"),
            pl.lit(person).alias("person_id"),
            pl.lit("p1").alias("priority_id"),
        )
    )
    tables["searches"] = pl.concat([tables["searches"], search])
    after = coverage_totals(coverage_grid(tables))
    assert after["searched"] == before["searched"] + 1
    assert after["not-assessed"] == before["not-assessed"] - 1


def test_synthetic_grid_names_every_cell_from_its_evidence():
    # SYNTHETIC package (tests/views/synthetic.py): not-assessed cells exist in it as such.
    tables = synthetic_tables()
    grid = coverage_grid(tables)
    statements = set(tables["statements"].select("person_id", "priority_id").iter_rows())
    searches = set(tables["searches"].select("person_id", "priority_id").iter_rows())
    priorities = tables["priorities"].sort("order")["priority_id"].to_list()
    assert grid.columns == ["cycle", "person_id", "name", *priorities]
    assert grid["person_id"].to_list() == list(PEOPLE)
    for row in grid.iter_rows(named=True):
        for p in priorities:
            cell = (row["person_id"], p)
            expected = (
                "evidence"
                if cell in statements
                else "searched"
                if cell in searches
                else "not-assessed"
            )
            assert row[p] == expected, cell
    totals = coverage_totals(grid)
    assert totals["cells"] == len(PEOPLE) * len(priorities)
    assert totals["not-assessed"] == totals["cells"] - len(statements | searches) > 0

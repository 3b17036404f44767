"""Coverage grid: every candidacy × priority cell is accounted for, and edits move cells."""

import polars as pl

from views.coverage import coverage_grid, coverage_totals


def test_grid_has_every_candidacy_and_priority(package):
    grid = coverage_grid(package.tables)
    assert grid.height == package["candidacies"].height
    assert grid.columns[3:] == [f"p{i}" for i in range(1, 9)]
    totals = coverage_totals(grid)
    assert totals["cells"] == grid.height * 8
    assert totals["evidence"] + totals["searched"] + totals["not-assessed"] == totals["cells"]


def test_a_search_turns_not_assessed_into_searched(package):
    tables = dict(package.tables)
    grid = coverage_grid(tables)
    before = coverage_totals(grid)
    row = grid.unpivot(index=["cycle", "person_id"], on=[f"p{i}" for i in range(1, 9)]).filter(
        pl.col("value") == "not-assessed"
    )
    if row.height == 0:
        return  # nothing left to search: the drive is complete
    cycle, person, priority, _ = row.row(0)
    search = (
        tables["searches"]
        .head(1)
        .with_columns(
            pl.lit(cycle, dtype=pl.Int64).alias("cycle"),
            pl.lit(person).alias("person_id"),
            pl.lit(priority).alias("priority_id"),
        )
    )
    tables["searches"] = pl.concat([tables["searches"], search])
    after = coverage_totals(coverage_grid(tables))
    assert after["searched"] == before["searched"] + 1
    assert after["not-assessed"] == before["not-assessed"] - 1

"""How complete the evidence is: every candidacy × priority cell as evidence, search or nothing."""

from __future__ import annotations

import polars as pl

from views.commitments import priority_levels

__all__ = ["COVERAGE_KINDS", "coverage_grid", "coverage_totals"]

# basis from priority_levels → what the coverage grid calls it
COVERAGE_KINDS = {
    "assessment": "evidence",
    "statements": "evidence",
    "search": "searched",
    "none": "not-assessed",
}


def coverage_grid(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """One row per candidacy (all cycles, newest first), one column per priority p1..p8.

    Cells are "evidence", "searched" or "not-assessed"; columns: cycle, person_id, name, p1..p8.
    """
    cycles = sorted(tables["cycles"]["cycle"].to_list(), reverse=True)
    cells = pl.concat([priority_levels(tables, c) for c in cycles]).with_columns(
        pl.col("basis").replace_strict(COVERAGE_KINDS).alias("coverage")
    )
    priorities = tables["priorities"].sort("order")["priority_id"].to_list()
    wide = cells.pivot(on="priority_id", index=["cycle", "person_id"], values="coverage")
    names = tables["people"].select("person_id", "name")
    return (
        wide.join(names, on="person_id", how="left")
        .select("cycle", "person_id", "name", *priorities)
        .sort(pl.col("cycle"), descending=True, maintain_order=True)
    )


def coverage_totals(grid: pl.DataFrame) -> dict[str, int]:
    """{"cells": n, "evidence": n, "searched": n, "not-assessed": n} over the whole grid."""
    cells = grid.select(pl.col(r"^p\d$")).unpivot()["value"]
    counts = dict(cells.value_counts().iter_rows())
    return {
        "cells": cells.len(),
        **{kind: counts.get(kind, 0) for kind in set(COVERAGE_KINDS.values())},
    }

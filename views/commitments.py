"""Commitment levels per candidacy and priority, following the methodology.

A cell (candidacy × priority) is, in order of precedence:
1. a curator's assessment (the newest one) — *reviewed* once a second person signed it off,
   otherwise *provisional*;
2. derived from statements: the highest commitment level among them — *provisional*;
3. *silent* or *declined* when a documented search found nothing (or the candidate did not answer);
4. *not assessed* when nobody has looked.
Only levels 0..3 are numbers; silent, declined and not assessed stay null ("missing is not zero").
"""

from __future__ import annotations

import polars as pl

from loaders.schema import LEVELS, SEARCHED_GAPS

__all__ = [
    "LEVEL_NAMES",
    "STATUS_ORDER",
    "GAP_STATUSES",
    "NOT_ASSESSED",
    "priority_levels",
    "candidacy_options",
]

LEVEL_NAMES = dict(enumerate(LEVELS))  # {0: "contradicts", ..., 3: "specific"}
LEVEL_OF = {name: level for level, name in LEVEL_NAMES.items()}
NOT_ASSESSED = "not-assessed"  # nobody has looked: not a value of the data, a gap the views name
GAP_STATUSES = (*SEARCHED_GAPS, NOT_ASSESSED)
STATUS_ORDER = (*reversed(LEVELS), *GAP_STATUSES)

SCHEMA = {
    "cycle": pl.Int64,
    "person_id": pl.String,
    "priority_id": pl.String,
    "level": pl.Int64,
    "status": pl.String,
    "basis": pl.String,
    "reviewed": pl.Boolean,
    "n_statements": pl.UInt32,
    "asks_covered": pl.UInt32,
    "asks_total": pl.UInt32,
}


def candidacy_options(tables: dict[str, pl.DataFrame], cycle: int) -> list[tuple[str, str]]:
    """[(person_id, name)] of the cycle's candidacies, in nomination order."""
    cands = (
        tables["candidacies"].filter(pl.col("cycle") == cycle).sort("nomination_date", "person_id")
    )
    names = dict(tables["people"].select("person_id", "name").iter_rows())
    return [(pid, names.get(pid, pid)) for pid in cands["person_id"]]


def priority_levels(
    tables: dict[str, pl.DataFrame], cycle: int, person_ids: list[str] | None = None
) -> pl.DataFrame:
    """One row per candidacy × priority of `cycle` (all candidacies, or `person_ids` in that order).

    Columns: cycle, person_id, priority_id, level (0..3 or null), status (one of STATUS_ORDER),
    basis (assessment / statements / search / none), reviewed, n_statements, asks_covered,
    asks_total.
    """
    cands = tables["candidacies"].filter(pl.col("cycle") == cycle).select("cycle", "person_id")
    if person_ids is not None:
        order = pl.DataFrame(
            {"person_id": person_ids, "_order": range(len(person_ids))},
            schema={"person_id": pl.String, "_order": pl.Int64},
        )
        cands = cands.join(order, on="person_id").sort("_order").drop("_order")
    cands = cands.with_row_index("_c")
    grid = cands.join(tables["priorities"].select("priority_id", "order"), how="cross")
    key = ["cycle", "person_id", "priority_id"]

    statements = tables["statements"].filter(pl.col("cycle") == cycle)
    from_statements = statements.group_by(key).agg(
        pl.col("commitment_level").max().alias("stmt_level"),
        pl.len().cast(pl.UInt32).alias("n_statements"),
        pl.col("ask_id").drop_nulls().n_unique().cast(pl.UInt32).alias("asks_covered"),
    )
    asks_total = (
        tables["asks"].group_by("priority_id").agg(pl.len().cast(pl.UInt32).alias("asks_total"))
    )
    latest_assessment = (
        tables["assessments"]
        .filter(pl.col("cycle") == cycle)
        .sort("assessed_on", "assessment_id")
        .group_by(key)
        .last()
        .select(
            *key,
            pl.col("level").alias("assessed"),
            (pl.col("status") == "reviewed").alias("reviewed"),
        )
    )
    searches = (
        tables["searches"]
        .filter(pl.col("cycle") == cycle)
        .group_by(key)
        .agg((pl.col("result") == "declined").any().alias("declined"))
    )

    merged = (
        grid.join(from_statements, on=key, how="left")
        .join(latest_assessment, on=key, how="left")
        .join(searches, on=key, how="left")
        .join(asks_total, on="priority_id", how="left")
    )
    status = (
        pl.when(pl.col("assessed").is_not_null())
        .then(pl.col("assessed"))
        .when(pl.col("stmt_level").is_not_null())
        .then(pl.col("stmt_level").replace_strict(LEVEL_NAMES, return_dtype=pl.String))
        .when(pl.col("declined"))
        .then(pl.lit("declined"))
        .when(pl.col("declined").is_not_null())
        .then(pl.lit("silent"))
        .otherwise(pl.lit("not-assessed"))
    )
    basis = (
        pl.when(pl.col("assessed").is_not_null())
        .then(pl.lit("assessment"))
        .when(pl.col("stmt_level").is_not_null())
        .then(pl.lit("statements"))
        .when(pl.col("declined").is_not_null())
        .then(pl.lit("search"))
        .otherwise(pl.lit("none"))
    )
    out = merged.with_columns(status.alias("status"), basis.alias("basis")).with_columns(
        pl.col("status")
        .replace_strict(LEVEL_OF, default=None, return_dtype=pl.Int64)
        .alias("level"),
        pl.col("reviewed").fill_null(False),
        pl.col("n_statements").fill_null(0),
        pl.col("asks_covered").fill_null(0),
    )
    return out.sort("_c", "order").select(list(SCHEMA)).cast(SCHEMA)

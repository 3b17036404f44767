"""Compare page: up to four candidacies of one cycle on the eight priorities, side by side.

The radar's data is one row per candidacy × priority (`radar_data`); the table, the coverage and
the CSV download are all read from that same frame, so what is drawn and what is listed agree.
Silent, declined and not-assessed cells keep a null level ("missing is not zero").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import polars as pl

from loaders.urls import http_links, http_only
from views.commitments import LEVEL_NAMES, candidacy_options, priority_levels
from views.common import person_names

__all__ = [
    "MAX_CANDIDATES",
    "DEFAULT_CANDIDATES",
    "VENUES",
    "axis_labels",
    "default_candidates",
    "cycle_as_of",
    "radar_data",
    "level_cell",
    "level_table",
    "coverage_table",
    "statement_rows",
    "search_rows",
    "http_links",
    "http_only",
]

MAX_CANDIDATES = 4
DEFAULT_CANDIDATES = 2
VENUES = ("vision-statement", "informal-dialogue", "questionnaire", "interview", "op-ed", "other")

RADAR_SCHEMA = {
    "person_id": pl.String,
    "name": pl.String,
    "priority_id": pl.String,
    "axis": pl.String,
    "level": pl.Int64,
    "status": pl.String,
    "review": pl.String,
    "basis": pl.String,
    "n_statements": pl.UInt32,
    "asks_covered": pl.UInt32,
    "asks_total": pl.UInt32,
}


def axis_labels(priorities: pl.DataFrame) -> dict[str, str]:
    """{priority_id: 'P1 UN human-rights impact'} in the fixed p1..p8 axis order."""
    rows = priorities.sort("order").select("priority_id", "title").iter_rows()
    return {pid: f"{pid.upper()} {title}" for pid, title in rows}


def default_candidates(tables: dict[str, pl.DataFrame], cycle: int) -> list[str]:
    """The first two candidacies of `cycle` in nomination order (fewer if the cycle has fewer)."""
    return [pid for pid, _ in candidacy_options(tables, cycle)[:DEFAULT_CANDIDATES]]


def cycle_as_of(tables: dict[str, pl.DataFrame], cycle: int) -> date | None:
    """The date up to which the cycle's data was checked (None if the cycle is unknown)."""
    rows = tables["cycles"].filter(pl.col("cycle") == cycle)
    return rows["as_of"][0] if rows.height else None


def radar_data(tables: dict[str, pl.DataFrame], cycle: int, person_ids: list[str]) -> pl.DataFrame:
    """One row per candidacy × priority, candidacies in the order given, priorities p1..p8.

    Columns: person_id, name, priority_id, axis (label), level (0..3, null for silent / declined /
    not assessed), status, review ('provisional' / 'reviewed', null when there is no level), basis,
    n_statements, asks_covered, asks_total. Person ids that are not candidacies of `cycle` are
    left out.
    """
    if not person_ids:  # priority_levels cannot order by an empty (untyped) list
        return pl.DataFrame(schema=RADAR_SCHEMA)
    levels = priority_levels(tables, cycle, list(dict.fromkeys(person_ids)))
    names = person_names(tables["people"])
    axes = axis_labels(tables["priorities"])
    return (
        levels.with_columns(
            pl.col("person_id").replace_strict(names, default=pl.col("person_id")).alias("name"),
            pl.col("priority_id").replace_strict(axes, default=pl.col("priority_id")).alias("axis"),
            pl.when(pl.col("level").is_null())
            .then(pl.lit(None, dtype=pl.String))
            .when(pl.col("reviewed"))
            .then(pl.lit("reviewed"))
            .otherwise(pl.lit("provisional"))
            .alias("review"),
        )
        .select(list(RADAR_SCHEMA))
        .cast(RADAR_SCHEMA)
    )


def level_cell(status: str, review: str | None, words: Mapping[str, str]) -> str:
    """'●●○ clear (2) · provisional', '? not assessed yet': the status and, for a level, its review.

    `words` maps each status (to its symbol and word, e.g. '●●○ clear (2)') and 'provisional' /
    'reviewed' to the text shown in the page's language.
    """
    text = words.get(status, status)
    if review:
        text += f" · {words.get(review, review)}"
    return text


def level_table(radar: pl.DataFrame, words: Mapping[str, str]) -> pl.DataFrame:
    """The radar's numbers as a table: one row per priority (first column 'priority', p1..p8),
    one column per candidacy (its name, in the radar's order), cells from `level_cell`."""
    cells = radar.select(
        "name",
        "axis",
        pl.struct("status", "review")
        .map_elements(lambda s: level_cell(s["status"], s["review"], words), return_dtype=pl.String)
        .alias("cell"),
    )
    return _by_priority(cells)


def coverage_table(radar: pl.DataFrame) -> pl.DataFrame:
    """Asks with evidence out of the priority's asks, e.g. '1 / 4': one row per priority (first
    column 'priority'), one column per candidacy (its name)."""
    cells = radar.select(
        "name", "axis", pl.format("{} / {}", "asks_covered", "asks_total").alias("cell")
    )
    return _by_priority(cells)


def _by_priority(cells: pl.DataFrame) -> pl.DataFrame:
    if cells.height == 0:
        return pl.DataFrame(schema={"priority": pl.String})
    names = list(dict.fromkeys(cells["name"]))
    wide = cells.pivot(on="name", index="axis", values="cell", maintain_order=True)
    return wide.select(pl.col("axis").alias("priority"), *names)


def search_rows(tables: dict[str, pl.DataFrame], cycle: int, person_ids: list[str]) -> pl.DataFrame:
    """The documented searches of the chosen candidacies in `cycle` (columns as the table)."""
    searches = tables["searches"]
    return searches.filter((pl.col("cycle") == cycle) & pl.col("person_id").is_in(person_ids))


def statement_rows(
    tables: dict[str, pl.DataFrame], cycle: int, person_ids: list[str]
) -> pl.DataFrame:
    """The statements behind the radar's points: candidacies in the order given, then by date.

    Columns: statement_id, person_id, name, date, date_precision, priority_id, axis, venue, level,
    status (the level's name), paraphrase, quote, second_hand, source_url, archive_url (http(s)
    only, lists).
    """
    names = person_names(tables["people"])
    axes = axis_labels(tables["priorities"])
    order = pl.DataFrame(
        {"person_id": list(dict.fromkeys(person_ids)), "_order": range(len(set(person_ids)))},
        schema={"person_id": pl.String, "_order": pl.Int64},
    )
    stmts = tables["statements"].filter(pl.col("cycle") == cycle).join(order, on="person_id")
    return stmts.sort("_order", "date", "priority_id", "statement_id").select(
        "statement_id",
        "person_id",
        pl.col("person_id").replace_strict(names, default=pl.col("person_id")).alias("name"),
        "date",
        "date_precision",
        "priority_id",
        pl.col("priority_id").replace_strict(axes, default=pl.col("priority_id")).alias("axis"),
        "venue",
        pl.col("commitment_level").alias("level"),
        pl.col("commitment_level")
        .replace_strict(LEVEL_NAMES, default=None, return_dtype=pl.String)
        .alias("status"),
        "paraphrase",
        "quote",
        pl.col("second_hand").fill_null(False),
        http_only("source_url"),
        http_only("archive_url"),
    )

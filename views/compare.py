"""Compare page: up to four candidacies of one cycle on the eight priorities, side by side.

The radar's data is one row per candidacy × priority (`radar_data`); the table, the coverage and
the CSV download are all read from that same frame, so what is drawn and what is listed agree.
Silent, declined and not-assessed cells keep a null level ("missing is not zero").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go
import polars as pl

from loaders.urls import http_links, http_only
from views.commitments import LEVEL_NAMES, candidacy_options, priority_levels
from views.common import person_names
from views.radar import radar_figure, radar_text, statement_line
from views.text import md_text
from views.words import Words

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
    "CompareChoices",
    "compare_choices",
    "CandidacyStatements",
    "CompareModel",
    "compare_model",
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
    texts = [level_cell(s, r, words) for s, r in zip(radar["status"], radar["review"], strict=True)]
    cells = radar.select("name", "axis").with_columns(pl.Series("cell", texts, dtype=pl.String))
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


# --- the page's view model ---


@dataclass(frozen=True)
class CompareChoices:
    """The cycle's candidacies [(person_id, name)] in nomination order and the default choice."""

    options: tuple[tuple[str, str], ...]
    default: tuple[str, ...]


def compare_choices(tables: dict[str, pl.DataFrame], cycle: int) -> CompareChoices:
    """What the candidate control offers for `cycle`."""
    return CompareChoices(
        options=tuple(candidacy_options(tables, cycle)),
        default=tuple(default_candidates(tables, cycle)),
    )


@dataclass(frozen=True)
class CandidacyStatements:
    """One candidacy's statements behind the radar: a heading and Markdown list items, or the
    sentence saying there are none."""

    heading: str
    lines: str | None
    none: str


@dataclass(frozen=True)
class CompareModel:
    """Everything the compare page shows for one cycle and the chosen candidacies.

    `notice` is set (and nothing else shown) when the cycle has no candidacy or none is chosen.
    `radar` is `radar_data` (the radar's points and the CSV); `figure` the radar (None without
    candidacies); `levels` / `coverage` the tables; `profiles` the (person_id, label) links;
    `shown` the rows the view cites, for the source notes.
    """

    state: str
    notice: str | None
    notice_icon: str
    people: tuple[str, ...]
    profiles: tuple[tuple[str, str], ...]
    side_by_side: bool
    radar: pl.DataFrame
    figure: go.Figure | None
    csv_name: str
    levels: pl.DataFrame | None
    coverage: pl.DataFrame | None
    statements: tuple[CandidacyStatements, ...]
    shown: dict[str, pl.DataFrame]


def compare_model(
    tables: dict[str, pl.DataFrame], cycle: int, chosen: tuple[str, ...], words: Words
) -> CompareModel:
    """The radar, tables and statement lines of the `chosen` candidacies of `cycle` (ids that are
    not candidacies of the cycle are left out)."""
    radar = radar_data(tables, cycle, list(chosen))
    people = tuple(dict.fromkeys(radar["person_id"]))
    names = dict(radar.select("person_id", "name").unique(maintain_order=True).iter_rows())
    text = radar_text(words)
    statements = statement_rows(tables, cycle, list(people)) if people else pl.DataFrame()
    as_of = cycle_as_of(tables, cycle)
    as_of_text = words.date(as_of) if as_of else words("common.as_of_unknown")
    if people:
        state = words("compare.state", n=len(people), cycle=cycle, as_of=as_of_text)
    else:
        state = words("compare.state_none", cycle=cycle, as_of=as_of_text)
    notice, icon = None, ""
    if not candidacy_options(tables, cycle):
        notice, icon = words("compare.no_candidacies", cycle=cycle), ":material/how_to_vote:"
    elif not people:
        notice, icon = words("compare.empty"), ":material/compare_arrows:"
    priority = {"priority": words("compare.col_priority")}
    lines = {pid: [] for pid in people}
    for row in statements.iter_rows(named=True):
        lines[row["person_id"]].append(statement_line(row, text, words))
    return CompareModel(
        state=state,
        notice=notice,
        notice_icon=icon,
        people=people,
        profiles=tuple((pid, md_text(names[pid])) for pid in people),
        side_by_side=len(people) <= 2,
        radar=radar,
        figure=radar_figure(radar, text) if people else None,
        csv_name=f"compare-{cycle}",
        levels=level_table(radar, text.cell).rename(priority) if people else None,
        coverage=coverage_table(radar).rename(priority) if people else None,
        statements=tuple(
            CandidacyStatements(
                heading=f"#### {md_text(names[pid])}",
                lines="\n".join(lines[pid]) or None,
                none=words("compare.no_statements", name=md_text(names[pid])),
            )
            for pid in people
        ),
        shown={
            "statements": statements,
            "searches": search_rows(tables, cycle, list(people)),
        },
    )

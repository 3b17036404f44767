"""Overview page: the agenda, the cycles, and the candidacies of one cycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from views.common import country_names, join_names

__all__ = ["CycleSummary", "agenda", "cycle_summary", "candidacy_rows"]

MILESTONES = (
    "nominations_opened",
    "dialogues_start",
    "first_straw_poll",
    "last_straw_poll",
    "sc_recommendation_date",
    "ga_appointment_date",
    "term_start",
)


@dataclass(frozen=True)
class CycleSummary:
    """One cycle in numbers: milestones (None = not reached or not in the data) and counts."""

    cycle: int
    as_of: date
    milestones: dict[str, date | None]
    candidacies: int
    withdrawn: int
    women: int
    appointee: str | None


STALE_AFTER_DAYS = 60


def days_behind(summary: CycleSummary, today: date) -> int | None:
    """How many days the data of a cycle still under way lags behind `today`, when that is more
    than STALE_AFTER_DAYS (the race may have moved on); None for a finished cycle or fresh data."""
    if summary.appointee is not None or summary.as_of is None:
        return None
    days = (today - summary.as_of).days
    return days if days > STALE_AFTER_DAYS else None


def agenda(priorities: pl.DataFrame, asks: pl.DataFrame) -> list[tuple[dict, list[dict]]]:
    """[(priority row, [its ask rows in order])] in the fixed p1..p8 order."""
    out = []
    for prio in priorities.sort("order").iter_rows(named=True):
        rows = asks.filter(pl.col("priority_id") == prio["priority_id"]).sort("order")
        out.append((prio, rows.to_dicts()))
    return out


def cycle_summary(package_tables: dict[str, pl.DataFrame], cycle: int) -> CycleSummary:
    """Milestones and headline counts of `cycle`."""
    row = package_tables["cycles"].filter(pl.col("cycle") == cycle).row(0, named=True)
    cands = package_tables["candidacies"].filter(pl.col("cycle") == cycle)
    people = package_tables["people"].join(cands.select("person_id"), on="person_id", how="semi")
    appointee = None
    if row.get("appointee_person_id"):
        names = dict(package_tables["people"].select("person_id", "name").iter_rows())
        appointee = names.get(row["appointee_person_id"])
    return CycleSummary(
        cycle=cycle,
        as_of=row["as_of"],
        milestones={m: row.get(m) for m in MILESTONES},
        candidacies=cands.height,
        withdrawn=cands.filter(pl.col("outcome") == "withdrew").height,
        women=people.filter(pl.col("gender") == "female").height,
        appointee=appointee,
    )


def candidacy_rows(package_tables: dict[str, pl.DataFrame], cycle: int) -> pl.DataFrame:
    """The candidacies of `cycle` with names resolved, in nomination order.

    Columns: person_id, name, nationality, nominated_by, group, role, nominated, dialogue,
    withdrawn, outcome, source_url.
    """
    names = country_names(package_tables["countries"])
    cands = package_tables["candidacies"].filter(pl.col("cycle") == cycle)
    joined = cands.join(package_tables["people"].drop("source_url"), on="person_id", how="left")
    return joined.sort("nomination_date", "person_id").select(
        "person_id",
        "name",
        pl.col("nationality_iso3")
        .replace_strict(names, default=pl.col("nationality_iso3"))
        .alias("nationality"),
        pl.col("nominating_states_iso3")
        .map_elements(lambda codes: join_names(list(codes), names), return_dtype=pl.String)
        .alias("nominated_by"),
        pl.col("un_regional_group").alias("group"),
        pl.col("role_at_nomination").alias("role"),
        pl.col("nomination_date").alias("nominated"),
        pl.col("informal_dialogue_date").alias("dialogue"),
        pl.col("withdrawal_date").alias("withdrawn"),
        "outcome",
        "source_url",
    )

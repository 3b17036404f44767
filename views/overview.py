"""Overview page: the agenda, the cycles, and the candidacies of one cycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from views.common import country_names, join_names, mapped
from views.text import md_link, md_text
from views.words import Words

__all__ = [
    "CycleSummary",
    "agenda",
    "cycle_summary",
    "candidacy_rows",
    "days_behind",
    "Card",
    "OverviewModel",
    "overview_model",
]

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
    joined = joined.sort("nomination_date", "person_id")
    return joined.select(
        "person_id",
        "name",
        pl.col("nationality_iso3")
        .replace_strict(names, default=pl.col("nationality_iso3"))
        .alias("nationality"),
        mapped(
            joined,
            "nominating_states_iso3",
            lambda codes: join_names(list(codes), names),
            pl.String,
        ).alias("nominated_by"),
        pl.col("un_regional_group").alias("group"),
        pl.col("role_at_nomination").alias("role"),
        pl.col("nomination_date").alias("nominated"),
        pl.col("informal_dialogue_date").alias("dialogue"),
        pl.col("withdrawal_date").alias("withdrawn"),
        "outcome",
        "source_url",
    )


@dataclass(frozen=True)
class Card:
    """One candidacy's card: Markdown lines, each its own block (data escaped)."""

    person_id: str
    lines: list[str]
    source: str  # a Markdown link to the candidacy's first source


@dataclass(frozen=True)
class OverviewModel:
    """Everything the overview shows of one cycle (Markdown, data escaped)."""

    title: str
    state: str
    stale: str | None  # the warning when an open cycle's data lags behind today
    metrics: list[tuple[str, int | str]]  # (label, value)
    milestones: list[tuple[str, str]]  # (label, date or '—')
    milestones_gap: str | None  # the caption when a milestone is not reached yet
    cards_title: str
    cards: list[Card]
    agenda: list[tuple[str, str, str]]  # (expander label, summary, the asks as a list)


def _card(row: dict, words: Words) -> Card:
    lines = [
        f"### {md_text(row['name'])}",
        f"*{md_text(row['role'])}*",
        words(
            "overview.card",
            nationality=md_text(row["nationality"]),
            nominated_by=md_text(row["nominated_by"]),
            group=md_text(row["group"]),
            nominated=words.date(row["nominated"]),
        ),
    ]
    if row["dialogue"]:
        lines.append(words("overview.card_dialogue", date=words.date(row["dialogue"])))
    if row["withdrawn"]:
        lines.append(words("overview.card_withdrawn", date=words.date(row["withdrawn"])))
    outcome = words("overview.outcome_" + row["outcome"])
    lines.append(words("common.labelled", label=words("overview.outcome"), value=f"**{outcome}**"))
    return Card(
        person_id=row["person_id"],
        lines=lines,
        source=md_link(row["source_url"][0], words("common.source")),
    )


def overview_model(
    tables: dict[str, pl.DataFrame], cycle: int, today: date, words: Words
) -> OverviewModel:
    """The cycle's numbers, milestones, candidacies and the agenda, as of `today`."""
    summary = cycle_summary(tables, cycle)
    as_of = words.date(summary.as_of)
    behind = days_behind(summary, today)
    gap = any(when is None for when in summary.milestones.values())
    return OverviewModel(
        title=words("overview.title"),
        state=words("overview.state", n=summary.candidacies, cycle=cycle, as_of=as_of),
        stale=(
            words("overview.stale", as_of=as_of, days_ago=words("overview.days_ago", n=behind))
            if behind is not None
            else None
        ),
        metrics=[
            (words("overview.m_candidacies"), summary.candidacies),
            (words("overview.m_women"), summary.women),
            (words("overview.m_withdrawn"), summary.withdrawn),
            (words("overview.m_appointee"), summary.appointee or words("overview.not_yet")),
        ],
        milestones=[
            (words("overview.ms_" + name), words.date(when) if when else "—")
            for name, when in summary.milestones.items()
        ],
        milestones_gap=words("overview.milestones_gap", as_of=as_of) if gap else None,
        cards_title=words("overview.candidacies", cycle=cycle),
        cards=[_card(row, words) for row in candidacy_rows(tables, cycle).iter_rows(named=True)],
        agenda=[
            (
                f"**{prio['priority_id'].upper()} · {md_text(prio['title'])}**",
                md_text(prio["summary"]),
                "\n".join(f"- `{a['ask_id']}` {md_text(a['text'])}" for a in asks),
            )
            for prio, asks in agenda(tables["priorities"], tables["asks"])
        ],
    )

"""Record in office: an office holder's dated acts and omissions, assessed against the agenda, and
what the same person said on each priority as a candidate ("said vs did")."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

import plotly.graph_objects as go
import polars as pl

from loaders.schema import ASSESSMENTS
from loaders.urls import http_only
from views.commitments import LEVEL_NAMES, priority_levels
from views.common import ENTRY_TEXT_COLUMNS, mid_period, person_names
from views.palette import ASSESSMENT_STYLE, STATUS_STYLE
from views.text import chart_text, md_link, md_text
from views.words import Words

__all__ = [
    "ASSESSMENTS",
    "LANE_OFFSET",
    "office_holders",
    "record_years",
    "appointee_cycle",
    "campaign_cycle",
    "default_from_year",
    "filter_entries",
    "counts_by_priority_year",
    "timeline_data",
    "timeline_figure",
    "said_vs_did",
    "DID_LIMIT",
    "assessment_word",
    "RecordOptions",
    "record_options",
    "inverted_period",
    "SaidDid",
    "RecordModel",
    "record_model",
]

# Within a priority's lane each assessment has its own sub-row, so markers do not hide each other.
LANE_OFFSET = {"advances": -0.22, "mixed": 0.0, "falls-short": 0.22}
# The "did" list under each priority shows at most this many entries (the newest); the table of
# every entry above it holds them all.
DID_LIMIT = 50


def office_holders(tables: dict[str, pl.DataFrame]) -> list[tuple[str, str]]:
    """[(person_id, name)] of everyone with record entries: Secretaries-General first (newest
    appointment first), then candidates with a record in earlier roles, by name."""
    names = person_names(tables["people"])
    appointed = (
        tables["cycles"]
        .filter(pl.col("appointee_person_id").is_not_null())
        .group_by("appointee_person_id")
        .agg(pl.col("cycle").max().alias("appointed"))
        .rename({"appointee_person_id": "person_id"})
    )
    firsts = (
        tables["record_entries"]
        .select("person_id")
        .unique()
        .join(appointed, on="person_id", how="left")
        .with_columns(
            pl.col("person_id").replace_strict(names, default=pl.col("person_id")).alias("name")
        )
        .sort("appointed", "name", descending=[True, False], nulls_last=True)
    )
    return list(firsts.select("person_id", "name").iter_rows())


def record_years(tables: dict[str, pl.DataFrame], person_id: str) -> list[int]:
    """Every year from the person's first record entry to their last (empty if they have none)."""
    dates = tables["record_entries"].filter(pl.col("person_id") == person_id)["date"]
    if dates.is_empty():
        return []
    return list(range(dates.min().year, dates.max().year + 1))


def appointee_cycle(tables: dict[str, pl.DataFrame], person_id: str) -> int | None:
    """The selection cycle in which the person was appointed (None if they never were)."""
    rows = tables["cycles"].filter(pl.col("appointee_person_id") == person_id).sort("cycle")
    return rows["cycle"][-1] if rows.height else None


def default_from_year(tables: dict[str, pl.DataFrame], person_id: str, years: list[int]) -> int:
    """The first year a record view opens on: a Secretary-General's term (their record in earlier
    roles stays one slider move away), anyone else's whole record."""
    cycle = appointee_cycle(tables, person_id)
    if cycle is not None:
        term_start = tables["cycles"].filter(pl.col("cycle") == cycle)["term_start"][0]
        if term_start is not None and term_start.year in years:
            return term_start.year
    return years[0]


def campaign_cycle(tables: dict[str, pl.DataFrame], person_id: str) -> int | None:
    """The campaign set beside the person's record: the cycle they were appointed in, else their
    latest candidacy (a candidate's record in earlier roles), None if they never ran."""
    appointed = appointee_cycle(tables, person_id)
    if appointed is not None:
        return appointed
    ran = tables["candidacies"].filter(pl.col("person_id") == person_id)["cycle"]
    return ran.max() if ran.len() else None


def filter_entries(
    tables: dict[str, pl.DataFrame],
    person_id: str,
    priority_ids: list[str],
    assessments: list[str],
    year_from: int,
    year_to: int,
) -> pl.DataFrame:
    """The person's record entries in the filters, by date (oldest first), then entry id.

    Columns: entry_id, person_id, role, date, date_precision, year, priority_id, priority_order,
    ask_id, kind, title, summary, assessment, sources (http(s) only).
    """
    order = tables["priorities"].select("priority_id", pl.col("order").alias("priority_order"))
    return (
        tables["record_entries"]
        .filter(
            (pl.col("person_id") == person_id)
            & pl.col("priority_id").is_in(priority_ids)
            & pl.col("assessment").is_in(assessments)
            & pl.col("date").dt.year().is_between(year_from, year_to)
        )
        .join(order, on="priority_id", how="left")
        .with_columns(
            pl.col("date").dt.year().cast(pl.Int64).alias("year"),
            http_only("source_url").alias("sources"),
        )
        .sort("date", "entry_id")
        .select(
            "entry_id",
            "person_id",
            "role",
            "date",
            "date_precision",
            "year",
            "priority_id",
            "priority_order",
            *ENTRY_TEXT_COLUMNS,
        )
    )


def counts_by_priority_year(
    entries: pl.DataFrame, priority_ids: list[str], years: list[int]
) -> pl.DataFrame:
    """Entries per priority (rows, in `priority_ids` order) and year (one column per year) + total.

    A count is how many entries the data hold, not a measure of action: 0 means none recorded.
    """
    counts = dict(
        ((p, y), n) for p, y, n in entries.group_by("priority_id", "year").len().iter_rows()
    )
    rows = []
    for pid in priority_ids:
        row: dict[str, object] = {"priority_id": pid}
        for year in years:
            row[str(year)] = int(counts.get((pid, year), 0))
        row["total"] = sum(int(counts.get((pid, y), 0)) for y in years)
        rows.append(row)
    schema = {"priority_id": pl.String, **{str(y): pl.Int64 for y in years}, "total": pl.Int64}
    return pl.DataFrame(rows, schema=schema, orient="row")


def timeline_data(
    entries: pl.DataFrame, priority_ids: list[str], format_date: Callable[..., str]
) -> pl.DataFrame:
    """Exactly what the timeline plots: one row per entry with its lane and its date as read.

    Columns: entry_id, date, x (where it is drawn: mid-period when not to the day), date_shown
    (respecting date_precision), priority_id, lane (0 = the first of `priority_ids`), y (lane plus
    the assessment's sub-row offset), assessment, kind, title, summary, source (first http(s)
    address or null).
    """
    lanes = pl.DataFrame(
        {"priority_id": priority_ids, "lane": list(range(len(priority_ids)))},
        schema={"priority_id": pl.String, "lane": pl.Int64},
    )
    shown = [format_date(d, p) for d, p in entries.select("date", "date_precision").iter_rows()]
    return (
        entries.with_columns(pl.Series("date_shown", shown, dtype=pl.String))
        .join(lanes, on="priority_id", how="inner")
        .with_columns(
            (
                pl.col("lane").cast(pl.Float64)
                + pl.col("assessment").replace_strict(LANE_OFFSET, return_dtype=pl.Float64)
            ).alias("y"),
            pl.col("sources").list.first().alias("source"),
            mid_period().alias("x"),
        )
        .sort("date", "entry_id")
        .select(
            "entry_id",
            "date",
            "x",
            "date_shown",
            "priority_id",
            "lane",
            "y",
            "assessment",
            "kind",
            "title",
            "summary",
            "source",
        )
    )


def _wrap(text: str, width: int = 70) -> str:
    """Curated text for a Plotly hover: wrapped, with <, > and & shown as text, never markup."""
    return "<br>".join(html.escape(line, quote=False) for line in textwrap.wrap(text or "", width))


def timeline_figure(
    data: pl.DataFrame,
    *,
    lane_labels: list[str],
    assessment_labels: dict[str, str],
    styles: dict[str, dict[str, str]],
    source_word: str,
    x_title: str,
) -> go.Figure:
    """Timeline: x = date, one horizontal lane per priority (in the order of `lane_labels`), one
    marker trace per assessment (colour, shape and word from `styles` / `assessment_labels`).

    customdata per point: [entry_id, priority_id, date as read, title, summary, source host].
    """
    fig = go.Figure()
    for assessment in ASSESSMENTS:
        rows = data.filter(pl.col("assessment") == assessment)
        if rows.is_empty():
            continue
        style = styles[assessment]
        custom = [
            [
                r["entry_id"],
                r["priority_id"],
                r["date_shown"],
                _wrap(r["title"]),
                _wrap(r["summary"]),
                urlparse(r["source"]).netloc if r["source"] else "—",
            ]
            for r in rows.iter_rows(named=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=rows["x"].to_list(),
                y=rows["y"].to_list(),
                mode="markers",
                name=assessment_labels[assessment],
                marker={
                    "color": style["color"],
                    "symbol": style["marker"],
                    "size": 13,
                    "line": {"width": 1, "color": "#333333"},
                },
                customdata=custom,
                hovertemplate=(
                    "<b>%{customdata[3]}</b><br>%{customdata[2]} · %{customdata[1]}"
                    f" · {assessment_labels[assessment]}<br>%{{customdata[4]}}"
                    f"<br>{source_word}: %{{customdata[5]}}<extra></extra>"
                ),
            )
        )
    n = len(lane_labels)
    for lane in range(n):
        if lane % 2 == 0:
            fig.add_shape(
                type="rect",
                xref="paper",
                x0=0,
                x1=1,
                y0=lane - 0.5,
                y1=lane + 0.5,
                fillcolor="#F3F5F7",
                line={"width": 0},
                layer="below",
            )
    fig.update_yaxes(
        tickvals=list(range(n)),
        ticktext=[chart_text(label) for label in lane_labels],
        range=[n - 0.5, -0.5],
        zeroline=False,
        showgrid=False,
    )
    fig.update_xaxes(title=x_title, showgrid=True)
    fig.update_layout(
        height=max(260, 62 * n + 140),
        margin={"t": 30, "l": 10, "r": 10, "b": 10},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        plot_bgcolor="#FFFFFF",
        hovermode="closest",
    )
    return fig


def said_vs_did(
    tables: dict[str, pl.DataFrame],
    person_id: str,
    priority_ids: list[str],
    entries: pl.DataFrame,
) -> list[dict]:
    """Per priority (in `priority_ids` order): what the person said as a candidate (in the cycle of
    `campaign_cycle`), next to their record on it (from `entries`, already filtered).

    Each item: priority_id, title, cycle (None if never appointed), status (commitment status from
    `priority_levels`, None if no cycle), level, reviewed, statements (list of rows: date,
    date_precision, venue, ask_id, commitment_level, paraphrase, quote, second_hand, sources),
    counts ({assessment: n}), entries (list of rows: date, date_precision, assessment, title).
    """
    cycle = campaign_cycle(tables, person_id)
    titles = dict(tables["priorities"].select("priority_id", "title").iter_rows())
    levels: dict[str, dict] = {}
    statements = tables["statements"].head(0)
    if cycle is not None:
        lv = priority_levels(tables, cycle, [person_id])
        levels = {r["priority_id"]: r for r in lv.iter_rows(named=True)}
        statements = tables["statements"].filter(
            (pl.col("cycle") == cycle) & (pl.col("person_id") == person_id)
        )
    statements = statements.with_columns(http_only("source_url").alias("sources")).sort("date")
    out = []
    for pid in priority_ids:
        said = statements.filter(pl.col("priority_id") == pid).select(
            "date",
            "date_precision",
            "venue",
            "ask_id",
            "commitment_level",
            "paraphrase",
            "quote",
            "second_hand",
            "sources",
        )
        did = entries.filter(pl.col("priority_id") == pid)
        counts = dict(did.group_by("assessment").len().iter_rows())
        level = levels.get(pid)
        out.append(
            {
                "priority_id": pid,
                "title": titles.get(pid, pid),
                "cycle": cycle,
                "status": level["status"] if level else None,
                "level": level["level"] if level else None,
                "reviewed": level["reviewed"] if level else None,
                "statements": said.to_dicts(),
                "counts": {a: int(counts.get(a, 0)) for a in ASSESSMENTS},
                "entries": did.select("date", "date_precision", "assessment", "title").to_dicts(),
            }
        )
    return out


@dataclass(frozen=True)
class RecordOptions:
    """What the record page's filters offer."""

    holders: list[tuple[str, str]]  # office_holders
    names: dict[str, str]  # person_id → name, of the holders
    priorities: dict[str, str]  # priority_id → title, in agenda order


def record_options(tables: dict[str, pl.DataFrame]) -> RecordOptions:
    """The people with a record and the priorities, for the page's filters."""
    holders = office_holders(tables)
    priorities = tables["priorities"].sort("order").select("priority_id", "title").iter_rows()
    return RecordOptions(holders=holders, names=dict(holders), priorities=dict(priorities))


def inverted_period(raw_from: Sequence[str], raw_to: Sequence[str], years: Sequence[str]) -> bool:
    """True when a link asks for one known start year after one known end year."""
    return (
        len(raw_from) == 1
        and len(raw_to) == 1
        and raw_from[0] in years
        and raw_to[0] in years
        and int(raw_from[0]) > int(raw_to[0])
    )


@dataclass(frozen=True)
class SaidDid:
    """One priority's "said vs did" box: Markdown paragraphs, each its own block on the page."""

    heading: str
    said: list[str]
    did: list[str]
    did_caption: str | None  # when the "did" list is cut to DID_LIMIT


@dataclass(frozen=True)
class RecordModel:
    """Everything the record page shows for one person and filters."""

    title: str
    state: str  # Markdown (data escaped), as every sentence below
    notice: str | None  # why nothing is listed (empty selection, no entries in the period)
    entries: pl.DataFrame  # filter_entries (the entries' download)
    timeline: pl.DataFrame  # timeline_data (drawn and downloaded)
    timeline_fig: go.Figure | None  # None when nothing is drawn (no priority or no entry)
    counts: pl.DataFrame | None  # counts_by_priority_year (download)
    counts_table: pl.DataFrame | None  # the counts as shown (translated headers)
    table: pl.DataFrame | None  # every entry as shown
    entries_title: str
    cycle: int | None  # campaign_cycle
    said_did_intro: str  # the campaign's cycle, or why there is none
    said_did: list[SaidDid]


def assessment_word(assessment: str, words: Words) -> str:
    """Symbol and word of a record assessment, e.g. '▲ advances'."""
    return f"{ASSESSMENT_STYLE[assessment]['symbol']} {words('common.assessment_' + assessment)}"


def _status_word(status: str, words: Words) -> str:
    """Symbol and word of a commitment status, e.g. '●●○ clear (2)'."""
    return f"{STATUS_STYLE[status]['symbol']} {words('common.status_' + status)}"


def _links(urls, words: Words) -> str:
    """Markdown links to http(s) sources (anything else is never linked)."""
    urls = list(urls or [])
    links = " · ".join(md_link(u, f"{words('record.source')} {i}") for i, u in enumerate(urls, 1))
    return links or words("record.no_source")


def _said_did(item: dict, words: Words) -> SaidDid:
    """One item of `said_vs_did` as Markdown."""
    said = [f"**{words('record.said', cycle=item['cycle'] or '—')}**"]
    if item["status"] is not None:
        status = _status_word(item["status"], words)
        review = words("common.reviewed") if item["reviewed"] else words("common.provisional")
        said.append(f"{status} · *{review}*" if item["level"] is not None else status)
    for s in item["statements"]:
        level = LEVEL_NAMES[s["commitment_level"]]
        ask = md_text(s["ask_id"]) if s["ask_id"] else words("record.priority_general")
        quote = f" — “{md_text(s['quote'])}”" if s["quote"] else ""
        second = f" *({words('record.second_hand')})*" if s["second_hand"] else ""
        when = words.date(s["date"], s["date_precision"])
        label = f"**{_status_word(level, words)}**{second}"
        said.append(
            f"- {when} · {ask} · "
            + words("common.labelled", label=label, value=f"{md_text(s['paraphrase'])}{quote}")
            + f" ({_links(s['sources'], words)})"
        )
    if not item["statements"] and item["cycle"] is None:
        said.append(words("record.said_no_cycle"))
    elif not item["statements"]:
        said.append(words("record.said_none_" + item["status"]))
    did = [f"**{words('record.did')}**"]
    n_did = sum(item["counts"].values())
    if n_did:
        did.append(
            " · ".join(
                words("common.labelled", label=assessment_word(a, words), value=f"**{n}**")
                for a, n in item["counts"].items()
            )
        )
        did.append(
            "\n".join(
                f"- {words.date(e['date'], e['date_precision'])} · "
                f"{ASSESSMENT_STYLE[e['assessment']]['symbol']} {md_text(e['title'])}"
                for e in item["entries"][-DID_LIMIT:]
            )
        )
    else:
        did.append(words("record.did_none"))
    caption = words("record.did_shown", shown=DID_LIMIT, total=n_did) if n_did > DID_LIMIT else None
    return SaidDid(
        heading=f"#### {item['priority_id'].upper()} · {md_text(item['title'])}",
        said=said,
        did=did,
        did_caption=caption,
    )


def _entries_table(entries: pl.DataFrame, words: Words) -> pl.DataFrame:
    """Every entry as the page lists it: date as read, priority, kind, assessment, text, source."""
    columns = {
        "record.col_date": [
            words.date(d, p) for d, p in entries.select("date", "date_precision").iter_rows()
        ],
        "record.col_priority": [p.upper() for p in entries["priority_id"]],
        "record.col_kind": [words("record.kind_" + k) for k in entries["kind"]],
        "record.col_assessment": [assessment_word(a, words) for a in entries["assessment"]],
        "record.col_title": entries["title"].to_list(),
        "record.col_summary": entries["summary"].to_list(),
        "record.col_source": entries["sources"].list.first().to_list(),
    }
    return pl.DataFrame(
        {words(key): values for key, values in columns.items()},
        schema={words(key): pl.String for key in columns},
    )


def record_model(
    tables: dict[str, pl.DataFrame],
    person_id: str,
    priority_ids: Sequence[str],
    assessments: Sequence[str],
    year_from: int,
    year_to: int,
    words: Words,
    *,
    record_as_of: date | None = None,
) -> RecordModel:
    """The person's record in the filters as the page shows it in `words`' language (chosen
    priorities in agenda order); `record_as_of` is the day the entries were checked up to."""
    options = record_options(tables)
    titles = options.priorities
    selected = [p for p in titles if p in priority_ids]
    chosen = list(assessments)
    name = md_text(options.names.get(person_id, person_id))
    entries = filter_entries(tables, person_id, selected, chosen, year_from, year_to)
    timeline = timeline_data(entries, selected, words.date)
    cycle = campaign_cycle(tables, person_id)
    roles = ", ".join(md_text(r) for r in entries["role"].unique(maintain_order=True))
    priority_phrase = (
        words("record.all_priorities")
        if len(selected) == len(titles)
        else ", ".join(p.upper() for p in selected) or words("record.no_priority")
    )
    assessment_phrase = (
        words("record.all_assessments")
        if len(chosen) == len(ASSESSMENTS)
        else ", ".join(words("common.assessment_" + a) for a in chosen)
        or words("record.no_assessment")
    )
    state = words(
        "record.state",
        n=entries.height,
        name=name,
        roles=roles or words("record.no_role"),
        start=year_from,
        end=year_to,
        priorities=priority_phrase,
        assessments=assessment_phrase,
        as_of=words.date(record_as_of) if record_as_of else words("common.as_of_unknown"),
    )
    notice = None
    if not selected or not chosen:
        notice = words("record.empty_selection")
    elif entries.is_empty():
        notice = words("record.no_entries", start=year_from, end=year_to)
    drawn = bool(selected) and not timeline.is_empty()
    counts = (
        counts_by_priority_year(entries, selected, list(range(year_from, year_to + 1)))
        if drawn
        else None
    )
    lanes = {p: f"{p.upper()} · {titles[p]}" for p in selected}
    return RecordModel(
        title=words("record.title"),
        state=state,
        notice=notice,
        entries=entries,
        timeline=timeline,
        timeline_fig=timeline_figure(
            timeline,
            lane_labels=list(lanes.values()),
            # The legend draws each marker itself: the word alone, not '▲ ▲ advances'.
            assessment_labels={a: words("common.assessment_" + a) for a in ASSESSMENTS},
            styles=ASSESSMENT_STYLE,
            source_word=words("record.source"),
            x_title=words("record.axis_date"),
        )
        if drawn
        else None,
        counts=counts,
        counts_table=counts.with_columns(pl.col("priority_id").replace_strict(lanes)).rename(
            {"priority_id": words("record.col_priority"), "total": words("record.col_total")}
        )
        if counts is not None
        else None,
        table=_entries_table(entries, words) if drawn else None,
        entries_title=words("record.entries_title", n=entries.height),
        cycle=cycle,
        said_did_intro=words("record.never_candidate", name=name)
        if cycle is None
        else words("record.said_did_intro", name=name, cycle=cycle),
        said_did=[
            _said_did(item, words) for item in said_vs_did(tables, person_id, selected, entries)
        ],
    )

"""Straw polls page: the Security Council's straw polls of one selection cycle, per candidate.

Counts that no source gave stay null ("not reported"), never 0. A withdrawn candidate's series ends
at the last poll before their withdrawal, and the withdrawal itself is marked on the chart.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, timedelta

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from loaders.urls import http_only
from views.common import cycles_desc, mapped, person_names
from views.palette import BLUE, VERMILLION
from views.words import Words

__all__ = [
    "COUNCIL_SIZE",
    "VOTES",
    "VOTE_STYLE",
    "PollSummary",
    "poll_cycles",
    "polled_candidates",
    "poll_results",
    "poll_summary",
    "encourage_series",
    "vote_segments",
    "trend_figure",
    "trend_columns",
    "MAX_POLL_PANELS",
    "panel_polls",
    "votes_figure",
    "first_http_source",
    "cycle_options",
    "poll_names",
    "unnumbered_polls",
    "StrawPollsModel",
    "straw_polls_model",
]

COUNCIL_SIZE = 15
# The per-poll small multiples show at most this many polls (the latest); every poll stays in the
# results table. Real cycles have had up to 6; one column per poll stops working long before 600.
MAX_POLL_PANELS = 12
VOTES = ("encourage", "discourage", "no_opinion", "not_reported")
# Okabe-Ito colours; discourage and "not reported" also carry a fill pattern, and every segment is
# named in the legend and the hover, so colour is never the only carrier.
VOTE_STYLE = {
    "encourage": {"color": BLUE, "pattern": "", "fg": "#FFFFFF"},
    "discourage": {"color": VERMILLION, "pattern": "x", "fg": "#FFFFFF"},
    "no_opinion": {"color": "#BBBBBB", "pattern": "", "fg": "#FFFFFF"},
    "not_reported": {"color": "#F2F2F2", "pattern": "/", "fg": "#777777"},
}
WITHDRAWAL_MARKER = "x-thin-open"


@dataclass(frozen=True)
class PollSummary:
    """One cycle's polls in numbers (dates None when the cycle has no polls in the data)."""

    cycle: int
    as_of: date | None
    polls: int
    candidates: int
    withdrawn: int
    first: date | None
    last: date | None


def first_http_source(column: str = "source_url") -> pl.Expr:
    """The first address of a List[String] source column that passes the URL rule, or null."""
    return http_only(column).list.first()


def poll_cycles(tables: dict[str, pl.DataFrame]) -> list[int]:
    """Cycles that have at least one straw poll in the data, newest first."""
    return sorted(tables["straw_polls"]["cycle"].unique().to_list(), reverse=True)


def polled_candidates(tables: dict[str, pl.DataFrame], cycle: int) -> list[tuple[str, str]]:
    """[(person_id, name)] of everyone polled in `cycle`, by their first poll, then by name."""
    names = person_names(tables["people"])
    firsts = (
        tables["straw_polls"]
        .filter(pl.col("cycle") == cycle)
        .group_by("person_id")
        .agg(pl.col("poll_number").min().alias("first"))
        .with_columns(
            pl.col("person_id").replace_strict(names, default=pl.col("person_id")).alias("name")
        )
        .sort("first", "name")
    )
    return list(firsts.select("person_id", "name").iter_rows())


def poll_results(
    tables: dict[str, pl.DataFrame], cycle: int, person_ids: list[str] | None = None
) -> pl.DataFrame:
    """Every poll result of `cycle` (all candidates, or only `person_ids`), by poll then name.

    Columns: poll_number, number_reported (false when no source gives the Council's number of the
    poll: poll_number is then only its place in the data), date, person_id, name, encourage,
    discourage, no_opinion, p5_discourage (null = not reported), withdrawal_date (null if they did
    not withdraw), withdrew_after (true on a withdrawn candidate's last poll), source_url, note
    (where it was reported, what is not known).
    """
    names = person_names(tables["people"])
    polls = tables["straw_polls"].filter(pl.col("cycle") == cycle)
    if "note" not in polls.columns:  # packages from before the note column
        polls = polls.with_columns(pl.lit(None, dtype=pl.String).alias("note"))
    if "number_reported" not in polls.columns:  # packages from before the number_reported column
        polls = polls.with_columns(pl.lit(None, dtype=pl.Boolean).alias("number_reported"))
    if person_ids:
        polls = polls.filter(pl.col("person_id").is_in(person_ids))
    withdrawals = (
        tables["candidacies"]
        .filter(pl.col("cycle") == cycle)
        .select("person_id", "withdrawal_date")
    )
    out = (
        polls.join(withdrawals, on="person_id", how="left")
        .with_columns(
            pl.col("person_id").replace_strict(names, default=pl.col("person_id")).alias("name"),
        )
        .with_columns(
            (
                pl.col("withdrawal_date").is_not_null()
                & (pl.col("poll_number") == pl.col("poll_number").max().over("person_id"))
            ).alias("withdrew_after")
        )
        .sort("poll_number", "name")
    )
    return out.select(
        "poll_number",
        "number_reported",
        "date",
        "person_id",
        "name",
        "encourage",
        "discourage",
        "no_opinion",
        "p5_discourage",
        "withdrawal_date",
        "withdrew_after",
        "source_url",
        "note",
    )


def poll_summary(tables: dict[str, pl.DataFrame], cycle: int, results: pl.DataFrame) -> PollSummary:
    """Headline numbers of the polls shown (`results` from `poll_results`)."""
    cycle_rows = tables["cycles"].filter(pl.col("cycle") == cycle)
    as_of = cycle_rows["as_of"][0] if cycle_rows.height else None
    return PollSummary(
        cycle=cycle,
        as_of=as_of,
        polls=results["poll_number"].n_unique(),
        candidates=results["person_id"].n_unique(),
        withdrawn=results.filter(pl.col("withdrew_after")).height,
        first=results["date"].min() if results.height else None,
        last=results["date"].max() if results.height else None,
    )


def encourage_series(results: pl.DataFrame) -> pl.DataFrame:
    """Exactly what the trend chart plots: one row per candidate and poll they were in.

    Columns: person_id, name, poll_number, date, encourage (null = not reported: a gap in the line),
    withdrawal_date, withdrew_after. Ordered by candidate (first poll, name), then poll.
    """
    order = (
        results.group_by("person_id")
        .agg(pl.col("poll_number").min().alias("_first"), pl.col("name").first().alias("_name"))
        .sort("_first", "_name")
        .with_row_index("_order")
        .select("person_id", "_order")
    )
    return (
        results.join(order, on="person_id")
        .sort("_order", "poll_number")
        .select(
            "person_id",
            "name",
            "poll_number",
            "date",
            "encourage",
            "withdrawal_date",
            "withdrew_after",
        )
    )


def vote_segments(results: pl.DataFrame) -> pl.DataFrame:
    """Exactly what the per-poll bars plot: one row per candidate, poll and vote with a count.

    `vote` is encourage / discourage / no_opinion, or not_reported for the Council members whose
    vote no source gave (15 minus the reported counts, only where a count is missing). Segments
    that were not reported have no row of their own: they are never drawn as 0.
    """
    reported = pl.sum_horizontal(
        pl.col("encourage").fill_null(0),
        pl.col("discourage").fill_null(0),
        pl.col("no_opinion").fill_null(0),
    )
    any_missing = pl.any_horizontal(
        pl.col("encourage").is_null(),
        pl.col("discourage").is_null(),
        pl.col("no_opinion").is_null(),
    )
    wide = results.with_columns(
        pl.when(any_missing)
        .then((pl.lit(COUNCIL_SIZE) - reported).clip(lower_bound=0))
        .otherwise(None)
        .cast(pl.Int64)
        .alias("not_reported")
    )
    long = wide.unpivot(
        index=["poll_number", "date", "person_id", "name"],
        on=list(VOTES),
        variable_name="vote",
        value_name="count",
    )
    vote_order = pl.DataFrame({"vote": list(VOTES), "_v": range(len(VOTES))})
    return (
        long.filter(pl.col("count").is_not_null() & (pl.col("count") > 0))
        .join(vote_order, on="vote")
        .sort("poll_number", "name", "_v")
        .drop("_v")
    )


def _plain(text: str) -> str:
    """Curated text for Plotly (which reads <b>, <br>, <a> as markup): shown as text."""
    return html.escape(text, quote=False)


def _poll_labels(results: pl.DataFrame, format_date) -> dict[int, str]:
    polls = results.select("poll_number", "date").unique().sort("poll_number")
    return {n: f"{n} · {format_date(d)}" for n, d in polls.iter_rows()}


def _panel_title(label: str) -> str:
    """'Poll 3 · 29 Aug 2016' as three short lines ('Poll 3', '29 Aug', '2016'): on one line the
    titles of six panels ran into each other at 1280 px, on two still on a phone."""
    name, _, day = label.partition(" · ")
    return "<br>".join([name, *day.rsplit(" ", 1)])


def unnumbered_polls(results: pl.DataFrame) -> set[int]:
    """The polls whose Council number no source gives (a row with number_reported false)."""
    return set(results.filter(pl.col("number_reported").eq(False))["poll_number"].to_list())


def poll_names(results: pl.DataFrame, words: Words) -> dict[int, str]:
    """{poll_number: "Poll 2"}; a poll whose number no source gives is "Poll of 18 Sep 2026
    (number not reported)" instead of a number the data only infer."""
    unnumbered = unnumbered_polls(results)
    polls = results.group_by("poll_number").agg(pl.col("date").min()).sort("poll_number")
    return {
        n: (
            words("straw_polls.poll_unnumbered", date=words.date(d))
            if n in unnumbered
            else f"{words('straw_polls.poll')} {n}"
        )
        for n, d in polls.iter_rows()
    }


TREND_HIGHLIGHT = BLUE  # the panel's own candidate
TREND_CONTEXT = "#C8CDD2"  # the other candidates, behind it, for comparison
TREND_PANEL_HEIGHT = 150  # px per row of panels
TITLE_WRAP = 14  # characters; longer names break onto a second line


def trend_columns(n_candidates: int) -> int:
    """Panels per row of the trend's small multiples (three, fewer for up to two candidates)."""
    return max(1, min(3, n_candidates))


def _wrap_name(name: str, width: int = TITLE_WRAP) -> str:
    """A panel title on at most two lines (at the last space that keeps the first line short)."""
    if len(name) <= width or " " not in name:
        return name
    cut = name.rfind(" ", 0, width + 1)
    cut = cut if cut > 0 else name.find(" ")
    return f"{name[:cut]}<br>{name[cut + 1 :]}"


def trend_figure(
    series: pl.DataFrame,
    *,
    labels: dict[str, str],
    format_date,
    unnumbered: dict[int, str] | None = None,
) -> go.Figure:
    """Small multiples of 'encourage' over the polls: one panel per candidate (titled with their
    name, in order), their line highlighted over the other candidates' lines in light grey.

    One trace per candidate (meta kind "candidate", its name, x = poll dates, y = counts) and one
    grey context trace per panel (meta kind "context"); no legend, no repeated colours. Null counts
    are gaps (connectgaps off). A withdrawn candidate's last point has a cross marker and a dotted
    vertical line marks the withdrawal date in their panel. The x-axis spans the cycle's polls
    only (months as ticks; the caption names the axes). `labels` holds the words: withdrew (with
    {name} and {date}), not_reported, encourage, poll; `unnumbered` names (date included) the
    polls whose number no source gives, in the hover instead of "<poll> <number>, <date>".
    """
    unnumbered = unnumbered or {}
    groups = list(series.group_by("person_id", maintain_order=True))
    n = len(groups)
    if n == 0:
        return go.Figure()
    cols = trend_columns(n)
    rows_n = -(-n // cols)
    names = [html.escape(rows["name"][0], quote=False) for _, rows in groups]
    fig = make_subplots(
        rows=rows_n,
        cols=cols,
        shared_xaxes=True,
        shared_yaxes=True,
        subplot_titles=[_wrap_name(name) for name in names],
        vertical_spacing=min(0.5 / rows_n, 0.12) if rows_n > 1 else 0.1,
        horizontal_spacing=0.04,
    )
    for i, ((person_id, rows), name) in enumerate(zip(groups, names, strict=True)):
        row, col = i // cols + 1, i % cols + 1
        context_x, context_y = [], []
        for j, (_, other) in enumerate(groups):
            if j != i:
                context_x += [*other["date"].to_list(), None]
                context_y += [*other["encourage"].to_list(), None]
        fig.add_trace(
            go.Scatter(
                x=context_x,
                y=context_y,
                mode="lines",
                line={"color": TREND_CONTEXT, "width": 1},
                hoverinfo="skip",
                showlegend=False,
                connectgaps=False,
                meta={"kind": "context"},
            ),
            row=row,
            col=col,
        )
        withdrew = rows["withdrew_after"].to_list()
        hover = [
            f"{unnumbered.get(k) or labels['poll'] + f' {k}, ' + format_date(d)}<br>"
            f"{labels['encourage']}: "
            f"{labels['not_reported'] if e is None else e}"
            + (
                f"<br>{labels['withdrew'].format(name=name, date=format_date(w))}"
                if last and w is not None
                else ""
            )
            for k, d, e, w, last in rows.select(
                "poll_number", "date", "encourage", "withdrawal_date", "withdrew_after"
            ).iter_rows()
        ]
        pid = person_id[0] if isinstance(person_id, tuple) else person_id
        fig.add_trace(
            go.Scatter(
                x=rows["date"].to_list(),
                y=rows["encourage"].to_list(),
                name=name,
                mode="lines+markers",
                connectgaps=False,
                showlegend=False,
                line={"color": TREND_HIGHLIGHT, "width": 2.5},
                marker={
                    "symbol": [WITHDRAWAL_MARKER if w else "circle" for w in withdrew],
                    "size": [13 if w else 7 for w in withdrew],
                    "color": TREND_HIGHLIGHT,
                    "line": {"width": 2, "color": TREND_HIGHLIGHT},
                },
                hovertext=hover,
                hovertemplate=f"<b>{name}</b><br>%{{hovertext}}<extra></extra>",
                meta={"kind": "candidate", "person_id": pid},
            ),
            row=row,
            col=col,
        )
        when = rows["withdrawal_date"].drop_nulls()
        if when.len():
            fig.add_vline(
                x=when[0],
                line={"dash": "dot", "width": 1, "color": "#555555"},
                row=row,
                col=col,
            )
    dates = series["date"].drop_nulls()
    pad = timedelta(days=4)
    fig.update_xaxes(
        range=[dates.min() - pad, dates.max() + pad],
        dtick="M1",
        tickformat="%b",
        ticklabelmode="period",
        showticklabels=True,  # under every panel, not only the bottom row
        showgrid=False,
    )
    fig.update_yaxes(range=[0, COUNCIL_SIZE + 0.5], tickvals=[0, 5, 10, 15], gridcolor="#eeeeee")
    for annotation in fig.layout.annotations:
        annotation.font = {"size": 12}
    fig.update_layout(
        showlegend=False,
        margin={"t": 40, "l": 30, "r": 10, "b": 40},
        hovermode="closest",
        height=60 + TREND_PANEL_HEIGHT * rows_n,
    )
    return fig


def panel_polls(results: pl.DataFrame, max_panels: int = MAX_POLL_PANELS) -> list[int]:
    """The poll numbers `votes_figure` draws a panel for: the latest `max_panels`, in order."""
    polls = sorted(results["poll_number"].unique().to_list())
    return polls[-max_panels:] if max_panels > 0 else polls


def votes_figure(
    segments: pl.DataFrame,
    results: pl.DataFrame,
    *,
    vote_labels: dict[str, str],
    format_date,
    poll_word: str,
    title_x: str,
    max_panels: int = MAX_POLL_PANELS,
    unnumbered: dict[int, str] | None = None,
) -> go.Figure:
    """Small multiples: one panel per poll, a stacked horizontal bar per candidate (of 15 members).

    One trace per vote and poll; traces of the same vote share a legend entry (the vote's word).
    Candidates keep the same row in every panel (empty where they were not in that poll). Only the
    latest `max_panels` polls get a panel (`panel_polls`); the page says so when polls are left out.
    A poll in `unnumbered` (names with the date, for polls whose number no source gives) is
    titled with its name, on two lines, instead of "<poll> <number> · <date>".
    """
    unnumbered = unnumbered or {}
    shown = panel_polls(results, max_panels)
    results = results.filter(pl.col("poll_number").is_in(shown))
    segments = segments.filter(pl.col("poll_number").is_in(shown))
    poll_labels = _poll_labels(results, format_date)
    polls = list(poll_labels)
    results = results.with_columns(mapped(results, "name", _plain, pl.String).alias("name"))
    segments = segments.with_columns(mapped(segments, "name", _plain, pl.String).alias("name"))
    names = (
        results.group_by("name")
        .agg(pl.col("poll_number").min().alias("_first"))
        .sort("_first", "name")["name"]
        .to_list()
    )
    cols = max(len(polls), 1)
    fig = make_subplots(
        rows=1,
        cols=cols,
        shared_yaxes=True,
        subplot_titles=[
            unnumbered[n].replace(" (", "<br>(", 1)
            if n in unnumbered
            else _panel_title(f"{poll_word} {poll_labels[n]}")
            for n in polls
        ],
        horizontal_spacing=min(0.012, 0.5 / (cols - 1)) if cols > 1 else 0.012,
    )
    for annotation in fig.layout.annotations:
        annotation.font = {"size": 11}
    for c, poll in enumerate(polls, start=1):
        in_poll = segments.filter(pl.col("poll_number") == poll)
        for vote in VOTES:
            rows = in_poll.filter(pl.col("vote") == vote)
            if not rows.height:
                continue
            style = VOTE_STYLE[vote]
            fig.add_trace(
                go.Bar(
                    x=rows["count"].to_list(),
                    y=rows["name"].to_list(),
                    orientation="h",
                    name=vote_labels[vote],
                    legendgroup=vote,
                    showlegend=not any(t.legendgroup == vote for t in fig.data),
                    marker={
                        "color": style["color"],
                        "pattern": {
                            "shape": style["pattern"],
                            "fgcolor": style["fg"],
                            "fillmode": "overlay",
                            "size": 6,
                        },
                        "line": {"color": "#FFFFFF", "width": 0.5},
                    },
                    text=None if vote == "not_reported" else rows["count"].to_list(),
                    textposition="inside",
                    insidetextfont={
                        "color": "#FFFFFF" if vote in ("encourage", "discourage") else "#000000"
                    },
                    hovertemplate=f"%{{y}}<br>{vote_labels[vote]}: %{{x}}<extra></extra>",
                ),
                row=1,
                col=c,
            )
        fig.update_xaxes(range=[0, COUNCIL_SIZE], tickvals=[0, 5, 10], row=1, col=c)
    fig.update_yaxes(categoryorder="array", categoryarray=names, autorange="reversed")
    fig.update_layout(
        barmode="stack",
        height=max(300, 34 * len(names) + 140),
        margin={"t": 60, "l": 10, "r": 10, "b": 40},
        legend={"orientation": "h", "y": -0.12, "traceorder": "normal"},
    )
    fig.add_annotation(
        text=title_x,
        x=0.5,
        y=-0.02,
        xref="paper",
        yref="paper",
        yanchor="top",
        showarrow=False,
    )
    return fig


def cycle_options(tables: dict[str, pl.DataFrame]) -> tuple[list[int], list[int]]:
    """(every cycle, newest first, the cycles without polls included; the cycles with polls)."""
    with_polls = poll_cycles(tables)
    return sorted(set(cycles_desc(tables["cycles"])) | set(with_polls), reverse=True), with_polls


@dataclass(frozen=True)
class StrawPollsModel:
    """Everything the straw-polls page shows for one cycle and candidate filter.

    `results`, `series` and `segments` are the CSV downloads (raw columns); `trend_table` and
    `table` are shown (translated columns, "not reported" for a missing count, a poll's name or
    "number not reported" in the poll column). `panels` of `polls` polls get a votes panel. The
    figures are None when the view has no poll.
    """

    summary: PollSummary
    as_of: str
    state: str
    results: pl.DataFrame
    series: pl.DataFrame
    segments: pl.DataFrame
    panels: int
    polls: int
    unnumbered: int  # polls shown whose number no source gives
    trend_table: pl.DataFrame
    table: pl.DataFrame
    trend_figure: go.Figure | None
    votes_figure: go.Figure | None


def _state(
    summary: PollSummary, as_of: str, chosen: tuple[str, ...], polled: int, words: Words
) -> str:
    if not polled:
        return words("straw_polls.state_none", cycle=summary.cycle, as_of=as_of)
    state = words(
        "straw_polls.state",
        polls=summary.polls,
        cycle=summary.cycle,
        first=words.date(summary.first),
        last=words.date(summary.last),
        n=summary.candidates,
        withdrawn=summary.withdrawn,
        as_of=as_of,
    )
    if chosen:
        state += " " + words("straw_polls.state_filtered", shown=summary.candidates, total=polled)
    return state


def _trend_table(series: pl.DataFrame, names: dict[int, str], words: Words) -> pl.DataFrame:
    """'Encourage' per candidate (rows) and poll (columns, in poll order); "—": not in that poll."""
    candidate = words("straw_polls.col_candidate")
    wide = (
        series.with_columns(
            pl.col("poll_number").replace_strict(names, return_dtype=pl.String).alias("poll"),
            pl.col("encourage").cast(pl.String).fill_null(words("straw_polls.not_reported")),
        )
        .pivot(on="poll", index="name", values="encourage", maintain_order=True)
        .rename({"name": candidate})
    )
    columns = [names[n] for n in sorted(series["poll_number"].unique())]
    return wide.select(candidate, *[c for c in columns if c in wide.columns]).fill_null("—")


def _results_table(results: pl.DataFrame, words: Words) -> pl.DataFrame:
    """Every result, one row per candidate and poll, columns named in the reader's language."""
    not_reported = words("straw_polls.not_reported")
    return results.select(
        pl.when(pl.col("poll_number").is_in(sorted(unnumbered_polls(results))))
        .then(pl.lit(words("straw_polls.number_not_reported")))
        .otherwise(pl.col("poll_number").cast(pl.String))
        .alias(words("straw_polls.col_poll")),
        pl.Series(
            words("straw_polls.col_date"), [words.date(d) for d in results["date"]], pl.String
        ),
        pl.col("name").alias(words("straw_polls.col_candidate")),
        *[
            pl.col(c).cast(pl.String).fill_null(not_reported).alias(words(f"straw_polls.col_{c}"))
            for c in ("encourage", "discourage", "no_opinion", "p5_discourage")
        ],
        pl.Series(
            words("straw_polls.col_withdrew"),
            [
                words.date(w) if last else ""
                for w, last in results.select("withdrawal_date", "withdrew_after").iter_rows()
            ],
            dtype=pl.String,
        ),
        first_http_source().alias(words("straw_polls.col_source")),
        pl.col("note").fill_null("").alias(words("straw_polls.col_note")),
    )


def straw_polls_model(
    tables: dict[str, pl.DataFrame], cycle: int, chosen: tuple[str, ...], words: Words
) -> StrawPollsModel:
    """The straw-polls page for `cycle`, all candidates polled or only `chosen` (person ids)."""
    polled = polled_candidates(tables, cycle)
    results = poll_results(tables, cycle, list(chosen) or None)
    summary = poll_summary(tables, cycle, results)
    series = encourage_series(results)
    shown = panel_polls(results)
    names = poll_names(results, words)
    segments = vote_segments(results).filter(pl.col("poll_number").is_in(shown))
    if results.is_empty():
        trend = votes = None
    else:
        trend, votes = _figures(results, series, segments, names, words)
    as_of = words.date(summary.as_of) if summary.as_of else words("common.as_of_unknown")
    return StrawPollsModel(
        summary=summary,
        as_of=as_of,
        state=_state(summary, as_of, chosen, len(polled), words),
        results=results,
        series=series,
        segments=segments,
        panels=len(shown),
        polls=results["poll_number"].n_unique(),
        unnumbered=len(unnumbered_polls(results)),
        trend_table=_trend_table(series, names, words),
        table=_results_table(results, words),
        trend_figure=trend,
        votes_figure=votes,
    )


def _figures(results, series, segments, names: dict[int, str], words: Words):
    """The trend's and the votes' small multiples, in the reader's language."""
    unnumbered = {n: names[n] for n in unnumbered_polls(results)}
    trend = trend_figure(
        series,
        labels={
            "withdrew": words("straw_polls.withdrew"),
            "not_reported": words("straw_polls.not_reported"),
            "encourage": words("straw_polls.vote_encourage"),
            "poll": words("straw_polls.poll"),
        },
        format_date=words.date,
        unnumbered=unnumbered,
    )
    votes = votes_figure(
        segments,
        results,
        vote_labels={v: words(f"straw_polls.vote_{v}") for v in VOTES},
        format_date=words.date,
        poll_word=words("straw_polls.poll"),
        title_x=words("straw_polls.axis_members"),
        unnumbered=unnumbered,
    )
    return trend, votes

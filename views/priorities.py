"""Priorities page: one priority of the agenda across the candidacies of one cycle.

The grid is candidacy × ask: a cell holds the highest commitment level among the statements tied to
that ask, or null (a gap, named silent / declined / not assessed — never 0). Statements that bear on
the priority in general count only for the priority as a whole, taken from
`views.commitments.priority_levels`, the one place that derives those levels.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from loaders.schema import ASSESSMENTS
from loaders.urls import http_only
from views.commitments import GAP_STATUSES, LEVEL_NAMES, candidacy_options, priority_levels
from views.common import person_names
from views.palette import LEVEL_COLORS

__all__ = [
    "ASSESSMENTS",
    "priority_options",
    "priority_row",
    "priority_asks",
    "ask_grid",
    "ask_table",
    "overall_levels",
    "statements_on",
    "indicators_on",
    "record_on",
    "assessment_counts",
    "grid_figure",
]

GRID_MARGIN = {"t": 40, "l": 10, "r": 10, "b": 130}  # room below the grid: colour scale, legend
BELOW_GRID_PX = {"colorbar": 10, "legend": 80}  # where each sits under the grid, in px


def priority_options(priorities: pl.DataFrame) -> list[tuple[str, str]]:
    """[(priority_id, title)] in the fixed axis order p1..p8."""
    return list(priorities.sort("order").select("priority_id", "title").iter_rows())


def priority_row(priorities: pl.DataFrame, priority_id: str) -> dict:
    """The priority's row: priority_id, slug, title, summary, order."""
    return priorities.filter(pl.col("priority_id") == priority_id).row(0, named=True)


def priority_asks(asks: pl.DataFrame, priority_id: str) -> pl.DataFrame:
    """The priority's asks in order: ask_id, text, order."""
    return (
        asks.filter(pl.col("priority_id") == priority_id)
        .sort("order")
        .select("ask_id", "text", "order")
    )


def overall_levels(tables: dict[str, pl.DataFrame], cycle: int, priority_id: str) -> pl.DataFrame:
    """The priority as a whole per candidacy of `cycle` (nomination order), from `priority_levels`.

    Columns: person_id, name, level (0..3 or null), status, basis, reviewed, n_statements,
    asks_covered, asks_total.
    """
    names = person_names(tables["people"])
    ids = [pid for pid, _ in candidacy_options(tables, cycle)]
    levels = priority_levels(tables, cycle, ids).filter(pl.col("priority_id") == priority_id)
    return levels.with_columns(
        pl.col("person_id").replace_strict(names, default=pl.col("person_id")).alias("name")
    ).select(
        "person_id",
        "name",
        "level",
        "status",
        "basis",
        "reviewed",
        "n_statements",
        "asks_covered",
        "asks_total",
    )


def ask_grid(tables: dict[str, pl.DataFrame], cycle: int, priority_id: str) -> pl.DataFrame:
    """One row per candidacy × ask of the priority (candidacies in nomination order, asks in order).

    Columns: person_id, name, ask_id, level (highest commitment level among the statements tied to
    that ask; null when there is none), n_statements, status (the level's name, or for a gap the
    priority's gap status — silent / declined — and otherwise not-assessed).
    """
    overall = overall_levels(tables, cycle, priority_id)
    asks = priority_asks(tables["asks"], priority_id).select("ask_id", "order")
    cands = overall.select("person_id", "name", pl.col("status").alias("_overall")).with_row_index(
        "_c"
    )
    statements = tables["statements"].filter(
        (pl.col("cycle") == cycle)
        & (pl.col("priority_id") == priority_id)
        & pl.col("ask_id").is_not_null()
    )
    per_ask = statements.group_by("person_id", "ask_id").agg(
        pl.col("commitment_level").max().alias("level"),
        pl.len().cast(pl.UInt32).alias("n_statements"),
    )
    gap_status = (
        pl.when(pl.col("_overall").is_in(["silent", "declined"]))
        .then(pl.col("_overall"))
        .otherwise(pl.lit("not-assessed"))
    )
    return (
        cands.join(asks, how="cross")
        .join(per_ask, on=["person_id", "ask_id"], how="left")
        .with_columns(
            pl.col("n_statements").fill_null(0),
            pl.when(pl.col("level").is_not_null())
            .then(pl.col("level").replace_strict(LEVEL_NAMES, default=None, return_dtype=pl.String))
            .otherwise(gap_status)
            .alias("status"),
        )
        .sort("_c", "order")
        .select("person_id", "name", "ask_id", "level", "n_statements", "status")
    )


def ask_table(
    grid: pl.DataFrame,
    overall: pl.DataFrame,
    asks: pl.DataFrame,
    words: dict[str, str],
    *,
    ask_header: str,
    overall_label: str,
) -> pl.DataFrame:
    """The grid as a table to read: one row per ask ('p1.a Give human rights …', in order) and a
    last row for the priority as a whole (`overall_label`); one column per candidacy (its name, in
    nomination order); cells are `words[status]`. The first column is named `ask_header`."""
    labels = {a: f"{a} {text}" for a, text in asks.select("ask_id", "text").iter_rows()}
    cells = grid.select(
        pl.col("ask_id").replace_strict(labels, default=pl.col("ask_id")).alias(ask_header),
        "name",
        pl.col("status").replace_strict(words, default=pl.col("status")).alias("cell"),
    )
    names = list(dict.fromkeys(overall["name"]))
    total = overall.select(
        pl.lit(overall_label).alias(ask_header),
        "name",
        pl.col("status").replace_strict(words, default=pl.col("status")).alias("cell"),
    )
    wide = pl.concat([cells, total]).pivot(
        on="name", index=ask_header, values="cell", maintain_order=True
    )
    return wide.select(ask_header, *names)


def statements_on(tables: dict[str, pl.DataFrame], cycle: int, priority_id: str) -> pl.DataFrame:
    """The cycle's statements on the priority, by date then candidate.

    Columns: statement_id, date, date_precision, person_id, name, venue, ask_id (null = the
    priority in general), commitment_level, status (the level's name), paraphrase, quote,
    second_hand, sources (http(s) addresses only), archive (http(s) only).
    """
    names = person_names(tables["people"])
    return (
        tables["statements"]
        .filter((pl.col("cycle") == cycle) & (pl.col("priority_id") == priority_id))
        .with_columns(
            pl.col("person_id").replace_strict(names, default=pl.col("person_id")).alias("name"),
            pl.col("commitment_level")
            .replace_strict(LEVEL_NAMES, default=None, return_dtype=pl.String)
            .alias("status"),
            http_only("source_url").alias("sources"),
            http_only("archive_url").alias("archive"),
        )
        .sort("date", "name", "statement_id")
        .select(
            "statement_id",
            "date",
            "date_precision",
            "person_id",
            "name",
            "venue",
            "ask_id",
            "commitment_level",
            "status",
            "paraphrase",
            "quote",
            "second_hand",
            "sources",
            "archive",
        )
    )


def indicators_on(indicators: pl.DataFrame, priority_id: str) -> pl.DataFrame:
    """The country indicators that give context for the priority, by title.

    Columns: indicator_id, title, description, as_of, source_name, sources (http(s) only), license,
    coverage_note.
    """
    return (
        indicators.filter(pl.col("priority_id") == priority_id)
        .with_columns(http_only("source_url").alias("sources"))
        .sort("title")
        .select(
            "indicator_id",
            "title",
            "description",
            "as_of",
            "source_name",
            "sources",
            "license",
            "coverage_note",
        )
    )


def record_on(tables: dict[str, pl.DataFrame], priority_id: str) -> pl.DataFrame:
    """Office holders' record entries on the priority, newest first.

    Columns: entry_id, person_id, name, role, date, date_precision, ask_id, kind, title, summary,
    assessment, sources (http(s) only).
    """
    names = person_names(tables["people"])
    return (
        tables["record_entries"]
        .filter(pl.col("priority_id") == priority_id)
        .with_columns(
            pl.col("person_id").replace_strict(names, default=pl.col("person_id")).alias("name"),
            http_only("source_url").alias("sources"),
        )
        .sort("date", "entry_id", descending=True)
        .select(
            "entry_id",
            "person_id",
            "name",
            "role",
            "date",
            "date_precision",
            "ask_id",
            "kind",
            "title",
            "summary",
            "assessment",
            "sources",
        )
    )


def assessment_counts(entries: pl.DataFrame) -> dict[str, int]:
    """{assessment: number of entries} for advances, mixed, falls-short (in that order)."""
    counts = dict(entries.group_by("assessment").len().iter_rows())
    return {a: int(counts.get(a, 0)) for a in ASSESSMENTS}


def _cell_text(status: str, reviewed: bool | None, labels: dict[str, str]) -> str:
    text = labels.get(f"cell_{status}", labels[f"status_{status}"])
    if reviewed is not None and status not in GAP_STATUSES:
        text += "<br>" + (labels["reviewed"] if reviewed else labels["provisional"])
    return text


def grid_figure(
    grid: pl.DataFrame,
    overall: pl.DataFrame,
    asks: pl.DataFrame,
    *,
    labels: dict[str, str],
) -> go.Figure:
    """Heatmap of commitment levels: trace 0 = candidacy × ask, trace 1 = the priority overall.

    z holds levels 0..3 and null for gaps (blank cells whose text names the gap); rows are the
    candidacies in `overall`'s order, columns the ask ids in order. Gap statuses get legend entries.
    `labels` holds status_<status> (symbol and word; cell_<status> a shorter one for the overall
    cells, mark_<status> the symbol alone for the ask cells),
    reviewed, provisional, overall, levels, gaps,
    and ask_<ask_id> (the ask's text, for the hover).
    """
    # Plotly reads <b>, <br>, <a> in text as markup: curated names and asks are escaped to text.
    names = [html.escape(n, quote=False) for n in overall["name"]]
    ask_ids = asks["ask_id"].to_list()
    by_cell = {
        (html.escape(r["name"], quote=False), r["ask_id"]): r for r in grid.iter_rows(named=True)
    }
    z = [[by_cell[(n, a)]["level"] for a in ask_ids] for n in names]
    # Ask cells carry the status's mark only (mark_<status>; a phone gives a cell ~25 px): the
    # hover, the colour scale and the table below the chart give the words.
    text = [
        [labels.get(f"mark_{by_cell[(n, a)]['status']}", "") for a in ask_ids] for n in names
    ]
    hover = [
        [
            f"<b>{n}</b><br>{a}: {html.escape(labels.get('ask_' + a, ''), quote=False)}<br>"
            f"{labels['status_' + by_cell[(n, a)]['status']]} "
            f"({labels['n_statements'].format(n=by_cell[(n, a)]['n_statements'])})"
            for a in ask_ids
        ]
        for n in names
    ]
    scale = []
    for level in range(4):
        scale += [[level / 4, LEVEL_COLORS[level]], [(level + 1) / 4, LEVEL_COLORS[level]]]
    common = {
        "zmin": -0.5,
        "zmax": 3.5,
        "colorscale": scale,
        "texttemplate": "%{text}",
        "textfont": {"size": 13},
        "xgap": 3,
        "ygap": 3,
        "hovertemplate": "%{customdata}<extra></extra>",
    }
    height = max(260, 70 * len(names) + 120) + GRID_MARGIN["b"]
    plot_height = height - GRID_MARGIN["t"] - GRID_MARGIN["b"]
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        column_widths=[max(len(ask_ids), 1), 1.4],
        horizontal_spacing=0.02,
    )
    fig.add_trace(
        go.Heatmap(
            z=z,
            x=ask_ids,
            y=names,
            text=text,
            customdata=hover,
            name=labels["asks"],
            # Below the grid, not beside it: on a phone the grid keeps the page's width.
            colorbar={
                "title": {"text": labels["levels"], "side": "top"},
                "tickvals": [0, 1, 2, 3],
                "ticktext": [labels[f"status_{LEVEL_NAMES[v]}"] for v in range(4)],
                "orientation": "h",
                "x": 0,
                "xanchor": "left",
                "y": -BELOW_GRID_PX["colorbar"] / plot_height,
                "yanchor": "top",
                "thickness": 14,
                "len": 1,
            },
            **common,
        ),
        row=1,
        col=1,
    )
    overall_rows = overall.iter_rows(named=True)
    ov = list(overall_rows)
    fig.add_trace(
        go.Heatmap(
            z=[[r["level"]] for r in ov],
            x=[labels["overall"]],
            y=names,
            text=[[_cell_text(r["status"], r["reviewed"], labels)] for r in ov],
            customdata=[
                [
                    f"<b>{html.escape(r['name'], quote=False)}</b><br>{labels['overall']}: "
                    f"{labels['status_' + r['status']]}"
                    + "<br>"
                    + labels["coverage"].format(covered=r["asks_covered"], total=r["asks_total"])
                ]
                for r in ov
            ],
            name=labels["overall"],
            showscale=False,
            **common,
        ),
        row=1,
        col=2,
    )
    for status in GAP_STATUSES:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=labels[f"status_{status}"],
                legendgroup="gaps",
                legendgrouptitle={"text": labels["gaps"]},
                marker={"symbol": "square-open", "size": 12, "color": "#999999"},
                hoverinfo="skip",
            ),
            row=1,
            col=1,
        )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top", type="category")
    fig.update_layout(
        height=height,
        margin=GRID_MARGIN,
        plot_bgcolor="#EEEEEE",
        legend={"orientation": "h", "y": -BELOW_GRID_PX["legend"] / plot_height, "yanchor": "top"},
    )
    return fig

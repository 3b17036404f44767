"""Priorities page: one priority of the agenda across the candidacies of one cycle.

The grid is candidacy × ask: a cell holds the highest commitment level among the statements tied to
that ask, or null (a gap, named silent / declined / not assessed — never 0). Statements that bear on
the priority in general count only for the priority as a whole, taken from
`views.commitments.priority_levels`, the one place that derives those levels.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from loaders.schema import ASSESSMENTS
from loaders.urls import http_only
from views.commitments import (
    GAP_STATUSES,
    LEVEL_NAMES,
    STATUS_ORDER,
    candidacy_options,
    priority_levels,
)
from views.common import ENTRY_TEXT_COLUMNS, person_names
from views.palette import ASSESSMENT_STYLE, LEVEL_COLORS, STATUS_STYLE
from views.text import md_link, md_text
from views.words import Words

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
    "LIST_LIMIT",
    "IndicatorCard",
    "PrioritiesModel",
    "priorities_model",
]

GRID_MARGIN = {"t": 40, "l": 10, "r": 10, "b": 130}  # room below the grid: colour scale, legend
BELOW_GRID_PX = {"colorbar": 10, "legend": 80}  # where each sits under the grid, in px
# Lists longer than this show their newest (or first) entries and say so; the CSV holds them all.
LIST_LIMIT = 50


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
            *ENTRY_TEXT_COLUMNS,
        )
    )


def assessment_counts(entries: pl.DataFrame) -> dict[str, int]:
    """{assessment: number of entries} for advances, mixed, falls-short (in that order)."""
    counts = dict(entries.group_by("assessment").len().iter_rows())
    return {a: int(counts.get(a, 0)) for a in ASSESSMENTS}


def _cell_text(status: str, reviewed: bool | None, labels: dict[str, str]) -> str:
    """An overall cell: the symbol, the word and the review, one line each (the column is narrow
    on a phone)."""
    text = labels.get(f"cell_{status}", labels[f"status_{status}"]).replace(" ", "<br>", 1)
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
    cells, mark_<status> the symbol alone, one line per glyph, for the ask cells),
    reviewed, provisional, overall, levels, gaps, n_statements_<k> (a cell with k statements),
    and ask_<ask_id> (the ask's text, for the hover).
    """
    # Plotly reads <b>, <br>, <a> in text as markup: curated names and asks are escaped to text.
    names = [html.escape(n, quote=False) for n in overall["name"]]
    ask_ids = asks["ask_id"].to_list()
    by_cell = {
        (html.escape(r["name"], quote=False), r["ask_id"]): r for r in grid.iter_rows(named=True)
    }
    z = [[by_cell[(n, a)]["level"] for a in ask_ids] for n in names]
    # Ask cells carry the status's mark only (mark_<status>, its symbols one above the other: a
    # phone gives nine asks ~15 px each, too narrow for "●●○" on one line, while a row is ~70 px
    # tall): the hover, the colour scale and the table below the chart give the words.
    text = [[labels.get(f"mark_{by_cell[(n, a)]['status']}", "") for a in ask_ids] for n in names]
    hover = [
        [
            f"<b>{n}</b><br>{a}: {html.escape(labels.get('ask_' + a, ''), quote=False)}<br>"
            f"{labels['status_' + by_cell[(n, a)]['status']]} "
            f"({labels['n_statements_' + str(by_cell[(n, a)]['n_statements'])]})"
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
        # The overall column holds words ("provisional"): 40 % of the asks' width, so that on a
        # phone (a plot ~220 px wide) they are not cut.
        column_widths=[max(len(ask_ids), 1), max(1.4, len(ask_ids) / 2.5)],
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
            **{**common, "textfont": {"size": 11}},
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


# --- the page's view model ---


def _status_word(status: str, words: Words) -> str:
    """Symbol and word of a commitment status, e.g. '●●○ clear (2)'."""
    return f"{STATUS_STYLE[status]['symbol']} {words('common.status_' + status)}"


def _assessment_word(assessment: str, words: Words) -> str:
    """Symbol and word of a record assessment, e.g. '▲ advances'."""
    return f"{ASSESSMENT_STYLE[assessment]['symbol']} {words('common.assessment_' + assessment)}"


def _links(urls: list[str] | None, words: Words) -> str:
    """Markdown links to the http(s) sources (`http_only` has already dropped anything else)."""
    urls = list(urls or [])
    return " · ".join(
        md_link(u, f"{words('priorities.source')} {i}") for i, u in enumerate(urls, 1)
    ) or words("priorities.no_source")


def grid_labels(asks: pl.DataFrame, words: Words, counts=()) -> dict[str, str]:
    """The grid's words (see `grid_figure`'s `labels`); n_statements_<k> for each statement
    count k in `counts` (the plural differs by language)."""
    labels = {f"status_{s}": _status_word(s, words) for s in STATUS_ORDER}
    labels |= {
        f"cell_{s}": f"{STATUS_STYLE[s]['symbol']} {words('priorities.cell_' + s)}"
        for s in STATUS_ORDER
    }
    labels |= {f"mark_{s}": "<br>".join(STATUS_STYLE[s]["symbol"]) for s in STATUS_ORDER}
    labels |= {f"ask_{a}": text for a, text in asks.select("ask_id", "text").iter_rows()}
    labels |= {f"n_statements_{k}": words("priorities.n_statements", n=k) for k in counts}
    labels |= {
        "reviewed": words("common.reviewed"),
        "provisional": words("common.provisional"),
        "overall": words("priorities.overall"),
        "asks": words("priorities.asks"),
        "levels": words("priorities.levels"),
        "gaps": words("priorities.gaps"),
        "coverage": words("priorities.coverage"),
    }
    return labels


def statement_block(s: dict, words: Words) -> str:
    """One statement (a row of `statements_on`) as Markdown: who, when, where, on what, the
    level, the words, the sources."""
    ask = md_text(s["ask_id"]) if s["ask_id"] else words("priorities.priority_general")
    quote = f" — “{md_text(s['quote'])}”" if s["quote"] else ""
    second = f" *({words('priorities.second_hand')})*" if s["second_hand"] else ""
    archive = (
        f" · {md_link(s['archive'][0], words('priorities.archive'))}"
        if s["archive"] is not None and len(s["archive"])
        else ""
    )
    venue = words("priorities.venue_" + s["venue"])
    when = words.date(s["date"], s["date_precision"])
    return (
        f"**{md_text(s['name'])}** · {when} · {venue} · {ask} · "
        f"**{_status_word(s['status'], words)}**{second}  \n{md_text(s['paraphrase'])}{quote}  \n"
        f"{_links(s['sources'], words)}{archive}"
    )


def record_block(e: dict, words: Words) -> str:
    """One record entry (a row of `record_on`) as Markdown."""
    return (
        f"**{words.date(e['date'], e['date_precision'])}** · {md_text(e['name'])} "
        f"({md_text(e['role'])}) · {_assessment_word(e['assessment'], words)} · "
        f"{words('priorities.kind_' + e['kind'])}  \n"
        f"**{md_text(e['title'])}** — {md_text(e['summary'])}  \n{_links(e['sources'], words)}"
    )


@dataclass(frozen=True)
class IndicatorCard:
    """One country indicator on the page: heading and meta line (Markdown), the map link."""

    indicator_id: str
    heading: str
    meta: str
    map_label: str


@dataclass(frozen=True)
class PrioritiesModel:
    """Everything the priorities page shows for one priority and cycle.

    Lists are cut at LIST_LIMIT items; a `*_cut` sentence then says so (None when complete) and
    the full frame (`statements`, `indicators_frame`, `record`) goes to a CSV download. `grid_*`
    are None when the cycle has no candidacies (`no_grid` says so). `shown` holds the rows the
    view cites, for the source notes.
    """

    title: str
    state: str
    summary: str
    asks_list: str
    grid_title: str
    no_grid: str | None
    grid_figure: go.Figure | None
    grid_table: pl.DataFrame | None
    grid_plotted: pl.DataFrame | None
    statements_title: str
    no_statements: str | None
    statement_blocks: tuple[str, ...]
    statements_cut: str | None
    statements: pl.DataFrame
    no_indicators: str | None
    indicator_cards: tuple[IndicatorCard, ...]
    indicators_cut: str | None
    indicators_frame: pl.DataFrame
    no_record: str | None
    counts: tuple[tuple[str, int], ...]
    record_links: tuple[tuple[str, str], ...]
    record_blocks: tuple[str, ...]
    record_cut: str | None
    record: pl.DataFrame
    shown: dict[str, pl.DataFrame]


def _cut(words: Words, key: str, shown: int, total: int) -> str | None:
    """'Showing 50 of 130 …' for a list that was cut, None when it is complete."""
    return words(key, shown=shown, total=total) if shown < total else None


def _indicator_card(ind: dict, words: Words) -> IndicatorCard:
    source = (
        md_link(ind["sources"][0], ind["source_name"])
        if ind["sources"] is not None and len(ind["sources"])
        else md_text(ind["source_name"])
    )
    as_of = words.date(ind["as_of"]) if ind["as_of"] else words("common.as_of_unknown")
    return IndicatorCard(
        indicator_id=ind["indicator_id"],
        heading=(
            f"**{md_text(ind['title'])}** ({md_text(ind['indicator_id'])})  \n"
            f"{md_text(ind['description'])}"
        ),
        meta=words(
            "priorities.indicator_meta",
            as_of=as_of,
            source=source,
            licence=md_text(ind["license"]) or "—",
        ),
        map_label=words("priorities.on_map", title=md_text(ind["title"])),
    )


def priorities_model(
    tables: dict[str, pl.DataFrame], priority: str, cycle: int, words: Words
) -> PrioritiesModel:
    """The page for one priority and cycle: the asks, the candidacy × ask grid (figure, table,
    CSV frame), the newest LIST_LIMIT statements in date order, the indicators, and the record
    entries newest first."""
    prio = priority_row(tables["priorities"], priority)
    asks = priority_asks(tables["asks"], priority)
    overall = overall_levels(tables, cycle, priority)
    grid = ask_grid(tables, cycle, priority)
    statements = statements_on(tables, cycle, priority)
    indicators = indicators_on(tables["indicators"], priority)
    record = record_on(tables, priority)
    as_of = words.date(tables["cycles"].filter(pl.col("cycle") == cycle)["as_of"][0])
    labels = grid_labels(asks, words, grid["n_statements"].unique())
    has_grid = not overall.is_empty()
    statement_blocks = tuple(
        statement_block(s, words) for s in statements.tail(LIST_LIMIT).iter_rows(named=True)
    )
    record_blocks = tuple(
        record_block(e, words) for e in record.head(LIST_LIMIT).iter_rows(named=True)
    )
    return PrioritiesModel(
        title=f"{priority.upper()} · {md_text(prio['title'])}",
        state=words(
            "priorities.state",
            title=md_text(prio["title"]),
            n=overall.height,
            cycle=cycle,
            asks=asks.height,
            statements=statements.height,
            with_evidence=overall.filter(pl.col("level").is_not_null()).height,
            as_of=as_of,
        ),
        summary=f"**{md_text(prio['summary'])}**",
        asks_list="\n".join(
            f"- `{a['ask_id']}` {md_text(a['text'])}" for a in asks.iter_rows(named=True)
        ),
        grid_title=words("priorities.grid_title", cycle=cycle),
        no_grid=None if has_grid else words("priorities.no_candidacies", cycle=cycle, as_of=as_of),
        grid_figure=grid_figure(grid, overall, asks, labels=labels) if has_grid else None,
        grid_table=ask_table(
            grid,
            overall,
            asks,
            {s: labels[f"cell_{s}"] for s in STATUS_ORDER},
            ask_header=words("priorities.col_ask"),
            overall_label=words("priorities.overall"),
        )
        if has_grid
        else None,
        grid_plotted=grid.join(
            overall.select(
                "person_id",
                pl.col("level").alias("overall_level"),
                pl.col("status").alias("overall_status"),
                pl.col("reviewed").alias("overall_reviewed"),
            ),
            on="person_id",
            how="left",
        )
        if has_grid
        else None,
        statements_title=words("priorities.statements_title", n=statements.height, cycle=cycle),
        no_statements=words("priorities.no_statements", cycle=cycle, as_of=as_of)
        if statements.is_empty()
        else None,
        statement_blocks=statement_blocks,
        statements_cut=_cut(
            words, "priorities.statements_shown", len(statement_blocks), statements.height
        ),
        statements=statements,
        no_indicators=words("priorities.no_indicators") if indicators.is_empty() else None,
        indicator_cards=tuple(
            _indicator_card(ind, words) for ind in indicators.head(LIST_LIMIT).iter_rows(named=True)
        ),
        indicators_cut=_cut(
            words,
            "priorities.indicators_shown",
            min(LIST_LIMIT, indicators.height),
            indicators.height,
        ),
        indicators_frame=indicators,
        no_record=words("priorities.no_record") if record.is_empty() else None,
        counts=tuple((_assessment_word(a, words), n) for a, n in assessment_counts(record).items()),
        record_links=tuple(
            (pid, words("priorities.record_link", name=md_text(name)))
            for pid, name in record.select("person_id", "name")
            .unique(maintain_order=True)
            .iter_rows()
        ),
        record_blocks=record_blocks,
        record_cut=_cut(words, "priorities.record_shown", len(record_blocks), record.height),
        record=record,
        shown={
            "statements": statements.select(pl.col("sources").alias("source_url")),
            "searches": tables["searches"].filter(
                (pl.col("cycle") == cycle) & (pl.col("priority_id") == priority)
            ),
        },
    )

"""Priorities: one priority of the agenda — its asks, every candidacy's commitments, the evidence,
the country indicators that give context, and the office holders' record on it."""

from pathlib import Path

import polars as pl
import streamlit as st

from components.cached import cached
from components.charts import (
    ASSESSMENT_STYLE,
    STATUS_STYLE,
    cached_figure,
    csv_download,
    show_chart,
)
from components.data import get_package
from components.i18n import format_date, t
from components.layout import fit_table_paged, page_header, source_note
from components.registry import page_file
from components.url_state import url_choice
from views import priorities as view
from views.commitments import STATUS_ORDER
from views.common import cycles_desc
from views.text import md_link, md_text

MAP_PAGE = Path(__file__).resolve().parent / "map.py"

package = get_package()
priorities = dict(view.priority_options(package["priorities"]))
priority = url_choice(
    "priority",
    list(priorities),
    default=next(iter(priorities)),
    label=t("priorities.priority"),
    format_func=lambda p: f"{p.upper()} · {priorities.get(p, p)}",
)
cycles = [str(c) for c in cycles_desc(package["cycles"])]
cycle = int(url_choice("cycle", cycles, default=cycles[0], label=t("common.cycle")))

# Lists longer than this show their newest (or first) entries and say so; the CSV holds them all.
LIST_LIMIT = 50


def status_word(status: str) -> str:
    """Symbol and word of a commitment status, e.g. '●●○ clear (2)'."""
    return f"{STATUS_STYLE[status]['symbol']} {t('common.status_' + status)}"


def assessment_word(assessment: str) -> str:
    """Symbol and word of a record assessment, e.g. '▲ advances'."""
    return f"{ASSESSMENT_STYLE[assessment]['symbol']} {t('common.assessment_' + assessment)}"


def links(urls: list[str] | None) -> str:
    """Markdown links to the http(s) sources (the view has already dropped anything else)."""
    urls = list(urls or [])
    return " · ".join(
        md_link(u, f"{t('priorities.source')} {i}") for i, u in enumerate(urls, 1)
    ) or t("priorities.no_source")


def grid_labels(asks: pl.DataFrame) -> dict[str, str]:
    """The grid's words, in the current language."""
    labels = {f"status_{s}": status_word(s) for s in STATUS_ORDER}
    labels |= {
        f"cell_{s}": f"{STATUS_STYLE[s]['symbol']} {t('priorities.cell_' + s)}"
        for s in STATUS_ORDER
    }
    labels |= {f"mark_{s}": STATUS_STYLE[s]["symbol"] for s in STATUS_ORDER}
    labels |= {f"ask_{a}": text for a, text in asks.select("ask_id", "text").iter_rows()}
    labels |= {
        "reviewed": t("common.reviewed"),
        "provisional": t("common.provisional"),
        "overall": t("priorities.overall"),
        "asks": t("priorities.asks"),
        "levels": t("priorities.levels"),
        "gaps": t("priorities.gaps"),
        "n_statements": t("priorities.n_statements"),
        "coverage": t("priorities.coverage"),
    }
    return labels


def statement_block(s: dict) -> str:
    """One statement as markdown: who, when, where, on what, the level, the words, the sources."""
    ask = md_text(s["ask_id"]) if s["ask_id"] else t("priorities.priority_general")
    quote = f" — “{md_text(s['quote'])}”" if s["quote"] else ""
    second = f" *({t('priorities.second_hand')})*" if s["second_hand"] else ""
    archive = (
        f" · {md_link(s['archive'][0], t('priorities.archive'))}"
        if s["archive"] is not None and len(s["archive"])
        else ""
    )
    venue = t("priorities.venue_" + s["venue"])
    when = format_date(s["date"], s["date_precision"])
    return (
        f"**{md_text(s['name'])}** · {when} · {venue} · {ask} · "
        f"**{status_word(s['status'])}**{second}  \n{md_text(s['paraphrase'])}{quote}  \n"
        f"{links(s['sources'])}{archive}"
    )


def record_block(e: dict) -> str:
    """One record entry as markdown."""
    return (
        f"**{format_date(e['date'], e['date_precision'])}** · {md_text(e['name'])} "
        f"({md_text(e['role'])}) · {assessment_word(e['assessment'])} · "
        f"{t('priorities.kind_' + e['kind'])}  \n"
        f"**{md_text(e['title'])}** — {md_text(e['summary'])}  \n{links(e['sources'])}"
    )


def priority_model(package, priority: str, cycle: int) -> dict:
    """Everything the page shows for one priority and cycle, derived once per data version and
    language: about a hundred small polars queries, the tables, and the markdown of the items
    listed (the newest LIST_LIMIT statements in date order, record entries newest first)."""
    tables = package.tables
    asks = view.priority_asks(package["asks"], priority)
    overall = view.overall_levels(tables, cycle, priority)
    grid = view.ask_grid(tables, cycle, priority)
    statements = view.statements_on(tables, cycle, priority)
    record = view.record_on(tables, priority)
    model = {
        "prio": view.priority_row(package["priorities"], priority),
        "asks": asks,
        "overall": overall,
        "grid": grid,
        "statements": statements,
        "indicators": view.indicators_on(package["indicators"], priority),
        "record": record,
        "as_of": package["cycles"].filter(pl.col("cycle") == cycle)["as_of"][0],
        "statement_blocks": [
            statement_block(s) for s in statements.tail(LIST_LIMIT).iter_rows(named=True)
        ],
        "record_blocks": [record_block(e) for e in record.head(LIST_LIMIT).iter_rows(named=True)],
        "counts": view.assessment_counts(record),
        # What the view shows, for source notes that cite these rows' sources.
        "shown": {
            "statements": statements.select(pl.col("sources").alias("source_url")),
            "searches": tables["searches"].filter(
                (pl.col("cycle") == cycle) & (pl.col("priority_id") == priority)
            ),
        },
        "record_people": list(
            record.select("person_id", "name").unique(maintain_order=True).iter_rows()
        ),
    }
    if not overall.is_empty():
        labels = grid_labels(asks)
        short = {s: labels[f"cell_{s}"] for s in STATUS_ORDER}
        model["grid_table"] = view.ask_table(
            grid,
            overall,
            asks,
            short,
            ask_header=t("priorities.col_ask"),
            overall_label=t("priorities.overall"),
        )
        model["grid_plotted"] = grid.join(
            overall.select(
                "person_id",
                pl.col("level").alias("overall_level"),
                pl.col("status").alias("overall_status"),
                pl.col("reviewed").alias("overall_reviewed"),
            ),
            on="person_id",
            how="left",
        )
    return model


def grid_chart(package, priority: str, cycle: int):
    """The candidacy × ask grid, finished (built once per data version, filters and language)."""
    model = cached(priority_model, package, priority, cycle)
    return view.grid_figure(
        model["grid"], model["overall"], model["asks"], labels=grid_labels(model["asks"])
    )


def shown_note(key: str, shown: int, total: int) -> None:
    """'Showing 50 of 130 …' under a list that was cut (nothing when the list is complete)."""
    if shown < total:
        st.caption(t(key, shown=shown, total=total))


model = cached(priority_model, package, priority, cycle)
prio, asks, overall = model["prio"], model["asks"], model["overall"]
statements, as_of = model["statements"], model["as_of"]

page_header(
    f"{priority.upper()} · {md_text(prio['title'])}",
    t(
        "priorities.state",
        title=md_text(prio["title"]),
        n=overall.height,
        cycle=cycle,
        asks=asks.height,
        statements=statements.height,
        with_evidence=overall.filter(pl.col("level").is_not_null()).height,
        as_of=format_date(as_of),
    ),
)
st.markdown(f"**{md_text(prio['summary'])}**")
st.markdown(
    "\n".join(f"- `{a['ask_id']}` {md_text(a['text'])}" for a in asks.iter_rows(named=True))
)
source_note(package, "priorities", "asks")

# The candidacy × ask grid.
st.subheader(t("priorities.grid_title", cycle=cycle))
if overall.is_empty():
    st.info(t("priorities.no_candidacies", cycle=cycle, as_of=format_date(as_of)))
else:
    show_chart(cached_figure(grid_chart, package, priority, cycle), key="grid_chart")
    st.caption(t("priorities.grid_caption"))
    source_note(package, "statements", "searches", "assessments", shown=model["shown"])
    fit_table_paged(
        model["grid_table"], key="grid_table", page_label=t("priorities.table_page")
    )
    csv_download(model["grid_plotted"], f"priority-{priority}-{cycle}-grid", key="grid_csv")

# The statements behind the grid (the newest LIST_LIMIT; the CSV holds them all).
st.subheader(t("priorities.statements_title", n=statements.height, cycle=cycle))
if statements.is_empty():
    st.info(t("priorities.no_statements", cycle=cycle, as_of=format_date(as_of)))
for block in model["statement_blocks"]:
    st.markdown(block)
if len(model["statement_blocks"]) < statements.height:
    shown_note("priorities.statements_shown", len(model["statement_blocks"]), statements.height)
    csv_download(statements, f"priority-{priority}-{cycle}-statements", key="statements_csv")
source_note(package, "statements", shown=model["shown"])

# Country indicators that give context (never a score of a person).
st.subheader(t("priorities.indicators_title"))
indicators = model["indicators"]
if indicators.is_empty():
    st.info(t("priorities.no_indicators"))
for ind in indicators.head(LIST_LIMIT).iter_rows(named=True):
    with st.container(border=True):
        st.markdown(
            f"**{md_text(ind['title'])}** ({md_text(ind['indicator_id'])})  \n"
            f"{md_text(ind['description'])}"
        )
        source = (
            md_link(ind["sources"][0], ind["source_name"])
            if ind["sources"] is not None and len(ind["sources"])
            else md_text(ind["source_name"])
        )
        st.caption(
            t(
                "priorities.indicator_meta",
                as_of=format_date(ind["as_of"]) if ind["as_of"] else t("common.as_of_unknown"),
                source=source,
                licence=md_text(ind["license"]) or "—",
            )
        )
        label = t("priorities.on_map", title=md_text(ind["title"]))
        shown = False
        if MAP_PAGE.exists():
            try:
                st.page_link(
                    page_file("map"),
                    label=label,
                    icon="🗺️",
                    query_params={"indicator": ind["indicator_id"]},
                )
                shown = True
            except Exception:  # the map page exists but is not registered in the navigation yet
                shown = False
        if not shown:
            path = f"/map?indicator={md_text(ind['indicator_id'])}"
            st.caption(t("priorities.map_path", path=path))
if indicators.height > LIST_LIMIT:
    shown_note("priorities.indicators_shown", LIST_LIMIT, indicators.height)
    csv_download(indicators, f"priority-{priority}-indicators", key="indicators_csv")
source_note(package, "indicators")

# The office holders' record on this priority (the newest LIST_LIMIT; the CSV holds them all).
st.subheader(t("priorities.record_title"))
record = model["record"]
if record.is_empty():
    st.info(t("priorities.no_record"))
else:
    counts = model["counts"]
    cols = st.columns(len(counts))
    for col, (assessment, n) in zip(cols, counts.items(), strict=True):
        col.metric(assessment_word(assessment), n)
    for person_id, name in model["record_people"]:
        st.page_link(
            page_file("record"),
            label=t("priorities.record_link", name=md_text(name)),
            icon="📜",
            query_params={"person": person_id, "priority": priority},
        )
    for block in model["record_blocks"]:
        st.markdown(block)
    if len(model["record_blocks"]) < record.height:
        shown_note("priorities.record_shown", len(model["record_blocks"]), record.height)
        csv_download(record, f"priority-{priority}-record", key="record_csv")
source_note(package, "record_entries")

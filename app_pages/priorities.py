"""Priorities: one priority of the agenda — its asks, every candidacy's commitments, the evidence,
the country indicators that give context, and the office holders' record on it."""

from pathlib import Path

import polars as pl
import streamlit as st

from components.charts import ASSESSMENT_STYLE, STATUS_STYLE, csv_download, show_chart
from components.data import get_package
from components.i18n import t
from components.layout import format_date, page_header, source_note
from components.safe import md_link, md_text
from components.url_state import url_choice
from views import priorities as view
from views.commitments import STATUS_ORDER
from views.common import cycles_desc

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

prio = view.priority_row(package["priorities"], priority)
asks = view.priority_asks(package["asks"], priority)
overall = view.overall_levels(package.tables, cycle, priority)
grid = view.ask_grid(package.tables, cycle, priority)
statements = view.statements_on(package.tables, cycle, priority)
as_of = package["cycles"].filter(pl.col("cycle") == cycle)["as_of"][0]


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
    labels = {f"status_{s}": status_word(s) for s in STATUS_ORDER}
    labels |= {
        f"cell_{s}": f"{STATUS_STYLE[s]['symbol']} {t('priorities.cell_' + s)}"
        for s in STATUS_ORDER
    }
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
    show_chart(view.grid_figure(grid, overall, asks, labels=labels), key="grid_chart")
    st.caption(t("priorities.grid_caption"))
    source_note(package, "statements", "searches", "assessments")
    table = (
        grid.with_columns(
            pl.col("status").replace_strict({s: status_word(s) for s in STATUS_ORDER}).alias("cell")
        )
        .pivot(on="ask_id", index="name", values="cell", maintain_order=True)
        .join(
            overall.select(
                "name",
                pl.col("status")
                .replace_strict({s: status_word(s) for s in STATUS_ORDER})
                .alias(t("priorities.overall")),
            ),
            on="name",
            how="left",
        )
        .rename({"name": t("priorities.col_candidate")})
    )
    st.dataframe(table, hide_index=True, width="stretch", key="grid_table")
    plotted = grid.join(
        overall.select(
            "person_id",
            pl.col("level").alias("overall_level"),
            pl.col("status").alias("overall_status"),
            pl.col("reviewed").alias("overall_reviewed"),
        ),
        on="person_id",
        how="left",
    )
    csv_download(plotted, f"priority-{priority}-{cycle}-grid", key="grid_csv")

# The statements behind the grid.
st.subheader(t("priorities.statements_title", n=statements.height, cycle=cycle))
if statements.is_empty():
    st.info(t("priorities.no_statements", cycle=cycle, as_of=format_date(as_of)))
for s in statements.iter_rows(named=True):
    ask = md_text(s["ask_id"]) if s["ask_id"] else t("priorities.priority_general")
    quote = f" — “{md_text(s['quote'])}”" if s["quote"] else ""
    second = f" *({t('priorities.second_hand')})*" if s["second_hand"] else ""
    archive = (
        f" · {md_link(s['archive'][0], t('priorities.archive'))}"
        if s["archive"] is not None and len(s["archive"])
        else ""
    )
    venue = t("priorities.venue_" + s["venue"])
    st.markdown(
        f"**{md_text(s['name'])}** · {format_date(s['date'])} · {venue} · {ask} · "
        f"**{status_word(s['status'])}**{second}  \n{md_text(s['paraphrase'])}{quote}  \n"
        f"{links(s['sources'])}{archive}"
    )
source_note(package, "statements")

# Country indicators that give context (never a score of a person).
st.subheader(t("priorities.indicators_title"))
indicators = view.indicators_on(package["indicators"], priority)
if indicators.is_empty():
    st.info(t("priorities.no_indicators"))
for ind in indicators.iter_rows(named=True):
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
                    "app_pages/map.py",
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
source_note(package, "indicators")

# The office holders' record on this priority.
st.subheader(t("priorities.record_title"))
record = view.record_on(package.tables, priority)
if record.is_empty():
    st.info(t("priorities.no_record"))
else:
    counts = view.assessment_counts(record)
    cols = st.columns(len(counts))
    for col, (assessment, n) in zip(cols, counts.items(), strict=True):
        col.metric(assessment_word(assessment), n)
    for person_id, name in (
        record.select("person_id", "name").unique(maintain_order=True).iter_rows()
    ):
        st.page_link(
            "app_pages/record.py",
            label=t("priorities.record_link", name=md_text(name)),
            icon="📜",
            query_params={"person": person_id, "priority": priority},
        )
    for e in record.iter_rows(named=True):
        st.markdown(
            f"**{format_date(e['date'], e['date_precision'])}** · {md_text(e['name'])} "
            f"({md_text(e['role'])}) · {assessment_word(e['assessment'])} · "
            f"{t('priorities.kind_' + e['kind'])}  \n"
            f"**{md_text(e['title'])}** — {md_text(e['summary'])}  \n{links(e['sources'])}"
        )
source_note(package, "record_entries")

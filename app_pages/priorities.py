"""Priorities: one priority of the agenda — its asks, every candidacy's commitments, the evidence,
the country indicators that give context, and the office holders' record on it."""

import streamlit as st

from components.cached import cached
from components.charts import cached_figure, csv_download, show_chart
from components.data import cycle_choices, get_package
from components.i18n import t, words
from components.layout import fit_table_paged, page_header, source_note
from components.registry import page_target
from components.url_state import url_choice
from views import priorities as view

package = get_package()
priorities = dict(view.priority_options(package["priorities"]))
priority = url_choice(
    "priority",
    list(priorities),
    default=next(iter(priorities)),
    label=t("priorities.priority"),
    format_func=lambda p: f"{p.upper()} · {priorities.get(p, p)}",
)
cycles = cycle_choices(package)
cycle = int(url_choice("cycle", cycles, default=cycles[0], label=t("common.cycle")))


def build_model(package, priority: str, cycle: int) -> view.PrioritiesModel:
    """The page's view model, built once per data version, filters and language."""
    return view.priorities_model(package.tables, priority, cycle, words())


def grid_chart(package, priority: str, cycle: int):
    """The candidacy × ask grid, finished (shared by every session: never changed after this)."""
    return cached(build_model, package, priority, cycle).grid_figure


model = cached(build_model, package, priority, cycle)
page_header(model.title, model.state)
st.markdown(model.summary)
st.markdown(model.asks_list)
source_note(package, "priorities", "asks")

# The candidacy × ask grid.
st.subheader(model.grid_title)
if model.no_grid:
    st.info(model.no_grid)
else:
    show_chart(cached_figure(grid_chart, package, priority, cycle), key="grid_chart")
    st.caption(t("priorities.grid_caption"))
    source_note(package, "statements", "searches", "assessments", shown=model.shown)
    fit_table_paged(model.grid_table, key="grid_table", page_label=t("priorities.table_page"))
    csv_download(model.grid_plotted, f"priority-{priority}-{cycle}-grid", key="grid_csv")

# The statements behind the grid (the newest LIST_LIMIT; the CSV holds them all).
st.subheader(model.statements_title)
if model.no_statements:
    st.info(model.no_statements)
for block in model.statement_blocks:
    st.markdown(block)
if model.statements_cut:
    st.caption(model.statements_cut)
    csv_download(model.statements, f"priority-{priority}-{cycle}-statements", key="statements_csv")
source_note(package, "statements", shown=model.shown)

# Country indicators that give context (never a score of a person).
st.subheader(t("priorities.indicators_title"))
if model.no_indicators:
    st.info(model.no_indicators)
for card in model.indicator_cards:
    with st.container(border=True):
        st.markdown(card.heading)
        st.caption(card.meta)
        st.page_link(
            page_target("map"),
            label=card.map_label,
            icon=":material/public:",
            query_params={"indicator": card.indicator_id},
        )
if model.indicators_cut:
    st.caption(model.indicators_cut)
    csv_download(model.indicators_frame, f"priority-{priority}-indicators", key="indicators_csv")
source_note(package, "indicators")

# The office holders' record on this priority (the newest LIST_LIMIT; the CSV holds them all).
st.subheader(t("priorities.record_title"))
if model.no_record:
    st.info(model.no_record)
else:
    for col, (label, n) in zip(st.columns(len(model.counts)), model.counts, strict=True):
        col.metric(label, n)
    for person_id, label in model.record_links:
        st.page_link(
            page_target("record"),
            label=label,
            icon=":material/history_edu:",
            query_params={"person": person_id, "priority": priority},
        )
    for block in model.record_blocks:
        st.markdown(block)
    if model.record_cut:
        st.caption(model.record_cut)
        csv_download(model.record, f"priority-{priority}-record", key="record_csv")
source_note(package, "record_entries")

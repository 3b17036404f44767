"""Candidate profile: who, a timeline of everything dated, the radar of this candidacy, the
statements with sources, and the nominating states' record (context, not a score)."""

import streamlit as st

from components.briefing import briefing_button, record_as_of
from components.cached import arrow_table, cached
from components.charts import cached_figure, csv_download, show_chart
from components.data import cycle_choices, get_package
from components.i18n import t, words
from components.layout import data_table, fit_table, page_header, source_note
from components.registry import page_target
from components.url_state import changed_here, render_notices, url_choice
from views import candidate as view
from views.commitments import candidacy_options
from views.text import md_text

package = get_package()
cycles = cycle_choices(package)
cycle = int(url_choice("cycle", cycles, default=cycles[0], label=t("common.cycle")))


def cycle_options(package, cycle: int) -> list[tuple[str, str]]:
    """The cycle's candidacies (cached per data version)."""
    return candidacy_options(package.tables, cycle)


options = dict(cached(cycle_options, package, cycle))

# A candidate of the previous cycle is dropped without a notice when the cycle was changed here.
if changed_here("candidate_cycle", cycle):
    if any(pid not in options for pid in st.query_params.get_all("candidate")):
        del st.query_params["candidate"]

if not options:
    page_header(t("candidate.title_empty"), t("candidate.no_candidacies", cycle=cycle))
    render_notices()  # st.stop ends the run before the entry file would show them
    st.stop()

person_id = url_choice(
    "candidate",
    list(options),
    default=next(iter(options)),
    label=t("candidate.candidate"),
    format_func=lambda pid: options.get(pid, pid),
)


def candidate_model(package, cycle: int, person_id: str) -> view.CandidateModel:
    """Everything shown of one candidacy, once per data version and language."""
    return view.candidate_model(
        package.tables, cycle, person_id, words(), record_as_of=record_as_of(package)
    )


def arrow(package, cycle: int, person_id: str, name: str):
    """The model's table `name` in Arrow (st.dataframe sends that as it is)."""
    return arrow_table(getattr(cached(candidate_model, package, cycle, person_id), name))


def figure(package, cycle: int, person_id: str, name: str):
    """The model's figure `name`, finished."""
    return getattr(cached(candidate_model, package, cycle, person_id), name)


model = cached(candidate_model, package, cycle, person_id)
who = model.who
page_header(model.title, model.state)

links = st.columns([1, 1, 3])
links[0].page_link(
    page_target("compare"),
    label=t("candidate.compare_link"),
    icon=":material/compare_arrows:",
    query_params={"cycle": str(cycle), "candidate": person_id},
)
links[1].page_link(
    page_target("overview"),
    label=t("candidate.overview_link"),
    icon=":material/home:",
    query_params={"cycle": str(cycle)},
)

# Who.
st.subheader(t("candidate.who"))
fact_cols = st.columns(4)
for i, (label, value) in enumerate(model.facts):
    fact_cols[i % 4].markdown(f"**{label}**  \n{md_text(value)}")
if model.sources:
    st.caption(t("common.labelled", label=t("candidate.sources"), value=model.sources))
source_note(package, "candidacies", "people")
if model.history_lines:
    with st.expander(t("candidate.history_title"), expanded=model.history_open):
        st.markdown("\n".join(model.history_lines))
        source_note(package, "nominations")

# Timeline.
st.subheader(t("candidate.timeline_title"))
timeline = cached_figure(figure, package, cycle, person_id, "timeline_fig")
show_chart(timeline, key="candidate_timeline")
source_note(package, *model.timeline_sources)
st.caption(model.timeline_caption)
with st.expander(t("candidate.timeline_table")):
    table = cached(arrow, package, cycle, person_id, "timeline_table")
    data_table(table, links={t("candidate.col_source"): None}, fit=False)
csv_download(model.timeline_csv, f"timeline-{cycle}-{person_id}", key="candidate_timeline_csv")

# Radar of this candidacy.
st.subheader(t("candidate.radar_title"))
left, right = st.columns([3, 2], gap="large")
with left:
    radar = cached_figure(figure, package, cycle, person_id, "radar_fig")
    show_chart(radar, key="candidate_radar")
    source_note(package, "statements", "searches", "assessments", "priorities")
    st.caption(t("compare.radar_caption"))
    csv_download(model.radar, f"radar-{cycle}-{person_id}", key="candidate_radar_csv")
with right:
    fit_table(model.level_table, key="candidate_levels")
    st.caption(t("compare.table_caption") + " " + t("compare.coverage_caption"))

# Statements.
st.subheader(t("candidate.statements_title"))
if model.statement_lines:
    st.markdown("\n".join(model.statement_lines))
else:
    st.caption(t("compare.no_statements", name=md_text(who.name)))
source_note(package, "statements")

# What the person did in earlier roles (a High Commissioner, a head of state...), as assessed.
st.subheader(t("candidate.earlier_title"))
if model.earlier_lines:
    st.caption(t("candidate.earlier_caption", name=md_text(who.name)))
    st.markdown("\n".join(model.earlier_lines))
    st.page_link(
        page_target("record"),
        label=t("candidate.earlier_link", name=md_text(who.name)),
        icon=":material/history_edu:",
        query_params={"person": person_id},
    )
    source_note(package, "record_entries")
else:
    st.caption(t("candidate.earlier_none", name=md_text(who.name)))

# The nominating states' record: context about states, never a score of the person.
st.subheader(t("candidate.states_title"))
st.caption(t("candidate.states_caption", name=md_text(who.name)))
if model.state_record is not None:
    fit_table(model.state_record, key="candidate_states")
    source_note(package, "indicators", "indicator_values")
else:
    st.info(t("candidate.no_states"))

# One-page briefing of this candidacy (a self-contained HTML file; components/briefing.py).
briefing_button(package, model)

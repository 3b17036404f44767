"""Candidate profile: who, a timeline of everything dated, the radar of this candidacy, the
statements with sources, and the nominating states' record (context, not a score)."""

from datetime import date

import polars as pl
import streamlit as st

from components.cached import arrow_table, cached
from components.charts import ASSESSMENT_STYLE, cached_figure, csv_download, show_chart
from components.data import get_package
from components.i18n import format_date, t
from components.layout import fit_table, page_header, source_note
from components.radar import radar_figure, radar_text, statement_line
from components.registry import page_file
from components.share import briefing_button
from components.url_state import changed_here, render_notices, url_choice
from views import candidate as view
from views import compare as compare_view
from views.commitments import candidacy_options
from views.common import cycles_desc
from views.text import md_link, md_text

package = get_package()
tables = package.tables
cycles = [str(c) for c in cycles_desc(package["cycles"])]
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


def word(key: str) -> str:
    """The timeline's words: statuses and assessments from common, the rest from this page."""
    if key.startswith("level_"):
        return t(f"common.status_{key.removeprefix('level_')}")
    if key.startswith("assessment_"):
        return t(f"common.{key}")
    return t(f"candidate.{key}")


def candidate_model(package, cycle: int, person_id: str) -> dict:
    """Everything derived for one candidacy, once per data version and language."""
    tables = package.tables
    who = view.profile(tables, cycle, person_id)
    timeline = view.timeline(tables, cycle, person_id)
    words = {key: word(key) for key in view.TIMELINE_WORDS}
    venues = {v: t(f"compare.venue_{v}") for v in compare_view.VENUES}
    labelled = view.timeline_labels(timeline, words, format_date, as_of=who.as_of, venues=venues)
    radar = compare_view.radar_data(tables, cycle, [person_id])
    text = radar_text()
    statements = compare_view.statement_rows(tables, cycle, [person_id])
    states = [iso3 for iso3, _ in who.nominating_states]
    lane_words = {lane: words[f"lane_{lane}"] for lane in view.LANES}
    level_table = compare_view.level_table(radar, text.cell).join(
        compare_view.coverage_table(radar).rename({who.name: "coverage"}), on="priority"
    )
    record = (
        view.state_record_table(view.state_record(tables, states), t("common.no_data"))
        if states
        else None
    )
    history = view.nomination_history(tables, cycle, person_id)
    return {
        "who": who,
        "timeline": timeline,
        "history": history,
        "history_lines": [history_line(r) for r in history.iter_rows(named=True)],
        "words": words,
        "labelled": labelled,
        "radar": radar,
        # Tables as shown, in Arrow (st.dataframe sends those as they are).
        "timeline_table": arrow_table(
            labelled.select(
                pl.col("when").alias(t("candidate.col_when")),
                pl.col("lane").replace_strict(lane_words).alias(t("candidate.col_lane")),
                pl.col("label").alias(t("candidate.col_what")),
                pl.col("source_url").list.first().alias(t("candidate.col_source")),
            )
        ),
        "level_table": level_table.rename(
            {
                "priority": t("compare.col_priority"),
                who.name: t("candidate.col_level"),
                "coverage": t("compare.coverage_title"),
            }
        ),
        "statement_lines": [statement_line(r, text) for r in statements.iter_rows(named=True)],
        "state_record": (
            record.rename({"indicator": t("candidate.col_indicator")})
            if record is not None
            else None
        ),
        "state_record_rows": record.height if record is not None else 0,
        "earlier_lines": [
            earlier_line(e) for e in view.earlier_record(tables, cycle, person_id).to_dicts()
        ],
    }


def history_line(row: dict) -> str:
    """One nominating state's dated action as a Markdown list item (curated text escaped)."""
    sources = " · ".join(
        md_link(u, f"{t('compare.source')} {i}") for i, u in enumerate(row["source_url"], 1)
    )
    note = f" — {md_text(row['note'])}" if row["note"] else ""
    return (
        f"- **{format_date(row['date'], row['date_precision'])}** · {md_text(row['state'])}: "
        f"{t('candidate.action_' + row['action'])}{note} ({sources})"
    )


def earlier_line(entry: dict) -> str:
    """One record entry of an earlier role as a Markdown list item (curated text escaped)."""
    style = ASSESSMENT_STYLE[entry["assessment"]]
    sources = " · ".join(
        md_link(u, f"{t('compare.source')} {i}") for i, u in enumerate(entry["source_url"], 1)
    )
    return (
        f"- **{format_date(entry['date'], entry['date_precision'])}** · {md_text(entry['role'])} · "
        f"{entry['priority_id'].upper()} · {style['symbol']} "
        f"{t('common.assessment_' + entry['assessment'])} — **{md_text(entry['title'])}**: "
        f"{md_text(entry['summary'])} ({sources})"
    )


def timeline_chart(package, cycle: int, person_id: str):
    """The candidacy's timeline, finished (built once per data version and language)."""
    model = cached(candidate_model, package, cycle, person_id)
    return view.timeline_figure(
        model["labelled"],
        model["words"],
        priorities=package["priorities"],
        assessment_style=ASSESSMENT_STYLE,
        name=model["who"].name,
    )


def radar_chart(package, cycle: int, person_id: str):
    """The candidacy's radar, finished (built once per data version and language)."""
    return radar_figure(
        cached(candidate_model, package, cycle, person_id)["radar"], radar_text(), height=500
    )


model = cached(candidate_model, package, cycle, person_id)
who, radar, timeline = model["who"], model["radar"], model["timeline"]
as_of = format_date(who.as_of) if who.as_of else t("common.as_of_unknown")
n_record = timeline.filter(pl.col("lane") == view.LANE_RECORD).height
n_polls = timeline.filter(pl.col("lane") == view.LANE_POLLS).height
record_part = (
    t(
        "candidate.state_record",
        n=n_record,
        start=format_date(who.term_start),
        record_as_of=format_date(
            date.fromisoformat(package.descriptor.resource("record_entries").as_of)
        ),
    )
    if n_record
    else ""
)
page_header(
    t("candidate.title", name=md_text(who.name)),
    t(
        "candidate.state",
        name=md_text(who.name),
        cycle=cycle,
        statements=timeline.filter(pl.col("lane") == view.LANE_STATEMENTS).height,
        priorities=radar.filter(pl.col("level").is_not_null()).height,
        polls=t("candidate.state_polls", n=n_polls) if n_polls else t("candidate.state_polls_none"),
        record=record_part,
        as_of=as_of,
    ),
)

links = st.columns([1, 1, 3])
links[0].page_link(
    page_file("compare"),
    label=t("candidate.compare_link"),
    icon="⚖️",
    query_params={"cycle": str(cycle), "candidate": person_id},
)
links[1].page_link(
    page_file("overview"),
    label=t("candidate.overview_link"),
    icon="🏠",
    query_params={"cycle": str(cycle)},
)

# Who.
st.subheader(t("candidate.who"))
dash = t("candidate.not_reached")
withdrew = {
    iso3: day
    for iso3, day in model["history"]
    .filter(pl.col("action") == "withdrew")
    .select("state_iso3", "date")
    .iter_rows()
}
nominators = [
    t("candidate.state_withdrew", state=name, date=format_date(withdrew[iso3]))
    if iso3 in withdrew
    else name
    for iso3, name in who.nominating_states
]
facts = [
    (t("candidate.nationality"), who.nationality or dash),
    (t("candidate.nominated_by"), ", ".join(nominators) or dash),
    (t("candidate.group"), who.group or dash),
    (t("candidate.role"), who.role or dash),
    (t("candidate.nominated"), format_date(who.nominated) if who.nominated else dash),
    (t("candidate.dialogue"), format_date(who.dialogue) if who.dialogue else dash),
    (t("candidate.withdrawn"), format_date(who.withdrawn) if who.withdrawn else dash),
    (t("candidate.outcome"), t(f"candidate.outcome_{who.outcome}")),
]
fact_cols = st.columns(4)
for i, (label, value) in enumerate(facts):
    fact_cols[i % 4].markdown(f"**{label}**  \n{md_text(value)}")
if who.sources:
    st.caption(
        f"{t('candidate.sources')}: "
        + " · ".join(md_link(u, f"{t('compare.source')} {i}") for i, u in enumerate(who.sources, 1))
    )
source_note(package, "candidacies", "people")
if model["history"].height:
    with st.expander(t("candidate.history_title"), expanded=bool(withdrew)):
        st.markdown("\n".join(model["history_lines"]))
        source_note(package, "nominations")

# Timeline.
st.subheader(t("candidate.timeline_title"))

words, labelled = model["words"], model["labelled"]
show_chart(cached_figure(timeline_chart, package, cycle, person_id), key="candidate_timeline")
timeline_sources = ["selection_events", "nominations", "cycles", "statements", "straw_polls"]
if n_record:
    timeline_sources.append("record_entries")
source_note(package, *timeline_sources)
st.caption(
    t(
        "candidate.timeline_caption",
        record=t("candidate.timeline_caption_" + ("record" if n_record else "end")),
    )
)
with st.expander(t("candidate.timeline_table")):
    st.dataframe(
        model["timeline_table"],
        hide_index=True,
        width="stretch",
        column_config={t("candidate.col_source"): st.column_config.LinkColumn()},
    )
csv_download(
    timeline.drop("title", "detail").with_columns(labelled["label"]),
    f"timeline-{cycle}-{person_id}",
    key="candidate_timeline_csv",
)

# Radar of this candidacy.
st.subheader(t("candidate.radar_title"))
left, right = st.columns([3, 2], gap="large")
with left:
    show_chart(cached_figure(radar_chart, package, cycle, person_id), key="candidate_radar")
    source_note(package, "statements", "searches", "assessments", "priorities")
    st.caption(t("compare.radar_caption"))
    csv_download(radar, f"radar-{cycle}-{person_id}", key="candidate_radar_csv")
with right:
    fit_table(model["level_table"], key="candidate_levels")
    st.caption(t("compare.table_caption") + " " + t("compare.coverage_caption"))

# Statements.
st.subheader(t("candidate.statements_title"))
if model["statement_lines"]:
    st.markdown("\n".join(model["statement_lines"]))
else:
    st.caption(t("compare.no_statements", name=md_text(who.name)))
source_note(package, "statements")

# What the person did in earlier roles (a High Commissioner, a head of state...), as assessed.
st.subheader(t("candidate.earlier_title"))
if model["earlier_lines"]:
    st.caption(t("candidate.earlier_caption", name=md_text(who.name)))
    st.markdown("\n".join(model["earlier_lines"]))
    st.page_link(
        page_file("record"),
        label=t("candidate.earlier_link", name=md_text(who.name)),
        icon="📜",
        query_params={"person": person_id},
    )
    source_note(package, "record_entries")
else:
    st.caption(t("candidate.earlier_none", name=md_text(who.name)))

# The nominating states' record: context about states, never a score of the person.
st.subheader(t("candidate.states_title"))
st.caption(t("candidate.states_caption", name=md_text(who.name)))
record = model["state_record"]
if record is not None:
    fit_table(record, key="candidate_states")
    source_note(package, "indicators", "indicator_values")
else:
    st.info(t("candidate.no_states"))

# One-page briefing of this candidacy (a self-contained HTML file; components/share.py).
briefing_button(package, cycle, person_id)

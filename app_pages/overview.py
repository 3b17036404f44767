"""Overview: the eight priorities, the selection cycles and the candidacies of the chosen cycle."""

from datetime import date, timedelta

import streamlit as st

from components.cached import cached
from components.data import curated_changes, get_package
from components.i18n import format_date, t
from components.layout import in_rows, page_header, source_note
from components.registry import page_file
from components.url_state import url_choice
from loaders.clock import today
from views import overview as view
from views import updates as updates_view
from views.common import cycles_desc
from views.text import md_link, md_text

package = get_package()
cycles = [str(c) for c in cycles_desc(package["cycles"])]
cycle = int(url_choice("cycle", cycles, default=cycles[0], label=t("common.cycle")))


def overview_model(package, cycle: int) -> dict:
    """The cycle's numbers, candidacies and the agenda (derived once per data version)."""
    return {
        "summary": view.cycle_summary(package.tables, cycle),
        "rows": view.candidacy_rows(package.tables, cycle),
        "agenda": view.agenda(package["priorities"], package["asks"]),
    }


def recent_updates(package, since_iso: str) -> int:
    """How many updates the updates page lists by default (its link's count); the data version
    and the day fix the audit rows read below."""
    since = date.fromisoformat(since_iso)
    return len(updates_view.updates_since(package.tables, recent_audit, since))


model = cached(overview_model, package, cycle)
summary, rows = model["summary"], model["rows"]

page_header(
    t("overview.title"),
    t("overview.state", n=summary.candidacies, cycle=cycle, as_of=format_date(summary.as_of)),
)

behind = view.days_behind(summary, today())
if behind is not None:
    st.warning(t("overview.stale", as_of=format_date(summary.as_of), days=behind), icon="⏳")
recent_since = today() - timedelta(days=updates_view.DEFAULT_DAYS)
recent_audit = curated_changes(package, recent_since)
recent = cached(recent_updates, package, recent_since.isoformat())
st.page_link(
    page_file("updates"),
    label=t("overview.updates_link", n=recent, date=format_date(recent_since)),
    icon="🆕",
)

left, mid, right, last = st.columns(4)
left.metric(t("overview.m_candidacies"), summary.candidacies)
mid.metric(t("overview.m_women"), summary.women)
right.metric(t("overview.m_withdrawn"), summary.withdrawn)
last.metric(t("overview.m_appointee"), summary.appointee or t("overview.not_yet"))

st.subheader(t("overview.milestones"))
milestone_cols = st.columns(len(summary.milestones))
for col, (name, when) in zip(milestone_cols, summary.milestones.items(), strict=True):
    col.markdown(f"**{t('overview.ms_' + name)}**  \n{format_date(when) if when else '—'}")
if any(when is None for when in summary.milestones.values()):
    st.caption(t("overview.milestones_gap", as_of=format_date(summary.as_of)))

st.subheader(t("overview.candidacies", cycle=cycle))
for column, cand in in_rows(rows.iter_rows(named=True), 3):
    with column.container(border=True):
        st.markdown(f"### {md_text(cand['name'])}")
        st.markdown(f"*{md_text(cand['role'])}*")
        st.markdown(
            t(
                "overview.card",
                nationality=md_text(cand["nationality"]),
                nominated_by=md_text(cand["nominated_by"]),
                group=md_text(cand["group"]),
                nominated=format_date(cand["nominated"]),
            )
        )
        if cand["dialogue"]:
            st.markdown(t("overview.card_dialogue", date=format_date(cand["dialogue"])))
        if cand["withdrawn"]:
            st.markdown(t("overview.card_withdrawn", date=format_date(cand["withdrawn"])))
        st.markdown(f"{t('overview.outcome')}: **{t('overview.outcome_' + cand['outcome'])}**")
        st.caption(md_link(cand["source_url"][0], t("common.source")))
        st.page_link(
            page_file("candidate"),
            label=t("candidate.profile_link"),
            icon="👤",
            query_params={"cycle": str(cycle), "candidate": cand["person_id"]},
        )
source_note(package, "candidacies", "cycles")

st.subheader(t("overview.agenda"))
st.markdown(t("overview.agenda_intro"))
for column, (prio, asks) in in_rows(model["agenda"], 2):
    label = f"**{prio['priority_id'].upper()} · {md_text(prio['title'])}**"
    with column.expander(label):
        st.markdown(md_text(prio["summary"]))
        st.markdown("\n".join(f"- `{a['ask_id']}` {md_text(a['text'])}" for a in asks))
source_note(package, "priorities", "asks")

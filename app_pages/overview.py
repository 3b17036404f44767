"""Overview: the eight priorities, the selection cycles and the candidacies of the chosen cycle."""

from datetime import date, timedelta

import streamlit as st

from components.cached import cached
from components.data import curated_changes, cycle_choices, get_package
from components.i18n import format_date, t, words
from components.layout import CARD_WIDTH_PX, page_header, source_note
from components.registry import page_target
from components.url_state import url_choice
from loaders.clock import today
from views import overview as view
from views import updates as updates_view

package = get_package()
cycles = cycle_choices(package)
cycle = int(url_choice("cycle", cycles, default=cycles[0], label=t("common.cycle")))


def overview_model(package, cycle: int, today_iso: str) -> view.OverviewModel:
    """The cycle's numbers, candidacies and the agenda (once per data version, day, language)."""
    return view.overview_model(package.tables, cycle, date.fromisoformat(today_iso), words())


def recent_updates(package, since_iso: str) -> int:
    """How many updates the updates page lists by default (its link's count); the data version
    and the day fix the audit rows read below."""
    since = date.fromisoformat(since_iso)
    return len(updates_view.updates_since(package.tables, recent_audit, since))


model = cached(overview_model, package, cycle, today().isoformat())
page_header(model.title, model.state)
if model.stale:
    st.warning(model.stale, icon=":material/hourglass_top:")
recent_since = today() - timedelta(days=updates_view.DEFAULT_DAYS)
recent_audit = curated_changes(package, recent_since)
recent = cached(recent_updates, package, recent_since.isoformat())
st.page_link(
    page_target("updates"),
    label=t("overview.updates_link", n=recent, date=format_date(recent_since)),
    icon=":material/new_releases:",
)

for column, (label, value) in zip(st.columns(len(model.metrics)), model.metrics, strict=True):
    column.metric(label, value)

st.subheader(t("overview.milestones"))
# One wrapping row, each milestone as wide as its words: seven columns broke "recommendation"
# in the middle at 1280 px.
with st.container(horizontal=True, key="milestones", gap="medium"):
    for label, when in model.milestones:
        st.container(width="content").markdown(f"**{label}**  \n{when}")
if model.milestones_gap:
    st.caption(model.milestones_gap)

st.subheader(model.cards_title)
# One wrapping row of cards: as many to a line as fit, and on a phone one under the other, in
# reading order (CARD_WIDTH_PX: why the width is set here and in the style).
with st.container(horizontal=True, key="candidacy_cards"):
    for card in model.cards:
        with st.container(border=True, width=CARD_WIDTH_PX):
            for line in card.lines:
                st.markdown(line)
            st.caption(card.source)
            st.page_link(
                page_target("candidate"),
                label=t("candidate.profile_link"),
                icon=":material/person:",
                query_params={"cycle": str(cycle), "candidate": card.person_id},
            )
source_note(package, "candidacies", "cycles")

st.subheader(t("overview.agenda"))
st.markdown(t("overview.agenda_intro"))
for label, summary, asks in model.agenda:  # one under the other: P1 to P8 in order everywhere
    with st.expander(label):
        st.markdown(summary)
        st.markdown(asks)
source_note(package, "priorities", "asks")

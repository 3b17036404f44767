"""What's new: the race's dated events and the curators' changes since a day, newest first."""

import datetime as dt

import streamlit as st

from components.cached import cached
from components.data import curated_changes, get_package
from components.i18n import t, words
from components.layout import page_header
from components.registry import page_target
from components.url_state import url_date
from loaders.clock import today as clock_today
from views import updates as view

package = get_package()
today = clock_today()
since = url_date(
    "since",
    default=today - dt.timedelta(days=view.DEFAULT_DAYS),
    label=t("updates.since"),
    max_value=today,
)


def updates_model(package, since_iso: str) -> view.UpdatesModel:
    """The updates since the day (derived once per data version, day and language, which fix
    the audit rows read below)."""
    return view.updates_model(package.tables, audit_rows, dt.date.fromisoformat(since_iso), words())


audit_rows = curated_changes(package, since)
model = cached(updates_model, package, since.isoformat())

page_header(model.title, model.state)
if model.empty:
    st.info(model.empty, icon=":material/inbox:")

for line, page, params in model.lines:
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.markdown(line)
    right.page_link(page_target(page), label=t("updates.open_view"), query_params=params)
st.caption(t("updates.about"))

"""What's new: the race's dated events and the curators' changes since a day, newest first."""

import datetime as dt

import streamlit as st

from components.cached import cached
from components.data import curated_changes, get_package
from components.i18n import format_date, t
from components.layout import page_header
from components.registry import page_files
from components.url_state import url_date
from loaders.clock import today as clock_today
from views import updates as view
from views.text import md_link, md_text

DETAIL_LIMIT = 160

package = get_package()
today = clock_today()
since = url_date(
    "since",
    default=today - dt.timedelta(days=view.DEFAULT_DAYS),
    label=t("updates.since"),
    max_value=today,
)


def updates_model(package, since_iso: str) -> list:
    """The updates since the day (derived once per data version and day, which fix the audit
    rows read below)."""
    return view.updates_since(package.tables, audit_rows, dt.date.fromisoformat(since_iso))


audit_rows = curated_changes(package, since)
updates = cached(updates_model, package, since.isoformat())

page_header(
    t("updates.title"),
    t("updates.state", n=len(updates), date=format_date(since)),
)
if not updates:
    st.info(t("updates.none", date=format_date(since)), icon=":material/inbox:")


def line(update) -> str:
    """One update as one line of Markdown (every data value escaped)."""
    words = {
        "subject": md_text(update.subject),
        "detail": md_text(update.detail, DETAIL_LIMIT),
        "table": md_text(update.table),
        "key": md_text(update.key),
    }
    text = t(f"updates.kind_{update.kind}", **words)
    if update.kind == "correction":
        changed = "; ".join(
            t(
                "updates.changed",
                field=md_text(name),
                old=md_text(old or "—", 60),
                new=md_text(new or "—", 60),
            )
            for name, old, new in update.changes
        )
        text += " " + t("updates.correction_detail", changes=changed or "—")
    if update.reason and update.kind in ("correction", "retired", "restored", "checked"):
        text += " " + t("updates.because", reason=md_text(update.reason, DETAIL_LIMIT))
    source = f" · {md_link(update.source_url, t('common.source'))}" if update.source_url else ""
    return f"**{format_date(update.day)}** · {text}{source}"


files = page_files()
for update in updates:
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.markdown(line(update))
    right.page_link(
        files[update.page],
        label=t("updates.open_view"),
        query_params=update.params,
    )
st.caption(t("updates.about"))

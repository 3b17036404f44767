"""Curators' editor: log in, add, edit, retire or restore rows (validated, audited, no lost
updates), enter a straw poll in one form, import CSV, mark tables and cycles checked, review
assessments (two-person rule), and read the audit trail."""

import streamlit as st

from components import curate_forms as forms
from components import curate_tools as tools
from components.auth import login_gate
from components.data import db_status, get_package
from components.i18n import t
from components.layout import page_header
from components.url_state import declare_keys, url_choice
from store import WRITE_ROLES, open_store
from views import curate as view

SEEN = "_curate_table_seen"

declare_keys("table", "item", "since")
package = get_package()
store, state = None, None
if db_status() == "database":
    try:
        store = open_store()
        state = store.state()
    except Exception:  # the readers already fell back to the files; say so here too
        store = None

if state is None:
    page_header(t("curate.title"), t("curate.state_unavailable"))
else:
    page_header(t("curate.title"), t("curate.state", n=state.edits, version=state.data_version))
    if state.files_diverged:
        st.warning(t("curate.files_diverged"))

actor = login_gate()
if actor is not None and not actor.has(WRITE_ROLES):
    st.warning(t("curate.no_role"))
    actor = None
if actor is not None and store is None:
    st.error(t("curate.db_needed"))
    actor = None

if actor is not None:
    editor = forms.Editor(store, actor, package)
    seen = st.session_state.get(SEEN)
    if seen and st.query_params.get("table", "statements") != seen and "item" in st.query_params:
        del st.query_params["item"]  # another table: the old item would be a bad value there
    pending = forms.pending_item()
    if pending:
        st.query_params["item"] = pending
    table = url_choice(
        "table",
        view.editor_tables(store.editable),
        default="statements",
        label=t("curate.table"),
        container=st,
    )
    st.session_state[SEEN] = table
    rows = forms.stored_rows(editor, table)
    item = url_choice(
        "item",
        [view.NEW, *view.item_keys(rows, package.descriptor.resource(table))],
        default=view.NEW,
        label=t("curate.item"),
        container=st,
        format_func=lambda k: t("curate.new_item") if k == view.NEW else k,
    )
    tabs = st.tabs(
        [
            t("curate.tab_edit"),
            t("curate.tab_poll"),
            t("curate.tab_import"),
            t("curate.tab_checked"),
            t("curate.tab_review"),
            t("curate.tab_history"),
        ]
    )
    with tabs[0]:
        forms.edit_section(editor, table, item, rows)
        forms.retire_section(editor, table, item, rows)
    with tabs[1]:
        tools.poll_section(editor)
    with tabs[2]:
        tools.import_section(editor, table)
    with tabs[3]:
        tools.checked_section(editor)
    with tabs[4]:
        tools.review_section(editor)
    with tabs[5]:
        tools.history_section(editor, table, item)

"""The curators' other tabs: a whole straw poll in one form, CSV import, "checked up to a day",
the review of assessments (two-person rule) and the audit trail. See `components.curate_forms`."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.curate_forms import (
    DATE_MAX,
    DATE_MIN,
    Editor,
    show_failure,
    show_problems,
    stored_rows,
)
from components.i18n import t
from components.url_state import url_date
from loaders.clock import today as clock_today
from store import (
    REVIEW_ROLES,
    changes_since,
    history,
    import_csv,
    mark_checked,
    review_assessment,
    save_row,
    save_rows,
)
from views import curate as view
from views.text import md_text

__all__ = [
    "checked_section",
    "history_section",
    "import_section",
    "poll_section",
    "review_section",
]


def import_section(editor: Editor, table: str) -> None:
    if table == "assessments":
        st.info(t("curate.import_no_assessments"))
        return
    st.markdown(t("curate.import_intro", table=table))
    upload = st.file_uploader(
        t("curate.import_file", table=table), type=["csv"], key="curate_import_file"
    )
    reason = st.text_input(t("curate.reason"), key="curate_import_reason")
    evidence = st.text_input(t("curate.evidence_url"), key="curate_import_evidence")
    if st.button(t("curate.import_submit"), key="curate_import", disabled=upload is None):
        result = import_csv(
            editor.store,
            table,
            upload.getvalue(),
            actor=editor.actor,
            reason=reason,
            evidence_url=evidence or None,
        )
        if result.ok:
            st.success(t("curate.import_done", n=len(result.keys), table=table))
        else:
            show_problems(result, "curate.import_failed")


def poll_section(editor: Editor) -> None:
    """A whole straw poll in one form: one row per candidacy still in the race that day."""
    package = editor.package
    st.markdown(t("curate.poll_intro"))
    left, right = st.columns(2)
    cycle = int(left.selectbox(t("common.cycle"), view.poll_cycles(package.tables), key="sp_cycle"))
    day = right.date_input(
        t("curate.poll_date"), key="sp_date", min_value=DATE_MIN, max_value=DATE_MAX
    )
    form = view.poll_form(package.tables, stored_rows(editor, "straw_polls"), cycle, day)
    number = form.number
    st.markdown(t("curate.poll_number", n=number, cycle=cycle, date=day.isoformat()))
    if not form.people:
        st.info(t("curate.poll_nobody", cycle=cycle, date=day.isoformat()))
        return
    people = [pid for pid, _ in form.people]
    names = dict(form.people)
    labels = [*(t(f"curate.poll_{c}") for c in view.POLL_COUNTS), t("curate.poll_row_source")]
    with st.form(key="curate_poll_form"):
        st.caption(t("curate.poll_help"))
        for person_id, name in form.people:
            cols = st.columns([2, 1, 1, 1, 3])
            cols[0].markdown(f"**{md_text(name)}**")
            for col, column, label in zip(
                cols[1:], (*view.POLL_COUNTS, "source_url"), labels, strict=True
            ):
                col.text_input(label, key=f"sp_{person_id}_{column}")
        st.text_input(t("curate.poll_source"), key="sp_source")
        columns = {f.name for f in package.descriptor.resource("straw_polls").fields}
        if "note" in columns:
            st.text_input(t("curate.poll_note"), key="sp_note")
        if "number_reported" in columns:
            st.checkbox(t("curate.poll_unnumbered"), key="sp_unnumbered")
        st.text_input(t("curate.reason"), key="sp_reason")
        submitted = st.form_submit_button(t("curate.poll_save"), key="sp_save")
    if not submitted:
        return
    counts = {
        pid: {c: st.session_state.get(f"sp_{pid}_{c}") for c in (*view.POLL_COUNTS, "source_url")}
        for pid in people
    }
    rows = view.poll_rows(
        cycle,
        number,
        day,
        counts,
        st.session_state.get("sp_source") or "",
        st.session_state.get("sp_note") or "",
        # Ticked: no source gives the Council's number (empty, not "true", when it is not ticked).
        False if st.session_state.get("sp_unnumbered") else None,
    )
    result = save_rows(
        editor.store,
        "straw_polls",
        rows,
        actor=editor.actor,
        reason=st.session_state.get("sp_reason", ""),
    )
    if result.ok:
        st.success(t("curate.poll_saved", n=len(rows), number=number, cycle=cycle))
    else:
        line_person = dict(zip(result.lines, people, strict=False))
        for p in result.problems:
            who = names.get(line_person.get(p.line), "") if p.line else ""
            st.error(
                f"{md_text(who)} {md_text(p.column or '')}: {md_text(p.message)}",
                icon=":material/warning:",
            )
        st.error(t("curate.not_saved", n=len(result.problems)), icon=":material/warning:")


def checked_section(editor: Editor) -> None:
    """Mark a cycle (its as-of day, which the overview's staleness notice reads) or a table as
    checked up to a day."""
    st.markdown(t("curate.checked_intro"))
    today = clock_today()
    cycle_rows = {r["cycle"]: r for r in stored_rows(editor, "cycles")}
    with st.form(key="curate_checked_cycle_form"):
        st.markdown(f"**{t('curate.checked_cycle')}**")
        cycle = st.selectbox(t("common.cycle"), sorted(cycle_rows, reverse=True), key="ck_cycle")
        day = st.date_input(
            t("curate.checked_day"), value=today, key="ck_cycle_day", max_value=today
        )
        reason = st.text_input(t("curate.reason"), key="ck_cycle_reason")
        cycle_submitted = st.form_submit_button(t("curate.checked_save"), key="ck_cycle_save")
    if cycle_submitted:
        row = cycle_rows[cycle]
        result = save_row(
            editor.store,
            "cycles",
            {**row, "as_of": day.isoformat()},
            actor=editor.actor,
            reason=reason,
            expected_version=row["row_version"],
        )
        if result.ok:
            st.success(t("curate.checked_done", what=cycle, date=day.isoformat()))
        else:
            show_problems(result, "curate.not_saved")
    names = [r.name for r in editor.package.descriptor.resources]
    with st.form(key="curate_checked_table_form"):
        st.markdown(f"**{t('curate.checked_table')}**")
        name = st.selectbox(t("curate.table"), names, key="ck_table")
        day = st.date_input(
            t("curate.checked_day"), value=today, key="ck_table_day", max_value=today
        )
        reason = st.text_input(t("curate.reason"), key="ck_table_reason")
        table_submitted = st.form_submit_button(t("curate.checked_save"), key="ck_table_save")
    if table_submitted:
        result = mark_checked(editor.store, name, day, actor=editor.actor, reason=reason)
        if result.ok:
            st.success(t("curate.checked_done", what=name, date=day.isoformat()))
        else:
            show_problems(result, "curate.not_saved")


def review_section(editor: Editor) -> None:
    actor = editor.actor
    if not actor.has(REVIEW_ROLES):
        st.info(t("curate.review_needs_role"))
        return
    st.markdown(t("curate.review_intro"))
    waiting = view.awaiting_review(stored_rows(editor, "assessments"), actor.user)
    if not waiting:
        st.info(t("curate.review_none"))
        return
    by_id = {r["assessment_id"]: r for r in waiting}
    picked = st.selectbox(t("curate.review_pick"), list(by_id), key="curate_review_item")
    row = by_id[picked]
    fields = [f.name for f in editor.package.descriptor.resource("assessments").fields]
    st.dataframe(
        view.field_values_frame(fields, row, t("curate.col_field"), t("curate.col_value")),
        hide_index=True,
        width="stretch",
    )
    reason = st.text_input(t("curate.review_reason"), key="curate_review_reason")
    if st.button(t("curate.review_submit"), key="curate_review"):
        result = review_assessment(
            editor.store, picked, actor=actor, expected_version=row["row_version"], reason=reason
        )
        if result.ok:
            st.success(t("curate.review_done", key=picked))
        else:
            show_failure(result, row["row_version"], "curate.invalid")


def history_section(editor: Editor, table: str, item: str) -> None:
    if item != view.NEW:
        st.subheader(t("curate.history_of", table=table, key=item))
        rows = history(editor.store, table, item)
        if rows:
            st.dataframe(view.audit_frame(rows), hide_index=True, width="stretch")
        else:
            st.caption(t("curate.no_history"))
    today = clock_today()
    since = url_date(
        "since",
        default=today - dt.timedelta(days=30),
        label=t("curate.since"),
        max_value=today,
        container=st,
    )
    changed = changes_since(editor.store, since)
    if changed:
        st.markdown(t("curate.since_count", n=len(changed), date=since.isoformat()))
        st.dataframe(view.audit_frame(changed), hide_index=True, width="stretch")
    else:
        st.caption(t("curate.since_none", date=since.isoformat()))

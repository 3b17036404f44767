"""Curators' editor: log in, add, edit, retire or restore rows (validated, audited, no lost
updates), enter a straw poll in one form, import CSV, mark tables and cycles checked, review
assessments (two-person rule), and read the audit trail."""

import datetime as dt

import polars as pl
import streamlit as st

from components.auth import login_gate
from components.data import db_status, get_package
from components.i18n import t
from components.layout import page_header
from components.url_state import declare_keys, url_choice, url_date
from loaders.clock import today as clock_today
from store import (
    REVIEW_ROLES,
    WRITE_ROLES,
    changes_since,
    history,
    import_csv,
    key_text,
    mark_checked,
    open_store,
    review_assessment,
    save_row,
    save_rows,
    set_retired,
)
from views import curate as view
from views.text import md_text

NEW = "new"
DATE_MIN, DATE_MAX = dt.date(1945, 1, 1), dt.date(2100, 12, 31)
RESULT, LOADED, VERSION, PENDING, FLASH, SEEN = (
    "_curate_result",
    "_curate_loaded",
    "_curate_version",
    "_curate_pending_item",
    "_curate_flash",
    "_curate_table_seen",
)

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
    page_header(t("curate.title"), t("curate.state", edits=state.edits, version=state.data_version))
    if state.files_diverged:
        st.warning(t("curate.files_diverged"))

actor = login_gate()
if actor is not None and not actor.has(WRITE_ROLES):
    st.warning(t("curate.no_role"))
    actor = None
if actor is not None and store is None:
    st.error(t("curate.db_needed"))
    actor = None


def widget_key(table: str, name: str) -> str:
    return f"cf_{table}_{name}"


def stored_rows(table: str) -> list[dict]:
    with store.engine.connect() as conn:
        return store.rows(conn, table)


def load_form(table: str, specs: list, row: dict | None, pattern_ids: list[str]) -> None:
    """Put a stored row (or a blank new row) into the form's widgets."""
    values = view.widgets_from_cells(specs, row)
    resource = package.descriptor.resource(table)
    if row is None and len(resource.primary_key) == 1:
        key_name = resource.primary_key[0]
        values[key_name] = view.next_id(pattern_ids, resource.field(key_name).pattern)
    for spec in specs:
        value = values[spec.name]
        if spec.kind == "select" and not spec.required and value is None:
            value = ""
        st.session_state[widget_key(table, spec.name)] = value
    st.session_state["curate_reason"] = ""
    st.session_state["curate_evidence"] = ""
    st.session_state[VERSION] = row["row_version"] if row else None


def on_save(table: str, item: str, specs: list) -> None:
    """Form callback: save, and remember the outcome for this run to show beside the fields."""
    values = view.cells_from_widgets(
        specs, {s.name: st.session_state.get(widget_key(table, s.name)) for s in specs}
    )
    result = save_row(
        store,
        table,
        values,
        actor=actor,
        reason=st.session_state.get("curate_reason", ""),
        evidence_url=st.session_state.get("curate_evidence") or None,
        expected_version=None if item == NEW else st.session_state.get(VERSION),
    )
    st.session_state[RESULT] = (table, item, result)
    if result.ok:
        st.session_state[LOADED] = None
        st.session_state[PENDING] = result.keys[0]
        st.session_state[FLASH] = t(
            "curate.saved", table=table, key=result.keys[0], version=result.row_versions[0]
        )


def reload_current() -> None:
    st.session_state[LOADED] = None
    st.session_state.pop(RESULT, None)


def render_field(table: str, spec, disabled: bool, errors: list[str]) -> None:
    label = spec.name + (" *" if spec.required else "")
    key = widget_key(table, spec.name)
    if spec.kind == "select":
        options = list(spec.options) if spec.required else ["", *spec.options]
        st.selectbox(label, options, key=key, index=None, help=spec.help, disabled=disabled)
    elif spec.kind == "date":
        st.date_input(
            label,
            key=key,
            value=None,
            min_value=DATE_MIN,  # the default window (ten years back) would refuse 2016 dates
            max_value=DATE_MAX,
            help=spec.help,
            disabled=disabled,
        )
    elif spec.kind == "bool":
        st.checkbox(label, key=key, help=spec.help, disabled=disabled)
    elif spec.kind == "textarea":
        st.text_area(label, key=key, help=spec.help, disabled=disabled, height=90)
    else:
        st.text_input(label, key=key, help=spec.help, disabled=disabled)
    for message in errors:
        st.error(f"{spec.name}: {message}", icon=":material/warning:")


def edit_section(table: str, item: str, rows: list[dict]) -> None:
    resource = package.descriptor.resource(table)
    specs = view.field_specs(resource, view.lookup_values(package.tables))
    pk = resource.primary_key
    current = next((r for r in rows if key_text(r, pk) == item), None)
    if st.session_state.get(LOADED) != (table, item):
        ids = [r[pk[0]] for r in rows] if len(pk) == 1 else []
        load_form(table, specs, current, ids)
        st.session_state[LOADED] = (table, item)
        st.session_state.pop(RESULT, None)
    if FLASH in st.session_state:
        st.success(st.session_state.pop(FLASH))
    version = st.session_state.get(VERSION)
    if item == NEW:
        st.markdown(t("curate.editing_new", table=table))
    else:
        st.markdown(t("curate.editing_row", table=table, key=item, version=version))
    if table == "assessments":
        st.info(t("curate.assessment_note"), icon=":material/info:")
        if current:
            shown = ", ".join(f"{n} = {current[n] or '—'}" for n in view.SYSTEM_FIELDS[table])
            st.caption(t("curate.system_fields", values=shown))

    outcome = st.session_state.get(RESULT)
    result = outcome[2] if outcome and outcome[:2] == (table, item) else None
    errors = result.field_problems() if result and not result.ok else {}
    if result is not None and not result.ok:
        if result.conflict_missing:
            st.error(t("curate.conflict_missing"))
        elif result.conflict is not None:
            st.error(
                t("curate.conflict", mine=version, theirs=result.conflict["row_version"]),
                icon=":material/warning:",
            )
            st.markdown(f"**{t('curate.current_values')}**")
            st.dataframe(
                pl.DataFrame(
                    {
                        t("curate.col_field"): [s.name for s in specs],
                        t("curate.col_value"): [result.conflict.get(s.name) for s in specs],
                    }
                ),
                hide_index=True,
                width="stretch",
            )
            st.button(t("curate.load_current"), key="curate_load_current", on_click=reload_current)
        else:
            st.error(t("curate.invalid", n=len(result.problems)), icon=":material/warning:")
            line = result.lines[0] if result.lines else None
            elsewhere = [
                p
                for p in result.problems
                if not (p.resource == table and p.line == line and p.column)
                and p.column not in ("reason", "evidence_url")
            ]
            if elsewhere:
                st.markdown(t("curate.other_problems"))
                st.dataframe(view.problems_frame(elsewhere), hide_index=True, width="stretch")

    with st.form(key=f"curate_form_{table}"):
        columns = st.columns(2)
        for i, spec in enumerate(s for s in specs if not s.system):
            with columns[i % 2]:
                render_field(table, spec, spec.key_field and item != NEW, errors.get(spec.name, []))
        st.text_input(t("curate.reason"), key="curate_reason")
        for message in errors.get("reason", []):
            st.error(message, icon=":material/warning:")
        st.text_input(t("curate.evidence_url"), key="curate_evidence")
        for message in errors.get("evidence_url", []):
            st.error(message, icon=":material/warning:")
        st.form_submit_button(
            t("curate.save"), key="curate_save", on_click=on_save, args=(table, item, specs)
        )


def show_problems(result, message_key: str) -> None:
    st.error(t(message_key, n=len(result.problems)), icon=":material/warning:")
    st.dataframe(view.problems_frame(result.problems), hide_index=True, width="stretch")


def show_failure(result, mine: int, problems_key: str) -> None:
    """A refused write: the conflict (row changed or gone since it was read) or the problems."""
    if result.conflict_missing:
        st.error(t("curate.conflict_missing"))
    elif result.conflict is not None:
        st.error(t("curate.conflict", mine=mine, theirs=result.conflict["row_version"]))
    else:
        show_problems(result, problems_key)


def import_section(table: str) -> None:
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
            store,
            table,
            upload.getvalue(),
            actor=actor,
            reason=reason,
            evidence_url=evidence or None,
        )
        if result.ok:
            st.success(t("curate.import_done", n=len(result.keys), table=table))
        else:
            show_problems(result, "curate.import_failed")


def retire_section(table: str, item: str, rows: list[dict]) -> None:
    """Retire the current row (off the public pages, kept with its history) or restore it."""
    pk = package.descriptor.resource(table).primary_key
    current = next((r for r in rows if key_text(r, pk) == item), None)
    if current is None:
        return
    with store.engine.connect() as conn:
        retirement = store.retired_keys(conn, table).get(item)
    st.subheader(t("curate.retire_title"))
    if retirement:
        st.warning(t("curate.retired_state", at=retirement["at"], reason=retirement["reason"]))
    else:
        st.caption(t("curate.retire_intro"))
    with st.form(key="curate_retire_form"):
        reason = st.text_input(t("curate.reason"), key="curate_retire_reason")
        label = t("curate.restore") if retirement else t("curate.retire")
        submitted = st.form_submit_button(label, key="curate_retire")
    if submitted:
        result = set_retired(
            store,
            table,
            item,
            retire=not retirement,
            actor=actor,
            reason=reason,
            expected_version=current["row_version"],
        )
        if result.ok:
            st.session_state[LOADED] = None
            st.session_state[FLASH] = t(
                "curate.restored" if retirement else "curate.retired", table=table, key=item
            )
            st.rerun()
        else:
            show_failure(result, current["row_version"], "curate.retire_failed")


def poll_section() -> None:
    """A whole straw poll in one form: one row per candidacy still in the race that day."""
    st.markdown(t("curate.poll_intro"))
    cycles = [str(c) for c in sorted(package["cycles"]["cycle"].to_list(), reverse=True)]
    left, right = st.columns(2)
    cycle = int(left.selectbox(t("common.cycle"), cycles, key="sp_cycle"))
    day = right.date_input(
        t("curate.poll_date"), key="sp_date", min_value=DATE_MIN, max_value=DATE_MAX
    )
    number = view.next_poll_number(stored_rows("straw_polls"), cycle)
    running = view.in_race(package["candidacies"], cycle, day)
    names = dict(package["people"].select("person_id", "name").iter_rows())
    st.markdown(t("curate.poll_number", n=number, cycle=cycle, date=day.isoformat()))
    if running.is_empty():
        st.info(t("curate.poll_nobody", cycle=cycle, date=day.isoformat()))
        return
    people = running["person_id"].to_list()
    labels = [*(t(f"curate.poll_{c}") for c in view.POLL_COUNTS), t("curate.poll_row_source")]
    with st.form(key="curate_poll_form"):
        st.caption(t("curate.poll_help"))
        for person_id in people:
            cols = st.columns([2, 1, 1, 1, 3])
            cols[0].markdown(f"**{md_text(names.get(person_id, person_id))}**")
            for col, column, label in zip(
                cols[1:], (*view.POLL_COUNTS, "source_url"), labels, strict=True
            ):
                col.text_input(label, key=f"sp_{person_id}_{column}")
        st.text_input(t("curate.poll_source"), key="sp_source")
        if "note" in {f.name for f in package.descriptor.resource("straw_polls").fields}:
            st.text_input(t("curate.poll_note"), key="sp_note")
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
    )
    result = save_rows(
        store, "straw_polls", rows, actor=actor, reason=st.session_state.get("sp_reason", "")
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


def checked_section() -> None:
    """Mark a cycle (its as-of day, which the overview's staleness notice reads) or a table as
    checked up to a day."""
    st.markdown(t("curate.checked_intro"))
    today = clock_today()
    cycle_rows = {r["cycle"]: r for r in stored_rows("cycles")}
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
            store,
            "cycles",
            {**row, "as_of": day.isoformat()},
            actor=actor,
            reason=reason,
            expected_version=row["row_version"],
        )
        if result.ok:
            st.success(t("curate.checked_done", what=cycle, date=day.isoformat()))
        else:
            show_problems(result, "curate.not_saved")
    names = [r.name for r in package.descriptor.resources]
    with st.form(key="curate_checked_table_form"):
        st.markdown(f"**{t('curate.checked_table')}**")
        name = st.selectbox(t("curate.table"), names, key="ck_table")
        day = st.date_input(
            t("curate.checked_day"), value=today, key="ck_table_day", max_value=today
        )
        reason = st.text_input(t("curate.reason"), key="ck_table_reason")
        table_submitted = st.form_submit_button(t("curate.checked_save"), key="ck_table_save")
    if table_submitted:
        result = mark_checked(store, name, day, actor=actor, reason=reason)
        if result.ok:
            st.success(t("curate.checked_done", what=name, date=day.isoformat()))
        else:
            show_problems(result, "curate.not_saved")


def review_section() -> None:
    if not actor.has(REVIEW_ROLES):
        st.info(t("curate.review_needs_role"))
        return
    st.markdown(t("curate.review_intro"))
    waiting = [
        r
        for r in stored_rows("assessments")
        if r["status"] == "provisional" and r["curator"] != actor.user
    ]
    if not waiting:
        st.info(t("curate.review_none"))
        return
    by_id = {r["assessment_id"]: r for r in waiting}
    picked = st.selectbox(t("curate.review_pick"), list(by_id), key="curate_review_item")
    row = by_id[picked]
    fields = [f.name for f in package.descriptor.resource("assessments").fields]
    st.dataframe(
        pl.DataFrame(
            {t("curate.col_field"): fields, t("curate.col_value"): [row[f] for f in fields]}
        ),
        hide_index=True,
        width="stretch",
    )
    reason = st.text_input(t("curate.review_reason"), key="curate_review_reason")
    if st.button(t("curate.review_submit"), key="curate_review"):
        result = review_assessment(
            store, picked, actor=actor, expected_version=row["row_version"], reason=reason
        )
        if result.ok:
            st.success(t("curate.review_done", key=picked))
        else:
            show_failure(result, row["row_version"], "curate.invalid")


def history_section(table: str, item: str) -> None:
    if item != NEW:
        st.subheader(t("curate.history_of", table=table, key=item))
        rows = history(store, table, item)
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
    changed = changes_since(store, since)
    if changed:
        st.markdown(t("curate.since_count", n=len(changed), date=since.isoformat()))
        st.dataframe(view.audit_frame(changed), hide_index=True, width="stretch")
    else:
        st.caption(t("curate.since_none", date=since.isoformat()))


if actor is not None:
    seen = st.session_state.get(SEEN)
    if seen and st.query_params.get("table", "statements") != seen and "item" in st.query_params:
        del st.query_params["item"]  # another table: the old item would be a bad value there
    pending = st.session_state.pop(PENDING, None)
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
    rows = stored_rows(table)
    pk = package.descriptor.resource(table).primary_key
    item = url_choice(
        "item",
        [NEW, *[key_text(r, pk) for r in rows]],
        default=NEW,
        label=t("curate.item"),
        container=st,
        format_func=lambda k: t("curate.new_item") if k == NEW else k,
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
        edit_section(table, item, rows)
        retire_section(table, item, rows)
    with tabs[1]:
        poll_section()
    with tabs[2]:
        import_section(table)
    with tabs[3]:
        checked_section()
    with tabs[4]:
        review_section()
    with tabs[5]:
        history_section(table, item)

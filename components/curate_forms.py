"""The curators' edit form: one item of a table in widgets generated from the schema, saved with
a reason (validated, audited, refused on a conflict), and retired or restored.

`app_pages/curate.py` picks the table and the item and passes an `Editor` (the store, the logged-in
curator, the package); `components.curate_tools` holds the other tabs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from components.i18n import t
from loaders import Package
from store import Actor, Store, save_row, set_retired
from views import curate as view

__all__ = [
    "DATE_MIN",
    "DATE_MAX",
    "Editor",
    "edit_section",
    "pending_item",
    "retire_section",
    "show_failure",
    "show_problems",
    "stored_rows",
]

DATE_MIN, DATE_MAX = dt.date(1945, 1, 1), dt.date(2100, 12, 31)
RESULT, LOADED, VERSION, PENDING, FLASH = (
    "_curate_result",
    "_curate_loaded",
    "_curate_version",
    "_curate_pending_item",
    "_curate_flash",
)


@dataclass(frozen=True)
class Editor:
    """Who edits what: the curators' database, the logged-in curator, the package read."""

    store: Store
    actor: Actor
    package: Package


def stored_rows(editor: Editor, table: str) -> list[dict]:
    with editor.store.engine.connect() as conn:
        return editor.store.rows(conn, table)


def pending_item() -> str | None:
    """The key of the row just saved (the page puts it in the URL), once."""
    return st.session_state.pop(PENDING, None)


def widget_key(table: str, name: str) -> str:
    return f"cf_{table}_{name}"


def _load_form(model: view.EditorModel) -> None:
    """Put a stored row (or a blank new row) into the form's widgets."""
    for spec in model.specs:
        st.session_state[widget_key(model.table, spec.name)] = model.form[spec.name]
    st.session_state["curate_reason"] = ""
    st.session_state["curate_evidence"] = ""
    st.session_state[VERSION] = model.version


def _on_save(editor: Editor, table: str, item: str, specs: tuple) -> None:
    """Form callback: save, and remember the outcome for this run to show beside the fields."""
    values = view.cells_from_widgets(
        list(specs), {s.name: st.session_state.get(widget_key(table, s.name)) for s in specs}
    )
    result = save_row(
        editor.store,
        table,
        values,
        actor=editor.actor,
        reason=st.session_state.get("curate_reason", ""),
        evidence_url=st.session_state.get("curate_evidence") or None,
        expected_version=None if item == view.NEW else st.session_state.get(VERSION),
    )
    st.session_state[RESULT] = (table, item, result)
    if result.ok:
        st.session_state[LOADED] = None
        st.session_state[PENDING] = result.keys[0]
        st.session_state[FLASH] = t(
            "curate.saved", table=table, key=result.keys[0], version=result.row_versions[0]
        )


def _reload_current() -> None:
    st.session_state[LOADED] = None
    st.session_state.pop(RESULT, None)


def _field(table: str, spec: view.FieldSpec, disabled: bool, errors: list[str]) -> None:
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


def _refused(model: view.EditorModel, result, version) -> None:
    """Why the last save was refused: a conflict (with the stored values) or the problems the
    fields do not show."""
    if result.conflict_missing:
        st.error(t("curate.conflict_missing"))
    elif result.conflict is not None:
        st.error(
            t("curate.conflict", mine=version, theirs=result.conflict["row_version"]),
            icon=":material/warning:",
        )
        st.markdown(f"**{t('curate.current_values')}**")
        names = [s.name for s in model.specs]
        st.dataframe(
            view.field_values_frame(
                names, result.conflict, t("curate.col_field"), t("curate.col_value")
            ),
            hide_index=True,
            width="stretch",
        )
        st.button(t("curate.load_current"), key="curate_load_current", on_click=_reload_current)
    else:
        st.error(t("curate.invalid", n=len(result.problems)), icon=":material/warning:")
        line = result.lines[0] if result.lines else None
        elsewhere = [
            p
            for p in result.problems
            if not (p.resource == model.table and p.line == line and p.column)
            and p.column not in ("reason", "evidence_url")
        ]
        if elsewhere:
            st.markdown(t("curate.other_problems"))
            st.dataframe(view.problems_frame(elsewhere), hide_index=True, width="stretch")


def edit_section(editor: Editor, table: str, item: str, rows: list[dict]) -> None:
    """The form of `item` (or of a new row), loaded when the item changes, with the outcome of
    the last save beside the fields it concerns."""
    resource = editor.package.descriptor.resource(table)
    model = view.editor_model(editor.package.tables, resource, rows, item)
    if st.session_state.get(LOADED) != (table, item):
        _load_form(model)
        st.session_state[LOADED] = (table, item)
        st.session_state.pop(RESULT, None)
    if FLASH in st.session_state:
        st.success(st.session_state.pop(FLASH))
    version = st.session_state.get(VERSION)
    if item == view.NEW:
        st.markdown(t("curate.editing_new", table=table))
    else:
        st.markdown(t("curate.editing_row", table=table, key=item, version=version))
    if table == "assessments":
        st.info(t("curate.assessment_note"), icon=":material/info:")
        if model.system_values:
            st.caption(t("curate.system_fields", values=model.system_values))

    outcome = st.session_state.get(RESULT)
    result = outcome[2] if outcome and outcome[:2] == (table, item) else None
    errors = result.field_problems() if result and not result.ok else {}
    if result is not None and not result.ok:
        _refused(model, result, version)

    with st.form(key=f"curate_form_{table}"):
        columns = st.columns(2)
        for i, spec in enumerate(s for s in model.specs if not s.system):
            with columns[i % 2]:
                disabled = spec.key_field and item != view.NEW
                _field(table, spec, disabled, errors.get(spec.name, []))
        st.text_input(t("curate.reason"), key="curate_reason")
        for message in errors.get("reason", []):
            st.error(message, icon=":material/warning:")
        st.text_input(t("curate.evidence_url"), key="curate_evidence")
        for message in errors.get("evidence_url", []):
            st.error(message, icon=":material/warning:")
        st.form_submit_button(
            t("curate.save"),
            key="curate_save",
            on_click=_on_save,
            args=(editor, table, item, model.specs),
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


def retire_section(editor: Editor, table: str, item: str, rows: list[dict]) -> None:
    """Retire the current row (off the public pages, kept with its history) or restore it."""
    resource = editor.package.descriptor.resource(table)
    current = dict(zip(view.item_keys(rows, resource), rows, strict=True)).get(item)
    if current is None:
        return
    with editor.store.engine.connect() as conn:
        retirement = editor.store.retired_keys(conn, table).get(item)
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
            editor.store,
            table,
            item,
            retire=not retirement,
            actor=editor.actor,
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

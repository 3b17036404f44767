"""Every write to the database: permission, validation, optimistic concurrency, audit, version.

A write is one transaction. Its first statement bumps `meta.data_version` (which also serialises
writers), then the whole table with the edit is checked by `loaders.check_tables` together with the
other tables (foreign keys across tables hold); if anything is wrong nothing is written and the
problems come back. Otherwise the row(s), one audit row per changed row and the version bump commit
together — or, after a crash, not at all.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import polars as pl
from sqlalchemy import Connection, Transaction

from loaders import Problem, check_tables
from loaders.clock import today
from loaders.urls import is_http_url
from loaders.validate import too_long
from store.db import Store, bump_version, utc_now
from store.schema import ROW_ORDER, ROW_VERSION, key_text

__all__ = [
    "REVIEW_ROLES",
    "ROLES",
    "WRITE_ROLES",
    "Actor",
    "SaveResult",
    "import_csv",
    "key_text",
    "mark_checked",
    "review_assessment",
    "save_row",
    "save_rows",
    "set_retired",
]

ROLES = ("curator", "reviewer", "admin")  # every curator role (`python -m store add-user --role`)
WRITE_ROLES = frozenset(ROLES)
REVIEW_ROLES = frozenset(ROLES) - {"curator"}
PAUSE_ENV = "TRACKER_TEST_PAUSE_BEFORE_COMMIT"  # testing hook: seconds to sleep before commit
AUDIT_TEXT_MAX = 2000  # reason and evidence URL of an audit row (the schema limits the rest)


@dataclass(frozen=True)
class Actor:
    """Who is writing: a username and their roles."""

    user: str
    roles: tuple[str, ...] = ()

    @classmethod
    def of(cls, user: str | None, roles: str | Iterable[str] | None) -> Actor:
        """An Actor from a username and a role or list of roles (None = none)."""
        if roles is None:
            roles = ()
        elif isinstance(roles, str):
            roles = (roles,)
        return cls(user or "", tuple(roles))

    def has(self, allowed: frozenset[str]) -> bool:
        """True when the actor is named and holds one of the `allowed` roles."""
        return bool(self.user) and bool(allowed.intersection(self.roles))


@dataclass(frozen=True)
class SaveResult:
    """What a write did: `ok`, or the problems / the conflicting stored row. Nothing partial."""

    ok: bool
    problems: tuple[Problem, ...] = ()
    conflict: dict | None = None  # the stored row (with row_version) when the form's was stale
    conflict_missing: bool = False  # the row the form edited no longer exists
    lines: tuple[int, ...] = ()  # validation line of each submitted row (for field messages)
    keys: tuple[str, ...] = ()
    row_versions: tuple[int, ...] = field(default_factory=tuple)

    def field_problems(self, index: int = 0) -> dict[str, list[str]]:
        """Messages per field for submitted row `index` (multi-field rules name each field)."""
        out: dict[str, list[str]] = {}
        line = self.lines[index] if index < len(self.lines) else None
        for p in self.problems:
            if p.line is not None and p.line == line and p.column:
                for name in p.column.split(","):
                    out.setdefault(name, []).append(p.message)
            elif p.line is None and p.column in ("reason", "evidence_url"):
                out.setdefault(p.column, []).append(p.message)
        return out


def _require(actor: Actor, allowed: frozenset[str], what: str) -> None:
    if not isinstance(actor, Actor) or not actor.has(allowed):
        raise PermissionError(
            f"{what} needs a logged-in user with one of the roles {', '.join(sorted(allowed))}"
        )


def _clean(values: dict, fields: list[str]) -> dict[str, str | None]:
    """Every schema field as text or None (blank = missing, as in the CSV)."""
    out = {}
    for name in fields:
        value = values.get(name)
        if value is None:
            out[name] = None
            continue
        text = str(value).strip()
        out[name] = text or None
    return out


def _audit_problems(table: str, reason: str | None, evidence_url: str | None) -> list[Problem]:
    problems = []
    if not (reason or "").strip():
        problems.append(
            Problem(table, None, "reason", "required", "a reason is required for the audit trail")
        )
    if len(reason or "") > AUDIT_TEXT_MAX:
        problems.append(
            Problem(table, None, "reason", "max-length", too_long(reason, AUDIT_TEXT_MAX))
        )
    if len(evidence_url or "") > AUDIT_TEXT_MAX:
        problems.append(
            Problem(
                table, None, "evidence_url", "max-length", too_long(evidence_url, AUDIT_TEXT_MAX)
            )
        )
    elif evidence_url and not is_http_url(evidence_url.strip()):
        problems.append(
            Problem(
                table, None, "evidence_url", "url", f"{evidence_url!r} is not an http(s) address"
            )
        )
    return problems


def _pause_for_tests() -> None:
    seconds = os.environ.get(PAUSE_ENV)
    if seconds:
        print("store: pausing before commit", file=sys.stderr, flush=True)
        time.sleep(float(seconds))


@dataclass(frozen=True)
class _Why:
    """Who writes and why: what every audit row records besides the change itself."""

    actor: Actor
    reason: str
    evidence_url: str | None


@contextmanager
def _locked(store: Store) -> Iterator[tuple[Connection, Transaction]]:
    """A connection in a transaction that holds the write lock (the version bump comes first).

    Committed when the block ends, unless the block rolled it back; rolled back if it raises.
    """
    with store.engine.connect() as conn:
        trans = conn.begin()
        try:
            bump_version(conn, store.tables)  # first statement: the write lock
            yield conn, trans
            if trans.is_active:
                _pause_for_tests()
                trans.commit()
        except BaseException:
            if trans.is_active:
                trans.rollback()
            raise


def _write(
    store: Store, table: str, changes: list[tuple[dict, int | None]], action: str, why: _Why
) -> SaveResult:
    """Apply `changes` (values, expected row_version or None for a new row) all-or-nothing."""
    store.ensure_ready()
    if table not in store.editable:
        raise ValueError(f"{table!r} is not an editable table")
    resource = store.descriptor.resource(table)
    fields = [f.name for f in resource.fields]
    pk = list(resource.primary_key)
    problems = _audit_problems(table, why.reason, why.evidence_url)  # reported with the rest
    sa_table = store.tables.resources[table]
    with _locked(store) as (conn, trans):
        stored = store.rows(conn, table)
        retired = store.retired_keys(conn, table)
        by_key = {tuple(r[k] for k in pk): r for r in stored}
        edited = [dict(r) for r in stored]
        index_of = {tuple(r[k] for k in pk): i for i, r in enumerate(stored)}
        planned = []
        for values, expected in changes:
            row = _clean(values, fields)
            key = tuple(row[k] for k in pk)
            existing = by_key.get(key)
            if expected is not None:
                if existing is None or existing[ROW_VERSION] != expected:
                    trans.rollback()
                    return SaveResult(False, conflict=existing, conflict_missing=existing is None)
                edited[index_of[key]] = {**existing, **row}
            else:
                edited.append(row)
            planned.append((row, existing if expected is not None else None, expected))
        # Validated as readers will see the table: retired rows left out (a retired row's
        # edit is checked when it is restored). `lines` are each row's line in that table.
        shown = [r for r in edited if key_text(r, pk) not in retired or ROW_ORDER not in r]
        line_of = {id(r): i + 2 for i, r in enumerate(shown)}
        lines = []
        for row, _, expected in planned:
            new = expected is None
            target = row if new else edited[index_of[tuple(row[k] for k in pk)]]
            lines.append(line_of.get(id(target)))
            if new and key_text(row, pk) in retired:
                problems.append(
                    Problem(
                        table,
                        line_of[id(row)],
                        ",".join(pk),
                        "retired",
                        f"{key_text(row, pk)} is a retired row: restore it instead",
                    )
                )
        overrides = store.text_frames(conn)
        overrides[table] = store.frame_of(table, shown)
        _, found = check_tables(store.data_dir, store.descriptor, overrides=overrides)
        if found or problems:
            trans.rollback()
            return SaveResult(False, (*problems, *found), lines=tuple(lines))
        next_order = max((r[ROW_ORDER] for r in stored), default=-1) + 1
        at, keys, versions = utc_now(), [], []
        for row, existing, expected in planned:
            key = key_text(row, pk)
            if existing is not None:
                where = [sa_table.c[k] == existing[k] for k in pk]
                done = conn.execute(
                    sa_table.update()
                    .where(*where, sa_table.c[ROW_VERSION] == expected)
                    .values(**row, **{ROW_VERSION: expected + 1})
                )
                if done.rowcount != 1:  # cannot happen under the lock; never write blind
                    trans.rollback()
                    return SaveResult(False, conflict=store.row(table, tuple(row[k] for k in pk)))
                old = {f: existing[f] for f in fields}
                versions.append(expected + 1)
            else:
                conn.execute(
                    sa_table.insert().values(**row, **{ROW_VERSION: 1, ROW_ORDER: next_order})
                )
                next_order += 1
                old = None
                versions.append(1)
            _audit(conn, store, why, at, table, key, action, old, row)
            keys.append(key)
    return SaveResult(True, lines=tuple(lines), keys=tuple(keys), row_versions=tuple(versions))


def save_row(
    store: Store,
    table: str,
    values: dict,
    *,
    actor: Actor,
    reason: str,
    evidence_url: str | None = None,
    expected_version: int | None = None,
) -> SaveResult:
    """Create (`expected_version=None`) or update one row; returns what happened.

    Raises PermissionError unless `actor` is a curator, reviewer or admin. An assessment written
    here is always `provisional`, curated by `actor`, with no reviewer: only `review_assessment`
    (by another person) makes it `reviewed`.
    """
    _require(actor, WRITE_ROLES, "editing")
    if table == "assessments":
        values = {
            **values,
            "status": "provisional",
            "curator": actor.user,
            "reviewer": None,
            "reviewed_on": None,
            "assessed_on": values.get("assessed_on") or today().isoformat(),
        }
    action = "create" if expected_version is None else "update"
    why = _Why(actor, reason, evidence_url)
    return _write(store, table, [(values, expected_version)], action, why)


def save_rows(
    store: Store,
    table: str,
    rows: list[dict],
    *,
    actor: Actor,
    reason: str,
    evidence_url: str | None = None,
) -> SaveResult:
    """Create several rows of one table in one transaction (a straw poll: one row per candidacy),
    all or nothing. Raises PermissionError unless `actor` is a curator, reviewer or admin."""
    _require(actor, WRITE_ROLES, "editing")
    if table == "assessments":
        raise ValueError("assessments are saved one at a time (two-person rule)")
    if not rows:
        return SaveResult(False, (Problem(table, None, None, "rows", "there is nothing to save"),))
    why = _Why(actor, reason, evidence_url)
    return _write(store, table, [(row, None) for row in rows], "create", why)


def _problem(table: str, rule: str, message: str) -> SaveResult:
    return SaveResult(False, (Problem(table, None, None, rule, message),))


def set_retired(
    store: Store,
    table: str,
    key: str,
    *,
    retire: bool,
    actor: Actor,
    reason: str,
    evidence_url: str | None = None,
    expected_version: int,
) -> SaveResult:
    """Retire a row (`retire=True`: left out of the public pages and the export, kept in its table
    and its history) or restore it. Audited, validated as readers will see the data (a row others
    point to cannot be retired; a restored row must be valid), refused when the row changed since
    `expected_version` was read."""
    _require(actor, WRITE_ROLES, "retiring" if retire else "restoring")
    store.ensure_ready()
    if table not in store.editable:
        raise ValueError(f"{table!r} is not an editable table")
    pk = store.descriptor.resource(table).primary_key
    problems = _audit_problems(table, reason, evidence_url)
    sa_table, retired_t = store.tables.resources[table], store.tables.retired
    with _locked(store) as (conn, trans):
        by_key = {key_text(r, pk): r for r in store.rows(conn, table)}
        existing = by_key.get(key)
        if existing is None or existing[ROW_VERSION] != expected_version:
            trans.rollback()
            return SaveResult(False, conflict=existing, conflict_missing=existing is None)
        retired = store.retired_keys(conn, table)
        if retire == (key in retired):
            trans.rollback()
            return _problem(
                table,
                "retired",
                f"{key} is already retired" if retire else f"{key} is not retired",
            )
        gone = (set(retired) | {key}) if retire else (set(retired) - {key})
        overrides = store.text_frames(conn)
        overrides[table] = store.frame_of(table, [r for k, r in by_key.items() if k not in gone])
        _, found = check_tables(store.data_dir, store.descriptor, overrides=overrides)
        if found or problems:
            trans.rollback()
            return SaveResult(False, (*problems, *found))
        at = utc_now()
        if retire:
            conn.execute(
                retired_t.insert().values(
                    table=table, key=key, at=at, user=actor.user, reason=reason.strip()
                )
            )
        else:
            conn.execute(
                retired_t.delete().where(retired_t.c.table == table, retired_t.c.key == key)
            )
        conn.execute(
            sa_table.update()
            .where(*(sa_table.c[k] == existing[k] for k in pk))
            .values({ROW_VERSION: expected_version + 1})
        )
        fields = [f.name for f in store.descriptor.resource(table).fields]
        values = {f: existing[f] for f in fields}
        action, old, new = ("retire", values, None) if retire else ("restore", None, values)
        why = _Why(actor, reason, evidence_url)
        _audit(conn, store, why, at, table, key, action, old, new)
    return SaveResult(True, keys=(key,), row_versions=(expected_version + 1,))


def mark_checked(
    store: Store,
    table: str,
    day: dt.date,
    *,
    actor: Actor,
    reason: str,
    evidence_url: str | None = None,
) -> SaveResult:
    """Mark a table as checked up to `day`: its as-of date on every page, in the downloads and the
    export follows. Audited. (A cycle is marked by saving its `as_of` in the cycles table.)"""
    _require(actor, WRITE_ROLES, "marking checked")
    store.ensure_ready()
    names = {r.name for r in store.descriptor.resources}
    if table not in names:
        raise ValueError(f"the package has no table {table!r}")
    problems = _audit_problems(table, reason, evidence_url)
    if day > today():
        problems.append(
            Problem(table, None, "as_of", "future", f"{day.isoformat()} is after today")
        )
    if problems:
        return SaveResult(False, tuple(problems))
    checked = store.tables.checked
    with _locked(store) as (conn, trans):
        before = store.checked_as_of(conn).get(table) or store.descriptor.resource(table).as_of
        conn.execute(checked.delete().where(checked.c.table == table))
        at = utc_now()
        conn.execute(
            checked.insert().values(table=table, as_of=day.isoformat(), at=at, user=actor.user)
        )
        old, new = {"as_of": before}, {"as_of": day.isoformat()}
        why = _Why(actor, reason, evidence_url)
        _audit(conn, store, why, at, table, "*", "checked", old, new)
    return SaveResult(True, keys=(table,))


def _audit(conn, store: Store, why: _Why, at, table, key, action, old, new) -> None:
    """One audit row, and one more curator edit counted (in the caller's transaction)."""
    conn.execute(
        store.tables.audit_log.insert().values(
            at=at,
            user=why.actor.user,
            table=table,
            key=key,
            action=action,
            old_value=old,
            new_value=new,
            reason=why.reason.strip(),
            evidence_url=(why.evidence_url or "").strip() or None,
        )
    )
    meta = store.tables.meta
    conn.execute(meta.update().where(meta.c.key == "edits").values(number=meta.c.number + 1))


def review_assessment(
    store: Store,
    assessment_id: str,
    *,
    actor: Actor,
    expected_version: int,
    reason: str = "reviewed",
    evidence_url: str | None = None,
) -> SaveResult:
    """Sign off a provisional assessment: status `reviewed`, reviewer and reviewed_on set.

    Raises PermissionError unless `actor` is a reviewer or admin and not the assessment's curator.
    A stale `expected_version` (the assessment changed since the reviewer read it) is a conflict.
    """
    _require(actor, REVIEW_ROLES, "reviewing")
    current = store.row("assessments", (assessment_id,))
    if current is None:
        return SaveResult(False, conflict=None, conflict_missing=True)
    if current["curator"] == actor.user:
        raise PermissionError("the two-person rule: you cannot review an assessment you curated")
    if current["status"] == "reviewed":
        return SaveResult(
            False,
            (
                Problem(
                    "assessments", None, "status", "review", "this assessment is already reviewed"
                ),
            ),
        )
    values = {
        **current,
        "status": "reviewed",
        "reviewer": actor.user,
        "reviewed_on": today().isoformat(),
    }
    # The curator check above was made on `expected_version`; the write enforces that version.
    if current[ROW_VERSION] != expected_version:
        return SaveResult(False, conflict=current)
    why = _Why(actor, reason, evidence_url)
    return _write(store, "assessments", [(values, expected_version)], "review", why)


def import_csv(
    store: Store,
    table: str,
    data: bytes,
    *,
    actor: Actor,
    reason: str,
    evidence_url: str | None = None,
) -> SaveResult:
    """Add every row of an uploaded CSV to `table`, all or nothing.

    Problems name the uploaded file's line (header = line 1) and column; problems of rows already in
    the database have no line. Assessments cannot be imported (they need the two-person review).
    """
    _require(actor, WRITE_ROLES, "importing")
    if table == "assessments" or table not in store.editable:
        raise ValueError(f"{table!r} cannot be imported")
    resource = store.descriptor.resource(table)
    fields = [f.name for f in resource.fields]
    try:
        upload = pl.read_csv(io.BytesIO(data), infer_schema=False, encoding="utf8")
    except Exception as exc:  # polars raises several error types for unreadable CSV
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return SaveResult(False, (Problem(table, None, None, "file", f"not readable CSV: {text}"),))
    problems = [
        Problem(table, 1, name, "column", "column is missing from the file")
        for name in fields
        if name not in upload.columns
    ] + [
        Problem(table, 1, name, "column", "column is not in the schema")
        for name in upload.columns
        if name not in fields
    ]
    if not problems and upload.height == 0:
        problems.append(Problem(table, None, None, "file", "the file has no rows"))
    if problems:
        return SaveResult(False, tuple(problems))
    rows = list(upload.select(fields).iter_rows(named=True))
    why = _Why(actor, reason, evidence_url)
    result = _write(store, table, [(row, None) for row in rows], "import", why)
    if result.ok or not result.lines:
        return result
    upload_line = {line: i + 2 for i, line in enumerate(result.lines)}
    remapped = []
    for p in result.problems:
        if p.resource == table and p.line in upload_line:
            remapped.append(Problem(table, upload_line[p.line], p.column, p.rule, p.message))
        elif p.resource == table and p.line is not None:
            remapped.append(
                Problem(table, None, p.column, p.rule, f"(row already in the database) {p.message}")
            )
        else:
            remapped.append(p)
    return SaveResult(False, tuple(remapped), lines=tuple(range(2, len(rows) + 2)))

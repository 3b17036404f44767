"""Reading the audit trail: one item's history, and everything that changed since a date."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from store.db import Store

__all__ = ["changes_since", "history"]


def _rows(store: Store, *where) -> list[dict]:
    store.ensure_ready()
    log = store.tables.audit_log
    query = sa.select(log).where(*where).order_by(log.c.id)
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def history(store: Store, table: str, key: str) -> list[dict]:
    """Every audit row of one item (`key` as in the log, e.g. 's0001' or '2016/antonio-guterres'),
    oldest first: id, at, user, table, key, action, old_value, new_value, reason, evidence_url."""
    log = store.tables.audit_log
    return _rows(store, log.c.table == table, log.c.key == key)


def changes_since(store: Store, since: dt.date | dt.datetime | str) -> list[dict]:
    """Every audit row at or after `since` (a date means its start, UTC), oldest first."""
    if isinstance(since, dt.datetime):
        bound = since.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    else:
        bound = since.isoformat() if isinstance(since, dt.date) else str(since)
    return _rows(store, store.tables.audit_log.c.at >= bound)

"""What is new, for readers: the race's dated events and the curators' changes since a day.

No Streamlit here. Two sources, one list, newest first:
- the data's own dates (a nomination, a withdrawal, a selection event, a straw poll, a statement,
  a record entry) on or after the day;
- the audit trail (rows added, corrections with what changed and why, rows retired or restored,
  tables checked) since that day. A row added whose own date is already listed is not listed twice.
Each update names the view where it shows (a page's URL path and its query parameters) and a source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

from views.common import changed_fields, country_names
from views.text import md_link, md_text
from views.words import Words

__all__ = [
    "DEFAULT_DAYS",
    "Update",
    "data_updates",
    "audit_updates",
    "updates_since",
    "update_line",
    "UpdatesModel",
    "updates_model",
]

DEFAULT_DAYS = 30
DETAIL_LIMIT = 160  # characters of a detail or a reason shown in a line
# Audit actions readers see, and the kind of update each one is.
AUDIT_KINDS = {
    "create": "added",
    "import": "added",
    "update": "correction",
    "review": "reviewed",
    "retire": "retired",
    "restore": "restored",
    "checked": "checked",
}
# Fields a correction never lists (bookkeeping, not facts).
QUIET_FIELDS = {"row_version", "row_order"}


@dataclass(frozen=True)
class Update:
    """One line of the updates page."""

    day: dt.date
    kind: str  # nomination | state_nominated | state_withdrew | withdrawal | event | poll
    #            | statement | record | added | correction | reviewed | retired | restored | checked
    table: str
    key: str
    subject: str  # who or what it is about (a name, a poll, a table)
    detail: str = ""  # the event's title, the statement's paraphrase, the poll's tally
    page: str = "overview"  # URL path of the view where it shows
    params: dict[str, str] = field(default_factory=dict)
    source_url: str | None = None
    reason: str = ""  # a curator's reason (corrections, retirements)
    changes: tuple[tuple[str, str | None, str | None], ...] = ()  # (field, old, new)


def _first(value) -> str | None:
    """The first source of a cell (lists for multi-source fields, '; '-joined text in the log)."""
    if value is None:
        return None
    if isinstance(value, list | tuple | pl.Series):
        return str(value[0]) if len(value) else None
    return str(value).split(";")[0].strip() or None


def view_of(table: str, row: dict, latest_cycle: dict[str, str]) -> tuple[str, dict[str, str]]:
    """(URL path, query parameters) of the view where a row of `table` shows."""
    cycle = str(row.get("cycle") or "")
    person = str(row.get("person_id") or "")
    if table in ("candidacies", "statements", "searches", "assessments", "nominations"):
        return "candidate", {"cycle": cycle, "candidate": person}
    if table == "straw_polls":
        return "straw-polls", {"cycle": cycle}
    if table == "record_entries":
        return "record", {"person": person}
    if table == "people":
        if person in latest_cycle:
            return "candidate", {"cycle": latest_cycle[person], "candidate": person}
        return "record", {"person": person}
    if table in ("selection_events", "cycles") and cycle:
        return "overview", {"cycle": cycle}
    return "data", {}


def _latest_cycle(tables: dict[str, pl.DataFrame]) -> dict[str, str]:
    latest = tables["candidacies"].group_by("person_id").agg(pl.col("cycle").max())
    return {p: str(c) for p, c in latest.iter_rows()}


def data_updates(tables: dict[str, pl.DataFrame], since: dt.date) -> list[Update]:
    """The race's dated events on or after `since`, from the (typed) package tables."""
    names = dict(tables["people"].select("person_id", "name").iter_rows())
    latest = _latest_cycle(tables)
    out: list[Update] = []

    def add(kind, table, key, day, row, subject, detail=""):
        page, params = view_of(table, row, latest)
        source = _first(row.get("source_url"))
        out.append(Update(day, kind, table, key, subject, detail, page, params, source))

    # Each state's nomination (and withdrawal of it) when the package records them one by one;
    # otherwise the candidacy's nomination date.
    by_state = "nominations" in tables
    if by_state:
        countries = country_names(tables["countries"])
        rows = tables["nominations"].filter(pl.col("date") >= since)
        for row in rows.iter_rows(named=True):
            key = f"{row['cycle']}/{row['person_id']}/{row['state_iso3']}/{row['action']}"
            name = names.get(row["person_id"], row["person_id"])
            state = countries.get(row["state_iso3"], row["state_iso3"])
            kind = "state_nominated" if row["action"] == "nominated" else "state_withdrew"
            add(kind, "nominations", key, row["date"], row, name, state)
    for row in tables["candidacies"].iter_rows(named=True):
        key = f"{row['cycle']}/{row['person_id']}"
        name = names.get(row["person_id"], row["person_id"])
        if not by_state and row["nomination_date"] and row["nomination_date"] >= since:
            add("nomination", "candidacies", key, row["nomination_date"], row, name)
        if row["withdrawal_date"] and row["withdrawal_date"] >= since:
            add("withdrawal", "candidacies", key, row["withdrawal_date"], row, name)
    for row in tables["selection_events"].filter(pl.col("date") >= since).iter_rows(named=True):
        subject = names.get(row["person_id"], "") if row["person_id"] else ""
        add("event", "selection_events", row["event_id"], row["date"], row, subject, row["title"])
    polls = (
        tables["straw_polls"]
        .filter(pl.col("date") >= since)
        .group_by("cycle", "poll_number", "date")
        .agg(pl.col("source_url").first(), pl.len().alias("n"))
    )
    for row in polls.iter_rows(named=True):
        key = f"{row['cycle']}/{row['poll_number']}"
        add("poll", "straw_polls", key, row["date"], row, str(row["poll_number"]), str(row["n"]))
    for row in tables["statements"].filter(pl.col("date") >= since).iter_rows(named=True):
        name = names.get(row["person_id"], row["person_id"])
        paraphrase = row["paraphrase"]
        add("statement", "statements", row["statement_id"], row["date"], row, name, paraphrase)
    for row in tables["record_entries"].filter(pl.col("date") >= since).iter_rows(named=True):
        name = names.get(row["person_id"], row["person_id"])
        add("record", "record_entries", row["entry_id"], row["date"], row, name, row["title"])
    return out


def _group_key(table: str, key: str) -> str:
    """The unit readers see: a straw poll (cycle/number) rather than each candidate's row."""
    return key.rsplit("/", 1)[0] if table == "straw_polls" else key


def audit_updates(
    rows: list[dict], tables: dict[str, pl.DataFrame], listed: set[tuple[str, str]] = frozenset()
) -> list[Update]:
    """Curators' changes (audit rows, oldest first) as updates; `listed` holds (table, key) of the
    data events already shown, whose "added" line would say the same thing again."""
    names = dict(tables["people"].select("person_id", "name").iter_rows())
    latest = _latest_cycle(tables)
    out: dict[tuple, Update] = {}
    for row in rows:
        kind = AUDIT_KINDS.get(row["action"])
        if kind is None or row["user"] == "system":
            continue
        table, key = row["table"], _group_key(row["table"], row["key"])
        if kind == "added" and (table, key) in listed:
            continue
        values = row["new_value"] or row["old_value"] or {}
        day = dt.date.fromisoformat(row["at"][:10])
        if kind == "checked":
            subject, page, params = table, "data", {}
        else:
            page, params = view_of(table, values, latest)
            person = values.get("person_id")
            subject = names.get(person, person) if person else key
        changes, detail = (), ""
        if kind == "correction":
            changes = tuple(
                c
                for c in changed_fields(row["old_value"], row["new_value"])
                if c[0] not in QUIET_FIELDS
            )
            if table == "cycles" and [c[0] for c in changes] == ["as_of"]:
                kind, subject = "checked", key  # a cycle marked as checked up to a day
        if kind == "checked":
            detail = (row["new_value"] or {}).get("as_of") or ""
        source = row.get("evidence_url") or _first(values.get("source_url"))
        group = (day, kind, table, key)
        if group in out:  # one line per straw poll, not per candidate
            continue
        out[group] = Update(
            day, kind, table, key, subject, detail, page, params, source, row["reason"], changes
        )
    return list(out.values())


def updates_since(
    tables: dict[str, pl.DataFrame], audit_rows: list[dict], since: dt.date
) -> list[Update]:
    """Every update since `since`, newest first (the curators' changes before the data events of
    the same day)."""
    events = data_updates(tables, since)
    listed = {(u.table, u.key) for u in events}
    changes = audit_updates(audit_rows, tables, listed)
    order = {"data": 1, "audit": 0}
    tagged = [(u, order["data"]) for u in events] + [(u, order["audit"]) for u in changes]
    tagged.sort(key=lambda pair: (pair[0].day, -pair[1], pair[0].table, pair[0].key), reverse=True)
    return [u for u, _ in tagged]


def update_line(update: Update, words: Words) -> str:
    """One update as one line of Markdown (every data value escaped)."""
    values = {
        "subject": md_text(update.subject),
        "detail": md_text(update.detail, DETAIL_LIMIT),
        "table": md_text(update.table),
        "key": md_text(update.key),
    }
    text = words(f"updates.kind_{update.kind}", **values)
    if update.kind == "correction":
        changed = "; ".join(
            words(
                "updates.changed",
                field=md_text(name),
                old=md_text(old or "—", 60),
                new=md_text(new or "—", 60),
            )
            for name, old, new in update.changes
        )
        text += " " + words("updates.correction_detail", changes=changed or "—")
    if update.reason and update.kind in ("correction", "retired", "restored", "checked"):
        text += " " + words("updates.because", reason=md_text(update.reason, DETAIL_LIMIT))
    source = f" · {md_link(update.source_url, words('common.source'))}" if update.source_url else ""
    return f"**{words.date(update.day)}** · {text}{source}"


@dataclass(frozen=True)
class UpdatesModel:
    """What the updates page shows since a day."""

    title: str
    state: str
    empty: str | None  # the notice when nothing changed
    lines: list[tuple[str, str, dict[str, str]]]  # (Markdown line, page URL path, its parameters)


def updates_model(
    tables: dict[str, pl.DataFrame], audit_rows: list[dict], since: dt.date, words: Words
) -> UpdatesModel:
    """Every update since `since` (data events and the curators' `audit_rows`), newest first."""
    updates = updates_since(tables, audit_rows, since)
    day = words.date(since)
    return UpdatesModel(
        title=words("updates.title"),
        state=words("updates.state", n=len(updates), date=day),
        empty=None if updates else words("updates.none", date=day),
        lines=[(update_line(u, words), u.page, u.params) for u in updates],
    )

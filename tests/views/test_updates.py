"""The updates list: data dates and audit rows become one line each, newest first, with a view."""

import datetime as dt

import polars as pl

from views import updates as view

DAY = dt.date(2026, 3, 1)


def audit(action, table, key, old=None, new=None, at="2026-12-01T10:00:00Z", user="alice"):
    return {"at": at, "user": user, "table": table, "key": key, "action": action,
            "old_value": old, "new_value": new, "reason": "why", "evidence_url": None}  # fmt: skip


def test_data_dates_since_the_day_are_listed_newest_first_with_their_view(package):
    updates = view.updates_since(package.tables, [], DAY)
    assert updates and all(u.day >= DAY for u in updates)
    assert [u.day for u in updates] == sorted((u.day for u in updates), reverse=True)
    for u in updates:
        assert u.page in {"candidate", "straw-polls", "record", "overview", "data"}
        assert u.source_url and u.source_url.startswith("http")


def test_a_correction_says_what_changed_and_a_cycle_check_is_a_check(package):
    old = {"statement_id": "s0001", "cycle": "2016", "person_id": "antonio-guterres",
           "commitment_level": "2"}  # fmt: skip
    rows = [
        audit("update", "statements", "s0001", old, {**old, "commitment_level": "3"}),
        audit(
            "update",
            "cycles",
            "2026",
            {"cycle": "2026", "as_of": "2026-04-21"},
            {"cycle": "2026", "as_of": "2026-12-01"},
        ),  # fmt: skip
        audit("add-column", "statements", "*", user="system"),
    ]
    correction, checked = view.audit_updates(rows, package.tables)
    assert correction.kind == "correction" and correction.changes == (
        ("commitment_level", "2", "3"),
    )
    assert (correction.page, correction.params) == (
        "candidate",
        {"cycle": "2016", "candidate": "antonio-guterres"},
    )
    assert (checked.kind, checked.detail, checked.page) == ("checked", "2026-12-01", "overview")


def test_a_poll_is_one_line_and_an_added_row_already_listed_is_not_repeated(package):
    rows = [
        audit("create", "straw_polls", f"2026/9/{p}", None, {"cycle": "2026", "person_id": p})
        for p in ("macky-sall", "rafael-grossi")
    ] + [audit("create", "statements", "s9999", None, {"cycle": "2026", "person_id": "macky-sall"})]
    (poll, statement) = view.audit_updates(rows, package.tables)
    assert (poll.kind, poll.key, poll.page) == ("added", "2026/9", "straw-polls")
    assert view.audit_updates(rows, package.tables, {("statements", "s9999")}) == [poll]
    assert statement.key == "s9999"


def test_state_nominations_are_listed_one_by_one_when_the_package_has_them(package):
    tables = dict(package.tables)
    tables["nominations"] = pl.DataFrame(  # SYNTHETIC rows (test data)
        {
            "cycle": [2026, 2026],
            "person_id": ["michelle-bachelet", "michelle-bachelet"],
            "state_iso3": ["BRA", "MEX"],
            "action": ["nominated", "withdrew"],
            "date": [dt.date(2026, 3, 5), dt.date(2026, 3, 9)],
            "source_url": [["https://example.org/a"], ["https://example.org/b"]],
        }
    )
    updates = view.data_updates(tables, DAY)
    kinds = {(u.kind, u.detail) for u in updates if u.table == "nominations"}
    assert kinds == {("state_nominated", "Brazil"), ("state_withdrew", "Mexico")}
    assert not [u for u in updates if u.kind == "nomination"]  # the per-state rows say it

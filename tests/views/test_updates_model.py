"""The updates page's view model on a SYNTHETIC race (tests/views/synthetic.py) and SYNTHETIC
audit rows: one Markdown line per update, newest first, each with its view."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.views import synthetic_race as synthetic
from views import updates as view
from views.words import Words

WORDS = Words("en")
SINCE = dt.date(2030, 3, 1)


@pytest.fixture(scope="module")
def tables(package):
    return synthetic.tables(package)


def correction(reason: str) -> dict:
    old = {"statement_id": "s1", "cycle": "2030", "person_id": "ann-test", "commitment_level": "1"}
    return {"at": "2030-08-01T10:00:00Z", "user": "alice", "table": "statements", "key": "s1",
            "action": "update", "old_value": old, "new_value": {**old, "commitment_level": "2"},
            "reason": reason, "evidence_url": None}  # fmt: skip


def test_every_dated_event_since_the_day_is_one_line_newest_first(tables):
    model = view.updates_model(tables, [], SINCE, WORDS)
    events = view.updates_since(tables, [], SINCE)
    assert [page for _, page, _ in model.lines] == [u.page for u in events]
    assert len(model.lines) == len(events) > 0
    assert model.state == WORDS("updates.state", n=len(events), date=WORDS.date(SINCE))
    assert model.empty is None
    days = [u.day for u in events]
    assert days == sorted(days, reverse=True)
    assert model.lines[0][0].startswith(f"**{WORDS.date(days[0])}**")
    withdrew = next(line for line, *_ in model.lines if "Borduria" in line)
    assert withdrew.endswith(f"({synthetic.URL}n3)")


def test_a_correction_says_what_changed_and_why_escaped(tables):
    model = view.updates_model(tables, [correction("typo *fixed*")], SINCE, WORDS)
    line, page, params = model.lines[0]
    assert (page, params) == ("candidate", {"cycle": "2030", "candidate": "ann-test"})
    assert WORDS("updates.because", reason=r"typo \*fixed\*") in line
    assert "commitment" in line and "1" in line and "2" in line


def test_a_quiet_period_says_so(tables):
    later = dt.date(2031, 6, 1)
    model = view.updates_model(tables, [], later, WORDS)
    assert model.lines == []
    assert model.empty == WORDS("updates.none", date=WORDS.date(later))

"""The app's "today": one home (`loaders.clock`), frozen by `$TRACKER_TODAY`, used by every page
and by the store's writes."""

import re
from datetime import date
from pathlib import Path

import pytest

from loaders import clock

REPO = Path(__file__).resolve().parents[2]


def test_the_variable_freezes_today(monkeypatch):
    monkeypatch.setenv(clock.TODAY_ENV, "2026-05-01")
    assert clock.today() == date(2026, 5, 1)


def test_without_the_variable_today_is_the_system_date(monkeypatch):
    monkeypatch.delenv(clock.TODAY_ENV, raising=False)
    assert clock.today() == date.today()


def test_a_malformed_value_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(clock.TODAY_ENV, "next tuesday")
    with pytest.raises(ValueError, match="TRACKER_TODAY='next tuesday' is not a date"):
        clock.today()


def test_pages_and_components_ask_the_clock_not_the_system():
    # (the audit trail's timestamps stay real times: `datetime.now(UTC)` in store/db.py)
    calls = re.compile(r"\bdate\.today\(\)|\bdatetime\.today\(")
    offenders = [
        f"{path.relative_to(REPO)}:{n}"
        for folder in ("app_pages", "components", "views", "store")
        for path in sorted((REPO / folder).glob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if calls.search(line)
    ]
    assert not offenders, f"use loaders.clock.today(): {offenders}"

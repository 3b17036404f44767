"""The staleness rule of the overview (dates chosen by the test, not the clock)."""

from datetime import date

from views import overview as view


def test_days_behind_counts_only_for_an_open_cycle_with_data_older_than_the_limit(package):
    open_cycle = view.cycle_summary(package.tables, 2026)
    finished = view.cycle_summary(package.tables, 2016)
    limit = view.STALE_AFTER_DAYS
    just_fresh = date.fromordinal(open_cycle.as_of.toordinal() + limit)
    assert view.days_behind(open_cycle, just_fresh) is None
    assert view.days_behind(open_cycle, date.fromordinal(just_fresh.toordinal() + 1)) == limit + 1
    assert view.days_behind(finished, date(2099, 1, 1)) is None

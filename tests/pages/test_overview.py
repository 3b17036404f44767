"""Overview page, opened as links and driven by widget key; "today" is frozen by each test that
depends on it."""

from datetime import date, timedelta

import polars as pl
import pytest

from loaders import load_package
from tests.conftest import read_rows, write_rows
from tests.pages.apptest import notices, open_page, texts
from views import overview


def n_candidacies(package, cycle: int) -> int:
    return package["candidacies"].filter(pl.col("cycle") == cycle).height


def names(package, cycle: int) -> set[str]:
    people = (
        package["candidacies"]
        .filter(pl.col("cycle") == cycle)
        .join(package["people"], on="person_id")
    )
    return set(people["name"])


@pytest.fixture
def open_cycle(package, data_copy, monkeypatch) -> tuple[int, date]:
    """(cycle, as-of date) of the newest cycle, still under way: the real one while it has no
    appointee, else a SYNTHETIC copy of the package with its appointment removed."""
    newest = package["cycles"]["cycle"].max()
    tables = package.tables
    if overview.cycle_summary(tables, newest).appointee is not None:
        header, rows = read_rows(data_copy, "cycles")
        for row in rows:
            if row["cycle"] == str(newest):
                row.update(
                    appointee_person_id="", ga_appointment_date="", sc_recommendation_date=""
                )
        write_rows(data_copy, "cycles", header, rows)
        monkeypatch.setenv("TRACKER_DATA_DIR", str(data_copy))
        tables = load_package(data_copy).tables
    summary = overview.cycle_summary(tables, newest)
    assert summary.appointee is None
    return newest, summary.as_of


def test_default_view_is_the_newest_cycle(package):
    at = open_page()
    newest = package["cycles"]["cycle"].max()
    assert at.selectbox(key="cycle").value == str(newest)
    # as read on screen: Markdown escapes removed (the hyphen in "Rodrigues-Birkett" is escaped)
    body = texts(at).replace("\\", "")
    assert f"{n_candidacies(package, newest)} candidacies in the {newest} selection cycle" in body
    assert all(name in body for name in names(package, newest))
    assert "The eight priorities" in body


def test_link_with_cycle_shows_that_cycle(package):
    at = open_page(cycle="2016")
    assert at.selectbox(key="cycle").value == "2016"
    body = texts(at).replace("\\", "")  # as read on screen (Markdown escapes removed)
    assert f"{n_candidacies(package, 2016)} candidacies in the 2016 selection cycle" in body
    assert all(name in body for name in names(package, 2016))
    assert not [name for name in names(package, 2026) - names(package, 2016) if name in body]


def test_changing_the_widget_changes_the_view(package):
    at = open_page()
    at.selectbox(key="cycle").set_value("2016").run()
    assert f"{n_candidacies(package, 2016)} candidacies in the 2016 selection cycle" in texts(at)
    assert at.query_params.get("cycle") in ("2016", ["2016"])


def test_malformed_link_shows_default_with_notice(package):
    at = open_page(cycle="1800", foo="<script>alert(1)</script>")
    assert at.selectbox(key="cycle").value == str(package["cycles"]["cycle"].max())
    text = notices(at)
    assert "cycle" in text and "1800" in text
    assert "foo" in text


def test_an_open_cycle_with_old_data_warns_that_the_race_may_have_moved_on(
    open_cycle, freeze_today
):
    cycle, as_of = open_cycle
    days = overview.STALE_AFTER_DAYS + 1
    freeze_today(as_of + timedelta(days=days))
    (warning,) = [w.value for w in open_page(cycle=str(cycle)).warning]
    assert "this selection is still under way" in warning
    assert f"{as_of.day} {as_of:%b %Y}" in warning and f"{days} days ago" in warning


def test_an_open_cycle_with_fresh_data_has_no_staleness_warning(open_cycle, freeze_today):
    cycle, as_of = open_cycle
    freeze_today(as_of + timedelta(days=overview.STALE_AFTER_DAYS))
    assert not [w.value for w in open_page(cycle=str(cycle)).warning]


def test_a_finished_cycle_has_no_staleness_warning(freeze_today):
    freeze_today(date(2099, 1, 1))
    assert not [w.value for w in open_page(cycle="2016").warning]


def test_cards_and_priorities_read_in_order_when_columns_stack(package):
    """Cards and priorities are laid out a row at a time: in the page's order (the order a phone
    stacks them in) they come 1, 2, 3, … — never column by column (P1, P3, P5, …)."""
    at = open_page("overview", cycle="2016")
    headings = [str(m.value) for m in at.markdown if str(m.value).startswith("### ")]
    expected = overview.candidacy_rows(package.tables, 2016)["name"].to_list()
    assert [h.removeprefix("### ").replace("\\", "") for h in headings] == expected
    agenda = [e.label for e in at.expander if e.label.startswith("**P")]
    assert [label[2:4] for label in agenda] == [f"P{i}" for i in range(1, 9)]

"""The record page's view model on a SYNTHETIC race (tests/views/synthetic.py): an office holder's
entries in the filters, the tables as shown, "said vs did" with a not-assessed priority."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pytest

from tests.views import synthetic_race as synthetic
from views import record as view
from views.words import Words

WORDS = Words("en")
BOB = "bob-test"
ALL = ("p1", "p2")


@pytest.fixture(scope="module")
def tables(package):
    return synthetic.tables(package)


def bob_entries(tables, start: int, end: int) -> pl.DataFrame:
    entries = tables["record_entries"].filter(pl.col("person_id") == BOB)
    return entries.filter(pl.col("date").dt.year().is_between(start, end))


def test_options_put_the_secretary_general_first_and_the_priorities_in_order(tables):
    options = view.record_options(tables)
    assert options.holders == [(BOB, "Bob Test"), ("ann-test", "Ann Test")]
    assert options.priorities == {"p1": "Alpha rights", "p2": "Beta rights"}


def test_every_entry_of_the_period_is_drawn_counted_and_listed(tables):
    model = view.record_model(tables, BOB, ALL, view.ASSESSMENTS, 2019, 2022, WORDS)
    entries = bob_entries(tables, 2019, 2022)
    assert model.notice is None
    assert model.entries["entry_id"].to_list() == entries.sort("date")["entry_id"].to_list()
    drawn = [c[0] for tr in model.timeline_fig.data for c in tr.customdata]
    assert sorted(drawn) == sorted(entries["entry_id"])
    counts = dict(model.counts.select("priority_id", "total").iter_rows())
    assert counts == dict(entries.group_by("priority_id").len().iter_rows())
    assert model.counts_table[WORDS("record.col_priority")].to_list() == [
        "P1 · Alpha rights",
        "P2 · Beta rights",
    ]
    table = model.table
    month = entries.filter(pl.col("date_precision") == "month").row(0, named=True)
    assert WORDS.date(month["date"], "month") in table[WORDS("record.col_date")].to_list()
    # a source that is not http(s) is never offered as a link
    assert table[WORDS("record.col_source")].null_count() == 1
    assert model.entries_title == WORDS("record.entries_title", n=entries.height)
    assert WORDS("record.all_priorities") in model.state
    assert WORDS("common.as_of_unknown") in model.state  # no as-of day given


def test_said_vs_did_sets_the_campaign_beside_the_record(tables):
    model = view.record_model(tables, BOB, ALL, view.ASSESSMENTS, 2021, 2022, WORDS)
    assert model.cycle == 2020
    assert model.said_did_intro == WORDS("record.said_did_intro", name="Bob Test", cycle=2020)
    p1, p2 = model.said_did
    statement = tables["statements"].filter(pl.col("person_id") == BOB).row(0, named=True)
    assert any(statement["source_url"][0] in line for line in p1.said)
    assert any(WORDS.date(statement["date"], "month") in line for line in p1.said)
    # no statement and no search on P2: not assessed, said so, never a level
    assert p2.said[-1] == WORDS("record.said_none_not-assessed")
    assert p2.said[1] == f"? {WORDS('common.status_not-assessed')}"
    in_p2 = bob_entries(tables, 2021, 2022).filter(pl.col("priority_id") == "p2")
    assert f"{WORDS('common.assessment_falls-short')}: **{in_p2.height}**" in p2.did[1]
    assert p1.did_caption is None and p2.did_caption is None


def test_nothing_chosen_says_so_and_draws_nothing(tables):
    model = view.record_model(tables, BOB, (), view.ASSESSMENTS, 2019, 2022, WORDS)
    assert model.notice == WORDS("record.empty_selection")
    assert model.timeline_fig is None and model.counts is None and model.table is None
    assert model.said_did == []
    quiet = view.record_model(tables, BOB, ALL, ("mixed",), 2021, 2022, WORDS)
    assert quiet.notice == WORDS("record.no_entries", start=2021, end=2022)
    assert quiet.entries.is_empty()


def test_a_candidate_who_was_never_appointed_has_the_latest_campaign_beside(tables):
    model = view.record_model(tables, "ann-test", ALL, view.ASSESSMENTS, 2025, 2025, WORDS)
    assert model.cycle == 2030
    assert model.entries["entry_id"].to_list() == ["r1"]


def test_the_did_list_is_cut_to_the_newest_entries(tables):
    start = date(2021, 2, 1)
    many = pl.DataFrame(
        [
            {
                "entry_id": f"x{i:03}",
                "person_id": BOB,
                "role": "Secretary-General",
                "date": start + timedelta(days=i),
                "date_precision": "day",
                "priority_id": "p1",
                "kind": "action",
                "title": f"Act {i}",
                "summary": "SYNTHETIC",
                "assessment": "advances",
                "source_url": [synthetic.URL + f"x{i}"],
            }
            for i in range(view.DID_LIMIT + 1)
        ],  # fmt: skip
        schema=tables["record_entries"].schema,
    )
    crowded = {**tables, "record_entries": pl.concat([tables["record_entries"], many])}
    model = view.record_model(crowded, BOB, ("p1",), view.ASSESSMENTS, 2021, 2021, WORDS)
    (p1,) = model.said_did
    total = view.DID_LIMIT + 2  # the SYNTHETIC acts and r3
    assert p1.did_caption == WORDS("record.did_shown", shown=view.DID_LIMIT, total=total)
    lines = p1.did[2].split("\n")
    assert len(lines) == view.DID_LIMIT
    assert lines[-1].endswith(f"Act {view.DID_LIMIT}")  # the newest kept, the oldest cut
    assert not any(line.endswith(" Act 0") for line in lines)


def test_a_period_that_ends_before_it_starts_is_recognised():
    years = ["2019", "2020", "2021"]
    assert view.inverted_period(["2021"], ["2019"], years)
    assert not view.inverted_period(["2019"], ["2021"], years)
    assert not view.inverted_period(["2021"], ["1990"], years)  # unknown: the widget handles it
    assert not view.inverted_period(["2021", "2020"], ["2019"], years)

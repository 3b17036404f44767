"""Record view: filters, timeline data, counts, and said vs did."""

import polars as pl
import pytest

from views import record as view
from views.commitments import GAP_STATUSES, STATUS_ORDER


def fmt(value, precision="day"):
    return value.strftime({"day": "%d %b %Y", "month": "%b %Y", "year": "%Y"}[precision])


@pytest.fixture(scope="module")
def tables(package):
    return package.tables


@pytest.fixture(scope="module")
def person(tables):
    return view.office_holders(tables)[0][0]


ALL = [f"p{i}" for i in range(1, 9)]


def test_office_holders_are_the_people_with_record_entries(tables):
    ids = [pid for pid, _ in view.office_holders(tables)]
    assert set(ids) == set(tables["record_entries"]["person_id"])
    # the Secretary-General comes first (the page's default), whoever's record starts first
    newest = tables["cycles"].drop_nulls("appointee_person_id").sort("cycle")[-1]
    assert ids[0] == newest["appointee_person_id"][0]


def test_years_span_the_record(tables, person):
    years = view.record_years(tables, person)
    dates = tables["record_entries"].filter(pl.col("person_id") == person)["date"]
    assert years[0] == dates.min().year and years[-1] == dates.max().year
    assert view.record_years(tables, "nobody") == []


def test_filters_select_exactly_the_matching_entries(tables, person):
    years = view.record_years(tables, person)
    entries = view.filter_entries(
        tables, person, ["p3"], list(view.ASSESSMENTS), years[0], years[-1]
    )
    expected = tables["record_entries"].filter(
        (pl.col("person_id") == person) & (pl.col("priority_id") == "p3")
    )
    assert sorted(entries["entry_id"]) == sorted(expected["entry_id"])
    narrow = view.filter_entries(tables, person, ALL, ["mixed"], 2019, 2020)
    assert set(narrow["assessment"]) <= {"mixed"}
    assert narrow["year"].is_between(2019, 2020).all()
    assert view.filter_entries(tables, person, [], list(view.ASSESSMENTS), 2017, 2026).is_empty()


def test_timeline_data_respects_date_precision_and_lanes(tables, person):
    years = view.record_years(tables, person)
    entries = view.filter_entries(tables, person, ALL, list(view.ASSESSMENTS), years[0], years[-1])
    data = view.timeline_data(entries, ALL, fmt)
    assert data.height == entries.height
    month = data.join(entries.select("entry_id", "date_precision"), on="entry_id").filter(
        pl.col("date_precision") == "month"
    )
    assert month.height > 0
    for shown, when, x in month.select("date_shown", "date", "x").iter_rows():
        assert shown == when.strftime("%b %Y")
        assert (x.year, x.month, x.day) == (when.year, when.month, 15)  # drawn mid-month
    day = data.join(entries.select("entry_id", "date_precision"), on="entry_id").filter(
        pl.col("date_precision") == "day"
    )
    assert (day["x"] == day["date"]).all()
    assert (
        data["lane"] == data["priority_id"].replace_strict({p: i for i, p in enumerate(ALL)})
    ).all()


def test_timeline_figure_one_trace_per_assessment(tables, person):
    years = view.record_years(tables, person)
    entries = view.filter_entries(
        tables, person, ["p3"], list(view.ASSESSMENTS), years[0], years[-1]
    )
    data = view.timeline_data(entries, ["p3"], fmt)
    styles = {a: {"color": "#000", "marker": "circle"} for a in view.ASSESSMENTS}
    fig = view.timeline_figure(
        data,
        lane_labels=["P3"],
        assessment_labels={a: a for a in view.ASSESSMENTS},
        styles=styles,
        source_word="source",
        x_title="date",
    )
    ids = [c[0] for tr in fig.data for c in tr.customdata]
    assert sorted(ids) == sorted(entries["entry_id"])
    assert {c[1] for tr in fig.data for c in tr.customdata} == {"p3"}


def test_counts_add_up(tables, person):
    years = view.record_years(tables, person)
    entries = view.filter_entries(tables, person, ALL, list(view.ASSESSMENTS), years[0], years[-1])
    counts = view.counts_by_priority_year(entries, ALL, years)
    assert counts["priority_id"].to_list() == ALL
    assert counts["total"].sum() == entries.height
    assert (
        counts.select([str(y) for y in years]).sum_horizontal().to_list()
        == counts["total"].to_list()
    )


def test_said_vs_did_names_every_priority(tables, person):
    cycle = view.appointee_cycle(tables, person)
    assert cycle is not None
    years = view.record_years(tables, person)
    entries = view.filter_entries(tables, person, ALL, list(view.ASSESSMENTS), years[0], years[-1])
    items = view.said_vs_did(tables, person, ALL, entries)
    assert [i["priority_id"] for i in items] == ALL
    stmts = tables["statements"].filter(
        (pl.col("cycle") == cycle) & (pl.col("person_id") == person)
    )
    for item in items:
        said = stmts.filter(pl.col("priority_id") == item["priority_id"])
        assert len(item["statements"]) == said.height
        assert item["status"] in STATUS_ORDER  # never blank
        if said.is_empty():
            assert item["status"] in GAP_STATUSES or item["level"] is not None
        assert sum(item["counts"].values()) == len(item["entries"])
    assert sum(sum(i["counts"].values()) for i in items) == entries.height


def test_never_appointed_person_has_no_cycle(tables):
    assert view.appointee_cycle(tables, "no-such-person") is None
    assert view.campaign_cycle(tables, "no-such-person") is None


def test_a_candidate_never_appointed_is_set_beside_their_latest_campaign(tables):
    assert view.appointee_cycle(tables, "michelle-bachelet") is None
    assert view.campaign_cycle(tables, "michelle-bachelet") == 2026
    assert view.campaign_cycle(tables, "antonio-guterres") == 2016  # appointed there


def test_a_record_view_opens_on_the_term_of_a_secretary_general_else_the_whole_record(tables):
    guterres = view.record_years(tables, "antonio-guterres")
    cycles = tables["cycles"]
    term = cycles.filter(pl.col("appointee_person_id") == "antonio-guterres")["term_start"][0]
    assert guterres[0] < term.year  # he has entries from earlier roles
    assert view.default_from_year(tables, "antonio-guterres", guterres) == term.year
    bachelet = view.record_years(tables, "michelle-bachelet")
    assert view.default_from_year(tables, "michelle-bachelet", bachelet) == bachelet[0]

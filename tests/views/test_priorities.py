"""Priorities view: the candidacy × ask grid, gaps as gaps, and the evidence on one priority."""

import polars as pl
import pytest

from views import priorities as view
from views.commitments import GAP_STATUSES, LEVEL_NAMES, candidacy_options, priority_levels


@pytest.fixture(scope="module")
def tables(package):
    return package.tables


def asks_of(tables, pid):
    return tables["asks"].filter(pl.col("priority_id") == pid).sort("order")["ask_id"].to_list()


def test_priority_options_in_axis_order(tables):
    ids = [pid for pid, _ in view.priority_options(tables["priorities"])]
    assert ids == tables["priorities"].sort("order")["priority_id"].to_list()


@pytest.mark.parametrize(("cycle", "pid"), [(2026, "p6"), (2016, "p3"), (2016, "p8")])
def test_grid_rows_are_candidacies_and_columns_asks(tables, cycle, pid):
    grid = view.ask_grid(tables, cycle, pid)
    cands = [p for p, _ in candidacy_options(tables, cycle)]
    asks = asks_of(tables, pid)
    assert grid.height == len(cands) * len(asks)
    assert grid["person_id"].unique(maintain_order=True).to_list() == cands
    assert grid["ask_id"].head(len(asks)).to_list() == asks


@pytest.mark.parametrize(("cycle", "pid"), [(2026, "p6"), (2016, "p3"), (2016, "p6")])
def test_grid_cell_is_highest_level_tied_to_the_ask_or_null(tables, cycle, pid):
    grid = view.ask_grid(tables, cycle, pid)
    stmts = tables["statements"].filter(
        (pl.col("cycle") == cycle) & (pl.col("priority_id") == pid) & pl.col("ask_id").is_not_null()
    )
    expected = dict(
        ((p, a), lvl)
        for p, a, lvl in stmts.group_by("person_id", "ask_id")
        .agg(pl.col("commitment_level").max())
        .iter_rows()
    )
    for row in grid.iter_rows(named=True):
        level = expected.get((row["person_id"], row["ask_id"]))
        assert row["level"] == level
        if level is None:
            assert row["status"] in GAP_STATUSES  # a gap is named, never 0
        else:
            assert row["status"] == LEVEL_NAMES[level]


def test_overall_column_comes_from_priority_levels(tables):
    overall = view.overall_levels(tables, 2026, "p6")
    ids = [p for p, _ in candidacy_options(tables, 2026)]
    expected = priority_levels(tables, 2026, ids).filter(pl.col("priority_id") == "p6")
    assert overall["person_id"].to_list() == expected["person_id"].to_list()
    assert overall["status"].to_list() == expected["status"].to_list()
    assert overall["level"].to_list() == expected["level"].to_list()


def test_statements_indicators_and_record_are_of_the_priority(tables):
    st = view.statements_on(tables, 2016, "p6")
    assert (
        st.height
        == tables["statements"]
        .filter((pl.col("cycle") == 2016) & (pl.col("priority_id") == "p6"))
        .height
    )
    assert st["date"].is_sorted()
    assert all(u.startswith(("http://", "https://")) for urls in st["sources"] for u in urls)
    ind = view.indicators_on(tables["indicators"], "p8")
    assert set(ind["indicator_id"]) == set(
        tables["indicators"].filter(pl.col("priority_id") == "p8")["indicator_id"]
    )
    rec = view.record_on(tables, "p3")
    p3 = tables["record_entries"].filter(pl.col("priority_id") == "p3")
    assert sorted(rec["entry_id"]) == sorted(p3["entry_id"])
    assert rec["date"].is_sorted(descending=True)
    counts = view.assessment_counts(rec)
    assert list(counts) == list(view.ASSESSMENTS) and sum(counts.values()) == rec.height


def test_grid_figure_keeps_gaps_null(tables):
    grid = view.ask_grid(tables, 2026, "p6")
    overall = view.overall_levels(tables, 2026, "p6")
    asks = view.priority_asks(tables["asks"], "p6")
    labels = {f"status_{s}": s for s in (*LEVEL_NAMES.values(), *GAP_STATUSES)}
    labels |= dict(
        reviewed="r", provisional="p", overall="overall", asks="asks", levels="l", gaps="g"
    )
    labels |= dict(n_statements="{n}", coverage="{covered}/{total}")
    fig = view.grid_figure(grid, overall, asks, labels=labels)
    cells, whole = fig.data[0], fig.data[1]
    assert list(cells.x) == asks_of(tables, "p6")
    assert list(cells.y) == overall["name"].to_list()
    flat = [v for row in cells.z for v in row]
    assert flat.count(None) == grid["level"].null_count()
    assert [row[0] for row in whole.z] == overall["level"].to_list()
    gap_legend = [tr.name for tr in fig.data[2:]]
    assert gap_legend == [f"{s}" for s in GAP_STATUSES]


def test_ask_table_has_a_labelled_row_per_ask_and_a_column_per_candidacy(tables):
    grid = view.ask_grid(tables, 2016, "p1")
    overall = view.overall_levels(tables, 2016, "p1")
    asks = view.priority_asks(tables["asks"], "p1")
    words = {s: s.upper() for s in set(grid["status"]) | set(overall["status"])}
    table = view.ask_table(grid, overall, asks, words, ask_header="Ask", overall_label="Overall")
    names = overall["name"].to_list()
    assert table.columns == ["Ask", *names]
    labels = table["Ask"].to_list()
    assert labels[:-1] == [f"{a} {x}" for a, x in asks.select("ask_id", "text").iter_rows()]
    assert labels[-1] == "Overall"
    first = grid.row(0, named=True)
    row = table.filter(pl.col("Ask").str.starts_with(first["ask_id"] + " "))
    assert row[first["name"]][0] == first["status"].upper()

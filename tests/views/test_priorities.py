"""Priorities view: the candidacy × ask grid, gaps as gaps, and the evidence on one priority."""

import polars as pl
import pytest

from tests.views.synthetic import CYCLE, PEOPLE, synthetic_tables
from views import priorities as view
from views.commitments import GAP_STATUSES, LEVEL_NAMES, candidacy_options, priority_levels
from views.text import md_text
from views.words import Words


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
    labels |= {f"n_statements_{k}": str(k) for k in grid["n_statements"].unique()}
    labels |= dict(coverage="{covered}/{total}")
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


# --- the page's view model, on the SYNTHETIC package (tests/views/synthetic.py) ---

SYN_WORDS = Words("en")


@pytest.fixture(scope="module")
def syn():
    return synthetic_tables()


def test_model_of_a_priority_counts_and_names_from_the_fixture(syn):
    model = view.priorities_model(syn, "p1", CYCLE, SYN_WORDS)
    p1 = syn["priorities"].filter(pl.col("priority_id") == "p1").row(0, named=True)
    stmts = syn["statements"].filter((pl.col("cycle") == CYCLE) & (pl.col("priority_id") == "p1"))
    with_level = stmts["person_id"].n_unique()  # a statement gives a level; searches do not
    assert model.title == f"P1 · {p1['title']}"
    assert model.state == SYN_WORDS(
        "priorities.state",
        title=p1["title"],
        n=syn["candidacies"].height,
        cycle=CYCLE,
        asks=syn["asks"].filter(pl.col("priority_id") == "p1").height,
        statements=stmts.height,
        with_evidence=with_level,
        as_of=SYN_WORDS.date(syn["cycles"]["as_of"][0]),
    )
    assert model.summary == f"**{md_text(p1['summary'])}**"
    asks = syn["asks"].filter(pl.col("priority_id") == "p1").sort("order")
    assert model.asks_list.splitlines() == [
        f"- `{a}` {md_text(text)}" for a, text in asks.select("ask_id", "text").iter_rows()
    ]
    assert model.no_grid is None and model.no_statements is None


def test_model_grid_names_silent_declined_and_not_assessed_cells(syn):
    model = view.priorities_model(syn, "p2", CYCLE, SYN_WORDS)
    cells, whole = model.grid_figure.data[0], model.grid_figure.data[1]
    assert list(cells.y) == list(PEOPLE.values())  # nomination order
    assert list(cells.x) == ["p2.a", "p2.b"]
    # Only Bo Beta has a (clear, 2) statement on p2.b; every other cell is a gap, never 0.
    assert [list(r) for r in cells.z] == [[None, None], [None, 2], [None, None]]
    assert [r[0] for r in whole.z] == [None, 2, None]
    table = model.grid_table
    assert table.columns == ["Ask", *PEOPLE.values()]
    not_assessed = f"? {SYN_WORDS('priorities.cell_not-assessed')}"
    assert table["Ada Alpha"].to_list() == [not_assessed] * 3
    assert table["Bo Beta"].to_list()[1] == f"●●○ {SYN_WORDS('priorities.cell_clear')}"
    p1 = view.priorities_model(syn, "p1", CYCLE, SYN_WORDS).grid_table
    overall = p1.filter(pl.col("Ask") == SYN_WORDS("priorities.overall"))
    assert overall["Bo Beta"][0] == f"∅ {SYN_WORDS('priorities.cell_silent')}"
    assert overall["Cy Gamma"][0] == f"⊘ {SYN_WORDS('priorities.cell_declined')}"
    assert model.grid_plotted.height == len(PEOPLE) * 2


def test_model_statement_blocks_say_who_when_level_and_flags(syn):
    p1 = view.priorities_model(syn, "p1", CYCLE, SYN_WORDS)
    # in date order: Ada's general statement (Feb) before her specific one (Mar)
    assert len(p1.statement_blocks) == 2
    general, specific = p1.statement_blocks
    assert "**Ada Alpha** · 1 Feb 2030" in general
    assert SYN_WORDS("priorities.priority_general") in general
    assert "●●● specific (3)" in specific and f"“{md_text('We will.')}”" in specific
    assert "(https://example.org/synthetic/s1)" in specific
    (bo,) = view.priorities_model(syn, "p2", CYCLE, SYN_WORDS).statement_blocks
    assert SYN_WORDS("priorities.second_hand") in bo
    assert f"[{SYN_WORDS('priorities.archive')}](https://example.org/synthetic/archive/s3)" in bo
    assert p1.statements_cut is None


def test_model_cuts_long_lists_and_says_so(syn):
    extra = pl.concat(
        [syn["statements"]]
        + [
            syn["statements"].head(1).with_columns(pl.lit(f"x{i}").alias("statement_id"))
            for i in range(view.LIST_LIMIT)
        ]
    )
    model = view.priorities_model(syn | {"statements": extra}, "p1", CYCLE, SYN_WORDS)
    total = extra.filter(pl.col("priority_id") == "p1").height
    assert len(model.statement_blocks) == view.LIST_LIMIT
    assert model.statements_cut == SYN_WORDS(
        "priorities.statements_shown", shown=view.LIST_LIMIT, total=total
    )
    assert model.statements.height == total  # the CSV holds them all


def test_model_record_counts_links_and_blocks(syn):
    model = view.priorities_model(syn, "p1", CYCLE, SYN_WORDS)
    entries = syn["record_entries"].filter(pl.col("priority_id") == "p1")
    expected = {a: entries.filter(pl.col("assessment") == a).height for a in view.ASSESSMENTS}
    assert [n for _, n in model.counts] == list(expected.values())
    assert model.counts[0][0] == "▲ advances"
    assert model.record_links == (
        ("ada-alpha", SYN_WORDS("priorities.record_link", name="Ada Alpha")),
    )
    newest = entries.sort("date", descending=True)["title"].to_list()
    assert [b.split("**")[3] for b in model.record_blocks] == newest
    assert model.no_record is None
    p2 = view.priorities_model(syn, "p2", CYCLE, SYN_WORDS)
    assert p2.no_record == SYN_WORDS("priorities.no_record") and not p2.record_blocks


def test_model_indicator_cards_and_source_note_rows(syn):
    model = view.priorities_model(syn, "p1", CYCLE, SYN_WORDS)
    (card,) = model.indicator_cards
    assert card.indicator_id == "synthetic-status"
    assert card.map_label == SYN_WORDS("priorities.on_map", title="Synthetic status")
    assert "[Synthetic source](https://example.org/synthetic)" in card.meta
    cited = model.shown["statements"]["source_url"].explode().to_list()
    assert cited == ["https://example.org/synthetic/s2", "https://example.org/synthetic/s1"]
    assert model.shown["searches"]["search_id"].to_list() == ["q1", "q2"]


def test_model_of_a_cycle_without_candidacies_says_so(syn):
    empty = syn | {"candidacies": syn["candidacies"].clear()}
    model = view.priorities_model(empty, "p1", CYCLE, SYN_WORDS)
    assert model.no_grid == SYN_WORDS(
        "priorities.no_candidacies", cycle=CYCLE, as_of=SYN_WORDS.date(syn["cycles"]["as_of"][0])
    )
    assert model.grid_figure is None and model.grid_table is None


def test_model_speaks_the_language_it_is_given(syn):
    fr = view.priorities_model(syn, "p1", CYCLE, Words("fr"))
    assert fr.grid_title == Words("fr")("priorities.grid_title", cycle=CYCLE)
    assert fr.grid_title != SYN_WORDS("priorities.grid_title", cycle=CYCLE)

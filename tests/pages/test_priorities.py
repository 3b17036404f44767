"""Priorities page, opened as links and driven by widget key."""

import polars as pl

from tests.conftest import read_rows, write_rows
from tests.pages.apptest import notices, open_page, plotly_specs, shown_tables, texts


def test_example_link_shows_the_p6_grid_for_2026(package):
    at = open_page("priorities", priority="p6", cycle="2026")
    assert at.selectbox(key="priority").value == "p6"
    assert at.selectbox(key="cycle").value == "2026"
    grid = plotly_specs(at)[0]
    cells = grid["data"][0]
    names = dict(package["people"].select("person_id", "name").iter_rows())
    cands = package["candidacies"].filter(pl.col("cycle") == 2026)
    asks = package["asks"].filter(pl.col("priority_id") == "p6").sort("order")["ask_id"].to_list()
    assert sorted(cells["y"]) == sorted(names[p] for p in cands["person_id"])
    assert cells["x"] == asks
    stmts = package["statements"].filter(
        (pl.col("cycle") == 2026) & (pl.col("priority_id") == "p6") & pl.col("ask_id").is_not_null()
    )
    with_evidence = {(names[p], a) for p, a in stmts.select("person_id", "ask_id").iter_rows()}
    for i, name in enumerate(cells["y"]):
        for j, ask in enumerate(cells["x"]):
            assert (cells["z"][i][j] is not None) == ((name, ask) in with_evidence)
    assert grid["data"][1]["x"] == ["priority overall"]
    body = texts(at)
    assert "Gender equality" in body
    for name in {names[p] for p in stmts["person_id"]}:
        assert name in body
    assert "Women in parliament" in body


def test_default_view_is_p1_newest_cycle(package):
    at = open_page("priorities")
    assert at.selectbox(key="priority").value == "p1"
    assert at.selectbox(key="cycle").value == str(package["cycles"]["cycle"].max())
    assert plotly_specs(at)


def test_record_on_priority_is_listed(package):
    at = open_page("priorities", priority="p3", cycle="2016")
    n = package["record_entries"].filter(pl.col("priority_id") == "p3").height
    metrics = sum(int(m.value) for m in at.metric)
    assert metrics == n


def test_changing_the_widgets_changes_the_view():
    at = open_page("priorities")
    at.selectbox(key="priority").set_value("p8").run()
    assert "Death penalty" in texts(at)
    at.selectbox(key="cycle").set_value("2016").run()
    assert at.query_params.get("priority") in ("p8", ["p8"])
    assert at.query_params.get("cycle") in ("2016", ["2016"])


def test_malformed_link_shows_default_with_notice(package):
    at = open_page("priorities", priority="p9", cycle="1800")
    assert at.selectbox(key="priority").value == "p1"
    assert at.selectbox(key="cycle").value == str(package["cycles"]["cycle"].max())
    text = notices(at)
    assert "p9" in text and "1800" in text


def test_long_statement_list_shows_the_newest_and_says_so(data_copy, monkeypatch):
    # SYNTHETIC fixture: 60 extra statements on p6 in 2026; the page lists the newest 50.
    header, rows = read_rows(data_copy, "statements")
    base = next(r for r in rows if r["cycle"] == "2026" and r["priority_id"] == "p6")
    extra = [
        dict(
            base,
            statement_id=f"s{9000 + i}",
            paraphrase=f"SYNTHETIC statement {i}",
            quote="",
        )
        for i in range(60)
    ]
    write_rows(data_copy, "statements", header, rows + extra)
    monkeypatch.setenv("TRACKER_DATA_DIR", str(data_copy))
    at = open_page("priorities", priority="p6", cycle="2026")
    total = sum(1 for r in rows + extra if r["cycle"] == "2026" and r["priority_id"] == "p6")
    assert f"Showing the newest 50 of {total} statements" in texts(at)
    listed = [m for m in at.markdown if "SYNTHETIC statement" in str(m.value)]
    assert 0 < len(listed) <= 50
    assert "statements_csv" in {b.key for b in at.get("download_button")}


def test_per_ask_table_names_each_ask_and_pages_13_candidacies_four_at_a_time(package):
    at = open_page("priorities", priority="p1", cycle="2016")
    names = package["people"].select("person_id", "name")
    n = package["candidacies"].filter(pl.col("cycle") == 2016).height
    assert n > 4, "the 2016 cycle has more candidacies than fit side by side"
    tables = shown_tables(at)
    per_ask = [f for f in tables if f.columns[0] == "Ask"]
    assert len(per_ask) == -(-n // 4)  # one tab per four candidacies
    shown = [c for f in per_ask for c in f.columns[1:]]
    assert all(len(f.columns) <= 5 for f in per_ask)
    assert sorted(shown) == sorted(
        names.join(package["candidacies"].filter(pl.col("cycle") == 2016), on="person_id")["name"]
    )
    first = per_ask[0]["Ask"].tolist()
    assert first[0].startswith("p1.a ") and len(first[0]) > len("p1.a ")  # labelled, not a code
    labels = [tab.label for tab in at.tabs][:2]
    assert labels == [f"Candidates 1–4 of {n}", f"Candidates 5–8 of {n}"]

"""Straw polls page, opened as links and driven by widget key."""

import polars as pl

from tests.conftest import read_rows, write_rows
from tests.pages.apptest import notices, open_page, plotly_specs, texts
from views.straw_polls import MAX_POLL_PANELS


def polled(package, cycle):
    return package["straw_polls"].filter(pl.col("cycle") == cycle)


def test_example_link_shows_2016_polls(package):
    at = open_page("straw-polls", cycle="2016")
    assert at.selectbox(key="cycle").value == "2016"
    assert at.multiselect(key="candidate").value == []
    body = texts(at)
    polls = polled(package, 2016)
    assert f"{polls['poll_number'].n_unique()} straw polls" in body
    assert f"{polls['person_id'].n_unique()} candidates polled" in body
    trend, votes = plotly_specs(at)
    names = dict(package["people"].select("person_id", "name").iter_rows())
    assert sorted(tr["name"] for tr in trend["data"]) == sorted(
        names[p] for p in polls["person_id"].unique()
    )
    withdrawals = package["candidacies"].filter(
        (pl.col("cycle") == 2016) & pl.col("withdrawal_date").is_not_null()
    )
    by_name = {tr["name"]: tr for tr in trend["data"]}
    for pid, when in withdrawals.select("person_id", "withdrawal_date").iter_rows():
        if pid in set(polls["person_id"]):
            assert max(by_name[names[pid]]["x"]) <= when.isoformat()
            assert names[pid] in body or any(
                names[pid] in a["text"] for a in trend["layout"]["annotations"]
            )
    assert "not reported" in " ".join(str(v) for v in at.dataframe[0].value.to_numpy().ravel())
    keys = {b.key for b in at.get("download_button")}
    assert {"trend_csv", "votes_csv", "results_csv"} <= keys


def test_default_is_newest_cycle_with_polls(package):
    at = open_page("straw-polls")
    newest = str(package["straw_polls"]["cycle"].max())
    assert at.selectbox(key="cycle").value == newest
    assert len(plotly_specs(at)) == 2


def test_cycle_without_polls_says_so_without_a_chart(data_copy, monkeypatch):
    # SYNTHETIC fixture: the real package with the 2026 polls removed.
    header, rows = read_rows(data_copy, "straw_polls")
    write_rows(data_copy, "straw_polls", header, [r for r in rows if r["cycle"] != "2026"])
    monkeypatch.setenv("TRACKER_DATA_DIR", str(data_copy))
    at = open_page("straw-polls", cycle="2026")
    assert at.selectbox(key="cycle").value == "2026"
    assert plotly_specs(at) == []
    assert "No straw polls in the data for the 2026 cycle, as of" in texts(at)


def test_2026_polls_show_a_ranking_without_counts_as_not_reported(package):
    """The first 2026 poll is known only as a ranking: its counts are "not reported", never 0."""
    polls = polled(package, 2026)
    at = open_page("straw-polls", cycle="2026")
    assert at.selectbox(key="cycle").value == "2026"
    assert f"{polls['poll_number'].n_unique()} straw polls" in texts(at)
    ranking_only = polls.filter(pl.col("encourage").is_null())
    names = dict(package["people"].select("person_id", "name").iter_rows())
    results = at.dataframe[1].value
    for pid in ranking_only["person_id"]:
        row = results[results["Candidate"] == names[pid]].iloc[0]
        assert row["Encourage"] == "not reported" and row["Discourage"] == "not reported"
        assert "El País" in row["Note"]


def test_candidate_filter_keeps_those_traces(package):
    at = open_page("straw-polls", cycle="2016", candidate=["antonio-guterres", "helen-clark"])
    assert at.multiselect(key="candidate").value == ["antonio-guterres", "helen-clark"]
    trend = plotly_specs(at)[0]
    assert sorted(tr["name"] for tr in trend["data"]) == ["António Guterres", "Helen Clark"]
    assert "Showing 2 of" in texts(at)


def test_changing_the_widgets_changes_the_view():
    at = open_page("straw-polls")
    at.multiselect(key="candidate").set_value(["rebeca-grynspan"]).run()
    assert [tr["name"] for tr in plotly_specs(at)[0]["data"]] == ["Rebeca Grynspan"]
    at.selectbox(key="cycle").set_value("2016").run()
    assert "Rebeca Grynspan" not in [tr["name"] for tr in plotly_specs(at)[0]["data"]]
    assert at.query_params.get("cycle") in ("2016", ["2016"])


def test_malformed_link_shows_default_with_notice():
    at = open_page("straw-polls", cycle="1800", candidate=["nobody", "rebeca-grynspan"])
    assert at.selectbox(key="cycle").value == "2026"  # the newest cycle with polls
    assert at.multiselect(key="candidate").value == ["rebeca-grynspan"]
    text = notices(at)
    assert "1800" in text and "nobody" in text


def test_hundreds_of_polls_show_the_latest_panels_and_say_so(data_copy, monkeypatch):
    # SYNTHETIC fixture: the 2016 polls copied 50 times with new poll numbers (as the 100x
    # benchmark package does). One panel per poll raised a ValueError in make_subplots.
    header, rows = read_rows(data_copy, "straw_polls")
    copies = [
        dict(row, poll_number=str(int(row["poll_number"]) + k * 1000))
        for k in range(1, 50)
        for row in rows
        if row["cycle"] == "2016"
    ]
    write_rows(data_copy, "straw_polls", header, rows + copies)
    monkeypatch.setenv("TRACKER_DATA_DIR", str(data_copy))
    at = open_page("straw-polls", cycle="2016")
    total = len({r["poll_number"] for r in rows + copies if r["cycle"] == "2016"})
    trend, votes = plotly_specs(at)
    panels = [a for a in votes["layout"]["annotations"] if a["text"].startswith("Poll ")]
    assert len(panels) == MAX_POLL_PANELS
    assert f"latest {MAX_POLL_PANELS} of {total} polls" in texts(at)
    assert len(at.dataframe[1].value) == sum(1 for r in rows + copies if r["cycle"] == "2016")

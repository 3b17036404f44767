"""Straw polls page, opened as links and driven by widget key. A cycle without polls and a poll
without counts are SYNTHETIC changes to a copy of the package (the real data may have neither)."""

import polars as pl
import pytest

from tests.conftest import read_rows, write_rows
from tests.pages.apptest import notices, open_page, plotly_specs, shown_tables, texts
from views.straw_polls import MAX_POLL_PANELS

COUNTS = ("encourage", "discourage", "no_opinion", "p5_discourage")


def polled(package, cycle):
    return package["straw_polls"].filter(pl.col("cycle") == cycle)


@pytest.fixture
def unpolled_cycle(package, data_copy, monkeypatch) -> int:
    """The newest cycle, in a SYNTHETIC copy of the package without its straw polls."""
    newest = package["cycles"]["cycle"].max()
    header, rows = read_rows(data_copy, "straw_polls")
    write_rows(data_copy, "straw_polls", header, [r for r in rows if r["cycle"] != str(newest)])
    monkeypatch.setenv("TRACKER_DATA_DIR", str(data_copy))
    return newest


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
    lines = [tr for tr in trend["data"] if tr["meta"]["kind"] == "candidate"]
    assert sorted(tr["name"] for tr in lines) == sorted(
        names[p] for p in polls["person_id"].unique()
    )
    withdrawals = package["candidacies"].filter(
        (pl.col("cycle") == 2016) & pl.col("withdrawal_date").is_not_null()
    )
    by_name = {tr["name"]: tr for tr in lines}
    for pid, when in withdrawals.select("person_id", "withdrawal_date").iter_rows():
        if pid in set(polls["person_id"]):
            assert max(by_name[names[pid]]["x"]) <= when.isoformat()
            assert names[pid] in body or any(
                names[pid] in a["text"].replace("<br>", " ") for a in trend["layout"]["annotations"]
            )
    keys = {b.key for b in at.get("download_button")}
    assert {"trend_csv", "votes_csv", "results_csv"} <= keys


def test_default_is_newest_cycle_with_polls(package):
    at = open_page("straw-polls")
    newest = str(package["straw_polls"]["cycle"].max())
    assert at.selectbox(key="cycle").value == newest
    assert len(plotly_specs(at)) == 2


def test_cycle_without_polls_says_so_without_a_chart(unpolled_cycle):
    at = open_page("straw-polls", cycle=str(unpolled_cycle))
    assert at.selectbox(key="cycle").value == str(unpolled_cycle)
    assert plotly_specs(at) == []
    assert f"No straw polls in the data for the {unpolled_cycle} cycle, as of" in texts(at)


def test_a_poll_without_counts_says_not_reported_never_zero(package, data_copy, monkeypatch):
    # SYNTHETIC: the counts of António Guterres in the first 2016 poll removed, as for a poll
    # known only from a headline.
    header, rows = read_rows(data_copy, "straw_polls")
    (row,) = [
        r
        for r in rows
        if (r["cycle"], r["poll_number"], r["person_id"]) == ("2016", "1", "antonio-guterres")
    ]
    row.update(dict.fromkeys(COUNTS, ""))
    write_rows(data_copy, "straw_polls", header, rows)
    monkeypatch.setenv("TRACKER_DATA_DIR", str(data_copy))
    at = open_page("straw-polls", cycle="2016", candidate=["antonio-guterres"])
    (trend, _) = plotly_specs(at)
    (line,) = [tr for tr in trend["data"] if tr["meta"]["kind"] == "candidate"]
    assert line["y"][0] is None  # a gap in the line, not a point at 0
    table = shown_tables(at)[0]
    (shown,) = table.loc[table.iloc[:, 0] == "António Guterres", "Poll 1"]
    assert shown == "not reported"


def test_2026_polls_show_a_ranking_without_counts_as_not_reported(package):
    """The first 2026 poll is known only as a ranking: its counts are "not reported", never 0."""
    polls = polled(package, 2026)
    at = open_page("straw-polls", cycle="2026")
    assert at.selectbox(key="cycle").value == "2026"
    assert f"{polls['poll_number'].n_unique()} straw polls" in texts(at)
    ranking_only = polls.filter(pl.col("encourage").is_null())
    names = dict(package["people"].select("person_id", "name").iter_rows())
    results = at.dataframe[0].value
    for pid in ranking_only["person_id"]:
        row = results[results["Candidate"] == names[pid]].iloc[0]
        assert row["Encourage"] == "not reported" and row["Discourage"] == "not reported"
        assert "El País" in row["Note"]


def test_candidate_filter_keeps_those_traces(package):
    at = open_page("straw-polls", cycle="2016", candidate=["antonio-guterres", "helen-clark"])
    assert at.multiselect(key="candidate").value == ["antonio-guterres", "helen-clark"]
    trend = plotly_specs(at)[0]
    lines = [tr["name"] for tr in trend["data"] if tr["meta"]["kind"] == "candidate"]
    assert sorted(lines) == ["António Guterres", "Helen Clark"]
    assert "Showing 2 of" in texts(at)


def test_changing_the_widgets_changes_the_view(unpolled_cycle):
    at = open_page("straw-polls")
    assert at.selectbox(key="cycle").value == "2016"  # the newest cycle with polls, here
    at.multiselect(key="candidate").set_value(["antonio-guterres"]).run()
    data = plotly_specs(at)[0]["data"]
    assert [tr["name"] for tr in data if tr["meta"]["kind"] == "candidate"] == ["António Guterres"]
    at.selectbox(key="cycle").set_value(str(unpolled_cycle)).run()
    assert plotly_specs(at) == []
    assert at.query_params.get("cycle") in (str(unpolled_cycle), [str(unpolled_cycle)])


def test_malformed_link_shows_default_with_notice(package):
    newest_polled = package["straw_polls"]["cycle"].max()
    polled_person = polled(package, newest_polled)["person_id"][0]
    at = open_page("straw-polls", cycle="1800", candidate=["nobody", polled_person])
    assert at.selectbox(key="cycle").value == str(newest_polled)
    assert at.multiselect(key="candidate").value == [polled_person]
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
    assert len(at.dataframe[0].value) == sum(1 for r in rows + copies if r["cycle"] == "2016")


def test_a_poll_whose_number_no_source_gives_says_number_not_reported(package):
    """A poll with number_reported false (the 18 Sep 2026 poll) is never shown as "Poll <n>"."""
    unnumbered = package["straw_polls"].filter(pl.col("number_reported").eq(False))
    assert unnumbered.height, "the data mark at least one poll whose number is not reported"
    cycle = unnumbered["cycle"][0]
    at = open_page("straw-polls", cycle=str(cycle))
    results = at.dataframe[-1].value
    names = dict(package["people"].select("person_id", "name").iter_rows())
    for pid in unnumbered.filter(pl.col("cycle") == cycle)["person_id"]:
        polls = results.loc[results["Candidate"] == names[pid], "Poll"].tolist()
        assert "number not reported" in polls
    trend = shown_tables(at)[0]
    for number in unnumbered["poll_number"].unique():
        assert f"Poll {number}" not in trend.columns
    assert any("(number not reported)" in c for c in trend.columns)

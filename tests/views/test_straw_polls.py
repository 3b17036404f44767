"""Straw polls view: missing counts stay missing, withdrawals end a candidate's series."""

from datetime import date

import polars as pl
import pytest

from views import straw_polls as view
from views.words import Words


def fmt(value, precision="day"):
    return value.isoformat()


LABELS = {
    "title_x": "date",
    "title_y": "encourage",
    "withdrew": "{name} withdrew {date}",
    "not_reported": "not reported",
    "encourage": "encourage",
    "poll": "Poll",
    "legend": "Candidates",
}


@pytest.fixture(scope="module")
def tables(package):
    return package.tables


def test_only_cycles_with_polls_are_offered(tables):
    cycles = view.poll_cycles(tables)
    assert cycles == sorted(tables["straw_polls"]["cycle"].unique().to_list(), reverse=True)
    # SYNTHETIC: the newest cycle without its polls (the real data may poll every cycle)
    newest = tables["cycles"]["cycle"].max()
    unpolled = tables | {"straw_polls": tables["straw_polls"].filter(pl.col("cycle") != newest)}
    assert newest not in view.poll_cycles(unpolled)
    assert view.polled_candidates(unpolled, newest) == []
    assert view.poll_results(unpolled, newest).is_empty()


def test_results_keep_missing_counts_null(tables):
    raw = tables["straw_polls"].filter(pl.col("cycle") == 2016)
    results = view.poll_results(tables, 2016)
    assert results.height == raw.height
    for col in ("encourage", "discourage", "no_opinion", "p5_discourage"):
        assert results[col].null_count() == raw[col].null_count()
    assert results["encourage"].null_count() > 0  # the data do have gaps


def test_candidate_filter_keeps_only_those(tables):
    some = [pid for pid, _ in view.polled_candidates(tables, 2016)[:2]]
    results = view.poll_results(tables, 2016, some)
    assert set(results["person_id"]) == set(some)


def test_withdrawn_candidates_series_end_before_withdrawal(tables):
    series = view.encourage_series(view.poll_results(tables, 2016))
    withdrawn = series.filter(pl.col("withdrawal_date").is_not_null())
    assert withdrawn["person_id"].n_unique() >= 1
    for _, rows in withdrawn.group_by("person_id"):
        assert rows["date"].max() <= rows["withdrawal_date"][0]
        assert rows["withdrew_after"].to_list() == [False] * (rows.height - 1) + [True]
    assert not series.filter(pl.col("withdrawal_date").is_null())["withdrew_after"].any()


def test_segments_never_draw_a_missing_count(tables):
    results = view.poll_results(tables, 2016)
    segments = view.vote_segments(results)
    assert (segments["count"] > 0).all()
    for row in results.iter_rows(named=True):
        mine = segments.filter(
            (pl.col("person_id") == row["person_id"])
            & (pl.col("poll_number") == row["poll_number"])
        )
        votes = dict(mine.select("vote", "count").iter_rows())
        for vote in ("encourage", "discourage", "no_opinion"):
            if row[vote] is None:
                assert vote not in votes
        known = [row[v] for v in ("encourage", "discourage", "no_opinion")]
        if any(v is None for v in known):
            expected = max(view.COUNCIL_SIZE - sum(v or 0 for v in known), 0)
            assert votes.get("not_reported", 0) == expected
        else:
            assert "not_reported" not in votes


def test_trend_figure_has_one_trace_per_candidate_with_gaps(tables):
    results = view.poll_results(tables, 2016)
    series = view.encourage_series(results)
    fig = view.trend_figure(series, labels=LABELS, format_date=fmt)
    names = [name for _, name in view.polled_candidates(tables, 2016)]
    lines = [tr for tr in fig.data if tr.meta["kind"] == "candidate"]
    assert [tr.name for tr in lines] == names
    for trace in lines:
        rows = series.filter(pl.col("name") == trace.name)
        assert list(trace.y) == rows["encourage"].to_list()  # None stays None, never 0
        assert trace.connectgaps is False
    n_withdrawn = series.filter(pl.col("withdrawal_date").is_not_null())["person_id"].n_unique()
    assert len(fig.layout.shapes) == n_withdrawn


def test_votes_figure_has_one_panel_per_poll(tables):
    results = view.poll_results(tables, 2016)
    segments = view.vote_segments(results)
    fig = view.votes_figure(
        segments,
        results,
        vote_labels={v: v for v in view.VOTES},
        format_date=fmt,
        poll_word="Poll",
        title_x="members",
    )
    polls = results["poll_number"].n_unique()
    assert len([a for a in fig.layout.annotations if a.text.startswith("Poll ")]) == polls
    assert sum(len(tr.x) for tr in fig.data) == segments.height
    assert {tr.legendgroup for tr in fig.data if tr.showlegend} == set(segments["vote"])


def test_votes_figure_with_hundreds_of_polls_shows_the_latest(tables):
    # ~600 polls in one cycle (the 100x benchmark package) made make_subplots raise a ValueError:
    # one column per poll is past Plotly's spacing limit. The panels now show the latest polls.
    base = tables["straw_polls"].filter(pl.col("cycle") == 2016)
    many = pl.concat([base.with_columns(pl.col("poll_number") + k * 1000) for k in range(100)])
    results = view.poll_results(tables | {"straw_polls": many}, 2016)
    segments = view.vote_segments(results)
    fig = view.votes_figure(
        segments,
        results,
        vote_labels={v: v for v in view.VOTES},
        format_date=fmt,
        poll_word="Poll",
        title_x="members",
    )
    shown = view.panel_polls(results)
    total = results["poll_number"].n_unique()
    assert total > 500 and len(shown) == view.MAX_POLL_PANELS
    assert shown == sorted(results["poll_number"].unique().to_list())[-view.MAX_POLL_PANELS :]
    titles = [a.text for a in fig.layout.annotations if a.text.startswith("Poll ")]
    assert len(titles) == view.MAX_POLL_PANELS
    assert titles[-1].startswith(f"Poll {max(shown)}<br>")
    plotted = segments.filter(pl.col("poll_number").is_in(shown))
    assert sum(len(tr.x) for tr in fig.data) == plotted.height


def test_panel_polls_keeps_every_poll_of_a_real_cycle(tables):
    results = view.poll_results(tables, 2016)
    assert view.panel_polls(results) == sorted(results["poll_number"].unique().to_list())


def test_trend_is_small_multiples_one_highlighted_candidate_per_panel(tables):
    """Every polled candidate: a panel each (titled with the name), one colour, no legend, grey
    context, and an x-axis that spans the cycle's polls, not the months after."""
    results = view.poll_results(tables, 2016)
    series = view.encourage_series(results)
    fig = view.trend_figure(series, labels=LABELS, format_date=fmt).to_dict()
    names = [name for _, name in view.polled_candidates(tables, 2016)]
    polled = tables["straw_polls"].filter(pl.col("cycle") == 2016)["person_id"].n_unique()
    assert len(names) == polled > 1
    lines = [tr for tr in fig["data"] if tr["meta"]["kind"] == "candidate"]
    context = [tr for tr in fig["data"] if tr["meta"]["kind"] == "context"]
    assert len(lines) == len(context) == polled
    assert len({tr["xaxis"] for tr in lines}) == polled  # each candidate in a panel of its own
    for line, grey in zip(lines, context, strict=True):
        assert line["xaxis"] == grey["xaxis"]
    assert len({tr["line"]["color"] for tr in lines}) == 1  # highlight, no repeated palette
    assert fig["layout"]["showlegend"] is False
    titles = [a["text"].replace("<br>", " ") for a in fig["layout"]["annotations"]]
    assert titles[:13] == names
    assert all(
        max(len(p) for p in a["text"].split("<br>")) <= 14 or " " not in a["text"]
        for a in fig["layout"]["annotations"][:13]
    )  # long names wrap, no overprint
    first, last = min(results["date"]), max(results["date"])
    low, high = (str(v)[:10] for v in fig["layout"]["xaxis"]["range"])
    assert str(first) > low and high > str(last)
    assert (date.fromisoformat(high) - last).days < 10  # not to mid-2017
    assert view.trend_columns(13) == 3 and view.trend_columns(2) == 2


# --- The page's view model on SYNTHETIC tables (invented people, polls and counts; example.org) ---

SYN_CYCLE, SYN_EMPTY = 2030, 2035
SYN_SRC = ["https://example.org/synthetic-poll"]


def synthetic_tables(*, with_number_column: bool = True) -> dict[str, pl.DataFrame]:
    """SYNTHETIC: cycle 2030 has two polls of three candidates. Poll 1 (1 Jan 2030) is known only
    as a ranking for Cy (no counts at all); poll 2 (1 Feb 2030) has counts, but no source gives
    its Council number (number_reported false). Bo withdrew on 10 Feb 2030, after poll 2. Cycle
    2035 has no poll."""
    people = pl.DataFrame(
        {"person_id": ["ada", "bo", "cy"], "name": ["Ada Alpha", "Bo Beta", "Cy Gamma"]}
    )
    candidacies = pl.DataFrame(
        {
            "cycle": [SYN_CYCLE] * 3,
            "person_id": ["ada", "bo", "cy"],
            "withdrawal_date": [None, date(2030, 2, 10), None],
        },
        schema={"cycle": pl.Int64, "person_id": pl.String, "withdrawal_date": pl.Date},
    )
    cycles = pl.DataFrame(
        {"cycle": [SYN_CYCLE, SYN_EMPTY], "as_of": [date(2030, 3, 1), date(2035, 1, 1)]}
    )
    rows = [
        # poll, reported, day, person, encourage, discourage, no_opinion
        (1, None, date(2030, 1, 1), "ada", 9, 4, 2),
        (1, None, date(2030, 1, 1), "bo", 7, 6, 2),
        (1, None, date(2030, 1, 1), "cy", None, None, None),
        (2, False, date(2030, 2, 1), "ada", 11, 3, 1),
        (2, False, date(2030, 2, 1), "bo", 4, 10, 1),
        (2, False, date(2030, 2, 1), "cy", 8, 5, 2),
    ]
    polls = pl.DataFrame(
        {
            "cycle": [SYN_CYCLE] * len(rows),
            "poll_number": [r[0] for r in rows],
            "number_reported": [r[1] for r in rows],
            "date": [r[2] for r in rows],
            "person_id": [r[3] for r in rows],
            "encourage": [r[4] for r in rows],
            "discourage": [r[5] for r in rows],
            "no_opinion": [r[6] for r in rows],
            "p5_discourage": [None] * len(rows),
            "source_url": [SYN_SRC] * len(rows),
            "note": ["ranking only" if r[4] is None else None for r in rows],
        },
        schema_overrides={
            "number_reported": pl.Boolean,
            "encourage": pl.Int64,
            "discourage": pl.Int64,
            "no_opinion": pl.Int64,
            "p5_discourage": pl.Int64,
            "note": pl.String,
        },
    )
    if not with_number_column:
        polls = polls.drop("number_reported")
    return {"people": people, "candidacies": candidacies, "cycles": cycles, "straw_polls": polls}


def test_model_shows_a_poll_without_counts_as_not_reported_never_zero():
    words = Words("en")
    tables = synthetic_tables()
    model = view.straw_polls_model(tables, SYN_CYCLE, (), words)
    polls = tables["straw_polls"]
    assert model.polls == polls["poll_number"].n_unique() == model.summary.polls
    assert model.summary.candidates == polls["person_id"].n_unique()
    table = model.table
    cy_first = table.filter(
        (pl.col("Candidate") == "Cy Gamma") & (pl.col("Date") == words.date(date(2030, 1, 1)))
    )
    for column in ("Encourage", "Discourage", "No opinion"):
        assert cy_first[column].to_list() == [words("straw_polls.not_reported")]
    # The trend table: Cy's first poll is "not reported", never 0; the votes bars draw no 0.
    trend = model.trend_table.filter(pl.col("Candidate") == "Cy Gamma")
    assert trend["Poll 1"].to_list() == ["not reported"]
    assert (model.segments["count"] > 0).all()
    cy_votes = model.segments.filter((pl.col("person_id") == "cy") & (pl.col("poll_number") == 1))
    assert cy_votes.select("vote", "count").rows() == [("not_reported", view.COUNCIL_SIZE)]


def test_model_says_number_not_reported_instead_of_a_guessed_number():
    words = Words("en")
    model = view.straw_polls_model(synthetic_tables(), SYN_CYCLE, (), words)
    unnumbered = words("straw_polls.poll_unnumbered", date=words.date(date(2030, 2, 1)))
    assert "number not reported" in unnumbered
    assert "2" not in unnumbered.replace("2030", "")  # no poll number, only the poll's day
    # Results table: the poll column says so for every row of that poll; poll 1 keeps its number.
    by_day = dict(model.table.select("Date", "Poll").unique().iter_rows())
    assert by_day[words.date(date(2030, 2, 1))] == "number not reported"
    assert by_day[words.date(date(2030, 1, 1))] == "1"
    # Trend table columns and the votes panels name the poll, not "Poll 2".
    assert model.trend_table.columns == ["Candidate", "Poll 1", unnumbered]
    titles = [a["text"].replace("<br>", " ") for a in model.votes_figure.layout.annotations]
    assert unnumbered in titles  # its day is in the name: not repeated after it
    assert not any(title.startswith("Poll 2") for title in titles)
    hovers = [h for tr in model.trend_figure.data if tr.hovertext for h in tr.hovertext]
    hovers += [h for tr in model.trend_figure.data if tr.text for h in tr.text]
    assert any(h.startswith(unnumbered + "<br>") for h in hovers)
    assert not any("Poll 2" in h for h in hovers)


def test_model_in_french_translates_number_not_reported():
    model = view.straw_polls_model(synthetic_tables(), SYN_CYCLE, (), Words("fr"))
    assert "numéro non communiqué" in model.table["Sondage"].to_list()


def test_a_package_without_the_number_column_numbers_every_poll():
    model = view.straw_polls_model(
        synthetic_tables(with_number_column=False), SYN_CYCLE, (), Words("en")
    )
    assert set(model.table["Poll"]) == {"1", "2"}
    assert model.trend_table.columns == ["Candidate", "Poll 1", "Poll 2"]


def test_model_of_a_cycle_without_polls_has_no_figures_and_says_so():
    words = Words("en")
    model = view.straw_polls_model(synthetic_tables(), SYN_EMPTY, (), words)
    assert model.trend_figure is None and model.votes_figure is None
    assert model.results.is_empty() and model.polls == 0
    as_of = words.date(date(2035, 1, 1))
    assert model.state == words("straw_polls.state_none", cycle=SYN_EMPTY, as_of=as_of)


def test_model_with_chosen_candidates_counts_them_and_the_withdrawal():
    words = Words("en")
    tables = synthetic_tables()
    model = view.straw_polls_model(tables, SYN_CYCLE, ("bo",), words)
    assert set(model.results["person_id"]) == {"bo"}
    assert model.summary.withdrawn == 1  # Bo withdrew after his last poll
    total = tables["straw_polls"]["person_id"].n_unique()
    assert words("straw_polls.state_filtered", shown=1, total=total) in model.state
    withdrew = model.table.filter(pl.col("Withdrew after this poll") != "")
    assert withdrew["Withdrew after this poll"].to_list() == [words.date(date(2030, 2, 10))]

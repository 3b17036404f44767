"""Candidate profile view: who, the timeline in date order, the nominating states' record."""

from __future__ import annotations

from datetime import date
from functools import partial

import polars as pl

from components.charts import ASSESSMENT_STYLE
from components.i18n import format_date_in
from views import candidate as view

WORDS = {key: key for key in view.TIMELINE_WORDS} | {
    "poll": "Straw poll {n}: {encourage} encourage · {discourage} discourage · "
    "{no_opinion} no opinion",
    "poll_p5": "(P5 discouraging: {n})",
    "not_reported": "not reported",
    "legend_own": "{name}'s milestones",
}


def labelled(package, cycle: int, person: str) -> pl.DataFrame:
    frame = view.timeline(package.tables, cycle, person)
    return view.timeline_labels(frame, WORDS, lambda d, precision: d.isoformat())


def test_profile_resolves_names_and_dates(package):
    who = view.profile(package.tables, 2026, "michelle-bachelet")
    cand = (
        package["candidacies"]
        .filter((pl.col("cycle") == 2026) & (pl.col("person_id") == "michelle-bachelet"))
        .row(0, named=True)
    )
    assert who.name == "Michelle Bachelet"
    assert [iso for iso, _ in who.nominating_states] == cand["nominating_states_iso3"]
    assert all(name != iso for iso, name in who.nominating_states)
    assert who.nominated == cand["nomination_date"]
    assert not who.appointed
    assert who.sources and all(u.startswith(("http://", "https://")) for u in who.sources)


def test_guterres_2016_timeline_has_the_whole_story_in_date_order(package):
    frame = view.timeline(package.tables, 2016, "antonio-guterres")
    assert frame["date"].to_list() == sorted(frame["date"].to_list())
    own = frame.filter(pl.col("lane") == "selection", pl.col("own"))
    assert "nomination" in own["kind"].to_list()
    assert "informal-dialogue" in own["kind"].to_list()
    assert "ga-appointment" in own["kind"].to_list()
    polls = frame.filter(pl.col("lane") == "straw-polls")
    expected_polls = package["straw_polls"].filter(
        (pl.col("cycle") == 2016) & (pl.col("person_id") == "antonio-guterres")
    )
    assert polls.height == expected_polls.height > 0
    assert polls["poll_number"].to_list() == sorted(expected_polls["poll_number"])
    record = frame.filter(pl.col("lane") == "record")
    term_start = package["cycles"].filter(pl.col("cycle") == 2016)["term_start"][0]
    expected_record = package["record_entries"].filter(
        (pl.col("person_id") == "antonio-guterres") & (pl.col("date") >= term_start)
    )
    assert record.height == expected_record.height > 0
    assert record["date"].min().year == 2017
    # appointment comes after the last straw poll, the record after the appointment
    appointment = own.filter(pl.col("kind") == "ga-appointment")["date"][0]
    assert polls["date"].max() < appointment < record["date"].min()
    assert (
        frame.filter(pl.col("lane") == "statements").height
        == package["statements"]
        .filter((pl.col("cycle") == 2016) & (pl.col("person_id") == "antonio-guterres"))
        .height
    )


def test_general_milestones_are_shown_once(package):
    frame = view.timeline(package.tables, 2016, "irina-bokova")
    general = frame.filter(pl.col("lane") == "selection", ~pl.col("own"))
    assert general.height > 0
    assert general["date"].n_unique() == general.height  # no date twice from two tables
    assert "ga-appointment" in general["kind"].to_list()  # the cycle's outcome, not hers


def test_only_the_appointee_gets_record_entries(package):
    frame = view.timeline(package.tables, 2016, "irina-bokova")
    assert frame.filter(pl.col("lane") == "record").height == 0


def test_missing_poll_counts_say_not_reported_never_zero(package):
    # SYNTHETIC: António Guterres's first 2016 poll without its counts (a poll known only from a
    # headline), whatever the real data hold.
    counts = ("encourage", "discourage", "no_opinion", "p5_discourage")
    polls = package["straw_polls"]
    blank = (
        (pl.col("cycle") == 2016)
        & (pl.col("person_id") == "antonio-guterres")
        & (pl.col("poll_number") == 1)
    )
    polls = polls.with_columns(
        pl.when(blank).then(None).otherwise(pl.col(c)).alias(c) for c in counts
    )
    tables = package.tables | {"straw_polls": polls}
    frame = view.timeline_labels(
        view.timeline(tables, 2016, "antonio-guterres"), WORDS, lambda d, p: d.isoformat()
    )
    poll = frame.filter(pl.col("lane") == "straw-polls", pl.col("poll_number") == 1)
    assert poll.height == 1
    label = poll["label"][0]
    assert "not reported" in label
    for vote in ("encourage", "discourage", "no_opinion"):
        assert poll[vote][0] is None
        assert f"0 {vote.replace('_', ' ')}" not in label


def test_scheduled_milestones_after_as_of_are_marked(package):
    cycle = package["cycles"].filter(pl.col("cycle") == 2026).row(0, named=True)
    frame = view.timeline(package.tables, 2026, "michelle-bachelet")
    out = view.timeline_labels(frame, WORDS, lambda d, p: str(d), as_of=cycle["as_of"])
    later = out.filter(pl.col("date") > cycle["as_of"])
    assert all("scheduled" in label for label in later["label"])


def test_timeline_figure_draws_every_row_in_its_lane(package):
    frame = labelled(package, 2016, "antonio-guterres")
    fig = view.timeline_figure(
        frame, WORDS, priorities=package["priorities"], assessment_style=ASSESSMENT_STYLE, name="AG"
    )
    data = fig.to_dict()["data"]
    assert sum(len(tr["x"]) for tr in data) == frame.height
    lanes = {tr["meta"]["lane"] for tr in data}
    assert lanes == {"selection", "statements", "straw-polls", "record"}
    polls = [tr for tr in data if tr["meta"]["lane"] == "straw-polls"]
    assert len(polls[0]["x"]) == frame.filter(pl.col("lane") == "straw-polls").height > 0
    record = [tr for tr in data if tr["meta"]["lane"] == "record"]
    assert {tr["meta"]["assessment"] for tr in record} <= set(ASSESSMENT_STYLE)
    for tr in record:
        style = ASSESSMENT_STYLE[tr["meta"]["assessment"]]
        assert tr["marker"]["symbol"] == style["marker"]


def test_state_record_keeps_gaps_as_no_data(package):
    states = ["CHL", "BRA", "MEX"]
    record = view.state_record(package.tables, states)
    n_indicators = package["indicators"].height
    assert record.height == len(states) * n_indicators
    assert list(dict.fromkeys(record["iso3"])) == states
    missing = record.filter(pl.col("year").is_null())
    assert missing["text"].null_count() == missing.height
    table = view.state_record_table(record, "no data")
    assert table.height == n_indicators
    assert table.columns[0] == "indicator" and len(table.columns) == 1 + len(states)
    if missing.height:
        assert any(v == "no data" for col in table.columns[1:] for v in table[col])


def test_state_record_uses_the_latest_value_with_labels_and_units(package):
    values = package["indicator_values"].filter(pl.col("iso3") == "PRT")
    record = view.state_record(package.tables, ["PRT"])
    indicators = package["indicators"]
    for row in record.filter(pl.col("year").is_not_null()).iter_rows(named=True):
        ind = indicators.filter(pl.col("indicator_id") == row["indicator_id"]).row(0, named=True)
        rows = values.filter(
            (pl.col("indicator_id") == row["indicator_id"])
            & (pl.col("value").is_not_null() | pl.col("category").is_not_null())
        )
        assert row["year"] == rows["year"].max()
        if ind["kind"] == "categorical":
            assert row["text"] in (ind["category_labels"] or [])
        elif ind["unit"]:
            assert row["text"].endswith(ind["unit"])


def test_state_record_table_keeps_indicators_that_share_a_title(package):
    # Pivoting on the title raised a polars ComputeError when two indicators shared one (seen with
    # a synthetic 100x package); the table pivots on indicator_id and labels afterwards.
    tables = dict(package.tables)
    indicators = tables["indicators"].sort("priority_id", "indicator_id")
    first = indicators.row(0, named=True)
    twin_id = f"{first['indicator_id']}-twin"
    tables["indicators"] = pl.concat(
        [indicators, indicators.head(1).with_columns(pl.lit(twin_id).alias("indicator_id"))]
    )
    values = tables["indicator_values"]
    tables["indicator_values"] = pl.concat(
        [
            values,
            values.filter(pl.col("indicator_id") == first["indicator_id"]).with_columns(
                pl.lit(twin_id).alias("indicator_id")
            ),
        ]
    )
    states = ["CHL", "BRA"]
    table = view.state_record_table(view.state_record(tables, states), "no data")
    assert table.height == indicators.height + 1
    label = f"{first['priority_id'].upper()} · {first['title']}"
    twins = table.filter(pl.col("indicator") == label)
    assert twins.height == 2
    assert twins.row(0) == twins.row(1)  # same values, copied: each keeps its own row
    assert len(table.columns) == 1 + len(states)


def test_earlier_record_is_the_persons_entries_before_the_term_newest_first(package):
    # Synthetic entries (not real data) for a 2016 candidate without a record: two before the
    # 2017 term, one after it.
    with_record = set(package["record_entries"]["person_id"])
    person = package["candidacies"].filter(
        (pl.col("cycle") == 2016) & ~pl.col("person_id").is_in(with_record)
    )["person_id"][0]
    rows = (
        package["record_entries"]
        .head(3)
        .with_columns(
            pl.Series("entry_id", ["r9001", "r9002", "r9003"]),
            pl.lit(person).alias("person_id"),
            pl.Series("date", [date(2010, 5, 1), date(2015, 9, 13), date(2017, 2, 1)]),
            pl.lit("A test role").alias("role"),
        )
    )
    tables = {
        **package.tables,
        "record_entries": pl.concat([package["record_entries"], rows]),
    }
    assert view.earlier_record(package.tables, 2016, person).is_empty()
    earlier = view.earlier_record(tables, 2016, person)
    assert earlier["date"].to_list() == [date(2015, 9, 13), date(2010, 5, 1)]
    assert set(earlier["role"]) == {"A test role"}
    # the Secretary-General's earlier record holds no entry of the term
    guterres = view.earlier_record(package.tables, 2016, "antonio-guterres")
    assert not guterres.is_empty() and "Secretary-General" not in set(guterres["role"])


def test_statements_dated_to_the_year_are_drawn_mid_year_and_read_as_the_year(package):
    frame = view.timeline_labels(
        view.timeline(package.tables, 2016, "helen-clark"), WORDS, partial(format_date_in, "en")
    )
    fig = view.timeline_figure(
        frame, WORDS, priorities=package["priorities"], assessment_style=ASSESSMENT_STYLE,
        name="Helen Clark",
    )  # fmt: skip
    year_only = frame.filter(pl.col("precision") == "year")
    assert year_only.height > 0 and set(year_only["when"]) == {"2016"}
    xs = [x for tr in fig.data if tr.meta and tr.meta.get("lane") == "statements" for x in tr.x]
    assert date(2016, 7, 1) in xs and date(2016, 1, 1) not in xs


def test_timeline_statements_carry_a_shape_per_priority_and_no_text_to_overprint(package):
    frame = labelled(package, 2016, "antonio-guterres")
    fig = view.timeline_figure(
        frame, WORDS, priorities=package["priorities"], assessment_style=ASSESSMENT_STYLE, name="AG"
    )
    statements = [tr for tr in fig.to_dict()["data"] if tr["meta"]["lane"] == "statements"]
    assert statements
    assert all("text" not in tr["mode"] and not tr.get("text") for tr in statements)
    symbols = [tr["marker"]["symbol"] for tr in statements]
    assert len(set(symbols)) == len(symbols)  # a priority is told by its shape, not colour alone


def test_nomination_history_keeps_a_state_that_withdrew(package):
    history = view.nomination_history(package.tables, 2026, "michelle-bachelet")
    chile = history.filter(pl.col("state_iso3") == "CHL")
    assert chile["action"].to_list() == ["nominated", "withdrew"]
    assert chile["date"][0] < chile["date"][1]
    assert chile["state"][0] == "Chile"
    assert all(
        len(urls) and all(u.startswith("http") for u in urls)
        for urls in history["source_url"].to_list()
    )


def test_timeline_shows_a_states_withdrawal_once(package):
    """From the nominations table when no selection event marks it; never twice when one does."""
    tables = dict(package.tables)
    events = tables["selection_events"]
    marked = labelled(package, 2026, "michelle-bachelet")
    assert marked.filter(pl.col("kind") == "state-withdrew").height == 0
    tables["selection_events"] = events.filter(
        pl.col("event_type") != "nominating-state-withdrawal"
    )
    frame = view.timeline(tables, 2026, "michelle-bachelet")
    shown = view.timeline_labels(
        frame,
        WORDS | {"own_state-withdrew": "{state} withdraws"},
        lambda d, precision: d.isoformat(),
    )
    row = shown.filter(pl.col("kind") == "state-withdrew")
    assert row["label"].to_list() == ["Chile withdraws"]
    assert row["own"].to_list() == [True]

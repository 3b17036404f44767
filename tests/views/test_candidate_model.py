"""The candidate page's view model on a SYNTHETIC race (tests/views/synthetic.py): a not-assessed
cell, a withdrawn nominating state, a poll count no source gave, a record in an earlier role."""

from __future__ import annotations

import polars as pl
import pytest

from tests.views import synthetic_race as synthetic
from views import candidate as view
from views.words import Words

WORDS = Words("en")
CYCLE, ANN = 2030, "ann-test"


@pytest.fixture(scope="module")
def tables(package):
    return synthetic.tables(package)


@pytest.fixture(scope="module")
def model(tables):
    return view.candidate_model(tables, CYCLE, ANN, WORDS)


def test_the_not_assessed_priority_has_no_level_and_says_so(model, tables):
    said = set(tables["statements"].filter(pl.col("person_id") == ANN)["priority_id"])
    unsaid = set(tables["priorities"]["priority_id"]) - said
    assert unsaid == {"p2"}
    gap = model.radar.filter(pl.col("priority_id") == "p2").row(0, named=True)
    assert (gap["status"], gap["level"], gap["review"]) == ("not-assessed", None, None)
    # the table shows the gap's symbol and word, never a level
    cells = dict(model.level_table.select(pl.all().exclude(WORDS("compare.coverage_title"))).rows())
    assert cells["P2 Beta rights"] == model.radar_text.cell["not-assessed"]
    assert cells["P1 Alpha rights"].startswith(model.radar_text.cell["clear"])
    # the radar draws it as a gap mark, not on a ring
    gaps = [tr for tr in model.radar_fig.data if (tr.meta or {}).get("kind") == "gap"]
    assert [tr.meta["status"] for tr in gaps] == ["not-assessed"]
    assert gaps[0].meta["axes"] == ["P2 Beta rights"]


def test_state_sentence_counts_what_the_fixture_holds(model, tables):
    n_statements = tables["statements"].filter(pl.col("person_id") == ANN).height
    n_polls = tables["straw_polls"].filter(pl.col("person_id") == ANN).height
    assert model.title == WORDS("candidate.title", name="Ann Test")
    assert model.state == WORDS(
        "candidate.state",
        name="Ann Test",
        cycle=CYCLE,
        statements=WORDS("candidate.state_statements", n=n_statements),
        priorities=model.radar.filter(pl.col("level").is_not_null()).height,
        polls=WORDS("candidate.state_polls", n=n_polls),
        record="",  # not appointed: no record in office
        as_of=WORDS.date(tables["cycles"].filter(pl.col("cycle") == CYCLE)["as_of"][0]),
    )
    assert "record_entries" not in model.timeline_sources


def test_facts_say_which_nominating_state_withdrew_and_the_history_opens(model, tables):
    withdrew = tables["nominations"].filter(pl.col("action") == "withdrew").row(0, named=True)
    facts = dict(model.facts)
    assert facts[WORDS("candidate.nominated_by")] == "Atlantis, " + WORDS(
        "candidate.state_withdrew", state="Borduria", date=WORDS.date(withdrew["date"])
    )
    assert facts[WORDS("candidate.withdrawn")] == WORDS("candidate.not_reached")
    assert model.history_open
    assert len(model.history_lines) == tables["nominations"].height
    # a curated note is escaped, never markup
    assert "<b>" not in model.history_lines[-1] and "withdrew" in model.history_lines[-1]
    # the plain facts (the briefing's) name the states only
    plain = dict(view.profile_facts(model.who, WORDS))
    assert plain[WORDS("candidate.nominated_by")] == "Atlantis, Borduria"


def test_timeline_table_and_download_hold_every_event_and_a_missing_count_stays_missing(
    model, tables
):
    n_events = (
        tables["nominations"].height  # every state's action (no own event marks them)
        + tables["selection_events"].height
        + 1  # the own nomination, read from the candidacy row (no selection event records it)
        + 2  # the cycle's milestones with a date: nominations open, dialogues start
        + 1  # the term start (scheduled)
        + tables["statements"].filter(pl.col("person_id") == ANN).height
        + tables["straw_polls"].filter(pl.col("person_id") == ANN).height
    )
    assert model.timeline_table.height == model.timeline_csv.height == n_events
    assert model.timeline_table.columns == [
        WORDS("candidate.col_when"),
        WORDS("candidate.col_lane"),
        WORDS("candidate.col_what"),
        WORDS("candidate.col_source"),
    ]
    poll = model.timeline.filter(pl.col("lane") == "straw-polls").row(0, named=True)
    assert poll["discourage"] is None
    assert f"{WORDS('candidate.not_reported')} discourage" in poll["label"]
    assert "label" in model.timeline_csv.columns and "when" not in model.timeline_csv.columns
    lanes = {tr.meta["lane"] for tr in model.timeline_fig.data}
    assert lanes == {"selection", "statements", "straw-polls"}


def test_statements_and_the_earlier_record_are_listed_with_their_sources(model, tables):
    statement = tables["statements"].filter(pl.col("person_id") == ANN).row(0, named=True)
    (line,) = model.statement_lines
    assert statement["source_url"][0] in line
    assert WORDS("compare.second_hand") in line  # flagged as a second-hand report
    earlier = tables["record_entries"].filter(pl.col("person_id") == ANN)
    assert [e["title"] for e in model.earlier] == earlier["title"].to_list()
    (entry,) = model.earlier_lines
    assert "▲" in entry and WORDS("common.assessment_advances") in entry
    assert earlier["source_url"][0][0] in entry


def test_nominating_states_record_shows_the_latest_value_or_no_data(model, tables):
    record = model.state_record
    assert record.columns == [WORDS("candidate.col_indicator"), "Atlantis", "Borduria"]
    latest = tables["indicator_values"].sort("year").row(-1, named=True)
    row = record.row(0, named=True)
    assert row["Atlantis"] == f"Abolished ({latest['year']})"
    assert row["Borduria"] == WORDS("common.no_data")


def test_the_appointee_gets_the_record_in_office_in_the_sentence(tables):
    cycle = tables["cycles"].filter(pl.col("appointee_person_id") == "bob-test").row(0, named=True)
    model = view.candidate_model(tables, 2020, "bob-test", WORDS, record_as_of=cycle["as_of"])
    in_office = tables["record_entries"].filter(
        (pl.col("person_id") == "bob-test") & (pl.col("date") >= cycle["term_start"])
    )
    sentence = WORDS(
        "candidate.state_record",
        n=in_office.height,
        start=WORDS.date(cycle["term_start"]),
        record_as_of=WORDS.date(cycle["as_of"]),
    )
    assert sentence in model.state
    assert "record_entries" in model.timeline_sources
    assert model.state_record.columns == [WORDS("candidate.col_indicator"), "Borduria"]


def test_the_model_speaks_the_language_it_is_given(tables):
    french = view.candidate_model(tables, CYCLE, ANN, Words("fr"))
    assert french.title == Words("fr")("candidate.title", name="Ann Test")
    assert french.title != view.candidate_model(tables, CYCLE, ANN, WORDS).title

"""The overview's view model on a SYNTHETIC race (tests/views/synthetic.py), "today" chosen by the
test: numbers, milestones with gaps, the candidacies' cards and the agenda."""

from __future__ import annotations

from datetime import timedelta

import polars as pl
import pytest

from tests.views import synthetic_race as synthetic
from views import overview as view
from views.words import Words

WORDS = Words("en")


@pytest.fixture(scope="module")
def tables(package):
    return synthetic.tables(package)


def test_an_open_cycle_with_old_data_warns_and_counts(tables):
    cycle = tables["cycles"].filter(pl.col("cycle") == 2030).row(0, named=True)
    late = cycle["as_of"] + timedelta(days=view.STALE_AFTER_DAYS + 5)
    model = view.overview_model(tables, 2030, late, WORDS)
    assert model.stale == WORDS(
        "overview.stale",
        as_of=WORDS.date(cycle["as_of"]),
        days_ago=WORDS("overview.days_ago", n=view.STALE_AFTER_DAYS + 5),
    )
    assert f"{view.STALE_AFTER_DAYS + 5} days ago" in model.stale
    cands = tables["candidacies"].filter(pl.col("cycle") == 2030)
    assert dict(model.metrics) == {
        WORDS("overview.m_candidacies"): cands.height,
        WORDS("overview.m_women"): 1,  # Ann Test
        WORDS("overview.m_withdrawn"): 0,
        WORDS("overview.m_appointee"): WORDS("overview.not_yet"),
    }
    fresh = view.overview_model(tables, 2030, cycle["as_of"], WORDS)
    assert fresh.stale is None


def test_milestones_show_a_gap_as_a_dash_with_a_caption(tables):
    model = view.overview_model(tables, 2030, tables["cycles"]["as_of"][0], WORDS)
    shown = dict(model.milestones)
    assert shown[WORDS("overview.ms_nominations_opened")] == WORDS.date(
        tables["cycles"]["nominations_opened"][0]
    )
    assert shown[WORDS("overview.ms_first_straw_poll")] == "—"
    assert model.milestones_gap is not None


def test_cards_name_each_candidacy_with_its_source_and_link(tables):
    finished = view.overview_model(tables, 2020, tables["cycles"]["as_of"][1], WORDS)
    (card,) = finished.cards
    assert card.person_id == "bob-test"
    assert card.lines[0] == "### Bob Test"
    dialogue = tables["candidacies"].filter(pl.col("cycle") == 2020)["informal_dialogue_date"][0]
    assert WORDS("overview.card_dialogue", date=WORDS.date(dialogue)) in card.lines
    assert (
        card.lines[-1] == f"{WORDS('overview.outcome')}: **{WORDS('overview.outcome_appointed')}**"
    )
    assert synthetic.URL + "cand-bob" in card.source
    assert finished.stale is None  # a finished cycle is never stale
    assert dict(finished.metrics)[WORDS("overview.m_appointee")] == "Bob Test"


def test_the_agenda_lists_each_priority_with_its_asks_escaped(tables):
    model = view.overview_model(tables, 2030, tables["cycles"]["as_of"][0], WORDS)
    assert [label for label, _, _ in model.agenda] == [
        "**P1 · Alpha rights**",
        "**P2 · Beta rights**",
    ]
    label, summary, asks = model.agenda[0]
    assert summary == r"A \*one\*"  # curated text never becomes markup
    assert asks.split("\n") == ["- `p1.a` Ask one", "- `p1.b` Ask two"]

"""A SYNTHETIC race for the view-model tests: invented people, states and numbers (never facts),
in the real package's column types. Small enough that each expected value can be read off it.

- cycle 2030, under way: Ann Test (nominated by Atlantis and Borduria; Borduria withdrew) with a
  statement on P1 only, so P2 is a not-assessed cell; one straw poll whose discourage count no
  source gave (null, "not reported"); a record entry from an earlier role.
- cycle 2020, finished: Bob Test appointed, with record entries from before and after his term.
"""

from __future__ import annotations

from datetime import date

import polars as pl

URL = "https://example.org/synthetic/"


def _frame(package, name: str, rows: list[dict]) -> pl.DataFrame:
    """`rows` as a frame of table `name`'s columns and types (missing columns null)."""
    schema = package[name].schema
    return pl.DataFrame(
        [{col: row.get(col) for col in schema} for row in rows], schema=schema, orient="row"
    )


def tables(package) -> dict[str, pl.DataFrame]:
    """The SYNTHETIC tables (`package` gives only the column types)."""
    rows: dict[str, list[dict]] = {
        "priorities": [
            {
                "priority_id": "p1",
                "slug": "alpha",
                "title": "Alpha rights",
                "summary": "A *one*",
                "order": 1,
            },
            {
                "priority_id": "p2",
                "slug": "beta",
                "title": "Beta rights",
                "summary": "B two",
                "order": 2,
            },
        ],  # fmt: skip
        "asks": [
            {"ask_id": "p1.a", "priority_id": "p1", "text": "Ask one", "order": 1},
            {"ask_id": "p1.b", "priority_id": "p1", "text": "Ask two", "order": 2},
            {"ask_id": "p2.a", "priority_id": "p2", "text": "Ask three", "order": 1},
        ],
        "countries": [
            {"iso3": "AAA", "name": "Atlantis", "un_regional_group": "WEOG"},
            {"iso3": "BBB", "name": "Borduria", "un_regional_group": "EEG"},
        ],
        "people": [
            {
                "person_id": "ann-test",
                "name": "Ann Test",
                "gender": "female",
                "nationality_iso3": "AAA",
                "source_url": [URL + "ann"],
            },
            {
                "person_id": "bob-test",
                "name": "Bob Test",
                "gender": "male",
                "nationality_iso3": "BBB",
                "source_url": [URL + "bob"],
            },
        ],  # fmt: skip
        "cycles": [
            {
                "cycle": 2030,
                "nominations_opened": date(2029, 12, 1),
                "dialogues_start": date(2030, 4, 1),
                "term_start": date(2031, 1, 1),
                "as_of": date(2030, 6, 30),
                "source_url": [URL + "c2030"],
            },
            {
                "cycle": 2020,
                "nominations_opened": date(2019, 12, 1),
                "sc_recommendation_date": date(2020, 10, 1),
                "ga_appointment_date": date(2020, 10, 10),
                "term_start": date(2021, 1, 1),
                "appointee_person_id": "bob-test",
                "as_of": date(2021, 1, 1),
                "source_url": [URL + "c2020"],
            },
        ],  # fmt: skip
        "candidacies": [
            {
                "cycle": 2030,
                "person_id": "ann-test",
                "nominating_states_iso3": ["AAA", "BBB"],
                "un_regional_group": "WEOG",
                "role_at_nomination": "Test envoy",
                "nomination_date": date(2030, 1, 10),
                "outcome": "unknown",
                "source_url": [URL + "cand-ann"],
            },
            {
                "cycle": 2020,
                "person_id": "bob-test",
                "nominating_states_iso3": ["BBB"],
                "un_regional_group": "EEG",
                "role_at_nomination": "Test minister",
                "nomination_date": date(2020, 1, 5),
                "informal_dialogue_date": date(2020, 4, 2),
                "outcome": "appointed",
                "source_url": [URL + "cand-bob"],
            },
        ],  # fmt: skip
        "nominations": [
            {
                "cycle": 2030,
                "person_id": "ann-test",
                "state_iso3": "AAA",
                "action": "nominated",
                "date": date(2030, 1, 10),
                "date_precision": "day",
                "source_url": [URL + "n1"],
            },
            {
                "cycle": 2030,
                "person_id": "ann-test",
                "state_iso3": "BBB",
                "action": "nominated",
                "date": date(2030, 1, 10),
                "date_precision": "day",
                "source_url": [URL + "n2"],
            },
            {
                "cycle": 2030,
                "person_id": "ann-test",
                "state_iso3": "BBB",
                "action": "withdrew",
                "date": date(2030, 3, 1),
                "date_precision": "day",
                "source_url": [URL + "n3"],
                "note": "Borduria <b>withdrew</b>",
            },
        ],  # fmt: skip
        "selection_events": [
            {
                "event_id": "e1",
                "cycle": 2030,
                "date": date(2030, 5, 5),
                "event_type": "joint-letter",
                "title": "Joint letter",
                "source_url": [URL + "e1"],
            },
        ],  # fmt: skip
        "statements": [
            {
                "statement_id": "s1",
                "cycle": 2030,
                "person_id": "ann-test",
                "date": date(2030, 4, 1),
                "date_precision": "day",
                "venue": "interview",
                "priority_id": "p1",
                "ask_id": "p1.a",
                "commitment_level": 2,
                "paraphrase": "Will back ask one",
                "quote": "Yes to one",
                "second_hand": True,
                "source_url": [URL + "s1"],
                "archive_url": [],
            },
            {
                "statement_id": "s2",
                "cycle": 2020,
                "person_id": "bob-test",
                "date": date(2020, 4, 2),
                "date_precision": "month",
                "venue": "informal-dialogue",
                "priority_id": "p1",
                "ask_id": None,
                "commitment_level": 3,
                "paraphrase": "Will do all of P1",
                "second_hand": False,
                "source_url": [URL + "s2"],
                "archive_url": [],
            },
        ],  # fmt: skip
        "straw_polls": [
            {
                "cycle": 2030,
                "poll_number": 1,
                "date": date(2030, 7, 21),
                "person_id": "ann-test",
                "encourage": 9,
                "discourage": None,
                "no_opinion": 2,
                "source_url": [URL + "poll1"],
            },
        ],  # fmt: skip
        "record_entries": [
            {
                "entry_id": "r1",
                "person_id": "ann-test",
                "role": "Test envoy",
                "date": date(2025, 5, 1),
                "date_precision": "day",
                "priority_id": "p2",
                "kind": "action",
                "title": "Opened a test office",
                "summary": "An office.",
                "assessment": "advances",
                "source_url": [URL + "r1"],
            },
            {
                "entry_id": "r2",
                "person_id": "bob-test",
                "role": "Test minister",
                "date": date(2019, 6, 1),
                "date_precision": "day",
                "priority_id": "p1",
                "kind": "action",
                "title": "Signed a test treaty",
                "summary": "A treaty.",
                "assessment": "mixed",
                "source_url": [URL + "r2"],
            },
            {
                "entry_id": "r3",
                "person_id": "bob-test",
                "role": "Secretary-General",
                "date": date(2021, 3, 1),
                "date_precision": "day",
                "priority_id": "p1",
                "kind": "action",
                "title": "Spoke up",
                "summary": "A speech.",
                "assessment": "advances",
                "source_url": [URL + "r3"],
            },
            {
                "entry_id": "r4",
                "person_id": "bob-test",
                "role": "Secretary-General",
                "date": date(2022, 5, 1),
                "date_precision": "month",
                "priority_id": "p2",
                "kind": "omission",
                "title": "Kept quiet",
                "summary": "Silence.",
                "assessment": "falls-short",
                "source_url": ["ftp://not-a-web-source"],
            },
        ],  # fmt: skip
        "indicators": [
            {
                "indicator_id": "dp",
                "priority_id": "p1",
                "title": "Test penalty",
                "kind": "categorical",
                "categories": ["gone", "kept"],
                "category_labels": ["Abolished", "Kept"],
            },
        ],  # fmt: skip
        "indicator_values": [
            {"iso3": "AAA", "indicator_id": "dp", "year": 2019, "category": "kept"},
            {"iso3": "AAA", "indicator_id": "dp", "year": 2024, "category": "gone"},
        ],
        "assessments": [],
        "searches": [],
    }
    return {name: _frame(package, name, table) for name, table in rows.items()}

"""A SYNTHETIC data package for view-model tests: invented people, countries and values, shaped as
the real tables are (same columns and types), small enough to reason about, and holding the cases
the real data no longer has (not-assessed cells, a declined search, a list longer than a page).

Nothing here is a fact: names, dates, levels and numbers are made up; the URLs are example.org.

Candidacies of cycle 2030, in nomination order: Ada Alpha (AAA), Bo Beta (BBB), Cy Gamma (CCC).
Priority p1 (asks p1.a, p1.b): Ada has a specific statement on p1.a and a general one on p1 as a
whole; Bo's p1 search found nothing (silent); Cy declined. Priority p2 (asks p2.a, p2.b): Bo has
a clear, second-hand statement on p2.b; Ada and Cy have nothing at all (not assessed).
"""

from __future__ import annotations

from datetime import date

import polars as pl

__all__ = ["CYCLE", "PEOPLE", "synthetic_tables", "frame"]

CYCLE = 2030
PEOPLE = {"ada-alpha": "Ada Alpha", "bo-beta": "Bo Beta", "cy-gamma": "Cy Gamma"}
SRC = "https://example.org/synthetic"

SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "priorities": {
        "priority_id": pl.String, "slug": pl.String, "title": pl.String, "summary": pl.String,
        "order": pl.Int64,
    },
    "asks": {"ask_id": pl.String, "priority_id": pl.String, "text": pl.String, "order": pl.Int64},
    "cycles": {
        "cycle": pl.Int64, "nominations_opened": pl.Date, "dialogues_start": pl.Date,
        "first_straw_poll": pl.Date, "last_straw_poll": pl.Date,
        "sc_recommendation_date": pl.Date, "ga_appointment_date": pl.Date, "term_start": pl.Date,
        "appointee_person_id": pl.String, "as_of": pl.Date, "source_url": pl.List(pl.String),
    },
    "candidacies": {
        "cycle": pl.Int64, "person_id": pl.String, "nominating_states_iso3": pl.List(pl.String),
        "un_regional_group": pl.String, "role_at_nomination": pl.String,
        "nomination_date": pl.Date, "informal_dialogue_date": pl.Date,
        "withdrawal_date": pl.Date, "outcome": pl.String, "source_url": pl.List(pl.String),
    },
    "people": {
        "person_id": pl.String, "name": pl.String, "gender": pl.String,
        "nationality_iso3": pl.String, "source_url": pl.List(pl.String),
    },
    "statements": {
        "statement_id": pl.String, "cycle": pl.Int64, "person_id": pl.String, "date": pl.Date,
        "date_precision": pl.String, "venue": pl.String, "priority_id": pl.String,
        "ask_id": pl.String, "commitment_level": pl.Int64, "paraphrase": pl.String,
        "quote": pl.String, "second_hand": pl.Boolean, "source_url": pl.List(pl.String),
        "archive_url": pl.List(pl.String),
    },
    "assessments": {
        "assessment_id": pl.String, "cycle": pl.Int64, "person_id": pl.String,
        "priority_id": pl.String, "level": pl.String, "rationale": pl.String,
        "source_url": pl.List(pl.String), "curator": pl.String, "assessed_on": pl.Date,
        "reviewer": pl.String, "reviewed_on": pl.Date, "status": pl.String,
    },
    "searches": {
        "search_id": pl.String, "cycle": pl.Int64, "person_id": pl.String,
        "priority_id": pl.String, "searched_on": pl.Date, "searched": pl.String,
        "result": pl.String, "source_url": pl.List(pl.String),
    },
    "indicators": {
        "indicator_id": pl.String, "priority_id": pl.String, "title": pl.String,
        "description": pl.String, "kind": pl.String, "unit": pl.String,
        "categories": pl.List(pl.String), "category_labels": pl.List(pl.String),
        "colors": pl.List(pl.String), "better": pl.String, "time_model": pl.String,
        "source_name": pl.String, "source_url": pl.List(pl.String), "license": pl.String,
        "as_of": pl.Date, "coverage_note": pl.String,
    },
    "record_entries": {
        "entry_id": pl.String, "person_id": pl.String, "role": pl.String, "date": pl.Date,
        "date_precision": pl.String, "priority_id": pl.String, "ask_id": pl.String,
        "kind": pl.String, "title": pl.String, "summary": pl.String, "assessment": pl.String,
        "source_url": pl.List(pl.String),
    },
    "indicator_values": {
        "iso3": pl.String, "indicator_id": pl.String, "year": pl.Int64, "value": pl.Float64,
        "category": pl.String, "note": pl.String, "source_url": pl.List(pl.String),
    },
    "countries": {
        "iso3": pl.String, "iso2": pl.String, "iso_n3": pl.String, "name": pl.String,
        "un_member": pl.Boolean, "un_admission_year": pl.Int64, "un_regional_group": pl.String,
        "lat": pl.Float64, "lon": pl.Float64,
    },
    "peacekeeping_missions": {
        "acronym": pl.String, "name": pl.String, "country_iso3": pl.List(pl.String),
        "start_date": pl.Date, "end_date": pl.Date, "status": pl.String, "hq_city": pl.String,
        "lat": pl.Float64, "lon": pl.Float64, "poc_mandate": pl.String, "notes": pl.String,
        "source_url": pl.List(pl.String),
    },
    "sc_vetoes": {
        "veto_id": pl.Int64, "date": pl.Date, "draft_symbol": pl.String,
        "meeting_record": pl.String, "agenda_item": pl.String, "topic": pl.String,
        "vetoing_member": pl.String, "vetoing_member_iso3": pl.String,
    },
}  # fmt: skip


def frame(name: str, rows: list[dict]) -> pl.DataFrame:
    """A SYNTHETIC table `name` with these rows (missing columns are null)."""
    schema = SCHEMAS[name]
    return pl.DataFrame([{c: r.get(c) for c in schema} for r in rows], schema=schema)


def _statement(sid, person, day, priority, ask, level, **extra) -> dict:
    return {
        "statement_id": sid, "cycle": CYCLE, "person_id": person, "date": day,
        "date_precision": "day", "venue": "interview", "priority_id": priority, "ask_id": ask,
        "commitment_level": level, "paraphrase": f"Synthetic paraphrase {sid}",
        "quote": None, "second_hand": False, "source_url": [f"{SRC}/{sid}"], "archive_url": [],
    } | extra  # fmt: skip


def synthetic_tables() -> dict[str, pl.DataFrame]:
    """The SYNTHETIC package's tables (see the module docstring)."""
    people = list(PEOPLE)
    states = {"ada-alpha": ["AAA"], "bo-beta": ["BBB", "AAA"], "cy-gamma": ["CCC"]}
    return {
        "priorities": frame("priorities", [
            {"priority_id": "p1", "slug": "one", "title": "First priority",
             "summary": "Synthetic summary one.", "order": 1},
            {"priority_id": "p2", "slug": "two", "title": "Second priority",
             "summary": "Synthetic summary two.", "order": 2},
        ]),
        "asks": frame("asks", [
            {"ask_id": f"{p}.{a}", "priority_id": p, "text": f"Synthetic ask {p}.{a}", "order": i}
            for p in ("p1", "p2") for i, a in enumerate("ab", 1)
        ]),
        "cycles": frame("cycles", [
            {"cycle": CYCLE, "as_of": date(2030, 6, 30), "source_url": [SRC]},
        ]),
        "candidacies": frame("candidacies", [
            {"cycle": CYCLE, "person_id": pid, "nominating_states_iso3": states[pid],
             "nomination_date": date(2030, 1, i), "outcome": "unknown", "source_url": [SRC]}
            for i, pid in enumerate(people, 1)
        ]),
        "people": frame("people", [
            {"person_id": pid, "name": name, "source_url": [SRC]} for pid, name in PEOPLE.items()
        ]),
        "statements": frame("statements", [
            _statement("s1", "ada-alpha", date(2030, 3, 1), "p1", "p1.a", 3, quote="We will."),
            _statement("s2", "ada-alpha", date(2030, 2, 1), "p1", None, 1),
            _statement("s3", "bo-beta", date(2030, 4, 1), "p2", "p2.b", 2, second_hand=True,
                       archive_url=[f"{SRC}/archive/s3"]),
        ]),
        "assessments": frame("assessments", []),
        "searches": frame("searches", [
            {"search_id": "q1", "cycle": CYCLE, "person_id": "bo-beta", "priority_id": "p1",
             "searched_on": date(2030, 5, 1), "result": "nothing-found", "source_url": []},
            {"search_id": "q2", "cycle": CYCLE, "person_id": "cy-gamma", "priority_id": "p1",
             "searched_on": date(2030, 5, 2), "result": "declined", "source_url": [SRC]},
        ]),
        "indicators": frame("indicators", [
            {"indicator_id": "synthetic-status", "priority_id": "p1", "title": "Synthetic status",
             "description": "A made-up categorical indicator.", "kind": "categorical",
             "categories": ["yes", "no"], "category_labels": ["Yes", "No"],
             "colors": ["#0072B2", "#E69F00"], "time_model": "snapshot",
             "source_name": "Synthetic source", "source_url": [SRC], "license": "CC0",
             "as_of": date(2030, 1, 1), "coverage_note": None},
            {"indicator_id": "synthetic-count", "priority_id": "p2", "title": "Synthetic count",
             "description": "A made-up annual number.", "kind": "numeric", "unit": "things",
             "time_model": "annual", "source_name": "Synthetic counts", "source_url": [SRC],
             "license": "CC0", "as_of": date(2030, 1, 1),
             "coverage_note": "PARTIAL: a made-up partial list."},
        ]),
        "record_entries": frame("record_entries", [
            {"entry_id": f"r{i}", "person_id": "ada-alpha", "role": "Synthetic role",
             "date": date(2029, 1, i), "date_precision": "day", "priority_id": "p1",
             "kind": "action", "title": f"Synthetic entry {i}", "summary": "Made up.",
             "assessment": assessment, "source_url": [f"{SRC}/r{i}"]}
            for i, assessment in enumerate(["advances", "advances", "falls-short"], 1)
        ]),
        "indicator_values": frame("indicator_values", [
            {"iso3": "AAA", "indicator_id": "synthetic-status", "year": 2029, "category": "yes",
             "source_url": [SRC]},
            {"iso3": "BBB", "indicator_id": "synthetic-status", "year": 2029, "category": "no",
             "note": "A synthetic note.", "source_url": [SRC]},
            {"iso3": "AAA", "indicator_id": "synthetic-count", "year": 2028, "value": 3.0,
             "source_url": [SRC]},
            {"iso3": "AAA", "indicator_id": "synthetic-count", "year": 2029, "value": 12.0,
             "source_url": [SRC]},
            {"iso3": "XTR", "indicator_id": "synthetic-count", "year": 2029, "value": 40.0,
             "source_url": [SRC]},
        ]),
        "countries": frame("countries", [
            {"iso3": "AAA", "name": "Aland", "un_member": True, "lat": 10.0, "lon": 10.0},
            {"iso3": "BBB", "name": "Bland", "un_member": True, "lat": 20.0, "lon": 20.0},
            {"iso3": "CCC", "name": "Cland", "un_member": True, "lat": 30.0, "lon": 30.0},
            {"iso3": "XTR", "name": "Xterritory", "un_member": False, "lat": None, "lon": None},
        ]),
        "peacekeeping_missions": frame("peacekeeping_missions", [
            {"acronym": "SYNA", "name": "Synthetic Mission A", "country_iso3": ["BBB"],
             "start_date": date(2020, 1, 1), "end_date": None, "status": "active",
             "hq_city": "Btown", "lat": 20.0, "lon": 20.0, "poc_mandate": "yes",
             "source_url": [SRC]},
            {"acronym": "SYNB", "name": "Synthetic Mission B", "country_iso3": ["BBB", "CCC"],
             "start_date": date(2017, 1, 1), "end_date": date(2019, 6, 30), "status": "closed",
             "hq_city": None, "lat": 30.0, "lon": 30.0, "poc_mandate": "unknown",
             "source_url": [SRC]},
        ]),
        "sc_vetoes": frame("sc_vetoes", []),
    }  # fmt: skip

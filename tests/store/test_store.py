"""The curators' database: permissions, validation, audit, concurrency, crash safety, export."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
import sqlalchemy as sa

from loaders import load_package
from loaders.__main__ import main as loaders_main
from store import (
    Actor,
    StoreError,
    changes_since,
    export_package,
    history,
    import_csv,
    load_store_package,
    open_store,
    review_assessment,
    save_row,
)

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
ALICE = Actor.of("alice", "curator")
BOB = Actor.of("bob", ["curator", "reviewer"])


def new_statement(**changes) -> dict:
    row = {
        "statement_id": "s9001",
        "cycle": "2016",
        "person_id": "antonio-guterres",
        "date": "2016-05-01",
        "date_precision": "day",
        "venue": "interview",
        "priority_id": "p6",
        "ask_id": "",
        "commitment_level": "2",
        "paraphrase": "Said gender parity would be a priority.",
        "quote": "",
        "second_hand": "false",
        "source_url": "https://example.org/interview",
        "archive_url": "",
    }
    return {**row, **changes}


def audit_count(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(store.tables.audit_log)).scalar()


def package_of(store):
    return load_store_package(store, store.state().data_version)


def test_first_start_fills_the_database_from_the_files_once(db_url):
    store = open_store(db_url, DATA)  # a real first start (the `store` fixture copies one)
    files = load_package(DATA)
    package = package_of(store)
    assert package.ok
    for name in store.editable:
        assert package[name].equals(files[name]), name
    again = open_store(db_url, DATA)
    again._ready = False
    again.ensure_ready()  # a second start fills nothing twice
    assert package_of(again)["statements"].height == files["statements"].height
    assert store.state().data_version == 1 and store.state().edits == 0


@pytest.mark.parametrize("actor", [None, Actor.of(None, "curator"), Actor.of("v", "viewer")])
def test_writes_refuse_without_a_curator_role(store, actor):
    with pytest.raises(PermissionError):
        save_row(store, "statements", new_statement(), actor=actor, reason="x")
    with pytest.raises(PermissionError):
        import_csv(store, "statements", b"", actor=actor, reason="x")
    with pytest.raises(PermissionError):
        review_assessment(store, "a0001", actor=actor, expected_version=1)
    assert audit_count(store) == 0 and store.state().data_version == 1


def test_a_saved_statement_is_in_the_package_with_an_audit_row(store):
    result = save_row(
        store,
        "statements",
        new_statement(),
        actor=ALICE,
        reason="new interview",
        evidence_url="https://example.org/e",
    )
    assert result.ok and result.keys == ("s9001",) and result.row_versions == (1,)
    statements = package_of(store)["statements"]
    assert "s9001" in statements["statement_id"].to_list()
    (entry,) = history(store, "statements", "s9001")
    assert entry["user"] == "alice" and entry["action"] == "create"
    assert entry["old_value"] is None and entry["new_value"]["commitment_level"] == "2"
    assert entry["reason"] == "new interview" and entry["evidence_url"] == "https://example.org/e"
    assert store.state().data_version == 2


def test_an_invalid_row_writes_nothing_and_names_each_bad_field(store):
    bad = new_statement(
        commitment_level="5", venue="podcast", date="2016-13-40", person_id="nobody"
    )
    result = save_row(store, "statements", bad, actor=ALICE, reason="x")
    assert not result.ok
    fields = result.field_problems()
    assert {"commitment_level", "venue", "date", "person_id"} <= set(fields)
    assert audit_count(store) == 0 and store.state().data_version == 1
    assert store.row("statements", ("s9001",)) is None


def test_reason_is_required_and_evidence_must_be_a_link(store):
    result = save_row(
        store, "statements", new_statement(), actor=ALICE, reason=" ", evidence_url="ftp://x"
    )
    assert not result.ok and set(result.field_problems()) == {"reason", "evidence_url"}
    assert audit_count(store) == 0


def test_a_stale_version_is_a_conflict_and_the_newer_save_stands(store):
    loaded = store.row("statements", ("s0001",))
    first = save_row(
        store,
        "statements",
        {**loaded, "commitment_level": "3"},
        actor=ALICE,
        reason="a",
        expected_version=loaded["row_version"],
    )
    assert first.ok
    second = save_row(
        store,
        "statements",
        {**loaded, "commitment_level": "1"},
        actor=BOB,
        reason="b",
        expected_version=loaded["row_version"],
    )
    assert not second.ok and second.conflict["commitment_level"] == "3"
    assert second.conflict["row_version"] == loaded["row_version"] + 1
    assert store.row("statements", ("s0001",))["commitment_level"] == "3"
    assert len(history(store, "statements", "s0001")) == 1


def new_assessment() -> dict:
    return {
        "assessment_id": "a0001",
        "cycle": "2016",
        "person_id": "antonio-guterres",
        "priority_id": "p6",
        "level": "clear",
        "rationale": "Committed to parity, without a date.",
        "source_url": "https://example.org/a",
        "assessed_on": "2016-10-01",
        "status": "reviewed",  # ignored: a new assessment is always provisional
        "reviewer": "alice",
    }


def test_two_person_rule(store):
    assert save_row(store, "assessments", new_assessment(), actor=ALICE, reason="new").ok
    row = store.row("assessments", ("a0001",))
    assert (row["status"], row["curator"], row["reviewer"]) == ("provisional", "alice", None)
    with pytest.raises(PermissionError):  # a curator without the reviewer role
        review_assessment(store, "a0001", actor=ALICE, expected_version=row["row_version"])
    with pytest.raises(PermissionError):  # a reviewer on their own assessment
        review_assessment(
            store,
            "a0001",
            actor=Actor.of("alice", "reviewer"),
            expected_version=row["row_version"],
        )
    done = review_assessment(store, "a0001", actor=BOB, expected_version=row["row_version"])
    assert done.ok
    row = store.row("assessments", ("a0001",))
    assert (row["status"], row["reviewer"]) == ("reviewed", "bob") and row["reviewed_on"]
    assert package_of(store)["assessments"]["status"].to_list() == ["reviewed"]
    assert [e["action"] for e in history(store, "assessments", "a0001")] == ["create", "review"]
    edited = save_row(
        store,
        "assessments",
        {**row, "level": "general"},
        actor=BOB,
        reason="downgrade",
        expected_version=row["row_version"],
    )
    row = store.row("assessments", ("a0001",))
    assert edited.ok and (row["status"], row["curator"], row["reviewer"]) == (
        "provisional",
        "bob",
        None,
    )


def csv_bytes(rows: list[dict]) -> bytes:
    header = list(rows[0])
    lines = [",".join(header)] + [",".join(r[h] for h in header) for r in rows]
    return ("\n".join(lines) + "\n").encode()


def test_import_is_all_or_nothing_and_names_the_bad_lines(store):
    rows = [
        new_statement(statement_id="s9001"),
        new_statement(statement_id="s9002", commitment_level="9"),
        new_statement(statement_id="s0001"),  # already in the database
        new_statement(statement_id="s9004", priority_id="p9"),
    ]
    result = import_csv(store, "statements", csv_bytes(rows), actor=ALICE, reason="batch")
    assert not result.ok
    where = {(p.line, p.column) for p in result.problems}
    assert (3, "commitment_level") in where
    assert (4, "statement_id") in where
    assert (5, "priority_id") in where
    assert not any(line == 2 for line, _ in where)
    assert audit_count(store) == 0 and store.row("statements", ("s9001",)) is None


def test_import_checks_columns_and_writes_every_row(store):
    missing = csv_bytes([{k: v for k, v in new_statement().items() if k != "venue"}])
    result = import_csv(store, "statements", missing, actor=ALICE, reason="batch")
    assert [(p.line, p.column, p.rule) for p in result.problems] == [(1, "venue", "column")]
    good = csv_bytes([new_statement(statement_id=f"s90{i:02d}") for i in range(1, 4)])
    result = import_csv(store, "statements", good, actor=ALICE, reason="batch")
    assert result.ok and len(result.keys) == 3
    assert [e["action"] for e in changes_since(store, "2000-01-01")] == ["import"] * 3
    assert store.state().data_version == 2  # one transaction


def test_the_audit_log_is_append_only(store):
    save_row(store, "statements", new_statement(), actor=ALICE, reason="x")
    log = store.tables.audit_log
    for statement in (log.update().values(reason="rewritten"), log.delete()):
        with pytest.raises(sa.exc.DBAPIError), store.engine.begin() as conn:
            conn.execute(statement)
    assert history(store, "statements", "s9001")[0]["reason"] == "x"


def test_changes_since_a_date(store):
    save_row(store, "statements", new_statement(), actor=ALICE, reason="x")
    assert len(changes_since(store, "2000-01-01")) == 1
    assert changes_since(store, "2999-01-01") == []


def test_export_of_an_unedited_database_reproduces_the_package(store, tmp_path):
    out = tmp_path / "export"
    export_package(store, out)
    for path in DATA.glob("*.csv"):  # the descriptor: tests/loaders/test_export.py
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name
    assert set(store.editable) >= {"straw_polls", "cycles", "people", "searches"}
    assert loaders_main(["check", str(out)]) == 0


def test_export_after_edits_is_a_valid_package(store, tmp_path):
    save_row(store, "statements", new_statement(), actor=ALICE, reason="x")
    out = tmp_path / "export"
    export_package(store, out)
    exported = load_package(out)
    assert exported.ok and "s9001" in exported["statements"]["statement_id"].to_list()


CRASHING_SAVE = """
import sys
from store import Actor, open_store, save_row
store = open_store(sys.argv[1], sys.argv[2])
row = store.row("statements", ("s0001",))
save_row(store, "statements", {**row, "commitment_level": "0"}, actor=Actor.of("alice", "curator"),
         reason="crash", expected_version=row["row_version"])
print("committed", flush=True)
"""


@pytest.mark.slow  # a process of its own
def test_a_save_killed_before_commit_leaves_the_old_state(store, db_url):
    before = store.row("statements", ("s0001",))
    env = {**os.environ, "TRACKER_TEST_PAUSE_BEFORE_COMMIT": "30"}
    child = subprocess.Popen(
        [sys.executable, "-c", CRASHING_SAVE, db_url, str(DATA)],
        cwd=REPO,
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stderr.readline()  # the row and audit row are written, not committed
        assert "pausing before commit" in line, line + child.stderr.read()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    reopened = open_store(db_url, DATA)
    assert reopened.row("statements", ("s0001",)) == before
    assert audit_count(reopened) == 0 and reopened.state().data_version == 1
    assert package_of(reopened).ok
    # ... and the database still takes writes (no lock left behind).
    assert save_row(
        reopened,
        "statements",
        {**before, "commitment_level": "1"},
        actor=ALICE,
        reason="after crash",
        expected_version=before["row_version"],
    ).ok
    assert audit_count(reopened) == 1


@pytest.mark.slow  # a process of its own
def test_a_completed_save_survives_the_process(store, db_url):
    child = subprocess.run(
        [sys.executable, "-c", CRASHING_SAVE, db_url, str(DATA)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "committed" in child.stdout, child.stderr
    assert store.row("statements", ("s0001",))["commitment_level"] == "0"
    assert [e["reason"] for e in history(store, "statements", "s0001")] == ["crash"]


def test_an_unedited_database_follows_the_files_but_an_edited_one_does_not(db_url, data_copy):
    from tests.conftest import read_rows, write_rows

    store = open_store(db_url, data_copy)
    header, rows = read_rows(data_copy, "statements")
    write_rows(data_copy, "statements", header, rows[:-1])
    os.utime(data_copy / "statements.csv", ns=(1, 1))  # a different fingerprint for sure
    assert store.refill_if_unedited()
    assert package_of(store)["statements"].height == len(rows) - 1
    save_row(store, "statements", new_statement(), actor=ALICE, reason="x")
    write_rows(data_copy, "statements", header, rows)
    assert not store.refill_if_unedited()
    assert store.state().files_diverged
    assert "s9001" in package_of(store)["statements"]["statement_id"].to_list()


def test_a_database_made_before_statements_had_date_precision_is_upgraded_keeping_edits(store):
    assert save_row(store, "statements", new_statement(), actor=ALICE, reason="new").ok
    with store.engine.begin() as conn:  # the database as the previous schema made it
        conn.exec_driver_sql("ALTER TABLE statements DROP COLUMN date_precision")
    store._ready = False
    store.ensure_ready()
    statements = package_of(store)["statements"]
    assert "s9001" in statements["statement_id"].to_list()  # the curator's edit is kept
    assert set(statements["date_precision"].to_list()) == {"day"}
    (upgrade,) = history(store, "statements", "*")
    assert (upgrade["user"], upgrade["action"]) == ("system", "add-column")


def test_a_database_with_unknown_columns_is_refused_not_changed(store):
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE statements DROP COLUMN quote")
    store._ready = False
    with pytest.raises(StoreError, match="export the database"):
        store.ensure_ready()


# -- the live race: several rows at once, retire/restore, checked up to, new editable tables ------


def synthetic_poll(day: str = "2026-07-30") -> list[dict]:
    """The next 2026 straw poll, one row per candidacy in the race that day (SYNTHETIC counts)."""
    from views.curate import in_race, next_poll_number

    files = load_package(DATA)
    people = in_race(files["candidacies"], 2026, dt.date.fromisoformat(day))["person_id"]
    stored = [
        {"cycle": str(c), "poll_number": str(n)}
        for c, n in files["straw_polls"].select("cycle", "poll_number").iter_rows()
    ]
    number = str(next_poll_number(stored, 2026))
    return [
        {"cycle": "2026", "poll_number": number, "date": day, "person_id": p,
         "encourage": str(9 - i % 9), "discourage": "3", "no_opinion": None if i == 0 else "3",
         "p5_discourage": None, "source_url": "https://example.org/synthetic-poll"}
        for i, p in enumerate(people)
    ]  # fmt: skip


def test_a_straw_poll_is_saved_all_or_nothing(store):
    from store import save_rows

    poll = synthetic_poll()
    bad = [dict(r) for r in poll]
    bad[-1]["encourage"] = "16"  # more than the Council has members
    result = save_rows(store, "straw_polls", bad, actor=ALICE, reason="poll")
    assert not result.ok and store.state().edits == 0
    assert {p.line for p in result.problems if p.column == "encourage"} == {result.lines[-1]}
    assert save_rows(store, "straw_polls", poll, actor=ALICE, reason="poll").ok
    number = int(poll[0]["poll_number"])
    polls = package_of(store)["straw_polls"].filter(
        (pl.col("cycle") == 2026) & (pl.col("poll_number") == number)
    )
    assert polls.height == len(poll) and store.state().edits == len(poll)


def test_retire_hides_a_row_from_readers_and_export_and_restore_brings_it_back(store, tmp_path):
    from store import set_retired

    row = store.row("statements", ("s0001",))
    with pytest.raises(PermissionError):
        set_retired(
            store,
            "statements",
            "s0001",
            retire=True,
            actor=Actor.of("v", "viewer"),
            reason="x",
            expected_version=row["row_version"],
        )
    assert not set_retired(
        store,
        "statements",
        "s0001",
        retire=True,
        actor=ALICE,
        reason="",
        expected_version=row["row_version"],
    ).ok
    done = set_retired(
        store,
        "statements",
        "s0001",
        retire=True,
        actor=ALICE,
        reason="duplicate",
        expected_version=row["row_version"],
    )
    assert done.ok
    assert "s0001" not in package_of(store)["statements"]["statement_id"].to_list()
    export_package(store, tmp_path / "out")
    assert "s0001" not in load_package(tmp_path / "out")["statements"]["statement_id"].to_list()
    stale = set_retired(
        store,
        "statements",
        "s0001",
        retire=False,
        actor=ALICE,
        reason="back",
        expected_version=row["row_version"],
    )
    assert stale.conflict is not None  # retiring bumped the version: a stale form conflicts
    again = save_row(store, "statements", {**row, "paraphrase": "new"}, actor=ALICE, reason="x")
    assert not again.ok and any(p.rule == "retired" for p in again.problems)
    assert set_retired(
        store,
        "statements",
        "s0001",
        retire=False,
        actor=ALICE,
        reason="back",
        expected_version=done.row_versions[0],
    ).ok
    assert "s0001" in package_of(store)["statements"]["statement_id"].to_list()
    assert [e["action"] for e in history(store, "statements", "s0001")] == ["retire", "restore"]


def test_a_row_others_point_to_cannot_be_retired(store):
    from store import set_retired

    row = store.row("people", ("antonio-guterres",))
    result = set_retired(
        store,
        "people",
        "antonio-guterres",
        retire=True,
        actor=ALICE,
        reason="x",
        expected_version=row["row_version"],
    )
    assert not result.ok and any(p.rule.startswith("foreign") for p in result.problems)
    assert "antonio-guterres" in package_of(store)["people"]["person_id"].to_list()


def test_checked_up_to_sets_the_as_of_day_of_readers_and_export(store, tmp_path):
    import datetime as dt
    import json

    from store import mark_checked

    assert not mark_checked(store, "straw_polls", dt.date(2999, 1, 1), actor=ALICE, reason="x").ok
    assert mark_checked(
        store, "straw_polls", dt.date(2026, 11, 30), actor=ALICE, reason="no new polls"
    ).ok
    assert package_of(store).descriptor.resource("straw_polls").as_of == "2026-11-30"
    export_package(store, tmp_path / "out")
    raw = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    (polls,) = [r for r in raw["resources"] if r["name"] == "straw_polls"]
    assert polls["x-as-of"] == "2026-11-30"
    assert loaders_main(["check", str(tmp_path / "out")]) == 0


def test_every_editable_table_round_trips_through_export(store, tmp_path, db_url):
    from store import save_rows

    assert save_rows(store, "straw_polls", synthetic_poll(), actor=ALICE, reason="poll").ok
    cycle = store.row("cycles", ("2026",))
    assert save_row(
        store,
        "cycles",
        {**cycle, "first_straw_poll": "2026-07-30"},
        actor=ALICE,
        reason="first poll",
        expected_version=cycle["row_version"],
    ).ok
    person = store.row("people", ("macky-sall",))
    assert save_row(
        store,
        "people",
        {**person, "name": "Macky Sall (test)"},
        actor=ALICE,
        reason="x",
        expected_version=person["row_version"],
    ).ok
    out = tmp_path / "out"
    export_package(store, out)
    assert loaders_main(["check", str(out)]) == 0
    again = open_store(f"sqlite:///{tmp_path / 'second.db'}", out)
    first, second = package_of(store), package_of(again)
    for name in store.editable:
        assert second[name].equals(first[name]), name
    export_package(again, tmp_path / "out2")
    for name in store.editable:
        path = store.descriptor.resource(name).path
        assert (tmp_path / "out2" / path).read_bytes() == (out / path).read_bytes(), name


def test_a_database_made_before_straw_polls_were_editable_is_filled_keeping_edits(store):
    assert save_row(store, "statements", new_statement(), actor=ALICE, reason="new").ok
    with store.engine.begin() as conn:  # the database as the previous schema made it
        conn.exec_driver_sql("DROP TABLE straw_polls")
    store._ready = False
    store.ensure_ready()
    files = load_package(DATA)
    package = package_of(store)
    assert package["straw_polls"].equals(files["straw_polls"])
    assert "s9001" in package["statements"]["statement_id"].to_list()
    (upgrade,) = history(store, "straw_polls", "*")
    assert (upgrade["user"], upgrade["action"]) == ("system", "add-table")


def test_downloads_are_the_tables_the_pages_read(store):
    import io
    import zipfile

    from store import file_reader, set_retired
    from views.package_info import package_zip, resource_csv

    read = file_reader(store)
    package = package_of(store)
    assert resource_csv(package, "statements", read) == (DATA / "statements.csv").read_bytes()
    assert save_row(store, "statements", new_statement(), actor=ALICE, reason="new").ok
    row = store.row("statements", ("s0001",))
    assert set_retired(store, "statements", "s0001", retire=True, actor=ALICE, reason="dup",
                       expected_version=row["row_version"]).ok  # fmt: skip
    package = package_of(store)
    csv_bytes = resource_csv(package, "statements", read)
    assert b"s9001," in csv_bytes and b"s0001," not in csv_bytes
    lines = csv_bytes.decode().strip().splitlines()
    assert len(lines) - 1 == package["statements"].height  # what the Data page counts
    with zipfile.ZipFile(io.BytesIO(package_zip(package, read))) as zf:
        folder = package.descriptor.name
        assert zf.read(f"{folder}/statements.csv") == csv_bytes
        assert zf.read(f"{folder}/countries.csv") == (DATA / "countries.csv").read_bytes()

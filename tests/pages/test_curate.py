"""The curators' page in AppTest: login gate, adding a statement, field errors, conflicts."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import bcrypt
import polars as pl
import pytest

from store import Actor, history, load_store_package, open_store, save_row
from tests.pages.apptest import notices, open_page, shown_tables, texts

PASSWORD = "correct horse battery"
DATA = Path(__file__).resolve().parents[2] / "data"


def next_statement_id() -> str:
    ids = pl.read_csv(DATA / "statements.csv", infer_schema=False)["statement_id"]
    return f"s{max(int(i[1:]) for i in ids) + 1:04d}"


def _hash(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode()


@pytest.fixture
def db(tmp_path, monkeypatch, filled_db_at):
    url = filled_db_at(tmp_path / "tracker.db")
    monkeypatch.setenv("TRACKER_DB_URL", url)
    monkeypatch.delenv("TRACKER_AUTH_FILE", raising=False)
    import streamlit as st

    # Each test has its own database, but data versions repeat (1, 2, ...) from one to the next:
    # the shared per-version caches must not hand one test's package to another.
    st.cache_resource.clear()
    return url


def auth_secrets(max_attempts: int = 3) -> dict:
    """Test-only accounts (hashes made here, never committed); a fresh cookie key per test."""
    return {
        "cookie_name": "tracker_test",
        "cookie_key": uuid.uuid4().hex,
        "cookie_expiry_days": 1,
        "max_login_attempts": max_attempts,
        "credentials": {
            "usernames": {
                "alice": {
                    "name": "Alice",
                    "email": "",
                    "password": _hash(PASSWORD),
                    "roles": ["curator"],
                },
                "bob": {
                    "name": "Bob",
                    "email": "",
                    "password": _hash(PASSWORD),
                    "roles": ["reviewer"],
                },
            }
        },
    }


def open_curate(secrets: dict | None, **params):
    from streamlit.testing.v1 import AppTest

    from tests.pages.apptest import ENTRY
    from views.registry import page_file

    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.switch_page(page_file("curate"))
    if secrets is not None:
        at.secrets["auth"] = secrets
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def form_widgets(at) -> list:
    return [
        w
        for kind in ("text_input", "selectbox", "text_area")
        for w in at.get(kind)
        if (w.key or "").startswith("cf_")
    ]


def log_in(at, password: str = PASSWORD, user: str = "alice"):
    by_label = {w.label: w for w in at.text_input}
    by_label["Username"].input(user)
    by_label["Password"].input(password)
    next(b for b in at.button if b.label == "Log in").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_without_accounts_the_page_explains_and_offers_nothing_to_edit(db):
    at = open_curate(None)
    assert "none is configured" in texts(at)
    assert form_widgets(at) == []


def test_without_login_there_is_a_login_form_and_no_editor(db):
    at = open_curate(auth_secrets())
    assert "Curators, please log in" in texts(at)
    assert {w.label for w in at.text_input} >= {"Username", "Password"}
    assert form_widgets(at) == []


def test_a_wrong_password_is_refused(db):
    at = log_in(open_curate(auth_secrets()), password="wrong password")
    assert "incorrect" in texts(at)
    assert form_widgets(at) == []


def test_the_login_attempts_limit_holds_even_for_the_right_password(db):
    at = open_curate(auth_secrets(max_attempts=2))
    for _ in range(2):
        log_in(at, password="wrong password")
    log_in(at)
    assert "Too many failed login attempts" in texts(at)
    assert form_widgets(at) == []


def fill_new_statement(at, **changes):
    values = {
        "cf_statements_paraphrase": "Promised a gender-parity roadmap.",
        "cf_statements_source_url": "https://example.org/roadmap",
    }
    values.update(changes)
    at.selectbox(key="cf_statements_cycle").select("2016")
    at.selectbox(key="cf_statements_person_id").select("antonio-guterres")
    at.selectbox(key="cf_statements_venue").select("interview")
    at.selectbox(key="cf_statements_priority_id").select("p6")
    at.selectbox(key="cf_statements_commitment_level").select("2")
    at.date_input(key="cf_statements_date").set_value(dt.date(2016, 6, 1))
    at.selectbox(key="cf_statements_date_precision").select("day")
    at.text_area(key="cf_statements_paraphrase").input(values["cf_statements_paraphrase"])
    at.text_input(key="cf_statements_source_url").input(values["cf_statements_source_url"])
    at.text_input(key="curate_reason").input("new interview found")


def save(at):
    at.button(key="curate_save").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_curator_edit_shows_to_readers_on_the_next_run_with_an_audit_row(db):
    at = log_in(open_curate(auth_secrets(), item="s0001"))
    assert "Logged in as **alice**" in "\n".join(m.value for m in at.sidebar.markdown)
    at.text_area(key="cf_statements_paraphrase").input("Reworded paraphrase.")
    at.text_input(key="curate_reason").input("clearer wording")
    save(at)
    assert "Saved statements `s0001` (version 2)" in "\n".join(s.value for s in at.success)
    store = open_store(db)
    package = load_store_package(store, store.state().data_version)
    statements = package["statements"].filter(pl.col("statement_id") == "s0001")
    assert statements["paraphrase"].to_list() == ["Reworded paraphrase."]
    (entry,) = history(store, "statements", "s0001")
    assert (entry["user"], entry["reason"]) == ("alice", "clearer wording")
    # a reader's next run (no login) reads the new data version
    assert package.version.endswith(".2")
    assert package.version in texts(open_page("data"))


def test_a_curator_adds_a_statement_that_readers_see_with_an_audit_row(db):
    at = log_in(open_curate(auth_secrets()))
    new_id = next_statement_id()
    assert at.text_input(key="cf_statements_statement_id").value == new_id
    assert not at.text_input(key="cf_statements_statement_id").disabled
    fill_new_statement(at)
    save(at)
    assert f"Saved statements `{new_id}`" in "\n".join(s.value for s in at.success)
    store = open_store(db)
    package = load_store_package(store, store.state().data_version)
    assert new_id in package["statements"]["statement_id"].to_list()
    (entry,) = history(store, "statements", new_id)
    assert (entry["user"], entry["action"]) == ("alice", "create")


def test_an_invalid_form_writes_nothing_and_marks_each_bad_field(db):
    at = log_in(open_curate(auth_secrets()))
    fill_new_statement(at, cf_statements_source_url="not a link")
    at.text_area(key="cf_statements_paraphrase").input("")
    at.text_input(key="curate_reason").input("")
    save(at)
    errors = "\n".join(e.value for e in at.error)
    assert "Nothing was saved" in errors
    assert "source_url:" in errors and "paraphrase:" in errors and "reason is required" in errors
    assert open_store(db).state().edits == 0
    assert at.text_input(key="cf_statements_source_url").value == "not a link"  # input kept


def test_a_stale_form_gets_a_conflict_and_keeps_the_input(db):
    at = log_in(open_curate(auth_secrets(), item="s0001"))
    assert at.text_input(key="cf_statements_statement_id").disabled
    store = open_store(db)
    row = store.row("statements", ("s0001",))
    other = Actor.of("bob", "curator")
    assert save_row(
        store,
        "statements",
        {**row, "commitment_level": "3"},
        actor=other,
        reason="meanwhile",
        expected_version=row["row_version"],
    ).ok
    at.selectbox(key="cf_statements_commitment_level").select("1")
    at.text_input(key="curate_reason").input("my change")
    save(at)
    assert "someone else changed this row" in "\n".join(e.value for e in at.error)
    assert at.selectbox(key="cf_statements_commitment_level").value == "1"
    assert store.row("statements", ("s0001",))["commitment_level"] == "3"
    at.button(key="curate_load_current").click()
    at.run()
    assert at.selectbox(key="cf_statements_commitment_level").value == "3"


def test_a_bad_table_in_the_link_falls_back_with_a_notice(db):
    at = log_in(open_curate(auth_secrets(), table="countries", item="nonsense"))
    assert at.text_input(key="cf_statements_statement_id").value == next_statement_id()


def test_the_changed_since_date_is_read_from_and_written_to_the_link(db):
    at = log_in(open_curate(auth_secrets(), since="2000-01-01"))
    assert at.date_input(key="since").value == dt.date(2000, 1, 1)
    assert "No changes since 2000-01-01." in texts(at)  # nothing edited yet
    at.date_input(key="since").set_value(dt.date(2001, 2, 3)).run()
    assert at.query_params["since"] == "2001-02-03"
    assert "No changes since 2001-02-03." in texts(at)


def test_a_bad_changed_since_date_falls_back_with_a_notice(db):
    at = log_in(open_curate(auth_secrets(), since="2999-13-40"))
    default = dt.date.today() - dt.timedelta(days=30)
    assert at.date_input(key="since").value == default
    assert "since" not in at.query_params
    assert "since = “2999-13-40”" in notices(at)


# -- the live race: a straw poll in one form, retire/restore, import, checked up to ---------------


def logged_in(db, **params):
    at = log_in(open_curate(auth_secrets(), **params))
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at, key: str):
    at.button(key=key).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def candidacies_of(cycle: str, day: dt.date | None = None) -> list[str]:
    """The cycle's candidacies; with `day`, those the form lists for a poll that day."""
    if day is not None:
        from loaders import load_package
        from views.curate import in_race

        return in_race(load_package(DATA)["candidacies"], int(cycle), day)["person_id"].to_list()
    rows = pl.read_csv(DATA / "candidacies.csv", infer_schema=False)
    return rows.filter(pl.col("cycle") == cycle)["person_id"].to_list()


def next_poll(cycle: str) -> int:
    rows = pl.read_csv(DATA / "straw_polls.csv", infer_schema=False).filter(
        pl.col("cycle") == cycle
    )
    return max((int(n) for n in rows["poll_number"]), default=0) + 1


def enter_2026_poll(at, day=dt.date(2026, 7, 30), unnumbered=False):
    """SYNTHETIC counts (test data, not a real poll)."""
    at.selectbox(key="sp_cycle").select("2026")
    at.date_input(key="sp_date").set_value(day)
    at.run()
    people = candidacies_of("2026", day)
    for i, person_id in enumerate(people):
        at.text_input(key=f"sp_{person_id}_encourage").input(str(9 - i))
        at.text_input(key=f"sp_{person_id}_discourage").input(str(3 + i))
        if i:  # the first candidate's no-opinion count was not reported
            at.text_input(key=f"sp_{person_id}_no_opinion").input("3")
    at.text_input(key="sp_source").input("https://example.org/synthetic-poll")
    at.text_input(key="sp_note").input("SYNTHETIC poll (test data)")
    at.text_input(key="sp_reason").input("first 2026 straw poll (synthetic test)")
    if unnumbered:
        at.checkbox(key="sp_unnumbered").check()
    return click(at, "sp_save"), people


def test_a_curator_enters_a_2026_straw_poll_for_every_candidacy_in_one_form(db):
    number = next_poll("2026")
    at, people = enter_2026_poll(logged_in(db))
    assert f"Saved straw poll {number} of 2026: {len(people)} rows." in "\n".join(
        s.value for s in at.success
    )
    store = open_store(db)
    polls = load_store_package(store, store.state().data_version)["straw_polls"]
    polls = polls.filter((pl.col("cycle") == 2026) & (pl.col("poll_number") == number))
    assert sorted(polls["person_id"].to_list()) == sorted(people)
    assert polls.filter(pl.col("person_id") == people[0])["no_opinion"].to_list() == [None]
    assert set(polls["note"].to_list()) == {"SYNTHETIC poll (test data)"}
    page = open_page("straw-polls", cycle="2026")
    assert "2026" in page.query_params.get("cycle", "2026")
    tables = [df.value for df in page.dataframe] + shown_tables(page)
    shown = "\n".join(frame.to_string() for frame in tables)  # every row, not pandas' preview
    names = dict(
        pl.read_csv(DATA / "people.csv", infer_schema=False).select("person_id", "name").iter_rows()
    )
    assert all(names[p] in shown for p in people)
    assert not [i for i in page.info if "no straw poll" in str(i.value).lower()]


def test_a_poll_whose_number_no_source_gives_is_saved_and_shown_as_not_reported(db):
    number = next_poll("2026")
    at, people = enter_2026_poll(logged_in(db), unnumbered=True)
    assert f"Saved straw poll {number} of 2026" in "\n".join(s.value for s in at.success)
    store = open_store(db)
    polls = load_store_package(store, store.state().data_version)["straw_polls"]
    polls = polls.filter((pl.col("cycle") == 2026) & (pl.col("poll_number") == number))
    assert polls["number_reported"].to_list() == [False] * len(people)
    page = open_page("straw-polls", cycle="2026")
    shown = page.dataframe[-1].value
    assert (shown["Poll"] == "number not reported").sum() >= len(people)
    assert str(number) not in set(shown["Poll"])


def test_a_poll_with_one_bad_count_saves_nothing_and_names_the_candidate(db):
    at = logged_in(db)
    at.selectbox(key="sp_cycle").select("2026")
    at.date_input(key="sp_date").set_value(dt.date(2026, 7, 30))
    at.run()
    people = candidacies_of("2026", dt.date(2026, 7, 30))
    for person_id in people:
        at.text_input(key=f"sp_{person_id}_encourage").input("5")
    at.text_input(key=f"sp_{people[-1]}_encourage").input("many")
    at.text_input(key="sp_source").input("https://example.org/synthetic-poll")
    at.text_input(key="sp_reason").input("synthetic")
    click(at, "sp_save")
    errors = "\n".join(e.value for e in at.error)
    assert "Nothing was saved" in errors and "encourage" in errors
    assert open_store(db).state().edits == 0


def public_statement_ids(db) -> list[str]:
    store = open_store(db)
    return load_store_package(store, store.state().data_version)["statements"][
        "statement_id"
    ].to_list()


def test_retire_and_restore_a_statement_and_the_public_pages_follow(db):
    statements = pl.read_csv(DATA / "statements.csv", infer_schema=False)
    row = statements.row(0, named=True)
    sid, cycle, person = row["statement_id"], row["cycle"], row["person_id"]
    before = open_page("candidate", cycle=cycle, candidate=person)
    paraphrase = row["paraphrase"][:40]
    assert paraphrase in page_text(before)
    at = logged_in(db, item=sid)
    at.text_input(key="curate_retire_reason").input("duplicate of a better-sourced statement")
    click(at, "curate_retire")
    assert f"Retired statements `{sid}`" in "\n".join(s.value for s in at.success)
    assert "is **retired**" in texts(at)
    assert sid not in public_statement_ids(db)
    assert paraphrase not in page_text(open_page("candidate", cycle=cycle, candidate=person))
    actions = [e["action"] for e in history(open_store(db), "statements", sid)]
    assert actions == ["retire"]
    at.text_input(key="curate_retire_reason").input("not a duplicate after all")
    click(at, "curate_retire")
    assert f"Restored statements `{sid}`" in "\n".join(s.value for s in at.success)
    assert sid in public_statement_ids(db)
    assert paraphrase in page_text(open_page("candidate", cycle=cycle, candidate=person))
    assert [e["action"] for e in history(open_store(db), "statements", sid)] == [
        "retire",
        "restore",
    ]


def page_text(at) -> str:
    parts = [texts(at)]
    parts += [str(df.value) for df in at.dataframe]
    parts += [str(el.proto) for el in at.get("plotly_chart")]
    return "\n".join(parts)


def test_a_bulk_import_with_one_bad_line_imports_nothing_and_names_the_line(db):
    at = logged_in(db, table="selection_events")
    events = pl.read_csv(DATA / "selection_events.csv", infer_schema=False)
    numbers = [int(e[1:]) for e in events["event_id"]]
    width = len(events["event_id"][0]) - 1
    good = {
        "event_id": f"e{max(numbers) + 1:0{width}d}",
        "cycle": "2026",
        "date": "2026-07-30",
        "person_id": "",
        "event_type": events["event_type"][0],
        "title": "SYNTHETIC event (test data)",
        "source_url": "https://example.org/event",
    }
    bad = {**good, "event_id": f"e{max(numbers) + 2:0{width}d}", "date": "30 July 2026"}
    csv_bytes = pl.DataFrame([good, bad, {**good, "event_id": f"e{max(numbers) + 3:0{width}d}"}])
    csv_bytes = csv_bytes.select(events.columns).write_csv().encode()
    at.get("file_uploader")[0].set_value(("events.csv", csv_bytes, "text/csv"))
    at.run()
    at.text_input(key="curate_import_reason").input("bulk entry of new events")
    click(at, "curate_import")
    errors = "\n".join(e.value for e in at.error)
    assert "Nothing was imported: 1 problem." in errors
    (problems,) = [df.value for df in at.dataframe if "problem" in df.value.columns]
    assert problems["line"].to_list() == [3] and problems["column"].to_list() == ["date"]
    assert open_store(db).state().edits == 0
    assert good["event_id"] not in open_store(db).text_frames()["selection_events"]["event_id"]


def overview_warns(cycle: str) -> bool:
    return any(w.icon == ":material/hourglass_top:" for w in open_page(None, cycle=cycle).warning)


def test_marking_2026_checked_today_removes_the_staleness_notice(db):
    assert overview_warns("2026")  # the files say 2026 was checked in April
    at = logged_in(db)
    at.selectbox(key="ck_cycle").select("2026")
    at.date_input(key="ck_cycle_day").set_value(dt.date.today())
    at.text_input(key="ck_cycle_reason").input("read every source again today")
    click(at, "ck_cycle_save")
    assert f"2026 is marked as checked up to {dt.date.today().isoformat()}" in "\n".join(
        s.value for s in at.success
    )
    assert not overview_warns("2026")


def test_marking_a_table_checked_changes_its_as_of_on_the_data_page(db):
    at = logged_in(db)
    at.selectbox(key="ck_table").select("straw_polls")
    at.date_input(key="ck_table_day").set_value(dt.date(2026, 11, 30))
    at.text_input(key="ck_table_reason").input("no new polls reported")
    click(at, "ck_table_save")
    store = open_store(db)
    package = load_store_package(store, store.state().data_version)
    assert package.descriptor.resource("straw_polls").as_of == "2026-11-30"
    assert "**As of:** 30 Nov 2026" in texts(open_page("data"))


def test_a_curator_changes_an_assessment_and_a_reviewer_signs_it_off(db):
    at = logged_in(db, table="assessments")
    aid = at.text_input(key="cf_assessments_assessment_id").value
    at.selectbox(key="cf_assessments_cycle").select("2016")
    at.selectbox(key="cf_assessments_person_id").select("antonio-guterres")
    at.selectbox(key="cf_assessments_priority_id").select("p6")
    at.selectbox(key="cf_assessments_level").select("general")
    at.text_area(key="cf_assessments_rationale").input("SYNTHETIC rationale (test data).")
    at.text_input(key="cf_assessments_source_url").input("https://example.org/source")
    at.date_input(key="cf_assessments_assessed_on").set_value(dt.date(2026, 12, 1))
    at.text_input(key="curate_reason").input("first assessment")
    save(at)
    stored = open_store(db).row("assessments", (aid,))
    assert (stored["status"], stored["curator"], stored["reviewer"]) == (
        "provisional",
        "alice",
        None,
    )
    assert "Reviewing needs the reviewer or admin role." in texts(at)  # alice is no reviewer
    review = log_in(open_curate(auth_secrets(), table="assessments"), user="bob")
    review.selectbox(key="curate_review_item").select(aid)
    review.text_input(key="curate_review_reason").input("checked against the source")
    click(review, "curate_review")
    assert f"Assessment `{aid}` is now reviewed." in "\n".join(s.value for s in review.success)
    stored = open_store(db).row("assessments", (aid,))
    assert (stored["status"], stored["reviewer"]) == ("reviewed", "bob")
    updates = texts(open_page("updates", since=dt.date.today().isoformat())).replace("\\", "")
    assert f"Added to the tracker: assessments `{aid}`" in updates
    assert "reviewed by a second curator" in updates

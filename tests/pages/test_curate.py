"""The curators' page in AppTest: login gate, adding a statement, field errors, conflicts."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import bcrypt
import polars as pl
import pytest

from store import Actor, history, load_store_package, open_store, save_row
from tests.pages.apptest import notices, open_page, texts

PASSWORD = "correct horse battery"
DATA = Path(__file__).resolve().parents[2] / "data"


def next_statement_id() -> str:
    ids = pl.read_csv(DATA / "statements.csv", infer_schema=False)["statement_id"]
    return f"s{max(int(i[1:]) for i in ids) + 1:04d}"


def _hash(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode()


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    monkeypatch.setenv("TRACKER_DB_URL", url)
    monkeypatch.delenv("TRACKER_AUTH_FILE", raising=False)
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
            }
        },
    }


def open_curate(secrets: dict | None, **params):
    from streamlit.testing.v1 import AppTest

    from tests.pages.apptest import ENTRY

    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.switch_page("app_pages/curate.py")
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
    at = log_in(open_curate(auth_secrets(), table="straw_polls", item="nonsense"))
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

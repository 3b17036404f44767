"""The /curate login in AppTest: throttling by time, normalised names, cookie key rules, state."""

from __future__ import annotations

import logging
import uuid

import bcrypt
import pytest

from components.auth import SESSION_ACTOR
from tests.pages.apptest import texts
from tests.pages.test_curate import log_in as curate_log_in
from tests.pages.test_curate import open_curate

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def no_database(monkeypatch):
    monkeypatch.setenv("TRACKER_DB_URL", "off")  # the login does not need the database
    monkeypatch.delenv("TRACKER_AUTH_FILE", raising=False)


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, moved by hand (`clock.now += 31`)."""

    class Clock:
        now = 1_000_000.0

    monkeypatch.setattr("store.login._now", lambda: Clock.now)
    return Clock


def secrets(cookie_key: str | None = None, max_attempts: int = 2, password: str = PASSWORD):
    """Test-only account (hash made here, never committed); a fresh user name and key per test, so
    tests never share the server-wide throttle."""
    user = f"alice-{uuid.uuid4().hex[:8]}"
    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode()
    config = {
        "cookie_name": "tracker_test",
        "cookie_key": uuid.uuid4().hex if cookie_key is None else cookie_key,
        "max_login_attempts": max_attempts,
        "lockout_minutes": 10,
        "credentials": {
            "usernames": {user: {"name": "Alice", "password": hashed, "roles": ["curator"]}}
        },
    }
    return config, user


def log_in(at, user: str, password: str = PASSWORD):
    return curate_log_in(at, password=password, user=user)


def logged_in(at) -> bool:
    return any("Logged in as" in m.value for m in at.sidebar.markdown)


def test_a_lockout_ends_after_its_time_without_a_restart(clock):
    config, user = secrets(max_attempts=2)
    at = open_curate(config)
    for _ in range(2):
        log_in(at, user, "wrong password")  # e.g. an anonymous visitor guessing
    log_in(at, user)
    assert "try again in 1 minute" in texts(at) and not logged_in(at)
    clock.now += 31
    log_in(at, user)
    assert logged_in(at)


def test_case_and_space_variants_are_one_user_for_login_and_for_the_count(clock):
    config, user = secrets(max_attempts=2)
    at = open_curate(config)
    log_in(at, user.upper(), "wrong password")
    log_in(at, f"  {user} ", "wrong password")
    log_in(at, user)
    assert "Too many failed login attempts" in texts(at)
    clock.now += 31
    log_in(at, f" {user.upper()}  ")
    assert logged_in(at)
    assert f"Logged in as **{user.replace('-', chr(92) + '-')}**" in at.sidebar.markdown[0].value


def test_an_unknown_name_is_throttled_like_a_known_one(clock):
    config, _ = secrets(max_attempts=2)
    at = open_curate(config)
    for _ in range(3):
        log_in(at, "nobody-here", "wrong password")
    assert "Too many failed login attempts" in texts(at)  # same answer: names are not revealed


def test_a_password_with_surrounding_spaces_logs_in_as_typed(clock):
    config, user = secrets(password="  spaced secret  ")
    at = log_in(open_curate(config), user, "  spaced secret  ")
    assert logged_in(at)


@pytest.mark.parametrize(
    ("key", "says"),
    [
        ("REPLACE-WITH-A-LONG-RANDOM-SECRET", "placeholder"),
        ("", "has no cookie key"),
        ("too-short", "shorter than 32 bytes"),
    ],
)
def test_login_is_refused_with_a_weak_cookie_key(key, says, caplog):
    config, _ = secrets(cookie_key=key)
    with caplog.at_level(logging.ERROR, logger="components.auth"):
        at = open_curate(config)
    assert says in texts(at)
    assert not any(w.label == "Password" for w in at.text_input)
    assert any("curator login is off" in r.getMessage() for r in caplog.records)


def test_session_state_set_by_a_client_does_not_log_in():
    # streamlit-authenticator trusted these session keys; a widget or state injected under those
    # ids must neither log in nor raise.
    config, user = secrets()
    at = open_curate(config)
    at.session_state["authentication_status"] = True
    at.session_state["username"] = user
    at.session_state["roles"] = ["admin"]
    at.session_state[SESSION_ACTOR] = "admin"  # the login's own key, but not an Actor: ignored
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not logged_in(at)
    assert any(w.label == "Password" for w in at.text_input)


def test_logout_returns_to_the_login_form(clock):
    config, user = secrets()
    at = log_in(open_curate(config), user)
    assert logged_in(at)
    at.sidebar.button(key="curate_logout").click()
    at.run()
    assert not logged_in(at) and any(w.label == "Password" for w in at.text_input)

"""Login rules (store.login): normalised names, constant time, throttling by time, cookies."""

from __future__ import annotations

import base64
import json
import statistics
import time
import tomllib
from pathlib import Path

import bcrypt
import jwt
import pytest

from store.login import (
    Throttle,
    accounts_of,
    check_password,
    cookie_key_problem,
    cookie_token,
    cookie_user,
    normalise_username,
    password_problem,
)

REPO = Path(__file__).resolve().parents[2]
KEY = "k" * 64  # long enough for HS512 too, so the crafted HS512 token differs only by alg
PASSWORD = "correct horse battery"


def accounts(password: str = PASSWORD, rounds: int = 4):
    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=rounds)).decode()
    return accounts_of(
        {"usernames": {"Alice": {"name": "Alice", "password": hashed, "roles": ["curator"]}}}
    )


def test_usernames_are_normalised_once_for_accounts_and_typed_names():
    assert set(accounts()) == {"alice"}
    assert normalise_username("  ALICE\t") == "alice"
    for typed in ("alice", "Alice", " ALICE "):
        assert check_password(accounts(), typed, PASSWORD).username == "alice"


def test_the_password_is_compared_exactly_as_typed():
    spaced = accounts(password="  padded secret  ")
    assert check_password(spaced, "alice", "  padded secret  ") is not None
    assert check_password(spaced, "alice", "padded secret") is None


def test_add_user_refuses_passwords_with_surrounding_spaces_or_too_short():
    assert password_problem(" leading space") and password_problem("trailing space ")
    assert password_problem("short")
    assert password_problem(PASSWORD) is None


@pytest.mark.slow  # measures time: 22 bcrypt checks at cost 10
def test_an_unknown_username_takes_as_long_as_a_wrong_password():
    known = accounts(rounds=10)  # ~50 ms per check: large against the noise

    def timed(user):
        start = time.perf_counter()
        assert check_password(known, user, "wrong password") is None
        return time.perf_counter() - start

    timed("nobody")  # warm the dummy hash
    unknown = statistics.median(timed("nobody") for _ in range(5))
    wrong = statistics.median(timed("alice") for _ in range(5))
    assert 0.4 < unknown / wrong < 2.5, (unknown, wrong)  # before: an unknown name took ~0 s


def test_the_throttle_locks_by_time_and_unlocks_after_the_lock():
    throttle = Throttle(free_failures=3, window_s=600, first_lock_s=30)
    for i in range(3):
        assert throttle.retry_after("alice", now=i) == 0
        throttle.failed(" Alice ", now=i)  # a case/space variant counts against the same name
    assert throttle.retry_after("ALICE", now=2) == 30
    assert throttle.retry_after("alice", now=32) == 0  # unlocked after 30 s, no restart
    throttle.failed("alice", now=32)
    assert throttle.retry_after("alice", now=32) == 60  # the lock doubles
    throttle.failed("alice", now=92)
    assert throttle.retry_after("alice", now=92) == 120


def test_a_lock_is_never_longer_than_the_window_and_old_failures_are_forgotten():
    throttle = Throttle(free_failures=1, window_s=100, first_lock_s=30)
    for now in (0, 30, 90):
        throttle.failed("alice", now=now)
    assert throttle.retry_after("alice", now=90) == 100  # 30 s, 60 s, then 120 s capped at 100
    assert throttle.retry_after("alice", now=190) == 0  # everything is forgotten after the window
    assert throttle.retry_after("bob", now=190) == 0  # other names are not affected


def test_a_success_clears_the_count_and_many_names_cannot_grow_memory():
    throttle = Throttle(free_failures=2, window_s=600, max_names=100)
    throttle.failed("alice", now=0)
    throttle.succeeded("ALICE")
    throttle.failed("alice", now=1)
    assert throttle.retry_after("alice", now=1) == 0
    for i in range(1000):
        throttle.failed(f"guess{i}", now=2)
    assert len(throttle._failures) <= 100


def example_cookie_key() -> str:
    text = (REPO / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8")
    return tomllib.loads(text)["auth"]["cookie_key"]


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        (example_cookie_key(), "placeholder"),
        ("", "empty"),
        ("   ", "empty"),
        (None, "empty"),
        ("x" * 31, "short"),
        ("x" * 32, None),
    ],
)
def test_cookie_key_rules(key, problem):
    assert cookie_key_problem(key) == problem


def b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_a_remember_me_token_logs_in_only_when_signed_right_and_current():
    users = accounts()
    token = cookie_token(users["alice"], KEY, days=1)
    assert cookie_user(token, KEY, users).username == "alice"
    claims = jwt.decode(token, KEY, algorithms=["HS256"])
    payload = b64(claims)
    crafted = [
        f"{b64({'alg': 'none', 'typ': 'JWT'})}.{payload}.",  # alg: none
        jwt.encode(claims, KEY, algorithm="HS512"),  # another algorithm
        jwt.encode(claims, "another key of forty characters........", algorithm="HS256"),
        jwt.encode({**claims, "exp": int(time.time()) - 10}, KEY, algorithm="HS256"),  # expired
        jwt.encode({"sub": "alice", "exp": claims["exp"]}, KEY, algorithm="HS256"),  # no pv
        jwt.encode({**claims, "sub": ["alice"]}, KEY, algorithm="HS256"),
        jwt.encode({**claims, "sub": "mallory"}, KEY, algorithm="HS256"),
        "not a token",
        "a.b.c",
        "",
        None,
        "x" * 10_000,
    ]
    for bad in crafted:
        assert cookie_user(bad, KEY, users) is None, bad
    # a new password (new hash) ends the remembered login
    assert cookie_user(token, KEY, accounts()) is None

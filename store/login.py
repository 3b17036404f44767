"""Curator login rules, without Streamlit: names, passwords, throttling, the remember-me cookie.

- A username is normalised once (`normalise_username`): the accounts' names and the typed name
  alike, so case and surrounding spaces never make a second account or a second counter.
- A password is compared exactly as typed, as `python -m store add-user` hashed it (which
  refuses passwords with leading or trailing spaces, see `password_problem`).
- `check_password` takes the same time for an unknown username as for a known one with a wrong
  password: it checks a dummy bcrypt hash of the same cost.
- `Throttle` slows guessing per normalised username, by time: a few free failures, then a lock
  that doubles with each further failure, never longer than the window; failures older than the
  window are forgotten, so nobody stays locked out for longer than that.
- The remember-me cookie is a JWT signed with HS256 only; anything else (another algorithm,
  `alg: none`, a bad signature, expired, missing claims, an account that is gone or whose
  password changed) reads as "not logged in".
"""

from __future__ import annotations

import hashlib
import threading
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import bcrypt
import jwt

from store.writes import Actor

__all__ = [
    "MIN_COOKIE_KEY_BYTES",
    "PLACEHOLDER_COOKIE_KEY",
    "Account",
    "Throttle",
    "accounts_of",
    "check_password",
    "cookie_key_problem",
    "cookie_token",
    "cookie_user",
    "normalise_username",
    "password_problem",
]

PLACEHOLDER_COOKIE_KEY = "REPLACE-WITH-A-LONG-RANDOM-SECRET"  # .streamlit/secrets.toml.example
MIN_COOKIE_KEY_BYTES = 32
MIN_PASSWORD_CHARS = 8
COOKIE_ALGORITHM = "HS256"


@dataclass(frozen=True)
class Account:
    """One configured curator account."""

    username: str  # normalised
    name: str
    roles: tuple[str, ...]
    password_hash: str

    @property
    def actor(self) -> Actor:
        return Actor.of(self.username, self.roles)


def normalise_username(name: str) -> str:
    """The one form of a username: Unicode NFKC, surrounding spaces removed, case folded."""
    return unicodedata.normalize("NFKC", str(name)).strip().casefold()


def password_problem(password: str) -> str | None:
    """Why a new password is refused (None when it is fine)."""
    if len(password) < MIN_PASSWORD_CHARS:
        return f"use a password of at least {MIN_PASSWORD_CHARS} characters"
    if password != password.strip():
        return "a password cannot start or end with a space (it would be easy to mistype)"
    return None


def cookie_key_problem(key: object) -> str | None:
    """'empty', 'placeholder' or 'short' when the cookie key must not be used; None when it may.

    Anyone who knows the key can sign a cookie that logs in as any curator.
    """
    if not isinstance(key, str) or not key.strip():
        return "empty"
    if key.strip() == PLACEHOLDER_COOKIE_KEY:
        return "placeholder"
    if len(key.encode("utf-8")) < MIN_COOKIE_KEY_BYTES:
        return "short"
    return None


def accounts_of(credentials: Mapping) -> dict[str, Account]:
    """The `[auth.credentials.usernames.*]` tables by normalised username.

    Entries without a password hash are skipped; of two names that normalise alike, the first
    (in sorted order) is kept, so the result does not depend on the file's order.
    """
    users = credentials.get("usernames", {}) if isinstance(credentials, Mapping) else {}
    accounts: dict[str, Account] = {}
    for raw_name in sorted(users):
        entry = users[raw_name]
        if not isinstance(entry, Mapping) or not isinstance(entry.get("password"), str):
            continue
        username = normalise_username(raw_name)
        if not username or username in accounts:
            continue
        roles = entry.get("roles") or []
        accounts[username] = Account(
            username=username,
            name=str(entry.get("name") or username),
            roles=tuple(str(r) for r in ([roles] if isinstance(roles, str) else roles)),
            password_hash=entry["password"],
        )
    return accounts


@lru_cache(maxsize=8)
def _dummy_hash(cost: int) -> bytes:
    return bcrypt.hashpw(b"no such account", bcrypt.gensalt(rounds=cost))


def _cost(password_hash: str) -> int:
    try:
        return min(max(int(password_hash.split("$")[2]), 4), 31)
    except (IndexError, ValueError):
        return 12


def check_password(accounts: Mapping[str, Account], username: str, password: str) -> Account | None:
    """The account when `password` is its password, else None, in the same time either way."""
    account = accounts.get(normalise_username(username))
    cost = max((_cost(a.password_hash) for a in accounts.values()), default=12)
    typed = password.encode("utf-8")
    if account is None:
        bcrypt.checkpw(typed, _dummy_hash(cost))
        return None
    try:
        ok = bcrypt.checkpw(typed, account.password_hash.encode("utf-8"))
    except ValueError:  # not a bcrypt hash: a broken account entry never logs in
        bcrypt.checkpw(typed, _dummy_hash(cost))
        ok = False
    return account if ok else None


def _now() -> float:
    return time.monotonic()  # a function of its own, so tests can move the clock


@dataclass
class Throttle:
    """Failed logins per normalised username, by time (shared by every session of a process)."""

    free_failures: int = 5
    window_s: float = 15 * 60
    first_lock_s: float = 30.0
    max_names: int = 10_000  # guessing many names must not grow memory without bound
    _failures: dict[str, list[float]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _recent(self, name: str, now: float) -> list[float]:
        times = [t for t in self._failures.get(name, []) if now - t < self.window_s]
        if times:
            self._failures[name] = times
        else:
            self._failures.pop(name, None)
        return times

    def retry_after(self, username: str, now: float | None = None) -> float:
        """Seconds until `username` may try again (0 when it may now)."""
        now = _now() if now is None else now
        with self._lock:
            times = self._recent(normalise_username(username), now)
        extra = len(times) - self.free_failures
        if extra < 0:
            return 0.0
        lock = min(self.first_lock_s * 2**extra, self.window_s)
        return max(0.0, times[-1] + lock - now)

    def failed(self, username: str, now: float | None = None) -> None:
        """Count one failed attempt."""
        now = _now() if now is None else now
        name = normalise_username(username)
        with self._lock:
            if name not in self._failures and len(self._failures) >= self.max_names:
                for other in list(self._failures):
                    self._recent(other, now)
                if len(self._failures) >= self.max_names:
                    self._failures.pop(next(iter(self._failures)))
            self._failures.setdefault(name, []).append(now)

    def succeeded(self, username: str) -> None:
        """Forget the failures of `username` (after a successful login)."""
        with self._lock:
            self._failures.pop(normalise_username(username), None)


def _password_version(account: Account) -> str:
    # Ties a cookie to the password it was earned with: a new password ends remembered logins.
    return hashlib.sha256(account.password_hash.encode("utf-8")).hexdigest()[:16]


def cookie_token(account: Account, key: str, days: float, now: float | None = None) -> str:
    """A signed remember-me token for `account`, valid for `days`."""
    now = time.time() if now is None else now
    claims = {
        "sub": account.username,
        "pv": _password_version(account),
        "exp": int(now + days * 86400),
    }
    return jwt.encode(claims, key, algorithm=COOKIE_ALGORITHM)


def cookie_user(token: object, key: str, accounts: Mapping[str, Account]) -> Account | None:
    """The account a remember-me token stands for, or None for any token that is not valid."""
    if not isinstance(token, str) or not token or len(token) > 4096:
        return None
    try:
        claims = jwt.decode(
            token, key, algorithms=[COOKIE_ALGORITHM], options={"require": ["exp", "sub", "pv"]}
        )
    except jwt.PyJWTError:
        return None
    account = accounts.get(claims.get("sub")) if isinstance(claims.get("sub"), str) else None
    if account is None or claims.get("pv") != _password_version(account):
        return None
    return account

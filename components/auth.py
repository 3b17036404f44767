"""Curator login: who is editing, with which roles. Viewers never log in.

Settings come from `st.secrets["auth"]` (`.streamlit/secrets.toml`, see the committed
`secrets.toml.example`), else from the TOML file named by `$TRACKER_AUTH_FILE` (same `[auth]`
table). Passwords are bcrypt hashes (`python -m store add-user NAME --role curator`). The rules
(normalised usernames, constant-time checks, time-based throttling, the signed remember-me cookie)
live in `store.login`; this module only draws the form and keeps the session's login. What is
promised, and how an admin unlocks an account or rotates the cookie key: docs/SECURITY.md.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import tomllib
from pathlib import Path

import streamlit as st

from components.i18n import t
from store import Actor
from store.login import (
    Account,
    Throttle,
    accounts_of,
    check_password,
    cookie_key_problem,
    cookie_token,
    cookie_user,
)
from views.text import md_text

__all__ = ["AUTH_FILE_ENV", "auth_config", "current_actor", "login_gate"]

log = logging.getLogger(__name__)
AUTH_FILE_ENV = "TRACKER_AUTH_FILE"
DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_LOCKOUT_MINUTES = 15
DEFAULT_COOKIE_NAME = "tracker_curator"
COOKIE_NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# Session keys of our own, never a widget key: a client can send widget state under any id, but
# only this module stores an Actor object here.
SESSION_ACTOR = "_curator_actor"
SESSION_LOGGED_OUT = "_curator_logged_out"  # ignore the (stale) cookie after logging out


def auth_config() -> dict | None:
    """The `[auth]` settings as a plain dict, or None when no curator accounts are configured."""
    try:
        if "auth" in st.secrets:
            return _plain(st.secrets["auth"])
    except Exception:  # no secrets.toml at all: Streamlit raises on access
        pass
    path = os.environ.get(AUTH_FILE_ENV)
    if path and Path(path).is_file():
        return tomllib.loads(Path(path).read_text(encoding="utf-8")).get("auth")
    return None


def _plain(value):
    if hasattr(value, "items"):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _session(key: str):
    try:
        return st.session_state.get(key)
    except Exception:  # state a client injected under this id cannot be read: treat as absent
        return None


def current_actor() -> Actor | None:
    """The logged-in user and roles of this session, or None."""
    actor = _session(SESSION_ACTOR)
    return actor if isinstance(actor, Actor) and actor.user else None


@st.cache_resource(max_entries=4, show_spinner=False)
def _throttle(free_failures: int, window_minutes: float) -> Throttle:
    # One throttle per setting for the whole process, shared by every session.
    return Throttle(free_failures=free_failures, window_s=window_minutes * 60)


def _number(config: dict, key: str, default: float, low: float) -> float:
    try:
        return max(float(config.get(key, default)), low)
    except (TypeError, ValueError):
        return default


def _cookie_name(config: dict) -> str:
    name = str(config.get("cookie_name") or DEFAULT_COOKIE_NAME)
    return name if COOKIE_NAME_RE.match(name) else DEFAULT_COOKIE_NAME


def _write_cookie(name: str, value: str, max_age_s: int) -> None:
    """Set (or, with max_age 0, delete) a cookie in the visitor's browser."""
    cookie = f"{name}={value}; Max-Age={max_age_s}; Path=/; SameSite=Strict"
    try:
        if str(st.context.url or "").startswith("https://"):
            cookie += "; Secure"  # behind HTTPS the cookie never travels in clear
    except Exception:  # no browser context (tests, bare mode)
        pass
    script = f"<script>document.cookie = {json.dumps(cookie)};</script>"
    st.html(script, unsafe_allow_javascript=True, width="content")


def _log_in(account: Account, config: dict) -> Actor:
    """Keep the login in this session and, unless `cookie_expiry_days` is 0, in a signed cookie."""
    st.session_state[SESSION_ACTOR] = account.actor
    st.session_state[SESSION_LOGGED_OUT] = False
    days = _number(config, "cookie_expiry_days", 1, 0)
    if days > 0:
        token = cookie_token(account, config["cookie_key"], days)
        _write_cookie(_cookie_name(config), token, int(days * 86400))
    return account.actor


def _from_cookie(config: dict, accounts: dict[str, Account]) -> Actor | None:
    if _session(SESSION_LOGGED_OUT):
        return None
    try:
        token = st.context.cookies.get(_cookie_name(config))
    except Exception:  # no browser context (tests, bare mode)
        return None
    account = cookie_user(token, config["cookie_key"], accounts)
    if account is None:
        return None
    st.session_state[SESSION_ACTOR] = account.actor
    return account.actor


def _login_form(config: dict, accounts: dict[str, Account]) -> Actor | None:
    throttle = _throttle(
        int(_number(config, "max_login_attempts", DEFAULT_MAX_ATTEMPTS, 1)),
        _number(config, "lockout_minutes", DEFAULT_LOCKOUT_MINUTES, 1),
    )
    slot = st.empty()
    with slot.container():
        st.info(t("curate.login_needed"), icon=":material/lock:")
        with st.form("curate_login"):
            st.subheader(t("curate.login_title"))
            username = st.text_input(t("curate.login_username"), autocomplete="username")
            password = st.text_input(
                t("curate.login_password"), type="password", autocomplete="current-password"
            )
            submitted = st.form_submit_button(t("curate.login_submit"))
        if not submitted or not username or not password:
            return None
        wait_s = throttle.retry_after(username)
        if wait_s > 0:
            st.error(t("curate.login_locked", n=max(1, math.ceil(wait_s / 60))))
            return None
        account = check_password(accounts, username, password)
        if account is None:
            throttle.failed(username)
            log.warning("failed curator login for %r", username[:64])
            wait_s = throttle.retry_after(username)
            if wait_s > 0:
                st.error(t("curate.login_locked", n=max(1, math.ceil(wait_s / 60))))
            else:
                st.error(t("curate.login_failed"))
            return None
    throttle.succeeded(username)
    slot.empty()  # the form goes; the page draws on in this same run (the cookie needs that)
    log.info("curator %r logged in", account.username)
    return _log_in(account, config)


def login_gate() -> Actor | None:
    """Show the login form (or the logout button) and return the logged-in Actor, if any."""
    config = auth_config()
    if not config or not config.get("credentials"):
        st.info(t("curate.no_accounts"), icon=":material/lock:")
        return None
    problem = cookie_key_problem(config.get("cookie_key"))
    if problem is not None:
        log.error("curator login is off: the cookie key is %s (see docs/SECURITY.md)", problem)
        st.error(t(f"curate.cookie_key_{problem}"), icon=":material/lock:")
        return None
    accounts = accounts_of(config["credentials"])
    actor = current_actor()
    if actor is not None and actor.user not in accounts:  # the account was removed meanwhile
        st.session_state[SESSION_ACTOR] = actor = None
    if actor is not None and _logout_pressed(actor):
        log.info("curator %r logged out", actor.user)
        st.session_state[SESSION_ACTOR] = actor = None
        st.session_state[SESSION_LOGGED_OUT] = True
        _write_cookie(_cookie_name(config), "", 0)  # drawn in this run, so the browser runs it
    if actor is None:
        actor = _from_cookie(config, accounts) or _login_form(config, accounts)
        if actor is not None:
            _logout_pressed(actor)  # draw the sidebar's login line and logout button
    return actor


def _logout_pressed(actor: Actor) -> bool:
    """Draw who is logged in and the logout button in the sidebar; True when it was pressed (then
    both are gone again)."""
    slot = st.sidebar.empty()
    with slot.container():
        st.markdown(
            t(
                "curate.logged_in_as",
                user=md_text(actor.user),
                roles=md_text(", ".join(actor.roles) or "—"),
            )
        )
        pressed = st.button(t("curate.logout"), key="curate_logout")
    if pressed:
        slot.empty()
    return pressed

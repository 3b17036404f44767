"""Curator login (streamlit-authenticator): who is editing, with which roles. Viewers never log in.

Settings come from `st.secrets["auth"]` (`.streamlit/secrets.toml`, see the committed
`secrets.toml.example`), else from the TOML file named by `$TRACKER_AUTH_FILE` (same `[auth]`
table). Passwords are bcrypt hashes (`python -m loaders add-user NAME --role curator`). Failed
attempts are counted per username for the whole server process, so `max_login_attempts` holds
across sessions until the server restarts.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import tomllib
from pathlib import Path

import streamlit as st

from components.i18n import t
from store import Actor

__all__ = ["AUTH_FILE_ENV", "auth_config", "current_actor", "login_gate"]

AUTH_FILE_ENV = "TRACKER_AUTH_FILE"
DEFAULT_MAX_ATTEMPTS = 5


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


@st.cache_resource(max_entries=4, show_spinner=False)
def _credentials(fingerprint: str, config_json: str) -> dict:
    # One mutable credentials dict per configuration for the whole process: the authenticator keeps
    # its failed-attempt counters in it, so the limit is not reset by opening a new session.
    return copy.deepcopy(json.loads(config_json)["credentials"])


def _authenticator(config: dict):
    import streamlit_authenticator as stauth

    config_json = json.dumps(config, sort_keys=True)
    fingerprint = hashlib.sha256(config_json.encode()).hexdigest()
    return stauth.Authenticate(
        _credentials(fingerprint, config_json),
        config.get("cookie_name", "tracker_curator"),
        config["cookie_key"],
        float(config.get("cookie_expiry_days", 1)),
        auto_hash=False,
        login_sleep_time=0,  # the cookie is read from st.context; no need to wait for a component
    )


def current_actor() -> Actor | None:
    """The logged-in user and roles of this session, or None."""
    if st.session_state.get("authentication_status") and st.session_state.get("username"):
        return Actor.of(st.session_state["username"], st.session_state.get("roles"))
    return None


def login_gate() -> Actor | None:
    """Show the login form (or the logout button) and return the logged-in Actor, if any."""
    from streamlit_authenticator.utilities.exceptions import LoginError

    config = auth_config()
    if not config or not config.get("cookie_key") or not config.get("credentials"):
        st.info(t("curate.no_accounts"), icon="🔒")
        return None
    authenticator = _authenticator(config)
    if current_actor() is None:
        st.info(t("curate.login_needed"), icon="🔒")
        try:
            authenticator.login(
                location="main",
                max_login_attempts=int(config.get("max_login_attempts", DEFAULT_MAX_ATTEMPTS)),
                fields={
                    "Form name": t("curate.login_title"),
                    "Username": t("curate.login_username"),
                    "Password": t("curate.login_password"),
                    "Login": t("curate.login_submit"),
                },
                key="curate_login",
            )
        except LoginError:
            st.error(t("curate.login_locked"))
            return None
        if current_actor() is not None:
            st.rerun()  # draw the page again without the form
        if st.session_state.get("authentication_status") is False:
            st.error(t("curate.login_failed"))
    actor = current_actor()
    if actor is not None:
        st.sidebar.markdown(
            t("curate.logged_in_as", user=actor.user, roles=", ".join(actor.roles) or "—")
        )
        authenticator.logout(t("curate.logout"), location="sidebar", key="curate_logout")
        actor = current_actor()  # None again if the logout button was just pressed
    return actor

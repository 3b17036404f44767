"""Curator login in Chromium: the remembered login survives a reload; crafted cookies and injected
widget state read as logged out (never an exception box)."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse

import bcrypt
import jwt
import pytest

from tests.browser.conftest import open_app, serve_app, wait_for_rerun

PASSWORD = "correct horse battery"
USER = "alice"
COOKIE = "tracker_browser_test"
KEY = "browser-test-cookie-key-" + "x" * 40  # test only, never a real key


@pytest.fixture(scope="module")
def login_url(browser, tmp_path_factory):
    """A server of its own with one test account (made here) and no database."""
    auth = tmp_path_factory.mktemp("auth") / "auth.toml"
    hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode()
    auth.write_text(
        "[auth]\n"
        f'cookie_name = "{COOKIE}"\ncookie_key = "{KEY}"\ncookie_expiry_days = 1\n'
        f'[auth.credentials.usernames.{USER}]\nname = "Alice"\npassword = "{hashed}"\n'
        'roles = ["curator"]\n',
        encoding="utf-8",
    )
    saved = {k: os.environ.get(k) for k in ("TRACKER_AUTH_FILE", "TRACKER_DB_URL")}
    os.environ.update(TRACKER_AUTH_FILE=str(auth), TRACKER_DB_URL="off")
    try:
        with serve_app("streamlit-server-login.log") as url:
            yield url
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def login_form_shown(page) -> bool:
    return page.get_by_role("textbox", name="Password").count() > 0


def logged_in_line(page):
    return page.get_by_text("Logged in as")


def no_exception_box(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def test_a_login_is_remembered_across_a_reload_and_forgotten_after_logout(page, login_url):
    open_app(page, login_url, "/curate")
    page.get_by_role("textbox", name="Username").fill(USER)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    logged_in_line(page).wait_for()
    page.wait_for_function(f"document.cookie.includes('{COOKIE}=')", timeout=10_000)
    cookie = next(c for c in page.context.cookies() if c["name"] == COOKIE)
    assert cookie["sameSite"] == "Strict" and cookie["expires"] > time.time() + 3600
    page.reload()
    wait_for_rerun(page)
    logged_in_line(page).wait_for()
    assert not login_form_shown(page)
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("textbox", name="Password").wait_for()
    page.wait_for_function(f"!document.cookie.includes('{COOKIE}=')", timeout=10_000)
    page.reload()
    wait_for_rerun(page)
    page.get_by_role("textbox", name="Password").wait_for()
    assert logged_in_line(page).count() == 0


def b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


CLAIMS = {"sub": USER, "pv": "0" * 16, "exp": int(time.time()) + 86400}
CRAFTED = {
    "alg none": f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(CLAIMS)}.",
    "HS512": jwt.encode(CLAIMS, KEY, algorithm="HS512"),
    "not a token": "garbage",
    "library's own claims": jwt.encode(
        {"username": USER, "exp_date": CLAIMS["exp"]}, KEY, algorithm="HS256"
    ),
}


@pytest.mark.parametrize("case", list(CRAFTED))
def test_a_crafted_cookie_is_a_logged_out_visitor(page, login_url, case):
    host = urlparse(login_url).hostname
    cookie = {"name": COOKIE, "value": CRAFTED[case], "domain": host, "path": "/"}
    page.context.add_cookies([cookie])
    open_app(page, login_url, "/curate")
    page.get_by_role("textbox", name="Password").wait_for()
    no_exception_box(page)
    assert logged_in_line(page).count() == 0


async def _run_with_injected_state(port: int, page: str, widget_ids: list[str]) -> list[str]:
    """Open `page` over the websocket as a browser would, with widget state under `widget_ids`;
    return the exception messages the server sent."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    errors: list[str] = []
    async with websockets.connect(
        f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"], max_size=None
    ) as ws:
        back = BackMsg()
        back.rerun_script.page_name = page
        for widget_id in widget_ids:
            state = back.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            state.string_value = "alice"
        await ws.send(back.SerializeToString())
        async with asyncio.timeout(60):
            while True:
                msg = ForwardMsg.FromString(await ws.recv())
                kind = msg.WhichOneof("type")
                if kind == "delta" and msg.delta.new_element.WhichOneof("type") == "exception":
                    errors.append(msg.delta.new_element.exception.message)
                if kind == "script_finished":
                    return errors


@pytest.mark.parametrize("page_name", ["curate", ""])
def test_injected_widget_state_is_a_logged_out_visitor(login_url, page_name):
    port = urlparse(login_url).port
    ids = ["authentication_status", "username", "roles", "_curator_actor", "_curator_logged_out"]
    with ThreadPoolExecutor(1) as pool:  # Playwright's sync API holds this thread's event loop
        errors = pool.submit(asyncio.run, _run_with_injected_state(port, page_name, ids)).result()
    assert errors == []

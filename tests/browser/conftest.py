"""Real-browser harness: the real server, Debian's Chromium, and a page that must stay offline.

Fixtures
- `app_url` (session): boots `streamlit run dashboard.py` on a free port from the repo root,
  waits for `/_stcore/health`, yields the base URL ("http://127.0.0.1:PORT") and stops the server
  at the end. Its log is `test-artifacts/streamlit-server.log`.
- `fresh_app_url` (per test): the same, on a server of its own that no page has visited yet.
- `browser` (session): `/usr/bin/chromium` launched through Playwright with the flags of STACK.md.
- `page` (per test): a new context with a 1400×1800 viewport. Every request to a host other than
  127.0.0.1/localhost is blocked and recorded, every console error and uncaught page error is
  recorded; the test fails at teardown if either list is not empty. On failure a full-page
  screenshot goes to `test-artifacts/<test name>.png`.

Helpers (import them: `from tests.browser.conftest import open_app, wait_for_rerun`)
- `open_app(page, app_url, "/overview?cycle=2016")`: navigate and wait until the app has rendered.
- `wait_for_rerun(page)`: after an interaction, wait until the rerun it caused has finished.
- `has_app_style(page)`: whether the app's own style (components/style.py) is on the page
  (`open_app` waits for it).
- `server_log_tail()`: the end of the server log (`test-artifacts/streamlit-server.log`), where the
  traceback behind a (redacted) exception box is.

Without `/usr/bin/chromium` every browser test is skipped, unless `REQUIRE_BROWSER=1` (CI), which
turns the skip into a failure.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from components.style import ACCESSIBILITY

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1400, "height": 1800}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
SERVER_START_TIMEOUT = 60.0  # seconds
RENDER_TIMEOUT = 60_000  # milliseconds; generous: a 2-core machine under load is slow

__all__ = [
    "open_app",
    "has_app_style",
    "APP_STYLE_MARKER",
    "wait_for_rerun",
    "server_log_tail",
    "serve_app",
    "new_context",
    "CHROMIUM_FLAGS",
    "VIEWPORT",
]


# --- skip or fail when Chromium is missing -----------------------------------------------------


def _require_browser() -> bool:
    return os.environ.get("REQUIRE_BROWSER") == "1"


def _missing_browser_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (apt-get install chromium; never `playwright install`)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pip install -e '.[test]')"
    return None


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test of this folder `browser` (so `-m "not browser"` leaves them all out, even
    in a file that forgets `pytestmark`); skip them without a browser, unless REQUIRE_BROWSER=1
    (then the `browser` fixture fails with the reason)."""
    here = Path(__file__).parent
    mine = [item for item in items if here in Path(str(item.path)).parents]
    reason = _missing_browser_reason()
    for item in mine:
        item.add_marker(pytest.mark.browser)
        if reason is not None and not _require_browser():
            item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {reason}"))


# --- outcome of each test, for the screenshot on failure ----------------------------------------


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _failed(item: pytest.Item) -> bool:
    return any(
        getattr(getattr(item, f"report_{when}", None), "failed", False)
        for when in ("setup", "call")
    )


# --- the real server ----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def serve_app(log_name: str = "streamlit-server.log") -> Iterator[str]:
    """Run `streamlit run dashboard.py` from the repo root on a free port; yield its base URL."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / log_name
    # sys.executable is the .venv's python under the README's command (.venv/bin/python -m pytest).
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",  # no reruns when files change during the session
    ]  # fmt: skip
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while not _healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(encoding="utf-8")[-3000:]
                pytest.fail(
                    f"streamlit did not come up on {url} (exit code {server.poll()}):\n{tail}"
                )
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="session")
def app_url(browser) -> Iterator[str]:
    """Base URL of the real app, one server for the whole session."""
    # Depends on `browser` so a missing Chromium skips/fails before a server is started.
    with serve_app() as url:
        # Until some session has run dashboard.py's st.navigation, Streamlit serves a deep link in
        # its pages/-folder (v1) mode. Open / once so each test sees the app in its steady state;
        # test_first_visit_to_a_deep_link_runs_the_entry_file checks the first visit itself.
        context = new_context(browser)
        try:
            open_app(context.new_page(), url, "/", timeout=60_000)
        finally:
            context.close()
        yield url


@pytest.fixture
def fresh_app_url(browser) -> Iterator[str]:
    """Base URL of a server that no browser has visited yet (for first-visit behaviour)."""
    with serve_app("streamlit-server-fresh.log") as url:
        yield url


# --- the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (one for the whole session)."""
    reason = _missing_browser_reason()
    if reason is not None:
        message = f"browser tests cannot run: {reason}"
        if _require_browser():
            pytest.fail(message + " (REQUIRE_BROWSER=1)", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


# Records Streamlit's script state (attribute `data-test-script-state` of stApp: initial, running,
# rerunRequested, notRunning) with timestamps, and the time of the last user input, so that
# `wait_for_rerun` can tell "the rerun has not started yet" from "it has already finished".
_STATE_TRACKER = """
(() => {
  const st = { state: null, changed: performance.now(), finished: 0, input: 0 };
  window.__stTracker = st;
  const read = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app ? app.getAttribute('data-test-script-state') : null;
    if (state !== st.state) {
      st.state = state;
      st.changed = performance.now();
      if (state === 'notRunning') st.finished = st.changed;
    }
  };
  for (const type of ['pointerdown', 'keydown', 'input', 'change']) {
    window.addEventListener(type, () => { st.input = performance.now(); }, true);
  }
  const start = () => {
    new MutationObserver(read).observe(document.documentElement, {
      subtree: true, childList: true, attributes: true, attributeFilter: ['data-test-script-state'],
    });
    read();
  };
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})();
"""

# True once the script is not running and has been quiet for a moment; after a user input, also
# waits for a run that finished after it (or 2 s without any run starting: not every input reruns).
_SETTLED = """
() => {
  const st = window.__stTracker;
  if (!st || st.state !== 'notRunning') return false;
  const now = performance.now();
  if (now - st.changed < 250) return false;
  if (st.input > st.finished && now - st.input < 2000) return false;
  return !document.querySelector('[data-testid="stStatusWidgetRunningIcon"]');
}
"""


def new_context(browser):
    """A browser context with the tall viewport and the script-state tracker `open_app` needs."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(_STATE_TRACKER)
    return context


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about", "chrome-error"):
        return True
    return parsed.hostname in LOCAL_HOSTS


# Opening a deep link such as /overview, Streamlit's frontend first tries /overview as the
# server's base path (GET /overview/_stcore/health and /overview/_stcore/host-config), gets 404,
# then falls back to /. Chromium logs those 404s as console errors: the framework's, not the app's.
_BASE_PATH_PROBE = re.compile(r"^/[^/]+/_stcore/(health|host-config)$")


def _is_base_path_probe(msg) -> bool:
    url = msg.location.get("url", "")
    return (
        msg.text.startswith("Failed to load resource")
        and "404" in msg.text
        and _is_local(url)
        and bool(_BASE_PATH_PROBE.match(urlparse(url).path))
    )


def server_log_tail(chars: int = 4000, log_name: str = "streamlit-server.log") -> str:
    """The end of the app server's log (tracebacks of uncaught app exceptions land there)."""
    log_path = ARTIFACTS / log_name
    return log_path.read_text(encoding="utf-8")[-chars:] if log_path.exists() else "(no server log)"


def _artifact_name(item: pytest.Item) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", item.name).strip("_") or "test"


@pytest.fixture
def page(browser, request: pytest.FixtureRequest):
    """A fresh page that is offline by construction and must log no console error."""
    context = new_context(browser)
    external: list[str] = []
    console_errors: list[str] = []

    def route(route) -> None:
        if _is_local(route.request.url):
            route.continue_()
        else:
            external.append(f"{route.request.method} {route.request.url}")
            route.abort()

    context.route("**/*", route)
    new_page = context.new_page()
    new_page.set_default_timeout(RENDER_TIMEOUT)
    new_page.on(
        "websocket", lambda ws: None if _is_local(ws.url) else external.append(f"WS {ws.url}")
    )

    def on_console(msg) -> None:
        if msg.type == "error" and not _is_base_path_probe(msg):
            console_errors.append(f"{msg.text} (at {msg.location.get('url', '?')})")

    new_page.on("console", on_console)
    new_page.on("pageerror", lambda error: console_errors.append(f"uncaught: {error}"))

    yield new_page

    try:
        if _failed(request.node) or external or console_errors:
            ARTIFACTS.mkdir(exist_ok=True)
            shot = ARTIFACTS / f"{_artifact_name(request.node)}.png"
            try:
                new_page.screenshot(path=str(shot), full_page=True, timeout=15_000)
            except Exception as error:  # a failed screenshot must not hide the test's own failure
                warnings.warn(f"no screenshot for {request.node.name}: {error}", stacklevel=1)
    finally:
        context.close()
    problems = []
    if external:
        problems.append("requests to the internet (blocked):\n  " + "\n  ".join(external))
    if console_errors:
        problems.append("console errors:\n  " + "\n  ".join(console_errors))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


# --- helpers -------------------------------------------------------------------------------------


def wait_for_rerun(page, timeout: float = RENDER_TIMEOUT) -> None:
    """Return once the script run caused by the last interaction (if any) has finished."""
    page.wait_for_function(_SETTLED, timeout=timeout, polling=50)


# A rule of the app's own style (components/style.py) that no other style of the page has.
APP_STYLE_MARKER = ACCESSIBILITY.strip().splitlines()[0]
_STYLED = """(marker) => [...document.querySelectorAll('style')]
  .some(s => s.textContent.includes(marker))"""


def has_app_style(page) -> bool:
    """Whether the app's own style is on the page."""
    return page.evaluate(_STYLED, APP_STYLE_MARKER)


def open_app(
    page, app_url: str, path_and_query: str = "/", timeout: float = RENDER_TIMEOUT
) -> None:
    """Open `path_and_query` (e.g. "/overview?cycle=2016") and wait until the page has rendered."""
    page.goto(app_url + path_and_query)
    page.locator('[data-testid="stApp"]').wait_for(timeout=timeout)
    wait_for_rerun(page, timeout)
    # In a new tab the app's style can come after the first captions (components/style.py);
    # once there it stays (tests/browser/test_style.py).
    page.wait_for_function(_STYLED, arg=APP_STYLE_MARKER, timeout=timeout, polling=50)
    # Something drawn in the main area (its first element may be an invisible style block).
    page.wait_for_function(
        """() => [...document.querySelectorAll(
                   '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]')]
                 .some(e => e.getBoundingClientRect().height > 0)""",
        timeout=timeout,
        polling=100,
    )
    skeleton = page.locator('[data-testid="stSkeletonElement"]')
    skeleton.first.wait_for(state="hidden", timeout=timeout)

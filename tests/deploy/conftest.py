"""One real deployment for this folder: `python -m deploy up --processes 2` (HAProxy, a throwaway
PostgreSQL, two app processes on loopback), started once and stopped at the end.

Skipped with the reason where HAProxy or PostgreSQL's server binaries are missing; under
`REQUIRE_BROWSER=1` or `CI=true` (as `.ci/run` sets) that is a failure instead.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import http.client
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.ws_client import PageLoad, open_page
from deploy.balancer import find_haproxy
from deploy.postgres import find_pg_bindir
from deploy.stack import free_port, read_state, stop_running

REPO = Path(__file__).resolve().parents[2]
COOKIE = "tracker_server"
SERVER_HEADER = "x-tracker-server"
START_TIMEOUT_S = 240  # two cold app processes and initdb on a busy 2-core machine


def _required() -> bool:
    return os.environ.get("REQUIRE_BROWSER") == "1" or os.environ.get("CI") == "true"


def _missing() -> str | None:
    if find_haproxy() is None:
        return "haproxy not found (apt-get install haproxy)"
    if find_pg_bindir() is None:
        return "PostgreSQL server binaries not found (apt-get install postgresql)"
    return None


@dataclass
class Deployment:
    port: int
    state_dir: Path
    process: subprocess.Popen

    @property
    def state(self) -> dict:
        state = read_state(self.state_dir)
        assert state is not None, "the deployment's state file is gone"
        return state

    @property
    def db_url(self) -> str:
        return self.state["db_url"]

    def logs(self) -> str:
        parts = []
        for log in sorted((self.state_dir / "logs").glob("*.log")):
            parts.append(f"--- {log.name}\n" + log.read_text(errors="replace")[-1500:])
        return "\n".join(parts)


@pytest.fixture(scope="session")
def deployment(tmp_path_factory) -> Deployment:
    """Two app processes behind HAProxy on a throwaway PostgreSQL, all on loopback."""
    reason = _missing()
    if reason:
        if _required():
            pytest.fail(f"deploy tests cannot run: {reason} (REQUIRE_BROWSER=1/CI)", pytrace=False)
        pytest.skip(f"deploy tests skipped: {reason}")
    state_dir = tmp_path_factory.mktemp("deploy") / "state"
    port = free_port()
    log = (state_dir.parent / "up.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "deploy", "up", "--processes", "2", "--port", str(port),
         "--state-dir", str(state_dir)],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    found = Deployment(port, state_dir, process)
    deadline = time.monotonic() + START_TIMEOUT_S
    while not (read_state(state_dir) or {}).get("ready"):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            up = (state_dir.parent / "up.log").read_text(errors="replace")
            pytest.fail(f"`deploy up` did not get ready:\n{up[-3000:]}\n{found.logs()}")
        time.sleep(0.5)
    yield found
    stop_running(state_dir)
    process.wait(60)
    log.close()


def pin(server: str) -> dict[str, str]:
    """The request header of a visitor the balancer has pinned to `server`."""
    return {"Cookie": f"{COOKIE}={server}"}


def run_async(coroutine):
    """`asyncio.run(coroutine)` in a thread of its own: the browser tests' Playwright (sync API)
    keeps an event loop running in the main thread all session, where asyncio.run fails."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def load(port: int, url: str, server: str | None = None, *, keep: bool = False) -> PageLoad:
    """One websocket session through the balancer at `port`, with the sticky cookie of `server`."""
    headers = pin(server) if server else None
    return run_async(open_page(port, url, timeout=120, keep=keep, headers=headers))


def http_get(port: int, path: str, server: str | None = None) -> tuple[int, dict[str, str]]:
    """Status and (lower-cased) headers of one HTTP GET through the balancer."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers=pin(server) if server else {})
        reply = conn.getresponse()
        reply.read()
        headers: dict[str, str] = {}
        for name, value in reply.getheaders():  # several Set-Cookie headers: keep them all
            name = name.lower()
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
        return reply.status, headers
    finally:
        conn.close()


def cookie_of(headers: dict[str, str]) -> str | None:
    """The server the balancer's Set-Cookie pins this visitor to, if it set one."""
    found = re.search(rf"(?:^|[;,]\s*){COOKIE}=([^;,\s]+)", headers.get("set-cookie", ""))
    return found.group(1) if found else None


def page_text(page: PageLoad) -> str:
    """Everything a page sent, as text (protobuf strings are UTF-8 in the bytes)."""
    return b"".join(page.payloads).decode("utf-8", errors="replace")

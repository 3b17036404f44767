"""Two app processes behind HAProxy on one PostgreSQL: sticky sessions, shared edits, a fault.

The tests run in this order on one deployment (see conftest.py); the last one stops it.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

from benchmarks.ws_client import connect, open_page, run_page
from deploy.balancer import CHECK_MS, FALL, in_rotation, server_status
from deploy.stack import stop_running
from loaders import load_package
from store import Actor, open_store, save_row
from tests.deploy.conftest import (
    COOKIE,
    SERVER_HEADER,
    cookie_of,
    http_get,
    load,
    page_text,
    pin,
    run_async,
)

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
CURATOR = Actor.of("deploy-test", "curator")
# HAProxy takes a process out after FALL failed checks CHECK_MS apart; slack for a busy box.
OUT_WITHIN_S = FALL * CHECK_MS / 1000 + 3.0


def shown_candidacy(store) -> dict:
    """A candidacy of the newest cycle: the overview's default view lists its role."""
    frame = store.text_frames()["candidacies"]
    newest = max(frame["cycle"].to_list(), key=int)
    first = frame.filter(frame["cycle"] == newest).row(0, named=True)
    return store.row("candidacies", (first["cycle"], first["person_id"]))


def set_role(store, role: str) -> bool:
    """A curator's save of the shown candidacy's role, through the store API; True if saved."""
    row = shown_candidacy(store)
    result = save_row(
        store,
        "candidacies",
        {**row, "role_at_nomination": role},
        actor=CURATOR,
        reason="deploy test (SYNTHETIC edit): seen by every process",
        expected_version=row["row_version"],
    )
    return result.ok


def audited(store) -> int:
    """Audit rows this test's curator has written so far."""
    audit = store.tables.audit_log
    query = sa.select(sa.func.count()).select_from(audit).where(audit.c.user == CURATOR.user)
    with store.engine.connect() as conn:
        return conn.execute(query).scalar()


def test_a_sessions_requests_and_websocket_reconnects_stay_on_one_process(deployment):
    port = deployment.port
    seen = set()
    for _ in range(4):  # four new visitors, one after another
        status, headers = http_get(port, "/")
        assert status == 200
        server = headers[SERVER_HEADER]
        assert cookie_of(headers) == server  # the balancer pins the visitor to that process
        for _ in range(2):  # the session's websocket, then a reconnect: same process
            page = load(port, "/", server)
            assert page.ok, page.error
            assert page.response_headers[SERVER_HEADER] == server
            assert COOKIE not in page.response_headers.get("set-cookie", "")  # already pinned
        status, headers = http_get(port, "/_stcore/host-config", server)
        assert (status, headers[SERVER_HEADER]) == (200, server)  # its HTTP requests too
        seen.add(server)
    assert seen == {"app1", "app2"}  # new visitors are spread over both processes


def test_an_edit_saved_on_the_shared_database_shows_on_every_process_on_its_next_rerun(deployment):
    store = open_store(deployment.db_url, DATA)
    marker = f"DeployMarker{uuid.uuid4().hex[:10]}"
    original = shown_candidacy(store)["role_at_nomination"]
    servers = [app["name"] for app in deployment.state["apps"]]
    for server in servers:  # both processes have built (and cached) the page before the edit
        page = load(deployment.port, "/", server, keep=True)
        assert page.ok and page.response_headers[SERVER_HEADER] == server
        assert marker not in page_text(page)
    assert set_role(store, f"{original} {marker}")
    for server in servers:
        page = load(deployment.port, "/", server, keep=True)
        assert page.ok and page.response_headers[SERVER_HEADER] == server
        assert marker in page_text(page), f"{server} still shows the data before the edit"
    store.engine.dispose()


def test_a_killed_process_is_taken_out_the_other_keeps_serving_and_it_rejoins(deployment):
    port, state = deployment.port, deployment.state
    victim, survivor = state["apps"][0], state["apps"][1]["name"]
    stats = Path(state["stats_socket"])
    store = open_store(deployment.db_url, DATA)
    key = (shown_candidacy(store)["cycle"], shown_candidacy(store)["person_id"])
    edits_before, audited_before = store.state().edits, audited(store)
    stop = threading.Event()
    acknowledged: list[str] = []

    def victim_status() -> str:
        return server_status(stats)[victim["name"]]

    def curator() -> None:  # keeps saving while the process is killed and comes back
        i = 0
        while not stop.is_set():
            i += 1
            role = f"Role during the fault test, save {i}"
            if set_role(store, role):
                acknowledged.append(role)
            time.sleep(0.1)

    async def scenario() -> dict:
        pinned = []  # sessions pinned to the survivor, opening pages throughout

        async def viewer() -> None:
            while not stop.is_set():
                pinned.append(await open_page(port, "/", timeout=120, headers=pin(survivor)))

        held = await connect(port, headers=pin(survivor))  # an open session on the survivor
        first = await run_page(held, "/", timeout=120)
        viewers = [asyncio.create_task(viewer()) for _ in range(3)]
        writer = asyncio.create_task(asyncio.to_thread(curator))
        # The supervisor restarts a dead process at once, and a quick restart can pass its next
        # health check before HAProxy counts the second failure (FALL): HAProxy then never takes
        # it out ("UP" -> "UP 1/2" -> "UP"). Pausing the supervisor holds the restart, so the
        # window while the victim is out lasts until the routing below has been seen.
        os.kill(state["supervisor_pid"], signal.SIGSTOP)
        try:
            await asyncio.sleep(1.0)
            os.kill(victim["pid"], signal.SIGKILL)
            killed_at = time.monotonic()
            while in_rotation(victim_status()):
                assert time.monotonic() - killed_at < OUT_WITHIN_S, "HAProxy still has it in"
                await asyncio.sleep(0.05)
            out_after = time.monotonic() - killed_at
            # While it is out, the victim's own visitors, and new ones, go to the survivor.
            landed = []
            for headers in (pin(victim["name"]), None, None):
                ws = await connect(port, headers=headers)
                landed.append(ws.response.headers[SERVER_HEADER])
                await ws.close()
            status, headers = await asyncio.to_thread(http_get, port, "/")  # a new visitor
            new_visitor = (status, cookie_of(headers))
            still_out = victim_status()
            rerun = await run_page(held, "/", timeout=120)  # the survivor's session carries on
        finally:
            os.kill(state["supervisor_pid"], signal.SIGCONT)  # the supervisor restarts the victim
            stop.set()  # also ends the curator's thread, which the event loop waits for
            await held.close()
            await asyncio.gather(*viewers, writer, return_exceptions=True)
        return dict(first=first, rerun=rerun, out_after=out_after, landed=landed,
                    new_visitor=new_visitor, still_out=still_out, pinned=pinned)  # fmt: skip

    seen = run_async(scenario())
    print(f"taken out {seen['out_after']:.1f} s after the kill; {len(seen['pinned'])} page loads")
    assert not in_rotation(seen["still_out"])  # nothing brought it back during the handshakes
    assert seen["landed"] == [survivor] * 3
    assert seen["new_visitor"] == (200, survivor)  # and the balancer pins it to the survivor
    assert seen["first"].ok and seen["rerun"].ok, seen["rerun"].error
    assert seen["rerun"].response_headers[SERVER_HEADER] == survivor
    errors = [p.error for p in seen["pinned"] if not p.ok]
    assert len(seen["pinned"]) >= 3 and not errors, errors

    # No curator write lost or half-applied: every acknowledged save, and only those, is stored.
    assert acknowledged
    assert store.state().edits - edits_before == len(acknowledged)
    assert store.row("candidacies", key)["role_at_nomination"] == acknowledged[-1]
    assert audited(store) - audited_before == len(acknowledged)  # one audit row per save

    # The supervisor restarts it on its port; HAProxy lets it back in; it serves current data.
    deadline = time.monotonic() + 120
    while victim_status() != "UP":
        assert time.monotonic() < deadline, f"not back in time:\n{deployment.logs()}"
        time.sleep(0.2)
    now = next(a for a in deployment.state["apps"] if a["name"] == victim["name"])
    assert now["pid"] != victim["pid"] and now["restarts"] == victim["restarts"] + 1
    assert now["port"] == victim["port"]
    page = load(port, "/", victim["name"], keep=True)
    assert page.ok and page.response_headers[SERVER_HEADER] == victim["name"]
    assert acknowledged[-1] in page_text(page)
    store.engine.dispose()


def test_down_exports_the_edits_and_stops_every_process(deployment):
    state = deployment.state
    pids = [a["pid"] for a in state["apps"]] + [state["haproxy_pid"], state["postgres_pid"]]
    assert stop_running(deployment.state_dir)
    assert deployment.process.wait(30) == 0
    assert not [pid for pid in pids if Path(f"/proc/{pid}").exists()]
    try:
        http_get(deployment.port, "/_stcore/health")
        raise AssertionError("the balancer still answers after down")
    except ConnectionRefusedError:
        pass
    # The throwaway cluster is gone; its curators' edits are kept as a valid data package.
    assert not Path(state["postgres_dir"]).exists()
    (exported,) = deployment.state_dir.glob("export-*")
    package = load_package(exported)
    assert package.ok, package.problems[:3]
    assert "Role during the fault test" in (exported / "candidacies.csv").read_text()

"""Open a page the way the browser does, through Streamlit's websocket protocol (no browser).

Loopback only. One session: connect to `ws://127.0.0.1:PORT/_stcore/stream` with the `streamlit`
subprotocol, send a `BackMsg.rerun_script` with the page's query string and page name (its
url_path; "" for the default page), read `ForwardMsg`s until `script_finished`.
"""

from __future__ import annotations

import asyncio
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

MAX_SESSIONS = 200  # a bound on what one call may open at once (loopback load test, not a flood)


@dataclass
class PageLoad:
    """What one session saw."""

    ok: bool = False
    seconds: float = 0.0  # from connect to script_finished
    bytes: int = 0  # sum of ForwardMsg payload sizes
    deflated: int = 0  # the same stream through zlib (what permessage-deflate roughly sends)
    messages: int = 0
    error: str = ""
    kinds: dict[str, int] = field(default_factory=dict)
    payloads: list[bytes] = field(default_factory=list)  # only with keep=True
    response_headers: dict[str, str] = field(default_factory=dict)  # of the websocket handshake


def split_url(url: str) -> tuple[str, str]:
    """'/compare?cycle=2016' -> ('compare', 'cycle=2016')."""
    parts = urlsplit(url)
    return parts.path.strip("/"), parts.query


async def connect(port: int, *, timeout: float = 60.0, headers: dict[str, str] | None = None):
    """A websocket session with the server at `port` (`headers`: e.g. the balancer's cookie)."""
    return await websockets.connect(
        f"ws://127.0.0.1:{port}/_stcore/stream",
        subprotocols=["streamlit"],
        max_size=None,
        open_timeout=timeout,
        compression=None,
        ping_interval=None,
        additional_headers=headers,
    )


async def run_page(
    ws,
    url: str,
    *,
    timeout: float = 60.0,
    keep: bool = False,
    deflate: bool = False,
    result: PageLoad | None = None,
) -> PageLoad:
    """Run `url`'s page on an open session (a first load or a rerun) until `script_finished`.

    Fills `result` (a new PageLoad if None) as it goes, so a timeout keeps what was seen.
    `deflate`: also count the stream through zlib (`PageLoad.deflated`). Off by default: it is
    the client's largest CPU cost, and a load test on the server's machine must not take CPU the
    servers are measured on."""
    page_name, query = split_url(url)
    result = result or PageLoad()
    result.response_headers = dict(ws.response.headers)
    start = time.perf_counter()
    compressor = zlib.compressobj() if deflate else None
    back = BackMsg()
    back.rerun_script.query_string = query
    back.rerun_script.page_name = page_name
    await ws.send(back.SerializeToString())
    async with asyncio.timeout(timeout):
        while True:
            data = await ws.recv()
            if isinstance(data, str):
                data = data.encode()
            result.bytes += len(data)
            if compressor is not None:
                result.deflated += len(compressor.compress(data))
            result.messages += 1
            if keep:
                result.payloads.append(data)
            msg = ForwardMsg.FromString(data)
            kind = msg.WhichOneof("type") or "?"
            if kind == "delta" and msg.delta.new_element.WhichOneof("type") == "exception":
                result.error = result.error or (
                    "exception: " + msg.delta.new_element.exception.message[:200]
                )
            result.kinds[kind] = result.kinds.get(kind, 0) + 1
            if kind == "script_finished":
                if msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    break
                if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    result.error = result.error or "compile error"
                    break
            if kind == "page_not_found":
                result.error = result.error or f"page not found: {page_name}"
    result.seconds = time.perf_counter() - start
    if compressor is not None:
        result.deflated += len(compressor.flush(zlib.Z_SYNC_FLUSH))
    result.ok = not result.error
    return result


async def open_page(
    port: int,
    url: str,
    *,
    timeout: float = 60.0,
    hold: asyncio.Event | None = None,
    reached=None,
    connect_retries: float = 0.0,
    keep: bool = False,
    deflate: bool = False,
    headers: dict[str, str] | None = None,
) -> PageLoad:
    """One session opening `url`; with `hold`, stay connected until it is set (many viewers).

    `headers` go with the handshake (e.g. the balancer's sticky-session cookie)."""
    result = PageLoad()
    start = time.perf_counter()
    deadline = start + connect_retries
    try:
        while True:
            try:
                ws = await connect(port, timeout=timeout, headers=headers)
                break
            except (OSError, websockets.exceptions.InvalidHandshake):
                if time.perf_counter() > deadline:
                    raise
                await asyncio.sleep(0.05)
        async with ws:
            await run_page(ws, url, timeout=timeout, keep=keep, deflate=deflate, result=result)
            result.seconds = time.perf_counter() - start  # from connect, as before
            if reached is not None:
                reached()
                reached = None
            if hold is not None:
                await hold.wait()
    except Exception as exc:  # a failed session is a result, not a crash of the benchmark
        if not result.seconds:
            result.seconds = time.perf_counter() - start
        result.ok = False
        result.error = result.error or f"{type(exc).__name__}: {exc}"[:200]
    if reached is not None:
        reached()
    return result


async def many(port: int, url: str, n: int, timeout: float = 120.0, while_all_open=None):
    """`n` sessions opening `url` at the same moment; all stay connected until all are done.

    `while_all_open()` (if given) is called once every session has its page (or failed), while
    they are all still connected; its return value is returned with the results.
    """
    if not 1 <= n <= MAX_SESSIONS:
        raise ValueError(f"n must be 1..{MAX_SESSIONS}")
    hold, all_in = asyncio.Event(), asyncio.Event()
    count = [0]

    def reached() -> None:
        count[0] += 1
        if count[0] >= n:
            all_in.set()

    tasks = [
        asyncio.create_task(open_page(port, url, timeout=timeout, hold=hold, reached=reached))
        for _ in range(n)
    ]
    snapshot = None
    try:
        await asyncio.wait_for(all_in.wait(), timeout + 30)
        if while_all_open is not None:
            snapshot = while_all_open()
    finally:
        hold.set()
    return [await t for t in tasks], snapshot

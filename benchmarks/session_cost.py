"""Per-session cost (not part of the test suite): server CPU per first page load of a new session.

    .venv/bin/python -m benchmarks.session_cost [--sessions 10] [--post-script-gc true|false]

Starts our app and the bare baseline (`benchmarks/bare_app.py`, fixture captured from our pages)
on one Streamlit process each, warms both, keeps one idle session open on each (with none open,
Streamlit drops its compiled-script cache, which a busy server never does), then opens
`--sessions` new sessions one after another on `/` and the map, each running its page once, and
reads the server process's CPU time (user + system, from /proc, all threads) around each load.
CPU time rather than wall time: it is what N simultaneous sessions share, and it stays steady on
a busy machine where wall times do not. `--post-script-gc` overrides `runner.postScriptGC` for
both servers (default: the project's `.streamlit/config.toml`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import tempfile
from pathlib import Path

from benchmarks.run import apptest_run, load_now, server
from benchmarks.scale_out import URLS, bare_url
from benchmarks.ws_client import connect, open_page, run_page

TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def cpu_ms(pid: int) -> float:
    """User + system CPU time of process `pid` so far, all its threads (dead ones included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK_MS


async def per_load(port: int, pid: int, url: str, n: int) -> float:
    """Mean CPU ms of the server per new session opening `url` (`n`, one after another; the
    mean, since /proc counts in 10 ms ticks)."""
    for _ in range(3):
        await open_page(port, url, timeout=300, connect_retries=120)
    idle = await connect(port)  # keeps the server's script cache, as any other open session does
    total = 0.0
    try:
        for _ in range(n):
            before = cpu_ms(pid)
            ws = await connect(port)
            page = await run_page(ws, url, timeout=300)
            await ws.close()
            await asyncio.sleep(0.3)  # the server finishes sending and closing
            if not page.ok:
                raise SystemExit(f"{url}: {page.error}")
            total += cpu_ms(pid) - before
    finally:
        await idle.close()
    return total / n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--post-script-gc", choices=["true", "false"])
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="tracker-session-cost-"))
    flags = ["--server.fileWatcherType", "none"]
    if args.post_script_gc:
        flags += ["--runner.postScriptGC", args.post_script_gc]
    try:
        print(f"load average {load_now()}; capturing the bare fixture ...", flush=True)
        apptest_run("cost", None, work, URLS, 1, 0, 30)
        ours_env = {"TRACKER_DB_URL": f"sqlite:///{work / 'ours.db'}"}
        bare_env = {"BENCH_FIXTURE": str(work / "fixture-cost.pkl")}
        bare_script = "benchmarks/bare_app.py"
        with (
            server("dashboard.py", ours_env, flags, work / "ours.log") as (ours, ours_port, _),
            server(bare_script, bare_env, flags, work / "bare.log") as (bare, bare_port, _),
        ):
            for url in URLS:
                o = asyncio.run(per_load(ours_port, ours.pid, url, args.sessions))
                b = asyncio.run(per_load(bare_port, bare.pid, bare_url(url), args.sessions))
                print(f"{url}: ours {o:.0f} ms, bare {b:.0f} ms CPU per first load (means of "
                      f"{args.sessions}; ours/bare {o / b:.2f}×)", flush=True)  # fmt: skip
        print(f"load average {load_now()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

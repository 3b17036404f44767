"""Scale-out benchmark (not part of the test suite): many sessions at once through HAProxy.

    .venv/bin/python -m benchmarks.scale_out [--processes 1,2,3] [--sessions 50,100]

For each URL (`/` and the map) and each N, N websocket sessions open the page at the same moment
(`benchmarks.ws_client.many`) through HAProxy in front of 1, 2 and 3 app processes
(`python -m deploy up`, all on one throwaway PostgreSQL), and against the bare framework
(`benchmarks/bare_app.py`, the same elements from precomputed data) on one process with no
balancer. Time to finished page p50/p95, errors, how the sessions were spread, and the total peak
RSS of every process serving (apps + HAProxy; the database is not counted). Target (issue 17):
2 processes p95 ≤ 0.7× the one-process bare p95, no error.

Writes benchmarks/out/scale_out.md and .json (git-ignored) and prints the table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import quote

from benchmarks.pages import REPO
from benchmarks.run import OUT, PeakRSS, apptest_run, load_now, machine, server, summarize
from benchmarks.ws_client import many, open_page
from deploy.postgres import ThrowawayPostgres
from deploy.stack import free_port, read_state

URLS = ["/", "/map?indicator=death-penalty-status"]
TARGET_RATIO = 0.7  # 2 processes' p95 / one-process bare p95
SERVER_HEADER = "x-tracker-server"
BARE = "bare ×1 (no balancer)"


def measure(port: int, url: str, n: int, pids: list[int], label: str) -> dict:
    """N sessions opening `url` at once through `port`; the summary."""
    with PeakRSS(pids) as rss:
        loads, _ = asyncio.run(many(port, url, n, timeout=300))
    s = summarize(loads)
    s["rss_peak_total_mib"] = rss.peak
    s["spread"] = dict(Counter(x.response_headers.get(SERVER_HEADER, "-") for x in loads))
    s["load"] = load_now()
    print(f"[{label}] {url} N={n}: p95 {ms(s['p95_ms'])} ms, errors {s['errors']}, "
          f"RSS {rss.peak:.0f} MiB, spread {s['spread']}", flush=True)  # fmt: skip
    time.sleep(2.0)  # let closed sessions be cleaned up
    return s


@contextmanager
def bare_server(work: Path, fixture: Path):
    """The bare framework on one Streamlit process, no balancer: (port, pids, url map)."""
    flags = ["--server.fileWatcherType", "none"]
    env = {"BENCH_FIXTURE": str(fixture)}
    with server("benchmarks/bare_app.py", env, flags, work / "bare.log") as (proc, port, _):
        for url in URLS:
            for _ in range(2):  # first visit, then warm
                asyncio.run(open_page(port, bare_url(url), timeout=300, connect_retries=120))
        yield port, [proc.pid], bare_url


def bare_url(url: str) -> str:
    return "/?bench=" + quote(url, safe="")


@contextmanager
def deployment(work: Path, processes: int, db_url: str):
    """Ours: `python -m deploy up --processes K` on the shared database: (port, pids, url map)."""
    state_dir, port = work / f"deploy-{processes}", free_port()
    log = (work / f"deploy-{processes}.log").open("wb")
    up = subprocess.Popen(
        [sys.executable, "-m", "deploy", "up", "--processes", str(processes), "--port", str(port),
         "--state-dir", str(state_dir), "--db-url", db_url],
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 300
        while not (read_state(state_dir) or {}).get("ready"):
            if up.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"deploy up --processes {processes} did not start; see {log.name}")
            time.sleep(0.5)
        state = read_state(state_dir)
        for app in state["apps"]:  # warm every process on every URL, directly
            for url in URLS:
                for _ in range(2):
                    asyncio.run(open_page(app["port"], url, timeout=300))
        yield port, [a["pid"] for a in state["apps"]] + [state["haproxy_pid"]], lambda u: u
    finally:
        up.terminate()  # the supervisor stops HAProxy and the apps
        up.wait(120)
        log.close()


def ms(x) -> str:
    return "—" if x is None else f"{x:,.0f}"


def ours(k: int) -> str:
    return f"ours ×{k} via HAProxy"


def combined(rounds: list[dict]) -> dict:
    """Rounds of one measurement: median p50/p95, all errors, the highest RSS, the sum spread."""

    def median(key: str):
        values = [r[key] for r in rounds if r[key] is not None]
        return statistics.median(values) if values else None

    spread = Counter()
    for r in rounds:
        spread.update(r["spread"])
    return {
        "p50_ms": median("p50_ms"),
        "p95_ms": median("p95_ms"),
        "errors": sum(r["errors"] for r in rounds),
        "rss_peak_total_mib": max(r["rss_peak_total_mib"] for r in rounds),
        "spread": dict(spread),
        "rounds": len(rounds),
    }


def report(info: dict, results: dict[str, dict], ns: list[int]) -> str:
    lines = [
        f"Run: `python -m benchmarks.scale_out` on {info['date']}; {info['nproc']} cores, "
        f"{info['ram_gib']} GiB RAM; load average at start {info['load_start']}, at end "
        f"{info['load_end']} (1/5/15 min); {info['elapsed_s'] / 60:.1f} min.",
        "",
        "| setup | URL | N | errors | p50 ms | p95 ms | p95 / bare ×1 p95 | total peak RSS "
        "| sessions per process |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for url in URLS:
        for n in ns:
            base = combined(results[BARE][url][str(n)])["p95_ms"]
            for name, result in results.items():
                s = combined(result[url][str(n)])
                ratio = s["p95_ms"] / base if s["p95_ms"] and base else None
                spread = ", ".join(f"{k} {v}" for k, v in sorted(s["spread"].items()))
                lines.append(
                    f"| {name} | `{url}` | {n} | {s['errors']} | {ms(s['p50_ms'])} | "
                    f"{ms(s['p95_ms'])} | {'—' if ratio is None else f'{ratio:.2f}×'} | "
                    f"{s['rss_peak_total_mib']:,.0f} MiB | {spread} |"
                )
    if ours(2) in results:
        verdicts = []
        for url in URLS:
            for n in ns:
                s = combined(results[ours(2)][url][str(n)])
                base = combined(results[BARE][url][str(n)])["p95_ms"]
                ratio = s["p95_ms"] / base if s["p95_ms"] and base else float("inf")
                ok = ratio <= TARGET_RATIO and s["errors"] == 0
                verdicts.append(f"`{url}` N={n}: {ratio:.2f}× ({'hold' if ok else 'MISS'})")
        lines += ["", f"Target, 2 processes p95 ≤ {TARGET_RATIO}× bare ×1 p95, no error: "
                  + "; ".join(verdicts) + "."]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", default="1,2,3", help="app process counts (default 1,2,3)")
    parser.add_argument("--sessions", default="50,100", help="simultaneous sessions (50,100)")
    parser.add_argument("--rounds", type=int, default=1, help="alternating rounds (medians)")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs)")
    args = parser.parse_args(argv)
    counts = [int(x) for x in args.processes.split(",")]
    ns = [int(x) for x in args.sessions.split(",")]
    started = time.perf_counter()
    info = machine()
    info["load_start"] = load_now()
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tracker-scale-"))
    postgres = ThrowawayPostgres(Path(tempfile.mkdtemp(prefix="tracker-pg-")), free_port(),
                                 work / "postgres.log")  # fmt: skip
    results: dict[str, dict] = {}
    try:
        print("[fixture] our pages' elements for the bare baseline ...", flush=True)
        apptest_run("scale", None, work, URLS, 3, 1, 30)
        db_url = postgres.start()
        with ExitStack() as running:  # all up at once (idle ones cost no CPU), measured in turn
            setups = {BARE: running.enter_context(bare_server(work, work / "fixture-scale.pkl"))}
            for k in counts:
                setups[ours(k)] = running.enter_context(deployment(work, k, db_url))
            for url in URLS:
                for n in ns:
                    for _ in range(args.rounds):
                        for label, (port, pids, url_of) in setups.items():  # in turn: same moments
                            s = measure(port, url_of(url), n, pids, label)
                            results.setdefault(label, {}).setdefault(url, {}).setdefault(
                                str(n), []
                            ).append(s)
    finally:
        postgres.stop()
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    info["elapsed_s"] = time.perf_counter() - started
    info["load_end"] = load_now()
    (OUT / "scale_out.json").write_text(json.dumps({"info": info, "results": results}, indent=1))
    text = report(info, results, ns)
    (OUT / "scale_out.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

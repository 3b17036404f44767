"""One command for the performance benchmarks (not part of the test suite).

    .venv/bin/python -m benchmarks.run [--quick]

Writes a markdown report to benchmarks/out/report.md (git-ignored) and prints it. Measures:

1. server-side rerun time per page and typical URL with AppTest, on the real data and on a
   SYNTHETIC package 100x larger (benchmarks/make_synthetic.py, in a temp dir);
2. the same elements rendered by a bare Streamlit script from precomputed data (bare_app.py), so
   each page gets "our time / bare-framework time";
3. cold start of the real server to the first complete page;
4. many viewers: N websocket sessions opening a page at once (loopback), ours and bare;
5. bytes sent to the browser per page load (plus the static files the map fetches).

Every server and database is private to the run (temp dir, loopback port); the project's own
instance/tracker.db is never touched.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gzip
import http.client
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import plotly
import polars
import streamlit

from benchmarks.apptest_bench import pct
from benchmarks.make_synthetic import make_synthetic
from benchmarks.pages import QUICK_URLS, QUICK_URLS_100X, REPO, URLS, existing
from benchmarks.ws_client import many, open_page

OUT = REPO / "benchmarks" / "out"
PY = str(Path(sys.executable))
STREAMLIT = str(Path(sys.executable).with_name("streamlit"))

# Targets (issue 8).
T_RERUN_REAL_MS = 150
T_RERUN_100X_MS = 400
T_RATIO = 2.0
T_RSS_GIB = 1.5
T_PAGE_BYTES = 1_000_000
T_MAP_BYTES = 2_000_000


# --------------------------------------------------------------------------------------------
# machine
# --------------------------------------------------------------------------------------------
def machine() -> dict:
    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "?"

    mem_kb = first("/proc/meminfo", "MemTotal").split()[0]
    load = os.getloadavg()
    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "nproc": os.cpu_count(),
        "ram_gib": round(int(mem_kb) / 1024 / 1024, 1) if mem_kb.isdigit() else "?",
        "cpu": first("/proc/cpuinfo", "model name"),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "polars": polars.__version__,
        "plotly": plotly.__version__,
        "load_start": f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}",
    }


def load_now() -> str:
    load = os.getloadavg()
    return f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}"


# --------------------------------------------------------------------------------------------
# 1-2. AppTest reruns, ours and bare
# --------------------------------------------------------------------------------------------
def apptest_run(
    label: str, data_dir: Path | None, work: Path, urls, reruns, warmup, budget_s: float
) -> list[dict]:
    spec = work / f"spec-{label}.json"
    spec.write_text(
        json.dumps(
            {"urls": urls, "reruns": reruns, "warmup": warmup, "timeout": 600, "budget_s": budget_s}
        )
    )
    out, fixture = work / f"apptest-{label}.json", work / f"fixture-{label}.pkl"
    env = dict(os.environ, TRACKER_DB_URL=f"sqlite:///{work / f'apptest-{label}.db'}")
    env.pop("TRACKER_DATA_DIR", None)
    if data_dir is not None:
        env["TRACKER_DATA_DIR"] = str(data_dir)
    cmd = [
        PY,
        "-m",
        "benchmarks.apptest_bench",
        "--spec",
        str(spec),
        "--out",
        str(out),
        "--fixture",
        str(fixture),
    ]
    print(f"[apptest {label}] {len(urls)} URLs x {reruns} reruns ...", flush=True)
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"apptest {label} failed:\n{proc.stderr[-3000:]}")
    return json.loads(out.read_text())


# --------------------------------------------------------------------------------------------
# 3-5. real servers
# --------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class PeakRSS:
    """Samples a process's RSS (or the sum of several's) every 50 ms in a thread; `.peak` in MiB."""

    def __init__(self, pid: int | list[int]) -> None:
        self.pids = [pid] if isinstance(pid, int) else list(pid)
        self.peak, self._stop = 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(rss_mib(pid) for pid in self.pids))
            time.sleep(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


@contextmanager
def server(script: str, env_extra: dict, flags: list[str], log: Path):
    port = free_port()
    env = dict(os.environ, **env_extra, PYTHONPATH=str(REPO))
    cmd = [
        STREAMLIT,
        "run",
        script,
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        *flags,
    ]
    with log.open("w") as fh:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=fh, stderr=subprocess.STDOUT)
        try:
            yield proc, port, started
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def http_get(port: int, path: str) -> tuple[int, int, int]:
    """(status, bytes on the wire with gzip accepted, bytes decoded)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    plain = gzip.decompress(body) if resp.getheader("Content-Encoding") == "gzip" else body
    return resp.status, len(body), len(plain)


def static_assets(payloads: list[bytes]) -> set[str]:
    """Static files a page makes the browser fetch: /app/static URLs + the Plotly topojson."""
    found = set()
    for data in payloads:
        for m in re.finditer(rb"/app/static/[A-Za-z0-9_./-]+\.(?:json|geojson)", data):
            found.add(m.group().decode())
        if b'"geo"' in data and b"topojsonURL" in data or b'"geo":' in data:
            for res in re.findall(rb'"resolution":\s*(\d+)', data) or [b"110"]:
                found.add(f"/app/static/topojson/world_{res.decode()}m.json")
    return {f for f in found if not f.endswith("/")}


def summarize(loads) -> dict:
    ok = [x.seconds * 1000 for x in loads if x.ok]
    return {
        "n": len(loads),
        "errors": sum(1 for x in loads if not x.ok),
        "error_examples": sorted({x.error for x in loads if x.error})[:3],
        "p50_ms": pct(ok, 0.5) if ok else None,
        "p95_ms": pct(ok, 0.95) if ok else None,
        "max_ms": max(ok) if ok else None,
    }


def server_suite(
    kind: str,
    script: str,
    env_extra: dict,
    flags: list[str],
    work: Path,
    load_urls: list[str],
    ns: list[int],
    bytes_urls: list[str],
    url_map=lambda u: u,
) -> dict:
    """Cold start, bytes per URL, and concurrent sessions against one fresh server."""
    label = f"{kind}{'-nowatch' if flags else ''}"
    result: dict = {"label": label, "loads": {}, "bytes": {}}
    with server(script, env_extra, flags, work / f"server-{label}.log") as (proc, port, started):
        first = asyncio.run(open_page(port, url_map("/"), timeout=300, connect_retries=120))
        result["cold_start_s"] = time.perf_counter() - started
        result["cold_ok"] = first.ok
        result["cold_error"] = first.error
        result["rss_after_first_mib"] = rss_mib(proc.pid)
        print(f"[server {label}] cold start {result['cold_start_s']:.1f} s", flush=True)
        for url in bytes_urls:
            asyncio.run(open_page(port, url_map(url), timeout=300))  # first visit imports the page
            load = asyncio.run(open_page(port, url_map(url), timeout=300, keep=True, deflate=True))
            assets = {}
            for path in sorted(static_assets(load.payloads)):
                status, wire, plain = http_get(port, path)
                assets[path] = {"status": status, "wire": wire, "plain": plain}
            result["bytes"][url] = {
                "ok": load.ok,
                "error": load.error,
                "ws_bytes": load.bytes,
                "ws_deflated": load.deflated,
                "messages": load.messages,
                "one_session_ms": load.seconds * 1000,
                "assets": assets,
            }
        for url in load_urls:
            asyncio.run(open_page(port, url_map(url), timeout=300))  # warm the page once
            for n in ns:
                with PeakRSS(proc.pid) as peak:
                    loads, rss_open = asyncio.run(
                        many(
                            port,
                            url_map(url),
                            n,
                            timeout=300,
                            while_all_open=lambda: rss_mib(proc.pid),
                        )
                    )
                s = summarize(loads)
                s["rss_peak_mib"] = max(peak.peak, rss_open or 0)
                s["rss_all_open_mib"] = rss_open
                s["load"] = load_now()
                result["loads"][f"{url} N={n}"] = s
                print(
                    f"[server {label}] {url} N={n}: p95 {s['p95_ms']} ms, "
                    f"errors {s['errors']}, peak RSS {s['rss_peak_mib']:.0f} MiB",
                    flush=True,
                )
                time.sleep(1.0)  # let closed sessions be cleaned up
        result["rss_end_mib"] = rss_mib(proc.pid)
    return result


# --------------------------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------------------------
def ms(x) -> str:
    return "—" if x is None else f"{x:.0f}"


def hold(ok: bool) -> str:
    return "hold" if ok else "**MISS**"


def report(info: dict, apptest: dict, servers: list[dict], args, notes: list[str]) -> str:
    lines = [
        "# Performance report",
        "",
        f"Run: `python -m benchmarks.run{' --quick' if args.quick else ''}` on {info['date']}. "
        f"Machine: {info['nproc']} cores ({info['cpu']}), {info['ram_gib']} GiB RAM; "
        f"Python {info['python']}, streamlit {info['streamlit']}, polars {info['polars']}, "
        f"plotly {info['plotly']}. Load average at start {info['load_start']}, at end "
        f"{info['load_end']} (1/5/15 min) — "
        + (
            "other processes (colleagues' test suites, servers, browsers) were running, so "
            "absolute times are inflated and noisy; ratios against the bare baseline, measured "
            "in the same run, are the steadier figure."
            if float(info["load_start"].split()[0]) > (info["nproc"] or 1)
            else "the machine was otherwise quiet."
        )
        + f" Total run time {info['elapsed_s'] / 60:.1f} min.",
        "",
    ]
    for note in notes:
        lines.append(f"- {note}")
    if notes:
        lines.append("")

    # 1-2
    lines += [
        "## 1–2. Server-side rerun time per URL (AppTest), ours vs bare Streamlit",
        "",
        f"Time of `at.run()` on an already-run AppTest ({args.reruns} timed reruns after "
        f"{args.warmup} warm-up reruns; at 100× up to {args.reruns_100x} reruns, fewer — at least "
        f"3 — once a URL has used {args.budget_100x} s), median and p95 in ms; ours and bare "
        "reruns alternate, so both see the same moments of a busy machine. *Bare* renders the "
        "same blocks and elements from precomputed data (`benchmarks/bare_app.py`). Targets: p95 ≤ "
        f"{T_RERUN_REAL_MS} ms (real), ≤ {T_RERUN_100X_MS} ms (100× SYNTHETIC); ours ≤ "
        f"{T_RATIO:g}× bare (median).",
        "",
    ]
    for label, target in (("real", T_RERUN_REAL_MS), ("100x", T_RERUN_100X_MS)):
        rows = apptest.get(label)
        if not rows:
            continue
        lines += [
            f"### {'Real data' if label == 'real' else 'SYNTHETIC 100× data'}",
            "",
            "| URL | elements | n | ours median | ours p95 | bare median | bare p95 | ours/bare "
            "| p95 target | ratio target |",
            "|---|---|---:|---:|---:|---:|---:|---:|---|---|",
        ]
        for r in rows:
            if "ours" not in r:
                lines.append(f"| `{r['url']}` | {r.get('skipped') or r.get('failed')} ||||||||")
                continue
            o, b = r["ours"], r.get("bare")
            ratio = o["median_ms"] / b["median_ms"] if b else None
            n_el = sum(v for k, v in r["elements"].items() if k != "block")
            kinds = ", ".join(
                f"{v} {k}"
                for k, v in sorted(r["elements"].items(), key=lambda kv: -kv[1])
                if k in ("plotly_chart", "dataframe", "deck_gl_json_chart")
            )
            err = f" ⚠ {len(r['errors'])} errors" if r.get("errors") else ""
            lines.append(
                f"| `{r['url']}` | {n_el}{' (' + kinds + ')' if kinds else ''}{err} | {o['n']} | "
                f"{ms(o['median_ms'])} | {ms(o['p95_ms'])} | {ms(b and b['median_ms'])} | "
                f"{ms(b and b['p95_ms'])} | {'—' if ratio is None else f'{ratio:.1f}×'} | "
                f"{hold(o['p95_ms'] <= target)} | "
                f"{'—' if ratio is None else hold(ratio <= T_RATIO)} |"
            )
        lines.append("")

    # 3
    lines += [
        "## 3. Cold start to the first complete page (`/`)",
        "",
        "From starting `streamlit run` to `script_finished` of a websocket session on `/` "
        "(includes Python imports, reading and validating the package, filling the "
        "private SQLite database).",
        "",
        "| server | cold start | RSS after first page |",
        "|---|---:|---:|",
    ]
    for s in servers:
        lines.append(
            f"| {s['label']} | {s['cold_start_s']:.1f} s"
            f"{'' if s['cold_ok'] else ' ⚠ ' + s['cold_error']} | "
            f"{s['rss_after_first_mib']:.0f} MiB |"
        )
    lines.append("")

    # 4
    lines += [
        "## 4. Many viewers at once (websocket sessions, no browser)",
        "",
        "N sessions connect at the same moment, each sends `rerun_script` for the URL and "
        "waits for `script_finished`; all stay connected until the last one has its page. "
        "Time from connect to finished page (ms). RSS = server process peak. Targets at "
        f"N = 50 and 100: no error, p95 ≤ {T_RATIO:g}× bare p95, RSS ≤ {T_RSS_GIB} GiB.",
        "",
        "| server | URL, N | errors | p50 | p95 | max | peak RSS | p95 / bare p95 | targets |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    bare_by = {}
    for s in servers:
        if s["label"].startswith("bare"):
            for key, v in s["loads"].items():
                bare_by[(s["label"].replace("bare", ""), key)] = v
    for s in servers:
        for key, v in s["loads"].items():
            ratio_txt, target_txt = "—", ""
            if s["label"].startswith("ours"):
                b = bare_by.get((s["label"].replace("ours", ""), key))
                if b and b["p95_ms"] and v["p95_ms"]:
                    ratio = v["p95_ms"] / b["p95_ms"]
                    ratio_txt = f"{ratio:.1f}×"
                    n = int(key.rsplit("N=", 1)[1])
                    if n >= 50:
                        ok = (
                            v["errors"] == 0
                            and ratio <= T_RATIO
                            and v["rss_peak_mib"] <= T_RSS_GIB * 1024
                        )
                        target_txt = hold(ok)
            err = str(v["errors"]) + (f" ({v['error_examples'][0]})" if v["error_examples"] else "")
            lines.append(
                f"| {s['label']} | `{key}` | {err} | {ms(v['p50_ms'])} | "
                f"{ms(v['p95_ms'])} | {ms(v['max_ms'])} | {v['rss_peak_mib']:.0f} MiB | "
                f"{ratio_txt} | {target_txt} |"
            )
    lines.append("")

    # 5
    lines += [
        "## 5. Bytes sent to the browser per page load",
        "",
        "One session per URL on a warm server: the sum of ForwardMsg sizes over the "
        "websocket (uncompressed; *deflated* ≈ with permessage-deflate, which browsers "
        "negotiate), plus the static files the page makes the browser fetch (bytes on the "
        "wire with gzip accepted). The Streamlit frontend bundle itself (same for every "
        "Streamlit app, cached by the browser) is not counted. Target: ≤ 1 MB per page, "
        "map first load ≤ 2 MB.",
        "",
        "| URL | websocket | deflated | static files (gzip on the wire / plain) | total "
        "uncompressed | total on the wire ≈ | target (uncompressed) |",
        "|---|---:|---:|---|---:|---:|---|",
    ]
    ours0 = next((s for s in servers if s["label"] == "ours"), None)
    if ours0:
        for url, b in ours0["bytes"].items():
            total = b["ws_bytes"] + sum(a["plain"] for a in b["assets"].values())
            wire = b["ws_deflated"] + sum(a["wire"] for a in b["assets"].values())
            files = (
                ", ".join(
                    f"{p.rsplit('/', 1)[1]} {a['wire'] / 1e3:.0f} / {a['plain'] / 1e3:.0f} kB"
                    + ("" if a["status"] == 200 else f" (HTTP {a['status']})")
                    for p, a in b["assets"].items()
                )
                or "—"
            )
            limit = T_MAP_BYTES if url.startswith("/map") else T_PAGE_BYTES
            err = "" if b["ok"] else f" ⚠ {b['error']}"
            lines.append(
                f"| `{url}`{err} | {b['ws_bytes'] / 1e3:.0f} kB | "
                f"{b['ws_deflated'] / 1e3:.0f} kB | {files} | {total / 1e3:.0f} kB | "
                f"{wire / 1e3:.0f} kB | {hold(total <= limit)} |"
            )
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Performance benchmarks (see docs/PERFORMANCE.md)")
    parser.add_argument("--quick", action="store_true", help="fewer URLs, reruns and sessions")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, fixtures)")
    parser.add_argument(
        "--render", action="store_true", help="only re-render the report from benchmarks/out/*.json"
    )
    args = parser.parse_args(argv)
    if args.render:
        meta = json.loads((OUT / "meta.json").read_text())
        args = argparse.Namespace(**meta["args"])
        text = report(
            meta["info"],
            json.loads((OUT / "apptest.json").read_text()),
            json.loads((OUT / "servers.json").read_text()),
            args,
            meta["notes"],
        )
        (OUT / "report.md").write_text(text + "\n", encoding="utf-8")
        print(text)
        return 0
    args.reruns, args.warmup = (10, 2) if args.quick else (30, 3)
    args.reruns_100x, args.budget_100x = (5, 15) if args.quick else (15, 20)
    started = time.perf_counter()
    info = machine()
    urls, skipped = existing(QUICK_URLS if args.quick else URLS)
    notes = [f"skipped: {s}" for s in skipped]
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    try:
        syn = work / "synthetic"
        rows = make_synthetic(syn, 100)
        notes.append(
            "SYNTHETIC 100× package (temp dir, never committed): "
            + ", ".join(f"{k} {v:,}" for k, v in rows.items())
            + " rows."
        )
        urls_100x = [u for u in urls if not args.quick or u in QUICK_URLS_100X]
        apptest = {
            "real": apptest_run("real", None, work, urls, args.reruns, args.warmup, 60),
            "100x": apptest_run(
                "100x", syn, work, urls_100x, args.reruns_100x, 1, args.budget_100x
            ),
        }
        (OUT / "apptest.json").write_text(json.dumps(apptest, indent=1))
        fixture = work / "fixture-real.pkl"
        load_urls = ["/"] if args.quick else ["/", "/map?indicator=death-penalty-status"]
        load_urls = [u for u in load_urls if u in urls or u == "/"]
        ns_fast = [10, 50, 100]
        ns_default = [10]  # as configured, 10 sessions already show the per-session cost
        ours_env = {"TRACKER_DB_URL": f"sqlite:///{work / 'server.db'}"}
        bare_env = {"BENCH_FIXTURE": str(fixture)}

        def bare_url(u: str) -> str:
            return "/?bench=" + quote(u, safe="")

        servers = []
        for flags, ns in (([], ns_default), (["--server.fileWatcherType", "none"], ns_fast)):
            servers.append(
                server_suite(
                    "ours",
                    "dashboard.py",
                    ours_env,
                    flags,
                    work,
                    load_urls,
                    ns,
                    urls if not flags else [],
                )
            )
            servers.append(
                server_suite(
                    "bare",
                    "benchmarks/bare_app.py",
                    bare_env,
                    flags,
                    work,
                    load_urls,
                    ns,
                    [],
                    url_map=bare_url,
                )
            )
        (OUT / "servers.json").write_text(json.dumps(servers, indent=1))
        info["elapsed_s"] = time.perf_counter() - started
        info["load_end"] = load_now()
        meta = {"info": info, "args": vars(args), "notes": notes}
        (OUT / "meta.json").write_text(json.dumps(meta, indent=1))
        text = report(info, apptest, servers, args, notes)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    (OUT / "report.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

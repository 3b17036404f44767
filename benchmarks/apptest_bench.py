"""Server-side rerun time per URL with AppTest: our app, then the bare baseline, in one process.

Run by `benchmarks.run` in a fresh subprocess per data package (so `TRACKER_DATA_DIR` and
`TRACKER_DB_URL` are set before anything imports `components.data` and its `st.cache_resource`):

    python -m benchmarks.apptest_bench --spec spec.json --out result.json --fixture fixture.pkl

For each URL: one first run of our app (captures its delta messages and download bytes for the
bare baseline), one first run of `benchmarks/bare_app.py` on those messages, `warmup` reruns of
each, then `reruns` timed `at.run()` calls on the already-run AppTests, ours and bare alternating
(at least 3 each; fewer than `reruns` once `budget_s` is used up, for very slow pages).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import streamlit.testing.v1.app_test as _app_test
import streamlit.testing.v1.local_script_runner as _lsr
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest

from benchmarks.pages import ENTRY, page_files

BARE = str(Path(__file__).resolve().parent / "bare_app.py")
_CAPTURED: list[bytes] = []
_parse = _lsr.parse_tree_from_messages


_FILES: dict[str, bytes] = {}


def _capture(messages):  # wraps AppTest's parser to keep the raw ForwardMsgs of the last run
    _CAPTURED[:] = [m.SerializeToString() for m in messages]
    _FILES.clear()
    storage = getattr(getattr(Runtime._instance, "media_file_mgr", None), "_storage", None)
    for m in messages:  # the bytes behind each download button (the bare app offers the same)
        if m.HasField("delta") and m.delta.new_element.WhichOneof("type") == "download_button":
            url = m.delta.new_element.download_button.url
            try:
                _FILES[url] = bytes(storage.get_file(url.rsplit("/", 1)[-1]).content)
            except Exception:
                pass
    return _parse(messages)


_lsr.parse_tree_from_messages = _capture

# AppTest makes a new ScriptCache on every run, so every run re-reads, re-parses (magic) and
# re-compiles every script: ~20-80 ms that a server never pays (it keeps one ScriptCache). Keep one
# here too, so AppTest times are what a server spends on a rerun.
_SCRIPT_CACHE = ScriptCache()
_app_test.ScriptCache = lambda: _SCRIPT_CACHE


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def summary(times_s: list[float]) -> dict:
    ms = [t * 1000 for t in times_s]
    return {
        "n": len(ms),
        "median_ms": statistics.median(ms),
        "p95_ms": pct(ms, 0.95),
        "min_ms": min(ms),
        "max_ms": max(ms),
    }


def _errors(at: AppTest) -> list[str]:
    return [str(e.value)[:200] for e in at.exception]


def _timed(at: AppTest) -> tuple[float, list[str]]:
    start = time.perf_counter()
    at.run()
    return time.perf_counter() - start, _errors(at)


def element_counts(messages: list[bytes]) -> dict[str, int]:
    """How many elements of each kind one run sent (blocks counted as 'block')."""
    counts: dict[str, int] = {}
    for blob in messages:
        msg = ForwardMsg.FromString(blob)
        if not msg.HasField("delta"):
            continue
        kind = msg.delta.WhichOneof("type")
        if kind == "new_element":
            kind = msg.delta.new_element.WhichOneof("type")
        elif kind == "add_block":
            kind = "block"
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def bench_url(url: str, files: dict[str, str], spec: dict, fixture_dir: Path) -> dict:
    """Ours and bare for one URL, reruns interleaved (ours, bare, ours, ...) so that both see the
    same moments of a busy machine."""
    parts = urlsplit(url)
    page = parts.path.strip("/")
    result: dict = {"url": url}
    if page and (page not in files or not (Path(ENTRY).parent / files[page]).exists()):
        result["skipped"] = f"no page file for url_path {page!r}"
        return result
    at = AppTest.from_file(ENTRY, default_timeout=spec["timeout"])
    if page:
        # Run the entry file once before switching: before its first run AppTest finds a page by
        # its file name, which misses a page whose url_path differs from its file name and
        # silently shows the default page instead.
        at.run()
        at.switch_page(files[page])
    for key, values in parse_qs(parts.query).items():
        at.query_params[key] = values if len(values) > 1 else values[0]
    start = time.perf_counter()
    at.run()
    result["first_run_ms"] = (time.perf_counter() - start) * 1000
    result["first_errors"] = _errors(at)
    captured = {"messages": list(_CAPTURED), "files": dict(_FILES)}
    result["elements"] = element_counts(captured["messages"])
    result["delta_bytes"] = sum(len(m) for m in captured["messages"])
    result["_captured"] = captured

    fixture = fixture_dir / f"page{abs(hash(url))}.pkl"
    with fixture.open("wb") as fh:
        pickle.dump({url: captured}, fh)
    os.environ["BENCH_FIXTURE"] = str(fixture)
    bare = AppTest.from_file(BARE, default_timeout=spec["timeout"])
    bare.query_params["bench"] = url
    bare.run()
    bare_errors = _errors(bare)
    for _ in range(spec["warmup"]):
        at.run()
        bare.run()
    ours_t, bare_t, errors = [], [], []
    budget_end = time.perf_counter() + spec.get("budget_s", 1e9)
    for i in range(spec["reruns"]):
        if i >= 3 and time.perf_counter() > budget_end:  # slow page: fewer reruns, say so
            break
        t, e = _timed(at)
        ours_t.append(t)
        errors += e
        t, e = _timed(bare)
        bare_t.append(t)
        bare_errors += e
    result["ours"] = summary(ours_t)
    result["errors"] = errors
    result["bare"] = summary(bare_t)
    result["bare_errors"] = bare_errors
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--spec", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--fixture", type=Path, required=True)
    args = parser.parse_args(argv)
    spec = json.loads(args.spec.read_text())
    files = page_files()
    results = []
    for url in spec["urls"]:
        try:
            results.append(bench_url(url, files, spec, args.fixture.parent))
        except Exception as exc:  # report, keep measuring the other pages
            results.append({"url": url, "failed": f"{type(exc).__name__}: {exc}"[:300]})
        print(f"  {url}: done", flush=True)
    fixture = {r["url"]: r.pop("_captured") for r in results if "_captured" in r}
    with args.fixture.open("wb") as fh:
        pickle.dump(fixture, fh)
    args.out.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""First start of several processes on an empty database at the same moment (as deploy does)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from loaders import load_package
from store import load_store_package, open_store
from tests.store.conftest import DATA, PG_ENV, pg_schema_url

pytestmark = pytest.mark.slow  # three processes per round, three rounds

REPO = Path(__file__).resolve().parents[2]
PROCESSES = 3
ROUNDS = 3
# Each child imports first, then waits for a common moment, so the first starts really collide.
CHILD = """
import sys, time
from store import open_store
url, at = sys.argv[1], float(sys.argv[2])
time.sleep(max(0.0, at - time.time()))
print(open_store(url, sys.argv[3]).state().data_version)
"""


def start_at_once(url: str) -> list[tuple[int, str]]:
    """Start PROCESSES processes that open the store at `url` at the same moment."""
    at = time.time() + 4.0  # past every child's imports (the machine may be busy)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, url, str(at), str(DATA)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(PROCESSES)
    ]
    results = []
    for child in children:
        out, err = child.communicate(timeout=120)
        results.append((child.returncode, out.strip() if child.returncode == 0 else err[-800:]))
    return results


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_urls(request, tmp_path: Path):
    """A function giving a new, empty database URL on each call."""
    if request.param == "sqlite":
        yield lambda: f"sqlite:///{tmp_path / uuid.uuid4().hex}.db"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set (CI sets it in .ci/run)")
    engine = sa.create_engine(base)
    schemas = []

    def fresh() -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        schemas.append(schema)
        return pg_schema_url(base, schema)

    try:
        yield fresh
    finally:
        with engine.begin() as conn:
            for schema in schemas:
                conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


def test_processes_starting_at_once_on_an_empty_database_all_start_and_fill_it_once(fresh_urls):
    files = load_package(DATA)
    for _ in range(ROUNDS):
        url = fresh_urls()
        results = start_at_once(url)
        assert results == [(0, "1")] * PROCESSES, results  # all up, nobody wrote twice
        store = open_store(url, DATA)
        package = load_store_package(store, store.state().data_version)
        for name in store.editable:  # filled exactly once: no missing and no doubled rows
            assert package[name].height == files[name].height, name
        store.engine.dispose()

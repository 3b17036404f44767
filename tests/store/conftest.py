"""Test stores: a temporary SQLite file each, and PostgreSQL when TRACKER_TEST_PG_URL is set.

PostgreSQL tests get a fresh schema each (dropped afterwards), so they never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

PG_ENV = "TRACKER_TEST_PG_URL"
DATA = Path(__file__).resolve().parents[2] / "data"


def pg_schema_url(base: str, schema: str) -> str:
    """`base` with every connection's search_path set to `schema`."""
    url = sa.engine.make_url(base)
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path):
    """A database URL for one test: a temporary SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set (CI sets it in .ci/run)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(base)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield pg_schema_url(base, schema)
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


@pytest.fixture
def store(db_url, filled_db_at):
    """A Store on the real package, filled from its files (SQLite: a copy of one such fill)."""
    from store import open_store

    if db_url.startswith("sqlite"):
        filled_db_at(Path(sa.engine.make_url(db_url).database))
    return open_store(db_url, DATA)

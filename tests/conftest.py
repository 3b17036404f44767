"""Shared fixtures: the real data package, writable copies of it for corruption tests, SYNTHETIC
cells without evidence, and a frozen "today"."""

from __future__ import annotations

import csv
import functools
import os
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from streamlit.components.v2 import manifest_scanner

# Page and data tests read the package files; the store's own tests point TRACKER_DB_URL at a
# temporary database themselves. (Without this, tests would share the git-ignored instance/ DB.)
os.environ.setdefault("TRACKER_DB_URL", "off")

# Every new AppTest scans all installed packages for Streamlit components (~0.1 s of CPU, about a
# second on a loaded machine); a server scans once per process. The installed packages do not
# change during a test session, so scan once. tests/pages/test_apptest_speed.py fails if Streamlit
# stops calling this function, so the shortcut cannot rot silently.
SCAN_COMPONENTS = manifest_scanner.scan_component_manifests
manifest_scanner.scan_component_manifests = functools.cache(SCAN_COMPONENTS)

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
DEPLOY_TESTS = Path(__file__).resolve().parent / "deploy"


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test of tests/deploy `deploy`, so `-m "not deploy"` leaves the whole tier out."""
    for item in items:
        if DEPLOY_TESTS in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.deploy)


@pytest.fixture(scope="session")
def package():
    """The real data package, loaded and validated once."""
    from loaders import load_package

    pkg = load_package(DATA)
    assert pkg.ok, "\n".join(str(p) for p in pkg.problems)
    return pkg


@pytest.fixture(scope="session")
def _filled_sqlite(tmp_path_factory) -> Path:
    from store import open_store

    path = tmp_path_factory.mktemp("filled") / "tracker.db"
    open_store(f"sqlite:///{path}", DATA)
    return path


@pytest.fixture
def filled_db_at(_filled_sqlite):
    """Call with a path: the URL of a SQLite database there as a first start on the real package
    fills it. Copied from one filled once per session (a fill validates the whole package, about
    half a second of CPU); first starts themselves are tested in tests/store."""

    def at(path: Path) -> str:
        source, target = sqlite3.connect(_filled_sqlite), sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        return f"sqlite:///{path}"

    return at


@pytest.fixture
def freeze_today(monkeypatch):
    """Call with a date to freeze the app's "today" (`loaders.clock`) for this test."""
    from loaders.clock import TODAY_ENV

    def freeze(day: date) -> date:
        monkeypatch.setenv(TODAY_ENV, day.isoformat())
        return day

    return freeze


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the real package."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def read_rows(data_dir: Path, resource: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of `data_dir/<resource>.csv`."""
    with (data_dir / f"{resource}.csv").open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def write_rows(
    data_dir: Path, resource: str, header: list[str], rows: list[dict[str, str]]
) -> None:
    """Rewrite `data_dir/<resource>.csv` with these rows."""
    with (data_dir / f"{resource}.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def set_cell(data_dir: Path, resource: str, index: int, column: str, value: str) -> int:
    """Set one cell (row `index`, 0-based) and return the CSV line it is on (header = line 1)."""
    header, rows = read_rows(data_dir, resource)
    rows[index][column] = value
    write_rows(data_dir, resource, header, rows)
    return index + 2


EVIDENCE = ("statements", "assessments", "searches")  # what makes a cell anything but not assessed


def _in_cell(cycle: int, person_id: str, priority_id: str) -> pl.Expr:
    return (
        (pl.col("cycle") == cycle)
        & (pl.col("person_id") == person_id)
        & (pl.col("priority_id") == priority_id)
    )


def without_evidence(
    tables: dict[str, pl.DataFrame], cycle: int, person_id: str, priority_id: str
) -> dict[str, pl.DataFrame]:
    """SYNTHETIC: the tables without any statement, assessment or search of one candidacy ×
    priority, so that cell is not assessed (the real data may have no such cell)."""
    cell = _in_cell(cycle, person_id, priority_id)
    return tables | {name: tables[name].filter(~cell) for name in EVIDENCE}


def remove_evidence(data_dir: Path, cycle: int, person_id: str, priority_id: str) -> None:
    """SYNTHETIC: `without_evidence`, written into the package files at `data_dir`."""
    cell = (str(cycle), person_id, priority_id)
    for name in EVIDENCE:
        header, rows = read_rows(data_dir, name)
        kept = [r for r in rows if (r["cycle"], r["person_id"], r["priority_id"]) != cell]
        write_rows(data_dir, name, header, kept)

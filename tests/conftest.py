"""Shared fixtures: the real data package, and writable copies of it for corruption tests."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

# Page and data tests read the package files; the store's own tests point TRACKER_DB_URL at a
# temporary database themselves. (Without this, tests would share the git-ignored instance/ DB.)
os.environ.setdefault("TRACKER_DB_URL", "off")

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


@pytest.fixture(scope="session")
def package():
    """The real data package, loaded and validated once."""
    from loaders import load_package

    pkg = load_package(DATA)
    assert pkg.ok, "\n".join(str(p) for p in pkg.problems)
    return pkg


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

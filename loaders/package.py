"""Load the data package into typed Polars frames, or say precisely why it cannot be loaded."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import polars as pl

from loaders.schema import DESCRIPTOR_NAME, PackageDescriptor, load_descriptor
from loaders.validate import Problem, check_tables, typed_table

__all__ = [
    "DB_URL_ENV",
    "Package",
    "default_data_dir",
    "default_db_url",
    "data_version",
    "load_package",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR_ENV = "TRACKER_DATA_DIR"
DB_URL_ENV = "TRACKER_DB_URL"
APP_SCHEMA_DIR = REPO_ROOT / "data"  # the package whose schema the dashboard's code is written for


@dataclass(frozen=True)
class Package:
    """A checked data package: typed frames when valid, otherwise the problems found."""

    data_dir: Path
    version: str
    descriptor: PackageDescriptor | None
    tables: dict[str, pl.DataFrame] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the package validated and every table is loaded."""
        return self.descriptor is not None and not self.problems

    def __getitem__(self, name: str) -> pl.DataFrame:
        return self.tables[name]


def default_data_dir() -> Path:
    """The package the app reads: `$TRACKER_DATA_DIR`, else the repository's `data/`."""
    return _resolved(os.environ.get(DATA_DIR_ENV) or str(REPO_ROOT / "data"))


@lru_cache(maxsize=8)  # asked on every rerun; resolving walks the path on disk
def _resolved(path: str) -> Path:
    return Path(path).resolve()


def default_db_url() -> str:
    """The curators' database (`store/`): `$TRACKER_DB_URL`, else SQLite at
    `<repo>/instance/tracker.db`. Here, not in `store`, so a reader can see the database is off
    without importing SQLAlchemy."""
    url = os.environ.get(DB_URL_ENV)
    if url:
        return url
    return f"sqlite:///{REPO_ROOT / 'instance' / 'tracker.db'}"


def data_version(data_dir: Path) -> str:
    """A short fingerprint of the package files (names, sizes, modification times).

    Cheap enough to compute on every rerun, so caches keyed on it pick up edits without a restart
    (one directory scan: `os.scandir` gives each entry's stat without a `Path` per file).
    """
    digest = hashlib.sha1()
    try:
        with os.scandir(data_dir) as scan:
            wanted = [e for e in scan if e.name.endswith(".csv") or e.name == DESCRIPTOR_NAME]
    except OSError:
        wanted = []
    # The CSVs by name, then the descriptor: the order the fingerprint has always had.
    entries = sorted(wanted, key=lambda e: (e.name == DESCRIPTOR_NAME, e.name))
    for entry in entries:
        try:
            stat = entry.stat()
        except OSError:
            continue
        digest.update(f"{entry.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:12]


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=2)
def _app_descriptor(stamp: tuple[int, int] | None) -> PackageDescriptor | None:
    # `stamp` (the file's mtime and size) only keys the cache, so an edited schema is read again.
    descriptor, problems = load_descriptor(APP_SCHEMA_DIR)
    return None if problems else descriptor


def app_schema_problems(descriptor: PackageDescriptor) -> list[str]:
    """Fields the dashboard's code reads (those of the repository's own `data/` schema) that this
    descriptor lacks or types differently: such a package would fail on the pages, not in the check.
    """
    reference = _app_descriptor(_stamp(APP_SCHEMA_DIR / DESCRIPTOR_NAME))
    if reference is None:
        return []
    names = {r.name for r in descriptor.resources}
    problems = []
    for ref in reference.resources:
        if ref.name not in names:
            continue  # a missing resource is reported by the descriptor check
        mine = {f.name: _kind(f) for f in descriptor.resource(ref.name).fields}
        for fld in ref.fields:
            where = f"{ref.name}: field {fld.name!r}"
            if fld.name not in mine:
                problems.append(f"{where} is missing (the dashboard reads it)")
            elif mine[fld.name] != _kind(fld):
                problems.append(f"{where} must be of type {_kind(fld)}")
    return problems


def _kind(fld) -> str:
    return fld.type + (" list" if fld.separator else "")


def load_package(data_dir: Path | None = None) -> Package:
    """Read, validate and type every table of the package at `data_dir` (default: see above)."""
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    version = data_version(data_dir)
    descriptor, descriptor_problems = load_descriptor(data_dir)
    problems = [
        Problem("datapackage", None, None, "descriptor", message) for message in descriptor_problems
    ]
    if descriptor is None:
        return Package(data_dir, version, None, problems=tuple(problems))
    problems += [
        Problem("datapackage", None, None, "descriptor", message)
        for message in app_schema_problems(descriptor)
    ]
    frames, table_problems = check_tables(data_dir, descriptor)
    problems += table_problems
    if problems:
        return Package(data_dir, version, descriptor, problems=tuple(problems))
    tables = {r.name: typed_table(frames[r.name], r) for r in descriptor.resources}
    return Package(data_dir, version, descriptor, tables=tables)

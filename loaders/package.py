"""Load the data package into typed Polars frames, or say precisely why it cannot be loaded."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from loaders.schema import DESCRIPTOR_NAME, PackageDescriptor, load_descriptor
from loaders.validate import Problem, check_tables, typed_table

__all__ = ["Package", "default_data_dir", "data_version", "load_package"]

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR_ENV = "TRACKER_DATA_DIR"


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
    return Path(os.environ.get(DATA_DIR_ENV) or REPO_ROOT / "data").resolve()


def data_version(data_dir: Path) -> str:
    """A short fingerprint of the package files (names, sizes, modification times).

    Cheap enough to compute on every rerun, so caches keyed on it pick up edits without a restart.
    """
    digest = hashlib.sha1()
    base = Path(data_dir)
    for path in sorted(base.glob("*.csv")) + [base / DESCRIPTOR_NAME]:
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:12]


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
    frames, table_problems = check_tables(data_dir, descriptor)
    problems += table_problems
    if problems:
        return Package(data_dir, version, descriptor, problems=tuple(problems))
    tables = {r.name: typed_table(frames[r.name], r) for r in descriptor.resources}
    return Package(data_dir, version, descriptor, tables=tables)

"""Write the database's editable tables, with the package's other files, as a data package.

The export is atomic: everything is written to a hidden folder beside the target and renamed into
place at the end, so a killed export leaves the target as it was (or absent), never half-written.
The exported `datapackage.json` records each table's sha256 (`hash`) and row count (`x-rows`);
`loaders check` compares them, so a truncated or changed file fails the check.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import time
import uuid
from pathlib import Path

from loaders.schema import DESCRIPTOR_NAME, read_descriptor
from loaders.validate import Problem, file_hash, read_text_table
from store.db import Store

__all__ = [
    "ExportError",
    "descriptor_text",
    "export_package",
    "file_reader",
    "record_file_stats",
    "table_csv",
]

PAUSE_ENV = "TRACKER_TEST_PAUSE_BEFORE_RENAME"  # tests: kill the export while it waits here


class ExportError(RuntimeError):
    """The target cannot be replaced by an export (it holds files that are not a data package)."""


def export_package(store: Store, out_dir: Path) -> list[Path]:
    """Write the package at `store.data_dir`, editable tables from the database, to `out_dir`.

    CSVs are written as the package writes them (minimal quoting, `\\n` line ends, empty = missing),
    so an unedited database exports the package's files byte for byte; the descriptor differs only
    by the recorded hashes and row counts. An existing `out_dir` must be a data package (an earlier
    export) or empty: it is replaced as a whole. Returns the files written.
    """
    out_dir = Path(out_dir).absolute()
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / DESCRIPTOR_NAME).is_file():
        raise ExportError(
            f"{out_dir} holds files and is not a data package; export to a new or empty folder"
        )
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = out_dir.parent / f".{out_dir.name}.{uuid.uuid4().hex[:8]}.tmp"
    staging.mkdir()  # not mkdtemp: the export keeps the usual folder permissions
    try:
        written = _write_files(store, staging)
        record_file_stats(staging)
        _pause_for_tests()
        _replace(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [out_dir / path.relative_to(staging) for path in written]


def table_csv(store: Store, name: str, conn=None) -> bytes:
    """One editable table as readers see it (retired rows left out), as the package writes CSV:
    minimal quoting, `\\n` line ends, empty = missing."""
    if conn is None:
        with store.engine.connect() as own:
            return table_csv(store, name, own)
    fields = [f.name for f in store.descriptor.resource(name).fields]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields)
    for row in store.rows(conn, name, retired=False):
        writer.writerow(["" if row[f] is None else row[f] for f in fields])
    return buffer.getvalue().encode("utf-8")


def descriptor_text(store: Store) -> bytes:
    """datapackage.json with each table's `x-as-of` as curators marked it checked (the file's
    bytes unchanged when nobody did)."""
    raw_bytes = (store.data_dir / DESCRIPTOR_NAME).read_bytes()
    checked = store.checked_as_of()
    if not checked:
        return raw_bytes
    raw = json.loads(raw_bytes.decode("utf-8"))
    for resource in raw.get("resources", []):
        if resource.get("name") in checked:
            resource["x-as-of"] = checked[resource["name"]]
    return (json.dumps(raw, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def file_reader(store: Store):
    """`read(package, path)`: a package file as readers see it — an editable table and the
    descriptor from the database, any other file from the package folder (for downloads)."""

    def read(_package, relative_path: str) -> bytes:
        tables = {store.descriptor.resource(n).path: n for n in store.editable}
        if relative_path in tables:
            return table_csv(store, tables[relative_path])
        if relative_path == DESCRIPTOR_NAME:
            return descriptor_text(store)
        return (store.data_dir / relative_path).read_bytes()

    return read


def _write_files(store: Store, target_dir: Path) -> list[Path]:
    store.ensure_ready()
    from_store = {store.descriptor.resource(name).path for name in store.editable}
    written = []
    for source in sorted(store.data_dir.rglob("*")):
        relative = source.relative_to(store.data_dir)
        if source.is_dir() or str(relative) in from_store or str(relative) == DESCRIPTOR_NAME:
            continue
        target = target_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        written.append(target)
    descriptor = target_dir / DESCRIPTOR_NAME
    descriptor.write_bytes(descriptor_text(store))
    written.append(descriptor)
    with store.engine.connect() as conn:
        for name in store.editable:
            target = target_dir / store.descriptor.resource(name).path
            target.write_bytes(table_csv(store, name, conn))
            written.append(target)
    return written


def record_file_stats(data_dir: Path) -> None:
    """Record each resource's file hash and row count in `data_dir/datapackage.json`.

    The two keys go right after the resource's `path`; nothing else in the descriptor changes
    (it is rewritten as the package writes it: two-space indent, UTF-8, final newline).
    """
    path = Path(data_dir) / DESCRIPTOR_NAME
    raw = json.loads(path.read_text(encoding="utf-8"))
    descriptor = read_descriptor(data_dir)
    stamped = []
    for raw_resource in raw["resources"]:
        resource = descriptor.resource(raw_resource["name"])
        frame = read_text_table(data_dir, resource)
        if isinstance(frame, Problem):  # unreadable: the check says why
            stamped.append(raw_resource)
            continue
        stats = {
            "hash": file_hash((Path(data_dir) / resource.path).read_bytes()),
            "x-rows": frame.height,
        }
        out = {}
        for key, value in raw_resource.items():
            if key not in stats:
                out[key] = value
            if key == "path":
                out.update(stats)
        stamped.append(out)
    raw["resources"] = stamped
    path.write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _replace(staging: Path, out_dir: Path) -> None:
    """Move `staging` to `out_dir`; an existing `out_dir` is swapped out, then removed."""
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    old = out_dir.parent / f".{out_dir.name}.old-{uuid.uuid4().hex[:8]}"
    os.rename(out_dir, old)
    try:
        os.rename(staging, out_dir)
    except OSError:
        os.rename(old, out_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _pause_for_tests() -> None:
    seconds = os.environ.get(PAUSE_ENV)
    if seconds:
        print("export: pausing before rename", flush=True)
        time.sleep(float(seconds))

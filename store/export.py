"""Write the database's editable tables, with the package's other files, as a data package."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from loaders.schema import DESCRIPTOR_NAME
from store.db import Store

__all__ = ["descriptor_text", "export_package", "table_csv"]


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


def export_package(store: Store, out_dir: Path) -> list[Path]:
    """Copy the package at `store.data_dir` to `out_dir`, editable tables from the database.

    An unedited database exports the package's files byte for byte. Returns the files written.
    """
    store.ensure_ready()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    from_store = {store.descriptor.resource(name).path for name in store.editable}
    written = []
    for source in sorted(store.data_dir.rglob("*")):
        relative = source.relative_to(store.data_dir)
        if source.is_dir() or str(relative) in from_store or str(relative) == DESCRIPTOR_NAME:
            continue
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        written.append(target)
    descriptor = out_dir / DESCRIPTOR_NAME
    descriptor.write_bytes(descriptor_text(store))
    written.append(descriptor)
    with store.engine.connect() as conn:
        for name in store.editable:
            target = out_dir / store.descriptor.resource(name).path
            target.write_bytes(table_csv(store, name, conn))
            written.append(target)
    return written

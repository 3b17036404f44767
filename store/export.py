"""Write the database's editable tables, with the package's other files, as a data package."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from store.db import Store
from store.schema import EDITABLE

__all__ = ["export_package"]


def export_package(store: Store, out_dir: Path) -> list[Path]:
    """Copy the package at `store.data_dir` to `out_dir`, editable tables from the database.

    CSVs are written as the package writes them (minimal quoting, `\\n` line ends, empty = missing),
    so an unedited database exports the package's files byte for byte. Returns the files written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    editable_paths = {store.descriptor.resource(name).path for name in EDITABLE}
    written = []
    for source in sorted(store.data_dir.rglob("*")):
        relative = source.relative_to(store.data_dir)
        if source.is_dir() or str(relative) in editable_paths:
            continue
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        written.append(target)
    with store.engine.connect() as conn:
        for name in EDITABLE:
            resource = store.descriptor.resource(name)
            fields = [f.name for f in resource.fields]
            target = out_dir / resource.path
            with target.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh, lineterminator="\n")
                writer.writerow(fields)
                for row in store.rows(conn, name):
                    writer.writerow(["" if row[f] is None else row[f] for f in fields])
            written.append(target)
    return written

"""The data package as readers see it: files for fixed tables, the database for editable ones."""

from __future__ import annotations

from loaders import Package, check_tables, data_version
from loaders.validate import typed_table
from store.db import Store

__all__ = ["load_store_package"]


def load_store_package(store: Store, db_version: int) -> Package:
    """Validate and type the package with the editable tables read from the database.

    The same validation path as the files (`check_tables` with the database tables as overrides);
    `version` combines the files' fingerprint and the database's data_version.
    """
    descriptor = store.descriptor
    version = f"{data_version(store.data_dir)}.{db_version}"
    frames, problems = check_tables(store.data_dir, descriptor, overrides=store.text_frames())
    if problems:
        return Package(store.data_dir, version, descriptor, problems=tuple(problems))
    tables = {r.name: typed_table(frames[r.name], r) for r in descriptor.resources}
    return Package(store.data_dir, version, descriptor, tables=tables)

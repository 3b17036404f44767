"""The data package as readers see it: files for fixed tables, the database for editable ones."""

from __future__ import annotations

import dataclasses

from loaders import Package, PackageDescriptor, check_tables, data_version
from loaders.validate import typed_table
from store.db import Store

__all__ = ["load_store_package", "with_checked"]


def with_checked(descriptor: PackageDescriptor, checked: dict[str, str]) -> PackageDescriptor:
    """`descriptor` with each table's as-of day replaced by the day curators checked it up to."""
    if not checked:
        return descriptor
    resources = tuple(
        dataclasses.replace(r, as_of=checked[r.name]) if r.name in checked else r
        for r in descriptor.resources
    )
    return dataclasses.replace(descriptor, resources=resources)


def load_store_package(store: Store, db_version: int) -> Package:
    """Validate and type the package with the editable tables read from the database.

    The same validation path as the files (`check_tables` with the database tables as overrides);
    retired rows are left out; as-of days follow the curators' "checked up to" marks. `version`
    combines the files' fingerprint and the database's data_version.
    """
    descriptor = with_checked(store.descriptor, store.checked_as_of())
    version = f"{data_version(store.data_dir)}.{db_version}"
    frames, problems = check_tables(store.data_dir, descriptor, overrides=store.text_frames())
    if problems:
        return Package(store.data_dir, version, descriptor, problems=tuple(problems))
    tables = {r.name: typed_table(frames[r.name], r) for r in descriptor.resources}
    return Package(store.data_dir, version, descriptor, tables=tables)

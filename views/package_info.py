"""Data & methods page: what each table holds, where it comes from, and the package as one zip."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from loaders import Package

__all__ = ["table_catalog", "package_file", "package_zip", "resource_csv"]

EXTRA_FILES = ("CHANGELOG.md", "README.md", "LICENSE.md")
Reader = Callable[[Package, str], bytes]


def table_catalog(package: Package) -> list[dict]:
    """One dict per resource: title, description, rows, sources, licences, as-of, gaps, fields."""
    out = []
    for res in package.descriptor.resources:
        out.append(
            {
                "name": res.name,
                "title": res.title,
                "description": res.description,
                "rows": package[res.name].height,
                "sources": [s for s in res.sources if s.get("path") or s.get("title")],
                "licenses": [lic.get("title") or lic.get("name", "") for lic in res.licenses],
                "as_of": res.as_of,
                "gaps": res.gaps,
                "fields": [
                    {
                        "field": f.name,
                        "type": f.type + (" list" if f.separator else ""),
                        "required": f.required,
                        "allowed": ", ".join(f.enum) if f.enum else (f.pattern or ""),
                        "description": f.description,
                    }
                    for f in res.fields
                ],
                "primary_key": ", ".join(res.primary_key),
            }
        )
    return out


def package_file(package: Package, relative_path: str) -> bytes:
    """A file of the package as stored in its folder."""
    return (Path(package.data_dir) / relative_path).read_bytes()


def resource_csv(package: Package, name: str, read: Reader = package_file) -> bytes:
    """The resource's CSV as published; `read(package, path)` gives a file's bytes (the curators'
    database gives the editable tables, so a download is what the pages show)."""
    return read(package, package.descriptor.resource(name).path)


def package_zip(package: Package, read: Reader = package_file) -> bytes:
    """datapackage.json, every table and the changelog, zipped under one folder (files read with
    `read`, as for `resource_csv`)."""
    folder = package.descriptor.name or "data"
    buffer = io.BytesIO()
    base = Path(package.data_dir)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{folder}/datapackage.json", read(package, "datapackage.json"))
        for res in package.descriptor.resources:
            zf.writestr(f"{folder}/{res.path}", read(package, res.path))
        for extra in EXTRA_FILES:
            if (base / extra).exists():
                zf.writestr(f"{folder}/{extra}", read(package, extra))
    return buffer.getvalue()

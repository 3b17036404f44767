"""Data & methods page: what each table holds, where it comes from, and the package as one zip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from loaders import Package

__all__ = ["table_catalog", "package_zip", "resource_csv"]

EXTRA_FILES = ("CHANGELOG.md", "README.md", "LICENSE.md")


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


def resource_csv(package: Package, name: str) -> bytes:
    """The resource's CSV file exactly as published (what scripts downloading the package get)."""
    return (Path(package.data_dir) / package.descriptor.resource(name).path).read_bytes()


def package_zip(package: Package) -> bytes:
    """datapackage.json, every table and the changelog, zipped under one folder."""
    folder = package.descriptor.name or "data"
    buffer = io.BytesIO()
    base = Path(package.data_dir)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(base / "datapackage.json", f"{folder}/datapackage.json")
        for res in package.descriptor.resources:
            zf.write(base / res.path, f"{folder}/{res.path}")
        for extra in EXTRA_FILES:
            if (base / extra).exists():
                zf.write(base / extra, f"{folder}/{extra}")
    return buffer.getvalue()

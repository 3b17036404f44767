"""The data package descriptor (`datapackage.json`) as small typed objects.

The descriptor is the single truth for every table's fields, types, constraints and keys; the
validator, the loaders and the Data & methods page all read it through this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Field", "ForeignKey", "Resource", "PackageDescriptor", "read_descriptor"]

DESCRIPTOR_NAME = "datapackage.json"


@dataclass(frozen=True)
class Field:
    """One column of a table schema."""

    name: str
    type: str = "string"
    description: str = ""
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    separator: str | None = None
    is_url: bool = False

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Field:
        constraints = raw.get("constraints", {})
        enum = constraints.get("enum")
        return cls(
            name=raw["name"],
            type=raw.get("type", "string"),
            description=raw.get("description", ""),
            required=bool(constraints.get("required", False)),
            enum=tuple(str(v) for v in enum) if enum is not None else None,
            pattern=constraints.get("pattern"),
            minimum=constraints.get("minimum"),
            maximum=constraints.get("maximum"),
            separator=raw.get("x-separator"),
            is_url=bool(raw.get("x-url", False)),
        )


@dataclass(frozen=True)
class ForeignKey:
    """Columns of one table that must match a key of another."""

    fields: tuple[str, ...]
    resource: str
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    """One table of the package: its file, schema and provenance."""

    name: str
    path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    date_order: tuple[tuple[str, str], ...]
    sources: tuple[dict[str, str], ...]
    licenses: tuple[dict[str, str], ...]
    as_of: str | None
    gaps: str

    def field(self, name: str) -> Field:
        """Return the field called `name` (KeyError if the schema has none)."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Resource:
        schema = raw.get("schema", {})
        primary_key = schema.get("primaryKey", [])
        if isinstance(primary_key, str):
            primary_key = [primary_key]
        foreign_keys = []
        for fk in schema.get("foreignKeys", []):
            fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
            ref = fk["reference"]
            ref_fields = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
            foreign_keys.append(
                ForeignKey(tuple(fields), ref.get("resource") or raw["name"], tuple(ref_fields))
            )
        return cls(
            name=raw["name"],
            path=raw["path"],
            title=raw.get("title", raw["name"]),
            description=raw.get("description", ""),
            fields=tuple(Field.from_json(f) for f in schema.get("fields", [])),
            primary_key=tuple(primary_key),
            foreign_keys=tuple(foreign_keys),
            date_order=tuple(tuple(pair) for pair in schema.get("x-date-order", [])),
            sources=tuple(raw.get("sources", [])),
            licenses=tuple(raw.get("licenses", [])),
            as_of=raw.get("x-as-of"),
            gaps=raw.get("x-gaps", ""),
        )


@dataclass(frozen=True)
class PackageDescriptor:
    """The whole package: metadata and resources in descriptor order."""

    name: str
    title: str
    version: str
    as_of: str | None
    licenses: tuple[dict[str, str], ...]
    resources: tuple[Resource, ...] = field(default_factory=tuple)

    def resource(self, name: str) -> Resource:
        """Return the resource called `name` (KeyError if absent)."""
        for r in self.resources:
            if r.name == name:
                return r
        raise KeyError(f"the package has no resource {name!r}")


def read_descriptor(data_dir: Path) -> PackageDescriptor:
    """Parse `data_dir/datapackage.json`; raises OSError / ValueError / KeyError if unreadable."""
    raw = json.loads((Path(data_dir) / DESCRIPTOR_NAME).read_text(encoding="utf-8"))
    return PackageDescriptor(
        name=raw.get("name", ""),
        title=raw.get("title", ""),
        version=str(raw.get("version", "")),
        as_of=raw.get("x-as-of"),
        licenses=tuple(raw.get("licenses", [])),
        resources=tuple(Resource.from_json(r) for r in raw.get("resources", [])),
    )

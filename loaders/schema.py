"""The data package descriptor (`datapackage.json`) as small typed objects.

The descriptor is the single truth for every table's fields, types, constraints and keys; the
validator, the loaders and the Data & methods page all read it through this module.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from loaders.urls import is_http_url

__all__ = [
    "ASSESSMENTS",
    "LEVELS",
    "SEARCHED_GAPS",
    "NOT_RECORDED",
    "ORIGIN_KEYS",
    "DescriptorError",
    "Field",
    "ForeignKey",
    "PackageDescriptor",
    "Resource",
    "load_descriptor",
    "parse_descriptor",
    "key_text",
    "read_descriptor",
]

DESCRIPTOR_NAME = "datapackage.json"
FIELD_TYPES = ("string", "integer", "number", "boolean", "date")
# The tables the app reads: a package without one of them cannot be shown, so it is a problem.
REQUIRED_RESOURCES = (
    "priorities",
    "asks",
    "cycles",
    "people",
    "candidacies",
    "statements",
    "searches",
    "assessments",
    "selection_events",
    "straw_polls",
    "record_entries",
    "countries",
    "indicators",
    "indicator_values",
    "sc_vetoes",
    "peacekeeping_missions",
)

# The vocabularies the dashboard draws, each value with its own colour, symbol and word: the one
# home of these names (views import them). A descriptor whose enum names other values is a problem.
ASSESSMENTS = ("advances", "mixed", "falls-short")  # record_entries.assessment
LEVELS = ("contradicts", "general", "clear", "specific")  # commitment levels 0..3
SEARCHED_GAPS = ("silent", "declined")  # assessments.level when a search found no commitment
VOCABULARIES = {
    ("record_entries", "assessment"): ASSESSMENTS,
    ("assessments", "level"): (*LEVELS, *SEARCHED_GAPS),
}

# Where a table's data came from, one object per source (after owid/etl's snapshot origins). A value
# nobody recorded is written NOT_RECORDED, never guessed.
NOT_RECORDED = "not recorded"
ORIGIN_KEYS = {  # key → required
    "producer": True,
    "title": True,
    "url_main": True,  # an http(s) address or NOT_RECORDED
    "date_accessed": True,  # YYYY-MM-DD or NOT_RECORDED
    "license": True,  # {"name": ..., "url": ...}: name required (or NOT_RECORDED), url optional
    "description": False,  # how it came into this table
    "citation_full": False,
    "date_published": False,  # YYYY-MM-DD or NOT_RECORDED
    "url_download": False,
}


class DescriptorError(ValueError):
    """The descriptor cannot be used as it is; `problems` lists every reason."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


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
    max_length: int | None = None

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
            max_length=constraints.get("maxLength"),
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
    hash: str | None = None  # "sha256:<hex>" of the file, as `store export` recorded it
    rows: int | None = None  # data rows in the file, as `store export` recorded it
    origins: tuple[dict[str, Any], ...] = ()  # where the data came from (`ORIGIN_KEYS`)

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
            hash=raw.get("hash"),
            rows=raw.get("x-rows"),
            origins=tuple(raw.get("origins", [])),
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
    """Parse `data_dir/datapackage.json`; raises DescriptorError listing every problem."""
    descriptor, problems = load_descriptor(data_dir)
    if problems:
        raise DescriptorError(problems)
    return descriptor


def load_descriptor(data_dir: Path) -> tuple[PackageDescriptor | None, list[str]]:
    """The descriptor's usable part (None if there is none) and a sentence per problem in it."""
    path = Path(data_dir) / DESCRIPTOR_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, [f"{DESCRIPTOR_NAME} is missing"]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [f"{DESCRIPTOR_NAME} is unreadable: {exc}"]
    return parse_descriptor(raw)


def parse_descriptor(raw: Any) -> tuple[PackageDescriptor | None, list[str]]:
    """Build the descriptor from parsed JSON, skipping (and describing) every part that is broken.

    A broken resource is left out and a foreign key into a resource that is not there is dropped,
    so the tables that are fine can still be checked: every problem is reported at once.
    """
    if not isinstance(raw, dict):
        return None, [f"{DESCRIPTOR_NAME} must be a JSON object, not {_kind(raw)}"]
    problems: list[str] = []
    raw_resources = raw.get("resources")
    if not isinstance(raw_resources, list):
        problems.append(f"'resources' must be a list, not {_kind(raw_resources)}")
        raw_resources = []
    resources: list[Resource] = []
    for index, raw_resource in enumerate(raw_resources):
        found = _resource_problems(raw_resource)
        label = f"resources[{index}]"
        if isinstance(raw_resource, dict) and isinstance(raw_resource.get("name"), str):
            label += f" ({raw_resource['name']})"
        if found:
            problems += [f"{label}: {p}" for p in found]
        elif any(r.name == raw_resource["name"] for r in resources):
            problems.append(f"{label}: a second resource with this name")
        else:
            resources.append(Resource.from_json(raw_resource))
    names = {r.name for r in resources}
    broken = {r.get("name") for r in raw_resources if isinstance(r, dict)} - names
    problems += [
        f"the package has no resource {name!r}, which the dashboard needs"
        for name in REQUIRED_RESOURCES
        if name not in names and name not in broken
    ]
    usable = []
    for resource in resources:
        keys = []
        for fk in resource.foreign_keys:
            if fk.resource in names:
                keys.append(fk)
            elif fk.resource not in broken:  # a broken target is already reported
                problems.append(
                    f"{resource.name}: foreign key {','.join(fk.fields)} points to resource "
                    f"{fk.resource!r}, which the package does not have"
                )
        usable.append(replace(resource, foreign_keys=tuple(keys)))
        for (table, name), values in VOCABULARIES.items():
            fld = next((f for f in resource.fields if f.name == name), None)
            if resource.name == table and fld and fld.enum and set(fld.enum) != set(values):
                problems.append(
                    f"{table}.{name}: the enum must name exactly {', '.join(values)} (the values "
                    f"the dashboard draws), not {', '.join(fld.enum)}"
                )
    descriptor = PackageDescriptor(
        name=str(raw.get("name", "")),
        title=str(raw.get("title", "")),
        version=str(raw.get("version", "")),
        as_of=raw.get("x-as-of") if isinstance(raw.get("x-as-of"), str) else None,
        licenses=tuple(lic for lic in _list(raw.get("licenses")) if isinstance(lic, dict)),
        resources=tuple(usable),
    )
    return descriptor, problems


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", type(None): "missing"}.get(
        type(value), type(value).__name__
    )


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _names(value: Any) -> list[str] | None:
    """A field list as Frictionless allows it (one name or a list of names), or None if neither."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return value
    return None


def _resource_problems(raw: Any) -> list[str]:
    """Why `raw` cannot be read as a resource (empty when it can)."""
    if not isinstance(raw, dict):
        return [f"a resource must be an object, not {_kind(raw)}"]
    problems = [
        f"{key!r} must be text, not {_kind(raw.get(key))}"
        for key in ("name", "path")
        if not isinstance(raw.get(key), str) or not raw.get(key)
    ]
    for key in ("title", "description", "x-as-of", "x-gaps", "hash"):
        if key in raw and not isinstance(raw[key], str):
            problems.append(f"{key!r} must be text, not {_kind(raw[key])}")
    for key in ("sources", "licenses"):
        if key in raw and not (
            isinstance(raw[key], list) and all(isinstance(v, dict) for v in raw[key])
        ):
            problems.append(f"{key!r} must be a list of objects")
    if "x-rows" in raw and (type(raw["x-rows"]) is not int or raw["x-rows"] < 0):
        problems.append("'x-rows' must be a whole number of rows")
    if "origins" in raw:
        if isinstance(raw["origins"], list) and raw["origins"]:
            for index, origin in enumerate(raw["origins"]):
                problems += [f"origins[{index}]: {p}" for p in _origin_problems(origin)]
        else:
            problems.append("'origins' must be a non-empty list of objects")
    schema = raw.get("schema")
    if not isinstance(schema, dict):
        return problems + [f"'schema' must be an object, not {_kind(schema)}"]
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        return problems + ["'schema.fields' must be a non-empty list"]
    names: list[str] = []
    for index, fld in enumerate(fields):
        found = _field_problems(fld)
        problems += [f"field {index}: {p}" for p in found]
        if not found:
            names.append(fld["name"])
    known = set(names)
    if "primaryKey" in schema:
        key = _names(schema["primaryKey"])
        if key is None or not set(key) <= known:
            problems.append(f"'primaryKey' names fields the schema does not have: {key}")
    for index, fk in enumerate(_list(schema.get("foreignKeys"))):
        ref = fk.get("reference") if isinstance(fk, dict) else None
        mine = _names(fk.get("fields")) if isinstance(fk, dict) else None
        theirs = _names(ref.get("fields")) if isinstance(ref, dict) else None
        if mine is None or theirs is None or len(mine) != len(theirs):
            problems.append(f"foreign key {index} needs 'fields' and 'reference.fields' alike")
        elif not set(mine) <= known:
            problems.append(f"foreign key {index} names fields the schema does not have: {mine}")
        elif not isinstance(ref.get("resource", ""), str):
            problems.append(f"foreign key {index}: 'reference.resource' must be text")
    if "foreignKeys" in schema and not isinstance(schema["foreignKeys"], list):
        problems.append("'foreignKeys' must be a list")
    for pair in _list(schema.get("x-date-order")):
        if not (isinstance(pair, list) and len(pair) == 2 and set(pair) <= known):
            problems.append(f"'x-date-order' entry {pair!r} must name two fields of the schema")
    return problems


def _origin_problems(raw: Any) -> list[str]:
    """Why `raw` is not an origin as `ORIGIN_KEYS` describes it (empty when it is)."""
    if not isinstance(raw, dict):
        return [f"an origin must be an object, not {_kind(raw)}"]
    problems = [f"unknown key {key!r}" for key in raw if key not in ORIGIN_KEYS]
    problems += [
        f"{key!r} is missing" for key, needed in ORIGIN_KEYS.items() if needed and key not in raw
    ]
    for key in [k for k in ORIGIN_KEYS if k in raw and k != "license"]:
        if not isinstance(raw[key], str) or not raw[key].strip():
            problems.append(f"{key!r} must be text (or {NOT_RECORDED!r})")
    for key in ("url_main", "url_download"):
        value = raw.get(key)
        if isinstance(value, str) and value != NOT_RECORDED and not is_http_url(value):
            problems.append(f"{key!r} must be an http(s) address or {NOT_RECORDED!r}")
    for key in ("date_accessed", "date_published"):
        value = raw.get(key)
        if isinstance(value, str) and value != NOT_RECORDED and not _is_day(value):
            problems.append(f"{key!r} must be a day (YYYY-MM-DD) or {NOT_RECORDED!r}")
    lic = raw.get("license")
    if "license" in raw and not (
        isinstance(lic, dict)
        and isinstance(lic.get("name"), str)
        and lic["name"].strip()
        and set(lic) <= {"name", "url"}
        and ("url" not in lic or is_http_url(lic["url"]))
    ):
        problems.append(f"'license' must be {{'name': text or {NOT_RECORDED!r}, 'url': http(s)}}")
    return problems


def _is_day(text: str) -> bool:
    try:
        return len(text) == 10 and bool(date.fromisoformat(text))
    except ValueError:
        return False


def _field_problems(raw: Any) -> list[str]:
    """Why `raw` cannot be read as a field (empty when it can)."""
    if not isinstance(raw, dict):
        return [f"a field must be an object, not {_kind(raw)}"]
    if not isinstance(raw.get("name"), str) or not raw["name"]:
        return ["'name' must be text"]
    problems = []
    if raw.get("type", "string") not in FIELD_TYPES:
        problems.append(f"{raw['name']}: type {raw.get('type')!r} is not one of {FIELD_TYPES}")
    constraints = raw.get("constraints", {})
    if not isinstance(constraints, dict):
        return problems + [f"{raw['name']}: 'constraints' must be an object"]
    if "enum" in constraints and not isinstance(constraints["enum"], list):
        problems.append(f"{raw['name']}: 'enum' must be a list")
    if "pattern" in constraints:
        try:
            re.compile(constraints["pattern"])
        except (re.error, TypeError):
            problems.append(f"{raw['name']}: 'pattern' is not a regular expression")
    for key in ("minimum", "maximum"):
        value = constraints.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            problems.append(f"{raw['name']}: {key!r} must be a number")
    length = constraints.get("maxLength")
    if length is not None and (type(length) is not int or length < 1):
        problems.append(f"{raw['name']}: 'maxLength' must be a positive whole number")
    if "x-separator" in raw and (not isinstance(raw["x-separator"], str) or not raw["x-separator"]):
        problems.append(f"{raw['name']}: 'x-separator' must be text")
    return problems


def key_text(values: dict, primary_key: tuple[str, ...] | list[str]) -> str:
    """The key of a row as the audit log and the editor's `item` show it: its primary-key values
    joined by '/' ('s0001', '2016/antonio-guterres')."""
    return "/".join(str(values.get(k) or "") for k in primary_key)

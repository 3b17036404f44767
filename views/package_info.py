"""Data & methods page: what each table holds, where it comes from, and the package as one zip."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from loaders import Package
from views import coverage
from views.words import Words

__all__ = [
    "COVERAGE_MARKS",
    "DataModel",
    "TableEntry",
    "data_model",
    "table_catalog",
    "package_file",
    "package_zip",
    "resource_csv",
]

EXTRA_FILES = ("CHANGELOG.md", "README.md", "LICENSE.md")
COVERAGE_MARKS = {"evidence": "●", "searched": "∅", "not-assessed": "?"}
FIELD_SCHEMA = {
    "field": pl.String,
    "type": pl.String,
    "required": pl.Boolean,
    "allowed": pl.String,
    "description": pl.String,
}
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


@dataclass(frozen=True)
class TableEntry:
    """One table of the package as the data page lists it (Markdown lines ready to show)."""

    name: str
    label: str  # the expander's title
    description: str
    as_of: str
    licence: str
    sources: str
    gaps: str | None  # the table's known gaps, None when it has none
    primary_key: str
    fields: pl.DataFrame  # field, type, required, allowed, description (named in the language)


@dataclass(frozen=True)
class DataModel:
    """Everything the Data & methods page shows: the package's state, the coverage grid (`grid`
    for the CSV, `grid_shown` as shown: one mark per cell), and every table with its fields."""

    state: str
    coverage_intro: str
    coverage_legend: str
    grid: pl.DataFrame
    grid_shown: pl.DataFrame
    tables: pl.DataFrame
    entries: tuple[TableEntry, ...]


def _day(as_of: str | None, words: Words) -> str:
    """A descriptor's YYYY-MM-DD as people read it ('9 Dec 2025'); '—' when there is none."""
    try:
        return words.date(date.fromisoformat(as_of)) if as_of else "—"
    except ValueError:  # not a day: shown as written
        return as_of


def _licences(item: dict, words: Words) -> str:
    """The table's licences in the reader's language (`licences` catalogue, by English title)."""
    return "; ".join(words.data("licences", lic, lic) for lic in item["licenses"])


def _fields(item: dict, words: Words) -> pl.DataFrame:
    """The table's fields with their descriptions and types in the reader's language (the data
    package's English where a catalogue has none), under translated column names."""
    name = item["name"]
    rows = [
        {
            **f,
            "type": words.data("data", "type_" + f["type"].replace(" ", "_"), f["type"]),
            "description": f["description"]
            and words.data("fields", f"{name}_{f['field']}", f["description"]),
        }
        for f in item["fields"]
    ]
    # A typed frame, not a list of dicts: st.dataframe sends it without a pandas round trip.
    frame = pl.DataFrame(rows, schema=FIELD_SCHEMA, orient="row")
    return frame.rename({c: words(f"data.col_{c}") for c in FIELD_SCHEMA})


def _entry(item: dict, words: Words) -> TableEntry:
    def bold(key: str, value: str) -> str:
        return words("common.labelled_bold", label=words(key), value=value)

    sources = "; ".join(
        f"[{words.source_title(s)}]({s['path']})" if s.get("path") else words.source_title(s)
        for s in item["sources"]
    )
    gaps = item["gaps"] and words.data("resources", f"{item['name']}_gaps", item["gaps"])
    title_text = words.data("resources", f"{item['name']}_title", item["title"])
    return TableEntry(
        name=item["name"],
        label=f"**{title_text}** (`{item['name']}`, {item['rows']} {words('data.rows')})",
        description=words.data("resources", f"{item['name']}_description", item["description"]),
        as_of=bold("data.col_as_of", _day(item["as_of"], words)),
        licence=bold("data.col_licence", _licences(item, words) or "—"),
        sources=bold("data.sources", sources),
        gaps=words("common.labelled", label=words("data.gaps"), value=gaps) if gaps else None,
        primary_key=bold("data.primary_key", f"`{item['primary_key']}`"),
        fields=_fields(item, words),
    )


def data_model(package: Package, words: Words) -> DataModel:
    """The Data & methods page of `package` in the reader's language."""
    catalog = table_catalog(package)
    grid = coverage.coverage_grid(package.tables)
    totals = coverage.coverage_totals(grid)
    tables = pl.DataFrame(
        [
            {
                words("data.col_table"): item["name"],
                words("data.col_title"): words.data(
                    "resources", f"{item['name']}_title", item["title"]
                ),
                words("data.col_rows"): item["rows"],
                words("data.col_as_of"): _day(item["as_of"], words),
                words("data.col_licence"): _licences(item, words),
            }
            for item in catalog
        ]
    )
    return DataModel(
        state=words(
            "data.state",
            n=len(catalog),
            version=package.version,
            as_of=_day(package.descriptor.as_of, words),
        ),
        coverage_intro=words(
            "data.coverage_intro", **{k.replace("-", "_"): v for k, v in totals.items()}
        ),
        coverage_legend=" · ".join(
            f"{mark} {words(f'data.coverage_{kind}')}" for kind, mark in COVERAGE_MARKS.items()
        ),
        grid=grid,
        # One mark per cell (the legend says what each means): ten columns fit a phone.
        grid_shown=grid.with_columns(pl.col(r"^p\d$").replace_strict(COVERAGE_MARKS))
        .drop("person_id")
        .rename(lambda c: c.upper() if c.startswith("p") else words(f"data.col_grid_{c}")),
        tables=tables,
        entries=tuple(_entry(item, words) for item in catalog),
    )

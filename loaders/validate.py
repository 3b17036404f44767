"""The one validation path: every table checked against its schema, every problem reported at once.

The app, the CLI (`python -m loaders check`), the tests and the curators' editor all call
`check_tables`. Tables are read as text first, so a bad cell is reported with its line and column
instead of failing the whole read; only a table with no problems is cast to typed columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from loaders.schema import Field, PackageDescriptor, Resource
from loaders.urls import HTTP_URL_PATTERN

__all__ = ["Problem", "read_text_table", "check_tables", "typed_table"]

INTEGER_RE = r"^-?\d+$"
NUMBER_RE = r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$"
DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
BOOLEANS = ("true", "false")
LINE = "_line"  # the CSV line a row came from (header is line 1)


@dataclass(frozen=True)
class Problem:
    """One broken rule, located as precisely as the rule allows."""

    resource: str
    line: int | None
    column: str | None
    rule: str
    message: str

    def __str__(self) -> str:
        where = self.resource
        if self.line is not None:
            where += f" line {self.line}"
        if self.column:
            where += f" column {self.column}"
        return f"{where}: [{self.rule}] {self.message}"


def read_text_table(data_dir: Path, resource: Resource) -> pl.DataFrame | Problem:
    """Read a resource's CSV with every column as text and a `_line` column, or the read problem."""
    path = Path(data_dir) / resource.path
    try:
        frame = pl.read_csv(path, infer_schema=False, encoding="utf8")
    except FileNotFoundError:
        return Problem(resource.name, None, None, "file", f"{resource.path} is missing")
    except Exception as exc:  # polars raises several error types for unreadable CSV
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return Problem(
            resource.name, None, None, "file", f"{resource.path} is not readable CSV: {first_line}"
        )
    return frame.with_row_index(LINE, offset=2).with_columns(pl.col(LINE).cast(pl.Int64))


def _cell_problems(frame: pl.DataFrame, resource: Resource, fld: Field) -> list[Problem]:
    """Required, type, enum, pattern and range checks of one column (per item for list cells)."""
    col = pl.col(fld.name)
    problems: list[Problem] = []

    def report(mask: pl.Expr, rule: str, describe) -> None:
        for line, value in frame.filter(mask).select(LINE, fld.name).iter_rows():
            problems.append(Problem(resource.name, line, fld.name, rule, describe(value)))

    blank = col.is_null() | (col.str.strip_chars() == "")
    if fld.required:
        report(blank, "required", lambda _v: "a value is required")
    items = frame.filter(~blank).select(LINE, fld.name)
    if fld.separator:
        items = items.with_columns(col.str.split(fld.separator.strip()).alias(fld.name)).explode(
            fld.name
        )
        items = items.with_columns(col.str.strip_chars())
    view = items

    def report_items(mask: pl.Expr, rule: str, describe) -> None:
        for line, value in view.filter(mask).iter_rows():
            problems.append(Problem(resource.name, line, fld.name, rule, describe(value)))

    if fld.type == "integer":
        report_items(
            ~col.str.contains(INTEGER_RE), "type", lambda v: f"{v!r} is not a whole number"
        )
    elif fld.type == "number":
        report_items(~col.str.contains(NUMBER_RE), "type", lambda v: f"{v!r} is not a number")
    elif fld.type == "boolean":
        report_items(~col.is_in(BOOLEANS), "type", lambda v: f"{v!r} is not true or false")
    elif fld.type == "date":
        bad_date = ~col.str.contains(DATE_RE) | col.str.to_date("%Y-%m-%d", strict=False).is_null()
        report_items(bad_date, "type", lambda v: f"{v!r} is not a real date (YYYY-MM-DD)")
    if fld.enum is not None:
        allowed = ", ".join(fld.enum)
        report_items(~col.is_in(fld.enum), "enum", lambda v: f"{v!r} is not one of: {allowed}")
    if fld.pattern:
        pattern = f"^(?:{fld.pattern.lstrip('^').rstrip('$')})$"
        report_items(
            ~col.str.contains(pattern), "pattern", lambda v: f"{v!r} does not match {fld.pattern}"
        )
    if fld.is_url:
        report_items(
            ~col.str.contains(HTTP_URL_PATTERN),
            "url",
            lambda v: (
                f"{v!r} is not an http(s) address that can be linked safely (no spaces, quotes, "
                "brackets or parentheses: write ( ) as %28 %29)"
            ),
        )
    if fld.type in ("integer", "number") and (fld.minimum is not None or fld.maximum is not None):
        numeric = col.cast(pl.Float64, strict=False)
        out_of_range = pl.lit(False)
        if fld.minimum is not None:
            out_of_range = out_of_range | (numeric < fld.minimum)
        if fld.maximum is not None:
            out_of_range = out_of_range | (numeric > fld.maximum)
        report_items(
            out_of_range.fill_null(False),
            "range",
            lambda v: f"{v!r} is outside {fld.minimum}..{fld.maximum}",
        )
    return problems


def _key_values(frame: pl.DataFrame, resource: Resource, fields: tuple[str, ...]) -> pl.DataFrame:
    """The key columns of `frame`, with list cells exploded to one item per row."""
    keys = frame.select(LINE, *fields)
    for name in fields:
        sep = resource.field(name).separator
        if sep:
            keys = keys.with_columns(pl.col(name).str.split(sep.strip())).explode(name)
            keys = keys.with_columns(pl.col(name).str.strip_chars())
    return keys.drop_nulls(list(fields))


def _table_problems(frame: pl.DataFrame, resource: Resource) -> list[Problem]:
    """Columns present, cell rules, primary key and date order for one table."""
    expected = [f.name for f in resource.fields]
    present = [c for c in frame.columns if c != LINE]
    problems = [
        Problem(resource.name, 1, name, "column", "column is missing from the file")
        for name in expected
        if name not in present
    ]
    problems += [
        Problem(resource.name, 1, name, "column", "column is not in the schema")
        for name in present
        if name not in expected
    ]
    if problems:
        return problems
    for fld in resource.fields:
        problems += _cell_problems(frame, resource, fld)
    if resource.primary_key:
        pk = list(resource.primary_key)
        dupes = frame.filter(pl.struct(pk).is_duplicated()).select(LINE, *pk)
        for row in dupes.iter_rows():
            key = ", ".join(f"{n}={v}" for n, v in zip(pk, row[1:], strict=True))
            problems.append(
                Problem(
                    resource.name, row[0], ",".join(pk), "primary-key", f"duplicate key ({key})"
                )
            )
    for earlier, later in resource.date_order:
        as_date = lambda c: pl.col(c).str.to_date("%Y-%m-%d", strict=False)  # noqa: E731
        wrong = frame.filter((as_date(later) < as_date(earlier)).fill_null(False))
        for line, a, b in wrong.select(LINE, earlier, later).iter_rows():
            problems.append(
                Problem(
                    resource.name, line, later, "date-order", f"{later} {b} is before {earlier} {a}"
                )
            )
    return problems + _precision_problems(frame, resource)


def _precision_problems(frame: pl.DataFrame, resource: Resource) -> list[Problem]:
    """A month- or year-precise date is the first day of its period, so it sorts and reads right."""
    names = {f.name for f in resource.fields}
    if not {"date", "date_precision"} <= names:
        return []
    day = pl.col("date").str.to_date("%Y-%m-%d", strict=False)
    wrong = frame.filter(
        ((pl.col("date_precision") == "month") & (day.dt.day() != 1))
        | ((pl.col("date_precision") == "year") & ((day.dt.day() != 1) | (day.dt.month() != 1)))
    )
    return [
        Problem(
            resource.name,
            line,
            "date",
            "date-precision",
            f"{value} is not the first day of its {precision}",
        )
        for line, value, precision in wrong.select(LINE, "date", "date_precision").iter_rows()
    ]


def _foreign_key_problems(
    frames: dict[str, pl.DataFrame], descriptor: PackageDescriptor
) -> list[Problem]:
    problems: list[Problem] = []
    for resource in descriptor.resources:
        frame = frames.get(resource.name)
        if frame is None:
            continue
        for fk in resource.foreign_keys:
            target = frames.get(fk.resource)
            if target is None:
                continue
            ref = descriptor.resource(fk.resource)
            mine = _key_values(frame, resource, fk.fields)
            theirs = _key_values(target, ref, fk.reference_fields).drop(LINE).unique()
            theirs = theirs.rename(dict(zip(fk.reference_fields, fk.fields, strict=True)))
            missing = mine.join(theirs, on=list(fk.fields), how="anti")
            for row in missing.iter_rows():
                value = ", ".join(str(v) for v in row[1:])
                problems.append(
                    Problem(
                        resource.name,
                        row[0],
                        ",".join(fk.fields),
                        "foreign-key",
                        f"{value!r} is not in {fk.resource}.{','.join(fk.reference_fields)}",
                    )
                )
    return problems


def _indicator_problems(frames: dict[str, pl.DataFrame]) -> list[Problem]:
    """Rules across the indicator catalog and values that a table schema cannot express."""
    values, catalog = frames.get("indicator_values"), frames.get("indicators")
    if values is None or catalog is None:
        return []
    problems = [
        Problem(
            "indicator_values",
            line,
            "value,category",
            "value-or-category",
            "needs a value or a category",
        )
        for (line,) in values.filter(pl.col("value").is_null() & pl.col("category").is_null())
        .select(LINE)
        .iter_rows()
    ]
    allowed = (
        catalog.select("indicator_id", pl.col("categories").str.split(";"))
        .explode("categories")
        .select("indicator_id", category=pl.col("categories").str.strip_chars())
        .drop_nulls()
    )
    categorical = catalog.filter(pl.col("kind") == "categorical").select("indicator_id")
    stray = (
        values.filter(pl.col("category").is_not_null())
        .join(categorical, on="indicator_id", how="semi")
        .join(allowed, on=["indicator_id", "category"], how="anti")
    )
    for line, ind, cat in stray.select(LINE, "indicator_id", "category").iter_rows():
        problems.append(
            Problem(
                "indicator_values", line, "category", "enum", f"{cat!r} is not a category of {ind}"
            )
        )
    return problems


def check_tables(
    data_dir: Path, descriptor: PackageDescriptor, overrides: dict[str, pl.DataFrame] | None = None
) -> tuple[dict[str, pl.DataFrame], list[Problem]]:
    """Read and check every resource; returns the text frames and all problems (empty = valid).

    `overrides` replaces the named tables (as text frames with a `_line` column) before checking, so
    an edit can be validated with the same rules before anything is written.
    """
    frames: dict[str, pl.DataFrame] = {}
    problems: list[Problem] = []
    for resource in descriptor.resources:
        if overrides and resource.name in overrides:
            frame = overrides[resource.name]
        else:
            frame = read_text_table(data_dir, resource)
        if isinstance(frame, Problem):
            problems.append(frame)
            continue
        table_problems = _table_problems(frame, resource)
        problems += table_problems
        if not any(p.rule == "column" for p in table_problems):
            frames[resource.name] = frame
    problems += _foreign_key_problems(frames, descriptor)
    problems += _indicator_problems(frames)
    return frames, problems


def typed_table(frame: pl.DataFrame, resource: Resource) -> pl.DataFrame:
    """Cast a checked text frame to its schema types (lists become List[String])."""
    casts = []
    for fld in resource.fields:
        col = pl.col(fld.name)
        if fld.separator:
            casts.append(
                col.str.split(fld.separator.strip()).list.eval(pl.element().str.strip_chars())
            )
        elif fld.type == "integer":
            casts.append(col.cast(pl.Int64))
        elif fld.type == "number":
            casts.append(col.cast(pl.Float64))
        elif fld.type == "boolean":
            casts.append(col == "true")
        elif fld.type == "date":
            casts.append(col.str.to_date("%Y-%m-%d"))
        else:
            casts.append(col)
    return frame.select(casts)

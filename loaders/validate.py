"""The one validation path: every table checked against its schema, every problem reported at once.

The app, the CLI (`python -m loaders check`), the tests and the curators' editor all call
`check_tables`. Tables are read as text first, so a bad cell is reported with its line and column
instead of failing the whole read; only a table with no problems is cast to typed columns.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from loaders.schema import Field, PackageDescriptor, Resource
from loaders.urls import HTTP_URL_PATTERN

__all__ = ["Problem", "check_tables", "file_hash", "read_text_table", "too_long", "typed_table"]

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
    frame, problems = _read_file_table(data_dir, resource)
    return frame if frame is not None else problems[0]


def file_hash(content: bytes) -> str:
    """The file's hash as the descriptor records it (`sha256:<hex>`)."""
    return "sha256:" + hashlib.sha256(content).hexdigest()


def _read_file_table(
    data_dir: Path, resource: Resource
) -> tuple[pl.DataFrame | None, list[Problem]]:
    """The text frame (None if unreadable) and the file's problems, including a hash or row count
    that differs from what the descriptor recorded (a truncated or changed file)."""
    path = Path(data_dir) / resource.path
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(resource.name, None, None, "file", f"{resource.path} is missing")]
    except OSError as exc:
        return None, [Problem(resource.name, None, None, "file", f"{resource.path}: {exc}")]
    try:
        frame = pl.read_csv(io.BytesIO(content), infer_schema=False, encoding="utf8")
    except Exception as exc:  # polars raises several error types for unreadable CSV
        return None, [_csv_problem(resource, content, exc)]
    frame = frame.with_row_index(LINE, offset=2).with_columns(pl.col(LINE).cast(pl.Int64))
    problems = []
    if resource.hash is not None and resource.hash != file_hash(content):
        problems.append(
            Problem(
                resource.name,
                None,
                None,
                "hash",
                f"{resource.path} is not the file the descriptor recorded (its hash differs: "
                "truncated or changed since export; if the change is meant, re-export, or remove "
                "the resource's 'hash' and 'x-rows')",
            )
        )
    if resource.rows is not None and resource.rows != frame.height:
        problems.append(
            Problem(
                resource.name,
                None,
                None,
                "rows",
                f"{resource.path} has {frame.height} rows; the descriptor recorded {resource.rows}",
            )
        )
    return frame, problems


def _csv_problem(resource: Resource, content: bytes, exc: Exception) -> Problem:
    """Locate why a CSV cannot be read: the first line that is not UTF-8, an unclosed quote, or a
    row with more cells than the header. Falls back to the reader's own message."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as bad:
        line = content[: bad.start].count(b"\n") + 1
        return Problem(
            resource.name,
            line,
            None,
            "encoding",
            f"{resource.path} is not UTF-8 text (byte {content[bad.start]:#04x} on this line); "
            "save it as UTF-8",
        )
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    width, start = None, 1
    try:
        for row in reader:
            if width is None:
                width = len(row)
            elif len(row) > width:
                return Problem(
                    resource.name,
                    start,
                    None,
                    "csv",
                    f"{len(row)} cells in a row of a {width}-column table",
                )
            start = reader.line_num + 1
    except csv.Error as bad:
        if "unexpected end" in str(bad):
            message = "a quoted cell starts in the row on this line and is never closed"
        else:
            message = f"the row on this line is not valid CSV (a stray or unclosed quote?): {bad}"
        return Problem(resource.name, start, None, "csv", message)
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return Problem(
        resource.name, None, None, "file", f"{resource.path} is not readable CSV: {first_line}"
    )


def too_long(text: str, limit: int) -> str:
    """The message for a text over its length limit (the validator's and the audit fields')."""
    return f"{len(text):,} characters; at most {limit:,} are allowed here"


Check = tuple[pl.Expr, str, Callable[[Any], str]]  # (mask of bad rows, rule, message of a value)


def _checks(fld: Field) -> tuple[list[Check], list[Check]]:
    """The checks of one field: (of the whole cell, of each item of a non-blank cell)."""
    col = pl.col(fld.name)
    cells: list[Check] = []
    if fld.required:
        cells.append((_blank(fld.name), "required", lambda _v: "a value is required"))
    if fld.max_length is not None:
        too_many = col.str.len_chars() > fld.max_length
        cells.append((too_many, "max-length", lambda v: too_long(v, fld.max_length)))
    each: list[Check] = []
    if fld.type == "integer":
        not_whole = ~col.str.contains(INTEGER_RE)
        each.append((not_whole, "type", lambda v: f"{v!r} is not a whole number"))
    elif fld.type == "number":
        each.append((~col.str.contains(NUMBER_RE), "type", lambda v: f"{v!r} is not a number"))
    elif fld.type == "boolean":
        each.append((~col.is_in(BOOLEANS), "type", lambda v: f"{v!r} is not true or false"))
    elif fld.type == "date":
        bad_date = ~col.str.contains(DATE_RE) | col.str.to_date("%Y-%m-%d", strict=False).is_null()
        each.append((bad_date, "type", lambda v: f"{v!r} is not a real date (YYYY-MM-DD)"))
    if fld.enum is not None:
        allowed = ", ".join(fld.enum)
        each.append((~col.is_in(fld.enum), "enum", lambda v: f"{v!r} is not one of: {allowed}"))
    if fld.pattern:
        pattern = f"^(?:{fld.pattern.lstrip('^').rstrip('$')})$"
        each.append(
            (~col.str.contains(pattern), "pattern", lambda v: f"{v!r} does not match {fld.pattern}")
        )
    if fld.is_url:
        each.append(
            (
                ~col.str.contains(HTTP_URL_PATTERN),
                "url",
                lambda v: (
                    f"{v!r} is not an http(s) address that can be linked safely (no spaces, "
                    "double quotes, brackets or parentheses: write ( ) as %28 %29)"
                ),
            )
        )
    if fld.type in ("integer", "number") and (fld.minimum is not None or fld.maximum is not None):
        numeric = col.cast(pl.Float64, strict=False)
        out_of_range = pl.lit(False)
        if fld.minimum is not None:
            out_of_range = out_of_range | (numeric < fld.minimum)
        if fld.maximum is not None:
            out_of_range = out_of_range | (numeric > fld.maximum)
        each.append(
            (
                out_of_range.fill_null(False),
                "range",
                lambda v: f"{v!r} is outside {fld.minimum}..{fld.maximum}",
            )
        )
    return cells, each


def _blank(name: str) -> pl.Expr:
    return pl.col(name).is_null() | (pl.col(name).str.strip_chars() == "")


def _cell_problems(frame: pl.DataFrame, resource: Resource) -> list[Problem]:
    """Required, length, type, enum, pattern and range checks of every column (per item for list
    cells; the length is of the whole cell), field by field in schema order.

    One pass over the table finds the checks that any row fails (in a valid table: none), so
    only those filter the table row by row.
    """
    plan: list[tuple[Field, pl.DataFrame | None, Check]] = []  # None: checked on `frame`
    for fld in resource.fields:
        cells, each = _checks(fld)
        plan += [(fld, None, check) for check in cells]
        filled = ~_blank(fld.name)
        if not fld.separator:
            plan += [(fld, None, (filled & mask, rule, say)) for mask, rule, say in each]
            continue
        col = pl.col(fld.name)
        items = (
            frame.filter(filled)
            .select(LINE, col.str.split(fld.separator.strip()))
            .explode(fld.name)
            .with_columns(col.str.strip_chars())
        )
        plan += [(fld, items, check) for check in each]
    hits = [False] * len(plan)
    on_frame = [i for i, (_, rows, _) in enumerate(plan) if rows is None]
    if on_frame and frame.height:
        found = frame.select(plan[i][2][0].any().alias(str(i)) for i in on_frame).row(0)
        for i, hit in zip(on_frame, found, strict=True):
            hits[i] = bool(hit)
    for i, (_, rows, (mask, _, _)) in enumerate(plan):
        if rows is not None and rows.height:
            hits[i] = bool(rows.select(mask.any()).item())
    problems: list[Problem] = []
    for hit, (fld, rows, (mask, rule, say)) in zip(hits, plan, strict=True):
        if hit:
            marked = (frame if rows is None else rows).filter(mask).select(LINE, fld.name)
            problems += [
                Problem(resource.name, line, fld.name, rule, say(value))
                for line, value in marked.iter_rows()
            ]
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
    problems += _cell_problems(frame, resource)
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
    """Every key that is not in the table it points to. A table that could not be read, or lacks
    the key's columns, is said once per key instead of hiding the problems behind it."""
    problems: list[Problem] = []
    for resource in descriptor.resources:
        frame = frames.get(resource.name)
        if frame is None:
            continue
        for fk in resource.foreign_keys:
            target = frames.get(fk.resource)
            where = f"{fk.resource}.{','.join(fk.reference_fields)}"
            if not set(fk.fields) <= set(frame.columns):
                continue  # the missing column is reported by the table's own check
            if target is None or not set(fk.reference_fields) <= set(target.columns):
                problems.append(
                    Problem(
                        resource.name,
                        None,
                        ",".join(fk.fields),
                        "foreign-key",
                        f"cannot be checked: {where} could not be read (see its problems)",
                    )
                )
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
                        f"{value!r} is not in {where}",
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
    readable: dict[str, pl.DataFrame] = {}  # also tables with column problems, for foreign keys
    problems: list[Problem] = []
    for resource in descriptor.resources:
        if overrides and resource.name in overrides:
            frame, file_problems = overrides[resource.name], []
        else:
            frame, file_problems = _read_file_table(data_dir, resource)
        problems += file_problems
        if frame is None:
            continue
        readable[resource.name] = frame
        table_problems = _table_problems(frame, resource)
        problems += table_problems
        if not any(p.rule == "column" for p in table_problems):
            frames[resource.name] = frame
    problems += _foreign_key_problems(readable, descriptor)
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

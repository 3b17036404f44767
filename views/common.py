"""Lookups several views share: names of countries and people, cycle lists, audit changes."""

from __future__ import annotations

import polars as pl

__all__ = [
    "ENTRY_TEXT_COLUMNS",
    "mapped",
    "changed_fields",
    "country_names",
    "person_names",
    "cycles_desc",
    "join_names",
    "mid_period",
]

# The columns of a record entry that say what it is, in the order the record tables show them.
ENTRY_TEXT_COLUMNS = ("ask_id", "kind", "title", "summary", "assessment", "sources")


def mapped(frame: pl.DataFrame, column: str, function, dtype) -> pl.Expr:
    """`function` of each non-null value of `frame[column]`, run here, as a column for `frame`
    in its current row order (use it instead of `map_elements`).

    A Python function that Polars runs in its thread pool needs the GIL there; another session's
    Polars call that holds the GIL while it waits for the same pool then deadlocks the server
    (seen with concurrent sessions: py-spy showed both sides waiting, the pool on the GIL).
    """
    values = [None if v is None else function(v) for v in frame[column].to_list()]
    return pl.lit(pl.Series(column, values, dtype=dtype))


def country_names(countries: pl.DataFrame) -> dict[str, str]:
    """{iso3: country name}."""
    return dict(countries.select("iso3", "name").iter_rows())


def person_names(people: pl.DataFrame) -> dict[str, str]:
    """{person_id: display name}."""
    return dict(people.select("person_id", "name").iter_rows())


def cycles_desc(cycles: pl.DataFrame) -> list[int]:
    """Selection cycles, newest first (the newest is every page's default)."""
    return sorted(cycles["cycle"].to_list(), reverse=True)


def join_names(codes: list[str] | None, names: dict[str, str]) -> str:
    """'Chile, Brazil, Mexico' from ['CHL', 'BRA', 'MEX'] (unknown codes shown as they are)."""
    return ", ".join(names.get(code, code) for code in (codes or []))


def mid_period(date: str = "date", precision: str = "date_precision") -> pl.Expr:
    """Where a timeline draws a date: a date known only to the month or year sits mid-period, not
    on the first day it is stored as (the hover still gives the period)."""
    return (
        pl.when(pl.col(precision) == "year")
        .then(pl.col(date).dt.offset_by("182d"))
        .when(pl.col(precision) == "month")
        .then(pl.col(date).dt.offset_by("14d"))
        .otherwise(pl.col(date))
    )


def changed_fields(old: dict | None, new: dict | None) -> list[tuple[str, str | None, str | None]]:
    """(field, old, new) for every field whose value differs between an audit row's old and new
    values (all fields of a new row)."""
    old, new = old or {}, new or {}
    names = list(dict.fromkeys([*new.keys(), *old.keys()]))
    return [(n, old.get(n), new.get(n)) for n in names if old.get(n) != new.get(n)]

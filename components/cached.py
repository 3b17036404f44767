"""Per-data-version memo of derived things (lookups, view models): computed once, shared read-only.

`cached(builder, package, *args)` runs `builder(package, *args)` once per data version,
arguments and language, in one `st.cache_resource`, and returns the same object afterwards: treat
it as read-only (polars frames are immutable; copy a dict or list before changing it). The views
stay pure: the builders are small functions in the page (or here) that call them.

The key holds the package's version (it changes with every changed file or curator's save) and
data directory, the builder's file and name, the (plain-value) arguments and the current language
(builders may call `t()` and `format_date`). Entries of an old version age out (max_entries).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import polars as pl
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from components.i18n import current_language
from loaders import Package

__all__ = ["cached", "builder_id", "arrow_table"]

T = TypeVar("T")


def builder_id(builder: Callable) -> str:
    """File and qualified name of a function: stable across reruns of a page script (which define
    their functions anew each time) and distinct between pages."""
    code = getattr(builder, "__code__", None)
    where = code.co_filename if code is not None else getattr(builder, "__module__", "")
    return f"{where}:{getattr(builder, '__qualname__', repr(builder))}"


@st.cache_resource(max_entries=512, show_spinner=False)
def _memo(key: str, _builder: Callable, _package: Package, _args: tuple, _kwargs: dict) -> Any:
    # `key` (one string, cheap for Streamlit to hash) is the whole cache key; see `cached`.
    return _builder(_package, *_args, **_kwargs)


def cached(builder: Callable[..., T], package: Package, *args: Any, **kwargs: Any) -> T:
    """`builder(package, *args, **kwargs)`, computed once per data version, arguments, language.

    Arguments must be plain values with a faithful `repr` (str, int, float, bool, None, and
    tuples of them): the key is the repr of (builder, version, data directory, language, args,
    kwargs). Pass tuples, not lists.
    """
    key = repr(
        (
            builder_id(builder),
            package.version,
            str(package.data_dir),
            current_language(),
            args,
            sorted(kwargs.items()),
        )
    )
    return _memo(key, _builder=builder, _package=package, _args=args, _kwargs=kwargs)


def arrow_table(frame: pl.DataFrame) -> pa.Table:
    """`frame` as the Arrow table `st.dataframe` would make of it, for a cached model to keep.

    Streamlit 1.67 turns a polars frame into pandas and then Arrow on every call (3–15 ms for a
    small frame with list columns); a pyarrow Table it sends as is. Made the same way, the bytes
    sent are identical, so the table looks the same. Use with `hide_index=True` (as every table
    here does): the Arrow table carries pandas' range index as metadata only.
    """
    return pa.Table.from_pandas(
        dataframe_util.convert_anything_to_pandas_df(frame, ensure_copy=False)
    )

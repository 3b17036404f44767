"""Per-data-version memo of derived things (lookups, view models): computed once, shared read-only.

`cached(builder, package, *args)` runs `builder(package, *args)` once per data version,
arguments and language, in one process-wide `Memo`, and returns the same object afterwards: treat
it as read-only (polars frames are immutable; copy a dict or list before changing it). The views
stay pure: the builders are small functions in the page (or here) that call them.

The key holds the package's version (it changes with every changed file or curator's save) and
data directory, the builder's file and name, the (plain-value) arguments and the current language
(builders may call `t()` and `format_date`). Entries of an old version age out (max_entries).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

import polars as pl
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from components.i18n import current_language
from components.this_run import this_run
from loaders import Package

__all__ = ["cached", "builder_id", "arrow_table", "memo", "Memo", "per_object"]

T = TypeVar("T")


def builder_id(builder: Callable) -> str:
    """File and qualified name of a function: stable across reruns of a page script (which define
    their functions anew each time) and distinct between pages."""
    code = getattr(builder, "__code__", None)
    where = code.co_filename if code is not None else getattr(builder, "__module__", "")
    return f"{where}:{getattr(builder, '__qualname__', repr(builder))}"


MAX_ENTRIES = 512  # entries of old data versions age out
PER_OBJECT_ENTRIES = 256
MEMO = "memo"  # this run's handle on the process memo, in `this_run()`


class Memo:
    """A bounded, thread-safe memo: each key is computed once, by the first run that asks (the
    others wait for it), and shared read-only. A dict look-up, where an `st.cache_resource` hit
    hashes its arguments and takes its locks on every call."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._values: OrderedDict[str, Any] = OrderedDict()
        self._computing: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self._max = max_entries

    def get(self, key: str, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
            computing = self._computing.setdefault(key, threading.Lock())
        with computing:
            with self._lock:
                if key in self._values:  # computed by the run we waited for
                    return self._values[key]
            try:
                value = compute()
            except BaseException:  # nothing is kept: the next run tries again
                with self._lock:
                    self._computing.pop(key, None)
                raise
            with self._lock:
                self._values[key] = value
                self._computing.pop(key, None)
                while len(self._values) > self._max:
                    self._values.popitem(last=False)
        return value


@st.cache_resource(show_spinner=False)
def _process_memos() -> dict[str, Memo]:
    # Held by Streamlit's cache so that `st.cache_resource.clear()` starts afresh (tests do).
    return {}


def memo(name: str = "models", max_entries: int = MAX_ENTRIES) -> Memo:
    """The process's memo called `name` (Streamlit's cache is asked once per script run)."""
    run = this_run()
    memos = run.get(MEMO)
    if memos is None:
        memos = run[MEMO] = _process_memos()
    found = memos.get(name)
    return found if found is not None else memos.setdefault(name, Memo(max_entries))


def per_object(compute: Callable[..., T], obj: Any, *args: Any) -> T:
    """`compute(obj, *args)` once per object and (plain-value) arguments: for what a page derives
    from a cached model's frame on every run (display cells, column widths). The object is
    known by identity; its entry keeps it alive, so its id cannot be reused while cached. A
    memo of its own, so objects made afresh each run only age out each other."""
    key = repr((builder_id(compute), id(obj), args))
    return memo("per object", PER_OBJECT_ENTRIES).get(key, lambda: (obj, compute(obj, *args)))[1]


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
    return memo().get(key, lambda: builder(package, *args, **kwargs))


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

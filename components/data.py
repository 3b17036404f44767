"""The data package, loaded once per data version and shared read-only by every session."""

from __future__ import annotations

import streamlit as st

from loaders import Package, data_version, default_data_dir, load_package

__all__ = ["get_package"]


@st.cache_resource(max_entries=2, show_spinner=False)
def _cached_package(data_dir: str, version: str) -> Package:
    # `version` is only part of the cache key: a changed file gives a new entry.
    return load_package(data_dir)


def get_package() -> Package:
    """The current package (valid or not); reloads when any data file changes."""
    data_dir = default_data_dir()
    return _cached_package(str(data_dir), data_version(data_dir))

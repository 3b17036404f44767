"""The data package, loaded once per data version and shared read-only by every session.

Fixed tables come from the package files; the curators' editable tables come from the database
(`store/`), through the same validation and typing. The cache key is (files version, database
data_version), so a curator's save shows on every reader's next rerun without a restart; reading
the database version is one small query per rerun. If the database cannot be used, the files are
shown with a notice instead — never a traceback. `TRACKER_DB_URL=off` reads the files only.
"""

from __future__ import annotations

import dataclasses
import logging
import time

import streamlit as st

from components.cached import cached, memo
from components.i18n import current_language, localized_agenda, localized_indicators, t
from components.this_run import this_run
from components.url_state import NOTICES
from loaders import Package, data_version, default_data_dir, load_package
from loaders.package import default_db_url
from views.common import cycles_desc
from views.package_info import package_file
from views.words import DATA_TERMS, localized_columns

__all__ = [
    "curated_changes",
    "cycle_choices",
    "db_status",
    "get_package",
    "published_reader",
]

log = logging.getLogger(__name__)
RETRY_AFTER_S = 30  # after a failure, read the files for this long before trying the database again
PACKAGE = "package"  # this run's package, in `this_run()`
_failed_at: dict[str, float] = {}


def _store():
    """The `store` package, imported when first needed: it pulls in SQLAlchemy (about 1 s on this
    machine), which a files-only process (TRACKER_DB_URL=off, as in the page tests) never uses."""
    import store  # lazily: see the docstring

    return store


def _cached_package(data_dir: str, version: str) -> Package:
    # `version` is only part of the key: a changed file gives a new entry.
    key = repr((data_dir, version))
    return memo("file packages", 2).get(key, lambda: load_package(data_dir))


def _cached_store_package(url: str, data_dir: str, files_version: str, db_version: int) -> Package:
    # The versions are only part of the key: any save or file change gives a new entry.
    def load() -> Package:
        store = _store()
        return store.load_store_package(store.open_store(url, data_dir), db_version)

    return memo("store packages", 2).get(repr((url, data_dir, files_version, db_version)), load)


def db_status() -> str:
    """'database' when the last `get_package` read the database, 'off' or 'unavailable' if not."""
    return st.session_state.get("_db_status", "database")


def _notice_once(text: str) -> None:
    notices = st.session_state.setdefault(NOTICES, [])
    if text not in notices:
        notices.append(text)


def get_package() -> Package:
    """The current package (valid or not), with the agenda's titles and asks in the current
    language; reloads when a data file or the database changes."""
    # The entry file and the page both ask; look the package up once per script run.
    run = this_run()
    package = run.get(PACKAGE)
    if package is None:
        package = run[PACKAGE] = _in_language(_current_package(), current_language())
    return package


def _localized(package: Package, version: str, language: str) -> Package:
    def localize() -> Package:
        tables = dict(package.tables)
        tables["priorities"], tables["asks"] = localized_agenda(
            package["priorities"], package["asks"], language
        )
        tables["indicators"] = localized_indicators(package["indicators"], language)
        for name, columns in DATA_TERMS.items():
            tables[name] = localized_columns(package[name], language, columns)
        return dataclasses.replace(package, tables=tables)

    return memo("localized packages", 8).get(repr((version, language)), localize)


def _in_language(package: Package, language: str) -> Package:
    if not package.ok or language == "en":
        return package
    return _localized(package, package.version, language)


def _current_package() -> Package:
    data_dir = default_data_dir()
    files_version = data_version(data_dir)
    url = default_db_url()
    if url.strip().lower() in ("off", "none"):
        st.session_state["_db_status"] = "off"
        return _cached_package(str(data_dir), files_version)
    if time.monotonic() - _failed_at.get(url, -RETRY_AFTER_S) < RETRY_AFTER_S:
        return _files_fallback(data_dir, files_version)
    try:
        store = _store().open_store(url, data_dir)
        state = store.state(files_version)
        if state.edits == 0 and state.seeded_from != files_version and store.refill_if_unedited():
            state = store.state(files_version)
    except Exception:  # any database failure: show the files, say so, keep the app up
        log.exception("the curators' database is unavailable; showing the package files")
        _failed_at[url] = time.monotonic()
        return _files_fallback(data_dir, files_version)
    _failed_at.pop(url, None)
    st.session_state["_db_status"] = "database"
    return _cached_store_package(url, str(data_dir), files_version, state.data_version)


def _files_fallback(data_dir, files_version: str) -> Package:
    st.session_state["_db_status"] = "unavailable"
    _notice_once(t("curate.db_unavailable"))
    return _cached_package(str(data_dir), files_version)


def _store_in_use():
    """The Store the readers' package came from, or None when the pages show the files."""
    if db_status() != "database":
        return None
    try:
        return _store().open_store(default_db_url(), default_data_dir())
    except Exception:  # the package was read a moment ago; if the database went away, say nothing
        log.exception("the curators' database is unavailable for a download or the updates")
        return None


def published_reader():
    """`read(package, path)` giving a package file as the pages show it (the database's tables
    when the pages read the database). Resolved in the script run, so a deferred download can
    call it."""
    store = _store_in_use()
    return package_file if store is None else _store().file_reader(store)


def _changes(url: str, version: str, since: str) -> list[dict]:
    # `version` is only part of the key: a new save gives a new entry.
    def read() -> list[dict]:
        store = _store()
        return store.changes_since(store.open_store(url, default_data_dir()), since)

    return memo("changes", 16).get(repr((url, version, since)), read)


def curated_changes(package: Package, since) -> list[dict]:
    """The audit rows since `since` (a day) of the database the pages read; [] on the files."""
    store = _store_in_use()
    if store is None:
        return []
    return _changes(store.url, package.version, since.isoformat())


def cycle_choices(package: Package) -> tuple[str, ...]:
    """The selection cycles, newest first, as the cycle pickers offer them (once per version)."""
    return cached(_cycle_choices, package)


def _cycle_choices(package: Package) -> tuple[str, ...]:
    return tuple(str(c) for c in cycles_desc(package["cycles"]))

"""The dashboard's pages, for the Streamlit side: the table itself lives in `views.registry`.

Re-exported here so pages and components keep one import path; `views/` (decks, updates) reads
`views.registry` directly, since views never import components. The `st.Page` objects are built
once per language and process (building one resolves its file on disk), and links take the
registered page object rather than a file path (which Streamlit would resolve on every link).
"""

from __future__ import annotations

import copy
import functools

import streamlit as st
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.i18n import current_language
from components.this_run import this_run
from views.registry import DEFAULT_URL_PATH, PAGES, PageEntry, page_file, page_files, url_paths
from views.words import translate

__all__ = [
    "PageEntry",
    "PAGES",
    "DEFAULT_URL_PATH",
    "url_paths",
    "page_files",
    "page_file",
    "navigation_pages",
    "page_target",
]


REGISTERED = "registered pages"  # in `this_run()`


@functools.cache
def _built(language: str, main_script_parent: str) -> dict[str, StreamlitPage]:
    # Keyed by the main script's folder too: AppTest may run a page file as the main script.
    return {
        p.url_path: st.Page(
            p.file,
            url_path=p.url_path,
            title=translate(language, p.title_key),
            icon=p.icon,
            default=(p.url_path == DEFAULT_URL_PATH),
        )
        for p in PAGES
    }


def _pages(language: str) -> dict[str, StreamlitPage]:
    ctx = get_script_run_ctx()
    return _built(language, str(ctx.pages_manager.main_script_parent)) if ctx else {}


def navigation_pages(language: str) -> list[StreamlitPage]:
    """The pages for `st.navigation`, titled in `language`. Copies: the navigation marks the one
    page it lets this run execute, a flag concurrent sessions must not share."""
    return [copy.copy(page) for page in _pages(language).values()]


def page_target(url_path: str) -> StreamlitPage | str:
    """What `st.page_link` / `st.switch_page` take for the page at `url_path`: the page object
    the navigation registered in this run, else (a page run on its own, in a test) its file.
    KeyError for a path no page has, so a renamed page fails loudly instead of linking nowhere."""
    file = page_file(url_path)
    run = this_run()
    registered = run.get(REGISTERED)
    if registered is None:  # once a run: the pages this run's navigation registered, by path
        ctx = get_script_run_ctx()
        known = ctx.pages_manager.get_pages() if ctx else {}
        # `_script_hash` is how Streamlit keys its registry (derived from the url path).
        pages = _pages(current_language())
        registered = {p: page for p, page in pages.items() if page._script_hash in known}
        if len(known) >= len(pages):  # before the navigation ran, ask again later in the run
            run[REGISTERED] = registered
    return registered.get(url_path, file)

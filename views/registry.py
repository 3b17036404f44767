"""The dashboard's pages: file, stable URL path, title key, icon.

Plain data with no Streamlit import, so the entry file, pages, decks, tests and benchmarks all read
the same list (`components.registry` re-exports it for the Streamlit side). A page's file is named
after its URL path (AppTest finds pages by file name).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["PageEntry", "PAGES", "DEFAULT_URL_PATH", "url_paths", "page_files", "page_file"]


class PageEntry(NamedTuple):
    file: str
    url_path: str
    title_key: str
    icon: str  # a Material Symbol: Streamlit ships its font, so it draws offline, unlike emoji
    slide_figure: str = ""  # key of the main figure a presentation slide shows ('' = whole page)


PAGES = (
    PageEntry("app_pages/overview.py", "overview", "nav.overview", ":material/home:"),
    PageEntry("app_pages/compare.py", "compare", "nav.compare", ":material/compare_arrows:",
              "compare_radar"),
    PageEntry("app_pages/candidate.py", "candidate", "nav.candidate", ":material/person:",
              "candidate_radar"),
    PageEntry("app_pages/priorities.py", "priorities", "nav.priorities", ":material/flag:",
              "grid_chart"),
    PageEntry("app_pages/record.py", "record", "nav.record", ":material/history_edu:",
              "timeline_chart"),
    PageEntry("app_pages/straw-polls.py", "straw-polls", "nav.straw_polls",
              ":material/how_to_vote:", "trend_chart"),
    PageEntry("app_pages/map.py", "map", "nav.map", ":material/public:", "map_chart"),
    PageEntry("app_pages/updates.py", "updates", "nav.updates", ":material/new_releases:"),
    PageEntry("app_pages/data.py", "data", "nav.data", ":material/menu_book:"),
    PageEntry("app_pages/present.py", "present", "nav.present", ":material/slideshow:"),
    PageEntry("app_pages/curate.py", "curate", "nav.curate", ":material/edit_note:"),
)
DEFAULT_URL_PATH = "overview"  # served at `/`


def url_paths() -> list[str]:
    """Every page's URL path, in navigation order."""
    return [page.url_path for page in PAGES]


def page_files() -> dict[str, str]:
    """{url_path: page file}."""
    return {page.url_path: page.file for page in PAGES}


def page_file(url_path: str) -> str:
    """The file of the page served at `url_path` (for `st.page_link` / `st.switch_page`).

    KeyError for a path no page has, so a renamed page fails loudly instead of linking nowhere.
    """
    return page_files()[url_path]

"""The dashboard's pages, for the Streamlit side: the table itself lives in `views.registry`.

Re-exported here so pages and components keep one import path; `views/` (decks, updates) reads
`views.registry` directly, since views never import components.
"""

from views.registry import DEFAULT_URL_PATH, PAGES, PageEntry, page_file, page_files, url_paths

__all__ = ["PageEntry", "PAGES", "DEFAULT_URL_PATH", "url_paths", "page_files", "page_file"]

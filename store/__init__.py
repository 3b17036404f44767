"""The curators' database: editable tables, audit trail, validated all-or-nothing writes, export.

Streamlit-free: the editor page, the readers (`components/data.py`), the CLI and the tests use it.
"""

from store.audit import changes_since, history
from store.db import DB_URL_ENV, Store, StoreError, StoreState, default_db_url, open_store
from store.export import descriptor_text, export_package, file_reader, table_csv
from store.package import load_store_package, with_checked
from store.schema import EDITABLE, key_text
from store.writes import (
    REVIEW_ROLES,
    WRITE_ROLES,
    Actor,
    SaveResult,
    import_csv,
    mark_checked,
    review_assessment,
    save_row,
    save_rows,
    set_retired,
)

__all__ = [
    "DB_URL_ENV",
    "EDITABLE",
    "REVIEW_ROLES",
    "WRITE_ROLES",
    "Actor",
    "SaveResult",
    "Store",
    "StoreError",
    "StoreState",
    "changes_since",
    "default_db_url",
    "descriptor_text",
    "export_package",
    "file_reader",
    "history",
    "import_csv",
    "key_text",
    "load_store_package",
    "mark_checked",
    "open_store",
    "review_assessment",
    "save_row",
    "save_rows",
    "set_retired",
    "table_csv",
    "with_checked",
]

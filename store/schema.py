"""The database tables: one per editable resource (text cells, as in the CSV), the audit log, meta.

Cells are stored as text exactly as they appear in the CSV (NULL for an empty cell), so the one
validation path (`loaders.check_tables`) applies unchanged to what the database holds. Each row
also carries `row_version` (optimistic concurrency) and `row_order` (its place in the exported CSV).
"""

from __future__ import annotations

import sqlalchemy as sa

from loaders import PackageDescriptor
from loaders.schema import key_text

__all__ = [
    "EDITABLE",
    "ROW_VERSION",
    "ROW_ORDER",
    "StoreTables",
    "build_tables",
    "editable_in",
    "key_text",
]

# Every table curators may edit, in fill order. A name the package does not have is skipped
# (`editable_in`), so a resource is made editable by listing it here once it is in the package.
EDITABLE = (
    "cycles",
    "people",
    "candidacies",
    "nominations",
    "statements",
    "searches",
    "assessments",
    "record_entries",
    "selection_events",
    "straw_polls",
)
ROW_VERSION = "row_version"
ROW_ORDER = "row_order"


def editable_in(descriptor: PackageDescriptor) -> tuple[str, ...]:
    """The EDITABLE tables `descriptor` has, in EDITABLE order."""
    names = {r.name for r in descriptor.resources}
    return tuple(name for name in EDITABLE if name in names)


class StoreTables:
    """The SQLAlchemy table objects for one package descriptor."""

    def __init__(self, descriptor: PackageDescriptor) -> None:
        self.metadata = sa.MetaData()
        self.resources: dict[str, sa.Table] = {}
        self.editable = editable_in(descriptor)
        for name in self.editable:
            resource = descriptor.resource(name)
            columns = [
                sa.Column(f.name, sa.Text, nullable=f.name not in resource.primary_key)
                for f in resource.fields
            ]
            self.resources[name] = sa.Table(
                name,
                self.metadata,
                *columns,
                sa.Column(ROW_VERSION, sa.Integer, nullable=False, default=1),
                sa.Column(ROW_ORDER, sa.Integer, nullable=False),
                sa.PrimaryKeyConstraint(*resource.primary_key, name=f"pk_{name}"),
            )
        self.audit_log = sa.Table(
            "audit_log",
            self.metadata,
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("at", sa.String(32), nullable=False, index=True),  # ISO 8601, UTC
            sa.Column("user", sa.Text, nullable=False),
            sa.Column("table", sa.String(64), nullable=False),
            sa.Column("key", sa.Text, nullable=False),
            sa.Column("action", sa.String(16), nullable=False),
            sa.Column("old_value", sa.JSON, nullable=True),
            sa.Column("new_value", sa.JSON, nullable=True),
            sa.Column("reason", sa.Text, nullable=False),
            sa.Column("evidence_url", sa.Text, nullable=True),
            sa.Index("ix_audit_table_key", "table", "key"),
        )
        # Store-only state, never exported as a column: a retired row stays in its table (and in
        # the history) but is left out of what readers see and of the export, until restored.
        self.retired = sa.Table(
            "retired",
            self.metadata,
            sa.Column("table", sa.String(64), primary_key=True),
            sa.Column("key", sa.Text, primary_key=True),
            sa.Column("at", sa.String(32), nullable=False),
            sa.Column("user", sa.Text, nullable=False),
            sa.Column("reason", sa.Text, nullable=False),
        )
        # "Checked up to": the as-of day a curator set for a table (overrides its `x-as-of`).
        self.checked = sa.Table(
            "checked",
            self.metadata,
            sa.Column("table", sa.String(64), primary_key=True),
            sa.Column("as_of", sa.String(10), nullable=False),
            sa.Column("at", sa.String(32), nullable=False),
            sa.Column("user", sa.Text, nullable=False),
        )
        self.meta = sa.Table(
            "meta",
            self.metadata,
            sa.Column("key", sa.String(64), primary_key=True),
            sa.Column("number", sa.BigInteger, nullable=True),
            sa.Column("text", sa.Text, nullable=True),
        )


_CACHE: dict[tuple, StoreTables] = {}


def build_tables(descriptor: PackageDescriptor) -> StoreTables:
    """The table objects for `descriptor` (built once per distinct set of editable schemas)."""
    signature = tuple(
        (name, tuple(f.name for f in descriptor.resource(name).fields))
        for name in editable_in(descriptor)
    )
    if signature not in _CACHE:
        _CACHE[signature] = StoreTables(descriptor)
    return _CACHE[signature]

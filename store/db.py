"""The database behind the curators' editor: engine, creation, first fill, state and reads.

`open_store()` returns the `Store` for `$TRACKER_DB_URL` (default: SQLite at `instance/tracker.db`
in the repository). On first use it creates the tables and fills the editable ones from the data
package files (idempotent, safe when two processes start at once). While nobody has edited anything
the database follows the files: when they change it is refilled; after the first curator edit the
database is the truth and a change of the files is only reported (`StoreState.files_diverged`).
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import sqlalchemy as sa

from loaders import PackageDescriptor, check_tables, data_version, default_data_dir, read_descriptor
from loaders.package import DB_URL_ENV, default_db_url
from store.schema import ROW_ORDER, ROW_VERSION, StoreTables, build_tables, key_text

__all__ = ["DB_URL_ENV", "Store", "StoreError", "StoreState", "default_db_url", "open_store"]

# Columns the schema gained after databases were made, with the value existing rows get: an old
# database is upgraded in place instead of being refused (curators' edits are kept).
ADDED_COLUMNS = {
    ("statements", "date_precision"): "day",  # every earlier statement was to the day
    ("straw_polls", "note"): None,  # earlier polls carry no note
    ("straw_polls", "number_reported"): None,  # not asserted for earlier polls
}
LINE = "_line"


class StoreError(RuntimeError):
    """The database cannot be used (unreachable, or its tables do not match the schema)."""


@dataclass(frozen=True)
class StoreState:
    """What one cheap query tells about the database."""

    data_version: int  # +1 on every write, in the same transaction
    edits: int  # curator writes so far (0 = the database still mirrors the files)
    seeded_from: str  # files version the editable tables were filled from
    files_version: str  # files version now

    @property
    def files_diverged(self) -> bool:
        """True when the package files changed after curators started editing the database."""
        return self.edits > 0 and self.seeded_from != self.files_version


def _engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return sa.create_engine(url, connect_args={"timeout": 15})
    return sa.create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})


APPEND_ONLY_SQLITE = [
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
]
APPEND_ONLY_POSTGRES = [
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql",
    "CREATE OR REPLACE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
]


class Store:
    """One database and the data package it belongs to."""

    def __init__(self, url: str, data_dir: Path, descriptor: PackageDescriptor) -> None:
        self.url = url
        self.data_dir = Path(data_dir)
        self.descriptor = descriptor
        self.tables: StoreTables = build_tables(descriptor)
        self.editable: tuple[str, ...] = self.tables.editable
        self.engine = _engine(url)
        self._ready = False
        self._lock = threading.Lock()

    # -- creation and first fill ---------------------------------------------------------------
    def ensure_ready(self) -> None:
        """Create the tables and fill them from the package files if this has not happened yet.

        Safe when several processes start on an empty database at once: one transaction under a
        lock all of them take (PostgreSQL: an advisory lock; SQLite: BEGIN IMMEDIATE) creates,
        upgrades and fills, and each re-checks what exists after acquiring it. So the first start
        happens wholly or not at all, and exactly once.
        """
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            with self.engine.connect() as conn:
                self._lock_for_setup(conn)
                self.tables.metadata.create_all(conn)  # checkfirst: only what is missing
                self._check_columns(conn)
                for statement in self._append_only_statements():
                    conn.exec_driver_sql(statement)
                if not self._seeded(conn):  # re-checked under the lock: one process seeds
                    self._seed(conn, self._file_frames())
                else:
                    self._fill_new_tables(conn)
                conn.commit()
            self._ready = True

    def _lock_for_setup(self, conn: sa.Connection) -> None:
        """Begin the setup transaction holding a lock every starting process takes, until commit."""
        dialect = self.engine.dialect.name
        if dialect == "postgresql":  # one lock per schema (tests use a schema each)
            conn.exec_driver_sql(
                "SELECT pg_advisory_xact_lock(hashtext('tracker-setup:' || current_schema()))"
            )
        elif dialect == "sqlite":  # the database's write lock, taken now rather than at 1st write
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    def _append_only_statements(self) -> list[str]:
        return {"postgresql": APPEND_ONLY_POSTGRES, "sqlite": APPEND_ONLY_SQLITE}.get(
            self.engine.dialect.name, []
        )

    def _check_columns(self, conn: sa.Connection) -> None:
        """Add the columns a newer schema has gained (see ADDED_COLUMNS); refuse any other drift."""
        inspector = sa.inspect(conn)
        for name, table in self.tables.resources.items():
            have = {c["name"] for c in inspector.get_columns(name)}
            want = {c.name for c in table.columns}
            added = want - have
            if have - want or any((name, column) not in ADDED_COLUMNS for column in added):
                raise StoreError(
                    f"database table {name!r} has columns {sorted(have)}, the schema wants "
                    f"{sorted(want)}; export the database and re-create it"
                )
            for column in sorted(added):
                self._add_column(conn, table, column, ADDED_COLUMNS[(name, column)])

    def _add_column(self, conn: sa.Connection, table: sa.Table, column: str, fill: str) -> None:
        quoted = self.engine.dialect.identifier_preparer.quote
        conn.exec_driver_sql(f"ALTER TABLE {quoted(table.name)} ADD COLUMN {quoted(column)} TEXT")
        conn.execute(table.update().values({column: fill}))
        conn.execute(
            self.tables.audit_log.insert().values(
                at=utc_now(),
                user="system",
                table=table.name,
                key="*",
                action="add-column",
                new_value={column: fill},
                reason=f"schema upgrade: new column {column}, existing rows {fill!r}",
            )
        )

    def _seeded(self, conn: sa.Connection) -> bool:
        meta = self.tables.meta
        query = sa.select(meta.c.key).where(meta.c.key == "data_version")
        return conn.execute(query).first() is not None

    def _seed(self, conn: sa.Connection, frames: dict[str, pl.DataFrame]) -> None:
        conn.execute(
            self.tables.meta.insert(),
            [
                {"key": "data_version", "number": 1, "text": None},
                {"key": "edits", "number": 0, "text": None},
                {"key": "seeded_from", "number": None, "text": data_version(self.data_dir)},
            ],
        )
        self._fill(conn, frames)

    def _file_frames(self) -> dict[str, pl.DataFrame]:
        frames, problems = check_tables(self.data_dir, self.descriptor)
        if problems:
            raise StoreError(
                f"the data package at {self.data_dir} has {len(problems)} problem(s); "
                "run `python -m loaders check` first"
            )
        return frames

    def _fill_new_tables(self, conn: sa.Connection) -> None:
        """Fill the tables that became editable after this database was made (empty, never
        written to) from the package files, with an audit row; curators' edits are untouched."""
        log = self.tables.audit_log
        written = {t for (t,) in conn.execute(sa.select(log.c.table).distinct())}
        empty = [
            name
            for name in self.editable
            if name not in written
            and conn.execute(
                sa.select(sa.func.count()).select_from(self.tables.resources[name])
            ).scalar()
            == 0
        ]
        empty = [name for name in empty if self._file_has_rows(name)]
        if not empty:  # the usual start: no need to read and check the whole package
            return
        frames = self._file_frames()
        empty = [name for name in empty if frames[name].height]
        if not empty:
            return
        bump_version(conn, self.tables)
        self._fill(conn, frames, empty)
        conn.execute(
            log.insert(),
            [
                {
                    "at": utc_now(),
                    "user": "system",
                    "table": name,
                    "key": "*",
                    "action": "add-table",
                    "reason": "schema upgrade: the table became editable, filled "
                    "from the package files",
                }
                for name in empty
            ],
        )

    def _file_has_rows(self, name: str) -> bool:
        """Whether the package file of table `name` has a data row (reads up to the first)."""
        path = self.data_dir / self.descriptor.resource(name).path
        try:
            return pl.read_csv(path, infer_schema=False, n_rows=1).height > 0
        except (OSError, pl.exceptions.PolarsError):
            return True  # the full check says what is wrong with it

    def _fill(self, conn: sa.Connection, frames: dict[str, pl.DataFrame], names=None) -> None:
        for name in names or self.editable:
            frame = frames[name].drop(LINE)
            rows = [
                {**row, ROW_VERSION: 1, ROW_ORDER: i}
                for i, row in enumerate(frame.iter_rows(named=True))
            ]
            if rows:
                conn.execute(self.tables.resources[name].insert(), rows)

    def refill_if_unedited(self) -> bool:
        """Refill the editable tables from the files if they changed and nobody edited the database.

        Returns True when it refilled. Never touches a database curators have written to.
        """
        meta = self.tables.meta
        files_version = data_version(self.data_dir)
        try:
            frames = self._file_frames()
        except StoreError:
            return False  # invalid files never replace good data
        with self.engine.connect() as conn, conn.begin() as trans:
            bump_version(conn, self.tables)  # first statement: takes the write lock
            state = dict(conn.execute(sa.select(meta.c.key, meta.c.number)).all())
            seeded = conn.execute(
                sa.select(meta.c.text).where(meta.c.key == "seeded_from")
            ).scalar_one()
            if state.get("edits", 0) or seeded == files_version:
                trans.rollback()
                return False
            for name in self.editable:
                conn.execute(self.tables.resources[name].delete())
            self._fill(conn, frames)
            conn.execute(
                meta.update().where(meta.c.key == "seeded_from").values(text=files_version)
            )
        return True

    # -- reads ------------------------------------------------------------------------------------
    def state(self, files_version: str | None = None) -> StoreState:
        """Data version, edit count and fill origin, in one query (`files_version`: the files'
        version if the caller has just computed it)."""
        self.ensure_ready()
        meta = self.tables.meta
        with self.engine.connect() as conn:
            rows = {k: (n, t) for k, n, t in conn.execute(sa.select(meta))}
        return StoreState(
            data_version=int(rows["data_version"][0]),
            edits=int(rows["edits"][0]),
            seeded_from=rows["seeded_from"][1] or "",
            files_version=files_version or data_version(self.data_dir),
        )

    def text_frames(self, conn: sa.Connection | None = None) -> dict[str, pl.DataFrame]:
        """Every editable table as readers see it (retired rows left out), as a text frame with a
        `_line` column (as `check_tables` reads)."""
        self.ensure_ready()
        if conn is None:
            with self.engine.connect() as own:
                return self.text_frames(own)
        return {
            name: self.frame_of(name, self.rows(conn, name, retired=False))
            for name in self.editable
        }

    def rows(self, conn: sa.Connection, name: str, *, retired: bool = True) -> list[dict]:
        """The stored rows of one table in export order, with `row_version` and `row_order`
        (`retired=False`: without the retired rows, as readers and the export see the table)."""
        table = self.tables.resources[name]
        query = sa.select(table).order_by(table.c[ROW_ORDER])
        rows = [dict(row) for row in conn.execute(query).mappings()]
        if retired:
            return rows
        gone = self.retired_keys(conn, name)
        pk = self.descriptor.resource(name).primary_key
        return [r for r in rows if key_text(r, pk) not in gone]

    def retired_keys(self, conn: sa.Connection, name: str) -> dict[str, dict]:
        """{key text: retirement row (at, user, reason)} of one table's retired rows."""
        retired = self.tables.retired
        query = sa.select(retired).where(retired.c.table == name)
        return {r["key"]: dict(r) for r in conn.execute(query).mappings()}

    def checked_as_of(self, conn: sa.Connection | None = None) -> dict[str, str]:
        """{table: the day a curator marked it checked up to}."""
        self.ensure_ready()
        if conn is None:
            with self.engine.connect() as own:
                return self.checked_as_of(own)
        checked = self.tables.checked
        return dict(conn.execute(sa.select(checked.c.table, checked.c.as_of)).all())

    def frame_of(self, name: str, rows: list[dict]) -> pl.DataFrame:
        """Stored rows as a text frame with `_line` (the line each row has in the exported CSV)."""
        fields = [f.name for f in self.descriptor.resource(name).fields]
        frame = pl.DataFrame(
            {f: [row[f] for row in rows] for f in fields}, schema=dict.fromkeys(fields, pl.String)
        )
        return frame.with_row_index(LINE, offset=2).with_columns(pl.col(LINE).cast(pl.Int64))

    def row(self, name: str, key: tuple[str, ...]) -> dict | None:
        """One stored row (fields + `row_version`) by primary key, or None."""
        self.ensure_ready()
        table = self.tables.resources[name]
        pk = self.descriptor.resource(name).primary_key
        query = sa.select(table).where(*(table.c[k] == v for k, v in zip(pk, key, strict=True)))
        with self.engine.connect() as conn:
            found = conn.execute(query).mappings().first()
        return dict(found) if found else None


def utc_now() -> str:
    """Now, as the audit log writes it (ISO 8601, UTC, to the second)."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def bump_version(conn: sa.Connection, tables: StoreTables) -> None:
    """data_version += 1; as a transaction's first statement it also serialises writers."""
    meta = tables.meta
    conn.execute(meta.update().where(meta.c.key == "data_version").values(number=meta.c.number + 1))


_STORES: dict[tuple[str, str], Store] = {}
_STORES_LOCK = threading.Lock()


def open_store(url: str | None = None, data_dir: Path | None = None) -> Store:
    """The (process-wide) Store for `url` and `data_dir`, created and filled on first use.

    Raises StoreError or sqlalchemy errors when the database cannot be used.
    """
    url = url or default_db_url()
    data_dir = Path(data_dir or default_data_dir()).resolve()
    cache_key = (url, str(data_dir))
    with _STORES_LOCK:
        store = _STORES.get(cache_key)
        if store is None:
            store = Store(url, data_dir, read_descriptor(data_dir))
            _STORES[cache_key] = store
    store.ensure_ready()
    return store

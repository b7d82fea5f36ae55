"""Everything that only SQLite has, behind small functions.

The rest of the store speaks portable SQLAlchemy; pragmas, the backup API, `BEGIN IMMEDIATE`,
`PRAGMA user_version` and the file-header check live here, so a PostgreSQL store later needs a
sibling of this module and nothing else.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event, func
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.elements import ColumnElement

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000

#: execution option read by the ``begin`` hook: "IMMEDIATE" for write transactions.
BEGIN_OPTION = "growth_begin"


def monday_of(day_column: ColumnElement) -> ColumnElement:
    """The ISO date (text) of the Monday of a date column's week, computed by SQLite."""
    return func.date(day_column, "-6 days", "weekday 1")


def joined(column: ColumnElement, separator: str = ",") -> ColumnElement:
    """An aggregate: the group's values as one text, joined by `separator`.

    Two of these in one query list their rows in the same order, so they can be zipped.
    """
    return func.group_concat(column, separator)


def looks_like_sqlite(path: Path) -> bool:
    """True for an empty file or one that starts with SQLite's header."""
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head == b"" or head == SQLITE_HEADER


def install_hooks(engine: Engine, *, wal: bool = True) -> None:
    """Pragmas on every connection, and explicit BEGINs (Python 3.11's sqlite3 has no
    `.autocommit`; we switch its own transaction handling off and emit BEGIN ourselves)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if wal:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_OPTION, "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())


def write_options() -> dict[str, str]:
    """Execution options for a connection whose transactions write.

    A deferred transaction that upgrades to a write fails at once with "database is locked"
    when another instance is writing; IMMEDIATE takes the lock up front and waits its turn.
    """
    return {BEGIN_OPTION: "IMMEDIATE"}


def schema_version(connection: Connection) -> int:
    return int(connection.exec_driver_sql("PRAGMA user_version").scalar() or 0)


def set_schema_version(connection: Connection, version: int) -> None:
    connection.exec_driver_sql(f"PRAGMA user_version = {int(version)}")


def set_foreign_keys(connection: Connection, on: bool) -> None:
    """Switch foreign keys on the driver connection itself: SQLite ignores this pragma inside a
    transaction, and going through SQLAlchemy would begin one."""
    dbapi = connection.connection.dbapi_connection
    dbapi.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


def foreign_key_problems(connection: Connection) -> list[tuple]:
    return [tuple(row) for row in connection.exec_driver_sql("PRAGMA foreign_key_check")]


@dataclass(frozen=True)
class FileFacts:
    version: int
    tables: list[str]
    check: str  # "ok" or what is damaged


def inspect_file(path: Path) -> FileFacts:
    """Look at an existing file without changing a byte of it (read-only, no pragmas set).

    Raises `sqlite3.DatabaseError` for a file SQLite cannot read at all.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
    finally:
        conn.close()
    check = "ok" if rows == ["ok"] else "; ".join(str(r) for r in rows[:3])
    return FileFacts(version, tables, check)


def backup_file(source: Path, destination: Path) -> None:
    """A consistent copy of a live database with SQLite's backup API, owner-only.

    A plain file copy of a WAL database can miss committed rows; the backup API cannot.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # The copy is a standalone file: keep it in rollback-journal mode.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    os.chmod(partial, 0o600)
    os.replace(partial, destination)

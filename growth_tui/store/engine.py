"""Opening the database: checks, migrations, and the `Store` that hands out sessions.

`open_store(path)` either returns a ready `Store` or raises `StoreError` with a sentence a
person can act on; it never leaves a half-migrated or foreign file behind. Reads use deferred
transactions; writes go through `Store.write()`, which begins with `BEGIN IMMEDIATE` so two
instances on one file queue up instead of failing or overwriting each other.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from growth_tui.store import migrations, sqlite
from growth_tui.store.models import Plan


class StoreError(Exception):
    """A problem with the database file, worded for the person who owns it."""


class Store:
    """One database: `read()` and `write()` give sessions whose objects stay usable after."""

    def __init__(self, engine: Engine, path: Path | None, *, serialize: bool = False) -> None:
        self.engine = engine
        self.path = path
        self._write_engine = engine.execution_options(**sqlite.write_options())
        # An in-memory database is one connection shared by every thread; without this lock a
        # worker's read transaction and the UI thread's write would interleave on it. A file
        # database gives each thread its own connection and needs no lock.
        self._lock = threading.RLock() if serialize else nullcontext()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._lock, Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._lock, Session(self._write_engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except OperationalError as error:
                session.rollback()
                if "locked" in str(error) or "busy" in str(error):
                    raise StoreError(
                        "The database is busy (another growth window is saving); try again."
                    ) from error
                raise
            except BaseException:
                session.rollback()
                raise

    def plan_id(self) -> int:
        """The plan this app works on (made on first use)."""
        with self.read() as session:
            found = session.connection().exec_driver_sql("SELECT min(id) FROM plan").scalar()
        if found is not None:
            return int(found)
        with self.write() as session:
            found = session.connection().exec_driver_sql("SELECT min(id) FROM plan").scalar()
            if found is not None:
                return int(found)
            plan = Plan()
            session.add(plan)
            session.flush()
            return int(plan.id)

    def close(self) -> None:
        self.engine.dispose()

    @classmethod
    def memory(cls) -> Store:
        """A private in-memory database (tests, previews), shared safely with thread workers."""
        engine = create_engine(
            "sqlite://",
            poolclass=StaticPool,
            connect_args={"check_same_thread": False},
        )
        sqlite.install_hooks(engine, wal=False)
        _migrate(engine, 0, path=None, backup_dir=None)
        return cls(engine, None, serialize=True)


def _prepare_file(path: Path) -> None:
    """Make sure `path` can be our database: folder owner-only, file owner-only, really SQLite."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise StoreError(f"Cannot create the folder {folder}: {error.strerror}.") from error
    if path.exists():
        if not path.is_file():
            raise StoreError(f"{path} is not a file.")
        if not os.access(path, os.R_OK):
            raise StoreError(f"Cannot read {path}: permission denied.")
        try:
            is_sqlite = sqlite.looks_like_sqlite(path)
        except OSError as error:
            raise StoreError(f"Cannot read {path}: {error.strerror}.") from error
        if not is_sqlite:
            raise StoreError(f"{path} is not a growth database (it is not an SQLite file).")
        if not os.access(path, os.W_OK):
            raise StoreError(f"{path} is read-only; growth needs to save to it.")
        if not os.access(folder, os.W_OK):
            raise StoreError(f"The folder {folder} is read-only; growth keeps its journal there.")
        return
    if not os.access(folder, os.W_OK):
        raise StoreError(f"Cannot write to the folder {folder}: permission denied.")
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as error:
        raise StoreError(f"Cannot create {path}: {error.strerror}.") from error
    os.close(fd)


def default_backup_dir(path: Path) -> Path:
    return path.parent / "backups"


def backup_name(path: Path, reason: str, when: datetime | None = None) -> str:
    stamp = (when or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return f"{path.stem}-{stamp}-{reason}.db"


def _check_version(path: Path | None, version: int, tables: list[str]) -> None:
    if version == 0 and tables:
        raise StoreError(f"{path} is an SQLite database, but not one of growth's.")
    if version > migrations.CURRENT_VERSION:
        raise StoreError(
            f"{path} was written by a newer growth (schema {version}; this one knows up to "
            f"{migrations.CURRENT_VERSION}). Update growth to open it."
        )


def _migrate(engine: Engine, version: int, path: Path | None, backup_dir: Path | None) -> None:
    """Bring the schema from `version` to the current one, after a backup of an existing file.

    The file has passed `sqlite.inspect_file` and `_check_version` already.
    """
    steps = migrations.pending_steps(version)
    if not steps:
        return
    if version > 0 and path is not None:
        target = (backup_dir or default_backup_dir(path)) / backup_name(
            path, f"before-v{migrations.CURRENT_VERSION}"
        )
        sqlite.backup_file(path, target)
    with engine.connect() as connection:
        connection = connection.execution_options(**sqlite.write_options())
        sqlite.set_foreign_keys(connection, False)
        try:
            with connection.begin():
                for step in steps:
                    step.apply(connection)
                problems = sqlite.foreign_key_problems(connection)
                if problems:
                    raise StoreError(
                        f"Migrating {path} broke {len(problems)} links between rows; "
                        "nothing was changed."
                    )
                sqlite.set_schema_version(connection, migrations.CURRENT_VERSION)
        finally:
            sqlite.set_foreign_keys(connection, True)


def open_store(path: Path | str, *, backup_dir: Path | None = None) -> Store:
    """Open (creating if needed) and migrate the database at `path`."""
    path = Path(path).expanduser()
    _prepare_file(path)
    try:
        # Look before touching: a foreign or damaged file must stay byte-for-byte as it was.
        facts = sqlite.inspect_file(path)
        _check_version(path, facts.version, facts.tables)
        if facts.check != "ok":
            raise StoreError(f"{path} is damaged ({facts.check}). Restore a backup.")
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
        sqlite.install_hooks(engine)
        try:
            _migrate(engine, facts.version, path, backup_dir)
        except BaseException:
            engine.dispose()
            raise
    except StoreError:
        raise
    except (DatabaseError, sqlite3.DatabaseError) as error:
        text = str(getattr(error, "orig", error))
        if "not a database" in text or "malformed" in text:
            raise StoreError(f"{path} is damaged or not a database ({text}).") from error
        if "locked" in text or "busy" in text:
            raise StoreError(f"{path} is locked by another program; try again.") from error
        if "readonly" in text or "read-only" in text:
            raise StoreError(f"{path} is read-only; growth needs to save to it.") from error
        raise StoreError(f"Cannot open {path}: {text}.") from error
    return Store(engine, path)

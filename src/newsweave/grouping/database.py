"""The story store's database: the engine for a path or URL, and the writers' lock.

SQLite in a single file by default, PostgreSQL through the same SQLAlchemy Core tables.
Writers take turns a whole transaction at a time: SQLite's write lock is taken when the
transaction begins (``BEGIN IMMEDIATE``, waiting up to ``WAIT_SECONDS`` for another writer),
PostgreSQL's advisory lock ``ADVISORY_KEY`` is held to the commit. So two processes
ingesting into one store give the stories one of them would give alone.

Example:
    >>> from sqlalchemy import text
    >>> engine = db_engine(":memory:")
    >>> with writing(engine, ":memory:") as conn:
    ...     conn.execute(text("SELECT 1")).scalar()
    1
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.errors import NewsweaveError

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Connection, Engine

WAIT_SECONDS = 600
ADVISORY_KEY = 0x6E77_7374  # "nwst"
_WRITE = "newsweave_write"


class StoreError(NewsweaveError):
    """The store cannot be opened, or was built with other settings."""


def db_engine(db: str) -> Engine:
    """The engine for ``db``: a SQLite file (created with its folders), ``:memory:``, or a
    database URL (``postgresql://…`` uses psycopg 3).

    Raises:
        StoreError: a folder, or a URL SQLAlchemy cannot use.
        MissingExtraError: the URL's driver is not installed.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    from newsweave.errors import MissingExtraError

    if db.startswith(("postgresql:", "postgres:")):
        url = "postgresql+psycopg:" + db.split(":", 1)[1]
    elif "://" in db:
        url = db
    elif db == ":memory:":
        url = "sqlite://"
    else:
        path = Path(db).expanduser()
        if path.is_dir():
            raise StoreError(f"{db}: is a folder; give a file name for the SQLite store")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{db}: cannot create its folder ({exc.strerror or exc})") from None
        url = f"sqlite:///{path}"
    try:
        engine = create_engine(url, future=True)
    except NoSuchModuleError as exc:
        raise StoreError(f"{db}: unsupported database URL ({exc})") from None
    except ArgumentError as exc:
        raise StoreError(f"{db}: not a database URL ({exc})") from None
    except ModuleNotFoundError as exc:
        raise MissingExtraError(
            f"{db}: the database driver {exc.name} is not installed; for PostgreSQL: "
            "pip install 'newsweave[postgres]'"
        ) from None
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(conn: Any, _record: Any) -> None:
            conn.isolation_level = None  # transactions begin as _begin says, not as pysqlite does
            cursor = conn.cursor()
            # The wait comes first: switching a new store to WAL takes its lock, and without
            # a busy timeout a second process opening it at that moment failed at once.
            cursor.execute(f"PRAGMA busy_timeout={WAIT_SECONDS * 1000}")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # A writer takes the write lock when it begins, not at its first write: two
            # writers never both read the store and then both write (SQLite's deadlock).
            write = conn.get_execution_options().get(_WRITE, False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


@contextlib.contextmanager
def writing(engine: Engine, name: str) -> Iterator[Connection]:
    """A transaction that holds the store's write lock to its commit (see
    ``WAIT_SECONDS``): concurrent ingests run one chunk at a time, as batches would."""
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    try:
        with engine.execution_options(**{_WRITE: True}).begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_KEY})
            yield conn
    except OperationalError as exc:
        if "locked" in str(exc.orig or exc) or "busy" in str(exc.orig or exc):
            raise StoreError(
                f"{name}: another process kept the store locked for more than "
                f"{WAIT_SECONDS} s; nothing of this chunk was written, run again later"
            ) from None
        raise


@contextlib.contextmanager
def store_errors(name: str) -> Iterator[None]:
    """Any database or file error inside as one :class:`StoreError` naming the store:
    a file that is not a database, a read-only or vanished file, a dropped connection."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        yield
    except SQLAlchemyError as exc:
        raise StoreError(f"{name}: the story store failed ({reason(exc)})") from None
    except OSError as exc:
        raise StoreError(f"{name}: the story store failed ({exc.strerror or exc})") from None


def reason(exc: Exception) -> str:
    """The first line of a database error, without SQLAlchemy's wrapping."""
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0]

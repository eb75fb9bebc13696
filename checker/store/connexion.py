"""Opening a store: a SQLite file by default, a PostgreSQL server for a team; migrated on open.

`--base chemin.sqlite` (any path) is a SQLite file, created if absent; `--base postgresql://…` is a
PostgreSQL database reached with psycopg 3. The schema is brought to the head revision by the
Alembic migrations kept in `migrations/` before anything is read or written, so a store made by an
older delibcheck is upgraded in place.

Writers are serialised per transaction — `BEGIN IMMEDIATE` on SQLite, a transaction-level advisory
lock on PostgreSQL — so that two batches (or a batch and an agent recording an action) never lose
each other's updates: a chunk is read and written as one unit, and the second writer waits.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from ruleset.errors import InputError

# Any constant: the advisory lock that serialises the writers of one PostgreSQL store.
_PG_LOCK = 1_800_018
_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(InputError):
    """The store cannot be opened, migrated or written: a French message naming the base."""


def url_of(base: str) -> str:
    """The SQLAlchemy URL of `--base`: a path is a SQLite file, a PostgreSQL URL uses psycopg 3."""
    if "://" not in base:
        return "sqlite:///" + os.path.abspath(base)
    scheme, rest = base.split("://", 1)
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return "postgresql+psycopg://" + rest
    if scheme in ("sqlite",):
        return base
    raise StoreError(f"base « {base} » non prise en charge : donner un chemin de fichier SQLite ou une URL "
                     "postgresql://utilisateur@hôte:port/base", champ="--base")


def shown(base: str) -> str:
    """The base as messages show it: without a password."""
    if "://" in base and "@" in base:
        scheme, rest = base.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
    return base


def create(base: str):
    from sqlalchemy import create_engine, event

    url = url_of(base)
    if url.startswith("sqlite"):
        path = url[len("sqlite:///"):]
        if path and path != ":memory:" and not os.path.isdir(os.path.dirname(path) or "."):
            raise StoreError("dossier de la base introuvable", fichier=base)
        # The module serialises writers itself (`begin` below): pysqlite's own transaction
        # handling is turned off so that BEGIN IMMEDIATE is ours to send.
        engine = create_engine(url, connect_args={"timeout": 60, "isolation_level": None})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            # Only a new file takes it: an act's findings (some 3 kB packed) left most of a 4 kB
            # page empty; 16 kB pages hold several acts.
            cursor.execute("PRAGMA page_size=16384")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection):
            immediate = connection.get_execution_options().get("ecriture", False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
        return engine
    try:
        import psycopg  # noqa: F401  (the driver the URL names)
    except ImportError:
        raise StoreError("PostgreSQL demande le pilote psycopg 3 : pip install 'delibcheck[postgresql]'",
                         fichier=shown(base)) from None
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def writing(engine):
    """One write transaction, serialised with every other writer of the same store."""
    with engine.connect().execution_options(ecriture=True) as connection:
        with connection.begin():
            if connection.dialect.name == "postgresql":
                from sqlalchemy import text
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
            yield connection


def alembic_config(connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (the head by default), under the writers' lock."""
    from alembic import command

    with writing(engine) as connection:
        command.upgrade(alembic_config(connection), revision)


def current_revision(engine) -> str | None:
    """The revision Alembic recorded, read directly: importing Alembic costs a quarter of a second
    that a store already at the head does not need to pay."""
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def head_revision() -> str:
    from alembic.script import ScriptDirectory
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def open_engine(base: str, upgrade: bool = True):
    """The engine of `base`, its schema at the head; a French error if it cannot be reached."""
    from sqlalchemy.exc import SQLAlchemyError

    engine = create(base)
    from checker.store.tables import HEAD

    try:
        if upgrade and current_revision(engine) != HEAD:
            migrate(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise StoreError(f"base inaccessible ({reason})", fichier=shown(base)) from None
    return engine

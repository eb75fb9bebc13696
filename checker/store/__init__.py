"""The store: a memory of checked acts, of the joins between them, and of the agents' actions.

`check --base BASE` records each checked act (its identity, the record as read with the source of
each fact, its findings, the rule catalogue's version, the proposed decision), keeps its history,
joins new acts with stored ones (`contexte`, through `checker.joins`), and says what syndicate
operations still await (`attentes`). `delibcheck suivi` reads and updates the worklist (`suivi`,
`delais`). BASE is a SQLite file (a path) or a PostgreSQL URL; the schema is migrated by Alembic
(`migrations/`).
"""
from __future__ import annotations

from checker.store.connexion import StoreError, open_engine, shown, writing

__all__ = ["Store", "StoreError", "catalogue_version"]


def catalogue_version(regles_dir: str | None = None) -> str:
    """delibcheck's version and the fingerprint of the rule files the acts were checked with."""
    from checker.version import VERSION
    from ruleset.catalogue import catalogue_entry

    return f"{VERSION}+{catalogue_entry(regles_dir)[:16]}"


class Store:
    """One store, opened (and migrated) once per process."""

    def __init__(self, base: str, upgrade: bool = True):
        self.base = base
        self.engine = open_engine(base, upgrade=upgrade)

    @property
    def label(self) -> str:
        return shown(self.base)

    def writing(self):
        return writing(self.engine)

    def reading(self):
        return self.engine.connect()

    def close(self) -> None:
        self.engine.dispose()

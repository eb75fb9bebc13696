"""Fixtures of the store tests: a SQLite file always, a throwaway PostgreSQL cluster when possible.

The cluster is Debian's PostgreSQL (`scripts/dependances-test.sh` installs it): `initdb` in a
temporary directory — as the `postgres` user when the tests run as root, since PostgreSQL refuses
to run as root — listening on 127.0.0.1 only, on a free port, started and stopped with `pg_ctl`.
Each test gets its own database. Where the cluster cannot be had, the PostgreSQL variants are
skipped with a message that says why.
"""
from __future__ import annotations

import subprocess
import uuid

import pytest

from store.cluster import Cluster


@pytest.fixture(scope="session")
def postgresql_serveur():
    """The URL of a throwaway PostgreSQL cluster on 127.0.0.1, or a skip saying why there is none."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL non testé : pilote psycopg absent (pip install '.[test]')")
    try:
        cluster = Cluster()
    except RuntimeError as exc:
        pytest.skip(f"PostgreSQL non testé : {exc}")
    try:
        url = cluster.start()
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        cluster.stop()
        pytest.skip(f"PostgreSQL non testé : le serveur de test n'a pas démarré ({exc})")
    try:
        yield url
    finally:
        cluster.stop()


@pytest.fixture()
def postgresql_base(postgresql_serveur):
    """A fresh database of the test cluster, dropped afterwards."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    conninfo = postgresql_serveur.replace("postgresql://", "postgresql://", 1)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield postgresql_serveur.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def base(request, tmp_path):
    """A store for each backend: a SQLite file, and a PostgreSQL database when the cluster runs."""
    if request.param == "sqlite":
        return str(tmp_path / "actes.sqlite")
    return request.getfixturevalue("postgresql_base")

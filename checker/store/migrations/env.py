"""Alembic's entry point: migrations run on the connection the store hands over.

The store runs them itself (`checker.store.connexion.migrate`); nothing here reads alembic.ini
or the environment.
"""
from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()

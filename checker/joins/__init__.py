"""Joins across records of one run: facts one record holds about another.

A commune's adhesion needs the syndicate's concordant deliberation; a proxy's three-meeting limit
needs the body's previous meetings. When a run reads several records, each module of this package
gets the whole list and fills in the facts it can, each with a source naming the record it came
from; a fact the record already gives is never overwritten. Every module here is imported, and
must define `join(records: list[Record]) -> None`.
"""
from __future__ import annotations

import importlib
import pkgutil

_MODULES = [importlib.import_module(f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__)]


def apply_joins(records) -> None:
    if len(records) < 2:
        return
    for module in _MODULES:
        module.join(records)

"""The values an expression works on: record nodes that know their path, and `Unknown`.

A missing fact is never false and never zero: reading it yields `Unknown`, which carries the
paths of the facts that were missing, and every operation on it yields `Unknown` again. A fact
the document only asserts (« convoqué cinq jours francs avant la séance ») is an `Asserted`
in the record and reads as `Unknown` marked as asserted, so that reports can tell the two apart.
"""
from __future__ import annotations

from typing import NamedTuple


class Missing(NamedTuple):
    """One fact that an evaluation needed and did not have."""

    path: str
    asserted: bool = False
    source: str | None = None


class Unknown:
    """The value of an expression that depends on a missing fact."""

    __slots__ = ("missing",)

    def __init__(self, missing: frozenset):
        self.missing = missing

    @staticmethod
    def of(path: str, asserted: bool = False, source: str | None = None) -> "Unknown":
        return Unknown(frozenset((Missing(path, asserted, source),)))

    def merge(self, other: "Unknown") -> "Unknown":
        if other.missing <= self.missing:
            return self
        return Unknown(self.missing | other.missing)

    def __bool__(self):
        raise TypeError("Unknown has no truth value; the evaluator must handle it")

    def __eq__(self, other):
        return isinstance(other, Unknown) and other.missing == self.missing

    def __hash__(self):
        return hash(self.missing)

    def __repr__(self):
        return f"Unknown({sorted(m.path for m in self.missing)})"


def merge_unknowns(values) -> Unknown | None:
    """The union of the Unknowns among `values`, or None when every value is known."""
    result = None
    for value in values:
        if type(value) is Unknown:
            result = value if result is None else result.merge(value)
    return result


class Asserted:
    """A fact stated by the document without a value that can be checked."""

    __slots__ = ("source",)

    def __init__(self, source: str | None):
        self.source = source

    def __repr__(self):
        return f"Asserted({self.source!r})"


class Node(dict):
    """A mapping of the record that knows its path and the sources of its facts."""

    __slots__ = ("path", "_sources")

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self._sources = None

    @property
    def sources(self) -> dict:
        # Made on first use: most nodes never get a source, and an empty dict for each was a third
        # of the objects a record left for the garbage collector to count.
        sources = self._sources
        if sources is None:
            sources = self._sources = {}
        return sources

    @sources.setter
    def sources(self, value: dict) -> None:
        self._sources = value

    def child_path(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key


class NodeList(list):
    """A sequence of the record that knows its path."""

    __slots__ = ("path",)

    def __init__(self, path: str, items=()):
        super().__init__(items)
        self.path = path

"""The values an expression works on: record nodes that know their path, and `Unknown`.

A missing fact is never false and never zero: reading it yields `Unknown`, which carries the
paths of the facts that were missing, and every operation on it yields `Unknown` again. A fact
the document only asserts (« convoqué cinq jours francs avant la séance ») is an `Asserted`
in the record and reads as `Unknown` marked as asserted, so that reports can tell the two apart.

A number known only between two bounds (members in office between 33 and 49, a population over
several census years) is an `Interval`: operations on it are in `ruleset.intervals`.
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
        # The same Unknown met again (a missing fact read by each item of a list) is merged
        # without comparing its facts one by one.
        if other is self or other.missing is self.missing or other.missing <= self.missing:
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


class Interval:
    """A number known only to lie in [lo, hi], both bounds included, lo < hi.

    `why` holds, as `Missing` entries, the facts whose imprecision the interval carries, each
    with the bounds in its source: when a comparison cannot be decided over the whole interval,
    its result is `Unknown(why)`, so the finding says which fact was not known exactly and what
    was known of it. Make one with `bounded`, which gives a plain number when the bounds meet.
    """

    __slots__ = ("lo", "hi", "why")

    def __init__(self, lo, hi, why: frozenset):
        self.lo = lo
        self.hi = hi
        self.why = why

    def __eq__(self, other):
        # Structural: two branches of `a if c else b` that give the same bounds give that interval.
        return type(other) is Interval and other.lo == self.lo and other.hi == self.hi

    def __hash__(self):
        return hash((self.lo, self.hi))

    def __bool__(self):
        raise TypeError("Interval has no truth value; the evaluator must handle it")

    def __repr__(self):
        return f"Interval({self.lo}, {self.hi})"

    def label(self) -> str:
        return f"entre {_number(self.lo)} et {_number(self.hi)}"


def _number(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}".replace(".", ",")
    return f"{int(value):,}".replace(",", "\u202f")


def bounded(lo, hi, why: frozenset):
    """The value known to lie in [lo, hi]: the number itself when lo == hi, else an Interval."""
    if lo == hi:
        return lo
    if lo > hi:
        raise ValueError(f"bornes inversées : min {lo} supérieur à max {hi}")
    return Interval(lo, hi, why)


def imprecise(path: str, lo, hi, source: str | None = None) -> frozenset:
    """The `why` of a fact of the record known only between `lo` and `hi`."""
    said = f"connu seulement {Interval(lo, hi, frozenset()).label()}"
    return frozenset((Missing(path, False, f"{said} ({source})" if source else said),))


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

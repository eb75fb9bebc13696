"""Numbers known as bounds: comparisons, arithmetic and monotone functions on `Interval`.

The semantics, which every way of running the rules (the interpreter of `ruleset.expressions`,
compiled rules) must keep:

- A comparison is true when it holds for every value of the intervals, false when it holds for
  none, and otherwise `Unknown`, carrying the `why` of the intervals involved (the facts known
  only as bounds, with their bounds). Equality with something that is not a number is false, as
  it is for a plain number; an ordering with something that is not a number is an error.
- Arithmetic is sound: the result contains every value the operation can take over the
  intervals (`+ - *` exactly, `/ //` when the divisor's interval does not contain zero). What
  cannot be bounded this way (a divisor that may be zero, `%`, a date plus an interval of days)
  is `Unknown`: never a number that would claim more than is known.
- Bounds that meet give a plain number (`bounded`), so an interval of one point behaves
  exactly as the number.
- A function of the rules receives an interval only if it is declared to handle one
  (`helper(..., intervals=True)`); any other function called with an interval (directly or in a
  list argument) is not run and yields `Unknown` with the interval's `why`.
"""
from __future__ import annotations

import datetime as dt
from ruleset.values import Interval, Unknown, bounded

_NUMBER = (int, float)


def is_number(value) -> bool:
    return type(value) is not bool and isinstance(value, _NUMBER)


def bounds(value) -> tuple:
    """(lo, hi) of an Interval or a plain number."""
    if type(value) is Interval:
        return value.lo, value.hi
    return value, value


def why_of(*values) -> frozenset:
    out = frozenset()
    for value in values:
        if type(value) is Interval:
            out = out | value.why
    return out


def undecided(*values) -> Unknown:
    return Unknown(why_of(*values))


def compare(symbol: str, left, right):
    """`left symbol right` with at least one Interval: True, False or Unknown."""
    if symbol in ("==", "!="):
        if not (is_number(left) or type(left) is Interval) or not (is_number(right) or type(right) is Interval):
            return symbol == "!="
        (a1, a2), (b1, b2) = bounds(left), bounds(right)
        if a2 < b1 or b2 < a1:
            equal = False
        elif a1 == a2 == b1 == b2:
            equal = True
        else:
            return undecided(left, right)
        return equal if symbol == "==" else not equal
    for value in (left, right):
        if not (is_number(value) or type(value) is Interval):
            raise TypeError(f"comparaison {symbol} impossible entre {left!r} et {right!r}")
    (a1, a2), (b1, b2) = bounds(left), bounds(right)
    if symbol == "<":
        always, never = a2 < b1, a1 >= b2
    elif symbol == "<=":
        always, never = a2 <= b1, a1 > b2
    elif symbol == ">":
        always, never = a1 > b2, a2 <= b1
    elif symbol == ">=":
        always, never = a1 >= b2, a2 < b1
    else:
        raise TypeError(f"comparaison {symbol} non définie sur un intervalle")
    if always:
        return True
    if never:
        return False
    return undecided(left, right)


def contains(item, collection):
    """`item in collection` for an Interval `item`: true if every value is in it, false if none is."""
    if type(collection) is Interval:
        raise TypeError("« in » attend une liste à droite, pas un intervalle")
    try:
        members = list(collection)
    except TypeError:
        raise TypeError(f"« in » attend une liste à droite, reçu {collection!r}")
    lo, hi = item.lo, item.hi
    inside = {m for m in members if is_number(m) and lo <= m <= hi}
    if not inside:
        return False
    if isinstance(lo, int) and isinstance(hi, int) and hi - lo < len(inside) + 1 and all(
            n in inside for n in range(lo, hi + 1)):
        return True
    return undecided(item)


def arithmetic(symbol: str, left, right=None):
    """`left symbol right` (or `-left`) with at least one Interval, soundly bounded."""
    whys = why_of(left, right)
    for value in (left, right) if right is not None or symbol != "neg" else (left,):
        if isinstance(value, dt.date):
            return Unknown(whys)
        if not (is_number(value) or type(value) is Interval):
            raise TypeError(f"calcul {symbol} impossible sur {value!r}")
    a1, a2 = bounds(left)
    if symbol == "neg":
        return bounded(-a2, -a1, whys)
    b1, b2 = bounds(right)
    if symbol == "+":
        return bounded(a1 + b1, a2 + b2, whys)
    if symbol == "-":
        return bounded(a1 - b2, a2 - b1, whys)
    if symbol == "*":
        corners = (a1 * b1, a1 * b2, a2 * b1, a2 * b2)
        return bounded(min(corners), max(corners), whys)
    if symbol in ("/", "//"):
        if b1 <= 0 <= b2:
            return Unknown(whys)
        if symbol == "/":
            corners = (a1 / b1, a1 / b2, a2 / b1, a2 / b2)
        else:
            # Floor is non-decreasing, and a quotient over a box whose divisor keeps its sign
            # reaches its extremes at the corners.
            corners = (a1 // b1, a1 // b2, a2 // b1, a2 // b2)
        return bounded(min(corners), max(corners), whys)
    return Unknown(whys)


def total(values: list):
    """The sum of a list holding at least one Interval."""
    lo = hi = 0
    for value in values:
        if type(value) is not Interval and not is_number(value):
            raise TypeError(f"somme impossible sur {value!r}")
        a, b = bounds(value)
        lo += a
        hi += b
    return bounded(lo, hi, why_of(*values))


def monotone(function, value, *rest):
    """A non-decreasing function of its first argument, over an Interval: [f(lo), f(hi)]."""
    if type(value) is not Interval:
        return function(value, *rest)
    return bounded(function(value.lo, *rest), function(value.hi, *rest), value.why)


def holds_interval(values) -> bool:
    """Whether an argument list holds an Interval, directly or one list deep."""
    for value in values:
        kind = type(value)
        if kind is Interval:
            return True
        if kind is list or isinstance(value, list):
            for item in value:
                if type(item) is Interval:
                    return True
    return False


def whys_in(values) -> frozenset:
    out = frozenset()
    for value in values:
        if type(value) is Interval:
            out = out | value.why
        elif isinstance(value, list):
            out = out | why_of(*value)
    return out

"""What compiled rule code may call: the slow paths of the interpreter's semantics, written once.

Compiled code inlines the common case (a fact present, two integers, a known condition) and calls
these for the rest. Each does exactly what `ruleset.expressions` does; where the interpreter
raises, these raise too (the message does not matter: the engine then re-runs the interpreter,
which gives it).
"""
from __future__ import annotations

from ruleset import intervals
from ruleset.expressions import EvaluationError, _arith, _interval_arith, _interval_compare, _missing, _truth
from ruleset.values import Asserted, Interval, Node, NodeList, Unknown, merge_unknowns
from ruleset.compiler import READS  # noqa: F401 (the templates import it from here)


def read_path(obj, keys: tuple, trace):
    """A dotted path read from `obj`, as the interpreter's `_Attribute` reads it."""
    parent = None
    for key in keys:
        kind = type(obj)
        if kind is Node:
            if key not in obj:
                return _missing(obj.child_path(key))
            parent = obj
            obj = obj[key]
            if type(obj) is Asserted:
                return Unknown.of(parent.child_path(key), True, obj.source)
        elif kind is Unknown:
            return obj
        else:
            raise EvaluationError("path on a value that is not a node")
    if parent is not None and type(obj) is not Node and trace is not None:
        trace.append((parent, keys[-1], obj))
    return obj


def contained(a, b):
    return a in b


def not_contained(a, b):
    return a not in b


def arith(op, symbol: str, a, b):
    """`a symbol b` for operands that are not both integers, neither unknown."""
    if type(a) is Interval or type(b) is Interval:
        return _interval_arith(symbol, a, b)
    return _arith(op, a, b, symbol=symbol)


def negate(value):
    import operator
    if type(value) is Interval:
        return intervals.arithmetic("neg", value)
    return _arith(operator.neg, value)


def compare_interval(symbol: str, a, b):
    return _interval_compare(symbol, a, b)


def refusing_intervals(function, *values):
    """`function(*values)`, as the interpreter's `_refusing_intervals(function)` calls it: a
    function not made for numbers known as bounds is not run on one, the call is unknown."""
    for value in values:
        kind = type(value)
        if kind is Interval or ((kind is list or kind is NodeList) and any(type(v) is Interval for v in value)):
            return merge_unknowns((Unknown(intervals.whys_in(values)), *values))
    return function(*values)


# The types of an argument that may be, or hold, a number known only as bounds: the compiled
# code calls a function not made for them through `refusing_intervals` only for these.
MAY_HOLD_INTERVALS = frozenset({Interval, list, NodeList})


def fail(*_):
    raise EvaluationError("compiled code met a value the interpreter refuses")


def if_unknown(condition, a, b):
    if type(a) is not Unknown and type(b) is not Unknown and a == b and type(a) is type(b):
        return a
    return merge_unknowns((condition, a, b))


def chain(ops: tuple, symbols: tuple, values: list):
    left = values[0]
    unknown = None
    result = True
    for op, symbol, right in zip(ops, symbols, values[1:]):
        if type(left) is Unknown or type(right) is Unknown:
            unknown = merge_unknowns((unknown, left, right))
        elif type(left) is Interval or type(right) is Interval:
            verdict = _interval_compare(symbol, left, right)
            if verdict is False:
                result = False
            elif type(verdict) is Unknown:
                unknown = verdict if unknown is None else unknown.merge(verdict)
        elif result:
            if not op(left, right):
                result = False
        left = right
    if not result:
        return False
    return True if unknown is None else unknown


def _aggregate_input(values):
    if type(values) is not Unknown and not isinstance(values, list):
        raise EvaluationError("aggregate of a value that is not a list")
    return values


def agg_liste(values):
    return _aggregate_input(values)


def agg_nombre(values):
    values = _aggregate_input(values)
    return values if type(values) is Unknown else len(values)


def agg_somme(values):
    values = _aggregate_input(values)
    if type(values) is Unknown:
        return values
    unknown = merge_unknowns(values)
    if unknown is not None:
        return unknown
    if any(type(v) is Interval for v in values):
        try:
            return intervals.total(values)
        except TypeError as exc:
            raise EvaluationError(str(exc))
    return _arith(lambda *v: sum(v), *values)


def _known(values):
    return [_truth(v) for v in values if type(v) is not Unknown]


def agg_tous(values):
    values = _aggregate_input(values)
    if type(values) is Unknown:
        return values
    unknown = merge_unknowns(values)
    return False if not all(_known(values)) else (True if unknown is None else unknown)


def agg_au_moins_un(values):
    values = _aggregate_input(values)
    if type(values) is Unknown:
        return values
    unknown = merge_unknowns(values)
    return True if any(_known(values)) else (False if unknown is None else unknown)


def agg_aucun(values):
    values = _aggregate_input(values)
    if type(values) is Unknown:
        return values
    unknown = merge_unknowns(values)
    return False if any(_known(values)) else (True if unknown is None else unknown)


AGGREGATES = {"liste": agg_liste, "nombre": agg_nombre, "somme": agg_somme, "tous": agg_tous,
              "au_moins_un": agg_au_moins_un, "aucun": agg_aucun}

# The classes and built-ins that the templates name; bound like every other constant.
CLASSES = {"Node": Node, "Unknown": Unknown, "Asserted": Asserted, "Interval": Interval, "NodeList": NodeList, "list": list,
           "type": type, "isinstance": isinstance}


class _Error:
    """The value of a hoisted path that the interpreter would refuse to read: the code that uses it fails."""

    __slots__ = ()

    def __repr__(self):
        return "ERROR"


ERROR = _Error()


def read_entry(obj, keys: tuple):
    """A dotted path read ahead of its use: (value, trace entry or None), or (ERROR, None) where
    reading it raises; the code appends the entry to the rule's trace where the rule reads it."""
    parent = None
    for key in keys:
        kind = type(obj)
        if kind is Node:
            if key not in obj:
                return _missing(obj.child_path(key)), None
            parent = obj
            obj = obj[key]
            if type(obj) is Asserted:
                return Unknown.of(parent.child_path(key), True, obj.source), None
        elif kind is Unknown:
            return obj, None
        else:
            return ERROR, None
    if parent is not None and type(obj) is not Node:
        return obj, (parent, keys[-1], obj)
    return obj, None


_MISSING_CHILD: dict = {}


def missing_child(node, key: str):
    """`_missing(node.child_path(key))`, without building the path when it was met before."""
    unknown = _MISSING_CHILD.get((node.path, key))
    if unknown is None:
        unknown = _missing(node.child_path(key))
        if len(_MISSING_CHILD) < 50_000:
            _MISSING_CHILD[(node.path, key)] = unknown
    return unknown


def merge_two(a, b):
    """The interpreter's merge of two operands of which at least one is unknown."""
    if type(a) is Unknown:
        return a.merge(b) if type(b) is Unknown else a
    return b


def merge_condition(unknown, value):
    """An operand of `and`/`or` that is neither of the two booleans: merged when unknown, refused otherwise."""
    if type(value) is not Unknown:
        raise EvaluationError("a condition that is not a boolean")
    return value if unknown is None else unknown.merge(value)

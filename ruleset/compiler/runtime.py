"""What compiled rule code may call besides the rules' own functions.

Compiled code inlines the common case (a fact present, two integers, a known condition) and calls
the interpreter's own functions (`ruleset.expressions`, the specification) for the rest: reading
a path, arithmetic, intervals, aggregates, the refusal of numbers known as bounds, « if » on an
unknown condition (merging unknown operands is written out by the templates). What is defined
here has no counterpart in the interpreter: reading a path ahead of its use, a comparison chain
over operands computed in advance. Where the interpreter raises, these raise too (the message does not
matter: the engine then re-runs the interpreter, which gives it).
"""
from __future__ import annotations

from ruleset.expressions import AGGREGATE_FUNCTIONS as _AGGREGATES
from ruleset.expressions import compare_chain as chain  # noqa: F401 (the templates bind it)
from ruleset.expressions import (EvaluationError, _interval_compare, _missing, arithmetic, contained,  # noqa: F401
                                 if_unknown, negative, not_contained, read_path)
from ruleset.expressions import refusing_intervals as _refusing_intervals
# The generator leaves out, or writes plainly, every append to a trace it can decide when it writes
# the code (`generate.Writer.site`); these are for the others.
from ruleset.expressions import append_new, extend_new  # noqa: F401 (the templates bind them)
from ruleset.values import Asserted, Interval, Node, NodeList, Unknown, merge_unknowns  # noqa: F401 (the templates bind it)
from ruleset.compiler import MEETING_READS, MEMO, READS  # noqa: F401 (the templates import them from here)


compare_interval = _interval_compare


# The types of an argument that is, or may hold, a number known only as bounds: the compiled code
# calls a function not made for them through `refusing_intervals` only when an argument is one of
# them and is one, or holds one; an argument of any other type goes straight to the function.
SPECIAL = frozenset({Interval, list, NodeList})


def refusing_intervals(function, *values):
    """The interpreter's `refusing_intervals`, which decides whenever an argument is or holds a
    number known as bounds; the search for one in a list is done here at C speed (the types of
    its items compared with that class, as `type(v) is Interval` does)."""
    for value in values:
        kind = type(value)
        if kind is Interval or ((kind is list or kind is NodeList) and Interval in map(type, value)):
            return _refusing_intervals(function, *values)
    return function(*values)


# The aggregates over a list of truth values, the commonest case (`tous(p.ecrit for p in …)`),
# decided at C speed; any other value (an unknown among them, another type, an Unknown for the
# list) goes to the interpreter's own function, which gives the same answer for truth values.
_TRUTH_VALUES = frozenset({bool})


def _tous(values):
    if type(values) is list and _TRUTH_VALUES.issuperset(map(type, values)):
        return all(values)
    return _AGGREGATES["tous"](values)


def _au_moins_un(values):
    if type(values) is list and _TRUTH_VALUES.issuperset(map(type, values)):
        return any(values)
    return _AGGREGATES["au_moins_un"](values)


def _aucun(values):
    if type(values) is list and _TRUTH_VALUES.issuperset(map(type, values)):
        return not any(values)
    return _AGGREGATES["aucun"](values)


def _liste(values):
    if type(values) is list:
        return values
    return _AGGREGATES["liste"](values)


AGGREGATES = {**_AGGREGATES, "tous": _tous, "au_moins_un": _au_moins_un, "aucun": _aucun, "liste": _liste}


def fail(*_):
    raise EvaluationError("compiled code met a value the interpreter refuses")


# The classes and built-ins that the templates name; bound like every other constant.
CLASSES = {"Node": Node, "Unknown": Unknown, "Asserted": Asserted, "Interval": Interval, "NodeList": NodeList, "list": list,
           "type": type, "isinstance": isinstance, "map": map}


class _Error:
    """The value of a hoisted path that the interpreter would refuse to read: the code that uses it fails."""

    __slots__ = ()

    def __repr__(self):
        return "ERROR"

    def __reduce__(self):
        # Compiled code cached with the engine compares values with this very object.
        return "ERROR"


ERROR = _Error()


class _Absent:
    """The value of a field of a list's item that is missing, where only `connu` or `defaut`
    reads it: they take it as missing, and its missing fact is not made."""

    __slots__ = ()

    def __repr__(self):
        return "ABSENT"

    def __reduce__(self):
        return "ABSENT"


ABSENT = _Absent()


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


_MISSING_CHILDREN: dict = {}


def missing_children(node, keys: tuple) -> dict:
    """{key: `missing_child(node, key)`} for the keys a reader reads of one node: made once per
    path of a node and keys, so that each key missing in a record costs a look-up in it."""
    found = _MISSING_CHILDREN.get((node.path, keys))
    if found is None:
        found = {key: missing_child(node, key) for key in keys}
        if len(_MISSING_CHILDREN) < 4096:
            _MISSING_CHILDREN[(node.path, keys)] = found
    return found


# What the code of a rule on each deliberation keeps of what it computes from the meeting alone
# (`generate.Memo`): the record's dict, read and written through these, and the facts read then,
# added to a rule's trace.
memo_get = dict.get
memo_set = dict.__setitem__
extend = list.extend


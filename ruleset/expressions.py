"""The expression language of the rules: parsed once, whitelisted, compiled into closures.

Python's own parser reads the text (`ast.parse(mode="eval")`), so the syntax is Python's
expression syntax; then only the node kinds listed here are accepted and turned into closures
that the engine calls on each record. Nothing is ever passed to `eval` or `exec`, no attribute of
a Python object is reachable (attribute access reads record fields only), and only the helpers of
`ruleset.functions` can be called.

Logic is three-valued (Kleene): `faux et inconnu` is false, `vrai ou inconnu` is true, and
everything else that touches an unknown fact is unknown. A number known only as bounds is an
`Interval`: comparisons on it are decided only when they hold, or fail, over the whole interval,
and arithmetic on it is bounded soundly (`ruleset.intervals` states the semantics).
"""
from __future__ import annotations

import ast
import datetime as dt
import operator
from functools import lru_cache
from typing import Callable

from ruleset import intervals
from ruleset.functions import HELPERS
from ruleset.values import Asserted, Interval, Node, NodeList, Unknown, merge_unknowns

Compiled = Callable[[dict], object]

CONSTANTS = {"vrai": True, "faux": False, "True": True, "False": False}
AGGREGATES = ("tous", "au_moins_un", "aucun", "nombre", "somme", "liste")
TRACE_KEY = "__trace__"

_BINARY = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
}


def contained(a, b) -> bool:
    return a in b


def not_contained(a, b) -> bool:
    return a not in b


_COMPARE = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.In: contained, ast.NotIn: not_contained,
}
_COMPARE_SYMBOLS = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.In: "in", ast.NotIn: "not in",
}
_SYMBOLS = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
}



def compare_chain(ops: tuple, symbols: tuple, values: list):
    """`values[0] ops[0] values[1] ops[1] …` in three-valued logic: False as soon as one link is
    known false, Unknown (merged) when a link is not known, True otherwise. The interpreter and
    compiled rules both call it."""
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
            try:
                if not op(left, right):
                    result = False
            except TypeError:
                raise EvaluationError(f"comparaison impossible entre {left!r} et {right!r}")
        left = right
    if not result:
        return False
    return True if unknown is None else unknown

class ExpressionError(Exception):
    """An expression outside the language; `column` is 1-based when known."""

    def __init__(self, message: str, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.column = column


class EvaluationError(Exception):
    """A rule computed something impossible (a date plus a text, a month-end ambiguity)."""


def compile_expression(text: str, names: frozenset | set) -> Compiled:
    """Compile `text`; `names` are the names it may read besides constants and helpers."""
    if not isinstance(text, str):
        if isinstance(text, bool) or isinstance(text, (int, float)):
            value = text
            return lambda env: value
        raise ExpressionError("une expression doit être un texte, un nombre ou un booléen")
    if len(text) > 5000:
        raise ExpressionError("expression trop longue (5 000 caractères au plus)")
    try:
        tree = _parse(text)
    except SyntaxError as exc:
        raise ExpressionError(f"syntaxe invalide : {exc.msg}", exc.offset)
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError("expression illisible")
    try:
        return _Compiler(frozenset(names)).compile(tree.body, frozenset())
    except RecursionError:
        raise ExpressionError("expression trop imbriquée")


def referenced_names(text: str) -> set[str]:
    """The free names an expression reads (used to order `valeurs` and check messages)."""
    return set(_referenced_names(str(text)))


@lru_cache(maxsize=4096)
def _parse(text: str) -> ast.Expression:
    # Versions repeat the same expressions, and the loader and the engine both read each one
    # (to compile it, to find the names it reads): parsed once. Nothing changes a tree once parsed.
    return ast.parse(text.strip(), mode="eval")


@lru_cache(maxsize=4096)
def _referenced_names(text: str) -> frozenset:
    # The loader and the engine both ask, and versions repeat the same expressions.
    names, bound, called = set(), set(), set()
    for node in ast.walk(_parse(text)):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                called.add(node.func.id)
        elif isinstance(node, ast.comprehension):
            bound.update(n.id for n in ast.walk(node.target) if isinstance(n, ast.Name))
    return frozenset(names - bound - called)


def _col(node) -> int | None:
    offset = getattr(node, "col_offset", None)
    return offset + 1 if offset is not None else None


class _Compiler:
    def __init__(self, names: frozenset):
        self.names = names

    def compile(self, node, scope: frozenset) -> Compiled:
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise ExpressionError(
                f"construction non admise dans une règle : {type(node).__name__} ; admis : "
                "nombres, textes, noms, accès par point, and/or/not, comparaisons, + - * / // %, "
                "« a if condition else b », listes [..], appels des fonctions de la règle "
                "et « f(x for x in liste if condition) »", _col(node))
        return method(node, scope)

    def _Constant(self, node, scope):
        value = node.value
        if value is None or not isinstance(value, (bool, int, float, str)):
            raise ExpressionError(f"constante non admise : {value!r}", _col(node))
        return lambda env: value

    def _Name(self, node, scope):
        name = node.id
        if name in scope or name in self.names:
            def read(env):
                return env[name]
            return read
        if name in CONSTANTS:
            value = CONSTANTS[name]
            return lambda env: value
        allowed = sorted(self.names | scope | {"vrai", "faux"})
        raise ExpressionError(f"nom inconnu « {name} » ; noms admis ici : {', '.join(allowed)}", _col(node))

    def _Attribute(self, node, scope):
        # A dotted path (seance.convocation.date) is compiled as one closure that walks it.
        keys = []
        while isinstance(node, ast.Attribute):
            if node.attr.startswith("_"):
                raise ExpressionError(f"champ non admis : « {node.attr} »", _col(node))
            keys.append(node.attr)
            node = node.value
        keys.reverse()
        keys = tuple(keys)
        base = self.compile(node, scope)
        # Most paths start at a name of the record (seance.date): read it from the environment
        # directly rather than through the closure of the name.
        root = node.id if isinstance(node, ast.Name) and (node.id in scope or node.id in self.names) else None

        def read(env):
            return read_path(env[root] if root is not None else base(env), keys, env.get(TRACE_KEY))
        return read

    def _BoolOp(self, node, scope):
        parts = [self.compile(v, scope) for v in node.values]
        if isinstance(node.op, ast.And):
            def conj(env):
                unknown = None
                for part in parts:
                    value = part(env)
                    if value is True:
                        continue
                    if value is False:
                        return False
                    if type(value) is Unknown:
                        unknown = value if unknown is None else unknown.merge(value)
                    else:
                        _truth(value)
                return True if unknown is None else unknown
            return conj

        def disj(env):
            unknown = None
            for part in parts:
                value = part(env)
                if value is False:
                    continue
                if value is True:
                    return True
                if type(value) is Unknown:
                    unknown = value if unknown is None else unknown.merge(value)
                else:
                    _truth(value)
            return False if unknown is None else unknown
        return disj

    def _UnaryOp(self, node, scope):
        operand = self.compile(node.operand, scope)
        if isinstance(node.op, ast.Not):
            def negate(env):
                value = operand(env)
                return value if type(value) is Unknown else not _truth(value)
            return negate
        if isinstance(node.op, ast.USub):
            def minus(env):
                value = operand(env)
                return value if type(value) is Unknown else negative(value)
            return minus
        raise ExpressionError("opérateur unaire non admis", _col(node))

    def _BinOp(self, node, scope):
        op = _BINARY.get(type(node.op))
        if op is None:
            raise ExpressionError("opérateur non admis ; admis : + - * / // %", _col(node))
        left = self.compile(node.left, scope)
        right = self.compile(node.right, scope)
        symbol = _SYMBOLS[type(node.op)]

        def binary(env):
            a = left(env)
            b = right(env)
            if type(a) is Unknown:
                return a.merge(b) if type(b) is Unknown else a
            if type(b) is Unknown:
                return b
            return arithmetic(op, symbol, a, b)
        return binary

    def _Compare(self, node, scope):
        first = self.compile(node.left, scope)
        ops = []
        for op_node, comparator in zip(node.ops, node.comparators):
            op = _COMPARE.get(type(op_node))
            if op is None:
                raise ExpressionError("comparaison non admise ; admis : == != < <= > >= in not in", _col(node))
            ops.append((op, self.compile(comparator, scope), _COMPARE_SYMBOLS[type(op_node)]))
        if len(ops) == 1:
            op, second, symbol = ops[0]

            def compare_one(env):
                left = first(env)
                right = second(env)
                if type(left) is Unknown:
                    return left.merge(right) if type(right) is Unknown else left
                if type(right) is Unknown:
                    return right
                if type(left) is Interval or type(right) is Interval:
                    return _interval_compare(symbol, left, right)
                try:
                    return True if op(left, right) else False
                except TypeError:
                    raise EvaluationError(f"comparaison impossible entre {left!r} et {right!r}")
            return compare_one

        functions = (first,) + tuple(fn for _, fn, _ in ops)
        operators = tuple(op for op, _, _ in ops)
        symbols = tuple(symbol for _, _, symbol in ops)

        def compare(env):
            return compare_chain(operators, symbols, [fn(env) for fn in functions])
        return compare

    def _IfExp(self, node, scope):
        test = self.compile(node.test, scope)
        then = self.compile(node.body, scope)
        other = self.compile(node.orelse, scope)

        def choose(env):
            condition = test(env)
            if type(condition) is Unknown:
                return if_unknown(condition, then(env), other(env))
            return then(env) if _truth(condition) else other(env)
        return choose

    def _List(self, node, scope):
        items = [self.compile(e, scope) for e in node.elts]
        return lambda env: [item(env) for item in items]

    _Tuple = _List

    def _Call(self, node, scope):
        if not isinstance(node.func, ast.Name):
            raise ExpressionError("seules les fonctions de la règle peuvent être appelées", _col(node))
        if node.keywords:
            raise ExpressionError("les arguments nommés ne sont pas admis ; passer les arguments dans l'ordre", _col(node))
        name = node.func.id
        if name in AGGREGATES:
            return self._aggregate(name, node, scope)
        entry = HELPERS.get(name)
        if entry is None:
            known = ", ".join(sorted(set(HELPERS) | set(AGGREGATES)))
            raise ExpressionError(f"fonction inconnue « {name} » ; fonctions admises : {known}", _col(node))
        if not entry.min_args <= len(node.args) <= entry.max_args:
            expected = (str(entry.min_args) if entry.min_args == entry.max_args
                        else f"{entry.min_args} à {entry.max_args}")
            raise ExpressionError(f"{name} attend {expected} argument(s), reçu {len(node.args)}", _col(node))
        args = [self._argument(a, scope) for a in node.args]
        if name == "date" and isinstance(node.args[0], ast.Constant):
            try:
                constant = dt.date.fromisoformat(node.args[0].value)
            except (TypeError, ValueError):
                raise ExpressionError(f"date invalide : {node.args[0].value!r} (attendu AAAA-MM-JJ)", _col(node))
            return lambda env: constant
        lenient = entry.lenient
        function = entry.function if entry.intervals else _refusing_intervals(entry.function)
        # Calls of one and two arguments are most of a rule's calls: they are written out below,
        # each with the same translation of errors, so that a call costs one closure, not two.

        def run(values):
            try:
                return function(*values)
            except EvaluationError:
                raise
            except (TypeError, ValueError, ArithmeticError) as exc:
                raise EvaluationError(f"{name} : {exc}")

        if lenient and len(args) == 2:
            first, second = args

            def call_lenient_two(env):
                try:
                    return function(first(env), second(env))
                except EvaluationError:
                    raise
                except (TypeError, ValueError, ArithmeticError) as exc:
                    raise EvaluationError(f"{name} : {exc}")
            return call_lenient_two
        if lenient:
            return lambda env: run([a(env) for a in args])
        if len(args) == 1:
            only = args[0]

            def call_one(env):
                value = only(env)
                if type(value) is Unknown:
                    return value
                try:
                    return function(value)
                except EvaluationError:
                    raise
                except (TypeError, ValueError, ArithmeticError) as exc:
                    raise EvaluationError(f"{name} : {exc}")
            return call_one
        if len(args) == 2:
            first, second = args

            def call_two(env):
                a = first(env)
                b = second(env)
                if type(a) is Unknown:
                    return a.merge(b) if type(b) is Unknown else a
                if type(b) is Unknown:
                    return b
                try:
                    return function(a, b)
                except EvaluationError:
                    raise
                except (TypeError, ValueError, ArithmeticError) as exc:
                    raise EvaluationError(f"{name} : {exc}")
            return call_two

        def call(env):
            values = [a(env) for a in args]
            unknown = merge_unknowns(values)
            if unknown is not None:
                return unknown
            return run(values)
        return call

    def _argument(self, node, scope):
        if isinstance(node, ast.GeneratorExp):
            return self._generator(node, scope)
        return self.compile(node, scope)

    def _generator(self, node, scope) -> Compiled:
        """`elt for x in items if cond…` → a list, or Unknown if the items or a condition are."""
        if len(node.generators) != 1:
            raise ExpressionError("une seule clause « for » par expression", _col(node))
        gen = node.generators[0]
        if gen.is_async or not isinstance(gen.target, ast.Name):
            raise ExpressionError("« for » doit nommer une seule variable", _col(node))
        var = gen.target.id
        if var in self.names or var in CONSTANTS or var in HELPERS:
            raise ExpressionError(f"la variable « {var} » masque un nom existant", _col(node))
        items = self.compile(gen.iter, scope)
        inner = scope | {var}
        conditions = [self.compile(c, inner) for c in gen.ifs]
        element = self.compile(node.elt, inner)

        def generate(env):
            collection = items(env)
            if type(collection) is Unknown:
                return collection
            if not isinstance(collection, (list, NodeList)):
                raise EvaluationError(f"« for » sur une valeur qui n'est pas une liste ({collection!r})")
            local = dict(env)
            out = []
            unknown = None
            for item in collection:
                local[var] = item
                keep = True
                for condition in conditions:
                    verdict = condition(local)
                    if type(verdict) is Unknown:
                        unknown = verdict if unknown is None else unknown.merge(verdict)
                        keep = False
                        break
                    if not _truth(verdict):
                        keep = False
                        break
                if keep:
                    out.append(element(local))
            return out if unknown is None else unknown
        return generate

    def _aggregate(self, name, node, scope):
        if len(node.args) != 1:
            raise ExpressionError(f"{name} attend un seul argument (une liste ou « x for x in … »)", _col(node))
        source = self._argument(node.args[0], scope)

        function = AGGREGATE_FUNCTIONS[name]

        def aggregate(env):
            return function(source(env))
        return aggregate


def read_path(obj, keys: tuple, trace):
    """The value at the dotted path `keys` under `obj` (a node of the record), appended to `trace`
    (when there is one, and unless it holds that fact already) with the node that holds it; a
    missing fact, or one the document only asserts, is Unknown. Compiled rules read paths through
    this function too."""
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
            raise EvaluationError(f"« .{key} » lu sur une valeur qui n'est pas un objet du dossier ({obj!r})")
    if parent is not None and type(obj) is not Node and trace is not None:
        # A rule's trace holds the facts it read, each once, in the order first read: a fact
        # read again (the same key of the same node) is not added again.
        key = keys[-1]
        for entry in trace:
            if entry[0] is parent and entry[1] == key:
                return obj
        trace.append((parent, key, obj))
    return obj



# The trace rule of `read_path` for the compiled code's appends the generator cannot decide when
# it writes the code: a rule's trace holds each fact once, in the order first read. `read_path`
# keeps its own loop inline, as every compiled path read goes through it.

def append_new(trace: list, entry: tuple) -> None:
    """`entry` appended to `trace` unless the trace holds that fact (its node and key) already."""
    node, key = entry[0], entry[1]
    for other in trace:
        if other[0] is node and other[1] == key:
            return
    trace.append(entry)


def extend_new(trace: list, entries: list) -> None:
    """The entries (each fact once) that `trace` does not hold yet, appended in their order."""
    held = {(id(entry[0]), entry[1]) for entry in trace}
    for entry in entries:
        if (id(entry[0]), entry[1]) not in held:
            trace.append(entry)

def if_unknown(condition: Unknown, a, b):
    """« a if condition else b » when the condition is unknown: the value both sides agree on, else unknown."""
    if type(a) is not Unknown and type(b) is not Unknown and a == b and type(a) is type(b):
        return a
    return merge_unknowns((condition, a, b))


def _aggregated(name: str, values):
    if type(values) is not Unknown and not isinstance(values, list):
        raise EvaluationError(f"{name} attend une liste, reçu {values!r}")
    return values


def _liste(values):
    return _aggregated("liste", values)


def _nombre(values):
    values = _aggregated("nombre", values)
    return values if type(values) is Unknown else len(values)


def _somme(values):
    values = _aggregated("somme", values)
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


def _tous(values):
    values = _aggregated("tous", values)
    if type(values) is Unknown:
        return values
    unknown = merge_unknowns(values)
    known = [_truth(v) for v in values if type(v) is not Unknown]
    return False if not all(known) else (True if unknown is None else unknown)


def _au_moins_un(values):
    values = _aggregated("au_moins_un", values)
    if type(values) is Unknown:
        return values
    unknown = merge_unknowns(values)
    known = [_truth(v) for v in values if type(v) is not Unknown]
    return True if any(known) else (False if unknown is None else unknown)


def _aucun(values):
    values = _aggregated("aucun", values)
    if type(values) is Unknown:
        return values
    unknown = merge_unknowns(values)
    known = [_truth(v) for v in values if type(v) is not Unknown]
    return False if any(known) else (True if unknown is None else unknown)


# What each aggregate makes of its list (or of the Unknown that stands for it); compiled rules
# call these same functions.
AGGREGATE_FUNCTIONS = {"tous": _tous, "au_moins_un": _au_moins_un, "aucun": _aucun, "nombre": _nombre,
                       "somme": _somme, "liste": _liste}


_MISSING: dict = {}


def _missing(path: str) -> Unknown:
    """The Unknown of a fact absent from the record; Unknowns are never changed, so one per path
    serves every record (bounded, since a batch keeps meeting the same paths)."""
    unknown = _MISSING.get(path)
    if unknown is None:
        unknown = Unknown.of(path)
        if len(_MISSING) < 50_000:
            _MISSING[path] = unknown
    return unknown


def _refusing_intervals(function):
    def guarded(*values):
        return refusing_intervals(function, *values)
    return guarded


def refusing_intervals(function, *values):
    """`function(*values)` for a function not made for numbers known as bounds: it is not run on
    one (nor on a list that holds one), the call is unknown. Compiled rules call this too."""
    for value in values:
        kind = type(value)
        if kind is Interval or ((kind is list or kind is NodeList) and any(type(v) is Interval for v in value)):
            return merge_unknowns((Unknown(intervals.whys_in(values)), *values))
    return function(*values)


def _interval_compare(symbol: str, left, right):
    try:
        if symbol == "in":
            return intervals.contains(left, right) if type(left) is Interval else _interval_in(left, right)
        if symbol == "not in":
            verdict = intervals.contains(left, right) if type(left) is Interval else _interval_in(left, right)
            return verdict if type(verdict) is Unknown else not verdict
        return intervals.compare(symbol, left, right)
    except TypeError as exc:
        raise EvaluationError(str(exc))


def _interval_in(item, collection):
    raise TypeError(f"« in » attend une liste à droite, reçu un intervalle ({collection.label()})")


def arithmetic(op, symbol: str, a, b):
    """`a symbol b` for two known operands (numbers, numbers known as bounds, dates). Compiled rules
    call this too, when the operands are not two integers."""
    if type(a) is Interval or type(b) is Interval:
        return _interval_arith(symbol, a, b)
    return _arith(op, a, b, symbol=symbol)


def negative(value):
    """`-value` for a known operand; compiled rules call this too."""
    if type(value) is Interval:
        return intervals.arithmetic("neg", value)
    return _arith(operator.neg, value)


def _interval_arith(symbol: str, a, b):
    try:
        return intervals.arithmetic(symbol, a, b)
    except TypeError as exc:
        raise EvaluationError(str(exc))
    except ArithmeticError as exc:
        raise EvaluationError(f"calcul {symbol} impossible : {exc}")


def _truth(value) -> bool:
    if isinstance(value, bool):
        return value
    raise EvaluationError(f"une condition doit valoir vrai ou faux, reçu {value!r}")


def _arith(op, *values, symbol: str = ""):
    for value in values:
        if isinstance(value, bool) or not isinstance(value, (int, float, dt.date)):
            raise EvaluationError(f"calcul {symbol} impossible sur {value!r}")
    try:
        result = op(*values)
    except (TypeError, ArithmeticError) as exc:
        raise EvaluationError(f"calcul {symbol} impossible : {exc}")
    if isinstance(result, dt.timedelta):
        return result.days
    return result

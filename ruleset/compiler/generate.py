"""Python source from a rule's validated expressions, written from fixed templates.

The generator walks only the node kinds that `ruleset.expressions` accepts (it refuses anything
else, and is only ever given expressions the interpreter has already compiled). Nothing of the
rule is pasted into the source: every number, text, date, field name, helper and class is bound to
a generated name (`k0`, `k1`…) whose value lives in the function's globals, and every identifier
of the code is generated too (`t0`… for intermediate values, `x0`… for the variable of a « for »).
The source is then checked against a closed grammar (`ruleset.compiler.grammar`) before it is
compiled.

Each template reproduces the interpreter's semantics, three-valued logic and the order in which
facts are read included; where the interpreter raises, the code raises (`k_fail`), and the engine
then re-runs the interpreter for the rule.
"""
from __future__ import annotations

import ast
import datetime as dt
import operator
import re

from ruleset.compiler import runtime
from ruleset.compiler import DELIBERATION, MEETING, Reads
from ruleset.compiler.runtime import MEETING_READS, MEMO, READS
from ruleset.expressions import AGGREGATES, CONSTANTS, ExpressionError
from ruleset.functions import HELPERS, facts

_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%"}
_BINARY_FUNCTIONS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
                     ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod}
_COMPARE = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
            ast.In: "in", ast.NotIn: "not in"}
_COMPARE_FUNCTIONS = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
                      ast.Gt: operator.gt, ast.GtE: operator.ge,
                      ast.In: runtime.contained, ast.NotIn: runtime.not_contained}


class GenerationError(Exception):
    """An expression the generator does not handle: the rule then runs on the interpreter."""


class Constants:
    """The values bound to generated names, shared by the functions of one generated module."""

    def __init__(self):
        self.values: list = []
        self._index: dict = {}

    def name(self, value) -> str:
        try:
            # A float by its repr: 0.0 and -0.0 are equal, and would otherwise share a name.
            key = (type(value), repr(value) if type(value) is float else value)
            found = self._index.get(key)
        except TypeError:
            key, found = None, None
        if found is not None:
            return found
        name = f"k{len(self.values)}"
        self.values.append(value)
        if key is not None:
            self._index[key] = name
        return name

    def named(self) -> dict:
        return {f"k{i}": value for i, value in enumerate(self.values)}


# `connu` and `defaut` (`ruleset.functions.facts`), which the templates write out: the module's
# own functions, not whatever HELPERS holds when this module is first imported (a caller that
# watches the lenient calls replaces them there, and may be the first to generate code).
_INLINED = {"connu": facts._connu, "defaut": facts._defaut}

# Helpers cheaper than looking a value up in the memo: what calls only these is computed again.
_CHEAP = frozenset({"connu", "date", "defaut", "deux_tiers", "droit_incertain", "droit_non_encode", "longueur",
                    "majorite_absolue", "max", "min", "plafond", "plancher", "plus_tard", "quart", "tiers"})
_MEETING_ROOTS = frozenset({"collectivite", "seance", "convocation", "deliberations"})


class Memo:
    """What an act's code computes from the meeting alone, kept for the record's other acts.

    In the code of a rule on each deliberation, an expression that reads only the meeting's roots
    (`seance`, `convocation`…), constants, and values themselves computed from these alone, has
    the same value and reads the same facts for every act of the record: the largest such
    expressions that call a function of the rules or run a « for » are computed for the first
    act and kept, with the facts they read, in a dict of the record (`MEMO` of the environment)
    under a key that says the whole computation — the expression as parsed, and for each value
    it names the same of that value's own expression — so that the versions of every rule share
    what they compute alike."""

    def __init__(self, writer):
        self.writer = writer
        self.values: dict = {}
        self.defined: set = set()
        self.inside = False
        self._identifier = None

    def identifier(self) -> str:
        if self._identifier is None:
            self._identifier = self.writer.temp("p")
            self.writer.prologue.append(f"    {self._identifier} = env[{self.writer.k(MEMO)}]")
        return self._identifier

    def key_of(self, node, names: dict) -> str | None:
        """The key of `node` when it is computed from the meeting alone, else None."""
        keys = []
        for name in sorted(_free_names(node)):
            if name in self.values:
                keys.append(f"{name}={self.values[name]}")
            elif name in self.defined:
                return None
            elif name in names and name in _MEETING_ROOTS:
                continue
            elif name in names or name not in CONSTANTS:
                return None
        return ast.dump(node) + "".join(f"|{k}" for k in keys)

    @staticmethod
    def costly(node) -> bool:
        for child in ast.walk(node):
            if isinstance(child, ast.GeneratorExp):
                return True
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and child.func.id not in _CHEAP:
                return True
        return False


_NOTHING = object()


def _first_read(node, roots):
    """The path of the record (an `ast.Attribute` from a name of `roots`) that `node` reads first,
    on every way it is computed, before it reads anything else into the trace; `_NOTHING` when it
    reads nothing into it; None when that cannot be said."""
    if isinstance(node, (ast.Constant, ast.Name)):
        return _NOTHING
    if isinstance(node, ast.Attribute):
        base = node
        while isinstance(base, ast.Attribute):
            base = base.value
        return node if isinstance(base, ast.Name) and base.id in roots else None
    if isinstance(node, ast.GeneratorExp):
        found = _first_read(node.generators[0].iter, roots) if len(node.generators) == 1 else None
        return None if found is _NOTHING else found
    if isinstance(node, ast.Call):
        parts = list(node.args)
    elif isinstance(node, ast.BinOp):
        parts = [node.left, node.right]
    elif isinstance(node, ast.Compare):
        parts = [node.left, *node.comparators]
    elif isinstance(node, (ast.List, ast.Tuple)):
        parts = list(node.elts)
    elif isinstance(node, ast.UnaryOp):
        parts = [node.operand]
    elif isinstance(node, ast.BoolOp):
        parts = node.values[:1]
    elif isinstance(node, ast.IfExp):
        parts = [node.test]
    else:
        return None
    for part in parts:
        found = _first_read(part, roots)
        if found is not _NOTHING:
            return found
    # What comes after the parts (an operand of « and », a branch) may read.
    return _NOTHING if not isinstance(node, (ast.BoolOp, ast.IfExp)) else None


def _free_names(node) -> set:
    """The names `node` reads that it does not bind itself (a « for »'s variable), functions aside."""
    found: set = set()

    def walk(node, bound):
        if isinstance(node, ast.GeneratorExp):
            inner = set(bound)
            for generator in node.generators:
                walk(generator.iter, inner)
                if isinstance(generator.target, ast.Name):
                    inner.add(generator.target.id)
                for condition in generator.ifs:
                    walk(condition, inner)
            walk(node.elt, inner)
        elif isinstance(node, ast.Call):
            for argument in node.args:
                walk(argument, bound)
            for keyword in node.keywords:
                walk(keyword.value, bound)
            if not isinstance(node.func, ast.Name):
                walk(node.func, bound)
        elif isinstance(node, ast.Name):
            if node.id not in bound:
                found.add(node.id)
        else:
            for child in ast.iter_child_nodes(node):
                walk(child, bound)
    walk(node, frozenset())
    return found


_NAME = re.compile(r"\bn\d+\b")
# Operands of `and`/`or` written as nested tests (past that, a one-pass loop: Python bounds the
# depth of indentation).
_NESTED_OPERANDS = 8
# The size (in syntax nodes) up to which the two branches of « a if c else b » are written twice
# rather than guarded by flags (nested ones are written twice again: the size bounds the code).
_WRITTEN_TWICE = 24


class Writer:
    """Lines of one function body, indented, with fresh identifiers."""

    def __init__(self, constants: Constants):
        self.constants = constants
        self.lines: list[str] = []
        self.depth = 1
        self.count = 0
        self.k = constants.name
        self.UNK = constants.name(runtime.CLASSES["Unknown"])
        self.TYPE = constants.name(runtime.CLASSES["type"])
        self.FAIL = constants.name(runtime.fail)
        # Identifiers holding the record's roots (with their names), and the paths read from them
        # ahead of the code. With `reads` (a `Reads`: the positions of the paths that the reader
        # functions read once per subject, shared by every version), a path is taken from the list
        # its reader made: paths under `deliberation` from the subject's, the others from the
        # meeting's, read once per record whatever the scope; `used` holds what this code takes.
        self.roots: dict = {}
        self.prologue: list[str] = []
        self.hoisted: dict = {}
        self.hoisted_values: set = set()
        self.reads: Reads | None = None
        self.used: set = set()
        self._lists: dict = {}
        # Set (a `Memo`) for the code of a rule on each deliberation, run once per act.
        self.memo: Memo | None = None
        # Identifiers that hold a truth value or an Unknown, never a number known as bounds nor a
        # list: a comparison's, a negation's, an « and »/« or »'s, `connu`'s.
        self.truth_values: set = set()
        # Where the code is, to decide as it is written whether a fact read is already in the
        # trace (`site`): the blocks open (each by a number of its own), those that a « for »
        # runs again, and what the code read so far into the trace it writes to (`tr`; what a
        # value kept for the record computes is read into a trace of its own, see `Memo`).
        self.stack: list = [0]
        self._blocks = 0
        self.loops: set = set()
        self.context = _Context(0)
        self.forgetting: set = set()
        self._forgets: list = []

    def site(self, ident, key: str, item_of=None, every=None) -> str:
        """How the code that reads a fact here adds it to the trace, which holds each fact once,
        in the order first read: « skip » when a read already made, on every way to here and in
        this same trace, added it (or found nothing to add); « plain » when no read before could
        have added it (nothing before read that key of a node that may be this one, and the code
        does not run again in a loop); « nulled » for a path read ahead whose every read before
        added it and forgot its entry (`Writer.hoist`); else « new », a look at the trace first
        (`runtime.append_new`). `ident` names the fact (a path read ahead, or the variable of a
        « for » and its key), `item_of` the list that « for » walks (a path read ahead: distinct
        nodes), `every` what names that key of every item of that list, once a loop read it."""
        context, stack = self.context, self.stack
        for earlier_ident, _, earlier_stack, _ in context.sites:
            if (earlier_ident == ident or (every is not None and earlier_ident == every)) \
                    and earlier_stack is not None and stack[:len(earlier_stack)] == earlier_stack:
                return "skip"
        # A path read from a root ends at a node reached by keys alone, never an item of a list
        # read from a root: those two kinds of reads cannot read the same fact.
        space = _ROOT if item_of is None else _LISTED if item_of in self.hoisted_values else _ANY
        earlier = [s for s in context.sites if s[1] == key and _may_meet(s[3], space)]
        loops = [block for block in stack[context.start:] if block in self.loops]
        context.sites.append((ident, key, list(stack), space))
        if item_of is None:
            if self.memo is not None and self.memo.inside:
                return "plain" if not earlier and not loops else "new"
            if earlier or loops:
                # The reads of this path forget its entry once added (see `forget`).
                self.forgetting.add(ident)
            if all(s[0] == ident and s[2] is not None for s in earlier):
                return "nulled"
            return "new"
        if not earlier and len(loops) == 1 and space == _LISTED:
            return "plain"
        return "new"

    def forget(self, ident, entry: str) -> None:
        """`entry = None` once the path `ident` is added: written only if a read of it after may
        run where it was added (`site`), else left out of the code (see `body`)."""
        self._forgets.append((len(self.lines), ident))
        self.line(f"{entry} = None")

    def read_anywhere(self, key: str) -> None:
        """A read whose fact `read_path` adds to the trace itself (it looks first): later reads of
        the same key cannot be sure it is not there."""
        self.context.sites.append((None, key, None, _ANY))

    def hoist(self, root: str, keys: tuple) -> tuple[str, str]:
        found = self.hoisted.get((root, keys))
        if found is None:
            found = self.hoisted[(root, keys)] = (self.temp("p"), self.temp("p"))
            self.hoisted_values.add(found[0])
            if self.reads is None:
                self.prologue.append(
                    f"    {found[0]}, {found[1]} = {self.k(runtime.read_entry)}({root}, {self.k(keys)})")
            else:
                name = self.roots[root]
                kind = DELIBERATION if name == "deliberation" else MEETING
                listed = self._lists.get(kind)
                if listed is None:
                    listed = self._lists[kind] = "rd" if kind == DELIBERATION else self.temp("p")
                    self.prologue.append(f"    {listed} = env[{self.k(READS if kind == DELIBERATION else MEETING_READS)}]")
                position = self.reads.position(kind, name, keys)
                self.used.add((kind, position))
                self.prologue.append(f"    {found[0]} = {listed}[{self.k(2 * position)}]")
                self.prologue.append(f"    {found[1]} = {listed}[{self.k(2 * position + 1)}]")
        return found

    def entry_of(self, root: str, keys: tuple) -> str:
        """The trace entry of a path read ahead as its reader gave it (the code forgets it once
        added to the rule's trace), for the trace of a value kept for the record."""
        self.hoist(root, keys)
        if self.reads is None:
            both = self.temp("p")
            self.line(f"{both} = {self.k(runtime.read_entry)}({root}, {self.k(keys)})")
            return f"{both}[{self.k(1)}]"
        name = self.roots[root]
        kind = DELIBERATION if name == "deliberation" else MEETING
        return f"{self._lists[kind]}[{self.k(2 * self.reads.position(kind, name, keys) + 1)}]"

    def body(self, start: int, later: tuple[int, int] | None = None) -> list[str]:
        """The lines, with the paths read ahead placed at `start` (after the roots are loaded);
        with `later` (a line, a count of paths read ahead), those read ahead after the first
        `count` are placed at that line instead."""
        for index, ident in self._forgets:
            if ident not in self.forgetting:
                self.lines[index] = None
        self._forgets = []
        if later is None:
            lines = self.lines[:start] + self.prologue + self.lines[start:]
        else:
            line, count = later
            lines = (self.lines[:start] + self.prologue[:count] + self.lines[start:line] + self.prologue[count:]
                     + self.lines[line:])
        # A root whose paths are all read ahead (from the readers' lists) is not loaded: the code
        # no longer names it.
        lines = [text for text in lines if text is not None]
        named = {name for text in lines[start:] for name in _NAME.findall(text)}
        return [text for text in lines[:start] if _NAME.search(text).group() in named] + lines[start:]

    def temp(self, prefix: str = "t") -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def line(self, text: str) -> None:
        self.lines.append("    " * self.depth + text)

    def block(self, loop: bool = False) -> "_Block":
        return _Block(self, loop)

    def merge_into(self, unknown: str, value: str) -> None:
        """`unknown` = `value` merged into it (None when nothing was unknown yet)."""
        self.line(f"if {unknown} is None:")
        with self.block():
            self.line(f"{unknown} = {value}")
        # The same Unknown met again (a missing fact read for each item of a list: three merges in
        # four) adds nothing: `Unknown.merge` would give it back.
        self.line(f"elif {unknown} is not {value}:")
        with self.block():
            self.line(f"{unknown} = {unknown}.merge({value})")

    def types(self, *identifiers: str) -> dict:
        """The type of each operand that is not a constant, taken once into a generated name
        (the templates test it several times: unknown, bounds, integer)."""
        found = {}
        for identifier in identifiers:
            if not self.is_constant(identifier) and identifier not in found:
                found[identifier] = self.temp()
                self.line(f"{found[identifier]} = {self.TYPE}({identifier})")
        return found

    def unknown_of_two(self, target: str, a: str, b: str, types: dict | None = None) -> str:
        """The interpreter's `a.merge(b) if both unknown else the unknown one`. Returns the keyword
        that continues the chain (`elif`, or `if` when both are constants and no test was written).
        `types` holds the operands' types already taken (`types`)."""
        if types is None:
            types = self.types(a, b)
        operands = [x for x in dict.fromkeys((a, b)) if x in types]
        if not operands:
            return "if"
        self.line(f"if {' or '.join(f'{types[x]} is {self.UNK}' for x in operands)}:")
        with self.block():
            # `runtime.merge_two` written out: the unknown one, or both merged.
            if len(operands) == 1:
                self.line(f"{target} = {operands[0]}")
            else:
                self.line(f"if {types[a]} is not {self.UNK}:")
                with self.block():
                    self.line(f"{target} = {b}")
                self.line(f"elif {types[b]} is not {self.UNK}:")
                with self.block():
                    self.line(f"{target} = {a}")
                self.line("else:")
                with self.block():
                    self.line(f"{target} = {a}.merge({b})")
        return "elif"

    @staticmethod
    def is_constant(identifier: str) -> bool:
        # Literals and bound constants are never unknown (an Unknown is never a rule's constant).
        return identifier in ("True", "False") or identifier.startswith("k")

    def constant_type(self, identifier: str):
        """The type of a literal or bound constant, known when the code is written."""
        if identifier in ("True", "False"):
            return bool
        return type(self.constants.values[int(identifier[1:])])


# What a read reads (`Writer.site`): a path from a root, a key of an item of a list read from a
# root, or anything else (which may be either).
_ROOT, _LISTED, _ANY = "root", "listed", "any"


def _may_meet(a: str, b: str) -> bool:
    return a == b or a == _ANY or b == _ANY


class _Context:
    """The reads written so far into one trace: (what is read, its key, the blocks open where it
    was read, or None when it may not have been added there, what kind of read: `_ROOT`…);
    `start`: the depth of blocks at which that trace begins."""

    __slots__ = ("sites", "start")

    def __init__(self, start: int):
        self.sites: list = []
        self.start = start


class _Block:
    """`with writer.block():` the lines written inside are indented one level more (`loop`: the
    body of a « for », run again for each item)."""

    __slots__ = ("writer", "loop")

    def __init__(self, writer: Writer, loop: bool = False):
        self.writer = writer
        self.loop = loop

    def __enter__(self):
        writer = self.writer
        writer.depth += 1
        writer._blocks += 1
        writer.stack.append(writer._blocks)
        if self.loop:
            writer.loops.add(writer._blocks)

    def __exit__(self, *exc):
        self.writer.depth -= 1
        self.writer.stack.pop()


class ExpressionGenerator:
    """Writes the statements that compute one expression into `writer`, and names its result."""

    def __init__(self, writer: Writer, names: dict):
        # `names`: the names the expression may read, each with the identifier that holds it.
        self.w = writer
        self.names = names
        # The field of a list's item that reads as `runtime.ABSENT` when missing (see `_Call`).
        self._absent_for = None
        # The list that each variable of a « for » walks, and the keys it reads of every item.
        self._items_of: dict = {}
        self._every: dict = {}

    def expression(self, node, scope: dict) -> str:
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise GenerationError(type(node).__name__)
        memo = self.w.memo
        if memo is not None and not scope and not memo.inside:
            key = memo.key_of(node, self.names)
            if key is not None and memo.costly(node):
                return self._memoised(node, key, method)
        return method(node, scope)

    def _memoised(self, node, key: str, method) -> str:
        """`node`, computed once per record and kept with the facts it read (`Memo`): the first
        act computes it, with its own trace, which the next acts add to theirs as they would
        have read them, at the same place."""
        w, memo = self.w, self.w.memo
        # The path it reads first, on every way (`seance.pouvoirs` of `liste(p.mandataire for p in
        # seance.pouvoirs)`), is read by the rule's code just before, and is not in the trace kept:
        # in the rule's trace it comes first all the same, and is not there twice.
        first = _first_read(node, {name for name, identifier in self.names.items() if identifier in w.roots})
        if isinstance(first, ast.Attribute):
            self.expression(first, {})
        kept, saved, result = w.temp(), w.temp("o"), w.temp()
        w.line(f"{kept} = {w.k(runtime.memo_get)}({memo.identifier()}, {w.k(key)})")
        outer = w.context
        w.line(f"if {kept} is None:")
        with w.block():
            w.line(f"{saved} = tr")
            w.line("tr = []")
            memo.inside = True
            # Its own trace, each fact once: what the rule read before does not count, but for
            # the path read first, read just before.
            inner = w.context = _Context(len(w.stack))
            if isinstance(first, ast.Attribute):
                keys = []
                while isinstance(first, ast.Attribute):
                    keys.append(first.attr)
                    first = first.value
                inner.sites.append(((first.id, tuple(reversed(keys))), keys[0], list(w.stack), _ROOT))
            ahead = len(inner.sites)
            try:
                value = method(node, {})
            finally:
                memo.inside = False
                w.context = outer
            # Added to the rule's trace without the facts it holds already, when the rule may
            # have read one of them before.
            read_before = any(a[1] == b[1] and _may_meet(a[3], b[3]) for a in outer.sites for b in inner.sites[ahead:])
            extend = w.k(runtime.extend_new if read_before else runtime.extend)
            w.line(f"{w.k(runtime.memo_set)}({memo.identifier()}, {w.k(key)}, ({value}, tr))")
            w.line(f"{extend}({saved}, tr)")
            w.line(f"tr = {saved}")
            w.line(f"{result} = {value}")
        w.line("else:")
        with w.block():
            w.line(f"{extend}(tr, {kept}[{w.k(1)}])")
            w.line(f"{result} = {kept}[{w.k(0)}]")
        # What it read may be in the rule's trace now.
        outer.sites.extend((ident, key, None, space) for ident, key, _, space in inner.sites[ahead:])
        return result

    def _lookup(self, name: str, scope: dict) -> str | None:
        if name in scope:
            return scope[name]
        return self.names.get(name)

    def _Constant(self, node, scope):
        value = node.value
        if value is None or not isinstance(value, (bool, int, float, str)):
            raise GenerationError("constant")
        if value is True:
            return "True"
        if value is False:
            return "False"
        return self.w.k(value)

    def _Name(self, node, scope):
        found = self._lookup(node.id, scope)
        if found is not None:
            return found
        if node.id in CONSTANTS:
            return "True" if CONSTANTS[node.id] else "False"
        raise GenerationError(f"name {node.id}")

    def _Attribute(self, node, scope):
        w = self.w
        node_of = node
        keys = []
        while isinstance(node, ast.Attribute):
            if node.attr.startswith("_"):
                raise GenerationError("private field")
            keys.append(node.attr)
            node = node.value
        keys.reverse()
        base = self.expression(node, scope)
        keys = tuple(keys)
        if base in w.roots:
            # A path from the record's root: read once, ahead (see `Writer.hoist`); each reading
            # still adds the fact to the trace of the rule, where the interpreter adds it.
            value, entry = w.hoist(base, keys)
            how = w.site((w.roots[base], keys), keys[-1])
            if how == "skip":
                # Read before on every way to here: added then (or nothing to add), and a value
                # that cannot be read has failed there.
                return value
            if w.memo is not None and w.memo.inside:
                # What a value kept for the record reads goes to a trace of its own, whatever the
                # code added to the rule's before: the entry as the reader gave it.
                entry = w.temp("p")
                w.line(f"{entry} = {w.entry_of(base, keys)}")
            w.line(f"if {entry} is not None:")
            with w.block():
                if how == "new":
                    w.line(f"{w.k(runtime.append_new)}(tr, {entry})")
                else:
                    w.line(f"tr.append({entry})")
                if not (w.memo is not None and w.memo.inside):
                    # Added: a later read of the path where it may have been added finds no entry.
                    w.forget((w.roots[base], keys), entry)
            w.line(f"elif {value} is {w.k(runtime.ERROR)}:")
            with w.block():
                w.line(f"{w.FAIL}({value})")
            return value
        target = w.temp()
        slow = f"{target} = {w.k(runtime.read_path)}({base}, {w.k(keys)}, tr)"
        if len(keys) > 1:
            w.read_anywhere(keys[-1])
            w.line(slow)
            return target
        items = self._items_of.get(base, "")
        how = w.site((base, keys[0]), keys[0], items, ("every", items, keys[0]))
        every = self._every.get(base)
        if every is not None and every[0] == len(w.stack):
            every[1].add(keys[0])
        if how == "skip" or how == "new":
            # `read_path` adds what it reads unless the trace holds it.
            w.read_anywhere(keys[0])
        # A field of a node of a list (`p.mandataire` for each proxy), present: `read_path` written
        # out; anything else (missing, asserted, not a node) goes to it.
        key, node_class = w.k(keys[0]), w.k(runtime.CLASSES["Node"])
        w.line(f"if {w.TYPE}({base}) is {node_class}:")
        with w.block():
            w.line(f"if {key} in {base}:")
            with w.block():
                w.line(f"{target} = {base}[{key}]")
                kind = w.types(target)[target]
                w.line(f"if {kind} is {w.k(runtime.CLASSES['Asserted'])}:")
                with w.block():
                    w.line(slow)
                if how == "plain":
                    w.line(f"elif {kind} is not {node_class}:")
                    with w.block():
                        w.line(f"tr.append(({base}, {key}, {target}))")
                elif how == "new":
                    w.line(f"elif {kind} is not {node_class}:")
                    with w.block():
                        w.line(f"{w.k(runtime.append_new)}(tr, ({base}, {key}, {target}))")
            w.line("else:")
            with w.block():
                if node_of is self._absent_for:
                    w.line(f"{target} = {w.k(runtime.ABSENT)}")
                else:
                    w.line(f"{target} = {w.k(runtime.missing_child)}({base}, {key})")
        w.line("else:")
        with w.block():
            w.line(slow)
        return target

    def _BoolOp(self, node, scope):
        w = self.w
        conjunction = isinstance(node.op, ast.And)
        stop, go = ("False", "True") if conjunction else ("True", "False")
        target, unknown = w.temp(), w.temp("u")
        w.truth_values.add(target)
        w.line(f"{target} = {stop}")
        w.line(f"{unknown} = None")
        if len(node.values) > _NESTED_OPERANDS:
            # Many operands: one pass of a loop that an operand deciding the result breaks.
            once = w.temp("o")
            w.line(f"for {once} in {w.k((None,))}:")
            with w.block():
                for part in node.values:
                    value = self.expression(part, scope)
                    w.line(f"if {value} is {stop}:")
                    with w.block():
                        w.line("break")
                    self._merged_operand(value, go, unknown)
                self._decided(target, go, unknown)
            return target
        # Each operand computed only when those before it did not decide the result: nested.
        blocks = []
        for part in node.values:
            value = self.expression(part, scope)
            w.line(f"if {value} is not {stop}:")
            blocks.append(w.block())
            blocks[-1].__enter__()
            self._merged_operand(value, go, unknown)
        self._decided(target, go, unknown)
        for block in reversed(blocks):
            block.__exit__()
        return target

    def _merged_operand(self, value: str, go: str, unknown: str) -> None:
        """An operand of `and`/`or` that did not decide the result: when not `go` either,
        `runtime.merge_condition` written out (it must be unknown, and is merged)."""
        w = self.w
        w.line(f"if {value} is not {go}:")
        with w.block():
            w.line(f"if {w.TYPE}({value}) is not {w.UNK}:")
            with w.block():
                w.line(f"{w.FAIL}({value})")
            w.merge_into(unknown, value)

    def _decided(self, target: str, go: str, unknown: str) -> None:
        """No operand decided the result: `go`, or the operands' unknowns merged."""
        w = self.w
        w.line(f"if {unknown} is None:")
        with w.block():
            w.line(f"{target} = {go}")
        w.line("else:")
        with w.block():
            w.line(f"{target} = {unknown}")

    def _UnaryOp(self, node, scope):
        w = self.w
        if isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
                and type(node.operand.value) in (int, float):
            return w.k(-node.operand.value)
        if not isinstance(node.op, (ast.Not, ast.USub)):
            raise GenerationError("unary operator")
        value = self.expression(node.operand, scope)
        target = w.temp()
        if isinstance(node.op, ast.Not):
            w.truth_values.add(target)
            # The two booleans first (True and False are never unknown): the common case tests
            # identities only.
            w.line(f"if {value} is True:")
            with w.block():
                w.line(f"{target} = False")
            w.line(f"elif {value} is False:")
            with w.block():
                w.line(f"{target} = True")
            w.line(f"elif {w.TYPE}({value}) is {w.UNK}:")
            with w.block():
                w.line(f"{target} = {value}")
            w.line("else:")
            with w.block():
                w.line(f"{target} = {w.FAIL}({value})")
        else:
            w.line(f"if {w.TYPE}({value}) is {w.UNK}:")
            with w.block():
                w.line(f"{target} = {value}")
            w.line("else:")
            with w.block():
                w.line(f"{target} = {w.k(runtime.negative)}({value})")
        return target

    def _BinOp(self, node, scope):
        w = self.w
        symbol = _BINARY.get(type(node.op))
        if symbol is None:
            raise GenerationError("binary operator")
        a = self.expression(node.left, scope)
        b = self.expression(node.right, scope)
        target = w.temp()
        integer = w.k(int)
        types = w.types(a, b)
        keyword = w.unknown_of_two(target, a, b, types)
        slow = f"{target} = {w.k(runtime.arithmetic)}({w.k(_BINARY_FUNCTIONS[type(node.op)])}, {w.k(symbol)}, {a}, {b})"
        # Two integers are computed in place; a constant's type is known as the code is written.
        if any(x not in types and w.constant_type(x) is not int for x in (a, b)):
            fast = None
        else:
            fast = " and ".join(f"{types[x]} is {integer}" for x in dict.fromkeys((a, b)) if x in types)
        if fast is None:
            if keyword == "if":
                w.line(slow)
            else:
                w.line("else:")
                with w.block():
                    w.line(slow)
            return target
        if not fast:
            w.line(f"{keyword} True:" if keyword == "elif" else "if True:")
        else:
            w.line(f"{keyword} {fast}:")
        with w.block():
            w.line(f"{target} = {a} {symbol} {b}")
        w.line("else:")
        with w.block():
            w.line(slow)
        return target

    def _Compare(self, node, scope):
        w = self.w
        for op in node.ops:
            if type(op) not in _COMPARE:
                raise GenerationError("comparison")
        values = [self.expression(node.left, scope)]
        values += [self.expression(c, scope) for c in node.comparators]
        target = w.temp()
        w.truth_values.add(target)
        if len(node.ops) > 1:
            ops = w.k(tuple(_COMPARE_FUNCTIONS[type(op)] for op in node.ops))
            symbols = w.k(tuple(_COMPARE[type(op)] for op in node.ops))
            w.line(f"{target} = {w.k(runtime.chain)}({ops}, {symbols}, [{', '.join(values)}])")
            return target
        a, b = values
        symbol = _COMPARE[type(node.ops[0])]
        types = w.types(a, b)
        keyword = w.unknown_of_two(target, a, b, types)
        # A number known only as bounds is compared over the whole interval (`ruleset.intervals`).
        tests = [f"{types[x]} is {w.k(runtime.CLASSES['Interval'])}" for x in dict.fromkeys((a, b)) if x in types]
        if tests:
            w.line(f"{keyword} {' or '.join(tests)}:")
            with w.block():
                w.line(f"{target} = {w.k(runtime.compare_interval)}({w.k(symbol)}, {a}, {b})")
            keyword = "elif"
        w.line(f"{keyword} {a} {symbol} {b}:")
        with w.block():
            w.line(f"{target} = True")
        w.line("else:")
        with w.block():
            w.line(f"{target} = False")
        return target

    def _IfExp(self, node, scope):
        w = self.w
        condition = self.expression(node.test, scope)
        if sum(1 for _ in ast.walk(node.body)) + sum(1 for _ in ast.walk(node.orelse)) <= _WRITTEN_TWICE:
            # Small branches are written out twice: once alone for a known condition, and both
            # for an unknown one, in the interpreter's order (the branch, then the other).
            target = w.temp()
            w.line(f"if {condition} is True:")
            with w.block():
                w.line(f"{target} = {self.expression(node.body, scope)}")
            w.line(f"elif {condition} is False:")
            with w.block():
                w.line(f"{target} = {self.expression(node.orelse, scope)}")
            w.line(f"elif {w.TYPE}({condition}) is {w.UNK}:")
            with w.block():
                a = self.expression(node.body, scope)
                b = self.expression(node.orelse, scope)
                w.line(f"{target} = {w.k(runtime.if_unknown)}({condition}, {a}, {b})")
            w.line("else:")
            with w.block():
                w.line(f"{target} = {w.FAIL}({condition})")
            return target
        then, other, target = w.temp("d"), w.temp("d"), w.temp()
        w.line(f"if {condition} is True:")
        with w.block():
            w.line(f"{then} = True")
            w.line(f"{other} = False")
        w.line(f"elif {condition} is False:")
        with w.block():
            w.line(f"{then} = False")
            w.line(f"{other} = True")
        w.line(f"elif {w.TYPE}({condition}) is {w.UNK}:")
        with w.block():
            w.line(f"{then} = True")
            w.line(f"{other} = True")
        w.line("else:")
        with w.block():
            w.line(f"{then} = {w.FAIL}({condition})")
            w.line(f"{other} = {then}")
        a, b = w.temp(), w.temp()
        w.line(f"{a} = None")
        w.line(f"{b} = None")
        w.line(f"if {then}:")
        with w.block():
            w.line(f"{a} = {self.expression(node.body, scope)}")
        w.line(f"if {other}:")
        with w.block():
            w.line(f"{b} = {self.expression(node.orelse, scope)}")
        w.line(f"if {then}:")
        with w.block():
            w.line(f"if {other}:")
            with w.block():
                w.line(f"{target} = {w.k(runtime.if_unknown)}({condition}, {a}, {b})")
            w.line("else:")
            with w.block():
                w.line(f"{target} = {a}")
        w.line("else:")
        with w.block():
            w.line(f"{target} = {b}")
        return target

    def _List(self, node, scope):
        items = [self.expression(e, scope) for e in node.elts]
        target = self.w.temp()
        self.w.line(f"{target} = [{', '.join(items)}]")
        return target

    _Tuple = _List

    def _Call(self, node, scope):
        w = self.w
        if not isinstance(node.func, ast.Name) or node.keywords:
            raise GenerationError("call")
        name = node.func.id
        if name in AGGREGATES:
            if len(node.args) != 1:
                raise GenerationError("aggregate")
            source = self._argument(node.args[0], scope)
            target = w.temp()
            w.line(f"{target} = {w.k(runtime.AGGREGATES[name])}({source})")
            return target
        entry = HELPERS.get(name)
        if entry is None or not entry.min_args <= len(node.args) <= entry.max_args:
            raise GenerationError(f"function {name}")
        if name == "date" and isinstance(node.args[0], ast.Constant):
            try:
                return w.k(dt.date.fromisoformat(node.args[0].value))
            except (TypeError, ValueError):
                raise GenerationError("date")
        inlined = name in _INLINED and entry.function is _INLINED[name] and len(node.args) == (1 if name == "connu" else 2)
        first = node.args[0]
        # A field of an item of a list (`defaut(p.maladie, faux)`, `connu(m.depart_avant)`): when
        # missing it is only ever seen as missing, here, and its missing fact is not made: the
        # field reads as `runtime.ABSENT` (`_Attribute`).
        absent = (inlined and isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name)
                  and first.value.id in scope)
        self._absent_for = first if absent else None
        try:
            args = [self._argument(first, scope)]
        finally:
            self._absent_for = None
        args += [self._argument(a, scope) for a in node.args[1:]]
        if inlined:
            # The two functions that see a missing fact, the commonest calls of the rules, written out.
            target = w.temp()
            missing = f"{w.TYPE}({args[0]}) is {w.UNK}"
            if absent:
                missing = f"{args[0]} is {w.k(runtime.ABSENT)} or {missing}"
            if name == "connu":
                w.truth_values.add(target)
                w.line(f"{target} = not ({missing})")
            else:
                w.line(f"if {missing}:")
                with w.block():
                    w.line(f"{target} = {args[1]}")
                w.line("else:")
                with w.block():
                    w.line(f"{target} = {args[0]}")
            return target
        if entry.lenient:
            self._invoke(target := w.temp(), entry, args, "if")
        elif len(args) == 1 and w.is_constant(args[0]):
            self._invoke(target := w.temp(), entry, args, "if")
        elif len(args) == 1:
            target = w.temp()
            types = w.types(args[0])
            w.line(f"if {types[args[0]]} is {w.UNK}:")
            with w.block():
                w.line(f"{target} = {args[0]}")
            self._invoke(target, entry, args, "elif", types)
        elif len(args) == 2:
            target = w.temp()
            types = w.types(*args)
            self._invoke(target, entry, args, w.unknown_of_two(target, args[0], args[1], types), types)
        else:
            target = w.temp()
            types = w.types(*args)
            # The arguments' merge is made only when one of them is unknown: `merge_unknowns`
            # written out, the unknown ones merged in order (an argument met again adds nothing).
            operands = [a for a in dict.fromkeys(args) if a in types]
            if operands:
                w.line(f"if {' or '.join(f'{types[a]} is {w.UNK}' for a in operands)}:")
                with w.block():
                    w.line(f"{target} = None")
                    for operand in operands:
                        w.line(f"if {types[operand]} is {w.UNK}:")
                        with w.block():
                            w.merge_into(target, operand)
            tests = operands
            self._invoke(target, entry, args, "elif" if tests else "if", types)
        return target

    def _invoke(self, target: str, entry, args: list, keyword: str, types: dict | None = None) -> None:
        """`target = function(*args)`, continuing an if-chain with `keyword` (`if` opens one). A
        function not made for numbers known as bounds goes, when an argument is such a number or a
        list (which may hold one), through `runtime.refusing_intervals`, which refuses it as the
        interpreter's `_refusing_intervals` does; any other argument goes straight to it. `types`
        holds the arguments' types already taken (`Writer.types`)."""
        w = self.w
        call = f"{w.k(entry.function)}({', '.join(args)})"
        if entry.intervals:
            tests = []
        else:
            if types is None:
                types = {}
            # A number known as bounds, or a list that holds one (its items' types looked for at
            # C speed, as `runtime.refusing_intervals` does): only then the call goes through it.
            interval = w.k(runtime.CLASSES["Interval"])
            special = w.k(runtime.SPECIAL)
            tests = []
            taken = [a for a in dict.fromkeys(args) if not w.is_constant(a) and a not in w.truth_values]
            if keyword == "if":
                # Each type taken once (a chain that goes on has them taken before it).
                types = {**types, **w.types(*(a for a in taken if a not in types))}
            for a in taken:
                kind = types[a] if a in types else f"{w.TYPE}({a})"
                # The common argument, neither bounds nor a list, is told by one look-up.
                tests.append(f"({kind} in {special} and ({kind} is {interval} or "
                             f"{interval} in {w.k(runtime.CLASSES['map'])}({w.TYPE}, {a})))")
        if tests:
            w.line(f"{keyword} {' or '.join(tests)}:")
            with w.block():
                w.line(f"{target} = {w.k(runtime.refusing_intervals)}({', '.join([w.k(entry.function), *args])})")
            keyword = "elif"
        if keyword == "if":
            w.line(f"{target} = {call}")
        else:
            w.line("else:")
            with w.block():
                w.line(f"{target} = {call}")

    def _argument(self, node, scope):
        if isinstance(node, ast.GeneratorExp):
            return self._generator(node, scope)
        return self.expression(node, scope)

    def _generator(self, node, scope):
        w = self.w
        if len(node.generators) != 1:
            raise GenerationError("generator")
        gen = node.generators[0]
        if gen.is_async or not isinstance(gen.target, ast.Name):
            raise GenerationError("generator target")
        items = self.expression(gen.iter, scope)
        outside = list(w.stack)
        variable = w.temp("x")
        inner = dict(scope)
        inner[gen.target.id] = variable
        target, out, unknown = w.temp(), w.temp("l"), w.temp("u")
        w.line(f"if {w.TYPE}({items}) is {w.UNK}:")
        with w.block():
            w.line(f"{target} = {items}")
        w.line("else:")
        with w.block():
            w.line(f"if not {w.k(runtime.CLASSES['isinstance'])}({items}, {w.k(runtime.CLASSES['list'])}):")
            with w.block():
                w.line(f"{w.FAIL}({items})")
            w.line(f"{out} = []")
            w.line(f"{unknown} = None")
            w.line(f"for {variable} in {items}:")
            with w.block(loop=True):
                self._items_of[variable] = items
                # The keys read of every item: those read at the top of the loop's body before
                # a condition may skip an item.
                every = self._every[variable] = (len(w.stack), set())
                for condition in gen.ifs:
                    verdict = self.expression(condition, inner)
                    w.line(f"if {verdict} is False:")
                    with w.block():
                        w.line("continue")
                    w.line(f"if {verdict} is not True:")
                    with w.block():
                        w.line(f"if {w.TYPE}({verdict}) is {w.UNK}:")
                        with w.block():
                            w.merge_into(unknown, verdict)
                            w.line("continue")
                        w.line(f"{w.FAIL}({verdict})")
                    self._every[variable] = every = (None, every[1])
                element = self.expression(node.elt, inner)
                w.line(f"{out}.append({element})")
            if items in w.hoisted_values:
                # Once the loop is over, a later loop over the same list of the record (the same
                # items) finds these keys of every item in the trace.
                w.context.sites.extend((("every", items, key), key, outside, _LISTED) for key in every[1])
            w.line(f"if {unknown} is None:")
            with w.block():
                w.line(f"{target} = {out}")
            w.line("else:")
            with w.block():
                w.line(f"{target} = {unknown}")
        return target


def parse(text) -> ast.expr:
    if not isinstance(text, str):
        if isinstance(text, (bool, int, float)):
            return ast.Constant(text)
        raise GenerationError("not a text")
    try:
        return ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise GenerationError("syntax")


def _load_names(w: Writer, names, used: set) -> dict:
    """Reads, at the top of the function, the names of the environment the code uses."""
    identifiers = {}
    for name in sorted(names):
        if name in used:
            identifier = w.temp("n")
            w.line(f"{identifier} = env[{w.k(name)}]")
            identifiers[name] = identifier
            w.roots[identifier] = name
    return identifiers


def _used_names(trees) -> set:
    return {n.id for tree in trees if tree is not None for n in ast.walk(tree) if isinstance(n, ast.Name)}


def expression_source(text, names, memo: bool = False) -> tuple[str, list]:
    """Source of `def f0(env, tr)` computing the expression `text` (differential tests use it);
    with `memo`, what it computes from the meeting's roots alone is kept in `env[MEMO]` (`Memo`)."""
    constants = Constants()
    w = Writer(constants)
    if memo:
        w.memo = Memo(w)
    if not isinstance(text, str):
        if isinstance(text, bool) or isinstance(text, (int, float)):
            result = "True" if text is True else "False" if text is False else w.k(text)
            return _function("f0", "env, tr", [f"    return {result}"]), constants.values
        raise GenerationError("not an expression")
    tree = parse(text)
    identifiers = _load_names(w, names, _used_names([tree]))
    result = ExpressionGenerator(w, identifiers).expression(tree, {})
    w.line(f"return {result}")
    return _function("f0", "env, tr", w.body(len(identifiers))), constants.values


def version_source(sources: dict, names, reads: Reads | None = None, memo: bool = False) -> tuple[str, list, frozenset]:
    """Source of the two functions of a rule version, their constants, and the positions of
    `reads` they take ((kind, position) pairs).

    `f0(env, tr, force)` → `None` when the version does not apply, else `(applicable, values,
    verdict)`; `f1(env, tr)` → the value of its condition of application (`True` when it has none).
    With `memo` (a rule run once per act of a record), what it computes from the meeting alone is
    computed once per record (`Memo`)."""
    constants = Constants()
    applicable_text = sources.get("applicable")
    applicable = parse(applicable_text) if applicable_text is not None else None
    values = [(key, parse(text)) for key, text in sources["valeurs"].items()]
    requirement = parse(sources["exigence"])
    trees = [applicable, requirement] + [tree for _, tree in values]
    used = _used_names(trees)

    w = Writer(constants)
    w.reads = reads
    if memo:
        w.memo = Memo(w)
    identifiers = _load_names(w, names, used)
    if applicable is not None:
        w.line("if force:")
        with w.block():
            w.line("a0 = True")
        w.line("else:")
        with w.block():
            result = ExpressionGenerator(w, identifiers).expression(applicable, {})
            w.line(f"a0 = {result}")
            w.line("if a0 is False:")
            with w.block():
                w.line("return None")
            w.line(f"if a0 is not True and {w.TYPE}(a0) is not {w.UNK}:")
            with w.block():
                w.line(f"{w.FAIL}(a0)")
    else:
        w.line("a0 = True")
    # The paths that only the values and the requirement read are taken from the readers' lists
    # once the rule is known to apply: most rules of a record do not.
    later = (len(w.lines), len(w.prologue))
    bound = dict(identifiers)
    entries = []
    for key, tree in values:
        result = ExpressionGenerator(w, bound).expression(tree, {})
        if w.memo is not None:
            # A value computed from the meeting alone is part of the key of what names it.
            found = w.memo.key_of(tree, bound)
            w.memo.defined.add(key)
            if found is not None:
                w.memo.values[key] = found
            else:
                w.memo.values.pop(key, None)
        # The value is named by what holds it (a temporary, a path read ahead, a constant): never
        # assigned again, it needs no copy of its own.
        bound[key] = result
        entries.append(f"{w.k(key)}: {result}")
    verdict = ExpressionGenerator(w, bound).expression(requirement, {})
    w.line(f"return (a0, {{{', '.join(entries)}}}, {verdict})")
    main = _function("f0", "env, tr, force", w.body(len(identifiers), later))
    taken = set(w.used)

    w = Writer(constants)
    w.reads = reads
    if memo:
        w.memo = Memo(w)
    if applicable is None:
        w.line("return True")
    else:
        identifiers = _load_names(w, names, _used_names([applicable]))
        w.line(f"return {ExpressionGenerator(w, identifiers).expression(applicable, {})}")
    trigger = _function("f1", "env, tr", w.body(len(identifiers)) if applicable is not None else w.lines)
    return main + trigger, constants.values, frozenset(taken | w.used)


def guards_source(texts, names, reads: Reads | None = None) -> tuple[str, list, frozenset]:
    """Source of `f0(env, tr)` giving the tuple of the values of the expressions `texts`, computed
    in turn as a rule's code computes each (`guard_conjuncts`: the plain tests that open the
    conditions of application of a plan's rules on each act), its constants, and the positions
    of `reads` it takes. The facts they read go to `tr`, which the caller drops."""
    constants = Constants()
    w = Writer(constants)
    w.reads = reads
    trees = [parse(text) for text in texts]
    identifiers = _load_names(w, names, _used_names(trees))
    results = [ExpressionGenerator(w, identifiers).expression(tree, {}) for tree in trees]
    w.line(f"return ({', '.join(results)},)")
    return _function("f0", "env, tr", w.body(len(identifiers))), constants.values, frozenset(w.used)


def lenient_plain() -> bool:
    """Whether `defaut` and `connu` are the rule language's own now (the code made then writes
    them out): a caller that watches the rules' lenient calls replaces them in HELPERS, and the
    code made meanwhile calls its watchers. A plan's guards, made later, must compute a rule's
    tests with the functions its code calls: the engine guards only code made with these."""
    return all(HELPERS[name].function is function for name, function in _INLINED.items())


# What a guard's test may hold: the few forms that test facts as they are, no function of the
# rules but `defaut` and `connu` (which the templates write out), so that computing it once for
# several rules costs less than the calls it spares.
_GUARD_NODES = (ast.Compare, ast.BoolOp, ast.UnaryOp, ast.Name, ast.Attribute, ast.Constant, ast.Call,
                ast.List, ast.Tuple, ast.Load, ast.And, ast.Or, ast.Not, ast.Eq, ast.NotEq, ast.Lt, ast.LtE,
                ast.Gt, ast.GtE, ast.In, ast.NotIn)


def guard_conjuncts(text, roots) -> tuple[str, ...]:
    """The leading operands of a condition of application `a and b and …` that are plain tests
    of the facts under `roots` (`_GUARD_NODES`), each as the text of its parsed form.

    When one of them is false, so is the condition, and the rule does not apply: an « and »
    computes its operands in order and is false as soon as one is, whatever those before gave
    (true or unknown); had one of those before raised, computing it apart raises too, and the
    engine then decides the record again with its loop. So a plan may compute these tests once per
    act for all its rules and give a rule « non applicable » without running it when one of its
    own is false (`ruleset.compiler.plan`)."""
    try:
        tree = parse(text)
    except GenerationError:
        return ()
    operands = tree.values if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.And) else [tree]
    found = []
    for operand in operands:
        if not _plain_test(operand, roots):
            break
        found.append(ast.unparse(operand))
    return tuple(found)


def _plain_test(node, roots) -> bool:
    for child in ast.walk(node):
        if not isinstance(child, _GUARD_NODES):
            return False
        if isinstance(child, ast.UnaryOp) and not isinstance(child.op, ast.Not):
            return False
        if isinstance(child, ast.Call) and (child.keywords or not isinstance(child.func, ast.Name)
                                            or child.func.id not in _INLINED):
            return False
        if isinstance(child, ast.Name) and child.id not in roots and child.id not in CONSTANTS \
                and child.id not in _INLINED:
            return False
        if isinstance(child, ast.Attribute) and child.attr.startswith("_"):
            return False
    return True


def _function(name: str, parameters: str, lines: list[str]) -> str:
    return f"def {name}({parameters}):\n" + "\n".join(lines) + "\n"


__all__ = ["GenerationError", "expression_source", "guard_conjuncts", "guards_source", "version_source",
           "ExpressionError"]


def reader_source(paths: list, size: int, names) -> tuple[str, list]:
    """Source of `f0(env, out)`: reads every path of `paths` ((position, root name, keys)) from the
    environment and returns the list of entries in which the path at position i has its value at
    2i and its trace entry (None when reading it adds nothing to a trace) at 2i + 1, as
    `runtime.read_entry` gives them; the positions of paths not asked for hold None, up to the
    last position asked for (`size`, the number of positions of the engine, bounds them). (`out`
    is not used: the grammar's parameters.)

    Paths that begin alike (`deliberation.vote.pour`, `deliberation.vote.contre`…) are walked
    together: each node on the way is looked up once, whatever the number of paths under it."""
    constants = Constants()
    w = Writer(constants)
    identifiers = _load_names(w, names, {root for _, root, _ in paths})
    slots = ["None"] * (2 * size)
    trees: dict = {}
    for position, root, keys in paths:
        value, entry = w.temp("p"), w.temp("p")
        slots[2 * position], slots[2 * position + 1] = value, entry
        level = trees.setdefault(root, ({}, []))
        for key in keys[:-1]:
            level = level[0].setdefault(key, ({}, []))
        level[0].setdefault(keys[-1], ({}, []))[1].append((value, entry, keys))
    for root, (children, _) in trees.items():
        _read_level(w, identifiers[root], children, identifiers[root])
    # The list ends at the last path read: the code of the plan's versions reads no position past
    # it, and each empty slot written out costs two instructions per subject (a plan of a few
    # rules reads a few low positions of lists made for the whole catalogue).
    last = max((position for position, _, _ in paths), default=-1)
    w.line(f"return [{', '.join(slots[:2 * (last + 1)])}]")
    return _function("f0", "env, out", w.lines), constants.values


def _paths_under(tree: tuple) -> list:
    children, ending = tree
    found = list(ending)
    for child in children.values():
        found += _paths_under(child)
    return found


def _read_level(w: Writer, current: str, children: dict, base: str, kind: str | None = None) -> None:
    """The paths under the node `current` (read from the root `base`), one key of theirs at a time,
    as `runtime.read_entry` reads each: a missing key gives the missing fact, an asserted one and
    anything that is not a node go to `read_entry` itself. `kind`: the type of `current`, when taken."""
    node_class, asserted = w.k(runtime.CLASSES["Node"]), w.k(runtime.CLASSES["Asserted"])
    w.line(f"if {kind or f'{w.TYPE}({current})'} is {node_class}:")
    with w.block():
        # The missing facts of this node's keys, looked up once for the node when a first key is missing.
        table = w.temp("p")
        w.line(f"{table} = None")
        for key, tree in children.items():
            k = w.k(key)
            w.line(f"if {k} in {current}:")
            with w.block():
                child, kind = w.temp("p"), w.temp("p")
                w.line(f"{child} = {current}[{k}]")
                w.line(f"{kind} = {w.TYPE}({child})")
                for value, entry, keys in tree[1]:
                    w.line(f"if {kind} is {node_class}:")
                    with w.block():
                        w.line(f"{value} = {child}")
                        w.line(f"{entry} = None")
                    w.line(f"elif {kind} is {asserted}:")
                    with w.block():
                        w.line(f"{value}, {entry} = {w.k(runtime.read_entry)}({base}, {w.k(keys)})")
                    w.line("else:")
                    with w.block():
                        w.line(f"{value} = {child}")
                        w.line(f"{entry} = ({current}, {k}, {child})")
                if tree[0]:
                    _read_level(w, child, tree[0], base, kind)
            w.line("else:")
            with w.block():
                under = _paths_under(tree)
                first = under[0][0]
                w.line(f"if {table} is None:")
                with w.block():
                    w.line(f"{table} = {w.k(runtime.missing_children)}({current}, {w.k(tuple(children))})")
                w.line(f"{first} = {table}[{k}]")
                for value, entry, _ in under:
                    if value != first:
                        w.line(f"{value} = {first}")
                    w.line(f"{entry} = None")
    w.line("else:")
    with w.block():
        for children_tree in children.values():
            for value, entry, keys in _paths_under(children_tree):
                w.line(f"{value}, {entry} = {w.k(runtime.read_entry)}({base}, {w.k(keys)})")

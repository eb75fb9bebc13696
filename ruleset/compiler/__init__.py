"""Rule versions compiled to Python functions, under the conditions of issue 16.

The interpreter (`ruleset.expressions`) remains the specification. A version's validated
expressions are turned into Python source from fixed templates (`generate`), with every piece of
rule data bound to a generated name; that source is parsed again and checked against a closed
grammar (`grammar`); only then is it compiled, and its functions are made from the compiled code
objects with globals that hold the bound constants and no built-ins. Nothing is passed to `exec`
or `eval`. The engine calls these functions and, on any exception, re-runs the interpreter for the
rule. The code objects are cached with the engine (keyed by the rule files, this package and the
Python version; see `ruleset.parse_cache`), marshalled.
"""
from __future__ import annotations

import marshal
from types import CodeType, FunctionType

# The generator and the grammar (and `ast`) are imported when code is generated: a run that finds
# its compiled rules in the cache only unmarshals them.

_FILENAME = "<règle compilée>"

# The key of the environment under which the engine puts what a scope's reader function read.
READS = "__lectures__"
# … and the list of what the meeting's reader read, once per record (see `Reads`).
MEETING_READS = "__lectures_seance__"
# … and the dict, one per record, in which a rule on each deliberation keeps what it computes
# from the meeting alone (see `generate.Memo`).
MEMO = "__memo__"


MEETING, DELIBERATION = "seance", "deliberation"


class Reads:
    """The positions of the paths read ahead, shared by every compiled version of an engine: one
    list for the paths under the meeting's roots (read once per record), one for those under
    `deliberation` (read once per act)."""

    def __init__(self):
        self.paths: dict = {MEETING: {}, DELIBERATION: {}}

    def position(self, kind: str, root: str, keys: tuple) -> int:
        found = self.paths[kind]
        return found.setdefault((root, keys), len(found))

    def size(self, kind: str) -> int:
        return len(self.paths[kind])

    def of(self, kind: str, positions) -> list:
        """(position, root, keys) of the given positions of `kind`, in order."""
        wanted = set(positions)
        return [(position, root, keys) for (root, keys), position in self.paths[kind].items()
                if position in wanted]


class CompiledVersion:
    """The functions of one rule version: `run(env, trace, force)` and `trigger(env, trace)`.

    Made from the code on first use: a run from the cache unmarshals only the versions in force
    on the dates it meets."""

    __slots__ = ("run", "trigger", "_code", "_constants", "source", "reads", "plain")

    def __init__(self, code: bytes, constants: tuple, reads: frozenset = frozenset(), source: str | None = None,
                 plain: bool = True):
        self._code = code
        self._constants = constants
        # The positions of the engine's `Reads` the code takes: its plans' readers read them.
        self.reads = reads
        self.source = source
        # Whether `defaut` and `connu` were the rule language's own when the code was made
        # (`generate.lenient_plain`): only then may a plan's guards compute its tests for it.
        self.plain = plain

    def __getattr__(self, name: str):
        if name not in ("run", "trigger"):
            raise AttributeError(name)
        functions = _functions(marshal.loads(self._code), self._constants)
        self.run = functions["f0"]
        self.trigger = functions.get("f1")
        return getattr(self, name)

    def __reduce__(self):
        return (CompiledVersion, (self._code, self._constants, self.reads, None, self.plain))


def _functions(module: CodeType, constants: tuple) -> dict:
    namespace = {"__builtins__": {}}
    namespace.update({f"k{i}": value for i, value in enumerate(constants)})
    return {code.co_name: FunctionType(code, namespace, code.co_name)
            for code in module.co_consts if isinstance(code, CodeType)}


def _compile(source: str) -> CodeType:
    import ast

    from ruleset.compiler.grammar import check
    tree = ast.parse(source, mode="exec")
    check(tree)
    return compile(tree, _FILENAME, "exec", dont_inherit=True)


def compile_version(sources: dict, names, reads=None, memo: bool = False) -> CompiledVersion | None:
    """The compiled form of a version from its expressions' text (`Version.sources`), or None when
    the generator does not handle one of them (the version then runs on the interpreter). With
    `reads` (a `Reads`, shared by the versions of an engine), the paths it reads ahead are
    taken from the lists of the readers (`compile_reader`); with `memo` (a rule on each
    deliberation), what it computes from the meeting alone is kept in the record's `MEMO`."""
    from ruleset.compiler.generate import GenerationError, lenient_plain, version_source
    try:
        source, constants, taken = version_source(sources, names, reads, memo)
        code = _compile(source)
    except (GenerationError, RecursionError, MemoryError, SyntaxError, ValueError):
        return None
    return CompiledVersion(marshal.dumps(code), tuple(constants), taken, source, lenient_plain())


def compile_guards(texts: tuple, names, reads=None) -> CompiledVersion | None:
    """The compiled tests of a plan's guards (`generate.guards_source`): `run(env, tr)` gives
    their values in the order of `texts`; or None."""
    from ruleset.compiler.generate import GenerationError, guards_source
    try:
        source, constants, taken = guards_source(texts, names, reads)
        code = _compile(source)
    except (GenerationError, RecursionError, MemoryError, SyntaxError, ValueError):
        return None
    return CompiledVersion(marshal.dumps(code), tuple(constants), frozenset(taken), source)


def compile_reader(paths: list, size: int, names):
    """`f(env, out)` reading `paths` ((position, root, keys); see `generate.reader_source`) into a
    list of two entries per position up to the last of `paths` (of at most `size`), or None."""
    from ruleset.compiler.generate import GenerationError, reader_source
    try:
        source, constants = reader_source(paths, size, names)
        code = _compile(source)
    except (GenerationError, RecursionError, MemoryError, SyntaxError, ValueError):
        return None
    return CompiledReader(marshal.dumps(code), tuple(constants))


class CompiledReader:
    """A reader of a plan: `read(env, None)` gives the values and trace entries of its paths.

    Made from the code on first use, as `CompiledVersion`: a run from the cache unmarshals only
    the readers of the periods it meets."""

    __slots__ = ("read", "_code", "_constants")

    def __init__(self, code: bytes, constants: tuple):
        self._code, self._constants = code, constants

    def __getattr__(self, name: str):
        if name != "read":
            raise AttributeError(name)
        self.read = _functions(marshal.loads(self._code), self._constants)["f0"]
        return self.read

    def __reduce__(self):
        return (CompiledReader, (self._code, self._constants))


def compile_plan(layout: list):
    """The compiled plan function of `layout` (see `ruleset.compiler.plan`) as (marshalled code,
    recipe), or None."""
    from ruleset.compiler.generate import GenerationError
    from ruleset.compiler.plan import plan_source
    try:
        source, recipe = plan_source(layout)
        code = _compile(source)
    except (GenerationError, RecursionError, MemoryError, SyntaxError, ValueError):
        return None
    function = next(c for c in code.co_consts if isinstance(c, CodeType))
    return marshal.dumps(function), recipe


def plan_function(code: bytes, values: tuple):
    """The plan function of `code`, its generated names bound to `values` (in the recipe's order),
    with no built-ins."""
    namespace = {"__builtins__": {}}
    namespace.update({f"k{i}": value for i, value in enumerate(values)})
    return FunctionType(marshal.loads(code), namespace, "f0")


def compile_single(text, names, memo: bool = False):
    """`f(env, trace)` computing one expression, or None (for the differential tests)."""
    from ruleset.compiler.generate import GenerationError, expression_source
    try:
        source, constants = expression_source(text, names, memo)
        code = _compile(source)
    except (GenerationError, RecursionError, MemoryError, SyntaxError, ValueError):
        return None
    return _functions(code, tuple(constants))["f0"]


__all__ = ["CompiledReader", "CompiledVersion", "compile_guards", "compile_plan", "compile_reader", "compile_single", "compile_version",
           "plan_function", "Reads"]

"""The rule files as the cache sees them, and the cached form of compiled rules.

A cached catalogue is what `ruleset.loader` built, pickled under the entry that names the rule
files' text and the code (see `ruleset.parse_cache`). Compiled expressions are closures, which
pickle cannot store: each is stored as its source and compiled again the first time it is
evaluated. An entry is written only once every expression in it has compiled, by the same code
(the entry's name covers it), so that this compilation cannot fail. What a cache hit needs is
here, apart from the loader, so that a run that hits does not load the loader.
"""
from __future__ import annotations

import importlib
import io
import pickle
import weakref
from pathlib import Path
from types import FunctionType

from ruleset import parse_cache
from ruleset.errors import RuleError
from ruleset.expressions import compile_expression
from ruleset.model import Rule, Version


def default_rules_dir() -> Path:
    package = importlib.import_module("rules")
    if getattr(package, "__file__", None):
        return Path(package.__file__).parent
    # Importing importlib.resources costs more than all the rest of finding the directory.
    from importlib import resources
    return Path(str(resources.files("rules")))


def rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*.yaml") if p.is_file())


def catalogue_entry(directory: str | None = None) -> str:
    """The cache entry of the rules under `directory`, by which what is cached alongside them is
    keyed too. Raises as `load_rules` does when the directory or one of its files cannot be read."""
    return sources_of(directory)[1]


def sources_of(directory: str | None) -> tuple[list, str]:
    """The rule files under `directory` (the bundled rules by default) as (path, name, bytes),
    and their cache entry."""
    base = Path(directory) if directory else default_rules_dir()
    if not base.is_dir():
        raise RuleError("dossier de règles introuvable", fichier=str(base))
    sources = []
    for path in rule_files(base):
        name = str(path.relative_to(base))
        try:
            sources.append((path, name, path.read_bytes()))
        except OSError as exc:
            # The files are decoded only on a cache miss; an earlier file that does not decode is
            # still the first error, as when each file was decoded as soon as read.
            for _, earlier, data in sources:
                decode(data, earlier)
            raise RuleError(f"fichier de règles illisible ({exc})", fichier=name)
    return sources, parse_cache.key("catalogue", [(name, data) for _, name, data in sources])


def decode(data: bytes, name: str) -> str:
    try:
        # As `Path.read_text` decodes, universal newlines included.
        return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()
    except UnicodeDecodeError as exc:
        raise RuleError(f"fichier de règles illisible ({exc})", fichier=name)


# Where each compiled expression came from, so that it can be cached as its source.
_ORIGINS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_COMPILED: dict = {}


def remember(compiled, text, names: frozenset) -> None:
    """Note that `compiled` is `text` compiled with `names`, so that it can be pickled."""
    try:
        _ORIGINS[compiled] = (text, names)
    except TypeError:
        # Not a closure: the rules that hold it are then not cached (the pickler refuses it).
        return


def compiled_expression(text, names: frozenset):
    """`compile_expression(text, names)`, raising as it does, remembered for pickling.

    A compiled expression is a pure function of its text and names: rules that share one (many
    versions differ only in their dates: 606 distinct of the catalogue's 1 427) share its
    compilation, whether the loader builds them or a cached rule compiles them on first use."""
    key = (type(text), text, names)
    compiled = _COMPILED.get(key)
    if compiled is None:
        compiled = _COMPILED[key] = compile_expression(text, names)
        remember(compiled, text, names)
    return compiled


class _LazyExpression:
    """An expression of a cached rule, compiled on its first evaluation; it then puts the compiled
    expression in its place in its version, so that later evaluations do not go through it."""

    __slots__ = ("text", "names", "owner", "slot")

    def __init__(self, text, names: frozenset):
        self.text = text
        self.names = names
        self.owner = None
        self.slot = None

    def __reduce__(self):
        return (_LazyExpression, (self.text, self.names))

    def __call__(self, env):
        compiled = compiled_expression(self.text, self.names)
        owner, slot = self.owner, self.slot
        if isinstance(slot, str):
            setattr(owner, slot, compiled)
        elif slot is not None:
            owner.valeurs[slot] = (owner.valeurs[slot][0], compiled)
        return compiled(env)


def _restore(cls, state: dict):
    # What pickle does by default for these dataclasses: no __init__, the attributes as they were.
    obj = cls.__new__(cls)
    obj.__dict__.update(state)
    return obj


def _restore_version(state: dict) -> Version:
    version = _restore(Version, state)
    for slot in ("applicable", "exigence"):
        expression = getattr(version, slot)
        if type(expression) is _LazyExpression:
            expression.owner, expression.slot = version, slot
    for index, (_, expression) in enumerate(version.valeurs):
        if type(expression) is _LazyExpression:
            expression.owner, expression.slot = version, index
    return version


class RulePickler(pickle.Pickler):
    """Pickles rules, or anything that holds them, for the cache. With `without_examples`, the
    rules lose their examples (`exemples` is None): checking records never reads them, and they
    are most of the catalogue."""

    def __init__(self, file, protocol=pickle.HIGHEST_PROTOCOL, without_examples: bool = False):
        super().__init__(file, protocol=protocol)
        self.without_examples = without_examples
        # The same few sets of names recur in every version: pickled once each, unpickled once.
        self.names: dict = {}

    def reducer_override(self, obj):
        kind = type(obj)
        if kind is FunctionType:
            origin = _ORIGINS.get(obj)
            if origin is None:
                return NotImplemented
            text, names = origin
            return (_LazyExpression, (text, self.names.setdefault(names, names)))
        if kind is Version:
            return (_restore_version, (obj.__dict__,))
        if kind is Rule and self.without_examples:
            return (_restore, (Rule, {**obj.__dict__, "exemples": None}))
        return NotImplemented

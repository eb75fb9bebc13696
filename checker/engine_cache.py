"""The engine of a check run, cached with its rules so that a one-record run starts fast.

Building an engine parses every expression of the deliberation rules again, to find those whose
outcome does not depend on the deliberation: that cost as much as all the rest of loading a
cached catalogue. An engine is a function of its rules and of the code alone, so it is pickled
beside the catalogue (see `ruleset.parse_cache`), keyed by the catalogue's entry and by the
source of this package. Should building an engine ever depend on anything else (the date, the
environment), it must stop being cached here.

Compiled code is made as it is needed, not when the engine is built: generating and compiling
the whole catalogue took 2 s of CPU, which the first run after an install paid for one record
that the interpreter checks in 15 ms. Versions are compiled once the interpreter has
checked `COMPILE_AFTER` records (`Engine.compile_after`); a run that spreads a batch over
worker processes compiles every version first, once, in the parent (`compiled_for_workers`), so
that the workers inherit it. What a run compiled is written back to the cache when it ends.
"""
from __future__ import annotations

import atexit
import os
import weakref
from functools import lru_cache, partial

from checker.engine import Engine
from ruleset import parse_cache
from ruleset.catalogue import RulePickler, catalogue_entry

_CODE_ROOT = os.path.dirname(os.path.abspath(__file__))

# Records checked by the interpreter before the code of the periods they fall in is generated and
# compiled. The whole catalogue's code costs 2–3 s of CPU, the interpreter some 0.8 ms a record
# more than compiled code (1.4 against 0.6 on generated records): a run of a few hundred records
# ends sooner without compiling; a longer one compiles after its first 500 records (0.4 s
# lost at most) and leaves its code in the cache for the next runs.
COMPILE_AFTER = 500


def _code() -> list[tuple[str, bytes]]:
    parts = []
    for name in sorted(os.listdir(_CODE_ROOT)):
        if name.endswith(".py"):
            with open(os.path.join(_CODE_ROOT, name), "rb") as f:
                parts.append((name, f.read()))
    return parts


def engine_for(regles_dir: str | None = None) -> Engine:
    """The engine over the rules of `load_rules(regles_dir)`, raising as it does.

    Its rules may lack their examples (`exemples` is None): checking a record never reads them.
    The engine runs the compiled rules, or the interpreter alone under `DELIBCHECK_MOTEUR=interprete`:
    each is cached apart, so that a run of one never hands its engine to a run of the other."""
    return _engine_for(regles_dir, os.environ.get("DELIBCHECK_MOTEUR") != "interprete")[0]


def compiled_for_workers(regles_dir: str | None = None) -> Engine:
    """`engine_for(regles_dir)` with every version compiled, and cached so: forked workers then
    inherit the code instead of each generating its own, which no later run would find."""
    engine = engine_for(regles_dir)
    if not engine.fully_compiled:
        engine.compile_all()
        _keep(engine, _engine_for(regles_dir, engine.compiled)[1])
    return engine


# The engines whose code may grow during the run, by cache entry, each with the number of its
# compiled versions the cache holds (weakly: an engine dropped from `_engine_for` is not kept alive).
_WATCHED: dict = {}


@lru_cache(maxsize=8)
def _engine_for(regles_dir: str | None, compiled: bool) -> tuple[Engine, str]:
    entry = parse_cache.key("moteur", [("catalogue", catalogue_entry(regles_dir).encode()),
                                       ("moteur", b"compile" if compiled else b"interprete"), *_code()])
    engine = parse_cache.load(entry)
    if type(engine) is not Engine or engine.compiled is not compiled:
        from ruleset.loader import rules_for_engine

        engine = Engine(rules_for_engine(regles_dir), compiled=compiled)
        engine.compile_after = COMPILE_AFTER
        parse_cache.store(entry, engine, partial(RulePickler, without_examples=True))
    if not engine.fully_compiled:
        if not _WATCHED:
            atexit.register(_keep_compiled)
        _WATCHED[entry] = (weakref.ref(engine), engine.compiled_count())
    return engine, entry


def _keep(engine: Engine, entry: str) -> None:
    _WATCHED[entry] = (weakref.ref(engine), engine.compiled_count())
    parse_cache.store(entry, engine, partial(RulePickler, without_examples=True))


def _keep_compiled() -> None:
    # At exit, in the process that loaded the engines (forked workers leave without running this):
    # the code compiled during the run is kept for the next one.
    for entry, (reference, count) in list(_WATCHED.items()):
        engine = reference()
        if engine is not None and engine.compiled_count() > count:
            _keep(engine, entry)

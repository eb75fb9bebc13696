"""The engine of a check run, cached with its rules so that a one-record run starts fast.

Building an engine parses every expression of the deliberation rules again, to find those whose
outcome does not depend on the deliberation: that cost as much as all the rest of loading a
cached catalogue. An engine is a function of its rules and of the code alone, so it is pickled
beside the catalogue (see `ruleset.parse_cache`), keyed by the catalogue's entry and by the
source of this package. Should building an engine ever depend on anything else (the date, the
environment), it must stop being cached here.
"""
from __future__ import annotations

import os
from functools import lru_cache, partial

from checker.engine import Engine
from ruleset import parse_cache
from ruleset.catalogue import RulePickler, catalogue_entry

_CODE_ROOT = os.path.dirname(os.path.abspath(__file__))


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
    return _engine_for(regles_dir, os.environ.get("DELIBCHECK_MOTEUR") != "interprete")


@lru_cache(maxsize=8)
def _engine_for(regles_dir: str | None, compiled: bool) -> Engine:
    entry = parse_cache.key("moteur", [("catalogue", catalogue_entry(regles_dir).encode()),
                                       ("moteur", b"compile" if compiled else b"interprete"), *_code()])
    engine = parse_cache.load(entry)
    if type(engine) is Engine and engine.compiled is compiled:
        return engine
    from ruleset.loader import load_rules

    engine = Engine(load_rules(regles_dir), compiled=compiled)
    # The compiled versions are cached with the engine: a cold run does not generate code.
    engine.compile_all()
    parse_cache.store(entry, engine, partial(RulePickler, without_examples=True))
    return engine

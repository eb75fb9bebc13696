"""An engine from the cache knows, for each version, whether it reads the act, without walking its
texts again: that was computed before it was cached (`Engine.__getstate__`), keyed by rule and
position as its compiled versions are, since the ids of versions do not survive pickling."""
from __future__ import annotations

import datetime as dt
import io
import pickle

from checker import engine as engine_module
from checker.engine import Engine
from ruleset.catalogue import RulePickler
from ruleset.loader import load_rules

from conftest import RULES_DIR

DATES = (dt.date(1990, 5, 1), dt.date(2010, 5, 1), dt.date(2020, 5, 1), dt.date(2023, 5, 1))
ONLY = frozenset({"L2121-11.delai", "L2121-11.urgence", "L2121-12.delai", "L2121-12.urgence",
                  "L2121-20.majorite_absolue", "L2121-20.partage_egal_des_voix", "L2121-17.quorum"})


def _through_the_cache(engine: Engine) -> Engine:
    """The engine pickled as `checker.engine_cache` keeps it, and unpickled."""
    buffer = io.BytesIO()
    RulePickler(buffer, without_examples=True).dump(engine)
    return pickle.loads(buffer.getvalue())


def _by_place(engine: Engine) -> dict:
    places = {id(v): (r.id, i) for r in engine.rules for i, v in enumerate(r.versions)}
    return {places[k]: v for k, v in engine._act_readers.items()}


def test_an_unpickled_engine_does_not_walk_its_versions_texts_again(monkeypatch):
    engine = Engine(load_rules(str(RULES_DIR)))
    for date in DATES:
        engine._plan(date, ONLY)
    known = _by_place(engine)
    assert True in known.values() and False in known.values()
    copy = _through_the_cache(engine)
    assert _by_place(copy) == known

    def walked(*_):
        raise AssertionError("a version's texts walked again")
    monkeypatch.setattr(engine_module, "_reads", walked)
    for date in DATES:
        assert copy._plan(date, ONLY)[0]

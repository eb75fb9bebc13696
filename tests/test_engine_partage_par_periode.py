"""A family on each act whose versions in force do not read the act is decided once per record.

Some families read the act in some periods only (the convocation delays read `deliberation.icpe`
since the ICPE extension of 19 August 2015): in the periods before, the engine decides them on the
record's first act and gives every act that outcome (`Engine._plan`). Compared here with an engine
that decides every such family act by act, on random meetings across 1990–2027 with several acts
that differ (ICPE, votes, attendance): the same outcomes, values, facts read and missing facts,
for the five families of the yardstick and for the whole catalogue.
"""
from __future__ import annotations

import json
import sys

import pytest

from checker.engine import Engine
from checker.record import build_record
from ruleset.loader import load_rules

from conftest import ROOT, RULES_DIR

sys.path.insert(0, str(ROOT / "bench"))
import families  # noqa: E402
import meetings  # noqa: E402

RULES = load_rules(str(RULES_DIR))


def _act_by_act() -> Engine:
    engine = Engine(RULES)
    # Every version taken as reading the act: each family on each act decided act by act.
    engine._reads_act = lambda version: version is not None
    return engine


def _entries(engine: Engine, record, only) -> list:
    return [(rule.id, outcome.status, outcome.version, outcome.message, outcome.values,
             [(id(node), key, value) for node, key, value in outcome.trace],
             sorted(m.path for m in outcome.missing), outcome.applicability_unknown, outcome.error,
             outcome.set_aside_by, path, label)
            for rule, outcome, path, label in engine.evaluate(record, only=only)]


def _records(count: int) -> list:
    drawn = [r for r in meetings.meetings(count, seed=31) if len(r.get("deliberations") or []) > 1]
    return [build_record(json.loads(json.dumps(r)), "meeting") for r in drawn]


@pytest.mark.parametrize("only", [families.RULES, None], ids=["cinq_familles", "catalogue"])
@pytest.mark.parametrize("compiled", [True, False], ids=["compile", "interprete"])
def test_a_family_shared_in_a_period_gives_each_act_what_it_would_get_alone(only, compiled):
    shared, alone = Engine(RULES, compiled=compiled), _act_by_act()
    alone.compiled = compiled
    records = _records(300)
    assert len(records) > 100
    early = [r for r in records if r.date.isoformat() < "2015-08-19"]
    # The periods where the sharing applies are drawn, with acts whose ICPE mark differs.
    assert len(early) > 20
    plan = shared._plan(early[0].date, only)[0]
    assert any(shareable and rule.id == "L2121-11.delai" for rule, _, shareable, _, _ in plan)
    for record in records:
        assert _entries(shared, record, only) == _entries(alone, record, only), record.date

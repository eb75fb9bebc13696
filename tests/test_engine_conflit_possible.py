"""A family with one exception that applies and another that may apply too: were both to apply they
would conflict, so nothing is decided until the facts of the second are known (the interpreter once
raised KeyError there; today's catalogue writes its exceptions' conditions to exclude each other)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from checker.engine_cache import engine_for
from checker.record import read_record_file
from checker.findings import INDETERMINE
from ruleset.values import Missing, Unknown

DATE = dt.date(2020, 6, 1)
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "villeneuve-dascq-2023-12-19.yaml"


def _family(engine, rule_id):
    for rule, family, _ in engine._families(None):
        if rule.id == rule_id:
            return family
    raise AssertionError(rule_id)


def test_one_exception_true_and_another_unknown_leaves_the_whole_family_undecided():
    engine = engine_for()
    family = _family(engine, "L2121-17.quorum")
    versions = tuple(member.version_at(DATE) for member in family)
    in_force = [member for member, version in zip(family[1:], versions[1:]) if version is not None]
    assert len(in_force) >= 2, "il faut deux exceptions en vigueur à cette date"
    doubt = frozenset((Missing("seance.seconde_convocation"),))
    known = {member.id: False for member in in_force}
    known.update({in_force[0].id: True, in_force[1].id: Unknown(doubt)})
    root = read_record_file(EXAMPLE).root
    env = {key: root[key] for key in ("collectivite", "seance", "convocation", "deliberations")}
    outcomes = engine._decide(family, versions, env, DATE, known)
    assert len(outcomes) == len(family)
    by_id = dict(zip((member.id for member in family), outcomes))
    for rule_id in (family[0].id, in_force[0].id, in_force[1].id):
        assert by_id[rule_id].status == INDETERMINE
        assert "conflit possible" in by_id[rule_id].error
        assert by_id[rule_id].missing == doubt

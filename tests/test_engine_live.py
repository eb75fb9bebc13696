"""The live entries the engine hands to decide (`checker.engine.Entries.live`).

Decide reads the entries whose outcome is not « non applicable », in order, and used to find them
by scanning every entry of the act (`checker.results.LeanResult.evidence`). The engine knows them
as it fills the list: each site that fills it (the plan function's templates, the engine's own
step for what the plan does not write out, the loop that decides a record again when the plan
function fails, the interpreter) adds them to `live` too. At every one of them `live` must be
exactly decide's scan: the same tuples, in the same order.
"""
from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from checker.engine import Engine, Entries
from checker.findings import NON_APPLICABLE
from checker.record import build_record
from ruleset.compiler.plan import FAMILY, FIXED, GENERAL, SIMPLE
from ruleset.loader import load_rules

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import families  # noqa: E402
import generate  # noqa: E402
import meetings  # noqa: E402

RULES = load_rules()


def _scan(entries) -> list:
    """Decide's own scan (`checker.results`)."""
    return [entry for entry in entries if entry[1].status != NON_APPLICABLE]


def _assert_live(entries, context) -> int:
    assert type(entries) is Entries, context
    live = entries.live
    scan = _scan(entries)
    assert len(live) == len(scan), context
    assert all(mine is theirs for mine, theirs in zip(live, scan)), context
    return len(live)


def _records() -> list:
    """Generated acts of every kind of body (`bench/generate.py`) and meetings that draw every
    exception of the five families (`bench/meetings.py`), from 1990: the periods of the old code
    des communes hold rules with no version in force whose law is not encoded (« indetermine »
    outcomes bound once per plan)."""
    found = []
    for line in generate.lines(150, seed=77):
        try:
            found.append(build_record(json.loads(line), "lot"))
        except Exception:
            continue
    for data in meetings.meetings(150, seed=78):
        found.append(build_record(json.loads(json.dumps(data)), "seance"))
    return found


RECORDS = _records()
ONLY = [None, families.RULES, frozenset({"L2121-17.quorum", "L2121-20.majorite_absolue", "L2121-11.delai",
                                         "L2121-11.urgence", "L5211-11-1.quorum", "L121-10.delai"})]


@pytest.mark.parametrize("only", ONLY)
def test_the_plan_functions_live_entries_are_decides_scan(only):
    """Through the plan functions: every kind of step (a rule alone, guarded or not, a family with
    its exceptions, no member in force, another body's law) on every kind of record."""
    engine = Engine(RULES, compiled=True)
    live = 0
    for record in RECORDS:
        live += _assert_live(engine.evaluate(record, only), record.root.get("reference"))
    assert live > 500
    if only is None:
        kinds = {step[0] for made in engine._plan_codes.values() for step in made[0]}
        assert {SIMPLE, FAMILY, FIXED} <= kinds
        # Steps with no member in force whose outcome is live (a law not encoded) were met, and
        # the records fell in their periods.
        fixed_live = [key for key, made in engine._plan_codes.items()
                      if any(step[0] == FIXED and any(step[3]) for step in made[0])]
        assert fixed_live
        assert any(entry[1].version is None and entry[1].status != NON_APPLICABLE
                   for record in RECORDS for entry in engine.evaluate(record, only).live)


@pytest.mark.parametrize("compiled", [True, False])
def test_the_engines_loop_and_the_interpreter_fill_live_alike(compiled):
    """Without plan functions: the engine's loop over the steps (compiled versions), and the
    interpreter alone."""
    engine = Engine(RULES, compiled=compiled)
    for record in RECORDS[::4]:
        for only in ONLY:
            if compiled:
                steps, readers, function = engine._plan(record.date, only)
                key = next(k for k, v in engine._plans.items() if v[0] is steps)
                engine._plans[key] = (steps, readers, None)
                try:
                    entries = engine.evaluate(record, only)
                finally:
                    engine._plans[key] = (steps, readers, function)
            else:
                entries = engine.evaluate(record, only)
            _assert_live(entries, (record.root.get("reference"), only))


def test_a_plan_function_that_fails_leaves_live_to_the_loop():
    """A plan function that raises after filling part of the lists: the loop decides the record
    again, and `live` holds its entries only."""
    engine = Engine(RULES, compiled=True)
    record = next(r for r in RECORDS if len(r.root["deliberations"]) > 1)
    expected = [(e[0].id, e[1].status, e[2]) for e in engine.evaluate(record)]
    steps, readers, function = engine._plan(record.date, None)

    def broken(env, acts, out, lv, un, cx):
        function(env, acts, out, lv, un, cx)
        raise ZeroDivisionError("plan function broke after its work")
    key = next(k for k, v in engine._plans.items() if v[0] is steps)
    engine._plans[key] = (steps, readers, broken)
    entries = engine.evaluate(record)
    assert [(e[0].id, e[1].status, e[2]) for e in entries] == expected
    assert _assert_live(entries, "fallback") > 0


def test_the_engines_own_step_called_from_a_plan_function_fills_live():
    """A version the compiler does not take is decided by the engine's own step, which the plan
    function calls (`GENERAL`): its live entries land in their place among the plan's."""
    engine = Engine(RULES, compiled=True)
    for rule in RULES:
        if rule.id in ("L2121-17.quorum", "L2121-20.majorite_absolue", "L2121-21.scrutin_secret"):
            for version in rule.versions:
                engine._compiled[id(version)] = None
    generals = 0
    for record in RECORDS:
        _assert_live(engine.evaluate(record), record.root.get("reference"))
    for made in engine._plan_codes.values():
        generals += sum(step[0] == GENERAL for step in made[0])
    assert generals > 0


def test_entries_merged_across_numbers_in_office_carry_no_stale_live():
    """Members present known by difference from members in office known as bounds: the record is
    checked for every possible number in office and the entries merged (`checker.correlation`),
    some outcomes replaced. What `evaluate` returns then is a plain list, which decide scans, or
    entries whose `live` is still the scan."""
    engine = Engine(RULES, compiled=True)
    merged = 0
    for office, absents in (({"min": 31, "max": 49}, 8), ({"min": 20, "max": 26}, 9), (27, 3)):
        record = build_record({
            "collectivite": {"nom": "Commune d'Essai", "nature": "commune", "population": 12000, "departement": "44"},
            "seance": {"date": "2023-12-19", "membres_en_exercice": office, "representes": 1,
                       "presence_par_difference": True, "absents": [f"Absent {i}" for i in range(absents)],
                       "pouvoirs": [{"mandant": "Mandant", "mandataire": "Mandataire", "ecrit": True}]},
            "convocation": {"date_envoi": "2023-12-12"},
            "deliberations": [{"numero": "1", "objet": "Essai", "vote": {"mode": "main_levee", "resultat": "adoptee"}}],
        }, "essai.yaml")
        entries = engine.evaluate(record)
        if type(entries) is Entries:
            _assert_live(entries, office)
        else:
            merged += 1
            assert type(entries) is list and not hasattr(entries, "live")
    assert merged >= 1


def test_entries_compare_and_pickle_as_lists():
    """Entries are a list to every reader (equality, copies, pickling between processes)."""
    import pickle

    engine = Engine(RULES, compiled=True)
    record = RECORDS[0]
    entries = engine.evaluate(record)
    assert entries == list(entries) and list(entries) == entries
    assert not hasattr(list(entries), "live") and not hasattr(entries[:], "live")
    assert pickle.loads(pickle.dumps(dt.date(2024, 1, 1))) == dt.date(2024, 1, 1)
    copy = pickle.loads(pickle.dumps(Entries([1, 2])))
    assert copy == [1, 2]

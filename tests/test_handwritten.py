"""The hand-written checker (bench/handwritten.py), written from cgct.md, decides what the rules
decide on five families: convocation delay, quorum, proxies per holder, majority and vote
counting, list of deliberations. It is the engine's yardstick in bench/engine_vs_handwritten.py,
and an independent reference: any disagreement is a defect of one of the two.

The edge cases of cgct.md §10 are asked of it directly, so that it cannot agree with the engine
by being wrong the same way; then both are compared on random meetings across 1990–2027.
"""
from __future__ import annotations

import json
import random
import sys
from collections import Counter

from hypothesis import given, settings, strategies as st

from checker.record import build_record
from ruleset.errors import InputError

from conftest import ROOT, load_script

sys.path.insert(0, str(ROOT / "bench"))
import families  # noqa: E402
import handwritten  # noqa: E402
import meetings  # noqa: E402


def _meeting(day, sent=None, population=1200, **parts) -> dict:
    body = {"nature": "commune", "population": population}
    body.update(parts.pop("collectivite", {}))
    if body.get("population") is None:
        body.pop("population")
    convocation = {"date_envoi": sent} if sent else {}
    convocation.update(parts.pop("convocation", {}))
    seance = {"date": day}
    seance.update(parts.pop("seance", {}))
    return {"collectivite": body, "seance": seance, "convocation": convocation,
            "deliberations": parts.pop("deliberations", [{"numero": "1"}])}


def _family(record: dict, family: str, path: str = "deliberations[0]") -> str:
    return handwritten.check(record).get((family, path), "non_applicable")


def test_the_delay_cases_of_the_specification():
    assert _family(_meeting("2023-12-19", "2023-12-13", 5000), "delai") == "conforme"        # §10 cas 1
    assert _family(_meeting("2023-12-19", "2023-12-14", 5000), "delai") == "non_conforme"    # cas 2
    assert _family(_meeting("2024-05-10", "2024-05-06", 900), "delai") == "conforme"         # cas 6
    assert _family(_meeting("1989-12-26", "1989-12-21", 20000), "delai") == "conforme"       # cas 8
    urgent = {"urgence": True, "urgence_prononcee": True}
    assert _family(_meeting("2024-10-04", "2024-10-02", 5000, convocation=urgent), "delai") == "conforme"  # cas 9
    assert _family(_meeting("2024-10-04", "2024-10-03", 5000, convocation=urgent), "delai") == "non_conforme"  # cas 10
    first = {"premiere_reunion_apres_renouvellement": True}
    assert _family(_meeting("2026-03-20", "2026-03-16", 5000, seance=first), "delai") == "conforme"  # cas 12
    assert _family(_meeting("2026-03-20", "2026-03-17", 5000, seance=first), "delai") == "non_conforme"
    icpe = [{"numero": "1", "icpe": True}]
    assert _family(_meeting("2016-03-20", "2016-03-16", 800, deliberations=icpe), "delai") == "non_conforme"  # cas 15
    assert _family(_meeting("2014-03-20", "2014-03-16", 800, deliberations=icpe), "delai") == "conforme"
    moselle = {"departement": "57"}
    veille = {"urgence": True, "urgence_prononcee": True}
    assert _family(_meeting("2024-03-15", "2024-03-14", 1200, collectivite=moselle, convocation=veille),
                   "delai") == "conforme"                                                    # cas 17
    assert _family(_meeting("2024-03-15", "2024-03-14", 1200, convocation=veille), "delai") == "non_conforme"


def test_urgency_needs_a_vote_only_when_the_delay_was_shortened():
    kept = {"urgence": True, "urgence_prononcee": False}
    assert _family(_meeting("2024-03-15", "2024-03-11", 1200, convocation=kept), "delai") == "conforme"
    short = {"urgence": True, "urgence_prononcee": False}
    assert _family(_meeting("2024-03-15", "2024-03-13", 1200, convocation=short), "delai") == "non_conforme"


def test_local_law_is_for_communes_only():
    syndicate = {"nature": "syndicat_de_communes", "departement": "57",
                 "membres": [{"nom": "A", "population": 1200}]}
    veille = {"urgence": True, "urgence_prononcee": True}
    assert _family(_meeting("2024-03-15", "2024-03-14", None, collectivite=syndicate, convocation=veille),
                   "delai") == "non_conforme"


def test_the_quorum_and_proxy_cases_of_the_specification():
    roll = {"membres_en_exercice": 27, "presents": 14}
    assert _family(_meeting("2023-05-10", seance=roll), "quorum") == "conforme"              # cas 19
    assert _family(_meeting("2023-05-10", seance={**roll, "presents": 13}), "quorum") == "non_conforme"
    second = {"seconde_convocation": True}
    carried = [{"numero": "1", "reportee_faute_de_quorum": True}]
    few = {"membres_en_exercice": 15, "presents": 4}
    assert _family(_meeting("2024-03-15", "2024-03-11", seance=few, convocation=second, deliberations=carried),
                   "quorum") == "conforme"                                                   # cas 23
    assert _family(_meeting("2024-03-14", "2024-03-11", seance=few, convocation=second, deliberations=carried),
                   "quorum") == "non_conforme"
    two = [{"mandant": "A", "mandataire": "X"}, {"mandant": "B", "mandataire": "X"}]
    covid = {"membres_en_exercice": 27, "presents": 9, "pouvoirs": two}
    assert _family(_meeting("2021-11-15", seance=covid), "quorum") == "conforme"             # cas 24
    assert _family(_meeting("2021-11-15", seance=covid), "pouvoirs", "seance") == "conforme"
    assert _family(_meeting("2022-08-01", seance=covid), "quorum") == "non_conforme"         # cas 25
    assert _family(_meeting("2022-08-01", seance=covid), "pouvoirs", "seance") == "non_conforme"
    three = [{"mandant": f"M{i}", "mandataire": f"H{i}"} for i in range(3)]
    c2 = {"membres_en_exercice": 33, "presents": 9, "pouvoirs": three}
    assert _family(_meeting("2020-04-15", collectivite={"nature": "syndicat_de_communes",
                                                         "membres": [{"nom": "A", "population": 900}]},
                            seance=c2), "quorum") == "conforme"                              # cas 27
    assert _family(_meeting("2020-07-15", seance=c2), "quorum") == "non_conforme"


def test_the_majority_cases_of_the_specification():
    def vote(**counts):
        # No proxy at the meeting: nothing to neutralise (unknown proxies leave the result unknown).
        return _meeting("2023-05-10", seance={"pouvoirs": []}, deliberations=[{"numero": "1", "vote": counts}])
    assert _family(vote(pour=10, contre=9, abstentions=8, resultat="adoptee"), "majorite") == "conforme"  # cas 31
    assert _family(vote(pour=9, contre=10, resultat="adoptee"), "majorite") == "non_conforme"
    tie = {"pour": 9, "contre": 9, "resultat": "adoptee"}
    assert _family(vote(mode="main_levee", voix_preponderante=True, **tie), "majorite") == "conforme"   # cas 32
    assert _family(vote(mode="scrutin_secret", voix_preponderante=True, **tie), "majorite") == "non_conforme"
    assert _family(vote(voix_preponderante=True, **tie), "majorite") == "indetermine"   # no mode: not public
    proxies = [{"mandant": "A", "mandataire": "X", "ecrit": True, "seances_consecutives": 1},
               {"mandant": "B", "mandataire": "X", "ecrit": True, "seances_consecutives": 1}]
    held = _meeting("2022-10-10", seance={"pouvoirs": proxies},
                    deliberations=[{"numero": "1", "vote": {"pour": 15, "contre": 8, "resultat": "adoptee"}}])
    assert _family(held, "majorite") == "conforme"                                           # cas 29
    lost = _meeting("2022-10-10", seance={"pouvoirs": proxies},
                    deliberations=[{"numero": "1", "vote": {"pour": 9, "contre": 8, "resultat": "adoptee"}}])
    assert _family(lost, "majorite") == "non_conforme"


def _engine_families(engine, record: dict) -> dict:
    built = build_record(json.loads(json.dumps(record)), "meeting")
    found = families.engine_families(engine.evaluate(built, only=families.RULES))
    return {key: status for key, status in found.items() if status != "non_applicable"}


def _disagreements(engine, record: dict) -> dict:
    ours, theirs = handwritten.check(record), _engine_families(engine, record)
    return {key: (theirs.get(key), ours.get(key)) for key in set(ours) | set(theirs) if ours.get(key) != theirs.get(key)}


def test_the_engine_and_the_hand_written_checker_agree_on_a_thousand_meetings(engine):
    seen: Counter = Counter()
    for record in meetings.meetings(1000, seed=16):
        assert _disagreements(engine, record) == {}, json.dumps(record, ensure_ascii=False)
        seen.update((family, status) for (family, _), status in handwritten.check(record).items())
    # The meetings reach every verdict of every family: agreeing on « indetermine » alone proves nothing.
    for family in families.FAMILIES:
        for status in ("conforme", "non_conforme", "indetermine"):
            assert seen[(family, status)] > 0, (family, status)


def test_they_agree_on_the_batch_benchmarks_records(engine):
    import generate

    for line in generate.lines(300, seed=9):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        try:
            build_record(json.loads(line), "lot")
        except InputError:
            continue   # the lines broken on purpose
        assert _disagreements(engine, record) == {}, line


@settings(max_examples=max(200, settings.default.max_examples))
@given(st.integers(min_value=0, max_value=2**32))
def test_the_engine_and_the_hand_written_checker_agree_on_random_meetings(engine, seed):
    record = meetings.meeting(random.Random(seed), seed)
    assert _disagreements(engine, record) == {}


DECIDED = {"conforme", "non_conforme", "indetermine"}


def test_the_benchmark_measures_them_on_records_they_decide_alike_exceptions_included(engine):
    """The ratio of bench/engine_vs_handwritten.py (`--records 5000`) is read on records both
    decide alike, every one of them; and on those records every rule of the five families in
    force between 1990 and 2027 decides some subject, every exception among them (urgency,
    Alsace-Moselle, the first meeting, the COVID laws, the second convocation) setting its rule
    aside on some: the yardstick is timed deciding what the rules decide, not a simpler law."""
    bench = load_script(ROOT / "bench" / "engine_vs_handwritten.py")
    raw, built = bench.records(5000)
    differing, compared = bench.disagreements(engine, raw, built)
    assert differing == [] and compared > 30_000
    decided, set_aside = Counter(), Counter()
    for record in built:
        for rule, outcome, _, _ in engine.evaluate(record, only=families.RULES):
            decided[rule.id] += outcome.status in DECIDED
            set_aside[outcome.set_aside_by] += outcome.set_aside_by is not None
    in_force = {rule.id: rule for rule in engine.rules if rule.id in families.RULES
                and any(v.au is None or v.au > meetings.FIRST for v in rule.versions)}
    assert set(families.RULES) - set(in_force) == {"loi-1884-art-48.delai", "loi-1884-art-50.quorum"}
    for rule_id, rule in in_force.items():
        assert decided[rule_id] >= 5, rule_id
        if rule.exception_de:
            assert set_aside[rule_id] >= 5, rule_id


def test_the_benchmark_s_periods_share_out_its_records_one_period_each(engine):
    """`--par-periode` times the records of each stretch of law apart: every record falls in
    exactly one, and the benchmark's meetings (1990–2027) meet all three."""
    bench = load_script(ROOT / "bench" / "engine_vs_handwritten.py")
    raw, built = bench.records(600)
    periods = bench.by_period(engine, raw, built, 1, 100)
    assert list(periods) == [name for name, _, _ in bench.PERIODS]
    assert sum(period["records"] for period in periods.values()) == len(built)
    assert all(period["records"] > 0 and period["handwritten_us"] > 0 for period in periods.values())

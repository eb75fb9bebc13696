"""A fact given with doubt never hides what the record's other facts say.

Found by Hypothesis (`test_taking_a_fact_out_never_turns_a_finding_into_conforme`, thorough
profile): a `seance.presents` read with a confidence of 0 was copied into the deliberation and
shadowed a reliable roll of members that counted differently; with the count taken out, the roll
gave the count and `L2121-20.decompte_des_voix` went from indéterminé to non conforme. The same
kind: a doubtful `alsace_moselle` hid the département's answer. A doubtful given fact now gives way
to the same fact derived from the others, and the derived fact's source says what it replaced.
"""
import copy

import pytest

from checker.record import build_record

DECOMPTE = "L2121-20.decompte_des_voix"
QUORUM = "L2121-17.quorum"


def _roll(present: int, total: int) -> list:
    return [{"nom": f"Membre {i}", "presence": "present" if i < present else "absent"} for i in range(total)]


def _record(presents, roll_present=5, total=10, lecture=None) -> dict:
    record = {"seance": {"date": "2023-03-13", "membres_en_exercice": total, "membres": _roll(roll_present, total)},
              "deliberations": [{"numero": "1", "vote": {"pour": 6, "contre": 0, "abstentions": 0}}]}
    if presents is not None:
        record["seance"]["presents"] = presents
    if lecture:
        record["lecture"] = lecture
    return record


def _statuses(engine, data) -> dict:
    built = build_record(copy.deepcopy(data), "x")
    return {(f.regle, f.chemin): f for f in engine.check(built) if f.regle in (DECOMPTE, QUORUM)}


@pytest.mark.parametrize("doubtful", [7, 5, 3])
def test_a_doubtful_count_never_makes_a_finding_less_decided_than_without_it(engine, doubtful):
    with_count = _statuses(engine, _record({"valeur": doubtful, "confiance": 0.0}))
    without = _statuses(engine, _record(None))
    assert {k: f.statut for k, f in with_count.items()} == {k: f.statut for k, f in without.items()}
    assert without[(DECOMPTE, "deliberations[0]")].statut == "non_conforme"


def test_the_roll_replaces_a_doubtful_count_and_says_so(engine):
    built = build_record(_record({"valeur": 7, "confiance": 0.3, "source": "Présents : 7"}), "x")
    seance = built.root["seance"]
    assert seance["presents"] == 5
    source = seance.sources["presents"][0]
    assert "seance.membres" in source and "(7, lue avec une confiance de 0,3)" in source
    assert "contredit et remplace" in source
    agreeing = build_record(_record({"valeur": 5, "confiance": 0.3}), "x")
    assert "qu'il confirme" in agreeing.root["seance"].sources["presents"][0]


def test_a_count_given_with_confidence_above_the_gate_stays(engine):
    built = build_record(_record({"valeur": 7, "confiance": 0.95}), "x")
    assert built.root["seance"]["presents"] == 7


def test_a_roll_read_with_doubt_passes_its_doubt_on_and_accuses_no_one(engine):
    doubtful_roll = {"confiances": {"seance.membres": 0.7}}
    findings = _statuses(engine, _record({"valeur": 7, "confiance": 0.0}, lecture=doubtful_roll))
    decompte = findings[(DECOMPTE, "deliberations[0]")]
    assert decompte.statut == "indetermine"
    assert "0,7" in decompte.doute
    quorum = findings[(QUORUM, "deliberations[0]")]
    assert quorum.statut == "indetermine" and "0,7" in quorum.doute


def test_a_doubtful_alsace_moselle_gives_way_to_the_departement():
    data = {"collectivite": {"departement": "35", "alsace_moselle": {"valeur": True, "confiance": 0.49}},
            "seance": {"date": "2022-04-21"}}
    built = build_record(data, "x")
    collectivite = built.root["collectivite"]
    assert collectivite["alsace_moselle"] is False
    assert "déduit du département (35)" in collectivite.sources["alsace_moselle"][0]
    trusted = build_record({"collectivite": {"departement": "35", "alsace_moselle": True},
                            "seance": {"date": "2022-04-21"}}, "x")
    assert trusted.root["collectivite"]["alsace_moselle"] is True


def test_a_doubtful_convocation_date_gives_way_to_the_convocations_sent():
    data = {"seance": {"date": "2022-04-21"},
            "convocation": {"date_envoi": {"valeur": "2022-04-01", "confiance": 0.2},
                            "envois": [{"membre": "A B", "date_envoi": "2022-04-14"},
                                       {"membre": "C D", "date_envoi": "2022-04-15"}]}}
    built = build_record(data, "x")
    assert built.root["convocation"]["date_envoi"].isoformat() == "2022-04-15"

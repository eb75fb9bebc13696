"""Issue 13 §4: a message never pastes an unknown value into a sentence."""
import pytest

from checker.engine import Engine
from checker.findings import NON_APPLICABLE
from checker.record import build_record
from ruleset.messages import render, segments, unknown_in_sentence
from ruleset.values import Unknown


class _Keep(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def test_an_optional_part_citing_an_unknown_value_is_left_out():
    template = "Convocation⟨ envoyée le {envoi}⟩ : {requis} jours francs requis."
    assert render(template, {"envoi": "12/03/2024", "requis": 3}, _Keep, str) == \
        "Convocation envoyée le 12/03/2024 : 3 jours francs requis."
    assert render(template, {"envoi": Unknown.of("convocation.date_envoi"), "requis": 3}, _Keep, str) == \
        "Convocation : 3 jours francs requis."


@pytest.mark.parametrize("template", ["a ⟨b", "a ⟩ b", "⟨a ⟨b⟩ c⟩"])
def test_unbalanced_optional_parts_are_refused(template):
    with pytest.raises(ValueError):
        segments(template)


def test_no_rule_example_pastes_an_unknown_value_into_its_message(rules):
    engine = Engine(rules)
    offenders = []
    for rule in rules:
        for example in rule.exemples:
            record = build_record(example.dossier, f"{rule.id}::{example.nom}")
            for finding in engine.check(record, only={rule.id}):
                if finding.statut == NON_APPLICABLE or finding.regle != rule.id:
                    continue
                version = rule.version_at(record.date)
                template = version.messages.get(finding.statut) if version else None
                if template is None:
                    continue
                names = unknown_in_sentence(template, finding.valeurs)
                if names:
                    offenders.append(f"{rule.id}::{example.nom} ({finding.statut}) : {', '.join(names)}")
    assert not offenders, "valeurs inconnues collées dans une phrase :\n" + "\n".join(sorted(set(offenders)))


def _messages(engine, data, rule_id):
    return [f.message for f in engine.check(build_record(data, "essai")) if f.regle == rule_id]


def test_an_unknown_population_is_said_so_not_the_sending_date(engine):
    data = {"seance": {"date": "2023-12-19"}, "convocation": {"date_envoi": "2023-12-14"}, "deliberations": [{"numero": "1"}]}
    [message] = _messages(engine, data, "L2121-12.delai")
    assert "population inconnue" in message and "date d'envoi" not in message


def test_second_convocation_never_claims_no_quorum_needed_when_its_conditions_fail(engine):
    data = {"seance": {"date": "2024-03-14", "membres_en_exercice": 15, "presents": 8},
            "convocation": {"date_envoi": "2024-03-11", "seconde_convocation": True},
            "deliberations": [{"numero": "1", "reportee_faute_de_quorum": True}]}
    [message] = _messages(engine, data, "L2121-17.seconde_convocation")
    assert "sans condition de quorum" not in message and "quorum du jour" in message


def test_an_unknown_channel_is_not_called_a_sending_away_from_home(engine):
    data = {"collectivite": {"population": 800}, "seance": {"date": "2018-03-14"},
            "convocation": {"date_envoi": "2018-03-09"}, "deliberations": [{"numero": "1"}]}
    messages = _messages(engine, data, "L2121-10.canal")
    assert messages and all(not m.startswith("Envoi hors du domicile") for m in messages)

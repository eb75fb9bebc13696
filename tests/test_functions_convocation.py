"""Convocation helpers: the channel a member asked for, the day the convocation reached him."""
import datetime as dt

import pytest

from ruleset.expressions import EvaluationError, compile_expression
from ruleset.functions import HELPERS
from ruleset.values import Node, NodeList, Unknown


def evaluate(text, envoi=None, envois=None):
    node = Node("envoi")
    node.update(envoi or {})
    convocation = Node("convocation")
    if envois is not None:
        convocation["envois"] = NodeList("convocation.envois", envois)
    return compile_expression(text, {"envoi", "convocation"})({"envoi": node, "convocation": convocation})


def envoi(**fields):
    node = Node("convocation.envois[0]")
    node.update(fields)
    return node


@pytest.mark.parametrize("canal, demande, attendu", [
    ("electronique", "electronique", True),
    ("casier_mairie", "casier_mairie", True),
    ("casier_mairie", "electronique", False),
    ("electronique", "papier_domicile", False),
    ("papier_domicile", "papier_domicile", True),
])
def test_channel_is_regular_when_it_is_the_one_asked_for(canal, demande, attendu):
    assert evaluate(f"canal_regulier('{canal}', '{demande}', 'electronique')") is attendu


def test_silence_validates_the_default_channel_only():
    assert evaluate("canal_regulier('electronique', envoi.canal_demande, 'electronique')") is True
    value = evaluate("canal_regulier('casier_mairie', envoi.canal_demande, 'electronique')")
    assert isinstance(value, Unknown)
    assert {m.path for m in value.missing} == {"envoi.canal_demande"}


def test_unknown_channel_stays_unknown():
    value = evaluate("canal_regulier(envoi.canal, 'electronique', 'electronique')")
    assert isinstance(value, Unknown)


def test_receipt_date_when_given():
    assert evaluate("date_de_reception('casier_mairie', envoi.date_reception, envoi.date_envoi)",
                    {"date_reception": dt.date(2024, 3, 8), "date_envoi": dt.date(2024, 3, 1)}) == dt.date(2024, 3, 8)


def test_hand_delivery_is_receipt():
    assert evaluate("date_de_reception('remise_en_main_propre', envoi.date_reception, envoi.date_envoi)",
                    {"date_envoi": dt.date(2024, 3, 1)}) == dt.date(2024, 3, 1)


def test_receipt_unknown_otherwise():
    value = evaluate("date_de_reception('casier_mairie', envoi.date_reception, envoi.date_envoi)",
                     {"date_envoi": dt.date(2024, 3, 1)})
    assert isinstance(value, Unknown)
    assert {m.path for m in value.missing} == {"envoi.date_reception"}


def test_receipt_must_be_a_date():
    with pytest.raises(EvaluationError):
        evaluate("date_de_reception('casier_mairie', '2024-03-08', envoi.date_envoi)")


def test_names_by_verdict_keep_unknowns_apart():
    envois = [envoi(membre="A", ok=True), envoi(membre="B", ok=False), envoi(membre="C")]
    noms = "liste(e.membre for e in convocation.envois)"
    verdicts = "liste(e.ok for e in convocation.envois)"
    assert evaluate(f"noms_en_defaut({noms}, {verdicts})", envois=envois) == ["B"]
    assert evaluate(f"noms_indetermines({noms}, {verdicts})", envois=envois) == ["C"]


def test_names_and_verdicts_must_match():
    with pytest.raises(EvaluationError):
        evaluate("noms_en_defaut(['A', 'B'], [vrai])")


def test_documented_in_french():
    assert "canal légal par défaut" in " ".join(HELPERS["canal_regulier"].doc.split())
    assert "remise en main propre" in " ".join(HELPERS["date_de_reception"].doc.split())

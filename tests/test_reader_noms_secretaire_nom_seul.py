"""A secretary printed by his surname alone (« M. PETIT est nommé secrétaire ») is given as printed, not
resolved to a member of the roll: L2121-15's `nom_dans` finds the one member who bears it, and stays
undecided when several do, where a resolution in the reader could pick another member (documents
invented for the test)."""
from __future__ import annotations

import pytest

from checker.engine import Engine
from checker.reader import read_text
from checker.record import build_record
from ruleset.loader import load_rules

from conftest import RULES_DIR

HEAD = """Commune de Val-Fleuri
Séance du lundi 11 juillet 2022
L'an deux mil vingt-deux, le 11 juillet à vingt heures trente, le Conseil Municipal de la commune, convoqué le 6 juillet 2022, s'est réuni sous la présidence de Mme Claire ROUX, Maire.
Membres en exercice : 5
Présents : Mme Claire ROUX, M. Paul DURAND, Mme Anne DURAND, M. Luc PETIT, M. Marc CAILLY.
"""
ITEM = """OBJET : Tarifs de la cantine
Après en avoir délibéré, le Conseil municipal, à l'unanimité des membres présents, fixe les tarifs.
"""


def _status(record: dict, rule_id: str) -> str:
    engine = Engine(load_rules(str(RULES_DIR)))
    findings = engine.check(build_record(record, "test"))
    return next(f.statut for f in findings if f.regle == rule_id)


@pytest.mark.parametrize("sentence, printed", [
    ("Monsieur PETIT est nommé secrétaire de séance.", "Monsieur PETIT"),
    ("Secrétaire de séance : M. CAILLY", "M. CAILLY"),
])
def test_a_surname_borne_by_one_member_is_given_as_printed_and_names_that_member(sentence, printed):
    record = read_text(HEAD + sentence + "\n" + ITEM)
    assert record["seance"]["secretaires"] == [printed]
    assert _status(record, "L2121-15.secretaire") == "conforme"


def test_a_surname_borne_by_two_members_leaves_the_check_undecided_never_an_accusation():
    record = read_text(HEAD + "M. DURAND est nommé secrétaire de séance.\n" + ITEM)
    assert record["seance"]["secretaires"] == ["M. DURAND"]
    assert _status(record, "L2121-15.secretaire") == "indetermine"


def test_a_whole_name_is_still_resolved_to_the_roll():
    record = read_text(HEAD + "Secrétaire de séance : Luc PETIT\n" + ITEM)
    assert record["seance"]["secretaires"] == ["Luc PETIT"]

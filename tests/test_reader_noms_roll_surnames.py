"""A roll that names the members by their surname alone (« Présents : M. DURAND, Mme PETIT … »), as small
communes' minutes often do: what the rest of the minutes print in full is read in full, and the labels
that follow the lists end them (documents invented for the test)."""
from __future__ import annotations

import pytest

from checker.reader import read_text

HEAD = """COMMUNE DE SAINT-ALBERIC
Séance du conseil municipal du 12 mars 2024
L'an deux mil vingt-quatre, le douze mars à vingt heures, le conseil municipal dument convoqué s'est réuni au lieu habituel de ses séances, sous la présidence de {president}.
Date de convocation : 5 mars 2024
Présents : M. DURAND, Mme PETIT, M. LEBRUN, Mme VALOIS, M. FOUCHER, M. CAILLY
"""
TAIL = """OBJET : Tarifs de la cantine
Après en avoir délibéré, le conseil municipal, à l'unanimité, fixe les tarifs.
"""


@pytest.mark.parametrize("president", ["monsieur DURAND Paul maire", "Monsieur DURAND Paul, Maire",
                                       "M. DURAND Paul, maire"])
def test_a_given_name_after_a_surname_the_roll_gives_alone_is_his(president):
    record = read_text(HEAD.format(president=president) + "Secrétaire : Mme PETIT\n" + TAIL)
    assert record["seance"]["president"]["valeur"] == "Paul DURAND"


def test_a_heading_after_a_surname_the_roll_gives_alone_is_still_cut():
    record = read_text(HEAD.format(president="M. DURAND") + "Secrétaire de séance : M. CAILLY Budget Primitif\n" + TAIL)
    assert record["seance"]["secretaires"] == ["M. CAILLY"]


@pytest.mark.parametrize("label", ["Secrétariat de séance :", "Secrétariat :", "Secrétariat de la séance :"])
def test_the_secretariat_label_ends_the_absent_list(label):
    record = read_text(HEAD.format(president="M. DURAND Paul, maire")
                       + "Pouvoirs : Monsieur LAPORTE à Monsieur DURAND\n"
                       + f"ABSENTS : Mesdames BRUNEL, SALLES.\n{label} Madame Anne PETIT.\n" + TAIL)
    assert sorted(record["seance"]["absents"]) == ["BRUNEL", "SALLES"]
    if "séance" in label:
        assert record["seance"]["secretaires"] == ["Anne PETIT"]


@pytest.mark.parametrize("heading", ["Présents, 6 conseillers :", "Présents (6) :", "Présents, 6 conseillers municipaux :"])
def test_a_count_in_the_heading_of_those_present_leaves_the_list_a_list_of_names(heading):
    text = ("COMMUNE DE VAL-FLEURI\nSéance du conseil municipal du 12 mars 2024\n"
            "L'an deux mil vingt-quatre, le douze mars à vingt heures, le conseil municipal s'est réuni sous la "
            "présidence de M. Paul ROCHER, Maire.\n"
            f"{heading} M. Paul ROCHER, Mme Anne BESNARD, M. Marc CAILLY, Mme Marie FOUCHER, M. Luc PETIT, Mme Rose BLANC.\n"
            "Absents excusés : Mme Julie DORANGE, M. Louis ESNAULT.\n" + TAIL)
    membres = read_text(text)["seance"]["membres"]
    present = sorted(m["nom"] for m in membres if m["presence"] == "present")
    assert present == ["Anne BESNARD", "Luc PETIT", "Marc CAILLY", "Marie FOUCHER", "Paul ROCHER", "Rose BLANC"]

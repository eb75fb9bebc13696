"""The secretary of the meeting named in the formulas of a form or of running text (L2121-15): a label
with the inclusive mark of a form (« Secrétaire de séance élu(e) : »), « les fonctions de secrétaire
sont remplies par », « a accepté de remplir les fonctions de secrétaire ». Another office's secretary
stays unread. Documents invented for the test; names made up."""
from __future__ import annotations

import pytest

from checker.reader import read_text

HEAD = """COMMUNE DE SAINT-ALBAN-DU-PLATEAU
CONSEIL MUNICIPAL DU 14 MARS 2024
L'an deux mille vingt-quatre, le quatorze mars à vingt heures, le Conseil municipal, légalement convoqué, s'est réuni sous la présidence de M. Paul ROUQUETTE, Maire.
Etaient présents : M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, Mme Lise PUECH, M. Marc SOULIÉ, M. Luc PETIT.
"""
TAIL = """OBJET : Tarifs de la cantine
Le conseil municipal, à l'unanimité, adopte les tarifs.
"""


def secretaries(line: str):
    return read_text(HEAD + line + TAIL)["seance"].get("secretaires")


@pytest.mark.parametrize("line, name", [
    ("Secrétaire de séance élu(e) : Mme Odile FABRE\n", "Odile FABRE"),
    ("Secrétaire de séance désigné(e) : Mme Odile FABRE\n", "Odile FABRE"),
    ("Secrétaire de séance nommé(e) : M. Henri GASC\n", "Henri GASC"),
    ("Secrétaire élu(e) : Mme Odile FABRE\n", "Odile FABRE"),
    ("Les fonctions de secrétaire de séance sont remplies par Mme Odile FABRE.\n", "Odile FABRE"),
    ("Les fonctions de secrétaire ont été assurées par M. Henri GASC.\n", "Henri GASC"),
    ("Mme Odile FABRE a accepté de remplir les fonctions de secrétaire.\n", "Odile FABRE"),
    ("M. Henri GASC a été désigné pour remplir les fonctions de secrétaire de séance.\n", "Henri GASC"),
    ("Le secrétariat de séance est assuré par Mme Odile FABRE.\n", "Odile FABRE"),
])
def test_the_secretary_named_by_a_formula_is_read(line, name):
    assert secretaries(line) == [name]


@pytest.mark.parametrize("line", [
    "Les fonctions de secrétaire de mairie sont assurées par Mme Claire ROUX.\n",
    "Mme Claire ROUX a accepté de remplir les fonctions de secrétaire de mairie.\n",
])
def test_another_office_s_secretary_is_not_read(line):
    assert not secretaries(line)


@pytest.mark.parametrize("line, name", [
    ("Mme Odile FABRE a été déslgnée secrétaire de séance.\n", "Odile FABRE"),
    ("Mme Odile FABRE a été éluc secrétaire de séance.\n", "Odile FABRE"),
    ("Le conseil a cholsi pour secrétaire : Mme Odile FABRE.\n", "Odile FABRE"),
    ("M. Henri GASC a été n0mmé secrétalre de séance.\n", "Henri GASC"),
])
def test_the_words_naming_the_secretary_are_read_through_ocr_confusions(line, name):
    # A scan's OCR confuses i and l, e and c, o and 0 in the verbs and in « secrétaire ».
    assert secretaries(line) == [name]

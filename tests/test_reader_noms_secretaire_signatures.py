"""The secretary of the meeting (L2121-15) in a row of offices that sign, then their names in the same order
(« Le Maire La secrétaire de séance ⏎ Paul ROUQUETTE Odile FABRE »: the second name, never the first; a row whose
names are fewer than its offices is not read), and designated « pour assurer le secrétariat de la séance ». The
president named after his office in the opening formula (« sous la présidence du Maire, Mme X »), only when the
name follows the office at once. Documents invented for the test; names made up."""
from __future__ import annotations

import pytest

from checker.reader import read_text
from test_reader_noms_secretaire_formules import TAIL, secretaries


@pytest.mark.parametrize("line", [
    "Le Maire, La secrétaire de séance,\nPaul ROUQUETTE Odile FABRE\n",
    "Le Maire La Secrétaire de séance\nPaul ROUQUETTE Odile FABRE\n",
    "La Secrétaire de séance Le Maire\nOdile FABRE Paul ROUQUETTE\n",
    "Président de séance Secrétaire de séance\nPaul ROUQUETTE Odile FABRE\n",
    "Président de séance : Secrétaire de séance :\nPaul ROUQUETTE Odile FABRE\n",
    # Flattened in running text, the office in lower case, the acknowledgement of receipt after it.
    "Le Maire Le secrétaire de séance Paul ROUQUETTE Odile FABRE Accusé de réception en préfecture\n",
])
def test_a_row_of_signing_offices_gives_the_secretary_her_own_name(line):
    assert secretaries(line) == ["Odile FABRE"]


def test_a_row_of_offices_with_a_name_short_is_not_read():
    # Whose is the one name printed is not known: the maire's signature may be the one missing.
    assert not secretaries("Le Maire La Secrétaire de séance\nOdile FABRE\n")


@pytest.mark.parametrize("line", [
    "Le Maire,\nPaul ROUQUETTE\nLa secrétaire de séance,\nOdile FABRE\n",
    "DESIGNATION DU SECRETAIRE DE SEANCE\nLe Conseil municipal décide de désigner Mme Odile FABRE, conseillère "
    "municipale, pour assurer le secrétariat de la séance.\n",
    "Le Conseil municipal a désigné Mme Odile FABRE pour assurer le secrétariat de séance.\n",
])
def test_the_secretary_is_read_where_the_minutes_name_her(line):
    assert secretaries(line) == ["Odile FABRE"]


@pytest.mark.parametrize("line", [
    "Le Conseil désigne M. Henri GASC délégué au syndicat des eaux.\n",
    "1. Désignation du secrétaire de séance\n2. Désignation d'un délégué : le Conseil désigne M. Henri GASC.\n",
    "Le Maire propose M. Henri GASC comme délégué.\n",
    "Mme Odile FABRE est secrétaire de mairie.\n",
])
def test_a_designation_to_another_office_is_no_secretary(line):
    assert not secretaries(line)


PRESIDENT_HEAD = """COMMUNE DE SAINT-ALBAN-DU-PLATEAU
CONSEIL MUNICIPAL DU 14 MARS 2024
L'an deux mille vingt-quatre, le quatorze mars à vingt heures, le Conseil municipal, légalement convoqué, s'est réuni en séance ordinaire, salle du conseil.
"""
ROLL = """Etaient présents : M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, Mme Lise PUECH, M. Marc SOULIÉ, M. Luc PETIT.
Secrétaire de séance : M. Henri GASC.
"""


def test_a_row_of_signing_offices_with_a_name_short_gives_no_one():
    read = read_text(PRESIDENT_HEAD + ROLL + TAIL + "Le Maire Le Secrétaire de séance\nHenri GASC\n")["seance"]
    assert "president" not in read
    assert read["secretaires"] == ["Henri GASC"]


def opened(formula: str):
    text = PRESIDENT_HEAD.replace("salle du conseil.", "salle du conseil" + formula + ".") + ROLL + TAIL
    return read_text(text)["seance"].get("president")


@pytest.mark.parametrize("formula", [
    ", sous la présidence du Maire, Mme ROUQUETTE Paul",
    ", sous la présidence du Maire, M. Paul ROUQUETTE",
    ", sous la présidence du Maire Paul ROUQUETTE",
    ", sous la présidence du Président, M. Paul ROUQUETTE",
])
def test_the_president_named_after_his_office_in_the_opening_formula(formula):
    assert opened(formula)["valeur"] in ("Paul ROUQUETTE", "ROUQUETTE Paul")
    assert opened(formula)["confiance"] == 0.9


@pytest.mark.parametrize("formula", [
    # The office alone names no one: the next name printed (the roll's first) is not read for it.
    ", sous la présidence du Maire. Etaient présents : M. Henri GASC",
    ", sous la présidence de son Maire. Etaient présents : M. Henri GASC",
    # The maire is away: the deputy who presides is not read as the maire.
    ", sous la présidence du Maire empêché, Mme Odile FABRE, première adjointe",
])
def test_an_office_without_its_name_gives_no_one_else_s(formula):
    read = opened(formula)
    assert read is None or read["valeur"] not in ("Henri GASC", "Odile FABRE") or read["confiance"] < 0.9

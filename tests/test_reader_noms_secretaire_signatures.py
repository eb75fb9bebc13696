"""The secretary of the meeting (L2121-15) named where the minutes sign or where an item designates her: a row
of offices that sign, then their names in the same order (« Le Maire La secrétaire de séance ⏎ Paul ROUQUETTE
Odile FABRE »: the second name, never the first); the name on its line and the office alone under it; the item
« Désignation du secrétaire de séance » whose sentence names her; « pour assurer le secrétariat de la séance »;
« Le secrétaire de séance désigné est … »; a label's value after « = », « | » or dotted leaders. A row whose
names are fewer than its offices is not read. Documents invented for the test; names made up."""
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
    "Madame Odile FABRE\nSecrétaire de séance\n",
    "Le Maire,\nPaul ROUQUETTE\nLa secrétaire de séance,\nOdile FABRE\n",
    "DESIGNATION DU SECRETAIRE DE SEANCE\nLe Conseil municipal décide de désigner Mme Odile FABRE, conseillère "
    "municipale, pour assurer le secrétariat de la séance.\n",
    "1. Désignation du secrétaire de séance\nLe Conseil désigne Mme Odile FABRE.\n",
    "Le Conseil municipal a désigné Mme Odile FABRE pour assurer le secrétariat de séance.\n",
    "Monsieur le Maire désigne Madame Odile FABRE comme secrétaire.\n",
    "Le Maire propose Mme Odile FABRE comme secrétaire de séance. Adopté à l'unanimité.\n",
    "Le Maire propose la candidature de Mme Odile FABRE au poste de secrétaire de séance.\n",
    "Madame Odile FABRE a été désignée, conformément à l'article L 2121-15 du CGCT, pour remplir les fonctions "
    "de secrétaire.\n",
    "Mme Odile FABRE est désignée à l'unanimité pour occuper les fonctions de secrétaire de séance.\n",
    "Mme Odile FABRE est désignée pour tenir le secrétariat de séance.\n",
    "Mme Odile FABRE est secrétaire de séance.\n",
    "Le secrétaire de séance désigné est Mme Odile FABRE.\n",
    "Secrétaire de séance = Odile FABRE\n",
    "Secrétaire de séance ....... Odile FABRE\n",
    "Secrétaire de séance | Odile FABRE\n",
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


@pytest.mark.parametrize("before, after, confidence", [
    ("M. Paul ROUQUETTE assure la présidence.\n", "", 0.9),
    ("M. le Maire, Paul ROUQUETTE, préside.\n", "", 0.9),
    # The signatures of the extract: the maire presides by law unless the text says otherwise (L2121-14).
    ("", "Le Maire\nPaul ROUQUETTE\n", 0.7),
    ("", "Le Maire Le Secrétaire de séance\nPaul ROUQUETTE Henri GASC\n", 0.7),
    ("", "Le Secrétaire de séance Le Maire\nHenri GASC Paul ROUQUETTE\n", 0.7),
])
def test_the_president_is_read_where_he_presides_or_signs_as_maire(before, after, confidence):
    read = read_text(PRESIDENT_HEAD + before + ROLL + TAIL + after)["seance"].get("president")
    assert read == {"valeur": "Paul ROUQUETTE", "source": read["source"], "confiance": confidence}


def test_a_row_of_signing_offices_with_a_name_short_gives_no_president():
    assert "president" not in read_text(PRESIDENT_HEAD + ROLL + TAIL + "Le Maire Le Secrétaire de séance\nHenri GASC\n")["seance"]

"""Names said to hold another function than the meeting's: the secretary of another body or of an earlier
meeting is not the meeting's secretary, an honorary or former maire is not presumed to preside, and a
member « arrivé » late under an OCR misreading (« arrivéc ») is still absent at the opening. Documents
invented for the test."""
from __future__ import annotations

import pytest

from checker.reader import read_text

OPENING = """COMMUNE DE SAINT-LAURENT-DES-BOIS
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 5 mars 2024
L'an deux mille vingt-quatre, le cinq mars à vingt heures, le conseil municipal, régulièrement convoqué le 27 février 2024, s'est réuni à la mairie{presidence}.
Présents : M. Bernard ROCHE, Mme Claire DUMAS, M. Hugo FERRY, Mme Léa GIRARD, M. Marc HENRY, Mme Julie IMBERT.
Absent excusé : M. Noël JACOB (pouvoir à Mme Claire DUMAS).
"""
ITEM = """OBJET : Vote des taux d'imposition
Le conseil municipal, après en avoir délibéré, à l'unanimité, fixe les taux.
"""
PRESIDED = OPENING.format(presidence=" sous la présidence de M. Bernard ROCHE, Maire")


def seance(text):
    return read_text(text)["seance"]


@pytest.mark.parametrize("sentence", [
    "OBJET : Désignation au SIVOM\nM. Hugo FERRY est élu secrétaire du comité du SIVOM.\n",
    "OBJET : Commission des finances\nMme Julie IMBERT est désignée secrétaire de la commission des finances.\n",
    "Est nommée secrétaire générale, Mme Sandrine KELLER.\n",
    "Approbation du procès-verbal de la séance du 6 février 2024 (secrétaire de séance : M. Marc HENRY).\n",
])
def test_another_body_s_or_another_meeting_s_secretary_is_not_the_meeting_s(sentence):
    assert "secretaires" not in seance(PRESIDED + sentence + ITEM)


@pytest.mark.parametrize("sentence, secretary", [
    ("M. Hugo FERRY est élu secrétaire de séance.\n", "Hugo FERRY"),
    ("Mme Léa GIRARD a été désignée secrétaire.\n", "Léa GIRARD"),
    ("Le procès-verbal de la séance précédente est adopté.\nSecrétaire de séance : M. Marc HENRY\n", "Marc HENRY"),
])
def test_the_meeting_s_secretary_is_still_read(sentence, secretary):
    assert seance(PRESIDED + sentence + ITEM)["secretaires"] == [secretary]


@pytest.mark.parametrize("who", ["M. Paul VIGNAL, maire honoraire, assiste à la séance.\n",
                                 "M. Paul VIGNAL, ex-maire, assiste à la séance.\n"])
def test_an_honorary_or_former_maire_is_not_presumed_to_preside(who):
    text = OPENING.format(presidence="") + "Secrétaire de séance : Mme Léa GIRARD\n" + who + ITEM
    assert "president" not in seance(text)


def test_the_maire_named_in_the_roll_is_still_presumed_to_preside():
    text = OPENING.format(presidence="").replace("M. Bernard ROCHE,", "M. Bernard ROCHE, Maire,", 1)
    assert seance(text + ITEM)["president"]["valeur"] == "Bernard ROCHE"


@pytest.mark.parametrize("arrived", ["arrivée", "arrivéc"])
def test_a_late_arrival_listed_absent_stays_absent_at_the_opening(arrived):
    roll = (f"Présents : M. Bernard ROCHE, Mme Claire DUMAS, M. Hugo FERRY, Mme Léa GIRARD (arrivée après la "
            f"délibération n° 2).\nAbsents : Mme Léa GIRARD ({arrived} après la délibération n° 2), M. Noël JACOB.\n")
    text = PRESIDED.split("Présents :")[0] + roll + "Secrétaire de séance : M. Hugo FERRY\n" + ITEM
    assert sorted(seance(text)["absents"]) == ["Léa GIRARD", "Noël JACOB"]

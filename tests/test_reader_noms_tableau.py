"""A roll printed as a table, one member a row (« NOM Prénom | Représentant | Présent(e) ou suppléé(e) |
Suppléé(e) par, Pouvoir donné à »), its rows run together by the extraction. Invented names and bodies."""
from __future__ import annotations

from checker.reader import read_text

HEAD = """SYNDICAT MIXTE DES EAUX DU HAUT PLATEAU
Compte-rendu du Comité Syndical du 2 octobre 2023
Les membres du comité syndical se sont réunis le lundi 2 octobre 2023 à 18h00 à Lussas, régulièrement convoqués par le Président le 20 septembre 2023.

Présents ayant voix délibérative
NOM Prénom Représentant Présent(e) ou suppléé(e) Suppléé(e) par, Pouvoir donné à
ABADIE Corinne Lussas X
BAQUÉ Francis Lussas X FORGUES Gilles
CAMPAN Didier Vernoux X
DASTE Élodie Vernoux LABAT Kevin
LABAT Kevin Pranles X
MAURAN Mireille Pranles
TESSON Bruno Bramans X

Secrétaire de séance : Didier CAMPAN
1. Rapport annuel
Le comité syndical, après en avoir délibéré, adopte le rapport à l'unanimité.
"""


def test_the_marks_of_each_row_say_present_substituted_represented_or_absent():
    seance = read_text(HEAD)["seance"]
    assert [(p["mandant"], p["mandataire"]) for p in seance["pouvoirs"]] == [("Élodie DASTE", "Kevin LABAT")]
    assert seance["absents"] == ["Mireille MAURAN"]
    presence = {m["nom"]: m.get("presence") for m in seance["membres"]}
    assert presence["Gilles FORGUES"] == "present"
    assert "Francis BAQUÉ" not in presence


def test_a_row_the_table_does_not_explain_leaves_it_unread():
    broken = HEAD.replace("MAURAN Mireille Pranles", "MAURAN Mireille de la commune de Pranles")
    seance = read_text(broken)["seance"]
    assert "absents" not in seance and "pouvoirs" not in seance


def test_other_column_heads_of_the_same_table_are_read_alike():
    other = HEAD.replace("Présents ayant voix délibérative\nNOM Prénom Représentant Présent(e) ou suppléé(e) "
                         "Suppléé(e) par, Pouvoir donné à",
                         "Liste d'émargement des délégués\nDélégué Collectivité Présent Suppléant ou mandataire")
    assert other != HEAD
    seance = read_text(other)["seance"]
    assert [(p["mandant"], p["mandataire"]) for p in seance["pouvoirs"]] == [("Élodie DASTE", "Kevin LABAT")]
    assert seance["absents"] == ["Mireille MAURAN"]

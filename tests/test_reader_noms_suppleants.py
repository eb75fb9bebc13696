"""A titulaire a suppléant sat for is no absent without proxy, whichever list names the suppléant.

Syndicate and EPCI minutes list the délégués suppléants who sat (« M. Y, suppléant de M. X ») apart from
the excused, where the titulaire X is named again. The seat was filled: the record's absents leave X out
(documents invented for the test; names made up)."""
from __future__ import annotations

import pytest

from checker.reader import read_text

HEAD = """SYNDICAT MIXTE DES EAUX DU HAUT PLATEAU
DÉLIBÉRATION DU COMITÉ SYNDICAL DU 2 OCTOBRE 2023
L'an deux mille vingt-trois, le deux octobre à dix-huit heures, le Comité syndical s'est réuni sous la présidence de Mme Corinne ABADIE.
"""
TAIL = """Secrétaire de séance : M. Francis BAQUÉ
OBJET : Rapport sur le prix et la qualité du service
Le comité syndical prend acte du rapport.
"""

SUBSTITUTES = {
    "suppleant_de_entre_parentheses": (
        "Délégués présents : Mme Corinne ABADIE, M. Francis BAQUÉ, M. Didier CAMPAN, Mme Élodie DASTE.\n"
        "Délégués suppléants présents : M. Gilles FORGUES (suppléant de M. Henri GACHASSIN), "
        "Mme Laure HOURCADE (suppléante de Mme Inès JOUANOLOU).\n"
        "Délégués absents excusés : M. Henri GACHASSIN, Mme Inès JOUANOLOU, M. Kevin LABAT, Mme Mireille MAURAN, M. Bruno TESSON.\n"
        "Délégués représentés par pouvoir : M. Kevin LABAT à M. Didier CAMPAN.\n"),
    "suppleant_de_apres_virgule": (
        "Délégués présents : Mme Corinne ABADIE, M. Francis BAQUÉ, M. Didier CAMPAN, Mme Élodie DASTE, "
        "M. Gilles FORGUES, suppléant de M. Henri GACHASSIN, Mme Laure HOURCADE, suppléante de Mme Inès JOUANOLOU.\n"
        "Délégués excusés : M. Henri GACHASSIN, Mme Inès JOUANOLOU, Mme Mireille MAURAN, M. Bruno TESSON.\n"),
    "remplace_entre_parentheses": (
        "Étaient présents : ABADIE C. – BAQUÉ F. – CAMPAN D. – DASTE É. – FORGUES G. (remplace GACHASSIN H.) – "
        "HOURCADE L. (remplace JOUANOLOU I.)\n"
        "Étaient excusés : GACHASSIN H. – JOUANOLOU I. – MAURAN R. – TESSON B.\n"),
}


def surnames(names):
    """The surnames in capitals of the names read (« GACHASSIN H. », « Henri GACHASSIN »: GACHASSIN)."""
    return {word for name in names or () for word in name.replace(".", " ").split() if word.isupper() and len(word) > 2}


@pytest.mark.parametrize("roll", sorted(SUBSTITUTES))
def test_a_titulaire_whose_suppleant_sat_is_not_absent(roll):
    record = read_text(HEAD + SUBSTITUTES[roll] + TAIL)
    absents = record["seance"]["absents"]
    assert surnames(absents) == {"MAURAN", "TESSON"}


def test_a_titulaire_replaced_in_the_excused_list_itself_is_not_absent():
    roll = ("Étaient présents : Mme Corinne ABADIE, M. Francis BAQUÉ, M. Didier CAMPAN, Mme Laure HOURCADE.\n"
            "Absents excusés : Mme Inès JOUANOLOU remplacée par sa suppléante Mme Laure HOURCADE, "
            "Mme Mireille MAURAN.\n")
    absents = read_text(HEAD + roll + TAIL)["seance"]["absents"]
    assert surnames(absents) == {"MAURAN"}


def test_a_suppleant_who_sits_leaves_the_other_excused_absent():
    """The titulaire of another commune, excused with no suppléant named for him, stays absent."""
    roll = SUBSTITUTES["suppleant_de_entre_parentheses"].replace(
        " (suppléante de Mme Inès JOUANOLOU)", "")
    absents = read_text(HEAD + roll + TAIL)["seance"]["absents"]
    assert surnames(absents) == {"JOUANOLOU", "MAURAN", "TESSON"}


def test_a_sentence_saying_the_suppleante_sits_ends_the_excused_list():
    roll = ("PRESENTS : Mmes ABADIE, DASTE, HOURCADE, MM. BAQUÉ, CAMPAN, ESPOUY.\n"
            "Absents excusés : Mme JOUANOLOU (remplacée par sa suppléante Mme HOURCADE), M. LABAT (pouvoir à "
            "M. CAMPAN), M. TESSON.\n"
            "Mme HOURCADE, suppléante, siège avec voix délibérative.\n")
    absents = read_text(HEAD + roll + TAIL)["seance"]["absents"]
    assert surnames(absents) == {"TESSON"}


def test_a_list_of_suppleants_sitting_ends_the_excused_list():
    roll = ("ETAIENT PRESENTS : Corinne ABADIE, Francis BAQUÉ, Didier CAMPAN, Élodie DASTE\n"
            "ETAIENT ABSENTS EXCUSES : Mireille MAURAN, Bruno TESSON\n"
            "Membres suppléants remplaçant un membre titulaire : Gilles FORGUES (pour Henri GACHASSIN)\n")
    absents = read_text(HEAD + roll + TAIL)["seance"]["absents"]
    assert surnames(absents) == {"MAURAN", "TESSON"}


def test_delegates_listed_with_their_commune_are_read_as_absents():
    roll = ("Délégués présents : Mme Corinne ABADIE, M. Francis BAQUÉ, M. Didier CAMPAN, Mme Élodie DASTE.\n"
            "Délégués absents excusés :\nMme MAURAN Mireille de MONTCAREL\nM. TESSON Bruno de LACROIX-FALGARDE\n")
    absents = read_text(HEAD + roll + TAIL)["seance"]["absents"]
    assert sorted(absents) == ["Bruno TESSON", "Mireille MAURAN"]


def test_suppleants_with_a_deliberative_voice_sit_and_their_titulaires_are_not_absent():
    roll = ("Etaient présents : Membres titulaires : ABADIE Corinne, BAQUÉ Francis, CAMPAN Didier, DASTE Élodie.\n"
            "Membres suppléants avec voix délibérative : FORGUES Gilles (pour GACHASSIN Henri).\n"
            "Membres titulaires absents, excusés : MAURAN Mireille, TESSON Bruno.\n")
    record = read_text(HEAD + roll + TAIL)
    assert surnames(record["seance"]["absents"]) == {"MAURAN", "TESSON"}
    present = {m["nom"] for m in record["seance"]["membres"] if m.get("presence") == "present"}
    assert "Gilles FORGUES" in present


def test_absent_suppleants_are_not_read_as_sitting():
    roll = ("Délégués présents : Mme Corinne ABADIE, M. Francis BAQUÉ, M. Didier CAMPAN, Mme Élodie DASTE.\n"
            "Délégués suppléants absents : M. Gilles FORGUES.\n")
    record = read_text(HEAD + roll + TAIL)
    present = {m["nom"] for m in record["seance"].get("membres", []) if m.get("presence") == "present"}
    assert "Gilles FORGUES" not in present


def test_suppleants_sitting_for_a_titulaire_end_the_excused_list():
    roll = ("ETAIENT PRESENTS : Corinne ABADIE, Francis BAQUÉ, Didier CAMPAN, Élodie DASTE\n"
            "ETAIENT ABSENTS EXCUSES : Mireille MAURAN, Bruno TESSON\n"
            "Suppléants siégeant pour un titulaire : Gilles FORGUES (pour Henri GACHASSIN)\n")
    absents = read_text(HEAD + roll + TAIL)["seance"]["absents"]
    assert surnames(absents) == {"MAURAN", "TESSON"}


@pytest.mark.parametrize("heading", ["Dont suppléants siégeant avec voix délibérative :",
                                     "Délégués suppléants ayant siégé en remplacement d'un titulaire :",
                                     "Suppléants présents avec voix délibérative :"])
def test_a_long_heading_of_the_suppleants_who_sat_does_not_end_the_attendance(heading):
    # The suppléants who sat are a second list of those present, under a heading of any length: the
    # lists after it (proxies, excused) are this meeting's, not another's.
    roll = ("Délégués présents : Mme Corinne ABADIE, M. Francis BAQUÉ, M. Didier CAMPAN, Mme Élodie DASTE.\n"
            f"{heading} M. Gilles FORGUES pour M. Henri GACHASSIN.\n"
            "Pouvoirs :\nM. Kevin LABAT donne pouvoir à M. Didier CAMPAN\n"
            "Absents excusés : Mme Mireille MAURAN, M. Bruno TESSON.\n")
    record = read_text(HEAD + roll + TAIL)
    assert surnames(record["seance"].get("absents")) == {"MAURAN", "TESSON"}


def test_suppleants_sitting_listed_after_the_absents_are_counted_present():
    """« Suppléants siégeant pour un titulaire : A (pour B), C (pour D) » printed after the list of the
    absent, no number in office printed: A and C sit, so the roll's two readings (name by name, item by
    item) count them with those listed present, and agree on the number."""
    roll = ("ETAIENT PRESENTS : Corinne ABADIE, Francis BAQUÉ, Didier CAMPAN, Élodie DASTE, Gilles FORGUES, "
            "Laure HOURCADE, Kevin LABAT\n"
            "ETAIENT REPRESENTES : Mireille MAURAN par Didier CAMPAN\n"
            "ETAIENT ABSENTS EXCUSES : Bruno TESSON, Inès JOUANOLOU\n"
            "Suppléants siégeant pour un titulaire : Paul NOGUÉ (pour Henri GACHASSIN), Anne PÉRÈS (pour Luc SAINT-AUBIN)\n")
    seance = read_text(HEAD + roll + TAIL)["seance"]
    present = {m["nom"] for m in seance["membres"] if m.get("presence") == "present"}
    assert {"Paul NOGUÉ", "Anne PÉRÈS"} <= present
    assert not {"Henri GACHASSIN", "Luc SAINT-AUBIN"} & {m["nom"] for m in seance["membres"]}
    assert seance["presents"]["valeur"] == 9
    assert seance["presents"]["confiance"] >= 0.8

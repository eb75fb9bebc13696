"""Who presides a syndicate's or an EPCI's meeting: its président, never a delegate « maire de X ».

Every delegate of a communauté may be his commune's maire; L5211-2 and L5211-9 make the président
preside. A commune's minutes keep presuming the maire (L2121-14). Documents invented for the test."""
from __future__ import annotations

from checker.reader import read_text

EPCI = """COMMUNAUTÉ DE COMMUNES DU VAL D'ARNON
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE
Séance du 16 janvier 2024
Le seize janvier deux mille vingt-quatre à dix-huit heures, le conseil communautaire, convoqué le 9 janvier 2024, s'est réuni à Lury.
Présents : M. Étienne BRUNET, {office}, Mme Agathe COLIN, M. Damien FAUCHER, Mme Isabelle GARNIER, M. Pascal HUGUET.
Excusés : M. Luc JOUBERT (pouvoir à M. Pascal HUGUET).
Secrétaire de séance : Mme Agathe COLIN
OBJET : Attribution de compensation
Le conseil communautaire, à l'unanimité, approuve.
"""

COMMUNE = EPCI.replace("COMMUNAUTÉ DE COMMUNES DU VAL D'ARNON", "COMMUNE DE LURY").replace(
    "DU CONSEIL COMMUNAUTAIRE", "DU CONSEIL MUNICIPAL").replace("le conseil communautaire", "le conseil municipal").replace(
    "Le conseil communautaire", "Le conseil municipal")


def president(text):
    fact = read_text(text)["seance"].get("president")
    return fact and fact["valeur"]


def test_a_delegate_maire_of_his_commune_is_not_presumed_president_of_the_communaute():
    record = read_text(EPCI.format(office="maire de Lury"))
    assert record["collectivite"]["nature"] != "commune"
    assert record["seance"].get("president") is None


def test_the_communaute_s_president_named_in_its_roll_is_presumed_to_preside():
    assert president(EPCI.format(office="Président")) == "Étienne BRUNET"


def test_a_commune_s_maire_named_in_its_roll_is_still_presumed_to_preside():
    assert president(COMMUNE.format(office="maire de Lury")) == "Étienne BRUNET"


def test_an_intercommunal_extract_signed_by_a_maire_names_no_president():
    signed = EPCI.format(office="conseiller communautaire") + "Pour extrait conforme,\nLe Maire, M. Damien FAUCHER\n"
    assert president(signed) is None

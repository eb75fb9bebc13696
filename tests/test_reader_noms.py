"""Names read from attendance lists: proxies, absents, secretaries, written the ways real extracts do.

Each passage is short and in the style of the tuning texts (OCR of published PDFs, flattened
tables); the counts printed with it confirm the lists, as the cross-checks require.
"""
import pytest
from reader_support import schema_errors

from checker.reader import read_text
from checker.reader.names import read_list

HEAD = "L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal de la commune de Saint-Ay s'est réuni. "


def read(text):
    record = read_text(text)
    assert schema_errors(record) == []
    return record["seance"]


def pairs(seance):
    return {(p["mandant"], p["mandataire"]) for p in seance.get("pouvoirs", [])}


@pytest.mark.parametrize("passage, names", [
    ("Présents : P. RIO - Y. LE BRIAND - L. CAMARA", ["P. RIO", "Y. LE BRIAND", "L. CAMARA"]),
    ("PRESENTS : Mme GUIRAUD I. - M. MERLIN D. - M. PAINTRAND J.F - Mme OMS ML.",
     ["GUIRAUD I.", "MERLIN D.", "PAINTRAND J.F", "OMS ML."]),
    ("S.L. DIARRA, C.O. N'DIAYE, RM. THUILOT", ["S.L. DIARRA", "C.O. N'DIAYE", "RM. THUILOT"]),
])
def test_initials_stay_with_their_surname(passage, names):
    assert [n.text for n in read_list(passage).names] == names


def test_initials_alone_are_no_name():
    assert read_list("A. B. C.").names == []


def test_proxies_between_names_written_with_initials():
    text = HEAD + ("Nombre de membres : En exercice : 5 Présents : 3 Votants : 5 Présents : P. RIO - Y. LE BRIAND - "
                   "G. DJEARAMIN. Excusés Représentés : P. LOUISON représenté par G. DJEARAMIN - L. JACQUEMIN "
                   "représentée par Y. LE BRIAND. Délibération N° 7")
    assert pairs(read(text)) == {("P. LOUISON", "G. DJEARAMIN"), ("L. JACQUEMIN", "Y. LE BRIAND")}


def test_holders_after_their_givers_in_column_order():
    # A two-column table flattened by OCR: givers and their communes, then each « à » holder.
    text = HEAD + ("Présents : 3. Procurations : 2. Absents ayant donné procuration : Madame Carol PASQUET Madame "
                   "Annie BLONDEAU Azay-sur-Cher Montlouis-sur-Loire à Claude ABLITZER à Patrick BOURDY "
                   "Azay-sur-Cher Montlouis-sur-Loire Absents : Monsieur Jean-Bernard LELOUP Monsieur Fabien COSTE "
                   "Chançay Monnaie Monnaie Secrétaire de séance : Monsieur François LALOT")
    seance = read(text)
    assert pairs(seance) == {("Carol PASQUET", "Claude ABLITZER"), ("Annie BLONDEAU", "Patrick BOURDY")}


def test_a_holder_hands_on_no_vote():
    # « A à B à C à D »: the name boundary between two proxies is lost, not a chain of votes.
    text = HEAD + ("Présents : 4. Pouvoirs : 3. Procurations : Madame Caroline OURION à Monsieur Laurent REBUFFIE "
                   "Monsieur Sébastien MONTERIEUX à Madame Eve SCHOUMACKER à Madame Anne-Sophie ROSSIGNOL à "
                   "Monsieur Grégoire LE BLOND Secrétaire de séance : Madame Audrey GILLES")
    found = pairs(read_text(text)["seance"]) or {(p["mandant"], p["mandataire"]) for p in _rejected(text)}
    assert ("Eve SCHOUMACKER", "Anne-Sophie ROSSIGNOL") not in found
    assert {("Sébastien MONTERIEUX", "Eve SCHOUMACKER"), ("Anne-Sophie ROSSIGNOL", "Grégoire LE BLOND")} <= found


def _rejected(text):
    for entry in read_text(text).get("lecture", {}).get("rejetees", []):
        if entry["champ"] == "seance.pouvoirs":
            return entry["valeur"]
    return []


def test_an_unread_giver_does_not_make_the_previous_holder_a_giver():
    text = HEAD + ("Représentés : 2. Absents excusés ayant donné pouvoir Madame Mireille DIROCCO a donné pouvoir à "
                   "Monsieur Daniel SANS-CHAGRIN Madame RoberteHABERT a donné pouvoir à Monsieur Jean-Claude GAUTHIER "
                   "Monsieur Pierre-Alain ROIRON a donné pouvoir à Monsieur Fabrice RUEL")
    found = pairs(read_text(text)["seance"]) | {(p["mandant"], p["mandataire"]) for p in _rejected(text)}
    assert not any(giver == "Daniel SANS-CHAGRIN" for giver, _ in found)
    assert ("Pierre-Alain ROIRON", "Fabrice RUEL") in found


def test_a_holders_name_is_not_widened_by_a_commune_run_into_the_table():
    text = HEAD + ("Nombre de conseillers en exercice : 5 Nombre de conseillers présents ; 3 Nombre de conseillers "
                   "votants ; 4 Etaient présents Ambillou Bruno CHEUVREUX Langeais Nathalie PHELION Benais Hubert "
                   "HARDY. Absents excusés ayant donné pouvoir Madame Lucette CARRE a donné pouvoir à Monsieur Bruno "
                   "CHEUVREUX. Secrétaire de séance : Hubert HARDY")
    assert pairs(read(text)) == {("Lucette CARRE", "Bruno CHEUVREUX")}


def test_a_surname_alone_still_takes_the_listed_full_name():
    text = HEAD + ("Présents : 2. Représentés : 1. Etaient présents : Christine Beille-Tourscher, Germaine Millo. "
                   "Absents représentés : Monsieur Christian Dragoni par Mme Beille-Tourscher.")
    assert pairs(read(text)) == {("Christian Dragoni", "Christine Beille-Tourscher")}


def test_a_heading_run_into_the_holder_is_cut():
    text = HEAD + ("Présents : 2. Pouvoirs : 1. Pouvoirs : Alexandra BEAUNE à Landry RONDEAU Désignation du "
                   "secrétaire de séance")
    assert pairs(read(text)) == {("Alexandra BEAUNE", "Landry RONDEAU")}


def test_saint_inside_a_surname():
    text = HEAD + ("Présents : 2. Représentés : 1. Absents excusés : Monsieur Audoin DE GOUVION St CYR, donne pouvoir à "
                   "Monsieur Hugues PINOT. Secrétaire de séance : Monsieur Hugues PINOT")
    assert pairs(read(text)) == {("Audoin DE GOUVION St CYR", "Hugues PINOT")}


@pytest.mark.parametrize("place", ["Azay-sur-Cher", "La Ville-aux-Dames", "Vernou-sur-Brenne", "Saint-Martin-de-Ré"])
def test_a_communes_name_is_no_persons_name(place):
    assert [n.text for n in read_list(f"Monsieur Fabien COSTE {place}, Madame Anne-Marie LEGER").names] == [
        "Fabien COSTE", "Anne-Marie LEGER"]

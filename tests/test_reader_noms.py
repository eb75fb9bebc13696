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


PRESENT_THREE = "En exercice : 6. Présents : 3. Pouvoirs : 2. Présents : Paul ROUX, Luc BLANC, Paul MARTIN. "


@pytest.mark.parametrize("passage", [
    "Pouvoirs : Marie DURAND Pouvoir à Paul MARTIN Jean DUPUIS Pouvoir à Luc BLANC. Absente : Anne PETIT",
    "Pouvoirs : - Marie DURAND donne pouvoir à Paul MARTIN - Jean DUPUIS donne pouvoir à Luc BLANC Absents : - Anne PETIT",
    "Pouvoirs : • Marie DURAND à Paul MARTIN • Jean DUPUIS à Luc BLANC • Absente : Anne PETIT",
    "Procurations : Marie DURAND, Jean DUPUIS à Paul MARTIN, Luc BLANC. Absente : Anne PETIT",
    "Absents représentés : Mme Marie Durand par M. Paul Martin, M. Jean Dupuis par Luc Blanc. Absente : Anne PETIT",
    "Etaient absents-es et excusés-es : Marie DURAND (a donné procuration à Paul MARTIN), Jean DUPUIS (a donné "
    "procuration à Luc BLANC). Était absente : Anne PETIT",
    "Absents excusés : Mme Durand par M. Martin, M. Dupuis par M. Blanc. Absente : Anne PETIT",
])
def test_proxy_phrasings(passage):
    seance = read(HEAD + PRESENT_THREE + passage)
    assert {(giver.split()[-1].upper(), holder.split()[-1].upper()) for giver, holder in pairs(seance)} == {
        ("DURAND", "MARTIN"), ("DUPUIS", "BLANC")}
    assert seance["absents"] == ["Anne PETIT"]


def test_columns_that_do_not_match_are_left_unread():
    seance = read(HEAD + PRESENT_THREE + "Procurations : Marie DURAND, Jean DUPUIS, Anne PETIT à Paul MARTIN, Luc BLANC.")
    assert "pouvoirs" not in seance


def test_a_substitute_is_no_proxy():
    seance = read(HEAD + PRESENT_THREE + "Absents excusés : M. Jean DUPUIS remplacé par M. Luc BLANC, Mme Anne PETIT.")
    assert "pouvoirs" not in seance


def test_a_proxy_for_part_of_the_meeting_in_the_remarks_on_those_present_is_no_proxy_of_the_opening():
    text = HEAD + ("Assistaient à la réunion : Elsa SCHALCK (a donné procuration à Jean-Philippe VETTER en début de séance "
                   "jusqu'au point 1 inclus, puis à compter du point 79), Thibaud PHILIPPS (a donné procuration à "
                   "Jean-Louis KIRCHER pendant toute la séance sauf le point 1), Jean-Philippe VETTER, Jean-Louis KIRCHER.")
    record = read_text(text)
    assert "pouvoirs" not in record["seance"] and not _rejected(text)


@pytest.mark.parametrize("title", ["Mmes et MM. les Vice-présidents-es :", "Conseillers·ères :"])
def test_a_title_in_inclusive_writing_is_no_name(title):
    assert [n.text for n in read_list(f"{title} Pierre ROTH, Anne-Marie JEAN").names] == ["Pierre ROTH", "Anne-Marie JEAN"]


def test_a_proxy_written_on_its_holder():
    text = HEAD + ("Présents : 3. Pouvoirs : 1. Présents : M. DUFOUR Thierry, MME BOUSQUET Audrey (Procuration de MME "
                   "BONNET Céline), M. HEIM Philippe. Excusés : MME BONNET Céline (Procuration à MME BOUSQUET Audrey).")
    seance = read(text)
    assert pairs(seance) == {("Céline BONNET", "Audrey BOUSQUET")}
    presence = {m["nom"]: m.get("presence") for m in seance.get("membres", [])}
    assert presence.get("Audrey BOUSQUET") == "present"


def test_par_procuration_in_brackets():
    text = HEAD + ("Présents : 2. Représentés : 2. Conseillers ayant donné procuration : Mesdames et Messieurs Jérôme "
                   "DESNOUE (par procuration à Clotilde DOUARD), Franck MARLIN (par procuration à Marie-Claude "
                   "GIRARDEAU) (2). Secrétaire de séance : Madame Sabine LESPAGNOL.")
    assert pairs(read(text)) == {("Jérôme DESNOUE", "Clotilde DOUARD"), ("Franck MARLIN", "Marie-Claude GIRARDEAU")}


@pytest.mark.parametrize("replaced", ["représenté par son suppléant", "représenté par le délégué suppléant",
                                      "représenté par un suppléant", "remplacé par"])
def test_a_titulaire_replaced_by_a_suppleant_is_neither_absent_nor_represented(replaced):
    text = HEAD + ("En exercice : 5. Présents : 3. Pouvoirs : 1. Absents excusés : Madame Chantal BERTHON Monsieur Bernard "
                   f"BARRE, {replaced} Monsieur Gérard ROCHET Madame Martine SCHNEIDER a donné pouvoir "
                   "à Madame Liliane BIDAULT. Secrétaire de séance : Madame Liliane BIDAULT")
    seance = read(text)
    assert pairs(seance) == {("Martine SCHNEIDER", "Liliane BIDAULT")}
    assert seance["absents"] == ["Chantal BERTHON"]


def test_the_later_holder_in_a_giver_s_remark_is_not_absent():
    text = HEAD + ("En exercice : 6. Présents : 3. Représentés : 2. Etaient absents et excusés : Andrée BUCHMANN (a donné "
                   "procuration à Patrick MACIEJEWSKI jusqu'au point 64 inclus, puis à Salem DRICI), Pierre ROTH (a donné "
                   "procuration à Anne-Marie JEAN), Alexandre FELTZ. Secrétaire de séance : Mme Anne-Marie JEAN")
    seance = read(text)
    assert pairs(seance) == {("Andrée BUCHMANN", "Patrick MACIEJEWSKI"), ("Pierre ROTH", "Anne-Marie JEAN")}
    assert seance["absents"] == ["Alexandre FELTZ"]


def test_a_count_and_its_names_in_a_flattened_row_must_agree():
    row = ("Absents ayant donné pouvoir {n} CANCON (PICHARD Elisabeth donne pouvoir à GIROU Bernard), MONFLANQUIN "
           "(MARQUIS Laurence donne pouvoir à ROIRE Carole). Secrétaire de séance : Brigitte PAYERAS")
    agreed = read(HEAD + "Présents en séance : 3 " + row.format(n=2))
    assert pairs(agreed) == {("Elisabeth PICHARD", "Bernard GIROU"), ("Laurence MARQUIS", "Carole ROIRE")}
    assert "absents" not in agreed
    assert "pouvoirs" not in read_text(HEAD + "Présents en séance : 3 " + row.format(n=3))["seance"]


@pytest.mark.parametrize("token", ["JeanClaude", "MohamedANAJJAR"])
def test_words_glued_by_extraction_are_two_words(token):
    assert len(read_list(f"M. {token} CAROUX").names[0].tokens) == 3


@pytest.mark.parametrize("garbled", ["MARETI'E", "CO11'AVE"])
def test_a_name_garbled_by_ocr_is_left_unread(garbled):
    text = HEAD + f"Présents : 2. Pouvoirs : 1. A donné pouvoir: Mme BRIQUET-BOISSIERE à M. {garbled}. Absents : M. DARBAS"
    record = read_text(text)
    assert not any(garbled in p["mandataire"] for p in record["seance"].get("pouvoirs", []) + _rejected(text))
    assert "BRIQUET-BOISSIERE" not in record["seance"].get("absents", [])


@pytest.mark.parametrize("sentence", [
    "Le conseil municipal nomme Madame Monique BUFFAROT secrétaire de séance.",
    "Le conseil municipal a désigné, conformément à l'article L.2121-15 du code général des collectivités "
    "territoriales, Madame Monique BUFFAROT pour remplir les fonctions de secrétaire.",
])
def test_secretary_named_by_the_council(sentence):
    assert read(HEAD + sentence)["secretaires"] == ["Monique BUFFAROT"]


def test_a_secretary_designated_with_an_apposition():
    sentence = ("Le Conseil Communautaire, à l'unanimité, désigne Madame Françoise BOOG, 1ère Vice-présidente, en qualité "
                "de secrétaire de séance.")
    assert read(HEAD + sentence)["secretaires"] == ["Françoise BOOG"]


def test_a_designation_outranks_a_heading_after_a_list():
    text = HEAD + ("Excusé(e)s sans procuration Madame GUTIERREZ Maripa, Madame MOKHTARI Sabrina, Secrétaire de séance En "
                   "application de l'article L. 2121-15 du CGCT, Madame Nathalie PAULY a été désignée secrétaire de séance.")
    assert read(text)["secretaires"] == ["Nathalie PAULY"]


@pytest.mark.parametrize("header", ["Excusé(e)s sans procuration", "Absent(e)s :", "Excusé(e})s :", "Absents sans procuration :",
                                    "Absent(s) :", "Absente(s) excusée(s) :", "Excusé(e)(s) :", "Membres absents :"])
def test_absents_headers(header):
    text = HEAD + f"En exercice : 5. Présents : 3. Représentés : 0. {header} Madame GUTIERREZ Maripa, Madame MOKHTARI Sabrina."
    assert sorted(read(text)["absents"]) == ["Maripa GUTIERREZ", "Sabrina MOKHTARI"]


def test_who_opens_the_meeting_presides_it():
    text = HEAD + "Présents : M VALORGE René, Mme JOLY Michelle. M VALORGE ouvre la séance. TABLEAU DES VOTES"
    president = read(text)["president"]
    assert president["valeur"] == "René VALORGE" and president["confiance"] < 0.9


def test_a_heading_in_capitals_after_a_bare_label_is_no_president():
    assert "president" not in read(HEAD + "RAPPORTEUR : M. le Maire PRESIDENT : > CAR BONUS ENERGETIQUE Vu la délibération")


@pytest.mark.parametrize("sentence", [
    "Madame Monique BUFFAROT, désignée secrétaire de séance, donne lecture du procès-verbal.",
    "Le secrétariat de séance est assuré par Madame Monique BUFFAROT.",
])
def test_secretary_in_an_apposition_or_a_passive(sentence):
    assert read(HEAD + sentence)["secretaires"] == ["Monique BUFFAROT"]


@pytest.mark.parametrize("passage", [
    "Pouvoirs : procuration de Mme Marie DURAND à M. Paul MARTIN ; procuration de M. Jean DUPUIS à M. Luc BLANC. "
    "Absente : Anne PETIT",
    "Procurations : Marie DURAND → Paul MARTIN, Jean DUPUIS → Luc BLANC. Absente : Anne PETIT",
    "Absents excusés : Marie DURAND (excusée, pouvoir à Paul MARTIN), Jean DUPUIS (excusé, a donné pouvoir à Luc "
    "BLANC). Absente : Anne PETIT",
    "Absents excusés : Marie DURAND : pouvoir à Paul MARTIN ; Jean DUPUIS : pouvoir à Luc BLANC. Absente : Anne PETIT",
])
def test_more_proxy_phrasings(passage):
    test_proxy_phrasings(passage)


def test_a_flattened_table_of_givers_and_holders():
    row = "Procurations : Nom du mandant / Nom du mandataire : Mme Marie DURAND M. Paul MARTIN M. Jean DUPUIS M. Luc BLANC{}. "
    seance = read(HEAD + PRESENT_THREE + row.format("") + "Absente : Anne PETIT")
    assert pairs(seance) == {("Marie DURAND", "Paul MARTIN"), ("Jean DUPUIS", "Luc BLANC")}
    odd = read_text(HEAD + PRESENT_THREE + row.format(" M. Marc LEROY") + "Absente : Anne PETIT")
    assert "pouvoirs" not in odd["seance"] and not _rejected(HEAD + PRESENT_THREE + row.format(" M. Marc LEROY"))


def test_an_item_number_in_a_remark_does_not_end_the_list():
    text = HEAD + ("Présents : 2. Représentés : 2. Pouvoirs : Kadiatou DIAKITÉ donne pouvoir à Danièle ROYER-BIGACHE "
                   "jusqu'à la délibération n° B-D2022-262, Étienne PANCHOUT donne pouvoir à Mathilde DESJONQUÈRES. "
                   "Excusés : El Hassania FRAISSE-ZIRIAB")
    assert pairs(read(text)) == {("Kadiatou DIAKITÉ", "Danièle ROYER-BIGACHE"), ("Étienne PANCHOUT", "Mathilde DESJONQUÈRES")}


def test_a_heading_with_its_plural_in_brackets():
    text = HEAD + ("Présents : 2. Représentés : 2. PROCURATION(S) : DIJEAU Isabelle à LAYDEVANT Christiane, PEUGNIEZ Eric à "
                   "DEGENNE Jean-François. ABSENT(S)/EXCUSÉ(S) : SECRÉTAIRE DE SÉANCE : PESSEY Tony")
    seance = read(text)
    assert pairs(seance) == {("Isabelle DIJEAU", "Christiane LAYDEVANT"), ("Eric PEUGNIEZ", "Jean-François DEGENNE")}
    assert seance["secretaires"] == ["Tony PESSEY"]

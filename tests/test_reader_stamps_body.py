"""Stamps a scan garbled and stamp phrasings of executory certificates; a body's name that stops
where its clause ends, and a métropole in capitals."""
import pytest
from reader_support import schema_errors, value

from checker.reader import read_text
from checker.reader.body import read_body
from checker.reader.normalize import Document

HEAD = ("Commune de Saint-Exemple. L'an deux mille vingt-deux, le neuf décembre à 18 h, le conseil municipal s'est "
        "réuni. Délibération n° 7. Objet : budget. Adopté à l'unanimité. ")


def act(text):
    record = read_text(HEAD + text)
    assert schema_errors(record) == []
    return record["deliberations"][0]


@pytest.mark.parametrize("stamp", ["Date de réception AR: 21/1212022 Numéro de l'acte 7",
                                   "Reçu en préfecture le 21l12/2022."])
def test_a_slash_the_scan_read_as_one_is_put_back_with_doubt(stamp):
    received = act(stamp)["transmission"]["date_reception"]
    assert value(received) == "2022-12-21"
    assert received["confiance"] < 0.9
    assert "barre" in received["source"]


@pytest.mark.parametrize("stamp", [
    # Put back, the date would be a year before the meeting.
    "Reçu en préfecture le 21/1212021.",
    # Too many digits to be a lost slash.
    "Reçu en préfecture le 21/12120222.",
])
def test_digits_that_give_no_date_after_the_meeting_give_none(stamp):
    assert "date_reception" not in (act(stamp).get("transmission") or {})


def test_an_executory_certificate_gives_the_deposit_and_the_publication():
    delib = act("Acte rendu exécutoire après dépôt en Préfecture le 14/12/2022 et publication ou notification du "
                "15/12/2022.")
    assert value(delib["transmission"]["date_reception"]) == "2022-12-14"
    assert value(delib["publicite"]["date_mise_en_ligne"]) == "2022-12-15"


def test_a_community_named_by_its_initials_stops_at_the_end_of_its_clause():
    # The reference data (the Code officiel géographique, committed) knows « CA Le Grand Chalon ».
    read = read_body(Document("CA du Grand Chalon. Le conseil communautaire s'est réuni le 12 décembre 2023."))
    assert read["nom"][0] == "Communauté d'agglomération du Grand Chalon"


@pytest.mark.parametrize("head, name", [
    ("GRENOBLE-ALPES MÉTROPOLE. Le conseil métropolitain s'est réuni.", "GRENOBLE-ALPES MÉTROPOLE"),
    ("Grenoble-Alpes Métropole. Le conseil métropolitain s'est réuni.", "Grenoble-Alpes Métropole"),
])
def test_a_city_before_métropole_names_it(head, name):
    assert read_body(Document(head))["nom"][0] == name


def test_the_article_before_métropole_in_capitals_is_no_name():
    read = read_body(Document("EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL DE LA MÉTROPOLE. Le conseil "
                              "métropolitain s'est réuni."))
    assert "nom" not in read


def test_a_hyphen_lost_at_a_line_end_is_put_back_when_the_reference_data_knows_the_commune():
    read = read_body(Document(
        "Liste des délibérations du Conseil Municipal du 25 janvier 2024. Le Conseil municipal, lors de sa séance, "
        "a adopté : n°1 Servitude sur la parcelle AE 12 appartenant à la Commune de Fontenay-sousBois. n°2 Cession "
        "de la parcelle AE 13, propriété de la Commune de Fontenay-sous-Bois."))
    assert read["nom"][0] == "Commune de Fontenay-sous-Bois"
    assert read["nom"][2] < 0.9


def test_words_run_together_that_name_no_commune_give_no_name():
    read = read_body(Document("Le Conseil municipal s'est réuni. Parcelle de la Commune de FontenayLe. Parcelle de "
                              "la Commune de FontenayLe."))
    assert "nom" not in read


@pytest.mark.parametrize("text, nature", [
    ("Compte rendu de la réunion du conseil du 12 mars 2024. Présents : M. Paul EXEMPLE, Maire, Mme Anne "
     "MARTIN, adjointe au maire.", "commune"),
    ("Réunion du 12 mars 2024. Présents : les conseillers municipaux dont la liste suit.", "commune"),
    # A mayor sitting as a delegate of his commune makes no commune's council.
    ("Compte rendu du comité du 12 mars 2024. Présents : M. Paul EXEMPLE, Maire de Vif, délégué.", None),
])
def test_a_council_that_names_no_assembly_is_a_commune_s_when_a_mayor_or_councillors_sit(text, nature):
    assert read_body(Document(text)).get("nature") == nature


@pytest.mark.parametrize("stamp, expected", [
    ("Affiché et publié le 15/12/2022.", {("publicite", "date_affichage"): "2022-12-15",
                                           ("publicite", "date_mise_en_ligne"): "2022-12-15"}),
    ("Publiée et transmise en préfecture le 14/12/2022.", {("publicite", "date_mise_en_ligne"): "2022-12-14",
                                                            ("transmission", "date_envoi"): "2022-12-14"}),
    ("Rendue exécutoire après transmission au représentant de l'État le 14/12/2022 et publication le 15/12/2022.",
     {("transmission", "date_envoi"): "2022-12-14", ("publicite", "date_mise_en_ligne"): "2022-12-15"}),
])
def test_one_date_for_two_acts_and_a_transmission_to_the_state_s_representative(stamp, expected):
    delib = act(stamp)
    for (section, key), date in expected.items():
        assert value(delib[section][key]) == date


@pytest.mark.parametrize("stamp, misread", [
    ("Reçu en préfecture le 21/12/2072.", True),
    ("Certifiée exécutoire compte tenu de la transmission en Préfecture le : 2 1 DEC. 2032", True),
    # Two digits off: no year to put back.
    ("Reçu en préfecture le 21/12/2077.", False),
])
def test_a_year_with_one_digit_misread_is_put_back_with_doubt(stamp, misread):
    transmission = act(stamp).get("transmission") or {}
    found = transmission.get("date_reception") or transmission.get("date_envoi")
    if misread:
        assert value(found) == "2022-12-21"
        assert found["confiance"] < 0.9
    else:
        assert found is None


@pytest.mark.parametrize("head, name", [
    ("C.C. du Trièves. Extrait du registre des délibérations du conseil communautaire.",
     "Communauté de communes du Trièves"),
    ("C.A. du Pays Voironnais. Le conseil communautaire s'est réuni.", "Communauté d'agglomération du Pays Voironnais"),
])
def test_a_community_s_dotted_initials_name_it_when_the_reference_data_knows_it(head, name):
    read = read_body(Document(head))
    assert read["nom"][0] == name
    assert read["nom"][2] < 0.9


def test_a_commune_named_once_in_prose_is_not_confirmed_by_a_community_that_bears_its_name():
    read = read_body(Document(
        "CR du conseil municipal du 24 février 2023. Présents : Jean, Paul, Anne. Ordre du jour : présentation du "
        "pacte pour la communauté de communes du pays d'Héricourt. Il s'agit de sécuriser la dotation de la "
        "commune d'Héricourt et d'accompagner la communauté."))
    assert "nom" not in read


def test_a_commune_named_twice_as_a_commune_stays_confirmed():
    read = read_body(Document(
        "CR du conseil municipal du 24 février 2023. Présents : Jean, Paul, Anne. Convention entre la communauté "
        "d'agglomération et la commune d'Arthun. Équipement sur un ouvrage communal entre la commune d'Arthun et le "
        "syndicat."))
    assert read["nom"][0] == "Commune d'Arthun"


def test_a_syndicate_named_on_a_transmitted_report_is_not_its_author():
    # The SIREN 217703370 is the commune of Noisiel's in the reference data (Code officiel géographique).
    read = read_body(Document(
        "Envoyé en préfecture le 07/03/2023 ID : 077-217703370-20230127-ROB_2023-BF Rapport d'orientation "
        "budgétaire présenté au Conseil du 27 janvier 2023. La contribution au SIVOM de la région et au Syndicat "
        "mixte des transports augmente."))
    assert read["nature"] == "commune"
    assert read["nom"][0] == "Commune de Noisiel"


def test_a_comité_syndical_recounted_under_a_commune_s_identifier_is_the_commune_s_act():
    # Each body transmits its own acts under its own SIREN (L2131-1, L5211-3): 217703370 is the commune of
    # Noisiel's, so the act is the commune's, whatever comité its text says met (a commune's act that recounts
    # the syndicate's decision). Measured: one validation text's body and nature wrong -> right, nothing else moved.
    read = read_body(Document("Syndicat intercommunal des eaux du Drac. Le comité syndical s'est réuni. ID : "
                              "077-217703370-20230127-ROB_2023-BF"))
    assert read["nature"] == "commune"
    assert read["nom"][0] == "Commune de Noisiel"


def test_a_syndicate_whose_comité_sat_keeps_its_name_under_a_siren_the_reference_data_does_not_know():
    # 257700005 passes the SIREN's check digit and is no commune's or community's: a syndicate's own.
    read = read_body(Document("Syndicat intercommunal des eaux du Drac. Le comité syndical s'est réuni. ID : "
                              "077-257700005-20230127-ROB_2023-BF"))
    assert read["nature"] == "syndicat_de_communes"
    assert read["nom"][0] == "Syndicat intercommunal des eaux du Drac"


def test_an_annex_with_no_assembly_named_takes_its_body_and_nature_from_the_identifier():
    # 247400567 is the CC Fier et Usses' SIREN in the reference data: a report sent with the act names no
    # assembly, the register says which body transmitted it and what it is.
    read = read_body(Document("Envoyé en préfecture le 26/01/2023 PROJET DE TERRITOIRE 2022 - 2030 Publié le 26/01/2023 "
                              "ID : 074-247400567-20230119-2023_05-DE Sommaire Le projet de territoire de la CCFU p.5"))
    assert read["nom"][0] == "Communauté de communes Fier et Usses"
    assert read["nature"] == "communaute_de_communes"


def test_an_identifier_whose_nature_is_glued_to_its_number_still_names_the_body():
    # « …-C33-02-2020-1AR »: a number with hyphens, the nature code glued to its last digit (the CA du Niortais).
    read = read_body(Document("Plan Climat Air Énergie Territorial Accusé de réception en préfecture "
                              "079-200041317-20200214-C33-02-2020-1AR Date de télétransmission : 14/02/2020"))
    assert read["nom"][0] == "Communauté d'agglomération du Niortais"
    assert read["nature"] == "communaute_d_agglomeration"


def test_a_stamp_whose_siren_the_scan_garbled_does_not_hide_the_others():
    # The stamp repeats on every page; on one the scan misread a digit (200041318 fails the SIREN's Luhn check,
    # so it is no body's): the other stamps still name the CA du Niortais, instead of two SIRENs that disagree.
    read = read_body(Document("Plan Climat Air Énergie Territorial Accusé de réception en préfecture "
                              "079-200041317-20200214-C33-02-2020-1AR Date de télétransmission : 14/02/2020 Sommaire "
                              "Accusé de réception en préfecture 079-200041318-20200214-C33-02-2020-1AR"))
    assert read["nom"][0] == "Communauté d'agglomération du Niortais"

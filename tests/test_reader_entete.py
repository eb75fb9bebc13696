"""The meeting's frame read from headings written the way real extracts write them: the body's name
not taken from a delegate line, an address, a partner named once or an article left alone; long
names kept whole; the hour in words after the place."""
import pytest
from conftest import ROOT, load_script
from reader_support import schema_errors, value

from checker.reader import read_text
from checker.reader.body import read_body
from checker.reader.normalize import Document


def body(text):
    return read_body(Document(text))


@pytest.mark.parametrize("head, name", [
    # Eleven words, the last ones after « ET DU », then an address.
    ("SYNDICAT MIXTE POUR L'AMÉNAGEMENT HYDRAULIQUE DES VALLÉES DE L'EXEMPLE ET DU PETIT RUISSEAU Rue des "
     "Moulins - 95000 VILLEXEMPLE RÉUNION DU COMITÉ SYNDICAL DU 23 NOVEMBRE 2020",
     "Syndicat mixte POUR L'AMÉNAGEMENT HYDRAULIQUE DES VALLÉES DE L'EXEMPLE ET DU PETIT RUISSEAU"),
    # « AU » inside a place name stays.
    ("REUNION COMMUNAUTE DE COMMUNES DU PAYS DE LONGVAL AU PERCHE DU 18 juin 2015 Le conseil de communauté "
     "s'est réuni.", "Communaute de communes DU PAYS DE LONGVAL AU PERCHE"),
    # What the syndicate does, after « pour la », in capitals.
    ("Syndicat Intercommunal pour la Restauration Exemple Siège social : 6 rue Haute COMITE SYNDICAL Procès "
     "verbal de la séance du 7 juin 2011", "Syndicat intercommunal pour la Restauration Exemple"),
    # The quoted part of a name.
    ("SYNDICAT MIXTE DU CONSERVATOIRE « Exemple Musique et Danse » Compte-rendu du Comité Syndical du 22 mai 2019",
     "Syndicat mixte DU CONSERVATOIRE Exemple Musique et Danse"),
    # Places listed with commas.
    ("Communauté de communes Chinex, Vienne et Loire Extrait du registre du conseil communautaire du 12 mars 2024",
     "Communauté de communes Chinex, Vienne et Loire"),
    # A common noun in lower case at the head of the name.
    ("Communauté de Communes du pays de Lunexemple Le conseil communautaire s'est réuni le 12 mars 2024",
     "Communauté de communes du pays de Lunexemple"),
    # The city before « Métropole », not the article after it.
    ("Villexemple Métropole Le Conseil de la Métropole s'est réuni le 12 mars 2024.", "Villexemple Métropole"),
    # « du » as written, not « de ».
    ("Commune du Pouliguen Extrait du registre des délibérations du conseil municipal Séance du 12 mars 2024",
     "Commune du Pouliguen"),
])
def test_whole_body_names(head, name):
    assert body(head)["nom"][0] == name


@pytest.mark.parametrize("head", [
    # Delegates of member communes, the assembly called « le comité » only.
    "PROCES-VERBAL DE LA REUNION DU COMITE DU 5 MARS 2022 Etaient présents : Commune de Saint-Exemple : M. Jean "
    "DUPONT, Mme Anne MARTIN ; Commune de Beauexemple : M. Paul DURAND. Le comité, régulièrement convoqué, "
    "s'est réuni.",
    # An article alone after the body's kind.
    "COMMUNAUTE DE COMMUNES Le Conseil communautaire s'est réuni le 12 mars 2024 à la salle des fêtes.",
    # Initials only.
    "Le comité syndical du SIEXL s'est réuni le 12 mars 2024 au siège.",
])
def test_no_name_rather_than_a_wrong_one(head):
    read = body(head)
    assert "nom" not in read
    assert read.get("nature") != "commune"


def test_a_partner_commune_named_once_after_the_attendance_is_not_the_body():
    text = ("Séance du conseil municipal du 12 mars 2024. Le conseil municipal s'est réuni à la mairie. Etaient "
            "présents : M. Paul MARTIN, Mme Anne VIAL. Objet : convention avec la commune de Val-Autre pour le "
            "gymnase.")
    assert "nom" not in body(text)


def test_a_commune_whose_short_name_heads_the_document_is_read():
    text = ("République Française Sainte-Luce EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL Le "
            "conseil municipal s'est réuni. Etaient présents : M. Paul MARTIN. Ville de Sainte-Luce-sur-Loire, "
            "le 12 mars 2024.")
    assert body(text)["nom"][0] == "Ville de Sainte-Luce-sur-Loire"


@pytest.mark.parametrize("text, time", [
    ("L an deux mille dix-neuf, le trois mars, le conseil municipal, dûment convoqué le vingt-cinq février, "
     "s est réuni à la mairie, à vingt heures trente, sous la présidence de M. Paul MARTIN.", "20:30"),
    ("L'an deux mille treize, le vingt-quatre septembre, le Conseil de Communauté, dûment convoqué le 12 "
     "septembre 2013, s'est réuni, à Villexemple, en séance ordinaire, à dix-huit heures, sous la présidence "
     "de Monsieur Paul MARTIN.", "18:00"),
])
def test_the_hour_in_words_after_the_place(text, time):
    record = read_text(text)
    assert schema_errors(record) == []
    assert record["seance"]["heure"] == time
    assert value(record["seance"]["date"]) is not None


MEETING = ("Séance du conseil municipal du 12 mars 2024. L'an deux mille vingt-quatre, le douze mars à 20 heures, le "
           "conseil municipal s'est réuni sous la présidence de M. Paul MARTIN. ")


@pytest.mark.parametrize("sentence", [
    "Convocation aux membres du conseil et affichage le 5 mars 2024.",
    "Les convocations ont été adressées le 5 mars 2024.",
    "Date de la convocation et de l'affichage : 5 mars 2024.",
    "Envoi de la convocation le 5 mars 2024.",
    "Le conseil s'est réuni sur convocation du Maire en date du 5 mars 2024.",
    "Convocation le 5 mars 2024.",
])
def test_loose_convocation_sentences_are_read_below_the_accusation_threshold(sentence):
    record = read_text(MEETING + sentence)
    convocation = record["convocation"]["date_envoi"]
    assert value(convocation) == "2024-03-05"
    assert convocation["confiance"] < 0.9


@pytest.mark.parametrize("sentence", [
    # The date of a meeting named between the word and the date.
    "La convocation à la séance du 5 mars 2024 est annexée.",
    # The meeting's own day: no convocation a council could have met on.
    "Convocation le 12 mars 2024.",
    # Another sentence.
    "La convocation est jointe. Le 5 mars 2024, le maire a signé l'arrêté.",
])
def test_a_date_that_is_not_the_sending_of_the_convocation(sentence):
    record = read_text(MEETING + sentence)
    assert value(record.get("convocation", {}).get("date_envoi")) is None


@pytest.mark.parametrize("head, name", [
    # The heading's next words run into the name: the reference data says where it ends.
    ("COMMUNE DE SAINT-AY AFFICHÉ LE 5 MARS 2024 Le conseil municipal s'est réuni.", "Commune de SAINT-AY"),
    ("COMMUNE DE LABASTIDE SAINT PIERRE Liberté Égalité Fraternité Le conseil municipal s'est réuni.",
     "Commune de LABASTIDE SAINT PIERRE"),
    ("Ville de Montreuil Le Maire Extrait du registre des délibérations du conseil municipal", "Ville de Montreuil"),
    # « d' » whose apostrophe was lost.
    ("REUNION DU CONSEIL MUNICIPAL D AMFREVILLE JEUDI 30 OCTOBRE 2010", "Commune d'AMFREVILLE"),
    ("Communauté de communes Pévèle Carembault Accusé de réception en préfecture Le conseil communautaire s'est "
     "réuni.", "Communauté de communes Pévèle Carembault"),
])
def test_the_reference_data_ends_the_name(head, name):
    assert body(head)["nom"][0] == name


def test_a_commune_name_the_reference_data_does_not_know_is_not_read():
    # An OCR slip in the name: no name rather than a wrong one.
    read = body("CONSEIL MUNICIPAL DE SAINTE-GENEVIÈVE-DES-BOÏIS Séance du 12 mars 2024. Le conseil municipal "
                "s'est réuni.")
    assert read["nature"] == "commune"
    assert "nom" not in read


def test_without_reference_data_the_word_lists_end_the_name(monkeypatch):
    from checker.reader import lexique
    monkeypatch.setattr(lexique, "available", lambda: False)
    read = body("COMMUNE DE SAINT-EXEMPLE AFFICHÉ LE 5 MARS 2024 Le conseil municipal s'est réuni.")
    assert read["nom"][0] == "Commune de SAINT-EXEMPLE"


@pytest.mark.parametrize("text, date, time", [
    ("L'an deux mille vingt-quatre, le douze mars à 18:30, le conseil municipal s'est réuni.", "2024-03-12", "18:30"),
    ("L'an deux mille vingt-quatre, le douze mars à midi, le conseil municipal s'est réuni.", "2024-03-12", "12:00"),
    # The participle alone, after a comma.
    ("Délibération du conseil municipal. Le conseil municipal, réuni le 12 mars 2024 à 19h, a adopté le budget.",
     "2024-03-12", "19:00"),
    # A web page's publication stamp above the text is not the meeting's date.
    ("Publié le 20 mars 2024 Délibération du conseil municipal Le conseil municipal, réuni le 12 mars 2024 à 19h, "
     "a adopté.", "2024-03-12", "19:00"),
])
def test_meeting_date_and_time_shapes(text, date, time):
    record = read_text(text)
    assert schema_errors(record) == []
    assert value(record["seance"]["date"]) == date
    assert record["seance"].get("heure") == time


def test_a_head_count_is_not_an_hour():
    record = read_text("L'an deux mille vingt-quatre, le douze mars, 18 habitants présents, le conseil municipal "
                       "s'est réuni.")
    assert record["seance"].get("heure") is None


def test_a_syndicate_named_in_full_is_preferred_to_its_initials():
    read = body("SIAEP de BEAUVALLON Réunion du comité syndical du 3 mars 2021. Le Comité du Syndicat intercommunal "
                "d'adduction d'eau potable de Beauvallon s'est réuni le 3 mars 2021.")
    assert read["nom"][0] == "Syndicat intercommunal d'adduction d'eau potable de Beauvallon"


@pytest.mark.parametrize("head", [
    "Le comité syndical s'est réuni le 3 mars 2021. Objet : adhésion au Syndicat mixte du Bassin de l'Exemple.",
    "Le comité syndical s'est réuni le 3 mars 2021. Désignation des délégués au SIVOM de la Vallée Exemple.",
])
def test_a_body_the_meeting_deals_with_is_not_the_body(head):
    assert "nom" not in body(head)


def test_the_body_s_own_delegates_do_not_hide_its_name():
    read = body("L'an deux mille vingt-trois, le dix-neuf décembre, les délégués du conseil de la Communauté de "
                "Communes Exemple-Vallée se sont réunis à la salle des fêtes.")
    assert read["nom"][0] == "Communauté de communes Exemple-Vallée"


STAMPED = ("Séance du conseil municipal du 12 mars 2024. L'an deux mille vingt-quatre, le douze mars à 20 heures, le "
           "conseil municipal s'est réuni. Objet : budget. Adopté à l'unanimité. ")


@pytest.mark.parametrize("stamp, section, key, date", [
    ("Acte rendu exécutoire après dépôt en Préfecture le 15/03/2024.", "transmission", "date_reception",
     "2024-03-15"),
    ("Reçu le 15/03/2024 en préfecture.", "transmission", "date_reception", "2024-03-15"),
    ("Publication sur le site internet le 16/03/2024.", "publicite", "date_mise_en_ligne", "2024-03-16"),
    ("Télétransmise en préfecture le 14/03/2024.", "transmission", "date_envoi", "2024-03-14"),
])
def test_more_stamp_phrasings(stamp, section, key, date):
    record = read_text(STAMPED + stamp)
    assert schema_errors(record) == []
    assert value(record["deliberations"][0][section][key]) == date


def test_a_receipt_with_no_prefecture_is_not_the_prefecture_s():
    record = read_text(STAMPED + "Reçu le 15/03/2024 par M. Paul MARTIN.")
    assert "date_reception" not in record["deliberations"][0].get("transmission", {})


@pytest.mark.parametrize("text, time", [
    ("L'an deux mil vingt-deux, le vingt décembre à dix-neuf heures et trente minutes, le conseil municipal s'est "
     "réuni.", "19:30"),
    ("L'an deux mil vingt-deux, le vingt décembre à 19 heures et 30 minutes, le conseil municipal s'est réuni.",
     "19:30"),
    # « et » that begins the next clause is not the minutes'.
    ("L'an deux mil vingt-deux, le vingt décembre à dix-neuf heures et le conseil municipal s'est réuni.", "19:00"),
    # The place between the title's date and its hour.
    ("PROCES-VERBAL CONSEIL COMMUNAUTAIRE DU 19 JANVIER 2023 A POUILLY SOUS CHARLIEU 19H00 Présents : M. Henri "
     "MARTIN", "19:00"),
])
def test_more_hour_shapes(text, time):
    assert read_text(text)["seance"].get("heure") == time


def test_a_commune_s_own_council_named_once_in_the_text_is_read_with_less_trust():
    text = ("CONSEIL MUNICIPAL DU 12 DÉCEMBRE 2022. Le Conseil Municipal s'est réuni. Présents : M. Paul MARTIN. " +
            "Exposé. " * 350 + "Vu la délibération du Conseil Municipal de Puygouzon en date du 29 juin 2020.")
    read = body(text)
    assert read["nom"][0] == "Commune de Puygouzon"
    assert read["nom"][2] < 0.9


def test_two_councils_named_give_no_name():
    text = ("CONSEIL MUNICIPAL DU 12 DÉCEMBRE 2022. Le Conseil Municipal s'est réuni. Présents : M. Paul MARTIN. " +
            "Exposé. " * 350 + "Vu la délibération du Conseil Municipal de Puygouzon et celle du conseil municipal "
            "de Corquilleroy.")
    assert "nom" not in body(text)


@pytest.mark.parametrize("text, name", [
    # The data's « CC de Gâtine-Racan » written without « de ».
    ("CONSEIL COMMUNAUTAIRE DU 25 JANVIER 2023 Le Conseil Communautaire s'est réuni. Présents : M. Paul MARTIN. "
     + "Exposé. " * 350 + "Collectivité CC Gâtine-Racan Opération C.T.I.6.", "Communauté de communes Gâtine-Racan"),
    ("CONSEIL COMMUNAUTAIRE DU 19 JANVIER 2023 Présents : M. Paul MARTIN. " + "Exposé. " * 350 +
     "Vérifications sur les sites de Charlieu Belmont Communauté.", "Communauté de communes Charlieu Belmont"),
])
def test_a_community_the_reference_data_knows_named_in_the_text(text, name):
    read = body(text)
    assert read["nom"][0] == name
    assert read["nom"][2] < 0.9


@pytest.mark.parametrize("stamp, section, key", [
    ("Date d'accusé de réception en préfecture : 15/03/2024.", "transmission", "date_reception"),
    ("Date de l'AR : 15/03/2024.", "transmission", "date_reception"),
    ("Date de publication ou de notification : 15/03/2024.", "publicite", "date_mise_en_ligne"),
])
def test_stamp_labels_of_acts_software(stamp, section, key):
    record = read_text(STAMPED + stamp)
    assert value(record["deliberations"][0][section][key]) == "2024-03-15"


def test_where_a_body_with_no_assembly_named_met_is_not_the_body():
    read = body("Le Comité, régulièrement convoqué, s'est réuni à l'Hôtel de Ville de Montreuil le 3 mars 2022.")
    assert "nom" not in read and read.get("nature") is None


def test_the_initials_of_a_syndicate_of_communes_give_its_nature():
    assert body("SIAEP DE LA RÉGION EXEMPLE Le comité syndical s'est réuni le 3 mars 2022.")["nature"] == \
        "syndicat_de_communes"


def test_the_page_footer_dates_a_minutes_that_begins_without_a_heading():
    text = ("Monsieur le Président salue les membres du Conseil Communautaire et ouvre la séance à 20h. Ordre du jour "
            "Point 01 - Approbation du procès-verbal de la séance du 7 décembre 2023 Point 02 - Désignation du "
            "secrétaire de séance. " + "Exposé du point. " * 40 + "Communauté de communes Exemple 2 PV du 8 février "
            "2024 " + "Exposé du point. " * 40 + "Communauté de communes Exemple 3 PV du 8 février 2024")
    record = read_text(text)
    assert value(record["seance"]["date"]) == "2024-02-08"
    assert record["seance"]["date"]["confiance"] < 0.9


def test_one_minute_past_the_hour():
    text = "L'an deux mille vingt-trois, le sept février, à 20 heures et 3 minutes, le Conseil Municipal s'est réuni."
    assert read_text(text)["seance"]["heure"] == "20:03"


@pytest.mark.parametrize("head", [
    "Mairie 16 bis, place du Maréchal Leclerc 37800 Sainte-Maure-de-Touraine Téléphone : 02 47 65 40 12 CONSEIL "
    "MUNICIPAL du MARDI 7 FÉVRIER 2023 Le Conseil Municipal s'est réuni. Etaient présents : M. Paul MARTIN.",
    "Sainte-Maure-de-Touraine, le 8 février 2023 CONSEIL MUNICIPAL du MARDI 7 FÉVRIER 2023 Le Conseil Municipal "
    "s'est réuni. Etaient présents : M. Paul MARTIN.",
])
def test_the_town_of_the_letterhead_names_the_commune(head):
    read = body(head)
    assert read["nom"][0] == "Commune de Sainte-Maure-de-Touraine"
    assert read["nom"][2] < 0.9


def test_two_towns_in_the_letterhead_give_no_name():
    read = body("Mairie 37800 Sainte-Maure-de-Touraine Puygouzon, le 8 février 2023 CONSEIL MUNICIPAL du 7 février "
                "2023 Le Conseil Municipal s'est réuni. Etaient présents : M. Paul MARTIN.")
    assert "nom" not in read


def test_the_siren_of_the_actes_identifier_names_a_body_the_text_does_not():
    # 213702145: the commune of Saint-Cyr-sur-Loire in the reference data.
    read = body("CONSEIL MUNICIPAL du 7 février 2023. Le conseil municipal s'est réuni. "
                "ID : 037-213702145-20230207-2023_01-DE")
    assert read["nom"][0] == "Commune de Saint-Cyr-sur-Loire"
    assert read["nom"][2] < 0.9


def test_an_actes_identifier_of_a_body_of_another_nature_names_nothing():
    # A commune's SIREN under a community's minutes.
    read = body("CONSEIL COMMUNAUTAIRE du 7 février 2023. Le conseil communautaire s'est réuni. "
                "ID : 037-213702145-20230207-2023_01-DE")
    assert "nom" not in read


def test_a_community_the_reference_data_knows_wins_over_a_former_name():
    read = body("CONSEIL COMMUNAUTAIRE DU 16 MARS 2017 Sommaire 6 Situation de la Communauté d'Agglomération de Pau "
                "en matière de développement durable 7 Compétences de la Communauté d'Agglomération Pau Béarn "
                "Pyrénées. Le conseil communautaire s'est réuni.")
    assert read["nom"][0] == "Communauté d'agglomération Pau Béarn Pyrénées"


def test_the_bench_compares_a_ville_and_a_commune_of_one_name():
    bench = load_script(ROOT / "bench" / "reader_accuracy.py")
    assert bench.body_name("Ville d'Annecy") == bench.body_name("Commune d'Annecy (Haute-Savoie)") == "annecy"
    assert bench.body_name("Commune du Pouliguen") == "pouliguen"
    assert bench.body_name("Ville d'Annecy") != bench.body_name("Commune d'Ibos")


TOWN_TEXT = (" Séance du Conseil Municipal du 25 janvier 2023 Le Conseil municipal se réunit en session ordinaire le "
             "25 janvier 2023 à 18 heures. Etaient présents : M. Paul MARTIN. Objet : orientations budgétaires. "
             + "Le rapport présente les dépenses et les recettes. " * 60 + "Il concerne la commune de {town}.")


def test_a_town_alone_in_the_heading_confirmed_by_the_text_names_the_commune_with_doubt():
    record = read_text("CHAMPHOL" + TOWN_TEXT.format(town="Champhol"))
    nom = record["collectivite"]["nom"]
    assert value(nom) == "Commune de CHAMPHOL"
    assert nom["confiance"] < 0.9


@pytest.mark.parametrize("head, town", [
    # Not confirmed: the text names another commune.
    ("CHAMPHOL", "Lèves"),
    # The arrondissement's town is no body.
    ("ARRONDISSEMENT DE CHARTRES", "Chartres"),
])
def test_a_town_in_the_heading_alone_is_no_body(head, town):
    assert "nom" not in read_text(head + TOWN_TEXT.format(town=town)).get("collectivite", {})


def test_a_community_named_before_agglo_as_the_reference_data_knows_it():
    nom = read_text("VALENCE ROMANS AGGLO Extrait du registre des délibérations du conseil communautaire. Le conseil "
                    "communautaire s'est réuni le 12 mars 2024.")["collectivite"]["nom"]
    assert value(nom) == "Communauté d'agglomération VALENCE ROMANS AGGLO"
    assert nom["confiance"] < 0.9


def test_a_long_run_of_hyphenated_capitals_in_the_heading_is_read_in_one_pass():
    # Cut two ways at each hyphen, such a run would take 2^60 steps to fail.
    head = "AAA" + "-AB" * 60 + "a"
    record = read_text(head + TOWN_TEXT.format(town="Champhol"))
    assert record["collectivite"]["nature"] == "commune"


def test_a_council_a_mayor_presides_with_no_intercommunal_body_in_sight_is_a_commune():
    record = read_text("Séance du 12 mars 2024. Le Conseil, sur proposition de Monsieur le Maire, approuve le budget.")
    assert record["collectivite"]["nature"] == "commune"


def test_a_mayor_named_beside_a_president_does_not_make_a_commune():
    record = read_text("Séance du 12 mars 2024. Le Conseil, sur proposition de Monsieur le Président, approuve. "
                       "Monsieur le Maire de Saint-Ay est délégué.")
    assert record.get("collectivite", {}).get("nature") is None


def test_another_commune_s_council_spoken_of_is_not_the_body():
    text = ("Compte rendu. Le conseil municipal s'est réuni le 4 juin 2021. " + "Exposé. " * 350
            + "La zone de Puygouzon a été actée au conseil municipal de Puygouzon.")
    assert "nom" not in read_body(Document(text))


def test_the_council_acting_past_the_heading_names_the_body():
    text = ("Compte rendu. Le conseil municipal s'est réuni le 4 juin 2021. " + "Exposé. " * 350
            + "Le Conseil Municipal de Puygouzon, après en avoir délibéré, approuve.")
    assert read_body(Document(text))["nom"][0] == "Commune de Puygouzon"

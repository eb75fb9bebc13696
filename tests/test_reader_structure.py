"""The document's structure and the facts outside attendance, on synthetic passages: the
meeting's date against quoted meetings and stale formulas, convocation sentences, the body's
name from syndicate and EPCI headers."""
import pytest
from reader_support import schema_errors, value

from checker.reader import read_text
from checker.reader.body import read_body
from checker.reader.normalize import Document
from checker.reader.seance import read_meeting_date
from checker.reader.zones import cut
from checker.record import build_record
from checker.referentiel.remplissage import completer


def read(text):
    record = read_text(text)
    assert schema_errors(record) == []
    return record


@pytest.mark.parametrize("text, date, time", [
    # A day in words joined to its month by a hyphen.
    ("Compte rendu. L'an deux mille vingt-quatre, le douze-mars à 18 heures, le comité s'est réuni.",
     "2024-03-12", "18:00"),
    ("SÉANCE DU 9 AVRIL 2024 L'an deux mille vingt-quatre, le neuf du mois d'avril à 19 H 00, le conseil s'est réuni.",
     "2024-04-09", "19:00"),
    ("Réunion du Conseil de la Métropole de Sainte-Exemple du jeudi 14 mars 2024 à 9 heures en présentiel.",
     "2024-03-14", "09:00"),
    ("REUNION DU CONSEIL DE COMMUNAUTE DU 5 MARS 2024 Etaient présents : Monsieur Paul MARTIN", "2024-03-05", None),
    # A flattened header: the hour follows the day and month, the year is apart.
    ("COMMUNE DE SAINT-EXEMPLE L'an et le à Séance du 4 mars 2024 DEUX MIL VINGT-QUATRE 4 mars 20 heures 00 "
     "Le conseil municipal s'est réuni.", "2024-03-04", "20:00"),
    ("Séance du 4 mars 2024 (20h30). Le conseil s'est réuni.", "2024-03-04", "20:30"),
    ("L an deux mille vingt-quatre, le 4 mars à 20 heures 30, le conseil s est réuni.", "2024-03-04", "20:30"),
    ("L'an deux mille vingt-quatre, le quatre mars, à 18 h 00, le conseil s'est réuni.", "2024-03-04", "18:00"),
])
def test_meeting_date_phrasings(text, date, time):
    record = read(text)
    assert value(record["seance"]["date"]) == date
    assert record["seance"].get("heure") == time


def test_the_convocation_date_before_the_verb_is_not_the_meeting_date():
    record = read("CONSEIL MUNICIPAL SÉANCE DU 15 MARS 2024 Le conseil municipal dûment convoqué par Monsieur le "
                  "Maire, le 8 mars 2024, s'est assemblé au lieu ordinaire de ses séances.")
    assert value(record["seance"]["date"]) == "2024-03-15"
    assert value(record["convocation"]["date_envoi"]) == "2024-03-08"


def test_a_stale_formula_gives_way_to_the_title_the_document_repeats():
    # The title's date is repeated further on; the formula's (a template left from an earlier
    # meeting) is not: the title wins, below the confidence needed to accuse.
    text = ("CONSEIL MUNICIPAL DU 14 MARS 2024 COMPTE RENDU Le premier février deux mille vingt-quatre, les "
            "membres du conseil municipal se sont réunis à l'hôtel de ville à 20h30. " + "Point divers. " * 30 +
            "Décisions prises par délégation rattachées au conseil municipal du 14 mars 2024.")
    record = read(text)
    assert value(record["seance"]["date"]) == "2024-03-14"
    assert record["seance"]["date"]["confiance"] < 0.8
    # The formula's hour belongs to the stale formula, not to the title's day.
    assert record["seance"].get("heure") is None


def test_a_year_miswritten_in_words_gives_way_to_the_title_and_the_actes_identifier():
    text = ("Envoyé en préfecture le 20/03/2024 ID : 091-219100000-20240311-DEL_2024_07-DE "
            "SÉANCE DU LUNDI 11 MARS 2024 L'an deux mille vingt-trois, le lundi onze mars, à dix-neuf heures, le "
            "conseil municipal s'est réuni.")
    record = read(text)
    assert value(record["seance"]["date"]) == "2024-03-11"
    # Only the year was wrong: the hour of the formula stands.
    assert record["seance"]["heure"] == "19:00"


def test_a_formula_the_title_confirms_is_kept_over_a_later_title():
    text = ("Comité syndical du 17 octobre 2024 Objet : compte-rendu de la séance du 20 juin 2024 L'an deux mille "
            "vingt-quatre, le vingt juin à 10 heures, le comité syndical s'est réuni.")
    record = read(text)
    assert value(record["seance"]["date"]) == "2024-06-20"
    assert record["seance"]["heure"] == "10:00"


def test_a_meeting_quoted_deep_in_the_text_is_not_the_meeting_date():
    text = ("Le conseil communautaire s'est réuni le 12 mars 2024 à 18h. " + "Exposé. " * 200 +
            "Le comité syndical du pays, lors de sa séance du 15 janvier 2024, a modifié ses statuts.")
    assert value(read(text)["seance"]["date"]) == "2024-03-12"


@pytest.mark.parametrize("sentence, date", [
    ("Le conseil municipal, régulièrement convoqué en séance le 5 mars 2024, s'est réuni.", "2024-03-05"),
    ("Le conseil municipal, dûment convoqué par Madame la Maire, le 6 mars 2024, s'est réuni.", "2024-03-06"),
    ("Les conseillers convoqués par courrier en date du 4 mars 2024.", "2024-03-04"),
    ("Convocation remise au domicile des conseillers le 7 mars 2024.", "2024-03-07"),
    ("Convocation datée du 1er mars 2024.", "2024-03-01"),
    ("Sur convocation régulière en date du 2 mars 2024.", "2024-03-02"),
    ("Convocation : 05/03/2024", "2024-03-05"),
    ("Convoqué le : 05/03/2024", "2024-03-05"),
    ("Convocations envoyées le 05/03/2024", "2024-03-05"),
    ("Date de convocation et d'affichage : 05/03/2024", "2024-03-05"),
    ("Date d'envoi des convocations : 05/03/2024", "2024-03-05"),
    ("Convocation du conseil municipal : 05/03/2024", "2024-03-05"),
])
def test_convocation_phrasings(sentence, date):
    record = read("L'an deux mille vingt-quatre, le 12 mars à 18h, le conseil municipal s'est réuni. " + sentence)
    assert value(record["convocation"]["date_envoi"]) == date


def test_convocation_in_a_flattened_header_table():
    record = read("REUNION DU CONSEIL DE COMMUNAUTE DU 14 MARS 2024 Convocation envoyée le Nombre de conseillers "
                  "communautaires Nombre de présents Nombre de procurations 7 MARS 2024 40 26 3")
    assert value(record["convocation"]["date_envoi"]) == "2024-03-07"


def test_the_convocation_nearest_the_meeting_formula_wins_over_a_reproduced_one():
    text = ("Séance du 29 mars 2024. Le vendredi 29 mars 2024, à 19h30, le conseil municipal régulièrement convoqué "
            "en séance le 21 mars 2024, s'est réuni. " + "Débats. " * 100 + "Procès-verbal de la séance du 2 février "
            "2024 : Le vendredi 2 février 2024, le conseil municipal régulièrement convoqué en séance le 25 janvier "
            "2024, s'est réuni.")
    record = read(text)
    assert value(record["seance"]["date"]) == "2024-03-29"
    assert value(record["convocation"]["date_envoi"]) == "2024-03-21"


def test_a_convocation_sent_over_a_month_early_is_read_with_less_trust():
    record = read("L'an deux mille vingt-quatre, le 12 mars à 18h, le conseil municipal, convoqué le 1er janvier "
                  "2024, s'est réuni.")
    assert value(record["convocation"]["date_envoi"]) == "2024-01-01"
    assert record["convocation"]["date_envoi"]["confiance"] <= 0.7


@pytest.mark.parametrize("head, name, nature", [
    ("L'an deux mille vingt-quatre, le 12 mars, le Conseil Communautaire du Val de MARNE-EXEMPLE, légalement "
     "convoqué, s'est réuni. Communauté de communes", "Communauté de communes du Val de MARNE-EXEMPLE",
     "communaute_de_communes"),
    ("Compte-rendu sommaire du Conseil Communautaire Touraine Nord Exemple du 12 mars 2024. Le conseil "
     "communautaire s'est réuni.", "Touraine Nord Exemple", "epci_a_fiscalite_propre"),
    ("Réunion du Conseil de l'Eurométropole de Sainte-Exemple du 12 mars 2024. Le conseil de l'Eurométropole "
     "s'est réuni.", "Eurométropole de Sainte-Exemple", "metropole"),
    ("Comité syndical du 12 mars 2024. Le Comité du Syndicat intercommunal d'énergies de Loire-Exemple s'est réuni.",
     "Syndicat intercommunal d'énergies de Loire-Exemple", "syndicat_de_communes"),
    ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL COMMUNE D'IBOS DE LA COMMUNE "
     "D'IBOS SÉANCE DU 12 MARS 2024", "Commune d'IBOS", "commune"),
    ("LE 12 MARS 2024 S'EST RÉUNI LE CONSEIL MUNICIPAL DE SAINT JEAN DE VEDAS AU LIEU HABITUEL DE SES "
     "SÉANCES", "Commune de SAINT JEAN DE VEDAS", "commune"),
])
def test_body_name_from_its_headers(head, name, nature):
    body = read_body(Document(head))
    assert body["nature"] == nature
    assert body["nom"][0] == name


@pytest.mark.parametrize("head, name", [
    ("MAIRIE DE SAINT-AY Séance du conseil municipal du 12 mars 2024. Le conseil municipal s'est réuni.",
     "Commune de SAINT-AY"),
    ("Villexemple Métropole Séance du conseil de Métropole du 12 mars 2024. Le conseil de Métropole s'est réuni.",
     "Villexemple Métropole"),
    ("Syndicat départemental d'énergies de la Loire-Exemple Comité syndical du 12 mars 2024. Le comité syndical "
     "s'est réuni.", "Syndicat départemental d'énergies de la Loire-Exemple"),
    ("SIVOM DE LA VALLEE DE L'EXEMPLE Comité syndical du 12 mars 2024. Le comité syndical s'est réuni.",
     "SIVOM DE LA VALLEE DE L'EXEMPLE"),
    ("Établissement public territorial Est Exemple Séance du conseil de territoire du 12 mars 2024.",
     "Établissement public territorial Est Exemple"),
    ("Communauté d'agglomération Grand Exemple Bureau communautaire du 12 mars 2024. Le bureau communautaire "
     "s'est réuni.", "Communauté d'agglomération Grand Exemple"),
])
def test_more_body_headers(head, name):
    assert read_body(Document(head))["nom"][0] == name


def test_a_syndicate_a_community_joins_is_not_the_community():
    body = read_body(Document("Objet : adhésion au Syndicat d'énergies de la Loire-Exemple. Le conseil communautaire "
                              "de la communauté s'est réuni le 12 mars 2024."))
    assert body["nature"] == "epci_a_fiscalite_propre"
    assert "nom" not in body



def test_a_delegate_line_is_not_the_body():
    body = read_body(Document("SYNDICAT INTERCOMMUNAL DES EAUX DE LA VALLÉE EXEMPLE Comité syndical du 12 mars "
                              "2024 Présents : Commune de Saint-Autre : Monsieur Paul MARTIN"))
    assert body["nature"] == "syndicat_de_communes"
    assert body["nom"][0] == "Syndicat intercommunal DES EAUX DE LA VALLÉE EXEMPLE"


def test_a_body_without_a_name_gives_no_name():
    body = read_body(Document("Séance du conseil communautaire du 12 mars 2024. Présents : M. Paul MARTIN."))
    assert "nom" not in body


HEAD = "L'an deux mille vingt-quatre, le 12 mars à 18h, le conseil municipal s'est réuni. "


@pytest.mark.parametrize("sentence, names", [
    ("Secrétaire de séance : Jean DUPONT Travaux de voirie : le conseil approuve.", ["Jean DUPONT"]),
    ("Secrétaire de Séance : Luc MARTIN 1 BUREAU COMMUNAUTAIRE DU 6 MARS 2024 RELEVÉ DE DÉCISION", ["Luc MARTIN"]),
    ("Secrétaires de séance : Anne MOREAU et Paul PETIT. Ordre du jour.", ["Anne MOREAU", "Paul PETIT"]),
    ("Le quorum étant atteint, M. Denis LEROUX a été désigné pour assurer les fonctions de Secrétaire.",
     ["Denis LEROUX"]),
    ("Il a été procédé à la nomination d'un secrétaire pris dans le sein du Conseil : M. KERBOULCH ayant obtenu "
     "la majorité des suffrages.", ["M. KERBOULCH"]),
    ("Présents : Mr ROUX, Mr PINAUD Est nommé secrétaire, Mr MARTEAU AFFAIRES GENERALES Monsieur ROUX souhaite "
     "la bienvenue.", ["Mr MARTEAU"]),
    ("Secrétaire : Mme Teresa DURAND Présents : M. Paul ROUX.", ["Teresa DURAND"]),
    ("Mme Anne VIAL assure le secrétariat de séance.", ["Anne VIAL"]),
    ("Mme Anne VIAL est désignée pour assurer le secrétariat de la séance.", ["Anne VIAL"]),
    ("Secrétaire élue : Mme Anne VIAL.", ["Anne VIAL"]),
    ("Secrétaire de séance Mme Anne VIAL.", ["Anne VIAL"]),
    ("Mme Anne VIAL, secrétaire de séance, prend note.", ["Anne VIAL"]),
    ("Le conseil municipal a choisi pour secrétaire Mme Anne VIAL.", ["Anne VIAL"]),
    ("Mme Anne VIAL a été choisie pour secrétaire.", ["Anne VIAL"]),
    ("Secrétaire de séance désignée : Mme Anne VIAL.", ["Anne VIAL"]),
    ("Secrétaire de séance - Mme Anne VIAL", ["Anne VIAL"]),
])
def test_secretary_phrasings(sentence, names):
    assert read(HEAD + sentence)["seance"]["secretaires"] == names


def test_a_signature_gives_way_to_the_designation():
    record = read(HEAD + "Secrétaire : Mme Teresa DURAND. Objet : voirie. Adopté à l'unanimité. La Secrétaire de "
                  "séance, Mme Teres DURAND")
    assert record["seance"]["secretaires"] == ["Teresa DURAND"]


def test_a_name_before_a_sentence_about_another_secretary_is_not_taken():
    record = read(HEAD + "M. Pierre VERDON a été nommé secrétaire de séance. M. DAVIAU, Président, ouvre la séance.")
    assert record["seance"]["secretaires"] == ["Pierre VERDON"]


@pytest.mark.parametrize("sentence, name, confidence", [
    ("sous la présidence d'Auguste FLORENT. Date de convocation : 5 mars 2024.", "Auguste FLORENT", 0.9),
    ("Procès verbal. Présidé par Jean-Yves Bernier. Étaient présents : Karim Ameur.", "Jean-Yves Bernier", 0.9),
    ("PRÉSENTS : Monsieur Jérôme BERT, Maire, Monsieur Jean-Luc BOCHE, Madame Anne ROY.", "Jérôme BERT", 0.7),
    ("Intervention de Monsieur Patrice BESSON – maire de Montville « S'agissant du budget »", "Patrice BESSON", 0.7),
    ("sur la convocation qui leur a été adressée par la Présidente, Mme Annick BROSSARD.", "Annick BROSSARD", 0.7),
    ("Présidence : M. Paul ROUX, Maire.", "Paul ROUX", 0.9),
    ("M. Paul ROUX, Maire, préside la séance.", "Paul ROUX", 0.9),
])
def test_president_phrasings(sentence, name, confidence):
    president = read(HEAD + sentence)["seance"]["president"]
    assert value(president) == name
    assert president["confiance"] == confidence


def test_a_deputy_mayor_is_not_presumed_president():
    record = read(HEAD + "Présents : Monsieur Paul ROUX, Maire-adjoint, Madame Anne VIAL, adjointe au maire.")
    assert "president" not in record["seance"]


SECOND = ("L'an deux mille vingt-quatre, le 12 mars à 18h, le conseil municipal s'est réuni. Le quorum n'ayant pas été "
          "atteint lors de la séance du 6 mars 2024, le conseil municipal a été à nouveau convoqué le 7 mars 2024 et "
          "délibère valablement sans condition de quorum. Objet : travaux de voirie. Le conseil, après en avoir "
          "délibéré, approuve à l'unanimité.")


def test_second_convocation_after_a_failed_quorum():
    record = read(SECOND)
    convocation = record["convocation"]
    assert value(convocation["seconde_convocation"]) is True
    assert value(convocation["date_seance_sans_quorum"]) == "2024-03-06"
    assert value(convocation["date_envoi"]) == "2024-03-07"
    assert value(record["deliberations"][0]["reportee_faute_de_quorum"]) is True
    # Read, not given: below the threshold at which a finding may accuse.
    assert record["deliberations"][0]["reportee_faute_de_quorum"]["confiance"] < 0.9


@pytest.mark.parametrize("sentence", [
    "Le quorum étant atteint, la séance est ouverte.",
    "Si le quorum n'est pas atteint, le conseil est à nouveau convoqué à trois jours au moins d'intervalle.",
    "Le conseil a été convoqué à nouveau pour examiner le budget.",
    "Si le quorum n'était pas atteint, le conseil serait convoqué à nouveau.",
])
def test_no_second_convocation_without_both_a_failed_quorum_and_a_new_call(sentence):
    record = read(HEAD + sentence + " Le conseil approuve à l'unanimité.")
    assert "seconde_convocation" not in record.get("convocation", {})


@pytest.mark.parametrize("sentence", [
    "Le quorum requis n'ayant pas été obtenu lors de la séance du 6 mars 2024, le conseil a été convoqué à "
    "nouveau le 7 mars 2024 ; il délibère quel que soit le nombre des membres présents.",
    "La séance du 6 mars 2024 n'ayant pas réuni le quorum, le conseil municipal s'est réuni sur 2nde convocation.",
    "Les conditions de quorum n'étant pas remplies le 6 mars 2024, une deuxième convocation a été adressée.",
])
def test_second_convocation_phrasings(sentence):
    record = read(HEAD + sentence + " Objet : voirie. Le conseil approuve à l'unanimité.")
    assert value(record["convocation"]["seconde_convocation"]) is True


def test_an_item_added_in_session_is_read_on_its_own_act():
    text = (HEAD + "Délibération n° 2024-10 Objet : budget primitif. Le conseil approuve à l'unanimité. "
            "Délibération n° 2024-11 Objet : vente d'un terrain. Monsieur le Maire propose d'ajouter un point à "
            "l'ordre du jour. Le conseil accepte à l'unanimité.")
    deliberations = read(text)["deliberations"]
    assert [d["numero"] for d in deliberations] == ["2024-10", "2024-11"]
    assert "inscrite_ordre_du_jour" not in deliberations[0]
    assert value(deliberations[1]["inscrite_ordre_du_jour"]) is False


def test_an_item_put_on_the_next_agenda_is_not_an_item_added_now():
    text = HEAD + "Objet : voirie. Le conseil décide d'inscrire à l'ordre du jour de la prochaine séance la question."
    deliberations = read(text + " Le conseil approuve à l'unanimité.")["deliberations"]
    assert all("inscrite_ordre_du_jour" not in d for d in deliberations)


def test_several_deliberations_each_with_its_vote():
    text = (HEAD + "Délibération n° 2024-20 Objet : tarifs de la cantine. Le conseil, après en avoir délibéré, "
            "approuve à l'unanimité. Délibération n° 2024-21 Objet : subvention au club. Le conseil, après en avoir "
            "délibéré, adopte par 12 voix pour, 3 voix contre et 2 abstentions.")
    deliberations = read(text)["deliberations"]
    assert [d["numero"] for d in deliberations] == ["2024-20", "2024-21"]
    assert value(deliberations[0]["vote"]["unanimite"]) is True
    second = deliberations[1]["vote"]
    assert (value(second["pour"]), value(second["contre"]), value(second["abstentions"])) == (12, 3, 2)


def _online(record):
    return [d.get("publicite", {}).get("date_mise_en_ligne") for d in record.get("deliberations", [])]


def test_a_stamp_whose_year_ocr_garbled_takes_the_year_after_the_meeting_with_less_trust():
    record = read(HEAD + "Objet : voirie. Le conseil approuve à l'unanimité. Publication le : 7 AVR. 2U2J")
    online = [f for f in _online(record) if f]
    assert [value(f) for f in online] == ["2024-04-07"]
    assert online[0]["confiance"] <= 0.6


def test_acts_consultable_online_from_a_date():
    record = read(HEAD + "Objet : voirie. Le conseil approuve à l'unanimité. L'intégralité des délibérations "
                  "adoptées le 12 mars 2024 sont consultables à compter du 19 mars 2024 dans le recueil des actes, "
                  "ainsi que sur le site internet de la collectivité.")
    assert [value(f) for f in _online(record) if f] == ["2024-03-19"]


def test_acts_consultable_only_on_paper_have_no_online_date():
    record = read(HEAD + "Objet : voirie. Le conseil approuve à l'unanimité. Les délibérations sont consultables à "
                  "compter du 19 mars 2024 au secrétariat de la mairie.")
    assert not [f for f in _online(record) if f]


REPRODUCED = ("Procès-verbal de la séance du 29 mars 2024. Le vendredi 29 mars 2024, à 19h30, le conseil municipal "
              "régulièrement convoqué le 21 mars 2024, s'est réuni. Présents : M. Paul MARTIN, Mme Anne VIAL. "
              "Objet : budget. Le conseil approuve à l'unanimité. " + "Débats sur le budget. " * 60 +
              "Annexe : procès-verbal de la séance précédente. Le vendredi 2 février 2024, à 19h30, le conseil "
              "municipal régulièrement convoqué le 25 janvier 2024, s'est réuni sous la présidence de M. Luc "
              "GIRAUD. Secrétaire de séance : Mme Teresa ROUX.")


def test_a_reproduced_procès_verbal_is_another_meeting_s_block():
    doc = Document(REPRODUCED)
    zones = cut(doc, read_meeting_date(doc))
    assert doc.text[zones.meeting[1]:].startswith("Le vendredi 2 février 2024")
    assert doc.text[zones.formula[0]:zones.formula[1]].startswith("Le vendredi 29 mars 2024")
    assert doc.text[zones.attendance[0]:].startswith("Présents")
    record = read(REPRODUCED)
    assert value(record["seance"]["date"]) == "2024-03-29"
    assert value(record["convocation"]["date_envoi"]) == "2024-03-21"
    # The president and the secretary of the reproduced meeting are not this meeting's.
    assert "president" not in record["seance"]
    assert "secretaires" not in record["seance"]


def test_a_title_restated_near_the_formula_does_not_cut_the_block():
    doc = Document("Le 12 mars 2024 le conseil s'est réuni. Le 11 mars 2024 le bureau s'est réuni. "
                   "Secrétaire de séance : Anne VIAL.")
    assert cut(doc, read_meeting_date(doc)).meeting == (0, len(doc.text))


def test_a_commune_named_only_in_the_text_twice_is_read_with_less_trust():
    text = ("Séance du conseil municipal du 12 mars 2024. Le conseil municipal s'est réuni. " + "Exposé. " * 400 +
            "Le territoire de la "
            "commune de Champhol compte deux écoles. Le maire rappelle que la commune de Champhol a "
            "adhéré au syndicat.")
    body = read_body(Document(text))
    assert body["nom"][0] == "Commune de Champhol"
    assert body["nom"][2] < 0.9


def test_two_communes_named_as_often_give_no_name():
    text = ("Séance du conseil municipal du 12 mars 2024. Le conseil municipal s'est réuni. " + "Exposé. " * 400 +
            "Convention entre la "
            "commune de Saint-Exemple et la commune de Val-Autre : la commune de Saint-Exemple et la commune de "
            "Val-Autre partagent un gymnase.")
    assert "nom" not in read_body(Document(text))


def test_a_community_named_only_in_the_text_is_read_with_less_trust():
    text = ("REUNION DU CONSEIL DE COMMUNAUTE DU 12 MARS 2024. Le conseil communautaire s'est réuni. " +
            "Exposé. " * 400 + "La Communauté Vallée-Exemple a validé le projet. La Communauté Vallée-Exemple "
            "sollicite une subvention.")
    body = read_body(Document(text))
    assert body["nom"][0] == "Vallée-Exemple"
    assert body["nom"][2] < 0.9


@pytest.mark.parametrize("stamp, section, key, date", [
    ("Transmis au représentant de l'Etat le 14/03/2024", "transmission", "date_envoi", "2024-03-14"),
    ("Télétransmis le 14/03/2024", "transmission", "date_envoi", "2024-03-14"),
    ("Reçu à la Sous-Préfecture le 15 mars 2024", "transmission", "date_reception", "2024-03-15"),
    ("Accusé certifié exécutoire Réception par le préfet : 15/03/2024", "transmission", "date_reception",
     "2024-03-15"),
    ("Affiché du 16/03/2024 au 16/05/2024", "publicite", "date_affichage", "2024-03-16"),
    ("Affichage le 16/03/2024", "publicite", "date_affichage", "2024-03-16"),
    ("Accusé de réception préfecture : 15/03/2024", "transmission", "date_reception", "2024-03-15"),
    ("AR-Préfecture 15/03/2024", "transmission", "date_reception", "2024-03-15"),
    ("Réception par le préfet : 15/03/2024 Publication : 18/03/2024", "publicite", "date_mise_en_ligne",
     "2024-03-18"),
    ("Reçu par la préfecture le 15/03/2024", "transmission", "date_reception", "2024-03-15"),
    ("Date de réception par le représentant de l'État : 15/03/2024", "transmission", "date_reception", "2024-03-15"),
    ("Reçue au contrôle de légalité le 15/03/2024", "transmission", "date_reception", "2024-03-15"),
    ("Contrôle de légalité : reçu le 15/03/2024", "transmission", "date_reception", "2024-03-15"),
    ("Date de publication sur le site internet de la commune : 18/03/2024", "publicite", "date_mise_en_ligne",
     "2024-03-18"),
    ("Publié par voie électronique le 18/03/2024", "publicite", "date_mise_en_ligne", "2024-03-18"),
])
def test_stamp_phrasings(stamp, section, key, date):
    record = read(HEAD + "Objet : voirie. Adopté à l'unanimité. " + stamp)
    assert value(record["deliberations"][0][section][key]) == date


@pytest.mark.parametrize("stamp, section, key, date", [
    ("Affiché le : 1 6 MARS 2024", "publicite", "date_affichage", "2024-03-16"),
    ("Reçu en préfecture le 1 5/03/2024", "transmission", "date_reception", "2024-03-15"),
])
def test_a_day_split_by_the_scan_is_joined_and_read_with_doubt(stamp, section, key, date):
    fact = read(HEAD + "Objet : voirie. Adopté à l'unanimité. " + stamp)["deliberations"][0][section][key]
    assert value(fact) == date and fact["confiance"] < 0.9


@pytest.mark.parametrize("stamp", ["Affiché le 1 6 3 2024", "Reçu en préfecture le 1 5 pages"])
def test_digits_that_join_into_no_date_give_none(stamp):
    record = read(HEAD + "Objet : voirie. Adopté à l'unanimité. " + stamp)
    delib = record["deliberations"][0]
    assert "date_affichage" not in delib.get("publicite", {}) and "date_reception" not in delib.get("transmission", {})


def test_a_posting_before_the_meeting_is_not_the_act_s():
    record = read(HEAD + "Objet : voirie. Adopté à l'unanimité. Affichage le 01/03/2024")
    assert "date_affichage" not in record["deliberations"][0].get("publicite", {})


def test_an_opening_formula_its_title_contradicts_is_read_below_the_accusation_threshold():
    record = read("SÉANCE DU 12 MARS 2024 L'an deux mille vingt-quatre, le douze avril à 18 heures, le conseil "
                  "municipal s'est réuni.")
    assert value(record["seance"]["date"]) == "2024-04-12"
    assert record["seance"]["date"]["confiance"] < 0.9


def test_a_weekday_that_disagrees_with_the_year_in_words_takes_the_actes_identifier_s_year():
    record = read("ID : 091-219100000-20230130-DEL_07-DE L'an deux mille vingt-deux, le lundi trente janvier, à "
                  "dix-neuf heures, le conseil municipal s'est réuni.")
    date = record["seance"]["date"]
    assert value(date) == "2023-01-30"
    assert date["confiance"] < 0.9
    assert "jour de la semaine" in date["source"]
    assert record["seance"]["heure"] == "19:00"


def test_a_weekday_that_agrees_with_the_year_in_words_keeps_it():
    record = read("ID : 091-219100000-20230130-DEL_07-DE L'an deux mille vingt-deux, le dimanche trente janvier, "
                  "le conseil municipal s'est réuni.")
    assert value(record["seance"]["date"]) == "2022-01-30"


def test_on_a_second_convocation_every_act_is_deferred_but_one_added_in_session():
    text = SECOND.replace("Objet : travaux de voirie.", "Délibération n° 2024-10 Objet : travaux de voirie.") + (
        " Délibération n° 2024-11 Objet : vente d'un terrain. Monsieur le Maire propose d'ajouter un point à l'ordre "
        "du jour. Le conseil accepte à l'unanimité.")
    deliberations = read(text)["deliberations"]
    assert [d["numero"] for d in deliberations] == ["2024-10", "2024-11"]
    assert value(deliberations[0]["reportee_faute_de_quorum"]) is True
    assert "reportee_faute_de_quorum" not in deliberations[1]
    assert value(deliberations[1]["inscrite_ordre_du_jour"]) is False


def test_a_guessed_name_does_not_identify_the_body_in_the_reference_data():
    text = ("Séance du conseil municipal du 12 mars 2024. Le conseil municipal s'est réuni. " + "Exposé. " * 400 +
            "Le territoire de la commune de Villeneuve d'Ascq compte deux écoles. La commune de Villeneuve d'Ascq "
            "a adhéré au syndicat.")
    record = read(text)
    assert record["collectivite"]["nom"]["confiance"] < 0.7
    report = completer(build_record(record, "devine.txt"), {})
    assert report.collectivite is None and "lu avec doute" in report.motif
    # The same name read in the heading identifies the commune.
    heading = read("COMMUNE DE VILLENEUVE D'ASCQ " + text)
    assert completer(build_record(heading, "titre.txt"), {}).collectivite.startswith("Villeneuve")

"""One test per family of phrasings councils use, on short passages."""
import pytest
from reader_support import schema_errors, value

from checker.confiance import SEUIL
from checker.errors import InputError
from checker.reader import read_text
from checker.reader.counts import read_counts
from checker.reader.normalize import Document

HEAD = "L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal de la commune de Saint-Ay s'est réuni. "


def read(text):
    record = read_text(text)
    assert schema_errors(record) == []
    return record


@pytest.mark.parametrize("text, date, time", [
    ("L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal s'est réuni.", "2023-12-19", "18:45"),
    ("L'an deux mil vingt-trois, le jeudi 30 novembre, le conseil municipal s'est réuni.", "2023-11-30", None),
    ("L'an deux mil vingt et deux, le mercredi 07 décembre à 18 h 30, le conseil s'est réuni.", "2022-12-07", "18:30"),
    ("Le vingt-deux Juin deux mille vingt-deux à vingt heures, le Conseil Municipal s'est réuni.", "2022-06-22", "20:00"),
    ("Les membres se sont réunis le seize février deux mille vingt-trois à dix-neuf heures.", "2023-02-16", "19:00"),
    ("PROCES VERBAL DU CONSEIL MUNICIPAL DU 13 DECEMBRE 2022 SEANCE DU 13 DECEMBRE 2022 À 19H00", "2022-12-13", "19:00"),
    ("CONSEIL MUNICIPAL DE LA COMMUNE DE SAINT-AY LUNDI 16 JANVIER 2023 Présents : …", "2023-01-16", None),
])
def test_meeting_date_and_time(text, date, time):
    record = read(text)
    assert value(record["seance"]["date"]) == date
    assert record["seance"].get("heure") == time
    assert record["seance"]["date"]["source"]


def test_a_date_of_another_meeting_is_not_the_meeting_date():
    text = ("Séance du 16 janvier 2023. " + "x " * 200 +
            "Approbation du procès-verbal de la séance du 12 décembre 2022.")
    assert value(read(text)["seance"]["date"]) == "2023-01-16"


def test_no_meeting_date_is_an_input_error_in_french():
    with pytest.raises(InputError) as error:
        read_text("Le conseil municipal a délibéré.", "extrait.txt")
    assert error.value.fichier == "extrait.txt"
    assert "aucune date de séance" in str(error.value)


@pytest.mark.parametrize("sentence, date", [
    ("Date de convocation : 13/12/2023", "2023-12-13"),
    ("Date de la convocation : 13 décembre 2023", "2023-12-13"),
    ("légalement convoqué le 7 décembre 2023", "2023-12-07"),
    ("régulièrement convoqué le dix décembre deux mille vingt-trois", "2023-12-10"),
    ("sur convocation qui leur a été adressée par le Maire, conformément à l'article L2121-10, le 11 décembre 2023",
     "2023-12-11"),
    ("en suite de convocation en date du 6 décembre 2023", "2023-12-06"),
    ("Convocation du 14 décembre 2023", "2023-12-14"),
])
def test_convocation_date(sentence, date):
    record = read(HEAD + sentence + ".")
    assert value(record["convocation"]["date_envoi"]) == date
    assert record["convocation"]["date_envoi"]["source"]


def test_convocation_asserted_without_date():
    record = read(HEAD + "suite à la convocation qui a été adressée à ses membres cinq jours francs avant la séance.")
    envoi = record["convocation"]["date_envoi"]
    assert envoi["affirme"] is True and "valeur" not in envoi
    assert "cinq jours francs" in envoi["source"]


def test_a_convocation_date_after_the_meeting_is_not_read():
    record = read(HEAD + "Date de convocation : 21/12/2023.")
    assert "date_envoi" not in record.get("convocation", {})


@pytest.mark.parametrize("passage, expected", [
    ("En exercice : 21 Présents : 18 Votants : 21", {"membres_en_exercice": 21, "presents": 18, "votants": 21}),
    ("Nombre de conseillers en exercice : 23 Nombre de présents : 20 Nombre de pouvoirs : 1",
     {"membres_en_exercice": 23, "presents": 20, "representes": 1}),
    ("27 16 3 19 Nombre de Conseillers en exercice Présents Procurations Votants",
     {"membres_en_exercice": 27, "presents": 16, "representes": 3, "votants": 19}),
    ("- en exercice : 82 - présents titulaires : 45 - présents suppléants : 4 - procurations : 19 - votants : 68",
     {"membres_en_exercice": 82, "presents": 49, "representes": 19, "votants": 68}),
    ("En exercice : 37 27 puis 28 conseillers communautaires étaient présents",
     {"membres_en_exercice": 37, "presents": 27}),
    ("Présents : 51 Ayant pris part au vote : 53 (51+2 pouvoir)", {"presents": 51, "votants": 53}),
])
def test_counts(passage, expected):
    counts = read_counts(Document(HEAD + passage))
    for field, number in expected.items():
        assert counts[field].value == number, field


@pytest.mark.parametrize("passage, expected", [
    ("Présents : membres (18/27) Votants : 21", {"presents": 18, "membres_en_exercice": 27, "votants": 21}),
    ("Présents 18/27", {"presents": 18, "membres_en_exercice": 27}),
    ("Membres en exercice 15 Membres présents 9 Procurations 2 Votants 11",
     {"membres_en_exercice": 15, "presents": 9, "representes": 2, "votants": 11}),
    ("Nombre de membres en exercice Présents Procurations Votants 27 16 3 19 Objet : Budget",
     {"membres_en_exercice": 27, "presents": 16, "representes": 3, "votants": 19}),
])
def test_counts_as_ratios_pairs_without_colons_and_labels_before_values(passage, expected):
    counts = read_counts(Document(HEAD + passage))
    assert {field: counts[field].value for field in expected} == expected


def test_a_loose_count_is_kept_only_when_another_total_confirms_it():
    alone = read(HEAD + "En exercice : 37 27 puis 28 conseillers communautaires étaient présents")
    assert "presents" not in alone["seance"]
    assert alone["lecture"]["rejetees"][0]["champ"] == "seance.presents"
    confirmed = read(HEAD + "27 élus présents. Pouvoirs : 3. Votants : 30.")
    assert value(confirmed["seance"]["presents"]) == 27
    assert confirmed["seance"]["presents"]["confiance"] >= 0.9


def test_a_count_of_names_is_exact_when_two_readings_of_the_list_agree_and_bounded_otherwise():
    # The names reader and the count item by item between separators (checker/reader/appel.py) give
    # the same 11: the exact number, below the gate (a list alone never founds an accusation).
    text = HEAD + ("Membres en exercice : 12. Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Anne PETIT, "
                   "Luc MOREAU, Éric BLANC, Hugo FAURE, Lise ROUX, Yves GARNIER, Zoé LEROY, Rémi CARON. "
                   "Objet : Budget.")
    alone = read(text)["seance"]["presents"]
    assert value(alone) == 11 and alone["confiance"] < SEUIL
    assert alone["source"].startswith("compté sur la liste (deux lectures concordantes)")
    assert schema_errors(read(text)) == []
    # An item that is no name (a remark in prose inside the list): the two readings part, and the
    # count gives only bounds two names either side.
    doubtful = read(text.replace("Luc MOREAU,", "Luc MOREAU délégué aux sports et au bien vivre,"))
    bounded = doubtful["seance"]["presents"]
    assert (bounded["min"], bounded["max"]) == (9, 12) and "valeur" not in bounded
    assert bounded["confiance"] < SEUIL and "11 noms, à 2 près" in bounded["source"]
    confirmed = read(text.replace("Objet", "Pouvoirs : 1. Votants : 12. Objet"))["seance"]["presents"]
    assert value(confirmed) == 11 and confirmed["confiance"] >= 0.9


PROXY_FORMS = [
    "Absents : Lionel BAPTISTE, ayant donné pouvoir à Sylvain ESTAGER, André LAURENT.",
    "Absents : Lionel BAPTISTE (procuration à Sylvain ESTAGER), André LAURENT.",
    "Absents excusés : Lionel BAPTISTE (pouvoir à Sylvain ESTAGER), André LAURENT.",
    "Pouvoirs : Lionel BAPTISTE à Sylvain ESTAGER. Absents : André LAURENT.",
    "Pouvoirs : Lionel BAPTISTE ........ à Sylvain ESTAGER Absents : André LAURENT.",
    "Absents excusés : M. Lionel BAPTISTE a donné pouvoir à M. Sylvain ESTAGER, M. André LAURENT.",
    "Excusés : Mme BAPTISTE Lionel donne pouvoir à M. ESTAGER Sylvain ; M. LAURENT André.",
    "Absents représentés : Monsieur Lionel BAPTISTE par M. Sylvain ESTAGER. Absents : André LAURENT.",
]


@pytest.mark.parametrize("passage", PROXY_FORMS)
def test_proxy_forms(passage):
    # The printed counts confirm the lists (tests/test_reader_coherence.py for lists they do not).
    text = HEAD + "En exercice : 4. Présents : 2. Pouvoirs : 1. Présents : Sylvain ESTAGER, Marie DUPONT. " + passage
    seance = read(text)["seance"]
    assert [(p["mandant"], p["mandataire"]) for p in seance["pouvoirs"]] == [("Lionel BAPTISTE", "Sylvain ESTAGER")]
    assert seance["pouvoirs"][0]["source"]
    assert seance["absents"] == ["André LAURENT"]
    presence = {m["nom"]: m["presence"] for m in seance["membres"]}
    assert presence["Lionel BAPTISTE"] == "represente"
    assert presence["Sylvain ESTAGER"] == "present"


def test_proxy_list_with_dropped_commas_is_cut_between_names():
    text = HEAD + ("Représentés : 2. Avaient donné pouvoir : Marie GRENAPIN a donné pouvoir à Véronique CADIEU Lionel SALVAYRE a donné "
                   "pouvoir à Julien FOUSSARD. Secrétaire de séance : Magali COUSIN")
    pairs = [(p["mandant"], p["mandataire"]) for p in read(text)["seance"]["pouvoirs"]]
    assert pairs == [("Marie GRENAPIN", "Véronique CADIEU"), ("Lionel SALVAYRE", "Julien FOUSSARD")]


def test_a_surname_alone_is_resolved_to_the_listed_member():
    text = HEAD + ("Etaient présents : Christine Beille-Tourscher, Germaine Millo. "
                   "Absents représentés : Monsieur Christian Dragoni par Mme Beille-Tourscher.")
    pouvoir = read(text)["seance"]["pouvoirs"][0]
    assert pouvoir["mandataire"] == "Christine Beille-Tourscher"


def test_partial_absences_are_not_absences():
    text = HEAD + "Étaient absents : Meriem ABKOUI (aux points 3, 4) Franck STEINMETZ (au point 9). Le quorum"
    assert "absents" not in read(text)["seance"]


@pytest.mark.parametrize("sentence", [
    "Secrétaire de séance : Madame Monique BUFFAROT",
    "Mme Monique BUFFAROT a été désignée secrétaire de séance.",
    "Madame Monique BUFFAROT est désignée secrétaire de séance à l'unanimité.",
    "Elue secrétaire de séance : Monique BUFFAROT",
    "Le secrétaire, Monique BUFFAROT",
])
def test_secretary(sentence):
    assert read(HEAD + sentence)["seance"]["secretaires"] == ["Monique BUFFAROT"]


def test_an_auxiliary_secretary_is_not_the_secretary():
    assert "secretaires" not in read(HEAD + "Secrétaire auxiliaire : Marceau LE DREF")["seance"]


def test_president():
    text = HEAD.replace("s'est réuni.", "s'est réuni sous la présidence de Monsieur Frédéric CUILLERIER, Maire.")
    assert value(read(text)["seance"]["president"]) == "Frédéric CUILLERIER"


@pytest.mark.parametrize("decision, expected", [
    ("à l'unanimité", {"unanimite": True}),
    ("à l'unanimité des présents et des représentés", {"unanimite": True, "unanimite_de": "presents_et_representes"}),
    ("à l'unanimité des suffrages exprimés", {"unanimite": True, "unanimite_de": "exprimes"}),
    ("par 40 voix pour, 5 contre et 2 abstentions", {"pour": 40, "contre": 5, "abstentions": 2, "unanimite": False}),
    ("POUR : 14 CONTRE : / ABSTENTION : /", {"pour": 14, "contre": 0, "abstentions": 0, "unanimite": True}),
    ("Pour : 28 Contre : Abstention :", {"pour": 28}),
    ("VOTE : 13 POUR 0 CONTRE - 0 ABSTENTION", {"pour": 13, "contre": 0, "abstentions": 0, "unanimite": True}),
    ("à la majorité 41 votes pour, dont 4 procurations (M. A, M. B) 2 votes contre, M. C, M. D 6 abstentions",
     {"pour": 41, "contre": 2, "abstentions": 6, "unanimite": False}),
])
def test_votes(decision, expected):
    text = HEAD + f"Délibération n° 2023-045 : Tarifs scolaires. Après en avoir délibéré, le conseil municipal, {decision}, approuve."
    vote = read(text)["deliberations"][0]["vote"]
    for key, wanted in expected.items():
        assert value(vote.get(key)) == wanted, key
    assert all(key in expected or key in ("resultat",) for key in vote)


def test_unanimity_less_some_votes_is_not_unanimity():
    text = HEAD + "Objet : Tarifs. Le conseil municipal décide à l'unanimité moins deux voix d'approuver."
    vote = read(text)["deliberations"][0].get("vote", {})
    # Two members did not vote for: not unanimous, but whether they voted against or abstained is untold.
    assert value(vote.get("unanimite")) is False
    assert "contre" not in vote and "abstentions" not in vote


def test_a_commission_vote_is_not_the_council_vote():
    text = HEAD + ("Objet : Tarifs. Vu l'avis favorable de la commission des finances (pour : 21 ; contre : 0 ; "
                   "abstentions : 2). Après en avoir délibéré, le conseil municipal, à l'unanimité, approuve.")
    vote = read(text)["deliberations"][0]["vote"]
    assert value(vote["unanimite"]) is True and "pour" not in vote


@pytest.mark.parametrize("phrase, mode", [("à main levée", "main_levee"), ("au scrutin secret", "scrutin_secret")])
def test_nomination_mode(phrase, mode):
    text = HEAD + f"Objet : Désignation d'un délégué. Le conseil municipal décide de désigner, {phrase}, Mme Françoise MARTIN comme déléguée, à l'unanimité."
    delib = read(text)["deliberations"][0]
    assert delib["vote"]["mode"] == mode
    assert value(delib["nomination"]) is True


def test_renouncing_the_secret_ballot():
    text = HEAD + ("Objet : Désignation. Le conseil municipal décide à l'unanimité de ne pas procéder au scrutin secret "
                   "et désigne M. Jean DUPONT.")
    vote = read(text)["deliberations"][0]["vote"]
    assert value(vote["renonciation_scrutin_secret"]) is True and "mode" not in vote


def test_stamps_and_actes_identifier():
    text = HEAD + ("Objet : Tarifs. Le conseil municipal, à l'unanimité, approuve. Envoyé en préfecture le 22/12/2023 "
                   "Reçu en préfecture le 23/12/2023 Publié le 27/12/2023 Affiché le 28 DEC.2023 "
                   "ID : 065-216502260-20231219-2023009-DE")
    delib = read(text)["deliberations"][0]
    assert value(delib["transmission"]["date_envoi"]) == "2023-12-22"
    assert value(delib["transmission"]["date_reception"]) == "2023-12-23"
    assert value(delib["publicite"]["date_mise_en_ligne"]) == "2023-12-27"
    assert value(delib["publicite"]["date_affichage"]) == "2023-12-28"
    assert delib["transmission"]["identifiant_actes"] == "065-216502260-20231219-2023009-DE"


def test_blank_or_garbled_stamps_give_nothing():
    text = HEAD + ("Objet : Tarifs. Le conseil municipal, à l'unanimité, approuve. Publié le ID : 065-216502260-"
                   "20231219-D13 2023 12 19-DE Publiée le 29 FEV.273 Reçu en préfecture le 03/02/2019")
    delib = read(text)["deliberations"][0]
    assert "publicite" not in delib and "transmission" not in delib


def test_posting_date_before_the_meeting_is_the_convocation_posting():
    record = read(HEAD + "Date de convocation : 12/12/2023 Date d'affichage : 12/12/2023. Objet : X. à l'unanimité.")
    assert value(record["convocation"]["date_affichage"]) == "2023-12-12"


def test_body_name_and_nature():
    record = read("COMMUNAUTE DE COMMUNES CŒUR DE BRENNE. Procès-verbal de la session du Conseil Communautaire "
                  "du 13 mars 2023.")
    assert record["collectivite"]["nature"] == "communaute_de_communes"
    assert value(record["collectivite"]["nom"]).lower().startswith("communaute de communes cœur de brenne") or \
        "CŒUR DE BRENNE" in value(record["collectivite"]["nom"])
    assert read(HEAD)["collectivite"] == {"nom": read(HEAD)["collectivite"]["nom"], "nature": "commune"}


@pytest.mark.parametrize("colon", [":", "::", ": :"])
def test_a_label_s_colon_doubled_reads_as_one(colon):
    record = read(HEAD + f"Date de convocation {colon} 12 décembre 2023. Objet {colon} Tarifs. Le conseil adopte "
                  f"les tarifs. Pour {colon} 12 Contre {colon} 1 Abstentions {colon} 0.")
    assert value(record["convocation"]["date_envoi"]) == "2023-12-12"
    vote = record["deliberations"][0]["vote"]
    assert (value(vote["pour"]), value(vote["contre"]), value(vote["abstentions"])) == (12, 1, 0)


def test_keywords_misread_by_ocr_are_read_and_names_are_left_alone():
    text = ("L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal, dûment convoqué, s'est réuni. "
            "Date de convocatlon : 12 décembre 2023. Prcsents : M. Paul CLAIRE, Mme Anne RNOUL. Objet : Tarifs. "
            "Le conseil adopte les tarifs à l'unanirnité.")
    record = read(text)
    assert value(record["convocation"]["date_envoi"]) == "2023-12-12"
    assert value(record["deliberations"][0]["vote"]["unanimite"]) is True
    normalized = Document(text).text
    assert "CLAIRE" in normalized and "RNOUL" in normalized and "Présents" in normalized


@pytest.mark.parametrize("word", ["présente", "PRESENTS", "absence", "centre", "publie", "public", "affiche", "mal", "Claire"])
def test_a_real_word_is_never_mended_into_a_keyword(word):
    assert Document(f"Le mot {word} reste.").text == f"Le mot {word} reste."


@pytest.mark.parametrize("label, date", [
    ("Date de convocation - 12 décembre 2023", "2023-12-12"),
    ("Convocation - 12/12/2023", "2023-12-12"),
    ("Convoqué le - 12/12/2023", "2023-12-12"),
])
def test_a_dash_after_a_convocation_label_is_its_colon(label, date):
    record = read(HEAD + label + ". Présents : M. Paul EXEMPLE.")
    assert value(record["convocation"]["date_envoi"]) == date


def test_a_dash_after_the_convocation_word_without_a_date_reads_none():
    record = read(HEAD + "Convocation - Ordre du jour : budget. Présents : M. Paul EXEMPLE.")
    assert "date_envoi" not in record.get("convocation", {})

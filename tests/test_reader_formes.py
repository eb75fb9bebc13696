"""Phrasings of issue 11, on small synthetic passages (never the validation texts)."""
import pytest
from reader_support import schema_errors, value

from checker.reader import read_text
from checker.reader.names import trim_heading

HEAD = "L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal de la commune de Saint-Ay "


def read(text):
    record = read_text(text)
    assert schema_errors(record) == []
    return record


@pytest.mark.parametrize("text, date, time", [
    ("L an deux mille dix-neuf, le trois mars à vingt heures trente, le conseil municipal s est réuni.",
     "2019-03-03", "20:30"),
    ("L' an deux mil vingt et un, le premier février à dix-huit heures, le conseil s'est réuni.", "2021-02-01", "18:00"),
    ("Le conseil municipal s est réuni le 3 mars 2019 à 18 h 00.", "2019-03-03", "18:00"),
    ("Le conseil municipal s'est réuni le 3 mars 2019 à 20 heures 30.", "2019-03-03", "20:30"),
])
def test_opening_formula_in_words_and_lost_apostrophes(text, date, time):
    seance = read(text)["seance"]
    assert value(seance["date"]) == date and seance.get("heure") == time


def test_the_meeting_is_the_one_that_met_not_an_approved_earlier_one():
    text = ("Séance du conseil municipal. Approbation du procès-verbal de la séance du 14 novembre 2023. "
            "Le 19 décembre 2023 à 18 heures, le conseil municipal de la commune de Saint-Ay, régulièrement "
            "convoqué le 12 décembre 2023, s'est réuni à la mairie.")
    record = read(text)
    assert value(record["seance"]["date"]) == "2023-12-19"
    assert value(record["convocation"]["date_envoi"]) == "2023-12-12"


@pytest.mark.parametrize("sentence", [
    "sur convocation régulière en date du 12 décembre 2023, s'est réuni.",
    "convocation datée du 12 décembre 2023. Le conseil s'est réuni.",
    "régulièrement convoqué par courrier en date du 12 décembre 2023, s'est réuni.",
    "s'est réuni, la convocation ayant été remise au domicile des conseillers le 12 décembre 2023.",
    "dûment convoqué le douze décembre deux mille vingt-trois, s'est réuni.",
    "sur convocation du conseil municipal en date du 12 décembre 2023, s'est réuni.",
    "s'est réuni. Les conseillers ont été convoqués individuellement par écrit le mardi 12 décembre 2023.",
])
def test_convocation_sentences(sentence):
    assert value(read(HEAD + sentence)["convocation"]["date_envoi"]) == "2023-12-12"


def test_the_convocation_to_the_meeting_of_a_day_is_not_sent_on_that_day():
    record = read(HEAD + "s'est réuni. Convocation du conseil municipal du 19 décembre 2023.")
    assert "date_envoi" not in record.get("convocation", {}) or \
        value(record["convocation"]["date_envoi"]) != "2023-12-19"


@pytest.mark.parametrize("header, nature", [
    ("SYNDICAT INTERCOMMUNAL DES EAUX DE LA VALLÉE. Extrait du registre des délibérations du comité syndical. "
     "Commune de Saint-Ay : Monsieur Jean DUPONT. Le comité syndical s'est réuni le 19 décembre 2023.",
     "syndicat_de_communes"),
    ("Extrait du registre. Commune de Saint-Ay : Monsieur Jean DUPONT, Commune d'Ibos : Madame Anne PETIT. "
     "Le comité syndical s'est réuni le 19 décembre 2023.", "syndicat_de_communes"),
    ("COMMUNAUTÉ DE COMMUNES DU PAYS DES PAILLONS. Le conseil communautaire s'est réuni le 19 décembre 2023.",
     "communaute_de_communes"),
    ("Le bureau communautaire s'est réuni le 19 décembre 2023.", "epci_a_fiscalite_propre"),
    ("Objet : Adhésion au Syndicat mixte ouvert Numérique. L'an deux mille vingt-trois, le 19 décembre, le "
     "conseil municipal de Villeneuve d'Ascq s'est réuni.", "commune"),
])
def test_body_from_the_assembly_that_met_not_a_delegate_line_or_the_subject(header, nature):
    assert read(header)["collectivite"]["nature"] == nature


@pytest.mark.parametrize("name, trimmed", [
    ("Jean DUPONT Travaux De Voirie", "Jean DUPONT"),
    ("DUPONT Jean Budget Primitif", "DUPONT Jean"),
    ("Marie-France LE GOFF", "Marie-France LE GOFF"),
    ("Jean DE LA TOUR", "Jean DE LA TOUR"),
])
def test_a_heading_run_into_a_name_is_cut(name, trimmed):
    assert trim_heading(name) == trimmed


def test_presence_by_difference_with_members_in_office_derives_present():
    text = HEAD + ("s'est réuni. Membres en exercice : 29. Tous les membres en exercice étaient présents ou "
                   "représentés à l'exception de Paul DURAND, ayant donné pouvoir à Jean DUPONT, et Anne PETIT. "
                   "Objet : Budget. Adopté à l'unanimité. Ont signé au registre tous les membres présents.")
    record = read(text)
    seance = record["seance"]
    assert value(seance["presence_par_difference"]) is True
    assert value(seance["presents"]) == 27
    assert seance["presents"]["source"].startswith("calculé : membres en exercice (29)")
    assert seance["presents"]["confiance"] < 0.9
    assert "membres" not in seance
    assert value(record["deliberations"][0]["signatures"]["membres_presents"]) is True


def test_posting_and_online_publication_share_the_date_and_its_weekday_is_checked():
    right = read(HEAD + "s'est réuni. Objet : Budget. Adopté à l'unanimité. Extrait affiché le vendredi 22 décembre "
                        "2023 à la porte de la mairie et publié sur le site internet de la ville.")
    publicite = right["deliberations"][0]["publicite"]
    assert value(publicite["date_affichage"]) == value(publicite["date_mise_en_ligne"]) == "2023-12-22"
    wrong = read(HEAD + "s'est réuni. Objet : Budget. Adopté à l'unanimité. Extrait affiché le jeudi 22 décembre "
                        "2023 à la porte de la mairie.")
    assert "date_affichage" not in wrong["deliberations"][0].get("publicite", {})
    assert any("jour de la semaine" in e["raison"] for e in wrong["lecture"]["rejetees"])


PRESENT = ("L'an deux mille vingt-trois, le 19 décembre à 18h45, le conseil municipal de la commune de Saint-Ay "
           "s'est réuni sous la présidence de Jean DUPONT, Maire. En exercice : 5. Présents : 3. Pouvoirs : 1. "
           "Présents : Jean DUPONT, Sylvain ESTAGER, Marie MARTIN. ")


def test_a_proxy_to_the_mayor_goes_to_the_president_read():
    seance = read(PRESENT + "Absents excusés : Lionel BAPTISTE (pouvoir à M. le Maire), André LAURENT.")["seance"]
    assert [(p["mandant"], p["mandataire"]) for p in seance["pouvoirs"]] == [("Lionel BAPTISTE", "Jean DUPONT")]
    assert seance["absents"] == ["André LAURENT"]


def test_proxies_no_count_confirms_stay_only_when_their_holders_sit():
    head = PRESENT.replace("Pouvoirs : 1. ", "")
    kept = read(head + "Absents excusés : Lionel BAPTISTE (pouvoir à Sylvain ESTAGER), André LAURENT.")
    assert [p["mandataire"] for p in kept["seance"]["pouvoirs"]] == ["Sylvain ESTAGER"]
    assert kept["lecture"]["confiances"]["seance.pouvoirs"] < 0.9
    record = read(head + "Absents excusés : Lionel BAPTISTE (pouvoir à André LAURENT), Paul DURAND.")
    assert "pouvoirs" not in record["seance"]
    assert any(e["champ"] == "seance.pouvoirs" for e in record["lecture"]["rejetees"])

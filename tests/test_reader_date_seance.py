"""The meeting's date read where the text says the assembly met, never from a date another word
governs (a convocation, a stamp, another body's meeting, minutes approved), and kept below the
accusation threshold when nothing confirms it or two readings disagree."""
import pytest
from reader_support import schema_errors, value

from checker.confiance import SEUIL
from checker.findings import INDETERMINE, NON_CONFORME
from checker.reader import read_text
from checker.record import build_record

HEAD = "Commune de Saint-Exemple. Extrait du registre des délibérations du conseil municipal. "
ACT = " Objet : Budget primitif. Adopté à l'unanimité."


def read(text):
    record = read_text(text)
    assert schema_errors(record) == []
    return record


def meeting(record):
    return value(record["seance"]["date"]), record["seance"]["date"]["confiance"], record["seance"].get("heure")


def doubts(record) -> list:
    return [entry["raison"] for entry in record.get("lecture", {}).get("rejetees", []) if entry["champ"] == "seance.date"]


@pytest.mark.parametrize("text, date, time", [
    # The formula with the day in digits.
    (HEAD + "Le 04/03/2024 à 20h00, le Conseil municipal légalement convoqué s'est réuni en mairie.",
     "2024-03-04", "20:00"),
    # The day at the end of a long sentence, after the president and his title « M. ».
    (HEAD + "Le Conseil municipal, régulièrement convoqué, s'est réuni au nombre prescrit par la loi, dans le lieu "
     "habituel de ses séances, sous la présidence de M. Paul EXEMPLE, Maire, le mardi 12 mars 2024 à 18 h 30.",
     "2024-03-12", "18:30"),
    # A weekday leads the sentence, without « le ».
    (HEAD + "Mardi 12 mars 2024 à 20 heures, le Conseil municipal, dûment convoqué, s'est réuni.",
     "2024-03-12", "20:00"),
    # A bureau's title.
    ("BUREAU du lundi 11 mars 2024 Communauté d'agglomération de l'Exemple COMPTE RENDU Sous la présidence "
     "de M. Paul EXEMPLE.", "2024-03-11", None),
])
def test_meeting_date_phrasings(text, date, time):
    got, confidence, hour = meeting(read(text + ACT))
    assert (got, hour) == (date, time)
    # Read as the meeting's (not the first date seen, at 0.5); sure only if something confirms it.
    assert confidence >= 0.85


@pytest.mark.parametrize("box", [
    "Date de convocation : 05/03/2024 Date d'affichage : 05/03/2024 Date de séance : 12/03/2024",
    "Date de la séance : 12 mars 2024. Date de convocation : 5 mars 2024.",
])
def test_a_header_box_labels_the_meeting_date_apart_from_the_convocation_and_the_posting(box):
    record = read(HEAD + box + " Présents : M. Paul EXEMPLE." + ACT)
    assert value(record["seance"]["date"]) == "2024-03-12"
    assert value(record["convocation"]["date_envoi"]) == "2024-03-05"


@pytest.mark.parametrize("text", [
    # The convocation's date inside the sentence, after the verb.
    HEAD + "Le conseil municipal s'est réuni à la mairie, à la suite de la convocation adressée par Monsieur le "
    "Maire le 5 mars 2024. Séance du 12 mars 2024.",
    # Another word governs the date in the verb's clause.
    HEAD + "Le conseil municipal s'est réuni sous la présidence de M. Paul EXEMPLE, Maire, pour examiner le projet "
    "transmis le 5 mars 2024. Séance du 12 mars 2024.",
    # Another body meets (a commission, a jury).
    HEAD + "Séance du 12 mars 2024. Le maire annonce que la commission des finances se réunira le 19 mars 2024 "
    "à la mairie.",
    HEAD + "Séance du 12 mars 2024. Une personne a été recrutée par un jury qui s'est réuni le 19 mars 2024.",
    # A stamp above the minutes, in the formula's sentence.
    "Publié sur le site de la ville le 19 mars 2024 PROCES VERBAL DU CONSEIL MUNICIPAL DU 12 MARS 2024 "
    "SEANCE DU 12 MARS 2024 À 19H00 Le conseil municipal s'est réuni en mairie.",
    # The signature of the extract.
    HEAD + "Fait à Saint-Exemple, le 19 mars 2024, le Maire certifie que le conseil municipal s'est réuni le "
    "12 mars 2024.",
    # Another act cited at the head of the document.
    HEAD + "Vu la délibération du comité syndical du SIVOM de l'Exemple en date du 15 janvier 2024. Le Conseil "
    "municipal s'est réuni le lundi 11 mars 2024 à 20 heures.",
    # Minutes approved, named before the formula.
    "Procès-verbal de la séance du 20 février 2024 approuvé. " + HEAD + "Séance du 12 mars 2024. Le douze mars "
    "deux mille vingt-quatre, le conseil municipal s'est réuni.",
])
def test_a_date_another_word_governs_is_not_the_meeting_date(text):
    got, confidence, _ = meeting(read(text + ACT))
    assert got in ("2024-03-12", "2024-03-11")
    assert confidence >= 0.8


def test_a_procès_verbal_of_the_last_meeting_quoted_first_is_not_this_meeting():
    record = read(HEAD + "Procès-verbal de la séance précédente : L'an deux mille vingt-quatre, le vingt février, le "
                  "Conseil Municipal s'est réuni. Le procès-verbal est approuvé. Séance du 12 mars 2024. L'an deux "
                  "mille vingt-quatre, le douze mars, le Conseil Municipal s'est réuni." + ACT)
    got, confidence, _ = meeting(record)
    assert got == "2024-03-12"
    assert confidence >= SEUIL


@pytest.mark.parametrize("formula", [
    "L'an deux mille vingt-quatre, le cinq mars, Monsieur le Maire a convoqué le conseil municipal pour le mardi "
    "12 mars 2024 à 20 heures.",
    "L'an deux mille vingt-quatre, le 5 mars, nous, Maire de la Commune, avons convoqué le Conseil Municipal à se "
    "réunir le mardi 12 mars 2024 à 20 heures.",
])
def test_a_formula_that_dates_the_convocation_gives_the_convocation_not_the_meeting(formula):
    record = read(HEAD + formula + " Le conseil municipal s'est réuni le 12 mars 2024 à 20 heures." + ACT)
    assert meeting(record)[:1] == ("2024-03-12",)
    assert value(record["convocation"]["date_envoi"]) == "2024-03-05"


# --- cross-checks --------------------------------------------------------------------------


def test_a_formula_whose_year_contradicts_its_date_is_below_the_threshold():
    got, confidence, _ = meeting(read(HEAD + "L'an deux mille vingt-quatre, le 12 mars 2023, le conseil municipal "
                                      "s'est réuni." + ACT))
    assert got in ("2023-03-12", "2024-03-12")
    assert confidence < SEUIL


def test_two_formulas_nothing_tells_apart_demote_the_date_and_say_why():
    record = read(HEAD + "L'an deux mille vingt-quatre, le onze mars, le conseil municipal s'est réuni." + ACT
                  + " L'an deux mille vingt-quatre, le dix-huit mars, le conseil municipal s'est réuni." + ACT)
    assert meeting(record)[1] < SEUIL
    assert any("que rien ne départage" in reason for reason in doubts(record))


def test_a_reproduced_procès_verbal_the_title_rules_out_leaves_the_date_sure():
    reproduced = ("Le vendredi 9 février 2024, à 19h30, le Conseil Municipal s'est réuni sous la présidence de M. "
                  "Paul EXEMPLE.")
    record = read("Séance du Conseil Municipal du mardi 12 mars 2024 " + HEAD + "Le mardi 12 mars 2024, à 19h30, le "
                  "Conseil Municipal s'est réuni sous la présidence de M. Paul EXEMPLE." + ACT + " Débats. " * 150
                  + reproduced + ACT)
    got, confidence, _ = meeting(record)
    assert got == "2024-03-12"
    assert confidence >= SEUIL
    assert doubts(record) == []


FORMULA = "L'an deux mille vingt-quatre, le douze mars, le conseil municipal s'est réuni à la mairie."


@pytest.mark.parametrize("around, sure", [
    ("", False),
    # A convocation sent in the month before.
    ("Date de convocation : 5 mars 2024. ", True),
    # A transmission in the weeks after.
    ("Reçu en préfecture le 15/03/2024. ", True),
    # A weekday printed with the date.
    ("Séance du mardi 12 mars 2024. ", True),
])
def test_a_date_nothing_confirms_stays_below_the_threshold(around, sure):
    got, confidence, _ = meeting(read(HEAD + around + FORMULA + ACT))
    assert got == "2024-03-12"
    assert (confidence >= SEUIL) is sure


def test_a_late_convocation_is_not_an_accusation_when_two_readings_of_the_meeting_disagree(engine):
    def delay(text):
        record = read(text)
        record["collectivite"]["population"] = 900
        return next(f for f in engine.check(build_record(record, "x.txt")) if f.regle == "L2121-11.delai")

    sure = delay(HEAD + "Convocation du 10 mars 2024. L'an deux mille vingt-quatre, le onze mars, le conseil municipal "
                 "s'est réuni." + ACT)
    assert sure.statut == NON_CONFORME
    doubtful = delay(HEAD + "Convocation du 10 mars 2024. L'an deux mille vingt-quatre, le onze mars, le conseil "
                     "municipal s'est réuni." + ACT + " L'an deux mille vingt-quatre, le dix-huit mars, le conseil "
                     "municipal s'est réuni." + ACT)
    assert doubtful.statut == INDETERMINE
    assert "seance.date" in doubtful.doute


@pytest.mark.parametrize("hour, time", [
    ("à 18h.30", "18:30"),
    ("à 18 h. 30", "18:30"),
    ("à 18.30 heures", "18:30"),
    ("à 18 heures et demie", "18:30"),
    ("de 18h00 à 20h30", "18:00"),
    ("à 20h00 (vingt heures)", "20:00"),
])
def test_the_hour_written_with_a_full_stop_a_half_or_a_span(hour, time):
    record = read(HEAD + f"L'an deux mille vingt-quatre, le douze mars {hour}, le conseil municipal s'est réuni." + ACT)
    assert record["seance"].get("heure") == time


def test_a_council_convened_urgently_gives_its_convocation_date():
    record = read(HEAD + "Le 12 mars 2024 à 18 h, le conseil municipal, convoqué en urgence le 11 mars 2024, s'est réuni."
                  + ACT)
    assert value(record["convocation"]["date_envoi"]) == "2024-03-11"


def test_a_convocation_dated_after_the_meeting_demotes_the_meeting_date_and_says_why():
    record = read(HEAD + "Date de convocation : 15 mars 2024. Séance du mardi 12 mars 2024. " + FORMULA + ACT)
    assert "date_envoi" not in record.get("convocation", {})
    assert meeting(record)[1] < SEUIL
    assert any("après la date de séance lue" in reason for reason in doubts(record))


def test_a_formula_that_says_the_council_met_after_being_convened_is_the_meeting_s():
    record = read(HEAD + "L'an deux mille vingt-quatre, le douze mars, le Conseil Municipal, qui avait été convoqué "
                  "le 5 mars 2024, s'est réuni à la mairie." + ACT)
    assert meeting(record)[:2] == ("2024-03-12", 0.95)
    assert value(record["convocation"]["date_envoi"]) == "2024-03-05"


@pytest.mark.parametrize("formula", [
    # The apostrophe lost without a space.
    "Lan deux mille vingt-quatre, le douze mars, le Conseil Municipal s'est réuni.",
    "LAN DEUX MILLE VINGT-QUATRE, LE DOUZE MARS, LE CONSEIL MUNICIPAL S'EST REUNI.",
    "Le douze mars deux mille vingt-quatre, le Conseil Municipal sest réuni.",
    # A number in words cut at its hyphen by a line end, a month cut anywhere.
    "L'an deux mille vingt- quatre, le douze mars, le Conseil Municipal s'est réuni.",
    "L'an deux mille vingt-quatre, le dix- sept décem- bre, le Conseil Municipal s'est réuni.",
])
def test_formulas_extraction_damaged(formula):
    got, confidence, _ = meeting(read(HEAD + formula + ACT))
    assert got in ("2024-03-12", "2024-12-17")
    assert confidence >= 0.85


def test_a_hyphen_cut_at_a_line_end_joins_words_but_keeps_names_and_numbers_apart():
    from checker.reader.normalize import normalize
    assert normalize("novem- bre, dix- neuf heures, Jean- Louis, Cinq- Mars") == \
        "novembre, dix-neuf heures, Jean-Louis, Cinq-Mars"


@pytest.mark.parametrize("letter", [
    "Objet : Convocation à la séance du Conseil Municipal du 12 mars 2024. Cher(e) Collègue, le Conseil Municipal se "
    "réunira en séance publique le mardi 12 mars 2024 à 18h00. Signé électroniquement par : Paul EXEMPLE Date : "
    "04/03/2024 Qualité : Maire.",
    "Saint-Exemple, le 4 mars 2024. Objet : Convocation au conseil municipal. Madame, Monsieur, j'ai l'honneur de "
    "vous convoquer à la séance du mardi 12 mars 2024.",
])
def test_the_date_of_a_convocation_letter_bound_with_the_minutes_is_the_convocation_s(letter):
    record = read(HEAD + letter + " Procès-verbal. " + FORMULA + ACT)
    assert value(record["seance"]["date"]) == "2024-03-12"
    sent = record["convocation"]["date_envoi"]
    assert value(sent) == "2024-03-04"
    assert sent["confiance"] < SEUIL


@pytest.mark.parametrize("table", [
    "Date de convocation Date de séance 05/03/2024 12/03/2024 Nombre de conseillers 15.",
    "Date de séance Date de convocation 12/03/2024 05/03/2024 Nombre de conseillers 15.",
    "Date de convocation Date d'affichage Date de séance 05/03/2024 05/03/2024 12/03/2024.",
    "Date de la séance : Date de la convocation : 12/03/2024 05/03/2024.",
])
def test_a_flattened_header_table_pairs_each_date_with_its_label_in_order(table):
    record = read(HEAD + table + " Le conseil municipal s'est réuni sous la présidence du Maire." + ACT)
    assert value(record["seance"]["date"]) == "2024-03-12"
    assert value(record["convocation"]["date_envoi"]) == "2024-03-05"
    assert doubts(record) == []


def test_a_flattened_table_with_fewer_dates_than_labels_pairs_nothing():
    record = read(HEAD + "Date de convocation Date de séance 05/03/2024 Nombre de conseillers 15. " + FORMULA + ACT)
    assert value(record["seance"]["date"]) == "2024-03-12"


def test_a_year_whose_zero_the_scan_read_as_a_letter_o_is_mended_and_nothing_else():
    from checker.reader.normalize import normalize
    assert normalize("Le 12 Décembre 2O24, ZOO, MOTO, 2o22") == "Le 12 Décembre 2024, ZOO, MOTO, 2022"
    record = read(HEAD + "Le mardi 12 mars 2O24 à 18 h, le conseil municipal s'est réuni." + ACT)
    assert meeting(record)[:2] == ("2024-03-12", 0.9)


def test_without_formula_or_title_the_date_printed_with_an_hour_is_taken_below_the_threshold():
    record = read("Réunion des élus. Ordre du jour envoyé le 1er mars 2024, approbation du compte rendu du 12 février "
                  "2024. Vendredi 15 mars 2024, 18:30. Salle polyvalente. Présents : Jean, Paul." + ACT)
    got, confidence, hour = meeting(record)
    assert (got, hour) == ("2024-03-15", "18:30")
    assert confidence < SEUIL


def test_an_assembly_convened_on_a_day_is_no_title_naming_another_meeting_date():
    record = read(HEAD + "L'an deux mille vingt-quatre et le douze mars à dix-neuf heures trente minutes, le Conseil "
                  "Municipal régulièrement convoqué le cinq mars deux mille vingt-quatre, s'est réuni." + ACT)
    assert meeting(record)[:2] == ("2024-03-12", 0.95)
    assert doubts(record) == []


def test_a_law_s_date_is_never_taken_for_the_meeting_s():
    from checker.errors import InputError
    with pytest.raises(InputError):
        read_text("Procès-verbal de l'élection du maire. En application de l'article 19 de la loi n° 2020-290 du "
                  "23 mai 2020, s'est réuni le conseil municipal de la commune. Présents : illisible.")


def test_the_formula_does_not_confirm_itself_as_a_title():
    record = read(HEAD + "Le Conseil Municipal s'est réuni en session ordinaire le trois mars deux mille vingt-quatre "
                  "à vingt heures trente sous la présidence de M. Paul EXEMPLE." + ACT)
    got, confidence, hour = meeting(record)
    assert (got, hour) == ("2024-03-03", "20:30")
    assert confidence < SEUIL


@pytest.mark.parametrize("quoted", [
    "Procès-verbal de la séance du 7 février 2024 approuvé",
    "PV du 07/02/2024 adopté",
    "Compte rendu de la séance du 7 février 2024, approuvé",
])
@pytest.mark.parametrize("title, later", [
    # A title alone: it is the meeting's.
    ("Conseil municipal du 6 mars 2024", ""),
    # A title over a stale template formula, the title's date repeated further on.
    ("CONSEIL MUNICIPAL DU 6 MARS 2024", " Le premier décembre deux mille vingt-trois, les membres du conseil "
     "municipal se sont réunis. Délibération rattachée au conseil municipal du 6 mars 2024."),
])
def test_minutes_approved_printed_above_the_title_quote_their_own_date_not_the_title(quoted, title, later):
    # « … du 7 février 2024 approuvé » closes its own clause: the participle governs the date it
    # follows, not the title on the next line, which stays the meeting's.
    record = read(quoted + "\n" + title + later + " Présents : M. Paul EXEMPLE." + ACT)
    assert value(record["seance"]["date"]) == "2024-03-06"


FILLER = " ".join(["Le conseil municipal examine le rapport présenté par la commission des finances."] * 14)


def test_a_second_meeting_s_formula_a_whole_block_later_never_takes_the_first_one_s_date():
    # Two extracts in one file: the first's formula opens a block that has its roll and its vote;
    # the second's « L'an … », however sure its shape, opens another meeting's text.
    first = (HEAD + "Le 12 mars 2024 à 20 h 00, le conseil municipal, dûment convoqué, s'est réuni. Présents : "
             "M. Paul EXEMPLE, Mme Anne MODELE. " + FILLER + " Après en avoir délibéré, adopté à l'unanimité. ")
    second = ("Extrait du registre. L'an deux mille vingt-trois, le cinq décembre à dix-huit heures, le conseil "
              "municipal s'est réuni. Présents : M. Jean AUTRE. La séance est ouverte à 18 h 05." + ACT)
    record = read(first + second)
    assert value(record["seance"]["date"]) == "2024-03-12"
    assert record["seance"]["heure"] == "20:00"


def test_a_convocation_letter_bound_before_the_minutes_does_not_make_its_date_the_meeting_s():
    letter = ("Saint-Exemple, le 05/03/2024. Mesdames, Messieurs les conseillers, la prochaine réunion du conseil "
              "municipal se tiendra en mairie le lundi 11 mars 2024 à 19 h 30. Ordre du jour : budget. " + FILLER)
    record = read(letter + " L'an deux mille vingt-quatre, le onze mars à dix-neuf heures trente, le conseil "
                  "municipal s'est réuni. Présents : M. Paul EXEMPLE." + ACT)
    assert value(record["seance"]["date"]) == "2024-03-11"


def test_the_hour_of_the_formula_comes_before_the_hour_the_minutes_say_the_meeting_opened():
    record = read(HEAD + "Le conseil municipal, dûment convoqué, s'est réuni en mairie à 20 h 30 sous la présidence "
                  "de M. Paul EXEMPLE. Séance du 12 mars 2024. La séance est ouverte à 20 h 41." + ACT)
    assert record["seance"]["heure"] == "20:30"


def test_an_actes_identifier_at_the_head_that_names_another_day_keeps_the_formula_below_the_threshold():
    record = read("Reçu en préfecture le 20/03/2024 ID : 035-213500000-20240305-DEL2024_01-DE " + HEAD +
                  "L'an deux mille vingt-quatre, le douze mars, le conseil municipal s'est réuni." + ACT)
    got, confidence, _ = meeting(record)
    assert got == "2024-03-12" and confidence < SEUIL
    assert any("que rien ne départage" in reason for reason in doubts(record))


# A document whose only date is the first one seen: no « s'est réuni », no « L'an … », no title
# naming the meeting, no ACTES identifier.
UNDATED = ("Commune de Saint-Exemple. Compte rendu. Le 5 mars 2024, le maire a reçu le courrier de la préfecture. "
           "Présents : M. Paul EXEMPLE, Mme Anne MODELE." + ACT)


def test_the_first_date_seen_is_not_given_as_the_meeting_s_but_set_aside_with_its_reason():
    record = read_text(UNDATED)
    assert "date" not in record["seance"]
    aside = [entry for entry in record["lecture"]["rejetees"] if entry["champ"] == "seance.date"]
    assert [entry["valeur"] for entry in aside] == ["2024-03-05"]
    assert "non retenue" in aside[0]["raison"]
    # What else was read is still given, to be completed by hand.
    assert [m["nom"] for m in record["seance"]["membres"]] == ["Paul EXEMPLE", "Anne MODELE"]
    assert schema_errors(record) == ["seance: 'date' is a required property"]


def test_the_checker_refuses_a_record_without_a_meeting_date_rather_than_check_a_guess():
    from checker.errors import InputError
    with pytest.raises(InputError) as error:
        build_record(read_text(UNDATED), "x.txt")
    assert "date" in str(error.value)


def test_a_first_date_printed_as_a_meeting_s_heading_is_kept_below_the_threshold():
    # « Vendredi 29 janvier 2021, 18:30. Salle polyvalente »: a weekday that agrees and an hour.
    record = read("Compte rendu. Vendredi 29 janvier 2021, 18:30. Salle polyvalente. Présents : M. Paul EXEMPLE."
                  + ACT)
    got, confidence, hour = meeting(record)
    assert (got, hour) == ("2021-01-29", "18:30")
    assert confidence < SEUIL


SECOND_EXTRACT = ("\nCOMMUNE DE SAINT-EXEMPLE\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n"
                  "L'an deux mille vingt-quatre, le neuf avril à vingt heures, le conseil municipal, régulièrement "
                  "convoqué, s'est réuni.\nPrésents : M. Paul EXEMPLE, Mme Anne MODELE.\nObjet : Tarifs.\n"
                  "Adopté par 2 voix pour.\n")


def _titled_extract(formula: str = "") -> str:
    return ("COMMUNE DE SAINT-EXEMPLE\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n"
            "Séance du 12 mars 2024\n" + formula + "Présents : M. Paul EXEMPLE, Mme Anne MODELE, M. Jean TEST.\n"
            "Secrétaire de séance : Mme Anne MODELE.\nObjet : Budget primitif 2024.\nLe conseil municipal, après en "
            "avoir délibéré, à l'unanimité, adopte le budget.\nPour extrait conforme.\n"
            + "Le conseil municipal approuve les tarifs de la cantine scolaire pour l'année. " * 12)


def test_a_head_title_without_formula_is_the_meeting_s_date_before_a_second_extract_s_formula():
    record = read(_titled_extract() + SECOND_EXTRACT)
    got, confidence, _ = meeting(record)
    assert got == "2024-03-12"
    # Two dates of meetings in one text: below the threshold, the other one named in the reason.
    assert confidence < SEUIL
    assert any("09/04/2024" in reason for reason in doubts(record))


def test_the_formula_stays_the_meeting_s_date_when_it_is_not_a_whole_block_after_the_title():
    formula = "L'an deux mille vingt-quatre, le douze mars, le conseil municipal s'est réuni.\n"
    assert meeting(read(_titled_extract(formula) + SECOND_EXTRACT))[0] == "2024-03-12"
    # A formula right under a title of another day is the formula of this text (a stale title).
    close = ("COMMUNE DE SAINT-EXEMPLE\nSéance du 12 mars 2024\nL'an deux mille vingt-quatre, le neuf avril, le "
             "conseil municipal s'est réuni.\nPrésents : M. Paul EXEMPLE." + ACT)
    assert meeting(read(close))[0] == "2024-04-09"

"""« CM 07/05/2020 Point N°09B », the council's initials before its day, printed at the head of a note and again on
each page, is the note's title: a note without a roll of its own, then a whole extract of another meeting joined
after it (its heading, its formula), is the note's meeting — the date its head repeats — and none of the extract's
facts are read."""
from reader_support import value

from checker.reader import read_text

NOTE = ("CM 07/05/2020 Point N°09B CONSEIL MUNICIPAL DU 7 MAI 2020 BP 2020 : LES GRANDES MASSES BUDGETAIRES NOTE DE "
        "SYNTHESE DIRECTION DES AFFAIRES FINANCIERES SECTION DE FONCTIONNEMENT "
        + "Les recettes de fonctionnement de l'année s'élèvent à 52 210 400,65 euros. " * 12
        + "1 CM 07/05/2020 Point N°09B "
        + "Les travaux en régie sont inscrits pour 90 000 euros comme les années précédentes. " * 12 + "\n\n")
EXTRACT = ("COMMUNE DE SAINT-AILLEURS SEANCE DU 18 MAI 2021 L'an deux mille vingt et un, le dix-huit mai, à dix-neuf "
           "heures, le Conseil Municipal, convoqué le 11 mai 2021, s'est réuni sous la présidence de Mme Florence "
           "EXEMPLE, Maire. Présents : Mme Florence EXEMPLE, M. Paul MODELE, Mme Anne TEST. Secrétaire de séance : "
           "Mme Anne TEST. Objet : Tarifs. Après en avoir délibéré, le conseil, à l'unanimité, adopte les tarifs.\n")


def test_the_note_s_running_header_names_its_meeting_over_a_joined_extract():
    record = read_text(NOTE + EXTRACT, "t.txt")
    seance = record["seance"]
    assert value(seance["date"]) == "2020-05-07"
    assert "heure" not in seance
    assert "president" not in seance and "secretaires" not in seance
    assert "convocation" not in record


def test_the_extract_alone_is_read_as_before():
    seance = read_text(EXTRACT, "t.txt")["seance"]
    assert value(seance["date"]) == "2021-05-18"
    assert seance["heure"] == "19:00"


def test_initials_printed_once_do_not_outweigh_a_formula():
    # Printed once, the initials are one title among others: the extract's formula keeps the meeting.
    once = NOTE.replace("1 CM 07/05/2020 Point N°09B ", "")
    once = once.replace("CM 07/05/2020 Point N°09B CONSEIL MUNICIPAL DU 7 MAI 2020 ", "CM 07/05/2020 ")
    assert value(read_text(once + EXTRACT, "t.txt")["seance"]["date"]) == "2021-05-18"

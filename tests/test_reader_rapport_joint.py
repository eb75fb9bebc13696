"""A report or a note of another meeting joined after the minutes opens, after a blank line, with its title in
capitals over another day's title (« RAPPORT D'ORIENTATION BUDGETAIRE 2023 Séance du 9 février 2023 »): it has
no roll and no decision of its own, yet what it prints (the body it names, its figures) is not the minutes'.
A title in capitals of the meeting's own day, one that approves earlier minutes, or one inside a passage (no
blank line above it) opens nothing."""
from reader_support import value

from checker.reader import read_text
from checker.reader.normalize import Document
from checker.reader.seance import other_meetings, read_meeting_date

MINUTES = ("Procès-verbal – Conseil communautaire du 28/01/2021\n\nProcès verbal Conseil Communautaire 28 janvier 2021 "
           "Présidé par Jean-Yves Brenier\n\nÉtaient présent(e)s\n\nKarim Améziane - Sophie Guillaud - Richard Arnaud - "
           "Laurent Guillet - Bernard Attavay - Thierry Bekhit - Estelle Keller\n\n"
           + "Le conseil examine le rapport sur les transports scolaires et la voirie communautaire. " * 15
           + "\nAprès en avoir délibéré, le conseil communautaire, à l'unanimité, adopte le rapport.\n")
REPORT = ("\n\n{title} Séance du {day} Page 1 sur 87 PREAMBULE Conformément à la loi, l'élaboration du budget "
          "primitif est précédée d'une présentation du Rapport d'Orientation Budgétaire au conseil communautaire. Une "
          "présentation de la structure prévisionnelle du budget principal et des 7 budgets annexes de la Communauté "
          "d'Agglomération Paris-Vallée de la Marne ; le programme d'investissement 2023 de la Communauté "
          "d'Agglomération Paris-Vallée de la Marne.\n")


def report(title: str = "RAPPORT D’ORIENTATION BUDGETAIRE 2023", day: str = "9 février 2023") -> str:
    return REPORT.format(title=title, day=day)


def joined_at(text: str) -> list:
    doc = Document(text)
    meeting = read_meeting_date(doc)
    return [doc.text[s:s + 20] for s in other_meetings(doc, meeting, meeting.start + 1000)]


def test_the_body_a_joined_report_names_is_not_the_minutes_body():
    alone = read_text(MINUTES, "t.txt")
    record = read_text(MINUTES + report(), "t.txt")
    assert value(record["seance"]["date"]) == "2021-01-28"
    assert "nom" not in record.get("collectivite", {})
    assert record.get("collectivite") == alone.get("collectivite")


def test_the_report_opens_at_its_title():
    assert joined_at(MINUTES + report()) == ["RAPPORT D'ORIENTATIO"]


def test_a_title_of_the_meeting_s_own_day_opens_nothing():
    assert joined_at(MINUTES + report(day="28 janvier 2021")) == []


def test_a_title_approving_earlier_minutes_opens_nothing():
    assert joined_at(MINUTES + report(title="APPROBATION DU PROCES VERBAL")) == []


def test_a_title_in_a_passage_opens_nothing():
    # No blank line above it: the words in capitals may end a sentence of the minutes.
    assert joined_at(MINUTES.rstrip("\n") + " " + report().lstrip("\n")) == []


def test_a_title_in_lower_case_opens_nothing():
    assert joined_at(MINUTES + report(title="Rapport d'orientation budgétaire 2023")) == []

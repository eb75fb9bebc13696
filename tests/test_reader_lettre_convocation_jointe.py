"""A letter convening the members to a meeting of another day, joined after the minutes (« Objet :
Convocation à la séance du Conseil Municipal du 26 juin 2023 … se réunira … à 18h00 ») is another text:
its hour, its town and its sender are that meeting's, not the minutes'. A convocation to the meeting
itself (the same day), bound before or after the minutes, opens nothing."""
from reader_support import value

from checker.reader import read_text
from checker.reader.normalize import Document
from checker.reader.seance import other_meetings, read_meeting_date

MINUTES = ("CR du conseil municipal 09 avril 2021\n"
           "Présents : Jean-Pierre, Yves, Jacques, Hélène, David, Anne-Marie, Patrick, Mathieu.\n"
           "Ordre du jour\n1/ Présentation du budget :\nYves présente le budget.\n"
           + "Le budget communal de fonctionnement est en excédent de 20 000 euros.\n" * 20
           + "Vote du budget assainissement 2021 :\n15 pour\n")
LETTER = ("\n\nMmes et MM. les membres du Conseil Municipal LE MAIRE Ville-sur-Autre\n"
          "Objet : Convocation à la séance du Conseil Municipal du {day}\nCher(e) Collègue,\n"
          "le Conseil Municipal de la ville de Ville-sur-Autre se réunira en séance publique le : {day_caps} à 18h00 "
          "à la salle des fêtes pour étudier les questions figurant à l'ordre du jour ci-joint.\n")


def letter(day: str) -> str:
    return LETTER.format(day=day, day_caps=day.upper())


def test_a_convocation_to_another_day_joined_after_the_minutes_gives_neither_hour_nor_town():
    record = read_text(MINUTES + letter("26 juin 2023"))
    seance = record["seance"]
    assert value(seance["date"]) == "2021-04-09"
    assert "heure" not in seance
    assert "Ville-sur-Autre" not in str(record.get("collectivite", {}))


def test_the_letter_opens_another_text_from_the_blank_line_above_its_heading():
    doc = Document(MINUTES + letter("lundi 26 juin 2023"))
    meeting = read_meeting_date(doc)
    starts = other_meetings(doc, meeting, meeting.start + 1000)
    assert len(starts) == 1
    assert doc.text[starts[0]:].startswith("Mmes et MM. les membres")


def test_a_convocation_to_the_meeting_itself_opens_nothing():
    doc = Document(MINUTES + letter("9 avril 2021"))
    meeting = read_meeting_date(doc)
    assert other_meetings(doc, meeting, meeting.start + 1000) == []


def test_a_convocation_named_in_a_sentence_is_no_letter():
    # Minutes that tell of the next convocation (no subject line): nothing is cut.
    text = MINUTES + ("La convocation à la séance du conseil municipal du 26 juin 2023 sera envoyée le 19 juin. "
                      "La séance est levée.")
    doc = Document(text)
    meeting = read_meeting_date(doc)
    assert other_meetings(doc, meeting, meeting.start + 1000) == []

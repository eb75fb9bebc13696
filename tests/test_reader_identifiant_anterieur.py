"""Minutes without a formula whose head prints the meeting's day with its weekday and hour (« Vendredi 29 janvier
2021, 18:30. »), with another act's stamp between two pages (an annexed convention sent months before): an act is
sent after the meeting that adopts it, so an ACTES identifier dated before the head's day is an earlier act's and
never the meeting's date. An identifier of the head's own day still dates it."""
from reader_support import value

from checker.reader import read_text

HEAD = ("C-R du Conseil municipal\nA l'attention des membres du Conseil municipal de SAINT-AY\n"
        "+ Vendredi 29 janvier 2021, 18:30.\n+ Salle polyvalente de SAINT-AY.\n"
        "+ Présents : Jean-Pierre, Anne-Marie, Nelly, Agnès, Jacques, Mario, Patrick, Yves.\n"
        "Ordre du jour :\nI Convention de mise à disposition de personnel.\n")
STAMP = ("Envoyé en préfecture le {d}\nReçu en préfecture le {d}\nAffiché le\n"
         "ID : 041-267190092-{ymd}-AN23-DE\n")
REST = ("C'est une convention entre la commune et le Centre de gestion, qui permet le remplacement d'un poste.\n"
        "ADOPTÉ à l'unanimité.\nII Questions diverses.\nLa séance est levée à 20 heures.\n")


def stamp(day: str) -> str:
    d, m, y = day.split("/")
    return STAMP.format(d=day, ymd=f"{y}{m}{d}")


def test_an_earlier_act_s_identifier_does_not_date_the_meeting():
    seance = read_text(HEAD + stamp("13/10/2020") + REST, "t.txt")["seance"]
    assert value(seance["date"]) == "2021-01-29"
    assert seance["heure"] == "18:30"


def test_the_head_alone_gives_the_same_date():
    plain = read_text(HEAD + REST, "t.txt")["seance"]
    stamped = read_text(HEAD + stamp("13/10/2020") + REST, "t.txt")["seance"]
    assert value(plain["date"]) == value(stamped["date"])
    assert plain["date"]["confiance"] == stamped["date"]["confiance"]


def test_an_identifier_of_the_head_s_own_day_still_dates_the_meeting():
    seance = read_text(HEAD + stamp("29/01/2021") + REST, "t.txt")["seance"]
    assert value(seance["date"]) == "2021-01-29"

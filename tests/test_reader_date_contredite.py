"""A meeting's date that the document contradicts somewhere stays below the threshold at which a finding may
accuse, with the reason in `lecture.rejetees`: the same day printed elsewhere with another weekday or another
year, a convocation dated after it (even beside one dated before), ACTES identifiers none of which is dated
the meeting's day (the identifier dates the act it transmits), a transmission to the prefect dated before the
meeting. The date itself is kept. Invented texts: the same minutes, once confirmed by their convocation and
once contradicted."""
import pytest
from reader_support import schema_errors, value

from checker.confiance import SEUIL
from checker.reader import read_text

# 9 April 2024 is a Tuesday; the convocation sent a week before confirms the date.
HEAD = "COMMUNE DE VALBRUNE-SUR-OURCE\nCompte rendu de la séance du conseil municipal\n"
FORMULA = ("L'an deux mille vingt-quatre, le neuf avril à 20 h 30, le conseil municipal, convoqué le 2 avril 2024, "
           "s'est réuni sous la présidence de Mme Agnès LORIOT, Maire.\n")
ACT = ("Délibération n° 2024-17. Objet : travaux du lavoir. Après en avoir délibéré, le conseil adopte à "
       "l'unanimité.\n")


def read(text: str) -> dict:
    record = read_text(text, "t.txt")
    assert schema_errors(record) == []
    return record


def date_reasons(record: dict) -> list:
    return [r["raison"] for r in record.get("lecture", {}).get("rejetees", []) if r["champ"] == "seance.date"]


def test_the_plain_minutes_give_a_date_sure_enough_to_accuse_on():
    record = read(HEAD + FORMULA + ACT)
    assert value(record["seance"]["date"]) == "2024-04-09"
    assert record["seance"]["date"]["confiance"] >= SEUIL
    assert date_reasons(record) == []


@pytest.mark.parametrize("extra, words", [
    # The head prints the day with a Thursday.
    ("Séance du jeudi 9 avril 2024\n", "autre jour de la semaine"),
    # The page footer prints it in another year.
    ("Procès-verbal du 9 avril 2023 — page 1\n", "année 2023"),
    # The act's identifier is dated a week later.
    ("ID : 021-212100016-20240416-2024_17-DE\n", "aucun identifiant ACTES"),
    # Received by the prefecture before the meeting.
    ("Reçu en préfecture le 03/04/2024\n", "transmission en préfecture datée avant la séance"),
    # A second convocation date, after the meeting, beside the one the formula gives before it.
    ("Date de convocation : 12/04/2024\n", "convocation datée du 12/04/2024"),
])
def test_a_contradiction_keeps_the_date_below_the_threshold_with_its_reason(extra, words):
    record = read(HEAD + extra + FORMULA + ACT)
    assert value(record["seance"]["date"]) == "2024-04-09"
    assert record["seance"]["date"]["confiance"] < SEUIL
    assert any(words in reason for reason in date_reasons(record))


@pytest.mark.parametrize("extra", [
    "Séance du mardi 9 avril 2024\n",
    "Procès-verbal du 9 avril 2024 — page 1\n",
    "ID : 021-212100016-20240409-2024_17-DE\n",
    "Reçu en préfecture le 12/04/2024\n",
    # A meeting quoted a year before on the same day is no contradiction.
    "Approbation du procès-verbal de la séance du 9 avril 2023.\n",
])
def test_what_agrees_with_the_date_or_quotes_another_meeting_leaves_it_sure(extra):
    record = read(HEAD + extra + FORMULA + ACT)
    assert value(record["seance"]["date"]) == "2024-04-09"
    assert record["seance"]["date"]["confiance"] >= SEUIL
    assert date_reasons(record) == []


def test_another_act_s_identifier_beside_the_act_s_own_leaves_the_date_sure():
    # An earlier convention annexed with its stamp: the act's own identifier dates the meeting.
    record = read(HEAD + FORMULA + ACT + "ID : 021-212100016-20240409-2024_17-DE\nAnnexe : convention.\n"
                  "ID : 021-212100016-20231212-2023_52-DE\n")
    assert record["seance"]["date"]["confiance"] >= SEUIL
    assert date_reasons(record) == []

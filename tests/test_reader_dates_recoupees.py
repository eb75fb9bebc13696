"""Every date the reader gives is cross-checked: its printed weekday, and its place in the order the law
sets (convocation ≤ séance ≤ posting, publication, transmission; sending ≤ receipt). A date that fails
is taken out of the record, the check it failed kept in `lecture.rejetees`. Invented texts and records.
"""
import pytest
from reader_support import schema_errors, value

from checker.reader import read_text
from checker.reader.coherence import cross_check

MEETING = ("Commune de Valbrune-sur-Ource. L'an deux mille vingt-quatre, le mardi 9 avril à 20 h 30, le conseil municipal "
           "s'est réuni sous la présidence de Mme Agnès LORIOT, Maire. ")
ACT = "Délibération n° 2024-17. Objet : travaux du lavoir. Après en avoir délibéré, le conseil adopte à l'unanimité. "


def read(text: str) -> dict:
    record = read_text(text)
    assert schema_errors(record) == []
    return record


def reasons(record: dict) -> dict:
    return {r["champ"]: r["raison"] for r in record.get("lecture", {}).get("rejetees", [])}


def test_the_convocation_posted_with_another_weekday_is_set_aside():
    # 2 April 2024 is a Tuesday.
    record = read("Convocation adressée le 2 avril 2024. Date d'affichage de la convocation : jeudi 2 avril 2024. "
                  + MEETING + ACT)
    assert "date_affichage" not in record.get("convocation", {})
    assert "jour de la semaine" in reasons(record)["convocation.date_affichage"]


def test_the_convocation_posted_with_its_own_weekday_is_kept():
    record = read("Convocation adressée le 2 avril 2024. Date d'affichage de la convocation : mardi 2 avril 2024. "
                  + MEETING + ACT)
    assert value(record["convocation"]["date_affichage"]) == "2024-04-02"


def test_the_minutes_published_with_another_weekday_are_set_aside():
    # 12 April 2024 is a Friday.
    record = read("PROCÈS-VERBAL. " + MEETING + ACT + "Publié sur le site de la commune le lundi 12 avril 2024.")
    assert "date_publication" not in record["seance"].get("proces_verbal", {})
    assert "jour de la semaine" in reasons(record)["seance.proces_verbal.date_publication"]


def test_the_minutes_published_with_their_own_weekday_are_kept():
    record = read("PROCÈS-VERBAL. " + MEETING + ACT + "Publié sur le site de la commune le vendredi 12 avril 2024.")
    assert value(record["seance"]["proces_verbal"]["date_publication"]) == "2024-04-12"


@pytest.mark.parametrize("node, key, day, path, words", [
    ("convocation", "date_affichage", "2024-04-10", "convocation.date_affichage", "postérieur à la séance"),
    ("proces_verbal", "date_publication", "2024-04-08", "seance.proces_verbal.date_publication",
     "antérieure à la séance"),
])
def test_a_date_out_of_the_legal_order_is_set_aside(node, key, day, path, words):
    record = {"seance": {"date": {"valeur": "2024-04-09", "source": "le 9 avril 2024", "confiance": 0.95}},
              "convocation": {}, "deliberations": []}
    fact = {"valeur": day, "source": "imprimé", "confiance": 0.9}
    if node == "convocation":
        record["convocation"][key] = fact
    else:
        record["seance"]["proces_verbal"] = {key: fact}
    checked = cross_check(record)
    rejected = {r["champ"]: r["raison"] for r in checked["lecture"]["rejetees"]}
    assert words in rejected[path]
    assert key not in (checked["convocation"] if node == "convocation" else checked["seance"]["proces_verbal"])


@pytest.mark.parametrize("node, key, day", [
    ("convocation", "date_affichage", "2024-04-02"),
    ("proces_verbal", "date_publication", "2024-04-12"),
])
def test_a_date_in_the_legal_order_is_kept(node, key, day):
    record = {"seance": {"date": {"valeur": "2024-04-09", "source": "le 9 avril 2024", "confiance": 0.95}},
              "convocation": {}, "deliberations": []}
    fact = {"valeur": day, "source": "imprimé", "confiance": 0.9}
    if node == "convocation":
        record["convocation"][key] = fact
    else:
        record["seance"]["proces_verbal"] = {key: fact}
    checked = cross_check(record)
    assert not checked.get("lecture", {}).get("rejetees")
    kept = checked["convocation"] if node == "convocation" else checked["seance"]["proces_verbal"]
    assert value(kept[key]) == day


def test_the_convocations_posting_printed_after_the_meeting_is_not_the_acts_posting():
    # A stale or mistyped date: whatever it is, it dates the convocation's posting, never the act's.
    record = read("Convocation adressée le 2 avril 2024. Date d'affichage de la convocation : 10/04/2024. " + MEETING + ACT)
    assert "publicite" not in record["deliberations"][0]
    assert value(record.get("convocation", {}).get("date_affichage")) is None

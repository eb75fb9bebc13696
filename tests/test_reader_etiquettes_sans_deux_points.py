"""An attendance list's heading whose colon a template or an extraction turned into a dash or lost
(« Etaient présents - MM. A, B », « Présents  MM A, B », « Absents excusés - Mme C ») heads its list
all the same, when it opens its line before a civility or a name; in a sentence it heads nothing."""
import pytest
from reader_support import schema_errors, value

from checker.reader import read_text
from checker.reader.normalize import Document

HEAD = ("Commune de Saint-Exemple\nL'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal "
        "s'est réuni sous la présidence de M. Paul EXEMPLE, Maire.\n")


def read(text):
    record = read_text(text)
    assert schema_errors(record) == []
    return record


def _names(facts) -> list:
    return [m["nom"] for m in facts.get("membres", []) if m.get("presence") == "present"]


@pytest.mark.parametrize("present, sep", [("Etaient présents", " -"), ("Présents", " -"), ("Présents", " –"),
                                          ("Présents", " "), ("Etaients présents", " -"), ("Membres présents", " ")])
def test_lists_headed_by_a_dash_or_nothing_are_read_each_under_its_own_heading(present, sep):
    # Every heading of the template lost its colon the same way, as one template or extraction does.
    text = (HEAD + f"{present}{sep} MM. Paul EXEMPLE, Jean TEST, Anne MODELE, Marc\nESSAI, Luc DURAND, Eve MARTIN\n"
            f"Absents excusés{sep} M. Luc BLANC, Mme Julie NOIR\nPouvoirs{sep} M. Henri VERT à M. Jean TEST\n"
            f"Secrétaire de séance{sep} Mme Anne MODELE.\nObjet : Tarifs. Après en avoir délibéré, adopté à l'unanimité.\n")
    seance = read(text)["seance"]
    assert _names(seance) == ["Paul EXEMPLE", "Jean TEST", "Anne MODELE", "Marc ESSAI", "Luc DURAND", "Eve MARTIN"]
    assert value(seance["presents"]) == 6
    assert [p["mandant"] for p in seance.get("pouvoirs", [])] == ["Henri VERT"]
    assert seance.get("secretaires") == ["Anne MODELE"]


@pytest.mark.parametrize("line, label", [
    ("Absents excusés - Mme Anne MODELE", "Absents excusés : Mme"),
    ("Pouvoirs Jean DUPONT à Paul MARTIN", "Pouvoirs : Jean DUPONT"),
    ("Secrétaire de séance - M. Paul DUPONT", "Secrétaire de séance : M. Paul"),
])
def test_a_heading_that_opens_its_line_takes_its_colon(line, label):
    assert label in Document("Compte rendu\n" + line).text


@pytest.mark.parametrize("passage", [
    # In a sentence: no heading.
    "le maire remercie les conseillers présents Mme Anne MODELE et M. Jean TEST de leur venue",
    # Counts: their readers take the dash (« Présents - 12 »), and the run of a table's headings is no list.
    "Présents - 12 Votants - 14",
    "Présents - Absents - Pouvoirs",
    # A heading alone on its line, the names on the next: nothing is joined across the line.
    "Présents\nMonsieur le Maire ouvre la séance",
])
def test_no_colon_is_put_where_no_list_heading_stands(passage):
    assert ":" not in Document("Compte rendu\n" + passage).text

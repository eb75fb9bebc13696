"""Names on either side of a column gap (a tab, three spaces and more inside a line: `Document.gaps`).

A table laid out with spaces puts two members side by side (« Mr ROUSSEAU      CALLEDE »); the normalized
text reads « Mr ROUSSEAU CALLEDE », one person to a reader that does not know where the columns met. No
name runs across a gap when each side is a whole name by itself; where the sides cannot be told apart
(surnames alone in two columns, a row's end lost), no name is read from the run. Documents invented for
the test; names made up."""
from __future__ import annotations

from checker.reader import read_text
from checker.reader.names import read_list
from checker.reader.normalize import Document

HEAD = """COMMUNE DE SAINT-ALBAN-DU-PLATEAU
CONSEIL MUNICIPAL DU 14 MARS 2024
L'an deux mille vingt-quatre, le quatorze mars à vingt heures, le Conseil municipal s'est réuni sous la présidence de M. Paul ROUQUETTE, Maire.
Etaient présents : M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, Mme Lise PUECH, M. Marc SOULIÉ.
"""
TAIL = """Secrétaire de séance : Mme Odile FABRE
OBJET : Tarifs de la cantine
Le conseil municipal, à l'unanimité, adopte les tarifs.
"""


def names(raw: str) -> list:
    doc = Document(raw)
    return [n.text for n in read_list(doc.text, 0, gaps=doc.gaps).names]


def test_two_surnames_on_either_side_of_a_gap_are_two_members():
    assert names("Mr ZAOUI, Mr ROUSSEAU      CALLEDE, Mr LOUEDEC.") == ["ZAOUI", "ROUSSEAU", "CALLEDE", "LOUEDEC"]


def test_without_the_gap_the_same_words_are_one_name():
    assert names("Mr ZAOUI, Mr ROUSSEAU CALLEDE, Mr LOUEDEC.") == ["ZAOUI", "ROUSSEAU CALLEDE", "LOUEDEC"]


def test_two_names_in_title_case_side_by_side_are_two_members():
    assert names("Cyril Piazza\tFrancis Tujague") == ["Cyril Piazza", "Francis Tujague"]


def test_a_given_name_and_its_surname_in_two_columns_stay_one_name():
    """« Jean      DUPONT »: a justified line, or a table of given names and surnames side by side; a
    given name alone names no one, so the run is not cut."""
    assert names("M. Jean      DUPONT, Mme Lise PUECH") == ["Jean DUPONT", "Lise PUECH"]
    assert names("DUPONT      Jean, PUECH Lise") == ["Jean DUPONT", "Lise PUECH"]


def test_a_particle_alone_is_no_cell():
    """« Mme Anne LE      ROY »: « Anne LE » is no name, « LE » the start of the surname."""
    read = names("Mme Anne LE      ROY, M. Paul GASC")
    assert "ROY" not in read
    assert "Paul GASC" in read


def test_surnames_alone_in_two_columns_read_row_by_row_give_no_name():
    """« ZAOUI      AUBE / ROUSSEAU      CALLEDE »: the line's end is not kept, so « AUBE ROUSSEAU » may be
    one double surname or the end of a row and the start of the next; nothing is read from it."""
    doc = Document("ZAOUI      AUBE\nROUSSEAU      CALLEDE\nLOUEDEC")
    read = read_list(doc.text, 0, gaps=doc.gaps)
    assert read.names == []
    assert read.dropped


def test_a_list_of_the_absent_with_a_gap_inside_reads_both_members():
    record = read_text(HEAD + "Absents excusés : Mr ZAOUI, Mr ROUSSEAU      CALLEDE, Mr LOUEDEC.\n" + TAIL)
    assert set(record["seance"]["absents"]) == {"ZAOUI", "ROUSSEAU", "CALLEDE", "LOUEDEC"}


def test_a_list_of_the_absent_in_two_columns_of_surnames_is_not_given():
    record = read_text(HEAD + "Absents excusés :\nZAOUI      AUBE\nROUSSEAU      CALLEDE\nLOUEDEC\n" + TAIL)
    assert not record["seance"].get("absents")


def test_names_in_title_case_in_two_columns_read_row_by_row_give_no_name():
    """« Gérard Valois      Sophie Marchand / Chantal Lebrun      Nelly Tessier »: « Sophie Marchand Chantal
    Lebrun » is a row's end and the next row's start, or one long name; nothing is read from it."""
    doc = Document("Gérard Valois      Sophie Marchand\nChantal Lebrun      Nelly Tessier\n")
    read = read_list(doc.text, 0, gaps=doc.gaps)
    assert "Sophie Marchand Chantal Lebrun" not in [n.text for n in read.names]
    assert read.dropped

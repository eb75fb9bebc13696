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


SIDE_BY_SIDE = """SYNDICAT INTERCOMMUNAL DES EAUX DU PLATEAU
COMITÉ SYNDICAL DU 23 MARS 2023
Le Comité syndical s'est réuni le vingt-trois mars deux mille vingt-trois à dix-huit heures sous la présidence de M. Paul ROUQUETTE, Président.
Etaient présents :                                 Ont donné pouvoir :
M. Paul ROUQUETTE (Alban)                          M. Louis SAC (Ambialet) à M. Henri GASC (Curvalle)
Mme Odile FABRE (Villefranche)                     M. Marc DUBUS (Teillet) à Mme Odile FABRE (Villefranche)
M. Henri GASC (Curvalle)                           Mme Lise RIGAL (Paulinet) à M. Paul ROUQUETTE (Alban)
M. Jean SOULIÉ (Massals)
M. Pierre BERTRAND (Fraissines)
Secrétaire de séance : Mme Odile FABRE
{agenda}Pour les affaires de la compétence « assainissement » : Etaient présents : M. Paul ROUQUETTE (Alban), Mme Odile FABRE (Villefranche), M. Henri GASC (Curvalle).
Ont donné pouvoir : M. Louis SAC (Ambialet) à M. Henri GASC (Curvalle).
OBJET : Tarifs de l'eau
Le comité syndical, à l'unanimité, adopte les tarifs.
"""
# The minutes go on long enough between the two blocks (the agenda, the earlier minutes approved) for the
# second to be another block of lists, not the rest of the first.
AGENDA = "".join(f"{n}. Approbation du rapport d'activité de la régie des eaux pour l'exercice {2000 + n} et de ses annexes.\n"
                 for n in range(1, 21))


def test_a_later_block_does_not_stand_for_the_lists_left_unread_side_by_side():
    """The meeting's lists are printed side by side (« Etaient présents : Ont donné pouvoir : ») and left
    unread; the lists of a later block (one group of affaires) are not the meeting's attendance."""
    seance = read_text(SIDE_BY_SIDE.format(agenda=AGENDA))["seance"]
    assert not seance.get("pouvoirs")
    assert seance.get("representes") is None


def test_a_surname_alone_beside_a_whole_name_is_the_rest_of_a_double_surname():
    """« Syamak AGHA      BABAEI » (a tab inside a name): the cells of a table name each person alike, so a
    surname alone after a given name and a surname is not another member."""
    assert names("Danielle DAMBACH, Syamak AGHA\tBABAEI, Vincent DEBES") == [
        "Danielle DAMBACH", "Syamak AGHA BABAEI", "Vincent DEBES"]


def test_with_the_line_ends_known_the_cells_of_a_table_of_surnames_are_read():
    """« ZAOUI      AUBE / ROUSSEAU      CALLEDE / LOUEDEC » with the places of the line ends given: each cell
    is one member, a double surname in one cell (« LE ROY ») included."""
    raw = "ZAOUI      AUBE\nROUSSEAU      LE ROY\nLOUEDEC"
    doc = Document(raw)
    breaks = (doc.text.index("AUBE ") + 4, doc.text.index("ROY ") + 3)
    assert [doc.text[b - 2:b + 3] for b in breaks] == ["BE RO", "OY LO"]
    assert [n.text for n in read_list(doc.text, 0, gaps=doc.gaps, breaks=breaks).names] == [
        "ZAOUI", "AUBE", "ROUSSEAU", "LE ROY", "LOUEDEC"]


def test_line_ends_alone_cut_no_name_outside_a_table():
    """A name wraps across lines in running text (« M. Jean-Pierre\\nDUPONT »): without a column gap in the
    passage, a line's end parts nothing."""
    doc = Document("M. Jean-Pierre\nDUPONT, Mme Lise PUECH")
    at = doc.text.index("Pierre") + len("Pierre")
    assert [n.text for n in read_list(doc.text, 0, gaps=doc.gaps, breaks=(at,)).names] == [
        "Jean-Pierre DUPONT", "Lise PUECH"]


def test_ms_for_messieurs_is_a_plural_civility():
    """« Mmes et Ms MELLINGER, LANDES »: « Ms » abbreviates Messieurs; it is no given name of the first member."""
    assert names("Mmes et Ms MELLINGER, LANDES, COLOMB") == ["MELLINGER", "LANDES", "COLOMB"]
    doc = Document("Mmes et Ms MELLINGER      LANDES\nCOLOMB      BALDY\n")
    breaks = (doc.text.index("LANDES ") + 6,)
    assert [n.text for n in read_list(doc.text, 0, gaps=doc.gaps, breaks=breaks).names] == [
        "MELLINGER", "LANDES", "COLOMB", "BALDY"]

"""An absent list read in part is a wrong list: when names are lost (two columns run together) or another
list follows whose label was not read, the absents are doubted, not given (names invented for the test)."""
from __future__ import annotations

from checker.reader import read_text

HEAD = """Commune de Val-Fleuri
Séance du lundi 11 juillet 2022
L'an deux mil vingt-deux, le 11 juillet à vingt heures trente, les membres du Conseil Municipal de la commune, convoqués le 6 juillet 2022, se sont réunis sous la présidence de monsieur Paul ROCHER
Présents : MM Paul ROCHER, Anne BESNARD, Marc CAILLY, Julie DORANGE, Louis ESNAULT, Marie FOUCHER.
"""
TAIL = """Monsieur Cailly est nommé secrétaire de séance
OBJET : Tarifs de la cantine
Après en avoir délibéré, le Conseil municipal, à l'unanimité des membres présents, fixe les tarifs.
"""


def rejected_absents(record):
    return [r for r in record.get("lecture", {}).get("rejetees", []) if r["champ"] == "seance.absents"]


def test_two_columns_of_names_run_together_leave_the_absents_unread():
    # The extraction lost the columns' gaps: nothing tells where one name ends and the next begins.
    roll = ("absents excusés :\nMesdames et messieurs Gérard Valois Sophie Marchand\n"
            "Chantal Lebrun Nelly Tessier\nLouis Aubert et Héloïse Ravel.\n")
    record = read_text(HEAD + roll + TAIL)
    assert "absents" not in record["seance"]
    assert "capitales hors des noms" in rejected_absents(record)[0]["raison"]


def test_two_columns_of_names_whose_gaps_and_line_ends_are_kept_are_read_cell_by_cell():
    # The same table as extracted with its column gaps and row ends: each cell is a whole name.
    roll = ("absents excusés :\nMesdames et messieurs Gérard Valois       Sophie Marchand\n"
            "Chantal Lebrun                    Nelly Tessier\nLouis Aubert et Héloïse Ravel.\n")
    record = read_text(HEAD + roll + TAIL)
    assert record["seance"]["absents"] == ["Gérard Valois", "Sophie Marchand", "Chantal Lebrun", "Nelly Tessier",
                                           "Louis Aubert", "Héloïse Ravel"]


def test_a_second_absent_list_whose_label_is_not_read_leaves_the_absents_unread():
    # (Opening its line, « absents - MM … » is read as a label: normalisation gives it its colon. Run into the
    # line before, it is not.)
    roll = ("absents excusés - MM Gérard VALOIS, Sophie MARCHAND, Chantal LEBRUN. "
            "absents - MM Nelly TESSIER, Louis AUBERT.\n")
    record = read_text(HEAD + roll + TAIL)
    assert "absents" not in record["seance"]
    assert "une autre liste" in rejected_absents(record)[0]["raison"]


def test_a_second_list_with_its_label_read_is_read_as_well():
    roll = ("Absents excusés : Gérard VALOIS, Sophie MARCHAND, Chantal LEBRUN.\n"
            "Absents non excusés : Nelly TESSIER, Louis AUBERT.\n")
    absents = read_text(HEAD + roll + TAIL)["seance"]["absents"]
    assert len(absents) == 5

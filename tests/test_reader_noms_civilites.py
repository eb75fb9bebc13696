"""A plural civility written in full and in lower case after the first (« Mesdames et messieurs ») opens a
list of names like « Mesdames et Messieurs » does (names invented for the test)."""
from __future__ import annotations

import pytest

from checker.reader import read_text
from checker.reader.names import read_list

NAMES = "Gérard Valois, Sophie Marchand, Chantal Lebrun et Héloïse Tessier."


@pytest.mark.parametrize("opening", ["Mesdames et messieurs", "mesdames et messieurs", "Mesdames et Messieurs",
                                     "Messieurs et mesdames"])
def test_a_plural_civility_in_lower_case_opens_the_list(opening):
    read = read_list(f"{opening} {NAMES}", 0, single_title_ok=True)
    assert read.lead_junk == 0
    assert [n.text for n in read.names] == ["Gérard Valois", "Sophie Marchand", "Chantal Lebrun", "Héloïse Tessier"]


def test_the_excused_list_in_mixed_case_after_a_lower_case_civility_is_read():
    text = """Commune de Val-Fleuri
Séance du lundi 11 juillet 2022
L'an deux mil vingt-deux, le 11 juillet à vingt heures trente, les membres du Conseil Municipal de la commune, convoqués le 6 juillet 2022, se sont réunis sous la présidence de monsieur Paul ROCHER
Présents : MM Paul ROCHER, Anne BESNARD, Marc CAILLY, Julie DORANGE, Louis ESNAULT, Marie FOUCHER.
Absents excusés : Mesdames et messieurs Gérard Valois, Sophie Marchand, Chantal Lebrun et Héloïse Tessier.
Monsieur Cailly est nommé secrétaire de séance
OBJET : Tarifs de la cantine
Après en avoir délibéré, le Conseil municipal, à l'unanimité des membres présents, fixe les tarifs.
"""
    absents = read_text(text)["seance"]["absents"]
    assert sorted(absents) == ["Chantal Lebrun", "Gérard Valois", "Héloïse Tessier", "Sophie Marchand"]


@pytest.mark.parametrize("roll, names", [
    ("CAUQUIL R. – LANET M. – FRAISSE Y.", ["CAUQUIL R.", "LANET M.", "FRAISSE Y."]),
    ("SABATIER M., DELMAS R. et OLMOS M.", ["SABATIER M.", "DELMAS R.", "OLMOS M."]),
    ("CABROL J.-P. – DELMAS R.", ["CABROL J.-P.", "DELMAS R."]),
])
def test_an_initial_m_after_a_surname_is_the_given_name_s_not_a_civility(roll, names):
    """« LANET M. » read « LANET » is another name than the one the text prints (Michel or Marie LANET)."""
    assert [n.text for n in read_list(roll, 0, single_title_ok=True).names] == names


@pytest.mark.parametrize("roll, names", [
    ("Mme DUPONT, M. MARTIN, M. Paul ROUX", ["DUPONT", "MARTIN", "Paul ROUX"]),
    ("DUPONT Anne, MARTIN M. Paul ROUX", ["Anne DUPONT", "MARTIN", "Paul ROUX"]),
])
def test_m_before_a_name_stays_its_civility(roll, names):
    assert [n.text for n in read_list(roll, 0, single_title_ok=True).names] == names


def test_capitalised_words_left_out_of_every_name_are_reported():
    """« Gérard Valois Sophie Marchand Chantal Lebrun … »: two columns of names run together give no name;
    the names read around them are part of the list only."""
    read = read_list("Mme Anne DUPONT, Gérard Valois Sophie Marchand Chantal Lebrun Paul Roux, M. Luc PETIT", 0,
                     single_title_ok=True)
    assert [n.text for n in read.names] == ["Anne DUPONT", "Luc PETIT"]
    assert len(read.dropped) == 1
    assert read_list("Mme Anne DUPONT, M. Luc PETIT et Sophie Marchand", 0, single_title_ok=True).dropped == []


@pytest.mark.parametrize("roll, names", [
    ("M. DUPONT Jean de BOURGNAC, Mme MARTIN Claire de SAINT-AGRÈVE", ["Jean DUPONT", "Claire MARTIN"]),
    ("M. Jean DUPONT de Bourgnac, Mme Claire MARTIN de Saint-Agrève", ["Jean DUPONT", "Claire MARTIN"]),
    ("Marie-Claire de CASTELBAJAC, de LA FONTAINE Hervé", ["Marie-Claire de CASTELBAJAC", "Hervé de LA FONTAINE"]),
])
def test_de_after_a_whole_name_opens_the_delegate_s_commune(roll, names):
    """« Délégués absents excusés : M. DUPONT Jean de BOURGNAC »: the particle stands before a surname, never
    after a given name and a surname; what follows is the commune the delegate sits for."""
    read = read_list(roll, 0, single_title_ok=True)
    assert [n.text for n in read.names] == names

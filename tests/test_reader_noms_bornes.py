"""Where a list of names ends when nothing but the next words says so: an agenda item's label
(« Rapporteur : »), a date, a heading in title case or in capitals run into the last name. The name
before the boundary is read whole and nothing after it joins the list; where only the name's length
hints at a heading, the list is left unread with the reason, never given with a wrong name."""
from __future__ import annotations

import pytest

from checker.reader import read_text
from noms_support import fold

HEAD = ("COMMUNE DE SAINT-AY\nEXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\n"
        "L'an deux mille vingt-quatre, le douze mars à vingt heures, le conseil municipal, régulièrement "
        "convoqué le 5 mars 2024, s'est réuni sous la présidence de M. Jean DUPONT, Maire.\n"
        "Présents : M. Jean DUPONT, Mme Claire ROUX, M. Paul MARTIN, Mme Anne PETIT, M. Luc BLANC, M. Yves GARNIER.\n")
TAIL = "\nLe conseil municipal, après en avoir délibéré, à l'unanimité, adopte le budget.\n"

FOLLOWING = [
    "Rapporteur : M. Luc BLANC",
    "Nomenclature : 7.1 Décisions budgétaires",
    "CONSEIL MUNICIPAL DU 12 MARS 2024",
    "Plan Local d'Urbanisme",
    "Syndicat Départemental d'Energie",
    "Demande De Subvention DETR",
    "PLAN LOCAL D'URBANISME",
    "SYNDICAT DEPARTEMENTAL D'ENERGIE",
]
ABSENT_LISTS = ["Absents : M. Marc BERNARD, Mme Zoé BLANC ", "Absents excusés : Marc BERNARD, Zoé BLANC "]
PROXY_LISTS = ["Pouvoirs : Mme Sophie LEROY à M. Paul MARTIN ",
               "Absents excusés : Sophie LEROY (pouvoir à Paul MARTIN), Marc BERNARD "]


def seance(text: str) -> dict:
    return read_text(text, "bornes.txt")["seance"]


@pytest.mark.parametrize("following", FOLLOWING)
@pytest.mark.parametrize("listed", ABSENT_LISTS)
def test_the_next_heading_is_no_absent(listed, following):
    got = seance(HEAD + listed + following + TAIL)
    assert {fold(n) for n in got.get("absents", [])} == {fold("Marc BERNARD"), fold("Zoé BLANC")}


@pytest.mark.parametrize("following", FOLLOWING)
@pytest.mark.parametrize("listed", PROXY_LISTS)
def test_the_next_heading_is_no_holder(listed, following):
    got = seance(HEAD + listed + following + TAIL)
    assert {(fold(p["mandant"]), fold(p["mandataire"])) for p in got.get("pouvoirs", [])} == {
        (fold("Sophie LEROY"), fold("Paul MARTIN"))}


def test_a_long_surname_in_capitals_is_not_cut_on_its_length_alone():
    # Three words in capitals and nothing that says a heading: a surname of three words, or a heading
    # run into one; the list is not given rather than given cut or whole at a guess.
    record = read_text(HEAD + "Absents : M. Marc BERNARD, Mme Zoé BLANC COSTA RIBEIRO GOMES" + TAIL, "bornes.txt")
    assert "absents" not in record["seance"]
    reasons = [r["raison"] for r in record["lecture"]["rejetees"] if r["champ"] == "seance.absents"]
    assert reasons and "intitulé suivant" in reasons[0]


def test_a_date_inside_brackets_leaves_the_list_whole():
    # A remark in brackets may carry a date (« arrivé le 12 mars »): only a date outside brackets ends
    # the list.
    got = seance(HEAD + "Absents : M. Marc BERNARD (démission du 12 mars), Mme Zoé BLANC." + TAIL)
    assert {fold(n) for n in got.get("absents", [])} == {fold("Marc BERNARD"), fold("Zoé BLANC")}

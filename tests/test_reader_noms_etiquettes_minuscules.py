"""Labels of the lists of absents printed in lower case, without a colon (documents invented for the
test; names made up).

« … Mme Sylvie JACOB absents excusés Mesdames Claire ROUX, … »: a label in the plural after a name is no
remark on that one name (« M. Luc PETIT excusé, … » is); followed by a civility or a name, it heads the
next list. A line that opens with « absents » or « excusés » and a name heads a list too. Without these,
the names of the absent ran on into the list of proxies before them, and both were lost. A remark in the
singular after a name stays a remark."""
from __future__ import annotations

import pytest

from checker.reader import read_text

from noms_support import fold

HEAD = ("COMMUNE DE SAINT-ALBAN-DU-PLATEAU\nCONSEIL MUNICIPAL DU 14 MARS 2024\n"
        "L'an deux mille vingt-quatre, le quatorze mars à vingt heures, le Conseil municipal, légalement "
        "convoqué, s'est réuni sous la présidence de M. Paul ROUQUETTE, Maire.\n"
        "Membres en exercice : 9\n"
        "Présents : M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, Mme Lise PUECH, M. Marc SOULIÉ.\n")
TAIL = ("Secrétaire de séance : Mme Odile FABRE\n"
        "OBJET : Tarifs de la cantine\nLe conseil municipal, à l'unanimité, adopte les tarifs.\n")
PAIRS = {(fold("Luc PETIT"), fold("Henri GASC")), (fold("Anne BRUN"), fold("Odile FABRE"))}
ABSENTS = {fold("Claire ROUX"), fold("Jean NOIR")}


def read(middle: str) -> dict:
    return read_text(HEAD + middle + TAIL)["seance"]


def pairs(seance: dict) -> set | None:
    found = seance.get("pouvoirs")
    return None if found is None else {(fold(p["mandant"]), fold(p["mandataire"])) for p in found}


@pytest.mark.parametrize("label", ["absents excusés", "excusés sans procuration", "excusé(e)s sans pouvoir"])
def test_a_plural_label_in_lower_case_after_a_proxy_heads_the_absent(label):
    seance = read(f"pouvoirs : M. Luc PETIT à M. Henri GASC, Mme Anne BRUN à Mme Odile FABRE {label} "
                  "Mme Claire ROUX, M. Jean NOIR\n")
    assert pairs(seance) == PAIRS
    assert {fold(n) for n in seance.get("absents", [])} == ABSENTS


@pytest.mark.parametrize("label", ["absents", "excusés", "absents excusés"])
@pytest.mark.parametrize("names", ["Claire Roux, Jean Noir", "Mme Claire ROUX, M. Jean NOIR"])
def test_a_line_opening_with_a_lower_case_label_heads_the_absent(label, names):
    text = (HEAD.replace("M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, Mme Lise PUECH, M. Marc SOULIÉ.",
                         "Paul Rouquette, Odile Fabre, Henri Gasc, Lise Puech, Marc Soulié")
            + f"Pouvoirs : M. Luc PETIT à M. Henri GASC, Mme Anne BRUN à Mme Odile FABRE\n{label} {names}\n" + TAIL)
    seance = read_text(text)["seance"]
    assert pairs(seance) == PAIRS
    assert {fold(n) for n in seance.get("absents", [])} == ABSENTS


def test_a_singular_remark_after_a_name_stays_in_its_list():
    seance = read("Absents : M. Luc PETIT excusé, Mme Claire ROUX excusée ayant donné pouvoir à M. Henri GASC\n")
    assert fold("Henri GASC") not in {fold(n) for n in seance.get("absents", [])}


def test_a_heading_wrapped_after_et_is_not_a_lower_case_label_opening_a_line():
    # « Excusés et\nabsents » is a column's title of a flattened table, wrapped: the names after it are
    # the next column's (the secretary among them), not the absent.
    text = ("COMMUNE DE SEVRAN\nCONSEIL MUNICIPAL DU 14 DÉCEMBRE 2023\n"
            "L'an deux mille vingt-trois, le quatorze décembre à dix-neuf heures, le Conseil municipal, légalement "
            "convoqué, s'est réuni sous la présidence de Monsieur Stéphane BLANCHET, Maire.\n"
            "Présents BLANCHET Stéphane HAUVET Claude DA SILVA Elodie Excusés et\nabsents BASTARAUD Sébastien "
            "YILDIZ Umit MOULIN Paul\nMonsieur Yildiz est désigné secrétaire de séance.\n" + TAIL.split("\n", 1)[1])
    seance = read_text(text)["seance"]
    assert fold("Umit YILDIZ") not in {fold(n) for n in seance.get("absents", [])}
    assert seance.get("secretaires") == ["Monsieur Yildiz"]

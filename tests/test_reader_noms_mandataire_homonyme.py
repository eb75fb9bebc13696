"""Who holds a proxy written by a surname alone or by an office (documents invented for the test; names
made up).

« pouvoir à M. MARTIN » names the member of the roll who bears the name when one does: the roll's full
name is given. When two members bear it (once the giver is left aside: nobody holds his own proxy),
nothing printed says which holds it: the set of proxies is not given, with the reason, rather than one
of them picked. « pouvoir à M. le Maire » goes to the president of the meeting, who holds the office
(L2121-14); where a deputy presides, to the maire the text names, and to no one when it names none."""
from __future__ import annotations

import pytest

from checker.reader import read_text

from noms_support import fold


def document(present: str, proxies: str, chair: str = "M. Paul ROUQUETTE, Maire") -> str:
    return ("COMMUNE DE SAINT-ALBAN-DU-PLATEAU\nCONSEIL MUNICIPAL DU 14 MARS 2024\n"
            "L'an deux mille vingt-quatre, le quatorze mars à vingt heures, le Conseil municipal, légalement "
            f"convoqué, s'est réuni sous la présidence de {chair}.\n"
            f"Etaient présents : {present}\nPouvoirs : {proxies}\n"
            "Secrétaire de séance : Mme Odile FABRE\n"
            "OBJET : Tarifs de la cantine\nLe conseil municipal, à l'unanimité, adopte les tarifs.\n")


ONE_MARTIN = "M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri MARTIN, Mme Lise PUECH, M. Marc SOULIÉ."
TWO_MARTIN = "M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri MARTIN, Mme Lise MARTIN, M. Marc SOULIÉ."
MAIRE_LISTED = "M. Paul ROUQUETTE, Maire, Mme Odile FABRE, M. Henri MARTIN, Mme Lise PUECH, M. Marc SOULIÉ."
DEPUTY = "Mme Odile FABRE, première adjointe"


def pairs(record: dict) -> set | None:
    found = record["seance"].get("pouvoirs")
    return None if found is None else {(fold(p["mandant"]), fold(p["mandataire"])) for p in found}


def set_aside(record: dict) -> list:
    return [r["raison"] for r in record.get("lecture", {}).get("rejetees", []) if r["champ"] == "seance.pouvoirs"]


def test_a_surname_one_member_bears_is_the_roll_full_name():
    record = read_text(document(ONE_MARTIN, "M. Luc PETIT à M. MARTIN, Mme Anne BRUN à Mme FABRE."))
    assert pairs(record) == {(fold("Luc PETIT"), fold("Henri MARTIN")), (fold("Anne BRUN"), fold("Odile FABRE"))}


@pytest.mark.parametrize("holder", ["M. MARTIN", "Mme MARTIN", "MARTIN"])
def test_a_surname_two_members_bear_leaves_the_proxies_unread_with_the_reason(holder):
    record = read_text(document(TWO_MARTIN, f"M. Luc PETIT à {holder}, Mme Anne BRUN à Mme FABRE."))
    assert pairs(record) is None
    assert any("porté par plusieurs membres" in reason for reason in set_aside(record))


def test_the_giver_is_not_his_own_holder_so_the_other_bearer_holds():
    # Lise MARTIN gives to « M. MARTIN »: of the two MARTIN, only Henri can hold her proxy. (The holder
    # is given as printed, as the surname alone of a secretary is: `nom_dans` finds him.)
    present = "M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri MARTIN, M. Marc SOULIÉ."
    record = read_text(document(present, "Mme Lise MARTIN à M. MARTIN, Mme Anne BRUN à Mme FABRE.").replace(
        "Etaient présents", "Absents : Mme Lise MARTIN, Mme Anne BRUN\nEtaient présents"))
    assert not any("porté par plusieurs membres" in reason for reason in set_aside(record))
    assert fold("Lise MARTIN") in {giver for giver, _ in pairs(record)}


def test_a_proxy_to_the_maire_who_presides_is_his():
    record = read_text(document(ONE_MARTIN, "M. Luc PETIT à M. le Maire, Mme Anne BRUN à Mme FABRE."))
    assert (fold("Luc PETIT"), fold("Paul ROUQUETTE")) in pairs(record)


@pytest.mark.parametrize("chair", [DEPUTY, "Mme Odile FABRE, 1ère Adjointe au Maire", "Mme Odile FABRE, maire-adjointe"])
def test_a_proxy_to_the_maire_while_a_deputy_presides_goes_to_the_maire_named(chair):
    record = read_text(document(MAIRE_LISTED, "M. Luc PETIT à M. le Maire, Mme Anne BRUN à Mme FABRE.", chair))
    assert record["seance"]["president"]["valeur"] == "Odile FABRE"
    assert pairs(record) == {(fold("Luc PETIT"), fold("Paul ROUQUETTE")), (fold("Anne BRUN"), fold("Odile FABRE"))}


def test_a_proxy_to_the_maire_while_a_deputy_presides_and_no_maire_is_named_is_not_given_to_the_deputy():
    record = read_text(document(ONE_MARTIN, "M. Luc PETIT à M. le Maire, Mme Anne BRUN à Mme FABRE.", DEPUTY))
    assert pairs(record) is None
    assert any("pouvoir au maire" in reason for reason in set_aside(record))

"""A proxy's holder printed by the given name alone in a council whose roll gives full names (« Jacques
DELUNSCH (pouvoir donné à Nelly) »): the one member present who bears that given name holds it (a holder
sits), kept as printed; with two such members present, or none, the holder is not known and the pair is not
given. Documents invented for the test; names made up."""
from __future__ import annotations

from checker.reader import read_text

HEAD = """COMMUNE DE SAINT-ALBAN-DU-PLATEAU
CR du conseil municipal du 14 mars 2024
L'an deux mille vingt-quatre, le quatorze mars à vingt heures, le Conseil municipal, légalement convoqué, s'est réuni sous la présidence de M. Paul ROUQUETTE, Maire.
Présents : Paul ROUQUETTE, Nelly FABRE, Henri GASC, Lise PUECH, Marc SOULIÉ, {extra}Luc PETIT.
Excusés : Jacques DURAND (pouvoir donné à Nelly), Anne MOREL (pouvoir donné à Henri), Sophie LEROY (Pas de pouvoir).
Secrétaire de séance : Lise PUECH.
OBJET : Tarifs de la cantine
Le conseil municipal, à l'unanimité, adopte les tarifs.
"""


def seance(extra: str = "") -> dict:
    return read_text(HEAD.format(extra=extra))["seance"]


def test_a_holder_named_by_a_given_name_is_the_one_member_present_bearing_it():
    read = seance()
    assert [(p["mandant"], p["mandataire"]) for p in read["pouvoirs"]] == [("Jacques DURAND", "Nelly"),
                                                                            ("Anne MOREL", "Henri")]
    assert read["absents"] == ["Sophie LEROY"]


def test_two_members_present_bearing_the_given_name_leave_the_holder_unknown():
    read = seance("Nelly BARRE, ")
    assert ("Jacques DURAND", "Nelly") not in [(p["mandant"], p["mandataire"]) for p in read.get("pouvoirs", [])]

"""Proxy pairs in phrasings probed with invented minutes (session 17): a set is right only whole.

- « Mme A donne pouvoir à M. B, M. C à Mme D. »: the verb said once, the second pair joined by a bare
  « à » in the same sentence; read whole (before, only the first pair was read and C was counted present).
- « Mme A et M. B ont donné pouvoir à M. C »: a member holds one proxy only (L2121-20); which giver's the
  holder took the text does not say, so no set is given (before, B's pair alone was read).
- « Mme A représentée par M. B, suppléant » / B listed present « (suppléant de Mme A) »: in a comité the
  suppléant sits in the titulaire's seat with a vote of his own; no proxy pair.
Documents invented for the test; names made up."""
from __future__ import annotations

from checker.reader import read_text

HEAD = """COMMUNE DE SAINT-ALBAN-DU-PLATEAU
CONSEIL MUNICIPAL DU 14 MARS 2024
L'an deux mille vingt-quatre, le quatorze mars à vingt heures, le Conseil municipal, légalement convoqué, s'est réuni sous la présidence de M. Paul ROUQUETTE, Maire.
"""
SYNDICAT = """SYNDICAT INTERCOMMUNAL DES EAUX DU PLATEAU
Comité syndical du 14 mars 2024
L'an deux mille vingt-quatre, le quatorze mars à dix-huit heures, le Comité syndical s'est réuni sous la présidence de M. Paul ROUQUETTE, Président.
"""
PRESENT = ("Etaient présents : M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, Mme Lise PUECH, M. Marc SOULIÉ, "
           "M. Luc PETIT.\n")
TAIL = """Secrétaire de séance : Mme Odile FABRE
OBJET : Tarifs de la cantine
Le conseil municipal, à l'unanimité, adopte les tarifs.
"""


def pairs(record):
    return {(p["mandant"], p["mandataire"]) for p in record["seance"].get("pouvoirs") or []}


def members(record):
    return {m["nom"]: m.get("presence") for m in record["seance"].get("membres") or []}


def test_the_pairs_after_one_verb_in_a_sentence_are_all_read():
    record = read_text(HEAD + PRESENT + "Mme Claire BRIQUET donne pouvoir à M. Henri GASC, M. Jean DELMAS à "
                       "Mme Lise PUECH.\n" + TAIL)
    assert pairs(record) == {("Claire BRIQUET", "Henri GASC"), ("Jean DELMAS", "Lise PUECH")}
    assert members(record).get("Jean DELMAS") == "represente"


def test_a_bare_a_after_the_sentence_of_a_proxy_joins_nothing():
    record = read_text(HEAD + PRESENT + "Mme Claire BRIQUET donne pouvoir à M. Henri GASC. Absente : Mme Anne "
                       "RIGAL.\n" + TAIL)
    assert pairs(record) == {("Claire BRIQUET", "Henri GASC")}


def test_a_suppleant_written_after_the_holder_is_no_proxy():
    record = read_text(SYNDICAT + "Délégués présents : M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, M. Marc "
                       "SOULIÉ.\nExcusés : Mme Claire BRIQUET représentée par M. Marc SOULIÉ (suppléant), M. Jean "
                       "DELMAS (pouvoir à M. Henri GASC).\n" + TAIL)
    assert pairs(record) == {("Jean DELMAS", "Henri GASC")}


def test_a_holder_listed_as_the_givers_suppleant_is_no_proxy():
    record = read_text(SYNDICAT + "Délégués présents : M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, M. Marc "
                       "SOULIÉ (suppléant de Mme Claire BRIQUET).\nAbsents : Mme Claire BRIQUET représentée par M. "
                       "Marc SOULIÉ, M. Jean DELMAS.\n" + TAIL)
    assert not pairs(record)
    assert record["seance"].get("absents") == ["Jean DELMAS"]


def test_represented_by_a_member_who_is_no_suppleant_is_a_proxy():
    record = read_text(HEAD + PRESENT + "Absents : Mme Claire BRIQUET représentée par M. Henri GASC, M. Jean DELMAS "
                       "représenté par M. Marc SOULIÉ, Mme Anne RIGAL.\n" + TAIL)
    assert pairs(record) == {("Claire BRIQUET", "Henri GASC"), ("Jean DELMAS", "Marc SOULIÉ")}


def test_two_givers_for_one_holder_give_no_set():
    record = read_text(HEAD + PRESENT + "Mme Claire BRIQUET et M. Jean DELMAS ont donné pouvoir à M. Henri GASC.\n"
                       + TAIL)
    assert not pairs(record)


def test_two_givers_for_one_holder_in_prose_outside_the_lists_give_no_set():
    record = read_text(HEAD + PRESENT + TAIL + "Mme Claire BRIQUET et M. Jean DELMAS ont donné pouvoir à M. Henri "
                       "GASC.\n")
    assert not pairs(record)


def test_one_giver_with_a_plural_verb_is_read():
    record = read_text(HEAD + PRESENT + "Absents : Mme Anne RIGAL. Mme Claire BRIQUET qui ont donné pouvoir à M. "
                       "Henri GASC.\n" + TAIL)
    assert pairs(record) == {("Claire BRIQUET", "Henri GASC")}

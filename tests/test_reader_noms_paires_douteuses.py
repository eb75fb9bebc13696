"""Proxy pairs and lists of the absent the reader leaves unread rather than give wrong.

Each case is a way a pair or a list was misread on the variants of the tuning texts (bench/variantes.py):
a holder's name cut before a letter left alone by a lost apostrophe, a holder named by a given name in
brackets followed by the next line's name, two columns side by side whose headings one label's wording
hid. Documents invented for the test; names made up."""
from __future__ import annotations

from checker.reader import read_text

HEAD = """COMMUNE DE SAINT-ALBAN-DU-PLATEAU
CONSEIL MUNICIPAL DU 14 MARS 2024
L'an deux mille vingt-quatre, le quatorze mars à vingt heures, le Conseil municipal s'est réuni sous la présidence de M. Paul ROUQUETTE, Maire.
"""
TAIL = """Secrétaire de séance : Mme Odile FABRE
OBJET : Tarifs de la cantine
Le conseil municipal, à l'unanimité, adopte les tarifs.
"""


def pairs(record):
    return {(p["mandant"], p["mandataire"]) for p in record["seance"].get("pouvoirs", [])}


def test_a_holder_cut_before_a_letter_left_alone_gives_no_pairs():
    """« M. MARETI E » for « M. MARETI'E » (OCR's « MARETTE ») once the apostrophe is lost: the holder
    read (« MARETI ») is a piece of the printed name, so the list of pairs is not given."""
    roll = ("Etaient présents : M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, Mme Lise PUECH, M. Marc SOULIÉ.\n"
            "A donné pouvoir : Mme Claire BRIQUET à M. MARETI E, Mme Anne RIGAL à M. Henri GASC.\n"
            "Absents excusés : M. Jean DELMAS.\n")
    record = read_text(HEAD + roll + TAIL)
    assert not record["seance"].get("pouvoirs")
    assert any(r["champ"] == "seance.pouvoirs" and "lettre seule" in r["raison"]
               for r in record.get("lecture", {}).get("rejetees", []))


def test_the_same_list_whole_is_read():
    roll = ("Etaient présents : M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, Mme Lise PUECH, M. Marc SOULIÉ.\n"
            "A donné pouvoir : Mme Claire BRIQUET à M. Marc SOULIÉ, Mme Anne RIGAL à M. Henri GASC.\n"
            "Absents excusés : M. Jean DELMAS.\n")
    assert pairs(read_text(HEAD + roll + TAIL)) == {("Claire BRIQUET", "Marc SOULIÉ"), ("Anne RIGAL", "Henri GASC")}


def test_a_holder_named_in_brackets_is_not_the_name_after_them():
    """« Jacques DELMAS (pouvoir donné à Henri) Lise PUECH »: two columns read line by line put the next
    line's name after the brackets; the holder is « Henri », a given name alone, never Lise PUECH."""
    roll = ("Présents : Excusés :\n"
            "Paul ROUQUETTE Jacques DELMAS (pouvoir donné à Henri)\n"
            "Henri GASC Claire BRIQUET (pouvoir donné à Odile)\n"
            "Lise PUECH\nOdile FABRE\nMarc SOULIÉ\n")
    record = read_text(HEAD + roll + TAIL)
    read = pairs(record)
    assert ("Jacques DELMAS", "Lise PUECH") not in read
    assert not any(holder in ("Lise PUECH", "Henri GASC Claire BRIQUET") for _, holder in read)


def test_a_holder_in_brackets_with_its_whole_name_is_read():
    roll = ("Etaient présents : M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, Mme Lise PUECH.\n"
            "Excusés : M. Jacques DELMAS (pouvoir donné à M. Henri GASC), Mme Claire BRIQUET.\n")
    assert pairs(read_text(HEAD + roll + TAIL)) == {("Jacques DELMAS", "Henri GASC")}


def test_absents_non_excuses_heads_a_list_of_the_absent():
    roll = ("Etaient présents : M. Paul ROUQUETTE, Mme Odile FABRE, M. Henri GASC, Mme Lise PUECH.\n"
            "Absents non excusés : M. Jacques DELMAS, Mme Claire BRIQUET.\n")
    assert set(read_text(HEAD + roll + TAIL)["seance"]["absents"]) == {"Jacques DELMAS", "Claire BRIQUET"}


def test_two_columns_under_headings_side_by_side_are_not_read_as_one_list():
    """« Présents : Absents non excusés : » then the names line by line, one of each column a line: no
    name of those present is read absent (neither list is read)."""
    roll = ("Présents : Absents non excusés :\n"
            "Paul ROUQUETTE Jacques DELMAS (pas de pouvoir donné)\n"
            "Odile FABRE Claire BRIQUET (pas de pouvoir donné)\n"
            "Henri GASC\nLise PUECH\nMarc SOULIÉ\n.\n")
    record = read_text("CR du conseil municipal du 14 mars 2024\n" + roll + TAIL)
    read = list(record["seance"].get("absents") or [])
    read += [name for r in record.get("lecture", {}).get("rejetees", []) if r["champ"] == "seance.absents"
             for name in r["valeur"]]
    assert not {"Paul ROUQUETTE", "Odile FABRE", "Henri GASC", "Lise PUECH", "Marc SOULIÉ"} & set(read)


def test_absents_listed_below_two_columns_left_unread_are_not_the_whole_set():
    """« Présents : Excusés : » side by side, their names interleaved line by line, then « Absent : M. X »:
    the excused of the column left unread are absent too, so the one list read is not given as the set."""
    roll = ("Présents : Excusés :\n"
            "M. Paul ROUQUETTE Mme Claire BRIQUET\n"
            "Mme Odile FABRE M. Jacques DELMAS\n"
            "M. Henri GASC\nMme Lise PUECH\n"
            "Absent : M. Marc SOULIÉ, Mme Anne RIGAL\n")
    record = read_text(HEAD + roll + TAIL)
    assert "absents" not in record["seance"]
    assert any(r["champ"] == "seance.absents" and "côte à côte" in r["raison"]
               for r in record.get("lecture", {}).get("rejetees", []))

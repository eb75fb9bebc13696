"""« Tous présents sauf … »: the number present derived from the members in office and the members
excepted, only when every excepted member is read; texts invented in the style of the tuning texts."""
from __future__ import annotations

from reader_support import schema_errors, value

from checker.confiance import SEUIL
from checker.reader import read_text

HEAD = ("COMMUNE DE SAINT-EXEMPLE\nEXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\n"
        "L'an deux mille vingt-trois, le douze juin à vingt heures, le conseil municipal de la commune de "
        "Saint-Exemple, légalement convoqué le 5 juin 2023, s'est réuni en séance publique à la mairie sous la "
        "présidence de M. Jean DUPONT, Maire.\n")
TAIL = ("\nSecrétaire de séance : Mme Claire ROUX.\nObjet : Vote des tarifs\n"
        "Le conseil municipal, après en avoir délibéré, à l'unanimité, adopte les tarifs.\n")


def seance(attendance: str) -> dict:
    record = read_text(HEAD + attendance + TAIL)
    assert schema_errors(record) == []
    return record["seance"]


def test_the_member_excepted_is_absent_and_not_counted_present():
    read = seance("Membres en exercice : 27. Présents : tous les membres, sauf M. Paul MARTIN.")
    assert value(read["presents"]) == 26
    assert read["absents"] == ["Paul MARTIN"]
    # Derived, never the ground of an accusation on its own.
    assert read["presents"]["confiance"] < SEUIL
    assert "Paul MARTIN" in read["presents"]["source"]


def test_a_member_excepted_with_a_proxy_is_not_present_nor_given_as_absent():
    read = seance("Membres en exercice : 27. Présents : tous les membres, sauf M. Paul MARTIN (pouvoir à M. Jean "
                  "DUPONT) et Mme Anne PETIT.")
    # The holder named in the remark sits: two members excepted, not three.
    assert value(read["presents"]) == 25
    # Which of them is represented is the proxies' reading, not this one's: no absent list that could be
    # one giver too long.
    assert "Paul MARTIN" not in (read.get("absents") or [])


def test_a_proxy_said_in_the_clause_leaves_its_holder_out_of_the_excepted():
    read = seance("Membres en exercice : 19. Présents : tous les membres, sauf Mme Anne PETIT, ayant donné pouvoir "
                  "à M. Jean DUPONT, et M. Luc BLANC.")
    assert value(read["presents"]) == 17


def test_an_excepted_passage_that_is_not_a_list_of_names_leaves_the_number_present_unread():
    read = seance("Membres en exercice : 27. Présents : tous les membres, sauf ceux qui se sont excusés auprès du "
                  "maire avant la séance.")
    # 27 would count the excused as present.
    assert "presents" not in read


def test_excepted_members_on_their_line_before_the_proxies_label():
    read = seance("Nombre de membres en exercice : 12\nEtaient présents : Tous les membres en exercice, à l'exception "
                  "de : Mesdames A PICARD, B LEROY Messieurs C GARNIER, D FAURE\nDont ayant donné pouvoir : A PICARD "
                  "à E MOREL")
    assert value(read["presents"]) == 8
    # One of the four gave a proxy: the four are not all absent.
    assert len(read.get("absents") or []) != 4


def test_a_holder_run_into_the_next_excepted_member_leaves_the_number_unread():
    read = seance("Membres en exercice : 19. Présents : tous les membres, sauf Mme Anne PETIT ayant donné pouvoir "
                  "à Jean DUPONT Luc BLANC Marc NOIR.")
    # Who is the holder and who is excepted cannot be told apart: 17 or 18 would be a guess.
    assert "presents" not in read


def test_without_the_number_in_office_nothing_is_derived():
    read = seance("Présents : tous les membres, sauf M. Paul MARTIN.")
    assert "presents" not in read

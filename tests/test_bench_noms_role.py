"""The scoring convention reported next to the strict scoring of bench/reader_accuracy.py: a label that
keeps a name as the text prints it alone (« Secrétaire : Monsieur LEBLANC ») is the full name the
reader gives from the roll only when the roll has one bearer of that word."""
from __future__ import annotations

import pytest
from conftest import ROOT, load_script


bench = load_script(ROOT / "bench" / "reader_accuracy.py")

ONE_BEARER = ("Présents : Mme Florence DEMOUY, M. Michel LEBLANC, Mme Jacqueline HEURTAULT.\n"
              "Secrétaire : Monsieur LEBLANC\nMonsieur LEBLANC indique que le projet avance.\n")
TWO_BEARERS = ("Présents : Mme Florence DEMOUY, M. Michel LEBLANC, Mme Anne LEBLANC, Mme Jacqueline HEURTAULT.\n"
               "Secrétaire : Monsieur LEBLANC\n")


def score(text: str, read: str, label: str = "LEBLANC") -> str:
    tally = bench.Tally("seance.secretaires (noms)")
    roll = bench.Roll(text)
    expected = {bench.person(label)}
    return tally.many("t", expected, bench.by_roll(expected, {bench.person(read)}, roll))


def test_the_one_bearer_of_a_surname_printed_alone_is_the_labelled_person():
    assert score(ONE_BEARER, "Michel LEBLANC") == bench.JUSTE


def test_with_two_bearers_of_the_surname_the_full_name_stays_wrong():
    assert score(TWO_BEARERS, "Michel LEBLANC") == bench.FAUX


def test_another_surname_stays_wrong():
    assert score(ONE_BEARER.replace("Jacqueline HEURTAULT", "Michel LEBRUN"), "Michel LEBRUN") == bench.FAUX


def test_a_full_name_not_printed_in_the_document_stays_wrong():
    assert score(ONE_BEARER, "Paul LEBLANC") == bench.FAUX


def test_two_names_parted_by_a_comma_are_no_second_bearer():
    text = "Présents : M. Philippe\nGRANDIN, Dominique GAUDIN, Isabelle QUERON.\nMonsieur Grandin est nommé secrétaire.\n"
    assert score(text, "Philippe GRANDIN", "GRANDIN") == bench.JUSTE


@pytest.mark.parametrize("label, read", [("Michel LEBLANC", "Michel LEBLANC"), ("LEBLANC", "LEBLANC")])
def test_the_strict_matches_are_unchanged(label, read):
    assert score(ONE_BEARER, read, label) == bench.JUSTE


def test_a_given_name_alone_is_the_one_member_bearing_it():
    text = ("Présents : Jean-Pierre JEANROY, Nelly WIDMER, Yves LISCHKA.\n"
            "Excusés : Jacques DELUNSCH (pouvoir donné à Nelly).\n")
    assert bench.in_roll(bench.person("Nelly"), bench.person("Nelly WIDMER"), bench.Roll(text))
    assert not bench.in_roll(bench.person("Nelly"), bench.person("Nelly WIDMER"),
                             bench.Roll(text.replace("Yves LISCHKA", "Nelly LISCHKA")))

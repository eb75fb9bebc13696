"""`nom_dans`: a whole name, or a surname printed alone (« M. CAROUX », « DUPONT J. »), against a list.

The lead's reading of L2121-15: a minute that names the secretary by his surname names a member
when exactly one member on the list bears that surname; when several do, who was named is unknown
(never conforme, never non_conforme)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ruleset.functions.lists import _nom_dans as nom_dans
from ruleset.values import Unknown

ROLL = ["Gérard Caudron", "Antoine MARSZALEK", "Jean DUPONT", "Pierre DUPONT", "Yann LE GALL",
        "Jean de LA FONTAINE", "Anne BEILLE-TOURSCHER"]


def test_a_whole_name_matches_as_before_accents_and_case_aside():
    assert nom_dans("antoine marszalek", ROLL) is True
    assert nom_dans("Gerard CAUDRON", ROLL) is True
    assert nom_dans("Paul Caudron", ROLL) is False


def test_a_surname_alone_borne_by_one_member_names_him_with_or_without_civility():
    for printed in ("M. MARSZALEK", "MARSZALEK", "Monsieur Marszalek", "MARSZALEK A.", "M. LE GALL",
                    "M. de LA FONTAINE", "Mme Beille-Tourscher", "Mme BEILLE TOURSCHER"):
        assert nom_dans(printed, ROLL) is True, printed


def test_a_surname_alone_borne_by_none_is_not_on_the_list():
    assert nom_dans("M. CAROUX", ROLL) is False
    assert nom_dans("Mme MARTIN", ROLL) is False


def test_a_surname_borne_by_two_members_is_unknown_and_says_whose_it_may_be():
    found = nom_dans("M. DUPONT", ROLL)
    assert type(found) is Unknown
    (missing,) = found.missing
    assert "Jean DUPONT" in missing.path and "Pierre DUPONT" in missing.path


def test_initials_tell_two_bearers_apart_and_an_initial_no_bearer_fits_is_unknown():
    assert nom_dans("DUPONT J.", ROLL) is True
    assert nom_dans("P. DUPONT", ROLL) is True
    assert type(nom_dans("DUPONT A.", ROLL)) is Unknown
    assert nom_dans("J.-P. DUPONT", ["Jean-Pierre DUPONT", "Paul DUPONT"]) is True


def test_in_a_list_without_capitals_the_surname_stands_first_or_last():
    assert nom_dans("M. Durand", ["Paul Durand", "Anne Martin"]) is True
    assert nom_dans("M. Durand", ["Durand Paul", "Anne Martin"]) is True
    assert type(nom_dans("M. Durand", ["Paul Durand", "Durand Claire"])) is Unknown
    # A given name in capitals is no surname: « MARTIN » is not « Martin DUPONT ».
    assert nom_dans("M. MARTIN", ["Martin DUPONT", "Anne ROUX"]) is False


def test_a_whole_name_against_a_list_that_gives_only_the_surname_is_unknown():
    assert type(nom_dans("Jean DUPONT", ["M. DUPONT", "Mme ROUX"])) is Unknown
    assert nom_dans("Jean DUPONT", ["M. MARTIN", "Mme ROUX"]) is False
    # The list's initial does not fit the given name: another person.
    assert nom_dans("Marie DUPONT", ["DUPONT J.", "Mme ROUX"]) is False


names = st.text(alphabet="aAéÉ-. 'DUPONTMmerJ", max_size=30)


@given(names, st.lists(names, max_size=6))
def test_never_raises_and_a_listed_name_is_always_found(nom, noms):
    result = nom_dans(nom, noms)
    assert result is True or result is False or type(result) is Unknown
    assert nom_dans(nom, noms + [nom]) is True


@given(st.sampled_from(["DUPONT", "LE GALL", "BEILLE-TOURSCHER", "Caroux"]),
       st.sampled_from(["", "M. ", "Mme ", "Monsieur "]),
       st.lists(st.sampled_from(["Gérard Caudron", "Anne ROUX", "Paul MARTIN"]), max_size=4))
def test_one_bearer_matches_two_are_unknown_none_is_false(surname, civility, others):
    printed = civility + surname
    assert nom_dans(printed, others) is False
    assert nom_dans(printed, others + [f"Jean {surname}"]) is True
    assert type(nom_dans(printed, others + [f"Jean {surname}", f"Luc {surname}"])) is Unknown

"""Members' answers and the qualified majority of L5211-5 II, as rules call them (cgct.md §7)."""
import datetime as dt

import pytest

from ruleset.expressions import EvaluationError, compile_expression
from ruleset.functions import HELPERS
from ruleset.majorites import majorite_qualifiee, membres_indispensables
from ruleset.values import Unknown

CAS_52 = [4000, 1200, 900, 600, 300]


def call(name, *args):
    return HELPERS[name].function(*args)


def unknown(path="x"):
    return Unknown.of(path)


# The pure computation (ruleset/majorites.py), on cgct.md §10 case 52.

def test_three_councils_of_five_with_the_largest_commune_reach_the_majority():
    assert majorite_qualifiee(CAS_52, [True, True, True, False, False]) is True


def test_four_councils_without_the_largest_commune_do_not():
    assert majorite_qualifiee(CAS_52, [False, True, True, True, True]) is False


def test_a_syndicate_needs_every_commune_above_one_quarter_a_communaute_only_the_largest():
    populations = [3000, 2500, 1000, 500]
    accords = [True, False, True, True]
    assert membres_indispensables(populations, syndicat=True) == [0, 1]
    assert membres_indispensables(populations, syndicat=False) == [0]
    assert majorite_qualifiee(populations, accords, syndicat=True) is False
    assert majorite_qualifiee(populations, accords, syndicat=False) is True


def test_more_than_half_the_population_is_strict_two_thirds_is_not():
    # Two thirds of the councils (2 of 3) with exactly half the population: not enough.
    assert majorite_qualifiee([50, 25, 25], [False, True, True]) is False
    # Half of the councils (2 of 4) with exactly two thirds of the population: enough.
    assert majorite_qualifiee([100, 100, 50, 50], [True, True, False, False]) is True


@pytest.mark.parametrize("populations, accords, message", [
    ([1, 2], [True], "une population et un avis"),
    ([], [], "aucun membre"),
    ([0, 0], [True, False], "population totale nulle"),
    ([-1, 3], [True, True], "population invalide"),
    ([1, 2], [True, "oui"], "avis invalide"),
])
def test_bad_arguments_are_refused_with_a_french_message(populations, accords, message):
    with pytest.raises(ValueError, match=message):
        majorite_qualifiee(populations, accords)


# The function rules call: three-valued answers.

def test_an_unknown_answer_that_cannot_change_the_result_is_ignored():
    assert call("majorite_qualifiee", CAS_52, [True, True, True, unknown(), False], True) is True
    assert call("majorite_qualifiee", CAS_52, [False, unknown(), True, True, True], True) is False


def test_an_unknown_answer_that_decides_leaves_the_majority_unknown():
    value = call("majorite_qualifiee", CAS_52, [unknown("A"), True, True, False, False], True)
    assert isinstance(value, Unknown) and {m.path for m in value.missing} == {"A"}


def test_an_unknown_population_leaves_the_majority_unknown():
    value = call("majorite_qualifiee", [unknown("pop"), 1200], [True, True], True)
    assert isinstance(value, Unknown)


def test_the_function_is_reachable_from_a_rule():
    value = compile_expression("majorite_qualifiee([4000, 1200, 900], [vrai, vrai, faux], vrai)", set())({})
    assert value is True
    with pytest.raises(EvaluationError):
        compile_expression("majorite_qualifiee([4000, 1200], [vrai], vrai)", set())({})


# The three months of L5211-17/18/19 (art. 641 CPC) and what silence is worth.

def test_the_last_day_of_the_three_months_is_in_time_the_next_is_not():
    notification = dt.date(2021, 3, 31)
    assert call("delibere_dans_le_delai", dt.date(2021, 6, 30), notification, 3) is True
    assert call("delibere_dans_le_delai", dt.date(2021, 7, 1), notification, 3) is False


def test_an_opinion_given_before_the_notification_counts():
    assert call("delibere_dans_le_delai", dt.date(2021, 3, 1), dt.date(2021, 3, 31), 3) is True


def test_the_first_working_day_after_a_weekend_deadline_is_uncertain_law():
    # 8 March 2024 + 3 months = Saturday 8 June; Monday 10 June is the only day in doubt.
    value = call("delibere_dans_le_delai", dt.date(2024, 6, 10), dt.date(2024, 3, 8), 3)
    assert isinstance(value, Unknown)
    assert all(m.path.startswith("droit incertain") for m in value.missing)
    assert call("delibere_dans_le_delai", dt.date(2024, 6, 11), dt.date(2024, 3, 8), 3) is False


def test_silence_counts_as_the_law_says():
    assert call("avis_retenu", "sans_reponse", dt.date(2021, 3, 31), unknown(), 3, "favorable") is True
    assert call("avis_retenu", "sans_reponse", dt.date(2021, 3, 31), unknown(), 3, "defavorable") is False


def test_a_late_opinion_is_replaced_by_the_effect_of_silence():
    notification = dt.date(2021, 3, 31)
    assert call("avis_retenu", "defavorable", notification, dt.date(2021, 7, 2), 3, "favorable") is True
    assert call("avis_retenu", "defavorable", notification, dt.date(2021, 6, 30), 3, "favorable") is False


def test_dates_do_not_matter_when_the_opinion_and_silence_agree():
    assert call("avis_retenu", "favorable", unknown("n"), unknown("d"), 3, "favorable") is True
    value = call("avis_retenu", "defavorable", unknown("n"), dt.date(2021, 5, 1), 3, "favorable")
    assert isinstance(value, Unknown) and {m.path for m in value.missing} == {"n"}


def test_an_uncertain_effect_of_silence_propagates():
    doute = Unknown.of("droit incertain : silence en syndicat mixte fermé")
    assert call("avis_retenu", "sans_reponse", dt.date(2021, 3, 31), unknown(), 3, doute) is doute
    assert call("avis_retenu", "defavorable", dt.date(2021, 3, 31), dt.date(2021, 5, 1), 3, doute) is False


@pytest.mark.parametrize("avis, silence", [("peut-etre", "favorable"), ("favorable", "tacite")])
def test_unknown_words_are_refused(avis, silence):
    with pytest.raises(ValueError):
        call("avis_retenu", avis, dt.date(2021, 3, 31), dt.date(2021, 5, 1), 3, silence)

"""What the rules' functions keep from one call to the next is what they would compute again.

A kept result is returned only for arguments of exactly the types it was kept for; for any
arguments, in any order of calls, a function with a memory answers as the same computation
without one does, errors included.
"""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from ruleset.functions import HELPERS
from ruleset.functions import dates as date_functions
from ruleset.values import Unknown

events = st.one_of(st.dates(dt.date(1880, 1, 1), dt.date(2100, 12, 31)),
                   st.datetimes(dt.datetime(2019, 1, 1), dt.datetime(2021, 12, 31)),
                   st.sampled_from([None, "2023-01-31", 3]))
months = st.one_of(st.integers(-3, 30), st.booleans(), st.sampled_from([2.0, 2.5]))
flags = st.one_of(st.booleans(), st.sampled_from([0, 1, None, "oui"]))


def _outcome(function, *args):
    try:
        value = function(*args)
    except Exception as exc:  # noqa: BLE001 (the error itself is what is compared)
        return "erreur", type(exc), str(exc)
    return "valeur", type(value), value


@settings(max_examples=400)
@given(calls=st.lists(st.tuples(events, months, flags), min_size=1, max_size=6))
def test_delai_franc_mois_kept_is_delai_franc_mois_computed(calls):
    kept = HELPERS["delai_franc_mois"].function
    for evenement, mois, flag in calls + calls:
        assert _outcome(kept, evenement, mois, flag) == _outcome(
            date_functions.delai_franc_mois_calcule, evenement, mois, flag)


@settings(max_examples=400)
@given(calls=st.lists(st.tuples(events, months), min_size=1, max_size=6))
def test_delai_franc_mois_incertain_kept_is_computed(calls):
    kept = HELPERS["delai_franc_mois_incertain"].function
    for evenement, mois in calls + calls:
        assert _outcome(kept, evenement, mois) == _outcome(
            date_functions.delai_franc_mois_incertain_calcule, evenement, mois)


def test_what_is_kept_stays_bounded_and_is_used():
    kept = HELPERS["delai_franc_mois"].function
    before = date_functions._delai_kept.cache_info().hits
    for _ in range(2):
        for day in range(1, 20):
            assert kept(dt.date(2023, 3, day), 2, False) == date_functions.delai_franc_mois_calcule(
                dt.date(2023, 3, day), 2, False)
    assert date_functions._delai_kept.cache_info().hits >= before + 19
    for memory in (date_functions._delai_kept, date_functions._incertain_kept):
        info = memory.cache_info()
        assert info.maxsize == date_functions.KEPT and info.currsize <= info.maxsize


thresholds = st.lists(st.one_of(st.integers(-5, 600), st.booleans(), st.sampled_from([100.0, "100", None])),
                      max_size=5)
results = st.one_of(st.none(), st.lists(st.integers(0, 40), max_size=7))


@settings(max_examples=400)
@given(calls=st.lists(st.tuples(thresholds, results), min_size=1, max_size=6))
def test_a_table_kept_as_valid_is_checked_as_when_computed(calls):
    """A population table found valid once is not checked again: for any tables, valid or not, in
    any order, the answer (thresholds or error) is the one the check itself gives."""
    from ruleset.functions import baremes
    for seuils, resultats in calls + calls:
        assert _outcome(baremes._check_table, seuils, resultats) == _outcome(
            baremes.check_table_computed, seuils, resultats)
    assert len(baremes._VALID_TABLES) <= baremes.KEPT_TABLES


names = st.sampled_from(["Mme Durand", "mme durand", "M. Émile Petit", "M. Emile Petit", "", 3, None])
marks = st.one_of(st.booleans(), st.sampled_from([0, 1, None, "oui"]),
                  st.builds(lambda path: Unknown.of(path), st.sampled_from(["seance.pouvoirs[0].ecrit",
                                                                           "seance.pouvoirs[1].maladie"])))
limits = st.one_of(st.integers(-1, 3), st.booleans(), st.sampled_from([1.0, 1.5, "1"]))


@settings(max_examples=400)
@given(calls=st.lists(st.tuples(st.lists(names, max_size=6), st.lists(marks, max_size=6), limits,
                                st.booleans()),
                      min_size=1, max_size=6))
def test_pouvoirs_irreguliers_kept_is_computed(calls):
    """The count of irregular proxies kept from an earlier call is, for any names, marks (1 for
    True, unknown ones) and limits, in any order, what the count itself gives, errors included."""
    from ruleset.functions import votes
    kept = HELPERS["pouvoirs_irreguliers"].function
    for mandataires, irreguliers, limite, same_length in calls + calls:
        if same_length:
            size = min(len(mandataires), len(irreguliers))
            mandataires, irreguliers = mandataires[:size], irreguliers[:size]
        assert _outcome(kept, mandataires, irreguliers, limite) == _outcome(
            votes.pouvoirs_irreguliers_calcule, mandataires, irreguliers, limite)
    info = votes._irreguliers_kept.cache_info()
    assert info.maxsize == votes.KEPT and info.currsize <= info.maxsize


def test_pouvoirs_irreguliers_kept_is_used():
    from ruleset.functions import votes
    kept = HELPERS["pouvoirs_irreguliers"].function
    before = votes._irreguliers_kept.cache_info().hits
    for _ in range(3):
        # Three proxies for one holder, one of them irregular: that one and the third (limit 1).
        assert kept(["Mme Durand", "mme durand", "MME DURAND", "M. Petit"], [False, True, False, False], 1) == 2
    assert votes._irreguliers_kept.cache_info().hits >= before + 2
    # 1 is not taken for True: the mark is refused, as when computed.
    assert _outcome(kept, ["Mme Durand", "mme durand", "M. Petit"], [False, 1, False], 1)[0] == "erreur"


def _populations():
    from ruleset.values import Interval
    return st.one_of(st.integers(-3, 700), st.booleans(), st.sampled_from([100.0, 99.5, "100", None]),
                     st.builds(lambda lo, width: Interval(lo, lo + width, frozenset()),
                               st.integers(0, 600), st.integers(1, 300)))


@settings(max_examples=400)
@given(calls=st.lists(st.tuples(_populations(), thresholds, results, st.booleans()), min_size=1, max_size=6))
def test_a_bracket_found_from_a_kept_table_is_the_computed_one(calls):
    """`selon_tranche` and `tranche_habitants` answer from a table of integers kept from an earlier
    call as they compute it: for any population (bounds, other types, negative), any table (valid
    or not, thresholds or results of other types), in any order, errors included."""
    from ruleset.functions import baremes
    selon, tranche = HELPERS["selon_tranche"].function, HELPERS["tranche_habitants"].function
    for population, seuils, resultats, as_tuple in calls + calls:
        if as_tuple and resultats is not None:
            resultats = tuple(resultats)
        if resultats is not None:
            assert _outcome(selon, population, seuils, resultats) == _outcome(
                baremes.selon_tranche_calcule, population, seuils, resultats)
        assert _outcome(tranche, population, seuils) == _outcome(baremes.tranche_habitants_calcule, population, seuils)
    assert len(baremes._PLAIN_TABLES) <= baremes.KEPT_TABLES


def test_a_kept_table_is_used():
    from ruleset.functions import baremes
    seuils, sieges = [100, 500, 1500], [7, 11, 15, 19]
    assert HELPERS["selon_tranche"].function(600, seuils, sieges) == 15
    assert (tuple(seuils), tuple(sieges)) in baremes._PLAIN_TABLES
    assert HELPERS["tranche_habitants"].function(1500, seuils) == "1\u202f500 habitants et plus"
    assert (tuple(seuils), None) in baremes._PLAIN_TABLES
    # 1.0 is not taken for 1: a threshold of another type is refused, as when computed.
    assert _outcome(HELPERS["selon_tranche"].function, 600, [100.0, 500, 1500], sieges)[0] == "erreur"

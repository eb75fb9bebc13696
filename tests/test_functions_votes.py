"""Functions on proxies, votes and elections (ruleset/functions/votes.py)."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from ruleset.expressions import EvaluationError, compile_expression
from ruleset.functions import HELPERS
from ruleset.functions.votes import AUCUN_ELU
from ruleset.values import Node, Unknown

noms_en_surnombre = HELPERS["noms_en_surnombre"].function
pouvoirs_irreguliers = HELPERS["pouvoirs_irreguliers"].function
resultat_maintenu = HELPERS["resultat_maintenu"].function
selon_nom = HELPERS["selon_nom"].function
memes_noms = HELPERS["memes_noms"].function
elus_attendus = HELPERS["elus_attendus"].function

UNKNOWN = Unknown.of("deliberation.vote.tours[0].candidats.voix")


def evaluate(text, **seance):
    node = Node("seance")
    node.update(seance)
    return compile_expression(text, {"seance"})({"seance": node})


def test_holders_above_the_limit_are_named_once_in_their_first_spelling():
    assert noms_en_surnombre(["Paul Durand", "Marie Roux", "paul DURAND", "Paul Durand"], 1) == ["Paul Durand"]
    assert noms_en_surnombre(["Paul Durand", "Paul Durand"], 2) == []
    assert noms_en_surnombre([], 1) == []


def test_irregular_proxies_count_the_marked_ones_then_the_surplus_per_holder():
    # Paul holds three proxies, one unwritten: with one allowed, two are irregular.
    assert pouvoirs_irreguliers(["Paul", "Paul", "paul", "Marie"], [True, False, False, False], 1) == 2
    # Two allowed (COVID periods): only the unwritten one.
    assert pouvoirs_irreguliers(["Paul", "Paul", "Paul"], [True, False, False], 2) == 1
    assert pouvoirs_irreguliers(["Paul", "Paul"], [True, True], 1) == 2
    assert pouvoirs_irreguliers([], [], 1) == 0


def test_an_unknown_regularity_leaves_the_count_unknown():
    unknown = Unknown.of("seance.pouvoirs[0].ecrit")
    assert pouvoirs_irreguliers(["Paul", "Marie"], [unknown, False], 1) == unknown


@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.booleans()), max_size=8), st.integers(1, 2))
def test_irregular_proxies_lie_between_the_marked_ones_and_all_of_them(proxies, limite):
    mandataires = [m for m, _ in proxies]
    marques = [b for _, b in proxies]
    count = pouvoirs_irreguliers(mandataires, marques, limite)
    assert sum(marques) <= count <= len(proxies)
    # Each holder keeps at most `limite` regular proxies.
    for holder in set(mandataires):
        held = [b for m, b in proxies if m == holder]
        assert len(held) - min(limite, held.count(False)) <= count


@pytest.mark.parametrize("pour, contre, retires, adoptee, secret, attendu", [
    (15, 8, 1, True, False, True),     # 14 contre 8
    (12, 11, 1, True, False, False),   # 11 contre 11 : partage, plus acquis
    (9, 10, 1, False, True, True),     # rejet : 9 contre 9 au scrutin secret vaut rejet
    (9, 10, 1, False, False, False),   # rejet : 9–9 à main levée, la voix du président pourrait changer
    (5, 12, 3, False, False, True),
    (10, 9, 0, True, False, True),
])
def test_result_holds_without_the_removed_votes(pour, contre, retires, adoptee, secret, attendu):
    assert resultat_maintenu(pour, contre, retires, adoptee, secret) is attendu


def test_value_looked_up_by_name_without_accents_or_case():
    assert selon_nom("helene LEGE", ["Paul Durand", "Hélène Légé"], ["present", "represente"]) == "represente"


def test_a_name_not_in_the_list_is_a_missing_fact():
    value = selon_nom("Jean Noir", ["Paul Durand"], ["present"])
    assert isinstance(value, Unknown)
    assert [m.path for m in value.missing] == ["seance.membres[Jean Noir]"]


def test_lookup_lists_must_match():
    with pytest.raises(ValueError):
        selon_nom("Paul", ["Paul"], [])


def test_same_names_in_the_same_order():
    assert memes_noms(["Bernard Roy", AUCUN_ELU], ["BERNARD ROY", AUCUN_ELU]) is True
    assert memes_noms(["Bernard Roy"], ["Alain Aubert"]) is False
    assert memes_noms(["Bernard Roy"], ["Bernard Roy", AUCUN_ELU]) is False


def test_three_rounds_then_the_eldest_on_a_tie():
    # cgct.md §10 case 33.
    noms = [["A", "B", "C"]] * 3
    voix = [[10, 8, 3], [10, 9, 2], [10, 10, 1]]
    naissances = [[UNKNOWN] * 3, [UNKNOWN] * 3, [dt.date(1961, 5, 1), dt.date(1955, 3, 12), dt.date(1970, 1, 20)]]
    assert elus_attendus(noms, voix, naissances) == [AUCUN_ELU, AUCUN_ELU, "B"]


def test_absolute_majority_at_the_first_rounds_counts_only_the_candidates_votes():
    assert elus_attendus([["A", "B"]], [[12, 9]], [[UNKNOWN, UNKNOWN]]) == ["A"]
    assert elus_attendus([["A", "B", "C"]], [[10, 8, 3]], [[UNKNOWN] * 3]) == [AUCUN_ELU]
    assert elus_attendus([["A", "B"]], [[10, 10]], [[UNKNOWN] * 2]) == [AUCUN_ELU]


def test_relative_majority_at_the_third_round_needs_no_birth_date():
    assert elus_attendus([["A"], ["A"], ["A", "B"]], [[5], [5], [9, 7]],
                         [[UNKNOWN], [UNKNOWN], [UNKNOWN, UNKNOWN]])[-1] == "A"


def test_missing_votes_or_deciding_birth_dates_leave_the_election_unknown():
    assert isinstance(elus_attendus([["A", "B"]], [[UNKNOWN, 3]], [[None, None]]), Unknown)
    tie = elus_attendus([["A"], ["A"], ["A", "B"]], [[1], [1], [5, 5]], [[None], [None], [UNKNOWN, dt.date(1950, 1, 1)]])
    assert tie == UNKNOWN
    same_day = elus_attendus([["A"], ["A"], ["A", "B"]], [[1], [1], [5, 5]],
                             [[None], [None], [dt.date(1950, 1, 1), dt.date(1950, 1, 1)]])
    assert isinstance(same_day, Unknown)


def test_helpers_are_callable_from_a_rule():
    assert evaluate("noms_en_surnombre(seance.mandataires, 1)", mandataires=["Paul", "paul"]) == ["Paul"]
    with pytest.raises(EvaluationError):
        evaluate("memes_noms([1], ['A'])")


from hypothesis import given, strategies as st  # noqa: E402

from ruleset.functions import HELPERS as _HELPERS  # noqa: E402
from ruleset.values import Unknown as _Unknown  # noqa: E402

_MAINTENU = _HELPERS["resultat_maintenu"].function


@given(pour=st.integers(0, 60), contre=st.integers(0, 60), retires=st.integers(0, 60), secret=st.booleans())
def test_an_irregular_vote_is_taken_only_from_a_side_that_has_it(pour, contre, retires, secret):
    # Issue 13 §2: removing votes a side does not have changes nothing (a 0–0 vote loses nothing).
    assert _MAINTENU(pour, 0, retires, False, secret) is True
    assert _MAINTENU(pour, contre, 0, True, secret) is True
    assert _MAINTENU(pour, contre, retires, True, secret) == _MAINTENU(pour, contre, min(retires, pour), True, secret)
    # More irregular votes never make a result hold that did not.
    if not _MAINTENU(pour, contre, retires, pour > contre, secret):
        assert not _MAINTENU(pour, contre, retires + 1, pour > contre, secret)


def test_an_absent_voting_mode_is_unknown_only_where_it_decides():
    unknown = _Unknown.of("deliberations[0].vote.mode")
    assert type(_MAINTENU(5, 6, 1, False, unknown)) is _Unknown
    assert _MAINTENU(3, 9, 1, False, unknown) is True
    assert _MAINTENU(6, 6, 1, False, unknown) is False

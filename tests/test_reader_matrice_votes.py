"""The phrasing matrix of the vote (issue 11): unanimity, majority and the sides counted, in the ways
extracts write them (tests/strategies/votes.py), around votes that are not this act's.

Each side is read right, or declined (left out, or below the gate), never read wrong at the gate.
"""
import pytest
from hypothesis import given
from hypothesis import strategies as st
from reader_support import schema_errors, value

from checker.confiance import SEUIL
from checker.reader import read_text
from strategies.votes import deliberation, proces_verbal_sans_entetes

_SIDES = ("unanimite", "pour", "contre", "abstentions")


def _vote_of_the_item(record):
    delibs = record.get("deliberations", [])
    mine = [d for d in delibs if "voirie" in str(value(d.get("objet")) or "").lower()] or delibs[-1:]
    return mine[0].get("vote", {}) if mine else {}


def _confidence(fact):
    return fact.get("confiance", 1.0) if isinstance(fact, dict) else 1.0


def _check(vote, truth, strict=False):
    """Each side right or declined; with `strict`, a wrong side fails at any confidence (every vote is
    read below the gate, so the gate alone would let a wrong read through)."""
    for key in _SIDES:
        fact = vote.get(key)
        expected = getattr(truth, key)
        if value(fact) is None or value(fact) == expected:
            continue
        if key == "unanimite" and truth.forme == "exprimes":
            # « à l'unanimité des suffrages exprimés », no count: unanimous among the votes cast, which
            # the record says (unanimite_de); abstentions are not known either way.
            assert vote.get("unanimite_de") == "exprimes" or _confidence(fact) < SEUIL
            continue
        assert not strict and _confidence(fact) < SEUIL, (key, value(fact), expected, truth.texte)


@given(st.randoms(use_true_random=False))
def test_every_vote_of_the_matrix_is_read_right_or_declined(rng):
    truth = deliberation(rng, pieges=False)
    record = read_text(truth.texte)
    assert schema_errors(record) == []
    vote = _vote_of_the_item(record)
    _check(vote, truth)
    if truth.forme not in ("exprimes",):
        # Without anything around it, each form is read: the unanimity and every side printed.
        assert value(vote.get("unanimite")) == truth.unanimite, truth.texte
        for key in ("pour", "contre"):
            assert value(vote.get(key)) == getattr(truth, key), (key, truth.texte)


@given(st.randoms(use_true_random=False))
def test_votes_that_are_not_the_item_s_never_make_a_wrong_read(rng):
    """Minutes approved and the secretary designated « à l'unanimité », a deliberation recalled in
    the visas, a commission's counted opinion, an earlier item adopted by a majority."""
    truth = deliberation(rng, pieges=True)
    record = read_text(truth.texte)
    _check(_vote_of_the_item(record), truth, strict=True)


@given(st.randoms(use_true_random=False))
def test_minutes_without_headings_give_the_approval_of_the_earlier_minutes_as_first_vote(rng):
    """Minutes whose items carry no heading are read as one passage: their first vote is the approval
    of the earlier minutes, not the first item's; the items' counts are not its counts."""
    truth = proces_verbal_sans_entetes(rng)
    record = read_text(truth.texte)
    assert schema_errors(record) == []
    vote = record["deliberations"][0].get("vote", {})
    assert value(vote.get("unanimite")) in (None, truth.unanimite), truth.texte
    if truth.unanimite:
        assert value(vote.get("unanimite")) is True, truth.texte
    for key in ("pour", "contre", "abstentions"):
        assert value(vote.get(key)) is None or _confidence(vote[key]) < SEUIL, (key, truth.texte)


@given(st.randoms(use_true_random=False))
def test_an_extract_s_act_keeps_its_own_vote_after_the_minutes_approved(rng):
    truth = proces_verbal_sans_entetes(rng, extrait=True)
    record = read_text(truth.texte)
    _check(record["deliberations"][0].get("vote", {}), truth)


@pytest.mark.parametrize("sentence, expected", [
    ("Adopté à l'unanimité.", {"unanimite": True}),
    ("à l'unanimité des suffrages exprimés (2 abstentions)", {"unanimite": False, "abstentions": 2}),
    ("Adopté à la majorité.", {"unanimite": False}),
    ("Pour : 18 Contre : 2 Abstentions : 1", {"unanimite": False, "pour": 18, "contre": 2, "abstentions": 1}),
    ("POUR 18 CONTRE 2 ABSTENTION 1", {"pour": 18, "contre": 2, "abstentions": 1}),
    ("par dix-huit voix pour, deux voix contre et une abstention", {"pour": 18, "contre": 2, "abstentions": 1}),
    ("Vote : unanimité", {"unanimite": True}),
    ("Pour Contre Abstention 18 2 1", {"pour": 18, "contre": 2, "abstentions": 1}),
    ("Votants 21 Pour 21 Contre 0 Abstention 0", {"unanimite": True, "pour": 21, "contre": 0, "abstentions": 0}),
    ("Votants : 21 Pour : 19 Contre : 2 Abstention : 0", {"pour": 19, "contre": 2}),
    ("adopte à l'unanimité (Mme Anne MARTIN s'abstient).", {"unanimite": False, "abstentions": 1}),
    ("adopte à l'unanimité, M. Paul DURAND et Mme Anne MARTIN ayant voté contre.", {"unanimite": False, "contre": 2}),
    ("adopte à l'unanimité, M. Paul DURAND ne prenant pas part au vote.", {"unanimite": True}),
    ("Exprimés 20 Pour 18 Contre 2", {"unanimite": False, "pour": 18, "contre": 2}),
    ("adopte par 18 voix contre 3", {"unanimite": False, "pour": 18, "contre": 3}),
    ("le conseil, à la majorité des membres présents, décide. Les autres points sont adoptés à l'unanimité.",
     {"unanimite": False}),
    ("à l'unanimité des suffrages exprimés, approuve le projet. (2 abstentions : M. X, Mme Y)",
     {"unanimite": False, "abstentions": 2}),
    ("Adopté à l'unanimité des exprimés : 19 pour, 2 abstentions", {"unanimite": False, "pour": 19, "abstentions": 2}),
    ("POUR : 18 CONTRE : 2 ABSTENTION(S) : 1", {"pour": 18, "contre": 2, "abstentions": 1}),
    ("QUORUM : 11 POUR : 18 CONTRE : 2 ABSTENTION : 1", {"pour": 18, "contre": 2, "abstentions": 1}),
    ("Majorité absolue 11\nPour 19\nContre 2", {"pour": 19, "contre": 2}),
    ("Inscrits 23 – Votants 21 – Exprimés 20 – Pour 18 – Contre 2", {"pour": 18, "contre": 2}),
    ("à l'unanimité des suffrages exprimés 20 votes pour, 1 abstention", {"unanimite": False, "pour": 20,
                                                                         "abstentions": 1}),
    ("décide avec 18 voix Pour, 2 voix Contre et 1 voix d'Abstention", {"pour": 18, "contre": 2, "abstentions": 1}),
    ("Adopté à l'unanimité moins 2 voix.", {"unanimite": False, "contre": None, "abstentions": None}),
    ("approuve à l'unanimité, sauf M. Paul DURAND.", {"unanimite": False}),
])
def test_each_kind_of_vote(sentence, expected):
    record = read_text("Le conseil municipal s'est réuni le 19 décembre 2023. Votants : 21\nObjet : Travaux de voirie\n"
                       f"Après en avoir délibéré, {sentence}")
    vote = _vote_of_the_item(record)
    assert {key: value(vote.get(key)) for key in expected} == expected


def test_the_council_s_counts_after_a_commission_s_counted_opinion():
    record = read_text("Le conseil municipal s'est réuni le 19 décembre 2023. Votants : 32\nObjet : Travaux de voirie\n"
                       "Vu l'avis favorable de la commission des finances (pour : 7 ; contre : 0) ;\n"
                       "Après en avoir délibéré, Pour Contre Abstention 28 2 2")
    vote = _vote_of_the_item(record)
    assert (value(vote["pour"]), value(vote["contre"]), value(vote["abstentions"])) == (28, 2, 2)


def test_sides_that_add_up_to_more_than_the_votants_stay_below_the_gate():
    record = read_text("Le conseil municipal s'est réuni le 19 décembre 2023. Présents : 15 Votants : 15\n"
                       "Objet : Travaux de voirie\nAprès en avoir délibéré, Pour : 18 Contre : 2 Abstentions : 1")
    vote = _vote_of_the_item(record)
    assert all(_confidence(vote[key]) < SEUIL for key in ("pour", "contre", "abstentions") if key in vote)


@pytest.mark.parametrize("report, decision, expected", [
    ("Le conseil d'exploitation a approuvé le projet à l'unanimité.", "le conseil approuve à la majorité.",
     {"unanimite": False, "pour": None}),
    ("La CLECT a émis un avis favorable par 7 voix pour et 2 contre.", "VOTE : UNANIMITÉ",
     {"unanimite": True, "pour": None, "contre": None}),
    ("Le bureau s'est prononcé à l'unanimité en faveur du projet.", "ADOPTÉ À LA MAJORITÉ DES MEMBRES PRÉSENTS",
     {"unanimite": False}),
    ("Le comité technique a adopté le rapport par 7 voix pour et 2 contre.", "Adopté à la majorité",
     {"unanimite": False, "pour": None, "contre": None}),
    ("Pour : 28 Contre : 0 Abstention : 0 Vu le code général des collectivités territoriales,",
     "à l'unanimité, approuve le procès-verbal.", {"unanimite": True, "pour": 28, "contre": 0}),
])
def test_a_vote_told_in_the_report_is_not_the_council_s(report, decision, expected):
    """A vote another body cast, told in the report before « Après en avoir délibéré », is not this
    act's; a vote table printed above the visas is."""
    record = read_text("Le conseil municipal s'est réuni le 19 décembre 2023. Votants : 28\nObjet : Travaux de voirie\n"
                       f"Le Maire expose le projet. {report}\nAprès en avoir délibéré, {decision}\nAffiché le 21 décembre 2023.")
    vote = _vote_of_the_item(record)
    assert {key: value(vote.get(key)) for key in expected} == expected

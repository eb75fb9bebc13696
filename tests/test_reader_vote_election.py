"""The election of the maire, an adjoint, a président or a vice-président is by secret ballot, which the
council cannot renounce (L2122-7, L5211-2, L2121-21): « élu maire à l'unanimité » is the ballot's count,
not a vote of the council on the act. Invented texts only."""
import pytest

from checker.reader.normalize import Document
from checker.reader.votes import read_vote


def _vote(text: str) -> dict:
    doc = Document(text)
    return read_vote(doc, 0, len(doc.text)).facts


@pytest.mark.parametrize("text", [
    "M. Jean MARTIN est élu maire à l'unanimité et immédiatement installé.",
    "M. Jean MARTIN, ayant obtenu l'unanimité des suffrages, est proclamé maire.",
    "M. Paul DURAND a été élu à l'unanimité président du syndicat et immédiatement installé.",
    "Mme Claire PETIT est élue 1ère adjointe à l'unanimité.",
    "M. Paul DURAND est élu vice-président à la majorité absolue.",
])
def test_an_election_of_the_executive_is_no_vote_of_the_council(text):
    assert "unanimite" not in _vote(text)


@pytest.mark.parametrize("text", [
    # The council speaking between the elected maire and the unanimity: its own vote.
    "Sous la présidence de M. Jean MARTIN élu maire, le conseil municipal, à l'unanimité, fixe à 4 le nombre des adjoints.",
    "Les élus ont approuvé à l'unanimité la proposition du maire.",
    "Le président, élu en 2020, présente le rapport. Après en avoir délibéré, le comité adopte le rapport à l'unanimité.",
    "Après en avoir délibéré, le conseil municipal, à l'unanimité, désigne M. Paul DURAND délégué au syndicat.",
])
def test_a_vote_near_an_office_is_still_the_councils(text):
    assert _vote(text)["unanimite"] is True

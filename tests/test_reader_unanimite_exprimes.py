"""« À l'unanimité des suffrages exprimés » with abstentions printed: the unanimity of the votes cast,
not of the council (abstentions are no vote expressed). The record holds unanimite False and the
abstentions; without abstentions printed it holds unanimite True with unanimite_de « exprimes »,
which the rules do not take for the council's unanimity (L2121-21, L5211-7). Invented texts only."""
import pytest

from checker.reader.normalize import Document
from checker.reader.votes import read_vote

_HEAD = "Après en avoir délibéré, le conseil municipal adopte le budget à l'unanimité des suffrages exprimés"


def _vote(tail: str) -> dict:
    doc = Document(_HEAD + tail)
    return read_vote(doc, 0, len(doc.text)).facts


@pytest.mark.parametrize("tail, abstentions", [
    (". Abstentions : 3 (M. X, Mme Y, M. Z).", 3),
    (", 3 abstentions.", 3),
    (" (une abstention).", 1),
    (" (Pour : 20, Abstentions : 2).", 2),
])
def test_abstentions_printed_after_a_unanimity_of_the_votes_cast_mean_not_unanimous(tail, abstentions):
    facts = _vote(tail)
    assert facts["unanimite"] is False and facts["abstentions"] == abstentions
    assert "unanimite_de" not in facts


@pytest.mark.parametrize("tail", [".", ". Abstentions : 0.", ". Contre : 0."])
def test_no_abstention_printed_keeps_the_unanimity_of_the_votes_cast(tail):
    facts = _vote(tail)
    assert facts["unanimite"] is True and facts["unanimite_de"] == "exprimes"

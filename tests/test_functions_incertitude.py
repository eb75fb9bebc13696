"""`droit_incertain`: an unknown value that names the legal doubt and follows Kleene logic."""
import pytest

from ruleset.expressions import EvaluationError, compile_expression
from ruleset.functions import HELPERS
from ruleset.values import Node, Unknown


def evaluate(text, **seance):
    node = Node("seance")
    node.update(seance)
    return compile_expression(text, {"seance"})({"seance": node})


def test_uncertain_law_is_unknown_and_names_its_reason():
    value = evaluate("droit_incertain('ordonnance n° 2020-391, automne 2020')")
    assert isinstance(value, Unknown)
    [missing] = value.missing
    assert missing.path == "droit incertain : ordonnance n° 2020-391, automne 2020"
    assert not missing.asserted


def test_a_certain_breach_stays_false_whatever_the_law_said():
    assert evaluate("faux and droit_incertain('x')") is False
    assert evaluate("vrai or droit_incertain('x')") is True
    assert isinstance(evaluate("vrai and droit_incertain('x')"), Unknown)


def test_uncertain_law_merges_with_missing_facts():
    value = evaluate("seance.mode != 'scrutin_secret' and droit_incertain('x')")
    assert {m.path for m in value.missing} == {"seance.mode", "droit incertain : x"}


@pytest.mark.parametrize("motif", ["", "   ", 3])
def test_reason_must_be_a_non_empty_text(motif):
    with pytest.raises(ValueError):
        HELPERS["droit_incertain"].function(motif)
    with pytest.raises(EvaluationError):
        evaluate(f"droit_incertain({motif!r})")


def test_documented_in_french():
    assert "droit applicable est incertain" in HELPERS["droit_incertain"].doc

"""The expression language: three-valued logic, unknown facts, and what it refuses."""
import datetime as dt

import pytest

from ruleset.expressions import EvaluationError, ExpressionError, compile_expression
from ruleset.values import Asserted, Node, NodeList, Unknown


def node(path, **values):
    n = Node(path)
    n.update(values)
    return n


def env(**seance):
    return {"seance": node("seance", **seance)}


def evaluate(text, **seance):
    return compile_expression(text, {"seance"})(env(**seance))


def test_missing_fact_is_unknown_never_false_or_zero():
    value = evaluate("seance.presents >= 1")
    assert isinstance(value, Unknown)
    assert [m.path for m in value.missing] == ["seance.presents"]
    assert isinstance(evaluate("seance.presents + 0"), Unknown)
    assert isinstance(evaluate("not (seance.presents >= 1)"), Unknown)


def test_kleene_logic():
    assert evaluate("seance.x >= 1 and faux") is False
    assert evaluate("seance.x >= 1 or vrai") is True
    assert isinstance(evaluate("seance.x >= 1 and vrai"), Unknown)
    assert isinstance(evaluate("seance.x >= 1 or faux"), Unknown)


def test_asserted_fact_reads_as_unknown_marked_asserted():
    value = evaluate("seance.presents >= 1", presents=Asserted("quorum atteint"))
    [missing] = value.missing
    assert missing.asserted and missing.source == "quorum atteint"


def test_aggregates_over_lists_with_unknown_items():
    items = NodeList("seance.l", [node("seance.l[0]", a=1), node("seance.l[1]")])
    assert isinstance(evaluate("tous(x.a >= 1 for x in seance.l)", l=items), Unknown)
    assert evaluate("au_moins_un(x.a >= 1 for x in seance.l)", l=items) is True
    assert evaluate("nombre(seance.l)", l=items) == 2


def test_if_expression_with_unknown_condition_is_known_when_both_branches_agree():
    assert evaluate("3 if seance.x else 3") == 3
    assert isinstance(evaluate("3 if seance.x else 5"), Unknown)


def test_dates_subtract_to_days_and_defaut_is_explicit():
    assert evaluate("seance.a - seance.b", a=dt.date(2024, 1, 3), b=dt.date(2024, 1, 1)) == 2
    assert evaluate("defaut(seance.urgence, faux)") is False


@pytest.mark.parametrize("text", [
    "__import__('os')", "seance.__class__", "(lambda: 1)()", "[x for x in seance.l]", "seance.l[0]",
    "open('/etc/passwd')", "{'a': 1}", "None", "seance.presents ** 2", "f'{seance}'",
])
def test_refused_constructions(text):
    with pytest.raises(ExpressionError):
        compile_expression(text, {"seance"})


def test_type_errors_become_evaluation_errors():
    with pytest.raises(EvaluationError):
        evaluate("seance.a + 'x'", a=1)
    with pytest.raises(EvaluationError):
        evaluate("seance.a and vrai", a=3)

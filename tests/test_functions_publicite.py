"""`formalite_accomplie` and `premiere_date`: a formality is proved by its date, its absence only by a fact."""
import datetime as dt

import pytest

from ruleset.expressions import EvaluationError, compile_expression
from ruleset.functions import HELPERS
from ruleset.values import Node, NodeList, Unknown


def evaluate(text, **publicite):
    node = Node("publicite")
    for key, value in publicite.items():
        node[key] = NodeList(f"publicite.{key}", value) if isinstance(value, list) else value
    return compile_expression(text, {"publicite"})({"publicite": node})


ACCOMPLIE = "formalite_accomplie(publicite.date_mise_en_ligne, 'electronique' in publicite.formes)"


def test_a_known_date_proves_the_formality_whatever_the_list_says():
    assert evaluate(ACCOMPLIE, date_mise_en_ligne=dt.date(2022, 9, 16)) is True
    assert evaluate(ACCOMPLIE, date_mise_en_ligne=dt.date(2022, 9, 16), formes=["affichage"]) is True


def test_only_an_established_fact_proves_the_absence():
    assert evaluate(ACCOMPLIE, formes=["affichage"]) is False


def test_a_listed_form_without_its_date_is_accomplished():
    assert evaluate(ACCOMPLIE, formes=["affichage", "electronique"]) is True


def test_nothing_known_is_unknown_and_names_both_facts():
    value = evaluate(ACCOMPLIE)
    assert isinstance(value, Unknown)
    assert {m.path for m in value.missing} == {"publicite.date_mise_en_ligne", "publicite.formes"}


def test_the_second_argument_must_be_true_or_false():
    with pytest.raises(EvaluationError):
        evaluate("formalite_accomplie(publicite.date_affichage, 'oui')")


PREMIERE = "premiere_date([publicite.date_affichage, publicite.date_publication_papier])"


def test_the_first_known_form_makes_the_act_public():
    assert evaluate(PREMIERE, date_affichage=dt.date(2021, 5, 10),
                    date_publication_papier=dt.date(2021, 5, 7)) == dt.date(2021, 5, 7)
    assert evaluate(PREMIERE, date_affichage=dt.date(2021, 5, 10)) == dt.date(2021, 5, 10)


def test_no_known_date_is_unknown():
    value = evaluate(PREMIERE)
    assert isinstance(value, Unknown)
    assert {m.path for m in value.missing} == {"publicite.date_affichage", "publicite.date_publication_papier"}


def test_premiere_date_refuses_what_is_not_a_date():
    with pytest.raises(EvaluationError):
        evaluate("premiere_date(['2021-05-10'])")
    with pytest.raises(ValueError):
        HELPERS["premiere_date"].function([])


def test_documented_in_french():
    assert "formalité" in HELPERS["formalite_accomplie"].doc
    assert "plus ancienne" in HELPERS["premiere_date"].doc

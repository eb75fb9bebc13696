"""Numbers known as bounds (issue 12): comparisons, arithmetic and functions on intervals.

Two properties of the semantics (ruleset/intervals.py), on expressions and on the whole
catalogue: narrowing an interval never turns a decided verdict into its opposite (a value inside
the interval is the narrowest narrowing), and an interval of one point gives exactly the verdict
of the number.
"""
import copy

import pytest
from hypothesis import assume, given, note
from hypothesis import strategies as st

from checker.findings import CONFORME, NON_CONFORME, format_value
from checker.record import build_record
from ruleset.errors import InputError
from ruleset.expressions import compile_expression
from ruleset.values import Interval, Unknown, bounded, imprecise

from strategies.dossiers import dossiers

NAMES = frozenset({"a", "b", "c"})
OPPOSITE = {CONFORME: NON_CONFORME, NON_CONFORME: CONFORME}


def evaluate(text, **values):
    return compile_expression(text, NAMES)(dict(values))


def iv(lo, hi, path="a"):
    return Interval(lo, hi, imprecise(path, lo, hi))


def test_a_comparison_is_decided_only_over_the_whole_interval():
    assert evaluate("a >= 25", a=iv(25, 41)) is True
    assert evaluate("a >= 42", a=iv(25, 41)) is False
    unknown = evaluate("a >= 30", a=iv(25, 41))
    assert type(unknown) is Unknown
    (missing,) = unknown.missing
    assert missing.path == "a" and "entre 25 et 41" in missing.source
    assert evaluate("a < b", a=iv(1, 3), b=iv(4, 9)) is True
    assert type(evaluate("a < b", a=iv(1, 4), b=iv(4, 9))) is Unknown
    assert evaluate("a == 7", a=iv(1, 3)) is False
    assert evaluate("a != 7", a=iv(1, 3)) is True
    assert type(evaluate("a == 2", a=iv(1, 3))) is Unknown
    assert evaluate("a == 'x'", a=iv(1, 3)) is False
    assert evaluate("1 < a < 9", a=iv(2, 8)) is True
    assert evaluate("1 < a < 5", a=iv(6, 8)) is False


def test_arithmetic_on_intervals_is_bounded_soundly():
    assert evaluate("a - b - 2", a=iv(33, 49), b=6) == Interval(25, 41, frozenset())
    assert evaluate("a * b", a=iv(-2, 3), b=iv(4, 5)) == Interval(-10, 15, frozenset())
    assert evaluate("-a", a=iv(2, 3)) == Interval(-3, -2, frozenset())
    assert evaluate("a // 2", a=iv(33, 49)) == Interval(16, 24, frozenset())
    assert type(evaluate("10 / a", a=iv(-1, 1))) is Unknown
    assert type(evaluate("a % 2", a=iv(3, 4))) is Unknown
    assert evaluate("somme([a, b, 1])", a=iv(1, 2), b=iv(10, 20)) == Interval(12, 23, frozenset())


def test_monotone_functions_give_the_bounds_of_their_results():
    assert evaluate("majorite_absolue(a)", a=iv(33, 49)) == Interval(17, 25, frozenset())
    assert evaluate("majorite_absolue(a)", a=iv(48, 49)) == 25
    assert evaluate("tiers(a)", a=iv(30, 31)) == Interval(10, 11, frozenset())
    assert evaluate("max(a - 3, 0)", a=iv(1, 5)) == Interval(0, 2, frozenset())
    seats = "selon_tranche(a, [100, 500], [7, 11, 15])"
    assert evaluate(seats, a=iv(120, 480)) == 11
    assert evaluate(seats, a=iv(90, 480)) == Interval(7, 11, frozenset())
    assert evaluate("tranche_habitants(a, [100, 500])", a=iv(90, 480)) == (
        "moins de 100 habitants ou de 100 à 499 habitants")
    assert evaluate("connu(a) and defaut(a, 0) > 3", a=iv(4, 9)) is True


def test_a_function_not_made_for_intervals_is_not_run_on_one():
    result = evaluate("resultat_maintenu(a, 3, 1, vrai, faux)", a=iv(5, 9))
    assert type(result) is Unknown and {m.path for m in result.missing} == {"a"}
    result = evaluate("noms_en_surnombre(['x', 'x'], a)", a=iv(1, 2))
    assert type(result) is Unknown


def test_an_interval_of_one_point_is_the_number():
    assert bounded(5, 5, frozenset()) == 5 and type(bounded(5, 5, frozenset())) is int
    with pytest.raises(ValueError):
        bounded(6, 5, frozenset())


def test_reports_show_the_bounds():
    assert format_value(iv(28, 45)) == "entre 28 et 45"
    assert format_value(iv(28, 45), iso=True) == {"min": 28, "max": 45}


EXPRESSIONS = [
    "a >= majorite_absolue(b)",
    "a - c >= tiers(b)",
    "a + c > b",
    "a * 2 <= b + c",
    "max(a - c, 0) == 0",
    "a // 2 < c",
    "a != b",
    "a == b or c > a",
    "not (a < b) and c >= 3",
    "selon_tranche(a, [10, 20, 40], [1, 2, 3, 4]) >= selon_tranche(b, [10, 20, 40], [1, 2, 3, 4])",
    "a in [3, 4, 5, 6]",
    "somme([a, b, c]) >= 40",
    "(a if c > 5 else b) >= 10",
]


@st.composite
def narrowing(draw):
    """A value, an interval around it, and a narrower interval between the two."""
    value = draw(st.integers(0, 60))
    lo = draw(st.integers(max(0, value - 30), value))
    hi = draw(st.integers(value, value + 30))
    inner_lo = draw(st.integers(lo, value))
    inner_hi = draw(st.integers(value, hi))
    return value, (lo, hi), (inner_lo, inner_hi)


def _as(name, value, box, keep):
    return iv(box[0], box[1], name) if keep else value


@given(st.sampled_from(EXPRESSIONS), narrowing(), narrowing(), narrowing(), st.lists(st.booleans(), min_size=3, max_size=3))
def test_narrowing_an_interval_never_turns_a_decided_verdict_into_its_opposite(text, a, b, c, widened):
    points = {"a": a[0], "b": b[0], "c": c[0]}
    wide = {n: _as(n, v[0], v[1], w) for n, v, w in zip("abc", (a, b, c), widened)}
    narrow = {n: _as(n, v[0], v[2], w) for n, v, w in zip("abc", (a, b, c), widened)}
    at_point = evaluate(text, **points)
    for values in (wide, narrow):
        verdict = evaluate(text, **values)
        note(f"{text} {values} → {verdict!r}, au point {at_point!r}")
        if verdict is True or verdict is False:
            assert verdict is at_point
    wide_verdict = evaluate(text, **wide)
    if wide_verdict is True or wide_verdict is False:
        assert evaluate(text, **narrow) is wide_verdict


@given(st.sampled_from(["a - c", "a + b * c", "majorite_absolue(a) - c", "max(a, b) - tiers(c)", "-a + b // 3"]),
       narrowing(), narrowing(), narrowing())
def test_arithmetic_contains_every_value_of_the_point_computation(text, a, b, c):
    result = evaluate(text, a=iv(*a[1], "a"), b=iv(*b[1], "b"), c=iv(*c[1], "c"))
    exact = evaluate(text, a=a[0], b=b[0], c=c[0])
    lo, hi = (result.lo, result.hi) if type(result) is Interval else (result, result)
    assert lo <= exact <= hi


@given(st.sampled_from(EXPRESSIONS), st.integers(0, 60), st.integers(0, 60), st.integers(0, 60))
def test_an_interval_of_one_point_gives_exactly_the_verdict_of_the_number(text, a, b, c):
    # Built directly, not through `bounded`: the operations themselves must treat it as the number.
    verdict = evaluate(text, a=Interval(a, a, frozenset()), b=Interval(b, b, frozenset()), c=c)
    assert verdict is evaluate(text, a=a, b=b, c=c)


# The whole catalogue: counts and populations of a record widened into bounds.
WIDENABLE = {("collectivite", "population"), ("seance", "membres_en_exercice"), ("seance", "presents"),
             ("seance", "representes"), ("seance", "votants")}


def _integer_facts(data):
    out = []
    for path in WIDENABLE:
        node = data.get(path[0], {})
        value = node.get(path[1]) if isinstance(node, dict) else None
        if isinstance(value, dict):
            value = value.get("valeur")
        if isinstance(value, int) and not isinstance(value, bool):
            out.append((path, value))
    return sorted(out)


def _widen(data, chosen, margins):
    widened = copy.deepcopy(data)
    for (path, value), (below, above) in zip(chosen, margins):
        bounds = {"min": max(0, value - below), "max": value + above, "source": "bornes du test"}
        original = data[path[0]][path[1]]
        if isinstance(original, dict) and "confiance" in original:
            # The same reading, only less precise: its source and confidence go with it
            # (checker/confiance.py quotes them).
            bounds["confiance"] = original["confiance"]
            bounds.pop("source")
            if original.get("source") is not None:
                bounds["source"] = original["source"]
        widened[path[0]][path[1]] = bounds
    return widened


def _statuses(engine, data):
    return {(f.regle, f.chemin): (f.statut, f.message) for f in engine.check(build_record(data, "propriete"))}


@given(dossiers(), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=5, max_size=5),
       st.data())
def test_widening_facts_of_a_record_never_flips_a_verdict_of_the_catalogue(engine, data, margins, draw):
    facts = _integer_facts(data)
    assume(facts)
    chosen = draw.draw(st.lists(st.sampled_from(facts), min_size=1, max_size=len(facts), unique=True))
    point = _statuses(engine, data)
    widened = _statuses(engine, _widen(data, chosen, margins))
    for key, (status, message) in widened.items():
        if status in OPPOSITE:
            note(f"{key}: {message} ; au point : {point[key]}")
            assert point[key][0] != OPPOSITE[status]
    assert _statuses(engine, _widen(data, chosen, [(0, 0)] * len(chosen))) == point


def test_a_record_gives_bounds_as_min_and_max(engine):
    data = {"collectivite": {"population": 62000},
            "seance": {"date": "2023-12-19", "membres_en_exercice": {"min": 33, "max": 49, "source": "bornes"},
                       "presents": {"min": 25, "max": 41}},
            "deliberations": [{"numero": "1"}]}
    record = build_record(data, "bornes.yaml")
    assert record.root["seance"]["membres_en_exercice"] == Interval(33, 49, frozenset())
    (quorum,) = [f for f in engine.check(record) if f.regle == "L2121-17.quorum"]
    assert quorum.statut == CONFORME
    assert "entre 25 et 41" in quorum.message
    data["seance"]["presents"] = {"min": 10, "max": 41}
    (quorum,) = [f for f in engine.check(build_record(data, "bornes.yaml")) if f.regle == "L2121-17.quorum"]
    assert quorum.statut == "indetermine"
    assert any("entre 10 et 41" in (m.source or "") for m in quorum.manquants)


def test_bounds_the_wrong_way_round_are_refused_with_the_field():
    data = {"seance": {"date": "2023-12-19", "membres_en_exercice": {"min": 50, "max": 49}}}
    with pytest.raises(InputError) as caught:
        build_record(data, "bornes.yaml")
    assert "seance.membres_en_exercice" in str(caught.value) and "min 50" in str(caught.value)

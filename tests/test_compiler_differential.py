"""The compiled rules against the interpreter, which is their specification.

For random expressions over random records (facts missing, asserted, of the wrong type, nested
nodes and lists), the compiled form returns exactly the interpreter's value and reads the same
facts in the same order; where the interpreter refuses (an error), the compiled code raises too,
so that the engine re-runs the interpreter. Then whole records: every rule example and a
generated batch give the same findings, field for field, on both engines.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import sys
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from checker.engine import Engine
from checker.record import build_record
from ruleset.compiler import compile_single, compile_version
from ruleset.compiler.grammar import GrammarError, check
from ruleset.expressions import TRACE_KEY, EvaluationError, ExpressionError, compile_expression
from ruleset.loader import load_rules
from ruleset.values import Asserted, Interval, Node, NodeList, Unknown, imprecise

from conftest import ROOT, RULES_DIR

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402
import meetings  # noqa: E402

NAMES = frozenset({"seance", "v"})
FIELDS = ("a", "b", "c", "l", "n")

# --- random records -------------------------------------------------------------------------

scalars = st.one_of(
    st.integers(-40, 40), st.sampled_from([0.5, -2.25, 1e308, 0.0]), st.booleans(),
    st.sampled_from(["x", "vrai", "", "3"]),
    st.dates(dt.date(2019, 12, 25), dt.date(2020, 1, 10)),
    st.builds(Asserted, st.sampled_from([None, "« convoqué en temps utile »"])),
    # A count known only as bounds (« entre 12 et 15 présents »).
    st.tuples(st.integers(-5, 30), st.integers(1, 10)).map(
        lambda t: Interval(t[0], t[0] + t[1], imprecise("seance.x", t[0], t[0] + t[1]))),
)


@st.composite
def nodes(draw, path: str = "seance", depth: int = 0):
    node = Node(path)
    for key in draw(st.lists(st.sampled_from(FIELDS), unique=True, max_size=5)):
        child = node.child_path(key)
        if key == "n" and depth < 2:
            node[key] = draw(st.one_of(nodes(child, depth + 1), scalars))
        elif key == "l" and depth < 2:
            items = draw(st.lists(st.one_of(nodes(f"{child}[]", depth + 1), scalars), max_size=3))
            node[key] = NodeList(child, items)
        else:
            node[key] = draw(scalars)
        if draw(st.booleans()) and draw(st.booleans()):
            node.sources[key] = ("source lue", 0.9)
    return node


# --- random expressions ---------------------------------------------------------------------

def _paths(root: str):
    return st.sampled_from([f"{root}.{k}" for k in FIELDS] + [f"{root}.n.{k}" for k in FIELDS] + [root])


constants = st.one_of(
    st.integers(-5, 40).map(str), st.sampled_from(["0.5", "1e308", "vrai", "faux", '"x"', '"3"', "-3",
                                                   'date("2020-01-01")', "True"]))


def expressions(inner: bool):
    leaves = st.one_of(constants, _paths("seance"), st.just("v"), *([_paths("x")] if inner else []))

    def extend(children):
        inside = expressions(True) if not inner else children
        return st.one_of(
            st.tuples(children, st.sampled_from(["+", "-", "*", "/", "//", "%"]), children)
            .map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            st.tuples(children, st.sampled_from(["==", "!=", "<", "<=", ">", ">=", "in", "not in"]), children)
            .map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            st.tuples(children, children, children).map(lambda t: f"({t[0]} < {t[1]} <= {t[2]})"),
            st.lists(children, min_size=2, max_size=3).map(lambda p: "(" + " and ".join(p) + ")"),
            st.lists(children, min_size=2, max_size=3).map(lambda p: "(" + " or ".join(p) + ")"),
            children.map(lambda e: f"(not {e})"),
            children.map(lambda e: f"(-{e})"),
            st.tuples(children, children, children).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
            st.lists(children, max_size=3).map(lambda p: "[" + ", ".join(p) + "]"),
            st.tuples(children, children).map(lambda t: f"defaut({t[0]}, {t[1]})"),
            children.map(lambda e: f"connu({e})"),
            st.tuples(children, children).map(lambda t: f"max({t[0]}, {t[1]})"),
            children.map(lambda e: f"plancher({e})"),
            st.tuples(children, children).map(lambda t: f"jours_francs({t[0]}, {t[1]})"),
            # A function of three arguments: their unknowns merged in order before it is called.
            st.tuples(children, children, children).map(lambda t: f"selon_nom({t[0]}, {t[1]}, {t[2]})"),
            st.tuples(st.sampled_from(["tous", "au_moins_un", "aucun", "nombre", "somme", "liste"]), children)
            .map(lambda t: f"{t[0]}({t[1]})"),
            st.tuples(st.sampled_from(["tous", "au_moins_un", "aucun", "nombre", "somme", "liste"]), inside,
                      st.sampled_from(["seance.l", "seance.n.l", "seance.a", "v"]), st.none() | inside)
            .map(lambda t: f"{t[0]}({t[1]} for x in {t[2]}" + (f" if {t[3]})" if t[3] else ")")),
        )
    return st.recursive(leaves, extend, max_leaves=12)


def _each_fact_once(trace: list) -> None:
    """A trace holds the facts read, each once (a node and a key), in the order first read."""
    facts = [(id(node), key) for node, key, _ in trace]
    assert len(set(facts)) == len(facts), [(node.child_path(key)) for node, key, _ in trace]


def _same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if type(a) is Unknown:
        return a.missing == b.missing
    if type(a) is Interval:
        return a.lo == b.lo and a.hi == b.hi and a.why == b.why
    if type(a) is float:
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a is b if isinstance(a, (Node, Asserted)) else a == b


def _run(function, env: dict, trace_in_env: bool):
    trace: list = []
    try:
        if trace_in_env:
            value = function({**env, TRACE_KEY: trace})
        else:
            value = function(dict(env), trace)
    except EvaluationError:
        return "erreur", None, trace
    except (TypeError, ValueError, ArithmeticError, OverflowError, RecursionError) as exc:
        return "exception", type(exc), trace
    return "valeur", value, trace


@settings(max_examples=max(300, settings.default.max_examples))
@given(text=expressions(False), seance=nodes(), v=scalars | st.none().map(lambda _: Unknown.of("v")))
def test_compiled_expression_returns_the_interpreters_value_and_reads_the_same_facts(text, seance, v):
    _compiled_as_interpreted(text, seance, v)


def long_expressions():
    """`and`/`or` of more operands than the generator nests (a one-pass loop then), and « a if c
    else b » with branches too large to be written twice (guarded by flags then)."""
    small = expressions(False)
    chain = st.tuples(st.sampled_from([" and ", " or "]), st.lists(small, min_size=9, max_size=12)).map(
        lambda t: "(" + t[0].join(t[1]) + ")")
    return st.one_of(chain, st.tuples(chain, small, chain).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
                     st.tuples(small, small, chain).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"))


@settings(max_examples=max(150, settings.default.max_examples))
@given(text=long_expressions(), seance=nodes(), v=scalars | st.none().map(lambda _: Unknown.of("v")))
def test_long_and_or_and_large_conditional_branches_compile_as_interpreted(text, seance, v):
    _compiled_as_interpreted(text, seance, v)


def _compiled_as_interpreted(text, seance, v) -> None:
    try:
        interpreted = compile_expression(text, NAMES)
    except ExpressionError:
        event("refusée par le langage")
        return
    compiled = compile_single(text, NAMES)
    assert compiled is not None, f"the generator refused an expression the interpreter accepts: {text}"
    env = {"seance": seance, "v": v}
    kind, value, trace = _run(interpreted, env, True)
    compiled_kind, compiled_value, compiled_trace = _run(compiled, env, False)
    event(kind)
    _each_fact_once(trace)
    if kind == "valeur":
        assert compiled_kind == "valeur", (text, compiled_value)
        assert _same(value, compiled_value), (text, value, compiled_value)
        assert [(id(p), k, type(x)) for p, k, x in trace] == [(id(p), k, type(x)) for p, k, x in compiled_trace]
        assert all(_same(x, y) for (_, _, x), (_, _, y) in zip(trace, compiled_trace))
    else:
        # The interpreter refuses: the compiled code must not return a value the engine would keep.
        assert compiled_kind != "valeur", (text, kind, value, compiled_value)


@settings(max_examples=max(300, settings.default.max_examples))
@given(text=expressions(False), seance=nodes(),
       subjects=st.lists(scalars | st.none().map(lambda _: Unknown.of("v")), min_size=2, max_size=3))
def test_what_is_computed_once_per_record_is_what_each_act_would_compute(text, seance, subjects):
    """Compiled for a rule run once per act, what an expression computes from the meeting alone
    (`seance`) is computed for the first act and kept (`Memo`): for every act (`v` changes from one
    to the next, the meeting does not), the value and the facts read are still the interpreter's."""
    from ruleset.compiler import MEMO
    try:
        interpreted = compile_expression(text, NAMES)
    except ExpressionError:
        return
    compiled = compile_single(text, NAMES, memo=True)
    assert compiled is not None, text
    kept: dict = {}
    for v in subjects:
        env = {"seance": seance, "v": v}
        kind, value, trace = _run(interpreted, env, True)
        compiled_kind, compiled_value, compiled_trace = _run(compiled, {**env, MEMO: kept}, False)
        _each_fact_once(trace)
        if kind == "valeur":
            assert compiled_kind == "valeur", (text, compiled_value)
            assert _same(value, compiled_value), (text, v, value, compiled_value)
            assert [(id(p), k, type(x)) for p, k, x in trace] == [(id(p), k, type(x)) for p, k, x in compiled_trace]
            assert all(_same(x, y) for (_, _, x), (_, _, y) in zip(trace, compiled_trace))
        else:
            assert compiled_kind != "valeur", (text, kind, value, compiled_value)
    event("gardé pour les actes suivants" if kept else "rien de gardé")


def test_a_rule_on_each_act_computes_what_it_reads_of_the_meeting_once_per_record(monkeypatch):
    """The irregular proxies of the meeting, which the rule on each deliberation counts three
    times (at least, at most, exactly), are counted three times for a record of three
    deliberations, not nine; the findings, facts read included, are the interpreter's."""
    import dataclasses

    from ruleset.functions import HELPERS
    rule = next(r for r in RULES if r.id == "L2121-20.neutralisation_des_pouvoirs_irreguliers")
    data = {
        "collectivite": {"nature": "commune", "population": 5000},
        "seance": {"date": "2023-06-12", "membres_en_exercice": 29, "presents": 20, "representes": 3,
                   "pouvoirs": [{"mandant": m, "mandataire": h, "ecrit": e, "seances_consecutives": 1}
                                for m, h, e in (("A", "B", True), ("C", "B", True), ("D", "E", False))]},
        "deliberations": [{"numero": f"2023-{i}", "presents": 20, "representes": 3,
                           "vote": {"pour": 12 + 4 * i, "contre": 11 - 4 * i, "resultat": "adoptee",
                                    "mode": "scrutin_public"}} for i in range(3)],
    }
    record = build_record(data, "memo")
    calls = []
    original = HELPERS["pouvoirs_irreguliers"]

    def counted(*args):
        calls.append(args)
        return original.function(*args)
    monkeypatch.setitem(HELPERS, "pouvoirs_irreguliers", dataclasses.replace(original, function=counted))
    compiled = _findings(Engine([rule], compiled=True), record)
    assert len(calls) == 3, len(calls)
    assert compiled == _findings(Engine([rule], compiled=False), record)
    assert {f["statut"] for f in compiled} == {"non_conforme", "conforme"}


@pytest.mark.parametrize("text", ["1 + 2", 'seance.a == "x"', "tous(x.a for x in seance.l if x.b)",
                                  "seance.a if seance.b else -2"])
def test_generated_source_holds_no_rule_data(text):
    from ruleset.compiler.generate import expression_source
    source, constants = expression_source(text, NAMES)
    import ast
    assert '"' not in source and "'" not in source
    for word in ("seance", "tous", "x.a"):
        assert word not in source
    literals = [n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant)]
    assert all(value in (True, False, None) and type(value) is not int for value in literals), literals
    assert constants, "the data is bound as constants"


@pytest.mark.parametrize("source", [
    "import os\n", "def f0(env, tr):\n    return env.__class__\n", "def f0(env, tr):\n    return 'x'\n",
    "def f0(env, tr):\n    return 1\n", "def f0(env, tr):\n    return open\n", "def f0(env, tr):\n    raise k1\n",
    "def f0(env, tr):\n    return (lambda: k1)()\n", "def g(env, tr):\n    return k1\n",
    "def f0(env, tr):\n    k1.x = t1\n", "def f0(env, tr, force, extra):\n    return k1\n",
    "def f0(env, tr):\n    return [k1 for t1 in k2]\n", "def f0(env, tr):\n    return k1(*t1)\n",
    "def f0(env, tr):\n    try:\n        return k1\n    except k2:\n        return k3\n",
    # The one attribute the templates read (`missing`), only read, only of a generated name.
    "def f0(env, tr):\n    return t1.source\n", "def f0(env, tr):\n    t1.missing = k1\n",
    "def f0(env, tr):\n    return k1(t1).missing\n", "def f0(env, tr):\n    return t1.missing.pop\n",
    # A for unpacks into generated names only.
    "def f0(env, acts, out, un, cx):\n    for x1, os in acts:\n        out.append(x1)\n",
    "def f0(env, acts, out, un, cx):\n    for x1, t1.missing in acts:\n        out.append(x1)\n",
    "def f0(env, acts, out, un, cx):\n    for (x1, x2), x3 in acts:\n        out.append(x1)\n",
])
def test_the_closed_grammar_refuses_anything_the_templates_do_not_write(source):
    import ast
    with pytest.raises(GrammarError):
        check(ast.parse(source))


def test_compiled_code_has_no_builtins():
    function = compile_single("nombre(seance.l)", NAMES)
    assert function.__globals__["__builtins__"] == {}
    assert all(not name.startswith("__") or name == "__builtins__" for name in function.__globals__)


def test_every_version_of_the_catalogue_compiles_and_survives_the_cache(tmp_path):
    import pickle
    from checker.engine import SCOPE_NAMES
    for rule in load_rules(str(RULES_DIR)):
        for version in rule.versions:
            compiled = compile_version(version.sources, SCOPE_NAMES[rule.portee])
            assert compiled is not None, f"{rule.id} {version.period()}"
            again = pickle.loads(pickle.dumps(compiled))
            assert again.run.__code__.co_code == compiled.run.__code__.co_code


@settings(max_examples=max(200, settings.default.max_examples))
@given(seance=nodes(), paths=st.lists(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=3).map(tuple),
                                      min_size=1, max_size=8, unique=True))
def test_a_reader_reads_each_path_as_read_entry_does(seance, paths):
    """A plan's reader walks paths that begin alike together (`generate.reader_source`): each
    path's value and trace entry are still exactly `read_entry`'s, missing, asserted, not a node
    or a list on the way included."""
    from ruleset.compiler import compile_reader
    from ruleset.compiler.runtime import read_entry
    listed = [(position, "seance", keys) for position, keys in enumerate(paths)]
    reader = compile_reader(listed + [(len(paths) + 1, "seance", paths[0])], len(paths) + 2, NAMES)
    assert reader is not None
    read = reader.read({"seance": seance, "v": None}, None)
    # A position not asked for holds None; the list ends at the last position asked for.
    assert len(read) == 2 * (len(paths) + 2) and read[2 * len(paths):2 * len(paths) + 2] == [None, None]
    for position, keys in enumerate(paths):
        value, entry = read_entry(seance, keys)
        got_value, got_entry = read[2 * position], read[2 * position + 1]
        assert _same(value, got_value), (keys, value, got_value)
        if entry is None:
            assert got_entry is None, keys
        else:
            assert got_entry[0] is entry[0] and got_entry[1] == entry[1] and _same(got_entry[2], entry[2]), keys


# --- whole records --------------------------------------------------------------------------

RULES = load_rules(str(RULES_DIR))
COMPILED = Engine(RULES, compiled=True)
INTERPRETED = Engine(RULES, compiled=False)


def _findings(engine: Engine, record) -> list[dict]:
    return [f.to_dict() for f in engine.check(record)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_example_gives_the_same_findings_on_both_paths(rule):
    for example in rule.exemples:
        record = build_record(example.dossier, f"{rule.fichier}:{example.nom}")
        assert _findings(COMPILED, record) == _findings(INTERPRETED, record), example.nom


def test_a_generated_batch_gives_the_same_findings_on_both_paths():
    compared = 0
    for line in generate.lines(400, seed=16):
        try:
            record = build_record(json.loads(line), "lot")
        except Exception:
            continue
        assert _findings(COMPILED, record) == _findings(INTERPRETED, record), line[:200]
        compared += 1
    assert compared > 350


def test_a_generated_batch_reads_the_same_facts_each_once_on_both_paths():
    """Outcome for outcome, the compiled code's trace is the interpreter's: the facts the rule
    read, each once (a path read again in the same rule, a key of every item read by two loops,
    a value kept for the record that reads what the rule read before), in the order first read."""
    compared = repeated = 0
    for line in generate.lines(150, seed=23):
        try:
            record = build_record(json.loads(line), "lot")
        except Exception:
            continue
        compiled, interpreted = COMPILED.evaluate(record), INTERPRETED.evaluate(record)
        assert [(rule.id, path) for rule, _, path, _ in compiled] == [(rule.id, path) for rule, _, path, _ in interpreted]
        for (rule, ours, path, _), (_, theirs, _, _) in zip(compiled, interpreted):
            _each_fact_once(theirs.trace)
            assert [(id(node), key) for node, key, _ in ours.trace] == \
                [(id(node), key) for node, key, _ in theirs.trace], (rule.id, path)
            repeated += len(theirs.trace) > 1
        compared += 1
    assert compared > 120 and repeated > 1000


def test_an_exception_in_compiled_code_reruns_the_interpreter():
    rule = next(r for r in RULES if r.id == "L2121-17.quorum")
    record = build_record(rule.exemples[0].dossier, "exemple")
    engine = Engine(RULES, compiled=True)
    expected = _findings(engine, record)

    class Broken:
        reads = frozenset()

        def run(self, *args):
            raise ZeroDivisionError("compiled code broke")

        trigger = run
    for version in rule.versions:
        engine._compiled[id(version)] = Broken()
    engine._plans.clear()
    assert _findings(engine, record) == expected


def test_the_cached_engine_runs_the_mode_asked_for(tmp_path, monkeypatch):
    """A run under DELIBCHECK_MOTEUR=interprete caches its engine apart: the next run without it
    gets the compiled rules again, and the other way round (both from the cache)."""
    from checker import engine_cache
    monkeypatch.setenv("DELIBCHECK_CACHE", str(tmp_path))
    for mode, compiled in (("interprete", False), ("", True), ("interprete", False), ("", True)):
        engine_cache._engine_for.cache_clear()
        monkeypatch.setenv("DELIBCHECK_MOTEUR", mode)
        assert engine_cache.engine_for(None).compiled is compiled, mode
    engine_cache._engine_for.cache_clear()


def _entries(entries) -> list:
    return [(rule.id, outcome.status, outcome.version and outcome.version.period(), outcome.message, outcome.values,
             [(id(node), key, value) for node, key, value in outcome.trace], sorted(outcome.missing),
             outcome.applicability_unknown, outcome.error, outcome.set_aside_by, path, label)
            for rule, outcome, path, label in entries]


@pytest.mark.parametrize("only", [None, frozenset({"L2121-17.quorum", "L2121-20.majorite_absolue",
                                                   "L2121-11.delai", "L2121-11.urgence", "L5211-11-1.quorum"})])
def test_the_plan_function_gives_the_entries_of_the_engines_loop(only):
    """Each period's plan written out as one function (`ruleset.compiler.plan`) gives the entries
    the engine's loop gives, in the same order, outcome for outcome, on generated records of every
    kind of body (rules of another body included) and with a choice of rules."""
    engine = Engine(RULES, compiled=True)
    compared = used = 0
    for line in generate.lines(300, seed=61):
        try:
            record = build_record(json.loads(line), "lot")
        except Exception:
            continue
        written_out = engine.evaluate(record, only)
        steps, readers, function = engine._plan(record.date, only)
        used += function is not None
        key = next(k for k, v in engine._plans.items() if v[0] is steps)
        engine._plans[key] = (steps, readers, None)
        try:
            looped = engine.evaluate(record, only)
        finally:
            engine._plans[key] = (steps, readers, function)
        assert _entries(written_out) == _entries(looped), line[:200]
        compared += 1
    assert compared > 250 and used == compared


@pytest.mark.parametrize("only", [None, frozenset({"L2121-11.delai", "L2121-11.urgence", "L2121-11.urgence_prononcee",
                                                   "L2121-12.delai", "L2121-12.urgence", "L2121-17.quorum",
                                                   "L2121-17.seconde_convocation", "loi-2020-290-art-10.quorum"})])
def test_a_family_whose_exception_applies_is_decided_as_by_the_loop_and_the_interpreter(only, monkeypatch):
    """When an exception's condition is true and none after it is true or unknown, the plan
    function decides the family itself (the rule set aside, the exception's outcome); when it is
    unknown and none after it is true or unknown, too (the rule and the exception both decided,
    kept where they agree: `checker.engine._either_way`); any other case it hands to the engine
    with the first condition's place and value (`Engine._family_decided`, see the next test): on
    meetings that draw every exception on purpose (urgency, second convocation, COVID, first
    meeting, Alsace-Moselle; `bench/meetings.py`), the entries are the loop's, outcome for
    outcome, and the findings the interpreter's."""
    from checker import engine as engine_module
    either_way = []
    kept = engine_module._either_way

    def counted_either_way(*args):
        either_way.append(args)
        return kept(*args)
    monkeypatch.setattr(engine_module, "_either_way", counted_either_way)
    engine = Engine(RULES, compiled=True)
    handed = []
    decided = engine._family_decided

    def counted(*args):
        handed.append(args[3])
        return decided(*args)
    monkeypatch.setattr(engine, "_family_decided", counted)
    set_aside = written_either_way = 0
    for data in meetings.meetings(150, seed=1616):
        record = build_record(json.loads(json.dumps(data)), "seance")
        before = len(either_way)
        written_out = engine.evaluate(record, only)
        written_either_way += len(either_way) - before
        steps, readers, function = engine._plan(record.date, only)
        key = next(k for k, v in engine._plans.items() if v[0] is steps)
        engine._plans[key] = (steps, readers, None)
        try:
            looped = engine.evaluate(record, only)
        finally:
            engine._plans[key] = (steps, readers, function)
        assert _entries(written_out) == _entries(looped), data
        set_aside += sum(1 for entry in written_out if entry[1].set_aside_by is not None)
        if only is None:
            assert _findings(engine, record) == _findings(INTERPRETED, record), data
    # Exceptions applied, and exceptions that may apply, decided by the plan function (today's
    # catalogue writes its exceptions' conditions to exclude each other: nothing is handed over).
    assert set_aside > 100 and written_either_way > 10 and not handed


def _rule_text(local: str, alinea: int, condition: str | None, least: int) -> str:
    example = '      - {nom: %s, attendu: conforme, dossier: {seance: {date: "2020-01-01"}, deliberations: [{vote: {pour: 5}}]}}\n'
    return (f"  - id: L9999-1.{local}\n    titre: Essai {local}\n    alinea: \"{alinea}\"\n    citation: texte\n"
            "    lecture: lecture\n    confiance: haute\n    sources: []\n    gravite: illegalite\n"
            "    portee: deliberation\n"
            + ("" if condition is None else f"    exception_de: L9999-1.regle\n")
            + '    versions:\n      - du: "1996-02-24"\n        au: null\n        texte: loi\n'
            + ("" if condition is None else f"        applicable: {condition}\n")
            + f"        valeurs:\n          n: deliberation.vote.pour\n        exigence: n >= {least}\n"
            + '        message: {conforme: "ok {n}", non_conforme: "non", indetermine: "?"}\n    exemples:\n'
            + "".join(example % name for name in "abc"))


# A rule on each act and two exceptions whose conditions do not exclude each other.
_TWO_EXCEPTIONS = ("article: L9999-1\ncode: CGCT\ntitre: Essai\nlegiarti: LEGIARTI000006389870\nregles:\n"
                   + _rule_text("regle", 1, None, 1) + _rule_text("premiere", 2, "deliberation.icpe", 2)
                   + _rule_text("seconde", 3, "deliberation.compte_administratif", 3)
                   + "libelles:\n  n: nombre de voix pour\n")


def test_a_family_whose_exceptions_may_both_apply_is_handed_to_the_engine(tmp_path, monkeypatch):
    """A family whose two exceptions may apply on the same act (conditions true or unknown in every
    combination, and the facts of the verdict given or not): the plan function decides what it
    writes out (one exception applies, or may, and the other does not) and hands the others to
    the engine (a conflict, a possible conflict, two exceptions that may apply); the entries are
    the loop's, outcome for outcome, and the findings the interpreter's, on every combination."""
    (tmp_path / "L9999-1.yaml").write_text(_TWO_EXCEPTIONS, encoding="utf-8")
    rules = load_rules(str(tmp_path))
    engine, interpreted = Engine(rules, compiled=True), Engine(rules, compiled=False)
    handed = []
    decided = engine._family_decided

    def counted(*args):
        handed.append(args[3])
        return decided(*args)
    monkeypatch.setattr(engine, "_family_decided", counted)
    truth = (True, False, None)
    acts = []
    for icpe, administratif, pour in itertools.product(truth, truth, (None, 0, 1, 2, 3)):
        act = {"numero": f"2020-{len(acts)}"}
        if icpe is not None:
            act["icpe"] = icpe
        if administratif is not None:
            act["compte_administratif"] = administratif
        if pour is not None:
            act["vote"] = {"mode": "main_levee", "pour": pour, "contre": 0}
        acts.append(act)
    statuses, handed_over = set(), 0
    for start in range(0, len(acts), 5):
        data = {"format": 1, "reference": "essai", "collectivite": {"nom": "Essai", "nature": "commune"},
                "seance": {"date": "2020-01-10"}, "deliberations": acts[start:start + 5]}
        record = build_record(json.loads(json.dumps(data)), "essai")
        before = len(handed)
        written_out = engine.evaluate(record)
        handed_over += len(handed) - before
        steps, readers, function = engine._plan(record.date, None)
        assert function is not None
        key = next(k for k, v in engine._plans.items() if v[0] is steps)
        engine._plans[key] = (steps, readers, None)
        try:
            looped = engine.evaluate(record)
        finally:
            engine._plans[key] = (steps, readers, function)
        assert _entries(written_out) == _entries(looped), data
        assert _findings(engine, record) == _findings(interpreted, record), data
        statuses |= {(entry[0].id, entry[1].status, entry[1].error is not None) for entry in written_out}
    # Handed over on 20 acts: both exceptions apply (a conflict), one applies and the other may
    # (either way round), both may.
    assert handed_over == 20
    assert ("L9999-1.regle", "non_applicable", False) in statuses and ("L9999-1.regle", "indetermine", True) in statuses
    assert {("L9999-1.premiere", s, False) for s in ("conforme", "non_conforme", "indetermine")} <= statuses


def test_the_guards_of_a_condition_are_its_leading_plain_tests():
    """A guard is one of the operands that open a condition's « and », up to the first that is
    not a plain test of the facts (a function of the rules, a conditional): when one is false, the
    condition is, whatever those before it gave; a test after a function call is never taken
    (that call might have raised first)."""
    from ruleset.compiler.generate import guard_conjuncts
    roots = frozenset({"collectivite", "deliberation"})
    text = ('collectivite.nature == "commune" and defaut(deliberation.syndicat.operation, "aucune") == "retrait" '
            'and nombre(deliberation.l) > 0 and connu(deliberation.date)')
    assert guard_conjuncts(text, roots) == ("collectivite.nature == 'commune'",
                                            "defaut(deliberation.syndicat.operation, 'aucune') == 'retrait'")
    assert guard_conjuncts("connu(deliberation.a) or deliberation.b", roots) == \
        ("connu(deliberation.a) or deliberation.b",)
    assert guard_conjuncts("(1 if deliberation.a else 2) == 1 and connu(deliberation.b)", roots) == ()
    assert guard_conjuncts("seance.a and deliberation.b", roots) == ()
    assert guard_conjuncts("deliberation.a + 1 > 2", roots) == ()


def test_the_catalogues_plans_guard_their_rules_on_each_act_with_what_their_readers_read():
    engine = Engine(RULES, compiled=True)
    steps, readers, function = engine._plan(dt.date(2024, 3, 1), None)
    assert function is not None
    layout, _, texts, guards = _plan_code(engine, dt.date(2024, 3, 1))
    guarded = [step for step in layout if step[0] == "simple" and any(step[4])]
    assert len(guarded) > 20 and texts[0] and texts[1]
    assert any(text.startswith("defaut(deliberation.syndicat.operation") for text in texts[1])
    taken = engine._taken_by(steps)
    for compiled in guards:
        assert compiled.reads <= taken
        # No rule data in the source: texts and field names are bound constants.
        assert '"' not in compiled.source and "'" not in compiled.source
        assert "syndicat" not in compiled.source and "nature" not in compiled.source


def _plan_code(engine: Engine, date: dt.date) -> tuple:
    import bisect
    return engine._plan_codes[(bisect.bisect_right(engine._bounds, date), None)]


# Facts that the plans' guards test, and values of every kind for them: what makes a guard false,
# true, unknown, or raise (a text compared with a number), as a record may hold them.
GUARDED_FACTS = [("deliberation", "syndicat", "operation"), ("deliberation", "syndicat", "nature"),
                 ("deliberation", "syndicat", "date_notification"), ("deliberation", "vote", "demandes_scrutin_secret"),
                 ("deliberation", "vote", "mode"), ("deliberation", "vote", "vote_groupe"), ("deliberation", "icpe"),
                 ("deliberation", "designation"), ("deliberation", "contrat", "date_signature"),
                 ("convocation", "urgence"), ("convocation", "delai_abrege"), ("collectivite", "nature"),
                 ("collectivite", "alsace_moselle"), ("collectivite", "population")]
GUARDED_VALUES = st.sampled_from([None, "retrait", "adhesion", "modification_statuts", "transfert_competence",
                                  "scrutin_secret", "scrutin_public", "commune", "syndicat_mixte_ouvert", 0, 3, 5000,
                                  True, False, "x", dt.date(2020, 1, 1), Asserted(None)])
GUARDED_LINES = [line for line in generate.lines(60, seed=71)]


def _put(record, keys: tuple, value, act: int) -> None:
    node = record.root[keys[0]] if keys[0] != "deliberation" else record.root["deliberations"][act]
    for key in keys[1:-1]:
        child = node.get(key)
        if type(child) is not Node:
            child = node[key] = Node(node.child_path(key))
        node = child
    if value is None:
        node.pop(keys[-1], None)
    else:
        node[keys[-1]] = value


@settings(max_examples=max(80, settings.default.max_examples), deadline=None)
@given(line=st.sampled_from(GUARDED_LINES),
       changes=st.lists(st.tuples(st.sampled_from(GUARDED_FACTS), GUARDED_VALUES, st.integers(0, 3)), max_size=5))
def test_rules_their_guards_skip_are_decided_as_by_the_loop_and_the_interpreter(line, changes):
    """The plan function does not run a rule on an act where one of its guards is false: on
    records whose guarded facts are set to values of every kind (false, true, unknown, asserted,
    of a type the test refuses), its entries are the loop's, outcome for outcome, and the findings
    the interpreter's."""
    try:
        record = build_record(json.loads(line), "lot")
    except Exception:
        return
    acts = len(record.root["deliberations"])
    if not acts:
        return
    for keys, value, act in changes:
        _put(record, keys, value, act % acts)
    written_out = COMPILED.evaluate(record)
    steps, readers, function = COMPILED._plan(record.date, None)
    key = next(k for k, v in COMPILED._plans.items() if v[0] is steps)
    COMPILED._plans[key] = (steps, readers, None)
    try:
        looped = COMPILED.evaluate(record)
    finally:
        COMPILED._plans[key] = (steps, readers, function)
    assert _entries(written_out) == _entries(looped)
    assert _findings(COMPILED, record) == _findings(INTERPRETED, record)


def test_a_watcher_of_the_lenient_calls_sees_the_same_calls_with_the_plans_guards():
    """A caller that watches the rules' lenient calls (`defaut`, `connu`: the property on removed
    facts leaves aside a family whose rules gave a missing fact its meaning through them) replaces
    them while the code is made. A plan made afterwards, for a choice of rules, must not compute
    those rules' tests with the unwatched functions and skip the rules: the watcher would miss the
    calls (found by test_properties_faits_retires: `defaut(convocation.seconde_convocation, faux)`
    on a record without `convocation`). The calls seen are those of the engine's loop."""
    from strategies.regles import Journal, moteur_observe
    journal = Journal()
    rules, engine = moteur_observe(RULES_DIR, journal)
    family = frozenset({"L2121-17.quorum", "L2121-17.seconde_convocation", "L2541-4.seconde_convocation"})
    compared = seen = 0
    for line in generate.lines(80, seed=17):
        try:
            data = json.loads(line)
            data.pop("convocation", None)
            record = build_record(data, "lot")
        except Exception:
            continue
        journal.clear()
        written_out = _entries(engine.evaluate(record, family))
        with_plan = set(journal.manquants)
        steps, readers, function = engine._plan(record.date, family)
        key = next(k for k, v in engine._plans.items() if v[0] is steps)
        engine._plans[key] = (steps, readers, None)
        journal.clear()
        try:
            looped = _entries(engine.evaluate(record, family))
        finally:
            engine._plans[key] = (steps, readers, function)
        assert written_out == looped
        assert with_plan == set(journal.manquants), line[:200]
        seen += any(path.startswith("convocation") for path in with_plan)
        compared += 1
    assert compared > 60 and seen > 30


def test_a_plan_function_that_fails_gives_way_to_the_loop_and_the_interpreter():
    rule = next(r for r in RULES if r.id == "L2121-17.quorum")
    record = build_record(rule.exemples[0].dossier, "exemple")
    engine = Engine(RULES, compiled=True)
    expected = _findings(engine, record)
    steps, readers, function = engine._plan(record.date, None)
    assert function is not None

    def broken(*args):
        raise ZeroDivisionError("plan function broke")
    key = next(k for k, v in engine._plans.items() if v[0] is steps)
    engine._plans[key] = (steps, readers, broken)
    assert _findings(engine, record) == expected


def test_plan_source_holds_no_rule_data_and_keeps_to_the_grammar():
    """The plan function names every rule, function and outcome through its recipe (places in the
    plan), never by its text: a rule id or label cannot reach the source."""
    import ast

    from ruleset.compiler.plan import FAMILY, FIXED, SIMPLE, plan_source
    engine = Engine(RULES, compiled=True)
    steps, _, _ = engine._plan(dt.date(2024, 3, 1), None)
    layout = next(made[0] for made in engine._plan_codes.values())
    assert {SIMPLE, FAMILY, FIXED} <= {step[0] for step in layout}
    source, recipe = plan_source(list(layout))
    check(ast.parse(source))
    assert '"' not in source and "'" not in source
    for rule, *_ in steps:
        assert rule.id not in source
    assert all(type(item) is tuple and all(type(part) in (str, int) for part in item) for item in recipe)
    literals = [n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant)]
    assert set(literals) <= {True, False, None} and not any(type(v) is int for v in literals)

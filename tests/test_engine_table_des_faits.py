"""The facts a record's outcomes read, as one table and positions into it (`checker.engine.fact_table`).

A report may show each finding's facts by position in one table per record rather than walking
each trace: the positions of an outcome must give exactly the facts the engine's finding of it
lists (the trace, each node and key once, in the order first read), and the table must hold each
fact once, in the order the entries first read it. Checked on every rule example, on generated
batches and on random meetings of several acts (outcomes shared by the acts of a period), with
the compiled engine and the interpreter.
"""
from __future__ import annotations

import json
import sys

import pytest

from checker.engine import Engine, fact_table
from checker.record import build_record
from ruleset.loader import load_rules

from conftest import ROOT, RULES_DIR

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402
import meetings  # noqa: E402

RULES = load_rules(str(RULES_DIR))
ENGINES = {"compile": Engine(RULES, compiled=True), "interprete": Engine(RULES, compiled=False)}


def _once(trace) -> list:
    """A trace's facts as `Engine._finding` lists them: each node and key once, first reading kept."""
    seen, out = set(), []
    for node, key, value in trace:
        if (id(node), key) not in seen:
            seen.add((id(node), key))
            out.append((node, key, value))
    return out


def _same(facts, expected) -> bool:
    return len(facts) == len(expected) and all(
        a[0] is b[0] and a[1] == b[1] and a[2] is b[2] for a, b in zip(facts, expected))


def _check(engine: Engine, record) -> int:
    entries = engine.evaluate(record)
    table = fact_table(entries)
    assert len(table.positions) == len(entries)
    # Each fact once, in the order the entries' traces first read it.
    assert _same(table.facts, _once([entry for _, outcome, _, _ in entries for entry in outcome.trace]))
    shown = 0
    for (rule, outcome, path, label), positions in zip(entries, table.positions):
        assert type(positions) is tuple and len(set(positions)) == len(positions)
        assert _same([table.facts[at] for at in positions], _once(outcome.trace)), (rule.id, path)
        shown += bool(positions)
    # The engine's own findings list the same facts, in the same order.
    for finding, positions in zip(engine.findings_of(record, entries), table.positions):
        facts = [table.facts[at] for at in positions]
        assert [(f.chemin, f.valeur) for f in finding.faits] == [
            (node.child_path(key), value) for node, key, value in facts], finding.regle
    return shown


@pytest.mark.parametrize("mode", ENGINES)
def test_every_example_positions_give_the_findings_facts(mode):
    engine = ENGINES[mode]
    shown = 0
    for rule in RULES:
        for example in rule.exemples:
            shown += _check(engine, build_record(example.dossier, f"{rule.fichier}:{example.nom}"))
    assert shown > 1000


@pytest.mark.parametrize("mode", ENGINES)
def test_generated_batches_positions_give_the_findings_facts(mode):
    engine = ENGINES[mode]
    checked = 0
    for line in generate.lines(150 if mode == "interprete" else 400, seed=23):
        try:
            record = build_record(json.loads(line), "lot")
        except Exception:
            continue
        assert _check(engine, record) > 0, line[:200]
        checked += 1
    assert checked > 120


def test_outcomes_shared_by_acts_share_their_positions():
    engine = ENGINES["compile"]
    drawn = [r for r in meetings.meetings(200, seed=37) if len(r.get("deliberations") or []) > 1]
    assert len(drawn) > 50
    shared = 0
    for raw in drawn:
        record = build_record(json.loads(json.dumps(raw)), "meeting")
        _check(engine, record)
        entries = engine.evaluate(record)
        table = fact_table(entries)
        by_outcome: dict = {}
        for (_, outcome, _, _), positions in zip(entries, table.positions):
            if outcome.trace:
                first = by_outcome.setdefault(id(outcome), positions)
                assert first is positions
                shared += 1
        shared -= len(by_outcome)
    # Entries whose outcome an earlier entry of the record had (one tuple of positions each) are met.
    assert shared > 100


def test_a_fact_read_by_many_rules_is_one_position():
    engine = ENGINES["compile"]
    line = next(iter(generate.lines(1, seed=5)))
    entries = engine.evaluate(build_record(json.loads(line), "lot"))
    table = fact_table(entries)
    markers = [(id(node), key) for node, key, _ in table.facts]
    assert len(markers) == len(set(markers))
    # Most traces read facts other rules read too: the table is far shorter than the traces.
    assert sum(len(outcome.trace) for _, outcome, _, _ in entries) > 3 * len(table.facts)


def test_evaluate_gives_the_table_with_its_entries():
    """`Engine.evaluate` gives its entries with their table (`entries.table`), made once, the one
    `fact_table` makes; on a record whose presence is found by difference too (entries merged)."""
    engine = ENGINES["compile"]
    line = next(iter(generate.lines(1, seed=8)))
    record = build_record(json.loads(line), "lot")
    entries = engine.evaluate(record)
    table = entries.table
    assert table is entries.table
    again = fact_table(list(entries))
    assert _same(table.facts, again.facts) and table.positions == again.positions
    bounded = build_record({
        "collectivite": {"nom": "Commune d'Essai", "nature": "commune", "population": 12000, "departement": "44"},
        "seance": {"date": "2023-12-19", "membres_en_exercice": {"min": 31, "max": 49}, "representes": 2,
                   "presence_par_difference": True, "absents": ["Absent 1", "Absent 2"],
                   "pouvoirs": [{"mandant": f"Mandant {i}", "mandataire": f"Mandataire {i}", "ecrit": True}
                                for i in range(2)]},
        "convocation": {"date_envoi": "2023-12-12"},
        "deliberations": [{"numero": "1", "objet": "Essai", "vote": {"mode": "main_levee", "resultat": "adoptee"}}],
    }, "essai.yaml")
    merged = engine.evaluate(bounded)
    again = fact_table(list(merged))
    assert len(merged.table.facts) > 5
    assert _same(merged.table.facts, again.facts) and merged.table.positions == again.positions

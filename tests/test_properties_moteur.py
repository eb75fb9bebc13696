"""Property 5 (issue 4): one finding per rule and subject, deterministic, and nothing escapes.

For every record the schema accepts (with real dates): the reader accepts it, every loaded rule
gives exactly one finding per subject (the meeting, or each deliberation), with one of the four
statuses (`indetermine` when the rule could not be evaluated), and checking it again — the same record, the record read
again, a fresh engine, another process with another hash seed — gives the same report, byte for
byte.
"""
import json
import os
import subprocess
import sys
from collections import Counter

import yaml
from hypothesis import event, given
from hypothesis import strategies as st

from checker.engine import Engine
from checker.findings import INDETERMINE
from checker.record import build_record
from ruleset.loader import STATUSES

from conftest import ROOT, RULES_DIR
from strategies import dossiers, dossiers_du_schema
from strategies.faits import dossiers_partiels

DOSSIERS_VALIDES = st.one_of(
    dossiers(),
    dossiers(coherent=False),
    dossiers_partiels().map(lambda drawn: drawn[1][0][0]),
    dossiers_du_schema(),
)


def _report(findings) -> bytes:
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, sort_keys=False).encode("utf-8")


@given(data=DOSSIERS_VALIDES)
def test_every_rule_gives_exactly_one_finding_per_subject_the_same_every_time_and_nothing_escapes(
        rules, engine, data):
    record = build_record(data, "propriete-5")
    findings = engine.check(record)

    subjects = {"seance": ["seance"],
                "deliberation": [f"deliberations[{i}]" for i in range(len(record.root["deliberations"]))]}
    expected = {(rule.id, subject) for rule in rules for subject in subjects[rule.portee]}
    counts = Counter((f.regle, f.chemin) for f in findings)
    assert set(counts) == expected, (
        f"constats manquants : {sorted(expected - set(counts))[:5]} ; en trop : {sorted(set(counts) - expected)[:5]}")
    assert max(counts.values(), default=1) == 1, [key for key, n in counts.items() if n > 1]
    for finding in findings:
        event(finding.statut)
        assert finding.statut in STATUSES, finding
        if finding.erreur_regle is not None:
            # A rule that cannot compute on this record (for instance a declared council size
            # that no bracket of L2121-2 gives) must say so and decide nothing.
            event(f"règle non évaluable : {finding.regle}")
            assert finding.statut == INDETERMINE, f"{finding.regle} ({finding.chemin}) : {finding.erreur_regle}"

    first = _report(findings)
    assert _report(engine.check(record)) == first
    assert _report(Engine(rules).check(build_record(data, "propriete-5"))) == first


def _records_of_the_rules_and_examples(rules):
    """Records that reach every rule: of each rule, its first example of each outcome; and examples/."""
    out = []
    for rule in rules:
        seen = set()
        for example in rule.exemples:
            if example.attendu not in seen:
                seen.add(example.attendu)
                out.append(example.dossier)
    out += [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    return out


def test_the_json_report_is_byte_identical_across_processes_and_hash_seeds(rules, tmp_path):
    paths = []
    for index, data in enumerate(_records_of_the_rules_and_examples(rules)):
        path = tmp_path / f"{index:04d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        paths.append(str(path))
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        run = subprocess.run([sys.executable, "-m", "checker.cli", "check", "--format", "json",
                              "--regles", str(RULES_DIR), *paths],
                             capture_output=True, cwd=ROOT, env=env, timeout=300)
        assert run.returncode in (0, 1), run.stderr.decode("utf-8", "replace")[-2000:]
        assert b"Traceback" not in run.stderr
        outputs.append(run.stdout)
    assert json.loads(outputs[0])
    assert outputs[1] == outputs[0]

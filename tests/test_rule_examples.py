"""Every example written in a rule file runs here, one test id per example (`pytest -k L2121-12`)."""
import pytest

from checker.engine import Engine
from checker.record import build_record
from ruleset.loader import load_rules

from conftest import RULES_DIR

RULES = load_rules(str(RULES_DIR))
ENGINE = Engine(RULES)
CASES = [pytest.param(rule, example, id=f"{rule.id}::{example.nom}") for rule in RULES for example in rule.exemples]


@pytest.mark.parametrize("rule, example", CASES)
def test_example(rule, example):
    record = build_record(example.dossier, f"{rule.fichier}:{example.nom}")
    findings = [f for f in ENGINE.check(record, only={rule.id}) if f.regle == rule.id]
    if rule.portee == "deliberation":
        findings = [f for f in findings if f.chemin == f"deliberations[{example.deliberation}]"]
    assert len(findings) == 1, f"{rule.id} doit donner un constat pour l'exemple {example.nom}"
    finding = findings[0]
    assert finding.erreur_regle is None, finding.erreur_regle
    assert finding.statut == example.attendu, finding.message


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_passing_failing_and_undecidable_examples(rule):
    outcomes = {example.attendu for example in rule.exemples}
    if rule.says_only_not_encoded():
        # Undecidable for the bodies it covers, not applicable to the others: both are shown.
        assert outcomes == {"indetermine", "non_applicable"}, (
            f"{rule.id} ne dit que « droit non encodé » : il faut des exemples indetermine et "
            f"non_applicable, et eux seuls (présents : {sorted(outcomes)})")
        return
    assert {"conforme", "non_conforme", "indetermine"} <= outcomes, (
        f"{rule.id} : il faut des exemples conforme, non_conforme et indetermine (présents : {sorted(outcomes)})")

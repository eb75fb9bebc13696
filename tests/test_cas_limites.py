"""The 54 edge cases of the legal specification (cgct.md §10), run through the engine.

`tests/data/cas_limites.yaml` holds one entry per branch of each case: the record built from the
case's facts, the rule that decides it and the law's answer. One test id per entry
(`pytest -k cas-07`, `pytest -k L2121-12`). The expected status is what the specification says,
not what the engine says: a failure is either a rule missing from the catalogue (the test fails
naming it, on purpose — it documents the gap), a rule giving a wrong answer, or an entry to fix.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.engine import Engine
from checker.record import build_record
from ruleset.errors import RuleError
from ruleset.loader import load_rule_file, load_rules, rule_files
from ruleset.yaml_loader import load_yaml

from conftest import RULES_DIR

DATA = Path(__file__).resolve().parent / "data" / "cas_limites.yaml"
CASES = range(1, 55)
STATUTS = {"conforme", "non_conforme", "indetermine", "non_applicable"}
ENTRY_KEYS = {"cas", "nom", "regle", "attendu", "dossier", "deliberation", "gravite", "valeurs", "note"}
REQUIRED_KEYS = {"cas", "nom", "regle", "attendu", "dossier", "note"}

ENTRIES = load_yaml(DATA.read_text(encoding="utf-8"), str(DATA))


def _load_catalogue():
    """The whole catalogue; if a file does not load (rules are being written in this work tree),
    every other file still does, and the entries that need the broken one fail naming it."""
    try:
        return load_rules(str(RULES_DIR)), None, {}
    except RuleError as exc:
        whole_error = str(exc)
    rules, broken = [], {}
    for path in rule_files(RULES_DIR):
        try:
            rules.extend(load_rule_file(path, RULES_DIR))
        except RuleError as exc:
            broken[path.stem] = str(exc)
    ids = {rule.id for rule in rules}
    rules = [rule for rule in rules if rule.exception_de is None or rule.exception_de in ids]
    return tuple(rules), whole_error, broken


RULES, CATALOGUE_ERROR, BROKEN_FILES = _load_catalogue()
ENGINE = Engine(RULES)
BY_ID = {rule.id: rule for rule in RULES}


def _id(entry) -> str:
    return f"cas-{entry['cas']:02d}-{entry['regle']}-{entry['nom']}"


def _plain(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def _explain(finding) -> str:
    parts = [f"message : {finding.message}"]
    if finding.ecartee_par:
        parts.append(f"écartée par : {finding.ecartee_par}")
    if finding.manquants:
        parts.append("faits manquants : " + ", ".join(m.chemin for m in finding.manquants))
    if finding.valeurs:
        parts.append("valeurs : " + ", ".join(f"{k}={_plain(v)!r}" for k, v in finding.valeurs.items()))
    return " ; ".join(parts)


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_cas_limite(entry):
    cas, regle, attendu = entry["cas"], entry["regle"], entry["attendu"]
    rule = BY_ID.get(regle)
    if rule is None:
        article = regle.rsplit(".", 1)[0]
        if article in BROKEN_FILES:
            pytest.fail(f"cgct.md §10 cas {cas} ({entry['nom']}) : la règle {regle} ne se charge pas — "
                        f"{BROKEN_FILES[article]}")
        broken = f" (fichiers de règles qui ne se chargent pas : {', '.join(sorted(BROKEN_FILES))})" if BROKEN_FILES else ""
        pytest.fail(f"cgct.md §10 cas {cas} ({entry['nom']}) : la règle {regle} n'existe pas dans le "
                    f"catalogue (rules/) — cas non encodé{broken}. Attendu : {attendu}. {entry['note'].strip()}")
    record = build_record(entry["dossier"], f"{DATA.name}:cas {cas}:{entry['nom']}")
    findings = [f for f in ENGINE.check(record, only={regle}) if f.regle == regle]
    if rule.portee == "deliberation":
        index = entry.get("deliberation", 0)
        findings = [f for f in findings if f.chemin == f"deliberations[{index}]"]
    assert len(findings) == 1, f"{regle} doit donner un constat et un seul pour le cas {cas} ({entry['nom']})"
    finding = findings[0]
    assert finding.erreur_regle is None, f"cas {cas} : erreur de la règle {regle} : {finding.erreur_regle}"
    assert finding.statut == attendu, (
        f"cgct.md §10 cas {cas} ({entry['nom']}) : {regle} donne « {finding.statut} », la loi dit "
        f"« {attendu} ». {entry['note'].strip()} — {_explain(finding)}")
    if "gravite" in entry:
        assert finding.gravite == entry["gravite"], (
            f"cas {cas} : {regle} a la gravité {finding.gravite}, la spécification dit {entry['gravite']}")
    for name, expected in (entry.get("valeurs") or {}).items():
        assert name in finding.valeurs, f"cas {cas} : {regle} ne calcule pas « {name} » ({_explain(finding)})"
        assert _plain(finding.valeurs[name]) == expected, (
            f"cas {cas} : {regle} calcule {name} = {_plain(finding.valeurs[name])!r}, "
            f"la spécification dit {expected!r}")


def test_le_catalogue_se_charge():
    assert CATALOGUE_ERROR is None, f"le catalogue de règles ne se charge pas : {CATALOGUE_ERROR}"


def test_chaque_cas_a_au_moins_une_entree():
    couverts = {entry["cas"] for entry in ENTRIES}
    manquants = [n for n in CASES if n not in couverts]
    assert not manquants, f"cas de cgct.md §10 sans entrée dans {DATA.name} : {manquants}"
    hors_liste = sorted(couverts - set(CASES))
    assert not hors_liste, f"numéros de cas inconnus de cgct.md §10 : {hors_liste}"


def test_entrees_bien_formees():
    vues = set()
    for entry in ENTRIES:
        label = f"cas {entry.get('cas')} ({entry.get('nom')})"
        assert REQUIRED_KEYS <= set(entry), f"{label} : clés manquantes {sorted(REQUIRED_KEYS - set(entry))}"
        assert set(entry) <= ENTRY_KEYS, f"{label} : clés inconnues {sorted(set(entry) - ENTRY_KEYS)}"
        assert isinstance(entry["cas"], int), f"{label} : « cas » doit être un numéro"
        assert entry["attendu"] in STATUTS, f"{label} : attendu « {entry['attendu']} » hors de {sorted(STATUTS)}"
        assert _id(entry) not in vues, f"{label} : identifiant de test en double {_id(entry)}"
        vues.add(_id(entry))

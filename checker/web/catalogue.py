"""The rule catalogue as the web shows it: what `delibcheck regles` and `delibcheck explique` print.

Read from the same loader as the command line; nothing is listed by hand here.
"""
from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path

from checker.web.errors import ErreurWeb
from ruleset.model import SEVERITY_LABELS, Rule

OPENAPI = Path(__file__).with_name("openapi.yaml")


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    from ruleset.loader import load_rules
    return load_rules(None)


def by_id() -> dict[str, Rule]:
    return {r.id: r for r in rules()}


def summary(rule: Rule) -> dict:
    """One rule as `delibcheck regles --format json` lists it (the same function makes both)."""
    from checker.rule_json import rule_to_dict
    return rule_to_dict(rule)


def listing() -> list[dict]:
    return [summary(r) for r in rules()]


def find(rule_id: str) -> Rule:
    rule = by_id().get(rule_id)
    if rule is None:
        known = list(by_id())
        close = [i for i in known if rule_id.lower() in i.lower()] or difflib.get_close_matches(rule_id, known, 5)
        hint = f" ; voisines : {', '.join(close[:10])}" if close else " ; voir la liste des règles"
        raise ErreurWeb(404, f"règle inconnue « {rule_id[:80]} »{hint}", "regle_id")
    return rule


def detail(rule_id: str) -> dict:
    """A rule as `delibcheck explique --format json` gives it, with the page's extras: the
    severity's label, the rule file, the text `explique` prints."""
    from checker.explain import explain
    from checker.rule_json import rule_to_dict
    rule = find(rule_id)
    out = rule_to_dict(rule, full=True)
    out.update({"gravite_libelle": SEVERITY_LABELS[rule.gravite], "fichier": rule.fichier,
                "explication": explain(rule)})
    for version, data in zip(rule.versions, out["versions"]):
        data["periode"] = version.period()
    return out


def examples_yaml(rule_id: str) -> list[str]:
    """Each example's record of the rule, in YAML, for the page to show and check."""
    import json

    import yaml
    return [yaml.safe_dump(json.loads(json.dumps(e.dossier, default=str)), allow_unicode=True, sort_keys=False,
                           width=100) for e in (find(rule_id).exemples or ())]


@lru_cache(maxsize=1)
def openapi() -> dict:
    from ruleset.yaml_loader import load_yaml
    import json
    return json.loads(json.dumps(load_yaml(OPENAPI.read_text(encoding="utf-8"), str(OPENAPI))))


def _resolve(spec: dict, node: dict) -> dict:
    ref = node.get("$ref") if isinstance(node, dict) else None
    if not ref:
        return node
    target = spec
    for part in ref.lstrip("#/").split("/"):
        target = target[part]
    return target


def operations() -> list[dict]:
    """The API's operations as the documentation page lists them (references resolved)."""
    spec = openapi()
    out = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            out.append({"methode": method.upper(), "chemin": "/api/v1" + path, "resume": op.get("summary", ""),
                        "description": op.get("description"),
                        "reponses": [(code, _resolve(spec, r).get("description", ""))
                                     for code, r in op.get("responses", {}).items()]})
    return out

"""What the properties need to know about the loaded rules, found in the rules themselves.

Rules evolve while the properties stay: nothing here lists rule ids, except the legal facts a
property is about (the quorum of L2121-17, the convocation delays of L2121-11 and L2121-12, the
proxies of L2121-20), and those are looked up, never assumed.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from contextlib import contextmanager
from pathlib import Path

from checker.findings import Finding
from ruleset.functions import HELPERS
from ruleset.loader import load_rule_file, rule_files
from ruleset.model import Rule
from ruleset.values import Node, NodeList, Unknown

from strategies.dates import PERIODES_COVID

QUORUM = "L2121-17.quorum"
DELAIS_DE_CONVOCATION = ("L2121-11.delai", "L2121-12.delai")
POUVOIRS_PAR_MANDATAIRE = "L2121-20.pouvoirs_par_mandataire"


def par_id(rules) -> dict[str, Rule]:
    return {r.id: r for r in rules}


def famille(rules, base_id: str) -> list[Rule]:
    """The rule and the exceptions that name it (`exception_de`), decided together by the engine."""
    return [r for r in rules if r.id == base_id or r.exception_de == base_id]


def exceptions_covid(rules, base_id: str = QUORUM) -> list[Rule]:
    """The exceptions of `base_id` that the COVID-19 derogations created.

    Read off their periods: not in force the day before C1 opened, in force on some day of C1–C5.
    (A permanent exception such as the second convocation is in force on both.)
    """
    veille = PERIODES_COVID["C1"][0] - dt.timedelta(days=1)
    out = []
    for rule in rules:
        if rule.exception_de != base_id or rule.version_at(veille) is not None:
            continue
        if any(rule.version_at(day) is not None for debut, fin in PERIODES_COVID.values()
               for day in (debut, fin)):
            out.append(rule)
    return out


def en_vigueur_pendant(rule: Rule, periode: str) -> bool:
    debut, fin = PERIODES_COVID[periode]
    return rule.version_at(debut) is not None and rule.version_at(fin) is not None


def regles_lisant(rules, fragment: str) -> list[Rule]:
    """Rules one of whose expressions (condition, values, requirement) mentions `fragment`."""
    def texts(version):
        sources = version.sources
        yield str(sources.get("applicable") or "")
        yield str(sources.get("exigence") or "")
        yield from (str(v) for v in (sources.get("valeurs") or {}).values())
    return [r for r in rules if any(fragment in t for v in r.versions for t in texts(v))]


def constats(findings: list[Finding]) -> dict[tuple[str, str], Finding]:
    """Findings by (rule, subject); the engine gives one per pair (property 5 checks it)."""
    return {(f.regle, f.chemin): f for f in findings}


def verdict_de_famille(findings: list[Finding], base_id: str, chemin: str) -> Finding:
    """The finding that decides a family on one subject: the exception that set the rule aside, or the rule."""
    by_key = constats(findings)
    base = by_key[(base_id, chemin)]
    if base.ecartee_par:
        return by_key[(base.ecartee_par, chemin)]
    return base


class Journal:
    """What the lenient functions (`defaut`, `connu`…) saw during one evaluation.

    `manquants`: the missing facts they were given (and so gave a meaning); `noeuds`: the parts
    of the record they were given whole (a function that reads a member or a sending itself sees
    its absent keys without an Unknown).
    """

    def __init__(self):
        self.manquants: set[str] = set()
        self.noeuds: set[str] = set()

    def clear(self) -> None:
        self.manquants.clear()
        self.noeuds.clear()

    def observer(self, valeur) -> None:
        if type(valeur) is Unknown:
            self.manquants.update(m.path for m in valeur.missing)
        elif isinstance(valeur, (Node, NodeList)):
            self.noeuds.add(valeur.path)
        elif isinstance(valeur, list):
            for item in valeur:
                self.observer(item)


# The functions that see a missing fact instead of propagating it (`lenient` in ruleset.functions).
LENIENT = tuple(name for name, helper in HELPERS.items() if helper.lenient)


@contextmanager
def _lenient_observed(journal: Journal):
    saved = {name: HELPERS[name] for name in LENIENT}

    def observed(function):
        def call(*args):
            for arg in args:
                journal.observer(arg)
            return function(*args)
        return call
    for name, helper in saved.items():
        HELPERS[name] = dataclasses.replace(helper, function=observed(helper.function))
    try:
        yield
    finally:
        HELPERS.update(saved)


def moteur_observe(directory: Path, journal: Journal):
    """A second copy of the rules whose lenient calls (`defaut`, `connu`…) report to `journal`, and
    an engine over them whose compiled code is generated in the same context (it binds the
    functions it calls when generated).

    The rule language lets a rule give a missing fact a meaning only through these lenient
    functions, argued in its `lecture` (README): removing such a fact gives it that meaning,
    which the property on removed facts must tell apart from a fact the engine wrongly reads as
    present.
    """
    from checker.engine import Engine
    with _lenient_observed(journal):
        rules = tuple(rule for path in rule_files(directory) for rule in load_rule_file(path, directory))
        engine = Engine(rules)
        engine.compile_all()
    return rules, engine

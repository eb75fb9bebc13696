"""Putting a clerk's question to the rules, and finding which rules answer it.

A question is a record and the fact at stake (the sending date, the number present). The rules
that answer it are found by what they need, never by name: a rule answers when, the fact taken
out of the record, it becomes undecidable for lack of that fact alone. Their findings on the full
record are the answer; a deadline or a threshold is the point where those findings turn, found by
asking the same rules about neighbouring facts.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Callable, Iterable

from checker.engine import Engine
from checker.findings import CONFORME, INDETERMINE, NON_APPLICABLE, NON_CONFORME, Finding
from checker.record import build_record

ORIGINE = "(options de la commande)"
OUI, NON, INCERTAIN = "oui", "non", "indetermine"

_INDEX = re.compile(r"\[\d+\]")
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def normalise(path: str) -> str:
    """`deliberations[0].vote.pour` → `deliberation.vote.pour`: where a fact sits, whatever the item."""
    if path.startswith("deliberations["):
        path = "deliberation" + path[path.index("]") + 1:]
    return _INDEX.sub("", path)


def under(path: str, prefixes: Iterable[str]) -> bool:
    """True when `path` is one of `prefixes` or lies inside one of them (segment by segment)."""
    place = normalise(path)
    return any(place == p or place.startswith(p + ".") for p in prefixes)


def run(engine: Engine, data: dict, only: set[str] | None = None) -> list[Finding]:
    """The engine's findings on `data`, read exactly as `delibcheck check` reads a record."""
    return engine.check(build_record(copy.deepcopy(data), ORIGINE), only)


def without(data: dict, *paths: str) -> dict:
    """A copy of `data` with the facts at `paths` (`seance.presents`, `deliberations[0].icpe`) removed."""
    out = copy.deepcopy(data)
    for path in paths:
        parts = [int(i) if i else k for k, i in _PART.findall(path)]
        node = out
        for part in parts[:-1]:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                node = None
                break
        if isinstance(node, dict):
            node.pop(parts[-1], None)
    return out


def family(engine: Engine, ids: Iterable[str]) -> set[str]:
    """The rules decided together with `ids`: each one's base rule and all its exceptions."""
    out: set[str] = set()
    for rule_id in ids:
        rule = engine.by_id.get(rule_id)
        if rule is None:
            continue
        base = rule.exception_de or rule.id
        out.add(base)
        out.update(r.id for r in engine.exceptions.get(base, []))
    return out


def answering(engine: Engine, data: dict, facts: tuple[str, ...]) -> list[tuple[str, str]]:
    """The (rule, subject) pairs that `facts` alone decide on this record.

    A rule that also lacks another fact (the vote, the list of members) is about something else:
    a vote-count rule reads the number present too, but does not say whether the quorum holds.
    """
    wanted = tuple(normalise(f) for f in facts)
    keys = []
    for finding in run(engine, without(data, *facts)):
        if finding.statut != INDETERMINE or not finding.manquants or finding.erreur_regle:
            continue
        if all(under(m.chemin, wanted) for m in finding.manquants):
            keys.append((finding.regle, finding.chemin))
    return keys


def pick(findings: list[Finding], keys: list[tuple[str, str]]) -> list[Finding]:
    wanted = set(keys)
    return [f for f in findings if (f.regle, f.chemin) in wanted]


def verdict(findings: list[Finding]) -> str | None:
    """oui, non or indetermine from the findings that answer; None when no rule applies."""
    statuses = {f.statut for f in findings if f.statut != NON_APPLICABLE}
    if not statuses:
        return None
    if NON_CONFORME in statuses:
        return NON
    if statuses == {CONFORME}:
        return OUI
    return INCERTAIN


class Question:
    """A record, the fact at stake, and the rules that answer: asked once, or for many values."""

    def __init__(self, engine: Engine, data: dict, facts: tuple[str, ...]):
        self.engine = engine
        self.data = data
        self.facts = facts
        self.keys = answering(engine, data, facts)
        self.only = family(engine, [k[0] for k in self.keys])

    def findings(self, data: dict | None = None) -> list[Finding]:
        if not self.keys:
            return []
        found = pick(run(self.engine, self.data if data is None else data, self.only), self.keys)
        return [f for f in found if f.statut != NON_APPLICABLE]

    def verdict(self, data: dict | None = None) -> str | None:
        return verdict(self.findings(data))


def first(candidates: Iterable, accepts: Callable[[object], bool]):
    """The first candidate the rules accept, or None."""
    for candidate in candidates:
        if accepts(candidate):
            return candidate
    return None


def lowest(low: int, high: int, accepts: Callable[[int], bool]) -> int | None:
    """The smallest n in [low, high] that the rules accept, when acceptance only grows with n
    (more members present never breaks a quorum that held)."""
    if low > high or not accepts(high):
        return None
    while low < high:
        middle = (low + high) // 2
        if accepts(middle):
            high = middle
        else:
            low = middle + 1
    return low


def days_before(date: dt.date, most: int) -> Iterable[dt.date]:
    """The meeting day, then each day before it, up to `most` days back."""
    return (date - dt.timedelta(days=n) for n in range(0, most + 1))

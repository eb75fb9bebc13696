"""What the catalogue knows: does a loaded rule read this fact, or encode this article?

The clerk's options name situations the law treats apart (first meeting after a renewal,
Alsace-Moselle, the health-crisis periods, proxies). When no loaded rule covers one, the tool
says so plainly instead of answering as if the general rule were the whole law: the answer shown
is then the catalogue's, and the missing article is named so the clerk knows what was not checked.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable

from ruleset.model import Rule

# The health-crisis derogations on quorum and proxies ran, with gaps, from 24 March 2020 to
# 31 July 2022 (cgct.md §2.2: loi n° 2020-290 art. 10, loi n° 2020-1379 art. 6, loi n° 2021-1465
# art. 10). Only used to warn that no such rule is loaded; the periods themselves are the rules'.
CRISE_SANITAIRE = (dt.date(2020, 3, 24), dt.date(2022, 8, 1))


@dataclass(frozen=True)
class Source:
    """A legal source a situation calls for, and how to recognise its rules."""

    situation: str
    reference: str
    article: str | None = None
    code: str | None = None
    lit: str | None = None

    def covered_by(self, rule: Rule) -> bool:
        if self.article is not None and rule.article != self.article:
            return False
        if self.code is not None and rule.code != self.code:
            return False
        return self.lit is None or reads(rule, self.lit)


PREMIERE_REUNION = Source(
    "première réunion après le renouvellement général",
    "L2121-7, alinéa 2 : trois jours francs au moins, par dérogation à L2121-12",
    article="L2121-7", lit="seance.premiere_reunion_apres_renouvellement")
ALSACE_MOSELLE_CONVOCATION = Source(
    "convocation en Alsace-Moselle (commune de moins de 3 500 habitants)",
    "L2541-2 : trois jours au moins, la veille en cas d'urgence", article="L2541-2")
ALSACE_MOSELLE_QUORUM = Source(
    "seconde convocation en Alsace-Moselle", "L2541-4 : sans quorum si la convocation le rappelle",
    article="L2541-4")
CRISE = Source(
    "dérogations de la crise sanitaire (24 mars 2020 – 31 juillet 2022)",
    "loi n° 2020-290 art. 10, loi n° 2020-1379 art. 6, loi n° 2021-1465 art. 10 : quorum du tiers, "
    "deux pouvoirs par membre", code="LODA")
POUVOIRS = Source(
    "validité des pouvoirs", "L2121-20 : un pouvoir écrit par mandataire, trois séances consécutives au plus",
    lit="seance.pouvoirs")
MAJORITE = Source(
    "majorité des suffrages exprimés", "L2121-20 : majorité absolue des suffrages exprimés",
    lit="vote.pour")
NOTE = Source("note explicative de synthèse", "L2121-12, alinéa 1",
              lit="convocation.note_explicative_synthese")


def _texts(rule: Rule) -> Iterable[str]:
    for version in rule.versions:
        sources = version.sources
        if sources.get("applicable") is not None:
            yield str(sources["applicable"])
        yield str(sources.get("exigence", ""))
        yield from (str(v) for v in sources.get("valeurs", {}).values())


def reads(rule: Rule, path: str) -> bool:
    """True when one of the rule's expressions reads the fact `path` (or a field inside it).

    `vote.pour` matches `deliberation.vote.pour`; `seance.pouvoirs` matches
    `p.mandataire for p in seance.pouvoirs`.
    """
    pattern = re.compile(r"(?<![\w])" + re.escape(path) + r"(?![\w])")
    return any(pattern.search(text) for text in _texts(rule))


def in_catalogue(rules: Iterable[Rule], source: Source) -> bool:
    return any(source.covered_by(rule) for rule in rules)


def missing_note(source: Source, consequence: str) -> str:
    return (f"{source.situation[0].upper()}{source.situation[1:]} : aucune règle du catalogue "
            f"({source.reference}). {consequence}")


def in_crisis(date: dt.date) -> bool:
    return CRISE_SANITAIRE[0] <= date < CRISE_SANITAIRE[1]

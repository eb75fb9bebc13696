"""Seats of a municipal council and the bounds of its members in office, from the population.

The tables are not copied here: they are read from the rules that encode them (L2121-2 for the
seats, L2121-2-1 for the councils deemed complete), in the version in force on the meeting date.

Members in office are at most the seats. They are at least what the law lets a council keep
before it must be completed: complementary elections are due once the council has lost a third
of its members (code électoral L258 al. 1; L270 1° where vacant seats are filled from the lists),
and in the year before a general renewal only once it has lost more than half (L258 al. 2, to which
L270 1° refers). Below that bound a council still sits for the three months those elections may
take: a record that gives its members in office is not bound by this reading, and the filled
fact says so. Where a council may be deemed complete with fewer members than seats (L2121-2-1:
5, 9, then 13 members by population bracket), the bound starts from that minimum.
"""
from __future__ import annotations

import ast
import bisect
import datetime as dt
import math

from checker.referentiel.renouvellements import annee_precedant

TABLE = "L2121-2.effectif"
REPUTE_COMPLET = "L2121-2-1.reputee_complete"


class Sieges:
    __slots__ = ("bas", "haut", "en_exercice_bas", "provenance", "provenance_en_exercice")

    def __init__(self, bas: int, haut: int, en_exercice_bas: int, provenance: str,
                 provenance_en_exercice: str):
        self.bas = bas
        self.haut = haut
        self.en_exercice_bas = en_exercice_bas
        self.provenance = provenance
        self.provenance_en_exercice = provenance_en_exercice


def _table(rules: dict, rule_id: str, date: dt.date, names: tuple) -> tuple | None:
    rule = rules.get(rule_id)
    version = rule.version_at(date) if rule is not None else None
    if version is None:
        return None
    texts = version.sources.get("valeurs", {})
    try:
        return tuple(list(ast.literal_eval(str(texts[name]).strip())) for name in names)
    except (KeyError, ValueError, SyntaxError):
        return None


def plancher(base: int, date: dt.date) -> int:
    """The fewest members in office a council of `base` members keeps before it must be completed."""
    if annee_precedant(date):
        return base - base // 2
    return base - math.ceil(base / 3) + 1


def sieges(rules: dict, population_bas: int, population_haut: int, date: dt.date) -> Sieges | None:
    table = _table(rules, TABLE, date, ("seuils", "sieges"))
    if table is None:
        return None
    seuils, nombres = table
    bas = nombres[bisect.bisect_right(seuils, population_bas)]
    haut = nombres[bisect.bisect_right(seuils, population_haut)]
    bases = [bas]
    reputes = ""
    complet = _table(rules, REPUTE_COMPLET, date, ("seuils", "minimums"))
    if complet is not None:
        seuils_rc, minimums = complet
        low = bisect.bisect_right(seuils_rc, population_bas)
        high = bisect.bisect_right(seuils_rc, population_haut)
        possibles = [m for m in minimums[low:high + 1] if m > 0]
        if possibles:
            bases.extend(possibles)
            reputes = f" ; conseil réputé complet possible dès {min(possibles)} élus (L2121-2-1)"
    en_exercice = min(plancher(b, date) for b in bases)
    rule = "plus de la moitié dans l'année qui précède le renouvellement général (code électoral L258 al. 2)" \
        if annee_precedant(date) else "le tiers (code électoral L258 al. 1, L270 1°)"
    seats = str(bas) if bas == haut else f"{bas} à {haut}"
    return Sieges(bas, haut, en_exercice,
                  f"{seats} sièges selon le tableau de L2121-2 en vigueur le {date.strftime('%d/%m/%Y')}",
                  f"au plus les {haut} sièges (L2121-2) ; au moins {en_exercice} : des élections complémentaires "
                  f"sont dues quand le conseil a perdu {rule}{reputes} ; hors conseil en attente de ces élections")

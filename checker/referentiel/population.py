"""The population of a commune at the last general renewal before a meeting: a number, a range,
or unknown with the reason (cgct.md §0.2; DONNEES.md says which year each version carries)."""
from __future__ import annotations

import datetime as dt
import math

from checker.referentiel.donnees import Commune, Donnees
from checker.referentiel.renouvellements import renouvellements_possibles


# A figure missing from the data is bounded by the figures in force within `FENETRE` years of it,
# widened by a margin of the bound (at least `MARGE_MIN` inhabitants). INSEE counts a commune of
# 10 000 inhabitants or more by a yearly sample, one of fewer exhaustively once in five years
# (its yearly figure then jumps when the new census comes): hence two margins. Calibrated on the
# years the data carries (DONNEES.md, « How the range was calibrated »): each known yearly figure,
# hidden and bounded this way from its neighbours, fell inside its range for every commune
# (some 209 000 trials; the largest excess 4.7 % from 10 000 inhabitants, 19.3 % below).
FENETRE = 3
SEUIL_SONDAGE = 10_000
MARGE_GRANDES = 0.06
MARGE = 0.20
MARGE_MIN = 50


def marge(population: int) -> int:
    rate = MARGE_GRANDES if population >= SEUIL_SONDAGE else MARGE
    return max(MARGE_MIN, math.ceil(population * rate))


def borner(figures) -> tuple[int, int]:
    """The range of a missing yearly figure from the figures in force around it."""
    low, high = min(figures), max(figures)
    return max(0, low - marge(low)), high + marge(high)


class Population:
    __slots__ = ("bas", "haut", "provenance", "motif", "renouvellement")

    def __init__(self, bas: int | None = None, haut: int | None = None, provenance: str = "",
                 motif: str | None = None, renouvellement: str = ""):
        self.bas = bas
        self.haut = haut
        self.provenance = provenance
        self.motif = motif  # why it is unknown
        self.renouvellement = renouvellement  # « renouvellement de mars 2026 », for short mentions

    @property
    def connue(self) -> bool:
        return self.bas is not None


def _jour(date: dt.date) -> str:
    return "1er janvier " + str(date.year) if date.day == 1 and date.month == 1 else date.strftime("%d/%m/%Y")


def _au_renouvellement(data: Donnees, commune: Commune, annee: int, now: int) -> Population:
    """The population in force on 1 January of `annee`, for the commune as it is in version `now`."""
    target = dt.date(annee, 1, 1)
    same = [i for i, v in enumerate(data.versions)
            if commune.presente[i] and commune.populations[i] is not None and commune.perimetre(i) == commune.perimetre(now)]
    exact = [i for i in same if data.versions[i].population_en_vigueur == target]
    if exact:
        values = {commune.populations[i] for i in exact}
        v = data.versions[exact[-1]]
        return Population(min(values), max(values),
                          f"population municipale en vigueur au {_jour(target)} (recensement {v.recensement}), "
                          f"COG {v.cog}, paquet {v.paquet}")
    before = [i for i in same if data.versions[i].population_en_vigueur < target]
    after = [i for i in same if data.versions[i].population_en_vigueur > target]
    if not before or not after:
        first = min(v.population_en_vigueur.year for v in data.versions)
        last = max(v.population_en_vigueur.year for v in data.versions)
        why = (f"population en vigueur au {_jour(target)} absente du référentiel (populations en vigueur de "
               f"{first} à {last})")
        if len(same) < sum(commune.presente):
            why = f"périmètre de la commune modifié (commune nouvelle ou fusion) : {why}"
        return Population(motif=why)
    # The figure of the renewal year is not in the data. A yearly figure does not lie between its
    # neighbours (Villeneuve-d'Ascq: 62 358 in force in 2019, 62 727 in 2021, 61 957 in 2022), and
    # a census can move a small commune by a fifth in a year: every figure in force within
    # FENETRE years, the nearest on each side at least, and the calibrated margin.
    near = [i for i in before + after
            if abs(data.versions[i].population_en_vigueur.year - annee) <= FENETRE] or [before[-1], after[0]]
    if not any(i in before for i in near):
        near.append(before[-1])
    if not any(i in after for i in near):
        near.append(after[0])
    seen: dict = {}
    for i in sorted(near, key=lambda i: data.versions[i].population_en_vigueur):
        seen.setdefault(data.versions[i].recensement, i)
    figures = [(commune.populations[i], data.versions[i]) for i in seen.values()]
    low = min(p for p, _ in figures)
    high = max(p for p, _ in figures)
    listed = ", ".join(f"{p} au {_jour(v.population_en_vigueur)} (COG {v.cog})" for p, v in figures)
    rate = MARGE_GRANDES if low >= SEUIL_SONDAGE else MARGE
    return Population(*borner([low, high]),
                      f"population au {_jour(target)} absente des données : bornée par celles en vigueur à "
                      f"{FENETRE} ans au plus ({listed}), élargies de {round(rate * 100)} % (au moins {MARGE_MIN} "
                      "habitants ; marge calibrée sur les années connues)")


def population_au_renouvellement(data: Donnees, commune: Commune, date: dt.date) -> Population:
    renewals = renouvellements_possibles(date)
    if not renewals:
        return Population(motif="séance antérieure au renouvellement général de mars 2008")
    now = data.version_a(date)
    if not commune.presente[now]:
        return Population(motif=f"{commune.nom} n'est pas une commune au COG {data.versions[now].cog}")
    found = []
    for renewal in renewals:
        population = _au_renouvellement(data, commune, renewal.annee, now)
        if not population.connue:
            if len(renewals) > 1:
                population.motif = (f"séance entre le premier tour du renouvellement de {renewals[-1].libelle} et "
                                    f"l'installation de tous les conseils ; {population.motif}")
            return population
        found.append((renewal, population))
    if len(found) == 1:
        renewal, population = found[0]
        population.provenance = f"renouvellement général de {renewal.libelle} : {population.provenance}"
        population.renouvellement = f"renouvellement de {renewal.libelle}"
        return population
    low = min(p.bas for _, p in found)
    high = max(p.haut for _, p in found)
    text = " ; ".join(f"renouvellement de {r.libelle} : {p.provenance}" for r, p in found)
    return Population(low, high, f"séance entre deux renouvellements possibles du conseil ({text})",
                      renouvellement=f"renouvellement de {found[0][0].libelle} ou de {found[-1][0].libelle}")

"""The population of a commune at the last general renewal before a meeting: a number, a range,
or unknown with the reason (cgct.md §0.2; DONNEES.md says which year each version carries)."""
from __future__ import annotations

import datetime as dt
import math

from checker.referentiel.donnees import Commune, Donnees
from checker.referentiel.renouvellements import renouvellements_possibles


# Widening of a range estimated from the nearest years (see DONNEES.md).
MARGE = 0.02
MARGE_MIN = 20


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
    # The nearest years on each side: the figure of the renewal year is not in the data. A yearly
    # figure does not always lie between its neighbours (Villeneuve-d'Ascq: 62 358 in force in 2019,
    # 62 727 in 2021, 61 957 in 2022), hence the margin.
    i, j = before[-1], after[0]
    a, b = commune.populations[i], commune.populations[j]
    vi, vj = data.versions[i], data.versions[j]
    low, high = min(a, b), max(a, b)
    margin_low, margin_high = max(MARGE_MIN, math.ceil(low * MARGE)), max(MARGE_MIN, math.ceil(high * MARGE))
    return Population(max(0, low - margin_low), high + margin_high,
                      f"population au {_jour(target)} absente des données : estimée entre celles en vigueur au "
                      f"{_jour(vi.population_en_vigueur)} ({a}, COG {vi.cog}) et au {_jour(vj.population_en_vigueur)} "
                      f"({b}, COG {vj.cog}), élargies de {int(MARGE * 100)} % (au moins {MARGE_MIN} habitants)")


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

"""Functions on lists and on the names of persons."""
from __future__ import annotations

from ruleset.functions import helper
from ruleset.names import fold_name


@helper("longueur")
def _longueur(liste):
    """Le nombre d'éléments d'une liste."""
    return len(liste)


@helper("max_occurrences")
def _max_occurrences(valeurs):
    """Le plus grand nombre de fois qu'une même valeur apparaît (0 pour une liste vide)."""
    # Counted in a plain dict: a `Counter` made for a handful of proxies cost more than the count.
    counts: dict = {}
    for valeur in valeurs:
        key = fold_name(valeur) if isinstance(valeur, str) else valeur
        counts[key] = counts.get(key, 0) + 1
    return max(counts.values(), default=0)


@helper("nom_dans")
def _nom_dans(nom, noms):
    """Vrai si `nom` figure dans `noms`, sans tenir compte des accents ni de la casse."""
    target = fold_name(nom)
    return any(fold_name(n) == target for n in noms)

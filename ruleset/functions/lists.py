"""Functions on lists and on the names of persons."""
from __future__ import annotations

from collections import Counter

from ruleset.functions import helper
from ruleset.names import fold_name


@helper("longueur")
def _longueur(liste):
    """Le nombre d'éléments d'une liste."""
    return len(liste)


@helper("max_occurrences")
def _max_occurrences(valeurs):
    """Le plus grand nombre de fois qu'une même valeur apparaît (0 pour une liste vide)."""
    counts = Counter(fold_name(v) if isinstance(v, str) else v for v in valeurs)
    return max(counts.values(), default=0)


@helper("nom_dans")
def _nom_dans(nom, noms):
    """Vrai si `nom` figure dans `noms`, sans tenir compte des accents ni de la casse."""
    target = fold_name(nom)
    return any(fold_name(n) == target for n in noms)

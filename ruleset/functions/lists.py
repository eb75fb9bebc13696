"""Functions on lists and on the names of persons."""
from __future__ import annotations

from ruleset.functions import helper
from ruleset.names import compatible, fold_name, given_letters, surname_alone
from ruleset.values import Unknown


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
    """Vrai si `nom` désigne une personne de `noms`, sans tenir compte des accents ni de la casse.

    Un nom entier se compare aux noms de la liste. Un nom de famille seul, avec ou sans civilité
    ni initiales (« M. CAROUX », « DUPONT J. »), désigne le seul nom de la liste qui le porte, les
    initiales écartant ceux dont le prénom ne commence pas ainsi : si personne ne le porte, c'est
    faux ; si plusieurs le portent, on ne sait lequel est désigné et le résultat est inconnu. Un
    nom entier dont la liste ne donne que le nom de famille (« Jean DUPONT » face à « M. DUPONT »)
    reste inconnu : le prénom du membre n'y est pas.
    """
    target = fold_name(nom)
    if any(fold_name(n) == target for n in noms):
        return True
    # L2121-15 wants the secretary to be a member: a minute that names him by his surname alone
    # names a member when exactly one listed member bears that surname (the lead's reading).
    alone = surname_alone(nom)
    if alone is not None:
        surname, initials = alone
        bearers = [n for n in noms if type(n) is str and given_letters(n, surname) is not None]
        if not bearers:
            return False
        chosen = [n for n in bearers if compatible(initials, given_letters(n, surname))]
        if len(chosen) == 1:
            return True
        return Unknown.of(f"« {nom} » : nom de famille seul, porté par {', '.join(chosen or bearers)}")
    for n in noms:
        listed = surname_alone(n) if type(n) is str else None
        given = None if listed is None else given_letters(nom, listed[0])
        if given is not None and compatible(listed[1], given):
            return Unknown.of(f"« {nom} » : la liste ne donne que le nom de famille « {n} »")
    return False

"""Functions on lists and on the names of persons."""
from __future__ import annotations

import re
from functools import lru_cache

from ruleset.functions import helper
from ruleset.names import fold_name
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
    alone = _surname_alone(nom)
    if alone is not None:
        surname, initials = alone
        bearers = [n for n in noms if type(n) is str and _given_letters(n, surname) is not None]
        if not bearers:
            return False
        chosen = [n for n in bearers if _compatible(initials, _given_letters(n, surname))]
        if len(chosen) == 1:
            return True
        return Unknown.of(f"« {nom} » : nom de famille seul, porté par {', '.join(chosen or bearers)}")
    for n in noms:
        listed = _surname_alone(n) if type(n) is str else None
        given = None if listed is None else _given_letters(nom, listed[0])
        if given is not None and _compatible(listed[1], given):
            return Unknown.of(f"« {nom} » : la liste ne donne que le nom de famille « {n} »")
    return False


_CIVILITIES = frozenset({"m", "mr", "mme", "mlle", "mm", "mmes", "monsieur", "madame", "mademoiselle",
                         "messieurs", "mesdames"})
_PARTICLES = frozenset({"de", "du", "des", "d'", "le", "la", "les", "van", "von", "der", "den", "di", "da",
                        "del", "della", "dos", "das", "do"})
_INITIAL = re.compile(r"(?:[^\W\d_]{1,2}\.-?)+[^\W\d_]?\.?|[^\W\d_]")


def _words(name: str) -> tuple[list, tuple]:
    """A name's words without its leading civility, and the letters of its initials (« J.-P. »)."""
    words = name.replace("\u2019", "'").split()
    while words and fold_name(words[0]).rstrip(".") in _CIVILITIES:
        words = words[1:]
    rest, initials = [], []
    for word in words:
        if _INITIAL.fullmatch(word) and (len(word) > 1 or word.isupper()):
            initials.extend(fold_name(piece)[0] for piece in re.findall(r"[^\W\d_]{1,2}", word))
        else:
            rest.append(word)
    return rest, tuple(initials)


def _capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _core(words) -> tuple:
    return tuple(w for w in fold_name(" ".join(words)).split() if w not in _PARTICLES)


@lru_cache(maxsize=4096)
def _surname_alone(name: str) -> tuple | None:
    """(surname words, initials) when the name is a surname without a given name: one word after
    any civility and initials, or only words in capitals; None for a whole name."""
    rest, initials = _words(name)
    if not rest:
        return None
    if len(rest) == 1 or all(_capitals(w) or fold_name(w) in _PARTICLES for w in rest):
        core = _core(rest)
        return (core, initials) if core else None
    return None


@lru_cache(maxsize=4096)
def _given_letters(name: str, surname: tuple) -> tuple | None:
    """The first letters of the given names of `name` when it bears `surname`, else None. In a name
    that mixes cases the surname is in capitals; otherwise it stands first or last (« DUPONT Jean »,
    « Jean Dupont »)."""
    rest, initials = _words(name)
    caps = [w for w in rest if _capitals(w)]
    if caps and len(caps) < len(rest):
        if _core(caps) != surname:
            return None
        return tuple(w[0] for w in _core(w for w in rest if not _capitals(w))) + initials
    words = _core(rest)
    k = len(surname)
    if words == surname:
        return initials
    if len(words) > k and words[:k] == surname:
        return tuple(w[0] for w in words[k:]) + initials
    if len(words) > k and words[-k:] == surname:
        return tuple(w[0] for w in words[:-k]) + initials
    return None


def _compatible(initials: tuple, given: tuple) -> bool:
    """Whether initials printed with a surname fit a listed person's given names (unknown ones fit)."""
    shortest = min(len(initials), len(given))
    return initials[:shortest] == given[:shortest]

"""Tables by population bracket (barèmes): the law's table stays in the rule, these functions read it.

A table is two lists written in the rule: the lower bounds of the brackets after the first
(`seuils`, strictly increasing) and one result per bracket (`resultats`, one more than `seuils`).
With seuils [100, 500] and resultats [7, 11, 15]: under 100 → 7, 100 to 499 → 11, 500 and more → 15.
"""
from __future__ import annotations

import bisect

from ruleset.functions import helper
from ruleset.intervals import is_number
from ruleset.values import Interval, Unknown, bounded


# The tables already found valid, by their thresholds (values and exact types) and the number
# of their results: a rule's table is the same at every call, and checking it again cost more
# than finding the bracket.
_VALID_TABLES: set = set()
KEPT_TABLES = 4096


def _table_key(seuils: list, resultats) -> tuple | None:
    if resultats is not None and type(resultats) is not list:
        return None
    try:
        return (tuple(seuils), tuple(map(type, seuils)), None if resultats is None else len(resultats))
    except TypeError:
        return None


def _check_table(seuils, resultats=None) -> list:
    seuils = list(seuils)
    key = _table_key(seuils, resultats)
    if key is not None and key in _VALID_TABLES:
        return seuils
    checked = check_table_computed(seuils, resultats)
    if key is not None and len(_VALID_TABLES) < KEPT_TABLES:
        _VALID_TABLES.add(key)
    return checked


def check_table_computed(seuils, resultats=None) -> list:
    """The table's thresholds, checked (without the memory of `_check_table`)."""
    seuils = list(seuils)
    for seuil in seuils:
        if isinstance(seuil, bool) or not isinstance(seuil, int):
            raise ValueError(f"seuil invalide {seuil!r} : les seuils sont des nombres entiers")
    if any(b <= a for a, b in zip(seuils, seuils[1:])):
        raise ValueError("les seuils doivent être rangés par ordre strictement croissant")
    if resultats is not None and len(list(resultats)) != len(seuils) + 1:
        raise ValueError(f"{len(seuils)} seuils appellent {len(seuils) + 1} résultats, reçu {len(list(resultats))}")
    return seuils


def _check_value(valeur, fonction: str) -> int:
    if isinstance(valeur, bool) or not isinstance(valeur, int) or valeur < 0:
        raise ValueError(f"{fonction} attend un nombre entier positif ou nul, reçu {valeur!r}")
    return valeur


def _nombre(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def _brackets(valeur, seuils, fonction: str) -> range:
    """The indices of the brackets `valeur` may fall in (one, unless it is known as bounds)."""
    if type(valeur) is Interval:
        low = bisect.bisect_right(seuils, _check_value(valeur.lo, fonction))
        return range(low, bisect.bisect_right(seuils, _check_value(valeur.hi, fonction)) + 1)
    index = bisect.bisect_right(seuils, _check_value(valeur, fonction))
    return range(index, index + 1)


# Tables written in a rule as lists of plain integers (thresholds and results), by their
# contents: checked once, their bracket labels written once. An integer population then finds its
# bracket by one bisection; any other argument (bounds, another type, another container) goes
# through the computation itself. Keys hold integers only, so two tables equal as keys are the
# same table (1.0 or True are never taken for 1). Bounded as the other memories.
_PLAIN_TABLES: dict = {}
_INTEGERS = frozenset({int})


def _plain_table(seuils, resultats) -> tuple | None:
    """(thresholds, results, labels) of a valid table of integers given as lists (`resultats` may
    be None), or None for any other table; raises as the check does for an invalid one."""
    if type(seuils) is not list or not _INTEGERS.issuperset(map(type, seuils)):
        return None
    if resultats is None:
        key = (tuple(seuils), None)
    elif type(resultats) is list and _INTEGERS.issuperset(map(type, resultats)):
        key = (tuple(seuils), tuple(resultats))
    else:
        return None
    table = _PLAIN_TABLES.get(key)
    if table is None:
        checked = check_table_computed(seuils, resultats)
        table = (checked, None if resultats is None else list(resultats),
                 [_libelle(i, checked) for i in range(len(checked) + 1)])
        if len(_PLAIN_TABLES) < KEPT_TABLES:
            _PLAIN_TABLES[key] = table
    return table


@helper("selon_tranche", intervals=True)
def _selon_tranche(valeur, seuils, resultats):
    """Le résultat de la tranche où tombe `valeur` : une tranche commence à son seuil inclus.

    Avec seuils [100, 500] et résultats [7, 11, 15] : 99 → 7, 100 → 11, 499 → 11, 500 → 15.
    Pour une valeur connue entre deux bornes qui couvrent plusieurs tranches : des résultats
    numériques donnent leurs bornes (entre 27 et 29 sièges), d'autres résultats un inconnu.
    """
    if type(valeur) is int:
        table = _plain_table(seuils, resultats)
        if table is not None:
            return table[1][bisect.bisect_right(table[0], _check_value(valeur, "selon_tranche"))]
    return selon_tranche_calcule(valeur, seuils, resultats)


def selon_tranche_calcule(valeur, seuils, resultats):
    """`selon_tranche` computed, without the tables kept (the tests compare both)."""
    seuils = _check_table(seuils, resultats)
    resultats = list(resultats)
    possible = [resultats[i] for i in _brackets(valeur, seuils, "selon_tranche")]
    if all(r == possible[0] and type(r) is type(possible[0]) for r in possible):
        return possible[0]
    if all(is_number(r) for r in possible):
        return bounded(min(possible), max(possible), valeur.why)
    return Unknown(valeur.why)


@helper("tranche_habitants", intervals=True)
def _tranche_habitants(valeur, seuils):
    """La tranche où tombe `valeur`, en toutes lettres : « de 500 à 1 499 habitants » ; pour une
    valeur connue entre deux bornes, les tranches possibles (« … ou … »)."""
    if type(valeur) is int:
        table = _plain_table(seuils, None)
        if table is not None:
            return table[2][bisect.bisect_right(table[0], _check_value(valeur, "tranche_habitants"))]
    return tranche_habitants_calcule(valeur, seuils)


def tranche_habitants_calcule(valeur, seuils):
    """`tranche_habitants` computed, without the tables kept (the tests compare both)."""
    seuils = _check_table(seuils)
    return " ou ".join(_libelle(i, seuils) for i in _brackets(valeur, seuils, "tranche_habitants"))


@helper("tranche_de_resultat")
def _tranche_de_resultat(resultat, seuils, resultats):
    """La ou les tranches dont le résultat est `resultat`, en toutes lettres ; erreur s'il n'y en a pas.

    Sert à retrouver la tranche de population d'après un effectif légal connu quand la population
    manque (« 15 sièges » → « de 500 à 1 499 habitants »).
    """
    seuils = _check_table(seuils, resultats)
    indices = [i for i, r in enumerate(resultats) if r == resultat]
    if not indices:
        raise ValueError(f"aucune tranche du tableau ne donne {resultat!r}")
    return " ou ".join(_libelle(i, seuils) for i in indices)


def _libelle(index: int, seuils: list) -> str:
    if not seuils:
        return "toute population"
    if index == 0:
        return f"moins de {_nombre(seuils[0])} habitants"
    if index == len(seuils):
        return f"{_nombre(seuils[-1])} habitants et plus"
    return f"de {_nombre(seuils[index - 1])} à {_nombre(seuils[index] - 1)} habitants"

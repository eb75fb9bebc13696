"""Functions on proxies, votes and elections (L2121-20, L2121-21, L2122-7; cgct.md §3).

Names of persons are compared without accents, case or extra spaces. A list built by a rule may
hold a missing fact (a candidate's votes, a proxy's regularity): a function that needs it returns
that missing fact again, so the rule stays undecided; it never reads it as zero or false.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from ruleset.functions import helper
from ruleset.names import fold_name
from ruleset.values import Unknown, merge_unknowns

AUCUN_ELU = "aucun élu"


def _fold(nom) -> str:
    if not isinstance(nom, str):
        raise TypeError(f"un nom doit être un texte, reçu {nom!r}")
    return fold_name(nom)


@helper("noms_en_surnombre")
def _noms_en_surnombre(noms, limite):
    """Les noms qui apparaissent plus de `limite` fois dans `noms` (un mandataire porteur de trop de pouvoirs), chacun une fois."""
    # Counted in a plain dict: a `Counter` made for a handful of proxies cost more than the count.
    keys = [_fold(n) for n in noms]
    counts: dict = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    out, seen = [], set()
    for nom, key in zip(noms, keys):
        if counts[key] > int(limite) and key not in seen:
            seen.add(key)
            out.append(nom)
    return out


def pouvoirs_irreguliers_calcule(mandataires, irreguliers, limite):
    """`pouvoirs_irreguliers` computed again, without what is kept (the tests compare both)."""
    if len(mandataires) != len(irreguliers):
        raise ValueError("pouvoirs_irreguliers attend autant de mandataires que de marques d'irrégularité")
    unknown = merge_unknowns(irreguliers)
    if unknown is not None:
        return unknown
    limite = int(limite)
    # Counted in plain dicts: a `Counter` made for a handful of proxies cost more than the count.
    portes: dict = {}
    mauvais: dict = {}
    for mandataire, irregulier in zip(mandataires, irreguliers):
        if not isinstance(irregulier, bool):
            raise TypeError(f"une marque d'irrégularité doit valoir vrai ou faux, reçu {irregulier!r}")
        key = _fold(mandataire)
        portes[key] = portes.get(key, 0) + 1
        mauvais[key] = mauvais.get(key, 0) + irregulier
    return sum(max(mauvais[key], portes[key] - limite) for key in portes)


# The neutralisation of irregular proxies (L2121-20) asks three times per act with the same
# proxies, their marks read three ways (an unknown mark as regular, as irregular, as read): when
# every mark is known the three lists are the same. Answers are kept, a bounded number, only for
# lists of names that are all texts, marks that are all booleans and an integer limit (1 and True
# are equal keys: anything else is computed as given, with its own error).
KEPT = 4096
_irreguliers_kept = lru_cache(maxsize=KEPT)(pouvoirs_irreguliers_calcule)
_BOOLEANS = frozenset({bool})
_TEXTS = frozenset({str})


@helper("pouvoirs_irreguliers")
def _pouvoirs_irreguliers(mandataires, irreguliers, limite):
    """Nombre de pouvoirs irréguliers : ceux marqués irréguliers (non écrits, au-delà de trois séances…), plus, pour chaque mandataire, les pouvoirs réguliers au-delà de `limite`.

    `mandataires` et `irreguliers` vont par paires (un mandataire et un vrai/faux par pouvoir).
    Pour un mandataire qui porte k pouvoirs dont b irréguliers, max(b, k − limite) pouvoirs sont
    irréguliers : les b, puis les réguliers au-delà de la limite. Inconnu si la régularité d'un
    pouvoir est inconnue.
    """
    if (type(limite) is int and type(mandataires) is list and type(irreguliers) is list
            and _BOOLEANS.issuperset(map(type, irreguliers)) and _TEXTS.issuperset(map(type, mandataires))):
        return _irreguliers_kept(tuple(mandataires), tuple(irreguliers), limite)
    return pouvoirs_irreguliers_calcule(mandataires, irreguliers, limite)


@helper("resultat_maintenu", lenient=True)
def _resultat_maintenu(pour, contre, retires, adoptee, partage_rejete):
    """Vrai si le résultat tient encore quand on retire `retires` voix du côté qui l'a emporté (le cas le plus défavorable).

    On ne retire une voix que d'un côté qui en a : au plus `pour` voix d'une délibération
    adoptée, au plus `contre` d'une délibération rejetée ; un vote où ce côté n'a aucune voix
    (0 contre 0) ne perd rien et tient. Adoptée : il faut encore plus de voix pour que contre.
    Rejetée : il faut encore au moins autant de voix contre que pour, l'égalité ne suffisant que
    si `partage_rejete` (scrutin secret, où le partage vaut rejet) ; au scrutin public, un partage
    relancerait la voix prépondérante du président et le résultat ne serait plus acquis. Le mode
    de scrutin n'est lu que dans ce cas d'égalité : inconnu, il rend le résultat inconnu là
    seulement (un mode absent n'est pas un scrutin public).
    """
    unknown = merge_unknowns((pour, contre, retires, adoptee))
    if unknown is not None:
        return unknown
    pour, contre, retires = int(pour), int(contre), max(int(retires), 0)
    if adoptee:
        retires = min(retires, pour)
        return retires == 0 or pour - retires > contre
    retires = min(retires, contre)
    if retires == 0:
        return True
    restant = contre - retires
    if restant > pour:
        return True
    if restant < pour:
        return False
    return partage_rejete if type(partage_rejete) is Unknown else bool(partage_rejete)


@helper("selon_nom")
def _selon_nom(nom, noms, valeurs):
    """La valeur de `valeurs` qui va avec `nom` dans `noms` (présence d'un membre…) ; inconnue si le nom n'y figure pas."""
    if len(noms) != len(valeurs):
        raise ValueError("selon_nom attend autant de valeurs que de noms")
    target = _fold(nom)
    for candidate, value in zip(noms, valeurs):
        if isinstance(candidate, str) and _fold(candidate) == target:
            return value
    return Unknown.of(f"seance.membres[{nom}]")


@helper("memes_noms")
def _memes_noms(a, b):
    """Vrai si les deux listes de noms sont les mêmes, dans le même ordre, aux accents et à la casse près."""
    if len(a) != len(b):
        return False
    unknown = merge_unknowns(list(a) + list(b))
    if unknown is not None:
        return unknown
    return all(_fold(x) == _fold(y) for x, y in zip(a, b))


@helper("elus_attendus")
def _elus_attendus(noms, voix, naissances):
    """Pour chaque tour d'une élection uninominale, le candidat que L2121-21 (et L2122-7) déclare élu, ou « aucun élu ».

    Aux deux premiers tours, il faut la majorité absolue des suffrages exprimés (les voix des
    candidats : blancs et nuls ne comptent pas) ; au troisième, la majorité relative suffit et, à
    égalité de voix, le plus âgé est élu. `noms`, `voix` et `naissances` donnent, tour par tour,
    la liste des candidats, de leurs voix et de leurs dates de naissance. Inconnu si une voix
    manque, ou si une date de naissance manque alors qu'elle départage.
    """
    if not len(noms) == len(voix) == len(naissances):
        raise ValueError("elus_attendus attend autant de tours de noms, de voix et de dates de naissance")
    out = []
    for numero, (tour_noms, tour_voix, tour_naissances) in enumerate(zip(noms, voix, naissances), start=1):
        if not len(tour_noms) == len(tour_voix) == len(tour_naissances):
            raise ValueError(f"tour {numero} : autant de voix et de dates de naissance que de candidats sont attendues")
        unknown = merge_unknowns(tour_voix)
        if unknown is not None:
            return unknown
        if not tour_noms:
            out.append(AUCUN_ELU)
            continue
        counts = [int(v) for v in tour_voix]
        exprimes = sum(counts)
        best = max(counts)
        tied = [i for i, v in enumerate(counts) if v == best]
        if numero <= 2:
            out.append(tour_noms[tied[0]] if len(tied) == 1 and 2 * best > exprimes else AUCUN_ELU)
            continue
        if len(tied) == 1:
            out.append(tour_noms[tied[0]])
            continue
        dates = [tour_naissances[i] for i in tied]
        unknown = merge_unknowns(dates)
        if unknown is not None:
            return unknown
        for d in dates:
            if not isinstance(d, dt.date):
                raise TypeError(f"une date de naissance est attendue, reçu {d!r}")
        oldest = min(dates)
        if dates.count(oldest) > 1:
            # Same day of birth: the law's « plus âgé » then turns on facts the record cannot hold.
            return Unknown.of(f"deliberation.vote.tours[{numero - 1}].candidats.date_naissance (même jour de naissance)")
        out.append(tour_noms[tied[dates.index(oldest)]])
    return out

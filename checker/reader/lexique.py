"""The names of communes and EPCI the reference data knows, as keys (checker/referentiel/noms.py).

A heading runs the body's name into the words that follow it (« COMMUNE DE SAINT-EXEMPLE
AFFICHÉ LE … », « Communauté de communes X Accusé de réception »): of the words after « Commune
de », the longest run that names a commune of the Code officiel géographique is the name. A run
that names none is an OCR slip or a cut in the wrong place, and is read with less trust. The
keys are taken once from the derived file the referentiel reads (`Donnees.cles_noms`); without it (a file removed or
unreadable) the reader falls back on its word lists alone.
"""
from __future__ import annotations

from checker.referentiel.noms import cle

# (data, commune keys, EPCI keys without their small words), remade when the configuration has
# chosen another reference file.
_CACHE: list = [None, None, None]


def _keys() -> tuple[frozenset, frozenset] | None:
    try:
        from checker.referentiel.donnees import charger
        data = charger()
    except (OSError, ValueError, KeyError):
        return None
    if _CACHE[0] is not data:
        communes, epci = data.cles_noms()
        _CACHE[:] = [data, communes, frozenset(_loose(k) for k in epci)]
    return _CACHE[1], _CACHE[2]


# « CC Gâtine-Racan » is the data's « CC de Gâtine-Racan »: an EPCI's name is compared without its
# small words.
_SMALL_WORDS = {"de", "du", "des", "d", "la", "le", "les", "l", "et"}


def _loose(key: str) -> str:
    return " ".join(w for w in key.split() if w not in _SMALL_WORDS)


def available() -> bool:
    return _keys() is not None


def is_commune(name: str) -> bool:
    keys = _keys()
    return keys is not None and cle(name) in keys[0]


def is_epci(name: str) -> bool:
    """`name` written with its kind (« Communauté de communes du Pays X »)."""
    keys = _keys()
    return keys is not None and _loose(cle(name)) in keys[1]


def body_of_siren(siren: str) -> tuple[str, str] | None:
    """(name, nature) of the commune or EPCI à fiscalité propre bearing `siren` in the reference
    data: the SIREN an ACTES identifier carries is the transmitting body's."""
    if _keys() is None:
        return None
    from checker.referentiel.donnees import charger
    data = charger()
    commune = data.commune_par_siren(siren)
    if commune is not None:
        return commune.nom, "commune"
    epci = data.epci(siren)
    if epci is not None:
        return epci.nom, epci.nature
    return None

"""Uncertain law: a rule that cannot tell what the law said on a date says so, as an unknown value."""
from __future__ import annotations

from ruleset.functions import helper
from ruleset.values import Unknown

PREFIXE = "droit incertain"

# The Unknown of each motif, made once and given again: a version whose law is uncertain or not
# encoded gives it on every record of its period, and an Unknown is never changed once made (an
# operation on it makes another). A bounded number: motifs are the rules' own texts.
_KEPT = 4096
_INCERTAIN: dict = {}
_NON_ENCODE: dict = {}


def _kept(kept: dict, motif, prefix: str, refused: str) -> Unknown:
    found = kept.get(motif) if type(motif) is str else None
    if found is None:
        if not isinstance(motif, str) or not motif.strip():
            raise ValueError(refused)
        found = Unknown.of(f"{prefix} : {motif.strip()}")
        if type(motif) is str and len(kept) < _KEPT:
            kept[motif] = found
    return found


@helper("droit_incertain")
def _droit_incertain(motif):
    """Valeur inconnue parce que le droit applicable est incertain, non parce qu'un fait manque.

    À réserver aux points que la spécification juridique marque « à vérifier » ou de faible
    confiance : la règle rend alors « indéterminé » au lieu de deviner, et le constat cite le
    `motif` (texte court : quel texte, quelle période, pourquoi le doute) parmi ce qui manque.
    Comme toute valeur inconnue, elle suit la logique à trois valeurs : `faux et droit_incertain(…)`
    vaut faux, de sorte qu'un manquement certain reste constaté quelle que soit la lecture du droit.
    """
    return _kept(_INCERTAIN, motif, PREFIXE, "le motif de l'incertitude doit être un texte non vide")


NON_ENCODE = "droit applicable à cette date non encodé"


@helper("droit_non_encode")
def _droit_non_encode(motif):
    """Valeur inconnue parce que le droit de cette date, qui existait, n'est pas encodé.

    Pour une version dont le texte est connu mais qui ne couvre pas tous les cas (un syndicat, le
    droit local d'Alsace-Moselle avant 1996) : la règle rend « indéterminé » avec ce motif au lieu
    de « non applicable », qui laisserait croire qu'aucune obligation ne pesait ce jour-là.
    """
    return _kept(_NON_ENCODE, motif, NON_ENCODE, "le motif doit être un texte non vide")

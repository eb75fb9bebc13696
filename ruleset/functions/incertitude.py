"""Uncertain law: a rule that cannot tell what the law said on a date says so, as an unknown value."""
from __future__ import annotations

from ruleset.functions import helper
from ruleset.values import Unknown

PREFIXE = "droit incertain"


@helper("droit_incertain")
def _droit_incertain(motif):
    """Valeur inconnue parce que le droit applicable est incertain, non parce qu'un fait manque.

    À réserver aux points que la spécification juridique marque « à vérifier » ou de faible
    confiance : la règle rend alors « indéterminé » au lieu de deviner, et le constat cite le
    `motif` (texte court : quel texte, quelle période, pourquoi le doute) parmi ce qui manque.
    Comme toute valeur inconnue, elle suit la logique à trois valeurs : `faux et droit_incertain(…)`
    vaut faux, de sorte qu'un manquement certain reste constaté quelle que soit la lecture du droit.
    """
    if not isinstance(motif, str) or not motif.strip():
        raise ValueError("le motif de l'incertitude doit être un texte non vide")
    return Unknown.of(f"{PREFIXE} : {motif.strip()}")


NON_ENCODE = "droit applicable à cette date non encodé"


@helper("droit_non_encode")
def _droit_non_encode(motif):
    """Valeur inconnue parce que le droit de cette date, qui existait, n'est pas encodé.

    Pour une version dont le texte est connu mais qui ne couvre pas tous les cas (un syndicat, le
    droit local d'Alsace-Moselle avant 1996) : la règle rend « indéterminé » avec ce motif au lieu
    de « non applicable », qui laisserait croire qu'aucune obligation ne pesait ce jour-là.
    """
    if not isinstance(motif, str) or not motif.strip():
        raise ValueError("le motif doit être un texte non vide")
    return Unknown.of(f"{NON_ENCODE} : {motif.strip()}")

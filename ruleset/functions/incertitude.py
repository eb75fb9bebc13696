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

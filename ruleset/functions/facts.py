"""The only functions that see a missing fact: each use must be argued in the rule."""
from __future__ import annotations

from ruleset.functions import helper
from ruleset.values import Unknown


@helper("defaut", lenient=True, intervals=True)
def _defaut(valeur, par_defaut):
    """`valeur` si elle est connue, sinon `par_defaut` (la règle doit justifier ce défaut)."""
    return par_defaut if type(valeur) is Unknown else valeur


@helper("connu", lenient=True, intervals=True)
def _connu(valeur):
    """Vrai si le fait est connu, fût-ce seulement entre deux bornes."""
    return type(valeur) is not Unknown

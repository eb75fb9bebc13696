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


@helper("manquants", lenient=True)
def _manquants(texte1, valeur1, texte2=None, valeur2=None, texte3=None, valeur3=None, texte4=None, valeur4=None):
    """Les textes dont la valeur est inconnue, joints par « ; » (« population inconnue »).

    Pour qu'un message d'indétermination dise ce qui manque vraiment, au lieu de nommer un fait
    qui est connu : chaque texte décrit le manque de la valeur qui le suit. Ne donne de sens à
    aucun fait manquant ; sans manque parmi ces valeurs, « faits incomplets ».
    """
    pairs = ((texte1, valeur1), (texte2, valeur2), (texte3, valeur3), (texte4, valeur4))
    said = [texte for texte, valeur in pairs if texte is not None and type(valeur) is Unknown]
    return " ; ".join(said) if said else "faits incomplets"

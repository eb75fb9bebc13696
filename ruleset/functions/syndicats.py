"""Functions for syndicates and EPCI: members' answers and the qualified majority (cgct.md §7)."""
from __future__ import annotations

import datetime as dt

from ruleset import dates
from ruleset.functions import check_date, helper
from ruleset.functions.incertitude import PREFIXE
from ruleset.majorites import majorite_qualifiee
from ruleset.values import Unknown, merge_unknowns

AVIS = ("favorable", "defavorable", "sans_reponse")
REPORT_INCERTAIN = ("délai de réponse expiré un samedi, un dimanche ou un jour férié : son report au "
                    "premier jour ouvré n'est pas établi pour ce délai non juridictionnel (cgct.md §12.3)")


@helper("majorite_qualifiee")
def _majorite_qualifiee(populations, accords, syndicat=True):
    """Vrai si les avis favorables forment la majorité qualifiée de L5211-5 II.

    Deux tiers au moins des conseils représentant plus de la moitié de la population totale, ou la
    moitié au moins des conseils représentant les deux tiers de la population. Pour un syndicat
    (`syndicat` vrai), cette majorité comprend les conseils des communes dont la population dépasse
    le quart du total ; pour une communauté (`syndicat` faux), celui de la commune la plus peuplée
    quand elle dépasse ce quart. `populations` et `accords` sont deux listes de même longueur, un
    élément par membre consulté. Un avis inconnu laisse la majorité inconnue seulement si elle en
    dépend : elle est acquise si elle l'est même en comptant défavorables les avis inconnus, et
    manquée si elle l'est même en les comptant favorables. Une population inconnue rend le calcul
    inconnu.
    """
    populations = list(populations)
    accords = list(accords)
    if len(populations) != len(accords):
        raise ValueError(f"{len(populations)} populations pour {len(accords)} avis : une population et un avis par membre")
    missing_population = merge_unknowns(populations)
    if missing_population is not None:
        return missing_population
    if not isinstance(syndicat, bool):
        raise ValueError(f"le troisième argument dit s'il s'agit d'un syndicat (vrai ou faux), reçu {syndicat!r}")
    unknown = merge_unknowns(accords)
    if unknown is None:
        return majorite_qualifiee(populations, accords, syndicat)
    # The majority is monotone in the answers (tests/test_properties_majorite.py): the two extreme
    # readings of the unknown answers bound every other one.
    au_pire = majorite_qualifiee(populations, [a if type(a) is not Unknown else False for a in accords], syndicat)
    if au_pire:
        return True
    au_mieux = majorite_qualifiee(populations, [a if type(a) is not Unknown else True for a in accords], syndicat)
    if not au_mieux:
        return False
    return unknown


def avis_dans_le_delai(date_deliberation: dt.date, date_notification: dt.date, mois: int):
    """True, False, or Unknown when only the weekend extension of the deadline would save it."""
    echeance = dates.echeance_mois(date_notification, mois)
    if date_deliberation <= echeance:
        return True
    if date_deliberation > dates.jour_ouvre_suivant(echeance):
        return False
    return Unknown.of(f"{PREFIXE} : {REPORT_INCERTAIN}")


@helper("delibere_dans_le_delai")
def _delibere_dans_le_delai(date_deliberation, date_notification, mois):
    """Vrai si le conseil a délibéré au plus tard à l'échéance de `mois` mois après la notification.

    L'échéance suit l'article 641 du code de procédure civile (même quantième, ou dernier jour du
    mois s'il manque). Une délibération antérieure à la notification est dans le délai (CE 23 juil.
    2012, n° 342849). Quand l'échéance tombe un samedi, un dimanche ou un jour férié et que le
    conseil a délibéré au premier jour ouvré suivant, le résultat est inconnu : le report de ce
    délai n'est pas établi (cgct.md §0.4, §12.3).
    """
    check_date(date_deliberation, "delibere_dans_le_delai")
    check_date(date_notification, "delibere_dans_le_delai")
    return avis_dans_le_delai(date_deliberation, date_notification, int(mois))


@helper("avis_retenu", lenient=True)
def _avis_retenu(avis, date_notification, date_deliberation, mois, silence):
    """L'accord d'un membre consulté tel qu'il compte pour la majorité : vrai, faux ou inconnu.

    `avis` vaut favorable, defavorable ou sans_reponse. Un avis donné dans les `mois` mois de la
    notification compte tel quel ; sans réponse dans ce délai, ou passé ce délai, vaut ce que la loi
    fait du silence : `silence` est « favorable » (L5211-17, L5211-18), « defavorable » (L5211-19)
    ou une valeur inconnue quand l'effet du silence est incertain. Quand l'avis exprimé et l'effet du
    silence coïncident, la date importe peu ; sinon une date inconnue laisse l'accord inconnu.
    """
    if silence == "favorable":
        tacite = True
    elif silence == "defavorable":
        tacite = False
    elif type(silence) is Unknown:
        tacite = silence
    else:
        raise ValueError(f"effet du silence inconnu {silence!r} : favorable ou defavorable")
    if type(avis) is Unknown:
        return avis
    if avis not in AVIS:
        raise ValueError(f"avis inconnu {avis!r} ; admis : {', '.join(AVIS)}")
    if avis == "sans_reponse":
        return tacite
    expres = avis == "favorable"
    if type(tacite) is not Unknown and expres == tacite:
        return expres
    missing = merge_unknowns((date_notification, date_deliberation, mois))
    if missing is not None:
        return missing
    check_date(date_notification, "avis_retenu")
    check_date(date_deliberation, "avis_retenu")
    dans_le_delai = avis_dans_le_delai(date_deliberation, date_notification, int(mois))
    if dans_le_delai is True:
        return expres
    if dans_le_delai is False:
        return tacite
    return dans_le_delai if type(tacite) is not Unknown else dans_le_delai.merge(tacite)

"""Convocation functions: the sending channel and the proof of receipt (L2121-10, cgct.md §1.2)."""
from __future__ import annotations

from ruleset.functions import check_date, helper
from ruleset.values import Unknown

REMISE_EN_MAIN_PROPRE = "remise_en_main_propre"


@helper("canal_regulier", lenient=True)
def _canal_regulier(canal, canal_demande, canal_par_defaut):
    """Vrai si la convocation est partie par le canal que le membre a demandé, ou par le canal
    légal par défaut (`canal_par_defaut`) quand il n'a rien demandé d'autre.

    Une demande non renseignée se lit comme une absence de demande, mais seulement pour
    valider le canal par défaut : la loi fait de ce canal la règle et de la demande une
    exception que le membre doit formuler (L2121-10). Un autre canal avec une demande inconnue
    reste inconnu (le membre a pu le demander), de même qu'un canal inconnu.
    """
    if type(canal_par_defaut) is Unknown:
        return canal_par_defaut
    if type(canal) is Unknown:
        return canal
    if type(canal_demande) is Unknown:
        return True if canal == canal_par_defaut else canal_demande
    return canal == canal_demande


@helper("date_de_reception", lenient=True)
def _date_de_reception(canal, date_reception, date_envoi):
    """Le jour où la convocation est parvenue au membre : la date de réception si le dossier la
    donne ; pour une remise en main propre, le jour de la remise (l'envoi vaut alors réception,
    CE 30 mars 2021, n° 446461) ; sinon inconnue.
    """
    if type(date_reception) is not Unknown:
        check_date(date_reception, "date_de_reception")
        return date_reception
    if canal == REMISE_EN_MAIN_PROPRE and type(date_envoi) is not Unknown:
        check_date(date_envoi, "date_de_reception")
        return date_envoi
    return date_reception


def _verdicts(noms, verdicts, name: str):
    if not isinstance(noms, list) or not isinstance(verdicts, list) or len(noms) != len(verdicts):
        raise ValueError(f"{name} attend deux listes de même longueur (noms et verdicts)")
    return zip(noms, verdicts)


@helper("noms_en_defaut")
def _noms_en_defaut(noms, verdicts):
    """Les noms dont le verdict (à la même place dans `verdicts`) est faux."""
    return [nom for nom, verdict in _verdicts(noms, verdicts, "noms_en_defaut") if verdict is False]


@helper("noms_indetermines")
def _noms_indetermines(noms, verdicts):
    """Les noms dont le verdict (à la même place dans `verdicts`) est inconnu."""
    return [nom for nom, verdict in _verdicts(noms, verdicts, "noms_indetermines") if type(verdict) is Unknown]


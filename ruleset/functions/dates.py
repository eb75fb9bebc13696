"""Date functions: jours francs, months, délais francs, holidays (cgct.md §0.3, §0.4)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from ruleset import dates
from ruleset.functions import check_date, helper


@helper("jours_francs")
def _jours_francs(envoi, seance):
    """Jours francs entre l'envoi et la séance : ni le jour d'envoi ni celui de la séance ne comptent."""
    check_date(envoi, "jours_francs")
    check_date(seance, "jours_francs")
    return dates.jours_francs(envoi, seance)


@helper("dernier_jour_envoi")
def _dernier_jour_envoi(seance, jours):
    """Dernier jour d'envoi laissant `jours` jours francs avant la séance."""
    check_date(seance, "dernier_jour_envoi")
    return dates.dernier_jour_envoi(seance, int(jours))


@helper("ajouter_jours")
def _ajouter_jours(date, jours):
    """La date plus `jours` jours calendaires."""
    check_date(date, "ajouter_jours")
    return dates.ajouter_jours(date, int(jours))


@helper("ajouter_mois")
def _ajouter_mois(date, mois, fin_de_mois="refuser"):
    """Le même quantième `mois` mois plus tard ; `fin_de_mois` : refuser, dernier_jour ou jour_suivant."""
    check_date(date, "ajouter_mois")
    return dates.ajouter_mois(date, int(mois), fin_de_mois)


# The délai of the déféré is computed three times per act (with and without the local law of
# Alsace-Moselle, then with the body's) from dates that recur from record to record, and skipping
# holidays makes it the costliest of these functions: its results are kept, a bounded number, and
# only for arguments of exactly these types (a bool is not taken for an int, nor a datetime for a
# date: anything else is computed as given, with its own error).
KEPT = 20_000


def delai_franc_mois_calcule(evenement, mois, alsace_moselle=False):
    """`delai_franc_mois` computed again, without what is kept (the tests compare both)."""
    check_date(evenement, "delai_franc_mois")
    return dates.delai_franc_mois(evenement, int(mois), bool(alsace_moselle))


def delai_franc_mois_incertain_calcule(evenement, mois):
    """`delai_franc_mois_incertain` computed again, without what is kept."""
    check_date(evenement, "delai_franc_mois_incertain")
    return dates.delai_franc_mois_incertain(evenement, int(mois))


_delai_kept = lru_cache(maxsize=KEPT)(delai_franc_mois_calcule)
_incertain_kept = lru_cache(maxsize=KEPT)(delai_franc_mois_incertain_calcule)


@helper("delai_franc_mois")
def _delai_franc_mois(evenement, mois, alsace_moselle=False):
    """Dernier jour d'un délai franc de `mois` mois, reporté au premier jour ouvré (§0.4)."""
    if type(evenement) is dt.date and type(mois) is int and type(alsace_moselle) is bool:
        return _delai_kept(evenement, mois, alsace_moselle)
    return delai_franc_mois_calcule(evenement, mois, alsace_moselle)


@helper("delai_franc_mois_incertain")
def _delai_franc_mois_incertain(evenement, mois):
    """Vrai quand le mois d'arrivée n'a pas le quantième de départ (lecture incertaine, §0.4)."""
    if type(evenement) is dt.date and type(mois) is int:
        return _incertain_kept(evenement, mois)
    return delai_franc_mois_incertain_calcule(evenement, mois)


@helper("echeance_mois")
def _echeance_mois(evenement, mois):
    """Échéance à `mois` mois selon l'article 641 du code de procédure civile (dernier jour du mois si besoin)."""
    check_date(evenement, "echeance_mois")
    return dates.echeance_mois(evenement, int(mois))


@helper("jour_ferie")
def _jour_ferie(date, alsace_moselle=False):
    """Vrai pour un jour férié (jours fériés locaux d'Alsace-Moselle si demandé)."""
    check_date(date, "jour_ferie")
    return dates.jour_ferie(date, bool(alsace_moselle))


@helper("jour_ouvre_suivant")
def _jour_ouvre_suivant(date, alsace_moselle=False):
    """La date elle-même si elle est ouvrée, sinon le premier jour ouvré qui suit."""
    check_date(date, "jour_ouvre_suivant")
    return dates.jour_ouvre_suivant(date, bool(alsace_moselle))


@helper("date")
def _date(texte):
    """Une date écrite AAAA-MM-JJ."""
    return dt.date.fromisoformat(texte)


@helper("plus_tard")
def _plus_tard(a, b):
    """La plus tardive de deux dates."""
    return max(a, b)

"""Fonctions de la publicité et de la transmission des actes (cgct.md §5).

Une formalité (affichage, mise en ligne, transmission au préfet) se prouve par sa date. Une date
absente du dossier ne prouve pas que la formalité manque : seul un fait du dossier peut l'établir
(« seulement affichée en mairie », « non transmise »). Ces fonctions voient donc les faits
inconnus, et ne concluent à l'absence que sur un fait établi.
"""
from __future__ import annotations

from ruleset.functions import check_date, helper
from ruleset.values import Unknown, merge_unknowns


@helper("formalite_accomplie", lenient=True)
def _formalite_accomplie(date, accomplie):
    """Vrai si la formalité est établie, faux si son absence l'est, inconnu sinon.

    `date` est la date de la formalité, `accomplie` ce que le dossier dit d'elle par ailleurs
    (par exemple « electronique » dans la liste des formes de publicité accomplies). Une date
    connue suffit à établir la formalité ; sans date, `accomplie` vrai l'établit aussi (la date
    reste alors inconnue) et `accomplie` faux établit son absence ; sinon le résultat est inconnu.
    """
    if type(date) is not Unknown:
        check_date(date, "formalite_accomplie")
        return True
    if type(accomplie) is Unknown:
        return date.merge(accomplie)
    if not isinstance(accomplie, bool):
        raise TypeError(f"formalite_accomplie attend vrai ou faux, reçu {accomplie!r}")
    return accomplie


@helper("premiere_date", lenient=True)
def _premiere_date(dates):
    """La plus ancienne des dates connues de la liste ; inconnue si aucune ne l'est.

    Sert quand plusieurs formes de publicité valent chacune (affichage ou publication, avant le
    1er juillet 2022) : l'acte est rendu public par la première accomplie. Une forme dont la date
    manque peut avoir été plus précoce : la date obtenue est alors la plus tardive possible.
    """
    if type(dates) is Unknown:
        return dates
    if not isinstance(dates, list):
        raise TypeError(f"premiere_date attend une liste de dates, reçu {dates!r}")
    known = [d for d in dates if type(d) is not Unknown]
    for value in known:
        check_date(value, "premiere_date")
    if known:
        return min(known)
    unknown = merge_unknowns(dates)
    if unknown is None:
        raise ValueError("premiere_date attend au moins une date")
    return unknown


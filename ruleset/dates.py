"""Legal date arithmetic: jours francs, months, délais francs and working days.

Each function states the legal reading it encodes; the specification is cgct.md §0.3 and §0.4.
"""
from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

MONTH_END_MODES = ("refuser", "dernier_jour", "jour_suivant")


class AmbiguousDate(ValueError):
    """Adding months lands on a day the target month does not have, and no rounding was chosen."""


def jours_francs(envoi: dt.date, seance: dt.date) -> int:
    """Clear days between sending and meeting: neither end day counts (cgct.md §0.3).

    Saturdays, Sundays and holidays count and nothing is extended (CE 13 oct. 1993, n° 141677).
    The result is negative when the convocation left after the meeting.
    """
    return (seance - envoi).days - 1


def dernier_jour_envoi(seance: dt.date, jours: int) -> dt.date:
    """The latest sending date that still leaves `jours` clear days before the meeting."""
    return seance - dt.timedelta(days=jours + 1)


def ajouter_jours(date: dt.date, jours: int) -> dt.date:
    return date + dt.timedelta(days=jours)


def ajouter_mois(date: dt.date, mois: int, fin_de_mois: str = "refuser") -> dt.date:
    """Same day of the month `mois` months later.

    When that day does not exist (31 January + 1 month), the caller must say what the law does:
    `dernier_jour` keeps the last day of the target month (art. 641 CPC), `jour_suivant` moves to
    the first day of the following month; the default `refuser` raises, because the texts do not
    agree and a silent choice would be a legal decision taken by accident.
    """
    if fin_de_mois not in MONTH_END_MODES:
        raise ValueError(f"mode de fin de mois inconnu : {fin_de_mois!r} (admis : {', '.join(MONTH_END_MODES)})")
    index = date.year * 12 + (date.month - 1) + mois
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    if date.day <= last:
        return dt.date(year, month, date.day)
    if fin_de_mois == "dernier_jour":
        return dt.date(year, month, last)
    if fin_de_mois == "jour_suivant":
        return dt.date(year, month, last) + dt.timedelta(days=1)
    raise AmbiguousDate(
        f"le {date.day} n'existe pas dans le mois d'arrivée ({month:02d}/{year}) : "
        "préciser fin_de_mois = dernier_jour ou jour_suivant")


@lru_cache(maxsize=512)
def _holidays(year: int, alsace_moselle: bool) -> frozenset:
    # Moselle (57) and Alsace (6AE) share the two local days: Good Friday and 26 December.
    from ruleset import jours_feries

    if jours_feries.FIRST <= year <= jours_feries.LAST:
        # The `holidays` library's days, written out (scripts/jours_feries.py): importing it costs
        # a one-record check a sixth of its CPU.
        days = jours_feries.NATIONAL[year] + ("," + jours_feries.LOCAL[year] if alsace_moselle else "")
        return frozenset(dt.date(year, int(d[:2]), int(d[2:])) for d in days.split(",") if d)
    import holidays

    calendar_ = holidays.France(subdiv="57", years=year) if alsace_moselle else holidays.France(years=year)
    return frozenset(calendar_.keys())


def jour_ferie(date: dt.date, alsace_moselle: bool = False) -> bool:
    """A French public holiday, with the Alsace-Moselle local days when asked."""
    return date in _holidays(date.year, bool(alsace_moselle))


def jour_ouvre(date: dt.date, alsace_moselle: bool = False) -> bool:
    return date.weekday() < 5 and not jour_ferie(date, alsace_moselle)


def jour_ouvre_suivant(date: dt.date, alsace_moselle: bool = False) -> dt.date:
    """The date itself if it is a working day, else the next working day."""
    while not jour_ouvre(date, alsace_moselle):
        date += dt.timedelta(days=1)
    return date


def delai_franc_mois(evenement: dt.date, mois: int, alsace_moselle: bool = False) -> dt.date:
    """Last day of a délai franc of `mois` months counted from `evenement` (cgct.md §0.4).

    From one day of the month to the same day `mois` months later ("de quantième à quantième"),
    clamped to the last day of a shorter month; neither end counts, so the last day to act is the
    day after; a Saturday, Sunday or public holiday moves it to the next working day
    (CE 19 sept. 2014, n° 362568). Event 3 Mar 2023 → 4 May 2023; 6 May 2024 → 8 Jul 2024.
    """
    same_day = ajouter_mois(evenement, mois, "dernier_jour")
    return jour_ouvre_suivant(same_day + dt.timedelta(days=1), alsace_moselle)


def delai_franc_mois_incertain(evenement: dt.date, mois: int) -> bool:
    """True when the target month lacks the starting day: the sources disagree there (§0.4, low)."""
    index = evenement.year * 12 + (evenement.month - 1) + mois
    year, month = divmod(index, 12)
    return evenement.day > calendar.monthrange(year, month + 1)[1]


def echeance_mois(evenement: dt.date, mois: int) -> dt.date:
    """Non-judicial deadline in months, art. 641 CPC: the same day, or the month's last day.

    Used for the three months a council has under L5211-17/18/19; whether it moves past a
    weekend is uncertain (cgct.md §12.3), so it does not move here.
    """
    return ajouter_mois(evenement, mois, "dernier_jour")


def format_date(date: dt.date) -> str:
    return date.strftime("%d/%m/%Y")

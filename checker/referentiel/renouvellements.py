"""General renewals of municipal councils, and the population in force at the last one.

Council rules use the population municipale authenticated and in force on 1 January of the year
of the last general renewal, frozen for the mandate (cgct.md §0.2). The data carries the
populations in force on 1 January 2019, 2022, 2023, 2025 and 2026 (DONNEES.md): the figure of the
2026 renewal is known exactly; that of 2020 (in no version) only as a range bounded by the figures
in force within three years of it, with a calibrated margin (population.py); those of 2014 and
2008 not at all.
"""
from __future__ import annotations

import datetime as dt


class Renouvellement:
    __slots__ = ("annee", "premier_tour", "installe", "libelle")

    def __init__(self, annee: int, premier_tour: dt.date, installe: dt.date, libelle: str):
        self.annee = annee
        self.premier_tour = premier_tour
        # From this day every council elected at the renewal is installed: between the first round
        # and this day, a meeting may be held by the outgoing council or by the new one.
        self.installe = installe
        self.libelle = libelle


RENOUVELLEMENTS = (
    Renouvellement(2008, dt.date(2008, 3, 9), dt.date(2008, 3, 24), "mars 2008"),
    Renouvellement(2014, dt.date(2014, 3, 23), dt.date(2014, 4, 7), "mars 2014"),
    # Second round postponed to 28 June 2020 (loi n° 2020-290), councils installed until 5 July.
    Renouvellement(2020, dt.date(2020, 3, 15), dt.date(2020, 7, 6), "mars-juin 2020"),
    Renouvellement(2026, dt.date(2026, 3, 15), dt.date(2026, 3, 30), "mars 2026"),
)


def renouvellements_possibles(date: dt.date) -> list[Renouvellement]:
    """The general renewal(s) that may have elected the council meeting on `date` (two between a
    renewal's first round and the installation of every council), the latest last; empty before 2008."""
    out = []
    for index, renewal in enumerate(RENOUVELLEMENTS):
        if date >= renewal.installe:
            out = [renewal]
        elif date >= renewal.premier_tour:
            out = ([RENOUVELLEMENTS[index - 1]] if index else []) + [renewal]
    return out


def annee_precedant(date: dt.date) -> bool:
    """Whether `date` falls in the year before a general renewal (code électoral L258 al. 2)."""
    return any(renewal.premier_tour - dt.timedelta(days=365) <= date < renewal.premier_tour
               for renewal in RENOUVELLEMENTS)


def renouvellements_depuis(creation: dt.date, date: dt.date) -> int:
    """How many general renewals took place after `creation` and by `date` (installation done)."""
    return sum(1 for r in RENOUVELLEMENTS if creation < r.premier_tour and r.installe <= date)

"""Dates for meetings, weighted towards the days where the law changes (issue 4).

A uniform date from 1996 to now almost never lands on the first or last day of a COVID period,
on the day the electronic convocation became the default or on 29 February: these strategies
draw those days, and the days just before and after them, about half of the time.
"""
from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import strategies as st

D = dt.date
UN_JOUR = dt.timedelta(days=1)

# The codification of the CGCT (loi n° 96-142 du 21 février 1996): the first day a rule can exist.
DEBUT = D(1996, 2, 24)
# The last day drawn. A fixed day, not today's: under the derandomized profile a commit then draws
# the same dates, and passes or fails the same way, on whatever day CI runs it. It is moved on when
# a rule gets a version that starts later (test_properties_versions checks it).
DERNIER_JOUR = D(2026, 12, 1)

# cgct.md §2.2: the COVID-19 derogations to quorum and proxies, both days inclusive.
PERIODES_COVID = {
    "C1": (D(2020, 3, 24), D(2020, 4, 2)),     # loi n° 2020-290, art. 10 (initial): 1/3 present
    "C2": (D(2020, 4, 3), D(2020, 7, 10)),     # ord. n° 2020-391: 1/3 present or represented
    "C3": (D(2020, 7, 11), D(2020, 8, 30)),    # loi n° 2020-760: 1/3 present
    "C4": (D(2020, 11, 16), D(2021, 9, 30)),   # loi n° 2020-1379, art. 6: 1/3 present
    "C5": (D(2021, 11, 12), D(2022, 7, 31)),   # loi n° 2021-1465, art. 10: 1/3 present
}

# Other days where a text changes the answer (cgct.md §0.3, §5, §7, §1.3).
AUTRES_CHARNIERES = (
    DEBUT,
    D(2015, 8, 19),   # ICPE deliberations follow L2121-12 (loi n° 2015-992)
    D(2019, 12, 29),  # electronic convocation by default (loi n° 2019-1461)
    D(2022, 2, 23),   # loi 3DS: unanimous open vote for delegates
    D(2022, 7, 1),    # publicity, procès-verbal and list of deliberations reform
)

DATES_CHARNIERES = tuple(sorted(
    {d for debut, fin in PERIODES_COVID.values() for d in (debut, fin)} | set(AUTRES_CHARNIERES)))


def periode_covid(date: dt.date) -> str | None:
    """The COVID period (C1 … C5) that contains `date`, or None under ordinary law."""
    for nom, (debut, fin) in PERIODES_COVID.items():
        if debut <= date <= fin:
            return nom
    return None


def _jours_speciaux(debut: dt.date, fin: dt.date) -> list[dt.date]:
    days = []
    for year in range(debut.year, fin.year + 1):
        if calendar.isleap(year):
            days.append(D(year, 2, 29))
        days += [D(year, 1, 1), D(year, 12, 31)]
    return [d for d in days if debut <= d <= fin]


def dates_sensibles(debut: dt.date = DEBUT, fin: dt.date = DERNIER_JOUR, charnieres=()) -> st.SearchStrategy:
    """A date in [debut, fin], half of the time a boundary day, the day before or the day after.

    `charnieres` adds boundaries of the caller's own (for instance every version's `du` and `au`).
    """
    bornes = sorted({x for b in (*DATES_CHARNIERES, *charnieres) for x in (b - UN_JOUR, b, b + UN_JOUR)
                     if debut <= x <= fin})
    speciaux = _jours_speciaux(debut, fin)
    parts = [st.dates(debut, fin), st.dates(debut, fin)]
    if bornes:
        parts.append(st.sampled_from(bornes))
    if speciaux:
        parts.append(st.sampled_from(speciaux))
    return st.one_of(*parts)


def dates_hors_covid(debut: dt.date = DEBUT, fin: dt.date = DERNIER_JOUR) -> st.SearchStrategy:
    """A date under ordinary law, often the day before a COVID period opens or after it closes."""
    return dates_sensibles(debut, fin).filter(lambda d: periode_covid(d) is None)


def dates_dans_periode(nom: str) -> st.SearchStrategy:
    """A date inside one COVID period, often its first or last day or a special day inside it."""
    debut, fin = PERIODES_COVID[nom]
    inside = [d for d in (*DATES_CHARNIERES, *_jours_speciaux(debut, fin)) if debut <= d <= fin]
    return st.one_of(st.dates(debut, fin), st.sampled_from(sorted({debut, fin, *inside})))

"""The days between the sending and the meeting, for the eye: weekends and holidays marked.

Presentation only. Which day is the last one to send comes from the rules' findings; this module
lays out the days around it so the clerk sees why (Saturdays, Sundays and holidays count like any
other day: CE 13 oct. 1993, n° 141677, cited by the delay rules).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays

from checker.clerk.present import JOURS
from ruleset.dates import jour_ferie

MOST_DAYS = 21


@dataclass
class Jour:
    date: dt.date
    roles: list[str]
    jour_franc: int | None = None
    ferie: str | None = None

    @property
    def week_end(self) -> bool:
        return self.date.weekday() >= 5

    def to_dict(self) -> dict:
        return {"date": self.date.isoformat(), "jour": JOURS[self.date.weekday()], "roles": self.roles,
                "jour_franc": self.jour_franc, "week_end": self.week_end, "ferie": self.ferie}


@lru_cache(maxsize=64)
def _names(year: int, alsace_moselle: bool):
    # Names only: whether a day is a holiday is ruleset.dates.jour_ferie's answer.
    if alsace_moselle:
        return holidays.France(subdiv="57", years=year, language="fr")
    return holidays.France(years=year, language="fr")


def nom_ferie(date: dt.date, alsace_moselle: bool = False) -> str | None:
    if not jour_ferie(date, alsace_moselle):
        return None
    return _names(date.year, bool(alsace_moselle)).get(date) or "jour férié"


def calendrier(seance: dt.date, dernier_jour: dt.date | None, envoi: dt.date | None,
               alsace_moselle: bool = False) -> list[Jour]:
    """Each day from the earlier of the sending and the last sending day to the meeting.

    Clear days are counted from the actual sending when there is one, else from the last day to
    send. A long span is cut to the last `MOST_DAYS` days before the meeting.
    """
    starts = [d for d in (dernier_jour, envoi) if d is not None and d <= seance]
    start = min(starts) if starts else seance
    start = max(start, seance - dt.timedelta(days=MOST_DAYS))
    sent = envoi if envoi is not None and envoi <= seance else dernier_jour
    days = []
    day = start
    while day <= seance:
        roles = []
        if day == dernier_jour:
            roles.append("dernier jour d'envoi")
        if day == envoi:
            roles.append("envoi")
        if day == seance:
            roles.append("séance")
        franc = (day - sent).days if sent is not None and sent < day < seance else None
        days.append(Jour(day, roles, franc, nom_ferie(day, alsace_moselle)))
        day += dt.timedelta(days=1)
    return days


def lignes(days: list[Jour], indent: str = "    ") -> list[str]:
    out = []
    for day in days:
        label = JOURS[day.date.weekday()][:3] + "."
        what = list(day.roles)
        if day.jour_franc is not None:
            what.append(f"jour franc {day.jour_franc}")
        marks = []
        if day.week_end:
            marks.append(JOURS[day.date.weekday()])
        if day.ferie:
            marks.append(f"férié : {day.ferie}")
        text = f"{indent}{label} {day.date.strftime('%d/%m/%Y')}  {', '.join(what) or '—'}"
        if marks:
            text += f"   ({', '.join(marks)})"
        out.append(text)
    return out

"""What a clerk types, read the same way by the command line and by the web page."""
from __future__ import annotations

import datetime as dt
import re

ALIASES = {"syndicat": "syndicat_de_communes", "smf": "syndicat_mixte_ferme", "smo": "syndicat_mixte_ouvert"}
_FR_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def date_saisie(text: str) -> dt.date:
    """A date written JJ/MM/AAAA or AAAA-MM-JJ; ValueError when it is neither or is not a real date."""
    match = _FR_DATE.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    return dt.date.fromisoformat(text)

"""The last day of the prefect's déféré for an act (CGCT L2131-6; cgct.md §0.4, §5.5).

Two months, délai franc, from receipt at the prefecture, moved to the next working day; the rule
`L2131-6.delai_defere` computes it per deliberation with the project's date helpers. When the
receipt is not in the record, the earliest possible last day is given instead, computed from the
meeting date with the same helper: an act is received on the day of its meeting at the earliest,
and the deadline never comes sooner for a later receipt. The worklist then errs towards urgency.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ruleset.dates import delai_franc_mois, delai_franc_mois_incertain

DELAI_REGLE = "L2131-6.delai_defere"
_INDEX = re.compile(r"^deliberations\[(\d+)\]")


@dataclass(frozen=True)
class Echeance:
    jour: dt.date | None
    base: str | None           # "reception" (computed from receipt) or "seance" (earliest possible)
    incertaine: bool = False   # month-end case where the sources disagree (cgct.md §0.4, low)


def deliberation_index(chemin: str) -> int | None:
    m = _INDEX.match(chemin or "")
    return int(m.group(1)) if m else None


def echeance_acte(record, findings, indexes: set[int] | None = None) -> Echeance:
    """The soonest last day of the déféré over the deliberations `indexes` (all when None)."""
    known: list[tuple[dt.date, bool]] = []
    unknown = False
    seen = set()
    for finding in findings:
        if finding.regle != DELAI_REGLE:
            continue
        index = deliberation_index(finding.chemin)
        if indexes is not None and index not in indexes:
            continue
        seen.add(index)
        day = finding.valeurs.get("echeance_deferee")
        if isinstance(day, dt.date):
            known.append((day, bool(finding.valeurs.get("fin_de_mois_incertaine") is True)))
        else:
            unknown = True
    if known and not unknown:
        day, uncertain = min(known)
        return Echeance(day, "reception", uncertain)
    meeting = record.date
    alsace = record.root["collectivite"].get("alsace_moselle")
    if alsace is True or alsace is False:
        earliest = delai_franc_mois(meeting, 2, alsace)
    else:
        earliest = min(delai_franc_mois(meeting, 2, False), delai_franc_mois(meeting, 2, True))
    if known:
        earliest = min(earliest, min(day for day, _ in known))
    return Echeance(earliest, "seance", delai_franc_mois_incertain(meeting, 2))

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

from checker.evidence import Memo
from ruleset.dates import delai_franc_mois, delai_franc_mois_incertain

DELAI_REGLE = "L2131-6.delai_defere"
_INDEX = re.compile(r"^deliberations\[(\d+)\]")


@dataclass(frozen=True)
class Echeance:
    jour: dt.date | None
    base: str | None           # "reception" (computed from receipt) or "seance" (earliest possible)
    incertaine: bool = False   # month-end case where the sources disagree (cgct.md §0.4, low)


def deliberation_index(chemin: str) -> int | None:
    index = _INDEXES.get(chemin, _INDEXES)
    if index is _INDEXES:
        m = _INDEX.match(chemin or "")
        index = int(m.group(1)) if m else None
        if len(_INDEXES) < 10_000:
            _INDEXES[chemin] = index
    return index


# The deliberation of a subject, by its path: the same few paths on every act of a batch.
_INDEXES: dict = {}


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
    alsace = record.root["collectivite"].get("alsace_moselle")
    earliest, uncertain = _EARLIEST[record.date, alsace if alsace is True or alsace is False else None]
    if known:
        earliest = min(earliest, min(day for day, _ in known))
    return Echeance(earliest, "seance", uncertain)


def _earliest(key: tuple) -> tuple[dt.date, bool]:
    """The earliest last day of the déféré for a meeting's date, under the law of Alsace-Moselle
    or not (None: whichever comes first), and whether the sources disagree on it."""
    meeting, alsace = key
    if alsace is None:
        earliest = min(delai_franc_mois(meeting, 2, False), delai_franc_mois(meeting, 2, True))
    else:
        earliest = delai_franc_mois(meeting, 2, alsace)
    return earliest, delai_franc_mois_incertain(meeting, 2)


# By (meeting's date, Alsace-Moselle): a batch meets the same dates again and again.
_EARLIEST = Memo(_earliest)

"""Facts tied to one fact known as bounds: decided value by value.

« Tous les membres en exercice étaient présents ou représentés à l'exception de … » gives the
members present as a relation, présents = membres en exercice − représentés − absents. When the
members in office are only known as bounds (the reference data: at most the seats of L2121-2, at
least what the code électoral allows before complementary elections), interval arithmetic loses
the relation: present [31 − 8, 49 − 8] against a quorum of [16, 25] compares each bound with the
other fact's worst bound and stays unknown, although for every possible number in office the
quorum is met.

What is sound instead: the number in office is one of the few whole numbers of its bounds. The
record is checked once for each of them, every fact derived from it derived again; a finding left
undecided on the bounds takes a status only when every one of those checks gives that same status
(the true number is among them). Anything else keeps the finding as the bounds left it.
"""
from __future__ import annotations

import copy
from dataclasses import replace

from checker.findings import CONFORME, INDETERMINE, NON_CONFORME
from checker.record import Record, derive_again
from ruleset.values import Interval

# Past this many possible values the checks cost more than they can settle: the bounds stay.
MAX_POINTS = 64
DECIDED = (CONFORME, NON_CONFORME)


def points(record: Record) -> list[tuple[int, Record]] | None:
    """One record per possible number of members in office, when the members present are derived
    from it by difference; None when there is no such relation to keep."""
    seance = record.root["seance"]
    office = seance.get("membres_en_exercice")
    if type(office) is not Interval or seance.get("presence_par_difference") is not True:
        return None
    source = seance.sources.get("presents") if seance._sources else None
    if source is None or not (source[0] or "").startswith("calculé : "):
        return None
    low, high = office.lo, office.hi
    if not (isinstance(low, int) and isinstance(high, int)) or high - low + 1 > MAX_POINTS:
        return None
    out = []
    for value in range(low, high + 1):
        point = copy.deepcopy(record)
        node = point.root["seance"]
        node["membres_en_exercice"] = value
        derive_again(point.root)
        out.append((value, point))
    return out


def merge(entries: list, runs: list[list]) -> list:
    """`entries` (the check on the bounds) with each undecided finding given the status every
    run agrees on, when they all agree on a decided one."""
    if any(len(run) != len(entries) for run in runs):
        return entries
    merged = []
    for index, entry in enumerate(entries):
        rule, outcome, path, label = entry
        if outcome.status == INDETERMINE and outcome.error is None and runs:
            seen = [run[index] for run in runs]
            statuses = {other[1].status for other in seen}
            same_place = all(other[0] is rule and other[2] == path for other in seen)
            if same_place and len(statuses) == 1 and (status := statuses.pop()) in DECIDED:
                first = seen[0][1]
                entry = (rule, replace(outcome, status=status, message=None, version=first.version,
                                       missing=frozenset(), applicability_unknown=False), path, label)
        merged.append(entry)
    return merged

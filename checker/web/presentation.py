"""How results read on a page: labels, order of findings, the worklist of a batch.

Presentation only: statuses, severities and messages are the engine's and the rules'.
"""
from __future__ import annotations

from checker.findings import A_VENIR, CONFORME, ERREUR, INDETERMINE, NON_APPLICABLE, NON_CONFORME, STATUS_LABELS
from ruleset.model import SEVERITY_LABELS, SEVERITY_ORDER

STATUS_ORDER = (NON_CONFORME, ERREUR, INDETERMINE, A_VENIR, CONFORME, NON_APPLICABLE)


def statut(value: str) -> str:
    return STATUS_LABELS.get(value, value)


def gravite(value: str) -> str:
    return SEVERITY_LABELS.get(value, value)


def finding_key(finding: dict):
    return (STATUS_ORDER.index(finding["statut"]) if finding["statut"] in STATUS_ORDER else 99,
            SEVERITY_ORDER.index(finding["gravite"]) if finding["gravite"] in SEVERITY_ORDER else 99,
            finding.get("chemin") or "", finding["regle"])


def sorted_findings(findings: list[dict]) -> list[dict]:
    return sorted(findings, key=finding_key)


def deadline(act: dict) -> str | None:
    """The last day of the prefect's déféré, as the rules computed it (ISO date), when they did."""
    days = [f["valeurs"].get("echeance_deferee") for f in act.get("constats", [])]
    days = [d for d in days if isinstance(d, str)]
    return min(days) if days else None


# The agent's worklist: the proposed action first (`checker.decision`), unreadable inputs after
# the requests for documents (someone must look at them), then the nearest deadline.
WORK_ORDER = ("recours_gracieux", "demande_de_pieces", ERREUR, "observations", "aucune_suite")


def worklist_key(act: dict):
    """By proposed action, then the nearest déféré deadline; without a decision, the most serious first."""
    decision = act.get("decision")
    if decision is not None or act["statut"] == ERREUR:
        action = decision["action"] if decision else ERREUR
        rank = WORK_ORDER.index(action) if action in WORK_ORDER else len(WORK_ORDER)
        return (0, rank, (decision or {}).get("echeance") or "9999-12-31", 0)
    findings = [f for f in act.get("constats", []) if f["statut"] == NON_CONFORME]
    worst = min((SEVERITY_ORDER.index(f["gravite"]) for f in findings if f["gravite"] in SEVERITY_ORDER),
                default=len(SEVERITY_ORDER))
    rank = STATUS_ORDER.index(act["statut"]) if act["statut"] in STATUS_ORDER else 99
    return (1, rank, deadline(act) or "9999-12-31", worst)


def worklist(acts: list[dict]) -> list[dict]:
    return sorted(acts, key=worklist_key)


def french_date(iso: str | None) -> str:
    if not iso or len(iso) != 10:
        return iso or ""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"


def count_label(counts: dict) -> str:
    parts = []
    for status in (NON_CONFORME, INDETERMINE, A_VENIR, CONFORME, NON_APPLICABLE):
        if counts.get(status):
            parts.append(f"{counts[status]} {statut(status)}")
    return ", ".join(parts)


FILTERS = {"statut": statut, "gravite": gravite, "date_fr": french_date, "compte": count_label}


def weekday_date(iso: str | None) -> str:
    """« mardi 19/12/2023 », as the clerk's commands write a date."""
    import datetime as dt

    from checker.clerk.present import jour
    if not iso:
        return ""
    try:
        return jour(dt.date.fromisoformat(iso))
    except ValueError:
        return iso


def plural(n: int | None, singular: str, plural_: str | None = None) -> str:
    from checker.clerk.present import pluriel
    return pluriel(n or 0, singular, plural_) if n is not None else ""


FILTERS.update({"jour": weekday_date, "pluriel": plural})
FILTERS.update({"echeance": deadline, "ordonner": sorted_findings})

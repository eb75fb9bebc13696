"""How results read on a page: labels, order of findings, the worklist of a batch.

Presentation only: statuses, severities and messages are the engine's and the rules'.
"""
from __future__ import annotations

import re

from checker.findings import A_VENIR, CONFORME, ERREUR, INDETERMINE, NON_APPLICABLE, NON_CONFORME, STATUS_LABELS
from ruleset.messages import de, nombre
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


FILTERS = {"statut": statut, "gravite": gravite, "date_fr": french_date, "compte": count_label,
           "nombre": nombre, "de": de}


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


# When a rule's LEGIARTI identifier is still to be verified, the page links to the code it belongs
# to on Légifrance (its identifier is known) rather than to an article address made up: the CGCT
# numbers its articles with four digits (L2121-17), the former code des communes with three (L121-10).
CODES = (("CGCT", re.compile(r"^[LRD]O?\d{4}(-\d+)*$"), "LEGITEXT000006070633"),
         ("code des communes", re.compile(r"^[LR]\d{3}(-\d+)*$"), "LEGITEXT000006070162"))


# Texts outside the codes whose JORF identifier is known (shared/legal/legiarti.md).
JORF = {"loi-2020-290-": ("loi n° 2020-290", "JORFTEXT000041746313"),
        "loi-2020-1379-": ("loi n° 2020-1379", "JORFTEXT000042520662"),
        "ord-2021-1310-": ("ordonnance n° 2021-1310", "JORFTEXT000044177138")}


def code_of(article: str | None) -> dict | None:
    """The code or text an article belongs to, with its Légifrance address, or None."""
    if not article:
        return None
    for name, pattern, legitext in CODES:
        if pattern.match(article):
            return {"nom": name, "url": f"https://www.legifrance.gouv.fr/codes/texte_lc/{legitext}"}
    for prefix, (name, jorftext) in JORF.items():
        if article.startswith(prefix):
            return {"nom": f"texte de la {name}" if name.startswith("loi") else f"texte de l'{name}",
                    "url": f"https://www.legifrance.gouv.fr/jorf/id/{jorftext}"}
    return None


FILTERS.update({"code": code_of})

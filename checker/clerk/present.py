"""How the clerk's tools say things: dates with their weekday, the article and version behind an answer."""
from __future__ import annotations

import datetime as dt
import re

from checker.findings import STATUS_LABELS, Finding

JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_PERIOD = re.compile(r"\[(\d{4}-\d{2}-\d{2}), (\d{4}-\d{2}-\d{2}|…)\)")


def jour(date: dt.date) -> str:
    """« mardi 19/12/2023 »."""
    return f"{JOURS[date.weekday()]} {date.strftime('%d/%m/%Y')}"


def nombre(n: int) -> str:
    """62727 → « 62 727 » (espace insécable fine, comme l'écrit l'administration)."""
    return f"{n:,}".replace(",", "\u202f")


def periode(version: str | None) -> str:
    """`[2015-08-19, …)` → « en vigueur depuis le 19/08/2015 »; the end of a period is exclusive."""
    match = _PERIOD.fullmatch(version or "")
    if not match:
        return "version inconnue"
    start = dt.date.fromisoformat(match.group(1)).strftime("%d/%m/%Y")
    if match.group(2) == "…":
        return f"version en vigueur depuis le {start}"
    last = dt.date.fromisoformat(match.group(2)) - dt.timedelta(days=1)
    return f"version en vigueur du {start} au {last.strftime('%d/%m/%Y')}"


def reference(finding: Finding) -> str:
    """« article L2121-12, alinéa 3, version en vigueur depuis le 19/08/2015 »."""
    ref = f"article {finding.article}"
    if finding.alinea:
        ref += f", alinéa {finding.alinea}"
    return f"{ref}, {periode(finding.version)}"


def finding_lines(finding: Finding, indent: str = "    ") -> list[str]:
    """A finding as the clerk reads it: the rule and its verdict, what it says, where it comes from."""
    lines = [f"{indent}{finding.regle} — {STATUS_LABELS.get(finding.statut, finding.statut)}",
             f"{indent}  {finding.message}",
             f"{indent}  {reference(finding)}"]
    if finding.url:
        lines.append(f"{indent}  {finding.url}")
    for missing in finding.manquants:
        lines.append(f"{indent}  fait manquant : {missing.chemin}")
    return lines


def finding_json(finding: Finding) -> dict:
    out = finding.to_dict()
    out["periode"] = periode(finding.version)
    return out


def pluriel(n: int, singulier: str, pluriel_: str | None = None) -> str:
    return f"{n} {singulier if abs(n) <= 1 else (pluriel_ or singulier + 's')}"

"""The readable French report: per record, the findings that matter first, with their evidence."""
from __future__ import annotations

from checker.findings import (A_VENIR, CONFORME, ERREUR, INDETERMINE, NON_APPLICABLE, NON_CONFORME,
                              STATUS_LABELS, Finding, format_value)
from checker.results import Result
from ruleset.model import SEVERITY_LABELS, SEVERITY_ORDER

MARKS = {NON_CONFORME: "✗", INDETERMINE: "?", A_VENIR: "…", CONFORME: "✓", NON_APPLICABLE: "·", ERREUR: "!"}
STATUS_ORDER = (NON_CONFORME, INDETERMINE, A_VENIR, CONFORME, NON_APPLICABLE)


def _sort_key(finding: Finding):
    return (STATUS_ORDER.index(finding.statut), SEVERITY_ORDER.index(finding.gravite), finding.chemin, finding.regle)


def render_finding(finding: Finding) -> list[str]:
    head = f"  {MARKS[finding.statut]} {STATUS_LABELS[finding.statut].upper()} — {finding.regle} ({finding.objet})"
    lines = [head, f"      {finding.message}"]
    ref = f"article {finding.article}"
    if finding.alinea:
        ref += f", alinéa {finding.alinea}"
    if finding.version:
        ref += f", version {finding.version}"
    lines.append(f"      {ref} ; gravité : {SEVERITY_LABELS[finding.gravite]}")
    if finding.url:
        lines.append(f"      {finding.url}")
    elif finding.statut != NON_APPLICABLE:
        lines.append("      (identifiant Légifrance à vérifier)")
    if finding.statut == NON_APPLICABLE:
        return lines
    values = [f"{k.replace('_', ' ')} : {format_value(v)}" for k, v in finding.valeurs.items()]
    if values:
        lines.append(f"      calculs : {' ; '.join(values)}")
    for fact in finding.faits:
        if fact.source and fact.source.startswith(("calculé : ", "référentiel : ")):
            lines.append(f"      {fact.chemin} = {format_value(fact.valeur)} ({fact.source})")
        elif fact.source:
            lines.append(f"      d'après : « {fact.source} » ({fact.chemin})")
    for missing in finding.manquants:
        if missing.affirme:
            said = f" : « {missing.source} »" if missing.source else ""
            lines.append(f"      affirmé sans date ni valeur vérifiable : {missing.chemin}{said}")
        elif finding.statut == A_VENIR:
            lines.append(f"      fait à venir : {missing.chemin}")
        else:
            lines.append(f"      fait manquant : {missing.chemin}")
    if finding.erreur_regle:
        lines.append(f"      règle non évaluable : {finding.erreur_regle}")
    return lines


def _count(n: int, label: str) -> str:
    if label == STATUS_LABELS[A_VENIR]:
        return f"{n} {label}"
    plural = " ".join(word + "s" if word not in ("non",) else word for word in label.split())
    return f"{n} {plural if n > 1 else label}"


def render_result(result: Result, show_all: bool = False, avant_vote: bool = False) -> list[str]:
    if result.error is not None:
        return [f"{result.fichier}", f"  ! ERREUR — {result.error}", ""]
    findings = sorted(result.findings, key=_sort_key)
    counts = {s: sum(1 for f in findings if f.statut == s) for s in STATUS_ORDER}
    lines = [
        f"{result.record.label} ({result.fichier})",
        f"  Statut : {STATUS_LABELS[result.statut]} — " + ", ".join(
            _count(counts[s], STATUS_LABELS[s]) for s in STATUS_ORDER if s != A_VENIR or counts[s]),
    ]
    referentiel = getattr(result.record, "referentiel", None)
    if referentiel is not None:
        lines.extend(referentiel.lignes())
    asserted = [f for f in findings if f.asserted_only]
    if asserted:
        lines.append(f"  Dont {len(asserted)} indéterminé(s) parce que le document affirme le fait sans le dater.")
    lines.append("")
    for finding in findings:
        if finding.statut == NON_APPLICABLE and not show_all:
            continue
        lines.extend(render_finding(finding))
        lines.append("")
    if avant_vote:
        from checker.clerk.prevote import lines as prevote_lines
        lines.extend(prevote_lines(result.record, result.findings))
    return lines


class Writer:
    """The readable report, one act at a time, with the reconciled totals at the end."""

    totals_first = False
    separator = ""

    def __init__(self, show_all: bool = False, avant_vote: bool = False, **options):
        self.show_all = show_all
        self.avant_vote = avant_vote

    def header(self, rules) -> str:
        return ""

    def fragment(self, result: Result) -> str:
        return "\n".join(render_result(result, self.show_all, self.avant_vote)) + "\n"

    def footer(self, totals: dict) -> str:
        return (f"Dossiers lus : {totals['lus']} — conformes : {totals['conformes']}, non conformes : "
                f"{totals['non_conformes']}, indéterminés : {totals['indetermines']}, "
                + (f"à venir : {totals['a_venir']}, " if totals.get("a_venir") else "")
                + f"sans objet : {totals['sans_objet']}, erreurs : {totals['erreurs']}\n")

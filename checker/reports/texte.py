"""The readable French report.

By default, an act in at most a dozen lines, organised around what the agent must decide: status,
proposed action and deadline, its reason, each violation in one line with its article, the
documents to ask for, and a count of what could not be checked. `--detail` gives every finding
with its evidence, the most serious first, after the same decision."""
from __future__ import annotations

from checker.findings import (A_VENIR, CONFORME, ERREUR, INDETERMINE, NON_APPLICABLE, NON_CONFORME,
                              STATUS_LABELS, Finding, format_value)
from checker.results import Result
from ruleset.dates import format_date
from ruleset.model import SEVERITY_LABELS, SEVERITY_ORDER
from ruleset.traduction import visible
from ruleset.messages import nombre

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
    values = [f"{finding.libelle(k)} : {format_value(v)}" for k, v in finding.valeurs.items()]
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
        lines.append("  Dont " + nombre(len(asserted), "# indéterminé|# indéterminés") + " parce que le document affirme le fait sans le dater.")
    if avant_vote:
        # The clerk reads the checklist first: it is what the meeting must do.
        from checker.clerk.prevote import lines as prevote_lines
        lines.extend(prevote_lines(result.record, result.findings))
    else:
        lines.append("")
    for finding in findings:
        if finding.statut == NON_APPLICABLE and not show_all:
            continue
        lines.extend(render_finding(finding))
        lines.append("")
    return lines


MAX_VIOLATIONS = 4


def _one_line(text: str, width: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def echeance_text(decision) -> str:
    """The deadline as an agent reads it: weekday, date, and how sure it is."""
    from checker.decision.proposition import RECOURS_GRACIEUX
    if decision.sans_delai:
        return "acte inexistant : déféré sans condition de délai"
    day = decision.echeance.jour
    if day is None:
        return "échéance non calculable"
    text = f"dernier jour du déféré : {WEEKDAYS[day.weekday()]} {format_date(day)}"
    if decision.echeance.base == "seance":
        text += " au plus tôt (réception en préfecture inconnue)"
    if decision.echeance.incertaine:
        text += " (fin de mois : calcul incertain)"
    if decision.action == RECOURS_GRACIEUX:
        text += " ; le recours gracieux l'interrompt"
    return text


WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _article(finding: Finding) -> str:
    return finding.article + (f" al. {finding.alinea}" if finding.alinea else "")


def decision_lines(decision) -> list[str]:
    """The decision in a few lines: action and deadline, reason, violations, documents, the rest counted."""
    from checker.decision.pieces import PIECES
    from checker.decision.proposition import ACTION_LABELS, ACTION_SHORT
    short = ACTION_SHORT[decision.action]
    head = f"  Proposition : {short.upper()}{ACTION_LABELS[decision.action][len(short):]} — {echeance_text(decision)}"
    lines = [head, f"  Motif : {_one_line(decision.motif, 300)}"]
    for finding in decision.violations[:MAX_VIOLATIONS]:
        lines.append(f"  ✗ {_article(finding)} — {_one_line(finding.message, 140)} ({finding.objet})")
    if len(decision.violations) > MAX_VIOLATIONS:
        lines.append("  ✗ … et " + nombre(len(decision.violations) - MAX_VIOLATIONS, "# autre irrégularité|# autres irrégularités") + " (--detail)")
    if decision.a_confirmer:
        lines.append("  ? À confirmer : " + " ; ".join(
            f"{_article(f)} — {_one_line(f.message, 70)}" for f in decision.a_confirmer[:2])
            + (f" ; … ({len(decision.a_confirmer)})" if len(decision.a_confirmer) > 2 else ""))
    if decision.pieces:
        lines.append("  Pièces à demander : " + " ; ".join(PIECES[p.cle].intitule for p in decision.pieces)
                     + " (CE 15 mai 2013, n° 357031 : demandées dans le délai, elles en reportent le départ)")
    if decision.mineures:
        lines.append(f"  Irrégularités sans incidence : {len(decision.mineures)} ("
                     + ", ".join(dict.fromkeys(_article(f) for f in decision.mineures)) + ")")
    if decision.non_verifie:
        themes = ", ".join(f"{PIECES[key].court} {len(rules)}" for key, _, rules in decision.non_verifie)
        lines.append("  " + _one_line(f"Non vérifiable : {nombre(decision.non_verifiables, '# point|# points')} — {themes}", 200))
    return lines


def render_brief(result: Result) -> list[str]:
    """At most a dozen lines per act."""
    if result.error is not None:
        return [f"{result.fichier}", f"  ! ERREUR — {result.error}", ""]
    counts = {s: sum(1 for f in result.findings if f.statut == s) for s in STATUS_ORDER}
    lines = [
        f"{result.record.label} ({result.fichier})",
        f"  Statut : {STATUS_LABELS[result.statut]} — " + ", ".join(
            _count(counts[s], STATUS_LABELS[s]) for s in STATUS_ORDER if s != A_VENIR or counts[s]),
    ]
    decision = result.decision
    if decision is not None:
        lines.extend(decision_lines(decision))
    referentiel = getattr(result.record, "referentiel", None)
    if referentiel is not None:
        # After the decision, within the dozen lines of an act.
        lines.extend(referentiel.resume()[:max(0, 12 - len(lines))])
    lines.append("")
    return lines


def render_prevote(result: Result) -> list[str]:
    """Before the vote, for the clerk: the checklist first, then only what blocks the vote."""
    from checker.clerk.prevote import lines as prevote_lines
    if result.error is not None:
        return render_brief(result)
    counts = {s: sum(1 for f in result.findings if f.statut == s) for s in STATUS_ORDER}
    lines = [f"{result.record.label} ({result.fichier})",
             f"  Statut : {STATUS_LABELS[result.statut]} — " + ", ".join(
                 _count(counts[s], STATUS_LABELS[s]) for s in STATUS_ORDER if s != NON_APPLICABLE and counts[s])]
    lines.extend(prevote_lines(result.record, result.findings))
    blocking = [f for f in sorted(result.findings, key=_sort_key) if blocks_the_vote(f)]
    if blocking:
        lines.append(f"  Ce qui empêche de voter régulièrement ({len(blocking)}) :")
        for finding in blocking:
            mark = MARKS[finding.statut]
            lines.append(f"    {mark} {_article(finding)} — {_one_line(finding.message, 160)} ({finding.objet})")
    else:
        lines.append("  Rien n'empêche de voter : aucune irrégularité ni fait manquant décisif avant le vote.")
    rest = sum(1 for f in result.findings if f.statut in (INDETERMINE, A_VENIR) and not blocks_the_vote(f))
    if rest:
        lines.append("  (" + nombre(rest, "# autre point à venir ou non décisif|# autres points à venir ou non décisifs") + " avant le vote : --detail)")
    lines.append("")
    return lines


def blocks_the_vote(finding: Finding) -> bool:
    """Before the vote, what must be put right first: a defect, or an unknown that could void the
    vote (convocation, quorum, proxies), never a fact the meeting has yet to produce."""
    if finding.gravite not in ("inexistence", "illegalite", "illegalite_sauf_absence_de_prejudice"):
        return False
    if finding.statut == NON_CONFORME:
        return True
    return finding.statut == INDETERMINE and not finding.asserted_only and finding.regle.split(".", 1)[-1] in (
        "delai", "urgence", "envoi_la_veille_au_plus_tard", "quorum", "seconde_convocation", "note_synthese",
        "pouvoirs_par_mandataire", "deux_pouvoirs")


def _actions_line(actions: dict) -> str:
    from checker.decision import ACTION_SHORT
    if not actions:
        return ""
    return "Actions proposées : " + ", ".join(f"{ACTION_SHORT.get(a, a)} : {n}" for a, n in actions.items()) + "\n"


class Writer:
    """The readable report, one act at a time, with the reconciled totals at the end."""

    totals_first = False
    separator = ""

    def __init__(self, show_all: bool = False, avant_vote: bool = False, detail: bool = False, **options):
        self.show_all = show_all
        self.avant_vote = avant_vote
        self.detail = detail

    def header(self, rules) -> str:
        return ""

    def fragment(self, result: Result) -> str:
        if self.detail or self.show_all:
            lines = render_result(result, self.show_all, self.avant_vote)
            decision = result.decision
            if decision is not None:
                lines[2:2] = decision_lines(decision) + [""]
        elif self.avant_vote:
            lines = render_prevote(result)
        else:
            lines = render_brief(result)
        # Values from a record reach a terminal here: control characters and ANSI escapes are
        # shown, not obeyed.
        return visible("\n".join(lines), keep_newlines=True) + "\n"

    def footer(self, totals: dict) -> str:
        from checker.decision import AVERTISSEMENT
        return (("" if self.avant_vote else f"{AVERTISSEMENT}\n")
                + f"Dossiers lus : {totals['lus']} — conformes : {totals['conformes']}, non conformes : "
                f"{totals['non_conformes']}, indéterminés : {totals['indetermines']}, "
                + (f"à venir : {totals['a_venir']}, " if totals.get("a_venir") else "")
                + f"sans objet : {totals['sans_objet']}, erreurs : {totals['erreurs']}\n"
                + ("" if self.avant_vote else _actions_line(totals.get("actions") or {})))

"""From an act's findings to the action the prefecture's agent is proposed, its deadline and why.

The proposal is a proposal: the agent decides. Actions, from the most to the least pressing:

- `recours_gracieux` — a `non_conforme` the judge annuls without weighing (severity `illegalite`,
  or `inexistence`), or a Danthony defect (`illegalite_sauf_absence_de_prejudice`) that the act shows
  could have influenced the vote (irregular proxies that carried the result; a convocation defect
  with a vote the absent members could have overturned, or in an urgency); the facts must have
  passed their checks. The letter (lettre d'observations valant recours gracieux) interrupts the
  déféré's deadline; the déféré follows if the act is kept. An inexistent act has no deadline.
- `demande_de_pieces` — the act cannot be judged without documents the collectivité holds, and
  something in it points to a defect or makes a missing fact decisive (`signaux.py`). Asked within
  the deadline, documents needed to assess legality defer its start; a request for explanations
  does not (CE 15 mai 2013, n° 357031).
- `observations` — a `non_conforme` the judge may neutralise (Danthony) with no sign of influence,
  or an act that is not executory.
- `aucune_suite` — nothing non-compliant and nothing decisive unknown; minor irregularities
  (`irregularite_sans_incidence`, `information`) are noted, unchecked points listed once, grouped.

The deadline is the déféré's last day (`echeance.py`) for the deliberations the action concerns.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from checker.decision.echeance import Echeance, deliberation_index, echeance_acte
from checker.decision.pieces import PIECES, piece_for
from checker.decision.signaux import (PROXY_RULES, SERIOUS, SIGNALANTS, Signal, doute, local_name,
                                      seance_pressee, signal)
from checker.evidence import Memo
from checker.findings import INDETERMINE, NON_CONFORME, Finding
from ruleset.messages import nombre

RECOURS_GRACIEUX = "recours_gracieux"
DEMANDE_DE_PIECES = "demande_de_pieces"
OBSERVATIONS = "observations"
AUCUNE_SUITE = "aucune_suite"
ACTIONS = (RECOURS_GRACIEUX, DEMANDE_DE_PIECES, OBSERVATIONS, AUCUNE_SUITE)
ACTION_LABELS = {
    RECOURS_GRACIEUX: "recours gracieux (lettre d'observations), puis déféré si l'acte est maintenu",
    DEMANDE_DE_PIECES: "demande de pièces",
    OBSERVATIONS: "observations",
    AUCUNE_SUITE: "aucune suite",
}
ACTION_SHORT = {RECOURS_GRACIEUX: "recours gracieux", DEMANDE_DE_PIECES: "demande de pièces",
                OBSERVATIONS: "observations", AUCUNE_SUITE: "aucune suite"}
JURISPRUDENCE_PIECES = (
    "Demandées dans le délai du déféré, les pièces nécessaires pour apprécier la légalité de l'acte en "
    "reportent le point de départ à leur réception ; une simple demande d'explications ne le proroge pas "
    "(CE 15 mai 2013, n° 357031).")
AVERTISSEMENT = "Proposition de l'outil : la décision appartient à l'agent du contrôle de légalité."
PROPOSITION_LEGALE = ("Le délai du déféré est de deux mois à compter de la réception de l'acte en préfecture "
                      "(article L2131-6 du CGCT), délai franc reporté au premier jour ouvré.")
ANNULE_SANS_PESER = ("inexistence", "illegalite")
DANTHONY = "illegalite_sauf_absence_de_prejudice"
MINEURES = ("irregularite_sans_incidence", "information")
# Danthony defects of the convocation: influence is possible when the absent could have turned the vote.
CONVOCATION = ("delai", "urgence", "urgence_prononcee", "canal", "ordre_du_jour", "note_synthese",
               "note_synthese_suffisante", "delai_premiere_reunion", "envoi_la_veille_au_plus_tard")


@dataclass
class PieceDemandee:
    cle: str
    document: str
    motifs: list[str] = field(default_factory=list)
    regles: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"piece": self.cle, "document": self.document, "motifs": self.motifs, "regles": self.regles}


@dataclass
class Decision:
    action: str
    motif: str
    echeance: Echeance
    sans_delai: bool = False
    violations: list[Finding] = field(default_factory=list)
    a_confirmer: list[Finding] = field(default_factory=list)
    pieces: list[PieceDemandee] = field(default_factory=list)
    mineures: list[Finding] = field(default_factory=list)
    non_verifie: list[tuple[str, str, list[str]]] = field(default_factory=list)   # (theme key, label, rules)

    @property
    def libelle(self) -> str:
        return ACTION_LABELS[self.action]

    @property
    def non_verifiables(self) -> int:
        return sum(len(rules) for _, _, rules in self.non_verifie)

    def to_dict(self) -> dict:
        out = {
            "action": self.action, "libelle": self.libelle, "motif": self.motif,
            "echeance": self.echeance.jour.isoformat() if self.echeance.jour and not self.sans_delai else None,
            "echeance_base": None if self.sans_delai else self.echeance.base,
            "violations": [_brief(f) for f in self.violations],
            "pieces": [p.to_dict() for p in self.pieces],
            "non_verifie": [{"theme": key, "libelle": label, "nombre": len(rules), "regles": rules}
                            for key, label, rules in self.non_verifie],
            "avertissement": AVERTISSEMENT,
        }
        if self.echeance.incertaine and not self.sans_delai:
            out["echeance_incertaine"] = True
        if self.sans_delai:
            out["sans_delai"] = True
        if self.a_confirmer:
            out["a_confirmer"] = [_brief(f) for f in self.a_confirmer]
        if self.mineures:
            out["irregularites_mineures"] = [_brief(f) for f in self.mineures]
        if self.pieces:
            out["fondement_pieces"] = JURISPRUDENCE_PIECES
        return out

    def to_lean_dict(self) -> dict:
        """`to_dict` less its constant sentences (the warning, the case law on documents, the
        themes' labels) and, in its findings, what the act's `constats` give (the message) or
        depends on the rule alone (the link): the decision of the lean report."""
        out = {
            "action": self.action, "libelle": self.libelle, "motif": self.motif,
            "echeance": self.echeance.jour.isoformat() if self.echeance.jour and not self.sans_delai else None,
            "echeance_base": None if self.sans_delai else self.echeance.base,
            "violations": [_lean_brief(f) for f in self.violations],
            "pieces": [p.to_dict() for p in self.pieces],
            "non_verifie": [{"theme": key, "nombre": len(rules), "regles": rules} for key, _, rules in self.non_verifie],
        }
        if self.echeance.incertaine and not self.sans_delai:
            out["echeance_incertaine"] = True
        if self.sans_delai:
            out["sans_delai"] = True
        if self.a_confirmer:
            out["a_confirmer"] = [_lean_brief(f) for f in self.a_confirmer]
        if self.mineures:
            out["irregularites_mineures"] = [_lean_brief(f) for f in self.mineures]
        return out


def _lean_brief(finding: Finding) -> dict:
    out = {"regle": finding.regle, "article": finding.article, "gravite": finding.gravite, "objet": finding.objet}
    if finding.alinea:
        out["alinea"] = finding.alinea
    return out


def _brief(finding: Finding) -> dict:
    out = {"regle": finding.regle, "article": finding.article, "gravite": finding.gravite, "objet": finding.objet,
           "message": finding.message}
    if finding.alinea:
        out["alinea"] = finding.alinea
    if finding.url:
        out["url"] = finding.url
    return out


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    for stop in (" ; ", ". "):
        if stop in text:
            text = text.split(stop, 1)[0]
    return text.rstrip(". ")


def _indexes(findings: list[Finding]) -> set[int] | None:
    return _indexes_of([finding.chemin for finding in findings])


def _indexes_of(paths: list[str]) -> set[int] | None:
    """The deliberations of these subjects, None when one is the meeting (then all of them)."""
    indexes = set()
    for path in paths:
        index = deliberation_index(path)
        if index is None:
            return None
        indexes.add(index)
    return indexes


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and message: a séance-wide defect repeated for each deliberation counts once."""
    seen, out = set(), []
    for finding in findings:
        key = (finding.regle, finding.message)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out


def _influence(finding: Finding, overturned: bool, pressee: str | None) -> bool:
    """Whether the act shows that a Danthony defect could have swayed the vote: `overturned` when
    the result does not hold without the irregular proxies, `pressee` when the meeting was held in
    urgency or the absent could have turned the vote."""
    name = local_name(finding.regle)
    if name in CONVOCATION:
        return pressee is not None
    if name in PROXY_RULES:
        return overturned
    return False


def _pieces(signals: list[Signal]) -> list[PieceDemandee]:
    grouped: dict[str, PieceDemandee] = {}
    for item in signals:
        piece = piece_for(item.regle)
        if not piece.document:
            continue
        entry = grouped.setdefault(piece.cle, PieceDemandee(piece.cle, piece.document))
        if item.motif not in entry.motifs:
            entry.motifs.append(item.motif)
        if item.regle not in entry.regles:
            entry.regles.append(item.regle)
    order = list(PIECES)
    return sorted(grouped.values(), key=lambda p: order.index(p.cle))


def _grouped(groups: dict[str, list[str]], asked: set[str]) -> list[tuple[str, str, list[str]]]:
    """The points not checked, by theme in the order of `PIECES`: the rules of every undecided
    finding without doubt, grouped by theme (`groups`: a point of law, or the document that
    settles it), less those the documents asked for settle."""
    if asked:
        groups = {key: [rule for rule in rules if rule not in asked] for key, rules in groups.items()}
    return [(key, PIECES[key].theme, groups[key]) for key in PIECES if groups.get(key)]


def _kind(key: tuple) -> tuple[str, bool]:
    """The theme of a rule's undecided findings (the document that settles it) and whether one
    may call for documents (`signal` asks only on serious grounds, for a few rules), by (rule,
    severity)."""
    regle, gravite = key
    return piece_for(regle).cle, gravite in SERIOUS and local_name(regle) in SIGNALANTS


_KINDS = Memo(_kind)


def _ref(finding: Finding) -> str:
    return f"article {finding.article}" + (f", alinéa {finding.alinea}" if finding.alinea else "")


def decide(record, findings: list[Finding], subjects=None) -> Decision:
    """The proposed action for one act (one record: a meeting and the deliberations it adopted).

    `subjects(rules)`, when given, is the subject of every finding of these rules, whatever its
    status: the caller may then leave out of `findings` those that are neither `non_conforme` nor
    `indetermine`, but the déféré deadline's (`checker.results.LeanResult`)."""
    pressee = seance_pressee(record)
    overturned = any(f.regle.endswith(".neutralisation_des_pouvoirs_irreguliers")
                     for f in findings if f.statut == NON_CONFORME)
    violations, doubtful, minor, signals = [], [], [], []
    # The points not checked, by theme, in the same pass (those asked for are taken out after it).
    groups: dict[str, list[str]] = {}
    for finding in findings:
        statut = finding.statut
        if statut == INDETERMINE and not finding.doute:
            regle = finding.regle
            theme, signalant = _KINDS[regle, finding.gravite]
            # Its theme: a point of law, or the document that settles it.
            key = finding.point_de_droit or theme
            rules = groups.get(key)
            if rules is None:
                groups[key] = [regle]
            elif regle not in rules:
                rules.append(regle)
            if not signalant:
                # No signal (`signal` asks for documents only on serious grounds, for a few
                # rules): a point not checked.
                continue
        elif statut != NON_CONFORME and statut != INDETERMINE:
            continue
        decisive = finding.gravite in ANNULE_SANS_PESER or (
            finding.gravite == DANTHONY and _influence(finding, overturned, pressee))
        found = signal(record, finding, pressee, decisive)
        if found is not None:
            signals.append(found)
        if finding.statut == INDETERMINE and finding.doute and finding.gravite not in MINEURES:
            # Set aside by the confidence gate (checker/confiance.py): a defect to confirm.
            doubtful.append(finding)
        if finding.statut != NON_CONFORME:
            continue
        if finding.gravite in MINEURES:
            minor.append(finding)
        elif doute(record, finding):
            doubtful.append(finding)
        else:
            violations.append(finding)
    violations, minor, doubtful = _unique(violations), _unique(minor), _unique(doubtful)
    pieces = _pieces(signals)
    unchecked = _grouped(groups, {s.regle for s in signals})

    serious = [f for f in violations if f.gravite in ANNULE_SANS_PESER
               or (f.gravite == DANTHONY and _influence(f, overturned, pressee))]
    if serious:
        head = serious[0]
        more = len(violations) - 1
        reason = f"{first_sentence(head.message)} ({_ref(head)})"
        if head.gravite == DANTHONY:
            reason += f" ; vice susceptible d'avoir exercé une influence ({pressee or 'résultat porté par les pouvoirs'})"
        if more:
            reason += " ; " + nombre(more, "# autre irrégularité|# autres irrégularités")
        inexistent = any(f.gravite == "inexistence" for f in serious)
        return Decision(RECOURS_GRACIEUX, reason + ".", echeance_acte(record, findings, _indexes(serious)),
                        sans_delai=inexistent and all(f.gravite == "inexistence" for f in serious),
                        violations=violations, a_confirmer=doubtful, pieces=pieces, mineures=minor,
                        non_verifie=unchecked)
    if pieces:
        first = pieces[0]
        reason = f"À demander — {PIECES[first.cle].intitule} : {first.motifs[0]}"
        count = sum(len(p.motifs) for p in pieces) - 1
        if count:
            reason += " ; " + nombre(count, "# autre point|# autres points") + " à établir"
        asked = {r for p in pieces for r in p.regles}
        concerned = (subjects(asked) if subjects is not None
                     else [f.chemin for f in findings if f.regle in asked])
        return Decision(DEMANDE_DE_PIECES, reason + ".", echeance_acte(record, findings, _indexes_of(concerned)),
                        violations=violations, a_confirmer=doubtful, pieces=pieces, mineures=minor,
                        non_verifie=unchecked)
    if violations:
        head = violations[0]
        kind = ("acte non exécutoire" if head.gravite == "non_executoire"
                else "irrégularité que le juge peut neutraliser faute d'influence sur le vote (Danthony)")
        reason = f"{kind[0].upper()}{kind[1:]} : {first_sentence(head.message)} ({_ref(head)})"
        if len(violations) > 1:
            reason += " ; " + nombre(len(violations) - 1, "# autre|# autres")
        return Decision(OBSERVATIONS, reason + ".", echeance_acte(record, findings, _indexes(violations)),
                        violations=violations, a_confirmer=doubtful, mineures=minor, non_verifie=unchecked)
    notes = []
    if doubtful:
        notes.append(nombre(len(doubtful), "# irrégularité lue|# irrégularités lues") + " à confirmer, sans incidence possible sur le vote "
                     f"({', '.join(sorted({f.article for f in doubtful}))})")
    if minor:
        notes.append(nombre(len(minor), "# irrégularité|# irrégularités") + " sans incidence sur la légalité "
                     f"({', '.join(sorted({f.article for f in minor}))})")
    if notes:
        reason = "Aucune illégalité établie ; " + " ; ".join(notes) + "."
    elif any(key == "droit_non_encode" for key, _, _ in unchecked):
        reason = ("Aucune irrégularité relevée sur les faits disponibles, mais le droit de cet organe ou de "
                  "cette date n'est pas encodé : contrôle à faire à la main.")
    else:
        reason = "Aucune irrégularité relevée sur les faits disponibles ; rien de décisif n'y manque."
    return Decision(AUCUNE_SUITE, reason, echeance_acte(record, findings), a_confirmer=doubtful, mineures=minor,
                    non_verifie=unchecked)

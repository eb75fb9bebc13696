"""Before the vote (`delibcheck check --avant-vote`): what is still to come, and what the meeting must do.

A record prepared before the meeting lacks, by nature, the facts that only the meeting and what
follows it produce: the vote, the signatures, the publicity, the transmission to the prefect, the
minutes. A finding undecidable only for lack of such facts is not « indéterminé » — nothing is
missing from the file yet — but « à venir ». This is read off the finding's missing facts, never
off the rule's name, so every rule of the catalogue, present or future, is treated alike.

The report then ends with the checklist of what the meeting must do and record, each item with
the article behind it and the rules of the catalogue that will check it once the record is filled.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from checker.clerk.probe import normalise, under
from checker.findings import A_VENIR, INDETERMINE, NON_APPLICABLE, Finding
from checker.record import Record
from ruleset.functions.incertitude import PREFIXE as DROIT_INCERTAIN

# Facts that come with or after the vote, by where they sit in the record (items of a list and
# the number of a deliberation do not matter). The urgency vote, the secretary, the huis clos
# vote and who left the room for a vote are decided at the meeting itself.
FAITS_A_VENIR = (
    ("deliberation.vote", "le résultat du vote"),
    ("deliberation.votants", "le nombre de votants"),
    ("seance.votants", "le nombre de votants"),
    ("deliberation.signatures", "les signatures"),
    ("deliberation.publicite", "la publicité de l'acte"),
    ("deliberation.transmission", "la transmission au représentant de l'État"),
    ("deliberation.demande_prefet", "le contrôle du représentant de l'État"),
    ("deliberation.syndicat.deliberation_concordante", "la délibération concordante du syndicat"),
    ("deliberation.designation.delegues", "les délégués désignés"),
    ("deliberation.maire_present_au_vote", "la sortie du maire au vote du compte administratif"),
    ("deliberation.president_elu", "l'élection du président de séance"),
    ("deliberation.interesses.a_vote", "l'abstention des membres intéressés"),
    ("deliberation.interesses.a_participe_aux_debats", "l'abstention des membres intéressés"),
    ("deliberation.interesses.rapporteur", "l'abstention des membres intéressés"),
    ("seance.proces_verbal", "le procès-verbal"),
    ("seance.liste_deliberations", "la liste des délibérations"),
    ("seance.compte_rendu", "le compte rendu"),
    ("seance.secretaires", "le secrétaire de séance"),
    ("seance.huis_clos.vote_du_conseil", "le vote du huis clos"),
    ("seance.huis_clos.voix_pour", "le vote du huis clos"),
    ("convocation.urgence_prononcee", "le vote du conseil sur l'urgence"),
)
PREFIXES = tuple(p for p, _ in FAITS_A_VENIR)


def a_venir(finding: Finding) -> bool:
    """Undecidable only because it needs facts that the meeting or its aftermath will produce.

    A doubt on the law itself (`droit_incertain`) that the rule meets only on the way to those
    facts does not make the finding undecidable today: once the vote is known the doubt may not
    arise, and when it does the full check reports it as « indéterminé ».
    """
    if finding.statut != INDETERMINE or finding.erreur_regle:
        return False
    facts = [m for m in finding.manquants if not m.chemin.startswith(DROIT_INCERTAIN)]
    return bool(facts) and all(not m.affirme and under(m.chemin, PREFIXES) for m in facts)


def mark_prevote(findings: list[Finding]) -> list[Finding]:
    """The findings, those still to come marked `a_venir` (copies: the engine's are left alone)."""
    return [dataclasses.replace(f, statut=A_VENIR) if a_venir(f) else f for f in findings]


def label_of(path: str) -> str:
    place = normalise(path)
    for prefix, label in FAITS_A_VENIR:
        if place == prefix or place.startswith(prefix + "."):
            return label
    return place


@dataclass
class Tache:
    """One thing the meeting must do and record."""

    texte: str
    article: str
    champs: tuple[str, ...]
    objet: str | None = None
    regles: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"texte": self.texte, "article": self.article, "objet": self.objet,
                "a_consigner": list(self.champs), "regles": self.regles}


def _label(deliberation, index: int) -> str:
    numero = deliberation.get("numero")
    objet = deliberation.get("objet")
    name = f"délibération {numero}" if isinstance(numero, str) else f"délibération n° {index + 1}"
    return f"{name} ({objet})" if isinstance(objet, str) else name


def _checking(findings: list[Finding], champs: tuple[str, ...], chemin: str | None, article: str) -> list[str]:
    """The rules of the catalogue that read or await these facts, for this subject.

    A rule awaiting a whole object (`deliberations[0].vote`) awaits every field inside it; such a
    rule is named only when it encodes the task's own article, or every vote rule would be.
    """
    out = []
    for finding in findings:
        if finding.statut == NON_APPLICABLE or (chemin is not None and finding.chemin != chemin):
            continue
        paths = [m.chemin for m in finding.manquants] + [f.chemin for f in finding.faits]
        direct = any(under(p, champs) for p in paths)
        inside = finding.article in article and any(under(c, (normalise(p),)) for p in paths for c in champs)
        if (direct or inside) and finding.regle not in out:
            out.append(finding.regle)
    return out


def _is(node, key: str) -> bool:
    return node.get(key) is True


def checklist(record: Record, findings: list[Finding]) -> list[Tache]:
    """What this meeting must do and record, in the order it happens."""
    root = record.root
    alsace = _is(root["collectivite"], "alsace_moselle")
    taches = [Tache("Désigner au début de la séance un ou plusieurs secrétaires parmi les membres du conseil.",
                    "L2541-6" if alsace else "L2121-15", ("seance.secretaires",))]
    if _is(root["convocation"], "urgence"):
        taches.append(Tache(
            "Urgence : le maire en rend compte dès l'ouverture ; le conseil se prononce sur l'urgence "
            "(il peut renvoyer tout ou partie des points à une séance ultérieure).",
            "L2541-2" if alsace else "L2121-11 / L2121-12", ("convocation.urgence_prononcee",)))
    taches.append(Tache(
        "Constater le quorum à l'ouverture et avant chaque point ; noter les arrivées et les départs.",
        "L2121-17", ("deliberation.presents", "deliberation.arrivees", "deliberation.departs")))
    interested_anywhere = False
    for index, deliberation in enumerate(root["deliberations"]):
        subject = f"deliberations[{index}]"
        label = _label(deliberation, index)
        if (_is(deliberation, "nomination") or _is(deliberation, "election_executif")
                or _is(deliberation, "designation_delegues") or "designation" in deliberation):
            taches.append(Tache(
                "Nomination : scrutin secret, sauf si le conseil décide à l'unanimité de ne pas y recourir ; "
                "noter le mode de scrutin et, le cas échéant, cette décision unanime.",
                "L2121-21", ("deliberation.vote.mode", "deliberation.vote.renonciation_scrutin_secret"),
                label, _checking(findings, ("deliberation.vote.mode", "deliberation.vote.renonciation_scrutin_secret",
                                            "deliberation.vote.tours"), subject, "L2121-21")))
        interesses = [i.get("nom") for i in deliberation.get("interesses", []) if isinstance(i.get("nom"), str)]
        if interesses:
            interested_anywhere = True
            taches.append(Tache(
                ("Membre intéressé" if len(interesses) == 1 else "Membres intéressés")
                + f" : {', '.join(interesses)} — quitter la salle avant le débat, ne pas rapporter, ne pas voter "
                "(pas davantage par pouvoir) ; les inscrire dans les départs.",
                "L2131-11", ("deliberation.departs", "deliberation.interesses"), label,
                _checking(findings, ("deliberation.interesses",), subject, "L2131-11")))
        if _is(deliberation, "compte_administratif") or _is(deliberation, "compte_financier_unique"):
            taches.append(Tache(
                "Compte administratif : le conseil élit son président de séance ; le maire peut assister "
                "au débat mais quitte la salle au moment du vote (l'inscrire dans les départs).",
                "L2121-14", ("deliberation.president_elu", "deliberation.maire_present_au_vote",
                             "deliberation.departs"), label,
                _checking(findings, ("deliberation.president_elu", "deliberation.maire_present_au_vote"), subject,
                          "L2121-14")))
    if not interested_anywhere:
        taches.append(Tache(
            "Tout membre intéressé à une affaire quitte la salle avant le débat et ne vote pas ; "
            "l'inscrire dans les départs de la délibération.",
            "L2131-11", ("deliberation.interesses", "deliberation.departs")))
    for tache in taches:
        if not tache.regles and tache.objet is None:
            tache.regles = _checking(findings, tache.champs, None, tache.article)
    return taches


def a_consigner(findings: list[Finding]) -> list[tuple[str, list[str]]]:
    """The facts still to come, each with the rules that await it, in the order of FAITS_A_VENIR."""
    by_label: dict[str, list[str]] = {}
    for finding in findings:
        if finding.statut != A_VENIR:
            continue
        for missing in finding.manquants:
            if missing.chemin.startswith(DROIT_INCERTAIN):
                continue
            rules = by_label.setdefault(label_of(missing.chemin), [])
            if finding.regle not in rules:
                rules.append(finding.regle)
    order = [label for _, label in FAITS_A_VENIR]
    return sorted(by_label.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))


def lines(record: Record, findings: list[Finding]) -> list[str]:
    """The end of a pre-vote report: the checklist, then what to record after the vote."""
    out = ["  Avant le vote — ce que la séance doit faire et consigner :"]
    for number, tache in enumerate(checklist(record, findings), start=1):
        where = f" [{tache.objet}]" if tache.objet else ""
        out.append(f"    {number}. {tache.texte}{where}")
        checked = f"vérifié par {', '.join(tache.regles)}" if tache.regles else "aucune règle du catalogue ne le vérifie encore"
        out.append(f"       article {tache.article} ; à consigner : {', '.join(tache.champs)} ; {checked}")
    pending = a_consigner(findings)
    if pending:
        out.append("  À consigner après le vote, puis relancer « delibcheck check » sans --avant-vote :")
        for label, rules in pending:
            out.append(f"    - {label} ({', '.join(rules)})")
    out.append("")
    return out


def to_json(record: Record, findings: list[Finding]) -> dict:
    return {"a_faire_en_seance": [t.to_dict() for t in checklist(record, findings)],
            "a_consigner_apres_le_vote": [{"fait": label, "regles": rules} for label, rules in a_consigner(findings)]}

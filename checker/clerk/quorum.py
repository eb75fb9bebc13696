"""`delibcheck quorum`: will the quorum hold with the members who said they come?

The quorum rules of the catalogue — those that the number present alone decides, the health-crisis
derogations included when the date falls in their period — give the verdict; how many must be
present is the smallest number they accept. The absolute majority and the second convocation are
asked the same way, of the rules that decide them, on the same meeting.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checker.clerk import catalogue
from checker.clerk.present import finding_json, finding_lines, jour, pluriel
from checker.clerk.probe import NON, OUI, Question, lowest, run, verdict
from checker.engine import Engine
from checker.findings import CONFORME, INDETERMINE, NON_APPLICABLE, Finding

PRESENTS = ("seance.presents", "deliberation.presents")
VOTE = ("deliberations[0].vote",)
# The count of proxies alone decides some proxy rules (two per holder at most): take both out.
POUVOIRS = ("seance.pouvoirs", "seance.representes")
SECONDE = "convocation.seconde_convocation"
ENVOI = "convocation.date_envoi"
# The second meeting is probed with a single member present: "whatever the number present".
UN_SEUL_PRESENT = 1
MOST_CLEAR_DAYS = 15


@dataclass
class Quorum:
    """The clerk's facts: the council's size today, who said they come, the proxies announced."""

    date: dt.date
    en_exercice: int
    presents: int
    pouvoirs: int = 0
    nature: str = "commune"
    alsace_moselle: bool = False
    election: bool = False
    mandats: list[tuple[str, str]] = field(default_factory=list)

    def record(self, presents: int | None = None, pouvoirs: int | None = None, detail: bool = True) -> dict:
        """The record `delibcheck check` would read: one ordinary deliberation (or an election)."""
        seance: dict = {"date": self.date.isoformat(), "membres_en_exercice": self.en_exercice,
                        "presents": self.presents if presents is None else presents,
                        "representes": self.pouvoirs if pouvoirs is None else pouvoirs}
        if detail and self.mandats:
            seance["pouvoirs"] = [{"mandant": a, "mandataire": b, "ecrit": True} for a, b in self.mandats]
            # Only what the proxies say of their members: the giver is absent, the holder announced present.
            named = {a: "represente" for a, _ in self.mandats}
            for _, holder in self.mandats:
                named.setdefault(holder, "present")
            seance["membres"] = [{"nom": nom, "presence": presence} for nom, presence in named.items()]
        return {
            "collectivite": {"nature": self.nature, "alsace_moselle": self.alsace_moselle},
            "seance": seance,
            "deliberations": [{"numero": "1", "nomination": self.election, "election_executif": self.election}],
        }

    def with_presents(self, presents: int, pouvoirs: int | None = None) -> dict:
        # A member who comes in person no longer needs the proxy given: proxies only come from absents.
        pouvoirs = self.pouvoirs if pouvoirs is None else pouvoirs
        return self.record(presents, min(pouvoirs, self.en_exercice - presents), detail=False)

    @property
    def votants(self) -> int:
        return self.presents + self.pouvoirs

    def vote(self, pour: int) -> dict:
        data = self.record()
        data["deliberations"][0]["vote"] = {
            "mode": "main_levee", "pour": pour, "contre": self.votants - pour, "abstentions": 0,
            "resultat": "adoptee", "voix_preponderante": False}
        return data

    def seconde(self, jours_francs: int) -> dict:
        data = self.record(UN_SEUL_PRESENT, 0, detail=False)
        data["convocation"] = {"seconde_convocation": True,
                               "date_envoi": (self.date - dt.timedelta(days=jours_francs + 1)).isoformat()}
        data["deliberations"][0]["reportee_faute_de_quorum"] = True
        return data


@dataclass
class Seconde:
    jours: int | None
    findings: list[Finding]
    conditions: list[str]


@dataclass
class Reponse:
    question: Quorum
    quorum: list[Finding]
    reponse: str | None
    requis: int | None
    requis_sans_pouvoirs: int | None = None
    ecartees: list[Finding] = field(default_factory=list)
    majorite: int | None = None
    majorite_regles: list[Finding] = field(default_factory=list)
    pouvoirs: list[Finding] = field(default_factory=list)
    pouvoirs_reponse: str | None = None
    seconde: Seconde | None = None
    hors_catalogue: list[str] = field(default_factory=list)

    @property
    def manque(self) -> int | None:
        return max(self.requis - self.question.presents, 0) if self.requis is not None else None

    @property
    def exit_code(self) -> int:
        return 1 if NON in (self.reponse, self.pouvoirs_reponse) else 0


def _second_convocation(engine: Engine, question: Quorum) -> Seconde:
    """The least interval after which the rules let a second meeting decide without quorum."""
    for days in range(0, MOST_CLEAR_DAYS + 1):
        data = question.seconde(days)
        involved = [f for f in run(engine, data) if f.statut != NON_APPLICABLE
                    and any(fact.chemin == SECONDE for fact in f.faits)]
        if not involved:
            return Seconde(None, [], [])
        statuses = {f.statut for f in involved}
        missing = sorted({m.chemin for f in involved for m in f.manquants})
        if statuses == {CONFORME}:
            return Seconde(days, involved, [])
        if statuses <= {CONFORME, INDETERMINE} and ENVOI not in missing:
            return Seconde(days, involved, missing)
    return Seconde(None, involved, [])


def answer(engine: Engine, question: Quorum) -> Reponse:
    # The quorum is a matter of counts: the proxies named by the clerk list only their two members,
    # and a list of members that partial would stand for the number present once it is probed away.
    quorum = Question(engine, question.record(detail=False), PRESENTS)
    findings = quorum.findings()
    requis = lowest(0, question.en_exercice,
                    lambda n: quorum.verdict(question.with_presents(n)) == OUI) if quorum.keys else None
    out = Reponse(question, findings, verdict(findings), requis)
    if quorum.keys and question.pouvoirs:
        out.requis_sans_pouvoirs = lowest(0, question.en_exercice,
                                          lambda n: quorum.verdict(question.with_presents(n, 0)) == OUI)
    out.ecartees = [f for f in run(engine, question.record()) if f.ecartee_par and f.regle in quorum.only]

    if question.votants > 0:
        majority = Question(engine, question.vote(question.votants), VOTE)
        if majority.keys:
            out.majorite = lowest(0, question.votants, lambda k: majority.verdict(question.vote(k)) == OUI)
            at = out.majorite if out.majorite is not None else question.votants
            out.majorite_regles = majority.findings(question.vote(at))
            if out.majorite:
                # The rules that set the threshold: those whose verdict turns between k - 1 and k.
                below = {(f.regle, f.chemin): f.statut for f in majority.findings(question.vote(at - 1))}
                out.majorite_regles = [f for f in out.majorite_regles if below.get((f.regle, f.chemin)) != f.statut]
    if question.mandats:
        proxies = Question(engine, question.record(), POUVOIRS)
        out.pouvoirs = proxies.findings()
        out.pouvoirs_reponse = verdict(out.pouvoirs)
    out.seconde = _second_convocation(engine, question)
    out.hors_catalogue = _outside(engine, question, out)
    return out


def _outside(engine: Engine, question: Quorum, out: Reponse) -> list[str]:
    rules = engine.rules
    notes = []
    if catalogue.in_crisis(question.date) and not catalogue.in_catalogue(rules, catalogue.CRISE):
        notes.append(catalogue.missing_note(catalogue.CRISE, "La réponse est celle du droit commun."))
    if not out.quorum:
        notes.append("Aucune règle du catalogue ne fixe le quorum de cet organe"
                     + (" : un syndicat mixte ouvert suit ses statuts." if question.nature == "syndicat_mixte_ouvert"
                        else "."))
    if question.votants > 0 and not out.majorite_regles and not catalogue.in_catalogue(rules, catalogue.MAJORITE):
        notes.append(catalogue.missing_note(catalogue.MAJORITE, "La majorité n'est pas calculée."))
    if question.mandats and not out.pouvoirs and not catalogue.in_catalogue(rules, catalogue.POUVOIRS):
        notes.append(catalogue.missing_note(catalogue.POUVOIRS, "Les pouvoirs ne sont pas vérifiés."))
    if (question.alsace_moselle and out.seconde is not None and not out.seconde.findings
            and not catalogue.in_catalogue(rules, catalogue.ALSACE_MOSELLE_QUORUM)):
        notes.append(catalogue.missing_note(catalogue.ALSACE_MOSELLE_QUORUM,
                                            "La seconde convocation n'est pas traitée."))
    return notes


def _values(findings: list[Finding], name: str) -> list:
    values = []
    for finding in findings:
        value = finding.valeurs.get(name)
        if finding.statut != NON_APPLICABLE and isinstance(value, int) and value not in values:
            values.append(value)
    return values


def texte(out: Reponse) -> str:
    q = out.question
    lines = [f"Quorum — séance du {jour(q.date)}",
             f"{q.en_exercice} membres en exercice, {pluriel(q.presents, 'présent annoncé', 'présents annoncés')}, "
             f"{pluriel(q.pouvoirs, 'pouvoir')}" + (" ; élection du maire ou des adjoints" if q.election else ""), ""]
    if out.reponse == OUI:
        head = f"Quorum : ATTEINT — {pluriel(q.presents, 'présent')}"
        if out.requis is not None:
            head += f", {out.requis} requis"
            spare = q.presents - out.requis
            if spare > 0:
                head += (f" : {spare} membre{'s' if spare > 1 else ''} annoncé{'s' if spare > 1 else ''} "
                         f"pourrai{'en' if spare > 1 else ''}t encore se désister")
        lines.append(head + ".")
    elif out.reponse == NON:
        if out.requis is not None:
            lines.append(f"Quorum : NON ATTEINT — il manque {pluriel(out.manque, 'présent')} ({out.requis} requis).")
        else:
            lines.append("Quorum : NON ATTEINT — même au complet, les règles ne l'admettraient pas.")
    elif out.reponse is not None:
        lines.append("Quorum : non déterminable avec ces informations.")
    else:
        lines.append("Quorum : aucune règle du catalogue.")
    if out.requis is not None and out.requis_sans_pouvoirs not in (None, out.requis):
        lines.append(f"  Les {pluriel(q.pouvoirs, 'pouvoir')} compte{'nt' if q.pouvoirs > 1 else ''} à cette date : "
                     f"sans {'eux' if q.pouvoirs > 1 else 'lui'}, {out.requis_sans_pouvoirs} présents seraient requis.")
    quorum_values = _values(out.quorum, "quorum")
    if quorum_values:
        lines.append(f"  quorum calculé par la règle : {', '.join(str(v) for v in quorum_values)}")
    for finding in out.quorum:
        lines.extend(finding_lines(finding, "  "))
    for finding in out.ecartees:
        lines.append(f"  {finding.regle} (règle générale) : {finding.message}")
    lines.append("")
    if out.majorite is not None:
        lines.append(f"Majorité absolue si les {q.votants} votants s'expriment tous : {out.majorite} voix pour "
                     f"(contre {q.votants - out.majorite}).")
    elif out.majorite_regles:
        lines.append("Majorité absolue : non déterminable avec ces informations.")
    for finding in out.majorite_regles:
        lines.append(f"  {finding.regle} — {finding.titre} ; article {finding.article} ; "
                     f"{finding_json(finding)['periode']}")
    if out.majorite_regles or out.majorite is not None:
        lines.append("")
    if out.pouvoirs:
        label = {OUI: "VALIDES", NON: "NON VALIDES"}.get(out.pouvoirs_reponse, "non vérifiables avec ces informations")
        lines.append(f"Pouvoirs : {label}.")
        for finding in out.pouvoirs:
            lines.extend(finding_lines(finding, "  "))
        lines.append("")
    if out.seconde is not None and out.seconde.findings:
        s = out.seconde
        if s.jours is not None:
            lines.append("Si le quorum n'est pas atteint — seconde convocation : pour les points reportés, le conseil "
                         "délibère sans condition de quorum si la nouvelle convocation est envoyée "
                         + (f"au moins {pluriel(s.jours, 'jour franc', 'jours francs')} avant la seconde séance"
                            if s.jours > 0 else "avant la seconde séance, sans intervalle minimal")
                         + (f", à condition que le dossier établisse : {', '.join(s.conditions)}" if s.conditions else "")
                         + ". Un point nouveau exige toujours le quorum.")
        else:
            lines.append("Seconde convocation : les règles du catalogue ne dispensent pas du quorum dans ce cas.")
        for finding in s.findings:
            lines.append(f"  {finding.regle} — {finding.titre} ; article {finding.article}"
                         + (f", alinéa {finding.alinea}" if finding.alinea else "")
                         + f" ; {finding_json(finding)['periode']}")
        lines.append("")
    for note in out.hors_catalogue:
        lines.append(f"Attention : {note}")
    return "\n".join(lines).rstrip("\n") + "\n"


def to_json(out: Reponse) -> dict:
    q = out.question
    s = out.seconde
    return {
        "commande": "quorum",
        "date": q.date.isoformat(),
        "dossier": q.record(),
        "reponse": out.reponse,
        "quorum": (_values(out.quorum, "quorum") or [None])[0],
        "presents": q.presents,
        "presents_requis": out.requis,
        "presents_requis_sans_pouvoirs": out.requis_sans_pouvoirs,
        "presents_manquants": out.manque,
        "regles": [finding_json(f) for f in out.quorum],
        "regles_ecartees": [finding_json(f) for f in out.ecartees],
        "majorite_absolue": {"votants": q.votants, "voix_requises": out.majorite,
                             "regles": [finding_json(f) for f in out.majorite_regles]},
        "pouvoirs": {"reponse": out.pouvoirs_reponse, "regles": [finding_json(f) for f in out.pouvoirs]},
        "seconde_convocation": None if s is None or not s.findings else {
            "jours_francs_minimum": s.jours, "conditions": s.conditions,
            "regles": [finding_json(f) for f in s.findings]},
        "hors_catalogue": out.hors_catalogue,
    }

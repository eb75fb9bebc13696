"""`delibcheck convocation`: the last day to send the convocation, and whether a sending is in time.

The clerk's facts become a record; the delay rules of the catalogue — those that the sending date
alone decides — give the verdict, and the last day to send is the latest date they accept. The
note explicative de synthèse is required when the rules find a convocation without one wanting.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checker.clerk import catalogue
from checker.clerk.calendar import Jour, calendrier, lignes
from checker.clerk.prevote import a_venir
from checker.clerk.present import finding_json, finding_lines, jour, nombre, pluriel, reference
from checker.clerk.probe import NON, OUI, Question, days_before, first, run, under, verdict
from checker.engine import Engine
from checker.findings import INDETERMINE, NON_APPLICABLE, Finding, format_value
from ruleset.dates import jours_francs
from ruleset.values import Unknown

ENVOI = ("convocation.date_envoi",)
NOTE = ("convocation.note_explicative_synthese",)
# How far back to look for the last sending day: well beyond any delay the CGCT sets.
MOST_DAYS_BACK = 60


@dataclass
class Convocation:
    """The clerk's facts about the meeting and its convocation."""

    seance: dt.date
    nature: str = "commune"
    population: int | None = None
    membres: list[tuple[str, int]] = field(default_factory=list)
    urgence: bool = False
    alsace_moselle: bool = False
    premiere_reunion: bool = False
    icpe: bool = False
    envoi: dt.date | None = None

    def record(self, envoi: dt.date | None = None, note: bool | None = None) -> dict:
        """The record `delibcheck check` would read for these facts (one deliberation on the agenda)."""
        collectivite: dict = {"nature": self.nature, "alsace_moselle": self.alsace_moselle}
        if self.population is not None:
            collectivite["population"] = self.population
        if self.membres:
            collectivite["membres"] = [{"nom": nom, "population": pop} for nom, pop in self.membres]
        convocation: dict = {"urgence": self.urgence}
        if envoi is not None:
            convocation["date_envoi"] = envoi.isoformat()
        if note is not None:
            convocation["note_explicative_synthese"] = note
        return {
            "collectivite": collectivite,
            "seance": {"date": self.seance.isoformat(),
                       "premiere_reunion_apres_renouvellement": self.premiere_reunion},
            "convocation": convocation,
            "deliberations": [{"numero": "1", "icpe": self.icpe}],
        }


@dataclass
class Reponse:
    question: Convocation
    delai: list[Finding]
    dernier_jour: dt.date | None
    requis: int | None
    reponse: str | None = None
    jours: int | None = None
    retard: int | None = None
    note: list[Finding] = field(default_factory=list)
    note_requise: bool | None = None
    note_sans_objet: list[Finding] = field(default_factory=list)
    en_seance: list[Finding] = field(default_factory=list)
    autres: list[Finding] = field(default_factory=list)
    hors_catalogue: list[str] = field(default_factory=list)
    jours_calendrier: list[Jour] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.reponse == NON else 0


def _required_days(findings: list[Finding], last: dt.date | None, seance: dt.date) -> int | None:
    stated = {f.valeurs.get("requis") for f in findings if f.statut != NON_APPLICABLE}
    stated = {v for v in stated if isinstance(v, int) and not isinstance(v, bool)}
    if len(stated) == 1:
        return stated.pop()
    return jours_francs(last, seance) if last is not None else None


def answer(engine: Engine, question: Convocation) -> Reponse:
    delay = Question(engine, question.record(envoi=question.envoi), ENVOI)

    def in_time(day: dt.date) -> bool:
        return delay.verdict(question.record(envoi=day)) == OUI

    last = first(days_before(question.seance, MOST_DAYS_BACK), in_time) if delay.keys else None
    probe_day = question.envoi or last
    # Without a sending date, the rules' own findings on the record without one: they state the
    # requirement and the last day without pretending a sending took place.
    findings = delay.findings(question.record(envoi=question.envoi)) if question.envoi else delay.findings()
    # The delay that binds first: the rule requiring the most clear days (the common floor of
    # « la veille au plus tard » only repeats what every delay rule already implies).
    findings.sort(key=lambda f: -f.valeurs["requis"] if isinstance(f.valeurs.get("requis"), int) else 0)
    out = Reponse(question, findings, last, _required_days(findings, last, question.seance))
    if question.envoi is not None:
        out.reponse = verdict(findings)
        out.jours = jours_francs(question.envoi, question.seance)
        if last is not None and question.envoi > last:
            out.retard = (question.envoi - last).days

    full = run(engine, question.record(envoi=probe_day))
    # Is the note required? Ask the rules about a convocation sent without one.
    note = Question(engine, question.record(envoi=probe_day), NOTE)
    out.note = note.findings(question.record(envoi=probe_day, note=False))
    if out.note:
        decided = verdict(out.note)
        out.note_requise = True if decided == NON else (False if decided == OUI else None)
    elif catalogue.in_catalogue(engine.rules, catalogue.NOTE):
        out.note_requise = False
        out.note_sans_objet = [f for f in full if f.statut == NON_APPLICABLE and f.version is not None
                               and catalogue.reads(engine.by_id[f.regle], NOTE[0])]

    answered = {(f.regle, f.chemin) for f in out.delai + out.note}
    for finding in full:
        if (finding.regle, finding.chemin) in answered or finding.statut == NON_APPLICABLE:
            continue
        missing = [m.chemin for m in finding.manquants]
        if a_venir(finding) and all(under(p, ("convocation",)) for p in missing):
            out.en_seance.append(finding)
        elif finding.statut == INDETERMINE and missing and all(under(p, ("convocation",)) for p in missing):
            out.autres.append(finding)
    out.hors_catalogue = _outside(engine, question, out)
    out.jours_calendrier = calendrier(question.seance, last, question.envoi, question.alsace_moselle)
    return out


def _outside(engine: Engine, question: Convocation, out: Reponse) -> list[str]:
    notes = []
    if question.premiere_reunion and not catalogue.in_catalogue(engine.rules, catalogue.PREMIERE_REUNION):
        notes.append(catalogue.missing_note(catalogue.PREMIERE_REUNION,
                                            "Le délai affiché est celui des règles générales du catalogue."))
    if question.alsace_moselle and not catalogue.in_catalogue(engine.rules, catalogue.ALSACE_MOSELLE_CONVOCATION):
        notes.append(catalogue.missing_note(catalogue.ALSACE_MOSELLE_CONVOCATION,
                                            "Le délai affiché est celui des règles générales du catalogue."))
    if not out.delai:
        notes.append("Aucune règle du catalogue ne fixe le délai de convocation de cet organe"
                     + (" : un syndicat mixte ouvert suit ses statuts." if question.nature == "syndicat_mixte_ouvert"
                        else "."))
    return notes


def _who(question: Convocation) -> str:
    if question.nature == "commune":
        who = "Commune"
        if question.population is not None:
            who += f" de {nombre(question.population)} habitants"
    else:
        who = question.nature.replace("_", " ").capitalize()
        if question.membres:
            who += " — membres : " + ", ".join(f"{n} ({nombre(p)} hab.)" for n, p in question.membres)
    flags = [label for flag, label in ((question.alsace_moselle, "Alsace-Moselle"), (question.urgence, "urgence"),
                                       (question.premiere_reunion, "première réunion après le renouvellement"),
                                       (question.icpe, "installation classée à l'ordre du jour")) if flag]
    return who + (f" ; {', '.join(flags)}" if flags else "")


def texte(out: Reponse) -> str:
    q = out.question
    lines = [f"Convocation — séance du {jour(q.seance)}", _who(q), ""]
    if out.dernier_jour is not None:
        required = ""
        if out.requis == 0:
            required = " (la veille de la séance, aucun jour franc requis)"
        elif out.requis is not None:
            required = f" ({pluriel(out.requis, 'jour franc', 'jours francs')} requis)"
        lines.append(f"Dernier jour d'envoi : {jour(out.dernier_jour)}{required}.")
    elif out.delai:
        lines.append("Dernier jour d'envoi : non déterminable avec ces informations.")
    else:
        lines.append("Dernier jour d'envoi : aucune règle du catalogue ne fixe le délai (voir plus bas).")
    if q.envoi is not None:
        if out.reponse == OUI:
            lines.append(f"Envoi du {jour(q.envoi)} : DANS LE DÉLAI — {pluriel(out.jours, 'jour franc', 'jours francs')}.")
        elif out.reponse == NON:
            late = f", {pluriel(out.retard, 'jour')} de retard" if out.retard else ""
            lines.append(f"Envoi du {jour(q.envoi)} : HORS DÉLAI — {pluriel(out.jours, 'jour franc', 'jours francs')}"
                         f"{late}.")
        else:
            lines.append(f"Envoi du {jour(q.envoi)} : délai non vérifiable avec ces informations.")
    for finding in out.delai:
        if q.envoi is not None:
            lines.extend(finding_lines(finding, "  "))
            continue
        lines.append(f"  {finding.regle} — {finding.titre}")
        lines.append(f"    {reference(finding)}")
        if finding.url:
            lines.append(f"    {finding.url}")
        values = [f"{finding.libelle(k)} : {format_value(v)}" for k, v in finding.valeurs.items()
                  if type(v) is not Unknown]
        if values:
            lines.append(f"    calculs de la règle : {' ; '.join(values)}")
    lines.append("")
    if out.note_requise is True:
        lines.append("Note explicative de synthèse : OBLIGATOIRE, à adresser avec la convocation.")
    elif out.note_requise is False:
        lines.append("Note explicative de synthèse : non exigée par les règles du catalogue.")
    elif out.note:
        lines.append("Note explicative de synthèse : obligation non déterminable avec ces informations.")
    else:
        lines.append("Note explicative de synthèse : aucune règle du catalogue ne la traite.")
    for finding in out.note:
        lines.append(f"  {finding.regle} — {finding.titre}")
        lines.append(f"    article {finding.article}" + (f", alinéa {finding.alinea}" if finding.alinea else "")
                     + f" ; {finding_json(finding)['periode']}")
    for finding in out.note_sans_objet:
        lines.append(f"  {finding.regle} : {finding.message}")
    lines.append("")
    if out.jours_calendrier:
        lines.append("Calendrier (samedis, dimanches et jours fériés comptent comme les autres jours) :")
        lines.extend(lignes(out.jours_calendrier, "  "))
        lines.append("")
    if out.en_seance:
        lines.append("À l'ouverture de la séance :")
        for finding in out.en_seance:
            lines.append(f"  - {finding.titre} ({finding.regle}, article {finding.article})")
        lines.append("")
    if out.autres:
        lines.append("La convocation doit aussi (règles du catalogue) :")
        for finding in out.autres:
            lines.append(f"  - {finding.titre} ({finding.regle}, article {finding.article})")
        lines.append("")
    for note in out.hors_catalogue:
        lines.append(f"Attention : {note}")
    return "\n".join(lines).rstrip("\n") + "\n"


def to_json(out: Reponse) -> dict:
    q = out.question
    return {
        "commande": "convocation",
        "seance": q.seance.isoformat(),
        "dossier": q.record(envoi=q.envoi),
        "dernier_jour_envoi": out.dernier_jour.isoformat() if out.dernier_jour else None,
        "jours_francs_requis": out.requis,
        "envoi": q.envoi.isoformat() if q.envoi else None,
        "reponse": out.reponse,
        "jours_francs": out.jours,
        "jours_de_retard": out.retard,
        "note_explicative_synthese": {"requise": out.note_requise, "regles": [finding_json(f) for f in out.note]},
        "regles": [finding_json(f) for f in out.delai],
        "calendrier": [d.to_dict() for d in out.jours_calendrier],
        "en_seance": [finding_json(f) for f in out.en_seance],
        "autres_exigences": [finding_json(f) for f in out.autres],
        "hors_catalogue": out.hors_catalogue,
    }

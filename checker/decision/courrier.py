"""The draft letter the agent would otherwise type: a « lettre d'observations » (valant recours
gracieux when the act is to be withdrawn) or a « demande de pièces ».

It follows the usual layout of the contrôle de légalité's letters: the prefect to the body's
executive (« Monsieur le Maire », « Madame la Présidente »), an « Objet » naming the act (number,
date, subject) and a « Réf. » its receipt and @CTES identifier; then the act recalled, each defect
set out as fact → rule (article quoted) → case law → consequence; then what is asked (withdrawal,
care for the future, documents) with the deadline and its legal basis; the courtesy formula and
« Pour le préfet et par délégation ». Whatever the record does not say (the département's name,
the signatory, a receipt date) is left between brackets for the agent to fill: it is a draft.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from checker.decision.pieces import PIECES
from checker.decision.proposition import (AUCUNE_SUITE, DEMANDE_DE_PIECES, OBSERVATIONS, RECOURS_GRACIEUX,
                                          Decision)
from checker.decision.signaux import doute
from checker.findings import Finding
from ruleset.errors import InputError

OBSERVATIONS_TYPE = "observations"
PIECES_TYPE = "pieces"
TYPES = (OBSERVATIONS_TYPE, PIECES_TYPE)
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
CASE_LAW = re.compile(r"^(CE|CAA|TA|Cass|Cons\. const)")
DANTHONY = ("CE Ass., 23 décembre 2011, Danthony, n° 335033")
INTERRUPTION = ("CE 16 mai 1984, Commune de Vigneux-sur-Seine, n° 19816 ; "
                "CE Sect. 18 avril 1986, Commissaire de la République d'Ille-et-Vilaine, n° 62470")
CODES = {"CGCT": "code général des collectivités territoriales"}


@dataclass
class Bloc:
    """One part of the letter: `entete`, `destinataire`, `objet`, `titre`, `para`, `citation`, `liste`."""

    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)


@dataclass
class Lettre:
    type: str
    fichier: str
    blocs: list[Bloc]

    @property
    def titre(self) -> str:
        return next((b.text for b in self.blocs if b.kind == "objet"), "Courrier")


def date_longue(day: dt.date) -> str:
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS[day.month - 1]} {day.year}"


def _text(node, key):
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, str) and value.strip() else None


def _executive(record) -> tuple[str, str]:
    """(salutation, addressee) for the body's executive, its gender read off the record when said."""
    root = record.root
    collectivite = root["collectivite"]
    nature = collectivite.get("nature") if isinstance(collectivite.get("nature"), str) else "commune"
    name = _text(collectivite, "nom")
    president = root["seance"].get("president")
    source = (root["seance"].sources.get("president") or (None,))[0] if hasattr(root["seance"], "sources") else None
    said = " ".join(s for s in (source, president if isinstance(president, str) else None) if s).lower()
    feminine = bool(re.search(r"\b(madame|mme)\b", said))
    masculine = bool(re.search(r"\b(monsieur|m\.)\s", said))
    if nature == "commune":
        roles = ("Madame la Maire", "Monsieur le Maire")
        place = name or "[commune]"
        place = re.sub(r"^(commune|ville) (de |d')", "", place, flags=re.I)
        where = f"de {place}" if not re.match(r"^[aeiouyhéè]", place, re.I) else f"d'{place}"
    else:
        roles = ("Madame la Présidente", "Monsieur le Président")
        where = f"de la collectivité « {name} »" if name else "[de l'établissement]"
        if name and re.match(r"^(syndicat|communaut|métropole|etablissement|établissement)", name, re.I):
            article = "du" if name.lower().startswith("syndicat") else "de la"
            if name.lower().startswith(("etablissement", "établissement")):
                article = "de l'"
            where = f"{article} {name[0].lower()}{name[1:]}" if article != "de l'" else f"de l'{name[0].lower()}{name[1:]}"
    if feminine and not masculine:
        return roles[0], f"{roles[0]} {where}"
    if masculine and not feminine:
        return roles[1], f"{roles[1]} {where}"
    return f"{roles[0]}, {roles[1]}", f"{roles[0]}, {roles[1]} {where} [civilité à adapter]"


def _deliberations(record, findings: list[Finding]) -> list[dict]:
    """The deliberations the letter is about: those its findings name, else all of them."""
    from checker.decision.echeance import deliberation_index
    indexes = {deliberation_index(f.chemin) for f in findings}
    items = list(enumerate(record.root["deliberations"]))
    if None not in indexes and indexes:
        items = [(i, d) for i, d in items if i in indexes]
    out = []
    for index, deliberation in items:
        transmission = deliberation.get("transmission") if isinstance(deliberation.get("transmission"), dict) else {}
        received = transmission.get("date_reception") if transmission else None
        out.append({"numero": _text(deliberation, "numero") or (str(deliberation.get("numero"))
                                                                   if isinstance(deliberation.get("numero"), int)
                                                                   else None),
                    "objet": _text(deliberation, "objet"),
                    "actes": _text(transmission, "identifiant_actes") if transmission else None,
                    "reception": received if isinstance(received, dt.date) else None})
    return out


BODIES = {"commune": "le conseil municipal", "syndicat_de_communes": "le comité syndical",
          "syndicat_mixte_ferme": "le comité syndical", "syndicat_mixte_ouvert": "le comité syndical",
          "communaute_de_communes": "le conseil communautaire", "communaute_d_agglomeration": "le conseil communautaire",
          "communaute_urbaine": "le conseil communautaire", "metropole": "le conseil de la métropole"}


def _opening(record, deliberations: list[dict]) -> str:
    """The act recalled: « Par délibération n° X du …, reçue en préfecture le …, le conseil … »."""
    nature = record.root["collectivite"].get("nature", "commune")
    body = BODIES.get(nature if isinstance(nature, str) else "commune", "l'organe délibérant")
    day = date_longue(record.date)
    received = [d["reception"] for d in deliberations if d["reception"]]
    receipt = f", reçue{'s' if len(deliberations) > 1 else ''} en préfecture le {date_longue(max(received))}" \
        if received else ""
    if len(deliberations) == 1:
        d = deliberations[0]
        number = f" n° {d['numero']}" if d["numero"] else ""
        about = (f"s'est prononcé sur l'affaire suivante : « {d['objet']} »" if d["objet"]
                 else "a délibéré [objet à préciser]")
        return f"Par délibération{number} du {day}{receipt}, {body} {about}."
    listed = " ; ".join(f"n° {d['numero'] or '[?]'}" + (f" (« {d['objet']} »)" if d["objet"] else "")
                        for d in deliberations)
    return f"Lors de sa séance du {day}, {body} a adopté les délibérations {listed}{receipt}."


def _reference(finding: Finding, rules: dict) -> tuple[str, str | None, list[str]]:
    rule = rules.get(finding.regle)
    code = CODES.get(getattr(rule, "code", "CGCT"), getattr(rule, "code", "CGCT"))
    article = finding.article
    if re.match(r"^[LRD]\d", article):
        article = f"{article[0]}. {article[1:]}"
        where = f"l'article {article} du {code}"
    else:
        where = f"l'article {finding.article}"
    if finding.alinea:
        where += f" (alinéa {finding.alinea})"
    citation = None
    if rule is not None:
        version = next((v for v in rule.versions if v.period() == finding.version), None)
        citation = (version.citation if version is not None and version.citation else rule.citation) or None
    cases = [s for s in (rule.sources if rule is not None else []) if CASE_LAW.match(s)]
    if citation:
        citation = " ".join(citation.split()).strip()
        citation = citation[1:-1].strip() if citation.startswith("«") and citation.endswith("»") else citation
    return where, citation or None, cases


def _consequence(finding: Finding) -> str:
    if finding.gravite == "inexistence":
        return ("Faute de tout élément établissant son adoption régulière, cet acte est susceptible d'être regardé "
                "comme inexistant ; il peut être déféré sans condition de délai.")
    if finding.gravite == "illegalite":
        return "Cette irrégularité entache d'illégalité la délibération."
    if finding.gravite == "illegalite_sauf_absence_de_prejudice":
        return ("Ce vice de procédure entache d'illégalité la délibération s'il a été susceptible d'exercer une "
                "influence sur le sens de la décision prise ou s'il a privé les membres du conseil d'une garantie "
                f"({DANTHONY}).")
    if finding.gravite == "non_executoire":
        return ("Cette formalité ne conditionne pas la légalité de l'acte, mais l'acte n'est pas exécutoire tant "
                "qu'elle n'est pas accomplie (article L. 2131-1 du CGCT).")
    return "Cette irrégularité est sans incidence sur la légalité de l'acte ; je vous invite à y veiller."


def _defect(number: int, finding: Finding, rules: dict, record) -> list[Bloc]:
    where, citation, cases = _reference(finding, rules)
    facts = finding.message.strip()
    sources = [f.source for f in finding.faits if f.source and not f.source.startswith("calculé")]
    blocs = [Bloc("titre", f"{number}. {finding.titre}")]
    text = f"{facts}"
    if sources:
        text += " L'acte porte en effet : « " + " » ; « ".join(dict.fromkeys(sources[:2])) + " »."
    blocs.append(Bloc("para", text))
    law = f"Aux termes de {where}"
    if citation:
        blocs.append(Bloc("para", law + " :"))
        blocs.append(Bloc("citation", citation))
    else:
        blocs.append(Bloc("para", law + "."))
    closing = _consequence(finding)
    if cases:
        closing = f"Voir notamment : {' ; '.join(cases[:3])}. " + closing
    blocs.append(Bloc("para", closing))
    why = doute(record, finding)
    if why:
        blocs.append(Bloc("para", "Ce constat repose toutefois sur une mention dont la lecture reste à confirmer "
                                  f"({why}) ; si elle procède d'une erreur matérielle, je vous remercie de me "
                                  "transmettre les pièces qui l'établissent."))
    return blocs


def _deadline_sentence(decision: Decision) -> str:
    day = decision.echeance.jour
    if decision.sans_delai or day is None:
        return ""
    when = f"{WEEKDAYS[day.weekday()]} {date_longue(day)}"
    if decision.echeance.base == "seance":
        return (f"le délai de deux mois suivant la transmission de l'acte, qui expire au plus tôt le {when} "
                "[date à confirmer d'après l'accusé de réception @CTES]")
    return f"le délai de deux mois suivant la transmission de l'acte, qui expire le {when}"


def build_letter(result, decision: Decision, rules: dict, kind: str | None = None,
                 today: dt.date | None = None) -> Lettre:
    """The letter for one act. `kind` defaults to what the decision proposes; asking a letter for
    an act the decision leaves without follow-up, without saying which, is refused."""
    today = today or dt.date.today()
    if kind is None:
        if decision.action == AUCUNE_SUITE:
            raise InputError("aucune suite proposée pour cet acte : pas de courrier à rédiger "
                             "(--type observations ou --type pieces pour en rédiger un quand même)",
                             fichier=result.fichier)
        kind = PIECES_TYPE if decision.action == DEMANDE_DE_PIECES else OBSERVATIONS_TYPE
    record = result.record
    concerned = decision.violations + decision.a_confirmer if kind == OBSERVATIONS_TYPE else [
        f for f in result.findings if f.regle in {r for p in decision.pieces for r in p.regles}]
    deliberations = _deliberations(record, concerned)
    salutation, addressee = _executive(record)
    recours = kind == OBSERVATIONS_TYPE and decision.action == RECOURS_GRACIEUX
    departement = _text(record.root["collectivite"], "departement")

    blocs = [
        Bloc("entete", f"PRÉFECTURE {'DU DÉPARTEMENT ' + departement if departement else '[DÉPARTEMENT]'}\n"
                       "Direction de la citoyenneté et de la légalité — Bureau du contrôle de légalité\n"
                       f"Affaire suivie par : [nom, téléphone, courriel]\n"
                       f"[Lieu], le {date_longue(today)}"),
        Bloc("destinataire", f"Le préfet [du département]\nà\n{addressee}"),
    ]
    subject = {True: "lettre d'observations valant recours gracieux",
               False: "lettre d'observations" if kind == OBSERVATIONS_TYPE else "demande de pièces complémentaires"}
    numbers = ", ".join(f"n° {d['numero']}" for d in deliberations if d["numero"])
    objet = f"Objet : contrôle de légalité — délibération{'s' if len(deliberations) > 1 else ''} {numbers} " \
            f"du {date_longue(record.date)}"
    objects = [d["objet"] for d in deliberations if d["objet"]]
    if len(objects) == 1:
        objet += f" (« {objects[0]} »)"
    objet = " ".join(objet.split()) + f" — {subject[recours]}"
    blocs.append(Bloc("objet", objet))
    received = [d["reception"] for d in deliberations if d["reception"]]
    actes = [d["actes"] for d in deliberations if d["actes"]]
    reference = "Réf. : " + (f"acte reçu en préfecture le {date_longue(max(received))}" if received
                             else "acte reçu en préfecture le [date de l'accusé de réception]")
    reference += f" (identifiant @CTES {', '.join(actes)})" if actes else " (identifiant @CTES [à compléter])"
    blocs.append(Bloc("reference", reference))
    blocs.append(Bloc("para", f"{salutation},"))
    blocs.append(Bloc("para", _opening(record, deliberations)))
    these = "ces actes" if len(deliberations) > 1 else "cet acte"

    if kind == OBSERVATIONS_TYPE:
        findings = decision.violations + decision.a_confirmer
        if not findings:
            raise InputError("aucune irrégularité relevée pour cet acte : pas de lettre d'observations "
                             "(--type pieces pour demander des pièces)", fichier=result.fichier)
        blocs.append(Bloc("para", f"L'examen de {these} au titre du contrôle de légalité appelle de ma part "
                                  "les observations suivantes."))
        for number, finding in enumerate(findings, start=1):
            blocs.extend(_defect(number, finding, rules, record))
        if recours:
            blocs.append(Bloc("para", "En conséquence, je vous demande de bien vouloir procéder au retrait de "
                                      f"{'ces délibérations' if len(deliberations) > 1 else 'cette délibération'} "
                                      "et, si vous l'estimez utile, de soumettre à nouveau cette affaire au conseil "
                                      "dans des conditions régulières. Je vous saurais gré de me faire connaître la "
                                      "suite que vous entendez réserver à la présente lettre."))
            deadline = _deadline_sentence(decision)
            if decision.sans_delai:
                basis = ("Un acte inexistant pouvant être déféré au tribunal administratif sans condition de délai, "
                         "je me réserve de le lui soumettre à défaut de retrait.")
            else:
                basis = ("La présente lettre constitue un recours gracieux. Formée dans " + deadline
                         + " (article L. 2131-6 du CGCT), elle en interrompt le cours : un nouveau délai de deux "
                         "mois courra à compter de votre réponse ou de la décision implicite de rejet née de votre "
                         f"silence ({INTERRUPTION}). À défaut de retrait, je me verrai dans l'obligation de déférer "
                         "cet acte au tribunal administratif [compétent].")
            blocs.append(Bloc("para", basis))
        else:
            advice = ("Je vous invite à veiller, pour l'avenir, au respect de ces dispositions. En l'état, ces "
                      "observations n'appellent pas de ma part de demande de retrait de l'acte.")
            if any(f.gravite == "non_executoire" for f in findings):
                advice = ("Je vous rappelle que l'acte ne deviendra exécutoire qu'une fois ces formalités "
                          "accomplies, et vous invite à veiller, pour l'avenir, au respect de ces dispositions.")
            blocs.append(Bloc("para", advice))
            deadline = _deadline_sentence(decision)
            if deadline:
                blocs.append(Bloc("para", "Je conserve la faculté de déférer cet acte au tribunal administratif "
                                          f"dans {deadline} (article L. 2131-6 du CGCT)."))
    if decision.pieces and (kind == PIECES_TYPE or recours):
        lead = ("Afin de me permettre d'exercer le contrôle de légalité de cet acte, je vous saurais gré de bien "
                "vouloir me transmettre les pièces suivantes :") if kind == PIECES_TYPE else (
                "Je vous saurais gré, par ailleurs, de me transmettre les pièces suivantes :")
        blocs.append(Bloc("para", lead))
        blocs.append(Bloc("liste", items=[f"{p.document} — {'; '.join(p.motifs)}" for p in decision.pieces]))
        if kind == PIECES_TYPE:
            deadline = _deadline_sentence(decision)
            blocs.append(Bloc("para", "Ces pièces sont nécessaires à l'appréciation de la légalité de l'acte. "
                                      + (f"Formée dans {deadline}, la" if deadline else "La")
                                      + " présente demande en reporte le point de départ à la date de leur réception "
                                      "(article L. 2131-6 du CGCT ; CE 15 mai 2013, n° 357031, qui réserve cet effet "
                                      "à la demande des pièces nécessaires au contrôle, à la différence d'une simple "
                                      "demande d'explications)."))
    elif kind == PIECES_TYPE:
        raise InputError("aucune pièce à demander pour cet acte (--type observations pour une lettre "
                         "d'observations)", fichier=result.fichier)
    blocs.append(Bloc("para", "Mes services restent à votre disposition pour tout renseignement complémentaire."))
    blocs.append(Bloc("para", f"Je vous prie d'agréer, {salutation}, l'expression de ma "
                              "considération distinguée."))
    blocs.append(Bloc("signature", "Pour le préfet et par délégation,\n[prénom, nom et qualité du signataire]"))
    blocs.append(Bloc("note", f"Projet établi par delibcheck le {date_longue(today)} d'après {result.fichier} : "
                              "à relire et à compléter (mentions entre crochets) avant signature."))
    return Lettre(kind, result.fichier, blocs)

"""One self-contained HTML page for a prefecture agent: a worklist first.

One row per act — body, act, object, meeting, proposed action, last day of the déféré, main reason —
sorted by action then deadline (overdue and nearly due highlighted), with filters by action, body,
severity and status and pages of 50 rows. Each act opens to its violations first, with the sentence
they come from and the Légifrance link, the documents to ask for, then « non vérifiable » and
« conforme » folded, and a timeline whose labels never overlap nor leave the drawing.

A 10 000-act page stays quick because an act's detail is parsed only when it is opened: it is
written as the text of a `<script type="text/html">` (escaped like the rest, so it cannot close
that element), and the « non vérifiable » entries name their rule by id, its title coming from a
catalogue written once in the page. Rendered with Jinja2 templates (`templates/`) with autoescaping:
nothing read from a document can inject markup. A print stylesheet keeps the list and the opened
acts; no external resource is loaded.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from checker.decision import ACTION_LABELS, ACTION_SHORT, ACTIONS, AVERTISSEMENT, JURISPRUDENCE_PIECES
from checker.decision.signaux import doute
from checker.findings import CONFORME, ERREUR, INDETERMINE, NON_APPLICABLE, STATUS_LABELS, Finding
from checker.reports.libelles import libelle
from checker.reports.texte import WEEKDAYS, echeance_text
from ruleset.dates import format_date
from ruleset.model import SEVERITY_LABELS, SEVERITY_ORDER
from ruleset.values import Node
from ruleset.messages import nombre

PROCHE = 15   # days: a deadline this close is highlighted
LARGEUR, MARGE, CHAR_PX, LANE_PX, GAP_PX = 760, 10, 7.2, 18, 10


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=PackageLoader("checker.reports", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       trim_blocks=True, lstrip_blocks=True)


def _date(node, *keys):
    for key in keys:
        if not isinstance(node, Node):
            return None
        node = node.get(key)
    return node if isinstance(node, dt.date) else None


def timeline_points(result) -> list[tuple[str, dt.date]]:
    """The act's dates as (label, day), the déféré's last day included (used by the web pages too)."""
    decision = result.decision
    if decision is None and result.error is None:
        from checker.decision import decide
        decision = decide(result.record, result.findings)
    return [(label, day) for label, day, _ in timeline(result, decision)]


def timeline(result, decision=None) -> list[tuple[str, dt.date, bool]]:
    """The act's dates: convocation, meeting, publicity, receipt, and the déféré's last day, always
    (flagged True), counted from the meeting when the receipt is unknown."""
    root = result.record.root
    points = []
    sent = _date(root, "convocation", "date_envoi")
    if sent:
        points.append(("convocation envoyée", sent, False))
    points.append(("séance", result.record.date, False))
    published, received = None, None
    for deliberation in root["deliberations"]:
        for key in ("date_affichage", "date_mise_en_ligne", "date_publication_papier"):
            day = _date(deliberation, "publicite", key)
            if day and (published is None or day < published):
                published = day
        day = _date(deliberation, "transmission", "date_reception")
        if day and (received is None or day > received):
            received = day
    if published:
        points.append(("publicité", published, False))
    if received:
        points.append(("reçu en préfecture", received, False))
    if decision is not None and decision.echeance.jour and not decision.sans_delai:
        label = "dernier jour du déféré" + (" (au plus tôt)" if decision.echeance.base == "seance" else "")
        points.append((label, decision.echeance.jour, True))
    return sorted(points, key=lambda p: (p[1], p[2]))


def timeline_layout(points) -> dict | None:
    """Positions for the timeline: each label on the first lane, above or below the axis, where
    it overlaps no other, shifted to stay inside the drawing."""
    if len(points) < 2:
        return None
    first, last = points[0][1], points[-1][1]
    span = max((last - first).days, 1)
    x0, x1 = MARGE + 6, LARGEUR - MARGE - 6
    placed, lanes = [], {}
    for label, day, defere in points:
        text = f"{label} {format_date(day)}"
        width = len(text) * CHAR_PX
        x = x0 + (x1 - x0) * (day - first).days / span
        tx = min(max(x - width / 2, MARGE), LARGEUR - MARGE - width)
        lane = 0
        while True:
            side, depth = ("haut", lane // 2) if lane % 2 == 0 else ("bas", lane // 2)
            taken = lanes.setdefault((side, depth), [])
            if all(tx + width + GAP_PX <= a or b + GAP_PX <= tx for a, b in taken):
                taken.append((tx, tx + width))
                break
            lane += 1
        placed.append({"x": round(x), "tx": round(tx), "texte": text, "defere": defere,
                       "side": side, "depth": depth})
    above = 1 + max([p["depth"] for p in placed if p["side"] == "haut"], default=-1)
    below = 1 + max([p["depth"] for p in placed if p["side"] == "bas"], default=-1)
    axe = 12 + above * LANE_PX + 8
    for p in placed:
        if p["side"] == "haut":
            p["ty"] = axe - 12 - p["depth"] * LANE_PX
            p["ligne"] = p["ty"] + 3
        else:
            p["ty"] = axe + 22 + p["depth"] * LANE_PX
            p["ligne"] = p["ty"] - 12
    height = axe + 14 + below * LANE_PX
    return {"largeur": LARGEUR, "hauteur": height, "axe": axe, "x0": x0, "x1": x1, "points": placed}


def _ref(finding: Finding) -> dict:
    sources = [(libelle(f.chemin), f.source) for f in finding.faits
               if f.source and not f.source.startswith("calculé")]
    missing = []
    for m in finding.manquants:
        if m.affirme:
            missing.append(f"{libelle(m.chemin)} : affirmé sans date ni valeur vérifiable"
                           + (f" (« {m.source} »)" if m.source else ""))
        else:
            missing.append(libelle(m.chemin))
    return {"regle": finding.regle, "titre": finding.titre, "article": finding.article, "alinea": finding.alinea,
            "url": finding.url, "gravite": SEVERITY_LABELS[finding.gravite], "objet": finding.objet,
            "message": finding.message, "sources": sources[:6], "manquants": missing}


def _unique(findings):
    seen, out = set(), []
    for f in findings:
        key = (f.regle, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _first_per_rule(findings):
    seen, out = set(), []
    for f in findings:
        if f.regle not in seen:
            seen.add(f.regle)
            out.append(f)
    return out


def _deliberations(root) -> tuple[str, str, str]:
    numeros, objets, actes = [], [], []
    for deliberation in root["deliberations"]:
        numero, objet = deliberation.get("numero"), deliberation.get("objet")
        if isinstance(numero, (str, int)):
            numeros.append(str(numero))
        if isinstance(objet, str):
            objets.append(objet)
        ident = deliberation.get("transmission", {}).get("identifiant_actes") if isinstance(
            deliberation.get("transmission"), dict) else None
        if isinstance(ident, str):
            actes.append(ident)
    numero = ", ".join(numeros[:3]) + (f" (+{len(numeros) - 3})" if len(numeros) > 3 else "")
    objet = (objets[0] if objets else "") + (" (+" + nombre(len(objets) - 1, "# autre|# autres") + ")" if len(objets) > 1 else "")
    return (f"n° {numero}" if numero else ""), objet, ", ".join(actes[:2])


def _classe(action: str, day: dt.date | None, today: dt.date) -> str:
    if day is None or action == "aucune_suite":
        return ""
    if day < today:
        return "depasse"
    return "proche" if (day - today).days <= PROCHE else ""


def act_view(result, today: dt.date) -> dict:
    """What the act template shows, computed from the result and its decision."""
    record = result.record
    decision = result.decision
    if decision is None:
        # Before the vote there is no adopted act to decide on; the page still lists the meeting.
        from checker.decision import decide
        decision = decide(record, result.findings)
    name = record.root["collectivite"].get("nom")
    name = name if isinstance(name, str) else ""
    numeros, objet, actes = _deliberations(record.root)
    numeros = numeros or result.fichier.rsplit("/", 1)[-1]
    day = None if decision.sans_delai else decision.echeance.jour
    by_rule = {}
    for f in result.findings:
        if f.statut == INDETERMINE:
            by_rule.setdefault(f.regle, f)
    groups = []
    for key, label, rules in decision.non_verifie:
        constats = [_ref(by_rule[r]) for r in rules if r in by_rule]
        groups.append({"libelle": label, "constats": constats})
    confirm = []
    for f in decision.a_confirmer:
        item = _ref(f)
        item["doute"] = doute(record, f) or ""
        confirm.append(item)
    ranks = sorted({SEVERITY_ORDER.index(f.gravite) for f in decision.violations + decision.mineures})
    return {
        "id": record.index if record.index is not None else 0,
        "ordre": record.index if record.index is not None else 0,
        "collectivite": name, "fichier": result.fichier, "numeros": numeros, "objet": objet, "actes": actes,
        "seance": format_date(record.date), "seance_iso": record.date.isoformat(),
        "titre": f"{name or 'Collectivité non nommée'} — séance du {format_date(record.date)}"
                 + (f" — {numeros}" if numeros else ""),
        "statut": result.statut, "statut_libelle": STATUS_LABELS.get(result.statut, result.statut),
        "action": decision.action, "rang": ACTIONS.index(decision.action),
        "action_court": ACTION_SHORT[decision.action], "action_libelle": ACTION_LABELS[decision.action],
        "echeance_iso": day.isoformat() if day else "",
        "echeance": f"{WEEKDAYS[day.weekday()][:3]}. {format_date(day)}" if day else (
            "sans délai" if decision.sans_delai else "non calculable"),
        "au_plus_tot": decision.echeance.base == "seance",
        "echeance_phrase": echeance_text(decision)[0].upper() + echeance_text(decision)[1:],
        "classe": _classe(decision.action, day, today),
        "motif": decision.motif,
        "rangs": " ".join(map(str, ranks)),
        "violations": [_ref(f) for f in decision.violations],
        "a_confirmer": confirm,
        "pieces": [{"document": p.document, "motifs": p.motifs} for p in decision.pieces],
        "fondement_pieces": JURISPRUDENCE_PIECES,
        "mineures": [_ref(f) for f in decision.mineures],
        "non_verifie": groups, "non_verifiables": sum(len(g["constats"]) for g in groups),
        "conformes": [_ref(f) for f in _first_per_rule(f for f in result.findings if f.statut == CONFORME)],
        "chronologie": timeline_layout(timeline(result, decision)),
        "referentiel": [line.strip() for line in (record.referentiel.lignes() if record.referentiel else [])],
    }


def error_view(result) -> dict:
    index = result.record.index if result.record is not None and result.record.index is not None else 0
    return {"id": f"e{abs(hash(result.fichier)) % 10 ** 8}-{index}", "ordre": 0, "collectivite": "",
            "fichier": result.fichier, "numeros": result.fichier, "objet": "", "actes": "", "seance": "",
            "seance_iso": "", "titre": f"Dossier illisible — {result.fichier}", "statut": ERREUR,
            "statut_libelle": STATUS_LABELS[ERREUR], "action": ERREUR, "rang": len(ACTIONS),
            "action_court": "dossier illisible", "action_libelle": "dossier illisible", "echeance_iso": "",
            "echeance": "—", "au_plus_tot": False, "echeance_phrase": "Pas d'échéance calculée",
            "classe": "", "motif": f"Erreur : {result.error}", "rangs": "", "violations": [], "a_confirmer": [],
            "pieces": [], "fondement_pieces": "", "mineures": [], "non_verifie": [], "non_verifiables": 0,
            "conformes": [], "chronologie": None}


class Writer:
    totals_first = True
    separator = ""

    def __init__(self, show_all: bool = False, today: dt.date | None = None, **options):
        self.show_all = show_all
        self.today = today or dt.date.today()
        self.template = environment().get_template("acte.html.j2")

    def header(self, rules, totals: dict | None = None) -> str:
        totals = totals or {}
        rows = [(label, totals.get(key, 0)) for key, label in (
            ("lus", "actes lus"), ("collectivites", "collectivités"), ("non_conformes", "non conformes"),
            ("indetermines", "indéterminés"), ("conformes", "conformes"), ("erreurs", "dossiers illisibles"))]
        catalogue = {rule.id: [f"article {rule.article}", rule.titre] for rule in rules or ()}
        return environment().get_template("entete.html.j2").render(
            regles=catalogue, totaux=rows, avertissement=AVERTISSEMENT, aujourdhui=format_date(self.today),
            actions=[(a, ACTION_SHORT[a]) for a in ACTIONS] + [(ERREUR, "dossier illisible")],
            gravites=[(i, SEVERITY_LABELS[s]) for i, s in enumerate(SEVERITY_ORDER)],
            statuts=[(s, STATUS_LABELS[s]) for s in ("non_conforme", "indetermine", "conforme", NON_APPLICABLE,
                                                      ERREUR)])

    def fragment(self, result) -> str:
        view = error_view(result) if result.statut == ERREUR else act_view(result, self.today)
        return self.template.render(a=view, avertissement=AVERTISSEMENT)

    def footer(self, totals: dict) -> str:
        return environment().get_template("pied.html.j2").render()

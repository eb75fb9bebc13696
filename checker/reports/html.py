"""One self-contained HTML page for a prefecture agent: totals, filters, each act with its findings,
evidence, Légifrance links and a timeline (convocation → séance → publicité → transmission → déféré)."""
from __future__ import annotations

import datetime as dt
from html import escape

from checker.findings import ERREUR, STATUS_LABELS, format_value
from ruleset.dates import delai_franc_mois, format_date
from ruleset.model import SEVERITY_LABELS, SEVERITY_ORDER
from ruleset.values import Node

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:72rem}
h1{font-size:1.5rem}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
.acte{border:1px solid #bbb;border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
.non_conforme{color:#b00020}.indetermine{color:#8a5a00}.conforme{color:#1e7b34}.non_applicable{color:#777}.erreur{color:#b00020}.a_venir{color:#335}
.preuve{font-size:.85rem;color:#444}.filtres label{margin-right:1rem}svg text{font-size:11px}
"""

SCRIPT = """
function filtrer(){
  const g=document.getElementById('gravite').value, c=document.getElementById('collectivite').value,
        s=document.getElementById('statut').value;
  for(const a of document.querySelectorAll('.acte')){
    const rangs=(a.dataset.rangs||'').split(' ').filter(Boolean).map(Number);
    const okG=g==='' || rangs.some(r=>r<=Number(g));
    const okC=c==='' || a.dataset.collectivite===c;
    const okS=s==='' || a.dataset.statut===s;
    a.hidden=!(okG&&okC&&okS);
  }
}
window.addEventListener('DOMContentLoaded',()=>{
  const sel=document.getElementById('collectivite'), vus=new Set();
  for(const a of document.querySelectorAll('.acte')){
    const n=a.dataset.collectivite; if(n&&!vus.has(n)){vus.add(n);const o=document.createElement('option');o.value=n;o.textContent=n;sel.appendChild(o);}
  }
  for(const id of ['gravite','collectivite','statut']) document.getElementById(id).addEventListener('change',filtrer);
});
"""


def _date(node, *keys):
    for key in keys:
        if not isinstance(node, Node):
            return None
        node = node.get(key)
    return node if isinstance(node, dt.date) else None


def timeline_points(result) -> list[tuple[str, dt.date]]:
    """The dates of the act's life, from the record and the rules' computed values."""
    root = result.record.root
    points = []
    sent = _date(root, "convocation", "date_envoi")
    if sent:
        points.append(("convocation envoyée", sent))
    points.append(("séance", result.record.date))
    deadline = None
    for finding in result.findings:
        value = finding.valeurs.get("echeance_deferee")
        if isinstance(value, dt.date):
            deadline = value
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
        points.append(("publicité", published))
    if received:
        points.append(("reçu en préfecture", received))
        if deadline is None:
            alsace = root["collectivite"].get("alsace_moselle") is True
            deadline = delai_franc_mois(received, 2, alsace)
    if deadline:
        points.append(("dernier jour du déféré", deadline))
    return sorted(points, key=lambda p: p[1])


def timeline_svg(points) -> str:
    if len(points) < 2:
        return ""
    first, last = points[0][1], points[-1][1]
    span = max((last - first).days, 1)
    width, left, right = 720, 20, 700
    parts = [f'<svg width="{width}" height="70" role="img" aria-label="chronologie">',
             f'<line x1="{left}" y1="35" x2="{right}" y2="35" stroke="#555"/>']
    for i, (label, day) in enumerate(points):
        x = left + (right - left) * (day - first).days / span
        y = 20 if i % 2 == 0 else 60
        parts.append(f'<circle cx="{x:.0f}" cy="35" r="4" fill="#1b4f9c"/>')
        parts.append(f'<text x="{x:.0f}" y="{y}" text-anchor="middle">{escape(label)} {format_date(day)}</text>')
    parts.append("</svg>")
    return "".join(parts)


class Writer:
    totals_first = True
    separator = ""

    def __init__(self, show_all: bool = False, **options):
        self.show_all = show_all

    def header(self, rules, totals: dict | None = None) -> str:
        totals = totals or {}
        rows = "".join(f"<tr><th>{escape(label)}</th><td>{totals.get(key, 0)}</td></tr>" for key, label in (
            ("lus", "actes lus"), ("collectivites", "collectivités"), ("non_conformes", "non conformes"),
            ("indetermines", "indéterminés"), ("conformes", "conformes"), ("erreurs", "erreurs")))
        severities = "".join(f'<option value="{i}">{escape(SEVERITY_LABELS[s])} et plus grave</option>'
                             for i, s in enumerate(SEVERITY_ORDER))
        statuses = "".join(f'<option value="{s}">{escape(STATUS_LABELS.get(s, s))}</option>'
                           for s in ("non_conforme", "indetermine", "conforme", "erreur"))
        return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>delibcheck — rapport</title>'
                f"<style>{STYLE}</style><script>{SCRIPT}</script></head><body>"
                f"<h1>Contrôle de légalité — rapport delibcheck</h1><table>{rows}</table>"
                f'<p class="filtres"><label>Gravité <select id="gravite"><option value="">toutes</option>{severities}'
                f'</select></label><label>Collectivité <select id="collectivite"><option value="">toutes</option>'
                f'</select></label><label>Statut <select id="statut"><option value="">tous</option>{statuses}'
                f"</select></label></p>")

    def fragment(self, result) -> str:
        if result.statut == ERREUR:
            return (f'<section class="acte" data-statut="erreur" data-rangs="0"><h2 class="erreur">'
                    f"{escape(result.fichier)}</h2><p class=\"erreur\">Erreur : {escape(str(result.error))}</p></section>")
        name = result.record.root["collectivite"].get("nom")
        name = name if isinstance(name, str) else ""
        shown = [f for f in result.findings if self.show_all or f.statut != "non_applicable"]
        ranks = sorted({SEVERITY_ORDER.index(f.gravite) for f in result.findings if f.statut == "non_conforme"})
        rows = []
        for finding in shown:
            link = f'<a href="{escape(finding.url)}">{escape(finding.article)}</a>' if finding.url else escape(finding.article)
            evidence = "; ".join(f"{escape(k)} : {escape(str(format_value(v)))}" for k, v in finding.valeurs.items())
            sources = "".join(f"<br>d'après : « {escape(f.source)} »" for f in finding.faits
                              if f.source and not f.source.startswith("calculé"))
            missing = "".join(
                f"<br>{'affirmé sans valeur' if m.affirme else 'manque'} : {escape(m.chemin)}"
                + (f" — « {escape(m.source)} »" if m.source else "") for m in finding.manquants)
            rows.append(
                f'<tr><td class="{finding.statut}">{escape(STATUS_LABELS.get(finding.statut, finding.statut))}</td>'
                f"<td>{escape(finding.regle)}<br>{link} {escape(finding.version or '')}</td>"
                f"<td>{escape(finding.objet)}</td><td>{escape(finding.message)}"
                f'<div class="preuve">{evidence}{sources}{missing}</div></td>'
                f"<td>{escape(SEVERITY_LABELS[finding.gravite])}</td></tr>")
        table = ("<table><tr><th>statut</th><th>règle</th><th>objet</th><th>constat et preuves</th><th>gravité</th></tr>"
                 + "".join(rows) + "</table>") if rows else ""
        return (f'<section class="acte" data-statut="{result.statut}" data-collectivite="{escape(name)}" '
                f'data-rangs="{" ".join(map(str, ranks))}"><h2>{escape(result.record.label)}</h2>'
                f'<p>{escape(result.fichier)} — <span class="{result.statut}">'
                f"{escape(STATUS_LABELS.get(result.statut, result.statut))}</span></p>"
                f"{_referentiel(result)}{timeline_svg(timeline_points(result))}{table}</section>")

    def footer(self, totals: dict) -> str:
        return "</body></html>\n"


def _referentiel(result) -> str:
    """What the reference data filled, found different, or why it was not used."""
    referentiel = getattr(result.record, "referentiel", None)
    lines = referentiel.lignes() if referentiel is not None else []
    if not lines:
        return ""
    items = "".join(f"<li>{escape(line.strip())}</li>" for line in lines[1:])
    return (f'<div class="referentiel"><p>{escape(lines[0].strip())}</p>'
            + (f"<ul>{items}</ul>" if items else "") + "</div>")

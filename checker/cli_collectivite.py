"""`delibcheck collectivite QUERY`: what the reference data knows of a body, for clerks and scripts.

It fills a record that holds only the query, as `check` would: what it prints is what `check` would
take for that body on that date. Exit 0 when one body is found, 1 when none is (unknown or
ambiguous), 2 on bad usage.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys

import click

from checker.referentiel.recherche import ACTES, INSEE, SIREN


def _record(query: str, departement: str | None, date: dt.date) -> dict:
    collectivite: dict = {}
    deliberations: list = []
    query = query.strip()
    if SIREN.match(query):
        collectivite["siren"] = query
    elif INSEE.match(query.upper()):
        collectivite["code_insee"] = query.upper()
    elif ACTES.match(query.upper()):
        deliberations.append({"transmission": {"identifiant_actes": query.upper()}})
    else:
        collectivite["nom"] = query
    if departement:
        collectivite["departement"] = departement.upper()
    return {"collectivite": collectivite, "seance": {"date": date.isoformat()}, "deliberations": deliberations}


def _populations(report, date: dt.date) -> list[dict]:
    from checker.referentiel.donnees import charger
    data = charger()
    code = next((r.valeur for r in report.remplis if r.chemin == "collectivite.code_insee"), None)
    commune = data.commune(code) if isinstance(code, str) else None
    if commune is None:
        return []
    return [{"cog": v.cog, "paquet": v.paquet, "en_vigueur": v.population_en_vigueur.isoformat(),
             "recensement": v.recensement, "population": commune.populations[i]}
            for i, v in enumerate(data.versions) if commune.presente[i]]


@click.command("collectivite")
@click.argument("requete")
@click.option("--departement", default=None, help="Département (59, 2A, 971…) pour départager un nom.")
@click.option("--date", "date_text", default=None, metavar="AAAA-MM-JJ",
              help="Date de la séance (par défaut aujourd'hui) : population du dernier renouvellement, sièges.")
@click.option("--format", "fmt", type=click.Choice(("texte", "json")), default="texte", show_default=True)
def collectivite(requete, departement, date_text, fmt):
    """Ce que le référentiel sait d'une collectivité : REQUETE est un SIREN, un code INSEE, un identifiant
    ACTES ou un nom (« Villeneuve d'Ascq », « St-Denis »)."""
    from checker.engine_cache import engine_for
    from checker.record import build_record
    from checker.referentiel.remplissage import completer

    if departement is not None and not re.match(r"^([0-9]{2,3}|2A|2B)$", departement.upper()):
        raise click.BadParameter("département attendu : deux ou trois chiffres, 2A ou 2B", param_hint="--departement")
    try:
        date = dt.date.fromisoformat(date_text) if date_text else dt.date.today()
    except ValueError:
        raise click.BadParameter(f"date invalide « {date_text} » (attendu AAAA-MM-JJ)", param_hint="--date")
    record = build_record(_record(requete, departement, date), "collectivite")
    report = completer(record, engine_for(None).by_id)
    found = report.collectivite is not None
    if fmt == "json":
        document = {"requete": requete, "date": date.isoformat(), "trouvee": found, **report.to_dict()}
        if found:
            document["populations"] = _populations(report, date)
            members = record.root["collectivite"].get("membres")
            if members is not None and any(r.chemin == "collectivite.membres" for r in report.remplis):
                from checker.findings import format_value
                document["membres"] = [{"nom": m["nom"], "population": format_value(m.get("population"), iso=True)}
                                       for m in members]
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        lines = report.lignes() or ["  Référentiel : rien trouvé"]
        click.echo(f"{requete} — au {date.strftime('%d/%m/%Y')}")
        click.echo("\n".join(lines))
        for item in _populations(report, date) if found else ():
            click.echo(f"    population en vigueur au {item['en_vigueur']} (COG {item['cog']}, recensement "
                       f"{item['recensement']}) : {item['population']}")
    sys.exit(0 if found else 1)

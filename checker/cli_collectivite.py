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


@click.command("collectivite")
@click.argument("requete")
@click.option("--departement", default=None, help="Département (59, 2A, 971…) pour départager un nom.")
@click.option("--date", "date_text", default=None, metavar="AAAA-MM-JJ",
              help="Date de la séance (par défaut aujourd'hui) : population du dernier renouvellement, sièges.")
@click.option("--format", "fmt", type=click.Choice(("texte", "json")), default="texte", show_default=True)
def collectivite(requete, departement, date_text, fmt):
    """Ce que le référentiel sait d'une collectivité : REQUETE est un SIREN, un code INSEE, un identifiant
    ACTES ou un nom (« Villeneuve d'Ascq », « St-Denis »).

    Affiche ce que « check » remplirait pour elle à cette date : nature, département, population au
    dernier renouvellement général, sièges, membres en exercice, communes membres d'un EPCI.
    Code de sortie : 0 collectivité trouvée, 1 inconnue ou nom ambigu, 2 options invalides.

    \b
    Exemples :
      delibcheck collectivite "Villeneuve d'Ascq"
      delibcheck collectivite St-Denis --departement 93 --date 2023-12-19 --format json
      delibcheck collectivite 200093201 --format json -o mel.json
    """
    from checker.referentiel.consultation import decrire
    from checker.referentiel.donnees import utiliser

    config = click.get_current_context().find_root().meta.get("delibcheck.config")
    chosen = config.options.get("referentiel", True) if config is not None else True
    if chosen is False:
        raise click.UsageError("le référentiel est désactivé par la configuration (referentiel = false)")
    utiliser(chosen if isinstance(chosen, str) else None)
    if departement is not None and not re.match(r"^([0-9]{2,3}|2A|2B)$", departement.upper()):
        raise click.BadParameter("département attendu : deux ou trois chiffres, 2A ou 2B", param_hint="--departement")
    try:
        date = dt.date.fromisoformat(date_text) if date_text else dt.date.today()
    except ValueError:
        raise click.BadParameter(f"date invalide « {date_text} » (attendu AAAA-MM-JJ)", param_hint="--date")
    report, document = decrire(requete, departement, date)
    if fmt == "json":
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{requete} — au {date.strftime('%d/%m/%Y')}")
        click.echo("\n".join(report.lignes() or ["  Référentiel : rien trouvé"]))
        for item in document.get("populations", ()):
            click.echo(f"    population en vigueur au {item['en_vigueur']} (COG {item['cog']}, recensement "
                       f"{item['recensement']}) : {item['population']}")
        for member in document.get("membres", ()):
            population = member["population"]
            if isinstance(population, dict):
                population = f"entre {population['min']} et {population['max']}"
            click.echo(f"    membre : {member['nom']} — {population if population is not None else 'population inconnue'}")
    sys.exit(0 if document["trouvee"] else 1)

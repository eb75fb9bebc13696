"""`delibcheck extrait FILE`: print the record read from a document, for review and correction."""
from __future__ import annotations

import json

import click
import yaml

from checker.errors import InputError


@click.command("extrait")
@click.argument("fichier", metavar="FICHIER")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True,
              help="Format de sortie de l'enregistrement lu.")
def extrait(fichier: str, fmt: str) -> None:
    """Lit un extrait de délibération (.txt ou .pdf) et affiche l'enregistrement lu.

    Chaque fait lu porte sa source (« d'après : … ») et une confiance ; ce qui n'a pas pu être
    lu est absent et doit être complété à la main avant le contrôle.

    \b
    Exemples :
      delibcheck extrait deliberation.pdf > seance.yaml
      delibcheck extrait extrait.txt --format json -o seance.json
    """
    from checker.reader import read_file

    try:
        record = read_file(fichier)
    except InputError as error:
        click.echo(f"Erreur : {error}", err=True)
        raise click.exceptions.Exit(2)
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        click.echo(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100), nl=False)

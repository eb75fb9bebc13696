"""The `delibcheck` command: check records, list the rules, explain one.

Exit codes: 0 nothing non-compliant, 1 at least one `non_conforme`, 2 bad usage or bad input.
No traceback reaches the user: every error is a French message naming the file and the place.
"""
from __future__ import annotations

import atexit
import gc
import importlib
import sys

import click

from checker.inputs import STDIN_FORMATS
from checker.reports import FORMATS as REPORT_FORMATS
from ruleset.errors import InputError
from ruleset.model import SEVERITY_ORDER

FORMATS = REPORT_FORMATS

# At exit the interpreter runs the cyclic collector once more over every object still alive, the
# modules and the rules included: a few milliseconds of a one-record run spent on memory about to
# be released anyway. Nothing here relies on a finalizer run by that collection.
atexit.register(gc.freeze)

# Commands that live in their own modules (document reader, clerk tools), imported only when
# named or listed: a `check` must not pay for them at start-up.
OPTIONAL_COMMANDS = {"extrait": "checker.cli_extrait", "convocation": "checker.cli_clerk",
                     "quorum": "checker.cli_clerk", "nouveau": "checker.cli_clerk",
                     "suivi": "checker.cli_suivi",
                     "serve": "checker.cli_serve",
                     "collectivite": "checker.cli_collectivite"}


class DelibcheckGroup(click.Group):
    """Turns any error that escapes a command into a French message and exit code 2.

    An optional command whose module cannot be imported (a partial installation) is left out."""

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(OPTIONAL_COMMANDS))

    def get_command(self, ctx, cmd_name):
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in OPTIONAL_COMMANDS:
            try:
                module = importlib.import_module(OPTIONAL_COMMANDS[cmd_name])
            except ImportError:
                return None
            command = getattr(module, cmd_name)
            self.add_command(command)
        return command

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(f"delibcheck : {exc}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except RecursionError:
            click.echo("delibcheck : entrée trop profondément imbriquée", err=True)
            ctx.exit(2)
        except MemoryError:
            click.echo("delibcheck : entrée trop volumineuse pour la mémoire disponible", err=True)
            ctx.exit(2)


def _load(regles_dir: str | None):
    from ruleset.loader import load_rules
    return load_rules(regles_dir)


def _show_version(ctx, _param, value):
    # Reading the version from the package metadata is slow: only when asked.
    if not value or ctx.resilient_parsing:
        return
    from checker.version import VERSION
    click.echo(f"delibcheck {VERSION}", color=ctx.color)
    ctx.exit()


@click.group(cls=DelibcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help="Show the version and exit.")
def main():
    """Contrôle de la légalité formelle des délibérations (CGCT)."""


@main.command("check")
@click.argument("fichiers", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="texte", show_default=True,
              help="Format du rapport.")
@click.option("--tout", is_flag=True, help="Montrer aussi les règles non applicables.")
@click.option("--gravite-min", type=click.Choice(SEVERITY_ORDER), default=None,
              help="Ne garder que les constats au moins aussi graves.")
@click.option("--tri", type=click.Choice(["entree", "echeance"]), default="entree", show_default=True,
              help="Ordre des actes : celui de l'entrée, ou le dernier jour du déféré (les actes sont alors gardés en mémoire).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processus de contrôle en parallèle ; l'ordre de sortie est conservé.")
@click.option("--entree", "stdin_format", type=click.Choice(STDIN_FORMATS), default="auto", show_default=True,
              help="Format de l'entrée standard (-).")
@click.option("--avant-vote", is_flag=True,
              help="Avant la séance : ce qui attend le vote (votes, signatures, publicité, transmission…) est "
                   "« à venir », et le rapport finit par ce que la séance doit faire et consigner.")
@click.option("--detail", is_flag=True,
              help="Rapport texte : chaque constat avec ses preuves (par défaut, une douzaine de lignes par acte).")
@click.option("--regles", "regles_dir", type=click.Path(file_okay=False), default=None,
              help="Dossier de règles à utiliser à la place des règles fournies.")
@click.option("--base", default=None, metavar="CHEMIN_OU_URL",
              help="Enregistrer les actes contrôlés dans une base : un fichier SQLite (chemin) ou une URL "
                   "postgresql://… ; les rapprochements se font aussi avec les actes déjà enregistrés. "
                   "Par défaut : la base de la configuration, sinon aucune.")
@click.option("--sans-referentiel", is_flag=True,
              help="Ne pas compléter les dossiers par le référentiel des collectivités (COG, populations, EPCI).")
def check(fichiers, fmt, tout, gravite_min, tri, jobs, stdin_format, avant_vote, detail, regles_dir, base,
          sans_referentiel):
    """Contrôle des dossiers de séance : fichiers YAML, JSON, JSON Lines, CSV SCDL, texte, PDF,
    dossiers, ou « - » pour l'entrée standard."""
    from checker.batch import Options, run_batch, summary_line
    from checker.batch import exit_code as batch_exit_code
    from checker.engine_cache import engine_for

    # Before any input is read: broken rules stop the run with their own message.
    engine_for(regles_dir)
    auteur = None
    if base is None and not avant_vote:
        from checker.store.configuration import configured
        base = configured("base")
    if base is not None:
        if avant_vote:
            raise click.UsageError("--base ne se combine pas avec --avant-vote : un projet de séance n'est pas un acte à enregistrer")
        from checker.store.configuration import configured
        auteur = configured("auteur")
    options = Options(fmt=fmt, regles_dir=regles_dir, show_all=tout, gravite_min=gravite_min, avant_vote=avant_vote,
                      detail=detail, base=base, auteur=auteur, referentiel=not sans_referentiel)
    out = sys.stdout
    err = sys.stderr
    totals = run_batch(list(fichiers), options, out, err, jobs=jobs, stdin_format=stdin_format,
                       sort_by_deadline=(tri == "echeance"))
    out.flush()
    click.echo(summary_line(totals), err=True)
    if totals.store is not None:
        from checker.store.lot import summary_line as store_line
        click.echo(store_line(totals.store), err=True)
    sys.exit(batch_exit_code(totals))


@main.command("regles")
@click.option("--format", "fmt", type=click.Choice(("texte", "json")), default="texte", show_default=True)
@click.option("--regles", "regles_dir", type=click.Path(file_okay=False), default=None)
def regles(fmt, regles_dir):
    """Liste les règles : identifiant, article, titre, périodes de validité."""
    rules = _load(regles_dir)
    if fmt == "json":
        import json
        data = [{"id": r.id, "article": r.article, "titre": r.titre, "gravite": r.gravite, "portee": r.portee,
                 "exception_de": r.exception_de,
                 "versions": [{"du": v.du.isoformat(), "au": v.au.isoformat() if v.au else None,
                               "legiarti": v.legiarti} for v in r.versions]} for r in rules]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for rule in rules:
        periods = " ".join(v.period() for v in rule.versions)
        click.echo(f"{rule.id:<42} {rule.article:<12} {rule.titre}")
        click.echo(f"{'':<42} {'':<12} {periods}")


@main.command("explique")
@click.argument("regle_id")
@click.option("--regles", "regles_dir", type=click.Path(file_okay=False), default=None)
def explique(regle_id, regles_dir):
    """Montre le texte, les versions et les exemples d'une règle."""
    from checker.explain import explain
    rules = {r.id: r for r in _load(regles_dir)}
    rule = rules.get(regle_id)
    if rule is None:
        close = [i for i in rules if regle_id.lower() in i.lower()]
        hint = f" ; voisines : {', '.join(close[:10])}" if close else " ; voir « delibcheck regles »"
        raise click.BadParameter(f"règle inconnue « {regle_id} »{hint}", param_hint="REGLE_ID")
    click.echo(explain(rule))


@main.command("documentation")
@click.option("--sortie", type=click.Path(file_okay=False), default="docs/regles", show_default=True,
              help="Dossier où écrire une page par règle et l'index.")
@click.option("--regles", "regles_dir", type=click.Path(file_okay=False), default=None)
def documentation(sortie, regles_dir):
    """Génère la documentation des règles (une page par règle et un index)."""
    from pathlib import Path

    from ruleset.docs import write_all
    written = write_all(_load(regles_dir), Path(sortie))
    click.echo(f"{len(written)} pages écrites dans {sortie}")


if __name__ == "__main__":
    # `python -m checker.cli …` must run the command: without this guard it imported the module
    # and exited 0 whatever the input, which a pipeline would read as "nothing non-compliant".
    main()

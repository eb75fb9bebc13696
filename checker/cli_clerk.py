"""The clerk's commands: `delibcheck convocation`, `delibcheck quorum`, `delibcheck nouveau`.

Exit codes: 0 when the answer is yes (in time, quorum holds) or cannot be given, 1 when it is no,
2 on bad options — always a French message naming the option, never a traceback.
"""
from __future__ import annotations

import datetime as dt
import json
import sys

import click

from checker.clerk.saisie import ALIASES, date_saisie
from checker.engine import Engine
from checker.engine_cache import engine_for

FORMATS = ("texte", "json")
NATURES = ("commune", "syndicat_de_communes", "syndicat_mixte_ferme", "syndicat_mixte_ouvert",
           "communaute_de_communes", "communaute_d_agglomeration", "communaute_urbaine", "metropole",
           "epci_a_fiscalite_propre", "autre")


class ErreurOptions(click.UsageError):
    """A bad option, told in French (click's own messages are in English); exit code 2."""

    def show(self, file=None) -> None:
        file = file or sys.stderr
        if self.ctx is not None:
            click.echo(self.ctx.get_usage().replace("Usage:", "Usage :"), file=file)
            click.echo(f"Aide : delibcheck {self.ctx.info_name} --help", file=file)
        click.echo(f"delibcheck : {self.format_message()}", file=file)


def _name(param) -> str:
    return param.opts[0] if param is not None and param.opts else (param.name if param is not None else "option")


class Date(click.ParamType):
    name = "date"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        try:
            return date_saisie(text)
        except ValueError:
            raise ErreurOptions(f"{_name(param)} : date impossible « {text} » (attendu une date réelle, "
                                "AAAA-MM-JJ ou JJ/MM/AAAA)", ctx)


class Entier(click.ParamType):
    name = "nombre"

    def __init__(self, minimum: int = 0):
        self.minimum = minimum

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            number = value
        else:
            try:
                number = int(str(value).strip().replace("\u202f", "").replace(" ", ""))
            except ValueError:
                raise ErreurOptions(f"{_name(param)} : « {value} » n'est pas un nombre entier", ctx)
        if number < self.minimum:
            what = "positif ou nul" if self.minimum == 0 else f"au moins égal à {self.minimum}"
            raise ErreurOptions(f"{_name(param)} : {number} n'est pas admis, le nombre doit être {what}", ctx)
        return number


class Choix(click.ParamType):
    name = "choix"

    def __init__(self, choices, aliases=None):
        self.choices = tuple(choices)
        self.aliases = aliases or {}

    def get_metavar(self, param, ctx=None):
        # The values are shown in the help (`--nature [commune|syndicat_de_communes|…]`).
        return f"[{'|'.join(self.choices)}]"

    def convert(self, value, param, ctx):
        text = self.aliases.get(str(value), str(value))
        if text not in self.choices:
            raise ErreurOptions(f"{_name(param)} : « {value} » n'est pas admis ; valeurs admises : "
                                f"{', '.join(self.choices + tuple(self.aliases))}", ctx)
        return text


class Paire(click.ParamType):
    """`NOM=NOMBRE` (a member and its population) or `MANDANT:MANDATAIRE` (a proxy)."""

    name = "paire"

    def __init__(self, separator: str, number: bool):
        self.separator = separator
        self.number = number

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        left, sep, right = str(value).rpartition(self.separator)
        left, right = left.strip(), right.strip()
        if not sep or not left or not right:
            shape = "NOM=POPULATION" if self.number else "MANDANT:MANDATAIRE"
            raise ErreurOptions(f"{_name(param)} : « {value} » ne suit pas la forme {shape}", ctx)
        if self.number:
            return left, Entier(0).convert(right, param, ctx)
        return left, right


class ClerkCommand(click.Command):
    """Click's parsing errors, said in French."""

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except ErreurOptions:
            raise
        except click.NoSuchOption as exc:
            hint = f" ; vouliez-vous dire {', '.join(sorted(exc.possibilities))} ?" if exc.possibilities else ""
            raise ErreurOptions(f"option inconnue « {exc.option_name} »{hint}", ctx)
        except click.MissingParameter as exc:
            raise ErreurOptions(f"option obligatoire manquante : {_name(exc.param)}", ctx)
        except click.BadOptionUsage as exc:
            raise ErreurOptions(f"l'option {exc.option_name} attend une valeur", ctx)
        except click.UsageError as exc:
            raise ErreurOptions(f"options invalides ({exc.format_message()})", ctx)


def _engine(regles_dir: str | None) -> Engine:
    return engine_for(regles_dir)


def _emit(fmt: str, document: dict, text: str, code: int) -> None:
    if fmt == "json":
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        click.echo(text, nl=False)
    sys.exit(code)


_format = click.option("--format", "fmt", type=Choix(FORMATS), default="texte", show_default=True,
                       help="texte pour le lire, json pour une chaîne de traitement.")
_regles = click.option("--regles", "regles_dir", type=click.Path(file_okay=False), default=None,
                       help="Dossier de règles à utiliser à la place des règles fournies.")


@click.command("convocation", cls=ClerkCommand)
@click.option("--seance", required=True, type=Date(), help="Date de la séance (AAAA-MM-JJ ou JJ/MM/AAAA).")
@click.option("--population", type=Entier(0), default=None,
              help="Population municipale retenue au dernier renouvellement général (commune).")
@click.option("--nature", type=Choix(NATURES, ALIASES), default="commune", show_default=True,
              help="Nature de l'organe ; « syndicat » = syndicat de communes.")
@click.option("--membre", "membres", type=Paire("=", True), multiple=True,
              help="Commune membre d'un syndicat et sa population : --membre \"Ville=4000\" (répéter).")
@click.option("--urgence", is_flag=True, help="Le délai est abrégé pour urgence.")
@click.option("--alsace-moselle", is_flag=True, help="Commune du Bas-Rhin, du Haut-Rhin ou de la Moselle.")
@click.option("--premiere-reunion", is_flag=True, help="Première réunion après le renouvellement général.")
@click.option("--icpe", is_flag=True, help="Une installation classée (ICPE) est à l'ordre du jour.")
@click.option("--envoi", type=Date(), default=None, help="Date d'envoi prévue ou faite : est-elle dans le délai ?")
@_format
@_regles
@click.pass_context
def convocation(ctx, seance, population, nature, membres, urgence, alsace_moselle, premiere_reunion, icpe,
                envoi, fmt, regles_dir):
    """Dernier jour pour envoyer la convocation ; avec --envoi, cet envoi est-il dans le délai ?

    Exemple : delibcheck convocation --seance 2023-12-19 --population 62727 --envoi 2023-12-14

    Code de sortie : 0 dans le délai (ou sans --envoi), 1 hors délai, 2 options invalides.
    """
    from checker.clerk import convocation as module
    if nature == "commune":
        if population is None:
            raise ErreurOptions("--population est requise pour une commune (population municipale retenue "
                                "au dernier renouvellement général)", ctx)
        if membres:
            raise ErreurOptions("--membre ne vaut que pour un syndicat ou un EPCI (--nature)", ctx)
    elif not membres and nature != "syndicat_mixte_ouvert":
        raise ErreurOptions("donner les communes membres et leur population : --membre \"Ville=4000\" (répéter)", ctx)
    question = module.Convocation(seance, nature, population, list(membres), urgence, alsace_moselle,
                                  premiere_reunion, icpe, envoi)
    out = module.answer(_engine(regles_dir), question)
    _emit(fmt, module.to_json(out), module.texte(out), out.exit_code)


@click.command("quorum", cls=ClerkCommand)
@click.option("--en-exercice", required=True, type=Entier(1), help="Membres en exercice (sièges pourvus).")
@click.option("--presents", required=True, type=Entier(0), help="Membres qui seront présents.")
@click.option("--pouvoirs", type=Entier(0), default=None, help="Nombre de pouvoirs annoncés.")
@click.option("--pouvoir", "mandats", type=Paire(":", False), multiple=True,
              help="Un pouvoir : --pouvoir \"MANDANT:MANDATAIRE\" (répéter) ; vérifie sa validité.")
@click.option("--date", "date", type=Date(), default=None, help="Date de la séance (aujourd'hui par défaut).")
@click.option("--nature", type=Choix(NATURES, ALIASES), default="commune", show_default=True)
@click.option("--alsace-moselle", is_flag=True, help="Commune du Bas-Rhin, du Haut-Rhin ou de la Moselle.")
@click.option("--election", is_flag=True, help="Élection du maire ou des adjoints (du président, du bureau).")
@_format
@_regles
@click.pass_context
def quorum(ctx, en_exercice, presents, pouvoirs, mandats, date, nature, alsace_moselle, election, fmt, regles_dir):
    """Le quorum sera-t-il atteint ? Combien de présents manquent, quelle majorité, quelle seconde convocation.

    Exemple : delibcheck quorum --en-exercice 49 --presents 24 --pouvoirs 6 --date 2021-11-15

    Code de sortie : 0 quorum atteint, 1 quorum non atteint (ou pouvoir irrégulier), 2 options invalides.
    """
    from checker.clerk import quorum as module
    if presents > en_exercice:
        raise ErreurOptions(f"--presents : {presents} présents pour {en_exercice} membres en exercice, "
                            "c'est plus que le conseil n'en compte", ctx)
    if mandats and pouvoirs is not None and pouvoirs != len(mandats):
        raise ErreurOptions(f"--pouvoirs {pouvoirs} ne correspond pas aux {len(mandats)} --pouvoir détaillés", ctx)
    pouvoirs = len(mandats) if pouvoirs is None else pouvoirs
    if presents + pouvoirs > en_exercice:
        raise ErreurOptions(f"--pouvoirs : {pouvoirs} pouvoirs pour {en_exercice - presents} membres absents ; "
                            "seul un absent peut donner pouvoir", ctx)
    givers = [a for a, _ in mandats]
    if len(set(givers)) != len(givers):
        raise ErreurOptions("--pouvoir : un même mandant ne peut donner qu'un pouvoir pour la séance", ctx)
    question = module.Quorum(date or dt.date.today(), en_exercice, presents, pouvoirs, nature, alsace_moselle,
                             election, list(mandats))
    out = module.answer(_engine(regles_dir), question)
    _emit(fmt, module.to_json(out), module.texte(out), out.exit_code)


@click.command("nouveau", cls=ClerkCommand)
@click.argument("registre", type=click.Path(dir_okay=False))
@click.option("--date", "date", required=True, type=Date(), help="Date de la séance à préparer.")
@click.option("--absent", "absents", multiple=True, help="Membre qui a prévenu de son absence (répéter).")
@click.option("--pouvoir", "mandats", type=Paire(":", False), multiple=True,
              help="Pouvoir donné pour cette séance : --pouvoir \"MANDANT:MANDATAIRE\" (répéter).")
@click.option("--point", "points", multiple=True, help="Objet d'un point à l'ordre du jour (répéter, dans l'ordre).")
@click.option("--envoi", type=Date(), default=None, help="Date d'envoi de la convocation.")
@click.option("--urgence", is_flag=True, help="Le délai de convocation est abrégé pour urgence.")
@click.option("--precedente", type=click.Path(dir_okay=False, exists=False), default=None,
              help="Dossier de la séance précédente : suit les pouvoirs donnés pour plusieurs séances.")
@click.option("--sortie", type=click.Path(dir_okay=False), default=None,
              help="Fichier à écrire (sortie standard par défaut).")
@click.option("--remplacer", is_flag=True, help="Remplacer le fichier de sortie s'il existe.")
@click.option("--format", "fmt", type=Choix(("yaml", "json")), default="yaml", show_default=True)
@click.pass_context
def nouveau(ctx, registre, date, absents, mandats, points, envoi, urgence, precedente, sortie, remplacer, fmt):
    """Prépare le dossier de la prochaine séance à partir du registre des membres (YAML ou CSV).

    Les membres sont présents sauf --absent ou pouvoir ; un pouvoir donné pour plusieurs séances
    (registre : premiere_seance, seances) porte son rang, lu dans le dossier --precedente.
    Exemple : delibcheck nouveau conseil.yaml --date 2024-02-12 --precedente 2024-01-15.yaml
    --sortie 2024-02-12.yaml
    """
    from pathlib import Path

    import yaml

    from checker.clerk import skeleton
    if sortie and Path(sortie).exists() and not remplacer:
        raise ErreurOptions(f"--sortie : « {sortie} » existe déjà ; ajouter --remplacer pour l'écraser", ctx)
    if precedente and not Path(precedente).is_file():
        raise ErreurOptions(f"--precedente : « {precedente} » introuvable", ctx)
    roster = skeleton.read_roster(registre)
    out = skeleton.build(roster, date, absents=absents, pouvoirs=mandats, points=points, envoi=envoi,
                         urgence=urgence, precedente=precedente)
    if fmt == "json":
        text = json.dumps(out.data, ensure_ascii=False, indent=2) + "\n"
    else:
        target = sortie or "<fichier>"
        text = ("# Dossier de séance préparé par « delibcheck nouveau » à partir de " + registre + ".\n"
                "# Présences et pouvoirs repris du registre : corriger ce qui change, puis avant la séance :\n"
                f"#   delibcheck check --avant-vote {target}\n"
                "# Après la séance : compléter votes, signatures, publicité et transmission, puis delibcheck check.\n"
                + yaml.safe_dump(out.data, allow_unicode=True, sort_keys=False, width=100))
    if sortie:
        Path(sortie).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    seance = out.data["seance"]
    counts = {p: sum(1 for m in seance["membres"] if m["presence"] == p) for p in ("present", "represente", "absent_excuse")}
    summary = (f"Séance du {date.strftime('%d/%m/%Y')} : {seance['membres_en_exercice']} membres en exercice, "
               f"{counts['present']} présents attendus, {counts['represente']} représentés, "
               f"{counts['absent_excuse']} absents excusés" + (f" — écrit dans {sortie}" if sortie else ""))
    click.echo(summary, err=True)
    for proxy in seance.get("pouvoirs", []):
        rank = proxy.get("seances_consecutives")
        which = f", {rank}{'re' if rank == 1 else 'e'} séance consécutive" if rank else ""
        click.echo(f"  pouvoir : {proxy['mandant']} → {proxy['mandataire']}{which}", err=True)
    for note in out.notes:
        click.echo(f"  attention : {note}", err=True)

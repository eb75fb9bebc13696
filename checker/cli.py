"""The `delibcheck` command: check records, list the rules, explain one.

Every exit code means one thing (`checker/exit_codes.py`, `delibcheck --help`). No traceback
reaches the user: every error is a French message naming the file and the place; an interruption
(Ctrl-C, SIGTERM), a closed pipe or a full disk ends the run cleanly with its own code.
"""
from __future__ import annotations

import gc

# Importing the modules and unpickling the compiled rules make some 40 000 objects that live as
# long as the run: the collector, run every 700 new ones, went over them some sixty times, a
# twentieth of a one-record run. It is off while they are made (here, then `_long_lived`), and
# they are frozen out of its sight; then it runs as rarely as in a batch's workers (`checker.batch`).
_COLLECTING = gc.isenabled()
gc.disable()
gc.set_threshold(20_000, 10, 10)

import atexit
import errno
import importlib
import os
import signal
import sys
from contextlib import contextmanager

import click

from checker import cli_fr
from checker import exit_codes as codes
from checker.inputs import STDIN_FORMATS
from checker.reports import FORMATS as REPORT_FORMATS
from ruleset.errors import InputError
from ruleset.traduction import os_message
from ruleset.model import SEVERITY_ORDER

gc.freeze()
if _COLLECTING:
    gc.enable()

FORMATS = REPORT_FORMATS
cli_fr.install()

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
                     "courrier": "checker.cli_courrier",
                     "collectivite": "checker.cli_collectivite"}

EPILOG = codes.help_text() + """

\b
Configuration : delibcheck.toml, ou [tool.delibcheck] dans pyproject.toml, cherché du dossier
courant vers la racine (--config FICHIER ou DELIBCHECK_CONFIG=FICHIER.toml pour en nommer un,
--isole pour n'en lire aucun).
\b
Complétion : eval "$(_DELIBCHECK_COMPLETE=bash_source delibcheck)" dans ~/.bashrc
(zsh_source, fish_source pour zsh et fish)."""


class Interruption(Exception):
    """A signal that ends the run (SIGTERM): raised in the main thread by its handler."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code


def _on_sigterm(signum, frame):
    raise Interruption(codes.TERMINE, "arrêt demandé (SIGTERM) ; contrôle interrompu, rapport incomplet")


def _silence_output() -> None:
    # The reader is gone or the disk is full: what is still buffered can never be written, and
    # must not be tried again at exit (it would print « Exception ignored … » in English).
    for stream in (sys.stdout, sys.__stdout__):
        try:
            fd = stream.fileno()
        except (AttributeError, OSError, ValueError):
            continue
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, fd)
            os.close(devnull)
        except OSError:
            pass


def _say(message: str) -> None:
    try:
        click.echo(f"delibcheck : {message}", err=True)
    except OSError:
        pass


def _with_output_option(command: click.Command) -> click.Command:
    """Every command that writes a report takes `-o/--sortie FICHIER` (one that already names its
    own `--sortie` keeps it)."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _with_output_option(sub)
    if any(p.name == "sortie" for p in command.params):
        return command
    command.params.append(click.Option(
        ["-o", "--sortie"], type=click.Path(dir_okay=False, writable=False), default=None, expose_value=False,
        is_eager=True, callback=_redirect_output, metavar="FICHIER",
        help="Écrire le rapport dans FICHIER (UTF-8) plutôt que sur la sortie standard."))
    return command


def _redirect_output(ctx, _param, value):
    if not value or value == "-" or ctx.resilient_parsing:
        return
    try:
        stream = open(value, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise WriteFailure(f"impossible de créer le fichier de sortie « {value} » ({os_message(exc)})")
    previous = sys.stdout
    sys.stdout = stream

    def restore():
        sys.stdout = previous
        stream.close()
    ctx.call_on_close(restore)


class WriteFailure(Exception):
    """The report cannot be written: a full disk, an output file that cannot be created."""


class PipeClosed(Exception):
    """The program reading the report closed its end (`| head`)."""


WRITE_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS)


class DelibcheckGroup(click.Group):
    context_class = cli_fr.FrenchContext

    """Turns any error that escapes a command into a French message and its own exit code.

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
        if command is not None and not getattr(command, "_delibcheck_ready", False):
            _with_output_option(command)
            cli_fr.frenchify(command)
            command._delibcheck_ready = True
        return command

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            _say(str(exc))
            ctx.exit(codes.USAGE)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            raise PipeClosed() from None
        except OSError as exc:
            # Click's own main would turn a closed pipe into code 1 (« non conforme »): it is
            # told apart here, before click sees it.
            if exc.errno == errno.EPIPE:
                raise PipeClosed() from None
            if exc.errno in WRITE_ERRORS:
                raise WriteFailure(f"impossible d'écrire le rapport : {_os_reason(exc)}") from None
            raise
        except RecursionError:
            _say("entrée trop profondément imbriquée")
            ctx.exit(codes.USAGE)
        except MemoryError:
            _say("entrée trop volumineuse pour la mémoire disponible")
            ctx.exit(codes.USAGE)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Click's own main catches Ctrl-C (« Aborted! », code 1) and a closed pipe (code 1): both
        would read as « non conforme ». Here each ending has its French message and code."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        previous = signal.signal(signal.SIGTERM, _on_sigterm) if _main_thread() else None
        try:
            # Out of standalone mode, click returns the code of `ctx.exit(code)` instead of raising.
            returned = super().main(args, prog_name or "delibcheck", complete_var, standalone_mode=False, **extra)
            code = returned if isinstance(returned, int) else codes.SUCCES
        except click.exceptions.Exit as exc:
            code = exc.exit_code
        except click.ClickException as exc:
            exc.show()
            code = exc.exit_code
        except (click.exceptions.Abort, KeyboardInterrupt):
            _say("interrompu (Ctrl-C) ; rapport incomplet")
            code = codes.INTERROMPU
        except Interruption as exc:
            _say(str(exc))
            code = exc.code
        except (BrokenPipeError, PipeClosed):
            _silence_output()
            _say("sortie fermée par le programme qui la lisait (tube rompu) ; arrêt")
            code = codes.TUBE_FERME
        except WriteFailure as exc:
            _silence_output()
            _say(str(exc))
            code = codes.ECRITURE
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                _silence_output()
                code = codes.TUBE_FERME
            elif exc.errno in WRITE_ERRORS:
                _silence_output()
                _say(f"impossible d'écrire le rapport : {_os_reason(exc)}")
                code = codes.ECRITURE
            else:
                raise
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        sys.exit(code)


def _main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


def _os_reason(exc: OSError) -> str:
    return os_message(exc)


def _load(regles_dir: str | None):
    from ruleset.loader import load_rules
    return load_rules(regles_dir)


def _show_version(ctx, _param, value):
    # Reading the version from the package metadata is slow: only when asked.
    if not value or ctx.resilient_parsing:
        return
    from checker.rule_json import catalogue_version
    from checker.version import VERSION
    try:
        catalogue = catalogue_version(_load(None))
    except InputError as exc:
        catalogue = f"illisible ({exc})"
    click.echo(f"delibcheck {VERSION}\ncatalogue de règles : {catalogue}", color=ctx.color)
    ctx.exit()


def _configure(ctx, _param, value):
    """Reads the configuration file before the command's options are parsed: its values become
    their defaults (an option given on the command line still wins)."""
    from checker import config
    from pathlib import Path
    if ctx.params.get("isole"):
        ctx.meta["delibcheck.config"] = config.Config(isole=True)
        return None
    try:
        found = config.load(Path(value)) if value else config.from_environment()
    except InputError as exc:
        _say(f"configuration : {exc}")
        ctx.exit(codes.USAGE)
    ctx.meta["delibcheck.config"] = found
    if found.options:
        defaults = dict(found.options)
        mapped = {"format": "fmt", "regles": "regles_dir", "entree": "stdin_format"}
        # The store and the reference data are read by `check` itself: DELIBCHECK_BASE wins over the file.
        check_defaults = {mapped.get(k, k): v for k, v in defaults.items() if k not in ("base", "auteur", "referentiel")}
        if isinstance(check_defaults.get("echec_sur"), list):
            check_defaults["echec_sur"] = ",".join(check_defaults["echec_sur"])
        ctx.default_map = {"check": check_defaults,
                           **{name: {"regles_dir": defaults["regles"]} for name in ("regles", "explique", "documentation")
                              if "regles" in defaults}}
    return found


def _colour(ctx, _param, value):
    if value == "jamais" or (value == "auto" and os.environ.get("NO_COLOR")):
        ctx.color = False
    elif value == "toujours":
        ctx.color = True
    return value


@click.group("delibcheck", cls=DelibcheckGroup, epilog=EPILOG, subcommand_metavar="COMMANDE [ARGUMENTS]…",
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("-V", "--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help="Afficher la version de delibcheck et du catalogue de règles, et quitter.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, expose_value=False,
              is_eager=True, callback=_configure, metavar="FICHIER",
              help="Fichier de configuration à lire au lieu de chercher delibcheck.toml / pyproject.toml.")
@click.option("--isole", is_flag=True, is_eager=True,
              help="Ne lire aucun fichier de configuration (ni delibcheck.toml, ni pyproject.toml).")
@click.option("--couleur", type=click.Choice(["auto", "toujours", "jamais"]), default="auto", show_default=True,
              expose_value=False, is_eager=True, callback=_colour,
              help="Couleurs : sur un terminal seulement (auto ; NO_COLOR les retire), toujours, jamais.")
def main(isole):
    """Contrôle de la légalité formelle des délibérations des collectivités territoriales (CGCT).

    \b
    Exemples :
      delibcheck check seance.yaml                  contrôler un dossier de séance
      delibcheck check actes/ flux.jsonl --format jsonl -o constats.jsonl
      generer-flux | delibcheck check - --format sarif
      delibcheck regles                             lister les règles
      delibcheck explique L2121-12.delai            expliquer une règle
    """


def _failures(ctx, _param, value):
    if value is None:
        return codes.DEFAULT_FAILURES
    names = [v.strip() for v in str(value).split(",") if v.strip()]
    if names == ["aucun"]:
        return ()
    wrong = [n for n in names if n not in codes.FAILURE_STATUSES]
    if wrong or not names:
        raise click.BadParameter(f"« {', '.join(wrong) or value} » non admis ; valeurs admises : "
                                 f"{', '.join(codes.FAILURE_STATUSES)} (séparées par des virgules), ou aucun")
    return tuple(names)


CHECK_HELP = """Contrôle des dossiers de séance : fichiers YAML, JSON, JSON Lines, CSV SCDL, texte, PDF,
dossiers (parcourus récursivement), ou « - » pour l'entrée standard.

Chaque entrée donne exactement un résultat, dans l'ordre de l'entrée, les entrées illisibles
comprises (statut « erreur », avec le fichier, la ligne et la raison) ; le résumé sur la sortie
d'erreur réconcilie les comptes.

\b
Exemples :
  delibcheck check seance.yaml
  delibcheck check actes/ --exclude 'brouillons/*' --format html -o rapport.html
  delibcheck check flux.jsonl --format jsonl --jobs 2 > constats.jsonl
  cat extrait.txt | delibcheck check - --entree texte
  delibcheck check actes/ --echec-sur non_conforme,indetermine -q
"""


@main.command("check", help=CHECK_HELP, epilog=codes.help_text())
@click.argument("fichiers", nargs=-1, required=True, metavar="FICHIER…")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="texte", show_default=True,
              help="Format du rapport.")
@click.option("--tout", is_flag=True, help="Montrer aussi les règles non applicables.")
@click.option("--gravite-min", type=click.Choice(SEVERITY_ORDER), default=None,
              help="Ne garder que les constats au moins aussi graves.")
@click.option("--tri", type=click.Choice(["entree", "echeance"]), default="entree", show_default=True,
              help="Ordre des actes : celui de l'entrée, ou celui de la liste de travail : l'action proposée (recours "
                   "d'abord, puis pièces, observations, aucune suite) puis le dernier jour du déféré (les actes "
                   "sont alors gardés en mémoire).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True, metavar="N",
              help="Processus de contrôle en parallèle ; l'ordre de sortie est conservé.")
@click.option("--entree", "stdin_format", type=click.Choice(STDIN_FORMATS), default="auto", show_default=True,
              help="Format de l'entrée standard (-) ; auto le reconnaît (JSON, JSON Lines, YAML, CSV SCDL, texte, PDF).")
@click.option("--exclude", "exclude", multiple=True, metavar="MOTIF",
              help="Ne pas lire les fichiers ou dossiers dont le nom ou le chemin suit ce motif (« *.bak », "
                   "« brouillons/* ») ; répétable.")
@click.option("--sans-etiquettes", is_flag=True,
              help="Dans un dossier, ne pas lire comme dossier de séance un X.json posé à côté d'un document "
                   "X.txt ou X.pdf (étiquettes d'un corpus).")
@click.option("--echec-sur", "echec_sur", default=None, callback=_failures, metavar="STATUTS",
              help="Statuts qui font échouer la commande, séparés par des virgules : non_conforme (code 1), "
                   "indetermine (code 1), erreur (code 3), ou aucun.  [défaut : non_conforme,erreur]")
@click.option("--avant-vote", is_flag=True,
              help="Avant la séance : ce qui attend le vote (votes, signatures, publicité, transmission…) est "
                   "« à venir », et le rapport finit par ce que la séance doit faire et consigner.")
@click.option("--detail", is_flag=True,
              help="Rapport texte : chaque constat avec ses preuves (par défaut, une douzaine de lignes par acte).")
@click.option("--preuves", type=click.Choice(["resumees", "completes"]), default="resumees", show_default=True,
              help="Rapports json et jsonl : « resumees » donne les preuves des constats non conformes et "
                   "indéterminés, les règles respectées par objet et le nombre des règles sans objet ; "
                   "« completes » donne chaque constat avec ses preuves.")
@click.option("--regles", "regles_dir", type=click.Path(file_okay=False), default=None,
              help="Dossier de règles à utiliser à la place des règles fournies.")
@click.option("--base", default=None, metavar="CHEMIN_OU_URL",
              help="Enregistrer les actes contrôlés dans une base : un fichier SQLite (chemin) ou une URL "
                   "postgresql://… ; les rapprochements se font aussi avec les actes déjà enregistrés. "
                   "Par défaut : la base de la configuration, sinon aucune.")
@click.option("-q", "--quiet", "quiet", is_flag=True,
              help="Silencieux : ni résumé, ni barre de progression, ni remarques sur la sortie d'erreur.")
@click.option("-v", "--verbose", "verbose", is_flag=True,
              help="Bavard : configuration lue, règles chargées, remarques de lecture.")
@click.option("--sans-referentiel", is_flag=True,
              help="Ne pas compléter les dossiers par le référentiel des collectivités (COG, populations, EPCI).")
@click.pass_context
def check(ctx, fichiers, fmt, tout, gravite_min, tri, jobs, stdin_format, exclude, sans_etiquettes, echec_sur,
          avant_vote, detail, preuves, regles_dir, base, quiet, verbose, sans_referentiel):
    config = ctx.find_root().meta.get("delibcheck.config")
    notices = []

    def notify(message: str) -> None:
        if not quiet:
            click.echo(f"delibcheck : {message}", err=True)
        notices.append(message)

    if verbose and config is not None and config.path is not None:
        notify(f"configuration lue : {config.path}")
    with _long_lived():
        from checker.batch import Options, count_inputs, run_batch, summary_line
        from checker.batch import exit_code as batch_exit_code
        from checker.engine_cache import engine_for
        from checker.inputs import Selection
        from checker.progress import Progress

        # Before any input is read: broken rules stop the run with their own message.
        engine = engine_for(regles_dir)
    if verbose:
        notify(f"{len(engine.rules)} règles chargées" + (f" de {regles_dir}" if regles_dir else ""))
    auteur = None
    if base is None and not avant_vote:
        from checker.store.configuration import configured
        base = configured("base", config)
    if base is not None:
        if avant_vote:
            raise click.UsageError("--base ne se combine pas avec --avant-vote : un projet de séance n'est pas un acte à enregistrer")
        from checker.store.configuration import configured
        auteur = configured("auteur", config)
    referentiel = config.options.get("referentiel", True) if config is not None else True
    contexte = config.contexte if config is not None else None
    options = Options(fmt=fmt, regles_dir=regles_dir, show_all=tout, gravite_min=gravite_min, avant_vote=avant_vote,
                      detail=detail, preuves=preuves, base=base, auteur=auteur, contexte=contexte or None,
                      contexte_origine=config.source() if config is not None and config.path else "configuration",
                      referentiel=False if sans_referentiel else referentiel)
    selection = Selection(exclude=tuple(exclude), sans_etiquettes=sans_etiquettes, notify=notify)
    out = sys.stdout
    if fmt == "texte" and _colour_on(ctx, out):
        from checker.colour import ColouredText
        out = ColouredText(out)
    progress = Progress(None)
    if not quiet and sys.stderr.isatty():
        progress = Progress(sys.stderr, count_inputs(list(fichiers), selection))
    totals = run_batch(list(fichiers), options, out, sys.stderr, jobs=jobs, stdin_format=stdin_format,
                       sort_by_deadline=(tri == "echeance"), selection=selection, progress=progress)
    out.flush()
    if not quiet:
        click.echo(summary_line(totals), err=True)
        if totals.store is not None:
            from checker.store.lot import summary_line as store_line
            click.echo(store_line(totals.store), err=True)
    sys.exit(batch_exit_code(totals, echec_sur))


@contextmanager
def _long_lived():
    """The collector off while the block makes objects that live as long as the run, which are
    then frozen out of its sight, as a batch's workers freeze them (`checker.batch`): loading the
    rules makes tens of thousands (hundreds of thousands on the first run after an install, which
    builds them), and the collector, started by their count, walked them again and again: a
    tenth of that first run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _colour_on(ctx, stream) -> bool:
    colour = ctx.find_root().color
    if colour is not None:
        return colour
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _json_out(data) -> None:
    import json
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@main.command("regles", epilog="""\b
Exemples :
  delibcheck regles
  delibcheck regles --format json -o regles.json""")
@click.option("--format", "fmt", type=click.Choice(("texte", "json")), default="texte", show_default=True,
              help="Format de la liste.")
@click.option("--regles", "regles_dir", type=click.Path(file_okay=False), default=None,
              help="Dossier de règles à utiliser à la place des règles fournies.")
def regles(fmt, regles_dir):
    """Liste les règles : identifiant, article, titre, périodes de validité, identifiant Légifrance."""
    rules = _load(regles_dir)
    if fmt == "json":
        from checker.rule_json import rule_to_dict
        _json_out([rule_to_dict(r) for r in rules])
        return
    for rule in rules:
        periods = " ".join(v.period() for v in rule.versions)
        click.echo(f"{rule.id:<42} {rule.article:<12} {rule.titre}")
        click.echo(f"{'':<42} {'':<12} {periods}")


@main.command("explique", epilog="""\b
Exemples :
  delibcheck explique L2121-12.delai
  delibcheck explique L2121-12.delai --format json""")
@click.argument("regle_id", metavar="REGLE")
@click.option("--format", "fmt", type=click.Choice(("texte", "json")), default="texte", show_default=True,
              help="Format de l'explication.")
@click.option("--regles", "regles_dir", type=click.Path(file_okay=False), default=None,
              help="Dossier de règles à utiliser à la place des règles fournies.")
def explique(regle_id, fmt, regles_dir):
    """Montre le texte, la lecture, les versions, les expressions et les exemples d'une règle."""
    from checker.explain import explain
    rules = {r.id: r for r in _load(regles_dir)}
    rule = rules.get(regle_id)
    if rule is None:
        close = [i for i in rules if regle_id.lower() in i.lower()]
        hint = f" ; voisines : {', '.join(close[:10])}" if close else " ; voir « delibcheck regles »"
        raise click.BadParameter(f"règle inconnue « {regle_id} »{hint}", param_hint="REGLE")
    if fmt == "json":
        from checker.rule_json import rule_to_dict
        _json_out(rule_to_dict(rule, full=True))
        return
    click.echo(explain(rule))


@main.command("documentation", epilog="""\b
Exemples :
  delibcheck documentation                      pages Markdown dans docs/regles
  delibcheck documentation --format json -o regles-completes.json""")
@click.option("--format", "fmt", type=click.Choice(("markdown", "json")), default="markdown", show_default=True,
              help="markdown : une page par règle et l'index ; json : un seul document avec toutes les règles.")
@click.option("-o", "--sortie", type=click.Path(), default=None, metavar="CHEMIN",
              help="markdown : dossier des pages (défaut docs/regles) ; json : fichier (défaut : sortie standard).")
@click.option("--regles", "regles_dir", type=click.Path(file_okay=False), default=None,
              help="Dossier de règles à utiliser à la place des règles fournies.")
def documentation(fmt, sortie, regles_dir):
    """Génère la documentation des règles."""
    from pathlib import Path

    rules = _load(regles_dir)
    if fmt == "json":
        import json

        from checker.rule_json import catalogue_version, rule_to_dict
        document = {"catalogue": catalogue_version(rules), "regles": [rule_to_dict(r, full=True) for r in rules]}
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if sortie and sortie != "-":
            try:
                Path(sortie).write_text(text, encoding="utf-8")
            except OSError as exc:
                raise WriteFailure(f"impossible d'écrire « {sortie} » ({os_message(exc)})")
        else:
            click.echo(text, nl=False)
        return
    from ruleset.docs import write_all
    target = sortie or "docs/regles"
    try:
        written = write_all(rules, Path(target))
    except OSError as exc:
        raise WriteFailure(f"impossible d'écrire dans « {target} » ({os_message(exc)})")
    click.echo(f"{len(written)} pages écrites dans {target}")


if __name__ == "__main__":
    # `python -m checker.cli …` must run the command: without this guard it imported the module
    # and exited 0 whatever the input, which a pipeline would read as "nothing non-compliant".
    main()

"""Click in French: its help headings, option help and error messages, for every command.

Click marks each message it shows for translation with gettext (`_("Usage:")`,
`ngettext(...)`); `install` gives those calls this module's French catalogue, once, for the
whole program — the group, `check`, the clerk commands and any command added later. The
catalogue holds every message of click's source (a test reads click's source and checks it):
an upgrade of click that adds one fails that test instead of printing English.
"""
from __future__ import annotations

import importlib

import click
from click.formatting import HelpFormatter

CATALOGUE = {
    "Usage:": "Utilisation :",
    "Options": "Options",
    "Positional arguments": "Arguments positionnels",
    "Commands": "Commandes",
    "Show this message and exit.": "Afficher cette aide et quitter.",
    "Show the version and exit.": "Afficher la version et quitter.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Aborted!": "Interrompu.",
    "Missing command.": "Commande manquante.",
    "deprecated": "obsolète",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Avertissement : la commande « {name} » est obsolète.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Avertissement : le paramètre « {name} » est obsolète.{extra_message}",
    "Value must be an iterable.": "La valeur doit être une liste.",
    "Could not determine name for option with declarations {decls!r}":
        "Nom d'option introuvable dans {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?":
        "Aucune option déclarée mais un nom est donné ({name}) : un argument, ou « --{name} » ?",
    "env var: {var}": "variable d'environnement : {var}",
    "default: {default}": "défaut : {default}",
    "required": "obligatoire",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "Un argument prend exactement une déclaration, {length} données : {decls}.",
    "(dynamic)": "(calculé)",
    "Name '{name}' defined twice": "Nom « {name} » défini deux fois",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "L'option booléenne « {decl} » ne peut utiliser le même drapeau pour vrai et faux.",
    "Do you want to continue?": "Continuer ?",
    "Confirm the action without prompting.": "Confirmer sans poser la question.",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Missing {param_type}": "{param_type} manquant",
    "unknown error": "erreur inconnue",
    "Invalid value for {param_hint}: {message}": "Valeur non admise pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur non admise : {message}",
    "Could not open file {filename!r}: {message}": "Impossible d'ouvrir le fichier « {filename} » : {message}",
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Aide : « {command} {option} ».",
    "No such option {name!r}.": "Option inconnue « {name} ».",
    "No such command {name!r}.": "Commande inconnue « {name} ».",
    "Invalid start character for option ({option})": "Caractère initial non admis pour une option ({option})",
    "Option {name!r} does not take a value.": "L'option « {name} » ne prend pas de valeur.",
    "Argument {name!r} takes {nargs} values.": "L'argument « {name} » prend {nargs} valeurs.",
    "Couldn't detect Bash version, shell completion is not supported.":
        "Version de Bash inconnue : complétion non prise en charge.",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Complétion non prise en charge avant Bash 4.4.",
    "Press any key to continue...": "Appuyer sur une touche pour continuer…",
    "Repeat for confirmation": "Répéter pour confirmer",
    "Error: The two entered values do not match.": "Erreur : les deux valeurs saisies diffèrent.",
    "Error: invalid input": "Erreur : saisie non admise",
    "Unknown color {colour!r}": "Couleur inconnue « {colour} »",
    "file": "fichier",
    "directory": "dossier",
    "path": "chemin",
    "Choose from:\n\t{choices}": "Valeurs admises :\n\t{choices}",
    "Choice({choices})": "Choix({choices})",
    "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "« {value} » n'est pas un booléen ; valeurs reconnues : {states}",
    "{value!r} is not a valid {number_type}.": "« {value} » n'est pas un {number_type} valide.",
    "{value!r} is not a valid UUID.": "« {value} » n'est pas un UUID valide.",
    "{name} {filename!r} is a file.": "{name} « {filename} » est un fichier.",
    "{name} {filename!r} is a directory.": "{name} « {filename} » est un dossier.",
    "{name} {filename!r} is not readable.": "{name} « {filename} » illisible.",
    "{name} {filename!r} is not writable.": "{name} « {filename} » non inscriptible.",
    "{name} {filename!r} is not executable.": "{name} « {filename} » non exécutable.",
    "{name} {filename!r} does not exist.": "{name} « {filename} » introuvable.",
    "Unknown standard stream '{name}'": "Flux standard inconnu « {name} »",
    "{editor}: Editing failed": "{editor} : échec de l'édition",
    "{editor}: Editing failed: {e}": "{editor} : échec de l'édition : {e}",
    "Windows error: {error}": "Erreur Windows : {error}",
    "d": "j",
    "integer": "nombre entier",
    "float": "nombre décimal",
}

PLURALS = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Argument en trop ({args})", "Arguments en trop ({args})"),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("Prend {nargs} valeurs, 1 donnée.", "Prend {nargs} valeurs, {len} données."),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Vouliez-vous dire {possibility} ?", "(Vouliez-vous dire l'une de : {possibilities} ?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("L'option « {name} » attend une valeur.", "L'option « {name} » attend {nargs} valeurs."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("« {value} » n'est pas admis ; valeur admise : {choice}.",
         "« {value} » n'est pas admis ; valeurs admises : {choices}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("« {value} » ne suit pas la forme {format}.", "« {value} » ne suit aucune des formes {formats}."),
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        ("{len_type} valeurs attendues, {len_value} donnée.", "{len_type} valeurs attendues, {len_value} données."),
}

# Click's modules that call gettext; `_parser` is the name of `parser` from click 8.2 on.
MODULES = ("core", "exceptions", "types", "parser", "_parser", "formatting", "decorators", "termui",
           "shell_completion", "_termui_impl", "utils")


def gettext(message: str) -> str:
    return CATALOGUE.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    one, many = PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else many


def install() -> None:
    for name in MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


class FrenchHelpFormatter(HelpFormatter):
    """French typography: a space before the colon of a heading (« Options : »)."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading} :\n")


class FrenchContext(click.Context):
    formatter_class = FrenchHelpFormatter


def frenchify(command: click.Command) -> click.Command:
    """A command's help in French: headings, metavars."""
    if command.context_class is click.Context:
        command.context_class = FrenchContext
    if isinstance(command, click.Group):
        if command.subcommand_metavar == "COMMAND [ARGS]...":
            command.subcommand_metavar = "COMMANDE [ARGUMENTS]…"
        for sub in command.commands.values():
            frenchify(sub)
    return command

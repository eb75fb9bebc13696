"""Strict YAML loading: safe constructors only, duplicate keys rejected, dates kept as strings.

Dates stay strings until the schema has checked them, so that an impossible date (31/02) is
reported against its field with a French message instead of failing inside the YAML parser.
Every mapping remembers the line of each key so that later errors can point at it.
"""
from __future__ import annotations

from ruleset.errors import InputError
from ruleset.traduction import python_message, yaml_message

# Problems this loader raises itself, already in French.
ALIAS_PROBLEM = "les alias YAML (*nom) ne sont pas admis"
KEY_PROBLEM = "clé non valide (une clé doit être un texte)"
_OWN_PROBLEMS = (ALIAS_PROBLEM, KEY_PROBLEM)


class LineDict(dict):
    """A mapping that remembers the 1-based line of each of its keys."""

    __slots__ = ("lines", "line")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: dict = {}
        self.line: int | None = None


class LineList(list):
    """A sequence that remembers the 1-based line of each item."""

    __slots__ = ("lines", "line")

    def __init__(self, *args):
        super().__init__(*args)
        self.lines: list = []
        self.line: int | None = None


class _DuplicateKey(Exception):
    def __init__(self, key, line: int, first_line: int):
        super().__init__(key)
        self.key = key
        self.line = line
        self.first_line = first_line


def load_yaml(text: str, fichier: str):
    """Parse one YAML document strictly; any problem becomes an InputError naming file and line."""
    # PyYAML and the loaders are imported with the first YAML text: a run over JSON records, its
    # rules and schemas read from the cache, does without them (a tenth of a one-record start).
    import yaml

    from ruleset.yaml_strict import loader_for

    try:
        return yaml.load(text, Loader=loader_for(text))  # noqa: S506 - both derive from SafeLoader
    except _DuplicateKey as dup:
        raise InputError(
            f"clé « {dup.key} » en double (déjà définie ligne {dup.first_line}) ; "
            "chaque clé ne peut apparaître qu'une fois", fichier=fichier, ligne=dup.line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or ""
        if problem not in _OWN_PROBLEMS:
            problem = yaml_message(f"{exc.context or ''} {exc.problem or ''}")
        raise InputError(f"YAML mal formé : {problem}", fichier=fichier, ligne=line)
    except yaml.YAMLError as exc:
        raise InputError(f"YAML mal formé : {yaml_message(str(exc))}", fichier=fichier)
    except ValueError as exc:
        # A scalar the constructors cannot turn into a value: an integer of more than 4 300
        # digits (Python's int limit) raised out of the parser and crashed the command.
        raise InputError(f"YAML illisible : {python_message(exc)}", fichier=fichier)
    except RecursionError:
        raise InputError("document trop profondément imbriqué", fichier=fichier)

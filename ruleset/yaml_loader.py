"""Strict YAML loading: safe constructors only, duplicate keys rejected, dates kept as strings.

Dates stay strings until the schema has checked them, so that an impossible date (31/02) is
reported against its field with a French message instead of failing inside the YAML parser.
Every mapping remembers the line of each key so that later errors can point at it.
"""
from __future__ import annotations

import yaml

from ruleset.errors import InputError
from ruleset.traduction import python_message, yaml_message

# Problems this loader raises itself, already in French.
_OWN_PROBLEMS = ("les alias YAML (*nom) ne sont pas admis", "clé non valide (une clé doit être un texte)")


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


_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Strict:
    """A safe loader (LibYAML's parser when installed) without implicit timestamps, with
    duplicate-key detection and line tracking.

    Aliases are refused: neither records nor rules need them, and an alias bomb would make a
    few bytes of input expand into gigabytes once the document is walked.
    """

    def construct_document(self, node):
        _refuse_aliases(node)
        return super().construct_document(node)


class _StrictLoader(_Strict, _BASE):
    pass


class _StrictPythonLoader(_Strict, yaml.SafeLoader):
    """The pure-Python loader, for text that could nest deeper than LibYAML can compose.

    LibYAML composes nested collections by recursion in C: some 30 000 levels (`[[[…`, or
    `- - - …` in 60 kB) overflow the C stack and kill the process (SIGSEGV), where the Python
    composer stops at the recursion limit with an error that becomes an input error.
    """


# Every nested collection starts with one of these marks, so a text with fewer of them nests
# less deep than that: 10 000 levels compose safely in LibYAML (the crash comes near 30 000).
_NESTING_MARKS = "[{-?:"
_LIBYAML_SAFE_MARKS = 10_000


def _loader_for(text: str):
    if _BASE is yaml.SafeLoader or sum(text.count(c) for c in _NESTING_MARKS) < _LIBYAML_SAFE_MARKS:
        return _StrictLoader
    return _StrictPythonLoader


def _refuse_aliases(root) -> None:
    # An alias is the same node object reached twice; both parsers compose it that way.
    seen: set = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise yaml.composer.ComposerError(None, None, "les alias YAML (*nom) ne sont pas admis", node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


for _loader, _base in ((_StrictLoader, _BASE), (_StrictPythonLoader, yaml.SafeLoader)):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _base.yaml_implicit_resolvers.items()
    }


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "clé non valide (une clé doit être un texte)", key_node.start_mark)
        if key in mapping:
            raise _DuplicateKey(key, key_node.start_mark.line + 1, mapping.lines[key])
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.lines = [child.start_mark.line + 1 for child in node.value]
    items.line = node.start_mark.line + 1
    return items


class _DuplicateKey(Exception):
    def __init__(self, key, line: int, first_line: int):
        super().__init__(key)
        self.key = key
        self.line = line
        self.first_line = first_line


for _loader in (_StrictLoader, _StrictPythonLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(text: str, fichier: str):
    """Parse one YAML document strictly; any problem becomes an InputError naming file and line."""
    try:
        return yaml.load(text, Loader=_loader_for(text))  # noqa: S506 - both derive from SafeLoader
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

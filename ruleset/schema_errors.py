"""JSON Schema validation with French messages that name the field, its line and what is allowed."""
from __future__ import annotations

import importlib
import json
from functools import lru_cache
from pathlib import Path

import jsonschema_rs

from ruleset import parse_cache
from ruleset.errors import InputError
from ruleset.traduction import notation, cite
from ruleset.yaml_loader import LineDict, LineList, load_yaml


class SchemaValidator:
    """A compiled schema: jsonschema-rs answers "valid?" in microseconds on the hot path of a
    batch; the reference implementation, loaded only when needed, explains an invalid instance
    in French terms."""

    def __init__(self, schema: dict):
        self.schema = schema
        self.fast = jsonschema_rs.validator_for(schema)
        self._explain = None

    @property
    def explain(self):
        if self._explain is None:
            import jsonschema
            self._explain = jsonschema.validators.validator_for(self.schema)(self.schema)
        return self._explain

    def is_valid(self, instance) -> bool:
        try:
            return self.fast.is_valid(instance)
        except (ValueError, TypeError, OverflowError, RecursionError):
            return self.explain.is_valid(instance)

    def iter_errors(self, instance):
        return self.explain.iter_errors(instance)


def _schema_text(package: str, name: str) -> str:
    module = importlib.import_module(package)
    if getattr(module, "__file__", None):
        return (Path(module.__file__).parent / "schemas" / name).read_text(encoding="utf-8")
    # Importing importlib.resources costs more than reading the schema: only where it is needed.
    from importlib import resources
    return resources.files(package).joinpath("schemas", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_schema(package: str, name: str) -> SchemaValidator:
    text = _schema_text(package, name)
    # Parsing the record schema's YAML was a sizeable part of a one-record run: kept parsed.
    entry = parse_cache.key("schema", [(f"{package}/{name}", text.encode("utf-8"))])
    schema = parse_cache.load(entry)
    if not isinstance(schema, dict):
        schema = json.loads(json.dumps(load_yaml(text, f"{package}/schemas/{name}")))
        parse_cache.store(entry, schema)
    return SchemaValidator(schema)


def field_path(path) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(racine)"


def line_of(instance, path) -> int | None:
    """The line of the deepest element of `path` whose line the loader kept."""
    line = getattr(instance, "line", None)
    node = instance
    for part in path:
        if isinstance(node, LineDict) and part in node:
            line = node.lines.get(part, line)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and part < len(node):
            line = node.lines[part] if part < len(node.lines) else line
            node = node[part]
        else:
            break
    return line


def _best(error):
    """Descend into oneOf/anyOf to the error a person can act on."""
    while error.context:
        deeper = [e for e in error.context if e.validator not in ("type", "oneOf", "anyOf")]
        pool = deeper or list(error.context)
        error = max(pool, key=lambda e: len(e.absolute_path))
    return error


def describe(error) -> str:
    kind = error.validator
    value = error.instance
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        return (f"clé inconnue « {cite(', '.join(map(str, extra)))} » ; clés admises : {', '.join(allowed)}")
    if kind == "required":
        missing = [k for k in error.validator_value if not isinstance(value, dict) or k not in value]
        return f"clé obligatoire manquante : « {', '.join(missing)} »"
    if kind == "enum":
        return (f"valeur « {cite(value)} » non admise ; valeurs admises : "
                f"{', '.join(map(str, error.validator_value))}")
    if kind == "const":
        return f"valeur « {cite(value)} » non admise ; seule valeur admise : {error.validator_value}"
    if kind == "pattern":
        return f"valeur « {cite(value)} » de forme non admise (forme attendue : {error.validator_value})"
    if kind == "type":
        names = {"string": "un texte", "integer": "un nombre entier", "number": "un nombre",
                 "boolean": "vrai ou faux (true/false)", "array": "une liste", "object": "un objet (clé: valeur)",
                 "null": "null"}
        expected = error.validator_value
        expected = [expected] if isinstance(expected, str) else expected
        return f"valeur « {cite(notation(value))} » de type non admis ; attendu : {' ou '.join(names.get(t, t) for t in expected)}"
    if kind in ("minimum", "maximum"):
        word = "au moins" if kind == "minimum" else "au plus"
        return f"valeur {cite(value)} hors limites ; attendu {word} {error.validator_value}"
    if kind in ("minItems", "maxItems", "minLength", "maxLength"):
        return f"longueur non admise ({error.validator} = {error.validator_value})"
    return f"valeur « {cite(value)} » non admise (contrainte « {kind} » du schéma)"


def validate(validator, instance, fichier: str, what: str = "") -> None:
    """Raise one InputError for the first schema error, naming the field and its line."""
    if validator.is_valid(instance):
        return
    try:
        error = next(iter(sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))), None)
    except RecursionError:
        raise InputError("document trop profondément imbriqué", fichier=fichier)
    if error is None:
        raise InputError("document non conforme au schéma", fichier=fichier)
    error = _best(error)
    path = list(error.absolute_path)
    line_path = path
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})), key=str)
        if extra:
            line_path = path + [extra[0]]
    raise InputError(describe(error) + what, fichier=fichier, ligne=line_of(instance, line_path),
                     champ=field_path(path))

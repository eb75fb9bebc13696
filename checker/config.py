"""The configuration file: `delibcheck.toml`, or `[tool.delibcheck]` in `pyproject.toml`, found
upward from the working directory as ruff finds its own (the nearest one wins; in a folder that
has both, `delibcheck.toml`).

It gives defaults to the options of `check` (a command-line option always wins) and the context
a batch of one body shares (`[contexte]`): facts of the body that its records do not repeat —
its name, nature, population, département. A fact taken from the context says so in its source,
and what a record says itself is never overridden.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ruleset.errors import InputError
from ruleset.traduction import os_message



def _toml():
    # Imported when a configuration file is there to read: a one-record check without one
    # does not pay for the TOML parser.
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib

FILE_NAMES = ("delibcheck.toml", "pyproject.toml")
# Option of `check` → type of its value in the file.
OPTIONS = {
    "format": str, "jobs": int, "exclude": list, "regles": str, "gravite_min": str, "echec_sur": list,
    "entree": str, "sans_etiquettes": bool, "tri": str, "tout": bool, "base": str, "auteur": str,
}
CONTEXT_SECTIONS = ("collectivite", "seance", "convocation")
TYPE_NAMES = {str: "un texte", int: "un nombre entier", list: "une liste", bool: "true ou false", dict: "une table"}


@dataclass
class Config:
    path: Path | None = None
    options: dict = field(default_factory=dict)
    contexte: dict = field(default_factory=dict)

    def source(self) -> str:
        return f"configuration {self.path} [contexte]"


def find(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        own = directory / "delibcheck.toml"
        if own.is_file():
            return own
        project = directory / "pyproject.toml"
        if project.is_file() and _has_section(project):
            return project
    return None


def _has_section(path: Path) -> bool:
    tomllib = _toml()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "delibcheck" in data["tool"]


def load(path: Path | None) -> Config:
    if path is None:
        return Config()
    name = str(path)
    tomllib = _toml()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise InputError(f"configuration illisible ({os_message(exc)})", fichier=name)
    except UnicodeDecodeError:
        raise InputError("configuration non encodée en UTF-8", fichier=name)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise InputError("TOML mal formé" + ("" if line else f" ({exc})"), fichier=name, ligne=line)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("delibcheck", {})
        prefix = "tool.delibcheck."
    else:
        prefix = ""
    if not isinstance(data, dict):
        raise InputError(f"« {prefix or 'tool.delibcheck'} » doit être une table", fichier=name)
    options, contexte = {}, {}
    for key, value in data.items():
        if key == "contexte":
            contexte = _context(value, name, prefix)
            continue
        key_name = key.replace("-", "_")
        if key_name not in OPTIONS:
            raise InputError(f"clé inconnue « {prefix}{key} » ; clés admises : "
                             f"{', '.join(sorted(OPTIONS))}, contexte", fichier=name)
        expected = OPTIONS[key_name]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise InputError(f"« {prefix}{key} » doit être {TYPE_NAMES[expected]}", fichier=name)
        if key_name == "regles":
            value = str((path.parent / value).resolve())
        options[key_name] = value
    return Config(path, options, contexte)


def _context(value, name: str, prefix: str) -> dict:
    if not isinstance(value, dict):
        raise InputError(f"« {prefix}contexte » doit être une table", fichier=name)
    for section, facts in value.items():
        if section not in CONTEXT_SECTIONS or not isinstance(facts, dict):
            raise InputError(f"« {prefix}contexte.{section} » non admis ; tables admises : "
                             f"{', '.join(f'contexte.{s}' for s in CONTEXT_SECTIONS)}", fichier=name)
    probe: dict = {section: dict(facts) for section, facts in value.items()}
    probe.setdefault("seance", {}).setdefault("date", "2000-01-01")
    from checker.record import build_record
    try:
        build_record(probe, name)
    except InputError as exc:
        raise InputError(f"[{prefix}contexte] : {exc.message}", fichier=name, champ=exc.champ) from None
    return value


def apply_context(data: dict, contexte: dict, origin: str = "configuration [contexte]") -> dict:
    """`data` with the context's facts added where it has none (a shallow copy: the input is kept)."""
    out = dict(data)
    for section, facts in contexte.items():
        present = out.get(section)
        if present is not None and not isinstance(present, dict):
            continue
        merged = dict(present or {})
        for key, value in facts.items():
            if key not in merged:
                merged[key] = _sourced(section, key, value, origin)
        out[section] = merged
    return out


def _sourced(section: str, key: str, value, origin: str):
    if isinstance(value, (dict, list)) or not _wraps(section, key):
        return value
    return {"valeur": value, "source": origin}


def _wraps(section: str, key: str) -> bool:
    """Whether the record's schema lets this fact carry its source (`fait_*`)."""
    schema = _schema()
    node = schema.get("$defs", {}).get(section, {}).get("properties", {}).get(key, {})
    return str(node.get("$ref", "")).startswith("#/$defs/fait_")


_SCHEMA: dict = {}


def _schema() -> dict:
    if not _SCHEMA:
        import yaml
        text = (Path(__file__).parent / "schemas" / "seance.schema.yaml").read_text(encoding="utf-8")
        _SCHEMA.update(yaml.safe_load(text))
    return _SCHEMA


def from_environment() -> Config:
    """The configuration for this run: the nearest file upward, or the `.toml` file that
    `DELIBCHECK_CONFIG` names (that variable may also name the store's YAML settings, which
    `checker.store.configuration` reads: then the search goes on as usual)."""
    named = os.environ.get("DELIBCHECK_CONFIG")
    if named and named.lower().endswith(".toml"):
        return load(Path(named))
    return load(find())

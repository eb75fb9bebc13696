"""The configuration file: `delibcheck.toml`, or `[tool.delibcheck]` in `pyproject.toml`, found
upward from the working directory as ruff finds its own (the nearest one wins; in a folder that
has both, `delibcheck.toml`).

It is delibcheck's one configuration file. It gives defaults to the options of `check` (a
command-line option always wins); the store (`[base]`: `url`, a SQLite path or a PostgreSQL URL,
and `auteur`, the agent's name recorded with each action); the reference data (`referentiel`:
false to turn it off, or the path of another derived file); and the context a batch of one body
shares (`[contexte]`, the default body): facts of the body that its records do not repeat — its
name or SIREN, nature, population, département. A fact taken from the context says so in its
source, and what a record says itself is never overridden.

The store's former YAML file (`~/.config/delibcheck/config.yaml`) is still read for one version,
with a French notice saying what to write here instead (`checker.store.configuration`).
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
    "referentiel": (bool, str),
}
# Keys of the `[base]` table.
BASE_KEYS = {"url": "base", "auteur": "auteur"}
CONTEXT_SECTIONS = ("collectivite", "seance", "convocation")
TYPE_NAMES = {str: "un texte", int: "un nombre entier", list: "une liste", bool: "true ou false", dict: "une table",
              (bool, str): "false (pas de référentiel), true, ou le chemin d'un fichier de référentiel"}


@dataclass
class Config:
    path: Path | None = None
    options: dict = field(default_factory=dict)
    contexte: dict = field(default_factory=dict)
    # `--isole`: no file at all, not even the store's former YAML one.
    isole: bool = False

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
        if key == "base" and isinstance(value, dict):
            options.update(_base_table(value, path, prefix))
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
        elif key_name == "referentiel" and isinstance(value, str):
            from checker.referentiel.donnees import verifier
            value = str((path.parent / value).resolve())
            try:
                verifier(Path(value))
            except InputError as exc:
                raise InputError(f"« {prefix}{key} » : {value} : {exc.message}", fichier=name) from None
        elif key_name == "base":
            value = _base_url(value, path, f"{prefix}{key}")
        elif key_name == "auteur":
            value = _non_empty(value, name, f"{prefix}{key}")
        options[key_name] = value
    return Config(path, options, contexte)


def _non_empty(value: str, name: str, key: str) -> str:
    if not value.strip():
        raise InputError(f"« {key} » doit être un texte non vide", fichier=name)
    return value.strip()


def _base_url(value: str, path: Path, key: str) -> str:
    """A SQLite path is read relative to the configuration file, as `regles` is; a URL as given."""
    value = _non_empty(value, str(path), key)
    return value if "://" in value else str((path.parent / value).resolve())


def _base_table(value: dict, path: Path, prefix: str) -> dict:
    out = {}
    for key, item in value.items():
        if key not in BASE_KEYS:
            raise InputError(f"clé inconnue « {prefix}base.{key} » ; clés admises : {', '.join(BASE_KEYS)}",
                             fichier=str(path))
        if not isinstance(item, str):
            raise InputError(f"« {prefix}base.{key} » doit être un texte", fichier=str(path))
        out[BASE_KEYS[key]] = (_base_url(item, path, f"{prefix}base.url") if key == "url"
                               else _non_empty(item, str(path), f"{prefix}base.{key}"))
    return out


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
    `DELIBCHECK_CONFIG` names (that variable may still name the store's former YAML settings,
    which `checker.store.configuration` reads with a notice: then the search goes on as usual)."""
    named = os.environ.get("DELIBCHECK_CONFIG")
    if named and named.lower().endswith(".toml"):
        return load(Path(named))
    return load(find())

"""The store's settings: the base to use and the agent's name.

They come from `DELIBCHECK_BASE` and `DELIBCHECK_AUTEUR`, else from the configuration file
(`delibcheck.toml` or `[tool.delibcheck]`, see `checker.config`: the `[base]` table, keys `url`
and `auteur`). The former YAML file (`$DELIBCHECK_CONFIG` naming a `.yaml`, else
`$XDG_CONFIG_HOME/delibcheck/config.yaml`, by default `~/.config/delibcheck/config.yaml`) is
still read for this version when the TOML file says nothing of the key, with a French notice
on standard error saying what to write instead. Without any of them `check` keeps nothing.
Cheap when nothing is configured: a `check` pays a few `stat`.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ruleset.errors import InputError

KEYS = ("base", "auteur")
_NOTIFIED: set = set()


def legacy_path() -> Path:
    explicit = os.environ.get("DELIBCHECK_CONFIG")
    if explicit and not explicit.lower().endswith(".toml"):
        return Path(explicit)
    home = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(home) / "delibcheck" / "config.yaml"


def _legacy() -> dict:
    path = legacy_path()
    explicit = os.environ.get("DELIBCHECK_CONFIG")
    if not path.is_file():
        if explicit and not explicit.lower().endswith(".toml"):
            raise InputError("fichier de configuration introuvable", fichier=str(path))
        return {}
    from ruleset.yaml_loader import load_yaml

    data = load_yaml(path.read_text(encoding="utf-8"), str(path))
    if not isinstance(data, dict):
        raise InputError("la configuration doit être un objet (clé: valeur)", fichier=str(path))
    for key, value in data.items():
        if key in KEYS and not (isinstance(value, str) and value.strip()):
            raise InputError(f"« {key} » doit être un texte non vide", fichier=str(path), champ=key)
    return data


def deprecation(path: Path, data: dict) -> str:
    """What to write in `delibcheck.toml` instead of the YAML file."""
    lines = ["[base]"]
    if isinstance(data.get("base"), str):
        lines.append(f'url = "{data["base"].strip()}"')
    if isinstance(data.get("auteur"), str):
        lines.append(f'auteur = "{data["auteur"].strip()}"')
    body = "\n".join("    " + line for line in lines)
    return (f"delibcheck : avertissement : le fichier {path} est obsolète ; il est lu dans cette version "
            f"pour la dernière fois. Écrire à la place, dans delibcheck.toml (dossier courant ou un "
            f"dossier parent) ou sous [tool.delibcheck] de pyproject.toml :\n{body}\n"
            f"puis supprimer {path}.")


def configured(key: str, config=None) -> str | None:
    """`key` (base, auteur) from the environment, else the configuration file `config` (found
    upward from the working directory when not given), else the former YAML file."""
    value = os.environ.get(f"DELIBCHECK_{key.upper()}")
    if value:
        return value
    if config is None:
        from checker.config import from_environment
        config = from_environment()
    value = config.options.get(key)
    if isinstance(value, str) and value.strip():
        return value.strip()
    if config.isole:
        return None
    data = _legacy()
    value = data.get(key)
    if not isinstance(value, str):
        return None
    path = legacy_path()
    if str(path) not in _NOTIFIED:
        _NOTIFIED.add(str(path))
        print(deprecation(path, data), file=sys.stderr)
    return value.strip()

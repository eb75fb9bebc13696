"""The store's settings from the configuration: the base to use and the agent's name.

Read from `$DELIBCHECK_CONFIG`, else `$XDG_CONFIG_HOME/delibcheck/config.yaml` (by default
`~/.config/delibcheck/config.yaml`), a YAML mapping with the keys `base` (a SQLite path or a
PostgreSQL URL) and `auteur` (the name recorded with each action); `DELIBCHECK_BASE` and
`DELIBCHECK_AUTEUR` override them. Without any of them `check` keeps nothing, as before. Cheap
when nothing is configured: a `check` pays one `stat`.
"""
from __future__ import annotations

import os
from pathlib import Path

from ruleset.errors import InputError

KEYS = ("base", "auteur")


def config_path() -> Path:
    explicit = os.environ.get("DELIBCHECK_CONFIG")
    if explicit:
        return Path(explicit)
    home = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(home) / "delibcheck" / "config.yaml"


def _file() -> dict:
    path = config_path()
    if not path.is_file():
        if os.environ.get("DELIBCHECK_CONFIG"):
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


def configured(key: str) -> str | None:
    value = os.environ.get(f"DELIBCHECK_{key.upper()}")
    if value:
        return value
    value = _file().get(key)
    return value.strip() if isinstance(value, str) else None

"""The facts read from a document, shown with their source, and the corrections a person makes.

A document read by `checker.reader` is a record whose facts carry the passage they come from
and a confidence. The page lists them, each in a field; a corrected value replaces the fact and
says in its source that a person entered it, keeping the passage it was read from. A field
emptied removes the fact, which the rules then find missing (« indéterminé »), never conforme.
Only the facts listed can be corrected: a field name is a place in the record, looked up among
them, never a path of the server.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.record import WRAPPER_KEYS
from checker.web.errors import ErreurWeb
from checker.web.forms import Champs

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The list of members is long and edited as a whole (the record's YAML); its facts are counted.
# What the reader says of its own reading (`lecture`) is not a fact of the meeting.
SKIPPED = ("seance.membres", "lecture")
# An object read whole (a proxy) carries its passage beside its fields: shown as their source.
OWN_SOURCE_KEYS = ("source", "confiance")
PREFIX = "fait:"


@dataclass
class FaitLu:
    chemin: str
    valeur: object
    source: str | None = None
    confiance: float | None = None
    affirme: bool = False

    @property
    def texte(self) -> str:
        value = self.valeur
        if isinstance(value, bool):
            return "oui" if value else "non"
        if value is None:
            return ""
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    @property
    def champ(self) -> str:
        return PREFIX + self.chemin


def _is_fact(node) -> bool:
    return isinstance(node, dict) and bool(node) and set(node) <= WRAPPER_KEYS and ("valeur" in node or "affirme" in node)


def facts(record: dict) -> list[FaitLu]:
    """Every fact of the record, outside the list of members, in the record's order."""
    out: list[FaitLu] = []

    def walk(node, path: str, source: str | None = None, confidence=None) -> None:
        if path in SKIPPED:
            return
        if _is_fact(node):
            out.append(FaitLu(path, node.get("valeur"), node.get("source"), node.get("confiance"),
                              bool(node.get("affirme"))))
        elif isinstance(node, dict):
            own = node.get("source") if isinstance(node.get("source"), str) else None
            trust = node.get("confiance") if own is not None else None
            for key, value in node.items():
                if (path == "" and key in ("format", "reference")) or (own is not None and key in OWN_SOURCE_KEYS):
                    continue
                walk(value, f"{path}.{key}" if path else str(key), own or source, trust if own else confidence)
        elif isinstance(node, list):
            if all(not isinstance(v, (dict, list)) for v in node):
                out.append(FaitLu(path, list(node), source, confidence))
            else:
                for index, value in enumerate(node):
                    walk(value, f"{path}[{index}]", source, confidence)
        else:
            out.append(FaitLu(path, node, source, confidence))

    walk(record, "")
    return out


def path_parts(path: str) -> list:
    return [int(i) if i else k for k, i in _PART.findall(path)]


def _parent(record: dict, path: str):
    parts = path_parts(path)
    node = record
    for part in parts[:-1]:
        node = node[part]
    return node, parts[-1]


def _typed(fact: FaitLu, text: str):
    """The value entered, of the type of the value read (a date stays a date, a count a count)."""
    original = fact.valeur
    champs = Champs({fact.chemin: text})
    if isinstance(original, bool) or (original is None and fact.affirme is False and text.lower() in ("oui", "non")):
        return champs.booleen(fact.chemin)
    if isinstance(original, int):
        return champs.entier(fact.chemin, 0, required=True)
    if isinstance(original, list):
        return [part.strip() for part in text.split(",") if part.strip()]
    looks_like_date = (isinstance(original, str) and _ISO.match(original)) or (
        fact.affirme and "date" in fact.chemin.rsplit(".", 1)[-1])
    if looks_like_date:
        return champs.date(fact.chemin, required=True).isoformat()
    return text


def correct(record: dict, form) -> tuple[dict, list[str]]:
    """The record with the person's corrections, and the places corrected."""
    changed = []
    for fact in facts(record):
        if fact.champ not in form:
            continue
        entered = str(form.get(fact.champ) or "").strip()
        if entered == fact.texte:
            continue
        parent, key = _parent(record, fact.chemin)
        if entered == "":
            if isinstance(parent, dict):
                del parent[key]
            else:
                parent[key] = None
            changed.append(fact.chemin)
            continue
        value = _typed(fact, entered)
        read = f" ; lu : « {fact.source} »" if fact.source else ""
        if _is_fact(parent[key]):
            parent[key] = {"valeur": value, "source": f"saisi à la main{read}"[:500], "confiance": 1.0}
        else:
            parent[key] = value
        changed.append(fact.chemin)
    return record, changed


def members_summary(record: dict) -> dict[str, int]:
    members = (record.get("seance") or {}).get("membres") or []
    out: dict[str, int] = {}
    for member in members:
        if isinstance(member, dict):
            presence = member.get("presence", "inconnue")
            presence = presence if isinstance(presence, str) else "inconnue"
            out[presence] = out.get(presence, 0) + 1
    return out


def load_hidden(text: str | None) -> dict:
    """The record carried by the page between two checks (a JSON object, like any uploaded record)."""
    import json
    if not text:
        raise ErreurWeb(400, "dossier à corriger manquant", "dossier")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise ErreurWeb(400, "dossier à corriger illisible (JSON mal formé)", "dossier")
    if not isinstance(data, dict):
        raise ErreurWeb(400, "le dossier à corriger doit être un objet", "dossier")
    return data


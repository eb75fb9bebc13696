"""The deliberation record: read it, check it against its schema, and normalise it for the engine.

Normalising turns dates into dates, unwraps facts given with their source
(`{valeur, source, confiance}`), keeps asserted facts as `Asserted`, and derives the few facts that
follow from others (the number present from the list of members), each derived fact saying so
in its source.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ruleset.errors import InputError
from ruleset.schema_errors import field_path, line_of, load_schema, validate
from ruleset.values import Asserted, Node, NodeList
from ruleset.yaml_loader import LineDict, LineList, load_yaml

WRAPPER_KEYS = frozenset({"valeur", "source", "confiance", "affirme"})
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Record:
    root: Node
    fichier: str
    index: int | None = None

    @property
    def date(self) -> dt.date:
        return self.root["seance"]["date"]

    @property
    def label(self) -> str:
        name = self.root.get("collectivite", {}).get("nom") if isinstance(self.root.get("collectivite"), dict) else None
        name = name if isinstance(name, str) else "collectivité non nommée"
        return f"{name} — séance du {self.date.strftime('%d/%m/%Y')}"


def _reject_duplicates(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"clé « {key} » en double ; chaque clé ne peut apparaître qu'une fois")
        out[key] = value
    return out


# A \uD800–\uDFFF escape: JSON lets it stand alone, Unicode does not.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _refuse_lone_surrogates(data, fichier: str):
    """A lone surrogate (`"\\ud800"`) parses but can be written nowhere: the report crashed on it."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("JSON illisible : caractère \\u invalide (moitié isolée d'une paire de substitution UTF-16)",
                         fichier=fichier)
    return data


def parse_json(text: str, fichier: str):
    try:
        data = json.loads(text, object_pairs_hook=_reject_duplicates)
        return _refuse_lone_surrogates(data, fichier) if _SURROGATE_ESCAPE.search(text) else data
    except InputError as exc:
        raise InputError(exc.message, fichier=fichier)
    except json.JSONDecodeError as exc:
        raise InputError(f"JSON mal formé : {exc.msg}", fichier=fichier, ligne=exc.lineno)
    except RecursionError:
        raise InputError("document trop profondément imbriqué", fichier=fichier)
    except ValueError as exc:
        raise InputError(f"JSON illisible : {exc}", fichier=fichier)


def parse_record_text(text: str, fichier: str, fmt: str | None = None):
    """Parse YAML or JSON text; JSON is valid YAML but is parsed as JSON for its error messages."""
    if fmt is None:
        fmt = "json" if fichier.lower().endswith((".json", ".jsonl")) else "yaml"
    return parse_json(text, fichier) if fmt == "json" else load_yaml(text, fichier)


def read_record_file(path: Path, fichier: str | None = None) -> Record:
    fichier = fichier or str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"fichier trop volumineux (plus de {MAX_BYTES // (1024 * 1024)} Mo)", fichier=fichier)
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError("le fichier n'est pas encodé en UTF-8", fichier=fichier)
    except OSError as exc:
        raise InputError(f"lecture impossible ({exc.strerror or exc})", fichier=fichier)
    return build_record(parse_record_text(text, fichier), fichier)


def build_record(data, fichier: str, index: int | None = None) -> Record:
    """Validate raw data against the record schema and normalise it."""
    if not isinstance(data, dict):
        raise InputError("le dossier doit être un objet (clé: valeur) contenant au moins « seance »", fichier=fichier)
    validate(load_schema("checker", "seance.schema.yaml"), data, fichier)
    root = _normalise(data, "", data, [], fichier)
    for section in ("collectivite", "seance", "convocation"):
        if section not in root:
            root[section] = Node(section)
    if "deliberations" not in root:
        root["deliberations"] = NodeList("deliberations")
    if not isinstance(root["seance"].get("date"), dt.date):
        raise InputError("la date de la séance doit être une date AAAA-MM-JJ (elle ne peut être seulement affirmée)",
                         fichier=fichier, champ="seance.date")
    if "nature" not in root["collectivite"]:
        _set_derived(root["collectivite"], "nature", "commune", "nature absente du dossier, lue comme une commune (défaut du format)")
    _derive_alsace_moselle(root)
    _frozen_population(root)
    _derive(root)
    return Record(root, fichier, index)


def _is_wrapper(value) -> bool:
    return isinstance(value, dict) and bool(value) and value.keys() <= WRAPPER_KEYS and (
        "valeur" in value or "affirme" in value)


def _convert_leaf(key: str, value, top, path: list, fichier: str):
    if key.startswith("date") and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise InputError(f"date impossible « {value} » (attendu une date réelle AAAA-MM-JJ)",
                             fichier=fichier, ligne=line_of(top, path), champ=field_path(path))
    return value


def _normalise(value, key: str, top, path: list, fichier: str):
    node_path = field_path(path) if path else ""
    if isinstance(value, dict):
        node = Node(node_path)
        for child_key, child in value.items():
            child_path = path + [child_key]
            if _is_wrapper(child):
                if "valeur" in child:
                    node[child_key] = _convert_leaf(child_key, child["valeur"], top, child_path + ["valeur"], fichier)
                    if child.get("source") is not None or child.get("confiance") is not None:
                        node.sources[child_key] = (child.get("source"), child.get("confiance"))
                else:
                    node[child_key] = Asserted(child.get("source"))
            else:
                node[child_key] = _normalise(child, child_key, top, child_path, fichier)
        return node
    if isinstance(value, list):
        return NodeList(node_path, [_normalise(item, key, top, path + [i], fichier) for i, item in enumerate(value)])
    return _convert_leaf(key, value, top, path, fichier)


def _set_derived(node: Node, key: str, value, how: str) -> None:
    node[key] = value
    node.sources[key] = (f"calculé : {how}", None)


def _derive(root: Node) -> None:
    seance = root["seance"]
    membres = seance.get("membres")
    listed = isinstance(membres, list) and bool(membres) and all("presence" in m for m in membres)
    if "presents" not in seance and listed:
        _set_derived(seance, "presents",
                     sum(1 for m in membres if m["presence"] == "present" and "arrivee_avant" not in m),
                     "membres présents à l'ouverture dans seance.membres")
    if "representes" not in seance:
        if isinstance(seance.get("pouvoirs"), list):
            _set_derived(seance, "representes", len(seance["pouvoirs"]), "nombre de pouvoirs dans seance.pouvoirs")
        elif listed:
            _set_derived(seance, "representes", sum(1 for m in membres if m["presence"] == "represente"),
                         "membres dont la présence est « represente » dans seance.membres")
    convocation = root["convocation"]
    envois = convocation.get("envois")
    if "date_envoi" not in convocation and isinstance(envois, list) and envois and all(
            isinstance(e.get("date_envoi"), dt.date) for e in envois):
        _set_derived(convocation, "date_envoi", max(e["date_envoi"] for e in envois),
                     "envoi le plus tardif dans convocation.envois")
    by_roll = _presence_by_deliberation(root) if listed else None
    roll_moves = isinstance(membres, list) and any(
        isinstance(m, dict) and ("arrivee_avant" in m or "depart_avant" in m) for m in membres)
    for index, deliberation in enumerate(root["deliberations"]):
        if by_roll is not None and "presents" not in deliberation and by_roll[index] is not None:
            _set_derived(deliberation, "presents", by_roll[index],
                         "seance.membres : présents à l'ouverture, arrivées et départs jusqu'à ce point")
        moved = bool(deliberation.get("arrivees")) or bool(deliberation.get("departs"))
        for key in ("presents", "representes", "votants"):
            if key in deliberation or key not in seance:
                continue
            if roll_moves and by_roll is None and not moved:
                # The roll records arrivals or departures but not every member's presence: the
                # opening count is not that of every item (found by the property on removed facts:
                # one presence taken out turned a lost quorum into a quorum held).
                continue
            if by_roll is not None and key != "presents" and any(
                    "arrivee_avant" in m or "depart_avant" in m for m in membres):
                continue
            if not moved and (by_roll is None or key != "presents"):
                _set_derived(deliberation, key, seance[key], f"repris de seance.{key} (aucune arrivée ni départ)")
            elif key == "presents" and moved and isinstance(seance[key], int):
                count = seance[key] + len(deliberation.get("arrivees", ())) - len(deliberation.get("departs", ()))
                _set_derived(deliberation, key, count,
                             "seance.presents + arrivées − départs survenus depuis l'ouverture")


def _presence_by_deliberation(root: Node) -> list | None:
    """Members present at each deliberation, from the roll's `arrivee_avant` / `depart_avant`.

    None when nobody arrived or left (the meeting's count applies), and None for a deliberation
    that a named arrival or departure cannot be placed against (its number is not in the record).
    """
    membres = root["seance"]["membres"]
    if not any("arrivee_avant" in m or "depart_avant" in m for m in membres):
        return None
    deliberations = root["deliberations"]
    position = {d.get("numero"): i for i, d in enumerate(deliberations) if isinstance(d.get("numero"), str)}
    counts: list = []
    for index, deliberation in enumerate(deliberations):
        if any(deliberation.get(k) for k in ("arrivees", "departs")):
            counts.append(None)
            continue
        count = 0
        for membre in membres:
            arrival = membre.get("arrivee_avant")
            departure = membre.get("depart_avant")
            if (arrival is not None and arrival not in position) or (departure is not None and departure not in position):
                count = None
                break
            here = membre["presence"] == "present" or arrival is not None
            if arrival is not None and position[arrival] > index:
                here = False
            if departure is not None and position[departure] <= index:
                here = False
            count += here
        counts.append(count)
    return counts


CURRENT_FIGURES = ("municipale", "totale")


def _frozen_population(root: Node) -> None:
    """Council rules use the population municipale of the last general renewal (cgct.md §0.2).

    A record that gives another figure (the current population municipale or totale) keeps it as
    `population_courante`; the council figure is then unknown rather than guessed from it.
    """
    collectivite = root["collectivite"]
    if collectivite.get("population_type") in CURRENT_FIGURES and "population" in collectivite:
        collectivite["population_courante"] = collectivite.pop("population")
        source = collectivite.sources.pop("population", None)
        if source is not None:
            collectivite.sources["population_courante"] = source


ALSACE_MOSELLE_DEPARTEMENTS = ("57", "67", "68")


def _derive_alsace_moselle(root: Node) -> None:
    """Moselle, Bas-Rhin and Haut-Rhin follow local law (L2541-1): read it off the département."""
    collectivite = root["collectivite"]
    if "alsace_moselle" in collectivite:
        return
    departement = collectivite.get("departement")
    how = "département"
    if not isinstance(departement, str) and isinstance(collectivite.get("code_insee"), str):
        departement, how = collectivite["code_insee"][:2], "code INSEE"
    if not isinstance(departement, str):
        for deliberation in root["deliberations"]:
            identifier = deliberation.get("transmission", {}).get("identifiant_actes")
            if isinstance(identifier, str):
                departement, how = identifier[:3].lstrip("0"), "identifiant ACTES"
                break
    if isinstance(departement, str):
        departement = departement.lstrip("0") or departement
        _set_derived(collectivite, "alsace_moselle", departement in ALSACE_MOSELLE_DEPARTEMENTS,
                     f"déduit du {how} ({departement})")


def to_plain(value):
    """The record back to plain YAML/JSON data (dates as text, sources dropped)."""
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Asserted):
        return {"affirme": True, "source": value.source} if value.source else {"affirme": True}
    return value


__all__ = ["Record", "build_record", "read_record_file", "parse_record_text", "to_plain", "LineDict", "LineList"]

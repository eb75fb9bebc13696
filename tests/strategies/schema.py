"""Any record the schema accepts, drawn from `checker/schemas/seance.schema.yaml` itself.

The domain strategy (`dossiers`) writes the facts the rules of today read; this one follows the
schema, so that a field added tomorrow is drawn as soon as it is declared, in every combination
the schema allows: facts wrapped with their source or only asserted, fields no rule reads yet,
lists of any shape. Dates are real dates, drawn by `dates_sensibles`, and the meeting date is
never only asserted (the schema allows it, the reader refuses it with an input error).
"""
from __future__ import annotations

import jsonschema
from hypothesis import strategies as st

from strategies.dates import dates_sensibles
from strategies.dossiers import DEFS, SCHEMA

VALIDATEUR = jsonschema.Draft202012Validator(SCHEMA)

SCALAIRES = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**9), st.text(max_size=10),
                      st.floats(allow_nan=False, allow_infinity=False))


def schema_valide(data) -> bool:
    """Whether the record schema accepts `data` (the reference implementation decides)."""
    return VALIDATEUR.is_valid(data)


def _resolve(node: dict) -> dict:
    while "$ref" in node and not node["$ref"].endswith("/date"):
        node = DEFS[node["$ref"].split("/")[-1]]
    return node


def _merge(parts: list[dict]) -> dict:
    merged: dict = {"properties": {}}
    for part in parts:
        part = _resolve(part)
        for key, value in part.items():
            if key == "properties":
                merged["properties"].update(value)
            elif key == "required":
                merged["required"] = sorted(set(merged.get("required", ())) | set(value))
            else:
                merged[key] = value
    return merged


_CACHE: dict = {}


def _strategy(node: dict) -> st.SearchStrategy:
    """The strategy for one schema node, built once (the node is kept alive with it)."""
    key = id(node)
    if key not in _CACHE:
        _CACHE[key] = (node, _build(node))
    return _CACHE[key][1]


def _build(node: dict) -> st.SearchStrategy:
    node = _resolve(node)
    if node.get("$ref", "").endswith("/date"):
        return dates_sensibles().map(lambda d: d.isoformat())
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "oneOf" in node:
        return st.one_of(*(_strategy(branch) for branch in node["oneOf"]))
    if "allOf" in node:
        return _strategy(_merge(node["allOf"]))
    kind = node.get("type")
    if kind == "object":
        return _object(node)
    if kind == "array":
        return st.lists(_strategy(node.get("items", {})), max_size=3)
    if kind == "string":
        if "pattern" in node:
            return st.from_regex(node["pattern"], fullmatch=True)
        return st.text(max_size=20)
    if kind == "integer":
        low, high = node.get("minimum", -10**6), node.get("maximum", 10**6)
        return st.one_of(st.integers(low, min(high, low + 60)), st.integers(low, high))
    if kind == "number":
        return st.floats(node.get("minimum"), node.get("maximum"), allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    return SCALAIRES


def _object(node: dict) -> st.SearchStrategy:
    properties = node.get("properties", {})
    required = list(node.get("required", ()))
    choices = [list(branch.get("required", ())) for branch in node.get("anyOf", ())] or [[]]

    def build(extra):
        needed = sorted(set(required) | set(extra))
        return st.fixed_dictionaries(
            {k: _strategy(properties[k]) for k in needed},
            optional={k: _strategy(v) for k, v in properties.items() if k not in needed})
    drawn = st.sampled_from(choices).flatmap(build)
    # Bounds (`{min, max}`) the wrong way round are refused by the reader, which the schema cannot say.
    return drawn.map(_ordered_bounds) if {"min", "max"} <= properties.keys() else drawn


def _ordered_bounds(value: dict) -> dict:
    if value["min"] > value["max"]:
        value = {**value, "min": value["max"], "max": value["min"]}
    return value


def _fix_meeting_date(record: dict, date: str) -> dict:
    seance = record["seance"]
    if not isinstance(seance["date"], str) and "valeur" not in seance["date"]:
        seance["date"] = date
    return record


def dossiers_du_schema() -> st.SearchStrategy:
    """A record drawn from the schema, with a real meeting date that is not only asserted."""
    return st.builds(_fix_meeting_date, _strategy(SCHEMA), dates_sensibles().map(lambda d: d.isoformat()))

"""The bundled rule files as PyYAML reads them, kept in one JSON file shipped with the package.

The first run after an install has no cache: parsing the 46 rule files with PyYAML was 0.14 s of
CPU, as much as the whole run that follows. `rules_snapshot.json` holds what the strict YAML
loader gives for each bundled file (mappings and lists with the line of each key and item),
under the digest of the file's bytes: a file whose bytes have that digest is taken from it
instead of being parsed. It is still checked against the schema and built like a parsed file;
a file that is not in the snapshot (edited, added, another rule directory) is parsed. The
snapshot is written by `python scripts/rules_snapshot.py`; `tests/test_rules_snapshot.py` fails
when it no longer matches `rules/**`. Nothing is generated at install or at run time.

JSON cannot say which arrays are YAML lists and which objects keep lines: a mapping is written
`["M", line, key, key line, value, …]` and a list `["L", line, [item lines], [items]]`; every
other value (text, number, boolean, null) is itself. Dates stay texts, as the loader keeps them.
"""
from __future__ import annotations

import json
import os

try:
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

from ruleset.yaml_loader import LineDict, LineList

FILENAME = "rules_snapshot.json"
PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), FILENAME)
FORMAT = "delibcheck-rules-snapshot-1"

_entries: dict | None = None


def digest(data: bytes) -> str:
    return blake2b(data, digest_size=20).hexdigest()


def parsed(data: bytes):
    """What the strict YAML loader gives for a rule file of these bytes, or None when the
    snapshot does not hold it."""
    global _entries
    if _entries is None:
        _entries = _read()
    encoded = _entries.get(digest(data))
    return None if encoded is None else decode(encoded)


def _read() -> dict:
    try:
        with open(PATH, "rb") as f:
            content = json.loads(f.read())
    except (OSError, ValueError):
        return {}
    if not isinstance(content, dict) or content.get("format") != FORMAT or not isinstance(content.get("fichiers"), dict):
        return {}
    return {entry["empreinte"]: entry["contenu"] for entry in content["fichiers"].values()
            if isinstance(entry, dict) and "empreinte" in entry and "contenu" in entry}


def encode(value):
    """The JSON form of a value of the strict loader; raises ValueError on anything else (a key
    that is not a text: such a file stays out of the snapshot)."""
    kind = type(value)
    if kind is LineDict:
        out = ["M", value.line]
        for key, item in value.items():
            if type(key) is not str:
                raise ValueError(f"clé non textuelle : {key!r}")
            out += [key, value.lines[key], encode(item)]
        return out
    if kind is LineList:
        return ["L", value.line, list(value.lines), [encode(item) for item in value]]
    if value is None or kind in (str, int, float, bool):
        return value
    raise ValueError(f"valeur imprévue : {kind.__name__}")


def decode(node):
    if type(node) is not list:
        return node
    if node[0] == "M":
        mapping = LineDict()
        mapping.line = node[1]
        lines = mapping.lines
        for index in range(2, len(node), 3):
            key = node[index]
            lines[key] = node[index + 1]
            mapping[key] = decode(node[index + 2])
        return mapping
    items = LineList([decode(item) for item in node[3]])
    items.line = node[1]
    items.lines = node[2]
    return items


def build(directory) -> dict:
    """The snapshot of the rule files under `directory` (every one that parses)."""
    from pathlib import Path

    from ruleset.catalogue import decode as text_of
    from ruleset.catalogue import rule_files
    from ruleset.errors import InputError
    from ruleset.yaml_loader import load_yaml

    base = Path(directory)
    files = {}
    for path in rule_files(base):
        name = path.relative_to(base).as_posix()
        data = path.read_bytes()
        try:
            content = encode(load_yaml(text_of(data, name), name))
        except (InputError, ValueError):
            continue
        files[name] = {"empreinte": digest(data), "contenu": content}
    return {"format": FORMAT, "fichiers": files}


def dumps(snapshot: dict) -> str:
    # One file per line: a change to one rule file changes one line of the diff.
    lines = [json.dumps(name, ensure_ascii=False) + ": " + json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
             for name, entry in sorted(snapshot["fichiers"].items())]
    return ('{"format": ' + json.dumps(snapshot["format"]) + ', "fichiers": {\n' + ",\n".join(lines) + "\n}}\n")

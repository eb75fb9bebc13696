"""A cache of parsed and validated rule files, so that a one-record run starts fast.

Parsing the YAML rule files is most of a cold start. The parsed files are kept, pickled, under
the user's cache directory (`$XDG_CACHE_HOME/delibcheck`, else `~/.cache/delibcheck`), keyed by a
digest of every rule file's name and text and of the code version: any change to a rule file,
or a new delibcheck, misses the cache. Expressions are still compiled at every run from the
parsed text. `DELIBCHECK_CACHE=0` turns the cache off; `DELIBCHECK_CACHE=/path` moves it.
A cache that cannot be read or written is ignored.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

FORMAT = b"delibcheck-rules-cache-1"


def _directory() -> Path | None:
    setting = os.environ.get("DELIBCHECK_CACHE")
    if setting == "0":
        return None
    if setting:
        return Path(setting)
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "delibcheck"


def _digest(sources) -> str:
    from checker.version import VERSION
    digest = hashlib.sha256(FORMAT)
    digest.update(f"{VERSION}|{sys.version_info[:2]}|".encode())
    code = Path(__file__).resolve().parent
    for module in ("yaml_loader.py", "schemas/regle.schema.yaml"):
        digest.update((code / module).read_bytes())
    for _, name, text in sources:
        digest.update(name.encode() + b"\0" + text.encode() + b"\0")
    return digest.hexdigest()


def load(sources):
    directory = _directory()
    if directory is None:
        return None
    try:
        path = directory / f"{_digest(sources)}.pickle"
        with open(path, "rb") as f:
            # The file is ours, written below from data we parsed ourselves, under the user's own
            # cache directory and named by the digest of what it holds.
            return pickle.load(f)  # noqa: S301
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None


def store(sources, parsed) -> None:
    directory = _directory()
    if directory is None:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        target = directory / f"{_digest(sources)}.pickle"
        with tempfile.NamedTemporaryFile(dir=directory, delete=False) as f:
            pickle.dump(parsed, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, target)
    except (OSError, pickle.PicklingError):
        return

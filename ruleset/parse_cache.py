"""A cache of the compiled rule catalogue and of the parsed schemas, so that a one-record run starts fast.

Parsing, validating and compiling the YAML rule files is most of a cold start. What they give is
kept, pickled, under the user's cache directory (`$XDG_CACHE_HOME/delibcheck`, else
`~/.cache/delibcheck`), keyed by a digest of what it was built from: the name and bytes of every
rule file, the source of the `ruleset` package (loader, expressions, helpers, schemas) and the
Python version. Any change to a rule file or to that code misses the cache. `DELIBCHECK_CACHE=0`
turns the cache off; `DELIBCHECK_CACHE=/path` moves it. A cache that cannot be read or written
is ignored: the files are then parsed as if there were none.
"""
from __future__ import annotations

import os
import pickle
import sys
import time

try:
    # Importing hashlib loads OpenSSL, a few milliseconds of every start, for a digest that the
    # BLAKE2 built into Python gives as well (hashlib's own blake2b is this one).
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

FORMAT = b"delibcheck-rules-cache-3"
# Each distinct rule directory (tests write many) leaves entries behind: keep the newest ones only.
MAX_ENTRIES = 64
TEMPORARY = ".tmp-"

_CODE_ROOT = os.path.dirname(os.path.abspath(__file__))
_code_digest: bytes | None = None


def directory() -> str | None:
    setting = os.environ.get("DELIBCHECK_CACHE")
    if setting == "0":
        return None
    if setting:
        return setting
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "delibcheck")


def _code() -> bytes:
    """Digest of the code whose output is cached: every source and schema file of `ruleset`."""
    global _code_digest
    if _code_digest is None:
        digest = blake2b(FORMAT, digest_size=32)
        digest.update(f"{sys.implementation.cache_tag}|{sys.version_info[:3]}|".encode())
        stack = [_CODE_ROOT]
        found = []
        while stack:
            folder = stack.pop()
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir() and entry.name != "__pycache__":
                        stack.append(entry.path)
                    elif entry.name.endswith((".py", ".yaml")):
                        found.append(entry.path)
        for path in sorted(found):
            with open(path, "rb") as f:
                digest.update(os.path.relpath(path, _CODE_ROOT).encode() + b"\0" + f.read() + b"\0")
        _code_digest = digest.digest()
    return _code_digest


def key(kind: str, parts) -> str:
    """The name of the entry for `kind` built from `parts` (pairs of name and bytes) by this code."""
    digest = blake2b(_code(), digest_size=32)
    digest.update(kind.encode() + b"\0")
    for name, data in parts:
        digest.update(name.encode() + b"\0" + data + b"\0")
    return f"{digest.hexdigest()}.{kind}.pickle"


def load(name: str):
    """The value stored under `name`, or None."""
    folder = directory()
    if folder is None:
        return None
    try:
        with open(os.path.join(folder, name), "rb") as f:
            # The file is ours, written below from data we built ourselves, under the user's own
            # cache directory and named by the digest of what it was built from.
            return pickle.load(f)  # noqa: S301
    except Exception:
        # Missing, truncated, or written by other code: whatever it is, the value is rebuilt.
        return None


def store(name: str, value, pickler=pickle.Pickler) -> None:
    """Write `value` under `name` with `pickler`, atomically; any failure leaves the cache as it was."""
    folder = directory()
    if folder is None:
        return
    import tempfile  # only a miss writes: a hit does without it

    temporary = None
    try:
        os.makedirs(folder, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=TEMPORARY, delete=False) as f:
            temporary = f.name
            pickler(f, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        os.replace(temporary, os.path.join(folder, name))
        temporary = None
        _prune(folder)
    except Exception:
        # A value that cannot be pickled or a cache that cannot be written only costs speed.
        return
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _prune(folder: str) -> None:
    entries = []
    stale = time.time() - 3600
    with os.scandir(folder) as found:
        for entry in found:
            try:
                if entry.name.endswith(".pickle"):
                    entries.append((entry.stat().st_mtime, entry.path))
                elif entry.name.startswith(TEMPORARY) and entry.stat().st_mtime < stale:
                    # Left by a run that was killed while writing.
                    os.unlink(entry.path)
            except OSError:
                continue
    entries.sort(reverse=True)
    for _, path in entries[MAX_ENTRIES:]:
        try:
            os.unlink(path)
        except OSError:
            continue

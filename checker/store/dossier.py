"""A record as the store keeps it: the facts as read, each with its source, and back.

What is kept is what the input gave — facts with their source and confidence as
`{valeur, source, confiance}`, asserted facts as `{affirme, source}` — and not what the checker
derived or joined (sources « calculé : … », « rapproché : … », without a confidence): those are
derived and joined again when the record is read back, against the store of that day. Reading a
kept record back gives the same findings as the original (a test holds it over the examples and
the corpus).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import zlib
from functools import lru_cache
from pathlib import Path

import orjson

from ruleset.values import Asserted, Interval, Node

DERIVED = ("calculé : ", "rapproché : ")


def to_stored(value):
    """The record as read, from its normalised form (see the module's docstring)."""
    out = _stored(value)
    collectivite = out.get("collectivite") if isinstance(out, dict) else None
    if isinstance(collectivite, dict) and "population_courante" in collectivite and "population" not in collectivite:
        # Normalising renames a current population figure (`checker.record._frozen_population`):
        # the input gave it as `population`.
        collectivite["population"] = collectivite.pop("population_courante")
    return out


def _stored(value):
    if isinstance(value, Node):
        sources = value._sources or {}
        out = {}
        for key, child in value.items():
            source = sources.get(key)
            if (source is not None and isinstance(source[0], str) and source[0].startswith(DERIVED)
                    and source[1] is None):
                # Derived by the checker (no confidence of its own): derived again on reading back. A
                # fact the reader computed from the text (« calculé : votants = pour + abstentions »,
                # with the confidence of what it was computed from) is part of what the input gave.
                continue
            stored = _stored(child)
            if type(child) is Interval:
                # A number known between bounds (`{min, max}` in the input), with its source.
                stored = {"min": child.lo, "max": child.hi}
                if source is not None and source[0] is not None:
                    stored["source"] = source[0]
                if source is not None and source[1] is not None:
                    stored["confiance"] = source[1]
            elif source is not None and not isinstance(child, (dict, list, Asserted)):
                wrapped = {"valeur": stored}
                if source[0] is not None:
                    wrapped["source"] = source[0]
                if source[1] is not None:
                    wrapped["confiance"] = source[1]
                stored = wrapped
            out[key] = stored
        return out
    if isinstance(value, dict):
        return {k: _stored(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stored(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Asserted):
        return {"affirme": True, "source": value.source} if value.source else {"affirme": True}
    return value


def dumps(data) -> bytes:
    """Canonical JSON: keys sorted; integers beyond 64 bits (a record may hold them) through the
    standard library."""
    try:
        return orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)
    except TypeError:
        import json
        return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")


# Level 3: a record's findings (some 25 kB of JSON) shrink to a fifth in a third of a
# millisecond; level 6 gains a tenth more for twice the time.
LEVEL = 3
_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def dictionaries() -> dict[int, bytes]:
    """The preset dictionaries by their zlib checksum (DICTID): strings that recur in every act
    (see bench/store_dictionnaire.py), so that one act's findings take some 2 kB instead of 5.
    A dictionary never changes once a store may hold data packed with it; the newest packs."""
    found = {}
    for path in sorted(_HERE.glob("dictionnaire-*.txt")):
        data = path.read_bytes()
        found[zlib.adler32(data)] = data
    return found


def _newest() -> bytes | None:
    paths = sorted(_HERE.glob("dictionnaire-*.txt"), key=lambda p: int(p.stem.split("-")[1]))
    return dictionaries()[zlib.adler32(paths[-1].read_bytes())] if paths else None


def pack_bytes(raw: bytes) -> bytes:
    zdict = _newest()
    if zdict is None:
        return zlib.compress(raw, LEVEL)
    compressor = zlib.compressobj(LEVEL, zdict=zdict)
    return compressor.compress(raw) + compressor.flush()


def pack(data) -> bytes:
    return pack_bytes(dumps(data))


def unpack(blob: bytes):
    # A zlib stream says in its header whether a preset dictionary was used (FDICT) and which
    # (DICTID, its Adler-32): blobs packed before or without one read as they are.
    if len(blob) >= 6 and blob[1] & 0x20:
        zdict = dictionaries().get(int.from_bytes(blob[2:6], "big"))
        if zdict is None:
            raise ValueError("donnée compressée avec un dictionnaire inconnu de cette version de delibcheck")
        decompressor = zlib.decompressobj(zdict=zdict)
        raw = decompressor.decompress(blob) + decompressor.flush()
    else:
        raw = zlib.decompress(blob)
    # The standard library, not orjson: orjson reads an integer beyond 64 bits as a float.
    import json
    return json.loads(raw)


def fingerprint(*parts) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(dumps(part))
        digest.update(b"\x00")
    return digest.hexdigest()

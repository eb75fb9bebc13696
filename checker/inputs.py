"""Where records come from: files and directories given on the command line, or standard input.

Each input yields either a record or the error that kept it from being one, so that a batch
loses nothing: a broken file is a result of its own, with its file, line and reason.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from checker.record import MAX_BYTES, Record, build_record, parse_record_text, read_record_file
from ruleset.errors import InputError

RECORD_SUFFIXES = (".yaml", ".yml", ".json")
DOCUMENT_SUFFIXES = (".txt", ".pdf")
SUPPORTED = RECORD_SUFFIXES + DOCUMENT_SUFFIXES


@dataclass
class Item:
    """One input: a record, or the error met while reading it."""

    fichier: str
    record: Record | None = None
    error: InputError | None = None


def expand(paths: list[str]) -> Iterator[str]:
    """Files in the order given; a directory gives its supported files, sorted, recursively."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
            yield from (str(p) for p in found)
        else:
            yield raw


def read_document(path: Path, fichier: str) -> Record:
    """A text or PDF extract, read into a record by the document reader."""
    try:
        from checker import reader
    except ImportError:
        raise InputError("la lecture des documents texte et PDF n'est pas disponible dans cette installation",
                         fichier=fichier)
    return build_record(reader.read_file(path), fichier)


def read_one(raw: str) -> Item:
    try:
        if raw == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise InputError("entrée standard trop volumineuse", fichier="-")
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise InputError("l'entrée standard n'est pas encodée en UTF-8", fichier="-")
            fmt = "json" if text.lstrip().startswith(("{", "[")) else "yaml"
            return Item("-", build_record(parse_record_text(text, "-", fmt), "-"))
        path = Path(raw)
        if not path.exists():
            raise InputError("fichier introuvable", fichier=raw)
        suffix = path.suffix.lower()
        if suffix in RECORD_SUFFIXES:
            return Item(raw, read_record_file(path, raw))
        if suffix in DOCUMENT_SUFFIXES:
            return Item(raw, read_document(path, raw))
        raise InputError(f"type de fichier non pris en charge « {suffix or '(sans extension)'} » ; "
                         f"admis : {', '.join(SUPPORTED)}", fichier=raw)
    except InputError as exc:
        if exc.fichier is None:
            exc.fichier = raw
        return Item(raw, error=exc)
    except RecursionError:
        return Item(raw, error=InputError("document trop profondément imbriqué", fichier=raw))


def read_inputs(paths: list[str]) -> Iterator[Item]:
    for raw in expand(paths):
        yield read_one(raw)

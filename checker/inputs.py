"""Where records come from: files, directories, JSON Lines, SCDL CSV and standard input.

Inputs are read lazily as *sources* — a file to open, a line of JSON Lines, a row of CSV — so that
a batch of a million records never holds them all; each source is then turned into a record or
into the error that kept it from being one, so a batch loses nothing: a broken line is a result
of its own, with its file, line and reason.
"""
from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from checker.record import MAX_BYTES, Record, build_record, parse_json, parse_record_text, read_record_file
from ruleset.errors import InputError

RECORD_SUFFIXES = (".yaml", ".yml", ".json")
LINES_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)
DOCUMENT_SUFFIXES = (".txt", ".pdf")
SUPPORTED = RECORD_SUFFIXES + LINES_SUFFIXES + CSV_SUFFIXES + DOCUMENT_SUFFIXES
STDIN_FORMATS = ("auto", "yaml", "json", "jsonl", "scdl")
MAX_LINE = 5 * 1024 * 1024


@dataclass
class Source:
    """One unit of input, cheap to send to a worker process."""

    fichier: str
    kind: str
    payload: object = None
    line: int | None = None


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


def _lines(stream: io.TextIOBase, name: str, start: int = 1) -> Iterator[Source]:
    for number, line in enumerate(stream, start=start):
        if not line.strip():
            continue
        if len(line) > MAX_LINE:
            yield Source(f"{name}:{number}", "error", InputError("ligne trop longue", fichier=name, ligne=number))
            continue
        yield Source(f"{name}:{number}", "json_text", line, number)


def _csv_rows(stream: io.TextIOBase, name: str) -> Iterator[Source]:
    import csv

    from checker.scdl import check_header
    reader = csv.DictReader(stream)
    try:
        header = reader.fieldnames
    except (csv.Error, UnicodeDecodeError) as exc:
        yield Source(name, "error", InputError(f"CSV illisible : {exc}", fichier=name, ligne=1))
        return
    problem = check_header(header)
    if problem:
        yield Source(name, "error", InputError(problem, fichier=name, ligne=1))
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeDecodeError) as exc:
            yield Source(f"{name}:{reader.line_num}", "error",
                         InputError(f"CSV illisible : {exc}", fichier=name, ligne=reader.line_num))
            return
        yield Source(f"{name}:{reader.line_num}", "scdl_row", row, reader.line_num)


def _stdin_sources(fmt: str) -> Iterator[Source]:
    stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="strict", newline="")
    try:
        if fmt == "scdl":
            yield from _csv_rows(stream, "-")
            return
        if fmt == "jsonl":
            yield from _lines(stream, "-")
            return
        first = stream.readline(MAX_LINE)
        if fmt == "auto" and first.lstrip().startswith("{"):
            try:
                parse_json(first, "-")
                single_line_object = True
            except InputError:
                single_line_object = False
            if single_line_object:
                yield Source("-:1", "json_text", first, 1)
                yield from _lines(stream, "-", start=2)
                return
        rest = stream.read(MAX_BYTES + 1)
        text = first + rest
        if len(text) > MAX_BYTES:
            yield Source("-", "error", InputError("entrée standard trop volumineuse", fichier="-"))
            return
        if fmt == "auto":
            fmt = "json" if text.lstrip().startswith(("{", "[")) else "yaml"
        yield Source("-", f"{fmt}_text", text)
    except UnicodeDecodeError:
        yield Source("-", "error", InputError("l'entrée standard n'est pas encodée en UTF-8", fichier="-"))


def _file_sources(raw: str) -> Iterator[Source]:
    path = Path(raw)
    suffix = path.suffix.lower()
    if suffix not in LINES_SUFFIXES + CSV_SUFFIXES:
        yield Source(raw, "file", raw)
        return
    try:
        with open(path, encoding="utf-8", newline="") as stream:
            yield from (_lines(stream, raw) if suffix in LINES_SUFFIXES else _csv_rows(stream, raw))
    except UnicodeDecodeError:
        yield Source(raw, "error", InputError("le fichier n'est pas encodé en UTF-8", fichier=raw))
    except OSError as exc:
        yield Source(raw, "error", InputError(f"lecture impossible ({exc.strerror or exc})", fichier=raw))


def iter_sources(paths: list[str], stdin_format: str = "auto") -> Iterator[Source]:
    for raw in expand(paths):
        if raw == "-":
            yield from _stdin_sources(stdin_format)
        else:
            yield from _file_sources(raw)


def read_document(path: Path, fichier: str) -> Record:
    """A text or PDF extract, read into a record by the document reader."""
    try:
        from checker import reader
    except ImportError:
        raise InputError("la lecture des documents texte et PDF n'est pas disponible dans cette installation",
                         fichier=fichier)
    return build_record(reader.read_file(path), fichier)


def _read_file(raw: str) -> Record:
    path = Path(raw)
    if not path.exists():
        raise InputError("fichier introuvable", fichier=raw)
    if path.is_dir():
        raise InputError("dossier sans fichier lisible", fichier=raw)
    suffix = path.suffix.lower()
    if suffix in RECORD_SUFFIXES:
        return read_record_file(path, raw)
    if suffix in DOCUMENT_SUFFIXES:
        return read_document(path, raw)
    raise InputError(f"type de fichier non pris en charge « {suffix or '(sans extension)'} » ; "
                     f"admis : {', '.join(SUPPORTED)}", fichier=raw)


def load_source(source: Source, index: int | None = None) -> Item:
    """Turn one source into a record, or into the error that names its file and line."""
    try:
        if source.kind == "error":
            raise source.payload
        if source.kind == "file":
            record = _read_file(source.payload)
        elif source.kind == "scdl_row":
            from checker.scdl import row_to_record
            record = build_record(row_to_record(source.payload, source.fichier, source.line), source.fichier)
        else:
            fmt = "json" if source.kind == "json_text" else "yaml"
            record = build_record(parse_record_text(source.payload, source.fichier, fmt), source.fichier)
        record.index = index
        return Item(source.fichier, record)
    except InputError as exc:
        if source.line is not None:
            exc.fichier = source.fichier.rsplit(":", 1)[0]
            exc.ligne = source.line
        elif exc.fichier is None:
            exc.fichier = source.fichier
        return Item(source.fichier, error=exc)
    except RecursionError:
        return Item(source.fichier, error=InputError("document trop profondément imbriqué", fichier=source.fichier))

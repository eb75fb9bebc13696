"""Where records come from: files, directories, JSON Lines, SCDL CSV and standard input.

Inputs are read lazily as *sources* — a file to open, a line of JSON Lines, a row of CSV — so that
a batch of a million records never holds them all; each source is then turned into a record or
into the error that kept it from being one, so a batch loses nothing: a broken line is a result
of its own, with its file, line and reason.

Lines are bytes split on `\\n` only and decoded one by one: a carriage return is JSON whitespace
and may stand inside a record, and one byte that is not UTF-8 spoils its own line, not the file.
"""
from __future__ import annotations

import fnmatch
import io
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from checker.record import MAX_BYTES, Record, build_record, parse_json, parse_record_text, read_record_file
from ruleset.errors import InputError
from ruleset.traduction import cite, os_message

RECORD_SUFFIXES = (".yaml", ".yml", ".json")
LINES_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)
DOCUMENT_SUFFIXES = (".txt", ".pdf")
SUPPORTED = RECORD_SUFFIXES + LINES_SUFFIXES + CSV_SUFFIXES + DOCUMENT_SUFFIXES
STDIN_FORMATS = ("auto", "yaml", "json", "jsonl", "scdl", "texte")
MAX_LINE = 5 * 1024 * 1024
BOM = b"\xef\xbb\xbf"
# What standard input shows before its format is decided: enough lines to see past a broken one.
_PEEK_BYTES = 256 * 1024
_PEEK_LINES = 200


@dataclass
class Source:
    """One unit of input, cheap to send to a worker process. `fichier` is what reports show
    (`flux.jsonl:4` for a line); `chemin` the file alone and `line` the line, when there is one."""

    fichier: str
    kind: str
    payload: object = None
    line: int | None = None

    @property
    def chemin(self) -> str:
        return self.fichier.rsplit(":", 1)[0] if self.line is not None else self.fichier


@dataclass
class Item:
    """One input: a record, or the error met while reading it."""

    fichier: str
    record: Record | None = None
    error: InputError | None = None
    line: int | None = None


@dataclass
class Selection:
    """Which files a directory walk reads: `exclude` globs (matched against the name and the path)
    and, with `sans_etiquettes`, no `X.json` lying beside a document `X.txt` or `X.pdf` (the
    labels of a corpus, not records)."""

    exclude: tuple = ()
    sans_etiquettes: bool = False
    notify: Callable[[str], None] = field(default=lambda message: None)

    def excluded(self, path: str) -> bool:
        posix = path.replace(os.sep, "/")
        name = posix.rsplit("/", 1)[-1]
        return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(posix, g) or fnmatch.fnmatch(posix, f"*/{g}")
                   for g in self.exclude)


def _is_label(path: str, names: set) -> bool:
    stem, suffix = os.path.splitext(os.path.basename(path))
    return suffix.lower() == ".json" and bool({stem + ".txt", stem + ".pdf", stem + ".TXT", stem + ".PDF"} & names)


def _walk(root: str, selection: Selection) -> Iterator[Source | str]:
    """The supported files under `root`, sorted; an unreadable folder is an error of its own."""
    found: list = []
    problems: list = []

    def failed(exc: OSError):
        problems.append((exc.filename or root, exc))

    for folder, dirs, files in os.walk(root, onerror=failed):
        dirs[:] = [d for d in dirs if not selection.excluded(os.path.join(folder, d))]
        names = set(files)
        for name in files:
            path = os.path.join(folder, name)
            if os.path.splitext(name)[1].lower() not in SUPPORTED or selection.excluded(path):
                continue
            if selection.sans_etiquettes and _is_label(path, names):
                continue
            found.append(path)
    entries = [(Path(p).parts, p) for p in found]
    entries += [(Path(p).parts, (p, exc)) for p, exc in problems]
    if not found and not problems:
        yield Source(root, "error", InputError(
            f"aucun fichier pris en charge dans ce dossier (admis : {', '.join(SUPPORTED)})", fichier=root))
        return
    for _, entry in sorted(entries, key=lambda e: e[0]):
        if isinstance(entry, tuple):
            path, exc = entry
            yield Source(path, "error", InputError(f"dossier illisible ({os_message(exc)}) : son contenu n'est "
                                                   "pas contrôlé", fichier=path))
        else:
            yield entry


def expand(paths: list[str], selection: Selection | None = None) -> Iterator[str | Source]:
    """Files in the order given; a directory gives its supported files, sorted, recursively."""
    selection = selection or Selection()
    for raw in paths:
        if raw != "-" and os.path.isdir(raw):
            yield from _walk(raw, selection)
        else:
            yield raw


def _readline(stream: BinaryIO) -> tuple[bytes, bool]:
    """One line of at most MAX_LINE bytes; a longer one is skipped to its end and flagged."""
    raw = stream.readline(MAX_LINE + 1)
    if len(raw) <= MAX_LINE or raw.endswith(b"\n"):
        return raw, False
    while True:
        more = stream.readline(1 << 20)
        if not more or more.endswith(b"\n"):
            return raw[:1], True


def _decode_line(raw: bytes, name: str, number: int) -> Source | str:
    if raw.startswith(BOM):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Source(f"{name}:{number}", "error", InputError(
            f"ligne non encodée en UTF-8 (octet 0x{raw[exc.start]:02x} à la colonne {exc.start + 1}) ; "
            "les autres lignes sont lues", fichier=name, ligne=number), number)


def binary_lines(stream: BinaryIO, name: str, start: int = 1) -> Iterator[Source]:
    """JSON Lines: each line its own source, its own error when it cannot be one."""
    number = start - 1
    while True:
        raw, too_long = _readline(stream)
        if not raw:
            return
        number += 1
        if too_long:
            yield Source(f"{name}:{number}", "error", InputError(
                f"ligne trop longue (plus de {MAX_LINE // (1024 * 1024)} Mo)", fichier=name, ligne=number), number)
            continue
        text = _decode_line(raw, name, number)
        if isinstance(text, Source):
            yield text
        elif text.strip(" \t\r\n"):
            yield Source(f"{name}:{number}", "json_text", text, number)


class Replay(io.RawIOBase):
    """A binary stream whose first bytes were already read (to decide its format): gives them again."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head = io.BytesIO(head)
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readline(self, limit: int = -1) -> bytes:
        line = self.head.readline(limit)
        if line.endswith(b"\n") or (0 <= limit <= len(line)):
            return line
        return line + self.rest.readline(-1 if limit < 0 else limit - len(line))

    def read(self, size: int = -1) -> bytes:
        data = self.head.read(size)
        if size < 0:
            return data + self.rest.read()
        if len(data) < size:
            data += self.rest.read(size - len(data))
        return data

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _json_object_line(line: str) -> bool:
    stripped = line.strip()
    if not (stripped.startswith("{") and stripped.endswith("}")):
        return False
    try:
        parse_json(stripped, "-")
    except InputError:
        return False
    return True


def _yaml_like(lines: list[str]) -> bool:
    """Mostly `clé: valeur` lines, list items or comments: a YAML record, even a broken one."""
    import re
    pattern = re.compile(r"^\s*(#|-\s|-$|[\w\"'.-]+\s*:(\s|$))")
    return sum(1 for line in lines if pattern.match(line)) * 2 >= len(lines)


def _guess(text: str, complete: bool) -> str:
    """The format of standard input, from its text (`complete`: the whole of it)."""
    lines = [line for line in text.split("\n") if line.strip()]
    first = lines[0].lstrip() if lines else ""
    if "COLL_NOM" in first and ("," in first or ";" in first or "\t" in first):
        return "scdl"
    objects = sum(1 for line in lines if _json_object_line(line))
    if not complete:
        return "jsonl" if objects and objects * 2 >= len(lines) else "document"
    if first.startswith(("{", "[")):
        try:
            parse_json(text, "-")
            return "json"
        except InputError:
            pass
    if objects:
        return "jsonl"
    if first.startswith(("{", "[")) or _yaml_like(lines):
        return "json" if first.startswith(("{", "[")) else "yaml"
    return "texte"


def _peek(stream: BinaryIO) -> tuple[bytes, bool]:
    """The first lines of the stream (whole lines, within limits) and whether it ended there."""
    chunks, size = [], 0
    for _ in range(_PEEK_LINES):
        line = stream.readline(MAX_LINE + 1)
        if not line:
            return b"".join(chunks), True
        chunks.append(line)
        size += len(line)
        if size >= _PEEK_BYTES:
            break
    return b"".join(chunks), False


def _document(stream: BinaryIO, fmt: str) -> Source:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return Source("-", "error", InputError(
            f"entrée standard trop volumineuse (plus de {MAX_BYTES // (1024 * 1024)} Mo pour un document)", fichier="-"))
    if fmt == "texte" and data.startswith(b"%PDF-"):
        return Source("-", "pdf_bytes", data)
    if fmt == "texte":
        from checker.csv_input import decode_text
        text, _ = decode_text(data)
        return Source("-", "texte_text", text)
    if data.startswith(BOM):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Source("-", "error", InputError(
            f"l'entrée standard n'est pas encodée en UTF-8 (octet 0x{data[exc.start]:02x} à la position "
            f"{exc.start + 1})", fichier="-"))
    if fmt == "auto":
        fmt = _guess(text, True)
        if fmt == "jsonl":
            return Source("-", "lines", text)
    if not text.strip():
        return Source("-", "error", InputError("entrée standard vide : aucun dossier à contrôler", fichier="-"))
    return Source("-", f"{fmt}_text", text)


def _stdin_sources(fmt: str, selection: Selection) -> Iterator[Source]:
    stream = sys.stdin.buffer
    if fmt == "jsonl":
        yield from binary_lines(stream, "-")
        return
    if fmt == "scdl":
        from checker.csv_input import csv_sources
        yield from csv_sources(stream, "-", selection.notify)
        return
    if fmt != "auto":
        yield _document(stream, fmt)
        return
    head, ended = _peek(stream)
    if head.startswith(b"%PDF-"):
        yield _document(Replay(head, stream), "texte")
        return
    text = (head[3:] if head.startswith(BOM) else head).decode("utf-8", errors="replace")
    guess = _guess(text, ended)
    if guess == "scdl":
        selection.notify("entrée standard lue comme un CSV SCDL « Délibérations » (en-tête COLL_NOM…)")
        from checker.csv_input import csv_sources
        yield from csv_sources(Replay(head, stream), "-", selection.notify)
        return
    if guess == "jsonl":
        yield from binary_lines(Replay(head, stream), "-")
        return
    source = _document(Replay(head, stream), guess if ended else "auto")
    if source.kind == "lines":
        yield from binary_lines(io.BytesIO(source.payload.encode("utf-8")), "-")
        return
    if source.kind == "texte_text":
        selection.notify("entrée standard lue comme un texte de délibération (--entree pour choisir le format)")
    yield source


def _file_sources(raw: str, selection: Selection) -> Iterator[Source]:
    suffix = os.path.splitext(raw)[1].lower()
    if suffix not in LINES_SUFFIXES + CSV_SUFFIXES:
        yield Source(raw, "file", raw)
        return
    try:
        with open(raw, "rb") as stream:
            if suffix in LINES_SUFFIXES:
                yield from binary_lines(stream, raw)
            else:
                from checker.csv_input import csv_sources
                yield from csv_sources(stream, raw, selection.notify)
    except OSError as exc:
        yield Source(raw, "error", InputError(f"lecture impossible ({os_message(exc)})", fichier=raw))


def iter_sources(paths: list[str], stdin_format: str = "auto", selection: Selection | None = None) -> Iterator[Source]:
    selection = selection or Selection()
    for entry in expand(paths, selection):
        if isinstance(entry, Source):
            yield entry
        elif entry == "-":
            yield from _stdin_sources(stdin_format, selection)
        else:
            yield from _file_sources(entry, selection)


def read_document(path: Path, fichier: str) -> Record:
    """A text or PDF extract, read into a record by the document reader."""
    return build_record(_reader().read_file(path), fichier)


def _reader():
    try:
        from checker import reader
    except ImportError:
        raise InputError("la lecture des documents texte et PDF n'est pas disponible dans cette installation")
    return reader


def _read_file(raw: str, contexte: dict | None = None, origine: str = "configuration [contexte]") -> Record:
    path = Path(raw)
    if not path.exists():
        raise InputError("fichier introuvable", fichier=raw)
    if path.is_dir():
        raise InputError("dossier sans fichier lisible", fichier=raw)
    suffix = path.suffix.lower()
    if suffix in RECORD_SUFFIXES:
        return read_record_file(path, raw, prepare=lambda data: _with_context(data, contexte, origine))
    if suffix in DOCUMENT_SUFFIXES:
        return build_record(_with_context(_reader().read_file(path), contexte, origine), raw)
    raise InputError(f"type de fichier non pris en charge « {cite(suffix or '(sans extension)')} » ; "
                     f"admis : {', '.join(SUPPORTED)}", fichier=raw)


def _with_context(data, contexte: dict | None, origine: str = "configuration [contexte]"):
    """The body's facts from the configuration (`[contexte]`) under the record's own: what the
    record says wins, and every fact taken from the configuration says so in its source."""
    if not contexte or not isinstance(data, dict):
        return data
    from checker.config import apply_context
    return apply_context(data, contexte, origine)


def load_source(source: Source, index: int | None = None, contexte: dict | None = None,
                origine: str = "configuration [contexte]") -> Item:
    """Turn one source into a record, or into the error that names its file and line."""
    try:
        if source.kind == "error":
            raise source.payload
        if source.kind == "file":
            record = _read_file(source.payload, contexte, origine)
        elif source.kind == "scdl_row":
            from checker.scdl import row_to_record
            data = row_to_record(source.payload, source.fichier, source.line)
            record = build_record(_with_context(data, contexte, origine), source.fichier)
        elif source.kind == "texte_text":
            record = build_record(_with_context(_reader().read_text(source.payload, "-"), contexte, origine), source.fichier)
        elif source.kind == "pdf_bytes":
            from checker.reader.pdf import pdf_text
            reader = _reader()
            record = build_record(_with_context(reader.read_text(pdf_text(source.payload, "-"), "-"), contexte, origine),
                                  source.fichier)
        elif source.kind == "json_text":
            # A line of a batch: orjson reads it where it can (`parse_json`).
            data = parse_json(source.payload, source.fichier, fast=True)
            record = build_record(_with_context(data, contexte, origine), source.fichier)
        else:
            data = parse_record_text(source.payload, source.fichier, "yaml")
            record = build_record(_with_context(data, contexte, origine), source.fichier)
        record.index = index
        return Item(source.fichier, record, line=source.line)
    except InputError as exc:
        if source.line is not None:
            exc.fichier = source.chemin
            exc.ligne = source.line
        elif exc.fichier is None:
            exc.fichier = source.fichier
        # Kept until the chunk is written: without its traceback, whose frames hold the parsed
        # data, the chunk and the record being built (and form cycles the collector must find).
        exc.__traceback__ = None
        exc.__context__ = exc.__cause__ = None
        return Item(source.fichier, error=exc, line=source.line)
    except RecursionError:
        return Item(source.fichier, error=InputError("document trop profondément imbriqué", fichier=source.chemin,
                                                     ligne=source.line), line=source.line)


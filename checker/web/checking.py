"""Checking what was received: the same reading, rules and reports as `delibcheck check`.

Each stored file becomes one or more *items* (a record, or the error that kept it from being one)
through the functions the command line uses — `checker.inputs` for JSON Lines and SCDL CSV,
`checker.record` for YAML and JSON records, `checker.reader` (in its cage, `isolation`) for text
and PDF documents — then the records of a chunk are joined and checked by the engine, and the
reports are written by the writers of `checker.reports`, framed as `checker.batch` frames them. A
web check and a command-line check of the same file give the same findings, statuses and JSON.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator, TextIO

from checker.batch import Outcome, Totals
from checker.engine_cache import engine_for
from checker.inputs import Item, iter_sources, load_source
from checker.joins import apply_joins
from checker.record import build_record, parse_record_text
from checker.reports import writer_for
from checker.results import SCHEMA_VERSION, Result
from checker.web import isolation
from checker.web.config import Settings
from checker.web.uploads import Piece, suffix_of
from ruleset.errors import InputError

CHUNK = 100


class DocumentIllisible(InputError):
    """A text or PDF document the reader could not read (HTTP 422, where a bad record is 400)."""


@dataclass(frozen=True)
class Options:
    tout: bool = False
    avant_vote: bool = False


def _rename(error: InputError | None, stored: str, shown: str) -> None:
    if error is not None and error.fichier is not None and error.fichier.startswith(stored):
        error.fichier = shown + error.fichier[len(stored):]


def record_from_text(text: str, name: str, fmt: str):
    """A YAML or JSON record given as text, read as `delibcheck check` reads a file."""
    try:
        return build_record(parse_record_text(text, name, fmt), name)
    except RecursionError:
        raise InputError("document trop profondément imbriqué", fichier=name)


def record_format(name: str, text: str) -> str:
    suffix = suffix_of(name)
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    return "json" if text.lstrip().startswith(("{", "[")) else "yaml"


def _record_item(piece: Piece, settings: Settings) -> Item:
    try:
        text = piece.chemin.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return Item(piece.nom, error=InputError("le fichier n'est pas encodé en UTF-8", fichier=piece.nom))
    try:
        return Item(piece.nom, record_from_text(text, piece.nom, record_format(piece.nom, text)))
    except InputError as exc:
        _rename(exc, str(piece.chemin), piece.nom)
        return Item(piece.nom, error=exc)


def read_document(data: bytes, name: str, settings: Settings):
    """A text or PDF document read by the reader in its cage, then built as a record."""
    try:
        raw = isolation.read_document(data, name, settings)
    except InputError as exc:
        raise DocumentIllisible(exc.message, fichier=name, ligne=exc.ligne, champ=exc.champ)
    try:
        return raw, build_record(raw, name)
    except InputError as exc:
        raise DocumentIllisible(f"l'enregistrement lu n'est pas valide : {exc.message}", fichier=name,
                                champ=exc.champ)


def _document_item(piece: Piece, settings: Settings) -> Item:
    try:
        _, record = read_document(piece.chemin.read_bytes(), piece.nom, settings)
        return Item(piece.nom, record)
    except InputError as exc:
        return Item(piece.nom, error=exc)


def _line_items(piece: Piece) -> Iterator[Item]:
    stored = str(piece.chemin)
    for source in iter_sources([stored]):
        source.fichier = piece.nom + source.fichier[len(stored):] if source.fichier.startswith(stored) else source.fichier
        if source.kind == "error":
            _rename(source.payload, stored, piece.nom)
        item = load_source(source)
        _rename(item.error, stored, piece.nom)
        yield item


def items_of(pieces: Iterable[Piece], settings: Settings) -> Iterator[Item]:
    """One item per record of each piece, in order; a piece that cannot be read is one error item."""
    for piece in pieces:
        if piece.erreur is not None or piece.chemin is None:
            yield Item(piece.nom, error=InputError(piece.erreur or "fichier illisible", fichier=piece.nom))
        elif piece.kind in ("lignes", "scdl"):
            yield from _line_items(piece)
        elif piece.kind == "document":
            yield _document_item(piece, settings)
        else:
            yield _record_item(piece, settings)


def check_items(items: Iterable[Item], options: Options, limit: int | None = None) -> Iterator[Result]:
    """The results, in input order, chunk by chunk as the batch does: records filled from the
    reference data when it is installed, joined within a chunk, checked, annotated.

    Past `limit` items, one last error result says that the rest was not checked."""
    engine = engine_for(None)
    numbered = enumerate(items)
    while True:
        chunk = list(islice(numbered, CHUNK))
        if not chunk:
            return
        if limit is not None and chunk[-1][0] >= limit:
            kept = [(i, item) for i, item in chunk if i < limit]
            over = True
        else:
            kept, over = chunk, False
        records = []
        for index, item in kept:
            if item.record is not None:
                item.record.index = index
                records.append(item.record)
        reference = _reference_data()
        if reference is not None:
            # Before the joins, as the batch does: they read what the reference data fills.
            reference.fill(records, engine)
        try:
            apply_joins(records)
        except Exception:  # noqa: BLE001 - as in the batch: a join that fails leaves each record alone
            pass
        for _, item in kept:
            yield _guarded(item, engine, options, reference)
        if over:
            yield Result("(lot)", error=InputError(f"lot limité à {limit} actes : les suivants n'ont pas été "
                                                   "contrôlés", fichier="(lot)"))
            return


def _guarded(item: Item, engine, options: Options, reference) -> Result:
    """As in the batch, no record may take the others down: what one raises is its own error."""
    try:
        return check_item(item, engine, options, reference)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001
        line = getattr(item, "line", None)
        place = item.fichier.rsplit(":", 1)[0] if line is not None else item.fichier
        return Result(item.fichier, error=InputError(
            f"erreur interne de delibcheck sur ce dossier ({type(exc).__name__}) ; les autres dossiers sont "
            "contrôlés — merci de signaler ce dossier", fichier=place, ligne=line), ligne=line)


def check_one(item: Item, options: Options) -> Result:
    """One record, through the same stages as a batch of one."""
    return next(check_items([item], options))


class _ReferenceData:
    """The reference data's two stages of a check (`checker.referentiel`), when it is installed."""

    def __init__(self, completer, annoter):
        self.completer = completer
        self.annoter = annoter

    def fill(self, records, engine) -> None:
        for record in records:
            if getattr(record, "referentiel", None) is None:
                self.completer(record, engine.by_id)

    def annotate(self, record, findings) -> None:
        self.annoter(findings, getattr(record, "referentiel", None))


def _reference_data() -> _ReferenceData | None:
    try:
        from checker.referentiel.remplissage import annoter, completer
    except ImportError:
        return None
    return _ReferenceData(completer, annoter)


def check_item(item: Item, engine, options: Options, reference: _ReferenceData | None = None) -> Result:
    if item.error is not None:
        return Result(item.fichier, error=item.error, ligne=item.line)
    findings = engine.check(item.record)
    if reference is not None:
        reference.annotate(item.record, findings)
    if options.avant_vote:
        from checker.clerk.prevote import mark_prevote
        findings = mark_prevote(findings)
    return Result(item.fichier, item.record, findings, ligne=item.line)


def collectivite(result: Result) -> str | None:
    if result.record is None:
        return None
    name = result.record.root["collectivite"].get("nom")
    return name if isinstance(name, str) else None


class Report:
    """One report format written as `run_batch` writes it: header, fragments, footer with the totals."""

    def __init__(self, fmt: str, options: Options, out: TextIO):
        self.writer = writer_for(fmt, show_all=options.tout, avant_vote=options.avant_vote)
        self.out = out
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8") if self.writer.totals_first else None
        self.first = True
        if self.spool is None:
            out.write(self.writer.header(engine_for(None).rules))

    def add(self, result: Result) -> str:
        fragment = self.writer.fragment(result)
        if fragment:
            target = self.spool or self.out
            if not self.first and self.writer.separator:
                target.write(self.writer.separator)
            target.write(fragment)
            self.first = False
        return fragment

    def finish(self, totals: dict) -> None:
        if self.spool is not None:
            import shutil
            self.out.write(self.writer.header(engine_for(None).rules, totals))
            self.spool.seek(0)
            shutil.copyfileobj(self.spool, self.out)
            self.spool.close()
        self.out.write(self.writer.footer(totals))


def count(totals: Totals, result: Result) -> None:
    decision = result.decision
    totals.add(Outcome(result.statut, "", collectivite(result), action=decision.action if decision else None))


def json_document(results: list[Result], options: Options) -> str:
    """The document `delibcheck check --format json` prints for these results, in compact form.

    The same keys and values as `checker.reports.jsondoc` (a test compares them), written by orjson
    without indentation: the indented standard encoder took longer than checking the record."""
    from checker.reports.encoding import compact_json
    from checker.version import VERSION
    totals = Totals()
    documents = []
    for result in results:
        document = result.to_dict(show_all=options.tout)
        if options.avant_vote and result.error is None:
            from checker.clerk.prevote import to_json
            document.update(to_json(result.record, result.findings))
        documents.append(document)
        count(totals, result)
    return compact_json({"schema_version": SCHEMA_VERSION, "delibcheck": VERSION, "resultats": documents,
                         "resume": totals.as_dict()})

"""The batch: many sources in, one result per source out, in input order, memory flat.

Sources are read lazily and cut into chunks; each chunk is read, joined (records of one chunk
that belong together: a commune and its syndicate, a body's successive meetings), checked and
rendered by a worker — in this process with `jobs=1`, in `jobs` processes otherwise, with at most
two chunks per worker in flight so that memory does not grow with the input. Rules are loaded and
compiled once per worker. Every source yields exactly one result, broken ones included.
"""
from __future__ import annotations

import datetime as dt
import gc
import os
import sys
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterator, TextIO

from checker.engine import Engine
from checker.engine_cache import engine_for
from checker.findings import ERREUR
from checker.inputs import Source, iter_sources, load_source
from checker.joins import apply_joins
from checker.reports import writer_for
from checker.results import Result
from ruleset.model import SEVERITY_ORDER

CHUNK = 100


@dataclass(frozen=True)
class Options:
    fmt: str = "texte"
    regles_dir: str | None = None
    show_all: bool = False
    gravite_min: str | None = None
    avant_vote: bool = False
    detail: bool = False
    base: str | None = None
    auteur: str | None = None
    referentiel: bool = True


@dataclass
class Outcome:
    """What a worker sends back for one source: enough to count, order and write it."""

    statut: str
    fragment: str
    collectivite: str | None = None
    echeance: dt.date | None = None
    # With a store: (fichier, error text, what the store keeps of the record).
    stockage: tuple | None = None


@dataclass
class Totals:
    counts: Counter = field(default_factory=Counter)
    bodies: set = field(default_factory=set)
    store: dict | None = None

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.statut] += 1
        if outcome.collectivite:
            self.bodies.add(outcome.collectivite)

    def as_dict(self) -> dict:
        c = self.counts
        return {"lus": sum(c.values()), "conformes": c.get("conforme", 0), "non_conformes": c.get("non_conforme", 0),
                "indetermines": c.get("indetermine", 0), "a_venir": c.get("a_venir", 0),
                "sans_objet": c.get("non_applicable", 0), "erreurs": c.get(ERREUR, 0),
                "collectivites": len(self.bodies)}


_STATE: dict = {}


def _init(options: Options) -> None:
    _STATE["engine"] = engine_for(options.regles_dir)
    _STATE["writer"] = writer_for(options.fmt, show_all=options.show_all, avant_vote=options.avant_vote,
                                   detail=options.detail)
    _STATE["options"] = options
    _STATE.pop("store", None)
    if options.base:
        from checker.store import Store, catalogue_version
        _STATE["store"] = Store(options.base, upgrade=False)
        _STATE["catalogue"] = catalogue_version(options.regles_dir)
    # The rules live as long as the worker: out of the collector's sight, they are not walked by
    # every full collection. The thresholds stay: records leave cycles behind, and collecting
    # them late let a worker grow by 20 MB every thousand records.
    gc.freeze()


class _Referentiel:
    """Fills records from the reference data before their rules, and says so in the findings."""

    def __init__(self, engine: Engine):
        self.rules = engine.by_id

    def __call__(self, records) -> None:
        from checker.referentiel.remplissage import completer
        for record in records:
            if record.referentiel is None:
                completer(record, self.rules)

    @staticmethod
    def annotate(record, findings) -> None:
        from checker.referentiel.remplissage import annoter
        annoter(findings, record.referentiel)


def _filter(result: Result, options: Options) -> Result:
    if options.gravite_min and result.error is None:
        limit = SEVERITY_ORDER.index(options.gravite_min)
        result.findings = [f for f in result.findings if SEVERITY_ORDER.index(f.gravite) <= limit]
    if options.avant_vote and result.error is None:
        from checker.clerk.prevote import mark_prevote
        result.findings = mark_prevote(result.findings)
    return result


def _deadline(result: Result) -> dt.date | None:
    days = [f.valeurs.get("echeance_deferee") for f in result.findings]
    days = [d for d in days if isinstance(d, dt.date)]
    return min(days) if days else None


def process_chunk(chunk: list[tuple[int, Source]]) -> list[Outcome]:
    engine: Engine = _STATE["engine"]
    writer = _STATE["writer"]
    options: Options = _STATE["options"]
    items = [load_source(source, index) for index, source in chunk]
    records = [item.record for item in items if item.record is not None]
    store = _STATE.get("store")
    if store is not None:
        from checker.store.acte import build
        from checker.store.contexte import related
        from checker.store.dossier import to_stored
        # The record as read, before the joins add what other records say.
        kept = {id(record): to_stored(record.root) for record in records}
        with store.reading() as connection:
            records = records + related(connection, records)
    filler = _Referentiel(engine) if options.referentiel else None
    if filler is not None:
        # Before the joins, which read the members in office of a syndicate's communes.
        filler(records)
    apply_joins(records)
    outcomes = []
    for item in items:
        payload = None
        if item.error is not None:
            result = Result(item.fichier, error=item.error)
        else:
            findings = engine.check(item.record)
            if filler is not None:
                filler.annotate(item.record, findings)
            if store is not None:
                payload = build(item.record, findings, _STATE["catalogue"], kept[id(item.record)])
            result = _filter(Result(item.fichier, item.record, findings), options)
        name = None
        if result.record is not None:
            raw = result.record.root["collectivite"].get("nom")
            name = raw if isinstance(raw, str) else None
        stockage = (item.fichier, str(item.error) if item.error else None, payload) if store is not None else None
        outcomes.append(Outcome(result.statut, writer.fragment(result), name, _deadline(result), stockage))
    return outcomes


def _chunks(sources: Iterator[Source], size: int) -> Iterator[list[tuple[int, Source]]]:
    numbered = enumerate(sources)
    while True:
        chunk = list(islice(numbered, size))
        if not chunk:
            return
        yield chunk


def _outcomes(paths: list[str], options: Options, jobs: int, stdin_format: str,
              on_chunk=None) -> Iterator[Outcome]:
    """The outcomes in input order; `on_chunk` sees each chunk's outcomes before they are yielded
    (the store commits a chunk before its acts reach the report)."""
    chunks = _chunks(iter_sources(paths, stdin_format), CHUNK)
    seen = on_chunk or (lambda outcomes: None)
    if jobs <= 1:
        _init(options)
        for chunk in chunks:
            outcomes = process_chunk(chunk)
            seen(outcomes)
            yield from outcomes
        return
    # Imported here: multiprocessing is a large part of a cold start that a one-process run does not need.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(options,)) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(process_chunk, chunk))
            while len(pending) >= 2 * jobs:
                outcomes = pending.popleft().result()
                seen(outcomes)
                yield from outcomes
        while pending:
            outcomes = pending.popleft().result()
            seen(outcomes)
            yield from outcomes


class Progress:
    """A counter on standard error, only when it is a terminal."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.active = stream.isatty()
        self.last = 0.0

    def tick(self, count: int) -> None:
        now = time.monotonic()
        if self.active and now - self.last > 0.2:
            self.stream.write(f"\r{count} dossiers traités…")
            self.stream.flush()
            self.last = now

    def close(self) -> None:
        if self.active:
            self.stream.write("\r" + " " * 40 + "\r")


def run_batch(paths: list[str], options: Options, out: TextIO, err: TextIO = sys.stderr, jobs: int = 1,
              stdin_format: str = "auto", sort_by_deadline: bool = False) -> Totals:
    """Check every source and write the report; return the totals (which always reconcile)."""
    writer = writer_for(options.fmt, show_all=options.show_all, avant_vote=options.avant_vote,
                                   detail=options.detail)
    rules = engine_for(options.regles_dir).rules
    totals = Totals()
    progress = Progress(err)
    spool = None
    if writer.totals_first:
        # Only the writers that show the totals first spool their fragments: the others, the text
        # report of a one-record run among them, do without these modules.
        import shutil
        import tempfile
        spool = tempfile.TemporaryFile("w+", encoding="utf-8")
    target = spool or out
    if spool is None:
        out.write(writer.header(rules))
    first = True
    recorder = None
    if options.base:
        from checker.store.lot import Recorder
        recorder = Recorder(options.base, options.regles_dir, options.auteur, engine_for(options.regles_dir),
                            _Referentiel(engine_for(options.regles_dir)) if options.referentiel else None)
    stream = _outcomes(paths, options, max(1, jobs), stdin_format, recorder.chunk if recorder else None)
    if sort_by_deadline:
        far = dt.date.max
        stream = iter(sorted(stream, key=lambda o: o.echeance or far))
    for outcome in stream:
        totals.add(outcome)
        if outcome.fragment:
            if not first and writer.separator:
                target.write(writer.separator)
            target.write(outcome.fragment)
            first = False
        progress.tick(sum(totals.counts.values()))
    progress.close()
    summary = totals.as_dict()
    if recorder is not None:
        totals.store = recorder.finish(summary)
    if spool is not None:
        out.write(writer.header(rules, summary))
        spool.seek(0)
        shutil.copyfileobj(spool, out)
        spool.close()
    out.write(writer.footer(summary))
    return totals


def summary_line(totals: Totals) -> str:
    s = totals.as_dict()
    line = (f"delibcheck : {s['lus']} lus = {s['conformes']} conformes + {s['non_conformes']} non conformes + "
            f"{s['indetermines']} indéterminés")
    if s["a_venir"]:
        line += f" + {s['a_venir']} à venir"
    return line + f" + {s['sans_objet']} sans objet + {s['erreurs']} erreurs"


def exit_code(totals: Totals) -> int:
    if totals.counts.get(ERREUR):
        return 2
    return 1 if totals.counts.get("non_conforme") else 0


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))

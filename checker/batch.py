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
import signal
import sys
import time
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterator, TextIO

from checker.engine import Engine
from checker.engine_cache import compiled_for_workers, engine_for
from checker.findings import ERREUR
from checker import exit_codes as codes
from checker.exit_codes import DEFAULT_FAILURES
from checker.inputs import Item, Selection, Source, expand, iter_sources, load_source
from checker.progress import Progress
from checker.joins import apply_joins
from checker.reports import writer_for
from checker.results import LeanResult, Result
from ruleset.errors import InputError
from ruleset.model import SEVERITY_ORDER

CHUNK = 100
# Seconds an interrupted worker has to finish its chunk before it is killed.
GRACE = 3.0


@dataclass(frozen=True)
class Options:
    fmt: str = "texte"
    regles_dir: str | None = None
    show_all: bool = False
    gravite_min: str | None = None
    avant_vote: bool = False
    detail: bool = False
    # json/jsonl: « resumees » (lean: evidence only where a finding is undecided or non-compliant,
    # see `LeanResult`) or « completes » (every finding with its evidence). The command line
    # defaults to the lean form; callers of `run_batch` keep the full one unless they ask.
    preuves: str = "completes"
    base: str | None = None
    auteur: str | None = None
    contexte: dict | None = None
    contexte_origine: str = "configuration [contexte]"
    # False: no reference data; True: the file shipped; a path: another derived file.
    referentiel: bool | str = True
    # Set by `run_batch` when the report is sorted by the déféré's last day: only then does a
    # worker look for each act's.
    tri_echeance: bool = False


@dataclass
class Outcome:
    """What a worker sends back for one source: enough to count, order and write it."""

    statut: str
    # The report's text for this source; JSON Lines send it as UTF-8 bytes (`_Sink`).
    fragment: str | bytes
    collectivite: str | None = None
    echeance: dt.date | None = None
    # The action proposed to the prefecture (`checker.decision`); None for an error.
    action: str | None = None
    # With a store: (fichier, error text, what the store keeps of the record).
    stockage: tuple | None = None


@dataclass
class Totals:
    counts: Counter = field(default_factory=Counter)
    actions: Counter = field(default_factory=Counter)
    bodies: set = field(default_factory=set)
    store: dict | None = None

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.statut] += 1
        if outcome.action:
            self.actions[outcome.action] += 1
        if outcome.collectivite:
            self.bodies.add(outcome.collectivite)

    def as_dict(self) -> dict:
        c = self.counts
        return {"lus": sum(c.values()), "conformes": c.get("conforme", 0), "non_conformes": c.get("non_conforme", 0),
                "indetermines": c.get("indetermine", 0), "a_venir": c.get("a_venir", 0),
                "sans_objet": c.get("non_applicable", 0), "erreurs": c.get(ERREUR, 0),
                "collectivites": len(self.bodies),
                "actions": {action: self.actions.get(action, 0) for action in _actions()}}


_STATE: dict = {}


def _init(options: Options) -> None:
    _STATE["engine"] = engine_for(options.regles_dir)
    _STATE["writer"] = writer_for(options.fmt, show_all=options.show_all, avant_vote=options.avant_vote,
                                   detail=options.detail)
    _STATE["options"] = options
    _STATE.pop("store", None)
    if options.referentiel:
        from checker.referentiel.donnees import utiliser
        utiliser(options.referentiel if isinstance(options.referentiel, str) else None)
    if options.base:
        from checker.store import Store, catalogue_version
        _STATE["store"] = Store(options.base, upgrade=False)
        _STATE["catalogue"] = catalogue_version(options.regles_dir)
    # The rules live as long as the worker: out of the collector's sight, they are not walked by
    # every full collection. Checking a record leaves no reference cycle behind (the errors of
    # broken lines are kept without their tracebacks): the collector runs to catch what an odd
    # input might leave, not every 700 allocations, which cost 7 % of a batch's CPU.
    gc.freeze()
    gc.set_threshold(20_000, 10, 10)


class _Referentiel:
    """Fills records from the reference data before their rules, and says so in the findings."""

    def __init__(self, engine: Engine):
        self.rules = engine.by_id

    def __call__(self, records) -> None:
        from checker.referentiel.remplissage import Referentiel, completer
        for record in records:
            if record.referentiel is None:
                try:
                    completer(record, self.rules)
                except (KeyboardInterrupt, MemoryError):
                    raise
                except Exception as exc:  # noqa: BLE001 - the record is checked without the reference data
                    record.referentiel = Referentiel(motif=f"référentiel non appliqué (erreur interne : {exc!r})")

    @staticmethod
    def annotate(record, findings) -> None:
        from checker.referentiel.remplissage import annoter
        annoter(findings, record.referentiel)


def _init_worker(options: Options) -> None:
    # Ctrl-C reaches the whole process group: the parent alone answers it, and stops the workers.
    # SIGTERM ends a worker at once (the parent's handler, inherited by fork, is not for it).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _init(options)


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _signals_held():
    """Workers are forked while a chunk is submitted: a Ctrl-C at that moment would reach a child
    that has not yet set its own handlers (and print a traceback). The signals wait, blocked,
    until the child has set them, or until the parent is back from the submission."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _filter(result: Result, options: Options) -> Result:
    if options.gravite_min and result.error is None:
        limit = SEVERITY_ORDER.index(options.gravite_min)
        result.findings = [f for f in result.findings if SEVERITY_ORDER.index(f.gravite) <= limit]
    if options.avant_vote and result.error is None:
        from checker.clerk.prevote import mark_prevote
        result.findings = mark_prevote(result.findings)
    return result


def _deadline(result: Result) -> dt.date | None:
    if isinstance(result, LeanResult):
        return result.deadline()
    days = [f.valeurs.get("echeance_deferee") for f in result.findings]
    days = [d for d in days if isinstance(d, dt.date)]
    return min(days) if days else None


def _actions() -> tuple:
    from checker.decision import ACTIONS
    return ACTIONS


def worklist_order(outcome: Outcome) -> tuple:
    """The agent's worklist order (`--tri echeance`): the heaviest action first (recours, then
    documents to request, observations, no action), unreadable files after the acts to act on
    and before those needing nothing, and within each, the soonest end of the déféré first."""
    actions = _actions()
    if outcome.action in actions:
        rank = actions.index(outcome.action)
    else:
        rank = actions.index("aucune_suite") - 0.5
    return rank, outcome.echeance or dt.date.max


def _internal_error(fichier: str, line: int | None, exc: BaseException) -> InputError:
    place = fichier.rsplit(":", 1)[0] if line is not None else fichier
    return InputError(f"erreur interne de delibcheck sur ce dossier ({type(exc).__name__}) ; les autres dossiers "
                      "sont contrôlés — merci de signaler ce dossier", fichier=place, ligne=line)


def _outcome(item: Item, engine: Engine, writer, options: Options, store=None, kept=None) -> Outcome:
    payload = None
    if item.error is not None:
        result = Result(item.fichier, error=item.error, ligne=item.line)
    elif options.preuves == "resumees" and options.fmt in ("json", "jsonl") and not options.avant_vote:
        entries = engine.evaluate(item.record)
        annotate = _Referentiel.annotate if options.referentiel else None
        if store is not None:
            from checker.store.acte import build
            findings = engine.findings_of(item.record, entries)
            if annotate is not None:
                annotate(item.record, findings)
            payload = build(item.record, findings, _STATE["catalogue"], kept[id(item.record)])
        result = LeanResult(item.fichier, item.record, engine, entries, item.line, options.gravite_min, annotate)
    else:
        findings = engine.check(item.record)
        if options.referentiel:
            _Referentiel.annotate(item.record, findings)
        if store is not None:
            from checker.store.acte import build
            payload = build(item.record, findings, _STATE["catalogue"], kept[id(item.record)])
        result = _filter(Result(item.fichier, item.record, findings, ligne=item.line), options)
    name = None
    if result.record is not None:
        raw = result.record.root["collectivite"].get("nom")
        name = raw if isinstance(raw, str) else None
    stockage = (item.fichier, str(item.error) if item.error else None, payload) if store is not None else None
    encoded = getattr(writer, "fragment_bytes", None)
    fragment = encoded(result) if encoded is not None else writer.fragment(result)
    decision = result.decision
    # The soonest déféré deadline the rules computed, sought only when the report is sorted by it.
    fallback = _deadline if options.tri_echeance else _no_deadline
    if decision is None:
        return Outcome(result.statut, fragment, name, fallback(result), None, stockage)
    # The worklist is ordered by the day the report prints: the decision's end of the déféré.
    day = None if decision.sans_delai else decision.echeance.jour
    return Outcome(result.statut, fragment, name, day or fallback(result), decision.action, stockage)


def _no_deadline(result: Result) -> None:
    return None


def process_chunk(chunk: list[tuple[int, Source]]) -> list[Outcome]:
    engine: Engine = _STATE["engine"]
    writer = _STATE["writer"]
    options: Options = _STATE["options"]
    items = [load_source(source, index, options.contexte, options.contexte_origine) for index, source in chunk]
    records = [item.record for item in items if item.record is not None]
    store = _STATE.get("store")
    kept = None
    if store is not None:
        from checker.store.contexte import related
        from checker.store.dossier import to_stored
        # The record as read, before the joins add what other records say.
        kept = {id(record): to_stored(record.root) for record in records}
        with store.reading() as connection:
            records = records + related(connection, records)
    if options.referentiel:
        # Before the joins, which read the members in office of a syndicate's communes.
        _Referentiel(engine)(records)
    try:
        apply_joins(records)
    except Exception:  # noqa: BLE001 - a join that fails leaves each record to be checked alone
        pass
    outcomes = []
    for item in items:
        # No single record may take the report down: whatever one of them raises while it is
        # checked or written becomes its own error result, and the batch goes on.
        try:
            outcomes.append(_outcome(item, engine, writer, options, store, kept))
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:  # noqa: BLE001
            error = Result(item.fichier, error=_internal_error(item.fichier, item.line, exc), ligne=item.line)
            stockage = (item.fichier, str(error.error), None) if store is not None else None
            outcomes.append(Outcome(ERREUR, writer.fragment(error), stockage=stockage))
    return outcomes


def _chunks(sources: Iterator[Source], size: int) -> Iterator[list[tuple[int, Source]]]:
    numbered = enumerate(sources)
    while True:
        chunk = list(islice(numbered, size))
        if not chunk:
            return
        yield chunk


def _outcomes(chunks: Iterator[list], options: Options, jobs: int, on_chunk=None,
              after_chunk=None) -> Iterator[Outcome]:
    """The outcomes in input order; `on_chunk` sees each chunk's outcomes before they are yielded
    (the store commits a chunk before its acts reach the report), `after_chunk` is called once
    the last of them was taken, before the next chunk is waited for (the report's lines gathered
    are written then)."""
    seen = on_chunk or (lambda outcomes: None)
    taken = after_chunk or (lambda: None)
    if jobs <= 1:
        _init(options)
        for chunk in chunks:
            outcomes = process_chunk(chunk)
            seen(outcomes)
            yield from outcomes
            taken()
        return
    # Imported here: multiprocessing is a large part of a cold start that a one-process run does not need.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Every version compiled once, here, before the workers are forked: they inherit the code.
    compiled_for_workers(options.regles_dir)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(options,))
    finished = False
    try:
        pending: deque = deque()
        local = False
        for chunk in chunks:
            if local:
                pending.append((chunk, None))
            else:
                with _signals_held():
                    pending.append((chunk, pool.submit(process_chunk, chunk)))
            while len(pending) >= 2 * jobs:
                batch, local = _collect(pending.popleft(), options, local, BrokenProcessPool)
                seen(batch)
                yield from batch
                taken()
        while pending:
            batch, local = _collect(pending.popleft(), options, local, BrokenProcessPool)
            seen(batch)
            yield from batch
            taken()
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool, multiprocessing)


def _stop(pool, multiprocessing) -> None:
    """Interrupted (Ctrl-C, SIGTERM, a closed pipe): nothing more is started, each worker ends
    with the chunk in its hands (a fraction of a second), and one that does not is killed.
    Killing them first left the pool's own threads waiting forever for them."""
    workers = multiprocessing.active_children()
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + GRACE
    for worker in workers:
        worker.join(max(0.0, deadline - time.monotonic()))
    for worker in workers:
        if worker.is_alive():
            worker.kill()
            worker.join(1)


def _collect(entry, options: Options, local: bool, broken) -> tuple[list[Outcome], bool]:
    """The outcomes of one chunk; a worker that died (killed, out of memory) takes no record with it:
    its chunk, and every later one, is checked in this process instead."""
    chunk, future = entry
    if future is not None and not local:
        try:
            return future.result(), False
        except broken:
            local = True
    if "engine" not in _STATE:
        _init(options)
    return process_chunk(chunk), local


def count_inputs(paths: list[str], selection: Selection) -> int | None:
    """How many results the inputs will give, for the progress bar; None when it cannot be known
    (standard input). JSON Lines and CSV count their lines, quickly, as bytes."""
    total = 0
    for entry in expand(paths, selection):
        if isinstance(entry, Source):
            total += 1
        elif entry == "-":
            return None
        elif entry.lower().endswith((".jsonl", ".ndjson", ".csv")):
            try:
                with open(entry, "rb") as stream:
                    lines = sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
            except OSError:
                lines = 1
            total += max(1, lines - (1 if entry.lower().endswith(".csv") else 0))
        else:
            total += 1
    return total


def run_batch(paths: list[str], options: Options, out: TextIO, err: TextIO = sys.stderr, jobs: int = 1,
              stdin_format: str = "auto", sort_by_deadline: bool = False, selection: Selection | None = None,
              progress: Progress | None = None) -> Totals:
    """Check every source and write the report; return the totals (which always reconcile)."""
    from contextlib import closing
    from dataclasses import replace

    if sort_by_deadline and not options.tri_echeance:
        options = replace(options, tri_echeance=True)
    writer = writer_for(options.fmt, show_all=options.show_all, avant_vote=options.avant_vote,
                        detail=options.detail)
    rules = engine_for(options.regles_dir).rules
    totals = Totals()
    progress = progress or Progress(None)
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
    chunks = _chunks(iter_sources(paths, stdin_format, selection), CHUNK)
    recorder = None
    if options.base:
        from checker.store.lot import Recorder
        recorder = Recorder(options.base, options.regles_dir, options.auteur, engine_for(options.regles_dir),
                            _Referentiel(engine_for(options.regles_dir)) if options.referentiel else None)
    sink = _Sink(target)
    with closing(_outcomes(chunks, options, max(1, jobs), recorder.chunk if recorder else None,
                           sink.drain)) as outcomes:
        stream = outcomes
        if sort_by_deadline:
            stream = iter(sorted(outcomes, key=worklist_order))
        try:
            for outcome in stream:
                totals.add(outcome)
                if outcome.fragment:
                    if not first and writer.separator:
                        sink.write(writer.separator)
                    sink.write(outcome.fragment)
                    first = False
                progress.tick(sum(totals.counts.values()))
        except BaseException:
            sink.abandon()
            raise
        sink.close()
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


# Bytes of JSON Lines gathered before they are written (`_Sink`).
_GATHERED = 256 * 1024


class _Sink:
    """Writes a report's fragments, text or UTF-8 bytes, in order, to a text stream.

    The lines of JSON Lines come from the workers as the UTF-8 bytes orjson wrote: they go to the
    stream's own byte buffer when it encodes in UTF-8 and writes newlines as they are (a file, the
    standard output on POSIX), so that no line is decoded only to be encoded again; the text
    written before is flushed first, and text fragments among them (an error's line) are encoded
    as the stream would encode them. Elsewhere (a StringIO, another encoding) bytes are decoded."""

    def __init__(self, target: TextIO):
        self.target = target
        self.raw = None
        self.errors = "strict"
        buffer = getattr(target, "buffer", None)
        encoding = getattr(target, "encoding", None)
        if buffer is not None and isinstance(encoding, str) and os.linesep == "\n":
            import codecs
            try:
                utf8 = codecs.lookup(encoding).name == "utf-8"
            except LookupError:
                utf8 = False
            if utf8:
                self.raw = buffer
                self.errors = getattr(target, "errors", None) or "strict"
        self.flushed = False
        self.pending: list = []
        self.size = 0

    def write(self, fragment: str | bytes) -> None:
        raw = self.raw
        if raw is None:
            self.target.write(fragment.decode("utf-8") if type(fragment) is bytes else fragment)
            return
        if not self.flushed:
            # The text written before (a header) goes first.
            self.target.flush()
            self.flushed = True
        # A line (some 10 kB) is more than the stream's own buffer holds: written as it comes,
        # each is a system call. They are gathered, and written some 25 at a time, and at the
        # end of each chunk (`drain`), so that a reader downstream gets a chunk's lines as soon.
        encoded = fragment if type(fragment) is bytes else fragment.encode("utf-8", self.errors)
        self.pending.append(encoded)
        self.size += len(encoded)
        if self.size >= _GATHERED:
            self.drain()

    def drain(self) -> None:
        """The lines gathered, written to the stream."""
        if self.pending:
            self.raw.write(b"".join(self.pending))
            self.pending.clear()
            self.size = 0
            self.raw.flush()

    def close(self) -> None:
        """What follows is written as text again, after the bytes."""
        if self.raw is not None and self.flushed:
            self.drain()
            self.raw.flush()

    def abandon(self) -> None:
        """The batch stopped (Ctrl-C, an error): the lines gathered are written if the output
        still takes them, as they would have been one by one."""
        if self.raw is not None and self.pending:
            try:
                self.close()
            except OSError:
                pass


def summary_line(totals: Totals) -> str:
    s = totals.as_dict()
    line = (f"delibcheck : {s['lus']} lus = {s['conformes']} conformes + {s['non_conformes']} non conformes + "
            f"{s['indetermines']} indéterminés")
    if s["a_venir"]:
        line += f" + {s['a_venir']} à venir"
    return line + f" + {s['sans_objet']} sans objet + {s['erreurs']} erreurs"


def exit_code(totals: Totals, echec_sur=DEFAULT_FAILURES) -> int:
    """The exit code of a batch (see checker/exit_codes.py for the table)."""
    counts = totals.counts
    read = sum(counts.values())
    errors = counts.get(ERREUR, 0)
    if read == 0 or errors == read:
        return codes.RIEN_LU
    if "non_conforme" in echec_sur and counts.get("non_conforme"):
        return codes.NON_CONFORME
    if "indetermine" in echec_sur and counts.get("indetermine"):
        return codes.NON_CONFORME
    if "erreur" in echec_sur and errors:
        return codes.ILLISIBLES
    return codes.SUCCES


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))

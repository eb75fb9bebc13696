"""Reading documents in processes of their own, each read stopped after a time limit, within a memory limit.

A PDF is a program of sorts: a crafted one can loop in the parser, nest objects without end or
inflate a stream to gigabytes. The reader is the same as the command line's (`checker.reader`);
what this module adds is the cage: a small pool of reading processes, started once (forked from a
server that has already read a sample, see `reader_warmup`), whose address space is capped. A read
that overruns its time has its pool's processes killed, each with its process group (so a Tesseract
it started dies with it) and the pool's temporary folder, and a new pool started; reads that were
in flight in the killed pool are tried once more. The server itself never parses a PDF, so it stays
up whatever it is sent, and a ten-page PDF costs a read (some 90 ms), not a process start.
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor, TimeoutError
from concurrent.futures.process import BrokenProcessPool

from checker.web.config import Settings
from ruleset.errors import InputError

_LOCK = threading.Lock()
_CONTEXT = None


def _context():
    global _CONTEXT
    with _LOCK:
        if _CONTEXT is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["checker.web.reader_warmup"])
            _CONTEXT = context
    return _CONTEXT


def is_pdf(data: bytes, name: str) -> bool:
    return name.lower().endswith(".pdf") or data[:5] == b"%PDF-"


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older exports from office suites are in Windows-1252 / Latin-1 (as the reader reads files).
        return data.decode("latin-1")


def read_in_process(data: bytes, name: str, pages_max: int) -> dict:
    """What the child does: the command line's reader, after the page count is checked."""
    from checker import reader
    from checker.reader.pdf import pdf_text

    if not is_pdf(data, name):
        return reader.read_text(_decode(data), name)
    try:
        import io

        from pypdf import PdfReader
        pages = len(PdfReader(io.BytesIO(data), strict=False).pages)
    except Exception:
        # A PDF whose page tree cannot be counted: the reader says what is wrong with it.
        pages = 0
    if pages > pages_max:
        raise InputError(f"PDF de {pages} pages : {pages_max} pages au plus", fichier=name)
    return reader.read_text(pdf_text(data, name), name)


def _prepare(memory: int, folder: str) -> None:
    """What each reading process does first: lead a process group of its own, so that stopping it
    stops what it started (Tesseract runs as a child program), keep its temporary files in the
    pool's folder, and cap its address space."""
    try:
        os.setpgid(0, 0)
    except (AttributeError, OSError):
        pass
    tempfile.tempdir = folder
    os.environ["TMPDIR"] = folder
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):
        pass


def _read(data: bytes, name: str, pages_max: int) -> tuple[str, object]:
    """What a reading process does; every failure becomes a French message for the server."""
    try:
        return "ok", read_in_process(data, name, pages_max)
    except InputError as exc:
        return "erreur", exc.message
    except MemoryError:
        return "erreur", "document trop lourd à lire : la mémoire allouée à sa lecture est épuisée"
    except RecursionError:
        return "erreur", "document illisible : structure trop profonde ou circulaire"
    except Exception as exc:  # the reading process reports anything, the server decides
        return "erreur", f"document illisible ({type(exc).__name__})"


_PREFIX = "delibcheck-lecture-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def sweep_stale_folders(parent: str | None = None) -> list[str]:
    """Remove the reading folders left by servers that were killed (SIGKILL leaves no time to clean
    up): a folder names the server process that made it, and is removed once that process is gone."""
    parent = parent or tempfile.gettempdir()
    removed = []
    try:
        entries = os.listdir(parent)
    except OSError:
        return removed
    for entry in entries:
        if not entry.startswith(_PREFIX):
            continue
        owner = entry[len(_PREFIX):].split("-", 1)[0]
        if owner.isdigit() and int(owner) != os.getpid() and not _alive(int(owner)):
            shutil.rmtree(os.path.join(parent, entry), ignore_errors=True)
            removed.append(entry)
    return removed


_SWEPT = False


class _Pool:
    def __init__(self, settings: Settings):
        global _SWEPT
        if not _SWEPT:
            _SWEPT = True
            sweep_stale_folders()
        self.folder = tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-")
        self.executor = ProcessPoolExecutor(max_workers=settings.lecteurs, mp_context=_context(),
                                            initializer=_prepare, initargs=(settings.memoire_lecture, self.folder))
        self.killed = False
        self.pids: set[int] = set()

    def submit(self, *args):
        future = self.executor.submit(*args)
        # The executor forgets a process once it has died; its group may live on (a Tesseract).
        self.pids |= set(getattr(self.executor, "_processes", None) or ())
        return future

    def kill(self) -> None:
        self.killed = True
        # The executor has no way to stop a running task: its processes are killed with the programs
        # they started (each leads its process group), and it is dropped.
        processes = dict(getattr(self.executor, "_processes", None) or {})
        for pid in self.pids | set(processes):
            try:
                os.killpg(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError, AttributeError):
                # Not yet the leader of its group (just started) or already gone.
                if pid in processes and processes[pid].is_alive():
                    processes[pid].kill()
        self.executor.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(self.folder, ignore_errors=True)


class Lecteurs:
    """The pool of reading processes of one server process, replaced when a read must be stopped."""

    def __init__(self, size: int = 2):
        self.lock = threading.Lock()
        self.pool: _Pool | None = None
        # A document is handed to the pool only when a reading process is free, so that its time
        # limit measures its own reading, not the wait behind other documents: a queued document
        # must not be stopped, nor its pool killed, because others were read before it.
        self.slots = threading.BoundedSemaphore(max(1, size))

    def current(self, settings: Settings) -> _Pool:
        with self.lock:
            if self.pool is None:
                self.pool = _Pool(settings)
            return self.pool

    def drop(self, pool: _Pool) -> None:
        with self.lock:
            if self.pool is pool:
                self.pool = None
        pool.kill()

    def read(self, data: bytes, name: str, settings: Settings, attempts: int = 2) -> dict:
        while True:
            with self.slots:
                pool = self.current(settings)
                try:
                    future = pool.submit(_read, data, name, settings.pages_max)
                    status, payload = future.result(settings.delai_lecture)
                except TimeoutError:
                    self.drop(pool)
                    raise InputError(f"lecture interrompue après {settings.delai_lecture:g} s : document trop long "
                                     "ou trop complexe à lire", fichier=name)
                except (BrokenProcessPool, RuntimeError):
                    # Killed for another document's overrun: this one is not to blame, it is read again.
                    innocent = pool.killed
                    self.drop(pool)
                    if innocent and attempts > 1:
                        attempts -= 1
                        continue
                    raise InputError("lecture du document interrompue : mémoire ou ressources épuisées", fichier=name)
            if status != "ok":
                raise InputError(payload, fichier=name)
            return payload

    def close(self) -> None:
        with self.lock:
            pool, self.pool = self.pool, None
        if pool is not None:
            pool.kill()


# One pool per set of limits (a server has one; tests build servers with other limits).
_POOLS: dict[tuple, Lecteurs] = {}


def lecteurs(settings: Settings) -> Lecteurs:
    key = (settings.lecteurs, settings.memoire_lecture)
    with _LOCK:
        if key not in _POOLS:
            _POOLS[key] = Lecteurs(settings.lecteurs)
        return _POOLS[key]


def read_document(data: bytes, name: str, settings: Settings) -> dict:
    """The record read from a text or PDF document, or an InputError naming `name`.

    Blocking: call it from a worker thread, not from the event loop."""
    return lecteurs(settings).read(data, name, settings)


def start(settings: Settings) -> None:
    """Start the reading processes ahead of the first document (the first start takes a second)."""
    try:
        lecteurs(settings).current(settings).submit(_read, b"", "demarrage.txt", 1)
    except (BrokenProcessPool, RuntimeError, OSError):
        pass


def stop(settings: Settings) -> None:
    lecteurs(settings).close()

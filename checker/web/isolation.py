"""Reading one document in a process of its own, stopped after a time limit, within a memory limit.

A PDF is a program of sorts: a crafted one can loop in the parser, nest objects without end or
inflate a stream to gigabytes. The reader is the same as the command line's (`checker.reader`);
what this module adds is the cage: a child process (forked from a server started once, with the
reader already imported) whose address space is capped, killed when it overruns its time. The
server itself never parses a PDF, so it stays up whatever it is sent.
"""
from __future__ import annotations

import multiprocessing
import threading

from checker.web.config import Settings
from ruleset.errors import InputError

_LOCK = threading.Lock()
_CONTEXT = None


def _context():
    global _CONTEXT
    with _LOCK:
        if _CONTEXT is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["checker.reader", "pypdf", "checker.web.isolation"])
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


def _child(connection, data: bytes, name: str, pages_max: int, memory: int) -> None:
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):
        pass
    try:
        connection.send(("ok", read_in_process(data, name, pages_max)))
    except InputError as exc:
        connection.send(("erreur", exc.message))
    except MemoryError:
        connection.send(("erreur", "document trop lourd à lire : la mémoire allouée à sa lecture est épuisée"))
    except RecursionError:
        connection.send(("erreur", "document illisible : structure trop profonde ou circulaire"))
    except Exception as exc:  # the child reports anything, the server decides
        connection.send(("erreur", f"document illisible ({type(exc).__name__})"))
    finally:
        connection.close()


def read_document(data: bytes, name: str, settings: Settings) -> dict:
    """The record read from a text or PDF document, or an InputError naming `name`.

    Blocking: call it from a worker thread, not from the event loop."""
    context = _context()
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sending, data, name, settings.pages_max,
                                                   settings.memoire_lecture), daemon=True)
    process.start()
    sending.close()
    try:
        if not receiving.poll(settings.delai_lecture):
            raise InputError(f"lecture interrompue après {settings.delai_lecture:g} s : document trop long ou "
                             "trop complexe à lire", fichier=name)
        try:
            status, payload = receiving.recv()
        except (EOFError, OSError):
            raise InputError("lecture du document interrompue : mémoire ou ressources épuisées", fichier=name)
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiving.close()
    if status != "ok":
        raise InputError(payload, fichier=name)
    return payload

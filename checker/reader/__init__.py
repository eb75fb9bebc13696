"""Reading real documents (extract of the register, procès-verbal, compte rendu) into a record.

`read_text` and `read_file` give a record of the seance schema in which every fact read carries
the passage it comes from (`source`) and a `confiance`; what cannot be read is left out, so that
the checker says « indéterminé » rather than trusting a guess. The meeting's date too: when only the
document's first date is seen, the record has no `seance.date` (the date seen is in
`lecture.rejetees`), and the checker refuses it until the date is given. `render_text` writes a plausible
extract from a record, in varied phrasings, for the round-trip tests.
"""
from __future__ import annotations

import os
import sys

from checker.errors import InputError
from checker.reader.assemble import read_document
from checker.reader.normalize import Document
from checker.reader.pdf import pdf_text
from checker.reader.render import render_text

__all__ = ["read_text", "read_file", "render_text"]


def read_text(text: str, source_name: str = "<texte>") -> dict:
    """The record read from the text of a document."""
    if not isinstance(text, str):
        raise InputError("le texte à lire doit être une chaîne de caractères", fichier=source_name)
    return read_document(Document(text), source_name)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older exports from office suites are in Windows-1252 / Latin-1.
        return data.decode("latin-1")


def read_file(path) -> dict:
    """The record read from a `.txt` (UTF-8, else Latin-1) or `.pdf` (text layer) file."""
    name = os.fspath(path)
    display = str(name)
    if display == "-":
        return read_text(_decode(sys.stdin.buffer.read()), "-")
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except FileNotFoundError as exc:
        raise InputError("fichier introuvable", fichier=display) from exc
    except IsADirectoryError as exc:
        raise InputError("c'est un dossier, pas un fichier", fichier=display) from exc
    except OSError as exc:
        raise InputError(f"lecture impossible ({exc.strerror or exc})", fichier=display) from exc
    suffix = os.path.splitext(display)[1].lower()
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return read_text(pdf_text(data, display), display)
    if suffix not in ("", ".txt", ".text"):
        raise InputError(f"format non pris en charge « {suffix} » (admis : .txt, .pdf)", fichier=display)
    return read_text(_decode(data), display)

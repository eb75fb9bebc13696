"""The text layer of a PDF, through pypdf.

Scanned PDFs carry images only: their text layer is empty. They are read by OCR when the extra
`delibcheck[ocr]` and Tesseract are installed (checker/reader/ocr.py); otherwise the user is told
what to install rather than given an empty record.
"""
from __future__ import annotations

import io
import logging
import warnings

from checker.errors import InputError

_MIN_CHARACTERS = 20


def pdf_text(data: bytes, source_name: str) -> str:
    """The text of every page, pages separated by a blank line."""
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover - pypdf is a declared dependency
        raise InputError("la lecture des PDF demande le paquet pypdf", fichier=source_name) from exc

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    reader.decrypt("")
                except Exception as exc:
                    raise InputError("PDF chiffré : impossible d'en lire le texte", fichier=source_name) from exc
            pages = []
            for page in reader.pages:
                pages.append(page.extract_text() or "")
            if sum(1 for c in "".join(pages) if c.isalnum()) < _MIN_CHARACTERS:
                from checker.reader.ocr import ocr_pages
                pages = [ocr_pages(reader, source_name)]
    except InputError:
        raise
    except RecursionError as exc:
        raise InputError("PDF illisible (structure trop profonde ou circulaire)", fichier=source_name) from exc
    except Exception as exc:
        raise InputError(f"PDF illisible ou endommagé ({type(exc).__name__})", fichier=source_name) from exc
    finally:
        logger.setLevel(level)
    text = "\n\n".join(pages)
    if sum(1 for c in text if c.isalnum()) < _MIN_CHARACTERS:
        raise InputError("PDF sans couche texte (document scanné), et la reconnaissance de caractères n'y lit "
                         "rien (page blanche ou image illisible)", fichier=source_name)
    return text

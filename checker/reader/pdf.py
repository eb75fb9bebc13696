"""The text layer of a PDF: by word positions with pdfplumber when it is installed, else pypdf.

A header box printed as a table (« Membres en exercice | 27 », « Présents | 18 ») is often
written into the PDF column by column: all labels, then all values. Read in the order of the
file (pypdf), the pairing is lost (« Membres en exercice Présents … 27 18 »); read by position
(pdfplumber's words, grouped into lines by their height on the page), each label sits next to its
value again. Only pages where pypdf's text shows such a run of labels are read so: by positions,
a page costs some twenty times more. A page set in two columns of prose is the exception: lines by height would
interleave the columns, so such a page keeps pypdf's order. pdfplumber is the optional extra
`delibcheck[pdf]`; without it, or when it fails on a file, pypdf reads every page.

Scanned PDFs carry images only: their text layer is empty. They are read by OCR when the extra
`delibcheck[ocr]` and Tesseract are installed (checker/reader/ocr.py); otherwise the user is told
what to install rather than given an empty record. A scan that came back from the prefecture's
platform has a text layer, but it holds only the stamp printed on each page: such a page, with little
text and a page-sized image, is read by OCR as well when it is installed.
"""
from __future__ import annotations

import io
import logging
import re
import warnings

from checker.errors import InputError
from checker.reader.normalize import fold

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
            flattened = [i for i, page in enumerate(pages) if _LABEL_RUN.search(" ".join(fold(page).split()))]
            by_position = layout_pages(data, flattened) if flattened else None
            if by_position is not None:
                for i, positioned in by_position.items():
                    if positioned is not None:
                        pages[i] = positioned
            if sum(1 for c in "".join(pages) if c.isalnum()) < _MIN_CHARACTERS:
                from checker.reader.ocr import ocr_pages
                pages = [ocr_pages(reader, source_name)]
            else:
                _read_stamped_scans(reader, pages, source_name)
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


# A scan sent to the prefecture comes back with the platform's stamp written as text on each page
# (« Envoyé en préfecture le … Reçu en préfecture le … ID : … »): the text layer is then that stamp
# alone, and the deliberation is in the image. A page with so little text and a page-sized image is
# read by OCR too, when it is installed; without it, the stamp is all there is to read.
_THIN_PAGE = 300


def _read_stamped_scans(reader, pages: list, source_name: str) -> None:
    thin = [i for i, page in enumerate(pages) if sum(1 for c in page if c.isalnum()) < _THIN_PAGE]
    if not thin:
        return
    from checker.reader.ocr import ocr_available, ocr_page, scanned_image
    scans = [i for i in thin if scanned_image(reader.pages[i])]
    if not scans:
        return
    missing = ocr_available()
    if missing is not None:
        if len(scans) == len(pages):
            # Every page is a scan: read without OCR, the document would be its stamps alone.
            raise InputError(f"PDF scanné dont la couche texte ne porte que le tampon de transmission : {missing}",
                             fichier=source_name)
        return
    for i in scans:
        read = ocr_page(reader.pages[i])
        if read.strip():
            pages[i] = f"{pages[i]}\n{read}".strip()


# Words closer than this in height (points) are on one line; a gap wider than this between two
# words of a line, at the same place on most lines, is the gutter of a two-column page.
_LINE_TOLERANCE = 3.0
_GUTTER = 18.0
_TWO_COLUMN_SHARE = 0.4
_MIN_LINES_FOR_COLUMNS = 8


# Labels of a header box with no figure between them, then the figures (« Membres en exercice
# Présents Votants 27 18 21 »):
# the box was written column by column, the page is worth reading by positions. Reading every
# page so would cost twenty times pypdf's time for nothing on pages of prose.
_LABEL = (r"(?:en\s+exercice|presents?|representes?|procurations?|pouvoirs?|votants?|absents?|suffrages exprimes"
          r"|abstentions?|date (?:de (?:la )?)?convocation|convocation envoyee le|date d'affichage)")
_LABEL_RUN = re.compile(rf"\b{_LABEL}\b(?:[^0-9]{{0,80}}?\b{_LABEL}\b){{1,8}}[^0-9]{{0,40}}"
                        rf"[0-9/.]{{1,10}}(?:\s+[a-z]{{3,9}})?(?:\s+[0-9/.]{{1,10}}){{1,}}")


def layout_pages(data: bytes, wanted=None) -> dict | None:
    """{page index: its text rebuilt line by line from word positions, or None for a page in two
    columns} for the pages `wanted` (all by default); None when pdfplumber is missing or cannot
    read the file."""
    try:
        import pdfplumber
    except ImportError:
        return None
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                indices = range(len(pdf.pages)) if wanted is None else [i for i in wanted if i < len(pdf.pages)]
                result = {}
                for i in indices:
                    page = pdf.pages[i]
                    result[i] = _page_text(page.extract_words(x_tolerance=1.5, y_tolerance=_LINE_TOLERANCE),
                                           page.width)
                return result
    except RecursionError:
        return None
    except Exception:
        return None
    finally:
        logger.setLevel(level)


def _lines(words: list) -> list:
    lines: list = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if lines and abs(word["top"] - lines[-1][0]) <= _LINE_TOLERANCE:
            lines[-1][1].append(word)
        else:
            lines.append((word["top"], [word]))
    return [sorted(line, key=lambda w: w["x0"]) for _, line in lines]


def _two_columns(lines: list, width: float) -> bool:
    """Most lines of several words break at one gutter near the middle of the page."""
    long_lines = [line for line in lines if len(line) >= 4]
    if len(long_lines) < _MIN_LINES_FOR_COLUMNS:
        return False
    middle = (width * 0.3, width * 0.7)
    broken = 0
    for line in long_lines:
        if any(b["x0"] - a["x1"] >= _GUTTER and middle[0] <= (a["x1"] + b["x0"]) / 2 <= middle[1]
               for a, b in zip(line, line[1:])):
            broken += 1
    return broken / len(long_lines) >= _TWO_COLUMN_SHARE


def _page_text(words: list, width: float) -> str | None:
    lines = _lines(words)
    if _two_columns(lines, width):
        return None
    return "\n".join(" ".join(w["text"] for w in line) for line in lines)


"""Text of a scanned PDF by optical character recognition (optional extra `delibcheck[ocr]`).

A scan carries one image per page and no text layer. The images are taken out of the PDF by
pypdf (no renderer needed) and read by Tesseract in French through pytesseract. Tesseract is a
Debian package (`tesseract-ocr`, `tesseract-ocr-fra`), not a Python one: when it or the extra is
missing, the message says what to install; nothing is downloaded at run time.
"""
from __future__ import annotations

import io
import shutil

from checker.errors import InputError

_INSTALL = ("installer l'extra « pip install 'delibcheck[ocr]' » et les paquets Debian « tesseract-ocr "
            "tesseract-ocr-fra » (apt-get install tesseract-ocr tesseract-ocr-fra)")


def ocr_available() -> str | None:
    """None when OCR can run, else what is missing, in French."""
    try:
        import pytesseract  # noqa: F401
        from PIL import Image  # noqa: F401
    except ImportError:
        return f"la reconnaissance de caractères n'est pas installée : {_INSTALL}"
    if shutil.which("tesseract") is None:
        return f"le programme tesseract est absent : {_INSTALL}"
    import pytesseract
    try:
        languages = pytesseract.get_languages(config="")
    except Exception:
        languages = []
    if "fra" not in languages:
        return f"le français de tesseract est absent : {_INSTALL}"
    return None


def ocr_pages(reader, source_name: str) -> str:
    """The text Tesseract reads in the images of every page of a pypdf `PdfReader`."""
    missing = ocr_available()
    if missing:
        raise InputError(f"PDF sans couche texte (document scanné) : {missing}", fichier=source_name)
    return "\n\n".join(ocr_page(page) for page in reader.pages)


# An image this small is a logo or a signature, not a scanned page.
_MIN_SIDE = 200
# A scanned page: its image fills most of the page's width.
_SCAN_SIDE = 1000


def scanned_image(page) -> bool:
    """Whether a pypdf page carries an image the size of a scanned page."""
    try:
        return any(min(image.image.size) >= _MIN_SIDE and max(image.image.size) >= _SCAN_SIDE
                   for image in page.images)
    except Exception:
        return False


def ocr_page(page) -> str:
    """The text Tesseract reads in the images of one pypdf page (OCR known to be available)."""
    import pytesseract
    from PIL import Image

    texts = []
    for image in page.images:
        try:
            picture = Image.open(io.BytesIO(image.data))
            picture.load()
        except Exception:
            continue
        if picture.width < _MIN_SIDE or picture.height < _MIN_SIDE:
            continue
        texts.append(pytesseract.image_to_string(picture.convert("L"), lang="fra"))
    return "\n".join(texts)

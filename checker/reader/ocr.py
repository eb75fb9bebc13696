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
    import pytesseract
    from PIL import Image

    pages = []
    for page in reader.pages:
        texts = []
        for image in page.images:
            try:
                picture = Image.open(io.BytesIO(image.data))
                picture.load()
            except Exception:
                continue
            if picture.width < 200 or picture.height < 200:
                continue
            texts.append(pytesseract.image_to_string(picture.convert("L"), lang="fra"))
        pages.append("\n".join(texts))
    return "\n\n".join(pages)

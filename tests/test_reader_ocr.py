"""Scanned PDFs (images only) read by OCR, and the French message when OCR is not installed."""
from __future__ import annotations

import textwrap

import pytest
from reader_support import DATA, value

from checker.errors import InputError
from checker.reader import read_file
from checker.reader import ocr

FONTS = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"]


def scanned_pdf(text: str, path) -> None:
    """An image-only PDF of `text`, as a scanner makes it: one grey image per page, no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    font_path = next((f for f in FONTS if __import__("os").path.exists(f)), None)
    if font_path is None:
        pytest.skip("police DejaVu absente : installer le paquet Debian fonts-dejavu-core")
    font = ImageFont.truetype(font_path, 30)
    lines = [line for paragraph in text.splitlines() for line in (textwrap.wrap(paragraph, 80) or [""])]
    page = Image.new("L", (2480, min(3508, 240 + 42 * len(lines))), 255)
    draw = ImageDraw.Draw(page)
    for index, line in enumerate(lines[:80]):
        draw.text((120, 120 + index * 42), line, font=font, fill=0)
    page.save(path, "PDF", resolution=300)


def test_a_scanned_reference_document_is_read_back_by_ocr(tmp_path):
    missing = ocr.ocr_available()
    if missing:
        pytest.skip(f"OCR indisponible : {missing}")
    text = (DATA / "corpus" / "villeneuve-dascq-2023-12-19.txt").read_text(encoding="utf-8")
    head = "\n".join(text.splitlines()[:40])
    path = tmp_path / "scan.pdf"
    scanned_pdf(head, path)
    assert b"/Font" not in path.read_bytes()  # no text layer: only the image
    record = read_file(path)
    seance = record["seance"]
    assert value(seance["date"]) == "2023-12-19" and seance["heure"] == "18:45"
    assert value(seance["presence_par_difference"]) is True
    assert value(seance["representes"]) == 6
    assert record["collectivite"]["nature"] == "commune"


def test_without_ocr_the_message_says_what_to_install(tmp_path, monkeypatch):
    pytest.importorskip("PIL", reason="Pillow absent : l'extra delibcheck[ocr] n'est pas installé")
    path = tmp_path / "scan.pdf"
    scanned_pdf("Le conseil municipal s'est réuni le 19 décembre 2023.", path)
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(InputError) as error:
        read_file(path)
    message = str(error.value)
    assert "PDF sans couche texte" in message and "tesseract-ocr-fra" in message
    assert "delibcheck[ocr]" in message and error.value.fichier == str(path)


def stamped(scan_path, stamp_lines, path) -> None:
    """The scan with the prefecture platform's stamp written as text over it, as sent back by @ctes."""
    from pypdf import PdfReader, PdfWriter
    from reader_support import make_pdf
    import io

    writer = PdfWriter(clone_from=str(scan_path))
    writer.pages[0].merge_page(PdfReader(io.BytesIO(make_pdf(stamp_lines))).pages[0])
    with open(path, "wb") as out:
        writer.write(out)


STAMP = ["Envoyé en préfecture le 22/12/2023", "Reçu en préfecture le 22/12/2023",
         "ID : 059-215900096-20231219-2023_12_01-DE"]


def test_a_scan_with_the_prefecture_stamp_as_text_is_read_by_ocr_too(tmp_path):
    missing = ocr.ocr_available()
    if missing:
        pytest.skip(f"OCR indisponible : {missing}")
    text = (DATA / "corpus" / "villeneuve-dascq-2023-12-19.txt").read_text(encoding="utf-8")
    scan = tmp_path / "scan.pdf"
    scanned_pdf("\n".join(text.splitlines()[:40]), scan)
    path = tmp_path / "tamponne.pdf"
    stamped(scan, STAMP, path)
    record = read_file(path)
    # The meeting is only in the image; the stamp only in the text layer: both are read.
    assert value(record["seance"]["date"]) == "2023-12-19"
    delib = record["deliberations"][0]
    assert value(delib["transmission"]["date_reception"]) == "2023-12-22"


def test_a_stamped_scan_without_ocr_says_what_to_install(tmp_path, monkeypatch):
    pytest.importorskip("PIL", reason="Pillow absent : l'extra delibcheck[ocr] n'est pas installé")
    scan = tmp_path / "scan.pdf"
    scanned_pdf("Le conseil municipal s'est réuni le 19 décembre 2023.", scan)
    path = tmp_path / "tamponne.pdf"
    stamped(scan, STAMP, path)
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(InputError) as error:
        read_file(path)
    assert "tampon de transmission" in str(error.value) and "tesseract-ocr-fra" in str(error.value)
    assert error.value.fichier == str(path)

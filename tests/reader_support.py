"""Helpers shared by the reader's tests: the record schema and tiny PDF files."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from checker.pdf_texte import escape as escape_pdf_text, pdf_file, text_pages_pdf  # noqa: F401 (escape_pdf_text: used by the layout tests)

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    schema = yaml.safe_load((ROOT / "checker" / "schemas" / "seance.schema.yaml").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def schema_errors(record: dict) -> list:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(record)]


def undated(record: dict) -> bool:
    """Whether the reader gave no meeting date (only the document's first date was seen): the record
    then leaves seance.date out, says why in lecture.rejetees, and is valid in every other respect."""
    if "date" in record.get("seance", {}):
        return False
    assert [r["champ"] for r in record["lecture"]["rejetees"]].count("seance.date") == 1
    assert schema_errors(record) == ["seance: 'date' is a required property"]
    return True


def value(fact):
    return fact.get("valeur") if isinstance(fact, dict) else fact


def make_pdf(lines: list) -> bytes:
    """A one-page PDF whose text layer holds `lines` (Helvetica, WinAnsi), written by hand."""
    return text_pages_pdf([lines])


def one_page_pdf(content: bytes) -> bytes:
    """A one-page PDF drawing the content stream `content`, with Helvetica (WinAnsi) as /F1."""
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])


def blank_pdf() -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()

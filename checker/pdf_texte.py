"""PDF files with a text layer, written by hand: the web reader's warm-up sample and the
documents the tests feed the reader. Helvetica in WinAnsi, one text line per `T*`."""
from __future__ import annotations


def escape(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_file(objects: list[bytes]) -> bytes:
    """The file holding `objects` as objects 1…n, with its cross-reference table; object 1 is the catalogue."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_pages_pdf(pages: list[list[str]]) -> bytes:
    """A PDF of one page per item of `pages`, whose text layer holds that item's lines."""
    count = len(pages)
    font = 3 + 2 * count
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(count).encode() + b" >>"]
    for index, lines in enumerate(pages):
        content = b"BT /F1 9 Tf 12 TL 40 800 Td " + b" ".join(b"(" + escape(l) + b") Tj T*" for l in lines) + b" ET"
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents "
                       + str(4 + 2 * index).encode() + b" 0 R /Resources << /Font << /F1 "
                       + str(font).encode() + b" 0 R >> >> >>")
        objects.append(b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    return pdf_file(objects)

"""Imported by the reading processes' forkserver only: one small PDF and one text read at start-up.

Every document is read in a fresh child forked from that server. What the reader and pypdf build
on their first use (compiled patterns, lazily imported modules, font tables) is then built once
here and inherited by every child, instead of being built again for each document — it was half
of the reading time of a ten-page PDF.
"""
from __future__ import annotations

from checker.web.isolation import read_in_process


def _sample_pdf(lines: list[str]) -> bytes:
    content = b"BT /F1 9 Tf 12 TL 40 800 Td " + b" ".join(b"(" + l.encode("cp1252") + b") Tj T*" for l in lines) + b" ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
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


SAMPLE = ["COMMUNE DE SAINT-EXEMPLE", "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL",
          "Seance du 19 decembre 2023", "L'an deux mille vingt-trois, le dix-neuf decembre a 18h30, le conseil municipal",
          "legalement convoque le 13 decembre 2023, s'est reuni sous la presidence de M. Jean MARTIN, maire.",
          "Membres en exercice : 15 - Presents : 12 - Representes : 2 - Votants : 14",
          "Secretaire de seance : Mme Claire DUPONT", "Deliberation n° 2023-45 : budget primitif 2024",
          "Adopte par 12 voix pour, 2 contre, 0 abstention.", "Recu en prefecture le 21/12/2023"]


def warm() -> None:
    try:
        read_in_process(_sample_pdf(SAMPLE), "echauffement.pdf", 1)
        read_in_process("\n".join(SAMPLE).encode(), "echauffement.txt", 1)
    except Exception:
        # Warming is an optimisation: a reader that refuses the sample still reads real documents.
        pass


warm()

"""SCDL CSV as spreadsheets really write it: a BOM (Excel's « CSV UTF-8 »), `;` as separator
(French Excel), Windows-1252 rather than UTF-8 (older exports).

The encoding is decided on the first megabyte — a BOM, else strict UTF-8, else the best of a
few Western encodings as charset-normalizer ranks them — and the separator on the header, as
the one that splits it into the SCDL columns. What was found is said in French when it is not
plain UTF-8 with commas. A line that does not decode makes its row an error, not the file.
"""
from __future__ import annotations

import codecs
import csv
from typing import BinaryIO, Callable, Iterator

from ruleset.errors import InputError

SAMPLE = 1024 * 1024
SEPARATORS = (",", ";", "\t", "|")
SEPARATOR_NAMES = {",": "« , »", ";": "« ; »", "\t": "tabulation", "|": "« | »"}
# French exports are in one of these when not in UTF-8; the detector chooses among them only,
# so that a short Latin-1 file is not read as some Central European code page.
WESTERN = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]
ENCODING_NAMES = {"utf_8": "UTF-8", "cp1252": "Windows-1252", "latin_1": "Latin-1 (ISO-8859-1)",
                  "iso8859_15": "Latin-9 (ISO-8859-15)", "mac_roman": "Mac Roman", "cp850": "DOS (CP850)",
                  "utf_16": "UTF-16"}


def detect_encoding(sample: bytes) -> tuple[str | None, str]:
    """The encoding of a text from its first bytes, and what to tell the user about it."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "UTF-8 avec BOM"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "UTF-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=len(sample) < SAMPLE)
        return "utf-8", "UTF-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(sample):
        # A UTF-8 export with a few spoilt lines: those lines become errors, the rest is read.
        return "utf-8", "UTF-8"
    from charset_normalizer import from_bytes
    best = from_bytes(sample, cp_isolation=WESTERN).best()
    if best is None:
        return None, "encodage non reconnu"
    return best.encoding, ENCODING_NAMES.get(best.encoding, best.encoding)


def _mostly_utf8(sample: bytes) -> bool:
    """More lines with accents that decode as UTF-8 than lines that do not (in Latin-1 text an
    accented line almost never happens to be valid UTF-8)."""
    good = bad = 0
    for line in sample.split(b"\n")[:-1] or [sample]:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            bad += 1
    return good > bad


def decode_text(data: bytes) -> tuple[str, str]:
    """A whole text (a document on standard input) decoded by the same detection."""
    encoding, label = detect_encoding(data[:SAMPLE])
    return data.decode(encoding or "utf-8", errors="replace"), label


def _lines(stream: BinaryIO, head: bytes, encoding: str, bad: set) -> Iterator[str]:
    """Text lines (ending in `\\n`) decoded one by one; the numbers of those that did not decode go to `bad`."""
    decoder = codecs.getincrementaldecoder(encoding)
    rest = b""
    number = 0
    for chunk in _chunks(stream, head):
        rest += chunk
        *whole, rest = rest.split(b"\n")
        for raw in whole:
            number += 1
            yield _decode(raw + b"\n", decoder, number, bad)
    if rest:
        yield _decode(rest, decoder, number + 1, bad)


def _chunks(stream: BinaryIO, head: bytes) -> Iterator[bytes]:
    yield head
    while True:
        chunk = stream.read(1 << 16)
        if not chunk:
            return
        yield chunk


def _decode(raw: bytes, decoder, number: int, bad: set) -> str:
    try:
        return decoder().decode(raw, final=True)
    except UnicodeDecodeError:
        bad.add(number)
        return decoder(errors="replace").decode(raw, final=True)


def _separator(header_line: str) -> str:
    from checker.scdl import REQUIRED
    best, found = ",", -1
    for separator in SEPARATORS:
        names = {cell.strip().strip('"').lstrip("\ufeff") for cell in header_line.split(separator)}
        score = sum(1 for c in REQUIRED if c in names)
        if score > found:
            best, found = separator, score
    return best


def csv_sources(stream: BinaryIO, name: str, notify: Callable[[str], None]) -> Iterator:
    from checker.inputs import Source
    from checker.scdl import check_header
    head = stream.read(SAMPLE)
    encoding, label = detect_encoding(head)
    if encoding is None:
        yield Source(name, "error", InputError(
            "CSV illisible : encodage non reconnu (ni UTF-8, ni Windows-1252, ni Latin-1) ; "
            "enregistrer le fichier en « CSV UTF-8 »", fichier=name, ligne=1))
        return
    bad: set = set()
    lines = _lines(stream, head, encoding.replace("-sig", "") if encoding == "utf-8-sig" else encoding, bad)
    first = next(lines, "")
    if first.startswith("\ufeff"):
        first = first[1:]
    separator = _separator(first)
    said = []
    if label != "UTF-8":
        said.append(f"encodage {label}")
    if separator != ",":
        said.append(f"séparateur {SEPARATOR_NAMES[separator]}")
    if said:
        notify(f"{name} : CSV lu avec {' et '.join(said)}")

    def all_lines():
        yield first
        yield from lines

    reader = csv.DictReader(all_lines(), delimiter=separator)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        yield Source(name, "error", InputError(f"CSV illisible : en-tête mal formé ({_csv_reason(exc)})",
                                               fichier=name, ligne=1))
        return
    if header:
        reader.fieldnames = [h.strip() for h in header]
    problem = check_header(reader.fieldnames)
    if problem:
        seen = f" ; séparateur lu : {SEPARATOR_NAMES[separator]}, encodage : {label}"
        yield Source(name, "error", InputError(problem + seen, fichier=name, ligne=1))
        return
    previous = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Source(f"{name}:{reader.line_num}", "error",
                         InputError(f"CSV illisible : {_csv_reason(exc)}", fichier=name, ligne=reader.line_num),
                         reader.line_num)
            return
        line = reader.line_num
        spoiled = sorted(n for n in bad if previous < n <= line)
        previous = line
        if spoiled:
            yield Source(f"{name}:{line}", "error", InputError(
                f"ligne non lisible en {label} (octets invalides ligne {spoiled[0]}) ; les autres lignes sont lues",
                fichier=name, ligne=line), line)
            continue
        yield Source(f"{name}:{line}", "scdl_row", row, line)


def _csv_reason(exc: csv.Error) -> str:
    text = str(exc)
    if "new-line character" in text:
        return "retour à la ligne dans une cellule sans guillemets"
    if "field larger than field limit" in text:
        return "cellule trop longue"
    if "NUL" in text or "line contains NUL" in text:
        return "caractère nul dans la ligne"
    if "unexpected end of data" in text:
        return "guillemet non refermé en fin de fichier"
    return "ligne CSV mal formée"

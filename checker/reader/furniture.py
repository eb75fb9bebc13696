"""Page furniture: what a multi-page document prints on every page, wherever the page ends.

A PDF's text layer gives each page's header, footer and stamp where the page ends, so they fall
between two names of a list: « Pouvoirs : Mme Claude PAIN à M. Page 1/6 CONSEIL COMMUNAUTAIRE DU
25 JANVIER 2023 PROCES VERBAL Francis GROUSSET, … », « … Jean CABOS à Sandrine DURAN, Envoyé en
préfecture le 31/12/2022 Reçu en préfecture le 31/12/2022 Affiché le ID : 082-…-DE Pascal AUDIC à
… ». Read as names, they cut a list short, join two names into one, or give a name that is none.
The names are read in the text without them: the page numbers (« Page 2/6 », « Page 2 sur 6 »,
« -1/84- »), the transmission stamps of the @ctes platforms (« Envoyé / Reçu en préfecture le … »,
« Affiché le … », « Publié le … », « ID : … », « Accusé de réception en préfecture … »), and the
document's own heading repeated further on (its first words, printed again at the top of each page).
"""
from __future__ import annotations

import re

from checker.reader.normalize import Document

_DATE = r"(?: ?:? ?\d{1,2} ?[/.-] ?\d{1,2} ?[/.-] ?\d{2,4})"
_ACTES_ID = r"(?:\d{3}|02[ab])-\d{9}-\d{8}-[a-z0-9_-]{1,20}-(?:de|ar|ai|cc|bf|au)\b"
_FURNITURE = re.compile(
    r"\bpage \d{1,3}(?: ?(?:/|sur) ?\d{1,3})?\b"
    r"|(?<![\w/])-\d{1,3}/\d{1,3}-(?!\w)"
    r"|\b(?:envoyee?|recue?) en prefecture le" + _DATE + "?"
    r"|\b(?:affichee?|publiee?) le" + _DATE + "?"
    r"|\baccuse de reception(?: en prefecture)?(?: " + _ACTES_ID + ")?"
    r"|\bdate de (?:teletransmission|reception(?: en)? prefecture) ?:?" + _DATE + "?"
    r"|\b(?:id ?: ?)?" + _ACTES_ID)
# The heading repeated on each page: the document's first words, at least this many and this long.
_HEADING_WORDS = (12, 3)
_HEADING_CHARS = 15


def _repeated_heading(doc: Document) -> str | None:
    """The longest run of the document's first words (3 to 12) printed again further on, as printed
    (a body's name in a delegate's line, « Commune de Montlouis : », is not its heading in capitals)."""
    words = doc.text[:400].split(" ")
    for count in range(min(_HEADING_WORDS[0], len(words) - 1), _HEADING_WORDS[1] - 1, -1):
        heading = " ".join(words[:count])
        if len(heading) >= _HEADING_CHARS and doc.text.find(heading, len(heading)) > 0:
            return heading
    return None


def furniture_spans(doc: Document) -> list:
    """(start, end) of each piece of page furniture after the document's heading, in order."""
    spans = [(m.start(), m.end()) for m in _FURNITURE.finditer(doc.fold)]
    heading = _repeated_heading(doc)
    if heading:
        at = doc.text.find(heading, len(heading))
        while at > 0:
            spans.append((at, at + len(heading)))
            at = doc.text.find(heading, at + len(heading))
    merged: list = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def without_furniture(doc: Document) -> Document:
    """`doc` with its page furniture taken out (with the space before each piece): the text a list
    of names is read in. Positions are those of the new text."""
    spans = furniture_spans(doc)
    if not spans:
        return doc
    text, folded, last = [], [], 0
    for start, end in spans:
        cut = start - 1 if start > 0 and doc.text[start - 1] == " " else start
        text.append(doc.text[last:cut])
        folded.append(doc.fold[last:cut])
        last = end
    text.append(doc.text[last:])
    folded.append(doc.fold[last:])
    part = Document.__new__(Document)
    part.text = "".join(text)
    part.fold = "".join(folded)
    return part

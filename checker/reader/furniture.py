"""Page furniture: what a multi-page document prints on every page, wherever the page ends.

A PDF's text layer gives each page's header, footer and stamp where the page ends, so they fall
between two lines of a sentence or two names of a list: « Pouvoirs : Mme Claude PAIN à M. Page 1/6
CONSEIL COMMUNAUTAIRE DU 25 JANVIER 2023 PROCES VERBAL Francis GROUSSET, … », « … Jean CABOS à
Sandrine DURAN, Envoyé en préfecture le 31/12/2022 Reçu en préfecture le 31/12/2022 Affiché le ID :
082-…-DE Pascal AUDIC à … ». Read as they fall, they cut a formula or a list short, join two names
into one, or give a name that is none.

The furniture is the page numbers (« Page 2/6 », « Page 2 sur 6 », « - 3 - », « -1/84- »), the
transmission stamps of the @ctes platforms (« Envoyé / Reçu en préfecture le … », « Affiché le … »,
« Publié le … », « ID : … », « Accusé de réception en préfecture … »), and the document's own heading
repeated at the top of each page. Its words are written here once, and used twice:

- `normalize` (checker/reader/normalize.py) drops the page numbers and the heading repeated, and
  moves a stamp that cuts a sentence after that sentence's end (a stamp is kept: it is read), on the
  text as extracted, by lines (`lines_aside`) and where the lines were lost (`inline_aside`);
- the names are read in the text without any of it (`without_furniture`, checker/reader/assemble.py).

The pieces match the text as extracted (accents, any case) and its folded twin alike.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.reader.normalize import Document

# The words of the furniture, once.
_DATE = r"(?: ?:? ?\d{1,2} ?[/.-] ?\d{1,2} ?[/.-] ?\d{2,4})"
_ACTES_ID = r"(?:\d{3}|02[ab])-\d{9}-\d{8}-[a-z0-9_-]{1,20}-(?:de|ar|ai|cc|bf|au)\b"
_ACTES_ID_START = r"(?:\d{3}|02[ab])-\d{9}-"
_SENT = r"envoy[eé]e? en pr[eé]fecture"
_RECEIVED = r"re[cç]ue? en pr[eé]fecture"
_POSTED = r"(?:affich|publi)[eé]e? le"
_ID = r"id ?: ?"
_ACKNOWLEDGED = r"accus[eé] de r[eé]ception(?: en pr[eé]fecture)?"
_TRANSMITTED = r"date de (?:t[eé]l[eé]transmission|r[eé]ception(?: en)? pr[eé]fecture) ?:?"
_PAGE_OF = r"\d{1,3} ?(?:/|sur) ?\d{1,3}"
_FOLIO_DASHED = r"(?<![\w/])-\d{1,3}/\d{1,3}-(?!\w)"

# A line that is furniture: a page number alone on it, or a stamp's line.
_PAGE_LINE = re.compile(r"(?i)^(?:page|p\.) ?\d{1,3}(?: ?(?:/|sur|de) ?\d{1,3})?$|^- ?\d{1,3} ?-$")
_STAMP_LINE = re.compile(rf"(?i)^(?:{_SENT}|{_RECEIVED}|{_POSTED}|{_ID}{_ACTES_ID_START}|{_ACKNOWLEDGED}$|{_TRANSMITTED}$)")
# The values of a stamp box whose labels came first (« Date de télétransmission : / Date de réception
# préfecture : / 08/04/2014 / 08/04/2014 »): lines of dates or an identifier right after its labels.
_STAMP_VALUES_LINE = re.compile(rf"(?i)^(?:(?:{_ID})?{_ACTES_ID}|\d{{1,2}} ?/ ?\d{{1,2}} ?/ ?\d{{2,4}}"
                                rf"(?: \d{{1,2}} ?/ ?\d{{1,2}} ?/ ?\d{{2,4}}){{0,2}})$")
# A page number inside a line, with the page count (« Page 2/6 »: never a page quoted alone).
_INLINE_PAGE = re.compile(rf"(?i)(?<![\w/])page ?{_PAGE_OF}\b")
# A stamp's run inside a line, as the platforms print it: sent, received, posted, identifier.
_STAMP_DATE = r"(?: ?\d{1,2}/\d{1,2}/\d{2,4})?"
_INLINE_STAMP = re.compile(
    rf"(?i)(?:{_SENT} le{_STAMP_DATE}\s+)?(?:{_RECEIVED} le{_STAMP_DATE}\s+)"
    rf"(?:{_POSTED}{_STAMP_DATE}\s+)?(?:{_ID}(?:\d{{3}}|02[ab])-\d{{9}}-\d{{8}}-[\w-]{{1,20}})?"
    # The @ctes box flattened, labels first: « Accusé de réception en préfecture Date de télétransmission :
    # Date de réception préfecture : <identifiant> 08/04/2014 08/04/2014 ».
    rf"|(?:{_ACKNOWLEDGED}\s+)?{_TRANSMITTED}\s+{_TRANSMITTED}(?:\s+(?:{_ID})?{_ACTES_ID})?"
    rf"(?:\s+\d{{1,2}}/\d{{1,2}}/\d{{2,4}}){{1,3}}")
# Any piece of furniture in the folded text (a page number even without its count).
_FURNITURE = re.compile(
    rf"\bpage \d{{1,3}}(?: ?(?:/|sur) ?\d{{1,3}})?\b|{_FOLIO_DASHED}"
    rf"|\b(?:{_SENT}|{_RECEIVED}) le{_DATE}?"
    rf"|\b{_POSTED}{_DATE}?"
    rf"|\b{_ACKNOWLEDGED}(?: {_ACTES_ID})?"
    rf"|\b{_TRANSMITTED} {_TRANSMITTED}(?: (?:{_ID})?{_ACTES_ID})?{_DATE}{{1,3}}"
    rf"|\b{_TRANSMITTED}{_DATE}?"
    rf"|\b(?:{_ID})?{_ACTES_ID}")

# The heading repeated on each page, read three ways: by lines (one of the document's first lines
# printed again), after a page number on one line (its first words again), and in the whole
# normalized text (its first words, at least this many and this long).
_HEADER_LINES = 3
_HEADER_MIN = 15
_HEAD_WORDS = 3
_HEADING_WORDS = (12, 3)
_HEADING_CHARS = 15

_SENTENCE_END = re.compile(r"[.:;!?]$")
_INLINE_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_CUT_BEFORE = re.compile(r"(?:[a-zà-ÿ]{2}|,) ?$")
_CUT_AFTER = re.compile(r" ?[a-zà-ÿ]")
_FOLIO = re.compile(r" \d{1,4}(?= )")
_CARRY = 600


def _furniture_lines(lines: list) -> set:
    """The indices of the lines that are page furniture."""
    stripped = [" ".join(line.split()) for line in lines]
    head = [line for line in stripped if line][:_HEADER_LINES]
    seen: set = set()
    found = set()
    for i, line in enumerate(stripped):
        if not line:
            continue
        if _PAGE_LINE.match(line) or _STAMP_LINE.match(line) or (
                i - 1 in found and _STAMP_VALUES_LINE.match(line) and _stamp_line(stripped[i - 1])):
            found.add(i)
        elif line in seen and line in head and len(line) >= _HEADER_MIN:
            found.add(i)
        seen.add(line)
    return found


def _stamp_line(line: str) -> bool:
    """Whether a line of furniture is a stamp's (kept and read), not a page number (dropped)."""
    return bool(_STAMP_LINE.match(line) or _STAMP_VALUES_LINE.match(line))


def lines_aside(text: str) -> str:
    """The text with each run of page furniture moved after the end of the sentence it cut (the next
    line that ends with a full stop or a colon, or before a blank line), so that a formula, a list or a
    vote split across two pages reads whole; page numbers and a running header repeated are dropped,
    a stamp kept (it is read) on its page."""
    lines = text.split("\n")
    if len(lines) < 3:
        return text
    furniture = _furniture_lines(lines)
    if not furniture:
        return text
    out: list = []
    held: list = []
    for i, line in enumerate(lines):
        if i in furniture:
            if not _stamp_line(" ".join(line.split())):
                continue
            if held or out and out[-1].strip() and not _SENTENCE_END.search(out[-1].rstrip()):
                held.append(line)
            else:
                out.append(line)
            continue
        if held and not line.strip():
            out.extend(held)
            held = []
        out.append(line)
        if held and _SENTENCE_END.search(line.rstrip()):
            out.extend(held)
            held = []
    out.extend(held)
    return "\n".join(out)


def inline_aside(text: str) -> str:
    """The same, where the text layer has no line breaks (or lost them): a page number and the
    running header after it (the document's first words, repeated) are dropped; a stamp that cuts a
    sentence is moved after that sentence's end."""
    head = text.split()[:12]
    out, last = [], 0
    for m in _INLINE_PAGE.finditer(text):
        out.append(text[last:m.start()])
        last = m.end()
        # A bare number right after the page's number is the register's folio, never a count.
        folio = _FOLIO.match(text, last)
        if folio:
            last = folio.end()
        words = list(re.finditer(r"\S+", text[last:last + 200]))
        same = 0
        while same < min(len(words), len(head)) and words[same].group(0) == head[same]:
            same += 1
        # A stamp repeated on every page is read as a stamp, never dropped as a running header.
        stamp = _INLINE_STAMP.match(text, last + words[0].start()) if words else None
        if same >= _HEAD_WORDS and not (stamp and stamp.group(0)):
            last += words[same - 1].end()
    out.append(text[last:])
    text = "".join(out)
    pos = 0
    while (m := _INLINE_STAMP.search(text, pos)) is not None:
        pos = m.end()
        if m.end() == m.start():
            pos += 1
            continue
        # Only a sentence plainly cut: a word in lower case or a comma before, a word in lower case after.
        if not (_CUT_BEFORE.search(text, 0, m.start()) and _CUT_AFTER.match(text, m.end())):
            continue
        end = _INLINE_SENTENCE_END.search(text, m.end(), m.end() + _CARRY)
        if end is None:
            continue
        stamp = text[m.start():m.end()].strip()
        text = text[:m.start()] + text[m.end():end.end()].rstrip() + " " + stamp + " " + text[end.end():]
        pos = end.end()
    return text


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
    of names is read in. Positions are those of the new text, and so are the document's wide gaps,
    blank lines and line ends (`Document.gaps`, `.paragraphs`, `.breaks`): a column gap or a line end
    beside a piece, or inside it, stands where the two sides now meet — a page's end between two
    cells of a table still parts them."""
    spans = furniture_spans(doc)
    if not spans:
        return doc
    text, folded, last = [], [], 0
    # (first index kept, its index in the new text) of each piece of text kept, and where each cut
    # joins two pieces: (first index cut, first index kept after it, the junction in the new text).
    joins, size = [], 0
    for start, end in spans:
        cut = start - 1 if start > 0 and doc.text[start - 1] == " " else start
        text.append(doc.text[last:cut])
        folded.append(doc.fold[last:cut])
        size += cut - last
        joins.append((cut, end, size))
        last = end
    text.append(doc.text[last:])
    folded.append(doc.fold[last:])
    part = type(doc).__new__(type(doc))
    part.text = "".join(text)
    part.fold = "".join(folded)
    for name in ("gaps", "paragraphs", "breaks"):
        places = getattr(doc, name, None)
        if places is not None:
            setattr(part, name, _mapped(places, joins, part.text))
    return part


def _mapped(places: tuple, joins: list, text: str) -> tuple:
    """`places` (increasing indices of spaces in the text as it was) in the text without the pieces cut
    at `joins`: a place in a piece of text kept moves back by what was cut before it; a place inside a
    cut, or on the space right after it, stands at the junction (the space the two sides now share)."""
    mapped: list = []
    shift, i = 0, 0
    for place in places:
        while i < len(joins) and place > joins[i][1]:
            shift = joins[i][1] - joins[i][2]
            i += 1
        if i < len(joins) and place >= joins[i][0]:
            new = joins[i][2]
        else:
            new = place - shift
        if 0 <= new < len(text) and text[new] == " " and (not mapped or new > mapped[-1]):
            mapped.append(new)
    return tuple(mapped)

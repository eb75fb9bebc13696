"""Text as the reader sees it: one line, plain punctuation, and a folded twin for matching.

OCR output of two-column layouts mixes typographic apostrophes and dashes, non-breaking
spaces, words cut at line ends and lost accents. Patterns are written once, in lower case and
without accents, and run on `Document.fold`; a match's span is then read back in
`Document.text`, which keeps case and accents, because names need them.
"""
from __future__ import annotations

import re
import unicodedata

_PUNCTUATION = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u00b4": "'", "\u0060": "'", "\u02bc": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2012": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u200b": " ", "\ufeff": " ",
    "\u0130": "I",
})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = re.compile(r"'{2,}")
# A word cut at a line end: « novem- bre » is one word; « CHATELAIN- NOUIOUA » is a compound
# name whose hyphen must stay.
_CUT_LOWER = re.compile(r"(?<=[a-zà-ÿ])- (?=[a-zà-ÿ])")
# « deux mille vingt- trois », « dix- neuf heures »: a number in words cut at its own hyphen keeps it.
_NUMBER_PART = (r"(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
                r"|vingts?|trente|quarante|cinquante|soixante|cents?|mille|et)")
_CUT_NUMBER = re.compile(rf"(?i)(?<![\w-])({_NUMBER_PART})- (?={_NUMBER_PART}\b)")
_CUT_UPPER = re.compile(r"(?<=[A-Za-zÀ-ÿ])- (?=[A-ZÀ-Þ])")

# Apostrophes lost or spaced out by extraction: « L an deux mille », « s est réuni », « L' an ».
_SPACED_APOSTROPHE = re.compile(r"\b([LlDdSsNnJjCcMmTt]|[Qq]u)' (?=\w)")
_HEADING_WORDS = "|".join(f"(?<={word} )" for word in ("COMMUNAUTE", "COMMUNAUTÉ", "SYNDICAT", "MIXTE", "DE", "ET",
                                                         "INTERCOMMUNAL", "INTERCOMMUNALE", "METROPOLE", "MÉTROPOLE"))
_LOST_APOSTROPHE = re.compile(
    r"\b(?:([Ll]) (?=(?:an|unanimit[eé]|exception|ordre|article|assembl[eé]e|h[oô]tel|ensemble|[eé]lection)\b)"
    r"|([Ss]) (?=(?:est|[eé]tai(?:en)?t)\b)"
    r"|([Dd]) (?=(?:exercice|affichage|envoi|absence|administration|une?)\b)"
    r"|([Qq]u) (?=(?:il|elle|ils|elles)\b)"
    # A heading in capitals loses them the same way (« L AN DEUX MILLE », « S EST RÉUNI »).
    r"|(L) (?=(?:AN (?:DEUX|MIL|\d{4})|UNANIMIT[EÉ]|EXCEPTION|ORDRE|ASSEMBL[EÉ]E|H[OÔ]TEL|[EÉ]LECTION)\b)"
    r"|(S) (?=EST (?:R[EÉ]UNI|TENU|ASSEMBL|L[EÉ]GALEMENT))"
    r"|(D) (?=(?:EXERCICE|AFFICHAGE|ENVOI|ABSENCE)\b)"
    # Any other word after a lone lower-case « d » or « l », which French never writes apart
    # (« Communauté d Agglomération », « de l Etampois », « mise en ligne de l acte »), and in a
    # heading in capitals after a body's word (« COMMUNAUTE D AGGLOMERATION », « DE L ETAMPOIS »), never
    # in a roll of names (« MARTIN L ANNE » may be an initial).
    r"|(?<![\w'.-])([dl]) (?=[aeiouyhàâäéèêëîïôöûüAEIOUYHÀÂÉÈÊÎÔÛ][\w-])"
    rf"|(?:{_HEADING_WORDS})([DL]) (?=[AEIOUYHÀÂÉÈÊÎÔÛ][A-ZÀ-Þ-]+\b))")
# The apostrophe lost without a space: « Lan deux mille vingt-trois », « le Conseil sest réuni ».
_GLUED_APOSTROPHE = re.compile(r"\b(?:([Ll])(?=[Aa][Nn] (?:[Dd][Ee][Uu][Xx]|[Mm][Ii][Ll]|\d{4})\b)"
                               r"|([Ss])(?=[Ee][Ss][Tt] (?:[Rr][EeÉé][Uu][Nn][Ii]|[Tt][Ee][Nn][Uu]|[Aa][Ss][Ss][Ee][Mm][Bb][Ll]"
                               r"|[Ll][EeÉé][Gg][Aa][Ll][Ee][Mm][Ee][Nn][Tt])))")

# A year whose zero the scan read as the letter O (« 2O23 », « 2o22 »): only a four-figure run that is
# a year once the letters are zeros, and with at least one digit, is mended.
# « … DU 24 JUIN 2010L'an deux mille dix, … »: the line break after a title's year lost by extraction.
_GLUED_AFTER_YEAR = re.compile(r"(?<=\b(?:19|20)\d{2})(?=(?:L'|Le |La |Les |L’)[a-zà-ÿ]|L'[A-Z])")
_YEAR_WITH_O = re.compile(r"\b(?=[0-9Oo]*[Oo])(?=[0-9Oo]*\d)(?:19|2[0Oo])[0-9Oo]{2}\b")

# A day whose digit 1 the scan read as a letter (« le l2 mars », « l6/12/2019 », « 3l janvier », « le ll juin »,
# « LE I OCTOBRE »): only a day of one or two characters, one at least a digit or after « le », followed
# by a month or by the rest of a date in figures.
_DATE_REST = (r"(?: ?[/.] ?[01]?\d ?[/.] ?\d{2}|(?: ?er)? (?i:janv(?:ier)?|f[eé]vr?(?:ier)?|mars|avr(?:il)?|mai|juin"
              r"|juil(?:let)?|ao[uû]t|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[eé]c(?:embre)?)(?![^\W\d_]))")
_AFTER_WEEKDAY = "|".join(f"(?<={day} )" for weekday in ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                                                       "dimanche") for day in (weekday, weekday.upper()))
_DAY_WITH_L = re.compile(rf"(?<![\w'])[lI|](?=\d{_DATE_REST})|(?<=(?<![\w'])[0-3])[lI|](?={_DATE_REST})"
                         rf"|(?<![\w'])[lI|]{{2}}(?={_DATE_REST})|(?:(?<=\b[Ll][Ee] )|(?:{_AFTER_WEEKDAY}))[lI|](?={_DATE_REST})")

_FOLD_CACHE: dict[str, str] = {}


def _fold_char(c: str) -> str:
    folded = _FOLD_CACHE.get(c)
    if folded is None:
        base = unicodedata.normalize("NFD", c)[0]
        low = base.lower()
        folded = low if len(low) == 1 else base
        _FOLD_CACHE[c] = folded
    return folded


# Page furniture a multi-page PDF's text layer puts between any two lines, even inside a sentence:
# page numbers (« Page 2/6 », « - 3 - »), the transmission stamp of the @ctes platforms, and a running
# header (the document's first lines, repeated).
_PAGE_NUMBER = re.compile(r"(?i)^(?:page|p\.) ?\d{1,3}(?: ?(?:/|sur|de) ?\d{1,3})?$|^- ?\d{1,3} ?-$")
_STAMP_LINE = re.compile(r"(?i)^(?:envoy[ée] en pr[ée]fecture|re[çc]u en pr[ée]fecture|publi[ée] le|affich[ée] le"
                         r"|id ?: ?(?:\d{3}|02[ab])-\d{9}-)")
_SENTENCE_END = re.compile(r"[.:;!?]$")
_HEADER_LINES = 3
_HEADER_MIN = 15


def _furniture(lines: list) -> set:
    """The indices of the lines that are page furniture."""
    stripped = [" ".join(line.split()) for line in lines]
    head = [line for line in stripped if line][:_HEADER_LINES]
    seen: set = set()
    found = set()
    for i, line in enumerate(stripped):
        if not line:
            continue
        if _PAGE_NUMBER.match(line) or _STAMP_LINE.match(line):
            found.add(i)
        elif line in seen and line in head and len(line) >= _HEADER_MIN:
            found.add(i)
        seen.add(line)
    return found


def _furniture_aside(text: str) -> str:
    """The text with each run of page furniture moved after the end of the sentence it cut (the next
    line that ends with a full stop or a colon, or before a blank line), so that a formula, a list or a
    vote split across two pages reads whole; page numbers and a running header repeated are dropped,
    a stamp kept (it is read) on its page."""
    lines = text.split("\n")
    if len(lines) < 3:
        return text
    furniture = _furniture(lines)
    if not furniture:
        return text
    out: list = []
    held: list = []
    for i, line in enumerate(lines):
        if i in furniture:
            if not _STAMP_LINE.match(" ".join(line.split())):
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


_INLINE_PAGE = re.compile(r"(?i)(?<![\w/])page ?\d{1,3} ?(?:/|sur) ?\d{1,3}\b")
_STAMP_DATE = r"(?: ?\d{1,2}/\d{1,2}/\d{2,4})?"
_INLINE_STAMP = re.compile(
    rf"(?i)(?:envoy[ée] en pr[ée]fecture le{_STAMP_DATE}\s+)?(?:re[çc]u en pr[ée]fecture le{_STAMP_DATE}\s+)"
    rf"(?:(?:publi|affich)[ée] le{_STAMP_DATE}\s+)?(?:id ?: ?(?:\d{{3}}|02[ab])-\d{{9}}-\d{{8}}-[\w-]{{1,20}})?")
_INLINE_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_CUT_BEFORE = re.compile(r"(?:[a-zà-ÿ]{2}|,) ?$")
_CUT_AFTER = re.compile(r" ?[a-zà-ÿ]")
_FOLIO = re.compile(r" \d{1,4}(?= )")
_HEAD_WORDS = 3
_CARRY = 600


def _inline_furniture_aside(text: str) -> str:
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


def normalize(text: str) -> str:
    """One line of text with plain apostrophes, dashes and spaces."""
    text = _furniture_aside(text)
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_PUNCTUATION)
    text = _CONTROL.sub(" ", text)
    text = _SPACES.sub(" ", text)
    text = _SPACES.sub(" ", _inline_furniture_aside(text))
    text = _APOSTROPHES.sub("'", text)
    text = _SPACED_APOSTROPHE.sub(r"\1'", text)
    text = _LOST_APOSTROPHE.sub(lambda m: next(g for g in m.groups() if g) + "'", text)
    text = _GLUED_APOSTROPHE.sub(lambda m: next(g for g in m.groups() if g) + "'", text)
    text = _CUT_NUMBER.sub(r"\1-", text)
    text = _DAY_WITH_L.sub(lambda m: "1" * len(m.group(0)), text)
    text = _YEAR_WITH_O.sub(lambda m: m.group(0).replace("O", "0").replace("o", "0"), text)
    text = _GLUED_AFTER_YEAR.sub(" ", text)
    text = _CUT_LOWER.sub("", text)
    text = _CUT_UPPER.sub("-", text)
    return text.strip()


def fold(text: str) -> str:
    """Lower case without accents, character for character (same length as `text`)."""
    if text.isascii():
        return text.lower()
    table = {ord(c): _fold_char(c) for c in set(text) if not c.isascii()}
    return text.translate(table).lower()


def fold_name(name: str) -> str:
    """A name reduced for comparison: no accents, case, hyphens or apostrophes."""
    return " ".join(fold(name).replace("-", " ").replace("'", " ").split())


class Document:
    """The normalized text of a document and its folded twin, index for index."""

    __slots__ = ("text", "fold")

    def __init__(self, text: str):
        self.text = normalize(text)
        self.fold = fold(self.text)

    def span(self, start: int, end: int, limit: int = 300) -> str:
        """The passage between two indices, trimmed for use as a fact's source."""
        passage = self.text[start:end].strip(" ,;:")
        if len(passage) > limit:
            passage = passage[:limit - 1].rstrip() + "…"
        return passage

    def __len__(self):
        return len(self.text)

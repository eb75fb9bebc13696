"""Text as the reader sees it: one line, plain punctuation, and a folded twin for matching.

OCR output of two-column layouts mixes typographic apostrophes and dashes, non-breaking
spaces, words cut at line ends and lost accents. Patterns are written once, in lower case and
without accents, and run on `Document.fold`; a match's span is then read back in
`Document.text`, which keeps case and accents, because names need them.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left

from checker.reader.furniture import inline_aside, lines_aside

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

# A day or month in figures whose zero the scan read as the letter O (« O3/07/2018 », « 1O/12/2023 »,
# « 03/O7/2018 »): only inside a full date in figures, where no word can stand.
_DATE_WITH_O = re.compile(r"(?<![\w'])(?=[\d ./]{0,6}[Oo])[\dOo]{1,2} ?[/.] ?[\dOo]{1,2}(?= ?[/.] ?(?:19|20)?\d{2}\b)")


# A label's colon doubled by a template or an extraction (« Pour :: 12 », « Date de convocation ::
# 18 janvier 2023 »): read as the colon it stands for. (A dash for a colon is not mended: real texts
# print « 13 POUR - 0 CONTRE », a dash between two counts each after its value, and minus signs.)
_DOUBLED_COLON = re.compile(r" ?: ?:(?: ?:)*")

# An attendance list's heading whose colon a template or an extraction turned into a dash or lost
# (« Etaient présents - MM. A, B », « Présents  MM A, B », « Absents excusés - Mme C »): read as the label
# and its colon, so that the list after it is read. Only for a label that opens its line before a civility
# or a name: in a sentence (« les conseillers présents Mme X … ») nothing heads a list. (Counts, « Présents
# - 12 », and the vote's sides, « 13 POUR - 0 CONTRE », are read with their dash by their own readers.)
_ATTENDANCE_LABEL = (r"(?:(?:[EÉée]tai(?:en)?ts?) )?(?:(?:membres?|conseill(?:ers?|[eè]res?)(?: municipaux| communautaires)?"
                     r"|d[ée]l[ée]gu[ée]s?|[ée]lus?) )?"
                     r"(?:pr[ée]sent(?:e|s|es)?|absent(?:e|s|es)?(?: excus[ée](?:e|s|es)?)?|excus[ée](?:e|s|es)?"
                     r"|repr[ée]sent[ée](?:e|s|es)?|pouvoirs?|procurations?|secr[ée]taires? de s[ée]ance)")
_NAME_START = r"(?:MM\.?|Mmes?\.?|Mrs?\.?|M\.|Monsieur|Madame|Messieurs|Mesdames|[A-ZÀ-Ý][a-zà-ÿ]+ [A-ZÀ-Ý]{2,})(?!\w)"
_LINE_LABEL = re.compile(rf"(?im)^(?P<indent>[ \t]*)(?P<label>{_ATTENDANCE_LABEL})(?:[ \t]*-[ \t]*|[ \t]+)"
                         rf"(?-i:(?={_NAME_START}))")


# The words the reader anchors on, as OCR misreads them (« convocatlon », « unanirnité », « prcsents »):
# a word that is none of them but becomes one once the letters OCR confuses are made alike (« rn » and
# « m », « l », « I », « i » and « 1 », « c » and « e ») is read as that word. Only words of five
# letters or more, and only into these words: a name is never one of them once mended. (« publié »
# is left out: « public » is a real word that OCR's letters make alike.)
_KEYWORDS = ("unanimité", "unanimement", "convocation", "convocations", "convoqué", "convoquée", "convoqués",
             "convoquées", "présent", "présents", "présente", "présentes", "représenté", "représentés",
             "représentée", "représentées", "procuration", "procurations", "pouvoir", "pouvoirs", "absent",
             "absents", "absente", "absentes", "excusé", "excusés", "excusée", "excusées", "secrétaire", "séance",
             "délibération", "délibérations", "délibéré", "exercice", "votants", "abstention", "abstentions",
             "suffrages", "exprimés", "majorité", "conseil", "conseillers", "municipal", "communautaire",
             "syndical", "préfecture", "affiché", "affichée", "affichage", "publiée", "réuni",
             "réunie", "réunion", "assemblée", "quorum", "présidence", "président", "présidente", "membres",
             # The words around a vote: « après en avolr délibéré », « 12 votcs pour », « contrc », « avis des
             # commlssions » (a commission's count, never the council's, is known by that word).
             "votes", "contre", "avoir", "après", "entendu", "adopté", "adoptée", "approuvé", "approuvée",
             "décide", "commission", "commissions")
_CONFUSABLE = re.compile(r"[A-Za-zÀ-ÿ]*(?:rn|[lIi1ec])[A-Za-zÀ-ÿ1]*")


def _ocr_key(word: str) -> str:
    plain = "".join(_fold_char(c) if not c.isascii() else c for c in word).lower()
    return plain.replace("rn", "m").translate(str.maketrans("i1c", "lle"))


_OCR_WORDS: dict = {}


def _ocr_words() -> dict:
    if not _OCR_WORDS:
        for word in _KEYWORDS:
            _OCR_WORDS[_ocr_key(word)] = word
    return _OCR_WORDS


def _ocr_keyword(m: re.Match) -> str:
    word = m.group(0)
    if len(word) < 5:
        return word
    known = _ocr_words().get(_ocr_key(word))
    if known is None or fold(word) == fold(known):
        return word
    return known.upper() if word.isupper() else known.capitalize() if word[:1].isupper() else known


_FOLD_CACHE: dict[str, str] = {}


def _fold_char(c: str) -> str:
    folded = _FOLD_CACHE.get(c)
    if folded is None:
        base = unicodedata.normalize("NFD", c)[0]
        low = base.lower()
        folded = low if len(low) == 1 else base
        _FOLD_CACHE[c] = folded
    return folded


def normalize(text: str) -> str:
    """One line of text with plain apostrophes, dashes and spaces."""
    return _normalize(lines_aside(text))


# A tab, or three spaces and more, inside a line: the gap between two columns of a table laid out by
# spaces (« Mr ROUSSEAU      CALLEDE » is two names side by side, « Jean DUPONT     Marie MARTIN » a row
# of two). The text keeps one space there, as any run of spaces; where that space stands is kept apart
# (`Document.gaps`), for a reader that must not join the two sides into one name.
_WIDE_GAP = re.compile(r"(\S+)(?:[ \u00a0\u202f]*\t[ \t\u00a0\u202f]*|[ \u00a0\u202f]{3,})(?=(\S+))")


def _as_read(word: str) -> str:
    return fold(unicodedata.normalize("NFKC", word).translate(_PUNCTUATION))


def _wide_gaps(lines: str, folded: str) -> tuple:
    """The places in the normalized text (folded: `folded`) of the wide gaps of `lines` (the text as
    extracted, by lines): each gap is found again by the two words around it, in order; a gap whose
    words normalization changed is left out (the text reads as it would without it)."""
    return _found_again((m for line in lines.split("\n")
                         if "\t" in line or "   " in line or "\u00a0" in line
                         for m in _WIDE_GAP.finditer(line)), folded)


def _found_again(matches, folded: str) -> tuple:
    """The places in `folded` of the space between the two words (groups 1 and 2) of each match, in
    order; a match whose words normalization changed is left out."""
    found, cursor = [], 0
    for m in matches:
        left, right = _as_read(m.group(1)), _as_read(m.group(2))
        at = folded.find(f"{left} {right}", cursor)
        if at < 0:
            continue
        found.append(at + len(left))
        cursor = at + len(left) + 1
    return tuple(found)


def _normalize(text: str) -> str:
    # Page furniture (checker/reader/furniture.py) is set aside first, by lines (the caller), then on
    # the one line.
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_PUNCTUATION)
    text = _CONTROL.sub(" ", text)
    text = _LINE_LABEL.sub(lambda m: f"{m.group('indent')}{m.group('label')} : ", text)
    text = _SPACES.sub(" ", text)
    text = _SPACES.sub(" ", inline_aside(text))
    text = _DOUBLED_COLON.sub(" :", text)
    text = _CONFUSABLE.sub(_ocr_keyword, text)
    text = _APOSTROPHES.sub("'", text)
    text = _SPACED_APOSTROPHE.sub(r"\1'", text)
    text = _LOST_APOSTROPHE.sub(lambda m: next(g for g in m.groups() if g) + "'", text)
    text = _GLUED_APOSTROPHE.sub(lambda m: next(g for g in m.groups() if g) + "'", text)
    text = _CUT_NUMBER.sub(r"\1-", text)
    text = _DAY_WITH_L.sub(lambda m: "1" * len(m.group(0)), text)
    text = _DATE_WITH_O.sub(lambda m: m.group(0).replace("O", "0").replace("o", "0"), text)
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


_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_LINE_END = re.compile(r"(\S+)[ \t\u00a0]*\n\s*(?=(\S+))")


def _line_ends(lines: str, folded: str) -> tuple:
    """The places in the normalized text (folded: `folded`) of the line ends of `lines` between two words:
    each is found again by the two words around it, in order, no further on than the text between them
    allows; a line end whose words normalization joined or changed (« novem-\nbre ») is left out."""
    found, cursor, last = [], 0, 0
    for m in _LINE_END.finditer(lines):
        left, right = _as_read(m.group(1)), _as_read(m.group(2))
        at = folded.find(f"{left} {right}", cursor, cursor + (m.end() - last) + len(right) + 200)
        if at < 0:
            continue
        found.append(at + len(left))
        cursor, last = at + len(left) + 1, m.end()
    return tuple(found)


def _blank_lines(lines: str, folded: str) -> tuple:
    """The places in the normalized text (folded: `folded`) of the blank lines of `lines`: each is found
    again by the last word before it and the first word after it, in order; one whose words
    normalization changed is left out."""
    if not _BLANK_LINE.search(lines):
        return ()
    return _found_again(re.finditer(r"(\S+)[ \t\u00a0]*\n[ \t\u00a0]*\n\s*(\S+)", lines), folded)


class Document:
    """The normalized text of a document and its folded twin, index for index, and the places of its
    wide gaps (`gaps`: the indices of the spaces that stand for a tab or a run of spaces inside a line
    of the text as extracted, in increasing order), and of its blank lines (`paragraphs`: the indices of
    the spaces that stand for a blank line, which ends a passage even where the text was cut mid-sentence),
    and of its line ends (`breaks`: the indices of the spaces that stand for a line end between two words; a
    name never holds one inside a table's row, though names wrap across lines in prose)."""

    __slots__ = ("text", "fold", "gaps", "paragraphs", "breaks")

    def __init__(self, text: str):
        lines = lines_aside(text)
        self.text = _normalize(lines)
        self.fold = fold(self.text)
        self.gaps = _wide_gaps(lines, self.fold)
        self.paragraphs = _blank_lines(lines, self.fold)
        self.breaks = _line_ends(lines, self.fold)

    def gaps_within(self, start: int, end: int) -> tuple:
        """The wide gaps between `start` and `end`: two columns side by side meet there."""
        gaps = getattr(self, "gaps", ())
        return gaps[bisect_left(gaps, start):bisect_left(gaps, end)]

    def breaks_within(self, start: int, end: int) -> tuple:
        """The line ends between `start` and `end`."""
        breaks = getattr(self, "breaks", ())
        return breaks[bisect_left(breaks, start):bisect_left(breaks, end)]

    def span(self, start: int, end: int, limit: int = 300) -> str:
        """The passage between two indices, trimmed for use as a fact's source."""
        passage = self.text[start:end].strip(" ,;:")
        if len(passage) > limit:
            passage = passage[:limit - 1].rstrip() + "…"
        return passage

    def __len__(self):
        return len(self.text)

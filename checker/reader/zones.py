"""The zones of a document, found before the facts are read in them.

An extract or a procès-verbal runs: a heading (the body, the register, the title and date), the
opening formula (« L'an …, le …, le conseil … s'est réuni … sous la présidence de … »), the
attendance (present, proxies, absent, secretary), then each deliberation with its vote, and last
the stamps and certificates (« Pour extrait conforme », « Certifié exécutoire », « Reçu en
préfecture le … »). A procès-verbal may reproduce another meeting's, with its own formula,
attendance and secretary: the facts of this meeting are read in its own block, which ends where
another meeting's formula begins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.reader.normalize import Document
from checker.reader.seance import MeetingDate, other_meetings

# A formula of another meeting this close after the meeting's own is a variant of it (a title
# restated, a stale template line), not a reproduced procès-verbal.
_MIN_BLOCK = 1000
_CERTIFICATE = re.compile(r"\b(?:pour extrait (?:certifie )?conforme|certifiee? (?:conforme|executoire)|"
                          r"rendue? executoire|accuse de reception|recue? en prefecture|envoyee? en prefecture|"
                          r"affichee? le|publiee? le|fait et delibere)")
_ATTENDANCE = re.compile(r"\b(?:etaient presents|presents ?:|sont presents|assistaient)")


@dataclass
class Zones:
    """Spans (start, end) in the document's text."""

    heading: tuple
    formula: tuple
    meeting: tuple
    attendance: tuple | None = None
    deliberations: list = field(default_factory=list)
    certificates: list = field(default_factory=list)


def cut(doc: Document, meeting: MeetingDate, deliberations: list = ()) -> Zones:
    """The zones of `doc`, given the meeting's formula and the deliberations read."""
    end = len(doc.text)
    # Whether the meeting's date comes from its formula or from the head title, another meeting's
    # formula or heading a whole block further on opens a text joined to this one (an annexed
    # procès-verbal, a second extract), from its own heading on.
    later = other_meetings(doc, meeting, max(meeting.start + _MIN_BLOCK, meeting.end))
    if later:
        end = _skip_punctuation(doc, later[0])
    start = _skip_punctuation(doc, meeting.start)
    heading = (0, start if meeting.from_formula else 0)
    sentence_end = doc.fold.find(". ", meeting.end)
    formula = (start, sentence_end + 1 if 0 <= sentence_end < end else min(end, meeting.end))
    first_act = min((d.heading_start for d in deliberations if d.heading_start > 0), default=end)
    attendance = None
    found = _ATTENDANCE.search(doc.fold, formula[0], min(end, first_act))
    if found:
        attendance = (found.start(), min(end, first_act))
    acts = [(d.heading_start, d.end) for d in deliberations]
    certificates = [(m.start(), m.end()) for m in _CERTIFICATE.finditer(doc.fold)]
    return Zones(heading, formula, (0, end), attendance, acts, certificates)


def _skip_punctuation(doc: Document, pos: int) -> int:
    while pos < len(doc.text) and doc.text[pos] in ".:; ":
        pos += 1
    return pos


def without(doc: Document, span: tuple | None) -> Document:
    """`doc` with the passage `span` blanked, index for index: an earlier meeting's procès-verbal
    reproduced before this meeting's formula gives none of this meeting's facts, while the heading
    above it (the body, the title) still does."""
    if span is None:
        return doc
    start, end = span
    part = Document.__new__(Document)
    part.text = doc.text[:start] + " " * (end - start) + doc.text[end:]
    part.fold = doc.fold[:start] + " " * (end - start) + doc.fold[end:]
    part.gaps = tuple(g for g in getattr(doc, "gaps", ()) if not start <= g < end)
    part.paragraphs = tuple(p for p in getattr(doc, "paragraphs", ()) if not start <= p < end)
    part.breaks = tuple(b for b in getattr(doc, "breaks", ()) if not start <= b < end)
    return part


def within(doc: Document, end: int) -> Document:
    """The document cut at `end`, index for index with `doc`: a reader given it never sees what
    follows (another meeting's procès-verbal)."""
    if end >= len(doc.text):
        return doc
    part = Document.__new__(Document)
    part.text = doc.text[:end]
    part.fold = doc.fold[:end]
    part.gaps = tuple(g for g in getattr(doc, "gaps", ()) if g < end)
    part.paragraphs = tuple(p for p in getattr(doc, "paragraphs", ()) if p < end)
    part.breaks = tuple(b for b in getattr(doc, "breaks", ()) if b < end)
    return part

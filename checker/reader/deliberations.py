"""Cutting a document into its deliberations: number, subject, vote.

A deliberation starts at a heading: « Délibération n° 2023-02-10/01 : … », « N° 2023-001
FINANCES – … », « DELIBERATION n° 2023/021 », « D2023 - 001 - … », « OBJET : … (n°02/2020-01) ».
A « n° » counts as a heading only when its number looks like an act number (a year, or several
groups of digits) and the word before it is not a reference (« la délibération n° », « loi n° »,
« lot n° »…). A passage between two headings that records no decision is an agenda line and
is dropped. A document without headings is one deliberation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.reader.normalize import Document
from checker.reader.votes import VoteRead, read_vote

_NUMBER = r"(?P<num>[A-Za-z]{0,6}[ _-]?\d[\w/.-]{0,20}(?: \d[\w/.-]{0,8}){0,2})"
_N_HEADING = re.compile(rf"\b[Nn] ?[°º] ?{_NUMBER}")
_DELIB_HEADING = re.compile(rf"\b(?:D[ée]lib[ée]ration|D[EÉ]L[IT]B[EÉ]RATION)s? ?[Nn]? ?[°º]? ?{_NUMBER}")
_CODE_HEADING = re.compile(r"(?<![\w-])(?P<num>[A-Z]{1,5} ?(?:19|20)\d\d(?: ?[-_/] ?\d{1,4}){1,2})\b"
                           r"(?!-(?:DE|AR|AI|CC|BF|AU)\b)")
_OBJET_HEADING = re.compile(r"\b(?:OBJET|Objet) ?: ?")
_REFERENCE_WORDS = {
    "loi", "decret", "arrete", "article", "articles", "lot", "lots", "avenant", "commission", "modificative",
    "convention", "marche", "bordereau", "acte", "facture", "mandat", "titre", "parcelle", "reglement",
    "ordonnance", "circulaire", "instruction", "deliberation", "deliberations", "budget", "page", "rue",
    "route", "compte", "point", "decision", "siret", "siren", "tableau", "annexe", "tranche", "phase",
    "question", "lettre", "courrier", "permis", "bon", "numero", "contrat", "dm", "avis", "dossier",
    "proces-verbal", "pv", "reference", "ref", "requete", "jugement", "arret", "recours", "police", "lotissement",
}
_DECISION = re.compile(r"\b(?:delibere|decide|approuve|adopte|autorise|prend acte|emet un avis|donne un avis|"
                       r"valide|accepte|designe|fixe|accorde|unanimite|vote)\b")
_OBJET_END = re.compile(
    r" (?:vu |vu$|monsieur le maire|madame le maire|m\.? le maire|le maire |le president|la presidente|l'an |"
    r"le conseil|considerant|apres |il est |sur (?:le )?rapport|rapporteur|expose|\(n ?°|n ?° |accuse de reception|"
    r"envoye en prefecture|recu en prefecture|date de |l'assemblee|la commission|conformement|madame |monsieur |"
    r"mme |m\. |ainsi|entendu|dans le cadre|par deliberation|en application|rappel|a l'unanimite|a la majorite"
    r"|decide|approuve|adopte|autorise)")


@dataclass
class Heading:
    start: int
    end: int
    numero: str | None
    objet_start: int | None = None


@dataclass
class Deliberation:
    start: int
    end: int
    numero: str | None = None
    objet: tuple | None = None
    vote: VoteRead = field(default_factory=VoteRead)
    # Where the act's own heading stands: `start` of the first act is moved to 0 so that the
    # preamble (attendance, counts) belongs to it, but what the preamble says of the agenda
    # concerns the meeting, not this act.
    heading_start: int = 0
    # Why a vote read was set aside (two readings that disagree).
    doubt: str | None = None


_COUNTS = ("pour", "contre", "abstentions", "blancs_nuls", "ne_prenant_pas_part")


def _key(number: str) -> str:
    return re.sub(r"\W", "", number).lower()


def _year_like(number: str) -> bool:
    groups = re.findall(r"\d+", number)
    return any(re.fullmatch(r"(?:19|20)\d\d", g) for g in groups) or len(groups) >= 2


def _clean_number(number: str) -> str:
    return re.sub(r"[.\-/_ ]+$", "", number.strip())


def _previous_word(folded: str, pos: int) -> str:
    m = re.search(r"([a-z'-]+) ?$", folded[max(0, pos - 30):pos])
    return m.group(1) if m else ""


# « Vu la délibération … », « par délibération … », « modifiant la délibération … »: another act cited.
# Never « Extrait de la délibération n° … », the act's own heading, nor an identifier's « -DE ».
_CITED = re.compile(r"(?<![\w-])(?:vu|par|selon|ladite|cette|notre|leur|sa|ses|modifiee?|modifiant|remplacee?|remplacant"
                    r"|completee?|completant|abrogee?|abrogeant|rapportee?|rapportant|retiree?|retirant)(?: la| les| sa)? $")


# A numbered item of minutes, its title in sentence case and a colon: « 30. Questions diverses : … »,
# « 4. Restauration scolaire : tarification 2020/2021 ». The heading reader does not see such items
# (their titles carry no act number). A count or a list label (« en exercice : 75. Conseillers
# présents : »), a number in brackets (« (83) ») or a reference (« article 5. ») is no item; nor is an
# agenda line, which the next numbered line follows within a few lines (`_AGENDA_GAP`).
_ITEM = re.compile(r"(?<![\w,./°º(:-])(?<!: )(?P<n>\d{1,2})[.)] (?P<title>[A-ZÉÈÊÀÂÎÔÇ][a-zéèêëàâîïôûùç’'-]+"
                   r"(?: [a-zéèêëàâîïôûùçœ’'-]+){0,8}) ?:(?![\d/])")
_NOT_ITEM_TITLE = re.compile(r"(?:(?:membres?|conseillers?|delegues?|elus?) )?(?:presents?|absents?|excuses?|representes?|"
                             r"pouvoirs?|procurations?|votants?|secretaires?|en exercice|pour|contre|abstentions?|"
                             r"ordre du jour)\b")
_NUMBERED_LINE = re.compile(r"(?<![\w,./°º(:-])\d{1,2}[.)-] ?[A-ZÉÈÊÀÂÎÔÇ]")
_AGENDA_GAP = 250
# The item's own attendance, restated before its vote: « Départ de deux conseillers avant ce point.
# Présents : 13 – Votants : 13 ».
_ITEM_ATTENDANCE = re.compile(r"\b(?:(?:presents?|votants?) ?:? ?\d{1,3}\b|(?:depart|arrivee|sortie|retour)s? d(?:e |'|u ))")
_ITEM_ATTENDANCE_REACH = 300


def item_breaks(doc: Document) -> list:
    """Where the numbered items of minutes begin (see `_ITEM`)."""
    breaks = []
    for m in _ITEM.finditer(doc.text):
        if _previous_word(doc.fold, m.start()).split("'")[-1] in _REFERENCE_WORDS:
            continue
        if _NOT_ITEM_TITLE.match(doc.fold, m.start("title")):
            continue
        if _NUMBERED_LINE.search(doc.text, m.end(), m.end() + _AGENDA_GAP):
            continue
        breaks.append(m.start())
    return breaks


def _act_end(doc: Document, start: int, after: int, end: int, breaks: list) -> int:
    """Where the act whose zone runs from `start` (its heading ending at `after`) to `end` ends at a numbered
    item. A numbered line inside an act may be a point of its report (« 2. La section d'investissement : … »)
    followed by the act's own vote: it ends the act only when the act's vote was already cast before it, or
    when the item restates its own attendance (members left or came before it), which no point of a report
    does: the vote after such an item is that item's."""
    for b in breaks:
        if not after < b < end:
            continue
        if read_vote(doc, start, b).facts:
            return b
        if _ITEM_ATTENDANCE.search(doc.fold, b, min(end, b + _ITEM_ATTENDANCE_REACH)):
            return b
    return end


def _headings(doc: Document) -> list:
    text, folded = doc.text, doc.fold
    found = []
    for m in _DELIB_HEADING.finditer(text):
        number = _clean_number(m.group("num"))
        # « Vu la délibération 02/2016 du … », « par délibération n° 2019-12 » in capitals as in lower
        # case: a determiner or a visa before the word makes it a reference to another act.
        if _year_like(number) and not _CITED.search(folded, max(0, m.start() - 20), m.start()):
            found.append(Heading(m.start(), m.end("num"), number, m.end("num")))
    for m in _N_HEADING.finditer(text):
        number = _clean_number(m.group("num"))
        if not _year_like(number) or _previous_word(folded, m.start()) in _REFERENCE_WORDS:
            continue
        if re.search(r"\bvu (?:la |le |l')?[a-z' ]{0,30}$", folded[max(0, m.start() - 45):m.start()]):
            continue
        found.append(Heading(m.start(), m.end("num"), number, m.end("num")))
    for m in _CODE_HEADING.finditer(text):
        if _previous_word(folded, m.start()) in _REFERENCE_WORDS:
            continue
        found.append(Heading(m.start(), m.end(), re.sub(r" ?([-_/]) ?", r"\1", m.group("num")), m.end()))
    for m in _OBJET_HEADING.finditer(text):
        found.append(Heading(m.start(), m.end(), None, m.end()))
    found.sort(key=lambda h: h.start)
    merged: list = []
    for heading in found:
        if merged and heading.start - merged[-1].start <= 120 and not _DECISION.search(
                folded, merged[-1].end, heading.start) and (
                merged[-1].numero is None or heading.numero is None
                or _key(merged[-1].numero) == _key(heading.numero)):
            previous = merged[-1]
            if previous.numero is None and heading.numero is not None:
                previous.numero = heading.numero
            elif previous.numero is not None and heading.numero is None and heading.objet_start:
                previous.objet_start = heading.objet_start
            previous.end = max(previous.end, heading.end)
            continue
        merged.append(heading)
    return merged


def _objet(doc: Document, start: int | None, limit: int):
    if start is None:
        return None
    folded = doc.fold
    m = re.match(r"[ :.\-)]{0,4}", folded[start:start + 5])
    start += m.end() if m else 0
    end = min(limit, start + 220)
    cut = _OBJET_END.search(folded, start, end)
    if cut:
        end = cut.start()
    elif end - start >= 220:
        space = folded.rfind(" ", start, end)
        end = space if space > start else end
    value = doc.text[start:end].strip(" -:;,.")
    if len(value) < 4 or not re.search(r"[A-Za-zÀ-ÿ]{3}", value):
        return None
    return value, doc.span(start, end)


def read_deliberations(doc: Document) -> list:
    headings = _headings(doc)
    folded = doc.fold
    breaks = item_breaks(doc)
    segments = []
    for i, heading in enumerate(headings):
        end = headings[i + 1].start if i + 1 < len(headings) else len(doc.text)
        end = _act_end(doc, heading.start, heading.end, end, breaks)
        segments.append((heading, end))
    # « DELIBERATION n° 2023/021 », the attendance lists, then « Objet : … » and the vote: one act.
    joined = []
    for heading, end in segments:
        if (joined and heading.numero is None and joined[-1][0].numero is not None
                and not read_vote(doc, joined[-1][0].start, joined[-1][1]).facts):
            previous = joined[-1][0]
            joined[-1] = (Heading(previous.start, heading.end, previous.numero, heading.objet_start), end)
            continue
        joined.append((heading, end))
    segments = joined
    kept: list = []
    carried = None
    for heading, end in segments:
        vote = read_vote(doc, heading.start, end)
        decided = bool(vote.facts) or _DECISION.search(folded, heading.end, end)
        if not decided:
            carried = heading.numero if heading.numero is not None else carried
            continue
        numero = heading.numero
        if numero is None and carried is not None:
            numero = carried
        carried = None
        delib = Deliberation(heading.start, end, numero, _objet(doc, heading.objet_start, end), vote)
        kept.append(delib)
    unique: list = []
    seen = {}
    for delib in kept:
        key = re.sub(r"\W", "", delib.numero).lower() if delib.numero else None
        if key and key in seen:
            other = seen[key]
            if not other.vote.facts and delib.vote.facts:
                other.vote = delib.vote
            if other.objet is None:
                other.objet = delib.objet
            other.end = max(other.end, delib.end)
            continue
        if key:
            seen[key] = delib
        unique.append(delib)
    if not unique:
        numbers = {h.numero for h in headings if h.numero}
        numero = numbers.pop() if len(numbers) == 1 else None
        objet_heading = next((h for h in headings if h.objet_start is not None and h.numero is None), None)
        objet = _objet(doc, objet_heading.objet_start, len(doc.text)) if objet_heading else None
        if objet is None and numero is not None:
            first = next(h for h in headings if h.numero == numero)
            objet = _objet(doc, first.objet_start, len(doc.text))
        # A numbered item after the last act headed (or, without headings, after the first vote), with its own
        # attendance, votes on its own.
        limit = (_act_end(doc, headings[-1].start, headings[-1].end, len(doc.text), breaks) if headings
                 else _act_end(doc, 0, 0, len(doc.text), breaks))
        vote = read_vote(doc, 0, limit)
        if vote.facts or numero or objet:
            unique.append(Deliberation(0, len(doc.text), numero, objet, vote))
    if unique:
        first = unique[0]
        for delib in unique:
            delib.heading_start = delib.start
        preamble = read_vote(doc, 0, first.start)
        # Large bodies print the counts in a box above the heading (« - votants : 68 - pour : 68 »).
        has_counts = any(k in first.vote.facts for k in ("pour", "contre"))
        clash = [k for k in ("pour", "contre") if k in preamble.facts and k in first.vote.facts
                 and preamble.facts[k] != first.vote.facts[k]]
        if clash:
            # The box above the heading and the act's own zone count the vote differently: one of
            # them is another item's (a later point, a vote told in the report), and nothing tells
            # which; neither is given, the reason kept.
            first.doubt = (f"vote compté deux fois autrement : {clash[0]} {preamble.facts[clash[0]]} "
                           f"(« {preamble.source} ») et {first.vote.facts[clash[0]]} (« {first.vote.source} ») ; "
                           f"aucun des deux gardé")
            for key in _COUNTS + ("unanimite", "unanimite_de"):
                first.vote.facts.pop(key, None)
            has_counts = True
        for key in ("pour", "contre", "abstentions", "blancs_nuls", "ne_prenant_pas_part"):
            if key in preamble.facts and not has_counts:
                first.vote.facts[key] = preamble.facts[key]
                if first.vote.source is None:
                    first.vote.source = preamble.source
                elif preamble.source and preamble.source not in first.vote.source:
                    first.vote.source = preamble.source + " … " + first.vote.source
        first.start = 0
    return unique


# « Le Maire propose d'ajouter un point à l'ordre du jour », « question ajoutée en début de
# séance », « point supplémentaire » : the council decided on an item the convocation did not
# announce (L2121-10; CAA Versailles, 3 mars 2011, Nozay). Read only where the text says it.
_ADDED = re.compile(
    r"\b(?:(?:point|question|dossier|affaire)s? (?:supplementaires?|ajoutee?s?|rajoutee?s?)(?! par la convocation)"
    r"|(?:ajouter|ajout(?:e|er)?|rajouter|inscrire) (?:d'|de )?(?:un|une|le|la|ce|cette)? ?(?:point|question|dossier)?"
    r"(?: supplementaire)? ?a l'ordre du jour(?: de (?:la|cette) seance)?"
    r"|non inscrite? a l'ordre du jour|ne figurait pas a l'ordre du jour|(?:dossier|rapport) (?:depose )?sur table)")


def added_in_session(doc: Document, start: int, end: int) -> str | None:
    """The passage saying the item was added at the meeting, inside `doc[start:end]`."""
    for m in _ADDED.finditer(doc.fold, start, end):
        if "prochain" in doc.fold[m.end():m.end() + 40]:
            continue
        return doc.span(max(start, m.start() - 40), min(end, m.end() + 60))
    return None


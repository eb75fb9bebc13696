"""The roll call counted item by item: how many members a printed list of names holds.

Most extracts print the roll as lists of names without totals (« Présents : Mmes et MM. A, B, C…
Absents excusés : D (pouvoir à A) … Absents : F »), and the counts then follow from the lists. The
names reader (`checker/reader/members.py`) reads each name; this module counts the same list a
second, independent way: it cuts the list at its separators (commas, semicolons, « et », bullets,
dashes between spaces, a sentence's end, a civility starting the next person) and checks that each
item is shaped like one person's name (capitalised words, initials, particles, a civility, a title
such as « Maire » or « 1er adjoint »). Where both readings give the same number and every item is
name-shaped, the count is trusted; otherwise it is not given exactly (a misread list must not
found an accusation, and a miss is better than a wrong value).

Counts are those at the opening of the meeting (the convention of the labelled corpus, L2121-17
counts the members present when the meeting opens): a member whose remark says he arrived later
(« arrivée à 19h07 », « à partir du point 3 ») is not counted; one who left later (« départ à
16h30 », « jusqu'au point 5 ») is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.reader.members import _STAFF
from checker.reader.names import CIVILITIES, PARTICLES, ROLE_WORDS, kind
from checker.reader.normalize import fold

# Where one person ends and the next begins, whatever the list's layout.
_SEPARATORS = re.compile(
    r"\s*[,;\u2022\u25cf\u25aa\u25e6\u2219\u00b7\uf0b7\u2023\u25a0\u25a1\u2043*|]\s*"
    r"|\s+(?:et|&)\s+"
    r"|(?<=[a-zß-öø-ÿA-ZÀ-ÖØ-Þ]{3})\.\s+(?=[A-ZÀ-ÖØ-Þ])"
    # « MM. MAILHOS.GIBERTEAU.VALADIER.Mmes GAUZENS »: surnames in capitals parted by a bare full stop.
    r"|(?<=[A-ZÀ-ÖØ-Þ]{3})\.(?=[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þa-zß-öø-ÿ])"
    r"|\s*\.{2,}\s*")
# A dash between spaces separates persons only in a list that has no commas (« - M. X - Mme Y »);
# among commas it joins the two parts of one surname (« MOINET – TRANVAUX Vanessa »).
_DASHES = re.compile(r"\s+[-/\u2013\u2014]\s+")
_PAREN = re.compile(r"[(\[{]([^()\[\]{}]{0,200})[)\]}]")
# Remarks on the time of arrival or departure, in brackets or after the name; OCR reads the i of
# « arrivé » as l or 1 (« arrlvé à 19h07 »).
_ARRIVED = re.compile(r"\b(?:arr[il1]vee?s?|arr[il1]vant|rejoint|entree? en seance|a partir d|des (?:le|la) (?:point|question"
                      r"|deliberation)|apres (?:le|la|l')|present(?:e)? a partir|en cours de seance)")
_LEFT = re.compile(r"\b(?:depart|partie?s?|quitte|sortie?s?|absente? a partir)\b|\bjusqu|\bavant (?:le|la|l')")
# Words of a title that go with a name in a roll (« Hélène DE COMARMOND, Maire », « 1er adjoint »,
# « Conseiller municipal délégué », « Vice-Président »), never a person on their own.
_TITLE_WORDS = ROLE_WORDS | {
    "1er", "1ere", "2e", "2eme", "3e", "3eme", "4e", "4eme", "5e", "5eme", "6e", "6eme", "7e", "7eme", "8e", "8eme",
    "9e", "9eme", "premier", "premiere", "deuxieme", "troisieme", "quatrieme", "cinquieme", "sixieme", "septieme",
    "huitieme", "neuvieme", "maire-adjoint", "maire-adjointe", "adjoint(e)", "de", "du", "des", "d'", "l'",
    "syndical", "syndicale", "syndicaux", "delegue(e)", "doyen", "doyenne", "age", "benjamin", "benjamine",
    "deleguee", "suppleant(e)", "titulaire(s)",
}
_CIVILITY_TOKEN = re.compile(r"^(?:" + "|".join(sorted((re.escape(c) for c in CIVILITIES), key=len, reverse=True))
                             + r")\.?$", re.IGNORECASE)


@dataclass
class Roll:
    """The items of one list: `count` persons at the opening, `late` who arrived after it, and
    whether every item was shaped like one person's name (`clean`); `left`, of those counted, the
    members a remark says left during the meeting (« (jusqu'à 21h45) »)."""
    count: int = 0
    late: int = 0
    clean: bool = True
    items: list = field(default_factory=list)
    doubts: list = field(default_factory=list)
    left: int = 0
    # Of those counted, the names (folded) of the items that repeat an earlier item's name but not its
    # remark (« M. LEROY (Montreuil) », « M. LEROY (Rungis) »): two members of one surname, each with
    # the commune he sits for, whom a reader that merges a name met twice counts once.
    told_apart: list = field(default_factory=list)


def _without_remarks(text: str) -> tuple[str, list]:
    """The list with its bracketed remarks blanked out (as separators), and each remark with the
    position it stood at."""
    remarks = []

    def blank(m):
        remarks.append((m.start(), m.group(1)))
        return ";" + " " * (len(m.group(0)) - 1)

    return _PAREN.sub(blank, text), remarks


def _is_civility(token: str) -> bool:
    return bool(_CIVILITY_TOKEN.match(token)) and (token[0].isupper() or fold(token).rstrip(".") in ("mme", "mmes"))


def _split_civilities(item: str) -> list:
    """« M. X M. Y », « Mme A Mme B »: a civility after a name starts the next person."""
    tokens = item.split()
    pieces, current, named = [], [], False
    for token in tokens:
        if _is_civility(token) and named:
            pieces.append(current)
            current, named = [], False
        current.append(token)
        if not _is_civility(token):
            named = True
    if current:
        pieces.append(current)
    return [" ".join(p) for p in pieces]


_INITIAL = re.compile(r"^(?:[A-ZÀ-Þ]|[A-ZÀ-Þ]\.(?:-?[A-ZÀ-Þ]\.?){0,2}|[A-ZÀ-Þ]{2}\.)$")
_OCR_CAPS = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9'\-:/]*[A-ZÀ-ÖØ-Þ0-9]$")
_ELIDED = re.compile(r"^(?:[dDlL]')(?=[A-ZÀ-ÖØ-Þ])")


def word_kind(token: str) -> str:
    """The kind of a word of a roll (see `names.kind`), forgiving what extraction does to surnames:
    initials without their dot (« GUIRAUD I »), an elided particle (« d'EU »), an apostrophe or a
    digit read by OCR inside capitals (« DALL'AGLIO », « CO11'AVE-CLAUDET », « TOO:R »)."""
    bare = token.strip(",;:\"()[]{}")
    if _INITIAL.match(bare):
        return "INITIAL"
    bare = _ELIDED.sub("", bare.rstrip("."))
    found = kind(bare)
    if found == "OTHER" and _OCR_CAPS.match(bare) and sum(c.isdigit() for c in bare) <= 2 and sum(
            c.isalpha() for c in bare) >= 3:
        return "CAPS"
    return found


# Words of a body's name (« Communauté de Communes Sèvre et Loire », « Nantes Métropole ») in a
# delegates' grid: the item is a member body, not a person, and the roll is not counted on it.
_BODY_WORDS = {"commune", "communes", "communaute", "ville", "metropole", "agglo", "agglomeration", "syndicat",
               "conseil", "mairie", "prefecture", "republique", "francaise", "departement", "region", "canton",
               "sivom", "sivu", "smictom", "cc", "ca"}


def _is_title(token: str) -> bool:
    low = fold(token.strip(".:,'\"()"))
    return low in _TITLE_WORDS or low.rstrip("s") in _TITLE_WORDS


# An initial glued to its surname by the extraction (« C.BUZOS », « Ph.VINCENT »): two words.
_GLUED_INITIAL = re.compile(r"\b([A-ZÀ-ÖØ-Þ][a-z]?\.)(?=[A-ZÀ-ÖØ-Þ]{2})")


def _person_words(tokens: list) -> list | None:
    """The words of the persons' names in an item, without civility and title; None when the item
    holds a word that is neither (prose, a number, a commune's name in lower case)."""
    words = []
    for token in tokens:
        bare = token.strip(".:'\"-\u2013\u2014")
        if not bare:
            continue
        if _is_civility(token) or fold(bare) in CIVILITIES:
            continue
        if fold(bare) in _BODY_WORDS:
            return None
        token_kind = word_kind(token)
        if _is_title(bare) and not (token_kind == "CAPS" and fold(bare) in PARTICLES):
            continue
        if token_kind in ("CAP", "CAPS", "INITIAL"):
            words.append(token)
        elif token_kind == "PART" or fold(bare) in PARTICLES:
            continue
        else:
            return None
    return words


def _persons(words: list) -> int:
    """How many persons a run of name words holds: one (« Jean-Pierre DE LA FONTAINE », « GUIRAUD
    I », « Cyril Piazza »), more when names were run together without a comma (« Renaud PEURON
    Chantal PIGNARD »: a given name after a surname that followed a given name starts a person),
    0 when the run is no name."""
    kinds = [word_kind(w) for w in words]
    if not kinds:
        return 0
    shape = "".join("C" if k == "CAPS" else "g" for k in kinds)
    if len(kinds) == 1:
        return 1 if kinds[0] == "CAPS" or kinds[0] == "CAP" and len(words[0]) >= 3 else 0
    if "g" not in shape:
        return 1 if len(kinds) <= 4 else 0
    if "C" not in shape:
        # Names in title case (« Cyril Piazza », « Jean Paul Martin ») only at a plausible length;
        # four words may as well be two persons run together (« Yves Nicolin Mahdi Nouibat »).
        return 1 if len(kinds) <= 3 else 0
    if shape[0] == "g":
        persons = re.findall(r"g+C+", shape)
        rest = re.sub(r"g+C+", "", shape)
    else:
        persons = re.findall(r"C+g+", shape)
        rest = re.sub(r"C+g+", "", shape)
    if rest or any(len(p) > 7 for p in persons):
        return 0
    return len(persons)


def _opening_count(remark: str) -> bool:
    """Whether a remark on a name leaves that member out of the count at the opening: arrived
    later, not left earlier."""
    said = fold(remark)
    return bool(_ARRIVED.search(said)) and not _LEFT.search(said)


# Where a remark written without brackets starts after a name (« Philippe DECOMBLE à partir du
# point n°7 », « Monsieur TELLIER présent en début de séance a quitté la salle »).
_REMARK_START = re.compile(r"\s(?=(?:a partir|arr[il1]vee?|depart|partie?\b|jusqu|des le|apres|avant|present(?:e)? en"
                           r"|a quitte|quitte|sortie?\b|en cours)\b)")


# The headings of a remark written after a roll (« Précision : », « Nota : »), folded.
_REMARK_HEADINGS = {"precision", "precisions", "remarque", "remarques", "observation", "observations", "nota", "nb",
                    "note", "notes"}
# A full stop of a sentence's end (« … GREUSARD. »), not an initial's (« J. »), before a piece.
_SENTENCE_END_BEFORE = re.compile(r"[a-zß-öø-ÿA-ZÀ-ÖØ-Þ]{3}\.\s*$")


# A staff title written beside a name of the roll, after a comma, a dash or in brackets.
_STAFF_IN_ROLL = re.compile(r"[,(\u2013-] ?(?:(?:la|le|notre|votre) )?" + _STAFF)
_GIVES_PROXY = re.compile(r"\b(?:donne|donnant) (?:son |un |une )?(?:pouvoir|procuration|delegation)")
_NUMBERED = re.compile(r"^\s*1[.)]\s+[A-ZÀ-ÖØ-Þ]")
_NUMBERED_SECOND = re.compile(r"\s2[.)]\s+[A-ZÀ-ÖØ-Þ]")
_NUMBER_MARK = re.compile(r"(?:^|\s+)\d{1,3}[.)](?=\s)")


def _is_cell(cell: str, table: bool) -> bool:
    """Whether a cell cut at a column gap or a line's end names persons by itself: name words only,
    at least one person, not a given name alone (« M. Jean      DUPONT »: a justified line leaves the
    given name apart from its surname), and, where only the gaps are known (`table` False), not two
    surnames in capitals or more (« MAROTTE THOMAS »: one double surname, or two cells of two rows
    whose line end was lost)."""
    words = _person_words(_GLUED_INITIAL.sub(r"\1 ", cell).split())
    if not words or _persons(words) < 1:
        return False
    kinds = [word_kind(w) for w in words]
    if "CAPS" not in kinds and len(kinds) == 1:
        return False
    return table or not (len(kinds) >= 2 and all(k == "CAPS" for k in kinds))


def _cut_piece(piece: str, start: int, cuts: tuple, table: bool) -> list:
    """A piece of the list (between separators, from `start`) cut at the column gaps and line ends
    inside it, when every cell names persons by itself; else the piece whole, as the names reader
    reads it (`names._split_at_gaps`)."""
    inside = [c - start for c in cuts if start < c < start + len(piece)]
    if not inside:
        return [piece]
    bounds = [0] + inside + [len(piece)]
    cells = [piece[bounds[i]:bounds[i + 1]].strip(" .:-") for i in range(len(bounds) - 1)]
    cells = [c for c in cells if c]
    if len(cells) < 2:
        return [piece]
    # A remark after the last name (« Philippe DECOMBLE à partir du point n°7 ») is that cell's.
    remark = _REMARK_START.search(fold(cells[-1]))
    last = cells[-1][:remark.start()] if remark else cells[-1]
    if not all(_is_cell(c, table) for c in cells[:-1] + [last]):
        return [piece]
    return cells


def count_roll(text: str, cuts: tuple = (), table: bool = False) -> Roll:
    """The roll of one list (the text after its heading, up to the next heading). `cuts`: where two
    columns met inside a line and, in a table (`table`), where its lines ended (indices in `text`):
    no name runs across one, as the names reader reads them."""
    roll = Roll()
    staff = _STAFF_IN_ROLL.search(fold(text))
    if staff:
        # « Mme Julie GRIS (DGS) », « M. Hugo BRUN, secrétaire de mairie »: the staff who assist the
        # council are no members (L2121-15 calls them auxiliaries), and the names reader, which counts
        # every name of the list, counts them: the two readings would agree on a wrong number.
        roll.clean = False
        roll.doubts.append(staff.group(0).strip(" ,(-\u2013"))
    plain, remarks = _without_remarks(text)
    # The remarks blanked out are no separators of the list's own (« X (arrivé à 19h) - Y - Z »).
    separated = len(re.findall(r"[,;]", _PAREN.sub(" ", text))) >= 2
    splitter = _SEPARATORS if separated else re.compile(_SEPARATORS.pattern + "|" + _DASHES.pattern)
    if _NUMBERED.search(plain) and _NUMBERED_SECOND.search(plain):
        # « 1. LESCURAS Pascale 2. TRUFFAUT Dominique … »: the numbers part the members.
        splitter = re.compile(splitter.pattern + "|" + _NUMBER_MARK.pattern)
    pieces = []
    position = 0
    for piece in splitter.split(plain):
        start = plain.find(piece, position) if piece else position
        position = start + len(piece)
        if not piece.strip(" .:-"):
            continue
        cells = _cut_piece(piece, start, cuts, table) if cuts else [piece]
        for number, cell in enumerate(cells):
            # The remark after the piece goes with its last cell.
            pieces.append((cell, start + len(piece) if number == len(cells) - 1 else -len(plain) - 10))
    remarks_by_name = {}
    remark_heading = False
    for index, (piece, end) in enumerate(pieces):
        piece_raw = piece
        piece = piece.strip(" .:-")
        if index == 0:
            # « Présents : 51 Mmes et MM. … », « Présents : 18/27 » before the names.
            piece = re.sub(r"^\d{1,3}(?:\s?/\s?\d{1,3})?\s+", "", piece)
        remark = ""
        cut = _REMARK_START.search(fold(piece))
        if cut:
            piece, remark = piece[:cut.start()], piece[cut.start():]
        said = remark + " " + " ".join(r for p, r in remarks if end <= p <= end + 3)
        items = _split_civilities(piece)
        for number, item in enumerate(items):
            if _GIVES_PROXY.search(fold(item)):
                # « … BELLOCQ Danièle M. PRADELLE Olivier donne procuration à M. GOUSSARD Thierry »: the
                # roll ran into the proxies' sentence; its giver does not sit, its holder is listed.
                return roll
            tokens = _GLUED_INITIAL.sub(r"\1 ", item).split()
            words = _person_words(tokens)
            if words is None and index == len(pieces) - 1 and number == len(items) - 1:
                # The list ends in prose (« Germaine Millo formant la majorité des membres »): the
                # name before it is the last one.
                for size in range(len(tokens) - 1, 0, -1):
                    words = _person_words(tokens[:size])
                    if words is not None:
                        break
            if words is None:
                roll.clean = False
                roll.doubts.append(item)
                continue
            persons = _persons(words)
            if not words:
                continue
            if len(words) == 1 and item.rstrip().endswith(":") and fold(words[0].strip(":")) in _REMARK_HEADINGS:
                # « … VALET et BORGEAIS. Précision : Monsieur TELLIER présent en début de séance a quitté la
                # salle »: the heading of a remark on the roll, no member. The members it names are counted
                # only when it says they left later (they sat at the opening, L2121-17); any other remark
                # (an absence, a proxy, a guest) leaves the roll unsure.
                remark_heading = True
                continue
            if len(words) == 1 and word_kind(words[0]) == "CAP" and not any(_is_civility(t) for t in tokens):
                if (index == len(pieces) - 1 and len(items) == 1 and len(tokens) == 1
                        and _SENTENCE_END_BEFORE.search(plain, 0, end - len(piece_raw))):
                    # « … Nelly GREUSARD. Personne » : after the list's full stop, the first word of
                    # the next heading (« Personne ayant donné procuration : »), which the list ran
                    # into; no member.
                    continue
                # One word in title case, without a civility (« Précision », « Nota »): a remark's
                # heading or a given name cut from its surname, not one person for sure.
                persons = 0
            if persons == 0:
                roll.clean = False
                roll.doubts.append(item)
                continue
            if persons == 1 and number == len(items) - 1 and _opening_count(said):
                # The remark follows the last name of its piece (« M. A M. B (arrivé à 20h) »).
                roll.late += 1
            else:
                roll.count += persons
                if persons == 1 and number == len(items) - 1 and _LEFT.search(fold(said)):
                    roll.left += 1
                elif remark_heading:
                    roll.clean = False
                    roll.doubts.append(item)
                if persons == 1 and number == len(items) - 1:
                    name, remark = fold(" ".join(words)), fold(said).strip()
                    if remark and any(r and r != remark for r in remarks_by_name.get(name, ())):
                        roll.told_apart.append(name)
                    remarks_by_name.setdefault(name, []).append(remark)
            roll.items.append(" ".join(words))
    return roll




# Rolls written with given names only, as the minutes of a small commune often are (« Présents :
# Jean-Pierre, Anne-Marie, Nelly, Agnès. Excusés : Marc (pouvoir donné à Yves) »): the names
# reader finds no person's name in them. Read only when every item is one given name in title
# case; the count they give is a count of a list, never an exact printed number.
_GIVEN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,})?$")
_FIRST_NAMES_HEADING = re.compile(r"(?:^|(?<=[\s.+•\-]))(?:[ÉE]taient )?[Pp]r[ée]sente?s ?:\s*")
_FIRST_NAMES_END = re.compile(r"\.\s|\.$|\b(?:Absente?s?|Excusée?s?|Ordre du jour|Secrétaire"
                              r"|Pouvoirs?|Procurations?|Représentée?s?)\b")
_FIRST_NAMES_SEPARATORS = re.compile(r"\s*(?:[,;/&]|\bet\b)\s*")
_PROXY_REMARK = re.compile(r"\((?![^()]*\b(?:pas de|sans|aucune?)\b)[^()]*\b(?:pouvoir|procuration)[^()]*\)",
                           re.IGNORECASE)
_SENTENCE_START = {"le", "la", "les", "l'", "un", "une", "il", "elle", "ils", "elles", "nous", "on", "monsieur",
                   "madame", "m.", "mme", "mr"}
_NOT_GIVEN_NAMES = {"mesdames", "messieurs", "madame", "monsieur", "tous", "toutes", "neant", "aucun", "aucune",
                    "maire", "adjoint", "adjointe", "conseiller", "conseillere", "conseillers", "membres", "excuses",
                    "absents", "absent", "absente", "presents", "present", "presente", "secretaire", "nota",
                    "precision", "remarque", "observations", "commune", "ville", "mairie", "conseil"}


@dataclass
class FirstNames:
    """A roll of given names: those present at the opening, the represented named in it or in
    the excused list after it (a proxy in brackets), and where the roll stands."""
    present: int
    represented: int | None
    source: str
    start: int
    end: int


def first_name_roll(text: str) -> FirstNames | None:
    """The first roll of given names after a « Présents : » heading, or None."""
    for heading in _FIRST_NAMES_HEADING.finditer(text):
        start = heading.end()
        listed = text[start:start + 600]
        cut = _FIRST_NAMES_END.search(listed)
        listed = listed[:cut.start()] if cut else listed
        blanked = _PAREN.sub(lambda m: m.group(0).replace(",", " ").replace("/", " "), listed)
        items = [i.strip(" .:-") for i in _FIRST_NAMES_SEPARATORS.split(blanked)]
        items = [i for i in items if i]
        if items:
            # « … Nelly, Adeline Le secrétaire de mairie … »: the list runs into a sentence.
            words = items[-1].split()
            if len(words) > 1 and fold(words[1]) in _SENTENCE_START:
                listed = listed[:listed.rindex(items[-1]) + len(words[0])]
                items[-1] = words[0]
        names, represented, coded = [], 0, False
        for item in items:
            remark = _PAREN.search(item)
            name = _PAREN.sub("", item).strip()
            if not _GIVEN_NAME.match(name) or fold(name) in _NOT_GIVEN_NAMES:
                names = []
                break
            said = fold(remark.group(1)) if remark else ""
            if _PROXY_REMARK.search(item):
                # « Adeline (procuration à Mario) » written among those present: she voted by proxy.
                represented += 1
            elif said and _opening_count(said):
                continue
            else:
                # A remark that says neither (« Jean-Pierre (Pr*) »: a code for a proxy held) leaves
                # the number represented unknown.
                coded = coded or bool(said and not _LEFT.search(said))
                if fold(name) not in {fold(n) for n in names}:
                    names.append(name)
        if len(names) + represented < 3:
            continue
        end = start + len(listed)
        after = text[end:end + 600]
        stop = re.search(r"\bOrdre du jour\b|\s\d+\s?[/.)]\s|\bObjet\b", after)
        excused = after[:stop.start()] if stop else after
        represented += len(_PROXY_REMARK.findall(excused))
        coded = coded or any(not re.search(r"pouvoir|procuration", fold(r)) for r in _PAREN.findall(excused))
        return FirstNames(len(names), None if coded else represented, text[heading.start():end].strip(),
                          heading.start(), end)
    return None


@dataclass
class Tally:
    """One vote counted side by side (« 9 voix pour, 5 abstentions », « Pour : 14 »): its sides,
    their total and where it is printed."""
    sides: dict
    total: int
    source: str


# Sides printed further apart than this are not one vote's: the counts reader joined the end of
# one item's vote to the next item's (« 13 votes pour 3/ Prévention … : 11 votes pour 2
# abstentions »).
_ONE_VOTE_SPAN = 60


def vote_tallies(doc) -> tuple[list, int]:
    """Every vote of the document counted side by side, in order, each read as the votes reader
    reads one (`checker.reader.votes`), and the largest number of votes « pour » printed anywhere
    (a floor of the members who voted on that item)."""
    from checker.reader.votes import _read_counts

    folded = doc.fold
    tallies, most_for, position = [], 0, 0
    while position < len(folded):
        found = _read_counts(folded, position, len(folded))
        if not found:
            break
        values, start, end = found
        sides = {k: v for k, v in values.items() if isinstance(v, int) and not isinstance(v, bool)}
        if "pour" in sides:
            most_for = max(most_for, sides["pour"])
            if end - start > _ONE_VOTE_SPAN:
                # Sides run together from two items: only the « pour » is surely one vote's.
                sides = {"pour": sides["pour"]}
            tallies.append(Tally(sides, sum(sides.values()), doc.span(start, min(end, start + _ONE_VOTE_SPAN))))
        position = max(end, start + 1)
    return tallies, most_for


_PROXY_WORD = re.compile(r"\b(?:pouvoirs?|procurations?|representee?s?|mandats?|mandataires?|suppleante?s?"
                         r"|delegations? de vote|delegue son vote)\b")
_PROXY_NEGATED = re.compile(r"\b(?:sans|non|pas(?: de)?|aucune?|n'? ?(?:ayant|a|ont) (?:pas|donne aucune?)"
                            r"(?: donne(?: de)?)?) (?:de |d')?$")


def proxies_remarked(folded: str, start: int, end: int) -> int | None:
    """How many members the roll between `start` and `end` says voted by proxy, when it says so
    only in remarks in brackets (« Jacques DELUNSCH (pouvoir donné à Nelly) »), one a member: their
    number. None proxy word at all, or only negated ones (« (pas de pouvoir donné) », « sans
    procuration »): 0. Any other mention of a proxy (a list of pairs, « représenté par », prose):
    None, the number is not settled by the remarks."""
    remarks = 0
    for m in _PAREN.finditer(folded, start, end):
        inside = m.group(1)
        words = list(_PROXY_WORD.finditer(inside))
        if not words:
            continue
        if all(_PROXY_NEGATED.search(inside[:w.start()]) for w in words):
            continue
        remarks += 1
    outside = _PAREN.sub(lambda m: " " * len(m.group(0)), folded[start:end])
    if any(not _PROXY_NEGATED.search(outside[:w.start()]) for w in _PROXY_WORD.finditer(outside)):
        return None
    return remarks


__all__ = ["FirstNames", "Roll", "Tally", "count_roll", "first_name_roll", "proxies_remarked", "vote_tallies",
           "word_kind"]


_CIVILITY_NAME = re.compile(r"\b(?:M\.|Mme|MM\.|Mr|Monsieur|Madame)\s+[A-ZÀ-Þ]")
# The next heading after a list: a colon, or the label of the next list written without one
# (« Pouvoirs - Mme A à M. B », « Excusés Madame C », « Absents ayant donné procuration Mr D »).
_NEXT_HEADING = re.compile(r":|\b(?:pouvoirs?|procurations?|absente?s?|excus[ée]e?s?|repr[ée]sent[ée]e?s?"
                           r"|secr[ée]taires?|(?:ont|ayant|avaient) donn[ée])\b", re.IGNORECASE)


def runs_on(text: str, end: int) -> bool:
    """Whether names go on after where the list was read to stop, before the next heading: the list
    was cut by a remark or a page footer, and counting what came before would miss members. The
    names of the next list (proxies, excused) are not the roll's, colon after their label or not."""
    after = text[end:end + 300]
    heading = _NEXT_HEADING.search(after)
    if heading:
        after = after[:heading.start()]
    return len(_CIVILITY_NAME.findall(after)) >= 2


# A heading of suppléants who sit in a titulaire's place (« Suppléants siégeant pour un titulaire : »,
# « Membres suppléants avec voix délibérative : »), not of suppléants absent or excused.
# (« Délégués suppléants en exercice : 32 » is a count of seats.)
_SITTING_APART = re.compile(
    r"(?:\bsuppl[ée]ante?s?\s+(?:pr[ée]sente?s|si[ée]geant|rempla[çc]ant|avec\s+voix|ayant\s+voix)[^:.;]{0,40}:"
    r"|\b(?:membres|d[ée]l[ée]gu[ée]e?s)\s+suppl[ée]ante?s?(?![^:.;]{0,40}\b(?:absente?s?|excus[ée]e?s?|pouvoirs?"
    r"|procurations?|exercice)\b)[^:.;]{0,40}:)(?!\s*\d)", re.IGNORECASE)
# Suppléants « sans voix délibérative » or « avec voix consultative » sit beside their titulaire and do
# not vote: they are not counted present.
_NO_VOTE = re.compile(r"\bsans\s+voix|\bvoix\s+consultative", re.IGNORECASE)
# How far after the roll such a list still belongs to the attendance (the business starts later).
_APART_REACH = 1500


def staff_after(folded: str, end: int) -> str | None:
    """The staff title written right after the last name of a roll that ends at `end` (« …, Mme Julie
    GRIS, secrétaire de mairie. »), which the names reader leaves out of the list, or None."""
    # The list may end on the separator before the title (the names reader stops at « secrétaire »).
    start = len(folded[:end].rstrip(" ,(-\u2013"))
    found = _STAFF_IN_ROLL.match(folded, start, min(len(folded), end + 60))
    return found.group(0).strip(" ,(-\u2013") if found else None


def sitting_apart(text: str, end: int) -> bool:
    """Whether suppléants who sit are listed under their own heading after the roll of those present:
    they are present too (they vote in the titulaire's place), so the roll counted alone is not the
    number present, however cleanly it was read."""
    return any(not _NO_VOTE.search(m.group(0))
               for m in _SITTING_APART.finditer(text, end, min(len(text), end + _APART_REACH)))


@dataclass
class Excepted:
    """The members excepted from « tous présents sauf … »: their names (none of them sat), whether a
    proxy is said of any of them in or right after the clause (some are then represented, not
    absent), and the clause."""
    names: list
    proxies: bool
    source: str


# A holder's name: at most three words, then a separator. A longer run may hold the next excepted
# member (« … pouvoir à Sylvain ESTAGER Patrice CARLIER »): left in the item, which is then no name,
# and nothing is derived.
_HOLDER = r"(?:(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|de|du|le|la|d')\s*){1,3}?(?=\s*(?:[,;.)]|\bet\b|$))"
# A proxy said in the clause itself, outside brackets, with its holder (« Lionel BAPTISTE, ayant
# donné pouvoir à Sylvain ESTAGER »): the holder sits, and is no excepted member.
_PROXY_PHRASE = re.compile(
    r"(?:,\s*)?(?:\b(?:qui\s+)?(?:ayant|a|avait|avaient|ont)\s+donn[ée]e?\s+(?:son\s+|un\s+)?|\b)"
    r"(?:pouvoirs?|procurations?)(?:\s+de\s+vote)?\s+(?:[àa]|au|pour)\s+"
    r"(?:(?:M\.|Mme|MM\.|Mr|Monsieur|Madame)\s+)?" + _HOLDER +
    r"|(?:,\s*)?\brepr[ée]sent[ée]e?\s+par\s+(?:(?:M\.|Mme|MM\.|Mr|Monsieur|Madame)\s+)?" + _HOLDER)
_CLAUSE_END = re.compile(r"(?<=[a-zß-öø-ÿA-ZÀ-ÖØ-Þ]{3})\.(?=\s+[A-ZÀ-ÖØ-Þ]|\s*$)|:")
_CLAUSE_REACH = 1500
_PROXY_AFTER = 300


def excepted(doc, start: int) -> Excepted | None:
    """The members named after « tous présents sauf » / « à l'exception de » that ends at `start`:
    the clause runs to its sentence's end, a blank line, or the next label (a colon; a label on a
    line of its own is cut at its line's start). None when an item of the clause is not one
    person's name (the clause was not cut where it ends, or holds prose): nothing is derived from
    it then."""
    text = doc.text
    begin = start
    while begin < len(text) and text[begin] in " :,-\u2013":
        begin += 1
    limit = min(len(text), begin + _CLAUSE_REACH)
    paragraphs = [p for p in getattr(doc, "paragraphs", ()) if begin <= p < limit]
    if paragraphs:
        limit = paragraphs[0]
    end = _CLAUSE_END.search(text, begin, limit)
    stop = end.start() if end else limit
    label = end is not None and end.group() == ":"
    if label:
        # « … J MONTAUDON ⏎ Dont ayant donné pouvoir : … »: the label's words are the next line's.
        lines = [b for b in getattr(doc, "breaks", ()) if begin < b < stop]
        if not lines:
            return None
        stop = lines[-1]
    clause = text[begin:stop]
    said = fold(clause)
    plain = _PROXY_PHRASE.sub(",", clause)
    if _PROXY_WORD.search(fold(_PAREN.sub(" ", plain))):
        # A proxy said whose holder was not cut off: the names after it may be his or the next
        # excepted member's.
        return None
    roll = count_roll(plain)
    if not roll.clean or roll.late or not roll.items or roll.count != len(roll.items):
        return None
    after = fold(text[stop:stop + _PROXY_AFTER])
    proxies = bool(_PROXY_WORD.search(said) or _PROXY_WORD.search(after))
    return Excepted(roll.items, proxies, doc.span(begin, stop))

"""Names of people in attendance lists: « Mme Céline BARON », « LE TARNEC Sandra », « Mrs CAPY ».

A list is read token by token. A name is a run of capitalised words (« Jean-Marie »,
« DA BENTA », « de MONTCHALIN »), after an optional civility; commas, semicolons, « et », dot
leaders and civilities separate names. OCR often drops the comma between two names: a run
« Robert MONZANI Jean-Marie DA BENTA » is cut where a first name follows a surname in upper
case. Names are given back first name first (« Sandra LE TARNEC »), the way most extracts print
them, so that one person is written one way across the record.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.reader.dates import MONTHS, NUMBER_WORDS
from checker.reader.normalize import fold
from ruleset.names import in_capitals

CIVILITIES = {
    "m", "mr", "mm", "mrs", "mme", "mmes", "mmc", "mrne", "mne", "mlle", "mlles", "melle", "me",
    "dr", "monsieur", "madame", "mademoiselle", "messieurs", "mesdames",
    # OCR reads « m » as « rn » and « e » as « c »: « Mrnes DARBAS », « Mmcs ».
    "mrnes", "mnes", "mmcs",
}
# A civility as a regular expression over folded text (« m. », « mme », « mmc », « mrnes »…).
CIVILITY_RE = "(?:" + "|".join(sorted(CIVILITIES, key=len, reverse=True)) + r")\.?"
PARTICLES = {"de", "du", "des", "d'", "le", "la", "les", "van", "von", "der", "den", "di", "da",
             "dos", "del", "della", "ben", "st", "ste", "saint", "sainte"}
# Words that are capitalised in attendance lists without being names.
ROLE_WORDS = {
    "maire", "maires", "adjoint", "adjointe", "adjoints", "adjointes", "conseiller", "conseillere",
    "conseillers", "conseilleres", "municipal", "municipale", "municipaux", "municipales",
    "delegue", "deleguee", "delegues", "deleguees", "communautaire", "communautaires",
    "president", "presidente", "presidents", "presidentes", "vice-president", "vice-presidente",
    "vice-presidents", "vice-presidentes", "secretaire", "titulaire",
    "titulaires", "suppleant", "suppleante", "suppleants", "suppleantes", "membre", "membres",
    "absent", "absente", "absents", "absentes", "excuse", "excusee", "excuses", "excusees",
    "present", "presente", "presents", "presentes", "pouvoir", "pouvoirs", "procuration",
    "procurations", "votant", "votants", "represente", "representee", "representes",
    "representees", "nombre", "date", "objet", "quorum", "elu", "elue", "elus", "elues",
    "les", "lesquels", "lesquelles", "le", "la", "et", "ou", "en", "au", "aux", "pour", "par",
    "avec", "sans", "a", "conseil", "commune", "ville", "seance", "ordre", "jour", "etaient",
    "etait", "ont", "assistaient", "formant", "qui", "vu", "considerant", "apres", "monsieur",
    "madame", "delegation", "deleguees", "delib", "deliberation", "deliberations", "rapporteur",
    "rapporteure", "dgs", "directeur", "directrice", "general", "generale", "services",
    "secretaires", "auxiliaire", "mairie", "prefecture", "republique", "francaise", "ordinaire",
    "session", "publique", "communaute", "communes", "vote", "votes", "voix", "pv", "cm",
    "participait", "participaient", "assistait", "egalement", "invite", "invites", "lecture",
    "depart", "non",
    # Officers who attend without being members: « Monsieur Paul André, Trésorier, est excusé ».
    "tresorier", "tresoriere", "receveur", "receveuse", "percepteur", "comptable",
    # « sous la présidence de Monsieur le Doyen d'âge »: a title, not a surname in title case.
    "doyen", "doyenne",
}
_CAPS = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9'\-]*[A-ZÀ-ÖØ-Þ]$")
_CAP = re.compile(r"^(?:[dDlL]')?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'][A-ZÀ-ÖØ-Þa-zß-öø-ÿ][A-ZÀ-ÖØ-Þa-zß-öø-ÿ]*|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)*$")
# An initial standing for a given name: « P. LOUISON », « AURIAC A. », « S.L. DIARRA », « RM. THUILOT »,
# « PAINTRAND J.F ». It belongs to a name only next to a surname in capitals.
_INITIAL = re.compile(r"^(?:[A-ZÀ-Þ]{1,2}\.(?:-?[A-ZÀ-Þ]\.?){0,2}|[A-ZÀ-Þ]\.[A-ZÀ-Þ])$")
_PLACE = re.compile(r"-(?:sur|sous|les|lez|la|le|en|aux|de|du|des|et|d'\w+)-")
_INCLUSIVE_END = re.compile(r"(?<=[a-z])[-.\u00b7](?:e|es|ere|eres|rice|rices)(?:[-.\u00b7]?s)?$")
# A name misread by OCR (« MARETI'E » for MARETTE, « CO11'AVE »): left unread rather than read wrong.
_GARBLED = re.compile(r"\d|\w{3,}['\u2019](?![hH]$)")
# A slash separates too: OCR debris glued to a name (« Naïma FERROUD/I ») is not part of it; a
# reference with digits (« PACU/17-2023 ») stays one word, which is no name.
_TOKEN = re.compile(r"(?:[^\s,;()\[\]{}/*\uf000-\uf0ff]|/(?=[^\s,;()\[\]{}]*\d))+|[,;()\[\]{}/*\uf000-\uf0ff]")
# Dot leaders, dashes and the bullets of a bulleted list separate names.
# Symbol fonts' bullets come out of PDFs in the private use area (U+F0xx: « \uf02d », « \uf0a7 »).
_LEADERS = re.compile(r"^[.\u2026_]{2,}$|^[-/|*>»\u2022\u25cf\u25aa\u25e6\u2219\u00b7\uf000-\uf0ff\u2023\u25a0\u25a1\u2043"
                      r"\u2013\u2014\u27a2\u2794\u25ba\u25b6\u2713\u2714\u2610\u2611]+$")
# A given name shortened to two or three letters with its dot: « Ph. SEGUIN », « Ch. DURAND », « Th. ROUX ».
_SHORT_GIVEN_NAME = re.compile(r"^(?:[CPT]h|Chr|Cl|Fr|Gh|Jn)\.$")
_MAX_JUNK = 7
# The number of an item of a numbered list (« 1- M. Nicolas PANAVILLE a donné procuration … 2- Mme … »,
# « 3) », « 4. ») parts two names like a bullet.
_ITEM_NUMBER = re.compile(r"^\d{1,2}(?:-|\)|\.|°\)?)$")
# Words that open a sentence of prose, capitalised after a full stop like a name: after
# « … M. FRICOT. », « Il a été procédé … » ends the list.
_SENTENCE_OPENERS = {
    "il", "ils", "elle", "elles", "on", "nous", "vous", "je", "ce", "cet", "cette", "ces", "un", "une",
    "l'", "lequel", "laquelle", "lesquels", "lesquelles", "apres", "avant", "dans", "sur", "lors", "puis",
    "des", "du", "de", "d'", "conformement", "vu", "considerant", "ouverture", "appel", "monsieur", "madame",
    "quorum", "soit", "total", "tous", "toutes", "chacun", "aucun", "aucune", "neant", "sont", "est",
}
# Those of them that no name in title case holds (the particles and civilities aside).
_PROSE_OPENERS = _SENTENCE_OPENERS - set(PARTICLES) - {"monsieur", "madame", "l'"}
# Words of the headings of agenda items that are never surnames: a list of names read without a
# full stop before the next heading (« … M. Luc PETIT FINANCES - BUDGET PRIMITIF ») ends there.
_LIST_ENDING_HEADINGS = {
    "affaires", "generales", "finances", "financieres", "travaux", "urbanisme", "ressources", "humaines",
    "administration", "deliberation", "deliberations", "objet", "intercommunalite", "environnement",
    "education", "enfance", "jeunesse", "sports", "voirie", "budget", "budgets", "marches", "patrimoine",
    "questions", "diverses", "informations", "approbation", "election", "designation", "decision", "decisions",
    "rapport", "installation", "scolaires", "assainissement", "dechets", "tourisme", "economie", "economique",
    "sociales", "communication", "subvention", "subventions", "convention", "tarifs", "fiscalite",
    "primitif", "modificative", "administratif", "amenagement", "personnel", "compte-rendu", "proces-verbal",
    "creation", "modification", "statuts", "acquisition", "transfert", "adhesion", "attribution", "renouvellement",
    "cession", "avenant", "adoption", "reglement", "indemnites", "dotation", "fixation", "autorisation",
    "recrutement", "suppression", "etat",
}
# Capitalised words after which a name read is complete: a title, prose, an agenda heading.
_NAME_ENDERS = ROLE_WORDS | _PROSE_OPENERS | _LIST_ENDING_HEADINGS
_NUMBER_WORD = re.compile(rf"(?:{NUMBER_WORDS})$")
_DAY = re.compile(r"(?:[12]?\d|3[01])(?:er)?")


@dataclass
class Name:
    """One person's name as read in a list, with what the list says next to it."""

    tokens: list
    start: int
    end: int
    qualifier: str = ""
    civility: bool = False
    # The member body written after a delegate's name (« DUPONT Jean de BOURGNAC »): no remark on him.
    place: str = ""

    @property
    def text(self) -> str:
        return display(self.tokens)


@dataclass
class ListRead:
    names: list = field(default_factory=list)
    stopped_at: int | None = None
    lead_junk: int = 0
    # Runs of capitalised words that gave no name (« Gérard Grandsire Sophie Pichonnier Chantal
    # Lefoyer », names of two columns run together): where they start. A list that holds one has
    # lost names.
    dropped: list = field(default_factory=list)


def kind(token: str) -> str:
    """CAPS (surname in capitals), CAP (capitalised word), INITIAL, PART (particle) or OTHER."""
    if _INITIAL.match(token) or _SHORT_GIVEN_NAME.match(token):
        return "INITIAL"
    if _GARBLED.search(token):
        return "OTHER"
    low = fold(token)
    if low in PARTICLES and (token.islower() or low in ("st", "ste")):
        return "PART"
    if _CAPS.match(token) and sum(c.isalpha() for c in token) >= 2:
        return "CAPS"
    if _CAP.match(token):
        # « Azay-sur-Cher », « La Ville-aux-Dames »: a commune's name in a delegates' table, never a
        # given name (« Jean-Pierre », « Marie-Noëlle » capitalise every part).
        return "OTHER" if _PLACE.search(token) else "CAP"
    return "OTHER"


def _is_name_run(kinds: list) -> bool:
    if not kinds or kinds[-1] == "PART" or kinds[0] == "PART" and not _leading_particle(kinds):
        return False
    return True


def _leading_particle(kinds: list) -> bool:
    """« de LA FONTAINE Hervé », « M. de LA FONTAINE »: a particle in small letters opens a surname
    written in capitals."""
    return len(kinds) >= 2 and kinds[0] == "PART" and kinds[1] == "CAPS"


def _split_run(tokens: list, kinds: list) -> list:
    """Cut a run of name words where a new name starts (surname then first name, or the reverse)."""
    pieces = []
    current = [0]
    given = ("CAP", "INITIAL")
    first_name_first = kinds[0] in given
    for i in range(1, len(tokens)):
        prev_kind, this_kind = kinds[i - 1], kinds[i]
        if first_name_first and prev_kind == "CAPS" and this_kind in given:
            pieces.append(current)
            current = []
        elif not first_name_first and prev_kind in given and this_kind == "CAPS":
            pieces.append(current)
            current = []
        current.append(i)
    pieces.append(current)
    return pieces


def _place_after_name(tokens: list, kinds: list) -> int:
    """Where a place starts after a whole name (a given name and a surname in capitals): « de », « du »
    or « des » in small letters then comes before a surname only in « Jean de LA FONTAINE », never after
    it, so « DUPONT Jean de BOURGNAC » is Jean DUPONT of Bourgnac. 0 when there is none."""
    for i in range(2, len(tokens) - 1):
        if (kinds[i] == "PART" and tokens[i] in ("de", "du", "des") and "CAP" in kinds[:i] and "CAPS" in kinds[:i]
                and kinds[i + 1] in ("CAP", "CAPS")):
            return i
    return 0


def _acceptable(tokens: list, kinds: list, civility: bool) -> bool:
    if "INITIAL" in kinds:
        # Initials stand for given names: one surname goes with them (« S.L. DIARRA », « AURIAC A. »).
        core = [k for k in kinds if k not in ("PART", "INITIAL")]
        return len(core) == 1 and core[0] == "CAPS" or 1 <= len(core) <= 3 and "CAPS" in core
    words = [k for k in kinds if k != "PART"]
    if not words:
        return False
    if len(words) == 1:
        only = tokens[kinds.index(words[0])]
        if civility and len(tokens) == 1 and len(only) >= 3:
            return True
        return words[0] == "CAPS" and sum(c.isalpha() for c in only) >= 3
    if "CAPS" not in kinds:
        # Names in title case (« Cyril Piazza ») are accepted only at a plausible length.
        return 2 <= len(words) <= 4
    return len(words) <= 8


def display(tokens: list) -> str:
    """First name(s) first: « LE TARNEC Sandra » becomes « Sandra LE TARNEC »."""
    kinds = [kind(t) for t in tokens]
    if kinds and (kinds[0] == "CAPS" or _leading_particle(kinds)) and kinds[-1] == "CAP":
        cut = len(kinds)
        while cut > 0 and kinds[cut - 1] == "CAP":
            cut -= 1
        if all(k in ("CAPS", "PART") for k in kinds[:cut]):
            tokens = tokens[cut:] + tokens[:cut]
    return " ".join(tokens)


# Two words glued by extraction: « JeanClaude CAROUX », « MohamedANAJJAR », « RoberteHABERT ». The
# first part has at least three small letters, so « McDonald » or « DeVos » stay whole.
_GLUED = re.compile(r"^((?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+-)*[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{3,})([A-ZÀ-ÖØ-Þ](?:[a-zß-öø-ÿ]{2,}|[A-ZÀ-ÖØ-Þ'-]{2,})"
                    r"(?:-[A-ZÀ-ÖØ-Þ][A-Za-zß-öø-ÿÀ-ÖØ-Þ]+)*)$")


# An initial glued to a surname in capitals by a lost space: « C.BUZOS », « F.BAUDON », « Ph.VINCENT »,
# « J.-P.DURAND ».
_GLUED_INITIAL = re.compile(r"^([A-ZÀ-Þ][A-Za-zÀ-Þ.-]{0,5}\.)([A-ZÀ-ÖØ-Þ]{2}[A-ZÀ-ÖØ-Þ'-]*[A-ZÀ-ÖØ-Þ])$")
_DOTTED_ROLL = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'-]{2,}\.)+(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'-]{2,}|Mmes?|MM|Mlles?)\.?$")
_GLUED_CIVILITY = re.compile(r"^(M\.|Mme\.?|Mlle\.?|Mr\.?)([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)$")
# « Ph. », « Ch. », « Th. »: a given name shortened, read as one.
_SHORT_GIVEN = re.compile(r"^[A-Z][a-z]\.$")


def _tokens(text: str):
    for m in _TOKEN.finditer(text):
        if _DOTTED_ROLL.match(m.group(0)):
            # « MM. ALTEYRAC.TIEBOT.Mmes PEREZ.DUMAS. »: surnames in capitals parted by full stops
            # alone; each is one, and a stop inside the run parts two names as a comma does (the
            # plural civility goes on); the last one's stop is kept.
            offset = m.start()
            pieces = re.findall(r"[^.]+\.?", m.group(0))
            for number, piece in enumerate(pieces):
                if number < len(pieces) - 1 and piece.endswith("."):
                    yield piece[:-1], offset
                    yield ",", offset + len(piece) - 1
                else:
                    yield piece, offset
                offset += len(piece)
            continue
        glued = _GLUED.match(m.group(0))
        if glued is None:
            glued = _GLUED_INITIAL.match(m.group(0))
            if glued and not (_INITIAL.match(glued.group(1)) or fold(glued.group(1).rstrip(".")) in CIVILITIES
                              or _SHORT_GIVEN.match(glued.group(1)) and fold(glued.group(1).rstrip(".")) not in PARTICLES):
                glued = None
        if glued is None:
            # « M.Jean-Yves AZZOPARDI »: a civility glued to a given name by a lost space.
            glued = _GLUED_CIVILITY.match(m.group(0))
        if glued:
            yield glued.group(1), m.start()
            yield glued.group(2), m.start() + len(glued.group(1))
        else:
            yield m.group(0), m.start()


_DASHES = {"-", "\u2013", "\u2014"}
_PLURAL_CIVILITIES = {"mmes", "mm", "messieurs", "mesdames", "mrs", "mrnes", "mnes", "mmcs", "mlles"}


def _compound_dash(tokens: list, index: int, run: list, text: str) -> bool:
    """Whether the dash at `index` joins the two halves of one surname: « Anne MOINET – TRANVAUX »,
    the given name before, a word in capitals on each side, and nothing of a name after (a list
    cut by dashes names each person with a given name: « Jean DUPONT – Marie MARTIN »)."""
    if tokens[index][0] not in _DASHES or not run or index + 1 >= len(tokens) or kind(run[-1][0]) != "CAPS":
        return False
    following = tokens[index + 1][0]
    word = following.rstrip(".,:")
    if kind(word) != "CAPS" or fold(word) in ROLE_WORDS or fold(word) in _LIST_ENDING_HEADINGS or fold(word) in PARTICLES:
        return False
    given_before = len(run) >= 2 and kind(run[-2][0]) == "CAP" and fold(run[-2][0]) not in ROLE_WORDS
    before_run = tokens[index - len(run) - 1][0] if index - len(run) - 1 >= 0 else ""
    # « Mme MOINET – TRANVAUX »: one civility, so one person (« Mmes LEROY – PETIT » are two).
    one_civility = len(run) == 1 and fold(before_run.rstrip(".")) in CIVILITIES - _PLURAL_CIVILITIES
    rest = 2
    if len(run) == 1 and index + 2 < len(tokens) and following == word:
        # « MOINET – TRANVAUX Anne »: the given name after the whole surname.
        after = tokens[index + 2][0].rstrip(".,:")
        if kind(after) == "CAP" and fold(after) not in ROLE_WORDS:
            rest = 3
    if not (given_before or one_civility or rest == 3):
        return False
    if following != word or index + rest >= len(tokens):
        return True
    after, after_start = tokens[index + rest]
    previous, previous_start = tokens[index + rest - 1]
    return ("\n" in text[previous_start + len(previous):after_start] or after in ",;()[]{}" or bool(_LEADERS.match(after)) or fold(after.rstrip(".")) in CIVILITIES
            or fold(after) == "et" or after.isdigit()
            or kind(after.rstrip(".,:")) == "CAP" and fold(after.rstrip(".,:")) in _NAME_ENDERS)


def _compound_given_dash(tokens: list, index: int, run: list) -> bool:
    """Whether the spaced dash at `index` joins the two halves of a given name: a word in title case
    on each side, and the name complete only with both — after its surname in capitals, nothing of
    a name follows (« BAYZE Jean - Claude, »); before it, the surname follows (« Jean - Claude
    BAYZE »). A list cut by dashes names each person with a surname: « DUPONT Jean - MARTIN Marie »,
    « Jean DUPONT - Marie MARTIN »."""
    if tokens[index][0] not in _DASHES or not run or index + 1 >= len(tokens) or kind(run[-1][0]) != "CAP":
        return False
    following = tokens[index + 1][0]
    word = following.rstrip(".,:")
    if (kind(word) != "CAP" or fold(word) in ROLE_WORDS or fold(word) in _PROSE_OPENERS or fold(word) in PARTICLES
            or fold(word) in CIVILITIES):
        return False
    if any(fold(t) in ROLE_WORDS and fold(t) not in PARTICLES for t, _, _ in run):
        return False
    after = tokens[index + 2][0].rstrip(".,:") if index + 2 < len(tokens) and following == word else ""
    kinds = [kind(t) for t, _, _ in run]
    if kinds[-1] == "CAP" and "CAPS" in kinds[:-1] and all(k in ("CAPS", "PART") for k in kinds[:-1]):
        return (kind(after) not in ("CAPS", "CAP", "INITIAL") or fold(after) in _LIST_ENDING_HEADINGS
                or fold(after) in ROLE_WORDS or fold(after) in _PROSE_OPENERS)
    if kinds == ["CAP"]:
        # « Jean – Antoine Brun est élu secrétaire »: a surname in title case after the whole given name.
        return (kind(after) == "CAPS" and fold(after) not in _LIST_ENDING_HEADINGS
                or kind(after) == "CAP" and fold(after) not in _NAME_ENDERS)
    return False


def _gap_cuts(run: list, gaps: tuple, offset: int) -> list:
    """The places in a run of name words (indices of the word after) where a wide gap stood."""
    cuts = []
    for i in range(1, len(run)):
        before, after = run[i - 1][2] + offset, run[i][1] + offset
        if any(before <= g < after for g in gaps):
            cuts.append(i)
    return cuts


def _gap_piece_ok(ptoks: list, pkinds: list) -> bool:
    """A cell cut at a column gap names one person by itself: an acceptable name without the help of a
    civility (« M. Jean      DUPONT » leaves a given name alone), with a surname other than a particle
    (« Anne LE      ROY »: « LE » is the start of « LE ROY »)."""
    if not _acceptable(ptoks, pkinds, False):
        return False
    surnames = [t for t, k in zip(ptoks, pkinds) if k == "CAPS"]
    return not surnames or any(fold(t) not in PARTICLES for t in surnames)


def _split_at_gaps(toks: list, kinds: list, cuts: list) -> list | None:
    """The run cut at its column gaps, each cell then cut as a run of its own; the run cut as if there
    were no gap when a side is no whole name by itself; None when the cells cannot be told apart.

    « M. Jean      DUPONT » (a justified line, or a table of given names and surnames side by side)
    leaves a given name alone: the gap is no boundary between two people. A cell of two surnames in
    capitals or more with no given name (« MAROTTE THOMAS »), or of three words in title case or more
    (« Sophie Marchand Chantal Lebrun »), may be one person's name or the right cell of a row and the
    left cell of the next (the line's end is not kept): the cells are not told apart."""
    bounds = [0] + cuts + [len(toks)]
    parts = [list(range(bounds[i], bounds[i + 1])) for i in range(len(bounds) - 1)]
    pieces, ambiguous = [], False
    for part in parts:
        ptoks, pkinds = [toks[i] for i in part], [kinds[i] for i in part]
        if not _is_name_run(pkinds):
            return _split_run(toks, kinds)
        sub = _split_run(ptoks, pkinds)
        for piece in sub:
            stoks, skinds = [ptoks[i] for i in piece], [pkinds[i] for i in piece]
            if not _gap_piece_ok(stoks, skinds):
                return _split_run(toks, kinds)
            words = [k for k in skinds if k != "PART"]
            ambiguous = (ambiguous or len(words) >= 2 and all(k == "CAPS" for k in words)
                         or len(words) >= 3 and all(k == "CAP" for k in words))
        pieces += [[part[i] for i in piece] for piece in sub]
    return None if ambiguous else pieces


def read_list(text: str, offset: int = 0, stop_on_junk: bool = True, single_title_ok: bool = False,
              first_names: bool = False, opened: int = 0, gaps: tuple = ()) -> ListRead:
    """The names in a passage of a list; stops where prose starts (`stopped_at`). With `first_names`
    (a small council's roll by first names, « Jean-Pierre, Yves, Agnès »), each capitalised word is
    one person's name. `opened` counts the brackets opened before the passage (a proxy's remark
    « (a donné procuration à Y en début de séance jusqu'au point 1 inclus) » read after its « à »).
    `gaps`: where two columns met inside a line (`Document.gaps_within`, indices counted with
    `offset`); no name runs across one."""
    result = ListRead()
    run: list = []
    civility = False
    junk: list = []
    pending_name: Name | None = None
    depth = opened
    since_name = [0]
    after_period = False
    # « Messieurs RONCIER et MORLEC », « Mmes DUPONT, MARTIN et ROUX »: a plural civility goes with each
    # name of its run of names, until another civility, a sentence's end or other words.
    plural = False

    def close_run():
        nonlocal run, civility, pending_name
        if not run:
            return
        toks = [t for t, _, _ in run]
        kinds = [kind(t) for t in toks]
        while kinds and kinds[-1] == "PART":
            toks.pop(); kinds.pop(); run.pop()
        while kinds and kinds[0] == "PART" and not _leading_particle(kinds):
            toks.pop(0); kinds.pop(0); run.pop(0)
        place = _place_after_name(toks, kinds)
        if place:
            # « M. DUPONT Jean de BOURGNAC », « Jean DUPONT de Bourgnac »: a delegate and his commune.
            place_words = toks[place:]
            toks, kinds, run = toks[:place], kinds[:place], run[:place]
        else:
            place_words = []
        if first_names and all(k == "CAP" for k in kinds):
            for i, token in enumerate(toks):
                if len(token) >= 3 and fold(token) not in ROLE_WORDS:
                    name = Name([token], run[i][1] + offset, run[i][2] + offset, civility=civility and i == 0)
                    result.names.append(name)
                    pending_name = name
                    since_name[0] = 0
        elif _is_name_run(kinds):
            found = len(result.names)
            pieces = _split_run(toks, kinds)
            cuts = _gap_cuts(run, gaps, offset) if gaps else []
            if cuts:
                pieces = _split_at_gaps(toks, kinds, cuts)
                if pieces is None:
                    # Two columns meet inside the run and their cells cannot be told apart: no name is
                    # read from it rather than one made of two people.
                    result.dropped.append(run[0][1] + offset)
                    pieces = []
            for number, piece in enumerate(pieces):
                ptoks = [toks[i] for i in piece]
                pkinds = [kinds[i] for i in piece]
                titled = civility and number == 0 and single_title_ok
                if _acceptable(ptoks, pkinds, titled):
                    name = Name(ptoks, run[piece[0]][1] + offset, run[piece[-1]][2] + offset,
                                civility=civility and number == 0)
                    result.names.append(name)
                    pending_name = name
                    since_name[0] = 0
            if len(result.names) == found and sum(1 for k in kinds if k in ("CAP", "CAPS")) >= 2:
                result.dropped.append(run[0][1] + offset)
        if place_words and pending_name is not None:
            pending_name.place = " ".join(place_words)
        run = []
        civility = plural

    def flush_junk():
        nonlocal junk
        if junk and pending_name is not None:
            extra = " ".join(junk)
            pending_name.qualifier = (pending_name.qualifier + " " + extra).strip()
        junk = []

    tokens = list(_tokens(text))
    join_next = False
    for index, (raw, start) in enumerate(tokens):
        if join_next:
            join_next = False
            word = raw.rstrip(".,:")
            run[-1] = (run[-1][0] + "-" + word, run[-1][1], start + len(word))
            continue
        if (raw.endswith("-") and len(raw) > 3 and kind(raw[:-1]) == "CAP" and index + 1 < len(tokens)
                and kind(tokens[index + 1][0].rstrip(".,:;")) == "CAP" and fold(raw[:-1]) not in ROLE_WORDS):
            # « MAURAS Marie- Claude »: a compound given name cut after its hyphen by a line break.
            run.append((raw[:-1], start, start + len(raw) - 1))
            join_next = True
            continue
        if _compound_given_dash(tokens, index, run):
            # « BROCA - LANNAUD Marie - Thérèse », « Marie - Thérèse DURAND »: an extraction that
            # spaces every hyphen; one given name.
            join_next = True
            continue
        if _compound_dash(tokens, index, run, text):
            # « Anne MOINET – TRANVAUX »: a dash with spaces inside a compound surname, one name.
            join_next = True
            continue
        if raw in ",;" or _LEADERS.match(raw) or raw in "()[]{}" or _ITEM_NUMBER.match(raw):
            close_run()
            flush_junk()
            if raw in "([{":
                depth += 1
            elif raw in ")]}":
                depth = max(0, depth - 1)
            continue
        word = raw.rstrip(".:")
        if (_INITIAL.match(raw.rstrip(":")) or _SHORT_GIVEN_NAME.match(raw)) and fold(word) not in CIVILITIES:
            word = raw.rstrip(":")
        ends_sentence = raw.endswith(".") and len(word) > 0 and not word.endswith(".")
        low = fold(word)
        if _INCLUSIVE_END.search(low) and _INCLUSIVE_END.sub("", low) in ROLE_WORDS:
            # « Vice-présidents-es », « Conseillers·ères »: a title in inclusive writing.
            low = _INCLUSIVE_END.sub("", low)
        if after_period and stop_on_junk and depth == 0:
            # A list ends with its sentence: after « … Thierry LAMBERT. » only another
            # civility or name goes on (« … Hugues PINOT. Madame Laurence LEVEILLARD … »).
            word_kind = kind(word)
            office_next = (index + 2 < len(tokens) and fold(tokens[index + 1][0]) in ("le", "la")
                           and fold(tokens[index + 2][0].rstrip(".,:")) in ("maire", "president", "presidente"))
            # (« … Stéphanie VIEUX. Mme le Maire informe le conseil … »: an office after the civility
            # opens a sentence about its holder.)
            starts_name = (not office_next if low.rstrip(".") in CIVILITIES else
                           word_kind == "INITIAL" or word_kind in ("CAP", "CAPS")
                           and (low not in ROLE_WORDS or word_kind == "CAPS" and low in PARTICLES)
                           and not (word_kind == "CAP" and low in _SENTENCE_OPENERS))
            if not starts_name:
                result.stopped_at = start + offset
                result.names = [n for n in result.names if n.end <= result.stopped_at]
                return result
        after_period = False
        if not word:
            close_run()
            flush_junk()
            if raw.endswith(".") and result.names:
                after_period = True
                plural = civility = False
            continue
        if civility and not run and raw == "r":
            # « M r DUPONT »: OCR cut « Mr » in two.
            continue
        following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
        if (raw == "M." and run and kind(run[-1][0]) == "CAPS"
                and (not following or following in ",;" or following in _DASHES or fold(following) == "et")):
            # « CAUQUIL R. – LANET M. – FRAISSE Y. »: after a surname, before the list's separator, « M. »
            # is the initial of a given name (Michel, Marie), not the civility of a next name.
            run.append((raw, start, start + len(raw)))
            continue
        if low.rstrip(".") in CIVILITIES and (word[0].isupper() or low in ("mme", "mmes", "messieurs", "mesdames")):
            # (« Mesdames et messieurs Gérard Grandsire, … »: a plural civility is written in full,
            # in lower case after the first.)
            close_run()
            flush_junk()
            plural = low.rstrip(".") in _PLURAL_CIVILITIES
            civility = True
            # What follows a civility is about the next person, even one whose name is not read
            # (« …, Mme Claire ROUX. Madame Roux est désignée secrétaire »), never the previous one.
            pending_name = None
            continue
        if (stop_on_junk and depth == 0 and low in MONTHS and index > 0
                and _DAY.fullmatch(fold(tokens[index - 1][0]))):
            # « … Zoé BLANC CONSEIL MUNICIPAL DU 12 MARS 2024 »: a date ends a list of names (no name
            # holds one); the heading it closes is no member's.
            close_run()
            flush_junk()
            result.stopped_at = tokens[index - 1][1] + offset
            result.names = [n for n in result.names if n.end <= result.stopped_at]
            return result
        if low == "et" or low.isdigit():
            close_run()
            flush_junk()
            continue
        k = kind(word)
        if _NUMBER_WORD.match(low):
            k = "OTHER"
        if k == "CAP" and low in _PROSE_OPENERS and stop_on_junk:
            # « Secrétaire de séance : Monsieur Christophe Vignal Avant de commencer, Madame … »: the
            # extraction lost the paragraph's end; a word that opens prose is no part of a name.
            k = "OTHER"
        if (stop_on_junk and depth == 0 and k in ("CAP", "CAPS") and low in _LIST_ENDING_HEADINGS
                and (result.names or run) and not (civility and not run)):
            if len(run) == 1 and kind(run[0][0]) == "CAP" and civility and not first_names and k == "CAPS":
                # « Mme Sandra BUDGET »: the given name alone before the word that ends the list is
                # no whole name.
                run = []
            close_run()
            flush_junk()
            result.stopped_at = start + offset
            result.names = [n for n in result.names if n.end <= result.stopped_at]
            return result
        if k == "CAP" and low in ("de", "du", "des", "la", "le") and run and index + 1 < len(tokens):
            # « Claire de La Tour-Dupin », « Jean Le Gall »: a particle capitalised inside a name.
            following = tokens[index + 1][0].rstrip(".:")
            if kind(following) in ("CAP", "CAPS") and fold(following) not in ROLE_WORDS:
                k = "PART"
        particle_in_caps = k == "CAPS" and low in PARTICLES
        opens_surname = (k == "PART" and not run and index + 1 < len(tokens)
                         and kind(tokens[index + 1][0].rstrip(".:,")) == "CAPS")
        if (k in ("CAP", "CAPS") and (low not in ROLE_WORDS or particle_in_caps) or (k == "PART" and (run or opens_surname))
                or k == "INITIAL"):
            if junk:
                flush_junk()
            run.append((word, start, start + len(word)))
            if ends_sentence and k != "PART" and len(word) > 2:
                plural = False
                close_run()
                after_period = bool(result.names)
            continue
        close_run()
        if low in ROLE_WORDS:
            continue
        plural = civility = False
        junk.append(word)
        if not result.names:
            result.lead_junk += 1
        # Remarks in parentheses (« arrivé en séance à 17h55, au début de l'examen du
        # dossier n°3 ») are long but do not end the list.
        if depth == 0:
            since_name[0] += 1
        if stop_on_junk and since_name[0] > _MAX_JUNK:
            result.stopped_at = start + offset
            cut_from = result.stopped_at
            result.names = [n for n in result.names if n.end <= cut_from]
            return result
    close_run()
    flush_junk()
    return result


_FIRST_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?$")
_ROLL_ITEM = re.compile(r"\s*(?:,|/|&|;|\bet\b)\s*")
_MIN_FIRST_NAMES = 4


def first_name_roll(text: str) -> bool:
    """Whether a list is written by first names only (« Présents : Jean-Pierre, Yves, Jacques, Agnès
    (Pr**), Maryline … »): at least four items, each one capitalised word (a remark in brackets
    aside), and no surname in capitals among them."""
    head = re.split(r"[.:\n]", re.sub(r"\([^()]{0,40}\)", " ", text.strip()), maxsplit=1)[0]
    items = [item.strip() for item in _ROLL_ITEM.split(head) if item.strip()]
    leading = 0
    for item in items:
        if not (_FIRST_NAME.match(item) and fold(item) not in ROLE_WORDS):
            break
        leading += 1
    return leading >= _MIN_FIRST_NAMES


# A sentence's end (a full stop after a word that is no civility nor initial) or a label's colon.
_LEAD_ENDS = re.compile(r"(?<![\w.])(?!(?:" + "|".join(sorted(CIVILITIES, key=len, reverse=True)) + r")\.)"
                        r"(?:\w[\w'-]+)\.(?=\s|$)|:", re.IGNORECASE)

# An office named in place of a person: the deputy, the eldest, a councillor.
_ANOTHER_OFFICE = re.compile(r"\b(?:adjointe?|vice-presidente?|vice presidente?|doyen(?:ne)?|conseill(?:er|ere))\b")


def first_name_at(text: str, offset: int = 0) -> Name | None:
    """The first name in `text`, if the passage starts with one (after a civility)."""
    read = read_list(text, offset, stop_on_junk=True, single_title_ok=True)
    if not read.names:
        return None
    first = read.names[0]
    lead = text[: first.start - offset]
    if len([t for t in _TOKEN.findall(lead) if fold(t.rstrip(".:")) not in CIVILITIES
            and fold(t.rstrip(".:")) not in ROLE_WORDS and t not in ",;"]) > 2:
        return None
    if _LEAD_ENDS.search(lead) and _ANOTHER_OFFICE.search(fold(lead)):
        # « sous la présidence de Monsieur le premier adjoint. Etaient présents : M. Paul ROUQUETTE »: an
        # office holder not named, then the next sentence or label; the name after it is another's.
        return None
    return first


def last_name_before(text: str, offset: int = 0) -> Name | None:
    """The name that ends `text` (as in « … Mme Magali COUSIN » before « a été désignée »)."""
    # « Monsieur Yildiz est désigné secrétaire »: a surname in title case stands alone after its civility.
    read = read_list(text, offset, stop_on_junk=False, single_title_ok=True)
    if not read.names:
        return None
    last = read.names[-1]
    if text[last.end - offset:].strip(" ,.") != "":
        return None
    return last


_PARTICLES = {"de", "du", "des", "le", "la", "da", "di", "van", "von", "d'", "l'", "ben", "el", "st", "ste"}


# Words of the headings of agenda items, set in capitals like surnames (« Mr MARCHAIS AFFAIRES
# GENERALES »): a name stops before them.
_HEADING_WORDS = {
    "affaires", "generales", "finances", "financieres", "travaux", "urbanisme", "personnel", "ressources",
    "humaines", "administration", "deliberation", "deliberations", "objet", "ordre", "intercommunalite",
    "environnement", "culture", "education", "enfance", "jeunesse", "sport", "sports", "voirie", "budget",
    "marches", "domaine", "patrimoine", "questions", "diverses", "informations", "approbation", "compte",
    "rendu", "election", "designation", "bureau", "conseil", "comite", "communautaire", "municipal",
    "relevé", "releve", "decision", "decisions", "point", "rapport", "installation", "scolaires", "eau",
    "assainissement", "dechets", "tourisme", "economie", "economique", "social", "sociales", "communication",
    # Nouns that open an agenda item's title (« CRÉATION D'UN POSTE », « Transfert de compétence »).
    "creation", "modification", "modifications", "statuts", "acquisition", "transfert", "adhesion", "attribution",
    "renouvellement", "cession", "avenant", "adoption", "reglement", "projet", "programme", "tarifs", "tarif",
    "indemnites", "indemnite", "dotation", "participation", "convention", "conventions", "subvention", "subventions",
    "fixation", "autorisation", "recrutement", "suppression", "vote", "taux", "exercice", "retrait", "motion",
}


def trim_heading(name: str) -> str:
    """A name whose next heading ran into it: « Jean DUPONT Travaux de voirie » is Jean DUPONT.

    Names are written « Prénom NOM » or « NOM Prénom »: after the surname in capitals, at most one
    given name may follow (in the second order), never a run of capitalised words, and never a
    word of an agenda heading (« Mr MARCHAIS AFFAIRES GENERALES »)."""
    tokens = name.split()
    for i, token in enumerate(tokens[1:], 1):
        if fold(token).strip(".,:") in _HEADING_WORDS:
            if i == 1 and not in_capitals(tokens[0]) and in_capitals(token):
                # « Sandra BUREAU », « Didier BUDGET »: the heading's word is the surname after the
                # given name; cut, a given name alone would be left, which names no one.
                continue
            tokens = tokens[:i]
            name = " ".join(tokens)
            break
    caps = [i for i, t in enumerate(tokens) if in_capitals(t)]
    if not caps or len(tokens) <= 2:
        return name
    end = caps[0]
    while end + 1 < len(tokens) and (in_capitals(tokens[end + 1]) or tokens[end + 1].lower() in _PARTICLES
                                     and end + 2 < len(tokens) and in_capitals(tokens[end + 2])):
        end += 1
    words = [i for i in range(caps[0], end + 1) if fold(tokens[i]).strip(".,:") not in _PARTICLES and "'" not in tokens[i]]
    if len(words) >= 3 or any("'" in tokens[i] for i in range(caps[0] + 1, end)):
        # A surname has one or two words besides its particles (« LE TARNEC », « DE JESUS CARLOS »):
        # three, or an elision inside (« ROUX CRÉATION D'UN POSTE »), is a heading in capitals run
        # into it.
        end = caps[0]
    if caps[0] == 0 and end + 1 < len(tokens) and not in_capitals(tokens[end + 1]):
        # « DUPONT Jean »: one given name after the surname; a word in capitals there is a heading's
        # (« GARNIER CANTINE SCOLAIRE »).
        end += 1
    return " ".join(tokens[:end + 1])

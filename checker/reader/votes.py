"""The vote on one deliberation: unanimity, counts, and how the council voted.

« à l'unanimité », « à l'unanimité des présents et des représentés », « par 40 voix pour,
5 contre et 2 abstentions », « POUR : 14 CONTRE : / ABSTENTION : / » (a slash or a dash is
none; a blank after the colon is not read), « VOTE : 13 POUR 0 CONTRE – 0 ABSTENTION »,
« 38 votes pour, dont 3 procurations (…) 11 abstentions », « à main levée », « au scrutin
secret », « Pour 20 Contre 3 Abstention 0 » (each label followed by its value), « à l'unanimité
moins deux abstentions » or « à l'unanimité (1 abstention) » (the expressed votes' unanimity: not
unanimous). A vote recalled from a commission's opinion (« avis favorable de la commission
(pour : 21 ; contre : 0) ») is not the council's and is skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.reader.normalize import Document

# « Le conseil, unanimement, approuve » says the same as « à l'unanimité ».
_UNANIMITY = re.compile(
    r"\b(?:(?:a |de |par )?(?:l')?unanimite|unanimement)\b(?: (?:des|de ses|de leurs) (?P<of>membres presents et (?:des )?representes"
    r"|presents et (?:des )?representes|presents ou representes|membres presents|presents|suffrages exprimes"
    r"|voix exprimees|exprimes|membres votants|delegues votants|votants|conseillers presents|voix|membres))?")
_UNANIMITY_OF = {
    "presents et representes": "presents_et_representes",
    "presents et des representes": "presents_et_representes",
    "presents ou representes": "presents_et_representes",
    "membres presents et representes": "presents_et_representes",
    "membres presents et des representes": "presents_et_representes",
    "presents": "presents", "membres presents": "presents", "conseillers presents": "presents",
    "suffrages exprimes": "exprimes", "voix exprimees": "exprimes", "exprimes": "exprimes",
    "votants": "votants", "membres votants": "votants", "delegues votants": "votants",
}
_NOT_UNANIMOUS = re.compile(r"^ ?,? ?(?:moins|sauf|a l'exception)")

_QUALIFIED = re.compile(r"(?: (?:des|de ses) (?:membres |conseillers )?(?:presents(?: et (?:des )?representes)?|votants"
                        r"|suffrages exprimes))? ?,? ?(?:\(|moins|sauf|avec|a l'exception d(?:e |'))? ?"
                        r"(?P<n>\d{1,3}|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix) "
                        r"(?:voix )?(?P<label>abstentions?|contre)\b")

_LABEL = r"(?P<label>pour|contre|abstentions?|abstention\(s\)|ne prenant pas part(?: au vote)?|blancs?(?: et nuls| ou nuls)?|nuls)"
# « adopté par 25 voix contre 2 »: 25 for, 2 against — the count before « contre » is the side for.
_VERSUS = re.compile(r"\b(?P<pour>\d{1,4}) (?:voix|votes|suffrages) contre (?P<contre>\d{1,4})\b(?! ?(?:voix |votes )?pour\b)")
_NONE = r"(?:/|-|neant|aucune?|zero)"
# « Pour : 21 », and « Pour - 21 », « Contre - / » where the colon became a dash (a dash before a figure separates;
# « Contre : - » alone means none).
_LABEL_FIRST = re.compile(rf"\b{_LABEL} ?(?::|-(?= ?(?:\d|/))) ?(?P<value>\d{{1,4}}\b|o\b|{_NONE}(?=[ ).,;\]]|$))?")
# « 0 voix d'Abstention »
_NUMBER_FIRST = re.compile(rf"\b(?P<value>\d{{1,4}}) (?P<voix>(?:voix|votes|suffrages) (?:d'(?=abstention))?)?{_LABEL}\b")
# A vote table flattened, labels first: « Pour Contre Abstention 24 0 2 », « POUR CONTRE ABSTENTIONS 14 / / ».
_VOTE_TABLE = re.compile(r"\b(?P<labels>(?:pour|contre|abstentions?) ?:? (?:(?:pour|contre|abstentions?) ?:? ){1,2})"
                         r"(?P<values>(?:(?:\d{1,4}|/|-|0) ){1,2}(?:\d{1,4}|/|-)(?![\w/-]))")
# Labels each followed by its value, without colons: « Pour 20 Contre 3 Abstention 0 ».
_LABEL_VALUE_RUN = re.compile(r"\b(?:(?:pour|contre|abstentions?) \d{1,4}\b[ ,;-]{0,3}){2,3}")
_LABEL_VOICES = re.compile(r"\b(?P<label>pour|contre|abstentions?) ?:? (?P<value>\d{1,4}) (?:voix|votes|suffrages)\b")
_VOTE_BEFORE = re.compile(r"\bvotee?s?\b[^.;:]{0,40}: ?$")
_NUMBER_BEFORE = re.compile(r"\d ?(?:voix |votes )?$")
_LABEL_NEXT = re.compile(r" ?(?:voix |votes )?(?:pour|contre|abstentions?)\b")
_AFTER_LABEL = re.compile(rf"\b{_LABEL} ?: ?$")
# « Pour - 12 Contre - 1 » and « 13 POUR - 0 CONTRE »: a dash between a side and a figure is a colon in
# the first shape and a separator in the second, and « 12 Contre » alone cannot say which. The run of
# sides and figures decides by its first token: a side opens a side-first run, a figure a figure-first
# one (unless it is another count's, « Votants 13 Pour - 12 »).
_AFTER_DASH_LABEL = re.compile(rf"\b{_LABEL} ?- ?$")
_SIDE_BEFORE = re.compile(rf"\b{_LABEL} $")
# A year (« … 26 février 2024 Abstention - 0 ») is no count, and « Votes - pour - 21 » opens a run.
_RUN_WORDS = ("abstention(s)", "abstentions", "abstention", "contre", "pour", "voix", "votes", "suffrages")
_COUNTED_IN = ("voix", "votes", "suffrages")
_RUN_MARKS = "-:;,–"
# A run of a vote's sides holds a dozen tokens at most: the walk back stops there, so that a text of
# many runs is read in time proportional to its length.
_RUN_REACH = 16


def _run_token_before(folded: str, end: int) -> tuple[int, str] | None:
    """The token of a run of sides (a side, a figure of at most three digits, « voix », a mark) that
    ends at `end`, as (start, token), or None."""
    if end <= 0:
        return None
    char = folded[end - 1]
    if char in _RUN_MARKS:
        return end - 1, char
    if char.isdigit():
        start = end - 1
        while start > 0 and folded[start - 1].isdigit() and end - start < 3:
            start -= 1
    else:
        word = next((w for w in _RUN_WORDS if folded.endswith(w, 0, end)), None)
        if word is None:
            return None
        start = end - len(word)
    if start > 0 and folded[start - 1].isalnum():
        return None
    return start, folded[start:end]


def _figure_first(folded: str, pos: int) -> bool:
    """Whether the run of sides and figures that holds `pos` opens with a figure (« 13 POUR - 0 CONTRE »)."""
    first = None
    cursor = pos
    for _ in range(_RUN_REACH):
        gap = cursor
        while gap > 0 and folded[gap - 1] == " " and cursor - gap < 2:
            gap -= 1
        token = _run_token_before(folded, gap)
        if token is None:
            break
        if token[1][0].isalnum() and token[1] not in _COUNTED_IN:
            first = token
        cursor = token[0]
    if first is None or not first[1].isdigit():
        return False
    return not _other_count_before(folded, max(0, first[0] - 36), first[0] + len(first[1]))
# « Votants 23 Pour 23 Contre 0 », « Votants : 23 Pour : 21 »: the number before a side is another
# count's value, not that side's.
# « à l'unanimité des suffrages exprimés 38 votes pour » is the side's count, « exprimés : 21 Pour » is not.
# « Exprimés 48 Pour 45 », « Quorum 27 Pour 50 », « Majorité absolue 25 Pour 48 »: the same for every count
# a vote table prints before its sides.
_OTHER_COUNT_BEFORE = re.compile(r"\b(?:(?:votants?|presents?|representes|en exercice|inscrits|pouvoirs|procurations"
                                 r"|quorum|absents?|excuses|majorite absolue|majorite requise)"
                                 r" ?[:-]?|(?P<exprimes>exprimes)(?P<colon> ?[:-])?) ?\d{1,4} ?$")


def _other_count_before(folded: str, start: int, end: int, voix: bool = False) -> bool:
    """Whether the number ending at `end` is another count's value; « exprimés 38 votes pour », the
    votes cast counted for, is the side's."""
    m = _OTHER_COUNT_BEFORE.search(folded, start, end)
    if m is None:
        return False
    if m.group("exprimes") and re.search(r"unanimite (?:des|de ses) (?:suffrages )?$", folded[max(0, m.start() - 30):m.start()]):
        return False
    return not (voix and m.group("exprimes") and not m.group("colon"))
# Counts in words: « par vingt-cinq voix pour, deux contre et une abstention ».
_WORD = r"(?!(?:pour|contre|abstentions?|voix|votes)\b)[a-z]+"
_WORDS_FIRST = re.compile(rf"\b(?P<words>{_WORD}(?:[- ]{_WORD}){{0,3}}) (?:(?P<voix>(?:voix|votes|suffrages) )(?P<label>pour|contre"
                          r"|abstentions?)|(?P<bare>contre|abstentions?))\b(?!-)")
_LABEL_THEN_WORDS = re.compile(rf"\b(?P<label>pour|contre|abstentions?) ?(?::|-) ?(?P<words>{_WORD}(?:(?:[- ]| et ){_WORD}){{0,3}})\b(?!-)")
# « adopté à la majorité » is a vote that was not unanimous; « la majorité des membres en exercice »
# is the quorum, not a vote.
# « mise en œuvre par la majorité actuelle », « la majorité municipale »: the political majority.
_MAJORITY = re.compile(r"\b(?:a|par) la majorite\b(?! (?:des|de ses) (?:membres|conseillers|delegues)(?! (?:presents|votants)\b))"
                       r"(?! (?:actuelle|municipale|communautaire|sortante|precedente|presidentielle|gouvernementale"
                       r"|politique|en place|au pouvoir|relative)\b)(?<!a lieu a la majorite)")
# « Approuvé à l'unanimité le 25/02/2021 »: the minutes approved at a later meeting.
_LATER_APPROVAL = re.compile(r" ?(?:\(\d+ voix\) )?(?:le \d|lors de (?:la|sa) seance du)")
_FIELDS = {"pour": "pour", "contre": "contre", "abstention": "abstentions", "abstentions": "abstentions",
           "abstention(s)": "abstentions",
           "ne prenant pas part": "ne_prenant_pas_part", "ne prenant pas part au vote": "ne_prenant_pas_part",
           "blanc": "blancs_nuls", "blancs": "blancs_nuls", "blancs et nuls": "blancs_nuls",
           "blancs ou nuls": "blancs_nuls", "nuls": "blancs_nuls"}

_MODES = [
    ("main_levee", re.compile(r"\ba main levee\b|\bpar vote a main levee")),
    ("scrutin_secret", re.compile(r"\b(?:au |a |par )?(?:scrutin|vote) secret\b|\ba bulletins? secrets?\b")),
    ("scrutin_public", re.compile(r"\b(?:au |a |par )?scrutin public\b")),
    ("vote_electronique", re.compile(r"\bvote electronique\b|\bboitiers? de vote\b")),
]
_RENOUNCE = re.compile(r"(?:ne pas|de ne pas|renonce[rs]?|renoncant) (?:a |de )?(?:proceder|recourir|voter)?"
                       r"(?: au| a)? ?$")
_NOMINATION = re.compile(r"\b(?:design|elire|elu|elit|election|nomm|represent|delegue)")
_COMMISSION = re.compile(r"\bcommissions?\b")
_COUNCIL_WORDS = re.compile(r"accord|conseil|assemblee|delibere|decide|adopte|approuve")
_ADOPTED = re.compile(r"\b(?:adoptee?s?|approuvee?s?|acceptee?s?)\b")
_REJECTED = re.compile(r"\brejetee?s?\b")


# Members named as abstaining or voting against after « à l'unanimité ».
_NAMED_SIDE = re.compile(r"\bs'(?:abstient|abstiennent|abstenant|etant abstenue?s?)\b|\b(?:ayant|ont|a) vote contre\b"
                         r"|\bvot(?:e|ent|ant) contre\b")
_CIVILITY = re.compile(r"\b(?:m|mm|mme|mmes|mr|monsieur|madame)\.? (?=[a-z])")


_SENTENCE_STOP = re.compile(r"(?<!\bm)(?<!\bmme)(?<!\bmm)(?<!\bmr)\. |;")


def _sentence_end(folded: str, pos: int, limit: int = 160) -> int:
    """Where the sentence from `pos` ends (« M. » and « Mme. » do not end it)."""
    found = _SENTENCE_STOP.search(folded, pos, pos + limit)
    return found.start() if found else pos + limit


def _sentence_start(folded: str, start: int, pos: int) -> int:
    """Where the sentence that holds `pos` begins, not before `start` nor more than 200 characters back."""
    return max(folded.rfind(". ", start, pos) + 2, start, pos - 200)


@dataclass
class VoteRead:
    facts: dict = field(default_factory=dict)
    source: str | None = None
    start: int | None = None
    # Counts read and set aside, with why (`lecture.rejetees`).
    aside: tuple[dict, str] | None = None


def _from_commission(folded: str, pos: int) -> bool:
    before = folded[max(0, pos - 120):pos]
    at = None
    for m in _COMMISSION.finditer(before):
        at = m.end()
    return at is not None and not _COUNCIL_WORDS.search(before[at:])


# « Après en avoir délibéré »: the council's own decision follows; a vote written before it, when
# one follows too, is another's or a past one (« Vu la délibération … adoptée à l'unanimité »).
_DECISION = re.compile(r"\bapres (?:en )?avoir (?:delibere|debattu)|\bapres (?:deliberation|debat|en avoir debattu)")
# « … approuve à la majorité. »: the stop may follow the word at once.
_VOTE_WORDS = re.compile(r"\b(?:a|par) l'unanimite\b|\bunanimement\b|\bvote ?: ?(?:a l')?unanimite\b|\bunanimite ?:|\b(?:a|par) la majorite(?: (?:absolue |relative )?(?:des (?:suffrages|voix)"
                         r"|avec|par|de \d)| ?[(,.]|$)|\b\d{1,4} (?:voix|votes?) |\bpour ?: ?\d|\b\d{1,4} pour\b")
# The council's own decision, in the present, right after the vote (« à l'unanimité, DÉCIDE »).
_DECIDES = re.compile(r"[ ,:]*(?:(?:le|la) (?:conseil|comite|assemblee)[^,.;]{0,40}[ ,]+)?(?:decide|approuve|adopte"
                      r"|autorise|emet|accepte|valide|donne|prend acte|fixe|attribue|designe|elit|arrete|vote)\b")
# A clause recalling another decision: « Vu la délibération … », « Considérant que le jury a retenu
# à l'unanimité … », « le conseil avait approuvé à l'unanimité … ».
_RECALL_OPENING = re.compile(r"^(?:vu|considerant|rappel(?:le|ant)?|attendu)\b")
# « Il a rappelé qu'en application des articles L.2122-4 et L.2122-7, le maire est élu … à la majorité
# absolue »: the rule the law sets, recalled, not a vote.
_RECALL_WORDS = re.compile(r"\bavai(?:t|ent)\b|\bdeja\b|\brappel(?:le|e|ant)? qu(?:e\b|')"
                           r"|\b(?:en application|aux termes|en vertu) (?:des|de l'|du) articles? l\b"
                           r"|\b(?:jury|comite technique|conseil d'ecole|conseil d'administration|commission d'appel d'offres"
                           r"|cao)\b"
                           # « Par délibération du 12 mars 2020 adoptée à l'unanimité, le conseil a créé … »
                           r"|\bpar (?:sa |une |la )?deliberation (?:n ?° ?[\w/.-]{1,20} )?(?:en date )?du \d")


# The council speaking, or an item's heading (« n°2023-005 Fixation des taux »), starts a clause.
_COUNCIL_SPEAKS = re.compile(r"\b(?:le|la) (?:conseil|comite|assemblee|bureau)\b|\bn ?°|\bobjet\b|" + _DECISION.pattern)


# The minutes of an earlier meeting approved at this one (« Le procès-verbal de la séance du 3 mars est
# approuvé à l'unanimité », « Approbation du compte rendu : adopté à la majorité », « Le conseil valide
# à l'unanimité le PV du … »): this meeting's own first vote, cast before any item is deliberated.
_MINUTES = re.compile(r"\b(?:proces[- ]verba(?:l|ux)|comptes?[- ]rendus?|pv|cr)\b")
_MINUTES_VOTED = re.compile(r"\b(?:adopte|approuve|valide|approbation|adoption|validation|vote)e?s?\b")


def _minutes_approval(folded: str, start: int, pos: int, end: int) -> bool:
    """Whether the vote at `pos` approves the minutes of an earlier meeting, in its own sentence."""
    clause_start = _sentence_start(folded, start, pos)
    clause = folded[clause_start:pos] + " " + folded[pos:_sentence_end(folded, pos, 120)]
    return bool(_MINUTES.search(clause) and _MINUTES_VOTED.search(clause)) and not _recalled(folded, start, pos)


# An amendment's vote (« L'amendement n° 2 est rejeté par 5 voix pour et 20 contre ») is cast on a change
# to the act, before the act's own vote.
_AMENDMENT = re.compile(r"(?<!sans )\b(?:sous-)?amendements?\b")


def _on_amendment(folded: str, start: int, pos: int) -> bool:
    """Whether the vote at `pos` is, in its own sentence, an amendment's."""
    stop = folded.rfind(". ", start, pos)
    sentence = max(stop + 2 if stop >= 0 else start, start, pos - 200)
    return bool(_AMENDMENT.search(folded, sentence, pos))


def _several_items(folded: str, start: int, end: int) -> bool:
    """Whether the passage holds the deliberations of several items (minutes read without headings):
    the council deliberates more than once."""
    return len(_DECISION.findall(folded, start, end)) >= 2


# A vote told in the report as already cast: « La commission a émis un avis favorable par 7 voix pour »,
# « Le bureau s'est prononcé … », « le conseil avait approuvé … ».
_CAST = re.compile(r"\b(?:a|ont|avait|avaient|aurait) (?:ete )?(?:approuve|adopte|emis|vote|rendu|valide|donne|retenu|accepte)"
                   r"|\bs'(?:est|etait) prononcee?\b|\bse sont prononcee?s\b|\bavis (?:favorable|defavorable)\b")


# Bodies that give an opinion on an item before the council votes on it.
_OTHER_BODY = re.compile(r"\bavis (?:favorable|defavorable)\b|\b(?:bureau|commissions?|comites?|conseil d'(?:exploitation"
                         r"|ecole|administration)|conseil (?:portuaire|de developpement|de quartier|d'etablissement)"
                         r"|conference des maires|jury|cao|cct|cst)\b")


def _other_bodys(folded: str, start: int, pos: int) -> bool:
    """Whether the vote at `pos` is told, in its own sentence, as another body's opinion."""
    stop = folded.rfind(". ", start, pos)
    sentence = max(stop + 2 if stop >= 0 else start, pos - 200)
    return _told_as_cast(folded, start, pos) and bool(_OTHER_BODY.search(folded, sentence, pos))


# Bodies that are never the one deliberating: the member communes and their councils, the bodies that
# prepare a decision. « Toutes les communes membres ont délibéré à l'unanimité », « Les conseils municipaux se
# sont prononcés favorablement à l'unanimité » tell their votes, cast before, whatever follows.
_NEVER_THE_COUNCIL = re.compile(r"\b(?:communes membres|conseils municipaux|comites? de pilotage|conseils? d'ecole"
                                r"|conseils? de developpement|conferences? des maires|clect|cdci)\b")


_DELIBERATED = re.compile(r"\b(?:a|ont|avait|avaient) (?:deja )?(?:delibere|statue)\b")


def _members_told(folded: str, start: int, pos: int) -> bool:
    """Whether the vote at `pos` is told, in its own sentence, as cast by a body that never deliberates here."""
    sentence = _sentence_start(folded, start, pos)
    return bool(_NEVER_THE_COUNCIL.search(folded, sentence, pos)) and (
        _told_as_cast(folded, start, pos) or bool(_DELIBERATED.search(folded, sentence, pos)))


def _told_as_cast(folded: str, start: int, pos: int) -> bool:
    """Whether the vote at `pos` is told, in its own sentence, as a vote another body already cast."""
    sentence = _sentence_start(folded, start, pos)
    return bool(_CAST.search(folded, sentence, pos)) or _recalled(folded, start, pos)


def _decision_start(folded: str, start: int, end: int) -> int:
    m = _DECISION.search(folded, start, end)
    counted = _read_counts(folded, m.end(), end) if m is not None else None
    if m is None or not (_VOTE_WORDS.search(folded, m.end(), end) or _MAJORITY.search(folded, m.end(), end)
                         or counted and any(counted[0].values())):
        # « Après en avoir délibéré, Pour 8 Contre 1 Abstention 0 », « …, VOTE : UNANIMITÉ », « …, ADOPTÉ À LA
        # MAJORITÉ DES MEMBRES PRÉSENTS »: the council's own vote follows, whatever its shape.
        return start
    return m.start()


def _before(folded: str, pos: int, decision: int) -> bool:
    """Whether `pos` is in a sentence or clause before the one where the council deliberates (« Le
    conseil, à l'unanimité, après en avoir délibéré » is one sentence: the vote is the council's)."""
    return pos < decision and re.search(r"[.;] ", folded[pos:decision]) is not None


def _recalled(folded: str, start: int, pos: int) -> bool:
    """Whether the vote at `pos` is written in a clause that recalls another decision."""
    stops = [found + 2 for found in (folded.rfind(". ", start, pos), folded.rfind("; ", start, pos)) if found >= 0]
    clause_start = max(*stops, start, pos - 150)
    # « Vu le code …, LE CONSEIL MUNICIPAL, après en avoir délibéré, à l'unanimité »: the council
    # speaking starts a clause of its own.
    for m in _COUNCIL_SPEAKS.finditer(folded, clause_start, pos):
        clause_start = m.start()
    clause = folded[clause_start:pos]
    if _DECIDES.match(folded, _UNANIMITY.match(folded, pos).end() if _UNANIMITY.match(folded, pos) else pos):
        # « Vu l'exposé du rapporteur, à l'unanimité, DÉCIDE »: the council's vote, after its visas.
        return False
    return bool(_RECALL_OPENING.match(clause.lstrip()) or _RECALL_WORDS.search(clause))


def _leading_words_value(words: str) -> tuple[int | None, int]:
    """The number written by the first words of `words` (« deux vu le code » → 2), and where it ends."""
    from text_to_num import text2num
    tokens = list(re.finditer(r"[^ -]+", words))
    for i in range(len(tokens), 0, -1):
        try:
            number = text2num(" ".join(t.group(0) for t in tokens[:i]), "fr")
        except ValueError:
            continue
        return (number, tokens[i - 1].end()) if 0 <= number <= 2000 else (None, 0)
    return None, 0


def _words_value(words: str) -> int | None:
    """The number written by the last words of `words` (« et une » → 1), or None."""
    from text_to_num import text2num
    tokens = words.split(" ")
    for i in range(len(tokens)):
        candidate = " ".join(tokens[i:])
        try:
            number = text2num(candidate, "fr")
        except ValueError:
            continue
        return number if 0 <= number <= 2000 else None
    return None


def _secretary_vote(folded: str, start: int, pos: int, end_pos: int) -> bool:
    """The vote designating the secretary of the meeting (L2121-15), not the deliberation's."""
    return bool(re.search(r"secretaire", folded[max(start, pos - 60):pos])
                or re.search(r"secretaire de seance|2121-15", folded[end_pos:end_pos + 100]))


# The maire, the adjoints, a président and vice-présidents are elected by secret ballot (L2122-7, L2122-7-1,
# L2122-7-2, L5211-2, L5211-10), a ballot the council cannot renounce (L2121-21 excepts what the law holds to a
# secret ballot): « M. X est élu maire à l'unanimité », « ayant obtenu l'unanimité des suffrages, M. X est
# proclamé président » tell the ballot's count, not a vote of the council on an act.
_EXECUTIVE_ELECTED = re.compile(
    r"\b(?:re)?(?:elue?s?|proclamee?s?)(?: (?:a|par) l'unanimite(?: des suffrages(?: exprimes)?| des voix)?)?"
    r"(?: (?:au poste de|en qualite de|comme|aux fonctions de))? (?:(?:1er|1ere|premier|premiere|\d{1,2}(?:e|eme)"
    r"|deuxieme|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|neuvieme|dixieme) )?"
    r"(?:maire|adjointe?|presidente?|vice-presidente?)\b")


def _executive_elected(folded: str, start: int, pos: int, end_pos: int) -> bool:
    """Whether the vote at `pos` is, in its own sentence, the result of electing the maire, an adjoint, a
    président or a vice-président (the council speaking in between says it is the council's own vote)."""
    sentence_start = max(folded.rfind(". ", start, pos) + 2, folded.rfind("; ", start, pos) + 2, start, pos - 150)
    sentence_end = _sentence_end(folded, end_pos, 150)
    for m in _EXECUTIVE_ELECTED.finditer(folded, sentence_start, sentence_end):
        between = folded[min(m.end(), pos):max(m.start(), end_pos)] if m.end() <= pos or m.start() >= end_pos else ""
        if not _COUNCIL_SPEAKS.search(between) and not _DECIDES.match(folded, end_pos):
            return True
    return False


def _count(value: str) -> int | None:
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    return 0


def read_vote(doc: Document, start: int, end: int) -> VoteRead:
    """The first vote recorded between `start` and `end`."""
    folded = doc.fold
    read = VoteRead()
    spans = []
    majority = None
    decision = _decision_start(folded, start, end)
    # Minutes of several items read as one passage: the first vote is the first item's, and the
    # approval of the earlier minutes comes first; in one act's extract it is not the act's vote.
    several = decision > start and _several_items(folded, start, end)
    minutes_vote = None

    def _earlier(pos: int, pos_end: int) -> bool:
        nonlocal minutes_vote
        if not _before(folded, pos_end, decision):
            return False
        if several and _minutes_approval(folded, start, pos, end):
            minutes_vote = pos
            return False
        return True

    formula = _DECISION.search(folded, start, end)

    def _not_the_councils(pos: int) -> bool:
        # « Le bureau a émis un avis favorable à l'unanimité. Après en avoir délibéré, le conseil … »:
        # another body's opinion, told in a sentence before the council deliberates. (« Le procès-verbal
        # … a été approuvé à l'unanimité » is this council's own vote, told in the passive.)
        return _on_amendment(folded, start, pos) or _members_told(folded, start, pos) or (
            formula is not None and _before(folded, pos, formula.start()) and _other_bodys(folded, start, pos))

    for m in _MAJORITY.finditer(folded, start, end):
        if _earlier(m.start(), m.end()) or _recalled(folded, start, m.start()) or _not_the_councils(m.start()) \
                or _executive_elected(folded, start, m.start(), m.end()):
            continue
        if not _from_commission(folded, m.start()) and not _secretary_vote(folded, start, m.start(), m.end()):
            majority = m
            break
    for m in _UNANIMITY.finditer(folded, start, end):
        if _from_commission(folded, m.start()) or _earlier(m.start(), m.end()) or _recalled(
                folded, start, m.start()) or _not_the_councils(m.start()) or _executive_elected(
                folded, start, m.start(), m.end()):
            continue
        qualified = _QUALIFIED.match(folded, m.end())
        if qualified is not None and not _secretary_vote(folded, start, m.start(), m.end()):
            # « à l'unanimité moins deux abstentions », « à l'unanimité (1 abstention) »: the
            # unanimity of the votes expressed, and those who abstained or voted against.
            number = (int(qualified.group("n")) if qualified.group("n").isdigit()
                      else _words_value(qualified.group("n")))
            if number:
                read.facts["unanimite"] = False
                read.facts[_FIELDS[qualified.group("label")]] = number
                spans.append((m.start(), qualified.end()))
                break
        if _NOT_UNANIMOUS.match(folded[m.end():m.end() + 20]):
            if not _secretary_vote(folded, start, m.start(), m.end()) and not _LATER_APPROVAL.match(folded, m.end()):
                # « Adopté à l'unanimité moins 2 voix », « … sauf M. X »: some did not vote for, the count
                # of each side untold.
                read.facts["unanimite"] = False
                spans.append((m.start(), m.end()))
                break
            continue
        if _secretary_vote(folded, start, m.start(), m.end()):
            # The designation of the secretary is voted too, but it is not the deliberation.
            continue
        if _LATER_APPROVAL.match(folded, m.end()):
            continue
        if majority is not None and majority.start() < m.start():
            # The first vote of the passage was by a majority; a unanimity after it is another item's.
            break
        named = _NAMED_SIDE.search(folded, m.end(), min(end, _sentence_end(folded, m.end())))
        if named is not None:
            # « à l'unanimité (Mme X s'abstient) », « …, M. Y ayant voté contre »: the unanimity of
            # the votes cast, with members named on a side — not unanimous.
            read.facts["unanimite"] = False
            people = len(_CIVILITY.findall(folded, m.end(), named.start()))
            if people:
                read.facts["contre" if "contre" in named.group(0) else "abstentions"] = people
            spans.append((m.start(), named.end()))
            break
        read.facts["unanimite"] = True
        of = m.group("of")
        if of in _UNANIMITY_OF:
            read.facts["unanimite_de"] = _UNANIMITY_OF[of]
        spans.append((m.start(), m.end()))
        break
    if "unanimite" not in read.facts and majority is not None:
        read.facts["unanimite"] = False
        spans.append((majority.start(), majority.end()))
    chosen = spans[0][0] if spans else None
    if minutes_vote is not None and chosen is not None and chosen < decision:
        # The minutes' approval is the vote: only counts printed with it are its own.
        counts = _read_counts(folded, max(start, chosen - 200), min(decision, _sentence_end(folded, chosen, 300)))
    elif decision > start and chosen is not None and chosen >= decision:
        # The council's vote is written after « Après en avoir délibéré »: a vote table printed above the
        # visas is still this act's, counts told in the report as a vote already cast (another body's
        # opinion, an earlier vote recalled) are not.
        counts = _read_counts(folded, decision, end) or _read_counts(folded, start, decision)
        if counts and counts[1] < decision and _told_as_cast(folded, start, counts[1]):
            counts = None
    else:
        counts = (_read_counts(folded, decision, end) if decision > start else None) or _read_counts(folded, start,
                                                                                                   end)
    if counts and _not_the_councils(counts[1]):
        counts = None
    if counts:
        values, c_start, c_end = counts
        unanimous = spans[0] if read.facts.get("unanimite") is True and spans else None
        if unanimous is not None and c_end < unanimous[0] and re.search(r"[.;] |\bvote ?:", folded[c_end:unanimous[0]]):
            # « Vote : 14 voix pour … Approbation du compte administratif … Vote : pour à
            # l'unanimité »: the counts are the first vote; the unanimity is a later item's.
            read.facts.pop("unanimite", None)
            read.facts.pop("unanimite_de", None)
            spans.pop(0)
        if majority is not None and read.facts.get("unanimite") is False:
            if abs(c_start - majority.end()) > 200:
                values = {}
            elif not values.get("contre") and not values.get("abstentions"):
                # « à la majorité par 53 voix pour »: no vote against nor abstention is printed, so
                # the counts do not say whether it was unanimous.
                del read.facts["unanimite"]
        read.facts.update(values)
        if values:
            spans.append((c_start, c_end))
    if read.facts.get("unanimite_de") == "exprimes" and "abstentions" not in read.facts and spans:
        later = _LATER_ABSTENTIONS.search(folded, spans[0][1], min(end, spans[0][1] + 250))
        if later is not None and not re.search(r"\bunanimite\b|\bmajorite\b|" + _DECISION.pattern,
                                                folded[spans[0][1]:later.start()]):
            # The unanimity of the votes cast, and abstentions printed after the decision: not unanimous.
            figure = later.group("n") or later.group("n2")
            number = int(figure) if figure.isdigit() else _words_value(figure)
            if number:
                read.facts["abstentions"] = number
                read.facts["unanimite"] = False
                read.facts.pop("unanimite_de", None)
                spans.append((later.start(), later.end()))
    aside = settle_unanimity(read.facts)
    if aside is not None:
        read.aside = aside
    for mode, regex in _MODES:
        m = regex.search(folded, start, end)
        if m is None:
            continue
        if _RENOUNCE.search(folded[max(0, m.start() - 40):m.start()]):
            read.facts["renonciation_scrutin_secret"] = True
            spans.append((max(0, m.start() - 40), m.end()))
            continue
        read.facts["mode"] = mode
        sentence_start = max(folded.rfind(". ", 0, m.start()), m.start() - 200, start)
        if _NOMINATION.search(folded, sentence_start, min(end, m.end() + 120)):
            read.facts["nomination"] = True
        spans.append((m.start(), m.end()))
        break
    if spans:
        s = min(a for a, _ in spans)
        e = max(b for _, b in spans)
        window = folded[max(start, s - 60):min(end, e + 40)]
        if _REJECTED.search(window):
            read.facts["resultat"] = "rejetee"
        elif _ADOPTED.search(window):
            read.facts["resultat"] = "adoptee"
        context_start = max(start, s - 60)
        dot = folded.rfind(". ", context_start, s)
        if dot >= 0:
            context_start = dot + 2
        read.source = doc.span(context_start, min(end, e + 10))
        read.start = s
    return read


_COUNT_KEYS = ("pour", "contre", "abstentions", "blancs_nuls", "ne_prenant_pas_part")
# « 3 abstentions », « (une abstention) », and a label before its figure, « Abstentions : 3 ».
_LATER_ABSTENTIONS = re.compile(r"\(? ?(?P<n>\d{1,3}|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix) abstentions?\b"
                                r"|\babstentions? ?: ?(?P<n2>\d{1,3})\b")


def settle_unanimity(facts: dict) -> tuple[dict, str] | None:
    """Unanimity as the counts show it: abstentions under a unanimity of the expressed votes mean
    the council was not unanimous (« à l'unanimité des suffrages exprimés, 38 pour, 11 abstentions »);
    votes for with none against and no abstention mean it was; counts against a plain « à
    l'unanimité » are set aside, and returned with why."""
    against, abstained = facts.get("contre"), facts.get("abstentions")
    if (against or abstained) and facts.get("unanimite"):
        if facts.get("unanimite_de") in ("exprimes", "votants") and not against:
            facts["unanimite"] = False
            facts.pop("unanimite_de", None)
        else:
            # « à l'unanimité » and votes against or abstentions cannot both be this vote's: the
            # unanimity is written out, the counts are a misread (another item's, a table's).
            counts = {key: facts.pop(key) for key in _COUNT_KEYS if key in facts}
            shown = ", ".join(f"{key.replace('_', ' ')} {value}" for key, value in counts.items() if value)
            return counts, f"« à l'unanimité » et {shown} : ces nombres ne sont pas ceux de ce vote"
    elif "unanimite" not in facts and facts.get("pour") and against == 0 and abstained == 0:
        facts["unanimite"] = True
    elif "unanimite" not in facts and facts.get("pour") and (against or abstained):
        facts["unanimite"] = False
    return None


def _read_counts(folded: str, start: int, end: int, figure_first: bool | None = None):
    """The first cluster of vote counts in the passage: values by field, and its span. With
    `figure_first`, every run of sides and figures is read in that orientation, whatever its first token."""
    oriented = _figure_first if figure_first is None else (lambda _folded, _pos: figure_first)
    anchors = []
    for m in _LABEL_FIRST.finditer(folded, start, end):
        if m.group("value") is not None and "-" in folded[m.end("label"):m.start("value")] and oriented(
                folded, m.start("value")):
            # « 13 POUR - 0 CONTRE »: 0 is the count of « contre », the dash only separates.
            continue
        anchors.append((m.start(), m.end(), m.group("label"), m.group("value")))
    paired = []
    for m in _LABEL_VALUE_RUN.finditer(folded, start, end):
        if (_NUMBER_BEFORE.search(folded, max(0, m.start() - 12), m.start()) or _LABEL_NEXT.match(folded, m.end())) \
                and oriented(folded, m.start()):
            # « 20 pour 3 contre 0 abstention »: numbers first, read below.
            continue
        for pair in re.finditer(rf"{_LABEL} (?P<value>\d{{1,4}})\b", m.group(0)):
            anchors.append((m.start() + pair.start(), m.start() + pair.end(), pair.group("label"),
                            pair.group("value"), False))
        paired.append((m.start(), m.end()))
    for m in _LABEL_VOICES.finditer(folded, start, end):
        around = folded[max(start, m.start() - 40):m.start()] + " " + folded[m.end():min(end, m.end() + 40)]
        others = {w.rstrip("s") for w in re.findall(r"\b(?:pour|contre|abstentions?)\b", around)}
        if not any(a <= m.start() < b for a, b in paired) and others - {m.group("label").rstrip("s")} \
                and not oriented(folded, m.start("value")):
            # « Pour 40 voix Contre Abstention »: a side counted in votes in a row of the vote's
            # sides, even when the others are left blank.
            anchors.append((m.start(), m.end(), m.group("label"), m.group("value"), True))
            paired.append((m.start(), m.end()))
    for m in _VERSUS.finditer(folded, start, end):
        if re.search(r"\b(?:pour|abstentions?)[ ,;-]{0,3}$", folded[max(0, m.start() - 12):m.start()]):
            # « 12 voix pour 0 voix contre 0 abstention »: a side before the figure, so this figure is
            # « contre »'s, not the count for in « 25 voix contre 2 ».
            continue
        anchors.append((m.start(), m.end("pour"), "pour", m.group("pour"), True))
        anchors.append((m.start("contre"), m.end(), "contre", m.group("contre"), True))
        paired.append((m.start(), m.end()))
    for m in _NUMBER_FIRST.finditer(folded, start, end):
        dashed = _AFTER_DASH_LABEL.search(folded, max(0, m.start() - 40), m.start())
        if _AFTER_LABEL.search(folded, max(0, m.start() - 20), m.start()) or _other_count_before(
                folded, max(0, m.start() - 30), m.end("value"), bool(m.group("voix"))) or (
                (dashed is not None or _SIDE_BEFORE.search(folded, max(0, m.start() - 40), m.start()))
                and not oriented(folded, m.start())):
            # « Pour 12 Contre 1 Abstention » (the last side left blank): a run that opens with a side
            # gives each side the figure after it, 12 is not « contre »'s.
            # « Pour : 28 Contre : 0 »: 28 belongs to « pour », not to « contre ».
            continue
        if any(a <= m.start() < b for a, b in paired):
            # « Pour 20 Contre 3 Abstention 0 »: 20 is the value of « pour », not of « contre ».
            continue
        if figure_first is False and any(a == m.start("label") for a, _ in paired):
            # Read side first, the 4 of « 4 POUR 21 CONTRE 0 » is no side's: its side opens the run.
            continue
        anchors.append((m.start(), m.end(), m.group("label"), m.group("value"), bool(m.group("voix"))))
    worded = []
    for m in _LABEL_THEN_WORDS.finditer(folded, start, end):
        # « Pour : vingt-huit Contre : zéro »: a label's value written in words.
        number, end_words = _leading_words_value(m.group("words"))
        if number is not None:
            anchors.append((m.start(), m.start("words") + end_words, m.group("label"), str(number), False))
            worded.append((m.start("words"), m.start("words") + end_words))
    for m in _WORDS_FIRST.finditer(folded, start, end):
        if any(a <= m.start() < b for a, b in worded):
            # « Pour : vingt-huit Contre … »: the words are the value of « pour », not of « contre ».
            continue
        number = _words_value(m.group("words"))
        if number is None:
            continue
        offset = m.group("words").rfind(" ") + 1 if " " in m.group("words") else 0
        anchors.append((m.start() + offset, m.end(), m.group("label") or m.group("bare"), str(number),
                        bool(m.group("voix"))))
    for m in _VOTE_TABLE.finditer(folded, start, end):
        labels = re.findall(r"pour|contre|abstentions?", m.group("labels"))
        values = m.group("values").split()
        if len(labels) == len(values) == len(set(labels)):
            for label, value in zip(labels, values):
                anchors.append((m.start(), m.end(), label, value if value.isdigit() else "-", False))
    anchors.sort(key=lambda a: a[0])
    clusters = []
    for anchor in anchors:
        # « Vu l'avis de la commission (pour : 7 ; contre : 0) ; Après en avoir délibéré, Pour Contre
        # Abstention 28 2 2 »: the council's decision starts a vote of its own.
        if clusters and anchor[0] - clusters[-1][-1][1] <= 90 and not _DECISION.search(folded, clusters[-1][-1][1],
                                                                                       anchor[0]):
            clusters[-1].append(anchor)
        else:
            clusters.append([anchor])
    for cluster in clusters:
        labels = {a[2] for a in cluster}
        if len(labels) < 2 and not any(len(a) == 5 and a[4] for a in cluster) and not (
                labels == {"pour"} and _VOTE_BEFORE.search(folded, max(start, cluster[0][0] - 50), cluster[0][0])):
            # A lone side is a vote's count with « voix » or after « Vote … : » (« Vote des comptes de
            # gestion : 15 pour »), not in prose.
            continue
        if _from_commission(folded, cluster[0][0]):
            continue
        values = {}
        for anchor in cluster:
            label, value = anchor[2], anchor[3]
            key = _FIELDS.get(label)
            number = _count(value)
            if key is None or number is None or key in values or number > 2000:
                continue
            values[key] = number
        if values:
            return values, cluster[0][0], cluster[-1][1]
    return None


def other_orientations(source: str) -> list[dict]:
    """The counts the vote printed in `source` gives when its runs of sides and figures are read the
    other ways (side first, figure first), when they differ from the reading of `source` as it stands:
    « 4 POUR 21 CONTRE 0 ABSTENTION 0 » is pour 4, contre 21, abstentions 0 read figure first, and
    pour 21, contre 0, abstentions 0 read side first. Which is the vote's, the attendance decides
    (checker/reader/vote_checks.py)."""
    folded = Document(source).fold
    found = _read_counts(folded, 0, len(folded))
    if found is None:
        return []
    others = []
    for figure_first in (False, True):
        other = _read_counts(folded, 0, len(folded), figure_first)
        if other is not None and other[0] != found[0] and other[0] not in others:
            others.append(other[0])
    return others

"""Who attended: the lists of présents, absents and pouvoirs, the secretary and the president.

Extracts head their lists with « Présents : », « Étaient présents », « Absents excusés : »,
« Absents ayant donné pouvoir : », « Pouvoirs : », « Avaient donné pouvoir : »… and write a
proxy in many ways: « X, ayant donné pouvoir à Y », « X (procuration à Y) », « X (pouvoir à
Y) », « X a donné pouvoir à Y », « X donne pouvoir à Y », and, under a « Pouvoirs » heading,
« X à Y » or « X …… à Y »; under « Absents représentés », « X par Y ». Only the first block of
lists is read: an extract may carry the minutes of an earlier meeting after its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.reader.names import _HEADING_WORDS, _LIST_ENDING_HEADINGS, CIVILITIES, CIVILITY_RE, PARTICLES, ROLE_WORDS, Name, display, first_name_at, kind, last_name_before, read_list, trim_heading, first_name_roll
from checker.reader.dates import NUMBER_WORDS, words_to_int
from checker.reader.normalize import Document, fold, fold_name
from ruleset.names import surname_alone

PRESENT, PROXY, ABSENT, ABSENT_EXCUSED, ABSENT_MIXED, STOP, SUBHEADING = (
    "present", "proxy", "absent", "absent_excuse", "absent_mixed", "stop", "subheading")

_HEADERS = [
    (PRESENT, r"\b(?:etaient|etait) presente?s?\b(?! ou represente)(?!,? (?:sauf|a l'exception|excepte))"
              r"(?: (?:mesdames et messieurs|mesdames|messieurs))?"
              r"(?: les (?:conseillers|delegues|membres)(?: municipaux| communautaires)?)? ?:?"),
    (PRESENT, r"\bpresente?s?(?: titulaires ?(?:/ ?suppleants|et suppleants)?)? ?:"),
    # A count in the heading: « Présents, 6 conseillers : », « Présents (6) : ».
    (PRESENT, r"\bpresente?s?,? (?:\(\d{1,3}\)|\d{1,3} (?:conseillers|membres|elus|delegues)"
              r"(?: municipaux| communautaires| syndicaux)?) ?:"),
    (PRESENT, r"\b(?:\d{1,3}(?: puis \d{1,3})? )?(?:elus|conseillers|membres|delegues)"
              r"(?: municipaux| communautaires)? (?:etaient |sont )?presents ?:"),
    # « Etaient présents les conseillers municipaux suivants : », « Présents à la séance : »,
    # « Présents (titulaires) : », and the heading that leaves « présents » unsaid: « Mesdames et
    # Messieurs les Conseillers Municipaux : A, B, … Absents excusés : … ».
    (PRESENT, r"\b(?:(?:etaient|etait) )?presente?s?,? (?:les (?:conseillers|delegues|membres|elus)"
              r"(?: municipaux| communautaires| syndicaux)? suivants|a la seance|\(titulaires\)) ?:"),
    # « Membres suppléants remplaçant un membre titulaire : X (pour Y) »: the suppléants who sit.
    # (« Membres suppléants avec voix délibérative : », not « Délégués suppléants absents : ».)
    (PRESENT, r"\b(?:membres|delegues) suppleante?s?(?![^:.;]{0,40}\b(?:absente?s?|excusee?s?|pouvoirs?|procurations?"
              r"|representee?s?)\b)[^:.;]{0,40}:"),
    # « Suppléants siégeant pour un titulaire : », « Suppléants présents : »: a plural and a word of sitting.
    (PRESENT, r"\bsuppleante?s (?:presente?s|siegeant|remplacant|avec voix|ayant voix)[^:.;]{0,40}:"),
    # « Mesdames et Messieurs les Conseillers Municipaux : » heads the roll when nothing else does; under
    # another heading (« Absents excusés : Mmes et MM. les Conseillers municipaux : … », « Etaient
    # présents : Mmes et MM. les Adjoints : … ; Mmes et MM. les Conseillers : … ») it is a sub-heading of
    # that list.
    (SUBHEADING, r"(?<!presents )(?<!presents: )(?<!presents : )\b(?:mesdames et messieurs|mmes et mm\.?) les "
                 r"(?:conseillers|conseilleres|delegues|adjoints|adjointes|vice-presidents|vice-presidentes)"
                 r"(?:[-.\u00b7](?:e[-.\u00b7]?)?s?)?(?: municipaux| communautaires| syndicaux)? ?:"),
    (PROXY, r"\b(?:absente?s?|excusee?s?)(?: excusee?s?)? (?:a[yv]ant|qui ont|qui a|avec) (?:donne )?"
            r"(?:pouvoirs?|procurations?)(?: de vote)? ?:?"),
    (PROXY, r"\b(?:\d{1,3}(?: puis \d{1,3})? )?(?:(?:elus|conseillers|membres|delegues)"
            r"(?: municipaux| communautaires)? )?(?:avaient|avait|ont|ayant|a) donne (?:pouvoirs?|procurations?) ?:"),
    (PROXY, r"\b(?:titulaires )?ayant donne (?:pouvoir|procuration) ?:"),
    # « Ont donné procuration – Suppléant(e)s Emile AUBIGNA à Charles CHIVILO, … »: a heading without
    # its colon, a dash after it.
    (PROXY, r"\b(?:avaient|ont|ayant) donne (?:pouvoirs?|procurations?) ?[-\u2013\u2014](?= )"),
    # A flattened table of proxies, one row per pair: « Mandant Mandataire Marie DURAND Paul MARTIN … »
    (PROXY, r"\b(?:noms? (?:du |des )?)?mandants?,? ?(?:[-/|] ?|et )?(?:noms? (?:du |des )?)?mandataires? ?:?"),
    # « Pouvoirs : », « Pouvoirs de : », « Procurations de vote : », « Délégations de vote : »
    (PROXY, r"(?<!: )(?<!\()\b(?:\d{1,3} )?(?:pouvoirs?|procurations?)(?: donnee?s)?(?: de| de vote)? ?:"),
    (PROXY, r"\bdelegations? de vote ?:"),
    # « Etaient porteurs d'un pouvoir : Mme ANCELLIN pour M. PERARDEL »: holder first, then « pour »
    # and the giver.
    (PROXY, r"\b(?:etaient |etait )?(?:porteu(?:r|se)s?|detent(?:eur|rice)s?) d'(?:un|une) (?:pouvoir|procuration)s? ?:"),
    (PROXY, r"\b(?:absente?s? )?(?:(?:excusee?s?|absente?s?) (?:et )?)?representee?s? ?:"),
    (PROXY, r"\b(?:(?:etaient|etait) )?(?:absente?s? )?excusee?s? et (?:avaient|ayant|ont|a|avait) donne "
            r"(?:pouvoirs?|procurations?)(?: de voter en (?:leur|son) nom| de vote)? ?:?"),
    (ABSENT, r"\b(?:(?:etaient|etait) )?absente?s?(?:(?: et)?(?: non)? excusee?s?)?(?: sans (?:pouvoirs?|procurations?)| non representee?s?)?"
             r"(?: ?/ ?excusee?s?)? ?:"),
    (ABSENT, r"\babsente?s? excusee?s?\b"),
    (ABSENT, r"\b(?:non )?excusee?s?(?: sans pouvoirs?)? ?:"),
    (ABSENT, r"\b(?:absente?s?|excusee?s?) sans (?:pouvoirs?|procurations?) ?:?"),
    (ABSENT, r"\b(?:conseillers(?: municipaux| communautaires)?|membres|delegues) absents? ?:"),
    (ABSENT, r"\bnon presente?s? ?:|\bne siegeai(?:en)?t pas ?:"),
    # « Tous présents sauf … », « … étaient présents ou représentés à l'exception de … »: the names
    # that follow are the represented and the absent, never the present.
    (ABSENT_MIXED, r"\b(?:(?:etaient|etait|sont) )?(?:tous )?presente?s?(?: ou representee?s?)?,? "
                   r"(?:a l'exception de|sauf|excepte)"),
    (STOP, r"\b(?:secretaires?(?: de seance)?|elue? secretaire de seance|secretariat(?: de (?:la )?seance)?) ?:"),
    (STOP, r"\b(?:assistaient|assistait|participait|participaient|etaient egalement presents|"
           r"egalement presents?|invites?|excuses? non membres?)(?: egalement)? ?:?"),
    (STOP, r"\b(?:date de (?:la )?convocation|nombre de|le quorum|quorum|en exercice|votants|ordre du jour"
           r"|objet|president(?:e)?(?: de (?:la )?seance)? ?:|secretaire|(?<!la )(?<!des )deliberations? n ?°|vu le code|apres en avoir delibere)"),
    (STOP, r"\bn ?° ?(?:[a-z]{1,6}[ _-]?)?(?:19|20)\d\d"),
    # The labels of an agenda item (« Rapporteur : M. Luc BLANC », « Nomenclature : 7.1 », « Exposé : »)
    # open the item after the roll: a name after them is the item's, no member of the list before. Only
    # with their colon, written at the end (a bare « Rapporteur » may be a title in the list).
    (STOP, r"\b(?:rapporteure?s?|rapports?|expose(?: des motifs)?|presentation|nomenclature|(?:code )?matiere"
           r"|thematique|annexes?|pieces? jointes?|(?:resultat du )?vote|(?:intervenante?s?|intervention)) ?(?::)"),
]
# Inclusive writing: « Etaient absents-es et excusés-es », « présent·e·s », « représenté.e.s ».
_INCLUSIVE = r"(?:[-.\u00b7](?:e[-.\u00b7]?)?s?)?"


# Letters a scan's OCR confuses in the words of the labels and of a proxy's phrase (« pouvolr »,
# « donnc pouvoir », « cxcusés », « procuratlon »): each such word matches with them.
_OCR_WORDS = {"pouvoir": "pouv[o0][il1]r", "procuration": "procurat[il1][o0]n", "donne": "d[o0]nn[ec]",
              "excuse": "[ec]xcus[ec]", "absent": "abs[ec]nt", "present": "pr[ec]s[ec]nt",
              "represente": "r[ec]pr[ec]s[ec]nt[ec]"}
_OCR_WORD = re.compile(r"(?<![\w\[])(" + "|".join(sorted(_OCR_WORDS, key=len, reverse=True)) + ")")


def _inclusive(pattern: str) -> str:
    """« absente?s? » also matches « absent(e)s », « Absent(s) », « excusé(e)(s) », « Excusé(e})s » (OCR),
    « absents-es »; « procurations? » matches « PROCURATION(S) »; and the words of labels with the
    letters OCR confuses."""
    pattern = re.sub(r"(pouvoir|procuration)s\?(?!\w)", lambda m: m.group(1) + r"(?:s|\(s\))?", pattern)
    pattern = re.sub(r"(absent|excuse|present|represente)e\?s\?(?!\w)",
                     lambda m: m.group(1) + r"(?:e|[({]e?s?[)}]{1,2}){0,2}s?" + _INCLUSIVE, pattern)
    return _OCR_WORD.sub(lambda m: _OCR_WORDS[m.group(1)], pattern)


_HEADER_RES = [(kind, re.compile(_inclusive(p))) for kind, p in _HEADERS]
# A label's colon written another way by another template or lost by extraction: « Présents - A, B »,
# « Pouvoirs :: X à Y », « EXCUSÉS  Monsieur X (Pouvoir à …) ». A dash after the label is its colon; a
# label with nothing after it heads a list only where it is capitalised and a capitalised word (a
# civility or a name) follows at once (checked in `_headers`).
_DASHED_HEADER_RES = [(kind, re.compile(_inclusive(p[:-3]) + r" ?-(?= )")) for kind, p in _HEADERS
                      if p.endswith(" ?:")]
_BARE_HEADER_RES = [(kind, re.compile(_inclusive(p[:-3]) + r"(?= )")) for kind, p in _HEADERS
                    if p.endswith(" ?:")]
# Headings of the absent printed without a colon, as in a table's first column (« Absents excusés M. A
# Mme B », « Excusés Marie DURAND », « Etaient absents Mmes X et Y »): a heading only where it is
# capitalised and a capitalised word (a civility or a name) follows at once.
_COLONLESS_ABSENT = re.compile(_inclusive(
    r"\b(?:(?:etaient|etait) )?(?:absente?s?(?: et)?(?: non)?(?: excusee?s?)?|excusee?s?)(?= )"))
_CAPITALISED_NEXT = re.compile(r"\s*[-\u2013]?\s*(?:[A-ZÀ-ÖØ-Þ])")

# Ways of writing « gave a proxy to »; the generic « à » and « par » only count under a heading
# that announces proxies.
_CONNECTOR = re.compile(_inclusive(
    r",? ?\(?(?:qui |lequel |laquelle )?(?<![a-z])(?:a|ayant|avant|avait|avaient|ont|donne|donnant|a donne)"
    r" ?(?:donne )?(?:son |sa |un )?(?:pouvoirs?|procurations?|delegation)(?: de vote)?(?: ecrite?)?"
    r"(?: donnee?)? (?:a|au profit de|en faveur de)\b"
    # « Marie DURAND (excusée, pouvoir à Paul MARTIN) », « Jean DUPUIS : pouvoir à Luc BLANC »
    r"|\((?:excusee?|absente?|empechee?)s?,? (?:a donne |donne )?(?:pouvoirs?|procurations?) (?:a|au profit de)\b"
    r"| ?: (?:pouvoirs?|procurations?) (?:a|au profit de)\b"
    r"|\((?:par |avec )?(?:pouvoirs?|procurations?)(?: donnee?)?(?! (?:de|d'|donnee? par|recue? de)\b)"
    r"(?: (?:a|au profit de))?\b"
    r"|,? ?(?:pouvoir|procuration) donnee? a\b"
    # « a donné pouvoir de voter en son nom à », « donne mandat à », « a délégué son vote à », « a remis
    # son pouvoir à », « a confié sa procuration à »
    r"|,? ?\(?(?:qui |lequel |laquelle )?(?<![a-z])(?:(?:a|ayant|avait|avaient|ont) )?"
    r"(?:donne|donnant|remis|confie|transmis|delegue|deleguant)"
    r" (?:son |sa |un |une )?(?:pouvoirs?|procurations?|mandat|vote|delegation)"
    r"(?: de vote| de voter| pour voter)?(?: en son nom| en leur nom)? (?:a|au profit de|en faveur de)\b"
    # « Mme X (pouvoir : M. Y) », « Mme X (mandataire : M. Y) »
    r"|\((?:pouvoirs?|procurations?|mandataire) ?: ?"
    # Run on, without a verb: « Marie DURAND Pouvoir à Paul MARTIN », « X - procuration à Y ».
    r"|,? ?(?:- ?)?(?:pouvoirs?|procurations?) (?:a|au profit de|en faveur de)\b"
    r"|,? represente(?:e|\(e\))? par\b(?! (?:son|sa|leur|le|la|un|une) (?:delegue )?suppleante?)"
    # « Mme X s'est fait représenter par M. Y », « M. X se fait représenter par M. Y »: a proxy said in
    # a sentence; never a suppléant who sits in the titulaire's place.
    r"|,? (?:(?:s'|s )?est|s'etait|s etait|se|s'etant|s etant) (?:fait(?:e|s)? )?representer par\b"
    r"(?! (?:son|sa|leur|le|la|un|une) (?:delegue )?suppleante?)"))
# On the holder: « MME BOUSQUET Audrey (Procuration de MME BONNET Céline) », « M. X, porteur du
# pouvoir de M. Y »: the name after is the giver's.
_REVERSE = re.compile(r"\((?:\+ ?)?(?:pouvoirs?|procurations?) (?:de|d'|donnee? par|recue? de)(?= )"
                      r"|,? ?\(?(?:mandataire|porteuse?) (?:de|d')(?= )"
                      r"|,? ?(?:porteur|porteuse|detenteur|detentrice) (?:du|d'un|de la) (?:pouvoir|procuration) (?:de|d')(?= )"
                      r"|,? ?(?:a|ayant) recu (?:le |un )?(?:pouvoir|procuration) (?:de|d')(?= )")
_BARE_BRACKET = re.compile(r"\((?:par |avec )?(?:pouvoirs?|procurations?)")
_RUN_ON = re.compile(r",? ?(?:- ?)?(?:pouvoirs?|procurations?) (?:a|au profit de|en faveur de)$")
_PROXY_A = re.compile(r"(?:\.{2,} ?| )(?:a(?! (?:ete|eu|ete elue?|quitte|rejoint|fait)\b)|->|[\u2192\u21d2\u279d\u279c\u2794\u27a1]|=>)(?= )")
# « Pouvoirs : procuration de Mme DURAND à M. MARTIN ; … »: the words before the giver.
_PROXY_OF = re.compile(r"\b(?:pouvoirs?|procurations?) (?:de|d')(?= )")
_PROXY_PAR = re.compile(r" par(?= )")
_COLUMN_HEADS = re.compile(r" ?(?:absente?s?|excusee?s?|absente?s? ?/ ?excusee?s?|mandants?|noms?|elue?s?|conseillers?)"
                           r" (?:pouvoirs? (?:donnee? )?a|procurations? (?:donnee? )?a|mandataires?|donne a)(?= [A-Za-zÀ-ÿ])")
_ITEM_OF = re.compile(r"(?:^\s*:?\s*|[,;]\s*(?:et\s+)?|\s+et\s+)(?P<de>de)\s(?=[A-ZÀ-ÖØ-Þ])")
_PAR_BEFORE_CIVILITY = re.compile(rf" par(?= {CIVILITY_RE} )")
_PROXY_POUR = re.compile(rf" pour(?= {CIVILITY_RE} | [A-ZÀ-ÖØ-Þa-z])")
# « M. X remplacé par M. Y », « représenté par son suppléant »: a suppléant sits for a titulaire.
_SUBSTITUTE = re.compile(r"(?:remplacee?s?|suppleee?s?|suppleante?s?)\)?,?$")
_SUBSTITUTE_OF = re.compile(r"\b(?:suppleante?|remplacante?|en remplacement)s?,? (?:de|d'|du|pour)\W*"
                            r"(?:(?:m\.?|mme|mr|monsieur|madame|mlle) )?$")
_SUBSTITUTED = re.compile(r"[ ,;(-]*(?:(?:represente|remplace|supplee)e?s? par (?:son|sa|leur|le|la|un|une) (?:delegue )?suppleante?s?"
                          r"|(?:remplace|supplee)e?s? par\b)")
# A civility over folded text, with OCR's « M r » for « Mr ».
_CIVILITY = rf"(?:{CIVILITY_RE}|m r)"
# « Absents excusés : Mme Dupont par M. Martin », « Mme Dupont à M. Martin », « Mme Dupont → M.
# Martin »: in a list of the absent, « par » or « à » before a civility, or an arrow, joins a giver
# to the holder of the proxy.
_EXCUSED_PAR = re.compile(rf" (?:(?:par|a)(?= {_CIVILITY} )|(?:->|[\u2192\u21d2\u279d\u279c\u2794\u27a1]|=>)(?= ))")
_PAREN = re.compile(r"\([^()]{0,200}\)")
# A holder named by office: « pouvoir à M. le Maire », « au Président ».
_OFFICE = re.compile(r" ?(?:(?:a )?(?:m\.|mr|monsieur|mme|madame) )?(?:le |la |au )?(?:maire|presidente?)\b")
OFFICE_HOLDER = "@president"
_LATER_PROXY = re.compile(r"[ ,;(]*(?:(?:a|de) )?(?:a compter d|a partir d|des (?:le|la) (?:point|question|deliberation)"
                          r"|pour (?:le|la|les) (?:point|question|deliberation|derniere)|apres (?:le|la) "
                          r"|pendant |sauf |en (?:cours|fin) de seance)")
# Outside the lists, in the remarks on those present, any proxy for part of the meeting (« en
# début de séance jusqu'au point 1 inclus, puis … ») is one given by a member who sat.
_PART_OF_MEETING = re.compile(r"[ ,;(]*(?:jusqu|en (?:debut|cours|fin) de seance|puis )")
_LATE = re.compile(r"arrive|\bpartir d|apres l|en cours de seance|des le point|au point|jusqu")
_PARTIAL_ABSENCE = re.compile(r"\baux? points?\b")
# What a remark on an absent member says of the opening: absent « à l'ouverture » or « jusqu'au point
# 6 » was absent when the meeting opened; absent « à partir de la délibération n° 4 » (« jusqu'à la
# fin ») sat at the opening and left later; « arrivée à 18h45 » came later (labels and printed
# counts differ on such members: the printed numbers settle it).
_AT_OPENING = re.compile(r"\b(?:a l ouverture|en debut de seance|au debut de la seance)")
_ABSENT_UNTIL = re.compile(r"\bjusqu (?:a|au|aux) (?!la fin\b)")
# Arrived later or left early: absent for part of the meeting, which the printed numbers settle.
_ABSENT_FROM = re.compile(r"\b(?:a partir d|a compter d|des (?:le|la|l) |apres (?:le|la|l) |depart\b|partie?s?\b|quitte"
                          r"|arrivee?s?\b)")
# A verb after a name: the sentence is prose about that member (« M. VALORGE ouvre la séance »), not the list.
_PROSE_AFTER_NAME = re.compile(r"(?:(?:a|ont|avait|avaient) ete|s['\s]?est|se sont|s['\s]?etait|ete|est|sont|etait|procede|propose|quitte|rejoint|ouvre|preside|constate|souhaite|declare|siegent|siegeait|siege)\b")
_SECTION_LIMIT = 4000
_BLOCK_GAP = 1500


@dataclass
class Section:
    kind: str
    header_start: int
    start: int
    end: int
    # Lines of counts from another column interleaved in the list (blanked out when it is read).
    count_lines: tuple = ()
    # A list whose heading stands beside another's (« Présents : Absents excusés : »): its names come
    # out interleaved with the other column's, line by line, and are not read.
    apart: bool = False


@dataclass
class Attendance:
    present: list = field(default_factory=list)
    late: set = field(default_factory=set)
    absent: list = field(default_factory=list)
    pairs: list = field(default_factory=list)
    sources: dict = field(default_factory=dict)
    present_source: str | None = None
    proxies_source: str | None = None
    # Where the list of those present runs (after its heading), for a second count item by item
    # (checker/reader/appel.py).
    present_span: tuple | None = None
    # Where every list of those present runs: the roll, then the délégués suppléants who sat, listed
    # under their own heading after it (« Suppléants siégeant pour un titulaire : A (pour B) »).
    present_spans: list = field(default_factory=list)
    # Why the names read as absent may be wrong (a proxy word left unpaired, prose between two
    # names, a name that is no person's): without a printed count to confirm them, such a list is
    # not given.
    absent_doubts: list = field(default_factory=list)
    # Members listed absent for part of the meeting only (« parti après le point 5 », « à partir de
    # la délibération n° 4 »): absent from the act an extract is about, present at the opening of
    # the minutes' meeting. Which one the counts are is left to the printed numbers.
    absent_partial: list = field(default_factory=list)
    # Why the proxy pairs, as read, may be wrong or incomplete (a giver whose holder is unreadable,
    # a word of a proxy that gave no pair): a list that misses a pair is a wrong list.
    pair_doubts: list = field(default_factory=list)
    # Why a pair may be missing from the list though none read is in doubt (a proxy word in a list
    # of the absent that no pair came from): a printed number of the represented that the pairs
    # make up outweighs it.
    pair_gaps: list = field(default_factory=list)
    # Names written with a proxy word that gave no pair in their list (None when no name goes with
    # it): the pairs are in doubt unless one read elsewhere names that member's holder.
    unpaired_givers: list = field(default_factory=list)
    # Names of a list of the absent written just after a word that may join a giver to a holder.
    joined: set = field(default_factory=set)
    by_first_names: bool = False
    # Holders printed by their given name alone, each the one member present who bears it (ids of Names).
    given_named: set = field(default_factory=set)
    # Titulaires a suppléant sat for (« M. Y, suppléant de M. X », « M. X remplacé par sa suppléante »,
    # « Y (remplace X) »), wherever the roll says so: the seat is filled, so a list of the absent
    # naming X does not make X an absent without proxy.
    substituted: list = field(default_factory=list)


def _in_list(doc: Document, start: int, end: int) -> bool:
    """Whether a list's heading is a remark on the name just before it: « M. Luc PETIT excusé,
    Mme Sophie LEROY excusée ayant donné pouvoir à M. DUPONT » is one list, whose headings are
    capitalised or end with a colon."""
    said = doc.text[start:end]
    if ":" in said or not said[:1].islower():
        return False
    if re.sub(r"[(){}]", "", fold(said).split()[0]).endswith("s") and _NAME_NEXT.match(doc.text, end - said.endswith(" ")):
        # « … Mme Sylvie JACOB absents excusés Mesdames Stéphanie RIOCREUX, … »: a plural is no remark on
        # the one name before it; followed by a civility or a name, it heads the next list (its
        # capital lost, or never printed).
        return False
    before = doc.text[max(0, start - 30):start].rstrip()
    return bool(before) and before[-1].isalpha() and not re.search(r"\b(?:et|ou|les|des|sont|etaient|était|étaient)$",
                                                                   fold(before))


# The header row of a roll-call table (« Nom Présent Absent Excusé Pouvoir à », « Présents Absents
# Procurations »): words of presence side by side, no colon, heading no list of their own.
_PRESENCE_WORD = re.compile(_inclusive(r"(?:presente?s?|absente?s?|excusee?s?|representee?s?|pouvoirs?|procurations?"
                                       r"|mandataires?|signatures?|emargement|observations?|votants?)"))


def _column_labels(doc: Document, header: tuple) -> bool:
    start, end, kind = header
    if kind == STOP or doc.fold[start:end].rstrip().endswith(":"):
        return False
    after = re.match(r"[ /|]+(\S+)", doc.fold[end:end + 40])
    before = re.search(r"(\S+)[ /|]+$", doc.fold[max(0, start - 40):start])
    return bool(after and _PRESENCE_WORD.fullmatch(after.group(1).strip(".,;"))
                or before and _PRESENCE_WORD.fullmatch(before.group(1).strip(".,;")))


def _capitalised(doc: Document, start: int, end: int) -> bool:
    """Whether a label's first word (after a count it may carry: « 4 Pouvoirs - ») is capitalised."""
    letter = re.search(r"[^\W\d_]", doc.text[start:end])
    return bool(letter) and letter.group(0).isupper()


# What follows a label without its colon when it heads a list of names: a civility, a given name and
# a surname (« Denis FEGNE », « Marie Durand »), a surname in capitals and a given name; never a heading
# in capitals (« PRÉSENTS et REPRÉSENTÉS. MODIFICATION DU TABLEAU »); a small council's given names
# (« Présents Jean-Pierre, Yves, … »).
_NAME_NEXT = re.compile(r" (?:(?:M|MM|Mme|Mmes|Mlle|Mr|Monsieur|Madame|Messieurs|Mesdames)\b\.?"
                        r"|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?(?: [A-ZÀ-ÖØ-Þ]|,)"
                        r"|[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'-]+ [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")


# A roll's label without its colon stands after a clause or a number ends (« … 20 h 30. Présents
# Denis FEGNE, … »), never in the middle of a line of prose or after a name: there it is a column's
# title whose names extraction interleaves with the next column's (« … Maire de Sevran Présents
# BLANCHET Stéphane … Excusés ayant donné procuration LIBERT Arnaud … »).
_AFTER_CLAUSE = re.compile(r"(?:[.:;)\d]|^) ?$")


def _marked(doc: Document, start: int) -> bool:
    """« Lucette CARRE-ABSENTE », « Paul GUIGNARD - PROCURATION »: a roll's mark after a name, no heading
    (a count the label carries, « 4 Pouvoirs », is looked past)."""
    count = re.match(r"\d{1,3} ", doc.text[start:start + 4])
    start += count.end() if count else 0
    return doc.text[max(0, start - 3):start].rstrip()[-1:] in ("-", "\u2013", "\u2014", "(", "/")


# The end of a line that goes on into the next: a heading or a sentence wrapped, not a list ended.
_CONTINUED = re.compile(r"\b(?:et|ou|ni|les|des|sont|etaient|etait|excusee?s?|absente?s?|presente?s?) $")


def _headers(doc: Document) -> list:
    found = []
    for kind, regex in _HEADER_RES:
        for m in regex.finditer(doc.fold):
            if kind in (PROXY, ABSENT) and _in_list(doc, m.start(), m.end()):
                continue
            found.append((m.start(), m.end(), kind))
    for kind, regex in _DASHED_HEADER_RES:
        for m in regex.finditer(doc.fold):
            if _capitalised(doc, m.start(), m.end()) and not _marked(doc, m.start()) and not _in_list(
                    doc, m.start(), m.end()):
                found.append((m.start(), m.end(), kind))
    for kind, regex in _BARE_HEADER_RES:
        for m in regex.finditer(doc.fold):
            if (_capitalised(doc, m.start(), m.end()) and not _marked(doc, m.start())
                    and (kind == STOP or _NAME_NEXT.match(doc.text, m.end()) and (
                        kind != PRESENT or _AFTER_CLAUSE.search(doc.text, max(0, m.start() - 3), m.start())))
                    and not _in_list(doc, m.start(), m.end())):
                found.append((m.start(), m.end(), kind))
    for m in _COLONLESS_ABSENT.finditer(doc.fold):
        # A line that opens with the word heads a list in lower case too (« Michelle ROQUIN\nabsents
        # Patrick BIGOT, … »): no remark on the name that ends the line before. (Not where the line before
        # ends on « et »: « Excusés et\nabsents » is one heading wrapped, whose case says what it is.)
        line_start = bool(doc.breaks_within(m.start() - 1, m.start())) and not _CONTINUED.search(
            doc.fold, max(0, m.start() - 12), m.start())
        if ((doc.text[m.start()].isupper() or line_start) and not _marked(doc, m.start())
                and _CAPITALISED_NEXT.match(doc.text, m.end()) and (line_start or not _in_list(doc, m.start(), m.end()))):
            found.append((m.start(), m.end(), ABSENT))
    found = [h for h in found if not _column_labels(doc, h)]
    found.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept = []
    for start, end, kind in found:
        if kept and start < kept[-1][1]:
            continue
        if kind == SUBHEADING:
            lists = [h for h in kept if h[2] != STOP and start - h[1] < _BLOCK_GAP]
            if lists and kept[-1][2] != STOP:
                # A sub-heading of the list it stands in: its words are no names, the list goes on.
                continue
            kind = PRESENT
        kept.append((start, end, kind))
    return kept


# Interleaved columns: a count printed beside a list of proxies, one pair a line, comes out of
# extraction between two pairs (« Nelly Maroni à France Mendez Elus présents : 17 Anne-Marie Scotto à
# Georges Fourny »).
_WORD = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’-]+"
_PERSON = rf"(?:(?:M\.|Mme|Mr|Monsieur|Madame)\s+)?{_WORD}(?:\s+{_WORD}){{1,3}}"
_PAIR_BEFORE = re.compile(rf"{_PERSON}\s+(?:à|a|par)\s+{_PERSON}\s*[,;]?\s*$")
_COUNT_THEN_PAIR = re.compile(rf"(?:\s+[A-Za-zÀ-ÖØ-öø-ÿ'’-]+){{0,5}}?\s*:?\s*(\d{{1,4}}|{NUMBER_WORDS}|zéro)\s*[,;]?\s+"
                              rf"(?={_PERSON}\s+(?:à|a|par)\s+{_WORD})")


def _interleaved_count(doc: Document, header: tuple) -> tuple | None:
    """Where a count from another column interleaved in a list of proxies runs (its label and its
    number), or None. Only between two pairs: a heading with its count then a name (« Absents : 1
    M. Marc BERNARD ») still opens a list of its own."""
    start, end, _ = header
    after = _COUNT_THEN_PAIR.match(doc.text, end)
    if after is None or not _PAIR_BEFORE.search(doc.text, max(0, start - 160), start):
        return None
    # The label's first words before the heading (« Elus » of « Elus en exercice ») are no names.
    while True:
        word = re.search(r"(\S+)\s+$", doc.text[max(0, start - 30):start])
        if word is None or fold(word.group(1)) not in ROLE_WORDS:
            break
        start -= len(doc.text[max(0, start - 30):start]) - word.start()
    return start, after.end(1)


_LIST_KINDS = (PRESENT, PROXY, ABSENT, ABSENT_EXCUSED, ABSENT_MIXED)


def _sections(doc: Document) -> list:
    headers = _headers(doc)
    interleaved = {i: _interleaved_count(doc, h) for i, h in enumerate(headers)}
    # « Présents : Absents excusés : » then the names: headings of two columns side by side, whose
    # lists extraction interleaves line by line (« M. Jean DUPONT Mme Sophie LEROY Mme Marie MARTIN
    # M. Marc BERNARD … »). Nothing tells which name is in which column: neither list is read.
    side_by_side = set()
    for i in range(len(headers) - 1):
        (_, end, kind), (following, _, other) = headers[i], headers[i + 1]
        if (kind in _LIST_KINDS and other in _LIST_KINDS and kind != other
                and not doc.text[end:following].strip(" :;,.-\u2013|/\t\n")):
            side_by_side.update((i, i + 1))
    sections = []
    for i, (start, end, kind) in enumerate(headers):
        if kind == STOP:
            continue
        if i in side_by_side:
            sections.append(Section(kind, start, end, end, apart=True))
            continue
        if interleaved[i] is not None or any(c is not None and c[0] <= start < c[1] for c in interleaved.values()):
            # The count's own line holds no list: the names after it continue the list before.
            sections.append(Section(kind, start, end, max(end, max(c[1] for c in interleaved.values()
                                                                   if c is not None and c[0] <= start < c[1]))))
            continue
        following = i + 1
        inside = -1
        if kind == PROXY:
            # A count's label may hold headings of its own (« Nombre de conseillers en exercice : 11 »).
            while following < len(headers) and (interleaved[following] is not None or headers[following][0] < inside):
                if interleaved[following] is not None:
                    inside = max(inside, interleaved[following][1])
                following += 1
        limit = headers[following][0] if following < len(headers) else len(doc.text)
        sections.append(Section(kind, start, end, min(limit, end + _SECTION_LIMIT),
                                tuple(interleaved[j] for j in range(i + 1, following) if interleaved[j])))
    return sections


def _blank_count_lines(section: Section, text: str, folded: str) -> tuple:
    """The section's text and folded text with the count lines interleaved in it blanked out."""
    for line_start, line_end in section.count_lines:
        a, b = max(line_start, section.start) - section.start, min(line_end, section.end) - section.start
        if b > a:
            text = text[:a] + ";" + " " * (b - a - 1) + text[b:]
            folded = folded[:a] + ";" + " " * (b - a - 1) + folded[b:]
    return text, folded


def _first_block(sections: list) -> list:
    """The sections of the first attendance block (later blocks belong to other minutes)."""
    block = []
    for section in sections:
        if block and section.header_start - block[-1].end > _BLOCK_GAP:
            if any(s.kind in (PRESENT, PROXY, ABSENT_MIXED) for s in block):
                break
            block = []
        block.append(section)
    return block


def _may_sit(bracket: str, sitting: list) -> bool:
    """Whether the name in brackets may be a holder, who sits: with a roll of those present read, a
    word in capitals alone that no member present bears is the member's commune (« Monsieur Pierre
    PAILLAS (MILHARS) », « (LIVERS-CAZELLES) »), not a holder."""
    inside = bracket[1:-1].strip()
    if not sitting or not all(kind(w) in ("CAPS", "PART") for w in inside.replace("-", " ").split()):
        return True
    words = {fold(w) for w in inside.replace("-", " ").split()}
    return any(words <= {fold(t) for t in n.text.replace("-", " ").split()} for n in sitting)


def _holder_in_brackets(text: str) -> bool:
    """Whether a parenthesis holds one person's name and nothing else: under the excused or the
    proxies, « Marie Durand (Paul Martin) » names the holder of Marie Durand's proxy."""
    inside = text[1:-1].strip()
    if not inside or len(inside) > 60 or re.search(r"\d", inside):
        return False
    if _PLACE_WORDS.search(fold(inside)) and not re.search(r"[A-ZÀ-ÖØ-Þ]{2}", inside):
        # « Madame Pascale MINIERE (Boulay les Barres) à Monsieur Jean-Guy ROBLIN (Bricy) »: the
        # member's commune, in title case with the small words of a place's name.
        return False
    read = read_list(inside, 0, single_title_ok=True)
    lead = inside[:read.names[0].start].strip() if read.names else ""
    return (len(read.names) == 1 and not read.lead_junk and (lead == "" or fold(lead).rstrip(".") in _CIVILITY_WORDS)
            and read.names[0].end >= len(inside) - 1 and fold_name(read.names[0].text) not in _NOT_A_HOLDER)


_CIVILITY_WORDS = {"m", "mr", "mme", "mlle", "monsieur", "madame", "mademoiselle"}
_PLACE_WORDS = re.compile(r"\b(?:les|sur|sous|en|les|lez|aux|saint|sainte|st|ste)\b|\w-(?:sur|sous|les|en|la|le)-")
# « Mme Sophie LEROY par m. dupont »: a holder's name in lower case after a civility.
_LOWER_HOLDER = re.compile(r"^(\s*(?:m\.|mr\.?|mme\.?|mlle\.?|monsieur|madame)\s+)([a-zà-ÿ][a-zà-ÿ'-]{2,})"
                           r"(\s+[a-zà-ÿ][a-zà-ÿ'-]{2,})?(?=\s*(?:[,;.)]|$))", re.IGNORECASE)
_NOT_LOWER_NAME = {"le", "la", "les", "son", "sa", "leur", "un", "une", "maire", "president", "presidente", "suppleant",
                   "suppleante", "delegue", "deleguee", "adjoint", "adjointe", "conseiller", "conseillere"}


def _capitalised_holder(segment: str) -> str:
    """The segment after a connector with a holder's name written in lower case capitalised."""
    m = _LOWER_HOLDER.match(segment)
    if m is None or not m.group(2).islower() or fold(m.group(2)) in _NOT_LOWER_NAME:
        return segment
    words = [w for w in (m.group(2), (m.group(3) or "").strip()) if w]
    if any(not w.islower() or fold(w) in _NOT_LOWER_NAME for w in words):
        return segment
    rest = m.group(3) or ""
    return (m.group(1) + m.group(2).upper() + (rest[:len(rest) - len(rest.lstrip())] + rest.strip().upper() if rest else "")
            + segment[m.end():])


_NOT_A_HOLDER = {"maire", "president", "presidente", "adjoint", "adjointe", "suppleant", "suppleante"}


def _blank_parentheses(doc: Document, start: int, end: int, holders: bool = False,
                       sitting: list = ()) -> tuple[str, list]:
    """The section's text with parentheses that hold no proxy blanked out, and those remarks.

    With `holders`, a parenthesis that holds a name alone is kept: it names a proxy's holder."""
    text = _blank_inclusive(doc.text[start:end])
    folded = _blank_inclusive(doc.fold[start:end])
    remarks = []
    pieces = []
    last = 0
    for m in _PAREN.finditer(folded):
        if _CONNECTOR.search(m.group(0)) or _REVERSE.search(m.group(0)) or re.search(r"\(pouvoir", m.group(0)):
            continue
        if (holders and _holder_in_brackets(text[m.start():m.end()]) and _may_sit(text[m.start():m.end()], sitting)
                and not _CONNECTOR.match(folded, m.end())):
            # (« DOUMENJOU Elisabeth (CAZAUBON) a donné procuration à DELHOSTE Pierre »: the verb after
            # the brackets names the holder; the brackets hold the member's commune.)
            continue
        pieces.append(text[last:m.start()])
        pieces.append(";" + " " * (m.end() - m.start() - 1))
        remarks.append((m.start() + start, text[m.start() + 1:m.end() - 1]))
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces), remarks


# A syndicate's roll by member body: « Commune de Saint-Ay : M. X, Mme Y ; Ville de Bou : M. Z ».
_MEMBER_BODY = re.compile(r"\b(?:Commune|COMMUNE|Ville|VILLE|Communauté|COMMUNAUTÉ|Syndicat|SYNDICAT)s? "
                          r"(?:de |d'|du |des |de la |DE |D'|DU |DES |DE LA )[^:;,()]{1,50}? ?:(?= )")


_BODY_WITHOUT_COLON = re.compile(r"\b(?:COMMUNE|VILLE)S? (?:DE LA |DE L['’]|DE |D['’]|DU |DES )?(?=[A-ZÀ-ÖØ-Þ]{2})")


def _blank_member_bodies(text: str) -> str:
    """The list with the member bodies' labels blanked out (same length): a body is no person."""
    text = _MEMBER_BODY.sub(lambda m: ";" + " " * (len(m.group(0)) - 1), text)
    return _BODY_APPOSITION.sub(lambda m: " " * len(m.group(0)), text)


# « M. BALSAN Jean Max, commune de REMOULINS, donne procuration à M. ROUX Daniel »: the giver's
# body in apposition, between the name and the verb.
_BODY_APPOSITION = re.compile(r",\s*(?:(?i:d[ée]l[ée]gu[ée]e?|conseill[eè]re?|maire|adjointe?)(?: titulaire| suppl[ée]ante?)?"
                              r" (?:de la |du |de l['’]|de ))?"
                              r"(?i:commune|ville|communaut[ée] de communes|communaut[ée] d'agglom[ée]ration|syndicat)"
                              r"\s+(?:de la |de l['’]|de |d['’]|du |des )(?:(?!\s(?:M\.|Mme|Mr|Monsieur|Madame)\s)[^,;()\u2013\u2014]){1,60}?"
                              r"(?=,|\s+(?:donne|a donn|ayant donn))")


_INCLUSIVE_MARK = re.compile(r"(?<=[a-zà-ÿ])\((?:e|es|s|ne|ne?s)\)s?")


def _blank_inclusive(text: str) -> str:
    """« Suppléant(e)s », « Conseiller(e)s »: the inclusive mark of a title, which would part it in
    words and brackets that are no names (blanked, length kept)."""
    return _INCLUSIVE_MARK.sub(lambda m: " " * len(m.group(0)), text)


def _is_count(folded: str) -> bool:
    # « 1- M. Nicolas PANAVILLE a donné procuration … 2- Mme … »: the number of a list's first item.
    return bool(re.match(r" ?:? ?\d{1,4}\b(?! ?(?:mmes?|mm|m\.|mr|messieurs|mesdames|madame|monsieur)\b)"
                         r"(?! ?(?:-|\)|\.) ?(?:(?:mmes?|mm|mr|messieurs|mesdames|madame|monsieur)\b|m\.|[a-z][a-z'-]+ [a-z]))",
                         folded))


class _DigitCount:
    """A count in figures at a list's head, as `_count_in_words` gives one in words."""

    def __init__(self, match: re.Match):
        self.value = int(match.group(1))
        self._end = match.end()

    def end(self) -> int:
        return self._end


_COUNT_WORDS = re.compile(rf" ?[:=-]? ?({NUMBER_WORDS}|zero)(?![\w'-])")


def _count_in_words(text: str, folded: str):
    """« Présents : dix-huit Votants : vingt et un », « Pouvoirs : trois Mme X à M. Y »: a count written in
    words in lower case at a list's head (a surname « Huit » or « NEUF » is capitalised), or None."""
    m = _COUNT_WORDS.match(folded)
    if m is None or not text[m.start(1):m.end(1)].islower():
        return None
    value = words_to_int(m.group(1))
    if value is None:
        return None
    count = _DigitCount.__new__(_DigitCount)
    count.value, count._end = value, m.end()
    return count


# A word of attendance where a list of the absent stops: a list whose label was not read follows.
_ANOTHER_LIST = re.compile(r"[\W\d_]{0,3}(?:(?:etaient|etait|sont) )?(?:absente?s?|excusee?s?|representee?s?|pouvoirs?"
                           r"|procurations?)\b")


def _breaks_within(doc: Document, start: int, end: int) -> tuple | None:
    """Where the lines ended between `start` and `end`, or None when the document does not say."""
    breaks = getattr(doc, "breaks", None)
    if breaks is None:
        return None
    return tuple(b for b in breaks if start <= b < end)


_GIVEN_HOLDER = re.compile(r"\s*([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)(?=\s*(?:\)|[,;.]|$))")


def _given_name_holder(segment: str, offset: int, present: list) -> Name | None:
    """« Jacques DELUNSCH (pouvoir donné à Nelly) »: a holder named by a given name alone, in a council whose
    roll gives full names, is the one member present who bears it (a holder sits); two bearers, or none
    in the list of those present, and nothing is read. The name is kept as printed."""
    found = _GIVEN_HOLDER.match(segment)
    if found is None or fold(found.group(1)) in ROLE_WORDS:
        return None
    bearers = {n.text for n in present if len(n.tokens) >= 2 and found.group(1) in n.tokens}
    if len(bearers) != 1:
        return None
    return Name([found.group(1)], offset + found.start(1), offset + found.end(1))


def _read_section(doc: Document, section: Section, attendance: Attendance, header_text: str):
    kind = section.kind
    holders = kind == PROXY or (kind in (ABSENT, ABSENT_MIXED) and "excuse" in header_text)
    text, remarks = _blank_parentheses(doc, section.start, section.end, holders, attendance.present)
    text = _blank_member_bodies(text)
    folded = doc.fold[section.start:section.end]
    text, folded = _blank_count_lines(section, text, folded)
    # « Présents : 14 Représentés : 1 … » is a count, not a list; « Conseillers municipaux
    # présents : 51 Mmes et MM. ASCHARD Caroline, … » is both.
    announced = None
    number = _count_in_words(text, folded)
    if number is not None or _is_count(folded):
        # « Absents ayant donné pouvoir 4 CANCON (PICHARD Elisabeth donne pouvoir à GIROU Bernard),
        # … », a flattened table's row: its number and then its names, which must agree.
        number = number or _DigitCount(re.match(r" ?:? ?(\d{1,4})\b", folded))
        # « Pouvoirs : 2 (Mme X à M. Y, M. Z à Mme W) »: the number, then its names in brackets.
        bracketed = re.match(r" ?[:=-]? ?\(([^()]{3,1500})\)", folded[number.end():])
        if kind not in (PROXY, ABSENT) or not bracketed and not re.match(
                r" ?[,.]? ?(?:(?:m\.|mme|mr|monsieur|madame) )?[a-z]", folded[number.end():]):
            if kind == PROXY and _CONNECTOR.search(folded, 0, 200):
                # A list of proxies left unread: its givers may be among the names read as absent.
                attendance.unpaired_givers.append(None)
            return
        announced = number.value
        if bracketed:
            start = section.start + number.end() + bracketed.start(1)
            section = Section(kind, section.header_start, start, start + len(bracketed.group(1)))
        else:
            section = Section(kind, section.header_start, section.start + number.end(), section.end,
                              section.count_lines)
        text, remarks = _blank_parentheses(doc, section.start, section.end, holders, attendance.present)
        text = _blank_member_bodies(text)
        folded = doc.fold[section.start:section.end]
        text, folded = _blank_count_lines(section, text, folded)
    column_heads = _COLUMN_HEADS.match(folded) if kind == PROXY else None
    if column_heads:
        # « Absents/excusés Pouvoir à Martine CRINIERE Pascal MARIE … »: a table of two columns, the
        # giver's then the holder's, flattened row by row under its column heads.
        blank = " " * column_heads.end()
        text, folded = blank + text[column_heads.end():], blank + folded[column_heads.end():]
        header_text += " mandataire"
    if kind == PROXY:
        text = _PROXY_OF.sub(lambda m: " " * len(m.group(0)), text)
        items = list(_ITEM_OF.finditer(text))
        if len(items) >= 2 and len(items) == len(re.findall(r" a (?=\S)", folded)):
            # « Procurations : de BREMOND-DICK Caroline à DARGERY Viviane, de CASANOVA Philippe à … »:
            # every item opens with « de », the giver's preposition, no particle of his name.
            for m in items:
                text = text[:m.start("de")] + "  " + text[m.end("de"):]
    pairs_before, absent_before = len(attendance.pairs), len(attendance.absent)
    doubts_before, gaps_before = len(attendance.pair_doubts), len(attendance.pair_gaps)
    unpaired_before = len(attendance.unpaired_givers)
    reverse_at = {m.start() for m in _REVERSE.finditer(folded)}
    connectors = [(m.start(), m.end()) for m in _REVERSE.finditer(folded)]
    connectors += [(m.start(), m.end()) for m in _CONNECTOR.finditer(folded)
                   if (kind in (PROXY, ABSENT, ABSENT_EXCUSED, ABSENT_MIXED) or holders or not _RUN_ON.match(m.group(0)))
                   and not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in connectors)]
    connectors.sort()
    if holders:
        for m in _PAREN.finditer(folded):
            if (not _CONNECTOR.search(m.group(0)) and _holder_in_brackets(text[m.start():m.end()])
                    and _may_sit(text[m.start():m.end()], attendance.present) and not _CONNECTOR.match(folded, m.end())
                    and not any(s <= m.start() < e for s, e in connectors)):
                connectors.append((m.start(), m.start() + 1))
        connectors.sort()
    generic_at = set()
    holders_first = kind == PROXY and re.search(r"porteu|detent", header_text)
    generic = (_PROXY_POUR if holders_first else _PROXY_PAR if "represente" in header_text else _PROXY_A) if kind == PROXY else (
        _EXCUSED_PAR if kind in (ABSENT, ABSENT_EXCUSED, ABSENT_MIXED) else None)
    generics = [generic] if generic is not None else []
    if kind == PROXY and generic is _PROXY_A:
        # « Délégués représentés par pouvoir : M. X à M. Y … M. Z par M. W »: one list may join a pair
        # by « par » before a civility too.
        generics.append(_PAR_BEFORE_CIVILITY)
    for generic in generics:
        for m in generic.finditer(folded):
            if _SUBSTITUTE.search(folded, max(0, m.start() - 14), m.start()):
                # « M. X remplacé par M. Y »: a suppléant sits for the titulaire; no proxy.
                continue
            if not any(s <= m.start() < e for s, e in connectors):
                connectors.append((m.start(), m.end()))
                generic_at.add(m.start())
                if holders_first:
                    reverse_at.add(m.start())
        connectors.sort()
    for c_start, c_end in [c for c in connectors if c[0] not in generic_at and c[0] not in reverse_at]:
        # « Mme A donne pouvoir à M. B, M. C à Mme D. »: the verb said once, the pairs after it in the
        # same sentence are joined by a bare « à » before a civility or a capitalised name.
        for m in _ELLIPTIC_A.finditer(folded, c_end, _sentence_stop(folded, c_end)):
            if ((_CIVILITY_AT.match(folded, m.end()) or text[m.end():m.end() + 1].isupper())
                    and not any(s <= m.start() < e for s, e in connectors)):
                connectors.append((m.start(), m.end()))
                generic_at.add(m.start())
    connectors.sort()
    if kind in (ABSENT, ABSENT_EXCUSED, ABSENT_MIXED):
        # « Sophie LEROY à Paul DURAND » among the absent, no civility: « à » between a surname in
        # capitals and a given name and surname is a proxy's.
        for m in re.finditer(r" a(?= )", folded):
            if (_SURNAME_BEFORE.search(text, 0, m.start()) and _GIVEN_AND_SURNAME.match(text, m.end())
                    and not any(s <= m.start() < e for s, e in connectors)):
                connectors.append((m.start(), m.end()))
                generic_at.add(m.start())
        connectors.sort()
    # A small council's roll by first names (« Jean-Pierre, Yves, Agnès ») is read so in all its lists.
    by_first_names = first_name_roll(text) or attendance.by_first_names
    attendance.by_first_names = by_first_names
    bounds = [0] + [x for c in connectors for x in c] + [len(text)]
    segments = [(bounds[2 * i], bounds[2 * i + 1]) for i in range(len(connectors) + 1)]
    reads = []
    dropped = []
    stop = None
    for number, (seg_start, seg_end) in enumerate(segments):
        if stop is not None and seg_start >= stop:
            reads.append([])
            continue
        segment = text[seg_start:seg_end]
        if seg_start > 0:
            segment = _capitalised_holder(segment)
        joined_by = folded[connectors[number - 1][0]:connectors[number - 1][1]] if number > 0 else ""
        read = read_list(segment, section.start + seg_start, single_title_ok=True,
                         first_names=by_first_names, opened=1 if "(" in joined_by and ")" not in joined_by else 0,
                         gaps=doc.gaps_within(section.start + seg_start, section.start + seg_end),
                         breaks=_breaks_within(doc, section.start + seg_start, section.start + seg_end))
        if seg_start == 0 and read.lead_junk:
            if kind == PROXY and _CONNECTOR.search(folded, 0, 200):
                # A list of proxies whose opening is unreadable: its pairs are unknown, and its givers
                # may be among the names other lists give as absent.
                attendance.unpaired_givers.append(None)
            return
        if seg_start > 0 and not by_first_names:
            holder = _given_name_holder(segment, section.start + seg_start, attendance.present)
            if holder is not None and (not read.names or read.names[0].start >= holder.end):
                rest = holder.end - section.start - seg_start
                read = read_list(segment[rest:], holder.end, single_title_ok=True, opened=0,
                                 gaps=doc.gaps_within(holder.end, section.start + seg_end),
                                 breaks=_breaks_within(doc, holder.end, section.start + seg_end))
                read.names.insert(0, holder)
                attendance.given_named.add(id(holder))
        reads.append(read.names)
        dropped += read.dropped
        if read.stopped_at is not None:
            stop = read.stopped_at - section.start
            break
    while len(reads) < len(segments):
        reads.append([])
    reads = _same_style(reads)
    if kind == PROXY or holders:
        reads = _split_at_members(reads, len(connectors), attendance.present, doc)
    end_of_list = section.start + (stop if stop is not None else len(text))
    # Words of prose after a name, before the remarks in brackets are added: prose between two
    # names means the list was read across something else.
    prose_after = {id(n) for names in reads for n in names[:-1] if _prose_words(n.qualifier)}
    for name in [n for names in reads for n in names]:
        for pos, remark in remarks:
            if name.end <= pos <= name.end + 3:
                name.qualifier = (name.qualifier + " " + remark).strip()
    mandataires = set()
    later_givers = set()
    columns = _column_pairs(reads, connectors, folded) if kind == PROXY else {}
    if kind == PROXY and not connectors and "mandataire" in header_text:
        # Rows of two names, giver then holder; an odd number of names leaves the table unread.
        names = reads[0]
        if names and len(names) % 2 == 0:
            for giver, holder in zip(names[::2], names[1::2]):
                attendance.pairs.append((giver, holder, doc.span(giver.start, holder.end)))
        if names and attendance.proxies_source is None and len(names) % 2 == 0:
            attendance.proxies_source = doc.span(section.header_start, names[-1].end)
        return
    for i, (c_start, c_end) in enumerate(connectors):
        if section.start + c_start >= end_of_list:
            break
        if i in columns:
            for mandant, mandataire in columns[i]:
                mandataires.add(id(mandataire))
                attendance.pairs.append((mandant, mandataire, doc.span(mandant.start, mandataire.end)))
            if not columns[i]:
                mandataires.update(id(n) for n in reads[i] + reads[i + 1])
            continue
        before, after = reads[i], reads[i + 1]
        office = _OFFICE.match(folded, c_end)
        if office and before:
            # « Lionel BAPTISTE (pouvoir à M. le Maire) »: the holder is named by office; the
            # record names the president there (checker/reader/assemble.py).
            mandant = before[-1]
            mandataire = Name([OFFICE_HOLDER], section.start + office.start(), section.start + office.end())
            attendance.pairs.append((mandant, mandataire, doc.span(mandant.start, mandataire.end)))
            mandataires.add(id(mandataire))
            if after and after[0].start < mandataire.end + 3:
                mandataires.add(id(after[0]))
            continue
        if not before or not after:
            continue
        if folded[c_start:c_end].lstrip(" ,").startswith("(") and ")" in folded[c_end:after[0].start - section.start]:
            # « Mme Sophie LEROY (procuration), M. Luc PETIT »: the bracket closes before any holder.
            continue
        mandant, mandataire = before[-1], after[0]
        if c_start in reverse_at or kind == PRESENT and _BARE_BRACKET.fullmatch(folded[c_start:c_end].strip()):
            # « Mme X (pouvoir Mme Y) » among those present: X sits and holds Y's proxy.
            mandant, mandataire = mandataire, mandant
        if ((section.start + c_start - before[-1].end > 40
             and text[before[-1].end - section.start:c_start].strip(" ,;"))
                or after[0].start - (section.start + c_end) > 40):
            # (A body in apposition blanked between the giver and the verb is no distance.)
            continue
        if (c_start in generic_at or _RUN_ON.match(folded[c_start:c_end])) and (
                not re.fullmatch(r"[ ,]{0,2}(?:; *)?", text[before[-1].end - section.start:c_start])
                                      or not re.fullmatch(rf" ?(?:{_CIVILITY} )?",
                                                          doc.fold[section.start + c_end:after[0].start])):
            # A bare « à » or « par » joins the two names it stands between, nothing else.
            continue
        if id(mandant) in mandataires:
            # « A à B à C à D », a name boundary lost between two proxies, or a giver's name
            # unread between two: a holder does not hand on the vote he holds at the opening, so
            # the pairs are A to B and C to D.
            continue
        if "representer par" in folded[c_start:c_end] and not _represented_by_a_member(
                doc, attendance, mandataire, [n for names in reads for n in names] if kind == PRESENT else ()):
            continue
        if _PLURAL_GIVERS.search(folded, c_start, c_end) and len(before) >= 2 and re.fullmatch(
                rf" ?(?:,|et|, et) (?:{_CIVILITY} )?", doc.fold[before[-2].end:before[-1].start]):
            # « Mme A et M. B ont donné pouvoir à M. C »: a member holds one proxy only (L2121-20);
            # which giver's proxy the holder took, or whose holder is left out, the text does not say.
            attendance.pair_doubts.append(f"« {before[-2].text} » et « {mandant.text} » : deux mandants pour un "
                                          "seul mandataire")
            continue
        if "represente" in folded[c_start:c_end] and _a_suppleant(doc, attendance, mandataire):
            # « Mme X représentée par M. Y, suppléant »: in a comité the suppléant sits in the
            # titulaire's seat with a vote of his own (L5212-7); no proxy, and the titulaire is
            # neither absent nor represented.
            mandataires.add(id(mandataire))
            attendance.substituted.append(mandant.text)
            continue
        mandataires.add(id(mandataire) if holders_first else id(after[0]))
        if _LATER_PROXY.match(doc.fold, after[0].end, min(len(doc.fold), after[0].end + 60)) or (
                kind == PRESENT and _PART_OF_MEETING.match(doc.fold, after[0].end, min(len(doc.fold), after[0].end + 60))):
            # « X (a donné procuration à Y à compter du point 3) »: X sat at the opening; the proxy
            # covers later items only, and the meeting's counts are those of the opening. Among those
            # present, a proxy for part of the meeting (« en début de séance jusqu'au point 1 inclus,
            # puis … ») is one given by a member the roll counts present, as outside the lists.
            later_givers.add(id(mandant))
            continue
        source = doc.span(before[-1].start, after[0].end)
        attendance.pairs.append((mandant, mandataire, source))
    mandants = {id(p[0]) for p in attendance.pairs}
    in_order = [n for names in reads for n in names]
    for i, name in enumerate(in_order):
        if _SUBSTITUTED.match(doc.fold, name.end, min(len(doc.fold), name.end + 60)):
            # « M. Bernard BARRE, représenté par son suppléant M. Gérard ROCHET »: the suppléant
            # sits with a vote of his own; the titulaire is neither absent nor represented.
            mandataires.add(id(name))
            if i + 1 < len(in_order):
                mandataires.add(id(in_order[i + 1]))
    for before, name in zip(in_order, in_order[1:]):
        if _SUBSTITUTE_OF.search(doc.fold, before.end, name.start):
            # « M. Paul DURAND, suppléant de M. Luc PETIT »: the titulaire named after is not there.
            mandataires.add(id(name))
    # In « (a donné procuration à X jusqu'au point 64, puis à Salem DRICI) » the names are holders
    # or remarks; only a giver named inside brackets is one of the list.
    bracketed = [(section.start + m.start(), section.start + m.end()) for m in _PAREN.finditer(folded)
                 if _CONNECTOR.search(m.group(0)) or _REVERSE.search(m.group(0))]
    for name in in_order:
        if id(name) not in mandants and any(s <= name.start < e for s, e in bracketed):
            mandataires.add(id(name))
    for start, end in bracketed:
        if any(start <= p[0].start < end and start <= p[1].start < end for p in attendance.pairs[pairs_before:]):
            # « CANCON (PICHARD Elisabeth donne pouvoir à GIROU Bernard) »: the word before the
            # brackets names the commune the giver represents.
            for name in in_order:
                if 0 <= start - name.end <= 2:
                    mandataires.add(id(name))
    listed = []
    for name in (n for names in reads for n in names if id(n) not in mandataires):
        if kind == PRESENT and id(name) in mandants:
            continue
        if kind != PRESENT and id(name) in later_givers:
            continue
        if _PROSE_AFTER_NAME.match(fold_name(name.qualifier)) and not re.match(r"\s*(?:A|Est|Ont|Sont) ", doc.text[name.end:name.end + 8]):
            # (« … Jean-Luc DUPOUX A été nommé secrétaire : M. X »: a capitalised verb opens a
            # sentence of its own, whose full stop the extraction lost.)
            # « M. Éric VERDIER a été élu secrétaire » closes the list before it, and so does the
            # sentence it ends: in « … M. WILK. Mme Émilie BOUDOT et Mme Annaïck RICHARD sont
            # désignées comme secrétaires », both names are the secretaries.
            cut = _sentence_start(doc.text, section.start, name.start)
            end_of_list = min(end_of_list, cut)
            listed = [n for n in listed if n.start < cut]
            break
        listed.append(name)
    attendance.pairs = [p for p in attendance.pairs if min(p[0].start, p[1].start) < end_of_list]
    last_name = max((n.end for names in reads for n in names if n.end <= end_of_list), default=section.start)
    body = _BODY_WITHOUT_COLON.search(text, 0, last_name - section.start)
    if body and kind in (PROXY, ABSENT, ABSENT_EXCUSED, ABSENT_MIXED):
        # « COMMUNE DE BRENTHONNE TROSSET Guy, pouvoir à RAPIN Christiane »: a member body in capitals
        # without its colon, among the names read, runs into the surname after it; where one ends
        # and the other starts is unknown.
        doubt = f"« {body.group(0).strip()} … » : une collectivité membre collée au nom qui suit"
        if len(attendance.pairs) > pairs_before:
            attendance.pair_doubts.append(doubt)
        if kind != PROXY:
            attendance.absent_doubts.append(doubt)
    section_source = doc.span(section.header_start, end_of_list)
    lost = [at for at in dropped if at < end_of_list]
    if (stop is not None and kind in (ABSENT, ABSENT_EXCUSED, ABSENT_MIXED) and _ANOTHER_LIST.match(folded, stop)
            and section.end - (section.start + stop) > 25):
        # (A label read just after the stop, « Absents non excusés : », heads a list read on its own.)
        # « … Catherine CASTEL, Pierre FERRIER. absents - MM Florence HEE, … »: the list ends at a label
        # not read as one; the names after it are the absent too, or proxies whose givers are.
        attendance.absent_doubts.append(f"« {' '.join(doc.text[section.start + stop:section.start + stop + 30].split())} … » :"
                                        " une autre liste après celle-ci, non lue")
    if lost and kind != PRESENT:
        # « Gérard Grandsire Sophie Pichonnier Chantal Lefoyer … »: capitalised words that make no
        # name (two columns run together, a name too long): the names read are part of the list only.
        doubt = f"« {' '.join(doc.text[lost[0]:lost[0] + 40].split())} … » : des mots en capitales hors des noms lus"
        if kind == PROXY:
            attendance.pair_doubts.append(doubt)
        else:
            attendance.absent_doubts.append(doubt)
    if kind == PRESENT:
        attendance.present.extend(listed)
        for name in listed:
            if _LATE.search(fold_name(name.qualifier)):
                attendance.late.add(id(name))
        if listed and attendance.present_source is None:
            attendance.present_source = section_source
            attendance.present_span = (section.start, end_of_list)
        if listed:
            attendance.present_spans.append((section.start, end_of_list))
    elif kind in (ABSENT, ABSENT_EXCUSED, ABSENT_MIXED, PROXY):
        excused = "excuse" in header_text or kind == PROXY
        given = {id(p[0]) for p in attendance.pairs[pairs_before:]}
        for name in listed:
            if not _absent_at_opening(name.qualifier):
                if not _PARTIAL_ABSENCE.search(fold_name(name.qualifier)):
                    attendance.absent_partial.append(name)
                continue
            if kind == PROXY and id(name) not in given:
                # Under « A donné pouvoir : », a name without its holder gave a proxy that was
                # not read (« Mmc BRIQUET-BOISSIERE à M. MARETI'E »): not an absent without proxy,
                # and a pair missing from the list.
                attendance.pair_doubts.append(f"« {name.text} » : pouvoir sans mandataire lisible")
                continue
            attendance.absent.append((name, excused))
            if _JOINER_BEFORE.search(doc.fold, max(0, name.start - 16), name.start):
                attendance.joined.add(id(name))
        if kind != PROXY:
            doubts = _absent_doubts(folded[:end_of_list - section.start], connectors, generic_at,
                                    len(attendance.pairs) - pairs_before + len(later_givers),
                                    [n for n in listed if id(n) in prose_after], [n for n in listed], by_first_names)
            attendance.absent_doubts.extend(doubts)
            # « Sophie LEROY à Paul DURAND » among the absent with no pair read from it: the word
            # may join a giver to a holder, who then is no absent.
            given_here = {id(p[0]) for p in attendance.pairs[pairs_before:]}
            for one, other in zip(in_order, in_order[1:]):
                if (other.start < end_of_list and id(one) not in given_here
                        and _BARE_JOINER.fullmatch(doc.fold[one.end:other.start])):
                    joiner = doc.text[one.end:other.start].strip()
                    attendance.absent_doubts.append(f"« {joiner} » entre « {one.text} » et « {other.text} » hors d'un pouvoir lu")
                    attendance.pair_gaps.append((one, f"« {joiner} » entre deux noms hors d'un pouvoir lu"))
                    break
            # « Mme X (pouvoir) » among the absent: X gave a proxy; unless a pair read elsewhere
            # names X's holder, a pair is missing from the list.
            for word in _unpaired_proxy_words(folded[:end_of_list - section.start], connectors):
                before = [n for n in in_order if n.end <= section.start + word.start()]
                attendance.pair_gaps.append((before[-1] if before else None, f"« {word.group(0)} » hors d'un pouvoir lu"))
        strong = [c for c in connectors if c[0] not in generic_at and section.start + c[0] < end_of_list]
        if len(attendance.pairs) - pairs_before + len(later_givers) < len(strong):
            # « Mme X (pouvoir), M. Y » among the excused, X's holder named in a list of proxies
            # of its own: the pair is read there. Otherwise a pair is missing from the list.
            read_givers = {id(p[0]) for p in attendance.pairs[pairs_before:]} | later_givers
            unpaired = [reads[i][-1] if reads[i] else None for i, c in enumerate(connectors)
                        if c in strong and not (reads[i] and id(reads[i][-1]) in read_givers)]
            attendance.unpaired_givers.extend(unpaired or [None])
        if connectors and attendance.proxies_source is None:
            attendance.proxies_source = section_source
    if announced is not None:
        read_count = (len(attendance.pairs) - pairs_before if kind == PROXY
                      else len(attendance.absent) - absent_before)
        strong_pairs = kind == PROXY and read_count > 0 and not generic_at and read_count == len(
            [c for c in connectors if section.start + c[0] < end_of_list])
        if read_count != announced and not strong_pairs:
            # The number's row holds no list (« Représentés : 1 LECTURE DU PROCÈS-VERBAL »): nothing
            # read after it, doubts included, is the list's.
            del attendance.pairs[pairs_before:]
            del attendance.absent[absent_before:]
            del attendance.pair_doubts[doubts_before:]
            del attendance.pair_gaps[gaps_before:]
            del attendance.unpaired_givers[unpaired_before:]


_ELLIPTIC_A = re.compile(r"(?<=[\w.]) a (?=\S)")
_CIVILITY_AT = re.compile(rf"{_CIVILITY}\b")
_SENTENCE_STOP = re.compile(r"[;\n]|(?<![^\W\d_])(?!(?:m|mm|mme|mmes|mr|mlle|dr|st|ste)\.)[^\W\d_]+\.(?= |$)")


def _sentence_stop(folded: str, at: int) -> int:
    """Where the sentence running at `at` ends (a full stop after a word that is no civility, a
    semicolon or a line end)."""
    m = _SENTENCE_STOP.search(folded, at)
    return m.start() if m else len(folded)


def _absent_at_opening(qualifier: str) -> bool:
    """Whether a member listed absent with this remark was absent when the meeting opened (the
    counts of the opening are the ones the quorum and the proxies are checked on)."""
    remark = fold_name(qualifier)
    if _AT_OPENING.search(remark) or _ABSENT_UNTIL.search(remark):
        return True
    # Absent from a later item on, or only for some items (« aux points 3 et 4 »): not one of the
    # opening's absents.
    return not (_ABSENT_FROM.search(remark) or _PARTIAL_ABSENCE.search(remark))


_ARRIVED = re.compile(r"\barriv\w*")
_PROXY_WORD = re.compile(r"\b(?:pouvoirs?|procurations?|representee?s?|mandat\w*|mandataire)\b")


def _prose_words(qualifier: str) -> bool:
    return any(fold(w) not in ROLE_WORDS and len(w) > 1 for w in re.findall(r"[^\W\d_]+", qualifier))


_JOINER_BEFORE = re.compile(rf"(?:\b(?:a|par|pour)|->|=>|[\u2192\u21d2\u279d\u279c\u2794\u27a1]) (?:{_CIVILITY} )?$")
_SURNAME_BEFORE = re.compile(r"(?<![\w'-])[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'-]+$")
_GIVEN_AND_SURNAME = re.compile(r" [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)? [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'-]+(?![\w'])")
_BARE_JOINER = re.compile(rf" ?[,;]? ?(?:a|par|->|=>|[\u2192\u21d2\u279d\u279c\u2794\u27a1]) (?:{_CIVILITY} )?")
_UNPAIRED_IN_ABSENTS = "pouvoir sans mandant ou mandataire lisible"


def _unpaired_proxy_words(folded: str, connectors: list) -> list:
    """The words of a proxy in a list that no connector read: each may be a pair left unread."""
    found = []
    for m in _PROXY_WORD.finditer(folded):
        if re.search(r"\b(?:pas de|sans|aucune?) $", folded[max(0, m.start() - 8):m.start()]):
            # « Maryline (pas de pouvoir donné) », « excusé sans procuration »: no proxy to read.
            continue
        if not any(s <= m.start() < e for s, e in connectors) and not _SUBSTITUTED.search(folded, max(0, m.start() - 12),
                                                                                        m.end() + 30):
            found.append(m)
    return found


def _absent_doubts(folded: str, connectors: list, generic_at: set, pairs_read: int, prose: list, names: list,
                   by_first_names: bool = False) -> list:
    """Why a list of absents, as read, may be wrong."""
    doubts = []
    strong = [c for c in connectors if c[0] not in generic_at and c[0] < len(folded)]
    if pairs_read < len(strong):
        doubts.append(_UNPAIRED_IN_ABSENTS)
    for m in _unpaired_proxy_words(folded, connectors)[:1]:
        doubts.append(f"« {m.group(0)} » hors d'un pouvoir lu")
    if prose:
        doubts.append(f"prose entre deux noms (après « {prose[0].text} »)")
    with_civility = sum(1 for n in names if n.civility)
    surnames_only = sum(1 for n in names if len([t for t in n.tokens if kind(t) != "PART"]) == 1)
    for name in names:
        words = [t for t in name.tokens if kind(t) != "PART"]
        if (len(words) == 1 and kind(words[0]) == "CAPS" and len(words[0]) >= 5 and with_civility >= 3
                and with_civility >= len(names) - 1 and 2 * surnames_only > len(names)
                and fold(words[0]) not in _HEADING_WORDS
                and fold(words[0]) not in _LIST_ENDING_HEADINGS and fold(words[0]) not in ROLE_WORDS):
            # « Mr ROUSSEAU, CALLEDE, Mr LOUEDEC »: one civility lost in a list that names every
            # other member by civility and surname (among given names, a surname alone is a name
            # cut in two).
            continue
        if len(words) < 2 and not name.civility and not by_first_names:
            doubts.append(f"« {name.text} » : un nom seul, sans civilité ni prénom")
            break
        if any(kind(t) == "CAPS" and sum(c.isalpha() for c in t) <= 2 and fold(t) not in PARTICLES for t in words):
            doubts.append(f"« {name.text} » : un mot de deux lettres dans le nom")
            break
        if _split_surname(name.tokens):
            doubts.append(f"« {name.text} » : un nom coupé en deux par la lecture")
            break
    return doubts


def _split_surname(tokens: list) -> bool:
    """« MAHIEU-JOAN NES »: a surname in capitals followed right after by a short piece in capitals
    that ends the name is one word cut by the extraction (« MAHIEU-JOANNES »), not a second
    surname (« GOUVION St CYR » has its particle between)."""
    if len(tokens) < 2:
        return False
    last, before = tokens[-1], tokens[-2]
    return (kind(last) == "CAPS" and fold(last) not in PARTICLES and sum(c.isalpha() for c in last) <= 3
            and kind(before) == "CAPS" and fold(before) not in PARTICLES)


_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})\.\s+(?=[A-ZÀ-Þ])")
_NOT_SENTENCE_END = {"mme", "mr", "mm", "mlle", "mmes", "dr", "st", "ste"}


def _sentence_start(text: str, start: int, position: int) -> int:
    """Where the sentence holding `position` starts, not before `start` (a full stop after a word,
    not after a civility: « Mme. X »)."""
    found = start
    for m in _SENTENCE_END.finditer(text, start, position):
        word = re.search(r"(\w+)$", text[max(start, m.start() - 12):m.start()])
        if word and fold(word.group(1)) not in _NOT_SENTENCE_END:
            found = m.end()
    return found if found > start else position


def _split_at_members(reads: list, joins: int, present: list, doc: Document) -> list:
    """« Pierre Bejjaji à Dominique Scheiblin Emmanuelle Bertrand à Pascale Versaut »: pairs one a
    line, the line break lost, names in title case. Between two connectors, a run that opens with a
    member read present and goes on with more capitalised words is that holder, then the next giver.
    Only where the roll names the holder: otherwise nothing tells where the first name ends."""
    if not present:
        return reads
    members = {tuple(fold_name(t) for t in n.tokens) for n in present}
    split = []
    for i, names in enumerate(reads):
        if not 0 < i < joins or len(names) != 1 or len(names[0].tokens) < 4:
            split.append(names)
            continue
        name = names[0]
        cuts = [k for k in range(2, len(name.tokens) - 1)
                if tuple(fold_name(t) for t in name.tokens[:k]) in members
                and all(kind(t) == "CAP" for t in name.tokens[k:k + 1])]
        if len(cuts) != 1:
            split.append(names)
            continue
        k = cuts[0]
        position = name.start
        for token in name.tokens[:k]:
            found = doc.text.find(token, position, name.end)
            if found < 0:
                break
            position = found + len(token)
        else:
            following = doc.text.find(name.tokens[k], position, name.end)
            if following >= 0:
                split.append([Name(name.tokens[:k], name.start, position),
                              Name(name.tokens[k:], following, name.end, name.qualifier, False)])
                continue
        split.append(names)
    return split


def _same_style(reads: list) -> list:
    """A list that writes its members with a surname in capitals (« Monsieur Claude ABLITZER »)
    holds no name in title case without a civility: that is a commune's name from a flattened
    column of the table (« Chançay Monnaie Monnaie »)."""
    names = [n for names in reads for n in names]
    styled = [n for n in names if any(kind(t) == "CAPS" for t in n.tokens)]
    last = names[-1] if names else None
    if (last is not None and last not in styled and not last.civility and len(styled) >= 2
            and len(styled) == len(names) - 1):
        # « Absents : Marc BERNARD, Zoé BLANC Plan Local d'Urbanisme »: the list's last « name », the
        # only one in title case among surnames in capitals, is the next heading run into the list.
        return [[n for n in names if n is not last] for names in reads]
    if len(styled) < 3 or len(styled) < 0.75 * len(names):
        return reads
    return [[n for n in names if n.civility or any(kind(t) == "CAPS" for t in n.tokens)] for names in reads]


def _column_pairs(reads: list, connectors: list, folded: str) -> dict:
    """Proxies of a two-column table flattened by OCR: the givers first, then the holders, each
    after its « à » (« Madame Carol PASQUET Madame Annie BLONDEAU Azay-sur-Cher Montlouis à Claude
    ABLITZER à Patrick BOURDY »), paired in column order.

    A run of k « à », each but the last followed by one name only, after a passage of k names
    (or k names with a civility, the rest being communes' names): the i-th giver goes with the
    i-th holder; so too « A, B à C, D » around a single « à ». Gives, for each connector index of
    such a run, its pairs (giver, holder), none when the columns do not match, whose pairs are then
    left unread."""
    found = {}
    i = 0
    while i < len(connectors):
        if folded[connectors[i][0]:connectors[i][1]].strip(" .") != "a":
            i += 1
            continue
        j = i
        while (j + 1 < len(connectors) and len(reads[j + 1]) == 1
               and folded[connectors[j + 1][0]:connectors[j + 1][1]].strip(" .") == "a"):
            j += 1
        k = j - i + 1
        if k == 1 and len(connectors) == 1 and len(reads[i]) >= 2:
            # « Procurations : A, B à C, D »: one « à » between two columns of names.
            if len(reads[i + 1]) == len(reads[i]):
                found[i] = list(zip(reads[i], reads[i + 1]))
            else:
                found[i] = []
        elif k >= 2 and len(reads[i]) >= k and reads[j + 1]:
            titled = [n for n in reads[i] if n.civility]
            givers = (reads[i] if len(reads[i]) == k else titled if len(titled) == k else None)
            holders = [reads[m + 1][0] for m in range(i, j + 1)]
            for m in range(k):
                found[i + m] = [(givers[m], holders[m])] if givers else []
        i = j + 1
    return found


def _global_pairs(doc: Document, covered: list, attendance: Attendance, lists_span: tuple | None = None):
    """Proxies written in prose, outside any list (« M. X a donné pouvoir à M. Y »); between the
    lists, run on too (« Sylvain PEREZ, procuration à Luc FOUTRY » after a count of a flattened
    table that cut the list of proxies in two)."""
    for m in _CONNECTOR.finditer(doc.fold):
        if any(s <= m.start() < e for s, e in covered):
            continue
        among_lists = lists_span is not None and lists_span[0] <= m.start() < lists_span[1]
        if m.group(0).strip(" ,").startswith("represente") or _RUN_ON.match(m.group(0)) and not among_lists:
            continue
        before_start = max(0, m.start() - 80)
        mandant = last_name_before(doc.text[before_start:m.start()], before_start)
        window = doc.text[m.end():m.end() + 80]
        opened = doc.text.rfind("(", before_start, m.end()) > doc.text.rfind(")", before_start, m.end())
        if opened and ")" in window:
            # « Jacques DELUNSCH (pouvoir donné à Nelly) Nelly WIDMER … »: the holder is named inside the
            # brackets; the name after them is the next one of the list (of another column, or the next
            # line's), never the holder.
            window = window[:window.index(")")]
        mandataire = first_name_at(window, m.end())
        if mandant is None or mandataire is None:
            continue
        if (_LATER_PROXY.match(doc.fold, mandataire.end, min(len(doc.fold), mandataire.end + 60))
                or _PART_OF_MEETING.match(doc.fold, mandataire.end, min(len(doc.fold), mandataire.end + 60))):
            continue
        if "representer par" in m.group(0) and not _represented_by_a_member(doc, attendance, mandataire):
            continue
        if _PLURAL_GIVERS.search(m.group(0)) and re.search(rf"[\w.] ?(?:,|et|, et) (?:{_CIVILITY} )?$",
                                                           doc.fold[before_start:mandant.start]):
            # « Mme A et M. B ont donné pouvoir à M. C »: two givers, one holder (L2121-20).
            attendance.pair_doubts.append(f"« {mandant.text} » : deux mandants pour un seul mandataire")
            continue
        attendance.pairs.append((mandant, mandataire, doc.span(mandant.start, mandataire.end)))


_PLURAL_GIVERS = re.compile(r"\b(?:ont|avaient|donnent) ")
_SUPPLEANT_AFTER = re.compile(r"[ ,;(-]*(?:(?:son|sa|leur) )?(?:(?:delegue|delegee?) )?(?:suppl|remplac)")


def _a_suppleant(doc: Document, attendance: Attendance, holder: Name) -> bool:
    """Whether the member said to « represent » another is written as a suppléant: the word at once
    after his name, or his entry among those present (« M. Y (suppléant de Mme X) »)."""
    if _SUPPLEANT_AFTER.match(doc.fold, holder.end, min(len(doc.fold), holder.end + 40)):
        return True
    key = fold_name(holder.text)
    return any((fold_name(n.text) == key or _same_person(n.text, holder.text))
               and re.search(r"\bsuppl|\bremplac", fold(n.qualifier)) for n in attendance.present)


def _represented_by_a_member(doc: Document, attendance: Attendance, holder: Name, also: list = ()) -> bool:
    """« M. X s'est fait représenter par M. Y » gives a proxy only to a member who sits: in a comité
    or a conseil communautaire a titulaire is « represented » by his suppléant, who sits in his
    place (L5211-6) and holds no proxy. So the holder must be listed present, and nothing about a
    suppléant may follow his name."""
    if re.search(r"\bsuppl|\bremplac", doc.fold[holder.end:holder.end + 60]):
        return False
    key = fold_name(holder.text)
    return any(fold_name(n.text) == key or _same_person(n.text, holder.text)
               for n in list(attendance.present) + [n for n in also if n is not holder] if not re.search(r"\bsuppl|\bremplac", fold(n.qualifier)))


# « M. Marc BERNARD est excusé. », « Mme X et M. Y sont absents. », « M. Z s'est excusé. »: an absent
# named in a sentence of his own among the lists, which with them make the set.
_STATED_ABSENT = re.compile(r"\b(?:est|etait|sont|etaient|s'est|se sont|s'etait)(?: fait)? (?:excusee?s?|absente?s?|excuser)"
                            r"(?! (?:a partir|a compter|pour (?:le|la|les) (?:point|question|deliberation)|lors|apres|des |jusqu"
                            r"|en cours|au point|aux points|de la seance))\b"
                            # « Mme Zoé BLANC, absente excusée. »: the sentence says no more than that.
                            r"|, (?:absente?s?|excusee?s?)(?: et excusee?s?| excusee?s?)?(?=\s*(?:[.;]|$))")


def _stated_absents(doc: Document, attendance: Attendance, lists_span: tuple) -> None:
    known = {fold_name(n.text) for n in attendance.present} | {fold_name(n.text) for n, _ in attendance.absent}
    known |= {fold_name(p[0].text) for p in attendance.pairs} | {fold_name(p[1].text) for p in attendance.pairs}
    for m in _STATED_ABSENT.finditer(doc.fold, lists_span[0], min(len(doc.fold), lists_span[1] + 300)):
        start = _sentence_start(doc.text, max(lists_span[0], m.start() - 200), m.start())
        read = read_list(doc.text[start:m.start()], start)
        if not read.names or read.lead_junk or read.stopped_at is not None or doc.text[read.names[-1].end:m.start()].strip(" ,"):
            continue
        if _CONNECTOR.search(doc.fold, start, m.start()):
            continue
        # « Présents : A, B, C. Mme Zoé BLANC était absente. »: the list of those present, run on
        # past its full stop, took the sentence's own subject; that very occurrence is the absent's.
        swallowed = {name.start for name in read.names}
        taken = [name for name in attendance.present if name.start in swallowed]
        if taken:
            attendance.present = [name for name in attendance.present if name.start not in swallowed]
            known -= {fold_name(name.text) for name in taken}
        for name in read.names:
            if fold_name(name.text) not in known:
                attendance.absent.append((name, "excuse" in m.group(0)))
                known.add(fold_name(name.text))


# The heading of the délégués suppléants who sat, of any length (« Dont suppléants siégeant avec voix
# délibérative : »): a second list of those present, not another meeting's.
_SUBSTITUTES_HEADING = re.compile(r"\bsuppleante?s?\b[^:.;]{0,60}$|\bsuppleante?s?\b[^:.;]{0,60}:$")


# A proxy shown by one mark beside the giver and the holder: « Présents : Jean-Pierre (Pr*), Agnès
# (Pr**) … Absents excusés : Marielle (Pr**), David (Pr*) ».
_MARK = re.compile(r"^(?:(?:p|pr|pv|pouv|pouvoir|proc|procuration)\.? ?(\*{1,6}|\d{1,2})|(\*{1,6}))$")


def _mark(qualifier: str) -> str | None:
    m = _MARK.match(fold(qualifier).strip())
    return (m.group(1) or m.group(2)) if m else None


def _marked_pairs(doc: Document, attendance: Attendance) -> None:
    """Pairs shown by marks: each absent's mark found beside exactly one member present."""
    holders = {}
    for name in attendance.present:
        mark = _mark(name.qualifier)
        if mark:
            holders.setdefault(mark, []).append(name)
    if not holders:
        return
    kept = []
    for name, excused in attendance.absent:
        mark = _mark(name.qualifier)
        if not mark:
            kept.append((name, excused))
        elif len(holders.get(mark, ())) == 1:
            holder = holders[mark][0]
            attendance.pairs.append((name, holder, doc.span(min(name.start, holder.start), max(name.end, holder.end))))
        else:
            attendance.pair_doubts.append(f"« {name.text} » : marque de pouvoir « {name.qualifier} » sans mandataire unique")
    attendance.absent = kept


# A roll printed as a table, one member a row: « NOM Prénom | Représentant | Présent(e) ou suppléé(e) |
# Suppléé(e) par, Pouvoir donné à »: an X in the presence column, a name in the last one. The extraction
# runs the rows together: « DEBRESSE Gérard Escalquens X BOISSARD Brigitte JOUANOLOU Maurice Escalquens … ».
# (The column heads vary: « Présent(e) ou suppléé(e) | Suppléé(e) par, Pouvoir donné à », « Présent |
# Suppléant ou mandataire »: a presence column, then one for a suppléant or a proxy's holder.)
_MARKED_TABLE = re.compile(r"\bpresente?(?:\(e\))?s?\b[^.:;]{0,40}?\b(?:suppl\w*[^.:;]{0,30}?\b(?:pouvoirs?|procurations?|mandataires?)"
                           r"|(?:pouvoirs?|procurations?|mandataires?)[^.:;]{0,30}?\bsuppl\w*)\b(?:\(e\))?(?: (?:donnee? )?a\b)?")
_ROW_TOKEN = re.compile(r"\S+")
_ROW_SURNAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+$")
_ROW_GIVEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)*$")
_ROW_PLACE = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:-[A-Za-zÀ-ÖØ-Þß-öø-ÿ'’]+)*$")


def _row_name(tokens: list, i: int):
    """The name « NOM Prénom » (a surname of one or more words in capitals, one given name) at token i:
    (Name, next index) or None."""
    j = i
    while j < len(tokens) and _ROW_SURNAME.match(tokens[j][0]) and len(tokens[j][0]) >= 2:
        j += 1
    if j == i or j >= len(tokens) or not _ROW_GIVEN.match(tokens[j][0]):
        return None
    return Name([t for t, _ in tokens[i:j + 1]], tokens[i][1], tokens[j][1] + len(tokens[j][0])), j + 1


def _marked_table(doc: Document, attendance: Attendance) -> bool:
    """The table of the roll: an X alone says present; with a name after it, a suppléant sat for him; a
    name without X holds his proxy; neither says absent. Each row must read NOM Prénom, a one-word member
    body in title case, then its marks, or the table is left unread."""
    header = _MARKED_TABLE.search(doc.fold)
    if header is None:
        return False
    tokens = [(m.group(0), m.start()) for m in _ROW_TOKEN.finditer(doc.text, header.end(), header.end() + 6000)]
    rows = []
    i = 0
    while i < len(tokens):
        found = _row_name(tokens, i)
        if found is None:
            break
        first, i = found
        if i >= len(tokens) or not _ROW_PLACE.match(tokens[i][0]) or fold(tokens[i][0]) in ROLE_WORDS:
            return False
        i += 1
        marked = i < len(tokens) and tokens[i][0] in ("X", "x")
        i += marked
        last = None
        after = _row_name(tokens, i)
        if after is not None:
            following = _row_name(tokens, after[1])
            if following is not None:
                # Two names before the next member body: the row's last column, then the next row.
                last, i = after
        rows.append((first, marked, last))
    if len(rows) < 3:
        return False
    for first, marked, last in rows:
        if marked and last is None:
            attendance.present.append(first)
        elif marked:
            attendance.present.append(last)
            attendance.substituted.append(first.text)
        elif last is not None:
            attendance.pairs.append((first, last, doc.span(first.start, last.end)))
        else:
            attendance.absent.append((first, False))
    # (The number present is left to the printed counts: the table holds every member, not a list of
    # those present to count item by item.)
    if attendance.pairs:
        attendance.proxies_source = doc.span(header.start(), rows[-1][0].end)
    return True


def read_attendance(doc: Document) -> Attendance:
    attendance = Attendance()
    if _marked_table(doc, attendance):
        return attendance
    everything = _sections(doc)
    # The lists set side by side and left unread belong to the block they stand in: when they open the
    # minutes, the lists of a later block (another item's roll, another meeting's) do not stand for this
    # meeting's attendance.
    block = _first_block(everything)
    sections = [s for s in block if not s.apart]
    _lists_left_apart(attendance, [s for s in block if s.apart])
    read = []
    for section in sections:
        if (section.kind == PRESENT and attendance.present and not _is_count(doc.fold[section.start:section.end])
                and _count_in_words(doc.text[section.start:section.end], doc.fold[section.start:section.end]) is None
                and not _SUBSTITUTES_HEADING.search(doc.fold, max(0, section.header_start - 30), section.start)):
            # A second list of those present starts the minutes of another meeting or item; not the
            # délégués suppléants present after the titulaires of a syndicate's comité.
            break
        header = doc.fold[section.header_start:section.start]
        _read_section(doc, section, attendance, header)
        read.append(section)
    sections = read
    _marked_pairs(doc, attendance)
    span = (min(s.header_start for s in sections), max(s.end for s in sections)) if sections else None
    _global_pairs(doc, [(s.header_start, s.end) for s in sections], attendance, span)
    if span is not None:
        _stated_absents(doc, attendance, span)
        _substituted_titulaires(doc, attendance, span)
    return attendance


def _lists_left_apart(attendance: Attendance, apart: list) -> None:
    """Lists whose headings stand side by side (« Présents : Absents excusés : ») are left unread: their
    columns come out interleaved line by line. A list of the absent among them leaves those read
    elsewhere around it (« Absent : M. X » below the table) a part of the set only."""
    if any(section.kind in (ABSENT, ABSENT_EXCUSED, ABSENT_MIXED) for section in apart):
        attendance.absent_doubts.append("deux listes côte à côte, colonnes mêlées ligne à ligne : non lues")


# « suppléant de M. X », « suppléante de Mme X », « en remplacement de X », « (remplace X) »: the name
# after is the titulaire's.
_TITULAIRE_AFTER = re.compile(r"(?:\b(?:suppleante?|remplacante?)s?,? (?:de|d'|du)|\ben remplacement (?:de|d'|du)"
                              r"|\(remplace(?!e?s? par\b))\W*(?=\S)")
# « M. X remplacé par », « M. X, représenté par son suppléant », « X (suppléé par »: the name before.
_TITULAIRE_BEFORE = re.compile(r"[ ,;(-]*(?:(?:represente|remplace|supplee)e?s? par (?:son|sa|leur|le|la|un|une)"
                               r" (?:delegue )?suppleante?s?|(?:remplace|supplee)e?s? par\b)")


def _substituted_titulaires(doc: Document, attendance: Attendance, span: tuple) -> None:
    """The titulaires the roll says a suppléant sat for, read in the whole attendance (a suppléant is
    often listed with those present, « suppléant de X », and X again among the excused)."""
    start, end = span
    for m in _TITULAIRE_AFTER.finditer(doc.fold, start, end):
        name = first_name_at(doc.text[m.end():min(end, m.end() + 80)], m.end())
        if name is not None:
            attendance.substituted.append(name.text)
    for m in _TITULAIRE_BEFORE.finditer(doc.fold, start, end):
        if not m.group(0).strip(" ,;(-"):
            continue
        line_start = max(start, doc.text.rfind("\n", start, m.start()) + 1, m.start() - 80)
        name = last_name_before(doc.text[line_start:m.start()], line_start)
        if name is not None:
            attendance.substituted.append(name.text)


class NameBook:
    """Every spelling of a person's name in the record resolved to the fullest one listed."""

    def __init__(self, names: list, listed: list = ()):
        self.full = []
        # The names of the roll as listed (those present and absent): a long surname read there
        # and again where the text names the president is one person's, not a heading run into it.
        self.listed = {fold_name(n) for n in listed}
        self.listed_names = list(listed)
        seen = set()
        for name in names:
            key = fold_name(name)
            if key and key not in seen:
                seen.add(key)
                self.full.append(name)

    def bearers(self, name: str) -> list:
        """The fuller names of the record a surname alone (« Mme Beille-Tourscher ») may stand for;
        empty for a name read with its given name. Hyphenated first names stay whole, so « Marie
        MARTIN » is not « Anne-Marie MARTIN ». A name read with its given name is whole already: in a
        flattened table a longer spelling is the commune's name run into it (« Ambillou Bruno
        CHEUVREUX »)."""
        tokens = _tokens(name)
        if not tokens or not _surname_only(name):
            return []
        wider = [n for n in self.full if tokens < _tokens(n)]
        if not wider:
            # « Mme LEROY » for « Sophie LEROY-MARTIN »: a part of a compound surname.
            wider = [n for n in self.full if tokens < _tokens(n.replace("-", " "))]
        # « Mmes RICHAUDEAU RIVAL ULIVI GENTILHOMME » read as one name (a table's cells or a list's
        # commas lost): a name that adds two surnames in capitals or more to this one is several
        # members run together, none of them this one's full name.
        wider = [n for n in wider if sum(1 for w in n.split() if kind(w) == "CAPS" and fold(w) not in PARTICLES
                                         and fold_name(w) not in tokens) < 2]
        if len(wider) > 1:
            # « Monsieur JULIEN » beside « Jean-Luc JULIEN » and « Julien TROUSSIER »: a surname
            # in capitals is the one of the member whose surname it is, not another's given name.
            wider = [n for n in wider if tokens <= _surname_tokens(n)] or wider
        return wider

    def resolve(self, name: str) -> str:
        key = fold_name(name)
        if not _tokens(name):
            return name
        # A surname alone takes the full name if one person has it.
        wider = self.bearers(name)
        if len(wider) == 1:
            return wider[0]
        exact = [n for n in self.full if fold_name(n) == key]
        if exact:
            return exact[0]
        glued = key.replace(" ", "")
        exact = [n for n in self.full if fold_name(n).replace(" ", "") == glued]
        if len(exact) == 1:
            return exact[0]
        return name

    def on_roll(self, name: str) -> bool:
        """Whether the roll (those listed present or absent) names this person, a surname alone
        included (« Mme ROUX » for « Claire ROUX »)."""
        key = fold_name(name)
        return key in self.listed or any(_same_person(name, listed) or _core_words(name) == _core_words(listed)
                                         for listed in self.listed_names)

    def bounded(self, tokens: list) -> str | None:
        """Where a name read in the order of the text (« ROUX Claire Accord Cadre », « Claire Roux Taxe
        Foncière ») ends when words in title case run on after it, or None when nothing says. A member
        of the roll whose words open it is that member: the words after are the next heading's. Without
        one, a surname in capitals is followed by one or two given names, never three: the first
        given name ends it. (`display` puts the given names first, after which the run-on words can no
        longer be told from given names.)"""
        words = [fold_name(t) for t in tokens]
        if not words or fold_name(" ".join(tokens)) in self.listed:
            return None
        by_words = {}
        for listed in self.listed_names:
            by_words.setdefault(frozenset(fold_name(listed).split()), set()).add(listed)
        kinds = [kind(t) for t in tokens]
        # (After a surname in capitals, a heading's word is no given name, « Mme ROUX Compte … »; after a
        # given name, it may be a surname, « Sandra BUDGET ».)
        first_word = 1 if kinds[0] == "CAPS" else 2
        heading = next((i for i, t in enumerate(tokens) if i >= first_word and kinds[i] == "CAP"
                        and fold(t).strip(".,:") in _HEADING_WORDS | _LIST_ENDING_HEADINGS), None)
        if heading is not None and any(k == "CAPS" for k in kinds[:heading]) == (kinds[0] in ("CAPS", "PART")):
            # « ROUX Claire Compte Administratif », « Claire Roux Budget Primitif »: a heading's word in
            # title case after a given name and a surname ends the name (in the order of the text; shown
            # given names first, « Claire Compte ROUX » would be cut to a given name alone).
            tokens, kinds = tokens[:heading], kinds[:heading]
            words = words[:heading]
            if fold_name(" ".join(tokens)) in self.listed:
                return display(tokens)
        cut = None if heading is None else display(tokens)
        for end in range(len(tokens) - 1, 0, -1):
            found = by_words.get(frozenset(" ".join(words[:end]).split()))
            if found and len(found) == 1 and all(k in ("CAP", "CAPS", "PART") for k in kinds[end:]):
                if kinds[:end] == ["CAPS"] * end and kinds[end:] == ["CAP"] and _surname_only(next(iter(found))):
                    # « monsieur SOUBIRAN Maurice maire » beside « M. SOUBIRAN » on the roll: the roll gives
                    # the surname alone, the one word after it is his given name, not a heading's.
                    return None
                return next(iter(found))
        surname_end = 0
        while surname_end < len(kinds) and kinds[surname_end] in ("CAPS", "PART"):
            surname_end += 1
        given = kinds[surname_end:]
        if not surname_end or given and not (given[0] == "CAP" and all(k in ("CAP", "PART") for k in given)):
            return cut
        surnames = set().union(*(_surname_tokens(n) for n in self.listed_names)) if self.listed_names else set()
        for end in range(min(surname_end, len(tokens) - 1), 0, -1):
            surname = {fold(t) for t, k in zip(tokens[:end], kinds) if k == "CAPS"}
            bearers = {n for n in self.listed_names if surname and surname == _surname_tokens(n)}
            after = fold(tokens[end])
            if (len(bearers) == 1 and after not in _tokens(next(iter(bearers)))
                    and not (kinds[end] == "CAPS" and after in surnames) and _heading_like(kinds[end:])):
                # « Mme ROUX Accord Cadre », « Mme ROUX PLAN LOCAL D'URBANISME » beside « Claire ROUX » on the
                # roll: no given name of hers follows her surname, nor another member's surname; the
                # words after it are a heading's. (One word after a surname is taken for its given name,
                # never cut: the roll itself may be misread.)
                return next(iter(bearers))
        if len([k for k in given if k == "CAP"]) >= 3:
            return display(tokens[:surname_end + 1])
        return cut

    def whole(self, name: str, tokens: list | None = None) -> str:
        """A name read in a sentence (who presides, the secretary), resolved, and cut before a heading
        run into it, unless the roll lists it so and only words in capitals would be cut (« sous la
        présidence de Mme Marie-Claude COSTA RIBEIRO GOMES », a surname of three words). (The lists of
        a table by member body may all carry a commune run into a name: one list does not vouch
        for another.) With its `tokens` in the order of the text, words in title case run on after
        the name are cut first (`bounded`)."""
        name = (self.bounded(tokens) if tokens else None) or name
        resolved = self.resolve(name)
        trimmed = trim_heading(resolved)
        cut = resolved.split()[len(trimmed.split()):]
        if (fold_name(resolved) in self.listed and resolved.startswith(trimmed) and cut
                and all(kind(word) == "CAPS" for word in cut)):
            return resolved
        if fold_name(trimmed) not in self.listed:
            # « Secrétaire de séance Brigitte PAYERAS CCBHAP — PV … »: the roll lists « PAYERAS
            # Brigitte »; what the sentence adds in capitals is the next heading, an acronym.
            words = _tokens(trimmed)
            inside = {fold_name(n): n for n in self.listed_names
                      if _tokens(n) < words and all(kind(w) == "CAPS" for w in trimmed.split()
                                                     if fold(w) in words - _tokens(n))}
            if len(inside) == 1 and not _surname_only(next(iter(inside.values()))):
                return next(iter(inside.values()))
        return trimmed


def _core_words(name: str) -> frozenset:
    """A name's words without its civility, accents, case or hyphens."""
    return frozenset(w for w in fold_name(name).split() if w.rstrip(".") not in CIVILITIES)


def _heading_like(kinds: list) -> bool:
    """Whether words left after a member's name may be a heading run into it rather than a given name
    the roll leaves out (« DUPONT Jean Pierre » listed « DUPONT Jean »): two words or more, or a word in
    capitals."""
    words = [k for k in kinds if k != "PART"]
    return len(words) >= 2 or "CAPS" in words


def _same_person(one: str, other: str) -> bool:
    """Two spellings of one name: the same words, or a surname alone among the other's words."""
    a, b = _tokens(one.replace("-", " ")), _tokens(other.replace("-", " "))
    if a == b:
        return True
    return (_surname_only(one) and a < b) or (_surname_only(other) and b < a)


def _surname_only(name: str) -> bool:
    """A surname printed without a given name (« DUPONT », « LE TARNEC », « DUPONT J. »), as the rule
    language's `nom_dans` takes it (ruleset/names.py)."""
    return surname_alone(name) is not None


def _surname_tokens(name: str) -> set:
    """The words of a name written in capitals (its surname), folded."""
    return {fold(w) for w in name.replace("-", " ").split() if kind(w) == "CAPS"}


def _tokens(name: str) -> set:
    return set(fold(name).replace("'", " ").split())


_MAX_NAME_WORDS = 5


def _not_a_person(name: str) -> str | None:
    """Why a name read in a pair is no person's: a word of a heading or a title (« DU PROCÈS-VERBAL
    DE LA », « Conseil Municipal »), too many words (a commune or a sentence run into it), no word
    of three letters."""
    if name == OFFICE_HOLDER:
        return None
    words = [w for w in name.replace("-", " ").split() if fold(w) not in PARTICLES]
    folded = [fold(w).strip(".,:") for w in words if sum(c.isalpha() for c in w) >= 3]
    # A surname may be a heading's word (« Didier BUREAU », « Mme BUDGET »); two, or nothing else, not.
    titles = [w for w in folded if w in _HEADING_WORDS or w in _LIST_ENDING_HEADINGS or w in ROLE_WORDS]
    if titles and (len(titles) >= 2 or len(titles) == len(folded)):
        return "des mots d'intitulé ou de fonction pour nom"
    if len(words) > _MAX_NAME_WORDS:
        return "trop de mots pour un nom"
    if len(words) >= 4 and all(kind(w) == "CAP" for w in name.split() if fold(w) not in PARTICLES):
        # « Claire Roux Taxe Foncière »: a name in title case has a given name or two and a surname;
        # four such words are a name with a heading run into it, and nothing says where it ends.
        return "quatre mots en minuscules sans nom en capitales"
    if not any(sum(c.isalpha() for c in w) >= 3 for w in words):
        return "aucun mot de trois lettres"
    if any(len(w) >= 3 and not re.search(r"[aeiouy]", w) for w in folded):
        # « du CGCT », « SIVOM », « DGS »: an acronym, no one's name.
        return "un sigle pour nom"
    return None


def not_a_person(name: str) -> str | None:
    """Why a name read (a pair's, an absent's, a secretary's, the president's) is no person's, or None."""
    return _not_a_person(name)


def _pair_disagreements(attendance: Attendance, book: NameBook, pouvoirs: list) -> list:
    """The lists read apart must agree with the pairs: a giver is away, so not listed present at the
    opening; a holder votes for him, so sits, and is not listed absent. (Minutes may list the present
    of the whole meeting and the proxies of part of it: a printed count outweighs this.)"""
    doubts = []
    givers = {fold_name(p["mandant"]) for p in pouvoirs}
    holders = {fold_name(p["mandataire"]) for p in pouvoirs}
    for name in attendance.present:
        key = fold_name(book.resolve(name.text))
        if key in givers and id(name) not in attendance.late:
            doubts.append(f"« {name.text} » lu présent à l'ouverture et mandant")
            break
    for name, _ in attendance.absent:
        key = fold_name(book.resolve(name.text))
        if key in holders and key not in givers:
            doubts.append(f"« {name.text} » lu absent et mandataire")
            break
    return doubts


def _heading_cut(name: str) -> tuple[str, str | None]:
    """A name of a list with the next heading run into it (« Zoé BLANC PLAN LOCAL D'URBANISME »): cut
    before the heading where a word of the part cut says it is one (an elision, a heading's word);
    kept whole, with a doubt, where only its length does (« Marie-Claude COSTA RIBEIRO GOMES » is a
    surname of three words)."""
    trimmed = trim_heading(name)
    if trimmed == name or not name.startswith(trimmed):
        return name, None
    cut = name[len(trimmed):].split()
    if any("'" in word or "\u2019" in word or fold(word).strip(".,:") in _HEADING_WORDS
           or fold(word).strip(".,:") in _LIST_ENDING_HEADINGS for word in cut):
        return trimmed, None
    return name, f"« {name} » : un nom qui peut courir sur l'intitulé suivant"


def _lone_surnames(pairs: list, given_named: set = frozenset()) -> list:
    """A name of one word, without civility, among pairs whose other names carry a given name
    (« PETIT → Marie MARTIN » after « Sophie LEROY → Anne MOINET »): a boundary between two names
    was lost, so another name of the list is cut wrong too."""
    names = [n for giver, holder, _ in pairs for n in (giver, holder) if n.tokens != [OFFICE_HOLDER]]
    alone = [n for n in names if len([t for t in n.tokens if kind(t) != "PART"]) == 1 and not n.civility
             and id(n) not in given_named]
    if alone and len(alone) < len(names) and all(len(n.tokens) >= 2 for n in names if n not in alone):
        return [f"« {alone[0].text} » : un nom seul parmi des noms avec prénom"]
    return []


# A letter alone after a name in capitals (« M. MARETI E » for « MARETTE » once OCR read « TT » as « I' »
# and the apostrophe was lost; « DUPONT J » an initial without its dot): the name read is a piece of
# the printed one. (« A » is « à » in a line set in capitals.)
_LETTER_AFTER = re.compile(r"(?![AÀ]\b)[A-ZÀ-ÖØ-Þ](?![\w.'’-])")


def _letter_after(name: Name) -> bool:
    return bool(name.tokens and kind(name.tokens[-1]) == "CAPS" and _LETTER_AFTER.match(name.qualifier))


def build_members(attendance: Attendance) -> dict:
    """The record's `membres`, `pouvoirs` and `absents`, names resolved across lists."""
    raw_names = ([n.text for n in attendance.present]
                 + [n.text for n, _ in attendance.absent]
                 + [x.text for m, d, _ in attendance.pairs for x in (m, d)])
    book = NameBook(sorted(raw_names, key=lambda n: -len(n.split())),
                    [n.text for n in attendance.present] + [n.text for n, _ in attendance.absent])
    pouvoirs = []
    mandants = set()
    doubts = list(attendance.pair_doubts)
    doubts += _lone_surnames(attendance.pairs, attendance.given_named)[:1]
    doubts += [f"« {name.text} {name.qualifier[:1]} » : un nom coupé avant une lettre seule"
               for m, d, _ in attendance.pairs for name in (m, d) if _letter_after(name)][:1]
    for mandant, mandataire, source in attendance.pairs:
        giver, holder = (trim_heading(book.resolve(book.bounded(mandant.tokens) or mandant.text)),
                         trim_heading(book.resolve(book.bounded(mandataire.tokens) or mandataire.text)))
        if id(mandataire) in attendance.given_named:
            # Kept as printed (« Nelly »), as a lone surname would be where two members bear it: the check
            # that the holder sits (L2121-20) finds the one member present who bears it.
            holder = mandataire.text
        key = fold_name(giver)
        if key == fold_name(holder):
            doubts.append(f"« {giver} » lu comme son propre mandataire")
            continue
        bearers = [n for n in book.bearers(holder) if fold_name(n) != key and not _same_person(giver, n)]
        if len(bearers) > 1:
            # « pouvoir à M. MARTIN » where two members bear the name (once the giver is left aside): the
            # holder is one of them, and nothing printed says which: the set is not given. (The pair is
            # kept here: its giver is away, represented, not an absent without proxy.)
            doubts.append(f"« {holder} » : mandataire porté par plusieurs membres ({', '.join(bearers[:2])})")
        same = [p for p in pouvoirs if fold_name(p["mandant"]) == key or _same_person(giver, p["mandant"])]
        if same:
            # One proxy written twice, its giver spelt two ways (« Mme LEROY à M. DUPONT » in the list
            # of proxies, « Sophie LEROY (pouvoir à Jean DUPONT) » among the excused); a giver read
            # with two holders is a misread (a member gives one proxy, L2121-20).
            if not any(_same_person(holder, p["mandataire"]) or fold_name(holder) == fold_name(p["mandataire"])
                       for p in same):
                doubts.append(f"« {giver} » lu avec deux mandataires ({same[0]['mandataire']}, {holder})")
            continue
        for name in (giver, holder):
            reason = _not_a_person(name)
            if reason:
                doubts.append(f"« {name} » : {reason}")
        mandants.add(key)
        pouvoirs.append({"mandant": giver, "mandataire": holder, "source": source})
    # A titulaire a suppléant sat for (« représentée par M. Y, suppléant ») gave no proxy.
    seated_for = {fold_name(book.resolve(n)) for n in attendance.substituted}
    unpaired = any(name is None or fold_name(book.resolve(name.text)) not in mandants | seated_for
                   for name in attendance.unpaired_givers)
    if unpaired:
        doubts.append("mot de pouvoir sans mandant ni mandataire lisibles")
    disagreements = _pair_disagreements(attendance, book, pouvoirs) + [
        reason for name, reason in attendance.pair_gaps
        if name is None or fold_name(book.resolve(name.text)) not in mandants][:1]
    membres = []
    seen = set()
    present_count = 0
    # A member named among the present and among the absent: a late arrival listed with those
    # present (« arrivée après la délibération 5 ») was absent at the opening, and a roll of
    # delegates by commune may list a member the excused list then names. The list of the absent
    # says it; whether the member sat is left unsettled, and so is the number present.
    listed_absent = {fold_name(book.resolve(name.text)) for name, _ in attendance.absent}
    unsettled = []
    for name in attendance.present:
        resolved = book.resolve(name.text)
        key = fold_name(resolved)
        if key in seen:
            continue
        if key in listed_absent and key not in mandants:
            if id(name) not in attendance.late:
                unsettled.append(resolved)
            continue
        seen.add(key)
        if id(name) in attendance.late or key in mandants:
            # Listed present but arrived late, or present for part of the meeting only (a proxy
            # covered the rest): the item from which it was present is not read, so its
            # presence at each deliberation is left unknown rather than read as the whole meeting.
            membres.append({"nom": resolved})
        else:
            membres.append({"nom": resolved, "presence": "present"})
        if id(name) not in attendance.late:
            present_count += 1
    absents = []
    run_on = []
    substituted = [book.resolve(n) for n in attendance.substituted]
    for name, excused in attendance.absent:
        resolved, doubt = _heading_cut(book.resolve(name.text))
        if doubt:
            run_on.append(doubt)
        key = fold_name(resolved)
        if key in seen:
            continue
        if key not in mandants and any(fold_name(s) == key or _same_person(s, resolved) for s in substituted):
            # Listed among the excused, and a suppléant sat in the titulaire's seat: no absent
            # without proxy, nor one represented (the suppléant votes in his own name).
            seen.add(key)
            continue
        seen.add(key)
        if key in mandants:
            membres.append({"nom": resolved, "presence": "represente"})
        else:
            membres.append({"nom": resolved, "presence": "absent_excuse" if excused else "absent"})
            absents.append(resolved)
    for pouvoir in pouvoirs:
        key = fold_name(pouvoir["mandant"])
        if key not in seen:
            seen.add(key)
            membres.append({"nom": pouvoir["mandant"], "presence": "represente"})
    late = {fold_name(book.resolve(n.text)) for n in attendance.present if id(n) in attendance.late}
    for name in attendance.absent_partial:
        resolved = book.resolve(name.text)
        if fold_name(resolved) in late and _ARRIVED.search(fold_name(name.qualifier)) and resolved not in absents:
            # Listed absent « arrivée après la délibération 5 » and present as a late arrival: both
            # lists say the member was absent at the opening.
            absents.append(resolved)
    # Every proxy word of the lists of the absent left unpaired there is paired in a list of
    # proxies: the absents read are not in doubt for it.
    absent_doubts = [d for d in attendance.absent_doubts if unpaired or d != _UNPAIRED_IN_ABSENTS]
    # A member listed present from the opening and named among the absent just after « à », « par »
    # or an arrow: a holder whose pair was not read (« Luc PETIT par Marie MARTIN »). (A member
    # listed present and excused with nothing between the names is left to the list of the absent.)
    joined = {fold_name(book.resolve(name.text)) for name, _ in attendance.absent if id(name) in attendance.joined}
    both = [name for name in unsettled if fold_name(name) not in mandants and fold_name(name) in joined]
    if both:
        absent_doubts.append(f"« {both[0]} » lu présent à l'ouverture et absent")
        disagreements.append(f"« {both[0]} » lu présent à l'ouverture et absent : un pouvoir peut manquer")
    absent_doubts += [f"« {name} » : {_not_a_person(name)}" for name in absents if _not_a_person(name)][:1]
    absent_doubts += run_on[:1]
    absent_doubts += [f"« {name.text} {name.qualifier[:1]} » : un nom coupé avant une lettre seule"
                      for name, _ in attendance.absent if _letter_after(name)][:1]
    # A proxy left unread may be a name read among the absents (its giver, or its holder).
    absent_doubts += [f"pouvoir non lu : {doubt}" for doubt in doubts[:1]]
    return {"membres": membres, "pouvoirs": pouvoirs, "absents": absents,
            "present_count": present_count, "present_unsettled": unsettled,
            "absents_doutes": absent_doubts, "book": book, "pouvoirs_doutes": doubts,
            "pouvoirs_desaccords": disagreements,
            "absents_partiels": [book.resolve(name.text) for name in attendance.absent_partial
                                 if fold_name(book.resolve(name.text)) not in seen]}


# A label's colon may be written as a dash (« Secrétaire de séance - Mme X », « Secrétaires - A, B »).
_LABEL_END = r" ?(?::|-(?= ))"
_SECRETARY_AFTER = re.compile(
    r"\b(?:secretaires? de seance|secretaire\(s\) de seance|secretaire de la seance|elue? secretaire de seance|designation du secretaire"
    r" de seance)" + _LABEL_END + r"|\ble secretaire(?: de seance)?,(?= )"
    # « il a été procédé à la nomination d'un secrétaire pris dans le sein du Conseil : M. X »
    r"|\bsecretaire pris (?:dans le sein|au sein) d[ue] (?:conseil|comite)[^:.]{0,30}?(?::| -(?= ))"
    # « Secrétaire : Mme Teresa EVERARD Présents : … », the heading of a procès-verbal
    r"|\bsecretariat (?:de (?:la )?seance )?(?:est |a ete |sera )?(?:assure|realise|tenu|effectue) par\b"
    # « Secrétariat de séance : Madame Josiane MARTY »
    r"|\bsecretariat de (?:la )?seance" + _LABEL_END +
    # « est désigné avec son accord, en qualité de secrétaire de séance, Nicole DURAND GAUVRIT. »
    r"|\b(?:est|a ete) designee?[^.:;]{0,40}?,? (?:en qualite de|comme|en tant que) secretaire de (?:la )?seance, (?=\w)"
    r"|\bsecretaires?" + _LABEL_END + r"|\bsecretaire elue?(?:\(e\))?" + _LABEL_END + r"|\b(?:le|la) secretaire de seance,(?= )"
    # « Les fonctions de secrétaire de séance sont remplies par Mme X »
    r"|\bfonctions de secretaire(?: de (?:la )?seance)? (?:sont|ont ete|seront|furent) (?:remplies|assurees|exercees|tenues)"
    r" par(?= )"
    # « Le conseil municipal a choisi pour secrétaire de séance M. X », the formula of the code
    r"|\ba (?:choisi|designe|elu|nomme) (?:pour|comme) secretaire(?: de (?:la )?seance)?,? ?:?(?= )"
    # « Secrétaire de séance élu(e) : », the inclusive mark of a form
    r"|\bsecretaires? de (?:la )?seance (?:designee?s?|elue?s?|nommee?s?)(?:\(e\)s?|\(es?\))?" + _LABEL_END + r"|\bsecretaire de (?:la )?seance ?[-–] "
    r"|\bsecretaire de (?:la )?seance (?=(?:m\.|mme|mr|monsieur|madame) )")
_APPOSITION_BEFORE = re.compile(r",\s*(?i:d[ée]l[ée]gu[ée]e?|conseill[eè]re?|adjointe?|maire)[^,.;:]{0,40},?\s*$")
_SECRETARY_BARE = re.compile(r"\b(?:(?:election|designation|nomination) (?:d'une?|du|de la) )?"
                             r"(?:secretaire(?: de (?:la )?seance)?|secretariat de (?:la )?seance) (?=\w)")
_SECRETARY_BEFORE = re.compile(
    r" (?:a ete|est|ont ete|sont) (?:designee?s?|elue?s?|nommee?s?|choisie?s?)(?:,? a l'unanimite(?: des presents)?,?)?"
    r" (?:pour (?:remplir|assurer|exercer) (?:cette|ces|les) fonctions?|pour assurer le secretariat|pour secretaire"
    r"|(?:comme |en qualite de |en tant que )?secretaires?)"
    r"| (?:assure|assurera|remplit|remplira|exerce|exercera) (?:le secretariat|les fonctions de secretaire)"
    # « … décide que Madame Elodie FREIRE JORGE sera Secrétaire de séance »
    r"| sera secretaire de (?:la )?seance\b"
    r"|, secretaire de (?:la )?seance\b"
    # « Présents : M. Jean DUPONT, Mme Claire ROUX (secrétaire de séance), … »
    r"|,? ?\(secretaire de (?:la )?seance\)| secretaire de (?:la )?seance(?=,)"
    r"|, (?:designee?|elue?|nommee?) (?:comme |en qualite de |en tant que )?secretaire\b"
    # « a désigné, conformément à l'article L.2121-15, Monsieur CAROUX pour remplir les fonctions de
    # secrétaire »
    r"|,? pour (?:remplir|assurer|exercer) (?:les |la |cette )?fonctions? de secretaire"
    # « Mme X a accepté de remplir les fonctions de secrétaire »
    r"| (?:a accepte|accepte) (?:de )?(?:remplir|assurer|exercer) (?:les |la |cette )?fonctions? de secretaire")
# « Est nommé secrétaire, Mr MARCHAIS »: the verb opens the sentence, the name follows it.
_SECRETARY_INVERTED = re.compile(r"\b(?P<verb>est|a ete) (?:nommee?|designee?|elue?) secretaire"
                                 r"(?: de (?:la )?seance)?,? ?:? ")
_SECRETARY_PROPOSED = re.compile(r"\b(?:designer|propose comme secretaire de seance|designe|nomme|elit|choisit"
                                 r"|propose la candidature de"
                                 r"|designent|nomment|elisent|choisissent|a elu|ont elu),? ")
# « Le conseil municipal nomme Madame Anne PETIT secrétaire de séance »
# « … désigne Mme Odile FABRE, conseillère municipale, pour assurer le secrétariat de la séance »
_SECRETARY_PROPOSED_END = re.compile(r"^(?:, [^,.;:]{0,40},)?,? ?(?:(?:comme|en qualite de|en tant que|pour) )?secretaire(?:s)? de (?:la )?seance"
                                     r"|^(?:, [^,.;:]{0,40},)?,? ?pour assurer le secretariat")


# Letters a scan's OCR confuses in the words that name the secretary (« déslgnée », « éluc », « a cholsi
# pour secrétaire », « secrétalre »): each such word matches with them, as the labels' words do (_OCR_WORDS).
_SECRETARY_OCR = (("designe", "d[ec]s[il1]gn[ec]"), ("elue?", "[ec]lu[ec]?"), ("choisi", "ch[o0][il1]s[il1]"),
                  ("nomme", "n[o0]mm[ec]"), ("secretaire", "s[ec]cr[ec]ta[il1]r[ec]"))


def _ocr_tolerant(regex: re.Pattern) -> re.Pattern:
    pattern = regex.pattern
    for word, letters in _SECRETARY_OCR:
        pattern = pattern.replace(word, letters)
    return re.compile(pattern)


_SECRETARY_AFTER, _SECRETARY_BARE, _SECRETARY_BEFORE, _SECRETARY_INVERTED, _SECRETARY_PROPOSED, _SECRETARY_PROPOSED_END = (
    _ocr_tolerant(r) for r in (_SECRETARY_AFTER, _SECRETARY_BARE, _SECRETARY_BEFORE, _SECRETARY_INVERTED,
                               _SECRETARY_PROPOSED, _SECRETARY_PROPOSED_END))


# « est élu secrétaire du comité du SIVOM », « secrétaire de la commission des finances », « secrétaire de
# mairie »: the secretary of another body, or an officer; the meeting's is « secrétaire (de séance) ».
_OTHER_SECRETARY = re.compile(r" ?(?:du |des |d'|de l'|de la (?!seance)|de (?!seance|la seance)|general|generale|adjointe?\b"
                              r"|administrati|principale?\b)")
# « Approbation du procès-verbal de la séance du 6 février (secrétaire de séance : M. X) »: another
# meeting's secretary, in brackets after its minutes.
_EARLIER_MINUTES = re.compile(r"\b(?:proces[- ]verba\w*|compte[- ]rendu|seance du|reunion du)\b[^()]*$")


# The secretary is chosen among the members (L2121-15); the staff who assist (« auxiliaires ») are
# not: « Secrétaire de séance : Mme Claire ROUX, DGS », « (secrétaire de mairie) », « la DGS, Mme X ».
# Only a staff title's words are tested, not the roll: many right reads name a member the roll read
# does not hold.
_STAFF = (r"(?:(?:d\.?g\.?s\.?t?|d\.?g\.?a\.?s?)(?!\w)|directr(?:ice|eur)s?|secretaire (?:de mairie|generale?|administrati)"
          r"|agente?s? (?:administrati|territoria|communa|de la)|attachee?s?(?!\w)"
          r"|redact(?:eur|rice)s?|adjointe?s? (?:administrati|technique|d'animation|du patrimoine)|cheffe? de (?:service|cabinet|pole)"
          r"|responsable (?:administrati|financi|juridique|du service|des services|de service|des ressources)|chargee? de (?:mission|communication)"
          r"|assistante? (?:administrati|de direction)|gestionnaire|fonctionnaire|employee? (?:communale?|municipale?)"
          r"|collaborat(?:eur|rice) de cabinet)\w*")
_STAFF_AFTER = re.compile(r" ?[,(\u2013-] ?(?:(?:la|le|notre|votre) )?" + _STAFF)
_STAFF_BEFORE = re.compile(r"\b" + _STAFF + r"(?: [a-z' ]{0,30})?[ ,]{1,3}(?:(?:m\.?|mme|mr|monsieur|madame) )?$")
_STAFF_ALONE = re.compile(r"d\.?g\.?s\.?t?|d\.?g\.?a\.?s?")


def _staff(folded: str, name) -> bool:
    """Whether a secretary read is one of the staff by the title written beside the name."""
    return bool(_STAFF_ALONE.fullmatch(folded[name.start:name.end].strip(" .").replace(" ", ""))
                or _STAFF_AFTER.match(folded, name.end, min(len(folded), name.end + 60))
                or _STAFF_BEFORE.search(folded, max(0, name.start - 60), name.start))


def _about_other_minutes(folded: str, at: int) -> bool:
    opened = folded.rfind("(", max(0, at - 200), at)
    return opened >= 0 and ")" not in folded[opened:at] and bool(
        _EARLIER_MINUTES.search(folded, max(0, opened - 150), opened))


def read_secretaries(doc: Document, book: NameBook, away: set = frozenset(),
                     on_roll: bool = False) -> tuple[list, str | None]:
    """The secretaries of the meeting (the first statement found) and its source. With `on_roll` (a
    statement read past the attendance, where another extract's may stand), only members the roll
    names: the secretary is chosen among the members (L2121-15), and another meeting's secretary is
    not on this one's roll."""
    text, folded = doc.text, doc.fold
    candidates = []
    book_names = {fold_name(n) for n in book.full}
    by_first_names = len(book_names) >= 4 and all(" " not in n.strip() and kind(n.strip()) == "CAP" for n in book.full)
    for m in _SECRETARY_AFTER.finditer(folded):
        if "auxiliaire" in folded[m.start():m.end() + 12]:
            continue
        if (re.match(r"secretaires? ?:", m.group(0)) and re.search(r"[a-z] $", folded[max(0, m.start() - 2):m.start()])
                and not text[m.start()].isupper()):
            # « … la secrétaire : » in prose; a label after a list run into it (« … Romain RIBEIRO
            # Secrétaire : Madame Carine DUTEIL ») is capitalised.
            continue
        said = m.group(0)
        if _about_other_minutes(folded, m.start()):
            continue
        # A signature (« La secrétaire de séance, Mme X ») or a bare label comes after a sentence
        # or a label that names the function in full.
        rank = (2 if said.startswith(("le secretaire", "la secretaire")) else
                1 if re.match(r"secretaire (?:elue? )?:|secretaire ?:|secretaire de (?:la )?seance [^:]", said) else 0)
        # « Secrétaire de séance : M Mothu »: a surname in title case after its civility names one.
        row = _office_row(folded, m.start(), m.end())
        if row is not None:
            candidates += _row_signer(doc, m.start(), row, rank)
            continue
        read = read_list(text[m.end():m.end() + 120], m.end(), single_title_ok=True)
        if read.lead_junk > 2:
            # « SECRÉTAIRE DE SÉANCE : Conformément à l'article L2121-15 du CGCT le Conseil … »: prose
            # follows the label; a name read after it is not the label's.
            continue
        if not read.names and by_first_names:
            # « Secrétaire de séance : Claire » in a small council's roll by first names: a first
            # name of the roll.
            read = read_list(text[m.end():m.end() + 120], m.end(), first_names=True)
            read.names = [n for n in read.names[:1] if fold_name(n.text) in book_names]
        names = []
        # « Secrétaires de séance : Bertrand DUBOIS ; Marc LEVEQUE »: under a plural label, a semicolon
        # or a slash joins two secretaries too.
        joiner = r"(?:,|et|&|;|/)" if re.match(r"secretaires|secretaire\(s\)", said) else r"(?:,|et|&)"
        for name in read.names:
            # « Secrétaire de séance : Luc FOUTRY 1 BUREAU COMMUNAUTAIRE »: only « , » or « et »
            # joins two secretaries; anything else is the next heading.
            if names and not re.fullmatch(rf" ?{joiner} ?(?:(?:m\.|mme|mr|monsieur|madame) )?",
                                          folded[names[-1].end:name.start]):
                break
            names.append(name)
        if names:
            candidates.append((rank, m.start(), names, doc.span(m.start(), names[-1].end)))
    for m in _SECRETARY_BARE.finditer(folded):
        # « … Absents excusés : … Secrétaire de séance Jean-Pierre FOURLON. »: a label without its
        # colon, capitalised, a name of a given name and a surname at once after it.
        if any(c[1] == m.start() for c in candidates):
            continue
        row = _office_row(folded, m.start(), m.end() - 1)
        if row is not None:
            candidates += _row_signer(doc, m.start(), row, 2)
            continue
        if not text[m.start()].isupper():
            continue
        name = first_name_at(text[m.end():m.end() + 80], m.end())
        # « Secrétaire Monsieur Michel LEBLANC », « Désignation du secrétaire de séance Marie CAVALIER »:
        # a civility, or a given name and a surname in capitals, at once after the label.
        if (name is not None and len(name.tokens) >= (1 if name.civility else 2)
                and re.fullmatch(r"(?:(?:m\.?|mme|mr|monsieur|madame) )?", folded[m.end():name.start])
                and (name.civility and any(kind(t) == "CAPS" for t in name.tokens)
                     or any(kind(t) == "CAPS" for t in name.tokens) and any(kind(t) == "CAP" for t in name.tokens))):
            candidates.append((2, m.start(), [name], doc.span(m.start(), name.end)))
    for m in _SECRETARY_INVERTED.finditer(folded):
        if text[m.start("verb")].isupper() and not (m.group(0).rstrip(" ,:").endswith("secretaire")
                                                   and _OTHER_SECRETARY.match(folded, m.end() - 1)):
            name = first_name_at(text[m.end():m.end() + 60], m.end())
            if name is not None:
                candidates.append((0, m.start(), [name], doc.span(m.start(), name.end)))
    for m in _SECRETARY_BEFORE.finditer(folded):
        if any(c[1] <= m.start() < c[1] + 12 for c in candidates):
            continue
        if m.group(0).endswith(("secretaire", "secretaires")) and _OTHER_SECRETARY.match(folded, m.end()):
            continue
        start = max(0, m.start() - 80)
        name = last_name_before(text[start:m.start()], start)
        apposition = _APPOSITION_BEFORE.search(text, start, m.start()) if name is None else None
        if apposition:
            # « Monsieur Jean-Paul PINGET, délégué titulaire, a été élu secrétaire de séance »
            name = last_name_before(text[start:apposition.start()], start)
        if name is not None:
            # « Mme X, secrétaire de séance » alone (a signature, or a heading after a list) yields
            # to a sentence that designates the secretary.
            rank = 2 if m.group(0).lstrip(" ,").startswith(("secretaire", "(")) else 1
            names = [name]
            joined = _JOINED_BEFORE.search(text, max(0, name.start - 20), name.start)
            if re.match(r" (?:sont|ont ete)\b| .*secretaires\b", m.group(0)) and joined:
                # « Mme Claire ROUX et M. Paul DURAND sont désignés secrétaires de séance »
                start = max(0, joined.start() - 80)
                other = last_name_before(text[start:joined.start()], start)
                if other is not None:
                    names.insert(0, other)
            candidates.append((rank, names[0].start, names, doc.span(names[0].start, m.end())))
    for m in _SECRETARY_PROPOSED.finditer(folded):
        name = first_name_at(text[m.end():m.end() + 60], m.end())
        if name is None:
            continue
        names = [name]
        joined = re.match(r" et (?=\S)", folded[name.end:name.end + 6])
        if joined:
            # « Le conseil désigne Mme Claire ROUX et M. Paul DURAND comme secrétaires de séance »
            other = first_name_at(text[name.end + 4:name.end + 64], name.end + 4)
            if other is not None:
                names.append(other)
        if _SECRETARY_PROPOSED_END.match(folded[names[-1].end:names[-1].end + 100]):
            candidates.append((1, m.start(), names, doc.span(m.start(), names[-1].end + 30)))
    if not candidates:
        return [], None
    candidates.sort(key=lambda c: (c[0], c[1]))
    # The secretary is chosen among the members who sit (L2121-15): one read among the absent or
    # those who gave a proxy was read in the wrong place.
    sitting = [c for c in candidates if not any(named_among(book.resolve(n.text), away) or _staff(folded, n)
                                                 for n in c[2])]
    if on_roll:
        sitting = [c for c in sitting if all(book.on_roll(book.whole(n.text, n.tokens)) for n in c[2])]
    if not sitting:
        return [], None
    _, _, names, source = sitting[0]
    return [_with_civility(text, n, _as_printed(book, n)) for n in names], source


def _as_printed(book: NameBook, name) -> str:
    """A secretary's name as the minute prints it when that is a surname alone (« M. CAROUX »), though
    the roll gives the member's given name: the check of L2121-15 finds the one member who bears it,
    or stays undecided when several do, where a resolution here could pick another member, or a
    name misread on the roll."""
    resolved = book.whole(name.text, name.tokens)
    printed = {p for t in name.tokens for p in fold_name(t).split()}
    words = resolved.split()
    missing = [p for w in words for p in fold_name(w).split() if p not in printed]
    if not missing or "".join(missing) in printed:
        # The whole name is printed, or its given names glued together (« JeanClaude CAROUX »).
        return resolved
    listed = {p for w in words for p in fold_name(w).split()}
    kept = [t for t in name.tokens if all(p in listed for p in fold_name(t).split())]
    return " ".join(kept) if kept and _surname_only(" ".join(kept)) else resolved


_ROW_OFFICE = r"(?:(?:le|la) )?(?:maire|presidente?(?: de (?:la )?seance)?|secretaires? de (?:la )?seance)(?: ?[:,])?"
_ROW_OFFICE_BEFORE = re.compile(_ROW_OFFICE + r" ?$")
_ROW_OFFICE_AFTER = re.compile(r" ?" + _ROW_OFFICE)


def _office_row(folded: str, start: int, end: int) -> tuple | None:
    """Where the secretary's office (`start`–`end`) stands in a row of offices that sign (« Le Maire La
    secrétaire de séance »): (its place in the row, how many offices, where the names begin), or None
    when it stands alone."""
    article = re.search(r"\b(?:le|la) $", folded[max(0, start - 3):start])
    index, at = 0, start - (len(article.group(0)) if article else 0)
    while (before := _ROW_OFFICE_BEFORE.search(folded, max(0, at - 40), at)) is not None and before.end() == at \
            and before.start() < at:
        index, at = index + 1, before.start()
    count, at = index + 1, end
    while (after := _ROW_OFFICE_AFTER.match(folded, at)) is not None and after.end() > at:
        count, at = count + 1, after.end()
    return (index, count, at) if count > 1 else None


def _row_signer(doc: Document, start: int, row: tuple, rank: int) -> list:
    """« Le Président Le secrétaire de séance ⏎ Bernard PLANO Alain PIASER »: the offices of a row of signatures,
    then their names in the same order. With a name short, which is whose is not known: nothing is read."""
    index, count, names_at = row
    read = read_list(doc.text[names_at:names_at + 200], names_at, single_title_ok=True)
    if len(read.names) < count:
        return []
    return [(rank, start, [read.names[index]], doc.span(start, read.names[index].end))]


_JOINED_BEFORE = re.compile(r"(?:,| et) (?:(?:M\.|Mr|Mme|Mlle|Monsieur|Madame) )?$")
_CIVILITY_BEFORE = re.compile(r"(?:^|\s)(M\.|Mr|Mme|Mlle|Monsieur|Madame) $")


def _with_civility(text: str, name, resolved: str) -> str:
    """A surname read alone keeps the civility printed before it (« M. KEBABTCHIEFF »): without
    a given name, it is what tells the person apart."""
    if " " in resolved.strip():
        return resolved
    before = _CIVILITY_BEFORE.search(text[max(0, name.start - 12):name.start])
    return f"{before.group(1)} {resolved}" if before else resolved


_PRESIDENT = [
    # « sous la présidence du Maire, Mme LARRIEU Laurence », « … de la Présidente, Mme X »
    (0.9, re.compile(r"\bsous la presidence (?:effective )?(?:du (?:maire|president)\b|de la (?:maire|presidente)\b"
                     r"|(?:de |d')(?:son maire|sa maire|son president|sa presidente)?),? ?")),
    (0.9, re.compile(r"\bpresidente? de (?:la )?seance ?:? ?")),
    (0.9, re.compile(r"\bpresidee? par |\bpresidence ?: ?")),
    (0.85, re.compile(r"\bpresidente? ?: ?")),
]
# Without a sentence saying who presided, the mayor (the president) does, by law (L2121-14,
# L5211-2), unless the text says otherwise: « Présents : Monsieur Jérôme BEQ, Maire, … » (or « (Maire) »),
# « Monsieur Patrice BESSAC – maire de Montreuil », « la convocation qui leur a été adressée par
# la Présidente, Mme Annick BROSSIER ». Read with less trust than a stated presidency.
# (« Philippe Mallard, président de la commission finances » presides a commission, not the meeting.)
_HEAD_OF_BODY = re.compile(r"(?: ?[,–(-]|\.{2,}|\u2026) ?(?:le |la )?(?:maire|presidente?)\b(?! ?[-–]? ?adjointe?| delegue"
                           r"| honoraire)"
                           r"(?! (?:de la |de l'|du |des |d')?(?:(?:sous-)?commissions?|association|ccas|centre communal"
                           r"|office|club|groupe|jury|comite (?:des fetes|consultatif|de (?:pilotage|jumelage|quartier))))")
_CONVENED_BY_HEAD = re.compile(r"\b(?:adressee?|envoyee?|convoquee?s?) par (?:le maire|la maire|le president"
                               r"|la presidente),? ")
_PRESUMED_PRESIDENT = 0.7
# « M. Paul ROUX, Maire, préside la séance »
_OPENS = re.compile(r",? (?:ouvre|a ouvert|declare ouverte) la seance")
_PRESIDES = re.compile(r"(?:,? (?:maire|presidente?),?)? (?:preside|presidait|presidera) la seance")


def _presidents(doc: Document, book: NameBook, intercommunal: bool = False):
    """Who presided, by the ways the text says it, surest first. In a syndicate's or an EPCI's
    minutes (`intercommunal`), a delegate « maire de Lury » is his commune's head, not the
    assembly's: only its président is presumed to preside (L5211-2, L5211-9)."""
    for confidence, regex in _PRESIDENT:
        for m in regex.finditer(doc.fold):
            name = first_name_at(doc.text[m.end():m.end() + 90], m.end())
            if name is not None and confidence < 0.9 and not (
                    name.civility or any(kind(t) in ("CAP", "INITIAL") for t in name.tokens)):
                # « PRESIDENT : > CAR BONUS ENERGETIQUE », a heading in capitals after a bare label:
                # a person is named with a civility or a given name.
                continue
            if name is not None and re.search(r"(?:maire|presidente?),? ?$", m.group(0)) and not _CLOSE_AFTER_OFFICE.fullmatch(
                    doc.fold, m.end(), name.start):
                # « sous la présidence du Maire. Présents : M. X, … »: the office names no one; a name
                # further on is another's.
                continue
            if name is not None and _NAMED_FOR_ANOTHER.match(doc.fold, name.end):
                # « sous la présidence de M. le Maire. M. Henri GASC a été désigné secrétaire »: the
                # name is the subject of the next sentence, named for another office.
                continue
            if name is not None:
                yield book.whole(name.text, name.tokens), doc.span(m.start(), name.end + 8), confidence
    for m in _PRESIDES.finditer(doc.fold):
        start = max(0, m.start() - 80)
        name = last_name_before(doc.text[start:m.start()], start)
        if name is not None:
            yield book.whole(name.text, name.tokens), doc.span(name.start, m.end()), 0.9
    presumed = _presumed_president(doc, book, intercommunal)
    if presumed is not None:
        yield presumed
    signer = _signer(doc, book, intercommunal)
    if signer is not None:
        yield signer
    for m in _OPENS.finditer(doc.fold, 0, 6000):
        # « M VALORGE ouvre la séance »: who opens the meeting presides it, unless the text says
        # otherwise (read with less trust: the doyen d'âge opens an installation meeting).
        start = max(0, m.start() - 60)
        name = last_name_before(doc.text[start:m.start()], start)
        if name is not None and not re.search(r"doyen|plus age", doc.fold[max(0, m.start() - 120):m.start()]):
            yield book.whole(name.text, name.tokens), doc.span(name.start, m.end()), _PRESUMED_PRESIDENT


_CLOSE_AFTER_OFFICE = re.compile(r"[ ,]*(?:(?:m|mme|mlle|mr|monsieur|madame)\.? ?)?")
_NAMED_FOR_ANOTHER = re.compile(r",? (?:a ete|est|sont|ont ete|etait) (?:designee?s?|nommee?s?|elue?s?)\b")


def read_president(doc: Document, book: NameBook, away: set = frozenset(),
                   intercommunal: bool = False) -> tuple[str, str, float] | None:
    """The president of the meeting; one read among the absent or those who gave a proxy is passed
    over (the president sits: L2121-14)."""
    for found in _presidents(doc, book, intercommunal):
        if not named_among(found[0], away):
            return found
    return None


def named_among(name: str, away: set) -> bool:
    """Whether `name` is one of the names in `away` (display names): the same words, in any order. A
    surname alone is not enough (« Mme DUPONT » absent is not « Jean DUPONT » presiding: one family
    may sit twice on a council)."""
    words = _tokens(name.replace("-", " "))
    return bool(words) and any(words == _tokens(other.replace("-", " ")) for other in away if other)


# A title after the name of who presides that says he is not the office holder (« sous la présidence
# de Mme Odile FABRE, première adjointe », « M. Henri GASC, doyen d'âge, préside la séance »).
_DEPUTY_TITLE = re.compile(r"[ ,(–-]*(?:(?:1er|1ere|1re|premiere?|\d{1,2} ?(?:e|eme|er|ere)|deuxieme|troisieme) )?"
                           r"(?:(?:maire|presidente?)[ -]?)?(?:adjointe?|vice|doyen|doyenne|conseill|delegue|plus age)")


def _presides_as_deputy(doc: Document, book: NameBook, president: str) -> bool:
    """Whether the text gives who presides a title other than the maire's or the président's."""
    for _, regex in _PRESIDENT:
        for m in regex.finditer(doc.fold):
            name = first_name_at(doc.text[m.end():m.end() + 90], m.end())
            if name is not None and book.whole(name.text, name.tokens) == president \
                    and _DEPUTY_TITLE.match(doc.fold, name.end):
                return True
    for m in _PRESIDES.finditer(doc.fold):
        start = max(0, m.start() - 80)
        name = last_name_before(doc.text[start:m.start()], start)
        if name is not None and book.whole(name.text, name.tokens) == president \
                and _DEPUTY_TITLE.match(doc.fold, name.end):
            return True
    return False


def office_holder(doc: Document, book: NameBook, president: str | None, away: set = frozenset(),
                  intercommunal: bool = False) -> str | None:
    """Who a proxy « à M. le Maire » (or « au Président ») is given to: the president of the meeting,
    who holds the office (L2121-14); but where a deputy presides (« sous la présidence de Mme X,
    première adjointe »), the maire the text names (« M. Paul ROUQUETTE, Maire ») when it names one
    who sits, else no one (the pair cannot be written)."""
    if president is None or not _presides_as_deputy(doc, book, president):
        return president
    heads = set()
    for m in _HEAD_OF_BODY.finditer(doc.fold):
        if re.search(r"(?:vice|adjointe?|conseill\w+|delegue\w*|ancien(?:ne)?|ex)[ -]?$",
                     doc.fold[max(0, m.start() - 15):m.start()]) or (intercommunal and "maire" in m.group(0)):
            continue
        start = max(0, m.start() - 60)
        name = last_name_before(doc.text[start:m.start()], start)
        if name is not None and len(name.tokens) >= 2:
            heads.add(book.whole(name.text, name.tokens))
    heads.discard(president)
    if len(heads) == 1 and not named_among(next(iter(heads)), away):
        return next(iter(heads))
    return None


# The extract is signed by the maire or the président (« Pour extrait conforme, Le Maire, Jean
# DUPONT », « Le Président, Pierre DOURTHE »), who presides the meeting by law (L2121-14,
# L5211-2) unless the text names another president: read with less trust.
_SIGNER = re.compile(r"\b(?:le|la) (?:maire|presidente?)(?: de (?:la commune|la communaute|l'assemblee|seance))?"
                     r" ?[,:]? ?(?:(?:soussignee?|signe|sign)[ ,]{1,2})?")


# « sous la présidence de … », « présidée par … », « M. X préside »: the text says who presided.
_PRESIDENCY_SAID = re.compile(r"\bpresidence\b|\bpresidee?s?\b|\bpresid(?:ait|era|ant)\b")


def _signer(doc: Document, book: NameBook, intercommunal: bool = False) -> tuple[str, str, float] | None:
    if _PRESIDENCY_SAID.search(doc.fold):
        # The text says who presided, in words the reader did not settle on a name (an office, an
        # absent member, a presidency for part of the meeting): the signer of the extract is no
        # safer guess than none (a deputy presides, the maire certifies).
        return None
    found = None
    for m in _SIGNER.finditer(doc.fold):
        if intercommunal and "maire" in m.group(0):
            continue
        if re.match(r" ?(?:-|adjointe?|delegue|vice|rapporteur|de |du |des |d'|empeche|absent|et par)",
                    doc.fold[m.end():m.end() + 12]) or re.search(r"\bpour $", doc.fold[max(0, m.start() - 5):m.start()]):
            # « Pour le Maire empêché, l'adjoint … » is signed by another than the maire.
            continue
        if not re.search(r"[,:]\s?$", doc.fold[m.start():m.end()]) and not re.search(
                r"(?:conforme|executoire|delibere|signe|certifie|registre)\W{0,3}$", doc.fold[max(0, m.start() - 40):m.start()]):
            # « le Maire Jean DUPONT » in running prose names the office holder, not a signature.
            continue
        name = first_name_at(doc.text[m.end():m.end() + 40], m.end())
        if name is None or not (name.civility or len(name.tokens) >= 2 and any(kind(t) == "CAPS" for t in name.tokens)):
            continue
        if re.match(r",? ?(?:a ete|a|est|sont|etait|ont ete)\b", doc.fold[name.end:name.end + 12]):
            continue
        resolved = book.resolve(name.text)
        if book.full and not any(fold_name(resolved) == fold_name(n) or _same_person(resolved, n) for n in book.full):
            # The president sits: when the roll names the members, one it does not name signed
            # for another (an adjoint's delegation, a later maire certifying the extract).
            continue
        found = (book.whole(name.text, name.tokens), doc.span(m.start(), name.end), _PRESUMED_PRESIDENT)
    return found


# A roll printed as a table, flattened column by column: the names, then their titles in the same
# order, the first of them the president's or the maire's (« Monsieur Pierre DOURTHE Monsieur Vincent
# MORETTE … Président 1er Vice-Président 2ème Vice-Président … »).
_TITLE_COLUMN = re.compile(r"(?:presidente?|maire) (?:1(?:er|ere|re)?|premier|premiere) (?:vice-presidente?|adjointe?)\b")
_ROLL_HEADING = re.compile(r"\b(?:(?:etaient|etait) )?presente?s?(?: a la seance)? ?:? ")


def _title_column_president(doc: Document, book: NameBook) -> tuple[str, str, float] | None:
    for column in _TITLE_COLUMN.finditer(doc.fold, 0, 8000):
        headings = list(_ROLL_HEADING.finditer(doc.fold, max(0, column.start() - 4000), column.start()))
        if not headings:
            continue
        start = headings[-1].end()
        read = read_list(doc.text[start:column.start()], start)
        names = read.names
        # The names run up to the titles, nothing else between: the two columns of one table.
        if (len(names) < 3 or read.lead_junk or read.stopped_at is not None or ":" in doc.text[start:column.start()]
                or doc.text[names[-1].end:column.start()].strip(" ,;.")):
            continue
        first = names[0]
        source = f"{doc.span(first.start, first.end)} … {doc.span(column.start(), column.end())}"
        return book.whole(first.text, first.tokens), source, _PRESUMED_PRESIDENT
    return None


def _presumed_president(doc: Document, book: NameBook, intercommunal: bool = False) -> tuple[str, str, float] | None:
    text, folded = doc.text, doc.fold
    by_column = _title_column_president(doc, book)
    if by_column is not None:
        return by_column
    for m in _CONVENED_BY_HEAD.finditer(folded, 0, 3000):
        name = first_name_at(text[m.end():m.end() + 60], m.end())
        if name is not None:
            return book.whole(name.text, name.tokens), doc.span(m.start(), name.end), _PRESUMED_PRESIDENT
    for m in _HEAD_OF_BODY.finditer(folded, 0, 3000):
        if re.search(r"(?:vice|adjointe?|conseill\w+|delegue\w*|ancien(?:ne)?|ex)[ -]?$", folded[max(0, m.start() - 15):m.start()]):
            continue
        if intercommunal and "maire" in m.group(0):
            # « M. Étienne BRUNET, maire de Lury » among a communauté's delegates.
            continue
        start = max(0, m.start() - 60)
        name = last_name_before(text[start:m.start()], start)
        if name is not None and len(name.tokens) >= 2:
            return (book.whole(name.text, name.tokens), doc.span(name.start, m.end()), _PRESUMED_PRESIDENT)
    return None


__all__ = ["read_attendance", "build_members", "read_secretaries", "read_president", "office_holder", "Name", "display"]

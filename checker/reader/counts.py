"""Counts of members: en exercice, présents, représentés, votants.

Extracts print them as « Nombre de conseillers en exercice : 23 », « En exercice : 21
Présents : 18 Votants : 21 », « 27 puis 28 conseillers communautaires étaient présents »,
« présents titulaires : 45 - présents suppléants : 4 ». Two-column OCR also gives a row of
numbers followed by the row of their labels (« 27 16 3 19 Nombre de Conseillers en exercice
Présents Procurations Votants »), which is read pairwise when both rows have the same length.
The first value found for a count is the meeting's; later ones often concern one item.
A ratio (« Présents : membres (18/27) ») gives the count and the number in office; a row of
labels followed by the row of their values is read pairwise too.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from checker.reader.dates import date_at
from checker.reader.normalize import Document

_MONTHS = r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
# A number followed by a month is a day of a date (« Nombre de votants 7 FEVRIER 2020 … » in a
# flattened table whose first value is the convocation date), not a count.
# « Le nombre de présents est de 20 », « … s'élève à 20 »: the verb between the label and its value.
# « Nombre de présents : (48) »: the value in brackets, closed right after it.
_VALUE = (r"(?:[ :.;=-]{0,7}|[ .\u2026_]{2,16}| +(?:est|etait|etant) (?:de|egal a) | +s'eleve a )"
          r"(?P<paren>\( ?)?(?P<n>\d{1,3})\b(?(paren) ?\))(?![/.,]\d)"
          r"(?! ?(?:h\b|heures?|%|€|euros?|ans?\b|mois|jours?|er\b|"
          + _MONTHS + r"))")

_LABELS = [
    ("membres_en_exercice", 0.9, r"\b(?:(?:nombre de )?(?:conseillers|membres|delegues|elus)"
                                 r"(?: municipaux| communautaires| syndicaux)?(?: du (?:conseil|comite|bureau)"
                                 r"(?: municipal| communautaire| syndical)?)? )?en exercice"
                                 # « Nombre de membres en exercice du comité syndical : 27 »
                                 r"(?: (?:du|au) (?:conseil|comite|bureau)(?: municipal| communautaire| syndical)?)?"),
    ("membres_en_exercice", 0.9, r"\ben exercice (?:qui sont au nombre de|(?:est|etait) de|sont au nombre de)"),
    # « Total : 45 membres en exercice »
    ("membres_en_exercice", 0.9, r"\btotal(?= ?:? ?\d{1,3} (?:membres|conseillers|delegues)(?: municipaux"
                                 r"| communautaires)? en exercice\b)"),
    # « l'arrêté … fixant le nombre de sièges à 51 », « le nombre de conseillers est fixé à 27 »: the seats
    # the law or the prefect fixes, the legal size (the members in office may be fewer).
    ("effectif_legal", 0.9, r"\ble nombre (?:de|des) (?:sieges|conseillers(?: municipaux| communautaires)?)"
                            r"(?: (?:est|a ete|sera) fixe)? a(?= \d{1,3}\b)"),
    ("effectif_legal", 0.9, r"\b(?:nombre legal de (?:membres|conseillers|delegues)(?: au conseil (?:municipal|communautaire))?"
                            r"|effectif legal(?: du (?:conseil|comite)(?: municipal| communautaire| syndical)?)?"
                            r"|afferents au conseil (?:municipal|communautaire)"
                            # « Membres afférents au conseil : 27 », « Nombre de membres afférents au comité : 27 »
                            r"|membres afferents(?: au (?:conseil|comite|bureau)(?: municipal| communautaire| syndical)?)?)"),
    ("membres_en_exercice", 0.7, r"\bnombre de (?:membres|conseillers(?: municipaux| communautaires)?|delegues"
                                 r"(?: titulaires)?|sieges|titulaires)(?: du (?:conseil|comite)(?: municipal| communautaire"
                                 # « : 27 », or a dash for the colon (« - 27 »).
                                 r"| syndical)?| elus)?(?= ?:| ?[-\u2013] ?\d)"),
    # « Le conseil municipal, composé de 27 membres »: the seats, read loosely (confirmed by the totals).
    ("membres_en_exercice", 0.85, r"\bcompose de(?= \d{1,3} (?:membres|conseillers|delegues)\b)"),
    # « Effectif : 23 », « Effectif du comité : 23 »: the seats, read loosely (confirmed by the totals).
    ("membres_en_exercice", 0.85, r"\beffectifs?(?: du (?:conseil|comite|bureau)(?: municipal| communautaire"
                                  r"| syndical)?)?(?= ?:)"),
    # « Membres élus : 19 », « Conseillers élus : 19 »: the members elected, at most those in office (a seat
    # left vacant since is not filled), read loosely as the seats (confirmed by the totals, or kept below
    # the gate when they hold the présents and votants: a quorum met against them is met).
    ("membres_en_exercice", 0.85, r"\b(?:membres|conseillers(?: municipaux| communautaires)?|delegues) elus(?= ?:)"),
    # « Nombre de membres composant le conseil : 55 », « conseillers en fonction : 27 »: the seats
    # filled, read with less trust (the legal size is sometimes printed so).
    ("membres_en_exercice", 0.85, r"\b(?:nombre de )?(?:conseillers|membres|delegues)(?: municipaux| communautaires)?"
                                  r" (?:en fonction|composant le (?:conseil|comite)(?: municipal| communautaire"
                                  r"| syndical)?)"),
    ("presents_titulaires", 0.9, r"\b(?:presents titulaires|(?:delegues )?titulaires presents)"),
    ("presents_suppleants", 0.9, r"\b(?:presents suppleants|(?:delegues |membres )?suppleants(?: presents)?"
                                 r"(?: avec voix deliberative)?)"),
    ("presents", 0.9, r"\b(?:nombre de (?:membres |conseillers |delegues )?presents|(?<!suppleants )(?<!suppleant )"
                      r"(?:membres |conseillers |delegues )?presents|(?:conseillers|delegues) (?:municipaux |communautaires |syndicaux )?presents"
                      # « Nombre de membres qui assistent à la séance : 20 », the form of the old extracts.
                      r"|(?:nombre de )?(?:membres |conseillers |delegues )?"
                      r"(?:qui (?:assistent|assistaient|ont assiste)|assistant|ayant assiste) a la seance)"
                      # « Présents (titulaires et suppléants) : 20 »
                      r"(?: ?\((?:titulaires|delegues|membres|conseillers)[^)]{0,40}\))?"
                      r"(?: en seance| a l'ouverture(?: de (?:la )?seance)?| (?:a|lors de) la seance"
                      r"| au moment du vote| lors du vote)?"),
    # « Présents ou représentés : 25 » counts both: the present and represented together.
    ("presents_et_representes", 0.9, r"\b(?:nombre de )?(?:membres |conseillers |delegues )?presents ?(?:et|ou|/|\+|-|,) ?"
                                     r"(?:des )?(?:representes|ayant donne (?:pouvoirs?|procurations?))"),
    ("representes", 0.9, r"\b(?:nombre de (?:pouvoirs|procurations|membres representes)|(?<!presents et )"
                         r"(?<!presents ou )(?<!presents et des )representes?"
                         r"|procurations?(?: donnees| recues)?|pouvoirs?(?: donnes| recus)?|membres representes"
                         r"|absents? (?:excuses? )?(?:ayant|avec|qui ont) donne (?:pouvoirs?|procurations?))"),
    # Only to confirm the list of absents by name (« Absents : 2 », « Absents excusés 6 »).
    ("absents", 0.9, r"\b(?:nombre d'absents|absente?s?(?:,? excusee?s?)?(?: sans (?:pouvoir|procuration))?)"),
    # « Nombre d'exprimés : 11 », « Suffrages exprimés : 25 »: a floor of the votants (blank votes and
    # abstentions are not expressed), only to confirm présents + représentés (coherence.py).
    ("exprimes", 0.9, r"\b(?:nombre d'exprimes|nombre de suffrages exprimes|suffrages exprimes|exprimes)"),
    ("votants", 0.9, r"\b(?:nombre de votants|nombre de votes(?! (?:pour|contre|exprimes|blancs|nuls))|votants"
                     r"|(?:ayant|ont) pris part (?:au vote|a la deliberation)"
                     r"|nombre de membres ayant pris part au vote|ayant vote)"
                     # « Votants (présents ou représentés) : 22 »: what the votants are, in brackets.
                     r"(?: ?\((?:presents|membres|titulaires|delegues|conseillers)[^()]{0,40}\))?"),
]
_LABEL_RES = [(field, conf, re.compile(pattern + _VALUE)) for field, conf, pattern in _LABELS]
# Counts in words, after a label and its colon (« Présents : vingt-deux ») or before the members
# they count (« vingt-sept conseillers étaient présents »); the words are read by text2num.
_WORDS = r"(?P<w>[a-z]+(?:[- ][a-z]+){0,4})"
# « Présents : vingt-deux », and without the colon after a label that says « nombre de » (« Nombre de
# présents quarante-cinq Nombre de procurations quatre »; never « Votants vingt-sept » in a flattened
# table, nor « … ce qui représente cinquante-quatre »): the words must write a number of at least two.
_WORD_LABEL_RES = [(field, conf, re.compile(pattern + r"(?: ?[:=-] ?|(?P<bare> ))" + _WORDS))
                   for field, conf, pattern in _LABELS]
_VALUE_ROW_AFTER = re.compile(r" ?\d")
_NUMBER_WORD = r"(?!(?:elus|membres|conseillers|delegues|etaient|sont|en|ont|avaient|donne|ayant|etant)\b)[a-z]+"
_WORDS_FIRST = [
    ("presents", re.compile(rf"\b(?P<w>{_NUMBER_WORD}(?:[- ]{_NUMBER_WORD}){{0,4}}) "
                            r"(?:(?:elus|membres|conseillers|delegues)(?: municipaux"
                            r"| communautaires)? (?:etaient |sont )?|(?:etaient|sont) )?presents\b")),
    # « … et trois représentés », « trois pouvoirs »: read loosely, the totals must confirm them.
    ("representes", re.compile(rf"\b(?P<w>{_NUMBER_WORD}(?:[- ]{_NUMBER_WORD}){{0,4}}) "
                               r"(?:(?:elus|membres|conseillers|delegues) )?(?:(?:representee?s?|pouvoirs?|procurations?)\b"
                               # « a donné un pouvoir à M. Y » is one proxy named, not their count.
                               r"(?! (?:a|au|de|du|pour)\b)"
                               # « … trois avaient donné pouvoir (de voter en leur nom) », « trois sont
                               # représentés »: with their verb.
                               r"|(?:ont|avaient) donne (?:un |une )?(?:pouvoir|procuration)\b"
                               r"|(?:sont|etaient) representee?s\b)")),
    ("votants", re.compile(rf"\b(?P<w>{_NUMBER_WORD}(?:[- ]{_NUMBER_WORD}){{0,4}}) "
                           r"(?:(?:elus|membres|conseillers|delegues) )?votants\b")),
    ("membres_en_exercice", re.compile(rf"\b(?P<w>{_NUMBER_WORD}(?:[- ]{_NUMBER_WORD}){{0,4}}) "
                                       r"(?:elus|membres|conseillers|delegues)"
                                       r"(?: municipaux| communautaires)? en exercice\b")),
]


def _number_in_words(words: str, leading: bool, least: int = 2) -> tuple | None:
    """(value, number of characters used) of the number the words write, read from their start
    (`leading`) or their end; None when they write none. « un », « une » are articles as often as
    numbers: read only where `least` allows 1."""
    from text_to_num import text2num
    tokens = re.split(r"(?<=[a-z])(?=[- ])", words)
    spans = range(len(tokens), 0, -1)
    for size in spans:
        part = "".join(tokens[:size]) if leading else "".join(tokens[-size:])
        candidate = part.strip(" -")
        if not candidate or (candidate in ("un", "une") and least > 1):
            continue
        try:
            value = text2num(candidate, "fr")
        except ValueError:
            continue
        after = words[len(part):] if leading else ""
        if least <= value <= 999 and not re.match(r"[- ]*" + _MONTHS, after):
            # « Procuration : cinq mars … » names a commune or a date, not a count.
            return value, len(part)
    return None

# Number first: « 27 élus présents », « 27 puis 28 conseillers communautaires étaient présents ».
_NUMBER_FIRST = [
    ("presents", re.compile(r"(?<![:/\d-])(?<!: )\b(?P<n>\d{1,4})(?: puis \d{1,4})? (?:(?:elus|membres|conseillers"
                            r"|delegues)(?: municipaux| communautaires| du bureau| du comite| du conseil)? "
                            r"(?:etaient |sont )?|(?:etaient|sont) )presents\b(?P<heading> ?:| ?[-\u2013](?! ?\d))?")),
    # « 18 présents, 2 pouvoirs » bare; not « de la question 43 à la 45 Présents : 43 43 … », a row's
    # heading after an item number.
    ("presents", re.compile(r"(?<![:/\d-])(?<!: )(?<!a la )(?<!au )(?<!question )(?<!point )(?<!n°)(?<!n °)\b"
                            r"(?P<n>\d{1,3}) presents\b(?P<heading> ?:| ?[-\u2013](?! ?\d))?")),
    # « (28 conseillers présents sur 35 conseillers en exercice) », « la majorité des 23 membres en exercice ».
    ("membres_en_exercice", re.compile(r"(?<![:/\d-])(?<!: )\b(?P<n>\d{1,3}) (?:elus|membres|conseillers|delegues)"
                                       r"(?: municipaux| communautaires| syndicaux| titulaires)? en exercice\b")),
    ("representes", re.compile(r"(?<![:/\d-])(?<!: )\b(?P<n>\d{1,4})(?: puis \d{1,4})? (?:elus |membres |conseillers"
                               r" |delegues )?(?:municipaux |communautaires )?(?:(?:avaient|ont) donne (?:un |une )?"
                               r"(?:pouvoir|procuration)|(?:sont|etaient) representee?s\b)")),
    ("representes", re.compile(r"(?<![:/\d-])(?<!: )\b(?P<n>\d{1,4}) (?:pouvoirs?|procurations?) ?:")),
]
# A count written number first with its verb, opening a clause: after the start of a sentence, a
# comma or a colon, never after « si au moins », « lorsque », « que » (a condition, not a count).
_STATED = re.compile(r" (?:etaient|sont) presents\b")
_CLAUSE_START = re.compile(r"(?:^|[.;:!?] ?|, ?|\n|\s[-\u2013\u2014\u2022] ?)$")
# « …, 254 délégués sont présents ainsi qu'il résulte des contrôles effectués à l'entrée, 45 ont donné un
# pouvoir »: the next clause of the same sentence.
_NEXT_CLAUSE = re.compile(r"(?:[^.:]{0,80}?[;,])? ?(?:et )?")
_BUSINESS = re.compile(r"\b(?:apres en avoir delibere|objet ?:|deliberation n ?°|ordre du jour ?:)")
_REPRESENTED_WORDS_VERB = re.compile(r" (?:(?:ont|avaient) donne|(?:sont|etaient) representee?s)\b")
_COUNTED_BEFORE_VERB = re.compile(r"\b\d{1,4} (?:[a-z]+ ){0,3}(?:etaient|sont) $")
# A run of counts written number first: « 27 conseillers en exercice, 20 présents, 3 pouvoirs,
# 23 votants », « Délégués : 54 en exercice, 40 présents », « avec 20 membres présents et 3
# représentés ». Read loosely, only for a count no label gives: the totals must confirm them
# (coherence.py).
_LOOSE_NUMBER_FIRST = [
    ("membres_en_exercice", re.compile(r"(?<![:/\d-])\b(?P<n>\d{1,3}) en exercice\b")),
    ("representes", re.compile(r"(?<![/\d-])(?<!dont )\b(?P<n>\d{1,3}) (?:(?:membres|conseillers|elus|delegues) )?"
                               r"(?:representee?s|pouvoirs|procurations)\b(?! (?:de|du|des|au|a|pour|sur)\b)")),
    ("votants", re.compile(r"(?<![/\d-])\b(?P<n>\d{1,3}) (?:(?:membres|conseillers|elus|delegues) )?votants\b")),
]
# « Excusés : 7 dont 3 représentés », « Absents : 7 (dont 3 pouvoirs) »: the excused who gave a proxy.
_EXCUSED_WITH_PROXY = re.compile(
    r"\b(?:excusee?s?|absente?s?)(?: excusee?s?)? ?:? ?(?P<a>\d{1,3})(?: membres| conseillers| delegues)?,? ?\(?"
    r"dont (?P<n>\d{1,3}) "
    r"(?:representee?s?|pouvoirs?|procurations?|(?:ayant|ont|avaient|qui ont) donne (?:pouvoir|procuration))\b")
# « Pouvoirs : néant », « Procurations : aucune »: none represented, printed in words.
_NONE_REPRESENTED = re.compile(
    r"\b(?:nombre de )?(?:pouvoirs?|procurations?|membres representes|representee?s?|absents? (?:excusee?s? )?"
    r"(?:ayant|avec|qui ont) donne (?:pouvoirs?|procurations?)) *:? *(?:neant|aucune?|zero)\b"
    r"(?! ?(?:de |d'|a |au |pour ))")
# « Présents ou représentés : 23 dont 3 pouvoirs »: the sum, and the represented among it.
_TOGETHER_WITH_PROXIES = re.compile(
    r"\b(?:nombre de )?(?:membres |conseillers |delegues )?presents ?(?:et|ou|/|\+) ?representes ?:? ?(?P<t>\d{1,3})"
    r" ?,? ?\(? ?dont (?P<r>\d{1,3}) (?:pouvoirs?|procurations?|representee?s?|membres representes)\b")

_TABLE_LABELS = [
    ("membres_en_exercice", r"(?:nombre de )?(?:conseillers |membres )?en exercice"),
    ("presents", r"(?:nombre de )?presents"),
    ("representes", r"(?:nombre de )?(?:procurations|pouvoirs|representes)"),
    ("votants", r"(?:nombre de )?votants"),
    ("absents", r"(?:nombre d')?absents"),
]
_TABLE = re.compile(
    r"\b(?P<numbers>\d{1,3}(?: \d{1,3}){1,5}) (?P<labels>(?:nombre de (?:conseillers|membres) )?"
    r"(?:(?:%s) ?){2,6})" % "|".join(p for _, p in _TABLE_LABELS))


# « Présents (18) : Mmes et MM. … », « Etaient présents (18) » : the list's heading carries its count.
_HEADING_COUNT = re.compile(r"\b(?:etaient |membres |conseillers |delegues )?presents ?\((?P<n>\d{1,3})\) ?:?"
                            # « Etaient présents, 18 conseillers : Mme … »
                            r"|\b(?:etaient )?presents,? (?P<n2>\d{1,3}) (?:membres|conseillers|delegues|elus)"
                            r"(?: municipaux| communautaires| titulaires)? ?:")
# « Etaient représentés (4) : Mme A par M. B, … », « Absents ayant donné pouvoir (4) : »: the same for
# the represented.
_HEADING_COUNT_REPRESENTED = re.compile(
    r"\b(?:etaient |membres |conseillers |delegues )?(?:representes|absents? (?:excuses? )?(?:ayant|avec|qui ont) "
    r"donne (?:pouvoirs?|procurations?)|excuses? representes|pouvoirs|procurations) ?\((?P<n>\d{1,3})\) ?:")
# « dont 18 présents et 2 représentés », « soit 18 présents et 2 pouvoirs »: the two parts alone.
_PARTS = re.compile(r"\b(?:dont|soit) (?P<p>\d{1,3}) (?:membres |conseillers |delegues )?presente?s?,? (?:et )?"
                    r"(?P<r>\d{1,3}) (?:procurations?|pouvoirs?|representee?s?)\b")
# « Présents : 18 sur 23 »: the number present out of the members in office.
_OUT_OF = re.compile(r"\b(?:membres |conseillers |delegues )?presents ?:? ?(?P<n>\d{1,3})(?: (?:membres|conseillers"
                     r"|delegues)(?: municipaux| communautaires| syndicaux)?)? sur (?P<d>\d{1,3})\b"
                     r"(?! ?(?:voix|votes|votants))"
                     # « Présents : 20 membres sur 27 en exercice »
                     r"(?P<office>(?: (?:membres|conseillers|delegues)(?: municipaux| communautaires| syndicaux)?)?"
                     r" en exercice\b)?"
                     # « avec 22 présents sur 29 conseillers »
                     r"|(?<![:/\d-])\b(?P<n2>\d{1,3}) (?:membres |conseillers |delegues )?presents sur (?P<d2>\d{1,3})"
                     r"(?= (?:membres|conseillers|delegues|elus)\b)")

# Counts in a sentence, in figures or in words: « Sur les vingt-sept membres en exercice, vingt
# étaient présents (et trois représentés) », « vingt membres étant présents », « 20 conseillers
# présents sur 27 (en exercice) ». A number there is one to three words or up to three digits.
_SENTENCE_WORD = (r"(?!(?:membres|conseillers|delegues|elus|etaient|sont|etant|furent|en|presente?s?|sur|les|ses"
                  r"|municipaux|communautaires|syndicaux|titulaires|exercice|et|dont|il|on)\b)[a-z]+")
_SENTENCE_NUMBER = rf"(?:\d{{1,3}}|{_SENTENCE_WORD}(?:[- ](?:et[- ])?{_SENTENCE_WORD}){{0,3}})"
_MEMBERS = r"(?:membres|conseillers|delegues|elus)(?: municipaux| communautaires| syndicaux| titulaires)?"
_OUT_OF_OFFICE = re.compile(
    rf"\bsur (?:les |ses )?(?P<d>{_SENTENCE_NUMBER}) {_MEMBERS}(?: du (?:conseil|comite|bureau)"
    r"(?: municipal| communautaire| syndical)?)? en exercice ?,? (?:(?:il y en a|il y avait|on compte) )?"
    rf"(?P<n>{_SENTENCE_NUMBER}) (?:{_MEMBERS} )?(?:etaient |sont |etant |furent )?presente?s\b"
    rf"(?:,? (?:et )?(?P<r>{_SENTENCE_NUMBER}) (?:{_MEMBERS} )?(?:etaient |sont |etant )?"
    r"(?:representee?s|ayant donne (?:pouvoir|procuration)|(?:avaient|ont) donne (?:pouvoir|procuration)"
    r"|pouvoirs|procurations)\b)?")
_REPRESENTED_VERB = re.compile(rf" (?:{_MEMBERS} )?(?:(?:etaient|sont|etant) representee?s|(?:avaient|ont) "
                               r"donne (?:pouvoir|procuration))")
# « Le conseil s'est réuni au nombre de 20 membres (sur 27 en exercice) »: those present.
_MET_IN_NUMBER = re.compile(rf"\breunie? au nombre de (?P<n>{_SENTENCE_NUMBER}) {_MEMBERS}(?: presents)?"
                            rf"(?: sur (?:les )?(?P<d>{_SENTENCE_NUMBER})(?: {_MEMBERS})?(?P<office> en exercice)?)?\b")
_PRESENT_OUT_OF = re.compile(
    rf"(?<![:/\d-])\b(?P<n>{_SENTENCE_NUMBER}) (?:{_MEMBERS} )?(?:etaient |sont |etant )?presente?s sur "
    rf"(?:les |ses )?(?P<d>{_SENTENCE_NUMBER})(?P<noun> {_MEMBERS})?(?P<office> en exercice)?\b"
    r"(?! ?(?:voix|votes|votants|suffrages|exprimes|inscrits))")
# Not a quorum's condition (« si au moins 14 membres sont présents »).
_BEING_PRESENT = re.compile(rf"(?<![:/\d-])(?<!moins )(?<!plus )(?<!si )(?<!que )\b(?P<n>{_SENTENCE_NUMBER}) "
                            rf"{_MEMBERS} etant presente?s\b")
# « composé de 27 membres en exercice dont 20 présents (et 3 représentés) ».
_OFFICE_OF_WHICH = re.compile(
    rf"(?<![:/\d-])\b(?P<d>{_SENTENCE_NUMBER}) {_MEMBERS} en exercice ?,? dont (?P<n>{_SENTENCE_NUMBER}) "
    rf"(?:{_MEMBERS} )?presente?s\b(?:,? (?:et )?(?P<r>{_SENTENCE_NUMBER}) (?:{_MEMBERS} )?"
    r"(?:representee?s|pouvoirs|procurations)\b)?")


def _sentence_number(words: str) -> int | None:
    """The number a sentence's count writes, in figures or wholly in words; None otherwise."""
    if words.isdigit():
        return int(words)
    number = _number_in_words(words, leading=True)
    return number[0] if number is not None and number[1] == len(words) else None


# « Nombre de conseillers en exercice : 15/15 », « En exercice : 26/27 »: the seats filled out of the
# legal size; the first number is the members in office.
_RATIO_FIRST = re.compile(r"(?<![\d/.,:-])\b(?P<n>\d{1,3}) ?/ ?(?P<d>\d{1,3}) (?:membres |conseillers |delegues |elus )?"
                          r"presents\b")
_OFFICE_RATIO = re.compile(r"\ben exercice ?:? ?(?P<n>\d{1,3}) ?/ ?(?P<d>\d{1,3})(?![/\d])")
_RATIO = re.compile(
    r"\b(?P<label>(?:nombre de )?(?:membres |conseillers |elus |delegues )?(?:presents|representes|votants))"
    r"(?: ?:)?(?: ?(?:membres|conseillers|elus|delegues))? ?:? ?\(? ?(?P<n>\d{1,3}) ?/ ?(?P<d>\d{1,3}) ?\)?(?![/\d])")
# A flattened header table, labels first and values after: « Convocation envoyée le Nombre de
# Conseillers Communautaires Nombre de présents à l'ouverture de la séance Nombre de procurations
# Nombre de votants 7 FEVRIER 2020 40 26 3 29 ». A date column takes a date value; the columns
# are paired in order only when every label has a value of its kind.
_DATE_VALUE = (r"\d{1,2}(?:er)? " + _MONTHS + r" \d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
_HEADER_LABELS = [
    ("date", r"(?:date (?:de (?:la )?|d')?(?:convocation|envoi|affichage|publication)(?: de (?:la )?convocation)?"
             r"|convocation (?:envoyee|adressee)(?: le)?|date)"),
    # « Afférents au Conseil de Communauté » is the legal size: at least the members in office.
    ("effectif_legal", r"(?:nombre de )?(?:conseillers |membres |delegues )?afferents(?: au (?:conseil|comite)"
                       r"(?: municipal| communautaire| syndical| de (?:la )?communaute| de communaute)?)?"),
    ("membres_en_exercice", r"(?:nombre de )?(?:conseillers |membres |delegues )?(?:municipaux |communautaires"
                            r" |syndicaux )?en exercice"),
    ("presents", r"(?:nombre de )?(?:conseillers |membres |delegues )?presents(?: (?:a l'ouverture(?: de la seance)?"
                 r"|en seance))?"),
    ("representes", r"(?:nombre de )?(?:procurations|pouvoirs|representes|membres representes)"),
    ("votants", r"(?:(?:nombre de )?votants|(?:ayant|ont) pris part (?:au vote|a la deliberation))"),
    ("absents", r"(?:nombre d')?absents"),
    # « Nombre de conseillers communautaires » heading the count columns is the number in office.
    ("membres_en_exercice", r"nombre (?:de|des) (?:conseillers|membres|delegues)(?: municipaux| communautaires"
                            r"| syndicaux)?"),
]
_HEADER_LABEL = "|".join(p for _, p in _HEADER_LABELS)
_MEMBERS_HEADING = re.compile(r"nombre (?:de|des) (?:conseillers|membres|delegues) ?: ?(?!\d)")
# « En exercice / Présents / Votants » then « : 15 », « : 12 », « : 14 » under them: each value keeps the
# colon that followed its label.
_TABLE_AFTER = re.compile(
    rf"\b(?P<labels>(?:(?:{_HEADER_LABEL}) ?:? ?){{2,8}}) ?(?P<values>(?:(?:: ?)?(?:{_DATE_VALUE}|\d{{1,3}})\b"
    rf"(?![/.,]\d) ?){{2,8}})")
_JOINED_TO_PRESENT = re.compile(r"presents ?(?:et|ou|/|\+|-|,) ?(?:des |ayant donne )?$")
# « 18/27 présents, Pouvoirs : 3 », « 18 conseillers présents - Pouvoirs : 3 »: the présents have
# their own number before them; the label after the comma or dash is the next count, not joined.
_COUNTED_PRESENT_BEFORE = re.compile(r"\b\d{1,3}(?:/\d{1,3})? (?:(?:membres|conseillers|delegues|elus)"
                                     r"(?: municipaux| communautaires| syndicaux)? )?presents ?[-,] ?$")
_AFTER_BARE_LABEL = re.compile(rf"(?:{_HEADER_LABEL}) ?:? ?$")
_VALUE_ROW = re.compile(r"\d{1,3} (?:: ?)?\d{1,3}\b")
_VALUE_TOKEN = re.compile(rf"(?P<date>{_DATE_VALUE})|(?P<n>\d{{1,3}})")

# A number right after a label is that label's value, not the count of the words after it:
# « Membres en exercice 15 Membres présents 9 », « Pour 38 Membres en exercice 39 », « Quorum - 12
# Présents - 20 ».
_VALUE_OF_LABEL_BEFORE = re.compile(
    r"(?:exercice|presents?|votants|pouvoirs?|procurations?|representes?|absents?|afferents|titulaires|suppleants"
    r"|excusee?s?|pour|contre|abstentions?|quorum|absolue|exprimes|blancs|nuls|legal|effectifs?)"
    r"(?: ?[:=-]? ?|[ .\u2026_]{2,16})$")
# A run of counts with no sign between a number and its word: « 67 présents 10 pouvoirs 2 excusés »
# is written number first when it opens on a number and closes on a word, « Présents 9 Pouvoirs 2 »
# label first when it opens on a word and closes on a number.
_RUN_WORD = (r"(?:(?:membres |conseillers |delegues )?(?:presents|pouvoirs|procurations|representes|votants|excuses"
             r"|absents)(?: excuses)?)")
_RUN_AFTER = re.compile(rf" \d{{1,3}} {_RUN_WORD}(?:(?: ?[-,;/\u2022] ?| )\d{{1,3}} {_RUN_WORD})*\b"
                        r"(?! ?(?:[a-z]+ ){0,3}:? ?\d)")
_ANY_WORD_BEFORE = re.compile(r"[a-z)]{2,}(?: ?[:,;/\u2022-])? $")
_WORD_THEN_NUMBER = re.compile(r"[a-z](?: ?[-;/\u2022])? $")
_NUMBER_BEFORE_WORD = re.compile(r"(?<![\d/.,])\b\d{1,3} $")
_CLAUSE_AFTER_LABEL = re.compile(r"[;,] ?$")
# A count written number first in a sentence (« compte 19 membres en exercice »): a word, then the number.
_NUMBER_AFTER_WORD = re.compile(r"\b[a-z]{2,} (?P<n>\d{1,3}) $")
_COUNT_WORD_BEFORE = re.compile(r"(?:(?:conseillers|membres|delegues)(?: municipaux| communautaires)? )?"
                                r"(?:en exercice|presents|pouvoirs|procurations|representes|votants|excuses|absents)"
                                r"(?: ?[:,;/\u2022-])? $")


_RUN_ITEM = re.compile(r" ?[:,;/\u2022-]? ?(?P<n>\d{1,3}) (?P<w>(?:(?:conseillers|membres|delegues)"
                       r"(?: municipaux| communautaires)? )?(?:en exercice|presents|pouvoirs|procurations|representes"
                       r"|votants|excuses|absents)(?: excuses)?)\b")
_RUN_FIELDS = (("exercice", "membres_en_exercice"), ("presents", "presents"), ("pouvoirs", "representes"),
               ("procurations", "representes"), ("representes", "representes"), ("votants", "votants"),
               ("excuses", "absents"), ("absents", "absents"))


def _run_start(text: str, m: re.Match) -> int:
    position = m.start()
    while True:
        number = _NUMBER_BEFORE_WORD.search(text, max(0, position - 5), position)
        word = number and _COUNT_WORD_BEFORE.search(text, max(0, number.start() - 40), number.start())
        if not word:
            return number.start() if number else position
        position = word.start()


def _read_number_first_run(doc, text: str, start: int, found: dict) -> None:
    """The counts of a run written number first, each number with the word after it. Trusted when the
    run adds up (présents + représentés + absents = en exercice, or présents + représentés = votants),
    read loosely otherwise (the totals must confirm them)."""
    read: dict = {}
    position, end = start - 1, start
    while True:
        item = _RUN_ITEM.match(text, max(0, position))
        if item is None:
            break
        field = next(f for word, f in _RUN_FIELDS if word in item.group("w"))
        if field in read:
            break
        read[field] = int(item.group("n"))
        position = end = item.end()
    office, present, represented, voters, absent = (read.get(k) for k in ("membres_en_exercice", "presents",
                                                                            "representes", "votants", "absents"))
    adds_up = (None not in (office, present, represented, absent) and present + represented + absent == office
               or None not in (present, represented, voters) and present + represented == voters)
    for field, value in read.items():
        if field in found and found[field].confidence >= 0.9 and not adds_up:
            continue
        found[field] = Count(value, doc.span(start, end), 0.9 if adds_up else 0.85, start)


def _number_first_run(text: str, m: re.Match) -> bool:
    """Whether the number after the label `m` is the count of the word after it, in a run written
    number first: the label has its own number right before it, and from there the run goes on
    number, word, … and ends on a word."""
    if not _WORD_THEN_NUMBER.search(text, max(0, m.start("n") - 4), m.start("n")):
        # A colon between the label and the number (« Présents : 5 ») makes it its value; a dash may
        # part the items of either kind of run (« 18 présents – 3 procurations – 21 votants »).
        return False
    if not _RUN_AFTER.match(text, m.start("n") - 1):
        return False
    # Walk back number, word, number, … to where the run opens: on a number (« 79 conseillers en
    # exercice : 67 présents 10 … ») or on a word (« En exercice 31 Présents 25 Votants 25 … »).
    position = m.start()
    while True:
        number = _NUMBER_BEFORE_WORD.search(text, max(0, position - 5), position)
        if number is None:
            return False
        word = _COUNT_WORD_BEFORE.search(text, max(0, number.start() - 40), number.start())
        if word is None:
            # Another label before the number (« Quorum 5 Présents 5 … ») opens the run on a word.
            return _ANY_WORD_BEFORE.search(text, max(0, number.start() - 30), number.start()) is None
        position = word.start()


# « Présents : 16 sur 25 Pouvoirs : 2 »: 25 is out of how many, the members in office at most.
_OUT_OF_BEFORE = re.compile(r"\d{1,3} sur $")
# « En exercice : 9 / 10 Présents : 5 »: 10 is the second term of a ratio, not a count of what follows.
_RATIO_BEFORE = re.compile(r"\d{1,3} ?/ ?$")
_ITEM_NUMBER_BEFORE = re.compile(r"\b(?:points?|n ?°|numeros?|questions?|deliberations?|articles?|pages?|annexes?)"
                                 r" ?(?:n ?° ?)?$"
                                 # « De la question 43 à la 45 », « du point 3 au 5 »: the end of a range.
                                 r"|\b(?:points?|n ?°|numeros?|questions?|deliberations?) ?\d{1,3} (?:a|au) (?:la |l')?$")
_PAGE_BEFORE = re.compile(r"\bpages? ?\d{1,3}(?: ?(?:/|sur) ?\d{1,3})? $")
_AFTER_MONTH = re.compile(r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre"
                          r"|decembre) $")
# « Réunion du 28 février 2007 à 19 h 30 Etaient présents : … », « à vingt heures trente étaient
# présents »: the minutes of a time, then the heading of the list, not a count; « 20 h. 00 » too.
_AFTER_HOUR = re.compile(r"(?:\b\d{1,2} ?h\.?|\bheures?) $")


# A label turned into its opposite by the words before it: « Excusés sans pouvoir : 2 », « Absents
# non représentés : 4 », « Absents n'ayant pas donné procuration : 4 », « pas de pouvoir ».
_NEGATED = re.compile(r"\b(?:sans|non|pas(?: de)?|n'? ?ayant pas(?: donne)?|n'? ?ont pas(?: donne)?|aucune?) "
                      r"(?:de |d')?(?=\S+\W{0,3}$)|\b(?:sans|non|pas)-?$")


# « … = 24 votants. »: the noun after the total, with no value of its own after it (« … = 40 membres en
# exercice = 56 » is a label and its value).
_COUNT_NOUN_AFTER = re.compile(r" ?(?:votants|presents|representes|pouvoirs|procurations)\b"
                               # « … = 9 Présents en séance = 5 »: the noun's label goes on to its own value.
                               r"(?!(?: (?:en seance|a l'ouverture(?: de (?:la )?seance)?|au moment du vote"
                               r"|lors du vote|(?:a|lors de) la seance|donnes|recus|donnees|recues)| ?\([^()]{0,40}\))?"
                               r" *[:=-]? *\d)")


# A year (« Séance du 14 mars 2024 16 votants ») ends no row of values.
_END_OF_TWO_VALUES = re.compile(r"(?<!\d)\d{1,3} \d{1,3} $")
_END_OF_ONE_VALUE = re.compile(r"(?<!\d)\d{1,3} $")


def _taken_before(text: str, m: re.Match, field: str, row_end: re.Pattern) -> bool:
    """The number `m` put before its label belongs to what comes before it: the value of the label
    before (unless it is a total written out), the end of a row of values (`row_end`), the second
    term of « N sur M » (which counts the office, not the present) or of a ratio « N / M »."""
    start = m.start()
    return bool((_VALUE_OF_LABEL_BEFORE.search(text, max(0, start - 30), start)
                 and not _total_written_out(text, m.start("n"), m.end("n")))
                or row_end.search(text[max(0, start - 30):start])
                or (field != "membres_en_exercice" and _OUT_OF_BEFORE.search(text, max(0, start - 12), start))
                or _RATIO_BEFORE.search(text, max(0, start - 12), start))


def _total_written_out(text: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) is a total written out after « = » and followed by the
    noun it counts (« Présents : 20 + 4 pouvoirs = 24 votants »)."""
    return text.rfind("=", start - 3, start) >= 0 and _COUNT_NOUN_AFTER.match(text, end) is not None


_DELEGATED = re.compile(r"\bdelegations? (?:de |des |du )(?=\S+\W{0,3}$)")


# The dash after an item's number and the word that opens the item, which is not a count's label.
_DASHED_ITEM = re.compile(r" ?[-\u2013] ?(?!(?:votants?|presents?|pour|contre|abstentions?|absents?|excuses?|procurations?"
                          r"|pouvoirs?|representes?|en exercice|exprimes|membres|conseillers|delegues|nombre)\b)[a-z]")


def _enumerated(text: str, m: re.Match) -> bool:
    """Whether the number after a label numbers an item (« Pouvoir 1 : …, Pouvoir 2 : … », « Procuration
    n° 1 : »): written without a colon before it, with one after, and the label comes again with the
    next number."""
    number = int(m.group("n"))
    after = text[m.end("n"):m.end("n") + 300]
    if number == 1 and re.match(r"[.)] ", after) and re.search(rf"(?<![\d/.,:])(?<!: )2 ?[.)] ", after[2:]):
        # « Présents : 1. M. DUPONT 2. Mme MARTIN … », « Pouvoirs : 1) … 2) … »: a numbered list,
        # which starts at 1 (« Votants : 5. … présents 6, votants 6. » is a count, then another).
        return True
    dashed = _DASHED_ITEM.match(after)
    if number == 1 and dashed and re.search(r"(?<![\d/.,:])(?<!: )\b2" + _DASHED_ITEM.pattern, after[dashed.end():]):
        # « Procurations : 1- Mme A à M. B 2- M. C à Mme D »: items numbered with a dash, each opening
        # on a name, not on the next label (« Pouvoirs : 1 - Votants : 13 » is a count).
        return True
    between = text[m.end() - len(m.group("n")) - 4:m.start("n")]
    if ":" in between or not re.match(r" ?[:.)-]", text[m.end("n"):m.end("n") + 2]):
        return False
    label = text[m.start():m.start("n")].strip(" :.;-n°")
    following = re.escape(label) + r" ?(?:n ?° ?)?" + str(int(m.group("n")) + 1) + r" ?[:.)-]"
    return re.search(following, text[m.end("n"):m.end("n") + 600]) is not None


@dataclass
class Count:
    value: int
    source: str
    confidence: float
    start: int


def _table_labels(rest: str) -> list:
    labels = []
    while rest:
        rest = rest.strip()
        for field, pattern in _TABLE_LABELS:
            lm = re.match(pattern, rest)
            if lm:
                labels.append(field)
                rest = rest[lm.end():]
                break
        else:
            break
    return labels


# « Votants : 27 dont 22 Présents et 05 Procurations »: the votants split into their two parts,
# which check each other.
# « A l'ouverture de la séance : 30 présents, 8 pouvoirs, 38 votants »: a run that adds up, even after
# a heading's colon (a run that does not add up is left to the looser patterns).
_RUN = re.compile(r"\b(?P<p>\d{1,3}) (?:membres |conseillers |delegues |elus )?presents,? (?:et |\+ )?(?P<r>\d{1,3}) "
                  r"(?:pouvoirs|procurations|representes|membres representes),? (?:et |soit |= )?(?P<v>\d{1,3}) "
                  r"(?:membres |conseillers |delegues )?votants\b")
_SPLIT = re.compile(r"\b(?P<v>\d{1,3}),? dont (?P<p>\d{1,3}) (?:membres |conseillers |delegues )?presente?s?,? "
                    r"(?:et )?(?P<r>\d{1,3}) (?:procurations?|pouvoirs?|representee?s?)\b")
# « 16 votants (14 présents et 2 procurations) », « Votants : 16 (soit 14 présents + 2 pouvoirs) »: the
# same split in brackets, after the votants' own word.
_SPLIT_BRACKETED = re.compile(
    r"(?:\bvotants ?:? ?(?P<v>\d{1,3})|\b(?P<v2>\d{1,3}) (?:membres |conseillers |delegues )?votants),? ?\( ?"
    r"(?:dont |soit )?(?P<p>\d{1,3}) (?:membres |conseillers |delegues )?presente?s?,? ?(?:et |\+ ?)?(?P<r>\d{1,3}) "
    r"(?:procurations?|pouvoirs?|representee?s?)\b")


# « Votants : 25 (dont 3 pouvoirs) »; not « 38 votes pour, dont 3 procurations », a side of a vote.
_VOTERS_WITH_PROXIES = re.compile(r"\b(?:nombre de )?votants ?:? ?(?P<v>\d{1,3}) ?,? ?\(? ?dont (?P<r>\d{1,3}) "
                                  r"(?:pouvoirs?|procurations?|representee?s?|membres representes)\b")


def _columns_hold(paired: dict) -> bool:
    """Whether the counts of a flattened table check each other, so that its columns were paired
    right: présents + procurations = votants; without the procurations, présents ≤ votants ≤ en
    exercice (each member present votes, some by proxy too, none out of office); without either,
    votants ≤ en exercice ≤ effectif légal."""
    present, represented, voters = (paired.get(k) for k in ("presents", "representes", "votants"))
    if present is None and represented is None and voters is not None:
        # « Afférents En exercice Ayant pris part à la délibération 42 42 34 »: no présents, but the
        # three in their order (votants ≤ en exercice ≤ effectif légal).
        office, legal = paired.get("membres_en_exercice"), paired.get("effectif_legal")
        return None not in (office, legal) and voters <= office <= legal
    if None in (present, voters):
        return False
    if represented is not None:
        return present + represented == voters and voters <= paired.get("membres_en_exercice", voters)
    office = paired.get("membres_en_exercice")
    return office is not None and present <= voters <= office


def _header_table(labels_text: str, values_text: str) -> list:
    """(field, value) pairs of a flattened header table, or [] when its columns do not pair up."""
    labels = []
    rest = labels_text.strip()
    while rest:
        for field, pattern in _HEADER_LABELS:
            lm = re.match(pattern + r" ?:? ?", rest)
            if lm:
                labels.append(field)
                rest = rest[lm.end():].strip()
                break
        else:
            return []
    if len(labels) > 2 and _MEMBERS_HEADING.match(labels_text.strip()) and "membres_en_exercice" in labels[1:]:
        # « Nombre de membres : Afférents … : En exercice : … »: the heading of the columns after it,
        # with no value of its own.
        labels = labels[1:]
    values = [("date", None) if vm.group("date") else ("n", int(vm.group("n")))
              for vm in _VALUE_TOKEN.finditer(values_text)]
    counted = [f for f in labels if f != "date"]
    if len(labels) != len(values) or len(counted) < 2 or len(set(counted)) != len(counted):
        return []
    if any((field == "date") != (kind == "date") for field, (kind, _) in zip(labels, values)):
        return []
    return [(field, value) for field, (_, value) in zip(labels, values)]


# Counts per item range: « Présents : 43 43 42 Absents : 2 3 4 Pouvoirs : 10 9 9 », one column per
# range of items. Where présents + absents + pouvoirs is the same in every column, that sum is the
# number of members in office (each member is present, absent or represented at every item).
_ITEM_ROW = re.compile(r"\b(?P<label>presents|absents|pouvoirs|procurations|representes) ?:? "
                       r"(?P<values>\d{1,3}(?: \d{1,3}){1,20})\b(?![/.,]\d)")


def _item_rows(text: str):
    rows = {}
    for m in _ITEM_ROW.finditer(text):
        kind = {"procurations": "pouvoirs", "representes": "pouvoirs"}.get(m.group("label"), m.group("label"))
        if kind in rows:
            continue
        rows[kind] = ([int(v) for v in m.group("values").split()], m.start(), m.end())
    if set(rows) != {"presents", "absents", "pouvoirs"}:
        return None
    columns = [r[0] for r in rows.values()]
    starts = sorted(r[1] for r in rows.values())
    if len({len(c) for c in columns}) != 1 or starts[-1] - starts[0] > 400:
        return None
    sums = {sum(values) for values in zip(*columns)}
    if len(sums) != 1:
        return None
    return sums.pop(), starts[0], max(r[2] for r in rows.values())


# A list that ends with its own count in brackets, just before the next list: « Conseillers
# présents : Mesdames et Messieurs Éric MEYER, …, Jean PERTHUIS (55), Conseillers absents / excusés :
# … (11), Conseillers ayant donné procuration : … (par procuration à Guy DESMURS) (9). Secrétaire ».
_LIST_HEADER = re.compile(
    r"\b(?:(?:conseillers|membres|delegues|elus)(?: municipaux| communautaires| syndicaux)? )?"
    r"(?P<label>(?:etaient )?presents|(?:etaient )?absents?(?: ?/ ?excuses?| excuses?)?|excuses"
    r"|(?:ayant|avaient|ont) donne (?:procuration|pouvoir)s?|pouvoirs|procurations|representes) ?:")
_LIST_COUNT = re.compile(r"\((?P<n>\d{1,3})\) ?[,.;]? ?$")


def _bracket_counts(text: str) -> dict:
    headers = list(_LIST_HEADER.finditer(text))
    found = {}
    for here, after in zip(headers, headers[1:] + [None]):
        label = here.group("label")
        field = ("presents" if "present" in label else "absents" if ("absent" in label or label == "excuses")
                 else "representes")
        if field in found:
            continue
        limit = after.start() if after is not None else min(len(text), here.end() + 3000)
        if after is None:
            secretary = re.search(r"\bsecretaire", text[here.end():limit])
            if secretary is None:
                continue
            limit = here.end() + secretary.start()
        if limit - here.end() > 3000:
            continue
        m = _LIST_COUNT.search(text, here.end(), limit)
        if m is not None and int(m.group("n")) > 0:
            found[field] = (int(m.group("n")), here.start(), m.end())
    return found


# Inclusive writing in labels (« Présent(e)s », « Procuration(s) », « Votant·e·s »): the plain plural,
# padded so that the text keeps its length (the sources are cut from the document by index).
_INCLUSIVE = re.compile(r"\((?:e|s|es)\)s?|[\u00b7.](?:e[\u00b7.]s|e|s)(?=\s|:)")


def _plain_plural(m: re.Match) -> str:
    return ("s" if "s" in m.group(0) else "").ljust(len(m.group(0)))


# The rules between the cells of a table extracted as text (« En exercice | Présents | Votants 27 |
# 20 | 24 », « … en exercice : 29 | Votants : 27 »).
_RULE = re.compile(r" ?[|\u00a6]+ ?")


class _Compacted:
    """A document whose folded text has its table rules read as single spaces: the counts are read
    on that text, their sources cut from the document at the matching places."""

    def __init__(self, doc: Document, where: list):
        self._doc = doc
        self._where = where

    def span(self, start: int, end: int) -> str:
        return self._doc.span(self._where[start], self._where[end])


def _without_rules(doc: Document) -> tuple:
    fold = doc.fold
    if "|" not in fold and "\u00a6" not in fold:
        return doc, fold
    parts, where, last = [], [], 0
    for m in _RULE.finditer(fold):
        parts.append(fold[last:m.start()])
        where.extend(range(last, m.start()))
        parts.append(" ")
        where.append(m.start())
        last = m.end()
    parts.append(fold[last:])
    where.extend(range(last, len(fold) + 1))
    return _Compacted(doc, where), "".join(parts)


# A count after its label's colon with a letter OCR took for a digit (« Présents : 2O », « Votants :
# l9 »): one digit at least, and only l, i, o besides (folded text).
_OCR_VALUE = re.compile(r"(?<=[:=] )(?=[0-9lio]{1,3}\b)(?=[lio]*\d)(?=\d*[lio])[0-9lio]{1,3}\b")
_OCR_DIGITS = str.maketrans("lio", "110")


def _ocr_digits(text: str) -> tuple[str, set]:
    """The text with such values written in digits, and where they start (read below the gate)."""
    fixed = set()

    def digits(m: re.Match) -> str:
        fixed.add(m.start())
        return m.group(0).translate(_OCR_DIGITS)

    return _OCR_VALUE.sub(digits, text), fixed


# The heading of another body's or another meeting's minutes printed in the same document
# (« COMMISSION DES FINANCES Réunion du 2 février 2023 », « BUREAU COMMUNAUTAIRE DU 12 MARS 2021 »,
# « Procès-verbal de la séance du 3 octobre 2022 »): what follows is that meeting's. Lines are joined
# by the normalisation, so a heading is known by its capital and by what precedes it (the start, a
# sentence's or a line's end, a page number, another word in capitals); a sentence that only mentions
# a meeting (« le compte rendu de la séance du … est approuvé », « le Conseil Municipal du … ») does not
# open with it.
_OTHER_HEADING = re.compile(
    r"\b(?:(?:compte[- ]rendu|proces[- ]verbal|extrait(?: du registre)?(?: des deliberations)?|releve des? decisions?"
    # « Objet : Convocation à la séance du Conseil Municipal du 26 juin 2023 »: another meeting's letter.
    r"|convocation (?:a|pour) (?:la|le|l'))"
    r"(?: (?:de la|du|des|de l'))? ?)?"
    r"(?:reunion|seance|commission|bureau|comite|assemblee|conference|conseil)\b"
    # A few words that name it (« des finances », « communautaire », « ordinaire »), never a clause's.
    r"(?:[ -](?!(?:vu|considerant|decide|a|ont|est|sont|etait|reunie?s?|adopte|approuve|par|avis|sur|lors|selon"
    r"|dans|pour|apres|avant|qui|que|dont|au|aux|le|la|les)\b)[a-z'-]+){0,5}"
    # The date after « du », or right after the name (« Conseil Communautaire Jeudi 21 MARS 2024 »).
    r"(?: du| en date du)? (?=\d|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) )")
# A heading stands after the start, a sentence's end, a page number or a word in capitals, or is
# printed in capitals itself.
_HEADING_BEFORE = re.compile(r"(?:^|[.!?:;)\]»\d]|\b[A-ZÀ-Þ]{2,}[A-ZÀ-Þ'’ -]*)\s*$")
_CAPITALS = re.compile(r"[A-ZÀ-Þ]{4,}\b")
# A meeting's capitalised title after the last word of a line the normalisation joined (« … dont 3
# pouvoirs Séance du vendredi 9 mai 2008 »), not after a word that asks for it in a sentence (« lors
# de la Séance du … »); an item's title (« Procès-verbal de la séance du … ») needs more.
_FUNCTION_WORD_BEFORE = re.compile(r"\b(?:de|la|le|les|du|des|en|lors|a|au|aux|sa|son|ses|cette|ce|une|un|par|pour"
                                   r"|sur|dans|depuis|et|ou|que|dont|l'|d')\s*$|'\s*$")
# « APPROBATION DU PROCÈS-VERBAL DE LA SÉANCE DU 9 DÉCEMBRE 2022 », « Compte-rendu de la réunion du
# 19 janvier 2010 : pas d'observations, adopté »: an item of this meeting that approves an earlier
# one's minutes quotes it, it does not open it.
_APPROVAL_BEFORE = re.compile(r"\b(?:approbation|adoption|approuver|adopter|lecture)\b[^.]{0,36}$")
# « 1/ COMPTE-RENDU Compte-rendu de la séance du 22 avril 2005 »: an item of the agenda.
# « - 1 - COMPTE-RENDU CONSEIL MUNICIPAL DU … » is a page number before a heading, not an item.
_ITEM_TITLE_BEFORE = re.compile(r"(?:^|\s)(?:\d{1,2}|[ivx]{1,4}) ?[/).°] ?(?:[a-z'-]+ ){0,3}$")
_APPROVAL_AFTER = re.compile(r"[^.]{0,20}\b(?:arretee?|approuvee?|adoptee?|observations?|approbation|adoption|lecture)\b"
                             r"|.{0,80}\b(?:est|a ete|sont) (?:approuvee?|adoptee?)\b")


_REGISTER_HEADING = re.compile(r"\b(?:extrait (?:du|des) registres?|registre des deliberations)\b")
_REGISTER_SPAN = 400
_ATTENDANCE_WORD = re.compile(r"\b(?:presente?s|pouvoirs?|procurations?|en exercice|absente?s?|excusee?s?|votants)\b")


def other_meeting_heading(doc: Document, meeting_date: dt.date, start: int) -> tuple | None:
    """Where, after `start` (the meeting's opening), the heading of a meeting of another date
    begins, and its text; None when there is none. A heading without a readable date, or of the
    meeting's own date (a page header restating it), is not another meeting's; nor is one before
    any word of the meeting's attendance."""
    pos = start
    while (m := _OTHER_HEADING.search(doc.fold, pos)) is not None:
        # A mention in a sentence may run into a heading (« délibérée en conseil COMMISSION DES
        # FINANCES Réunion du … »): the next candidate starts inside the last one.
        pos = m.start() + 1
        if not doc.text[m.start()].isupper():
            continue
        if not (_CAPITALS.match(doc.text, m.start())
                or _HEADING_BEFORE.search(doc.text, max(0, m.start() - 40), m.start())
                or (doc.fold.startswith(("seance", "reunion"), m.start())
                    and not _FUNCTION_WORD_BEFORE.search(doc.fold, max(0, m.start() - 20), m.start()))):
            continue
        date = date_at(doc.fold, m.end())
        if date is None:
            continue
        if (_APPROVAL_BEFORE.search(doc.fold, max(0, m.start() - 40), m.start())
                or _ITEM_TITLE_BEFORE.search(doc.fold, max(0, m.start() - 40), m.start())
                or _APPROVAL_AFTER.match(doc.fold, date.end)):
            pos = date.end
            continue
        same = (date.day, date.month) == (meeting_date.day, meeting_date.month) and date.year in (None,
                                                                                              meeting_date.year)
        if not same:
            if not _ATTENDANCE_WORD.search(doc.fold, start, m.start()):
                # Nothing of the attendance before it (« Réunion du 3 mars 2021 EXPOSÉ N°1 … Réunion du
                # 21 janvier 2021 Sous la présidence … PRÉSENTS : … »): which meeting the roll is
                # of is the date reader's question, not settled by cutting it away.
                return None
            # « EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS … Nombre de présents : 11 … Séance du 9 mai 2008 »:
            # a second extract's register heading comes before its counts and its dated title.
            begin = m.start()
            for register in _REGISTER_HEADING.finditer(doc.fold, max(start, begin - _REGISTER_SPAN), begin):
                if doc.text[register.start()].isupper() and _ATTENDANCE_WORD.search(doc.fold, start, register.start()):
                    begin = register.start()
                    break
            return begin, doc.span(m.start(), date.end)
    return None


# A count printed in a clause that notes an arrival or a departure (« Arrivée de Mme X à 20h15
# (présents : 19, votants : 23) », « Départ de M. Y. Présents : 17 ») is the count from that moment on,
# an item's, never the opening's. The noun or the verb says it (lines joined, the clause may not open
# after a stop).
_MOMENT = re.compile(r"(?:\b(?:arrivee|depart) (?:de |du |des |d')"
                     r"|(?:^|[.;:(,\u2013-] ?)(?:a l'|apres l'|apres le |lors de l'|lors du |suite a l'|suite au |des l')?"
                     r"(?:sortie|retour) (?:de |du |des |d')"
                     r"|\b(?:quitte|quittent|rejoint|rejoignent|regagne|reintegre) (?:la seance|la salle|l'assemblee"
                     r"|le conseil|les debats)"
                     r"|\b(?:arrivee?s?|entree?s?|arrive|arrivent|entre|entrent) en (?:cours de )?seance"
                     r"|\bse retirent?\b)")
_MOMENT_SPAN = 90


def _in_a_moment(text: str, start: int) -> bool:
    """Whether the count at `start` is in, or just after, a clause noting an arrival or departure
    (« M. » and « Mme » end no sentence: the span is counted in characters)."""
    return _MOMENT.search(text, max(0, start - _MOMENT_SPAN), start) is not None


def read_counts(doc: Document, moments: list | None = None) -> dict:
    """The counts of the meeting, by record field, each a Count. Given a list `moments`, the
    counts printed with an arrival or a departure are put there instead (they are an item's, not
    the opening's); without one (an item's own zone) they are read as any other."""
    doc, text = _without_rules(doc)
    text, ocr_fixed = _ocr_digits(_INCLUSIVE.sub(_plain_plural, text))
    found: dict[str, Count] = {}
    # Where the numbers a label reads as its value start: such a number is not also the count of
    # the label after it (« Procurations - 4 Présents - 20 » has no « 4 présents »).
    labelled: set = set()
    # Where the members in office read number first or in words start (« 27 en exercice, 20
    # présents, 4 pouvoirs, 24 votants »): trusted only when the run they open adds up.
    run_office: set = set()
    # Where the runs written number first start (« 67 présents 10 pouvoirs 2 excusés »).
    runs: set = set()

    def keep(field: str, value: int, start: int, end: int, confidence: float):
        if moments is not None and _in_a_moment(text, start):
            moments.append((field, Count(value, doc.span(start, end), confidence, start)))
            return
        if field == "membres_en_exercice" and field in found and found[field].confidence != confidence:
            # The members in office do not change from item to item: the surer label wins (« Nombre
            # de conseillers municipaux : 27 ; en exercice : 26 »).
            if confidence > found[field].confidence:
                found[field] = Count(value, doc.span(start, end), confidence, start)
            return
        if field not in found or start < found[field].start:
            found[field] = Count(value, doc.span(start, end), confidence, start)

    for field, confidence, regex in _LABEL_RES:
        for m in regex.finditer(text):
            if (_AFTER_BARE_LABEL.search(text, max(0, m.start() - 90), m.start())
                    and _VALUE_ROW.match(text, m.start("n"))):
                # « Nombre de présents Nombre de votants 40 26 29 », « … Votants : 15 : 12 : 14 »: the
                # label ends a row of labels, the number after it is the first column's value (read by
                # the table, below).
                continue
            if (field == "representes" and _JOINED_TO_PRESENT.search(text, max(0, m.start() - 28), m.start())
                    and not _COUNTED_PRESENT_BEFORE.search(text, max(0, m.start() - 60), m.start())):
                # « Présents/représentés : 25 », « présents + représentés : 25 »: both together.
                continue
            if field == "representes" and re.match(r"\s?:?\s?\d+\s?(?:voix|votes)", text[m.end("n"):m.end("n") + 10]):
                continue
            if field == "representes" and _DELEGATED.search(text, max(0, m.start() - 24), m.start() + 1):
                # « Délégation de pouvoirs 3 : décisions du maire »: the powers the council delegates.
                continue
            if _NEGATED.search(text, max(0, m.start() - 24), m.start() + 1):
                # « Excusés sans pouvoir : 2 », « Absents non représentés : 4 », « n'ayant pas donné
                # procuration : 4 »: the members NOT counted by the label.
                continue
            if _total_written_out(text, m.start("n"), m.end("n")):
                # « Présents : 20 + 4 pouvoirs = 24 votants »: the total written out is the count of
                # the noun after it, not the value of the label before the sign.
                continue
            if field == "presents" and _COUNTED_BEFORE_VERB.search(text, max(0, m.start() - 50), m.start()):
                # « 182 délégués étaient présents ; 2 avaient donné pouvoir »: the label is the end of a
                # count written number first; the number after it is the next count's.
                continue
            if _number_first_run(text, m):
                # « 79 conseillers en exercice : 67 présents 10 pouvoirs 2 excusés »: each number is
                # the count of the word after it, not the value of the word before.
                runs.add(_run_start(text, m))
                continue
            if _enumerated(text, m):
                # « Pouvoir 1 : Mme A à M. B. Pouvoir 2 : … »: the number of an item, not a count.
                continue
            if (_CLAUSE_AFTER_LABEL.search(text, m.start(), m.start("n")) and not text.startswith("nombre", m.start())
                    and (before := _NUMBER_AFTER_WORD.search(text, max(0, m.start() - 40), m.start()))
                    and not _VALUE_OF_LABEL_BEFORE.search(text, max(0, before.start("n") - 30), before.start("n"))):
                # « Le conseil compte 19 membres en exercice ; 14 sont présents »: the label is the noun
                # of the count before it; the number after the semicolon opens the next clause.
                continue
            labelled.add(m.start("n"))
            # A digit restored from a letter is a reading, not a print: below the gate until the
            # totals confirm it.
            keep(field, int(m.group("n")), m.start(), m.end(),
                 min(confidence, 0.85) if m.start("n") in ocr_fixed else confidence)
    for field, confidence, regex in _WORD_LABEL_RES:
        if field in found:
            continue
        for m in regex.finditer(text):
            if m.group("bare") is not None and not text.startswith("nombre d", m.start()):
                continue
            number = _number_in_words(m.group("w"), leading=True)
            if number is not None and m.group("bare") is not None and _VALUE_ROW_AFTER.match(text, m.start("w") + number[1]):
                # « Nombre de votants vingt-sept 20 3 23 »: the first of a row of values whose labels
                # came before, not the value of the last label.
                continue
            if number is not None:
                keep(field, number[0], m.start(), m.start("w") + number[1], confidence)
                break
    # The meeting's counts are stated in its opening, before its business: a clause further on
    # (« A ce moment, 21 conseillers sont présents ») is an item's, read loosely.
    business = _BUSINESS.search(text)
    opening_end = business.start() if business else len(text)
    words_clause_end = None
    for field, regex in _WORDS_FIRST:
        if field in found:
            continue
        for m in regex.finditer(text):
            # « un pouvoir », « zéro procuration »: in a run of counts the totals confirm.
            number = _number_in_words(m.group("w"), leading=False, least=0 if field == "representes" else 2)
            if number is not None:
                start = m.end("w") - number[1]
                while text[start] in " -":
                    start += 1
                if _AFTER_HOUR.search(text, max(0, start - 12), start):
                    continue
                # « À l'ouverture de la séance, vingt conseillers étaient présents ; trois avaient donné
                # pouvoir »: clauses with their verbs, as in figures below.
                stated = (field == "presents" and _STATED.search(m.group(0)) is not None
                          and start < opening_end and _CLAUSE_START.search(text, max(0, start - 40), start) is not None)
                if (field == "representes" and words_clause_end is not None
                        and _REPRESENTED_WORDS_VERB.search(m.group(0))
                        and _NEXT_CLAUSE.fullmatch(text, words_clause_end, start)):
                    stated = True
                if stated and field == "presents":
                    words_clause_end = m.end()
                keep(field, number[0], start, m.end(), 0.9 if stated else 0.85)
                run_office.add(start)
                break
    clause_end = None
    for field, regex in _NUMBER_FIRST:
        for m in regex.finditer(text):
            if m.start("n") in labelled:
                continue
            if _taken_before(text, m, field, _END_OF_TWO_VALUES):
                # « Membres en exercice 15 Membres présents 9 »: 15 is the value of the label before;
                # « Absents : 2 3 2 3 Pouvoirs : 10 9 »: 3 ends a row of values, one per item range.
                continue
            if _ITEM_NUMBER_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                # « 22 à partir du point 4 Pouvoirs : 3 »: 4 numbers an item.
                continue
            if _PAGE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                # « Page 1/5 44 PRÉSENTS : … »: a page's footer, then the header line it repeats.
                continue
            if len(m.group("n")) > 3 or _AFTER_MONTH.search(text, max(0, m.start() - 12), m.start()) \
                    or _AFTER_HOUR.search(text, max(0, m.start() - 12), m.start()):
                # « Date de la convocation : 9 juin 2017 Étaient présents : … » is a year, not a count.
                continue
            # « 18 membres du Bureau étaient présents : Mme … » heads the list it counts; a count in
            # passing (« le quorum est de 18 membres présents ») is weaker.
            heading = "heading" in regex.groupindex and m.group("heading") is not None
            # « A l'ouverture de la séance, 182 délégués étaient présents ; 2 avaient donné pouvoir »: a
            # clause of its own that states the count, as sure as a label; the represented that follow
            # in the same sentence are its other half.
            stated = (field == "presents" and _STATED.search(m.group(0)) is not None and m.start() < opening_end
                      and _CLAUSE_START.search(text, max(0, m.start() - 40), m.start()) is not None)
            if (field == "representes" and clause_end is not None
                    and _NEXT_CLAUSE.fullmatch(text, clause_end, m.start())):
                stated = True
            if stated and field == "presents":
                clause_end = m.end()
            keep(field, int(m.group("n")), m.start(), m.end(),
                 0.9 if heading or stated or field == "membres_en_exercice" else 0.85)
    for field, regex in _LOOSE_NUMBER_FIRST:
        if field in found:
            if field == "membres_en_exercice":
                # « Nombre de conseillers : 27 en exercice, 20 présents … »: the label before and the
                # run read the same number; the run may confirm it.
                same = found[field]
                for m in regex.finditer(text, same.start, same.start + 60):
                    if int(m.group("n")) == same.value:
                        run_office.add(same.start)
                        break
            continue
        for m in regex.finditer(text):
            if m.start("n") in labelled:
                continue
            if _taken_before(text, m, field, _END_OF_ONE_VALUE):
                # « Excusés 4 Représentés 3 »: 4 is the value of the label before; « 27 20 3 23 En
                # exercice Présents … »: 23 ends a row of values whose labels follow.
                continue
            if (_ITEM_NUMBER_BEFORE.search(text, max(0, m.start() - 30), m.start())
                    or _AFTER_HOUR.search(text, max(0, m.start() - 12), m.start())):
                continue
            keep(field, int(m.group("n")), m.start(), m.end(), 0.85)
            run_office.add(m.start())
            break
    for start in sorted(runs)[:1]:
        _read_number_first_run(doc, text, start, found)
    for m in _EXCUSED_WITH_PROXY.finditer(text):
        inside = found.get("representes")
        if inside is not None and inside.start >= m.start() and inside.confidence < 0.9:
            # « Absents excusés : 7 (dont 3 ont donné pouvoir) »: the loose « 3 ont donné pouvoir »
            # is the part the label prints.
            del found["representes"]
        if "representes" not in found and int(m.group("n")) <= int(m.group("a")):
            keep("representes", int(m.group("n")), m.start(), m.end(), 0.9)
        break
    for m in _TABLE.finditer(text):
        numbers = [int(n) for n in m.group("numbers").split()]
        labels = _table_labels(m.group("labels"))
        if len(labels) == len(numbers):
            paired = dict(zip(labels, numbers))
            # Values first, labels after, whose own columns add up (présents + procurations =
            # votants): paired right, as the table with labels first below.
            adds_up = len(paired) == len(labels) and _columns_hold(paired)
            for field, value in zip(labels, numbers):
                if field != "absents":
                    keep(field, value, m.start(), m.end(), 0.9 if adds_up else 0.7)

    for m in _RATIO.finditer(text):
        label = m.group("label")
        field = ("presents" if "present" in label else "representes" if "represent" in label else "votants")
        numerator, denominator = int(m.group("n")), int(m.group("d"))
        if numerator > denominator or denominator == 0:
            continue
        # A ratio is printed for the purpose: it beats a bare number found elsewhere.
        found[field] = Count(numerator, doc.span(m.start(), m.end()), 0.9, -1)
        if field == "presents" and "membres_en_exercice" not in found:
            # « Présents : 18/27 »: the denominator is printed for the members in office.
            found["membres_en_exercice"] = Count(denominator, doc.span(m.start(), m.end()), 0.9, m.start())
    for m in _RATIO_FIRST.finditer(text):
        numerator, denominator = int(m.group("n")), int(m.group("d"))
        if "presents" not in found and 0 < numerator <= denominator:
            # « 18/27 présents »: the ratio written before its word, as sure as after its label.
            found["presents"] = Count(numerator, doc.span(m.start(), m.end()), 0.9, m.start())
            if "membres_en_exercice" not in found:
                found["membres_en_exercice"] = Count(denominator, doc.span(m.start(), m.end()), 0.9, m.start())
        break
    for m in _OFFICE_RATIO.finditer(text):
        if int(m.group("n")) <= int(m.group("d")):
            keep("membres_en_exercice", int(m.group("n")), m.start(), m.end(), 0.9)
        break
    for m in _TABLE_AFTER.finditer(text):
        paired = dict(_header_table(m.group("labels"), m.group("values")))
        # A table whose own columns add up (présents + procurations = votants) is paired right.
        adds_up = _columns_hold(paired)
        office = found.get("membres_en_exercice")
        if (not adds_up and "membres_en_exercice" not in paired and office is not None and office.confidence >= 0.9
                and office.start < m.start() and _columns_hold(dict(paired, membres_en_exercice=office.value))):
            # « Nombre de délégués en exercice : 54 Nombre de présents Nombre de votants 31 33 »: the members in
            # office printed with their own value just before the flattened columns hold them as well.
            adds_up = True
        for field, value in paired.items():
            if field not in ("absents", "date"):
                keep(field, value, m.start(), m.end(), 0.9 if adds_up else 0.75)
    for field, (value, start, end) in _bracket_counts(text).items():
        if field not in found:
            found[field] = Count(value, doc.span(start, end), 0.9, start)
    for m in _HEADING_COUNT.finditer(text):
        keep("presents", int(m.group("n") or m.group("n2")), m.start(), m.end(), 0.9)
        break
    for m in _HEADING_COUNT_REPRESENTED.finditer(text):
        keep("representes", int(m.group("n")), m.start(), m.end(), 0.9)
        break
    for m in _OUT_OF.finditer(text):
        present, office = int(m.group("n") or m.group("n2")), int(m.group("d") or m.group("d2"))
        if present <= office:
            same = found.get("presents")
            if same is not None and same.start >= m.start() - 1 and same.value == present:
                # « 22 présents sur 29 conseillers », read number first too: the same count, surer.
                found["presents"] = Count(present, doc.span(m.start(), m.end()), 0.9, same.start)
            keep("presents", present, m.start(), m.end(), 0.9)
            keep("membres_en_exercice", office, m.start(), m.end(), 0.9 if m.group("office") else 0.85)
        break
    _sentence_counts(doc, text, found, keep)
    for m in _PARTS.finditer(text):
        keep("presents", int(m.group("p")), m.start(), m.end(), 0.85)
        keep("representes", int(m.group("r")), m.start(), m.end(), 0.85)
        break
    if "representes" not in found:
        for m in _NONE_REPRESENTED.finditer(text):
            if not _NEGATED.search(text, max(0, m.start() - 24), m.start() + 1):
                keep("representes", 0, m.start(), m.end(), 0.9)
            break
    part_of_together = None
    for m in _TOGETHER_WITH_PROXIES.finditer(text):
        if "representes" not in found and int(m.group("r")) <= int(m.group("t")):
            found["representes"] = part_of_together = Count(int(m.group("r")), doc.span(m.start(), m.end()), 0.9,
                                                            m.start())
        break
    for m in _VOTERS_WITH_PROXIES.finditer(text):
        if "representes" not in found and int(m.group("r")) <= int(m.group("v")):
            found["representes"] = Count(int(m.group("r")), doc.span(m.start(), m.end()), 0.9, m.start())
        break
    for m in _RUN.finditer(text):
        present, represented, voters = int(m.group("p")), int(m.group("r")), int(m.group("v"))
        if present + represented == voters:
            for field, value in (("presents", present), ("representes", represented), ("votants", voters)):
                if field not in found or found[field].value == value or found[field].confidence < 0.9:
                    found[field] = Count(value, doc.span(m.start(), m.end()), 0.9, m.start())
        break
    for regex in (_SPLIT, _SPLIT_BRACKETED):
        for m in regex.finditer(text):
            voters, present, represented = int(m.group("v") or m.groupdict().get("v2")), int(m.group("p")), int(m.group("r"))
            if present + represented != voters:
                continue
            for field, value in (("votants", voters), ("presents", present), ("representes", represented)):
                if field not in found or found[field].value == value or (
                        regex is _SPLIT_BRACKETED and found[field].confidence < 0.9):
                    found[field] = Count(value, doc.span(m.start(), m.end()), 0.9, m.start())
            break
    rows = _item_rows(text)
    if rows is not None and "membres_en_exercice" not in found:
        value, start, end = rows
        found["membres_en_exercice"] = Count(value, doc.span(start, end), 0.9, start)
    _trust_office_in_a_run(found, run_office)
    _excused_and_absent_apart(doc, text, found)
    _all_present(doc, text, found)
    together = found.pop("presents_et_representes", None)
    present = found.get("presents")
    if together is not None and present is not None and "representes" not in found and together.value >= present.value:
        # « Présents : 21 … Présents ou représentés : 25 »: the other 4 are represented.
        found["representes"] = Count(together.value - present.value, present.source + " ; " + together.source,
                                     min(together.confidence, present.confidence), together.start)
    elif together is not None and present is None and found.get("representes") is part_of_together is not None:
        # Only the part printed in the same phrase as the sum: a number represented read elsewhere
        # may be another item's or a loose reading.
        represented = found["representes"]
        if together.value >= represented.value:
            # « Présents ou représentés : 23 dont 3 pouvoirs »: the other 20 are present; a difference,
            # not a print, below the gate until a total confirms it.
            found["presents"] = Count(together.value - represented.value,
                                      f"calculé : présents ou représentés ({together.value}) − représentés "
                                      f"({represented.value}) (« {together.source} »)",
                                      min(together.confidence, represented.confidence, 0.85), together.start)
    titulaires = found.pop("presents_titulaires", None)
    suppleants = found.pop("presents_suppleants", None)
    if titulaires is not None:
        value = titulaires.value + (suppleants.value if suppleants else 0)
        source = titulaires.source + (" ; " + suppleants.source if suppleants else "")
        if "presents" not in found or found["presents"].start > titulaires.start:
            found["presents"] = Count(value, source, 0.85, titulaires.start)
    else:
        suppleants = suppleants or _suppleants_added(doc, text)
    present, represented, voters = (found.get(k) for k in ("presents", "representes", "votants"))
    if (titulaires is None and suppleants is not None and None not in (present, represented, voters)
            and present.value + represented.value != voters.value
            and present.value + suppleants.value + represented.value == voters.value):
        # « Présents : 18 ; suppléants présents : 2 ; pouvoirs : 3 ; votants : 23 »: the suppléants
        # sitting for a titular delegate vote as members present, as the votants show.
        found["presents"] = Count(present.value + suppleants.value,
                                  f"{present.source} + {suppleants.source} (votants : {voters.value})", 0.9,
                                  present.start)
    return found


# « Excusés : 10 ; Absents : 5 », « Absents excusés : 10 Absents non excusés : 5 »: the excused and the
# absent printed apart, each a part of the members not present (the excused who gave a proxy among
# them or not: coherence.py allows both).
_EXCUSED_PART = re.compile(r"\b(?:absente?s? )?excusee?s?\b(?! (?:avec|ayant|sans|representee?s?|non)\b)"
                           r"(?: *[:=-] *| +)(?P<n>\d{1,3})\b(?![/.,]\d)(?! ?(?:dont|\(dont))")
_ABSENT_PART = re.compile(r"\babsente?s?(?: non excusee?s?)?(?! excuse| ayant| avec| representee?s?| sans)"
                          r"(?: *[:=-] *| +)(?P<n>\d{1,3})\b(?![/.,]\d)")


def _excused_and_absent_apart(doc: Document, text: str, found: dict) -> None:
    """The excused and the absent printed apart near each other make up the members not present: their
    sum is the number the cross-checks add to the présents (and représentés)."""
    excused = next(_EXCUSED_PART.finditer(text), None)
    if excused is None:
        return
    window = text[max(0, excused.start() - 200):excused.end() + 200]
    offset = max(0, excused.start() - 200)
    absent = next((m for m in _ABSENT_PART.finditer(window)
                   if not (m.start() + offset <= excused.start() < m.end() + offset)), None)
    if absent is None:
        return
    start, end = sorted((excused.start(), absent.start() + offset))[0], max(excused.end(), absent.end() + offset)
    found["absents"] = Count(int(excused.group("n")) + int(absent.group("n")), doc.span(start, end), 0.9, start)


def _trailing_number(words: str) -> tuple | None:
    """(value, characters) of the number that ends `words` (« avec vingt »: 20), or None."""
    if words.isdigit():
        return int(words), len(words)
    return _number_in_words(words, leading=False)


def _sentence_counts(doc: Document, text: str, found: dict, keep) -> None:
    """Counts written in a sentence (`_OUT_OF_OFFICE`, `_OFFICE_OF_WHICH`, `_PRESENT_OUT_OF`,
    `_BEING_PRESENT`), the first of each form; a number that is neither figures nor words is passed
    over. The sentence is surer than a number-first pattern that read the same number inside it."""

    def take(field, value, start, end, confidence):
        same = found.get(field)
        if same is not None and start - 1 <= same.start <= end and same.value == value and same.confidence < confidence:
            found[field] = Count(value, doc.span(start, end), confidence, start)
        keep(field, value, start, end, confidence)

    for regex in (_OUT_OF_OFFICE, _OFFICE_OF_WHICH):
        for m in regex.finditer(text):
            office, present = _sentence_number(m.group("d")), _sentence_number(m.group("n"))
            if regex is _OFFICE_OF_WHICH and office is None:
                number = _trailing_number(m.group("d"))
                office = number[0] if number is not None else None
            represented = _sentence_number(m.group("r")) if m.group("r") else None
            if office is None or present is None or present > office:
                continue
            take("membres_en_exercice", office, m.start(), m.end(), 0.9)
            take("presents", present, m.start(), m.end(), 0.9)
            if represented is not None and present + represented <= office:
                # The represented at the end of the sentence, read loosely as in a run (« … et trois
                # représentés »): the totals must confirm them.
                # « … et 3 ont donné pouvoir »: a clause with its verb states the count, as the présents.
                stated = _REPRESENTED_VERB.match(text, m.end("r"), m.end()) is not None
                take("representes", represented, m.start(), m.end(), 0.9 if stated else 0.85)
            break
    for m in _PRESENT_OUT_OF.finditer(text):
        number, office = _trailing_number(m.group("n")), _sentence_number(m.group("d"))
        if number is None or office is None or number[0] > office:
            continue
        start = m.end("n") - number[1]
        take("presents", number[0], start, m.end(), 0.9)
        # « 20 présents sur 27 » names no noun: out of how many, the members in office at most.
        take("membres_en_exercice", office, start, m.end(), 0.9 if m.group("office") else 0.85)
        break
    for m in _MET_IN_NUMBER.finditer(text):
        present = _sentence_number(m.group("n"))
        office = _sentence_number(m.group("d")) if m.group("d") else None
        if present is None or office is not None and present > office:
            continue
        take("presents", present, m.start("n"), m.end(), 0.9)
        if office is not None:
            take("membres_en_exercice", office, m.start("n"), m.end(), 0.9 if m.group("office") else 0.85)
        break
    for m in _BEING_PRESENT.finditer(text):
        number = _trailing_number(m.group("n"))
        if number is not None:
            take("presents", number[0], m.end("n") - number[1], m.end(), 0.9)
            break


def _trust_office_in_a_run(found: dict, run_office: set) -> None:
    """The members in office read number first or in words (« Délégués : 54 en exercice, 40
    présents, 3 pouvoirs, 43 votants ») are trusted when the run they belong to adds up: présents +
    représentés = votants read next to them, and no more present and represented than in office."""
    office = found.get("membres_en_exercice")
    if office is None or office.start not in run_office or office.confidence >= 0.9:
        return
    present, represented, voters = (found.get(k) for k in ("presents", "representes", "votants"))
    if present is None or voters is None:
        return
    if represented is None:
        # « 28 en exercice, 26 présents, 26 votants »: no proxy, the run adds up without one.
        if present.value != voters.value:
            return
        represented = Count(0, "", office.confidence, present.start)
    parts = (present, represented, voters)
    starts = [office.start] + [p.start for p in parts]
    if (present.value + represented.value == voters.value <= office.value
            and max(starts) - min(starts) <= 200 and min(starts) == office.start):
        found["membres_en_exercice"] = Count(office.value, office.source, 0.9, office.start)


# « Tous les membres en exercice étaient présents », « Présents : tous »: nobody absent nor
# represented; not « … présents ou représentés », nor « … sauf M. X » (read by difference,
# checker/reader/assemble.py), nor « ont signé tous les membres présents » (no verb: a noun phrase).
# The words after « tous » are taken whole (possessive): « Présents : tous les membres en exercice, à
# l'exception de … » must not be read as « Présents : tous » followed by other words.
_EXCEPT = r"(?!,? ?(?:ou |et )?(?:representee?s?|a l'exception|sauf|excepte|hormis|moins|a part)\b)"
_ALL_PRESENT = re.compile(
    r"\b(?:tous les|l'ensemble des) (?:membres|conseillers|delegues|elus)(?: municipaux| communautaires| syndicaux)?"
    r"(?: en exercice)?(?: du (?:conseil|comite)(?: municipal| communautaire| syndical)?)?,? "
    r"(?:etaient|sont|etant|furent) presente?s\b" + _EXCEPT
    + r"|\bpresents ?: ?tous(?: les (?:membres|conseillers|delegues)(?: en exercice)?+)?+\b" + _EXCEPT)


def _all_present(doc, text: str, found: dict) -> None:
    """Everyone in office present, as the text says: présents = en exercice, nobody represented;
    read loosely, the totals (présents + représentés + absents = en exercice) must confirm it."""
    office = found.get("membres_en_exercice")
    if office is None or "presents" in found or found.get("representes", Count(0, "", 0, 0)).value:
        return
    m = _ALL_PRESENT.search(text)
    if m is None:
        return
    source = doc.span(m.start(), m.end())
    found["presents"] = Count(office.value, f"{source} ({office.value} en exercice)", 0.85, m.start())
    if "representes" not in found:
        found["representes"] = Count(0, source, 0.85, m.start())


# « Présents : 38 + 2 suppléants »: suppléants sitting, written after the count of titulaires.
# « Présents : 38 + 2 suppléants », « Présents : 30 titulaires et 2 suppléants ».
_SUPPLEANTS_ADDED = re.compile(r"\bpresents ?:? ?\d{1,3} (?:(?:delegues )?titulaires )?(?:\+|et|,) ?(?P<n>\d{1,3}) "
                               r"(?:delegues )?suppleants?\b")


def _suppleants_added(doc: Document, text: str) -> Count | None:
    m = _SUPPLEANTS_ADDED.search(text)
    return Count(int(m.group("n")), doc.span(m.start(), m.end()), 0.9, m.start()) if m else None


def read_item_counts(doc: Document, start: int, end: int, office: int | None) -> dict:
    """The counts one deliberation prints in its own zone (« Présents : 21 Votants : 25 » after
    its heading), by field: those of that item only, never the meeting's. Kept only when they hold
    together: présents ≤ votants, présents + représentés = votants when the three are printed, and
    no more present or voting than members in office."""
    part = Document.__new__(Document)
    part.text, part.fold = doc.text[start:end], doc.fold[start:end]
    found = {k: c for k, c in read_counts(part).items() if k in ("presents", "representes", "votants")}
    present, represented, voters = (found[k].value if k in found else None
                                    for k in ("presents", "representes", "votants"))
    if present is not None and voters is not None and present > voters:
        return {}
    if None not in (present, represented, voters) and present + represented != voters:
        return {}
    if office is not None and any(v is not None and v > office for v in (present, voters)):
        return {}
    return found


# « Le quorum étant atteint », « les membres présents formant la majorité des membres en exercice »: the
# text states that the members present make the quorum; not « le quorum n'étant pas atteint », nor a
# quorum's definition (« le quorum est atteint lorsque … », « si le quorum … »).
_QUORUM_STATED = re.compile(
    r"\b(?<!si le )(?<!pas de )quorum (?:etant |est |a ete |ayant ete )?(?:atteint|constate|reuni)\b(?! (?:lorsque|si|quand)\b)"
    r"|\b(?:formant|forment|formaient|forme|constituant|constituent|representant|representent) (?:ainsi )?"
    r"la majorite (?:absolue )?(?:des|de ses) (?:membres|conseillers|delegues)(?: municipaux| communautaires"
    r"| syndicaux)?(?: du (?:conseil|comite)(?: municipal| communautaire| syndical)?)? en exercice\b")
_QUORUM_NEGATED = re.compile(r"\b(?:n'|ne |non |pas )")


def quorum_stated(doc: Document) -> str | None:
    """Where the text states that the members present make the quorum, or None."""
    for m in _QUORUM_STATED.finditer(doc.fold):
        if _QUORUM_NEGATED.search(doc.fold, max(0, m.start() - 12), m.end()):
            continue
        return doc.span(m.start(), m.end())
    return None

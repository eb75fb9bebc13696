"""French dates and times, in digits and in words, as councils write them.

« L'an deux mil vingt-trois, le jeudi 30 novembre à 18h45 », « le seize février deux mille
vingt-trois à dix-neuf heures », « 23 FEV.2023 », « 02/ 02/2023 ». Every pattern here runs on
folded text (see normalize.py) and uses bounded repetition only, so that no input makes it
backtrack for long.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from text_to_num import alpha2digit, text2num

_UNITS = {
    "un": 1, "une": 1, "premier": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60,
}
_WORD = (r"(?:premier|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize"
         r"|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|mil)")
NUMBER_WORDS = rf"\b{_WORD}\b(?:[ -]{{1,2}}(?:et[ -]{{1,2}})?{_WORD}\b){{0,8}}"

MONTHS = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}
MONTH_NAMES = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
               "septembre", "octobre", "novembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_MONTH = (r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre"
          r"|decembre|janv|fevr|fev|avr|juil|sept|oct|nov|dec)")
WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"

_DAY = rf"(?:\d{{1,2}}(?: ?er)?|{NUMBER_WORDS})"
_YEAR = rf"(?:\d{{4}}|{NUMBER_WORDS})"

# A date in words or with the month spelled out; the year may be missing (« le 19 décembre »,
# after « L'an deux mille vingt-trois »).
TEXT_DATE = (rf"(?:{WEEKDAY}[ ,]{{1,2}})?(?P<day>{_DAY})(?: du mois d(?:e |')|[ -]?)(?P<month>{_MONTH})\b\.?"
             rf"(?:[ ,]{{0,2}}(?P<year>{_YEAR})\b)?")
# « le lundi 12/10/2015 »: a weekday before a date in figures, as before one in words.
NUMERIC_DATE = rf"(?:{WEEKDAY}[ ,]{{1,2}})?(?P<nd>\d{{1,2}}) ?[/.-] ?(?P<nm>\d{{1,2}}) ?[/.-] ?(?P<ny>\d{{4}}|\d{{2}})\b"
# « 2019-03-12 » (ISO 8601, printed by software): never a number's tail (« n° 2019-03-12 », « DEL-2019-03-12 »).
ISO_DATE = r"(?<![\w/°.-])(?<!n° )(?<!no )(?P<iy>(?:19|20)\d{2})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\w/-])"
DATE = rf"(?:\b{NUMERIC_DATE}|\b{TEXT_DATE}|{ISO_DATE})"
DATE_RE = re.compile(DATE)
# The same pattern without named groups, to embed more than once in a larger pattern.
DATE_PLAIN = re.sub(r"\(\?P<\w+>", "(?:", DATE)

# « dix-neuf heures et trente minutes »: « et » before the minutes.
# « 18h.30 », « 18 h. 30 », « 18.30 heures »: a full stop between the hour and its minutes; « 18 heures
# et demie »: « et » before « demie » as before the minutes.
_TIME_DIGITS = (rf"(?P<h>\d{{1,2}}) ?(?:(?:heures?|h)(?![a-z])\.?|:(?=[0-5]\d(?!\d))|[.,](?=[0-5]\d ?(?:heures?|h)\b))"
                rf" ?(?:et )?(?:(?P<m>[0-5]\d(?!\d)|\d(?= ?minutes?\b))"
                rf"|(?P<mw2>(?:et )?demie|(?:et )?quart|{NUMBER_WORDS}))?(?: ?minutes?| ?(?:heures?|h)\b)?")
_TIME_WORDS = (rf"(?P<hw>{NUMBER_WORDS}) heures?\b(?: (?:et (?!demie|quart))?(?P<mw>et demie|et quart|\d{{2}}\b|{NUMBER_WORDS})"
               r"(?: minutes?)?)?")
# « à midi », « à midi trente »
_TIME_NOON = r"(?P<noon>midi)\b(?: (?P<noonm>et demie?|trente|quinze|\d{2}\b))?"
TIME = rf"(?:{_TIME_DIGITS}|{_TIME_WORDS}|{_TIME_NOON})"
TIME_RE = re.compile(TIME)


def words_to_int(words: str) -> int | None:
    """The value of a French number written in words (« deux mil vingt et deux » = 2022).

    text2num (the maintained French number parser) reads it; « premier » is the only ordinal of
    dates. A garbled run (« vingt deux trois ») that text2num refuses gives None.
    """
    cleaned = " ".join(t for t in re.split(r"[ -]+", words.strip()) if t)
    if not cleaned:
        return None
    if cleaned in ("premier", "une"):
        return 1
    try:
        value = text2num(cleaned, "fr")
    except ValueError:
        digits = alpha2digit(cleaned, "fr")
        return int(digits) if digits.isdigit() else None
    return value if isinstance(value, int) and value >= 0 else None


def number(text: str) -> int | None:
    """An integer written in digits or in words."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if text in ("1er", "1 er"):
        return 1
    return words_to_int(text)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: int | None

    @property
    def date(self) -> dt.date | None:
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    def with_year(self, year: int) -> dt.date | None:
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None

    @property
    def weekday_agrees(self) -> bool:
        date = self.date
        return self.weekday is None or date is None or date.weekday() == self.weekday


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = number(text)
    if value is None:
        return None
    if len(text) == 2 and text.isdigit():
        value += 2000
    return value if 1950 <= value <= 2100 else None


def date_from_match(m: re.Match, offset: int = 0) -> DateMatch | None:
    """A DateMatch from a match of DATE (or of a pattern embedding its groups)."""
    groups = m.groupdict()
    if groups.get("nd"):
        day, month = int(groups["nd"]), int(groups["nm"])
        year = _year(groups["ny"])
        found = re.match(WEEKDAY, m.group(0))
        weekday = WEEKDAYS.index(found.group(0)) if found else None
    elif groups.get("iy"):
        day, month, year, weekday = int(groups["id"]), int(groups["im"]), _year(groups["iy"]), None
    elif groups.get("day"):
        day = number(groups["day"])
        month = MONTHS.get(groups["month"])
        year = _year(groups.get("year"))
        found = re.match(WEEKDAY, m.group(0))
        weekday = WEEKDAYS.index(found.group(0)) if found else None
    else:
        return None
    if not day or not month or not 1 <= day <= 31 or not 1 <= month <= 12:
        return None
    if year is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
    return DateMatch(m.start() + offset, m.end() + offset, day, month, year, weekday)


def find_dates(folded: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every date found in `folded[start:end]`."""
    found = []
    for m in DATE_RE.finditer(folded, start, len(folded) if end is None else end):
        date = date_from_match(m)
        if date is not None:
            found.append(date)
    return found


def date_at(folded: str, pos: int, limit: int = 60) -> DateMatch | None:
    """The date starting at `pos` (after optional spaces), if any."""
    m = DATE_RE.match(folded, pos, min(len(folded), pos + limit))
    if m is None:
        return None
    return date_from_match(m)


def time_from_match(m: re.Match) -> str | None:
    """« HH:MM » from a match of TIME."""
    groups = m.groupdict()
    if groups.get("h"):
        hour = int(groups["h"])
        if groups.get("m"):
            minute = int(groups["m"])
        elif groups.get("mw2"):
            words = groups["mw2"]
            minute = 30 if words.endswith("demie") else 15 if words.endswith("quart") else words_to_int(words)
        else:
            minute = 0
    elif groups.get("hw"):
        hour = words_to_int(groups["hw"])
        words = groups.get("mw")
        if not words:
            minute = 0
        elif words == "et demie":
            minute = 30
        elif words == "et quart":
            minute = 15
        else:
            minute = number(words)
    elif groups.get("noon"):
        hour = 12
        words = groups.get("noonm")
        minute = 0 if not words else 30 if words.startswith("et demi") else number(words)
    else:
        return None
    if hour is None or minute is None or not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return f"{hour:02d}:{minute:02d}"


# « à 18h45 », « , à dix-neuf heures », « (20h30) », « - 18 h 30 »
# « de 18h00 à 20h30 »: the meeting began at the first.
# « JEUDI 19 DÉCEMBRE 2019 • 18H30 »: a bullet or a dash between a title's date and its hour.
_TIME_AT = re.compile(rf"[ ,(•·–-]{{0,3}}(?:a |des |vers |de )?{TIME}")


def time_at(folded: str, pos: int, limit: int = 50) -> tuple[str, int] | None:
    """The time written at `pos` (« à 18h45 », « à dix-neuf heures trente »), with its end."""
    m = _TIME_AT.match(folded, pos, min(len(folded), pos + limit))
    if m is None:
        # « à neufheures »: the hour's word glued to « heures » by extraction.
        window = folded[pos:min(len(folded), pos + limit)]
        mended = _GLUED_HOURS.sub(r"\1 heure", window)
        if mended == window:
            return None
        m = _TIME_AT.match(mended)
        if m is None or not (value := time_from_match(m)):
            return None
        return value, pos + m.end() - mended.count(" heure", 0, m.end()) + window.count(" heure", 0, m.end())
    value = time_from_match(m)
    return (value, m.end()) if value else None


_GLUED_HOURS = re.compile(r"\b(un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
                          r"|vingt|vingt-et-une?|vingt-deux|vingt-trois)heure")


# « À 18 h 30, le jeudi 22 février 2018, le conseil … s'est réuni »: the hour before the date.
_TIME_BEFORE = re.compile(rf"(?:^|[.;:] |\b)a {TIME} ?, ?$")


def time_before(folded: str, pos: int, limit: int = 45) -> str | None:
    """The time written just before `pos`, as « à 18h30, » ahead of the date that starts there."""
    m = _TIME_BEFORE.search(folded, max(0, pos - limit), pos)
    return time_from_match(m) if m else None


def in_words(date: dt.date) -> str:
    """« 19 décembre 2023 »."""
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


_UNIT_WORDS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
               "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"]
_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}


def int_to_words(n: int) -> str:
    """French words for 0 <= n < 100 000, hyphenated the 1990 way (« vingt-trois »)."""
    if n < 17:
        return _UNIT_WORDS[n]
    if n < 20:
        return "dix-" + _UNIT_WORDS[n - 10]
    if n < 70:
        tens, unit = divmod(n, 10)
        word = _TENS[tens * 10]
        if unit == 0:
            return word
        return f"{word}-et-un" if unit == 1 else f"{word}-{_UNIT_WORDS[unit]}"
    if n < 80:
        return "soixante-et-onze" if n == 71 else "soixante-" + int_to_words(n - 60)
    if n < 100:
        return "quatre-vingts" if n == 80 else "quatre-vingt-" + int_to_words(n - 80)
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else f"{_UNIT_WORDS[hundreds]}-cent"
        if rest == 0:
            return head + ("s" if hundreds > 1 else "")
        return f"{head}-{int_to_words(rest)}"
    thousands, rest = divmod(n, 1000)
    head = "mille" if thousands == 1 else f"{int_to_words(thousands)}-mille"
    return head if rest == 0 else f"{head}-{int_to_words(rest)}"

"""The meeting's date, time and place, and the convocation.

The date is taken, by order of trust, from « L'an deux mille vingt-trois, le 19 décembre »,
from « Le vingt-deux juin deux mille vingt-deux … s'est réuni », from « s'est réuni … le
25 janvier 2023 », from a heading « Séance du 13 décembre 2022 » or « Conseil municipal …
lundi 16 janvier 2023 », and last from the date inside the ACTES identifier. A heading that
names another meeting (« approbation du procès-verbal de la séance du … ») is passed over, as is a
date that another word governs in the formula's clause (a convocation, a stamp, another body's
meeting). The date is sure only when something confirms it — its printed weekday, another passage,
the convocation before it, a stamp after it (`confirmed_by_order`) — and two readings that nothing
tells apart keep it below the accusation threshold, with the reason.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from checker.reader.dates import (DATE, DATE_PLAIN, NUMBER_WORDS, TEXT_DATE, TIME, WEEKDAY, WEEKDAYS, date_at, date_from_match,
                                  find_dates, number, time_at, time_before)
from checker.reader.normalize import Document
from checker.reader.stamps import actes_day, read_actes_ids, read_stamps

_YEAR = rf"(?P<lan>\d{{4}}|{NUMBER_WORDS})"
_LAN = re.compile(rf"\bl'an {_YEAR}\b[ ,]{{0,3}}(?:et )?(?:le |ce )?(?P<date>{TEXT_DATE})")
# « Le 04/03/2019 à 20h00, le Conseil … s'est réuni » as well as « Le quatre mars deux mille dix-neuf ».
# « Mardi 12 décembre 2023 à 20 heures, le Conseil municipal … s'est réuni »: a weekday leads.
_LE_DATE_REUNI = re.compile(rf"(?:(?:^|[.:] |\b)le |(?:^|[.:] )(?={WEEKDAY} ))(?P<date>{DATE_PLAIN})")
_REUNI = re.compile(r"\b(?:s'est|se sont|se reunit|se reunira|s'est tenue?|se tiendra)(?: reunie?s?)?\b"
                    # « Le conseil municipal, réuni le 12 mars 2024 à 19 h, … »
                    r"|(?<=, )(?:reunie?s?|assemblee?s?)(?= (?:le|en seance|en session)\b)")
_HEADING = re.compile(
    rf"\b(?:seance|reunion|session)(?: publique| ordinaire| extraordinaire| officielle| pleniere)?(?: du (?:conseil municipal|conseil"
    rf" communautaire|comite syndical|conseil syndical|conseil metropolitain|conseil))? (?:du |en date du )?"
    rf"(?:{WEEKDAY} )?(?P<date>{DATE_PLAIN})"
    rf"|\b(?:conseil municipal|conseil communautaire|comite syndical|conseil syndical|conseil metropolitain"
    # « BUREAU du lundi 6 janvier 2020 », « Bureau communautaire du … »
    rf"|bureau(?: communautaire| syndical| metropolitain)?(?= du))"
    rf"(?:[ a-z'-]{{0,60}}?)(?: du | )(?:{WEEKDAY} )?(?P<date2>{DATE_PLAIN})"
    # « Réunion du Conseil de l'Eurométropole de Strasbourg du vendredi 16 décembre 2022 »,
    # « REUNION DU CONSEIL DE COMMUNAUTE DU 13 FEVRIER 2020 »
    # « Compte rendu du Conseil de Communauté du 23 février 2006 », « Procès-verbal du comité syndical du … »
    rf"|\b(?:seance|reunion|session|compte[- ]rendu|proces[- ]verbal) (?:du|de la|de l') ?(?:conseil|comite|bureau"
    rf"|assemblee)[ a-z'-]{{0,60}}? du "
    rf"(?:{WEEKDAY},? )?(?P<date3>{DATE_PLAIN})"
    # A page footer « PV du 8 février 2024 », « Compte rendu du 12 mars 2024 ».
    rf"|\b(?:pv|proces[- ]verbal|compte[- ]rendu)(?: de (?:la )?seance)? du (?:{WEEKDAY} )?(?P<date4>{DATE_PLAIN})"
    # A header box's label: « Date de la séance : 12/12/2023 », « Date de réunion : … ».
    rf"|\bdate (?:de (?:la )?|du )?(?:seance|reunion|conseil(?: municipal| communautaire)?|comite(?: syndical)?)"
    rf" ?:? ?(?:le |du )?(?:{WEEKDAY},? )?(?P<date5>{DATE_PLAIN})"
    # « CM 07/05/2020 Point N°09B »: the council's initials before its day, a running header.
    rf"|\bcm (?:du )?(?P<date6>\d{{1,2}}/\d{{1,2}}/\d{{4}})\b")
_OTHER_MEETING = re.compile(r"approbation|approuve|proces[- ]?verbal d[eu]|compte[- ]rendu d[eu]|precedente?|"
                            r"derniere?|prochaine?|lecture|rappelle|adopte|du conseil municipal du$|\bsa seance"
                            r"|\blors de|\bpar deliberation|\bvu la deliberation|\ben date du")
# « Vu la délibération du comité syndical du 15 janvier », « par délibération du conseil municipal du … »,
# « l'arrêté préfectoral du … »: another act's date, even in the document's first lines.
# « convoqué une première fois le 1er mars pour la séance du 8 mars, où le quorum n'a pas été atteint »:
# the meeting that failed, before a second convocation.
_QUOTED_AT_HEAD = re.compile(r"approbation|approuve|adopte|precedente?|derniere?|prochaine?|\blors de|\bvu\b|\blecture\b"
                             r"|\bpar deliberation|\barrete|\bpremiere (?:fois|convocation)|\bpour (?:la|sa) $")
# Between an assembly's name and a date, a participle that governs the date: no title.
_GOVERNED_TITLE = re.compile(r"\b(?:convoquee?s?|convocation|affichee?|publiee?|(?:tele)?transmise?|recue?|envoyee?"
                             r"|adressee?)\b")
# « Procès-verbal de la séance du 12 février 2019 approuvé »: the date of minutes approved now.
_APPROVED_AFTER = re.compile(r"[ ,]{0,3}(?:est |a ete |sont )?(?:approuvee?s?|adoptee?s?)\b")
_ID_DATE = re.compile(r"\b(?:\d{3}|02[ab])-\d{9}-(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})-")
# The nature code that ends an ACTES identifier (« …-2023_05-DE »; extraction may glue it to the act's
# number, « …-C33-02-2020-1AR »), within the 15 characters the number may take.
_ID_NATURE = re.compile(r"[\w -]{1,22}?(?<=[\d_ -])(?P<nature>de|ar|ai|cc|bf|au)\b")
_START_TIME = re.compile(r"\b(?:debut de (?:la )?seance|(?:la )?seance (?:est )?ouverte|ouvre la seance)"
                         r"(?: a| :)? ?")


class Candidate(NamedTuple):
    """A date that may be the meeting's: `rank` 0 for « L'an … », 1 for another formula with
    « s'est réuni », 2 for a title, 3 for the ACTES identifier, 4 for the first date seen;
    `weekday` is the one printed with it, if any."""

    rank: int
    start: int
    date: dt.date
    confidence: float
    time: str | None
    end: int
    weekday: int | None


@dataclass
class MeetingDate:
    date: dt.date
    source: str
    confidence: float
    time: str | None
    start: int
    end: int
    from_formula: bool = False
    # Its printed weekday agrees, or another passage of the document names the same day.
    confirmed: bool = False
    # Why the date was read below the accusation threshold, when two readings disagree.
    doubt: str | None = None
    # The span of an earlier meeting's procès-verbal reproduced for approval before this meeting's
    # formula: none of this meeting's facts are read there.
    reproduced: tuple | None = None
    # Why the date is only a guess (the first date of the document, which no formula, title or
    # identifier gives as the meeting's): the rest of the document is read against it, but it is
    # not given as the meeting's date.
    guess: str | None = None
    # (the hour read, why it is not given) when the document prints two hours for the meeting.
    time_doubt: tuple | None = None


def _plausible(date: dt.date | None) -> bool:
    return date is not None and 1950 <= date.year <= 2100


def _with_time(doc: Document, end: int, start: int | None = None) -> tuple[str | None, int]:
    found = time_at(doc.fold, end)
    if found:
        return found
    return (time_before(doc.fold, start) if start is not None else None), end


_REUNI_WINDOW = 320
# A full stop before a capital ends a sentence, unless it ends « M. », « Mme. » or an initial.
_FULL_STOP = re.compile(r"\. (?=[A-ZÀ-Þ])")
_ABBREVIATION = re.compile(r"(?:\b(?:m|mm|mme|mlle|mr|dr|st|ste|n)|\b[a-z])$")


def _sentence_end(doc: Document, start: int, limit: int) -> int:
    end = min(len(doc.text), start + limit)
    for found in _FULL_STOP.finditer(doc.text, start, end):
        if not _ABBREVIATION.search(doc.fold, max(0, found.start() - 5), found.start()):
            return found.start()
    return end


_LE_DATE_WINDOW = 350
# In the clause that ends on a date after « s'est réuni », a word that governs that date instead
# (« au nombre prescrit par la loi » governs none):
# « sur convocation du 5 mars, le 12 mars » keeps the 12th, but « … pour examiner le projet
# transmis le 5 mars », « … vu la délibération en date du … » do not name the meeting's day.
_OTHER_GOVERNOR = re.compile(r"\b(?:convo\w*|(?:tele)?transmise?s?|publiee?s?|affichee?s?|envoyee?s?|adressee?s?|recue?s?"
                             r"|approuvee?s?|adoptee?s?|votee?s?|signee?s?|deposee?s?|notifiee?s?|deliberations?|arretes?"
                             r"|decisions?|courriers?|lettres?|decrets?|(?<!par la )lois?|circulaires?)\b[^,;]*$")
# What met, the nearest before the verb in its sentence: an assembly, or another body whose meeting
# the text reports (« la commission se réunira le 7 février », « un jury qui s'est réuni le … »).
_SUBJECT = re.compile(
    r"\b(?P<other>commissions?|jury|groupe de travail|comite (?:technique|de pilotage|social|consultatif|de suivi"
    r"|des fetes)|copil|cse|chsct|conseil (?:d'ecole|d'administration|de discipline|de quartier|de developpement"
    r"|des jeunes|portuaire)|association|cellule)\b"
    r"|\b(?P<assembly>conseil|comite|assemblee|bureau|membres|delegues|elus|conseillers)\b")


# « Procès-verbal de la séance précédente : L'an … », « Approbation du procès-verbal du 28 novembre :
# Le vingt-huit novembre … s'est réuni »: a formula quoted from another meeting's minutes.
_QUOTING = re.compile(r"(?:precedente?|derniere?|anterieure?) ?:? ?$|approbation[^.:]{0,60}: ?$")
# « L'an deux mille vingt-trois, le cinq décembre, Monsieur le Maire a convoqué le conseil municipal
# pour le 12 décembre »: the formula dates the convocation, not the meeting.
_CONVENING = re.compile(r"\b(?:(?:a|avons|ont|avait|avaient) (?:ete )?convoquee?s?|(?:la |une )?convocation (?:a ete |est )?"
                        r"(?:adressee?|envoyee?|faite|remise|transmise)|(?:a|avons) (?:adresse|envoye) (?:la|une|les) "
                        r"convocations?)\b")


_APPROVAL_LINE = re.compile(r"\b(?:approbation|approuve|adoption|lecture)\b[^.;]{0,60}?\b(?:proces-verbal|compte[- ]rendu"
                            r"|pv)\b[^.;]{0,40}?\b(?:du|en date du) ")


def _approved_just_before(doc: Document, start: int, value: dt.date) -> bool:
    """« Approbation du procès-verbal de la séance du 5 février 2019 L'an deux mille dix-neuf, le cinq
    février … s'est réuni »: the minutes approved, reproduced under their title without a colon —
    a formula dated the day the approval line names, right after it."""
    window = doc.fold[max(0, start - 160):start]
    for m in _APPROVAL_LINE.finditer(window):
        found = date_at(window, m.end())
        if found is not None and found.date == value and not window[found.end:].strip(" .,:;-"):
            return True
    return False


def _quoted_formula(doc: Document, start: int) -> bool:
    while start < len(doc.fold) and doc.fold[start] in ".: ":
        start += 1
    return _QUOTING.search(doc.fold, max(0, start - 80), start) is not None


def convening_formula(doc: Document, end: int) -> bool:
    """Whether the formula ending at `end` is the convocation's: its sentence says the council was
    convened, and not that it met (« le Conseil, qui avait été convoqué le 5 mars, s'est réuni » is
    the meeting's formula)."""
    stop = _sentence_end(doc, end, _LE_DATE_WINDOW)
    return _CONVENING.search(doc.fold, end, stop) is not None and _REUNI.search(doc.fold, end, stop) is None


def _assembly_subject(doc: Document, verb: int) -> bool:
    """Whether the verb at `verb` reports the meeting of an assembly, or of no body named: only
    another body named last before it, in its sentence, makes it some other meeting."""
    start = max(0, verb - 250)
    for found in _FULL_STOP.finditer(doc.text, start, verb):
        if not _ABBREVIATION.search(doc.fold, max(0, found.start() - 5), found.start()):
            start = found.end()
    last = None
    for last in _SUBJECT.finditer(doc.fold, start, verb):
        pass
    return last is None or last.group("assembly") is not None


# A header table flattened by extraction: its labels first, then its dates in the same order
# (« Date de convocation Date de séance 05/12/2023 12/12/2023 »). Each date is its label's.
_FLAT_LABEL = (r"date (?:de (?:la |l')?|du |d'|des )?(?:envoi de (?:la )?)?(?P<what>convocations?|seance|reunion"
               r"|affichage|publication|envoi|transmission|conseil(?: municipal| communautaire)?)"
               r"(?: de la convocation)?(?: ?:)?")
_FLAT_LABEL_PLAIN = _FLAT_LABEL.replace("(?P<what>", "(?:")
# « Date de convocation : Date d'affichage : En exercice : Présents : Votants : 19/06/2018 03/07/2018 29 21 25 »: the
# box's count labels after its date labels, their values after the dates, in the same order.
_COUNT_LABELS_AFTER = (r"(?: (?:nombre de )?(?:(?:conseillers|membres)(?: municipaux| communautaires)? )?(?:en exercice"
                       r"|presents?|votants|representes|pouvoirs|procurations|absents|excuses) ?:){1,6}")
_FLAT_RUN = re.compile(rf"\b{_FLAT_LABEL_PLAIN}(?: {_FLAT_LABEL_PLAIN}){{1,4}}(?P<counts>{_COUNT_LABELS_AFTER})? "
                       rf"(?=(?:\d{{1,3}} ){{0,5}}{DATE_PLAIN})")
_FLAT_ONE = re.compile(rf"\b{_FLAT_LABEL}")
_COUNTS_FIRST = re.compile(r"(?:\d{1,3} ){1,5}(?=\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})")
_COUNT_LABEL = re.compile(r"\b(?:en exercice|presents?|votants|representes|pouvoirs|procurations|absents|afferents"
                          r"|pris part|membres)\b[^:]{0,40}:")


class FlatDate(NamedTuple):
    what: str
    date: object
    start: int
    end: int


def flat_header_dates(doc: Document) -> list:
    """The dates of flattened header tables, each with the kind of its label (« convocation »,
    « seance », « affichage »…) and the span of the whole table. Dates fewer than labels: none."""
    text = doc.fold
    found = []
    for run in _FLAT_RUN.finditer(text):
        labels = [m.group("what") for m in _FLAT_ONE.finditer(text, run.start(), run.start("counts") if run.group("counts")
                                                               else run.end())]
        dates, pos = [], run.end()
        counts = _COUNTS_FIRST.match(text, pos)
        if counts and len(counts.group(0).split()) <= len(_COUNT_LABEL.findall(text, max(0, run.start() - 250),
                                                                              run.start())):
            # « En exercice : Votants : Date de la convocation : Date d'affichage : 42 34 14/02/2019 14/02/2019 »:
            # the counts' values come first, one for each count label before the dates' labels.
            pos = counts.end()
        for _ in labels:
            date = date_at(text, pos, 40)
            if date is None:
                break
            dates.append(date)
            pos = date.end
            while pos < len(text) and text[pos] in " ,;":
                pos += 1
        if len(dates) != len(labels):
            continue
        for what, date in zip(labels, dates):
            found.append(FlatDate(what, date, run.start(), dates[-1].end))
    return found


def _in_flat_table(flat: list, pos: int) -> bool:
    return any(f.start <= pos < f.end for f in flat)


_MEETING_LABELS = ("seance", "reunion", "conseil", "conseil municipal", "conseil communautaire")


# A place name before « , le »: capitalised words and the small words of place names only.
_DATELINE = re.compile(r"(?:^|[^,;:\w'-] ?)[A-ZÀ-Þ][\wÀ-ÿ'-]*(?:[ -](?:(?:sur|sous|le|la|les|de|du|des|en|lès|aux|et)[ -]"
                       r"|d'|l')?[A-ZÀ-Þ][\wÀ-ÿ'-]*){0,4}, $")


# « À VINGT HEURES QUINZE, LE 14/07/2010 » in capitals: an hour, not a place.
_NOT_A_PLACE = re.compile(rf"\b(?:heures?|h|a|{NUMBER_WORDS}|proces-verbal|deliberation|extrait|seance)\b")


def _governs(words: re.Pattern, before: str) -> bool:
    """Whether words quoting another meeting in `before` reach the title after it: « par délibération
    du 17.05.2020, le conseil a décidé » has its own date, and governs no title on the next line."""
    last = None
    for found in words.finditer(before):
        # « Procès-verbal de la séance du 7 mai 2021 approuvé » above the title: the participle
        # governs the date it follows, not the title on the next line.
        if not _closes_its_date(before, found.start()):
            last = found
    return last is not None and not find_dates(before, last.end())


# A year, or a date in figures, then the participle that closes the clause it dates.
_AFTER_ITS_DATE = re.compile(r"(?:\b(?:19|20)\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2})[ ,]{0,3}(?:est |a ete |sont )?$")
_PARTICIPLE = re.compile(r"(?:approuvee?s?|adoptee?s?)\b")


def _closes_its_date(text: str, pos: int) -> bool:
    """Whether the word at `pos` is a participle right after a date (« … du 7 mai 2021 approuvé »)."""
    return bool(_PARTICIPLE.match(text, pos)) and _AFTER_ITS_DATE.search(text, max(0, pos - 20), pos) is not None


_YEAR_FROM_CONVOCATION = 0.8
_CONVOCATION_BEFORE = 62


# « Réunion du 17 avril 2014 à la Maison de l'Intercommunalité, à 18h30 », « … du jeudi 22 mai 2019 En salle
# Boissy d'Anglas, hôtel du Département, Privas à 16h30 »: the title's hour after the place, before anything
# else is said (a date, the roll, another meeting, the end of a sentence).
_PLACE_THEN_HOUR = re.compile(rf"(?:^|[ ,]) ?a (?={TIME})")
_PLACE_SPAN = 110
_NOT_THE_PLACE = re.compile(r"\b(?:seance|reunion|organisee?|convoqu\w*|prevue?|presents?|absents?|excuses?|secretaire"
                            r"|ordre du jour|quorum|s'est|se sont)\b")


def _time_after_the_place(doc: Document, end: int) -> str | None:
    stop = _sentence_end(doc, end, _PLACE_SPAN)
    span = doc.fold[end:stop]
    m = _PLACE_THEN_HOUR.search(span)
    if m is None or find_dates(span, 0, m.start()) or _NOT_THE_PLACE.search(span, 0, m.start()):
        return None
    found = time_at(span, m.end() - 2)
    return found[0] if found else None


def _year_from_the_sentence(doc: Document, m: re.Match, date):
    """« Le 11 juillet suivant la convocation adressée le 04 juillet 2017, les conseillers … se sont
    réunis »: a formula's day without its year, in the year of the convocation its sentence dates, when
    the meeting so dated falls in the two months after it."""
    verb = _REUNI.search(doc.fold, m.end(), _sentence_end(doc, m.end(), _LE_DATE_WINDOW))
    if verb is None:
        return None
    convened = next((d for d in find_dates(doc.fold, m.end(), verb.start()) if d.year is not None
                     and re.search(r"convo", doc.fold[max(m.end(), d.start - 60):d.start])), None)
    if convened is None or convened.date is None:
        return None
    for year in (convened.year, convened.year + 1):
        candidate = date.with_year(year)
        if candidate is not None and 0 <= (candidate - convened.date).days <= _CONVOCATION_BEFORE:
            return replace(date, year=year)
    return None


def _candidates(doc: Document) -> list:
    text = doc.fold
    found = []
    for m in _LAN.finditer(text):
        date = date_from_match(re.match(TEXT_DATE, m.group("date")), m.start("date"))
        if date is None or _quoted_formula(doc, m.start()) or convening_formula(doc, m.end()):
            continue
        year = date.year
        lan_year = number(m.group("lan"))
        if year is None:
            year = lan_year
        value = date.with_year(year) if year else None
        if not _plausible(value) or _approved_just_before(doc, m.start(), value):
            continue
        time, end = _with_time(doc, m.end())
        agrees = date.weekday is None or value.weekday() == date.weekday
        # « L'an deux mille vingt-trois, le 12 décembre 2022 »: the formula contradicts itself.
        confidence = 0.95 if agrees and lan_year in (None, year) else 0.7 if lan_year not in (None, year) else 0.8
        found.append((0, m.start(), value, confidence, time, end, date.weekday))
    for m in _LE_DATE_REUNI.finditer(text):
        date = date_from_match(re.match(DATE, m.group("date")), m.start("date"))
        yearless = date is not None and date.year is None
        if yearless and _LAN.search(text, max(0, m.start() - 120), m.end()):
            # « L'an deux mille vingt-quatre, le douze mars »: the formula read above, with its year.
            continue
        if yearless:
            date = _year_from_the_sentence(doc, m, date)
        if date is None or not _plausible(date.date):
            continue
        # The date and the verb belong to one sentence (« Le vingt-deux juin …, le conseil …
        # s'est réuni »); a date that another verb governs (convoqué, approuvé, affiché…) is not it.
        verb = _REUNI.search(text, m.end(), _sentence_end(doc, m.end(), _LE_DATE_WINDOW))
        if not verb or not _assembly_subject(doc, verb.start()) or _quoted_formula(doc, m.start()) \
                or _approved_just_before(doc, m.start(), date.date) or _LAN.search(text, m.end(), verb.start()):
            # « Imprimé le 16/11/2022 … L'an deux mille vingt et un, le …, le conseil s'est réuni »:
            # the verb is the other formula's.
            continue
        # A title « PROCÈS-VERBAL » or « SÉANCE » on the line above the formula governs nothing.
        if re.search(r"(?:convoquee?s?|adressee?s?|envoyee?s?|convocation|convocation du|approuve|adopte|affichee?"
                     r"|publiee?|transmise?|recue?)[ ,]{0,3}(?:en date )?(?:du )?$",
                     text[max(0, m.start() - 60):m.start()]):
            continue
        # « Fait à Lyon, le 15 décembre 2023, … »: the day the extract was signed.
        if re.search(r"\bfait (?:a|en) [^.;]{2,40}$", text[max(0, m.start() - 50):m.start()]):
            continue
        dateline = _DATELINE.search(doc.text, max(0, m.start() - 50), m.start())
        if dateline and not _NOT_A_PLACE.search(doc.fold, dateline.start(), dateline.end()) and not re.search(
                r"\b(?:le|la|l') ?(?:conseil|comite|assemblee|bureau)\b[^,]{0,50}, $", text[max(0, m.start() - 80):m.start()]):
            # « Quimper, le 14 février 2019 » above the minutes: the date line of the letter or of
            # the extract, written after the meeting, not the meeting's (« Le conseil municipal de
            # Quimper, le 12 mars, s'est réuni » keeps its date).
            continue
        # « Publié sur le site de la ville le 27 mars 2023 » above the minutes: a stamp's date; a stamp
        # that has its own date (« Convocation envoyée le cinq janvier deux mille huit ») governs nothing after it.
        stamped = re.search(r"\b(?:publiee?|affichee?|mise? en ligne|(?:tele)?transmise?|recue?|envoyee?|deposee?|imprimee?"
                            r"|editee?)\b[^.;,\d]{0,50}$", text[max(0, m.start() - 60):m.start()])
        if stamped and not find_dates(text, max(0, m.start() - 60) + stamped.start(), m.start()):
            continue
        # « dûment convoqué par Monsieur le Maire, le 10 février 2023, s'est assemblé »: the date
        # is the convocation's, the verb's subject was convened on it.
        # « Convoqué le : 26/08/2025 Le vingt-neuf août … »: a convocation that has its own date
        # governs nothing after it.
        governed = re.search(r"\bconvoquee?s?\b[^.;\d]{0,45}$|\bconvocations?\b[^.;,\d]{0,45}$",
                             text[max(0, m.start() - 60):m.start()])
        if governed and not find_dates(text, max(0, m.start() - 60) + governed.start(), m.start()):
            continue
        time, end = _with_time(doc, m.end(), m.start())
        # A year taken from the convocation's date in the same sentence is below the gate: derived, not printed.
        found.append((1, m.start(), date.date, _YEAR_FROM_CONVOCATION if yearless else 0.9 if date.weekday_agrees
                      else 0.75, time, end, date.weekday))
    for m in _REUNI.finditer(text):
        if not _assembly_subject(doc, m.start()):
            continue
        # « s'est réuni au nombre prescrit par la loi, dans le lieu habituel de ses séances, sous la
        # présidence de M. X, Maire, le mardi 12 décembre 2023 »: the date may come late in the
        # sentence, never after it.
        window_end = _sentence_end(doc, m.end(), _REUNI_WINDOW)
        for date in find_dates(text, m.end(), window_end):
            if date.date is None or not _plausible(date.date):
                continue
            before = text[max(0, date.start - 25):date.start]
            # « s'est réuni, sur convocation du 5 mars, le 12 mars »: the verb governs the last
            # date; « convoqué, s'est réuni le … » before the verb says nothing of this one.
            # « Le Conseil Municipal s'est réuni mercredi 9 octobre 2024 en salle du conseil »: the day, with
            # its weekday, right after the verb, is governed by it as « le … » is.
            right_after = date.weekday is not None and not text[m.end():date.start].strip()
            if not (right_after or re.search(r"\ble $|\ben date du $|, le $", before)) or _OTHER_GOVERNOR.search(
                    text[m.end():date.start]):
                continue
            time, end = _with_time(doc, date.end, date.start - 3 if before.endswith(", le ") else None)
            found.append((1, date.start, date.date, 0.9 if date.weekday_agrees else 0.75, time, end, date.weekday))
            break
    flat = flat_header_dates(doc)
    for f in flat:
        if f.what in _MEETING_LABELS and _plausible(f.date.date):
            found.append((2, f.start, f.date.date, 0.8 if f.date.weekday_agrees else 0.7, None, f.date.end,
                          f.date.weekday))
    for m in _HEADING.finditer(text):
        if _in_flat_table(flat, m.start()):
            continue
        group = next(g for g in ("date", "date2", "date3", "date4", "date5", "date6") if m.group(g))
        inner = re.match(DATE, m.group(group))
        date = date_from_match(inner, m.start(group)) if inner else None
        if date is None or not _plausible(date.date):
            continue
        before = text[max(0, m.start() - 60):m.start()]
        # The words that quote another meeting stand in the title's own sentence.
        before = before[max(before.rfind(". "), before.rfind("; ")) + 1:]
        blank = _blank_line_before(doc, m.start(), len(before))
        if blank is not None and _ROLL_HEAD.search(text, date.end, date.end + _ROLL_UNDER_TITLE):
            # « … d'un pe [blank line] CR du conseil municipal 17 septembre 2021 Présents : … »: a text
            # cut mid-sentence, then another text's heading with its own roll under it; the words
            # before the blank line are the cut sentence's, they quote nothing of the heading.
            before = text[blank + 1:m.start()]
        # A line that ends without a full stop (« Considérant que par délibération du 20 mai 2016, le
        # conseil a décidé ») says nothing of the title on the next one: only the words just before
        # it can quote it.
        # A title in capitals that approves nothing (« PROCÈS VERBAL DE LA SÉANCE OFFICIELLE DU LUNDI 27 MARS
        # 2023 ») heads a text, even far into the document (another text joined after this one): only a
        # sentence in lower case quotes a meeting with « procès-verbal de … » or « … dernière ».
        capitals = (not re.search(r"[a-zß-ÿ]", doc.text[m.start():date.end])
                    and not _APPROVING.search(text, max(0, m.start() - 45), m.start(group)))
        if m.start() > 300 and not capitals and _governs(_OTHER_MEETING, before[-60:]) or _governs(
                _QUOTED_AT_HEAD, before[-45:]):
            # Even at the head, « Point 01 - Approbation du procès-verbal de la séance du … » names
            # another meeting.
            continue
        if _OTHER_MEETING.search(text[m.start():m.start(group)]) and m.start() > 300 and not capitals:
            continue
        if _QUOTED_AT_HEAD.search(text, m.start(), m.start(group)):
            # « … du comité syndical Approbation du procès-verbal de la séance du 20.04.2013 »: a
            # title's words run into a quoted meeting's.
            continue
        if _APPROVED_AFTER.match(text, date.end):
            continue
        if _GOVERNED_TITLE.search(text, m.start(), m.start(group)) or _REUNI.search(text, m.start(), m.start(group)):
            # « Conseil Municipal régulièrement convoqué le six décembre »: the convocation's day;
            # « Le Conseil Municipal s'est réuni en session ordinaire le … »: the formula itself,
            # read above, which cannot confirm itself as a title would.
            continue
        # The document's own title (« Procès-verbal de la réunion du conseil municipal … lundi 16
        # janvier 2023 ») names this meeting; a weekday that agrees shows the date was printed right.
        printed = re.search(rf"({WEEKDAY}),? $", text[max(0, m.start(group) - 12):m.start(group)])
        weekday = date.weekday if date.weekday is not None else (
            WEEKDAYS.index(printed.group(1)) if printed else None)
        agrees = weekday is None or date.date.weekday() == weekday
        title = m.start() < 300 and weekday is not None and agrees
        time, end = _with_time(doc, date.end)
        if time is None:
            time = _time_after_the_place(doc, date.end)
        if not agrees:
            found.append((2, m.start(), date.date, 0.7, time, end, weekday))
            continue
        found.append((2, m.start(), date.date, 0.9 if title else 0.8, time, end, weekday))
    for m in _ID_DATE.finditer(text):
        try:
            value = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        if _plausible(value):
            found.append((3, m.start(), value, 0.6, None, m.end(), None))
    if found and all(c[0] == 3 and not _deliberation_id(text, c[5]) for c in found):
        # The identifier dates the act it transmits; only a deliberation's (nature « DE ») is a meeting's
        # (shared/ecosystem.md). An arrêté, a contract or a report sent alone is dated the day it was
        # signed or sent (« …-20200214-C33-02-2020-1AR » beside « Date de télétransmission : 14/02/2020 »):
        # no meeting's day. Beside a formula or a title, a deliberation sent as « AR » still confirms them.
        found = []
    return [Candidate(*c) for c in found]


def _blank_line_before(doc: Document, pos: int, reach: int) -> int | None:
    """The last blank line of the text as extracted within `reach` characters before `pos`."""
    found = [p for p in getattr(doc, "paragraphs", ()) if pos - reach <= p < pos]
    return found[-1] if found else None


def _deliberation_id(text: str, end: int) -> bool:
    """Whether the ACTES identifier whose date ends at `end` bears the nature of a deliberation."""
    m = _ID_NATURE.match(text, end)
    return m is not None and m.group("nature") == "de"


_STAMPED = re.compile(r"(?:publiee?|affichee?|envoyee?|recue?|transmise?|mise? en ligne|mise? a jour|modifiee?"
                      r"|convoquee?s?|convocations?|imprimee?|editee?|generee?|signee?|affichage|publication|envoi"
                      r"|reception|transmission|impression|edition|notification|notifiee?|depot|deposee?)"
                      r"(?: en prefecture| au controle de legalite)?(?: le| du)? ?:? ?$")


_TEXT_OF_LAW = re.compile(r"\b(?:loi|decret|ordonnance|arrete|circulaire|directive|reglement)\b[^.;]{0,40}"
                          r"\b(?:du|en date du) $")


def _identifiers_before_head(doc: Document, candidates: list) -> list:
    """No formula nor title, only ACTES identifiers, all dated before the day the document's head prints
    as a meeting's (its weekday agreeing and its hour, « Vendredi 29 janvier 2021, 18:30. »): an act is
    sent after the meeting that adopts it, so those identifiers are earlier acts' (an annexed convention's
    stamp), and the head's date is kept as the first date seen is — too doubtful to accuse on."""
    if not candidates or any(c.rank != 3 for c in candidates):
        return candidates
    head = _timed_head(doc)
    if head and all(c.date < head[0].date for c in candidates):
        return []
    return candidates


def _first_date(doc: Document) -> list:
    """No formula, heading or identifier: the first full date of the document's beginning, kept
    only so that the rest of the document can be read — too doubtful to accuse on."""
    flat = flat_header_dates(doc)
    kept, quoted = [], []
    for date in find_dates(doc.fold, 0, min(len(doc.fold), 1500)):
        if _in_flat_table(flat, date.start):
            # A labelled date of a flattened header table is its label's, read in `_candidates`.
            continue
        if _STAMPED.search(doc.fold, max(0, date.start - 40), date.start):
            # « Publié le 20 mars 2024 » above a web page's text: the stamp's date, not the meeting's.
            continue
        if not _plausible(date.date) or _TEXT_OF_LAW.search(doc.fold, max(0, date.start - 60), date.start):
            # « en application de la loi n° 2020-290 du 23 mai 2020 »: a law's date, never a meeting's.
            continue
        # « approbation du compte rendu du 12 février », « lors de sa séance du … »: another
        # meeting's, taken only when the document has no other date at all; so is a letter's date line
        # (« Saint-Ay, le 10 janvier 2008 »), written after the meeting.
        dateline = _DATELINE.search(doc.text, max(0, date.start - 50), max(0, date.start - 3)) and \
            doc.fold[max(0, date.start - 5):date.start].endswith(", le ")
        (quoted if dateline or _quoted_meeting(doc, date.start, 0)
         or _APPROVED_AFTER.match(doc.fold, date.end) else kept).append(date)
    # « Vendredi 29 janvier 2021, 18:30. Salle polyvalente »: a meeting has an hour; a date printed
    # with one (and a weekday that agrees) is the likelier, else the first.
    timed = [d for d in kept if d.weekday_agrees and time_at(doc.fold, d.end) is not None]
    chosen = timed[0] if timed else kept[0] if kept else quoted[0] if quoted else None
    if chosen is None:
        return []
    time = time_at(doc.fold, chosen.end)
    return [Candidate(4, chosen.start, chosen.date, 0.5, time[0] if time else None, chosen.end, chosen.weekday)]


def read_meeting_date(doc: Document) -> MeetingDate | None:
    candidates = _identifiers_before_head(doc, _candidates(doc)) or _first_date(doc)
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]))
    candidates, reproduced = _without_minutes_approved(doc, candidates)
    candidates = _first_block_first(doc, candidates)
    candidates = _head_title_first(doc, candidates)
    candidates = _repeated_head_first(doc, candidates)
    rival = _better_supported_title(doc, candidates)
    if rival is not None:
        start, value, time, end = rival.start, rival.date, rival.time, rival.end
        formula = candidates[0]
        if time is None and (formula.date.month, formula.date.day) == (value.month, value.day):
            # Only the year of the formula was wrong: its hour stands.
            time = formula.time
        if time is None:
            time = _other_time(doc, value, [c for c in candidates if c.date == value], formula=False)
        source = doc.span(start, end)
        if rival.rank == 3:
            source = (f"{doc.span(formula.start, formula.end)} — année lue d'après le jour de la semaine et "
                      f"l'identifiant ACTES {source}")
            start, end = formula.start, formula.end
        doubt = (f"la formule d'ouverture dit le {formula.date:%d/%m/%Y} (« {doc.span(formula.start, formula.end, 80)} »), "
                 f"que rien d'autre ne répète ; date du titre gardée ({value:%d/%m/%Y}), confiance abaissée")
        return MeetingDate(value, source, _TITLE_OVER_FORMULA, time, start, end, confirmed=True, doubt=doubt,
                           reproduced=_apart_from(reproduced, start))
    chosen = candidates[0]
    rank, start, value, confidence, time, end, _ = chosen
    supported = any(c.date == value for c in candidates if c is not chosen)
    if supported:
        confidence = min(0.98, confidence + 0.03)
    # The ACTES identifier of a stamp at the document's head dates the act it transmits, as a title does.
    rivals = [c for c in candidates if c.date != value and (c.rank <= 1 or c.rank in (2, 3) and c.start < _HEAD_TITLE)]
    doubt = None
    if rank >= 1 and rivals and not _decided_by_title(doc, candidates, chosen, rivals):
        # Another formula, or another title at the document's head, names another day: on the
        # validation texts such a date was wrong more often than right unless it came from
        # « L'an … » (see bench/reader_accuracy.py). A meeting cited further on (« délibération du
        # conseil municipal du 11 avril 2022 ») is no rival.
        confidence = min(confidence, 0.75)
        doubt = _rival_doubt(doc, chosen, rivals)
    elif rank == 0:
        titles = [c for c in rivals if c.rank in (2, 3)
                  and not _quoted_meeting(doc, c.start)]
        formulas = [c for c in rivals if c.rank == 0]
        if titles or (formulas and not _decided_by_title(doc, candidates, chosen, formulas)):
            # « L'an … » against the document's own title, or against another « L'an … » that
            # nothing tells apart: usually right, but a wrong meeting date would move every delay;
            # below the threshold at which a finding may accuse.
            confidence = min(confidence, _CONTRADICTED_FORMULA)
            doubt = _rival_doubt(doc, chosen, titles or formulas)
    if time is None:
        # An hour printed in another meeting's text joined after this one is that meeting's.
        joined = other_meetings(doc, chosen, max(chosen.start + _REPRODUCED_GAP, end))
        time = _other_time(doc, value, candidates, limit=joined[0] if joined else len(doc.fold))
    # What confirms the date inside the text: its printed weekday, or another passage naming it.
    confirmed = supported or chosen.weekday is not None and value.weekday() == chosen.weekday
    # « Séance du jeudi 3 décembre 2020 à 18h30 », then « L'an deux mille vingt, le 3 décembre à 18 heures »:
    # the head prints the meeting's day with two hours; which is right, nothing tells.
    other_hours = {c.time for c in candidates if c is not chosen and c.date == value and c.time and c.rank <= 2
                   and c.start < chosen.end + _HEAD_TITLE} - {time}
    time_doubt = None
    if time and other_hours:
        time_doubt = (time, f"deux heures de séance imprimées pour le {value:%d/%m/%Y} : {time} et "
                            f"{sorted(other_hours)[0]} ; aucune retenue")
        time = None
    return MeetingDate(value, doc.span(start, end), confidence, time, start, end, rank <= 1, confirmed, doubt,
                       _apart_from(reproduced, start), _guess(chosen, time), time_doubt)


def _apart_from(reproduced: tuple | None, start: int) -> tuple | None:
    """The span of minutes reproduced before a formula, unless the meeting chosen stands inside it: that span
    was cut before another day's formula (a second extract's, joined after this meeting's text), and the
    meeting's own text is no reproduced minutes."""
    if reproduced is not None and reproduced[0] <= start < reproduced[1]:
        return None
    return reproduced


def _guess(chosen: Candidate, time: str | None) -> str | None:
    """Why the first date of a document that has no opening formula, no title naming the meeting
    and no ACTES identifier is not given as the meeting's: nothing says it is (on the validation
    texts, such a date was as often another day's, or the text gave none). A date printed as a
    meeting's heading is (« Vendredi 29 janvier 2021, 18:30. Salle polyvalente »: a weekday that
    agrees and an hour)."""
    if chosen.rank < 4:
        return None
    if chosen.weekday is not None and chosen.date.weekday() == chosen.weekday and time is not None:
        return None
    return ("seule date lue : la première du document, qu'aucune formule d'ouverture (« s'est réuni », « L'an … »), "
            "aucun titre de séance ni identifiant ACTES ne donne pour celle de la séance ; non retenue")


# « Approbation du procès-verbal de la séance du 5 février 2024 », « Procès-verbal de la séance du
# 5 février 2024 soumis à approbation » : the minutes of another meeting, which this one approves.
_MINUTES = r"\b(?:proces[- ]?verbal|compte[- ]rendu|pv)\b"
_APPROVAL_BEFORE = re.compile(rf"\b(?:approbation|adoption|approuver|adopter)\b[^.;:]{{0,40}}?{_MINUTES}[^.;:]{{0,60}}?"
                              r"\b(?:du|en date du) $")
_APPROVAL_AFTER = re.compile(r"[ ,]{0,3}(?:est |sont |a ete )?(?:soumise? a (?:l')?approbation|a approuver|a adopter)\b")


def _approval_namings(doc: Document) -> list:
    """(day, where) for each passage that names the minutes of a day as submitted for approval."""
    found_all = []
    for date in find_dates(doc.fold):
        if date.date is None:
            continue
        low = max(0, date.start - 130)
        before = doc.fold[low:date.start]
        found = _APPROVAL_BEFORE.search(before)
        if found is None and _APPROVAL_AFTER.match(doc.fold, date.end):
            found = re.search(rf"{_MINUTES}[^.;:]{{0,60}}?\bdu $", before)
        if found is not None:
            found_all.append((date.date, low + found.start()))
    return found_all


def _minutes_approved(doc: Document) -> dict:
    """The days of the minutes the text submits for approval, named as such, each with where the
    text first names them so."""
    days: dict = {}
    for day, pos in _approval_namings(doc):
        days.setdefault(day, pos)
    return days


# The end of a procès-verbal: its closing formula, or the words that close its reproduction.
_CLOSING = re.compile(r"\b(?:(?:la )?seance (?:est )?(?:levee|close)|leve la seance|clot la seance|declare la seance close"
                      r"|fin du proces[- ]verbal)\b")
_NAMED_BEFORE = 400
_CLOSING_AFTER = 200


def _closing_end(doc: Document, pos: int) -> int:
    """The end of the closing sentence that runs on from `pos` (its full stop), or `pos`."""
    stop = doc.fold.find(".", pos, pos + 120)
    return stop + 1 if stop >= 0 else pos


def reproduced_after(doc: Document, meeting: MeetingDate) -> list:
    """The spans of earlier meetings' procès-verbaux reproduced whole inside this meeting's text,
    after its formula, under the item that approves them (« Procès-verbal de la séance du 13 décembre
    2018 soumis à approbation : … L'an deux mille dix-huit, le treize décembre … lève la séance à 21
    heures 30 »): from where the text names them for approval to their closing formula. What follows
    is this meeting's again (its own items and votes), so the span is set aside rather than the text
    cut there; minutes with no closing formula in sight are not delimited (the text is cut at them)."""
    spans: list = []
    for day, pos in sorted(_approval_namings(doc), key=lambda found: found[1]):
        if pos <= meeting.end or day == meeting.date or spans and pos < spans[-1][1]:
            continue
        formula = _formula_of(doc, day, pos, pos + _NAMED_BEFORE)
        if formula is None:
            continue
        closing = _CLOSING.search(doc.fold, formula)
        if closing is None or not _BLOCK_OF_ITS_OWN.search(doc.fold, formula, closing.start()):
            continue
        end = _closing_end(doc, closing.end())
        again = _CLOSING.search(doc.fold, end, end + _CLOSING_AFTER)
        if again is not None and again.group(0).startswith("fin du"):
            end = _closing_end(doc, again.end())
        spans.append((pos, end))
    return spans


def _formula_of(doc: Document, day: dt.date, start: int, end: int) -> int | None:
    """Where an opening formula of the meeting of `day` ends between `start` and `end`
    (« L'an deux mille vingt-quatre, le cinq février … », « Le 5 février 2024, le conseil … s'est
    réuni »), or None."""
    for m in _LAN.finditer(doc.fold, start, end):
        date = date_from_match(re.match(TEXT_DATE, m.group("date")), m.start("date"))
        if date is None:
            continue
        year = date.year or number(m.group("lan"))
        if year and (date.month, date.day) == (day.month, day.day) and year == day.year:
            return m.end()
    verb = _REUNI.search(doc.fold, start, end)
    if verb and any(found.date == day for found in find_dates(doc.fold, start, verb.start())):
        return verb.end()
    return None


def _without_minutes_approved(doc: Document, candidates: list) -> tuple[list, tuple | None]:
    """The candidates without the days of minutes the text submits for approval, when a formula of
    another day remains: a procès-verbal reproduced for approval (« Procès-verbal de la séance du 5
    février soumis à approbation : … L'an …, le cinq février … s'est réuni … ») is the earlier
    meeting's, whatever its place. A document that is itself minutes approved later (« Procès-verbal
    de la séance du 13 décembre 2022 approuvé le 23 mars 2023 ») keeps its only formula. Also the
    span of such minutes reproduced before the meeting's own formula: from where the text names
    them for approval to that formula."""
    approved = _minutes_approved(doc)
    if not approved:
        return candidates, None
    # Only what follows where the minutes are named: a later meeting that approves this one's minutes
    # in a second extract joined after it names this meeting's day after its formula.
    kept = [c for c in candidates if not (c.date in approved and approved[c.date] <= c.start)]
    if not any(c.rank <= 1 for c in kept):
        return candidates, None
    own = min((c for c in kept if c.rank <= 1), key=lambda c: (c.rank, c.start))
    # Minutes reproduced, not an agenda line: between where they are named and this meeting's
    # formula stand another formula and a roll or a decision of their own.
    starts = [pos for day, pos in approved.items() if day != own.date and pos < own.start
              and (_LAN.search(doc.fold, pos, own.start) or _REUNI.search(doc.fold, pos, own.start))
              and _BLOCK_OF_ITS_OWN.search(doc.fold, pos, own.start)]
    return kept, ((min(starts), own.start) if starts else None)


def _first_block_first(doc: Document, candidates: list) -> list:
    """The formulas in the document's order when one stands a whole block after another of another
    day, a block that holds its own roll or decision: the later one opens another meeting's text
    joined to this one (an annexed procès-verbal, a second extract), whatever its shape (« L'an … »
    is not surer than « Le … s'est réuni » of the first block). A convocation letter bound before
    the minutes (« … le 17/01/2023 … la prochaine réunion se tiendra … ») holds neither."""
    chosen = candidates[0]
    if chosen.rank != 0:
        return candidates
    earlier = [c for c in candidates if c.rank == 1 and c.date != chosen.date
               and c.start + _REPRODUCED_GAP <= chosen.start and _BLOCK_OF_ITS_OWN.search(doc.fold, c.end, chosen.start)]
    if not earlier:
        return candidates
    first = min(earlier, key=lambda c: c.start)
    return [first] + [c for c in candidates if c is not first]


def _head_title_first(doc: Document, candidates: list) -> list:
    """The document's own title first when the only formulas stand a whole block after it, a block
    with its own roll or decision: an extract headed « Séance du 12 mars 2024 » without a formula,
    then a second extract of another meeting that has one (« L'an …, le neuf avril … s'est réuni »)
    — the document's meeting is the first, whatever the shape of the second's date. A meeting's date
    printed at the head with its weekday and hour (« Vendredi 29 janvier 2021, 18:30. Salle
    polyvalente ») heads the document as a title does.

    A formula with a heading of its own day just above it was not enough without that block: on the
    validation texts (aggregate) it took one date wrong, of a document whose head names another day."""
    chosen = candidates[0]
    if chosen.rank > 1:
        return candidates
    titles = [c for c in candidates if c.rank == 2 and c.start < _HEAD_TITLE and c.date != chosen.date
              and not _quoted_meeting(doc, c.start)]
    titles += [c for c in _timed_head(doc) if c.date != chosen.date]
    if not titles:
        return candidates
    title = min(titles, key=lambda c: c.start)
    formulas = [c for c in candidates if c.rank <= 1]
    if not all(c.start >= title.end + _REPRODUCED_GAP and _BLOCK_OF_ITS_OWN.search(doc.fold, title.end, c.start)
               for c in formulas):
        return candidates
    return [title] + [c for c in candidates if c is not title]


def _timed_head(doc: Document) -> list:
    """A date at the document's head printed with a weekday that agrees and an hour, outside a
    sentence that quotes or stamps it: the meeting's heading in minutes that have no formula."""
    for date in find_dates(doc.fold, 0, min(len(doc.fold), _HEAD_TITLE)):
        if (date.date is None or not date.weekday_agrees or not _plausible(date.date)
                or _quoted_meeting(doc, date.start, 0) or _STAMPED.search(doc.fold, max(0, date.start - 40), date.start)):
            continue
        time = time_at(doc.fold, date.end)
        if time is not None:
            return [Candidate(4, date.start, date.date, 0.5, time[0], date.end, date.weekday)]
    return []


def _repeated_head_first(doc: Document, candidates: list) -> list:
    """The date the document's head gives before any formula (its title, or the ACTES identifier
    stamped on its pages, or a title printed again on each page), when every formula stands a whole
    block further on and names another day: a report or minutes without a formula of their own
    (« Rapport d'orientation budgétaire … Séance du 9 février 2023 », « PV du 8 février 2024 » on
    every page), then another meeting's extract joined after them — the document's meeting is the
    head's. One date only: two at the head leave the formula chosen."""
    chosen = candidates[0]
    formulas = [c for c in candidates if c.rank <= 1]
    if chosen.rank > 1 or min(c.start for c in formulas) < _REPRODUCED_GAP:
        return candidates
    first_formula = min(c.start for c in formulas)
    days = {c.date for c in formulas}
    heads = [c for c in candidates if c.rank in (2, 3) and c.start < first_formula and c.date not in days
             and not (c.rank == 2 and _quoted_meeting(doc, c.start))]
    places = {day: len({h.start for h in heads if h.date == day}) for day in {h.date for h in heads}}
    repeated = {c.date for c in heads if c.start < _HEAD_TITLE and places[c.date] >= 2 or places[c.date] >= 3}
    if len(repeated) != 1:
        return candidates
    day = repeated.pop()
    head = min((c for c in heads if c.date == day), key=lambda c: (c.rank, c.start))
    return [head] + [c for c in candidates if c is not head]


# A block that already holds the roll or a decision: what follows another formula is another meeting's.
_BLOCK_OF_ITS_OWN = re.compile(r"\b(?:etaient presente?s|presente?s ?:|membres presents|a l'unanimite|apres en avoir"
                               r" delibere|secretaire de seance|pour extrait conforme|pour ?: ?\d)")


def _rival_doubt(doc: Document, chosen: Candidate, rivals: list) -> str:
    other = rivals[0]
    return (f"deux dates de séance lues que rien ne départage : {chosen.date:%d/%m/%Y} (« {doc.span(chosen.start, chosen.end, 80)} ») "
            f"et {other.date:%d/%m/%Y} (« {doc.span(other.start, other.end, 80)} ») ; date gardée, confiance abaissée")


# A date that nothing else in the document confirms (no weekday printed with it, no other passage
# naming it, no convocation sent in the month before, no posting or transmission in the two months
# after): a misread of it would move every delay, so it stays below the threshold of an accusation.
UNCONFIRMED_MEETING_DATE = 0.85
_CONVOCATION_CONFIRMS = 31
_STAMP_CONFIRMS = 62


def confirmed_by_order(meeting: dt.date, convocation: dt.date | None, later: list) -> bool:
    """Whether the dates around the meeting confirm its date: a convocation sent in the month
    before it, or a posting, publication or transmission in the two months after it."""
    if convocation is not None and 0 < (meeting - convocation).days <= _CONVOCATION_CONFIRMS:
        return True
    return any(0 <= (day - meeting).days <= _STAMP_CONFIRMS for day in later)


# A title chosen over the opening formula that contradicts it: right on the tuning texts, but
# a contradiction all the same, below the threshold the rules need to accuse.
_TITLE_OVER_FORMULA = 0.7
_CONTRADICTED_FORMULA = 0.85
_HEAD_TITLE = 300


# A formula this far after the chosen one opens a procès-verbal reproduced after this meeting's
# (zones.py cuts the block there).
_REPRODUCED_GAP = 1000


def _decided_by_title(doc: Document, candidates: list, chosen: Candidate, rivals: list) -> bool:
    """Whether the document's own title (or its ACTES identifier) settles a disagreement between
    the chosen formula and others: it names the chosen day, and every rival is a formula standing a
    whole block further on — another meeting's procès-verbal reproduced after this one — or a
    title the document repeats less often (« N°1 Procès-verbal de la séance du 3 février »)."""
    confirmed = any(c.date == chosen.date and (c.rank == 3 or c.rank == 2 and c.start < _HEAD_TITLE
                    and not _quoted_meeting(doc, c.start))
                    for c in candidates if c is not chosen)
    support = _support(candidates, chosen.date, chosen)
    return confirmed and all(c.rank <= 1 and c.start >= chosen.start + _REPRODUCED_GAP
                             or c.rank == 2 and _support(candidates, c.date, c) < support for c in rivals)


def _support(candidates: list, value: dt.date, but: Candidate) -> int:
    """How many other passages name `value` as this meeting's date; the ACTES identifier, often
    repeated on every page, counts once."""
    places = {c.start if c.rank != 3 else -1 for c in candidates if c is not but and c.date == value}
    return len(places)


_QUOTED_MEETING = re.compile(r"(?:approbation|approuve|adopte|precedente?|derniere?|prochaine?|lecture|rappel"
                             r"|lors de|sa seance|quorum|convoqu|\bvu |par deliberation)[^.]{0,40}$")


def _quoted_meeting(doc: Document, start: int, into: int = 12) -> bool:
    """Whether the words before `start` quote another meeting (« approbation du procès-verbal de la
    séance du »); a participle that closes a date of its own (« … du 7 mai 2021 approuvé ») quotes
    that date, not what follows it."""
    pos, end = max(0, start - 50), start + into
    blank = _blank_line_before(doc, start, 50)
    if blank is not None and _ROLL_HEAD.search(doc.fold, start, start + _ROLL_UNDER_TITLE + 40):
        # A heading with its roll under it, after a blank line: the words before are another passage's.
        pos = blank + 1
    while (found := _QUOTED_MEETING.search(doc.fold, pos, end)) is not None:
        if not _closes_its_date(doc.fold, found.start()):
            return True
        pos = found.start() + 1
    return False


def _better_supported_title(doc: Document, candidates: list) -> Candidate | None:
    """The head title's date, when the opening formula names another day that nothing else in
    the document repeats while the title's date is repeated (a later title, the ACTES identifier):
    a stale template formula (« Le premier décembre … » under « CONSEIL MUNICIPAL DU 16 FÉVRIER
    2023 ») or a year miswritten in words (« l'an deux mille vingt-deux, le lundi trente janvier »
    under « séance du lundi 30 janvier 2023 ») is the formula's error, not the title's."""
    chosen = candidates[0]
    if chosen.rank > 1 or _support(candidates, chosen.date, chosen):
        return None
    titles = [c for c in candidates if c.rank == 2 and c.start < _HEAD_TITLE and c.date != chosen.date
              and not _quoted_meeting(doc, c.start)]
    if chosen.weekday is not None and chosen.date.weekday() != chosen.weekday:
        # The formula's printed weekday disagrees with its own date: the ACTES identifier's date,
        # the same day of the same month in a year where the weekday agrees, stands in for a
        # title (« l'an deux mille vingt-deux, le lundi trente janvier » under an identifier dated
        # 20230130, a Monday).
        # A title above the formula does the same (« SÉANCE DU 21 FÉVRIER 2019 L'an deux mille dix-huit et le
        # jeudi 21 février »: a Thursday in 2019, not in 2018).
        repaired = [c for c in candidates if (c.rank == 3 or c.rank == 2 and c.start < chosen.start
                                              and not _quoted_meeting(doc, c.start))
                    and c.date.weekday() == chosen.weekday
                    and (c.date.month, c.date.day) == (chosen.date.month, chosen.date.day)]
        if repaired:
            return repaired[0]
    best = max(titles, key=lambda c: (_support(candidates, c.date, c), -c.start), default=None)
    if best is None or _support(candidates, best.date, best) < 1:
        return None
    return best


# How far before its formula another meeting's text prints its day (« COMPTE RENDU … JEUDI 30 JANVIER
# 2020 Début de séance : 19h30 … Présents : 27 Votants : 28 L'an deux mille vingt, le jeudi 30 janvier »).
_OWN_HEAD_BEFORE = 400
_ROLL_UNDER_TITLE = 60
_ROLL_HEAD = re.compile(r"\b(?:etaient presente?s|presente?s ?:|membres presents)")
_REGISTER = re.compile(r"\b(?:extrait (?:du|des) registres?|registre des deliberations)\b")
# How far after its title another meeting's text shows a roll or a decision of its own.
_OWN_BLOCK_AFTER = 3000


def _heading_date(doc: Document, start: int, candidates: list) -> bool:
    """Whether the date at `start` is printed as a heading: a title (« Conseil Municipal du 18 mai
    2021 »), or a line in capitals (« COMPTE RENDU … + JEUDI 30 JANVIER 2020 »); not a meeting a
    sentence quotes (« … approuve le procès-verbal de la séance du 3 février 2023 »)."""
    if _quoted_meeting(doc, start, 0):
        return False
    if any(c.rank == 2 and c.start <= start < c.end for c in candidates):
        return True
    before = doc.text[max(0, start - 30):start]
    return bool(re.search(r"[A-ZÀ-Þ]{3}", before)) and not re.search(r"[a-zß-ÿ]", before)


def _set_apart(doc: Document, title: Candidate) -> bool:
    """Whether a title stands as a heading, not in a sentence: in capitals, or with a roll right under
    it (« CR du conseil municipal 17 septembre 2021 Présents : … »)."""
    # The hour read with the title (« … DU LUNDI 27 MARS 2023 à 18 h 00 ») is printed in lower case as often.
    words = _TITLE_HOUR.sub("", doc.text[title.start:title.end])
    return (not re.search(r"[a-zß-ÿ]", words)
            or _ROLL_HEAD.search(doc.fold, title.end, title.end + _ROLL_UNDER_TITLE) is not None)


# Words that make a title in capitals the item approving earlier minutes (« ADOPTION DU PROCES VERBAL DU
# CONSEIL COMMUNAUTAIRE DU 24 MAI 2022 ») or quoting another meeting.
_APPROVING = re.compile(r"approba|approuv|adopt|valida|precedent|dernier|prochain|lecture|rappel|\bvu\b|\blors\b")
_TITLE_HOUR = re.compile(r"(?:\b[àa] )?\d{1,2} ?(?:h|heures?)(?: ?\d{2})?\b")


def other_meetings(doc: Document, meeting: MeetingDate | Candidate, after: int) -> list:
    """Where the texts of other meetings joined after this one begin, from `after` on: another day's
    formula, from the first place its heading prints that day; another day's title set apart as a
    heading (in capitals, or a roll right under it; not a meeting the text quotes) followed by a roll
    or a decision of its own, though no formula follows it; either from the register's heading above
    it. What such a text prints (its roll, counts, votes) is its meeting's, not this one's: a second
    extract joined after the first, whose date the reader did not take, gives none of its facts."""
    candidates = _candidates(doc)
    starts = []
    for c in candidates:
        if c.start < after or c.date == meeting.date:
            continue
        if c.rank <= 1:
            heads = [d.start for d in find_dates(doc.fold, max(after, c.start - _OWN_HEAD_BEFORE), c.start)
                     if d.date == c.date and _heading_date(doc, d.start, candidates)]
            start = min(heads, default=c.start)
        elif (c.rank == 2 and _set_apart(doc, c) and not _quoted_meeting(doc, c.start)
              and _BLOCK_OF_ITS_OWN.search(doc.fold, c.end, c.end + _OWN_BLOCK_AFTER)):
            start = c.start
        elif c.rank == 2 and not _quoted_meeting(doc, c.start) and (titled := _titled_page(doc, c)) is not None:
            start = titled
        else:
            continue
        # « EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS … Nombre de conseillers en exercice : 15 … Séance du
        # vendredi 9 mai 2008 »: the register's heading opens that text, its counts before its day.
        registers = [m.start() for m in _REGISTER.finditer(doc.fold, max(after, start - _OWN_HEAD_BEFORE), start)]
        starts.append(registers[0] if registers else start)
    starts += _convocation_letters(doc, meeting.date, after)
    return sorted(starts)


# A document's title in capitals that opens a page of its own (« RAPPORT D'ORIENTATION BUDGETAIRE 2023
# Séance du 9 février 2023 », « NOTE DE SYNTHESE … »): after a blank line, two words in capitals at least,
# right before another day's title.
_PAGE_TITLE = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ'’ -]{2,}(?: [A-ZÀ-Þ0-9][A-ZÀ-Þ0-9'’ -]+)+ ?[-:,]? ?$")
_PAGE_TITLE_REACH = 120


def _titled_page(doc: Document, title: Candidate) -> int | None:
    """Where a document joined after this one begins, when another day's title stands right under a title
    in capitals after a blank line (a report or a note of another meeting, without a roll of its own)."""
    blank = _blank_line_before(doc, title.start, _PAGE_TITLE_REACH)
    if blank is None:
        return None
    head = doc.text[blank + 1:title.start].strip()
    if not head or not _PAGE_TITLE.fullmatch(head) or _APPROVING.search(doc.fold, blank + 1, title.start):
        return None
    return blank + 1


# The subject line of a letter convening the members (« Objet : Convocation à la séance du Conseil
# Municipal du 26 juin 2023 », « Objet : convocation au conseil communautaire du … »).
_CONVOCATION_LETTER = re.compile(
    r"\bobjet ?:? ?(?:(?:lettre de )?convocation|convocations)\b[^.;]{0,30}?\b(?:a la|au|a une?|du|de la|pour la|pour le)"
    r"(?: prochaine?)? (?:seance|reunion|session|conseil|comite|bureau|assemblee)\b[^.;]{0,70}?\b(?:du |le |en date du )?"
    rf"(?:{WEEKDAY},? )?(?P<date>{DATE_PLAIN})")
# How far before its subject line a letter's heading (the sender, the addressees) may begin.
_LETTER_HEAD = 400


def _convocation_letters(doc: Document, day: dt.date, after: int) -> list:
    """Where a letter convening the members to a meeting of another day begins, from `after` on: a
    convocation joined after the minutes is another text (its hour, its place, its sender are that
    meeting's); the letter's heading runs from the last blank line before its subject line, if near."""
    starts = []
    for m in _CONVOCATION_LETTER.finditer(doc.fold, after):
        date = date_at(doc.fold, m.start("date"))
        if date is None or date.date is None or date.date == day:
            continue
        blank = _blank_line_before(doc, m.start(), _LETTER_HEAD)
        starts.append(max(after, blank + 1) if blank is not None else m.start())
    return starts[:1]


# « s'est réuni, à Agel, en séance ordinaire, à vingt heures trente »: the hour after the place.
_HOUR_AFTER_VERB = re.compile(rf"(?:,| ) ?a (?=\d{{1,2}} ?h|\d{{1,2}}:[0-5]\d\b|(?:{NUMBER_WORDS}) heures?\b)")


# « CONSEIL COMMUNAUTAIRE DU 19 JANVIER 2023 A POUILLY SOUS CHARLIEU 19H00 »: the place between
# the title's date and its hour.
_PLACE_BEFORE_HOUR = re.compile(r",? (?:a|au|en) [a-z' -]{2,40}?(?= \d{1,2} ?h)")


def _other_time(doc: Document, value: dt.date, candidates: list, formula: bool = True,
                limit: int | None = None) -> str | None:
    limit = len(doc.fold) if limit is None else limit
    for c in sorted(candidates, key=lambda c: (c[0], c[1])):
        if c[2] == value and c[4] and c[1] < limit:
            return c[4]
    for date in find_dates(doc.fold, 0, min(len(doc.fold), _HEAD_TITLE * 2)):
        # A flattened header (« L'an et le à … DEUX MIL VINGT 10 février 20 heures 00 »).
        if (date.day, date.month) == (value.day, value.month) and date.year in (None, value.year):
            found = time_at(doc.fold, date.end)
            place = _PLACE_BEFORE_HOUR.match(doc.fold, date.end)
            if found is None and place:
                found = time_at(doc.fold, place.end())
            if found:
                return found[0]
    # The first in the text: the formula's hour (« s'est réuni … à vingt heures trente ») stands
    # before the minutes' « La séance est ouverte à 20 h 36 », and a document's own before that of
    # another text joined after it.
    hours = []
    for m in _REUNI.finditer(doc.fold, 0, limit) if formula else ():
        at = _HOUR_AFTER_VERB.search(doc.fold[m.end():m.end() + 150])
        if at:
            found = time_at(doc.fold, m.end() + at.start())
            if found:
                hours.append((m.start(), 0, found[0]))
                break
    for m in _START_TIME.finditer(doc.fold, 0, limit):
        found = time_at(doc.fold, m.end())
        if found:
            hours.append((m.start(), 1, found[0]))
            break
    if not hours:
        return None
    return min(hours)[2]


# --- convocation -------------------------------------------------------------------------

_CONVOCATION = [
    (0.95, re.compile(r"\bdate (?:de (?:la |l'envoi de la |l'envoi des )?|d'envoi de (?:la )?|d'envoi des )?"
                      r"convocations?(?: et d'affichage)?"
                      r"(?: (?:du|au) (?:present )?conseil(?: municipal| communautaire)?| des membres)?"
                      r" ?(?::|-)? ?(?:le |du )?")),
    # « Convocation : 13/12/2023 », « Envoi de la convocation : … », « Convocation du conseil
    # municipal : … », « Convoqué le : … », labels of a header box; a dash for the colon after these
    # labels (« Date de convocation - 18 janvier 2023 ») is theirs too.
    (0.9, re.compile(r"\b(?:envoi (?:de la |des )?)?convocations?(?: (?:du|au) (?:conseil(?: municipal| communautaire)?"
                     r"|comite(?: syndical)?))? ?(?::|-) ?(?:le |du )?(?=\d)|\bconvoquee?s? le ?(?::|-) ?(?=\d)")),
    (0.9, re.compile(r"\bconvocations? (?:reguliere |legale |ordinaire |individuelle |ecrite )?(?:du |en date du "
                     r"|datee du |adressees? le |envoyees? le |faites? le |transmises? le |remises? le |expediees? le )")),
    # « convocation du conseil municipal en date du … »: the sending's date, not « du » the meeting's.
    (0.9, re.compile(r"\bconvocations? (?:du |au )(?:conseil(?: municipal| communautaire| syndical)?|comite(?: syndical)?"
                     r"|bureau(?: communautaire| syndical)?) (?:en date du |datee du |adressee le |envoyee le )")),
    (0.9, re.compile(r"\bconvoquee?s?(?: individuellement)?(?: par ecrit)?(?: regulierement| legalement| dument)?"
                     r"(?: (?:en |d')urgence)?"
                     r"(?: en (?:seance|session)"
                     r"(?: ordinaire| extraordinaire| publique)?)?(?: par (?:monsieur |madame |m\. |mme )?(?:le |la )?"
                     r"(?:(?:1er |1ere |premier |premiere )?vice-)?(?:maire|presidente?)"
                     # « convoqués par le Président, Monsieur Paul EXEMPLE, le 5 juin 2014 »: the office, then its holder.
                     r"(?:,? (?:monsieur|madame|m\.|mme) [a-z' -]{2,40},)?)?(?:,? par (?:courrier|courriel|lettre|mail"
                     r"|voie (?:electronique|dematerialisee|postale))(?: simple| electronique| recommandee)?)?,? "
                     r"(?:le |en date du |du |par courrier du |par (?:voie )?(?:electronique|dematerialisee) le )")),
    (0.85, re.compile(r"\bremise? (?:au domicile|a domicile|en mains? propres?)[^.;]{0,60}? le ")),
]
# « la convocation qui leur a été adressée par le Maire, conformément à l'article …, le 31 janvier »
_CONVOCATION_SENT = re.compile(r"\bconvocation (?:qui (?:leur|lui) a ete |a ete )?(?:adressee?|envoyee?|transmise"
                               r"|notifiee)\b")
_TABLE_DATES = re.compile(
    rf"\bdate (?:de (?:la )?)?convocation (?P<second>date d'affichage|date de publication) "
    rf"(?P<d1>{DATE_PLAIN}) (?P<d2>{DATE_PLAIN})")
_ASSERTED = re.compile(r"\b(?:\w+ )?jours? francs?|\bdans les (?:formes et )?delais? (?:legaux|legal|"
                       r"prescrits|reglementaires)|\bdelais? legaux")
_POSTED_CONVOCATION = re.compile(r"\b(?:laquelle convocation a ete affichee|convocation (?:a ete |fut )?affichee"
                                 r"|dont (?:un exemplaire|une copie) a ete affichee?|affichage de la convocation)")
# « Date d'affichage : », « Date d'affichage en mairie : », « Date de mise en affichage : », « Date de
# publication par affichage : », « Affichage : » — the act's posting when dated after the meeting (the
# convocation's is dated before it).
_POSTING_DATE = re.compile(r"\b(?:date (?:d'affichage|de (?:mise en |l')?affichage|de (?:la )?publication par (?:voie d')?affichage)"
                           r"(?: (?:en mairie|a la mairie|au siege|de l'acte|de la deliberation|de l'extrait|de la convocation))? ?:? ?"
                           rf"|affichage ?: ?)(?:le )?(?P<date>{DATE_PLAIN})")
_CONVENED_BY = re.compile(r"\b(?:convoquee?s?|adressee?|convocation) (?:par|de) (?:monsieur |madame |m\. |mme )?"
                          r"(?:le |la )?(?P<who>maire|presidente?)\b")


@dataclass
class DatedFact:
    date: dt.date
    source: str
    confidence: float
    start: int


def _before_meeting(value: dt.date | None, meeting: dt.date, days: int = 92) -> bool:
    return value is not None and meeting - dt.timedelta(days=days) <= value <= meeting


def _complete_year(date, meeting: dt.date) -> tuple[dt.date | None, bool]:
    """A convocation date without a readable year takes the meeting's (or the year before)."""
    if date.date is not None and _before_meeting(date.date, meeting):
        return date.date, False
    # A year lost or garbled by OCR (« le dix février deux mille Procurations : 5 Vingt-trois »).
    for year in (meeting.year, meeting.year - 1):
        value = date.with_year(year)
        if _before_meeting(value, meeting, 60):
            return value, True
    return None, False


# A header table flattened by extraction: the labels first, then the values in the same order
# (« Convocation envoyée le Nombre de conseillers … Nombre de votants 7 FEVRIER 2020 40 26 3 29 »).
_FLAT_CONVOCATION = re.compile(r"\b(?:date (?:de (?:la )?|d'envoi de (?:la )?)?convocation|convocation"
                               r"(?: envoyee| adressee| expediee| transmise)?(?: le| du)?) ?:? (?=nombre|membres"
                               r"|conseillers|delegues|date)")
_LATE_CONVOCATION_DAYS = 31
_EARLY_CONVOCATION_CONFIDENCE = 0.7


# « Les convocations ont été adressées le … », « Envoi de la convocation le … », « sur convocation
# du Maire en date du … », « Convocation aux membres du conseil et affichage le … »: the word and a
# date in one clause, read with less trust than a set phrase. A date that belongs to a meeting named
# in between (« convocation à la séance du … ») is not the sending's.
# « convoqué individuellement et par écrit le … », « convoqué, conformément à l'article L. 2121-10 du CGCT, le … »,
# « convoqué à domicile le … »: the participle, its manner or its law between it and its date.
_LOOSE_CONVOCATION = re.compile(r"\bconvocations?\b|\bconvoquee?s?\b")
_LOOSE_DATE_BEFORE = re.compile(r"(?:\ble|\bdu|\ben date du|:) $")
_LOOSE_MEETING_BETWEEN = re.compile(r"\b(?:seance|reunion|session|conseil|comite|assemblee)\b[^,;]{0,30}\bdu $")
_LOOSE_CONFIDENCE = 0.8
_SENDING = re.compile(r"\b(?:ont|a) ete (?:transmise?s?|adressee?s?|envoyee?s?|remise?s?|notifiee?s?|expediee?s?)\b")


def _loose_convocations(doc: Document, meeting: dt.date) -> list:
    text = doc.fold
    found = []
    for m in _LOOSE_CONVOCATION.finditer(text):
        # « les convocations individuelles, l'ordre du jour et les notes de synthèse ont été transmis par
        # courriel aux conseillers le 12 novembre 2020 »: a verb of sending carries the clause further.
        reach = 200 if _SENDING.search(text, m.end(), m.end() + 200) else 100
        window = text[m.end():m.end() + reach]
        stop = re.search(r"\. |;|\bconvo", window)
        end = m.end() + (stop.start() if stop else len(window))
        for date in find_dates(text, m.end(), end):
            before = text[m.end():date.start]
            if not _LOOSE_DATE_BEFORE.search(before) or _LOOSE_MEETING_BETWEEN.search(before):
                break
            value, guessed = _complete_year(date, meeting)
            # Sent on the meeting's day is no convocation a council can have met on: a misread.
            if value is not None and _before_meeting(value, meeting) and value < meeting:
                found.append(DatedFact(value, doc.span(m.start(), date.end),
                                       0.6 if guessed else _LOOSE_CONFIDENCE, m.start()))
            break
    return found


_CONVENING_CONFIDENCE = 0.85
# A date of a flattened header table, paired with its label by order only.
_FLAT_TABLE_CONFIDENCE = 0.8

# The convocation letter itself, bound with the minutes (« Objet : Convocation à la séance du Conseil
# Municipal du 26 juin 2023 … Annecy, le 15 juin 2023 » or a signature block « Date : 15/06/2023 »):
# the letter's own date is the convocation's.
_LETTER_SUBJECT = re.compile(r"\bobjet ?:? ?convocation\b")
_LETTER_DATE = re.compile(rf"(?:[a-z'-]{{2,}}, le |\bdate ?: ?|\bfait a [a-z' -]{{2,40}},? le )(?=\d|{WEEKDAY}|1er|premier)")
_LETTER_SPAN = 2500
_LETTER_CONFIDENCE = 0.8


def _convocation_letter(doc: Document, meeting: dt.date) -> list:
    text = doc.fold
    found = []
    for m in _LETTER_SUBJECT.finditer(text):
        for label in _LETTER_DATE.finditer(text, max(0, m.start() - 600), min(len(text), m.end() + _LETTER_SPAN)):
            date = date_at(text, label.end())
            if date is None or date.date is None or not _before_meeting(date.date, meeting) or date.date == meeting:
                continue
            found.append(DatedFact(date.date, doc.span(label.start(), date.end), _LETTER_CONFIDENCE, label.start()))
            return found
    return found


def _convening_formulas(doc: Document, meeting: dt.date) -> list:
    """« L'an deux mille vingt-trois, le cinq décembre, Monsieur le Maire a convoqué le conseil
    municipal pour le 12 décembre »: the formula of the convocation, dated."""
    found = []
    for m in _LAN.finditer(doc.fold):
        if not convening_formula(doc, m.end()):
            continue
        date = date_from_match(re.match(TEXT_DATE, m.group("date")), m.start("date"))
        year = None if date is None else date.year or number(m.group("lan"))
        value = date.with_year(year) if year else None
        if _before_meeting(value, meeting) and value < meeting:
            found.append(DatedFact(value, doc.span(m.start(), m.end()), _CONVENING_CONFIDENCE, m.start()))
    return found


def read_convocation(doc: Document, meeting: dt.date, near: int = 0) -> dict:
    """`date_envoi` (a DatedFact, or the source of an assertion), `date_affichage`, `convoque_par`.

    Among convocation sentences of equal trust, the one nearest the meeting's own formula (at
    `near`) wins: a procès-verbal reproduced further on has its own."""
    text = doc.fold
    result: dict = {}
    candidates = []
    flat = flat_header_dates(doc)
    for f in flat:
        if f.what.startswith("convocation") and _before_meeting(f.date.date, meeting):
            candidates.append(DatedFact(f.date.date, doc.span(f.start, f.end), _FLAT_TABLE_CONFIDENCE, f.start))
    for m in _FLAT_CONVOCATION.finditer(text):
        if _in_flat_table(flat, m.start()):
            continue
        values = re.search(r"\d", text[m.end():m.end() + 400])
        if values is None:
            continue
        date = date_at(text, m.end() + values.start())
        if date is not None and _before_meeting(date.date, meeting):
            candidates.append(DatedFact(date.date, doc.span(m.start(), date.end), 0.7, m.start()))
    for confidence, regex in _CONVOCATION:
        for m in regex.finditer(text):
            date = date_at(text, m.end())
            if date is None or _in_flat_table(flat, m.start()):
                continue
            value, guessed = _complete_year(date, meeting)
            if not _before_meeting(value, meeting):
                continue
            candidates.append(DatedFact(value, doc.span(m.start(), date.end),
                                        0.6 if guessed else confidence, m.start()))
    for m in _CONVOCATION_SENT.finditer(text):
        for le in re.finditer(r"\b(?:le|du|en date du) ", text[m.end():m.end() + 200]):
            at = m.end() + le.end()
            date = date_at(text, at)
            if date is None:
                continue
            value, guessed = _complete_year(date, meeting)
            if _before_meeting(value, meeting):
                candidates.append(DatedFact(value, doc.span(m.start(), date.end), 0.6 if guessed else 0.85,
                                            m.start()))
            break
    candidates.extend(_convening_formulas(doc, meeting))
    if not candidates:
        candidates.extend(_loose_convocations(doc, meeting))
    if not candidates:
        candidates.extend(_convocation_letter(doc, meeting))
    for m in _TABLE_DATES.finditer(text):
        d1 = date_from_match(re.match(DATE, m.group("d1")), m.start("d1"))
        if d1 and _before_meeting(d1.date, meeting):
            candidates.append(DatedFact(d1.date, doc.span(m.start(), m.end()), 0.75, m.start()))
    if candidates:
        best = max(candidates, key=lambda c: (c.confidence, -abs(c.start - near)))
        if (meeting - best.date).days > _LATE_CONVOCATION_DAYS:
            # Sent more than a month ahead: more often a template's stale date than a real one.
            best = DatedFact(best.date, best.source, min(best.confidence, _EARLY_CONVOCATION_CONFIDENCE), best.start)
        result["date_envoi"] = best
    else:
        for m in _ASSERTED.finditer(text):
            window_start = max(0, m.start() - 200)
            anchor = text.rfind("convo", window_start, m.start())
            if anchor < 0:
                anchor = text.find("convo", m.end(), m.end() + 60)
            if anchor < 0:
                continue
            start = min(anchor, m.start())
            end = max(m.end(), anchor + 12)
            tail = re.match(r" avant (?:la|sa) (?:seance|reunion)| avant celle-ci", text[end:end + 30])
            if tail:
                end += tail.end()
            result["date_envoi_affirme"] = doc.span(start, end)
            break
    for m in _POSTING_DATE.finditer(text):
        date = date_from_match(re.match(DATE, m.group("date")), m.start("date"))
        if date and _before_meeting(date.date, meeting):
            result["date_affichage"] = DatedFact(date.date, doc.span(m.start(), m.end()), 0.85, m.start())
            break
    if "date_affichage" not in result:
        for m in _TABLE_DATES.finditer(text):
            if m.group("second") == "date d'affichage":
                d2 = date_from_match(re.match(DATE, m.group("d2")), m.start("d2"))
                if d2 and _before_meeting(d2.date, meeting):
                    result["date_affichage"] = DatedFact(d2.date, doc.span(m.start(), m.end()), 0.7, m.start())
    if "date_affichage" not in result:
        m = _POSTED_CONVOCATION.search(text)
        if m:
            end = text.find(".", m.end())
            end = len(text) if end < 0 or end - m.end() > 120 else end
            result["date_affichage_affirme"] = doc.span(m.start(), end)
    m = _CONVENED_BY.search(text)
    if m:
        result["convoque_par"] = "maire" if m.group("who") == "maire" else "president"
    return result


def convocation_after_meeting(doc: Document, meeting: dt.date) -> DatedFact | None:
    """A convocation a set phrase dates, with its year, in the weeks after the meeting's date read:
    a council cannot have met before it was convened, so one of the two dates is misread."""
    text = doc.fold
    flat = flat_header_dates(doc)
    for f in flat:
        if f.what.startswith("convocation") and f.date.date is not None and \
                meeting < f.date.date <= meeting + dt.timedelta(days=92):
            return DatedFact(f.date.date, doc.span(f.start, f.end), _FLAT_TABLE_CONFIDENCE, f.start)
    for confidence, regex in _CONVOCATION:
        if confidence < 0.9:
            continue
        for m in regex.finditer(text):
            if _in_flat_table(flat, m.start()):
                continue
            date = date_at(text, m.end())
            if date is not None and date.date is not None and meeting < date.date <= meeting + dt.timedelta(days=92):
                return DatedFact(date.date, doc.span(m.start(), date.end), confidence, m.start())
    return None


def posting_after_meeting(doc: Document, meeting: dt.date) -> list:
    """« Date d'affichage » dates later than the meeting: those are the act's, not the convocation's."""
    text = doc.fold
    found = []
    for m in _POSTING_DATE.finditer(text):
        date = date_from_match(re.match(DATE, m.group("date")), m.start("date"))
        if date and date.date and date.date > meeting and "convocation" not in m.group(0):
            found.append(DatedFact(date.date, doc.span(m.start(), m.end()), 0.8, m.start()))
    for m in _TABLE_DATES.finditer(text):
        if m.group("second") == "date d'affichage":
            d2 = date_from_match(re.match(DATE, m.group("d2")), m.start("d2"))
            if d2 and d2.date and d2.date > meeting:
                found.append(DatedFact(d2.date, doc.span(m.start(), m.end()), 0.7, m.start()))
    for f in flat_header_dates(doc):
        # A flattened header box's posting date, paired with its label by their order.
        if f.what == "affichage" and f.date.date is not None and f.date.date > meeting:
            found.append(DatedFact(f.date.date, doc.span(f.start, f.end), 0.7, f.start))
    return found


# --- place ---------------------------------------------------------------------------------

_PLACE_START = re.compile(
    r"\b(?:s'est|se sont|se reunit|se reunira|s'est tenue?|se tiendra)(?: reunie?s?)?"
    r"(?: en (?:session|seance) (?:ordinaire|extraordinaire|publique)(?: publique)?,?| en seance publique,?"
    r"| au nombre prescrit par la loi,?)?")
_PLACE = re.compile(r" (?P<place>(?:a |au |aux |en |dans |salle )[^,.;]{3,120})")
_PLACE_END = re.compile(r" (?:sous la presidence|apres convocation|sur (?:la )?convocation|le \d|a \d|en seance"
                        r"|en session|, sous)")


def read_place(doc: Document) -> tuple[str, str, str | None] | None:
    """The place of the meeting, its source, and its type when the words say it."""
    head = _PLACE_START.search(doc.fold)
    if head is None:
        return None
    pos = head.end()
    # « s'est réuni le 22 août 2017 à 11 heures 50 dans la salle du conseil municipal »
    skip = re.match(r",? le ", doc.fold[pos:pos + 5])
    if skip:
        date = date_at(doc.fold, pos + skip.end())
        if date is not None:
            pos = date.end
            found = time_at(doc.fold, pos)
            if found:
                pos = found[1]
    m = _PLACE.match(doc.fold, pos)
    if m is None:
        return None
    start, end = m.start("place"), m.end("place")
    cut = _PLACE_END.search(doc.fold, start, end)
    if cut:
        end = cut.start()
    tail = doc.fold[end:end + 80]
    extra = re.match(r", ((?:salle|au |a la )[^,.;]{3,60})", tail)
    if extra and "presidence" not in extra.group(1):
        end += extra.end()
    place = doc.text[start:end].strip(" ,")
    place = re.sub(r"^(?:à|a|au|aux|en|dans) (?:la |le |l')?", "", place, flags=re.IGNORECASE)
    if len(place) < 3:
        return None
    folded = doc.fold[start:end]
    kind = None
    if re.search(r"visio", folded):
        kind = "visioconference"
    elif re.search(r"\bmairie\b|hotel de ville|salle du conseil municipal", folded) and "annexe" not in folded:
        kind = "mairie"
    elif re.search(r"\bsiege\b", folded):
        kind = "siege"
    return place[:1].upper() + place[1:], doc.span(head.start(), end), kind


# --- second convocation after a failed quorum (L2121-17 al. 2) ----------------------------

# « le quorum (requis) n'ayant pas été atteint / réuni / obtenu », « la séance du 3 mars n'ayant pas
# réuni le quorum », « les conditions de quorum n'étant pas remplies », « faute de quorum ».
_FAILED_QUORUM = re.compile(
    r"\b(?:(?:le )?quorum (?:requis |necessaire |legal )?n'(?:ayant|a|avait|etant|etait) pas (?:ete )?"
    r"(?:atteint|reuni|obtenu|constate)|faute de quorum|quorum non (?:atteint|reuni|obtenu)"
    r"|absence de quorum|n'(?:ayant|a|avait) pas (?:reuni|atteint|permis d'atteindre) le quorum"
    r"|(?:les )?conditions? de quorum n'(?:ayant|etant|a|etait) pas (?:ete )?(?:remplies?|reunies?|atteintes?))")
# « seconde / 2nde / deuxième convocation », « à nouveau convoqué », and the effect L2121-17 gives it:
# « délibère valablement sans condition de quorum », formerly « quel que soit le nombre des membres
# présents ».
_SECOND_CALL = re.compile(
    r"\b(?:(?:seconde|deuxieme|nouvelle|2e|2eme|2nde|2nd) convocation|(?:a nouveau|de nouveau|une seconde fois|une deuxieme"
    r" fois) convoquee?s?|convoquee?s? (?:a nouveau|de nouveau|une seconde fois|une deuxieme fois)"
    r"|(?:delibere|deliberer|deliberera|peut deliberer) valablement sans (?:condition de )?quorum"
    r"|sans condition de quorum|quel que soit le nombre (?:des|de) (?:membres|conseillers|delegues) presents)")
_WINDOW = 400
_CONDITION = re.compile(r"\b(?:si|lorsque|quand|au cas ou|dans le cas ou|a defaut)\b[^.;]{0,30}$")


@dataclass
class SecondCall:
    source: str
    start: int
    end: int
    failed_meeting: DatedFact | None


def read_second_convocation(doc: Document, meeting: dt.date) -> SecondCall | None:
    """The meeting held on a second convocation after a first one without quorum, when the text
    says both: the quorum failed (« le quorum n'ayant pas été atteint lors de la séance du 3 mars »)
    and the council was convened again (« à nouveau convoqué », « seconde convocation », « délibère
    valablement sans condition de quorum »). A mention of either alone (a rule recalled, a quorum
    checked) is not enough."""
    text = doc.fold
    for failed in _FAILED_QUORUM.finditer(text):
        if _CONDITION.search(text, max(0, failed.start() - 40), failed.start()):
            # « Si le quorum n'était pas atteint, le conseil serait à nouveau convoqué »: the rule.
            continue
        lo, hi = max(0, failed.start() - _WINDOW), min(len(text), failed.end() + _WINDOW)
        call = _SECOND_CALL.search(text, lo, hi)
        if call is None:
            continue
        start, end = min(failed.start(), call.start()), max(failed.end(), call.end())
        first = None
        for date in find_dates(text, failed.start(), min(len(text), failed.end() + 120)):
            value = date.date
            if value is not None and meeting - dt.timedelta(days=60) <= value < meeting:
                first = DatedFact(value, doc.span(failed.start(), date.end), 0.8, failed.start())
                end = max(end, date.end)
                break
        return SecondCall(doc.span(start, end), start, end, first)
    return None


# --- what contradicts the meeting's date -----------------------------------------------------

# A date misread or taken from another meeting moves every delay the rules count: one that the
# document contradicts somewhere stays below the threshold at which a finding may accuse. The
# checks are those a careful reader makes: the weekday printed with the day, the year the same day
# is printed with elsewhere, the ACTES identifier (which dates the act it transmits: the meeting's
# day, shared/ecosystem.md), a transmission that cannot precede the meeting that adopted the act.
_YEAR_APART = 1


def meeting_date_doubts(doc: Document, meeting: MeetingDate) -> list:
    """The reasons the document gives to doubt the meeting's date read, in French; none when
    nothing contradicts it."""
    day = meeting.date
    reasons = []
    for found in find_dates(doc.fold):
        if meeting.start <= found.start < meeting.end or (found.day, found.month) != (day.day, day.month):
            continue
        if found.weekday is not None and found.year in (None, day.year) and found.weekday != day.weekday():
            reasons.append(f"le même jour est imprimé avec un autre jour de la semaine (« {doc.span(found.start, found.end, 80)} »)")
            break
    for c in _candidates(doc):
        if (c.date.day, c.date.month) == (day.day, day.month) and 0 < abs(c.date.year - day.year) <= _YEAR_APART \
                and not _quoted_meeting(doc, c.start):
            reasons.append(f"le même jour est imprimé avec l'année {c.date.year} (« {doc.span(c.start, c.end, 80)} »)")
            break
    days = {actes_day(identifier) for identifier, _ in read_actes_ids(doc)} - {None}
    later = sorted(d for d in days if d > day)
    if later and day not in days:
        # An identifier dated before the meeting is an earlier act's (an annexed convention's stamp); one dated
        # after it, with none of its day, says the meeting read is earlier than the act's.
        reasons.append(f"aucun identifiant ACTES n'est daté du jour de la séance et l'un est daté d'après elle "
                       f"({later[0]:%d/%m/%Y})")
    earlier: list = []
    kept = {stamp.field for stamp in read_stamps(doc, day, earlier)}
    for stamp in earlier:
        if stamp.field.startswith("transmission.") and stamp.field not in kept \
                and not any(act <= stamp.date for act in days):
            # An act is sent to the prefect after the meeting that adopted it; an earlier act the document
            # prints the identifier of (an annexed convention) may have been sent then.
            reasons.append(f"transmission en préfecture datée avant la séance (« {stamp.source} »)")
            break
    return reasons



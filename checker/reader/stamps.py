"""Stamps printed on transmitted acts: sent, received, posted, published, and the ACTES identifier.

« Envoyé en préfecture le 03/02/2023 », « Reçu en préfecture le 03/02/2023 », « AR Prefecture …
Reçu le 08/02/2023 », « Date de réception préfecture : 09/12/2022 », « Date de
télétransmission : 23/02/2023 », « Affiché le 23 FEV.2023 », « Publié le 08/02/2023 », « Date
de mise en ligne de l'acte : 02/02/2023 », « ID : 065-216502260-20230123-2023009-DE ». These
stamps are repeated on every page; a blank one (« Publié le » with nothing after) gives nothing.
A stamp dated before the meeting, or years after it, is an OCR slip or concerns another paper.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from checker.reader.dates import date_at
from checker.reader.normalize import Document

ACTES_ID = re.compile(r"\b((?:\d{3}|02[AB])-\d{9}-\d{8}-[A-Za-z0-9_]{1,15}-(?:DE|AR|AI|CC|BF|AU))(?![\w-])")


def actes_day(identifier: str) -> dt.date | None:
    """The date an ACTES identifier gives its act (its third field), or None when it is no date."""
    try:
        return dt.datetime.strptime(identifier.split("-")[2], "%Y%m%d").date()
    except (IndexError, ValueError):
        return None


_STAMPS = [
    ("transmission.date_envoi", 0.9, re.compile(
        # « Date de transmission au contrôle de légalité : », « Date d'envoi au représentant de l'État : »
        # (first: the shorter « date de transmission » would stop before the addressee).
        r"\b(?:date (?:de (?:tele)?transmission|d'envoi) (?:au controle de legalite|au representant de l'etat"
        r"|au (?:sous-)?prefet|(?:en|a la) (?:sous-)?prefecture)|envoyee? en prefecture le|(?:tele)?transmise? (?:en|a la) (?:sous-)?prefecture le|date de (?:tele)?transmission"
        # « Acte rendu exécutoire après envoi en Préfecture le 15-03-2019 »
        r"|date d'envoi en prefecture|(?:transmission|envoi) (?:en|a la) (?:sous-)?prefecture le|(?:tele)?transmise? (?:au representant de l'etat"
        r"|au (?:controle de legalite|prefet|sous-prefet)|en sous-prefecture) le|teletransmise? le"
        # « … après transmission au représentant de l'État le … », « publiée et transmise en préfecture le … »
        r"|(?:tele)?transmission (?:au representant de l'etat|au (?:controle de legalite|prefet|sous-prefet)) le"
        r"|(?:publiee?|affichee?) et (?:tele)?transmise? (?:en|a la) (?:sous-)?prefecture le)\s?:?\s?")),
    ("transmission.date_reception", 0.9, re.compile(
        r"\b(?:date de reception (?:par le representant de l'etat|au controle de legalite|de l'ar|par la (?:sous-)?prefecture"
        r"|par le (?:sous-)?prefet|a la (?:sous-)?prefecture)"
        r"|recue? en prefecture le|date de reception(?: en)?(?: (?:prefecture|sous-prefecture|ar))?"
        r"|date d'accuse de reception(?: (?:en )?(?:sous-)?prefecture)?|date de l'ar"
        r"|accuse de reception (?:en )?(?:sous-)?prefecture(?: le)?|reception (?:en )?prefecture le|recue? (?:a la |en )?"
        r"(?:sous-)?prefecture le|reception par le (?:sous-)?prefet|ar[- ](?:sous-)?prefecture(?: le)?"
        # « Reçu par la préfecture le », « Date de réception par le représentant de l'État : »,
        # « Reçue au contrôle de légalité le », « Contrôle de légalité : reçu le », « Accusé de
        # réception du … ».
        r"|recue? par la (?:sous-)?prefecture le|recue? au controle de legalite le|controle de legalite ?: ?recue? le|accuse de reception du"
        r"|date de depot (?:en|a la) (?:sous-)?prefecture|deposee? au controle de legalite le)\s?:?\s?")),
    # « Acte rendu exécutoire après dépôt en Préfecture le … »: the deposit is the prefecture's receipt.
    # « Visé par la sous-préfecture le … »: the prefecture's stamp on receipt, in older registers.
    ("transmission.date_reception", 0.85, re.compile(r"\b(?:depot|deposee?) (?:en|a la) (?:sous-)?prefecture le\s?:?\s?"
                                                     r"|\bvisee? (?:par la|en) (?:sous-)?prefecture le\s?:?\s?")),
    ("transmission.date_reception", 0.8, re.compile(r"\brecue? le\s?:?\s?")),
    # Below the gate: on the texts nobody tuned on, an online publication date read at 0.9 was right
    # in 2 reads of 4 (10 of 12 with the tuning texts), too few to accuse on.
    ("publicite.date_mise_en_ligne", 0.85, re.compile(
        r"\b(?:date de publication (?:electronique|sur (?:le site|internet)[^.:]{0,40}?(?= ?:))"
        r"|date de (?:mise en ligne|publication)(?: de l'acte| ou de notification)?"
        # « Mis en ligne sur le site internet le … », « Mise en ligne sur le site de la commune : … »
        r"|mise? en ligne(?: sur [^.:]{1,40}?)?(?: le| ?:)"
        r"|publiee? (?:sur (?:le site|internet)[^.]{0,40}? )?le|date de publication(?: ou de notification)?"
        r"|publication (?:sur (?:le site|internet)[^.]{0,40}? )?le|publication ?:"
        # « Acte rendu exécutoire après dépôt en Préfecture le … et publication ou notification du … »
        r"|publication ou (?:de )?notification (?:du|le)|publiee? ou notifiee? le"
        # « Date de publication sur le site internet : », « Publié par voie électronique le ».
        r"|publiee? (?:par voie electronique|sous forme electronique) le"
        # « Publiée et transmise en préfecture le … », « Affiché et publié le … »: one date, two acts.
        r"|publiee? et (?:tele)?transmise? (?:en|a la) (?:sous-)?prefecture le|affichee? et publiee? le|publiee? et affichee? le)\s?:?\s?")),
    ("publicite.date_affichage", 0.9, re.compile(
        r"\b(?:affichee?s? (?:a la porte de la mairie |en mairie |au siege )?(?:le|en date du|du)"
        # « Affiché et certifié exécutoire le … »: one date for both.
        r"|affichee? et certifiee? executoire le"
        # « Affichage : du 12/03/2019 au 12/05/2019 », « Affichage en mairie le … »
        r"|affichage(?: en mairie)? ?:? (?:le|du|en date du)|date d'affichage de (?:l'acte|la deliberation|l'extrait)"
        r"|affichee? et publiee? le|publiee? et affichee? le)\s?:?\s?")),
    # « Publication sur papier le … », « Publié sous forme papier le … », « Date de publication papier : … »: the
    # publication on paper L2131-1 names beside the posting (before 1 July 2022 either made the act public; since,
    # the form a small commune or a syndicate may choose). Below the gate: a form the reader seldom meets.
    ("publicite.date_publication_papier", 0.85, re.compile(
        r"\b(?:publication (?:sur |sous forme |en version )?papier(?: (?:le|du|en date du))?"
        r"|publiee? (?:sur |sous forme |en version )papier le|date de (?:la )?publication (?:sur |sous forme )?papier)"
        r"\s?:?\s?")),
    # Where the paper was posted, between the participle and its date: « affichée aux portes de la mairie
    # le », « affiché sur les panneaux municipaux le », « affiché au tableau d'affichage de la mairie le ».
    # A place of a few words, no clause break nor figure: a date further on is another sentence's.
    ("publicite.date_affichage", 0.85, re.compile(
        r"\baffichee?s? (?:a|aux|au|en|sur|dans) (?:la |le |les |l')?(?:portes?|panneaux?|tableaux?|mairie|hotel de ville"
        r"|siege|vitrines?|lieux?|emplacements?)\b[^.;:\d]{0,50}? le\s?:?\s?"
        # « Affichage du compte rendu le », « Affichage du procès-verbal : », « Affichage effectué le »:
        # the posting of this meeting's own paper.
        r"|\baffichage (?:du (?:present )?(?:compte[- ]rendu|proces[- ]verbal|pv|extrait)|de la (?:presente )?deliberation"
        r"|de l'extrait|effectue)(?: (?:en mairie|a la mairie))?(?: le| ?:)\s?:?\s?"
        # « Le Maire certifie avoir affiché le présent compte rendu le … »: the paper named between the
        # participle and its date.
        r"|\baffichee?s? (?:le |la |l')?(?:present |presente |cette |ce )?(?:compte[- ]rendu|proces[- ]verbal|deliberation"
        r"|extrait|acte)\b[^.;:\d]{0,40}? le\s?:?\s?"
        # « Affiché : 03/07/2018 », the participle as a stamp's label.
        r"|\baffichee? ?: ?")),
]

# « Affiché(e) le », « Reçu(e) en préfecture le », « Publié(e) le »: a template's participle written for either
# gender, read as the participle it is.
_PARTICIPLE = re.compile(r"(envoye|transmis|recu|publie|mis|affiche|depose|vise|notifie)e\?(s\?)?")


def _either_gender(pattern: re.Pattern) -> re.Pattern:
    return re.compile(_PARTICIPLE.sub(lambda m: m.group(0) + r"(?:\((?:e|s|es)\))?", pattern.pattern))


_STAMPS = [(field, confidence, _either_gender(regex)) for field, confidence, regex in _STAMPS]
_PREFECTURE_CONTEXT = re.compile(r"prefecture|\bar\b|accuse")
_PREFECTURE_AFTER = re.compile(r" ?(?:en|a la|par la) (?:sous-)?prefecture\b")
# « L'intégralité des délibérations … sont consultables à compter du 23 décembre 2022 dans le
# recueil … ainsi que sur le site internet de la collectivité »: the online publication's date.
_CONSULTABLE_ONLINE = re.compile(r"\bconsultables? (?:a compter du|des le|depuis le) ")
_YEAR_GUESSED = 0.6
_YEAR_GUESS_DAYS = 120
_PUBLISHED_ONLINE = re.compile(r"\b(?:publiee?|mise? en ligne) sur (?:le site|internet)")


@dataclass
class Stamp:
    field: str
    date: dt.date
    source: str
    confidence: float
    start: int


def _acceptable(value: dt.date | None, meeting: dt.date) -> bool:
    return value is not None and meeting <= value <= meeting + dt.timedelta(days=3 * 366)


# « Vu la loi n° … publiée le … », « l'arrêté préfectoral affiché le … »: a text cited, not this act's stamp.
_CITED = re.compile(r"(?:^|[\s(])(?:vu|loi|decret|ordonnance|arrete|circulaire|journal officiel|jorf|reglement|avis)\b")
# « La convocation affichée le … », « l'ordre du jour publié le … »: the meeting's notice, posted before it.
_NOTICE = re.compile(r"\b(?:convocations?|ordre du jour)\b[^.;:]{0,12}$")


def _cited(text: str, pos: int) -> bool:
    clause_start = max(text.rfind(". ", 0, pos) + 2, text.rfind("; ", 0, pos) + 2, pos - 100, 0)
    return _CITED.search(text[clause_start:pos]) is not None or _NOTICE.search(text[max(0, pos - 40):pos]) is not None


def _cited_at(doc: Document, pos: int) -> bool:
    """Whether the stamp at `pos` dates a text cited; « …, Affiché le » with a capital starts a line of
    its own, not the clause of a visa."""
    text = doc.fold
    return _cited(text, pos) and not (doc.text[pos:pos + 1].isupper() and not _NOTICE.search(
        text[max(0, pos - 40):pos]))


def read_stamps(doc: Document, meeting: dt.date, set_aside: list | None = None, foreign: list | None = None,
                unsure: list | None = None) -> list:
    """Every dated stamp about the act, in the order of the text. A stamp dated before the meeting,
    with its year printed, goes to `set_aside` (when given) so that the cross-check says why it is
    not kept; one in a text cited (« Vu la loi … publiée le … ») is nobody's stamp; one printed with
    another day's @ctes identifier goes to `foreign` (when given), with that day; a publication whose
    form the law then in force leaves open goes to `unsure` (when given)."""
    text = doc.fold
    stamps = []
    for field, confidence, regex in _STAMPS:
        for m in regex.finditer(text):
            date = date_at(text, m.end(), 40)
            split = False
            lost_slash = False
            if date is None:
                date = _split_day(text, m.end())
                split = date is not None
            if date is None:
                date = _lost_slash(text, m.end(), meeting)
                lost_slash = date is not None
            if date is None:
                # « Affiché le ______ 03/07/2018 », « Affiché le - 3 JUIL. 2018 »: a form's blank filled in.
                leaders = _LEADERS.match(text, m.end())
                date = date_at(text, leaders.end(), 40) if leaders else None
            if date is None:
                date = _range_start(text, m.end())
            if date is None:
                continue
            if confidence < 0.85 and field == "transmission.date_reception":
                # « Reçu le … » says what received it before (« AR Préfecture … Reçu le ») or just
                # after (« Reçu le 15/03/2024 en préfecture »).
                if not (_PREFECTURE_CONTEXT.search(text, max(0, m.start() - 120), m.start())
                        or _PREFECTURE_AFTER.match(text, date.end)):
                    continue
            value, guessed = date.date, False
            if date.year is None:
                # « Publication le : 7 AVR. 2U2J »: a year garbled by OCR; a stamp follows the
                # meeting by days or weeks, so only the one year that puts it there, and that
                # agrees with every digit still legible, is taken. « Affiché le 3 juillet. », with no
                # year at all: the same year, read with the same doubt.
                garbled = _garbled_year(text, date.end)
                until = re.match(r" (?:au|jusqu'au) ", text[date.end:date.end + 14])
                last = date_at(text, date.end + until.end(), 40) if until else None
                if last is not None and last.date is not None and date.with_year(last.year) is not None \
                        and date.with_year(last.year) <= last.date:
                    # « Affiché du 12 avril au 26 avril 2024 »: the year of the range's end.
                    value, guessed = date.with_year(last.year), False
                else:
                    if garbled is None and _NO_YEAR.match(text, date.end):
                        garbled = "____"
                    value = _year_after(date, meeting, garbled)
                    guessed = True
            misread_year = False
            printed = None if guessed else value
            if value is not None and date.year is not None and not _acceptable(value, meeting):
                # « 2 7 FEV. 2073 » for 2023: one digit of the year misread; the year that differs
                # by that digit alone and puts the stamp in the weeks after the meeting.
                value = _year_after(date, meeting, str(date.year), one_digit_off=True)
                misread_year = guessed = value is not None
            cited = _cited_at(doc, m.start())
            if not _acceptable(value, meeting):
                if set_aside is not None and printed is not None and printed < meeting and not cited:
                    set_aside.append(Stamp(field, printed, doc.span(m.start(), date.end), confidence, m.start()))
                continue
            if cited:
                # « Vu l'avis … publié le », « Vu pour être annexé … publié le … à Champigny »: the date
                # of a text the act cites or is annexed to, not this act's stamp.
                continue
            source = doc.span(m.start(), date.end)
            if misread_year:
                source += f" — année lue {date.year}, un chiffre mal numérisé"
            if split:
                guessed = True
                source += " — jour lu en joignant deux chiffres séparés par la numérisation"
            if lost_slash:
                guessed = True
                source += " — une barre de la date lue « 1 » par la numérisation"
            if _online_unsaid(field, value, text, m.start(), m.end()):
                # « Publié le 12/03/2019 »: until 30 June 2022 an act was « publié ou affiché » (L2131-1), on
                # paper or on the board; going online was only a complement, and « publié » alone says
                # neither which of the two nor that it went online.
                if unsure is not None:
                    unsure.append(Stamp(field, value, doc.span(m.start(), date.end), confidence, m.start()))
                continue
            trust = min(confidence, _YEAR_GUESSED) if guessed else confidence
            announced = _ANNOUNCED.search(text, max(0, m.start() - 40), m.start())
            if announced:
                # « La présente délibération sera affichée le 12 avril »: a posting announced, not one
                # certified done; below the gate, it cannot ground an accusation.
                source = doc.span(announced.start(), date.end) + " — annoncé, non certifié"
                trust = min(trust, _ANNOUNCED_CONFIDENCE)
            stamps.append(Stamp(field, value, source, trust, m.start()))
    for m in _CONSULTABLE_ONLINE.finditer(text):
        date = date_at(text, m.end(), 40)
        if date is None or not _acceptable(date.date, meeting):
            continue
        sentence_end = text.find(". ", date.end)
        sentence_end = len(text) if sentence_end < 0 else sentence_end
        online = _ONLINE_PLACE.search(text, date.end, min(sentence_end, date.end + 300))
        if online:
            stamps.append(Stamp("publicite.date_mise_en_ligne", date.date, doc.span(m.start(), online.end()), 0.75,
                                m.start()))
    boxed, unsure = _boxed(doc, meeting)
    stamps = [stamp for stamp in stamps if stamp.start not in unsure] + boxed
    stamps.sort(key=lambda s: s.start)
    kept = []
    for stamp in stamps:
        day = _other_acts_day(doc, stamp.start, meeting)
        if day is None:
            kept.append(stamp)
        elif foreign is not None:
            foreign.append((stamp, day))
    return kept


# The @ctes identifier printed in a stamp dates the act it transmits (the day it was decided). A stamp
# whose box names only identifiers of another day is that act's (an earlier deliberation annexed, a
# decision of the Maire reported at the meeting), even when it was received after this meeting.
_OWN_BOX = 160


# An identifier is at most this long: one that begins in the box is read whole, even past its edge.
_ID_LENGTH = 45


def _other_acts_day(doc: Document, pos: int, meeting: dt.date) -> dt.date | None:
    days = set()
    for m in ACTES_ID.finditer(doc.text, max(0, pos - _OWN_BOX - _ID_LENGTH), min(len(doc.text), pos + _OWN_BOX + _ID_LENGTH)):
        if m.start() >= pos + _OWN_BOX or m.end() <= pos - _OWN_BOX:
            continue
        day = actes_day(m.group(1))
        if day is None:
            return None
        days.add(day)
    if not days or meeting in days:
        return None
    return min(days)


# A stamp box flattened by extraction prints its labels first and their values after (« Date de
# télétransmission : Date de réception préfecture : Affiché le : 08/04/2014 08/04/2014 10/04/2014 »):
# read one by one, the last label would take the first date. Labels with no date of their own, one right
# after the other, and the label after them, then as many dates in a row and nothing else between them:
# the n-th date is the n-th label's. Fewer or more dates than labels say the pairing is not sure: none
# of them is read, the last label's neither.
_BOX_LABELS = _STAMPS + [("publicite.date_affichage", 0.9, re.compile(
    r"\bdate (?:d'affichage|de (?:mise en |l')?affichage)(?: (?:en mairie|a la mairie|au siege|de l'acte|de la deliberation"
    r"|de l'extrait))?\s?:?\s?")),
    # « Affiché le | Transmis le » over their dates: in a box beside another stamp's label, « transmis » is the
    # sending to the prefect (alone in a sentence it may be a sending to the members).
    ("transmission.date_envoi", 0.9, re.compile(r"\b(?:tele)?transmise? le\s?:?\s?"))]
_BOX_GAP = re.compile(r"[\s:;,|-]{0,4}")
# The @ctes box prints its identifier with its dates: between the labels and the values.
_BOX_IDENTIFIER = re.compile(r"(?:id ?: ?)?" + ACTES_ID.pattern.replace("DE|AR|AI|CC|BF|AU", "de|ar|ai|cc|bf|au")
                             + r"[\s:;,|-]{0,4}")
_BOX_CONFIDENCE = 0.75


def _boxed(doc: Document, meeting: dt.date) -> tuple[list, set]:
    """The stamps of flattened boxes, and where the labels of a box that cannot be paired start."""
    text = doc.fold
    labels = []
    for field, _, regex in _BOX_LABELS:
        for m in regex.finditer(text):
            core = text[m.start():m.end()].strip(" :")
            if not (core.startswith("date") or core.endswith((" le", " du")) or text[m.start():m.end()].rstrip().endswith(":")):
                # « Accusé de réception en préfecture », « AR Préfecture »: the box's title, not a label.
                continue
            labels.append((m.start(), m.end(), field, date_at(text, m.end(), 40) is None))
    labels.sort()
    # A label found at one place by two patterns counts once, the longer reading kept.
    kept = []
    for item in labels:
        if kept and item[0] < kept[-1][1]:
            if item[1] > kept[-1][1]:
                kept[-1] = item
            continue
        kept.append(item)
    groups, group = [], []
    for item in kept:
        if group and not (group[-1][3] and _BOX_GAP.fullmatch(text, group[-1][1], item[0])):
            groups.append(group)
            group = []
        group.append(item)
    if group:
        groups.append(group)
    found, unsure = [], set()
    for group in groups:
        if len(group) < 2 or group[-1][3] is False and not group[0][3]:
            continue
        dates, pos = [], group[-1][1]
        identifier = _BOX_IDENTIFIER.match(text, _BOX_GAP.match(text, pos).end())
        if identifier:
            pos = identifier.end()
        while len(dates) <= len(group):
            gap = _BOX_GAP.match(text, pos)
            date = date_at(text, gap.end(), 40)
            if date is None or date.date is None:
                break
            dates.append(date)
            pos = date.end
        if not dates:
            continue
        if len(dates) != len(group):
            unsure.update(item[0] for item in group)
            continue
        unsure.update(item[0] for item in group)
        for (start, label_end, field, _), date in zip(group, dates):
            if not _acceptable(date.date, meeting) or _cited_at(doc, start):
                continue
            if _online_unsaid(field, date.date, text, start, label_end):
                # « Date de publication » before July 2022: posted or printed, not said online (read_stamps).
                continue
            found.append(Stamp(field, date.date, doc.span(start, group[-1][1]) + " … " + doc.span(date.start, date.end)
                               + " — étiquettes et dates d'un cadre imprimées à part, lues dans l'ordre",
                               _BOX_CONFIDENCE, start))
    return found, unsure


# « Affiché le : 2 7 DEC. 2023 », « Reçu en préfecture le 2 2/12/2023 »: the two digits of the day
# set apart by the scan. Joined, they give a day read with doubt: « 2 7 » could be a stray mark.
_SPLIT_DAY = re.compile(r"(?P<lead>\s?:?\s?)(?P<a>[0-3]) (?P<b>\d)(?=[/.-]\d|\.? ?[a-z])")


def _split_day(text: str, pos: int):
    """The date at `pos` once the two digits of its day are joined, placed in `text`."""
    m = _SPLIT_DAY.match(text, pos)
    if m is None:
        return None
    window = m.group("lead") + m.group("a") + m.group("b") + text[m.end():m.end() + 36]
    date = date_at(window, 0, 40)
    if date is None:
        return None
    # The joined window is one character shorter than the text it stands for.
    return dataclasses.replace(date, start=pos + date.start, end=pos + date.end + 1)


# « Date de réception AR: 21/1212022 »: one slash of the date read as « 1 » (or « l », « I », « | »)
# by the scan. Put back, it must give a date in the weeks after the meeting, and is read with doubt.
_LOST_SLASH = re.compile(r"\s?:?\s?(?P<d>[0-3]?\d)(?:/(?P<m1>[01]\d)[1lI|](?P<y1>20\d\d)|[1lI|](?P<m2>[01]\d)/(?P<y2>20\d\d))(?!\d)")


def _lost_slash(text: str, pos: int, meeting: dt.date):
    m = _LOST_SLASH.match(text, pos)
    if m is None:
        return None
    month, year = (m.group("m1"), m.group("y1")) if m.group("m1") else (m.group("m2"), m.group("y2"))
    window = f"{m.group('d')}/{month}/{year}"
    date = date_at(window, 0, 12)
    if date is None or date.date is None or not meeting <= date.date <= meeting + dt.timedelta(days=_YEAR_GUESS_DAYS):
        return None
    return dataclasses.replace(date, start=m.start("d"), end=m.end())


_ONLINE_PLACE = re.compile(r"\bsur (?:le site|internet)[^.]{0,40}")
# From 1 July 2022 electronic publication is the rule (L2131-1 as reworded by ordinance n° 2021-1310): a
# commune of fewer than 3 500 inhabitants or a syndicate that chose posting or paper says so, and
# « publié le » is read as the act put online, below the gate.
_ONLINE_BY_DEFAULT = dt.date(2022, 7, 1)
_SAYS_ONLINE = re.compile(r"en ligne|\bsite\b|internet|electroni|dematerialis")


def _online_unsaid(field: str, day: dt.date, text: str, start: int, end: int) -> bool:
    """Whether a publication stamp dated before July 2022 does not say, in its label
    (`text[start:end]`), that the act went online: then « publié » said paper or posting, not which."""
    return field == "publicite.date_mise_en_ligne" and day < _ONLINE_BY_DEFAULT and not _SAYS_ONLINE.search(text, start, end)


# The future or an obligation before the participle: « sera affichée le », « seront publiés le », « devra être
# transmise le ».
_ANNOUNCED = re.compile(r"\b(?:sera|seront|serait|seraient|(?:doit|doivent|devra|devront) etre)\s(?:\w+\s)?$")
_ANNOUNCED_CONFIDENCE = 0.75
# « Affiché du 12 au 26 avril 2024 »: the first day of a range printed with the month and year of its last.
_RANGE = re.compile(r"(?P<d>[0-3]?\d)(?: ?er)? (?:au|-) ")


def _range_start(text: str, pos: int):
    m = _RANGE.match(text, pos)
    last = date_at(text, m.end(), 40) if m else None
    if last is None or not 1 <= int(m.group("d")) < last.day:
        return None
    return dataclasses.replace(last, start=pos, day=int(m.group("d")), weekday=None)


_LEADERS = re.compile(r" ?[_.:-][ _.:-]{0,39}")
# After a day and month with no year: the end of the clause, or a word (never a figure).
_NO_YEAR = re.compile(r" ?(?:[.;,)]|$| [a-z])")


_GARBLED_YEAR = re.compile(r"[ .]{0,2}([0-9a-z]{4})\b")


def _garbled_year(text: str, pos: int) -> str | None:
    m = _GARBLED_YEAR.match(text, pos)
    if m is None:
        return None
    token = m.group(1)
    digits = sum(c.isdigit() for c in token)
    return token if 2 <= digits < 4 else None


def _year_after(date, meeting: dt.date, garbled: str | None, one_digit_off: bool = False) -> dt.date | None:
    if garbled is None:
        return None
    for year in (meeting.year, meeting.year + 1):
        differing = sum(c != y for c, y in zip(garbled, str(year)))
        if one_digit_off:
            if differing != 1:
                continue
        elif any(c.isdigit() and c != y for c, y in zip(garbled, str(year))):
            continue
        value = date.with_year(year)
        if value is not None and meeting <= value <= meeting + dt.timedelta(days=_YEAR_GUESS_DAYS):
            return value
    return None


def read_online_assertion(doc: Document) -> tuple[str, int] | None:
    """« … et publié sur le site internet de la ville » without a date of its own."""
    m = _PUBLISHED_ONLINE.search(doc.fold)
    if m is None:
        return None
    if date_at(doc.fold, m.end(), 60) is not None or re.match(r"[^.]{0,40}? le \d", doc.fold[m.end():m.end() + 60]):
        return None
    start = doc.fold.rfind(". ", 0, m.start())
    start = 0 if start < 0 or m.start() - start > 250 else start + 2
    end = doc.fold.find(". ", m.end())
    end = len(doc.text) if end < 0 or end - m.end() > 200 else end
    return doc.span(start, end), m.start()


def read_actes_ids(doc: Document) -> list:
    """ACTES identifiers as printed (only those of the form the schema admits), with their place."""
    return [(m.group(1), m.start()) for m in ACTES_ID.finditer(doc.text)]
